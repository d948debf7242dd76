#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end, as assistive technology would (issue 13): a project whose
20,000 imported partners have contact details but no lawful basis. The
Checks give one finding for them; choosing it opens the register with
exactly those partners; Ctrl+A selects them, "Set Field of Selected
Partners" sets their lawful basis in one go; the checks no longer find
it; one Ctrl+Z takes all 20,000 back and one Ctrl+Shift+Z sets them again,
each read back from the saved file with Python's json module.

Usage: test-e2e-bulk-edit.py COPRODUCE SOURCE_ROOT   (under tests/run-gui-test.sh)
"""

import copy
import json
import os
import shutil
import sys
import tempfile
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from copro_atspi import (ALT, CONTROL, SHIFT, App, Failure, do_action, find, find_all,  # noqa: E402
                         has_text, is_focused, key, log, page, text_of, wait_for)
import pyatspi  # noqa: E402

N_BLANK = 20000


def make_project(source_root, path):
    """The example, every partner with a lawful basis, and 20,000 more with
    an email address and none."""
    with open(os.path.join(source_root, "data", "example.coprod"), encoding="utf-8") as f:
        project = json.load(f)
    for partner in project["partners"]:
        if not partner.get("lawful_basis"):
            partner["lawful_basis"] = "legitimate-interests"
    base = project["partners"][0]
    for i in range(N_BLANK):
        partner = copy.deepcopy(base)
        partner["id"] = str(uuid.UUID(int=i + 1))
        partner["name"] = "Imported resident %d" % (i + 1)
        partner["email"] = "resident%d@example.org" % (i + 1)
        partner["lawful_basis"] = None
        partner["consent_date"] = None
        # Newly imported: no contact log yet (and ids are unique in a file).
        partner["contacts"] = []
        project["partners"].append(partner)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(project, f)
    return len(project["partners"])


def click(node):
    """A click in the middle of @node (window coordinates are screen ones:
    no window manager moves the window on the virtual screen)."""
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    pyatspi.Registry.generateMouseEvent(extents.x + extents.width // 2, extents.y + extents.height // 2,
                                        pyatspi.MOUSE_B1C)


def is_showing(node):
    state = node.getState()
    return state.contains(pyatspi.STATE_SHOWING) and state.contains(pyatspi.STATE_VISIBLE)


def shows_text(node, text):
    return any(n.getRoleName() == "label" and text_of(n) == text for n in find_all(node))


def choose(app, dialog, combo_name, choice):
    """Opens the combo row @combo_name of @dialog with a click, then goes
    down its list with the arrow keys to @choice and takes it with Enter,
    as a keyboard user would (the list makes rows only as they come into
    view)."""
    combo = find(dialog, "combo box", combo_name)
    click(combo)
    wait_for("the list of choices", lambda: any(
        is_focused(n) for n in find_all(app.root, "list item") if is_showing(n)))
    for _ in range(40):
        focused = [n for n in find_all(app.root, "list item") if is_showing(n) and is_focused(n)]
        if focused and shows_text(focused[0], choice):
            key("Return")
            break
        key("Down")
        time.sleep(0.2)
    else:
        raise Failure("no choice %r in %s" % (choice, combo_name))
    wait_for("%r chosen" % choice, lambda: shows_text(combo, choice) and not any(
        is_focused(n) for n in find_all(app.root, "list item") if is_showing(n) and n not in find_all(combo)))


def lawful_bases(path):
    with open(path, encoding="utf-8") as f:
        project = json.load(f)
    return [p.get("lawful_basis") for p in project["partners"]]


def save(window, path):
    key("s", CONTROL)
    wait_for("the file to be saved", lambda: not window.name.startswith("• "))
    return lawful_bases(path)


def expect(what, actual, wanted):
    if actual != wanted:
        raise Failure("%s: expected %r, found %r" % (what, wanted, actual))


def count(text):
    """A number as the application writes it in this locale (C: 20000)."""
    return "{:,}".format(text) if has_grouping() else str(text)


def has_grouping():
    import locale
    locale.setlocale(locale.LC_ALL, "")
    return bool(locale.localeconv().get("thousands_sep"))


def run(app, path, n_total):
    before = lawful_bases(path)
    expect("partners with no lawful basis", before.count(None), N_BLANK)
    window = app.window()
    wait_for("the project to load", lambda: window.name not in ("", "Coproduce"))

    # The Checks: one finding for the 20,000.
    key("8", ALT)
    checks = page(window, "Checks")
    findings = find(checks, "list", "Findings")
    message = "%s partners have contact details but no lawful basis." % count(N_BLANK)
    item = wait_for("the finding", lambda: next(
        (n for n in find_all(findings, "list item") if has_text(n, message)), None))
    expect("findings about the lawful basis",
           len([n for n in find_all(findings, "list item") if has_text(n, "no lawful basis")]), 1)
    # One click chooses it (the list activates on a single click).
    click(item)

    # The register, with exactly those partners and a banner saying so.
    partners = page(window, "Partners")
    find(partners, "label", "%s of %s partners shown" % (count(N_BLANK), count(n_total)),
         what="the count of the finding's partners")
    wait_for("the banner", lambda: has_text(partners, "Showing the %s partners of a check" % count(N_BLANK)))
    rows = find(partners, name="Rows of partners")
    wait_for("the keyboard in the rows", lambda: any(is_focused(n) for n in find_all(rows)) or is_focused(rows))

    # Ctrl+A, then Set Field (F2), then the lawful basis and its value.
    key("a", CONTROL)
    set_field = find(partners, "push button", "Set Field of Selected Partners")
    wait_for("Set Field to be offered", lambda: set_field.getState().contains(pyatspi.STATE_SENSITIVE))
    # F2 (not in copro_atspi's table of keys): Set Field of Selected Partners.
    pyatspi.Registry.generateKeyboardEvent(0xffbf, None, pyatspi.KEY_SYM)
    dialog = find(window, "dialog", "Set Field", what="the Set Field dialogue")
    choose(app, dialog, "Field", "Lawful basis")
    choose(app, dialog, "Lawful basis", "Public task")
    apply = find(dialog, "push button", "Set for %s Partners" % count(N_BLANK))
    do_action(apply)
    wait_for("the dialogue to close", lambda: not find_all(window, "dialog", "Set Field"))
    wait_for("the notice", lambda: has_text(window, "Lawful basis set for %s partners" % count(N_BLANK)))

    after = save(window, path)
    expect("lawful bases after Set Field", after, [basis or "public-task" for basis in before])

    # The checks no longer find it.
    key("8", ALT)
    checks = page(window, "Checks")
    wait_for("the finding to go", lambda: not has_text(checks, "no lawful basis"))

    # One undo takes all 20,000 back; one redo sets them again.
    key("z", CONTROL)
    wait_for("the finding back", lambda: has_text(checks, message))
    undone = save(window, path)
    expect("partners with no lawful basis after undo", undone.count(None), N_BLANK)
    expect("lawful bases after undo", undone, before)
    key("z", CONTROL | SHIFT)
    wait_for("the finding to go again", lambda: not has_text(checks, "no lawful basis"))
    redone = save(window, path)
    expect("after redo", redone, after)


def main():
    binary, source_root = sys.argv[1], sys.argv[2]
    scratch = tempfile.mkdtemp(prefix="copro-e2e-bulk-")
    path = os.path.join(scratch, "county.coprod")
    n_total = make_project(source_root, path)
    app = App(binary, path)
    try:
        run(app, path, n_total)
        app.check_alive()
    finally:
        app.close()
        shutil.rmtree(scratch, ignore_errors=True)
    log("e2e-bulk-edit: all steps passed")


if __name__ == "__main__":
    try:
        main()
    except Failure as error:
        log("e2e-bulk-edit: FAILED:", error)
        sys.exit(1)
