#!/bin/sh
# Runs a command on the stack officers run: GTK >= 4.18, libadwaita >= 1.7,
# GLib >= 2.84, json-glib >= 1.10 and libxlsxwriter >= 1.2.
#
#   build-aux/stack.sh setup        make the environment ready (idempotent)
#   build-aux/stack.sh run CMD ...  run CMD there, in this source tree
#   build-aux/stack.sh where        say which environment would be used
#
# On a host whose own packages are new enough (Debian 13 or later, Ubuntu
# 25.04 or later, Fedora 42 or later) everything runs natively and the
# packages are installed on the host. Anywhere else with apt (Debian 12, the
# machines officers' IT teams build on), it makes a Debian 13 root with
# debootstrap from the mirror the host's apt already uses, installs the
# packages there and enters it with chroot. The root lives in
# $COPRO_STACK_ROOT (default /var/lib/coproduce/trixie) and is reused.
#
# Mounts (proc, sys, dev, this tree, the X11 socket) are made in a private
# mount namespace (unshare), so the kernel undoes every one of them when the
# command ends, however it ends; nothing stays mounted on the host.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
root=${COPRO_STACK_ROOT:-/var/lib/coproduce/trixie}
suite=trixie

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    # Root is needed to install packages and to enter the root; the commands
    # themselves run as this user again (see in_root), so what they build
    # stays this user's.
    XAUTHORITY=${XAUTHORITY:-$HOME/.Xauthority}
    export XAUTHORITY
    exec sudo --preserve-env=DISPLAY,XAUTHORITY,COPRO_STACK_ROOT,COPRO_STACK,COPRO_WAIT_SECONDS,CI,BUILD_DIR "$0" "$@"
  fi
  echo "stack.sh: this needs root (to install packages or enter the Debian 13 root), and sudo is not installed." >&2
  exit 2
fi

# native or root: COPRO_STACK forces one; otherwise the host is native when
# its package manager offers GTK 4.18 or later.
host_is_new_enough () {
  if command -v apt-cache >/dev/null 2>&1; then
    candidate=$(apt-cache policy libgtk-4-dev 2>/dev/null | sed -n 's/^ *Candidate: *//p')
    if [ -z "$candidate" ] || [ "$candidate" = "(none)" ]; then
      # No package lists yet on a fresh machine: read them once.
      apt-get update -q >/dev/null
      candidate=$(apt-cache policy libgtk-4-dev 2>/dev/null | sed -n 's/^ *Candidate: *//p')
    fi
    [ -n "$candidate" ] && [ "$candidate" != "(none)" ] &&
      dpkg --compare-versions "$candidate" ge 4.18
    return
  fi
  if command -v dnf >/dev/null 2>&1; then
    # Fedora 42 ships GTK 4.18.
    . /etc/os-release
    [ "${ID:-}" = fedora ] && [ "${VERSION_ID:-0}" -ge 42 ]
    return
  fi
  return 1
}

mode () {
  case "${COPRO_STACK:-}" in
    native|root) echo "$COPRO_STACK"; return ;;
    "") ;;
    *) echo "stack.sh: COPRO_STACK must be “native” or “root”, not “$COPRO_STACK”." >&2; exit 2 ;;
  esac
  if host_is_new_enough; then echo native; else echo root; fi
}

mirror () {
  # The Debian mirror the host already uses, so nothing new is reached.
  url=$(grep -rhoE '(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d 2>/dev/null |
        grep -v security | head -n 1 | sed -E 's/^(URIs:|deb) +//; s/ +$//')
  echo "${url:-http://deb.debian.org/debian}"
}

make_root () {
  if [ -x "$root/usr/bin/apt-get" ] && [ -f "$root/.coproduce-bootstrapped" ]; then
    return
  fi
  if ! command -v debootstrap >/dev/null 2>&1; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap
  fi
  rm -rf "$root"
  mkdir -p "$(dirname "$root")"
  echo "stack.sh: making a Debian 13 root in $root from $(mirror)"
  debootstrap --variant=minbase "$suite" "$root" "$(mirror)"
  # The root's packages come from the same mirror; the security suite too.
  cat > "$root/etc/apt/sources.list" <<EOF
deb $(mirror) $suite main
deb $(mirror) $suite-updates main
EOF
  touch "$root/.coproduce-bootstrapped"
}

