#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end, as assistive technology would: the real binary, driven only
through its accessibility tree and the keyboard. It opens a copy of the
example project, changes the title, fills a field in every panel, adds and
deletes list rows, undoes with Ctrl+Z, saves with Ctrl+S and reads the file
back with Python's json module, then exports the workbook for sign-off
through the export dialogue and GTK's file chooser, personal details left
out, and reads it back with openpyxl.

Usage: test-e2e.py COPRODUCE SOURCE_ROOT   (under tests/run-gui-test.sh)
"""

import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from copro_atspi import (ALT, CONTROL, App, Failure, alert, button, children,  # noqa: E402
                         description_of, do_action, find, find_all, is_focused, key, log, page, set_text, text_of,
                         wait_for)
import pyatspi  # noqa: E402

# The sidebar, in order, as Ctrl+Page Down walks it.
SECTIONS = ["Overview", "Outline", "Resources and compliance", "Principles", "Communications",
            "Delivery", "Evaluation", "Partners", "Terms of reference", "Review", "Risks",
            "Sign-off", "Checks"]


class Session:
    def __init__(self, app):
        self.app = app
        self.window = app.window()
        self.sidebar = find(self.window, "list", "Sections")
        self.current = "Overview"

    def row(self, title):
        return find(self.sidebar, "list item", title)

    def wait_shown(self, title):
        row = self.row(title)
        wait_for("the %s section" % title,
                 lambda: row.getState().contains(pyatspi.STATE_SELECTED))
        self.current = title
        return page(self.window, title)

    def next_section(self, title):
        """Ctrl+Page Down (or Up) until @title shows."""
        steps = SECTIONS.index(title) - SECTIONS.index(self.current)
        for _ in range(abs(steps)):
            key("Page_Down" if steps > 0 else "Page_Up", CONTROL)
        return self.wait_shown(title)

    def shortcut(self, digit, title):
        """Alt+1 … Alt+8 go straight to the top-level sections."""
        key(str(digit), ALT)
        return self.wait_shown(title)


def value_of(node):
    return node.queryValue().currentValue


def set_value(node, number):
    node.queryValue().currentValue = number


def n_items(list_node):
    """Rows of a list (its placeholder is a label)."""
    return sum(1 for child in children(list_node) if child.getRoleName() == "list item")


def expect(what, actual, wanted):
    if actual != wanted:
        raise Failure("%s: expected %r, found %r" % (what, wanted, actual))


def in_group(root, group_title, role, name):
    """A control inside the group (boxed list) called @group_title."""
    group = find(root, "list", group_title, what="the group %r" % group_title)
    return find(group, role, name, what="%r in %r" % (name, group_title))


def main():
    binary, source_root = sys.argv[1], sys.argv[2]
    scratch = tempfile.mkdtemp(prefix="copro-e2e-")
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
    log("e2e: all steps passed")


def run(app, path, before):
    s = Session(app)

    # Overview: the title (the window follows), a date typed in UK order.
    overview = page(s.window, "Overview")
    title = find(overview, "text", "Project title")
    wait_for("the project to load", lambda: text_of(title) == before["overview"]["title"])
    # Opened from the command line, the window takes its first focus on the
    # sidebar's Overview row, as when a project is opened from the start page
    # (copro_window_show () keeps it out of the panel it opened before
    # showing), so Tab goes on into the Overview and the arrows choose a
    # section.
    wait_for("the first focus on the sidebar's Overview row", lambda: is_focused(s.row("Overview")))
    set_text(title, "Carers’ short breaks, tested end to end")
    wait_for("the window title to show unsaved changes",
             lambda: s.window.name == "• Carers’ short breaks, tested end to end")

    end_date = find(overview, "text", "End date")
    set_text(end_date, "31/02/2027")
    wait_for("a hint that 31/02/2027 is not a date",
             lambda: "is not a date" in description_of(end_date))
    set_text(end_date, "31/12/2027")
    wait_for("the hint to go", lambda: "is not a date" not in description_of(end_date))

    # Undo from the keyboard: a wrong reference number, then Ctrl+Z.
    reference = find(overview, "text", "Reference number")
    set_text(reference, "WRONG")
    key("z", CONTROL)
    wait_for("Ctrl+Z to restore the reference",
             lambda: text_of(reference) == before["overview"]["reference"])

    # Plan: outline (a long answer).
    outline = s.next_section("Outline")
    set_text(find(outline, "text", "What do we want to achieve?"), "Breaks that carers trust.")

    # Resources: the budget holder, and a new budget line in pounds and pence.
    resources = s.next_section("Resources and compliance")
    set_text(find(resources, "text", "Budget holder"), "Priya Raman")
    budget = find(resources, "list", "Budget lines")
    do_action(find(resources, "push button", "Add to “Budget lines”"))
    set_text(find(budget, "text", "Description"), "Room hire for the launch")
    set_text(find(budget, "text", "Amount"), "£1,250.50")
    old_total = sum(line["amount"] for line in before["plan"]["resources"]["budget_lines"]) + 125050
    pounds = "£{:,}.{:02d}".format(old_total // 100, old_total % 100)
    find(resources, "label", "Total: %s in %d lines" % (pounds, len(before["plan"]["resources"]["budget_lines"]) + 1),
         what="the live budget total")

    # Principles: equality.
    principles = s.next_section("Principles")
    set_text(in_group(principles, "Equality", "text", "How the project will meet it"),
             "Carers chair every other meeting.")

    # Communications: a new row.
    communications = s.next_section("Communications")
    do_action(find(communications, "push button", "Add to “Communications”"))
    set_text(find(communications, "text", "Audience"), "Young adult carers")

    delivery = s.next_section("Delivery")
    set_text(find(delivery, "text", "Facilitation support needed"), "An independent facilitator.")

    evaluation = s.next_section("Evaluation")
    set_text(find(evaluation, "text", "How results are shared"), "A short film made with carers.")

    # Partners: add one, find it by search, and open it from the map by keyboard.
    partners = s.shortcut(3, "Partners")
    n_partners = len(before["partners"])
    find(partners, "label", "%d partners" % n_partners, what="the partner count")
    do_action(find(partners, "push button", "Add Partner"))
    details = find(partners, "scroll pane", "Partner details",
                   predicate=lambda n: any(find_all(n, "text", "Name")), what="the new partner's details")
    set_text(find(details, "text", "Name"), "Zadie Okonkwo-Test")
    set_value(find(details, "spin button", "Influence"), 5)
    set_value(find(details, "spin button", "Interest"), 4)
    # Where the section is too narrow for both, the split view collapses and
    # the editor replaces the register: go back to it with the header bar's
    # back button, as a person would, to read the count.
    back = button(partners, "Back")
    if back is not None:
        do_action(back)
    find(partners, "label", "%d partners" % (n_partners + 1), what="the new count")
    key("f", CONTROL)
    search = find(partners, name="Search the partners", predicate=lambda n: n.getRoleName() in ("text", "entry"))
    wait_for("Ctrl+F to put the focus in the search", lambda: is_focused(search))
    set_text(search, "Okonkwo-Test")
    find(partners, "label", "1 of %d partners shown" % (n_partners + 1), what="the search's one match")
    do_action(find(partners, "page tab", "Map"))
    the_map = find(partners, "image", "Partner map")
    # Tab through the register's tools to the map; give each press time to land.
    for _ in range(12):
        key("Tab")
        try:
            wait_for("the focus on the map", lambda: is_focused(the_map), timeout=2)
            break
        except Failure:
            continue
    expect("the map has the keyboard focus", is_focused(the_map), True)
    key("Home")
    wait_for("the map to say which partner is chosen",
             lambda: description_of(the_map).startswith("Zadie Okonkwo-Test"))
    key("Return")
    find(partners, "heading", "Zadie Okonkwo-Test", what="the partner opened from the map")

    terms = s.shortcut(4, "Terms of reference")
    set_text(find(terms, "text", "Group name"), "Short Breaks Design Group")

    review = s.shortcut(5, "Review")
    set_text(find(review, "text", "The difference the involvement made"), "Carers set the priorities.")

    # Risks: a new risk, scored 4 × 5 = 20, which is high.
    risks = s.shortcut(6, "Risks")
    do_action(find(risks, "push button", "Add to “Risks”"))
    set_text(find(risks, "text", "Risk"), "The venue is not accessible")
    set_value(find(risks, "spin button", "Likelihood"), 4)
    set_value(find(risks, "spin button", "Impact"), 5)
    find(risks, "label", "High 20", what="the risk’s band and score")

    # Sign-off: add an approval, then delete it; the toast offers to undo.
    signoff = s.shortcut(7, "Sign-off")
    approvals = find(signoff, "list", "Approvals")
    toasts = signoff.parent.parent   # the page, in the stack, in the toast overlay
    n_approvals = len(before["approvals"])
    do_action(find(signoff, "push button", "Add to “Approvals”"))
    set_text(find(approvals, "text", "Name"), "Not needed after all")
    wait_for("the new approval", lambda: n_items(approvals) == n_approvals + 1)
    do_action(find(approvals, "push button", "Delete"))
    # The toast goes after a few seconds: look beside the panels only (the
    # overlay's first child), not through the whole window.
    wait_for("the toast’s Undo button", lambda: any(
        find_all(toast, "push button", "Undo") for toast in list(children(toasts))[1:]))
    wait_for("the approval to go", lambda: n_items(approvals) == n_approvals)

    # Checks: the list of findings is there, and the sidebar counts problems.
    checks = s.shortcut(8, "Checks")
    find(checks, "list", "Findings")

    # Ctrl+F is the partner search wherever the focus is while the partners
    # show, the sidebar included.
    partners = s.shortcut(3, "Partners")
    row = s.row("Partners")
    # A click on its row puts the focus there (GTK's rows take no focus from
    # AT-SPI). Window coordinates are screen ones: no window manager moves
    # the window on the virtual screen.
    extents = row.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    pyatspi.Registry.generateMouseEvent(extents.x + extents.width // 2, extents.y + extents.height // 2,
                                        pyatspi.MOUSE_B1C)
    wait_for("the focus in the sidebar", lambda: is_focused(row))
    key("f", CONTROL)
    search = find(partners, name="Search the partners", predicate=lambda n: n.getRoleName() in ("text", "entry"))
    wait_for("Ctrl+F from the sidebar to put the focus in the search", lambda: is_focused(search))
    key("Escape")

    # A question closes with Esc and gives the focus back to where it was.
    checks = s.shortcut(8, "Checks")
    find(checks, "list", "Findings")
    focused = wait_for("the focus in the checks", lambda: next(iter(find_all(checks, predicate=is_focused)), None))
    key("w", CONTROL)
    alert(s.window, "Save Changes?")
    key("Escape")
    wait_for("the question to close", lambda: not find_all(s.window, "alert"))
    wait_for("the focus back where it was", lambda: is_focused(focused))

    # Save with Ctrl+S and read the file back.
    key("s", CONTROL)
    wait_for("the file to be saved", lambda: not s.window.name.startswith("• "))
    with open(path, encoding="utf-8") as f:
        after = json.load(f)

    expect("title", after["overview"]["title"], "Carers’ short breaks, tested end to end")
    expect("end date", after["overview"]["end_date"], "2027-12-31")
    expect("reference", after["overview"]["reference"], before["overview"]["reference"])
    expect("aims", after["plan"]["outline"]["aims"], "Breaks that carers trust.")
    resources_after = after["plan"]["resources"]
    expect("budget holder", resources_after["budget_holder"], "Priya Raman")
    expect("budget lines", len(resources_after["budget_lines"]),
           len(before["plan"]["resources"]["budget_lines"]) + 1)
    expect("new line", (resources_after["budget_lines"][-1]["description"],
                        resources_after["budget_lines"][-1]["amount"]),
           ("Room hire for the launch", 125050))
    expect("equality", after["plan"]["principles"]["equality"]["how"], "Carers chair every other meeting.")
    expect("communications", len(after["plan"]["communications"]), len(before["plan"]["communications"]) + 1)
    expect("audience", after["plan"]["communications"][-1]["audience"], "Young adult carers")
    expect("facilitation", after["plan"]["delivery"]["facilitation_support"], "An independent facilitator.")
    expect("sharing", after["plan"]["evaluation"]["sharing_results"], "A short film made with carers.")
    expect("partners", len(after["partners"]), len(before["partners"]) + 1)
    expect("new partner", {k: after["partners"][-1].get(k) for k in ("name", "influence", "interest")},
           {"name": "Zadie Okonkwo-Test", "influence": 5, "interest": 4})
    expect("group name", after["terms_of_reference"]["group_name"], "Short Breaks Design Group")
    expect("difference", after["reflection"]["difference"], "Carers set the priorities.")
    expect("risks", len(after["risks"]), len(before["risks"]) + 1)
    expect("new risk", (after["risks"][-1]["description"], after["risks"][-1]["likelihood"],
                        after["risks"][-1]["impact"]),
           ("The venue is not accessible", 4, 5))
    expect("approvals", [a["id"] for a in after["approvals"]], [a["id"] for a in before["approvals"]])

    export_for_signoff(app, s, path, after)
    app.check_alive()


def workbook_text(path):
    """Every cell's value, as openpyxl (someone else's reader, installed by
    build-aux/install-deps.sh) reads it: what the workbook says, to search."""
    import openpyxl
    book = openpyxl.load_workbook(path)
    return "\n".join(str(cell.value) for sheet in book.worksheets
                     for row in sheet.iter_rows() for cell in row if cell.value is not None)


def export_for_signoff(app, s, path, project):
    """Ctrl+E: the export dialogue, personal details off as it opens,
    "Export…", GTK's file chooser for where, then the workbook read back."""
    workbook = os.path.join(os.path.dirname(path), "sign-off.xlsx")
    key("e", CONTROL)
    export = find(s.window, "dialog", "Export for Sign-Off", what="the export dialogue")
    switch = wait_for("the personal details switch", lambda: next(
        (n for n in find_all(export, name="Include Personal Details")
         if n.getState().contains(pyatspi.STATE_CHECKABLE)), None))
    expect("personal details included", switch.getState().contains(pyatspi.STATE_CHECKED), False)
    do_action(button(export, "Export…"))
    chooser = wait_for("the file chooser", lambda: next(
        (w for w in children(app.root) if w.getRoleName() == "dialog" and w.name == "Save Workbook"), None))
    name = find(chooser, "text", "Name:")
    set_text(name, workbook)
    wait_for("the path in the chooser", lambda: text_of(name) == workbook)
    do_action(button(chooser, "Export"))
    # Read while it is being shown: for a moment more than one node may
    # carry its name.
    done = wait_for("the export's result", lambda: next(
        (a for a in find_all(app.root, "alert", "Workbook Exported") if button(a, "Close")), None))
    wait_for("the workbook", lambda: os.path.exists(workbook))
    do_action(button(done, "Close"))
    wait_for("the result to close", lambda: not find_all(app.root, "alert", "Workbook Exported"))

    text = workbook_text(workbook)
    for partner in project["partners"]:
        if partner.get("name"):
            expect("%s in the workbook" % partner["name"], partner["name"] in text, True)
        for detail in (partner.get("email"), partner.get("phone")):
            if detail:
                expect("%r left out of the workbook" % detail, detail in text, False)


if __name__ == "__main__":
    try:
        main()
    except Failure as error:
        log("e2e: FAILED:", error)
        sys.exit(1)
