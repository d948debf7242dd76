#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Install the build into a temporary folder and check that everything the
# desktop and the Flatpak need lands where they look for it.
#
# Usage: test-install-layout.sh SOURCE_ROOT BUILD_ROOT [PREFIX]
#
# PREFIX is the build's install prefix; when it is not given it is read with
# `meson introspect`. `meson test` builds only what its tests depend on, so
# `meson install` here finishes the build first; register this test with
# `is_parallel: false` so that no other test runs while ninja does. Nothing is
# written outside the temporary folder except what that build writes in
# BUILD_ROOT and meson's install log in BUILD_ROOT/meson-logs.

set -u

if [ $# -lt 2 ]; then
  echo "usage: $0 SOURCE_ROOT BUILD_ROOT [PREFIX]" >&2
  exit 2
fi

srcroot=$1
build=$2
prefix=${3:-}
app_id=io.github.coproduce.Coproduce
meson=${MESON:-meson}

if ! command -v "$meson" >/dev/null 2>&1; then
  echo "SKIP: meson is not on PATH"
  exit 77
fi

if [ -z "$prefix" ]; then
  prefix=$("$meson" introspect --buildoptions "$build" |
    /usr/bin/python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))') || {
    echo "FAIL: could not read the install prefix of $build"
    exit 1
  }
fi

destdir=$(mktemp -d "${TMPDIR:-/tmp}/copro-install-XXXXXX") || exit 1
trap 'rm -rf "$destdir"' EXIT INT TERM

failures=0
pass () { echo "PASS: $1"; }
fail () { echo "FAIL: $1"; failures=$((failures + 1)); }

# A test environment may make GLib warnings fatal; the tools below are not
# under test and should not be stopped by that.
unset G_DEBUG

if "$meson" install -C "$build" --destdir "$destdir" --quiet; then
  pass "meson install --destdir"
else
  fail "meson install --destdir"
  exit 1
fi

root=$destdir$prefix

# The window's module goes in the library folder (lib, or Debian's
# lib/x86_64-linux-gnu), where the command looks for it once installed.
libdir=$("$meson" introspect --buildoptions "$build" |
  /usr/bin/python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "libdir"))') || {
  echo "FAIL: could not read the library folder of $build"
  exit 1
}

for file in \
  "bin/coproduce" \
  "$libdir/coproduce/libcoproduce-ui.so" \
  "share/applications/$app_id.desktop" \
  "share/metainfo/$app_id.metainfo.xml" \
  "share/icons/hicolor/scalable/apps/$app_id.svg" \
  "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
  "share/glib-2.0/schemas/$app_id.gschema.xml" \
  "share/mime/packages/$app_id.xml" \
  "share/coproduce/example.coprod"
do
  if [ -f "$root/$file" ]; then
    pass "$prefix/$file is installed"
  else
    fail "$prefix/$file is not installed"
  fi
done

# Files installed as they are must be byte for byte the ones in the tree.
for pair in \
  "data/example.coprod:share/coproduce/example.coprod" \
  "data/icons/hicolor/scalable/apps/$app_id.svg:share/icons/hicolor/scalable/apps/$app_id.svg" \
  "data/$app_id.mime.xml:share/mime/packages/$app_id.xml"
do
  from=${pair%%:*}
  to=${pair#*:}
  if [ -f "$root/$to" ] && cmp -s "$srcroot/$from" "$root/$to"; then
    pass "$prefix/$to is a copy of $from"
  else
    fail "$prefix/$to is not a copy of $from"
  fi
done

if [ -x "$root/bin/coproduce" ]; then
  pass "$prefix/bin/coproduce is executable"
else
  fail "$prefix/bin/coproduce is not executable"
fi

# Everything must go under the prefix, so that a Flatpak (prefix /app) or a
# distribution package gets it all.
outside=$(find "$destdir" -type f | while read -r f; do
  case $f in "$root"/*) ;; *) echo "${f#"$destdir"}" ;; esac
done)
if [ -z "$outside" ]; then
  pass "nothing is installed outside $prefix"
else
  fail "installed outside $prefix: $outside"
fi

# Validate the installed copies, which are what software centres read.
if command -v desktop-file-validate >/dev/null 2>&1; then
  if desktop-file-validate "$root/share/applications/$app_id.desktop"; then
    pass "installed desktop file is valid"
  else
    fail "installed desktop file is not valid"
  fi
else
  echo "NOTE: desktop-file-validate is not installed"
fi

if command -v appstreamcli >/dev/null 2>&1; then
  if appstreamcli validate --no-net --explain "$root/share/metainfo/$app_id.metainfo.xml"; then
    pass "installed metainfo is valid"
  else
    fail "installed metainfo is not valid"
  fi
else
  echo "NOTE: appstreamcli is not installed"
fi

if command -v glib-compile-schemas >/dev/null 2>&1; then
  if glib-compile-schemas --strict --dry-run "$root/share/glib-2.0/schemas"; then
    pass "installed schemas compile"
  else
    fail "installed schemas do not compile"
  fi
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all checks passed"
exit 0
