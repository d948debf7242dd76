#!/bin/sh
# Builds the libFuzzer harnesses with clang (AddressSanitizer and
# UndefinedBehaviorSanitizer on) into OUTDIR. Usage: build-fuzzers.sh SRCROOT OUTDIR
set -eu
src=$1
out=$2
mkdir -p "$out"

cc=${CLANG:-clang}
flags="-g -O1 -std=gnu11 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
pkgs="glib-2.0 gio-2.0 json-glib-1.0 xlsxwriter zlib"
cflags=$(pkg-config --cflags $pkgs)
libs=$(pkg-config --libs $pkgs)
# The core's optional pieces (cairo, pango) are picked up when present.
for extra in cairo pangocairo; do
  if pkg-config --exists "$extra"; then
    cflags="$cflags $(pkg-config --cflags $extra)"
    libs="$libs $(pkg-config --libs $extra)"
  fi
done

cat > "$out/config.h" <<CONF
#define APP_ID "io.github.coproduce.Coproduce"
#define PACKAGE_VERSION "fuzz"
#define GETTEXT_PACKAGE "coproduce"
#define LOCALEDIR "/usr/share/locale"
#define PKGDATADIR "/usr/share/coproduce"
#define SOURCE_DATADIR "$src/data"
CONF

core=$(sed -n "s/^ *'\(copro-[a-z-]*\.c\)',*$/\1/p" "$src/src/core/meson.build" | sed "s|^|$src/src/core/|")
for harness in load csv; do
  # shellcheck disable=SC2086
  $cc $flags -DG_LOG_DOMAIN='"Coproduce"' -I"$out" -I"$src/src/core" $cflags \
    "$src/tests/fuzz/fuzz-$harness.c" $core $libs -lm -o "$out/fuzz-$harness"
done
