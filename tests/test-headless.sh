#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `coproduce --check` runs without a display or a session bus: it must not
# crash, must exit 0 (nothing found) or 1 (problems found), and must print
# only lines of the form "problem|advice <check-key>: <message>".
#
# Usage: test-headless.sh COPRODUCE PROJECT.coprod

set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 COPRODUCE PROJECT.coprod" >&2
  exit 2
fi

out=$(mktemp) || exit 2
err=$(mktemp) || exit 2
trap 'rm -f "$out" "$err"' EXIT

env -u DISPLAY -u WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS=disabled: \
  "$1" --check "$2" >"$out" 2>"$err"
rc=$?

status=0
case $rc in
  0|1) ;;
  *)
    if [ "$rc" -gt 128 ]; then
      echo "coproduce --check died of signal $((rc - 128))" >&2
    else
      echo "coproduce --check exited with $rc (expected 0 or 1)" >&2
    fi
    status=1
    ;;
esac

# Every line of output is a finding.
if grep -Evq '^(problem|advice) [a-z-]+: .+$' "$out"; then
  echo "unexpected output lines:" >&2
  grep -Ev '^(problem|advice) [a-z-]+: .+$' "$out" >&2
  status=1
fi

if [ -s "$err" ]; then
  echo "stderr:" >&2
  cat "$err" >&2
fi

echo "exit status $rc, $(wc -l <"$out") finding(s)"
exit $status
