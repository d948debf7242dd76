#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Saves that cannot succeed — a full disk, a read-only folder, a folder the
user may not write to — must say so in one sentence and lose nothing: the
project on disk stays byte for byte as it was, and no temporary file is left.

Needs root to mount small filesystems (as CI has); skips otherwise."""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

BINARY = sys.argv[1]
SRCDIR = sys.argv[2]
EXAMPLE = os.path.join(SRCDIR, "data", "example.coprod")


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def big_csv(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write("name,organisation,notes\n")
        for i in range(rows):
            f.write(f"Person {i},Organisation {i},{'A note that takes up some room. ' * 4}\n")


def run(args, user=None):
    command = [BINARY, *args]
    if user is not None:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["HOME"] = "/tmp"
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode >= 0, f"killed by signal {-result.returncode}"
    return result


class FailingDisk(unittest.TestCase):
    def setUp(self):
        if os.geteuid() != 0:
            self.skipTest("needs root to mount a small filesystem")
        self.dir = tempfile.mkdtemp(prefix="copro-disk-")
        os.chmod(self.dir, 0o755)
        self.mount = os.path.join(self.dir, "mnt")
        os.mkdir(self.mount)
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k,mode=0755", "tmpfs", self.mount],
                                capture_output=True, text=True)
        if result.returncode != 0:
            shutil.rmtree(self.dir)
            self.skipTest(f"cannot mount a small filesystem here: {result.stderr.strip()}")
        self.project = os.path.join(self.mount, "plan.coprod")
        shutil.copy(EXAMPLE, self.project)
        self.before = digest(self.project)
        self.csv = os.path.join(self.dir, "many.csv")

    def tearDown(self):
        subprocess.run(["umount", self.mount])
        shutil.rmtree(self.dir)

    def assert_nothing_lost(self, result, reason):
        self.assertEqual(result.returncode, 2, result.stderr)
        lines = result.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertIn("could not save", lines[0])
        self.assertIn(reason, lines[0])
        self.assertIn("earlier version of it is unchanged", lines[0])
        self.assertEqual(digest(self.project), self.before)
        leftovers = [n for n in os.listdir(self.mount) if n not in ("plan.coprod", "plan.coprod~")]
        self.assertEqual(leftovers, [], "temporary files were left behind")

    def test_disk_full(self):
        big_csv(self.csv, 2000)   # far more than the 256 KB the disk holds
        result = run([f"--import-csv={self.csv}", self.project])
        self.assert_nothing_lost(result, "the disk is full")

    def test_read_only_folder(self):
        big_csv(self.csv, 3)
        subprocess.run(["mount", "-o", "remount,ro", self.mount], check=True)
        result = run([f"--import-csv={self.csv}", self.project])
        self.assert_nothing_lost(result, "read-only")

    def test_folder_without_permission(self):
        big_csv(self.csv, 3)
        os.chmod(self.csv, 0o644)
        os.chmod(self.project, 0o644)
        # root may write anywhere, so an ordinary user ("nobody") tries instead.
        result = run([f"--import-csv={self.csv}", self.project], user=65534)
        self.assert_nothing_lost(result, "permission")


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
