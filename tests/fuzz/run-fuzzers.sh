#!/bin/sh
# Builds both harnesses and runs each for SECONDS (default 30) on a corpus
# seeded from the test fixtures. Usage: run-fuzzers.sh SRCROOT OUTDIR [SECONDS]
set -eu
src=$1
out=$2
seconds=${3:-30}

if ! command -v "${CLANG:-clang}" >/dev/null 2>&1; then
  echo "clang is not installed: skipping the fuzz run"
  exit 77
fi
"$src/tests/fuzz/build-fuzzers.sh" "$src" "$out"

for harness in load csv; do
  corpus="$out/corpus-$harness"
  mkdir -p "$corpus"
  if [ "$harness" = load ]; then
    find "$src/tests/fixtures" "$src/data" -name "*.coprod" -size -1M -exec cp {} "$corpus/" \;
  else
    find "$src/tests/fixtures" -name '*.csv' -size -1M -exec cp {} "$corpus/" \;
  fi
  # Crashing inputs found before are kept as fixtures and replayed first.
  if [ -d "$src/tests/fuzz/crashes-$harness" ]; then
    "$out/fuzz-$harness" "$src/tests/fuzz/crashes-$harness"/* 2>&1 | tail -n 3
  fi
  echo "fuzzing the $harness harness for $seconds s"
  ASAN_OPTIONS=detect_leaks=1 "$out/fuzz-$harness" -max_total_time="$seconds" -max_len=262144 \
    -timeout=60 -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$out/crash-$harness-" \
    "$corpus" 2>&1 | grep -E '^(stat::number_of_executed_units|#[0-9]+ *DONE|==[0-9]+==|SUMMARY|INFO: seed)' || true
  if ls "$out"/crash-"$harness"-* >/dev/null 2>&1; then
    echo "the $harness harness found a crash: $(ls "$out"/crash-"$harness"-*)"
    exit 1
  fi
done
