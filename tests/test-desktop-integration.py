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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from copro_atspi import App, wait_for  # noqa: E402

BINARY, SRCDIR, SCHEMA_DIR = sys.argv[1:4]


def main():
    work = tempfile.mkdtemp(prefix="copro-desktop-")
    first = None
    try:
        home = os.path.join(work, "home")
        extra = {"GSETTINGS_BACKEND": "memory", "GSETTINGS_SCHEMA_DIR": SCHEMA_DIR}
        one = os.path.join(work, "one.coprod")
        two = os.path.join(work, "two.coprod")
        for path, title in ((one, "First project"), (two, "Second project")):
            with open(path, "w", encoding="utf-8") as f:
                f.write('{"format": "coproduce-project", "format_version": 1, '
                        f'"overview": {{"title": "{title}"}}}}\n')

        first = App(BINARY, one, extra_env=extra, home=home)
        wait_for("the first project's window", lambda: first.frames() == ["First project"])

        # As the file manager does: run the program again with the file, in
        # the same session (same home, same bus).
        env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
                   XDG_CONFIG_HOME=os.path.join(home, "config"),
                   XDG_CACHE_HOME=os.path.join(home, "cache"), **extra)
        second = subprocess.run([BINARY, two], env=env, timeout=180)
        assert second.returncode == 0
        wait_for("the second project in the running instance",
                 lambda: first.frames() == ["First project", "Second project"])

        # A second launch with no file hands over and leaves at once.
        again = subprocess.run([BINARY], env=env, timeout=180)
        assert again.returncode == 0
        time.sleep(1)
        assert first.frames() == ["First project", "Second project"], "no window was added"
        first.check_alive()
        print("files open in the running instance; a second launch hands over")
    finally:
        if first is not None:
            first.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
