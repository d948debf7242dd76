#!/bin/sh
# Installs what Coproduce needs to build, run and test on Debian 12.
# The one list of packages: the README's quick start and CI both use it.
set -eu

packages="
  build-essential pkg-config meson ninja-build gettext git
  libgtk-4-dev libadwaita-1-dev libjson-glib-dev libxlsxwriter-dev libcairo2-dev libpango1.0-dev
  zlib1g-dev
  desktop-file-utils appstream libxml2-utils flatpak-builder
  xvfb xauth dbus-daemon at-spi2-core python3-pyatspi
  python3-openpyxl python3-jsonschema python3-xlsxwriter
  libreoffice-calc-nogui imagemagick fonts-dejavu-core locales
  clang llvm
"

if [ "$(id -u)" -ne 0 ]; then
  exec sudo "$0" "$@"
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $packages

# Locales the tests switch to: a decimal comma (German, French) must not
# change a number in a file, and the app must follow the user's language.
for locale in de_DE.UTF-8 fr_FR.UTF-8 en_GB.UTF-8; do
  sed -i "s/^# *\($locale UTF-8\)/\1/" /etc/locale.gen
done
locale-gen
