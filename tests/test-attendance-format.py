#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Attendance, payments and "sent to the people who took part" in the file
(issue 14), through the real binary: what is read is written back, members
this version does not know inside the new records survive a save, and a file
written before these members existed keeps every value.

Usage: test-attendance-format.py COPRODUCE SOURCE_ROOT
"""

import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import copro_headless  # noqa: E402
from copro_headless import load  # noqa: E402

BINARY = sys.argv[1]
SRCDIR = sys.argv[2]
FIXTURES = os.path.join(SRCDIR, "tests", "fixtures")


def run(*args):
    return copro_headless.run(BINARY, args, timeout=60)


def contains(outer, inner):
    """Whether every member of @inner is in @outer with the same value and
    type, recursively (lists item by item)."""
    if isinstance(inner, dict):
        return isinstance(outer, dict) and all(k in outer and contains(outer[k], v) for k, v in inner.items())
    if isinstance(inner, list):
        return (isinstance(outer, list) and len(outer) == len(inner)
                and all(contains(a, b) for a, b in zip(outer, inner)))
    return type(outer) is type(inner) and outer == inner


class AttendanceFormat(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="copro-attendance-")
        self.csv = os.path.join(self.dir, "partners.csv")
        with open(self.csv, "w", encoding="utf-8") as f:
            f.write("name,organisation,email\n")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def resave(self, name):
        copy = os.path.join(self.dir, name)
        shutil.copyfile(os.path.join(FIXTURES, name), copy)
        result = run("--import-csv=" + self.csv, copy)
        self.assertEqual(result.returncode, 0, result.stderr)
        return load(os.path.join(FIXTURES, name)), load(copy)

    def test_values_survive_a_save(self):
        before, after = self.resave("attendance-payments.coprod")
        self.assertTrue(contains(after, before), "a value was lost or changed")
        self.assertEqual([a["status"] for a in after["activities"][0]["attendance"]],
                         ["took-part", "apologies"])
        self.assertEqual(after["plan"]["resources"]["payments"][0]["amount"], 5000)
        self.assertEqual(after["activities"][0]["feedback"][0]["sent_date"], "2026-07-01")

    def test_unknown_members_in_new_records_survive(self):
        before, after = self.resave("unknown-members-attendance.coprod")
        self.assertTrue(contains(after, before), "an unknown member was lost or changed")
        self.assertEqual(after["activities"][0]["attendance"][0]["arrived"], "10:05")
        self.assertEqual(after["activities"][0]["attendance"][1]["x_reason"], {"text": "ill", "certain": True})
        self.assertEqual(after["plan"]["resources"]["payments"][0]["receipt"], ["r-1.pdf", {"pages": 2}])
        self.assertEqual(after["activities"][0]["feedback"][0]["sent_by"], "post")

    def test_older_file_keeps_every_value(self):
        """A file from before issue 14 (no attendance, no payments) opens,
        and a save only adds the new members, empty."""
        old = load(os.path.join(FIXTURES, "attendance-payments.coprod"))
        del old["activities"][0]["attendance"]
        del old["activities"][0]["feedback"][0]["sent_date"]
        del old["plan"]["resources"]["payments"]
        path = os.path.join(self.dir, "old.coprod")
        copro_headless.write_json(path, old)
        result = run("--check", path)
        self.assertIn(result.returncode, (0, 1), result.stderr)
        result = run("--import-csv=" + self.csv, path)
        self.assertEqual(result.returncode, 0, result.stderr)
        after = load(path)
        self.assertTrue(contains(after, old))
        self.assertEqual(after["activities"][0]["attendance"], [])
        self.assertIsNone(after["activities"][0]["feedback"][0]["sent_date"])
        self.assertEqual(after["plan"]["resources"]["payments"], [])


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
