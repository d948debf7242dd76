#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end through the accessibility tree (issue 14): log a contact from a
partner's details, then invite partners by email with the mail client
replaced by a stub, and read the saved file back.

The stub is what GIO opens for mailto: (GtkUriLauncher, without portals in
the tests, goes through g_app_info_launch_default_for_uri()): a .desktop file
for x-scheme-handler/mailto in the scratch home's XDG_DATA_HOME, made the
default in its mimeapps.list, whose command writes the URI to a file.

Usage: test-e2e-contacts.py COPRODUCE SOURCE_ROOT   (under tests/run-gui-test.sh)
"""

import json
import os
import shutil
import stat
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from copro_atspi import (ALT, CONTROL, App, Failure, alert, button, do_action, find, find_all,  # noqa: E402
                         has_text, key, log, page, set_text, text_of, wait_for)
import pyatspi  # noqa: E402

INVITED = [("Invitee Ada", "ada.invitee@example.org", "public-task", None, None),
           ("Invitee Ben", "ben.invitee@example.org", "consent", "2026-03-01", None),
           ("Invitee Cal", "cal.invitee@example.org", "legitimate-interests", None, None),
           ("Invitee Dee", "dee.invitee@example.org", "public-task", None, "withdrawn"),
           ("Invitee Eli", None, "public-task", None, None)]


def expect(what, actual, wanted):
    if actual != wanted:
        raise Failure("%s: expected %r, found %r" % (what, wanted, actual))


def make_project(source, path):
    """The example, with five partners of one organisation to invite."""
    with open(source, encoding="utf-8") as f:
        doc = json.load(f)
    for i, (name, email, basis, consent, status) in enumerate(INVITED):
        doc["partners"].append({
            "id": "0e2e0000-0000-4000-8000-%012d" % i,
            "kind": "individual", "name": name, "organisation": "Invitation Test Group",
            "email": email or "", "lawful_basis": basis, "consent_date": consent, "status": status,
        })
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
    return doc


def install_mail_stub(home, out):
    """A mail client that writes the URI it is given to @out."""
    script = os.path.join(home, "mail-stub.sh")
    with open(script, "w", encoding="utf-8") as f:
        f.write("#!/bin/sh\nprintf '%%s\\n' \"$1\" >> '%s'\n" % out)
    os.chmod(script, os.stat(script).st_mode | stat.S_IXUSR)
    applications = os.path.join(home, "data", "applications")
    os.makedirs(applications)
    with open(os.path.join(applications, "copro-mail-stub.desktop"), "w", encoding="utf-8") as f:
        f.write("[Desktop Entry]\nType=Application\nName=Mail stub\nExec=%s %%u\n"
                "MimeType=x-scheme-handler/mailto;\nNoDisplay=true\n" % script)
    config = os.path.join(home, "config")
    os.makedirs(config)
    for folder in (config, applications):
        with open(os.path.join(folder, "mimeapps.list"), "w", encoding="utf-8") as f:
            f.write("[Default Applications]\nx-scheme-handler/mailto=copro-mail-stub.desktop\n")


def click(node):
    """A click in the middle of @node (window coordinates are screen ones:
    no window manager moves the window on the virtual screen)."""
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    pyatspi.Registry.generateMouseEvent(extents.x + extents.width // 2, extents.y + extents.height // 2,
                                        pyatspi.MOUSE_B1C)


def search(partners, text, n_shown, n_total):
    """Ctrl+F, then @text in the search: @n_shown of @n_total partners show."""
    key("f", CONTROL)
    entry = find(partners, name="Search the partners", predicate=lambda n: n.getRoleName() in ("text", "entry"))
    set_text(entry, text)
    find(partners, "label", "%d of %d partners shown" % (n_shown, n_total), what="the search's matches")


def shown_cell(partners, name):
    """The register's cell showing @name (not the editor's heading)."""
    return find(partners, predicate=lambda n: n.name == name and n.getRoleName() == "table cell"
                and n.parent is not None and n.parent.getRoleName() == "table row",
                what="the register's cell for " + name)


def labelled_by_text(node):
    """The text of what @node's labelled-by relation points at, as Orca
    reads it when the name is empty (GTK's menu items are named so)."""
    parts = []
    for relation in node.getRelationSet():
        if relation.getRelationType() != pyatspi.RELATION_LABELLED_BY:
            continue
        for i in range(relation.getNTargets()):
            target = relation.getTarget(i)
            parts.append(target.name or text_of(target))
    return " ".join(part for part in parts if part)


def menu_item(menu, label):
    return find(menu, "menu item", predicate=lambda n: (n.name or labelled_by_text(n)) == label,
                what="the menu item " + label)


def open_more_menu(app, partners):
    do_action(find(partners, "toggle button", "More Partner Actions"))
    menu = find(app.root, "menu", "More Partner Actions")
    wait_for("its items", lambda: find_all(menu, "menu item"))
    return menu


def log_a_contact(app, window, partners, n_total):
    """Priya Raman's details: Add Contact, a summary, Add; the timeline grows."""
    search(partners, "Priya Raman", 1, n_total)
    click(shown_cell(partners, "Priya Raman"))
    details = find(partners, "scroll pane", "Partner details",
                   predicate=lambda n: any(find_all(n, "list", "Contact log")), what="Priya's details")
    timeline = find(details, "list", "Contact log")
    before = sum(1 for n in find_all(timeline, "list item"))
    do_action(find(details, "push button", "Add Contact"))
    dialog = find(window, "dialog", "Add Contact with Priya Raman, Kestleford County Council")
    set_text(find(dialog, "text", "Made by"), "Jo Bennett")
    set_text(find(dialog, "text", "Summary"), "Rang to confirm the venue")
    do_action(button(dialog, "Add"))
    wait_for("the dialogue to close", lambda: not find_all(window, "dialog", "Add Contact with Priya Raman, Kestleford County Council"))
    wait_for("the timeline to grow", lambda: sum(1 for n in find_all(timeline, "list item")) == before + 1)
    # Newest first: today's contact heads the timeline.
    first = [n for n in find_all(timeline, "list item")][0]
    wait_for("the new contact first", lambda: has_text(first, "Rang to confirm the venue") is not None)
    return before + 1


def invite(app, window, partners, n_total, stub_out):
    """Five partners selected, three may be emailed: the question says so,
    then the stub gets one mailto: with their addresses in Bcc."""
    search(partners, "Invitation Test Group", 5, n_total)
    click(shown_cell(partners, "Invitee Ada"))
    find(partners, "heading", "Invitee Ada", what="Ada's details")
    key("a", CONTROL)
    wait_for("five selected", lambda: find_all(partners, predicate=lambda n: n.name == "5 partners selected"))
    menu = open_more_menu(app, partners)
    do_action(menu_item(menu, "Email Selected Partners…"))
    question = alert(app.root, "Email 3 Partners?")
    for fragment in ("1 partner has no usable email address.", "1 partner has withdrawn."):
        wait_for("the question to say " + fragment, lambda: has_text(question, fragment) is not None)
    do_action(button(question, "Open Mail Client"))
    wait_for("the mail stub to be run", lambda: os.path.exists(stub_out) and open(stub_out).read().endswith("\n"))
    with open(stub_out, encoding="utf-8") as f:
        uris = f.read().splitlines()
    expect("mailto URIs", len(uris), 1)
    parts = urllib.parse.urlsplit(uris[0])
    expect("scheme", parts.scheme, "mailto")
    expect("no To", parts.path, "")
    query = urllib.parse.parse_qs(parts.query)
    expect("Bcc", sorted(query["bcc"][0].split(",")),
           sorted(email for _, email, _, _, status in INVITED[:3] if email))


def main():
    binary, srcdir = sys.argv[1], sys.argv[2]
    scratch = tempfile.mkdtemp(prefix="copro-e2e-contacts-")
    home = os.path.join(scratch, "home")
    os.makedirs(home)
    stub_out = os.path.join(scratch, "mailto.txt")
    install_mail_stub(home, stub_out)
    path = os.path.join(scratch, "project.coprod")
    before = make_project(os.path.join(srcdir, "data", "example.coprod"), path)
    n_total = len(before["partners"])
    priya_before = len(before["partners"][0].get("contacts", []))
    app = App(binary, path, home=home)
    try:
        window = app.window()
        key("3", ALT)
        partners = page(window, "Partners")
        n_logged = log_a_contact(app, window, partners, n_total)
        expect("Priya's contacts shown", n_logged, priya_before + 1)
        invite(app, window, partners, n_total, stub_out)
        wait_for("the toast", lambda: has_text(window, "Invitation logged for 3 partners") is not None)

        key("s", CONTROL)
        wait_for("the file to be saved", lambda: not window.name.startswith("• "))
        with open(path, encoding="utf-8") as f:
            after = json.load(f)
        priya = after["partners"][0]
        expect("Priya's log", len(priya["contacts"]), priya_before + 1)
        new = [c for c in priya["contacts"] if c["summary"] == "Rang to confirm the venue"]
        expect("the contact logged", len(new), 1)
        expect("who", new[0]["made_by"], "Jo Bennett")
        expect("a date", new[0]["date"] is not None, True)
        by_name = {p.get("name"): p for p in after["partners"]}
        for name, email, _, _, status in INVITED:
            contacts = by_name[name].get("contacts", [])
            invited = email is not None and status is None
            expect("%s's log" % name, len(contacts), 1 if invited else 0)
            if invited:
                expect("%s's contact" % name, (contacts[0]["method"], contacts[0]["summary"]),
                       ("email", "Invitation sent"))
        app.check_alive()
        log("contacts end to end: ok")
    finally:
        app.close()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except Failure as failure:
        print("FAILED:", failure, file=sys.stderr)
        sys.exit(1)
