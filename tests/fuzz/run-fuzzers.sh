#!/bin/sh
# Open-ended fuzzing, by hand or on a schedule; not part of the test suite
# (which is check-fuzzer.sh: a fixed seed and a fixed number of executions).
# Usage: run-fuzzers.sh SRCROOT OUTDIR [SECONDS [HARNESS...]]
# Builds the harnesses (load and csv by default) into OUTDIR, replays their
# seeds (tests/fuzz/seeds.sh), then fuzzes each in turn for SECONDS (default
# 600) from a new random seed. The corpus each grows is kept in
# OUTDIR/corpus-HARNESS, so the next run goes on from there. An input that
# fails is written as OUTDIR/HARNESS-crash-* (or -leak-, -timeout-, -oom-);
# keep it in tests/fuzz/crashes-HARNESS/ once it is fixed, so the suite
# replays it.
set -eu
src=$1
out=$2
seconds=${3:-600}
if [ $# -ge 3 ]; then shift 3; else shift $#; fi
[ $# -gt 0 ] || set -- load csv

if ! command -v "${CLANG:-clang}" >/dev/null 2>&1; then
  echo "clang is not installed: nothing to run" >&2
  exit 1
fi
mkdir -p "$out"
"$src/tests/fuzz/build-fuzzers.sh" "$src" "$out" "$@"

export LC_ALL=C.UTF-8
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
unset G_DEBUG G_SLICE G_MESSAGES_DEBUG LSAN_OPTIONS
# On a busy machine an input can be starved of the processor for seconds:
# a time-out here is worth a second look (run the input alone), not a bug yet.
common="-error_exitcode=1 -timeout_exitcode=1 -timeout=60 -rss_limit_mb=4096"

status=0
for harness in "$@"; do
  fuzzer=$out/fuzz-$harness
  corpus=$out/corpus-$harness
  seeds=$out/seeds-$harness.txt
  mkdir -p "$corpus"
  "$src/tests/fuzz/seeds.sh" "$src" "$harness" > "$seeds"

  echo "replaying $(wc -l < "$seeds") seeds through fuzz-$harness"
  # shellcheck disable=SC2086
  if ! tr '\n' '\0' < "$seeds" | xargs -0 -r "$fuzzer" $common -artifact_prefix="$out/$harness-" \
       > "$out/replay-$harness.log" 2>&1; then
    tail -n 40 "$out/replay-$harness.log"
    echo "fuzz-$harness fails on one of its seeds: fix that first"
    status=1
    continue
  fi

  echo "fuzzing fuzz-$harness for $seconds s (log: $out/fuzz-$harness.log)"
  tr '\n' ',' < "$seeds" | sed 's/,$//' > "$out/seed-inputs-$harness"
  # shellcheck disable=SC2086
  if ! "$fuzzer" $common -max_total_time="$seconds" -max_len=262144 -print_final_stats=1 \
       -artifact_prefix="$out/$harness-" -seed_inputs=@"$out/seed-inputs-$harness" \
       "$corpus" > "$out/fuzz-$harness.log" 2>&1; then
    tail -n 60 "$out/fuzz-$harness.log"
    # shellcheck disable=SC2012
    echo "fuzz-$harness found a failure: $(ls "$out/$harness"-* 2>/dev/null | tr '\n' ' ')"
    status=1
    continue
  fi
  grep -E '^(INFO: Seed|#[0-9]+[[:space:]]+DONE|Done [0-9]+ runs|stat::)' "$out/fuzz-$harness.log"
done
exit $status
