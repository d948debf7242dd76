#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Attendance and payments end to end (issue 14), as assistive technology
would: the real binary, driven through its accessibility tree. On a copy of
the example project it adds an activity, ticks two partners as having taken
part from the register and sees the number taking part follow; then records
a payment against a budget line and sees what was spent in the budget. It
saves with Ctrl+S and reads the file back.

Usage: test-e2e-attendance.py COPRODUCE SOURCE_ROOT   (under tests/run-gui-test.sh)
"""

import json
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from copro_atspi import (ALT, CONTROL, App, Failure, do_action, find, find_all,  # noqa: E402
                         key, log, page, set_text, wait_for)
import pyatspi  # noqa: E402


def money(pence):
    return "£{:,}.{:02d}".format(pence // 100, pence % 100)


def label_with(root, fragment):
    """A label whose text holds @fragment."""
    return next(iter(find_all(root, "label", predicate=lambda n: fragment in (n.name or ""))), None)


def showing(node):
    return node.getState().contains(pyatspi.STATE_SHOWING)


def on_screen(node, top):
    """Whether @node and each of its ancestors up to @top is visible (GTK
    updates the state of the widget hidden, not of its descendants)."""
    while node is not None and node != top:
        if not node.getState().contains(pyatspi.STATE_VISIBLE):
            return False
        node = node.parent
    return True


def click(node):
    """A click in the middle of @node (window coordinates are screen ones: no
    window manager moves the window on the virtual screen)."""
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    pyatspi.Registry.generateMouseEvent(extents.x + extents.width // 2, extents.y + extents.height // 2,
                                        pyatspi.MOUSE_B1C)


def focus_by_tab(node, what, keysym="Tab"):
    """Presses @keysym until @node has the focus."""
    for _ in range(30):
        if node.getState().contains(pyatspi.STATE_FOCUSED):
            return
        key(keysym)
        try:
            wait_for("the focus on " + what, lambda: node.getState().contains(pyatspi.STATE_FOCUSED), timeout=2)
        except Failure:
            continue
    if not node.getState().contains(pyatspi.STATE_FOCUSED):
        raise Failure("%s never reached %s" % (keysym, what))


def settled(node):
    """Waits until @node stops moving (a dialogue slides in as it opens)."""
    def still():
        before = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        time.sleep(0.3)
        after = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return (before.x, before.y, before.width) == (after.x, after.y, after.width) and after.width > 0
    wait_for("the dialogue to settle", still, timeout=15)


def main():
    binary, source_root = sys.argv[1], sys.argv[2]
    scratch = tempfile.mkdtemp(prefix="copro-e2e-attendance-")
    path = os.path.join(scratch, "carers.coprod")
    shutil.copy(os.path.join(source_root, "data", "example.coprod"), path)
    with open(path, encoding="utf-8") as f:
        before = json.load(f)

    app = App(binary, path)
    try:
        run(app, path, before)
    finally:
        app.close()
        shutil.rmtree(scratch, ignore_errors=True)
    log("e2e-attendance: all steps passed")


def run(app, path, before):
    window = app.window()
    sidebar = find(window, "list", "Sections")
    named = [p for p in before["partners"] if p.get("name")]
    first, second = named[0]["name"], named[1]["name"]

    # Review: a new activity, then who took part, ticked from the register.
    key("5", ALT)
    review_row = find(sidebar, "list item", "Review")
    wait_for("the Review section", lambda: review_row.getState().contains(pyatspi.STATE_SELECTED))
    review = page(window, "Review")
    do_action(find(review, "push button", "Add to “Activities”"))
    set_text(find(review, "text", "Title"), "Tenants’ workshop, tested")
    wait_for("the summary before any attendance",
             lambda: label_with(review, "No attendance is recorded") is not None)
    participants = find(review, "spin button", "People taking part")
    wait_for("the number taking part to be shown", lambda: on_screen(participants, review))

    log("e2e-attendance: ticking who took part")
    do_action(find(review, "push button", "Add Who Took Part…"))
    chooser = find(window, "dialog", "Choose Partners", what="the partner chooser")
    for name in (first, second):
        search = find(chooser, name="Search the partners",
                      predicate=lambda n: n.getRoleName() in ("text", "entry"))
        set_text(search, name)
        find(chooser, "check box", name, what="the check box of %s" % name)
        # Enter in the search ticks the first match: wait until the search
        # has run (the list filters after a short delay, in slices) and
        # shows only matches, this one first. The rows are rebound as the
        # filter runs, so the box is looked up afresh on every try.
        def first_match():
            shown = [n for n in find_all(chooser, "check box") if showing(n)]
            if shown and shown[0].name == name and all(name in (n.name or "") for n in shown):
                return shown[0]
            return None
        # A click can land before the dialogue settles on a loaded machine:
        # try again while the box is not ticked (never twice once it is).
        for _ in range(4):
            box = wait_for("the search to show %s first" % name, first_match, timeout=15)
            if box.getState().contains(pyatspi.STATE_CHECKED):
                break
            click(search)
            try:
                wait_for("the focus in the search", lambda: search.getState().contains(pyatspi.STATE_FOCUSED),
                         timeout=5)
            except Failure:
                continue
            key("Return")
            try:
                wait_for("%s to be ticked" % name,
                         lambda: (first_match() or box).getState().contains(pyatspi.STATE_CHECKED), timeout=5)
                break
            except Failure:
                continue
        n = 1 if name == first else 2
        wait_for("%s to be ticked" % name,
                 lambda: any(find_all(chooser, "push button", "Took Part (%d)" % n)), timeout=15)
    do_action(find(chooser, "push button", "Took Part (2)"))
    wait_for("the chooser to close", lambda: not find_all(window, "dialog", "Choose Partners"))
    wait_for("the number taking part to follow the attendance",
             lambda: label_with(review, "2 people took part") is not None)
    wait_for("the summary to say where the number comes from",
             lambda: label_with(review, "The number taking part comes from this attendance") is not None)

    log("e2e-attendance: a payment")
    # Resources: a payment of £40.00 against the first budget line.
    key("1", ALT)
    overview_row = find(sidebar, "list item", "Overview")
    wait_for("the Overview", lambda: overview_row.getState().contains(pyatspi.STATE_SELECTED), timeout=15)
    key("Page_Down", CONTROL)
    outline_row = find(sidebar, "list item", "Outline")
    wait_for("the Outline", lambda: outline_row.getState().contains(pyatspi.STATE_SELECTED), timeout=15)
    key("Page_Down", CONTROL)
    resources_row = find(sidebar, "list item", "Resources and compliance")
    wait_for("the Resources section", lambda: resources_row.getState().contains(pyatspi.STATE_SELECTED))
    resources = page(window, "Resources and compliance")
    line = before["plan"]["resources"]["budget_lines"][0]
    payments = find(resources, "list", "Payments and expenses")
    do_action(find(resources, "push button", "Add to “Payments and expenses”"))
    set_text(find(payments, "text", "Amount"), "£40.00")
    # The row may be below the fold: reach it with Tab, as a keyboard user
    # would, from the first field that Add put the focus in.
    line_row = find(payments, "list item", "Budget line", what="the budget line row")
    focus_by_tab(line_row, "the budget line row")
    key("Return")
    dialog = find(window, "alert", "Budget line", what="the budget lines to choose from")
    lines = find(dialog, "list", "Budget line")
    choice = find(lines, "list item", line["description"], what="the line %r" % line["description"])
    settled(choice)
    # Tab into the list (its first row, None), then Down to the line.
    focus_by_tab(find(lines, "list item", "None"), "the first choice")
    focus_by_tab(choice, "the line %r" % line["description"], "Down")
    key("Return")
    planned = sum(item["amount"] for item in before["plan"]["resources"]["budget_lines"])
    total = "Total: %s in %d lines. Spent: %s." % (money(planned), len(before["plan"]["resources"]["budget_lines"]),
                                                  money(4000))
    try:
        wait_for("the budget to say what was spent", lambda: label_with(resources, total) is not None, timeout=20)
    except Failure:
        shown = [n.name for n in find_all(resources, "label", predicate=lambda n: "Total:" in (n.name or ""))]
        raise Failure("the budget says %r, not %r" % (shown, total))
    budget = find(resources, "list", "Budget lines")
    wait_for("the line to say what was spent from it",
             lambda: any(find_all(budget, predicate=lambda n: "£40.00 spent" in (n.description or "")
                                  or "£40.00 spent" in (n.name or ""))))

    key("s", CONTROL)
    wait_for("the file to be saved", lambda: not window.name.startswith("• "))
    with open(path, encoding="utf-8") as f:
        after = json.load(f)
    activity = after["activities"][-1]
    ids = {p["name"]: p["id"] for p in after["partners"] if p.get("name")}
    if sorted((a["partner"], a["status"]) for a in activity["attendance"]) != \
            sorted([(ids[first], "took-part"), (ids[second], "took-part")]):
        raise Failure("attendance saved: %r" % activity["attendance"])
    payment = after["plan"]["resources"]["payments"][-1]
    if (payment["amount"], payment["budget_line"]) != (4000, line["id"]):
        raise Failure("payment saved: %r" % payment)
    app.check_alive()


if __name__ == "__main__":
    try:
        main()
    except Failure as error:
        log("e2e-attendance: FAILED:", error)
        sys.exit(1)
