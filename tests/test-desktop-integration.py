#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Desktop integration, seen through the accessibility tree: a project opened
from the file manager (a second `coproduce FILE`) opens in the running
instance, and a second launch without a file hands over to it and leaves.

Run under tests/run-gui-test.sh. Usage: test-desktop-integration.py BINARY SRCDIR SCHEMA_DIR"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

os.environ.pop("G_DEBUG", None)   # this script is the assistive technology

import pyatspi  # noqa: E402

BINARY, SRCDIR, SCHEMA_DIR = sys.argv[1:4]
TIMEOUT = 90


def wait_for(what, probe):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        result = probe()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def apps():
    desktop = pyatspi.Registry.getDesktop(0)
    return [desktop.getChildAtIndex(i) for i in range(desktop.childCount)
            if desktop.getChildAtIndex(i) is not None
            and (desktop.getChildAtIndex(i).name or "").lower() == "coproduce"]


def frames(app):
    return sorted(app.getChildAtIndex(i).name for i in range(app.childCount)
                  if app.getChildAtIndex(i).getRole() == pyatspi.ROLE_FRAME)


def main():
    work = tempfile.mkdtemp(prefix="copro-desktop-")
    first = None
    try:
        env = dict(os.environ)
        env.update({"XDG_DATA_HOME": os.path.join(work, "data"), "GSETTINGS_BACKEND": "memory",
                    "GSETTINGS_SCHEMA_DIR": SCHEMA_DIR, "GTK_A11Y": "atspi"})
        one = os.path.join(work, "one.coprod")
        two = os.path.join(work, "two.coprod")
        for path, title in ((one, "First project"), (two, "Second project")):
            with open(path, "w", encoding="utf-8") as f:
                f.write('{"format": "coproduce-project", "format_version": 1, '
                        f'"overview": {{"title": "{title}"}}}}\n')

        first = subprocess.Popen([BINARY, one], env=env)
        app = wait_for("the first instance", lambda: (apps() or [None])[0])
        wait_for("the first project's window", lambda: frames(app) == ["First project"])

        # As the file manager does: run the program again with the file.
        second = subprocess.run([BINARY, two], env=env, timeout=TIMEOUT)
        assert second.returncode == 0
        wait_for("the second project in the running instance",
                 lambda: frames(app) == ["First project", "Second project"])
        assert len(apps()) == 1, "one instance, not two"

        # A second launch with no file hands over and leaves at once.
        again = subprocess.run([BINARY], env=env, timeout=TIMEOUT)
        assert again.returncode == 0
        time.sleep(1)
        assert frames(app) == ["First project", "Second project"]
        assert first.poll() is None, "the first instance is still running"
        print("files open in the running instance; a second launch hands over")
    finally:
        if first is not None and first.poll() is None:
            first.kill()
            first.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
