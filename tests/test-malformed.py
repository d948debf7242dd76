#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every file in tests/fixtures/malformed/ is refused by the real binary with
one sentence that says what is wrong and where, and is never changed.

Each file is checked on a copy in a folder of its own, so that nothing one
subtest leaves behind (or fails to clean up) can affect another.

tests/fixtures/malformed/expected.txt lists each file with a piece of text its
error must contain: "<file><TAB><text>". Lines starting with '#' are comments.

Usage: test-malformed.py COPRODUCE SOURCE_ROOT
"""

import os
import re
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import copro_headless  # noqa: E402
from copro_headless import digest  # noqa: E402

BINARY = sys.argv[1]
SRCDIR = sys.argv[2]
FOLDER = os.path.join(SRCDIR, "tests", "fixtures", "malformed")
MANIFEST = os.path.join(FOLDER, "expected.txt")


def run(*args):
    return copro_headless.run(BINARY, args, text=False, timeout=60)


def read_manifest():
    entries = []
    with open(MANIFEST, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            name, sep, expected = line.partition("\t")
            assert sep and expected, "expected.txt line %d is not <file><TAB><text>" % number
            entries.append((name, expected))
    return entries


class Malformed(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="copro-malformed-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def copy_alone(self, name):
        """A copy of the fixture @name in a new folder of its own."""
        folder = tempfile.mkdtemp(dir=self.dir)
        path = os.path.join(folder, name)
        shutil.copyfile(os.path.join(FOLDER, name), path)
        return folder, path

    def assertRefused(self, result, path, expected):
        self.assertGreaterEqual(result.returncode, 0, "killed by signal %d: %r" % (-result.returncode, result.stderr))
        self.assertEqual(result.returncode, 2, "exit status %d, stderr %r" % (result.returncode, result.stderr))
        stderr = result.stderr.decode("utf-8")
        lines = stderr.split("\n")
        self.assertEqual(len(lines), 2, "not exactly one line on stderr: %r" % stderr)
        self.assertEqual(lines[1], "")
        line = lines[0]
        self.assertTrue(line.startswith("coproduce: %s: " % path), line)
        self.assertIn(expected, line)
        self.assertTrue(line.endswith("."), "does not end with a full stop: %r" % line)
        self.assertNotIn("(null)", line)
        return line

    def test_manifest_lists_every_file(self):
        listed = [name for name, _ in read_manifest()]
        present = sorted(n for n in os.listdir(FOLDER) if n != "expected.txt")
        self.assertEqual(len(listed), len(set(listed)), "a file is listed twice")
        self.assertEqual(sorted(listed), present)
        self.assertGreaterEqual(len(listed), 36)

    def test_check_refuses_each_file(self):
        for name, expected in read_manifest():
            with self.subTest(file=name):
                folder, path = self.copy_alone(name)
                before = digest(path)
                result = run("--check", path)
                self.assertEqual(result.stdout, b"")
                self.assertRefused(result, path, expected)
                self.assertEqual(digest(path), before, "the file changed")
                self.assertEqual(os.listdir(folder), [name], "a file was left beside the project")

    def test_import_refuses_each_file(self):
        """--import-csv would save the project: it must refuse before it does."""
        for name, expected in read_manifest():
            with self.subTest(file=name):
                folder, path = self.copy_alone(name)
                csv = os.path.join(tempfile.mkdtemp(dir=self.dir), "partners.csv")
                with open(csv, "w", encoding="utf-8") as f:
                    f.write("name,sector\nZara Newcomer,carer\n")
                before = digest(path)
                result = run("--import-csv=" + csv, path)
                self.assertEqual(result.stdout, b"")
                self.assertRefused(result, path, expected)
                self.assertEqual(digest(path), before, "the file changed")
                self.assertEqual(os.listdir(folder), [name], "a file was left beside the project")

    def test_file_over_the_size_limit(self):
        with open(os.path.join(SRCDIR, "src", "core", "copro-document.h"), encoding="utf-8") as f:
            match = re.search(r"#define\s+COPRO_MAX_FILE_SIZE\s+\((\d+)\s*\*\s*(\d+)\s*\*\s*(\d+)\)", f.read())
        self.assertIsNotNone(match, "COPRO_MAX_FILE_SIZE not found in copro-document.h")
        limit = int(match.group(1)) * int(match.group(2)) * int(match.group(3))
        # Sparse: takes no space on disk, and is refused before it is read.
        path = os.path.join(self.dir, "huge.coprod")
        with open(path, "wb") as f:
            f.write(b'{"format": "coproduce-project", "format_version": 1, "x": "')
        os.truncate(path, limit + 1)
        before = os.stat(path)
        self.assertRefused(run("--check", path), path, "larger than %d MB" % (limit // (1024 * 1024)))
        after = os.stat(path)
        self.assertEqual((after.st_size, after.st_mtime_ns), (before.st_size, before.st_mtime_ns))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
