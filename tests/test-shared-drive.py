#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared drives, driven through the accessibility tree: a project a colleague
has open offers a read-only copy; a lock left by a crash can be taken over;
and a save over a file a colleague changed asks first, and "Keep Mine" then
writes ours. Each question is an alert inside the window, named by its
heading, which says the rest in its description (as Orca reads it) and puts
the keyboard on its default answer.

Run under tests/run-gui-test.sh. Usage: test-shared-drive.py BINARY SRCDIR SCHEMA_DIR"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from copro_atspi import (App, alert, button, description_as_read, do_action, find,  # noqa: E402
                         has_text, is_focused, set_text, wait_for)

BINARY, SRCDIR, SCHEMA_DIR = sys.argv[1:4]


def write_project(path, title):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"format": "coproduce-project", "format_version": 1,
                            "overview": {"title": title}}) + "\n")


def title_field(app):
    return find(app.root, predicate=lambda n: n.name == "Project title"
                and n.getRoleName() in ("text", "entry"), what="the title field")


def answer(question, says, default, press=None):
    """Checks that the alert @question says @says and has the keyboard on
    @default, then presses @press (or the default)."""
    wait_for("the alert to say %r" % says, lambda: says in description_as_read(question))
    wait_for("the focus on %r" % default,
             lambda: (lambda b: b is not None and is_focused(b))(button(question, default)))
    do_action(wait_for(press or default, lambda: button(question, press or default)))


def main():
    work = tempfile.mkdtemp(prefix="copro-shared-")
    apps = []
    try:
        env = {"GSETTINGS_BACKEND": "memory", "GSETTINGS_SCHEMA_DIR": SCHEMA_DIR}
        home = os.path.join(work, "home")
        project = os.path.join(work, "shared.coprod")
        lock = os.path.join(work, ".shared.coprod.lock")

        def start():
            apps.append(App(BINARY, project, extra_env=env, home=home))
            return apps[-1]

        # 1. A colleague on another computer has it open: read-only is offered.
        write_project(project, "Shared plan")
        with open(lock, "w", encoding="utf-8") as f:
            json.dump({"user": "jdoe", "real_name": "Jo Doe", "host": "county-pc-17", "pid": 4242,
                       "since": "2026-11-26T08:30:00Z"}, f)
        app = start()
        question = alert(app.root, "Project in Use")
        wait_for("its answers", lambda: button(question, "Cancel"))
        assert button(question, "Take Over") is None, "someone else's live lock is not offered for take-over"
        answer(question, "Jo Doe has had it open on county-pc-17", "Open Read-Only")
        wait_for("the project", lambda: app.frames() == ["Shared plan"])
        wait_for("the read-only notice", lambda: has_text(app.root, "This copy is read-only"))
        # The notice is a banner whose button keeps the changes under another name.
        wait_for("the notice's Save As… button", lambda: button(app.root, "Save As…"))
        # A screen reader that asks for a window past the last one (as happens
        # when a dialogue closes under it) gets an answer, not a crash: GTK 4.8
        # answers with the last toplevel, so none may be a hidden one.
        count = app.root.childCount
        for index in range(count, count + 3):
            try:
                app.root.getChildAtIndex(index)
            except Exception:
                pass
        app.check_alive()
        with open(lock, encoding="utf-8") as f:
            assert json.load(f)["user"] == "jdoe", "their lock is left alone"
        app.kill()

        # 2. A lock left by a crash on this computer can be taken over.
        dead = subprocess.Popen(["true"])
        dead.wait()
        with open(lock, "w", encoding="utf-8") as f:
            json.dump({"user": os.environ.get("USER", "root"), "real_name": "", "host": socket.gethostname(),
                       "pid": dead.pid, "since": "2026-11-01T09:00:00Z"}, f)
        app = start()
        answer(alert(app.root, "Project in Use"), "no longer running there", "Take Over")
        wait_for("the project", lambda: app.frames() == ["Shared plan"])
        with open(lock, encoding="utf-8") as f:
            assert json.load(f)["pid"] == app.process.pid, "the lock is ours now"

        # 3. A colleague saves while we edit: saving asks, and Keep Mine writes ours.
        title = title_field(app)
        write_project(project, "Their version")
        set_text(title, "My version")
        wait_for("the edited window", lambda: app.frames() == ["• My version"])
        do_action(find(app.root, "push button", "Close", what="the window's Close button"))
        answer(alert(app.root, "Save Changes?"), "“My version” has unsaved changes", "Save")
        question = alert(app.root, "Project Changed")
        with open(project, encoding="utf-8") as f:
            assert json.load(f)["overview"]["title"] == "Their version", "nothing written before asking"
        answer(question, "“shared.coprod” was changed by someone else", "Save As…", press="Keep Mine")
        app.process.wait(timeout=180)
        with open(project, encoding="utf-8") as f:
            assert json.load(f)["overview"]["title"] == "My version"
        assert not os.path.exists(lock), "closing removes our lock"
        print("read-only for a colleague's lock, take-over of a stale one, and keep-mine after asking")
    finally:
        for app in apps:
            app.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
