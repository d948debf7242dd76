#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared drives, driven through the accessibility tree: a project a colleague
has open offers a read-only copy; a lock left by a crash can be taken over;
and a save over a file a colleague changed asks first, and "Keep Mine" then
writes ours.

Run under tests/run-gui-test.sh. Usage: test-shared-drive.py BINARY SRCDIR SCHEMA_DIR"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from copro_atspi import App, button, do_action, find, has_text, set_text, wait_for  # noqa: E402

BINARY, SRCDIR, SCHEMA_DIR = sys.argv[1:4]


def write_project(path, title):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"format": "coproduce-project", "format_version": 1,
                            "overview": {"title": title}}) + "\n")


def title_field(app):
    return find(app.root, predicate=lambda n: n.name == "Project title"
                and n.getRoleName() in ("text", "entry"), what="the title field")


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
        wait_for("the in-use question", lambda: has_text(app.root, "Jo Doe has had it open on county-pc-17"))
        assert button(app.root, "Take Over") is None, "someone else's live lock is not offered for take-over"
        do_action(wait_for("Open Read-Only", lambda: button(app.root, "Open Read-Only")))
        wait_for("the project", lambda: app.frames() == ["Shared plan"])
        wait_for("the read-only notice", lambda: has_text(app.root, "This copy is read-only"))
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
        do_action(wait_for("Take Over", lambda: button(app.root, "Take Over")))
        wait_for("the project", lambda: app.frames() == ["Shared plan"])
        with open(lock, encoding="utf-8") as f:
            assert json.load(f)["pid"] == app.process.pid, "the lock is ours now"

        # 3. A colleague saves while we edit: saving asks, and Keep Mine writes ours.
        title = title_field(app)
        write_project(project, "Their version")
        set_text(title, "My version")
        wait_for("the edited window", lambda: app.frames() == ["• My version"])
        do_action(find(app.root, "push button", "Close", what="the window's Close button"))
        do_action(wait_for("Save", lambda: button(app.root, "Save")))
        wait_for("the question about their changes", lambda: has_text(app.root, "changed by someone else"))
        with open(project, encoding="utf-8") as f:
            assert json.load(f)["overview"]["title"] == "Their version", "nothing written before asking"
        do_action(wait_for("Keep Mine", lambda: button(app.root, "Keep Mine")))
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
