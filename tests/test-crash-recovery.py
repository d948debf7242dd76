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
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from copro_atspi import App, button, do_action, find, set_text, text_of, wait_for  # noqa: E402

BINARY, SRCDIR, SCHEMA_DIR = sys.argv[1:4]


def field(app, name):
    return find(app.root, predicate=lambda n: n.name == name and n.getRoleName() in ("text", "entry"),
                what="the field " + name)


def main():
    work = tempfile.mkdtemp(prefix="copro-crash-")
    apps = []
    try:
        project = os.path.join(work, "plan.coprod")
        shutil.copy(os.path.join(SRCDIR, "data", "example.coprod"), project)
        with open(project, encoding="utf-8") as f:
            original = json.load(f)
        home = os.path.join(work, "home")
        env = {"COPRO_DRAFT_DELAY_MS": "300", "GSETTINGS_BACKEND": "memory",
               "GSETTINGS_SCHEMA_DIR": SCHEMA_DIR}
        drafts_dir = os.path.join(home, "data", "io.github.coproduce.Coproduce", "drafts")

        # 1. Edit, wait past the draft delay, then kill without warning.
        app = App(BINARY, project, extra_env=env, home=home)
        apps.append(app)
        set_text(field(app, "Project title"), "Restored after a crash")
        set_text(field(app, "Reference number"), "CRASH-1")

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
        app.kill()
        with open(project, encoding="utf-8") as f:
            assert json.load(f) == original, "the project itself must not change without a save"

        # 2. Start again with no file: the start screen offers the draft.
        app = App(BINARY, extra_env=env, home=home)
        apps.append(app)
        do_action(find(app.root, "push button", "Restore “Restored after a crash”", what="the Restore button"))
        wait_for("the restored title", lambda: text_of(field(app, "Project title")) == "Restored after a crash")
        assert text_of(field(app, "Reference number")) == "CRASH-1"

        # 3. Close; the unsaved-changes question offers Save, which writes the
        #    restored project to its own file.
        do_action(find(app.root, "push button", "Close", what="the window's Close button"))
        do_action(wait_for("the Save button of the question", lambda: button(app.root, "Save")))
        app.process.wait(timeout=180)

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
        for app in apps:
            app.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
