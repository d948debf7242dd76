#!/bin/sh
# Sets everything up on first use (the packages, or on an older host the
# Debian 13 root; see build-aux/stack.sh), builds Coproduce and opens the
# example project in a window on your display.
set -eu
cd "$(dirname "$0")/.."

if [ -z "${COPRO_IN_STACK:-}" ]; then
  exec build-aux/stack.sh run build-aux/start.sh "$@"
fi

[ -f build/build.ninja ] || meson setup build
meson compile -C build
# Not installed: its settings schema is the one compiled in the build folder.
GSETTINGS_SCHEMA_DIR=$(pwd)/build/data
export GSETTINGS_SCHEMA_DIR
# A copy of the example, so that the one in the source tree stays as it is;
# your changes to the copy are kept from one start to the next.
[ -f build/example.coprod ] || cp data/example.coprod build/example.coprod
# In the Debian 13 root there is no session bus of the desktop's: bring one.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null 2>&1; then
  exec dbus-run-session -- build/src/coproduce build/example.coprod
fi
exec build/src/coproduce build/example.coprod
