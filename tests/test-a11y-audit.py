#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Accessibility audit: walks the accessibility tree of every panel of the
real application (with a new item opened in every list, the partner chooser
and a toast showing) and fails on any focusable control without a name, or
with its name said twice ("Delete Delete", "_Delete Delete"). Names repeated
across controls are reported, not failed: a screen reader gives their group.

Usage: test-a11y-audit.py COPRODUCE SOURCE_ROOT   (under tests/run-gui-test.sh)
"""

import collections
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from copro_atspi import (ALT, CONTROL, App, Failure, children, do_action, find,  # noqa: E402
                         find_all, is_focusable, key, log, page, wait_for)
import pyatspi  # noqa: E402

SECTIONS = ["Overview", "Outline", "Resources and compliance", "Principles", "Communications",
            "Delivery", "Evaluation", "Partners", "Terms of reference", "Review", "Risks",
            "Sign-off", "Checks"]

# GTK names an unnamed widget after its type: that is no name to a person.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Copro)[A-Z][A-Za-z]*$")
# "Delete Delete", "Add to X Add to X": the same words twice.
SAID_TWICE = re.compile(r"^(.+) \1$")
# A mnemonic underscore that leaked into a name.
MNEMONIC = re.compile(r"(^|\s)_\w")

# Roles that are layout, not controls, even when GTK calls them focusable.
STRUCTURAL = {"panel", "filler", "unknown", "invalid"}


def audit(root, where, problems, names):
    """Checks every focusable control below root."""
    def visit(node, path, in_combo):
        try:
            role = node.getRoleName()
            name = node.name or ""
            focusable = is_focusable(node)
        except Exception:
            return
        here = path + [role + (" %r" % name if name else "")]
        # libadwaita draws a combo row's current choice with a list view that
        # never takes the focus (can-focus is off) but says it could: the
        # combo box itself is the control, and it is checked.
        if focusable and role not in STRUCTURAL and not in_combo:
            label = "%s: %s" % (where, " > ".join(here[-3:]))
            if not name.strip() or TYPE_NAME.match(name):
                problems.append("no name: " + label)
            elif SAID_TWICE.match(name):
                problems.append("name said twice: " + label)
            elif MNEMONIC.search(name):
                problems.append("mnemonic underscore in the name: " + label)
            else:
                names[(where, role, name)] += 1
        for child in children(node):
            visit(child, here, in_combo or role == "combo box")
    visit(root, [], False)


def open_every_list(window, title):
    """Adds an item to every list of a panel (which opens it), nested lists too."""
    panel = page(window, title)
    clicked = set()
    while True:
        buttons = [b for b in find_all(panel, "push button",
                                       predicate=lambda n: n.name.startswith("Add to “"))
                   if b.name not in clicked]
        if not buttons:
            return panel
        for button in buttons:
            clicked.add(button.name)
            list_name = button.name[len("Add to “"):-1]
            target = find(panel, "list", list_name)
            before = sum(1 for c in children(target) if c.getRoleName() == "list item")
            do_action(button)
            wait_for("a new item in " + list_name,
                     lambda: sum(1 for c in children(target) if c.getRoleName() == "list item") > before)


def main():
    binary, source_root = sys.argv[1], sys.argv[2]
    scratch = tempfile.mkdtemp(prefix="copro-audit-")
    path = os.path.join(scratch, "carers.coprod")
    shutil.copy(os.path.join(source_root, "data", "example.coprod"), path)
    problems = []
    names = collections.Counter()

    app = App(binary, path)
    try:
        window = app.window()
        sidebar = find(window, "list", "Sections")
        find(page(window, "Overview"), "text", "Project title")

        # The header bar and the sidebar.
        for control in ("Show Sections", "Main Menu"):
            button = wait_for(control, lambda: find_all(window, "push button", control))[0]
            audit(button, "header bar", problems, names)
        audit(sidebar, "sidebar", problems, names)

        for i, title in enumerate(SECTIONS):
            if i > 0:
                key("Page_Down", CONTROL)
            row = find(sidebar, "list item", title)
            wait_for(title + " to show", lambda: row.getState().contains(pyatspi.STATE_SELECTED))
            panel = open_every_list(window, title)
            audit(panel, title, problems, names)

            if title == "Terms of reference":
                # A new member's first field is its partner: Enter opens the
                # chooser, a dialogue of its own.
                key("Return")
                chooser = wait_for("the partner chooser", lambda: next(
                    (w for w in children(app.root) if w.name == "Choose a Partner"), None))
                find(chooser, None, "Search the partners")
                audit(chooser, "partner chooser", problems, names)
                key("Escape")
                wait_for("the chooser to close", lambda: not any(
                    w.name == "Choose a Partner" for w in children(app.root)))

            if title == "Sign-off":
                # Delete the new approval: the toast and its Undo button.
                approvals = find(panel, "list", "Approvals")
                toasts = panel.parent.parent   # the page, in the stack, in the toast overlay
                do_action(find(approvals, "push button", "Delete"))
                # The toast goes after a few seconds: look beside the panels.
                undo = wait_for("the toast’s Undo button", lambda: [
                    button for toast in list(children(toasts))[1:]
                    for button in find_all(toast, "push button",
                                           predicate=lambda n: "Undo" in n.name)])[0]
                audit(undo, "toast", problems, names)

        # The keyboard shortcuts window opens (Ctrl+?); GTK draws it.
        key("question", CONTROL)
        wait_for("the keyboard shortcuts window", lambda: len(list(children(app.root))) > 1)
        key("Escape")
        app.check_alive()
    finally:
        app.close()
        shutil.rmtree(scratch, ignore_errors=True)

    repeated = [(where, role, name, n) for (where, role, name), n in names.items() if n > 1]
    for where, role, name, n in sorted(repeated):
        log("note: %d %s controls named %r in %s" % (n, role, name, where))
    log("audit: %d named controls checked" % sum(names.values()))
    if problems:
        for problem in problems:
            log("PROBLEM", problem)
        raise Failure("%d controls without one clear name" % len(problems))


if __name__ == "__main__":
    try:
        main()
    except Failure as error:
        log("a11y-audit: FAILED:", error)
        sys.exit(1)
