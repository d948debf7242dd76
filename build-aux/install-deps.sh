#!/bin/sh
# Installs what Coproduce needs to build, run and test, on a system whose own
# packages carry the floor's stack (Debian 13 or later, Ubuntu 25.04 or
# later): natively there, or inside the Debian 13 root that
# build-aux/stack.sh makes on older hosts. The one list of packages.
# Does nothing (quickly) when everything is already installed.
set -eu

packages="
  build-essential pkg-config meson ninja-build gettext git
  libgtk-4-dev libadwaita-1-dev libjson-glib-dev libxlsxwriter-dev libminizip-dev
  libcairo2-dev libpango1.0-dev zlib1g-dev librsvg2-common
  desktop-file-utils appstream libxml2-utils flatpak-builder
  xvfb xauth dbus-daemon at-spi2-core python3-pyatspi
  python3-openpyxl python3-jsonschema python3-xlsxwriter
  libreoffice-calc-nogui imagemagick fonts-dejavu-core locales poppler-utils
  clang llvm libclang-rt-dev
"
locales="de_DE.UTF-8 fr_FR.UTF-8 en_GB.UTF-8"

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    exec sudo "$0" "$@"
  fi
  echo "install-deps.sh: installing packages needs root, and sudo is not installed." >&2
  exit 2
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps.sh: this system has no apt; install the Debian packages listed in this script by their names on your distribution." >&2
  exit 2
fi

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing="$missing $p"
done
for l in $locales; do
  locale -a 2>/dev/null | grep -qix "$(echo "$l" | sed 's/UTF-8/utf8/')" || missing="$missing locale:$l"
done
[ -n "$missing" ] || exit 0

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $packages

# Locales the tests switch to: a decimal comma (German, French) must not
# change a number in a file, and the app must follow the user's language.
for locale in $locales; do
  sed -i "s/^# *\($locale UTF-8\)/\1/" /etc/locale.gen
done
locale-gen