# Runs "$@" inside the root, in a private mount namespace: as the user who
# called sudo, if any, else as root.
in_root () {
  user_spec=
  if [ -n "${SUDO_UID:-}" ] && [ "${SUDO_UID}" != 0 ]; then
    # The root's own passwd needs the user, for GLib's user name and dbus.
    grep -q "^[^:]*:[^:]*:${SUDO_UID}:" "$root/etc/passwd" ||
      echo "${SUDO_USER:-user}:x:${SUDO_UID}:${SUDO_GID}::/tmp:/bin/sh" >> "$root/etc/passwd"
    grep -q "^[^:]*:[^:]*:${SUDO_GID}:" "$root/etc/group" ||
      echo "${SUDO_USER:-user}:x:${SUDO_GID}:" >> "$root/etc/group"
    user_spec="--userspec=${SUDO_UID}:${SUDO_GID}"
  fi
  unshare --mount --propagation private -- /bin/sh -eu -c '
    root=$1; here=$2; user_spec=$3; shift 3
    mount -t proc proc "$root/proc"
    mount -t sysfs sysfs "$root/sys"
    mount --rbind /dev "$root/dev"
    mkdir -p "$root/dev/pts" "$root/dev/shm"
    mount -t tmpfs tmpfs "$root/dev/shm"
    mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
    mkdir -p "$root$here"
    mount --bind "$here" "$root$here"
    cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    if [ -d /tmp/.X11-unix ]; then
      mkdir -p "$root/tmp/.X11-unix"
      mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
    fi
    if [ -n "${XAUTHORITY:-}" ] && [ -f "$XAUTHORITY" ]; then
      cp "$XAUTHORITY" "$root/tmp/.Xauthority"
      chmod 644 "$root/tmp/.Xauthority"
      XAUTHORITY=/tmp/.Xauthority
      export XAUTHORITY
    fi
    # shellcheck disable=SC2086
    exec chroot $user_spec "$root" /usr/bin/env -u PYENV_VERSION -u SUDO_UID -u SUDO_GID -u SUDO_USER -u DBUS_SESSION_BUS_ADDRESS -u XDG_RUNTIME_DIR \
      PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      HOME=/tmp LANG=C.UTF-8 COPRO_IN_STACK=1 \
      /bin/sh -c "cd \"\$0\" && exec \"\$@\"" "$here" "$@"
  ' stack "$root" "$here" "$user_spec" "$@"
}

# install-deps.sh needs root, whoever called.
in_root_as_root () {
  SUDO_UID= in_root "$@"
}

setup () {
  case $(mode) in
    native)
      "$here/build-aux/install-deps.sh" ;;
    root)
      make_root
      in_root_as_root "$here/build-aux/install-deps.sh" ;;
  esac
}

run () {
  case $(mode) in
    native)
      "$here/build-aux/install-deps.sh"
      cd "$here"
      COPRO_IN_STACK=1
      export COPRO_IN_STACK
      if [ -n "${SUDO_UID:-}" ] && [ "${SUDO_UID}" != 0 ] && command -v setpriv >/dev/null 2>&1; then
        exec setpriv --reuid="$SUDO_UID" --regid="$SUDO_GID" --init-groups "$@"
      fi
      exec "$@" ;;
    root)
      setup
      in_root "$@" ;;
  esac
}

case "${1:-}" in
  setup) setup ;;
  run) shift; run "$@" ;;
  where)
    case $(mode) in
      native) echo "native: this host's own packages" ;;
      root) echo "root: Debian 13 in $root" ;;
    esac ;;
  *) echo "usage: build-aux/stack.sh setup | run CMD ... | where" >&2; exit 2 ;;
esac
