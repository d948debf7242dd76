#!/bin/sh
# Builds Coproduce and runs its whole test suite twice: as built for users,
# then built with AddressSanitizer and UndefinedBehaviorSanitizer, on the
# floor's stack (GTK 4.18, libadwaita 1.7, json-glib 1.10, libxlsxwriter 1.2):
# natively where the host has it, else in the Debian 13 root that
# build-aux/stack.sh makes and reuses. Warnings are errors here (not in the
# default options, so a packager's newer compiler never breaks a build).
# Prints one closing line "N passed, N failed, N skipped". Extra arguments go
# to `meson test`.
set -eu
cd "$(dirname "$0")/.."

if [ -z "${COPRO_IN_STACK:-}" ]; then
  exec build-aux/stack.sh run build-aux/run-tests.sh "$@"
fi

status=0

run_pass () {
  build=$1
  shift
  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" -Dwerror=true "$@"
  else
    meson configure "$build" -Dwerror=true
  fi
  meson compile -C "$build"
  meson test -C "$build" --print-errorlogs --num-processes 2 $extra || status=1
}

extra="$*"
run_pass "${BUILD_DIR:-build}"
# The fuzz run builds its own sanitised harnesses, so it runs once, above;
# the save torture test, several times slower here, kills fewer saves.
extra="--no-suite fuzz $*"
export TORTURE_ROUNDS=60
run_pass "${BUILD_DIR:-build}-asan" -Db_sanitize=address,undefined -Dbuildtype=debug

/usr/bin/python3 - "${BUILD_DIR:-build}/meson-logs/testlog.json" "${BUILD_DIR:-build}-asan/meson-logs/testlog.json" <<'PY'
import json, sys
counts = {}
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as log:
        for line in log:
            result = json.loads(line)["result"]
            counts[result] = counts.get(result, 0) + 1
passed = counts.get("OK", 0) + counts.get("EXPECTEDFAIL", 0)
failed = sum(counts.get(k, 0) for k in ("FAIL", "TIMEOUT", "ERROR", "UNEXPECTEDPASS"))
print(f"{passed} passed, {failed} failed, {counts.get('SKIP', 0)} skipped")
PY
exit $status
