#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Printing and saving as PDF (issue 15), end to end through the
accessibility tree and the keyboard: Ctrl+P opens the Print dialogue (which
document, personal details off), its Print… button opens GTK's print dialogue
(the print operation's own, with its preview), and Escape cancels it; then
Shift+Ctrl+E saves the plan as a PDF through GTK's file chooser, which is read
back with pdftotext.

Usage: test-e2e-print.py COPRODUCE SOURCE_ROOT [print|save-pdf]
(under tests/run-gui-test.sh)
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from copro_atspi import (CONTROL, SHIFT, App, Failure, button, children, do_action, find,  # noqa: E402
                         find_all, key, log, set_text, text_of, wait_for)
import pyatspi  # noqa: E402


def expect(what, actual, wanted):
    if actual != wanted:
        raise Failure("%s: expected %r, found %r" % (what, wanted, actual))


def toplevel_dialog(app, name):
    return next((w for w in children(app.root) if w.getRoleName() == "dialog" and w.name == name), None)


def personal_switch(dialog):
    return wait_for("the personal details switch", lambda: next(
        (n for n in find_all(dialog, name="Include Personal Details")
         if n.getState().contains(pyatspi.STATE_CHECKABLE)), None))


def print_dialog_by_keyboard(app, window):
    """Ctrl+P, then Return on Print…: GTK's print dialogue; Escape cancels."""
    key("p", CONTROL)
    ours = find(window, "dialog", "Print", what="the Print dialogue")
    wait_for("the choice of document", lambda: find_all(ours, name="Document"))
    expect("personal details included", personal_switch(ours).getState().contains(pyatspi.STATE_CHECKED), False)
    print_button = button(ours, "Print…")
    wait_for("Print… to have the focus", lambda: print_button.getState().contains(pyatspi.STATE_FOCUSED))
    key("Return")
    gtk_print = wait_for("GTK's print dialogue", lambda: toplevel_dialog(app, "Print"))
    # The print operation's dialogue: a printer list and its own buttons.
    wait_for("the print dialogue's Print button", lambda: button(gtk_print, "Print"))
    expect("our dialogue closed", bool(find_all(window, "dialog", "Print")), False)
    key("Escape")
    wait_for("the print dialogue to close", lambda: toplevel_dialog(app, "Print") is None)
    app.check_alive()
    log("e2e-print: the print dialogue opened from the keyboard and was cancelled")


def save_as_pdf(app, window, folder, project):
    """Shift+Ctrl+E: Save as PDF, with personal details, through the chooser."""
    out = os.path.join(folder, "plan.pdf")
    key("e", CONTROL | SHIFT)
    ours = find(window, "dialog", "Save as PDF", what="the Save as PDF dialogue")
    switch = personal_switch(ours)
    expect("personal details included", switch.getState().contains(pyatspi.STATE_CHECKED), False)
    # From the keyboard: Save as PDF… has the focus; the switch is before it.
    save = button(ours, "Save as PDF…")
    wait_for("Save as PDF… to have the focus", lambda: save.getState().contains(pyatspi.STATE_FOCUSED))
    key("Tab", SHIFT)
    key("space")
    wait_for("the switch on", lambda: switch.getState().contains(pyatspi.STATE_CHECKED))
    key("Tab")
    wait_for("Save as PDF… to have the focus again", lambda: save.getState().contains(pyatspi.STATE_FOCUSED))
    key("Return")
    chooser = wait_for("the file chooser", lambda: toplevel_dialog(app, "Save as PDF"))
    name = find(chooser, "text", "Name:")
    set_text(name, out)
    wait_for("the path in the chooser", lambda: text_of(name) == out)
    do_action(button(chooser, "Save"))
    done = wait_for("the result", lambda: next(
        (a for a in find_all(app.root, "alert", "PDF Saved") if button(a, "Close")), None))
    wait_for("the PDF", lambda: os.path.exists(out))
    do_action(button(done, "Close"))
    wait_for("the result to close", lambda: not find_all(app.root, "alert", "PDF Saved"))

    text = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True, check=True).stdout
    expect("the title in the PDF", project["overview"]["title"][:30] in " ".join(text.split()), True)
    lead_email = project["overview"].get("lead_email")
    if lead_email:
        expect("the lead officer's email, asked for", lead_email in text, True)
    info = subprocess.run(["pdfinfo", out], capture_output=True, text=True, check=True).stdout
    expect("tagged", "Tagged:          yes" in info, True)
    leftovers = [f for f in os.listdir(folder) if f.startswith(".")]
    expect("temporary files left", leftovers, [])
    log("e2e-print: saved as PDF through the file chooser")


def main():
    binary, source_root = sys.argv[1], sys.argv[2]
    if not shutil.which("pdftotext"):
        log("e2e-print: poppler-utils is not installed: skipping")
        sys.exit(77)
    scratch = tempfile.mkdtemp(prefix="copro-e2e-print-")
    path = os.path.join(scratch, "carers.coprod")
    shutil.copy(os.path.join(source_root, "data", "example.coprod"), path)
    with open(path, encoding="utf-8") as f:
        project = json.load(f)
    out_folder = os.path.join(scratch, "out")
    os.mkdir(out_folder)

    # One part a run, each on its own display (tests/meson.build runs both):
    # under Xvfb there is no window manager to give a window the keyboard
    # focus back once a dialogue that is a window of its own (the print
    # dialogue, the file chooser) has closed, nor to give it to a second
    # window.
    part = sys.argv[3] if len(sys.argv) > 3 else "print"
    app = App(binary, path)
    try:
        window = app.window()
        find(window, "list", "Sections", what="the project")
        if part == "save-pdf":
            save_as_pdf(app, window, out_folder, project)
        else:
            print_dialog_by_keyboard(app, window)
    finally:
        app.close()
        shutil.rmtree(scratch, ignore_errors=True)
    log("e2e-print: all steps passed")


if __name__ == "__main__":
    try:
        main()
    except Failure as error:
        log("e2e-print: FAILED:", error)
        sys.exit(1)
