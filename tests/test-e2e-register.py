#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The partner register from the keyboard, as a screen reader user meets it
(issue 16): the real binary, driven through its accessibility tree. On a
copy of the example project it goes to the Partners section, Tabs into the
register's rows and reads what each key brings: Down to the next partner,
Shift+Down selecting as it goes, End to the last, Home to the first, a
column heading sorting the rows, and Enter opening the partner.

Usage: test-e2e-register.py COPRODUCE SOURCE_ROOT   (under tests/run-gui-test.sh)
"""

import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from copro_atspi import (ALT, SHIFT, App, Failure, children, do_action, find, find_all,  # noqa: E402
                         is_focused, key, log, page, wait_for)
import pyatspi  # noqa: E402


def title(partner):
    """What the register shows for a partner: its name, or its organisation."""
    return partner.get("name") or partner.get("organisation") or ""


def focused_row(grid):
    """The row of the register with the keyboard focus, or None."""
    return next((n for n in find_all(grid, "table row") if is_focused(n)), None)


def expect_focus(grid, name):
    """Waits until the row named @name has the keyboard focus, and returns it."""
    try:
        return wait_for("the focus on the row of %s" % name,
                        lambda: next((n for n in [focused_row(grid)] if n is not None and n.name == name), None),
                        timeout=15)
    except Failure:
        row = focused_row(grid)
        raise Failure("the focus is on %r, not on the row of %r" % (row.name if row else None, name))


def selected(node):
    return node.getState().contains(pyatspi.STATE_SELECTED)


def main():
    binary, source_root = sys.argv[1], sys.argv[2]
    scratch = tempfile.mkdtemp(prefix="copro-e2e-register-")
    path = os.path.join(scratch, "carers.coprod")
    shutil.copy(os.path.join(source_root, "data", "example.coprod"), path)
    with open(path, encoding="utf-8") as f:
        partners = json.load(f)["partners"]

    app = App(binary, path)
    try:
        run(app, partners)
        app.check_alive()
    finally:
        app.close()
        shutil.rmtree(scratch, ignore_errors=True)
    log("e2e-register: all steps passed")


def run(app, partners):
    window = app.window()
    titles = [title(p) for p in partners]
    key("3", ALT)
    section = page(window, "Partners")
    grid = find(section, "table", "Partners", what="the register's grid")
    rows = find(grid, name="Rows of partners")
    find(grid, name="Column headings")

    # Only the rows in sight are in the tree, each named after its partner.
    shown = wait_for("the rows", lambda: [n for n in children(rows) if n.getRoleName() == "table row"
                                          and n.getState().contains(pyatspi.STATE_SHOWING)])
    if not 0 < len(shown) < len(partners):
        raise Failure("%d rows shown of %d partners" % (len(shown), len(partners)))
    if shown[0].name != titles[0]:
        raise Failure("the first row is %r, not %r" % (shown[0].name, titles[0]))
    cells = [n for n in children(shown[0]) if n.getRoleName() == "table cell"]
    if len(cells) != 9:
        raise Failure("the first row has %d cells, not 9" % len(cells))

    log("e2e-register: Tab into the rows")
    for _ in range(30):
        if focused_row(grid) is not None:
            break
        key("Tab")
        try:
            wait_for("the focus to move", lambda: focused_row(grid) is not None, timeout=1)
        except Failure:
            continue
    expect_focus(grid, titles[0])

    log("e2e-register: Down, Shift+Down, End, Home")
    key("Down")
    second = expect_focus(grid, titles[1])
    wait_for("the second partner to be selected", lambda: selected(second))
    # Where it is, as GTK passes it on: "2 of 43".
    where = dict(a.split(":", 1) for a in second.getAttributes() if ":" in a).get("rowindextext")
    if where != "2 of %d" % len(partners):
        raise Failure("the second row says it is %r" % where)
    key("Down", SHIFT)
    third = expect_focus(grid, titles[2])
    wait_for("Shift+Down to select both", lambda: selected(second) and selected(third), timeout=15)
    key("End")
    last = expect_focus(grid, titles[-1])
    wait_for("the last partner alone to be selected", lambda: selected(last) and not any(
        selected(n) for n in find_all(grid, "table row") if n.name in (titles[1], titles[2])))
    key("Home")
    expect_focus(grid, titles[0])

    log("e2e-register: a heading sorts")
    heading = find(grid, name="Name", predicate=lambda n: n.getRoleName() not in ("table row", "label"),
                   what="the Name heading")
    do_action(heading)
    first_sorted = sorted(titles, key=lambda t: t.casefold())[0]
    wait_for("the rows to be sorted by name", lambda: next(
        (n for n in children(rows) if n.getRoleName() == "table row" and n.getState().contains(pyatspi.STATE_SHOWING)
         and n.queryComponent().getExtents(pyatspi.WINDOW_COORDS).y == min(
             m.queryComponent().getExtents(pyatspi.WINDOW_COORDS).y for m in children(rows)
             if m.getRoleName() == "table row" and m.getState().contains(pyatspi.STATE_SHOWING))
         and n.name == first_sorted), None), timeout=15)
    key("Home")
    expect_focus(grid, first_sorted)

    log("e2e-register: Enter opens the partner")
    key("Return")
    find(section, "heading", first_sorted, what="the details of " + first_sorted)


if __name__ == "__main__":
    try:
        main()
    except Failure as failure:
        log("FAILED:", failure)
        sys.exit(1)
