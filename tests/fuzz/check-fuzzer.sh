#!/bin/sh
# The fuzz suite's test, which passes or fails the same way every time for
# the same commit, whatever the machine's speed or load. Usage:
#   check-fuzzer.sh SRCROOT OUTDIR HARNESS RUNS [SEED]
# 1. builds the harness (tests/fuzz/fuzz-HARNESS.c) into OUTDIR/HARNESS;
# 2. replays every seed (tests/fuzz/seeds.sh: fixtures, example project,
#    committed corpus, saved failures), each whole and once;
# 3. fuzzes for exactly RUNS executions from those seeds, with libFuzzer's
#    random seed fixed to SEED (default 1).
# Nothing depends on time or on the number of cores: no -max_total_time, no
# -jobs or -workers, no corpus reloading or allocator purging on a clock, and
# -timeout (two minutes for one input, which takes milliseconds) only ends a
# hang. Nor on addresses (see "The run sees" below): -use_cmp=0, because the
# tables of compared values libFuzzer draws mutations from hold addresses,
# and G_IMPLEMENT_INLINES in build-fuzzers.sh. Open-ended fuzzing, with those
# tables, is run-fuzzers.sh, which is not part of the suite.
set -eu
src=$1
harness=$3
out=$2/$harness
runs=$4
seed=${5:-1}

if ! command -v "${CLANG:-clang}" >/dev/null 2>&1; then
  echo "clang is not installed: skipping the fuzz test"
  exit 77
fi
"$src/tests/fuzz/build-fuzzers.sh" "$src" "$out" "$harness"
fuzzer=$out/fuzz-$harness

# The same environment whoever runs it, LeakSanitizer on.
export LC_ALL=C.UTF-8
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
unset G_DEBUG G_SLICE G_MESSAGES_DEBUG LSAN_OPTIONS

seeds=$out/seeds.txt
"$src/tests/fuzz/seeds.sh" "$src" "$harness" > "$seeds"

# Address space randomisation off for the run (see "The run sees" below).
fixed_addresses="setarch $(uname -m) -R"
if ! $fixed_addresses true 2>/dev/null; then
  fixed_addresses=""
fi

# Without -error_exitcode, libFuzzer exits with 77 when the target fails,
# which meson reads as "skipped".
common="-error_exitcode=1 -timeout_exitcode=1 -timeout=120 -rss_limit_mb=4096"
rm -f "$out"/crash-* "$out"/leak-* "$out"/timeout-* "$out"/oom-*

echo "replaying $(wc -l < "$seeds") inputs through fuzz-$harness"
log=$out/replay.log
# shellcheck disable=SC2086
if ! tr '\n' '\0' < "$seeds" | xargs -0 -r "$fuzzer" $common -artifact_prefix="$out/" > "$log" 2>&1; then
  tail -n 40 "$log"
  echo "fuzz-$harness fails on a seed: $(sed -n 's/^Running: //p' "$log" | tail -n 1)"
  exit 1
fi

# The run sees the same bytes, names, environment and addresses whoever runs
# it and from wherever: the seeds are copied under short names of one length
# (their paths would otherwise change the sizes of libFuzzer's allocations
# and so where later ones land), the command line is relative, the
# environment is only what is set here (meson, for one, sets MALLOC_PERTURB_
# to a random value, which moves the stack), and address space randomisation
# is off. With any of those left out, one run in two or three of the loader's
# went another way after some 13,000 executions. A system that refuses to
# turn randomisation off (setarch -R; some containers do) cannot promise the
# same run twice, so there the replay above is all this test does.
if [ -z "$fixed_addresses" ]; then
  echo "This system refuses to turn address space randomisation off (setarch -R),"
  echo "so a fixed-seed run could go differently each time: skipping it."
  exit 77
fi

run=$out/run
rm -rf "$run"
mkdir -p "$run/seeds" "$run/corpus"
i=0
list=""
while IFS= read -r file; do
  i=$((i + 1))
  name=seeds/$(printf %05d $i)
  cp "$file" "$run/$name"
  list=${list:+$list,}$name
done < "$seeds"
printf '%s' "$list" > "$run/seed-inputs"
cp "$fuzzer" "$run/fuzz-$harness"

echo "fuzzing fuzz-$harness for $runs executions with -seed=$seed"
log=$out/fuzz.log
# shellcheck disable=SC2086
if ! (cd "$run" && env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 ASAN_OPTIONS="$ASAN_OPTIONS" UBSAN_OPTIONS="$UBSAN_OPTIONS" \
      $fixed_addresses "./fuzz-$harness" $common -seed="$seed" -runs="$runs" -max_len=262144 -reload=0 \
      -use_cmp=0 -purge_allocator_interval=-1 -print_final_stats=1 -artifact_prefix=../ \
      -seed_inputs=@seed-inputs corpus) > "$log" 2>&1; then
  tail -n 60 "$log"
  # shellcheck disable=SC2012
  echo "fuzz-$harness failed on: $(ls "$out"/crash-* "$out"/leak-* "$out"/timeout-* "$out"/oom-* 2>/dev/null | tr '\n' ' ')"
  echo "Once fixed, keep that input in tests/fuzz/crashes-$harness/ under a name that says what it found."
  exit 1
fi
corpus=$run/corpus
# The figures that show whether two runs were the same run: coverage,
# features and corpus at the start and the end, and a digest of the inputs
# kept (libFuzzer names each by the SHA-1 of its bytes).
grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|stat::number_of_executed_units|stat::new_units_added)' "$log" |
  sed 's/ *exec\/s: [0-9]*//; s/ *rss: [0-9]*Mb//'
# shellcheck disable=SC2012
echo "corpus digest: $(cd "$corpus" && ls | LC_ALL=C sort | sha256sum | cut -c1-16)"
