#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crash recovery, driven only through the accessibility tree as assistive
technology would. Each case edits a project in the real app, waits until the
draft holds the edit, kills the app with SIGKILL (a crash or a power cut),
starts it again and answers its questions in one order:

- Restore or Discard (the question on opening a file with unsaved work, or
  the start screen's Restore button);
- then, if someone else's lock is beside the file, Take Over, Open
  Read-Only or Cancel. A lock left by the same user's crashed run is taken
  over without a question once Restore is chosen.

Every Restore must end with the restored title in the window, marked unsaved;
the test then saves it (over the file, or under another name when the copy
is read-only), reads the file back, and checks that the draft was still there
just before the save and is gone after it. Discard must delete the draft and
leave the file as it was.

Run under tests/run-gui-test.sh (Xvfb and a session bus).
Usage: test-crash-recovery.py BINARY SRCDIR SCHEMA_DIR [CASE ...]"""

import glob
import json
import os
import shutil
import socket
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from copro_atspi import (CONTROL, App, Failure, button, do_action, find, find_all,  # noqa: E402
                         has_text, key, set_text, text_of, wait_for)

BINARY, SRCDIR, SCHEMA_DIR = sys.argv[1:4]
NEW_TITLE = "Restored after a crash"


def field(app, name):
    return find(app.root, predicate=lambda n: n.name == name and n.getRoleName() in ("text", "entry"),
                what="the field " + name)


def press(app, label):
    do_action(wait_for("the button " + label, lambda: button(app.root, label)))


def alert(app, heading):
    return find(app.root, "alert", heading, what="the question " + heading)


def no_alert(app):
    return not find_all(app.root, "alert")


def title_on_disk(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["overview"]["title"]


class Case:
    """One project in a folder of its own, with its own home (drafts)."""

    def __init__(self, name):
        self.name = name
        self.work = tempfile.mkdtemp(prefix="copro-crash-")
        self.project = os.path.join(self.work, "plan.coprod")
        shutil.copy(os.path.join(SRCDIR, "data", "example.coprod"), self.project)
        self.original_title = title_on_disk(self.project)
        self.home = os.path.join(self.work, "home")
        self.drafts_dir = os.path.join(self.home, "data", "io.github.coproduce.Coproduce", "drafts")
        self.lock = os.path.join(self.work, ".plan.coprod.lock")
        self.env = {"COPRO_DRAFT_DELAY_MS": "300", "GSETTINGS_BACKEND": "memory",
                    "GSETTINGS_SCHEMA_DIR": SCHEMA_DIR}
        self.apps = []

    def start(self, *args):
        app = App(BINARY, args=list(args), extra_env=self.env, home=self.home)
        self.apps.append(app)
        return app

    def drafts(self):
        return glob.glob(os.path.join(self.drafts_dir, "*.coprod"))

    def crash_after_edit(self):
        """Steps 1 of the report: edit, wait for the draft, SIGKILL."""
        app = self.start(self.project)
        set_text(field(app, "Project title"), NEW_TITLE)

        def draft_with_edit():
            # The project and its description (what the start screen and the
            # question show) are two files: both must hold the edit.
            for path in self.drafts():
                try:
                    with open(path[:-len(".coprod")] + ".json", encoding="utf-8") as f:
                        described = json.load(f).get("title")
                    if title_on_disk(path) == NEW_TITLE and described == NEW_TITLE:
                        return path
                except (OSError, ValueError, KeyError):
                    return None
            return None

        wait_for("the draft with the edit", draft_with_edit)
        app.kill()
        assert title_on_disk(self.project) == self.original_title, "nothing is written without a save"
        assert os.path.exists(self.lock), "the crashed run's lock is left behind"

    def colleague_lock(self, host, pid):
        """Someone else's lock instead of ours: a stale one (this machine, a
        process that has gone) or a live one on another computer."""
        with open(self.lock, "w", encoding="utf-8") as f:
            json.dump({"user": "colleague", "real_name": "Alex Colleague", "host": host, "pid": pid,
                       "since": "2026-12-01T09:00:00Z"}, f)

    def assert_restored(self, app, read_only):
        wait_for("the restored title", lambda: text_of(field(app, "Project title")) == NEW_TITLE)
        frame = find(app.root, "frame", predicate=lambda n: n.name.startswith("• "),
                     what="the window marked unsaved")
        assert NEW_TITLE in frame.name, frame.name
        # What a screen reader user is told: the read-only notice. (The
        # fields sit in an insensitive panel, but GTK 4.18 still reports
        # them sensitive and editable over AT-SPI: see the closing note.)
        notice = has_text(app.root, "This copy is read-only.")
        assert (notice is not None) == read_only, "read-only" if notice else "editable"

    def save_and_check(self, app, save_as=None):
        """Ctrl+S, as an officer would; a read-only copy asks for a new name.
        The draft must still be there until the file is written."""
        assert len(self.drafts()) == 1, "the draft is kept until the work is on disk"
        key("s", CONTROL)
        target = self.project
        if save_as is not None:
            chooser = find(app.root, "dialog", "Save Project", what="the Save Project chooser")
            set_text(find(chooser, "text", "Name:"), save_as)
            do_action(find(chooser, "push button", "Save"))
            target = os.path.join(self.work, save_as)
        wait_for("the saved file", lambda: os.path.exists(target) and title_on_disk(target) == NEW_TITLE)
        wait_for("the draft to go once the work is saved", lambda: not self.drafts())
        if save_as is not None:
            assert title_on_disk(self.project) == self.original_title, "the colleague's file is untouched"
        with open(target, encoding="utf-8") as f:
            saved = json.load(f)
        with open(os.path.join(SRCDIR, "data", "example.coprod"), encoding="utf-8") as f:
            original = json.load(f)
        saved["overview"]["title"] = original["overview"]["title"]
        assert saved == original, "nothing but the title changed"

    def close(self):
        for app in self.apps:
            app.close()
        shutil.rmtree(self.work, ignore_errors=True)


def own_lock_restore_on_open(case):
    """The report's steps 1-4: the file is opened again, Restore is chosen;
    the crashed run's own lock is taken over without a second question."""
    case.crash_after_edit()
    app = case.start(case.project)
    alert(app, "Unsaved Work Found")
    press(app, "Restore")
    case.assert_restored(app, read_only=False)
    assert no_alert(app), "no question about the crashed run's own lock"
    case.save_and_check(app)


