#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes a screenshot of every panel of the example project, on a virtual
# screen (Xvfb), with ImageMagick's `import -window root`. Not a test: it is
# for the README, the metainfo and for looking at the panels.
#
#   tests/screenshots.sh BUILD_DIR [OUTPUT_DIR]
#
# Writes OUTPUT_DIR (default: BUILD_DIR/screenshots) /NN-section.png at the
# usual window size (08-partners-map.png: the partner map), narrow-*.png at
# 360 pixels wide (the sections named in COPRO_SHOTS_NARROW, by default
# overview,partners,risks), and OUTPUT_DIR/metainfo/, the pictures the README and the
# metainfo show, under the names data/screenshots/ has: copy them there to
# retake them. Needs Xvfb, dbus-daemon, /usr/bin/python3 with pyatspi, and
# ImageMagick. (tests/test-window.c writes its own pictures at 360 and 1280
# pixels, with GTK's renderer, to BUILD_DIR/tests/screenshots/.)

set -eu

if [ $# -lt 1 ]; then
  echo "usage: $0 BUILD_DIR [OUTPUT_DIR]" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
out=${2:-$build/screenshots}
tests=$(cd "$(dirname "$0")" && pwd)
source_root=$(dirname "$tests")
mkdir -p "$out"
out=$(cd "$out" && pwd)

for tool in import convert Xvfb dbus-run-session; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is needed" >&2; exit 1; }
done

export GSETTINGS_SCHEMA_DIR="$build/data"
export LC_ALL=C.UTF-8

exec "$tests/run-gui-test.sh" /usr/bin/python3 - "$build/src/coproduce" "$source_root" "$out" <<'PYTHON'
import os
import shutil
import subprocess
import sys
import tempfile
import time

binary, source_root, out = sys.argv[1:4]
sys.path.insert(0, os.path.join(source_root, "tests"))

from copro_atspi import CONTROL, App, do_action, find, find_all, key, log, page, wait_for  # noqa: E402
import pyatspi  # noqa: E402

SECTIONS = [("overview", "Overview"), ("outline", "Outline"),
            ("resources", "Resources and compliance"), ("principles", "Principles"),
            ("communications", "Communications"), ("delivery", "Delivery"),
            ("evaluation", "Evaluation"), ("partners", "Partners"),
            ("terms", "Terms of reference"), ("review", "Review"), ("risks", "Risks"),
            ("signoff", "Sign-off"), ("checks", "Checks")]


# An item to open (by clicking its row) in some panels, to show its fields.
OPEN = {"risks": "Budget pressure leads to fewer breaks than carers expect."}

# The pictures of the README and the metainfo (data/screenshots/), from the
# pictures of the usual size.
METAINFO = {"overview": "01-overview", "plan": "03-resources", "partners": "08-partners",
            "partner-map": "08-partners-map", "checks": "13-checks", "risks": "11-risks"}


def click(node):
    # Window coordinates are screen coordinates here: no window manager on
    # the virtual screen puts the window anywhere but the top left corner.
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    pyatspi.Registry.generateMouseEvent(extents.x + extents.width // 3, extents.y + extents.height // 2,
                                        pyatspi.MOUSE_B1C)


def settle():
    # Let the panel draw (a crossfade, then the text views' second layout).
    time.sleep(0.8)


def show_map(window, panel):
    """The partners section's map: its switcher is a tab, or a toggle, named Map."""
    switch = wait_for("the switch to the map", lambda: next(iter(
        [n for n in pyatspi.findAllDescendants(panel, lambda n: n.name == "Map" and n.getRoleName() in (
            "page tab", "toggle button", "radio button", "push button"))]), None))
    # AdwInlineViewSwitcher's toggles are page tabs with an action of
    # their own (there is no selection to set on their group).
    action = switch.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press", "toggle"):
            action.doAction(i)
            break
    find(panel, "image", "Partner map")


def shoot(window, name):
    # The whole virtual screen, cut down to the window: with no window
    # manager, the window sits in the top left-hand corner on black.
    path = os.path.join(out, name + ".png")
    screen = subprocess.run(["import", "-window", "root", "png:-"], check=True,
                            stdout=subprocess.PIPE).stdout
    subprocess.run(["convert", "png:-", "-trim", "+repage", path], input=screen, check=True)
    log("wrote", path)


def run(width, height, prefix, sections):
    scratch = tempfile.mkdtemp(prefix="copro-shots-")
    path = os.path.join(scratch, "carers-short-breaks.coprod")
    shutil.copy(os.path.join(source_root, "data", "example.coprod"), path)
    # The window's size comes from its settings: a keyfile for this run.
    config = os.path.join(scratch, "config", "glib-2.0", "settings")
    os.makedirs(config)
    with open(os.path.join(config, "keyfile"), "w") as f:
        f.write("[io/github/coproduce/Coproduce]\nwindow-width=%d\nwindow-height=%d\n" % (width, height))
    app = App(binary, path, {"GSETTINGS_BACKEND": "keyfile",
                             "XDG_CONFIG_HOME": os.path.join(scratch, "config")})
    try:
        window = app.window()
        find(page(window, "Overview"), "text", "Project title")
        narrow = prefix == "narrow-"
        for number, (name, title) in enumerate(SECTIONS):
            if name not in sections:
                continue
            # On a narrow window the sidebar comes over the section only
            # when asked for: its button, pressed through AT-SPI.
            if narrow:
                do_action(find(window, "toggle button", "Show Sections"))
            sidebar = find(window, "list", "Sections")
            # Choosing the row in the sidebar (AT-SPI's Selection), not the
            # keyboard: no focus ring in the picture.
            sidebar.querySelection().selectChild(number)
            row = find(sidebar, "list item", title)
            wait_for(title, lambda: row.getState().contains(pyatspi.STATE_SELECTED))
            if narrow:
                do_action(find(window, "toggle button", "Show Sections"))
                wait_for("the sidebar to go", lambda: not find_all(window, "list", "Sections"))
            if prefix == "" and name in OPEN:
                settle()
                panel = page(window, title)
                click(find(panel, "list item", OPEN[name]))
                find(panel, "spin button", "Likelihood")
            settle()
            shoot(window, "%s%02d-%s" % (prefix, number + 1, name))
            if name == "partners" and prefix == "":
                show_map(window, page(window, title))
                settle()
                shoot(window, "%02d-partners-map" % (number + 1))
        if narrow:
            # The sections, brought over the panel.
            do_action(find(window, "toggle button", "Show Sections"))
            settle()
            shoot(window, prefix + "sidebar")
        else:
            key("question", CONTROL)
            wait_for("the shortcuts window", lambda: app.root.childCount > 1)
            settle()
            shoot(window, "shortcuts-window")
    finally:
        app.close()
        shutil.rmtree(scratch, ignore_errors=True)


run(1100, 760, "", [name for name, _ in SECTIONS])
# COPRO_SHOTS_NARROW: which sections to take at 360 pixels (names, with commas).
run(360, 720, "narrow-", os.environ.get("COPRO_SHOTS_NARROW", "overview,partners,risks").split(","))

os.makedirs(os.path.join(out, "metainfo"), exist_ok=True)
for published, taken in METAINFO.items():
    # With a palette of 256 colours, as the repository keeps them: a third of the size.
    subprocess.run(["convert", os.path.join(out, taken + ".png"), "-colors", "256",
                    "PNG8:" + os.path.join(out, "metainfo", published + ".png")], check=True)
    log("for data/screenshots:", os.path.join(out, "metainfo", published + ".png"))
PYTHON
