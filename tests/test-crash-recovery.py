#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crash test, driven only through the accessibility tree as assistive
technology would: start the real app on a project, edit it, wait past the
draft delay, kill it with SIGKILL, start it again, restore the draft, save,
and compare what is on disk with the edits.

Run under tests/run-gui-test.sh (Xvfb and a session bus).
Usage: test-crash-recovery.py BINARY SRCDIR SCHEMA_DIR"""

import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# This script is the assistive technology, not the app under test: AT-SPI's
# client library warns when objects vanish mid-query, which must not abort it.
os.environ.pop("G_DEBUG", None)

import pyatspi  # noqa: E402

BINARY, SRCDIR, SCHEMA_DIR = sys.argv[1:4]
TIMEOUT = 90   # generous: the sanitiser build is several times slower


def find(node, role, name, depth=0):
    if node is None or depth > 60:
        return None
    try:
        if node.getRole() == role and node.name == name:
            return node
        for i in range(node.childCount):
            found = find(node.getChildAtIndex(i), role, name, depth + 1)
            if found is not None:
                return found
    except Exception:   # a node that went away while we looked
        return None
    return None


def find_button(node, label, depth=0):
    if node is None or depth > 60:
        return None
    try:
        # libadwaita keeps a second, hidden row of buttons for narrow screens.
        if (node.getRole() == pyatspi.ROLE_PUSH_BUTTON and set(node.name.replace("_", "").split()) == {label}
                and node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS).width > 0):
            return node
        for i in range(node.childCount):
            found = find_button(node.getChildAtIndex(i), label, depth + 1)
            if found is not None:
                return found
    except Exception:
        return None
    return None


def wait_for(what, probe):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        result = probe()
        if result is not None:
            return result
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def app_named(name):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name and app.name.lower() == name:
            return app
    return None


def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)   # GTK 4.8: (0, -1) gives ''


PROCESSES = []


def start(args, env):
    process = subprocess.Popen([BINARY, *args], env=env)
    PROCESSES.append(process)
    app = wait_for("the application on the accessibility bus", lambda: app_named("coproduce"))
    return process, app


def main():
    work = tempfile.mkdtemp(prefix="copro-crash-")
    try:
        project = os.path.join(work, "plan.coprod")
        shutil.copy(os.path.join(SRCDIR, "data", "example.coprod"), project)
        with open(project, encoding="utf-8") as f:
            original = json.load(f)

        env = dict(os.environ)
        env.update({
            "XDG_DATA_HOME": os.path.join(work, "data"),
            "XDG_CONFIG_HOME": os.path.join(work, "config"),
            "COPRO_DRAFT_DELAY_MS": "300",
            "GSETTINGS_BACKEND": "memory",
            "GSETTINGS_SCHEMA_DIR": SCHEMA_DIR,
            "GTK_A11Y": "atspi",
        })
        env.pop("G_DEBUG", None)

        # 1. Edit, wait past the draft delay, then kill without warning.
        process, app = start([project], env)
        title = wait_for("the title field", lambda: find(app, pyatspi.ROLE_TEXT, "Project title")
                         or find(app, pyatspi.ROLE_ENTRY, "Project title"))
        reference = wait_for("the reference field", lambda: find(app, pyatspi.ROLE_TEXT, "Reference number")
                             or find(app, pyatspi.ROLE_ENTRY, "Reference number"))
        title.queryEditableText().setTextContents("Restored after a crash")
        reference.queryEditableText().setTextContents("CRASH-1")
        drafts_dir = os.path.join(work, "data", "io.github.coproduce.Coproduce", "drafts")

        def draft_with_edits():
            for path in glob.glob(os.path.join(drafts_dir, "*.coprod")):
                try:
                    with open(path, encoding="utf-8") as f:
                        data = json.load(f)
                except (OSError, ValueError):
                    return None
                if data["overview"]["reference"] == "CRASH-1" and data["overview"]["title"] == "Restored after a crash":
                    return path
            return None

        wait_for("the draft with both edits", draft_with_edits)
        process.send_signal(signal.SIGKILL)
        process.wait()
        with open(project, encoding="utf-8") as f:
            assert json.load(f) == original, "the project itself must not change without a save"

        # 2. Start again with no file: the start screen offers the draft.
        process, app = start([], env)
        restore = wait_for("the Restore button",
                           lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, "Restore “Restored after a crash”"))
        restore.queryAction().doAction(0)
        title = wait_for("the restored title", lambda: (lambda n: n if n is not None and text_of(n) == "Restored after a crash" else None)(
            find(app, pyatspi.ROLE_TEXT, "Project title") or find(app, pyatspi.ROLE_ENTRY, "Project title")))
        reference = find(app, pyatspi.ROLE_TEXT, "Reference number") or find(app, pyatspi.ROLE_ENTRY, "Reference number")
        assert text_of(reference) == "CRASH-1"

        # 3. Close; the unsaved-changes question offers Save, which writes the
        #    restored project to its own file.
        frame = wait_for("the window", lambda: next((app.getChildAtIndex(i) for i in range(app.childCount)
                                                      if app.getChildAtIndex(i).getRole() == pyatspi.ROLE_FRAME), None))
        close = find(frame, pyatspi.ROLE_PUSH_BUTTON, "Close")
        assert close is not None, "the window has a Close button"
        close.queryAction().doAction(0)
        # libadwaita 1.2 names a message dialogue's buttons twice ("_Save Save");
        # newer versions say "Save". Either is the Save button.
        save = wait_for("the Save button of the question", lambda: find_button(app, "Save"))
        save.queryAction().doAction(0)
        try:
            process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            def dump(node, depth=0):
                print("  " * depth, node.getRoleName(), repr(node.name))
                for i in range(node.childCount):
                    dump(node.getChildAtIndex(i), depth + 1)
            dump(app)
            raise

        with open(project, encoding="utf-8") as f:
            saved = json.load(f)
        assert saved["overview"]["title"] == "Restored after a crash"
        assert saved["overview"]["reference"] == "CRASH-1"
        saved["overview"]["title"] = original["overview"]["title"]
        saved["overview"]["reference"] = original["overview"]["reference"]
        assert saved == original, "nothing but the two edits changed"
        assert glob.glob(os.path.join(drafts_dir, "*.coprod")) == [], "saving deletes the draft"
        print("restored both edits after SIGKILL and saved them")
    finally:
        for process in PROCESSES:
            if process.poll() is None:
                process.kill()
                process.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