def own_lock_restore_from_start_screen(case):
    case.crash_after_edit()
    app = case.start()
    press(app, "Restore “%s”" % NEW_TITLE)
    case.assert_restored(app, read_only=False)
    assert no_alert(app), "no question about the crashed run's own lock"
    case.save_and_check(app)


def colleague_stale_lock_take_over(case):
    case.crash_after_edit()
    case.colleague_lock(socket.gethostname(), 2 ** 22 + 1)   # above pid_max: gone
    app = case.start(case.project)
    press(app, "Restore")
    alert(app, "Project in Use")
    press(app, "Take Over")
    case.assert_restored(app, read_only=False)
    case.save_and_check(app)
    with open(case.lock, encoding="utf-8") as f:
        assert json.load(f)["user"] != "colleague", "the lock is ours after taking over"


def colleague_stale_lock_read_only(case):
    case.crash_after_edit()
    case.colleague_lock(socket.gethostname(), 2 ** 22 + 1)
    app = case.start(case.project)
    press(app, "Restore")
    press(app, "Open Read-Only")
    case.assert_restored(app, read_only=True)
    case.save_and_check(app, save_as="restored copy.coprod")


def colleague_stale_lock_cancel(case):
    case.crash_after_edit()
    case.colleague_lock(socket.gethostname(), 2 ** 22 + 1)
    app = case.start()
    press(app, "Restore “%s”" % NEW_TITLE)
    press(app, "Cancel")
    case.assert_restored(app, read_only=True)
    case.save_and_check(app, save_as="kept.coprod")


def colleague_elsewhere_read_only(case):
    """A live lock on another computer: no Take Over is offered."""
    case.crash_after_edit()
    case.colleague_lock("another-computer.example", 4242)
    app = case.start(case.project)
    press(app, "Restore")
    question = alert(app, "Project in Use")
    assert button(question, "Take Over") is None, "nobody can tell whether the colleague is still working"
    press(app, "Open Read-Only")
    case.assert_restored(app, read_only=True)
    case.save_and_check(app, save_as="mine.coprod")


def discard_then_take_over(case):
    """Discard is the officer's choice to lose the edit: the draft goes, the
    file opens as saved, and the crashed run's lock is asked about."""
    case.crash_after_edit()
    app = case.start(case.project)
    press(app, "Discard")
    alert(app, "Project in Use")
    press(app, "Take Over")
    wait_for("the file as saved", lambda: text_of(field(app, "Project title")) == case.original_title)
    assert not case.drafts(), "Discard deletes the draft"
    assert title_on_disk(case.project) == case.original_title


def discard_then_cancel(case):
    case.crash_after_edit()
    app = case.start(case.project)
    press(app, "Discard")
    press(app, "Cancel")
    wait_for("the start screen", lambda: button(app.root, "New Project"))
    assert not case.drafts(), "Discard deletes the draft"
    assert title_on_disk(case.project) == case.original_title


CASES = [own_lock_restore_on_open, own_lock_restore_from_start_screen, colleague_stale_lock_take_over,
         colleague_stale_lock_read_only, colleague_stale_lock_cancel, colleague_elsewhere_read_only,
         discard_then_take_over, discard_then_cancel]


def main():
    failed = 0
    chosen = [run for run in CASES if not sys.argv[4:] or run.__name__ in sys.argv[4:]]
    for run in chosen:
        case = Case(run.__name__)
        try:
            run(case)
            print("ok", run.__name__)
        except (Failure, AssertionError) as error:
            failed += 1
            print("not ok", run.__name__, "-", error)
        finally:
            case.close()
    print("%d of %d cases passed" % (len(chosen) - failed, len(chosen)))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
