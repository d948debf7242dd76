#!/bin/sh
# Builds the libFuzzer harnesses with clang (AddressSanitizer and
# UndefinedBehaviorSanitizer on) into OUTDIR, with the project's warnings.
# Usage: build-fuzzers.sh SRCROOT OUTDIR [HARNESS...]
# HARNESS is load or csv (both by default); each becomes OUTDIR/fuzz-HARNESS.
set -eu
src=$1
out=$2
shift 2
[ $# -gt 0 ] || set -- load csv
mkdir -p "$out"

cc=${CLANG:-clang}
flags="-g -O1 -std=gnu11 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
# GLib's inline g_string_append_len() (gstring.h, GLib 2.76 and later) picks
# memcpy or memmove by comparing the addresses of two allocations. Inlined into
# the core, that branch is coverage, and with address space randomisation it
# goes one way or the other from run to run: the same -seed then fuzzed
# differently (seen with the loader's large seeds). G_IMPLEMENT_INLINES turns
# GLib's inline functions off, so the choice stays inside GLib, unmeasured.
flags="$flags -DG_IMPLEMENT_INLINES"
# The warnings meson.build turns on (warning_level=2), and the API floor. They
# are errors in the harnesses; the core's own build (meson, with werror in CI)
# is where they are errors for the core.
glib_min=$(sed -n "s/^glib_min = '\([0-9]*\)\.\([0-9]*\)'.*/\1_\2/p" "$src/meson.build")
json_min=$(sed -n "s/^json_min = '\([0-9]*\)\.\([0-9]*\)'.*/\1_\2/p" "$src/meson.build")
warnings="-Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers
  -Wmissing-prototypes -Wstrict-prototypes -Wshadow -Wformat=2
  -Wimplicit-function-declaration -Wpointer-arith -Wundef
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_$glib_min -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_$glib_min
  -DJSON_VERSION_MIN_REQUIRED=JSON_VERSION_$json_min -DJSON_VERSION_MAX_ALLOWED=JSON_VERSION_$json_min"
pkgs="glib-2.0 gio-2.0 json-glib-1.0 xlsxwriter zlib"
# shellcheck disable=SC2086
cflags=$(pkg-config --cflags $pkgs)
# shellcheck disable=SC2086
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

# Each harness's folder of objects is its own, so two builds can run at once.
core=$(sed -n "s/^ *'\(copro-[a-z-]*\.c\)',*$/\1/p" "$src/src/core/meson.build")
for harness in "$@"; do
  obj=$out/obj-$harness
  rm -rf "$obj"
  mkdir -p "$obj"
  # shellcheck disable=SC2086
  $cc $flags $warnings -Werror -DG_LOG_DOMAIN='"Coproduce"' -I"$out" -I"$src/src/core" $cflags \
    -c "$src/tests/fuzz/fuzz-$harness.c" -o "$obj/fuzz-$harness.o"
  for file in $core; do
    # shellcheck disable=SC2086
    $cc $flags $warnings -DG_LOG_DOMAIN='"Coproduce"' -I"$out" -I"$src/src/core" $cflags \
      -c "$src/src/core/$file" -o "$obj/${file%.c}.o"
  done
  # shellcheck disable=SC2086
  $cc $flags "$obj"/*.o $libs -lm -o "$out/fuzz-$harness"
done
