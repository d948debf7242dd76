#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a GUI test ("$@") on a virtual screen with its own session bus.
#
# When DISPLAY is set already (a desktop, or CI that started Xvfb itself),
# that display is used. Otherwise Xvfb is started first, then the session bus:
# -noreset matters, because the accessibility bus launcher connects and
# disconnects, and without it Xvfb resets and the test cannot open the display.

set -u

xvfb_pid=
cleanup () {
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null
    wait "$xvfb_pid" 2>/dev/null
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "${DISPLAY:-}" ]; then
  if ! command -v Xvfb >/dev/null 2>&1; then
    echo "Xvfb is not installed and there is no display: skipping" >&2
    exit 77
  fi
  display_file=$(mktemp) || exit 1
  # Xvfb writes the display number to fd 3 once it accepts connections.
  Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp -noreset \
    3>"$display_file" >/dev/null 2>&1 &
  xvfb_pid=$!
  number=
  tries=0
  while [ -z "$number" ]; do
    if ! kill -0 "$xvfb_pid" 2>/dev/null; then
      echo "Xvfb did not start" >&2
      rm -f "$display_file"
      xvfb_pid=
      exit 1
    fi
    tries=$((tries + 1))
    if [ "$tries" -gt 300 ]; then
      echo "Xvfb did not report a display in 30 seconds" >&2
      rm -f "$display_file"
      exit 1
    fi
    sleep 0.1
    number=$(head -n 1 "$display_file" | tr -d '[:space:]')
  done
  rm -f "$display_file"
  DISPLAY=":$number"
  export DISPLAY
fi

GDK_BACKEND=x11
GSK_RENDERER=cairo
# Cairo draws; GTK then needs no GL or Vulkan context at all (GDK_DISABLE is
# GTK 4.16's; the older GDK_DEBUG=gl-disable is unknown to 4.18).
GDK_DISABLE=gl,vulkan
export GDK_BACKEND GSK_RENDERER GDK_DISABLE
unset WAYLAND_DISPLAY

if command -v dbus-run-session >/dev/null 2>&1; then
  set -- dbus-run-session -- "$@"
fi
# The test runs in a process group of its own, so that everything it started
# (the session bus, the accessibility bus launcher and registry) can be ended
# with it: left running after a timeout, they hold the test's output pipes and
# later tests then hang after passing.
# A command started in the background reads /dev/null unless told otherwise:
# hand it this script's standard input (screenshots.sh sends a script there).
exec 9<&0
setsid "$@" 0<&9 9<&- &
test_pid=$!
exec 9<&-
end_group () {
  kill -TERM "-$test_pid" 2>/dev/null
}
trap 'end_group; exit 130' INT
trap 'end_group; exit 143' TERM
wait "$test_pid"
rc=$?
end_group
exit $rc
