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
import time

os.environ.pop("G_DEBUG", None)   # this script is the assistive technology

import pyatspi  # noqa: E402

BINARY, SRCDIR, SCHEMA_DIR = sys.argv[1:4]
TIMEOUT = 90
PROCESSES = []


def wait_for(what, probe):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        result = probe()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        # One node that cannot be read (GTK 4.8 gives some no object path)
        # must not hide its siblings.
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def app():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        child = desktop.getChildAtIndex(i)
        if child is not None and (child.name or "").lower() == "coproduce":
            return child
    return None


def button(label):
    """A visible push button called @label (libadwaita 1.2 names dialogue
    buttons twice, as "_Save Save"; newer versions say "Save")."""
    a = app()
    for node in walk(a):
        try:
            if (node.getRole() == pyatspi.ROLE_PUSH_BUTTON
                    and " ".join(dict.fromkeys(node.name.replace("_", "").split())) == label
                    and node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS).width > 0):
                return node
        except Exception:
            continue
    return None


def named(role, name):
    for node in walk(app()):
        try:
            if node.getRole() == role and node.name == name:
                return node
        except Exception:
            continue
    return None


def has_text(fragment):
    """Any node that shows @fragment, as its name or as its text."""
    for node in walk(app()):
        try:
            if fragment in (node.name or ""):
                return node
            if node.getRole() == pyatspi.ROLE_LABEL:
                text = node.queryText()
                if fragment in text.getText(0, text.characterCount):
                    return node
        except Exception:
            continue
    return None


def start(path, env):
    process = subprocess.Popen([BINARY, path], env=env)
    PROCESSES.append(process)
    wait_for("the application", app)
    return process


def stop(process):
    process.kill()
    process.wait()
    wait_for("the application to leave the bus", lambda: app() is None)


def write_project(path, title):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"format": "coproduce-project", "format_version": 1,
                            "overview": {"title": title}}) + "\n")


def main():
    work = tempfile.mkdtemp(prefix="copro-shared-")
    try:
        env = dict(os.environ)
        env.update({"XDG_DATA_HOME": os.path.join(work, "data"), "GSETTINGS_BACKEND": "memory",
                    "GSETTINGS_SCHEMA_DIR": SCHEMA_DIR, "GTK_A11Y": "atspi"})
        project = os.path.join(work, "shared.coprod")
        lock = os.path.join(work, ".shared.coprod.lock")

        # 1. A colleague on another computer has it open: read-only is offered.
        write_project(project, "Shared plan")
        with open(lock, "w", encoding="utf-8") as f:
            json.dump({"user": "jdoe", "real_name": "Jo Doe", "host": "county-pc-17", "pid": 4242,
                       "since": "2026-11-26T08:30:00Z"}, f)
        process = start(project, env)
        wait_for("the in-use question", lambda: has_text("Jo Doe has had it open on county-pc-17"))
        assert button("Take Over") is None, "someone else's live lock is not offered for take-over"
        wait_for("Open Read-Only", lambda: button("Open Read-Only")).queryAction().doAction(0)
        wait_for("the project", lambda: named(pyatspi.ROLE_FRAME, "Shared plan"))
        wait_for("the read-only notice", lambda: has_text("This copy is read-only"))
        # A screen reader that asks for a window past the last one (as happens
        # when a dialogue closes under it) gets an answer, not a crash: GTK 4.8
        # answers with the last toplevel, so none may be a hidden one.
        a = app()
        for index in range(a.childCount, a.childCount + 3):
            try:
                a.getChildAtIndex(index)
            except Exception:
                pass
        assert app() is not None and process.poll() is None, "the app survives the question"
        with open(lock, encoding="utf-8") as f:
            assert json.load(f)["user"] == "jdoe", "their lock is left alone"
        stop(process)

        # 2. A lock left by a crash on this computer can be taken over.
        dead = subprocess.Popen(["true"])
        dead.wait()
        with open(lock, "w", encoding="utf-8") as f:
            json.dump({"user": os.environ.get("USER", "root"), "real_name": "", "host": socket.gethostname(),
                       "pid": dead.pid, "since": "2026-11-01T09:00:00Z"}, f)
        process = start(project, env)
        wait_for("Take Over", lambda: button("Take Over")).queryAction().doAction(0)
        wait_for("the project", lambda: named(pyatspi.ROLE_FRAME, "Shared plan"))
        with open(lock, encoding="utf-8") as f:
            assert json.load(f)["pid"] == process.pid, "the lock is ours now"

        # 3. A colleague saves while we edit: saving asks, and Keep Mine writes ours.
        title = wait_for("the title field", lambda: named(pyatspi.ROLE_TEXT, "Project title")
                         or named(pyatspi.ROLE_ENTRY, "Project title"))
        time.sleep(0.05)
        write_project(project, "Their version")
        title.queryEditableText().setTextContents("My version")
        frame = wait_for("the window", lambda: named(pyatspi.ROLE_FRAME, "• My version"))
        close = next(n for n in walk(frame) if n.getRole() == pyatspi.ROLE_PUSH_BUTTON and n.name == "Close")
        close.queryAction().doAction(0)
        wait_for("Save", lambda: button("Save")).queryAction().doAction(0)
        wait_for("the question about their changes", lambda: has_text("changed by someone else"))
        with open(project, encoding="utf-8") as f:
            assert json.load(f)["overview"]["title"] == "Their version", "nothing written before asking"
        wait_for("Keep Mine", lambda: button("Keep Mine")).queryAction().doAction(0)
        process.wait(timeout=TIMEOUT)
        with open(project, encoding="utf-8") as f:
            assert json.load(f)["overview"]["title"] == "My version"
        assert not os.path.exists(lock), "closing removes our lock"
        print("read-only for a colleague's lock, take-over of a stale one, and keep-mine after asking")
    finally:
        for process in PROCESSES:
            if process.poll() is None:
                process.kill()
                process.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
