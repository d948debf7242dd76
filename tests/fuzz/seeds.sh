#!/bin/sh
# Lists, one a line and in a fixed order, the inputs a harness starts from:
# the test fixtures (and, for the loader, the example project), the committed
# corpus tests/fuzz/corpus-HARNESS and the saved failures
# tests/fuzz/crashes-HARNESS. Usage: seeds.sh SRCROOT HARNESS
set -eu
src=$1
harness=$2

case $harness in
  load) pattern='*.coprod' ;;
  csv) pattern='*.csv' ;;
  *) echo "seeds.sh: there is no harness named $harness" >&2; exit 2 ;;
esac
{
  find "$src/tests/fixtures" "$src/data" -type f -name "$pattern"
  for dir in "$src/tests/fuzz/corpus-$harness" "$src/tests/fuzz/crashes-$harness"; do
    if [ -d "$dir" ]; then
      find "$dir" -type f
    fi
  done
} | LC_ALL=C sort
