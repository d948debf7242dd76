#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Members this version does not know survive a save by the real binary, and
a file from a newer version is read but never overwritten.

Usage: test-unknown-members.py COPRODUCE SOURCE_ROOT
"""

import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import copro_headless  # noqa: E402
from copro_headless import digest, load  # noqa: E402

BINARY = sys.argv[1]
SRCDIR = sys.argv[2]
FIXTURES = os.path.join(SRCDIR, "tests", "fixtures")
SCHEMA = os.path.join(SRCDIR, "data", "coproduce-project.schema.json")

CSV = (
    "name,organisation,sector,influence,interest\n"
    "Zara Newcomer,,carer,2,5\n"
    "Ravi Example,Eastfield Youth Club,community-group,3,3\n"
)


def run(*args):
    return copro_headless.run(BINARY, args, timeout=60)


def known_members(schema):
    """type name → set of member names the model knows, and the definition of
    each member that is a record or a list of records."""
    known = {}
    for name, definition in schema["definitions"].items():
        children = {}
        for member, prop in definition["properties"].items():
            ref = None
            if "allOf" in prop:
                ref = prop["allOf"][0]["$ref"]
            elif "$ref" in prop.get("items", {}):
                ref = prop["items"]["$ref"]
            children[member] = ref.rsplit("/", 1)[1] if ref else None
        known[name] = children
    return known


def unknown_members(doc, known, type_name="CoproProject", path=()):
    """Yields (path, value) of every member the model does not know."""
    children = known[type_name]
    for member, value in doc.items():
        if type_name == "CoproProject" and member in ("format", "format_version"):
            continue
        if member not in children:
            yield path + (member,), value
            continue
        child = children[member]
        if child is None:
            continue
        if isinstance(value, dict):
            yield from unknown_members(value, known, child, path + (member,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from unknown_members(item, known, child, path + (member, i))


def get(doc, path):
    for step in path:
        doc = doc[step]
    return doc


def same(a, b):
    """Equal values, and equal types (so that 1 is not taken for true)."""
    if isinstance(a, dict):
        return isinstance(b, dict) and list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


class UnknownMembers(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="copro-unknown-")
        self.csv = os.path.join(self.dir, "partners.csv")
        with open(self.csv, "w", encoding="utf-8") as f:
            f.write(CSV)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_unknown_members_survive_a_save(self):
        source = os.path.join(FIXTURES, "unknown-members.coprod")
        copy = os.path.join(self.dir, "copy.coprod")
        shutil.copyfile(source, copy)
        before = load(source)

        result = run("--import-csv=" + self.csv, copy)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, "")
        after = load(copy)

        found = list(unknown_members(before, known_members(load(SCHEMA))))
        paths = {p for p, _ in found}
        # The walk finds what the fixture was written to hold.
        for expected in [("x_sync",), ("z_last",), ("overview", "colour"), ("overview", "tags"),
                         ("overview", "weights"), ("overview", "welsh"),
                         ("plan", "outline", "step_levels", "co_reflect"),
                         ("partners", 0, "pronouns"), ("partners", 0, "social"), ("partners", 0, "empty_object"),
                         ("partners", 0, "nothing"), ("partners", 0, 'quote "and" backslash \\'),
                         ("partners", 0, "contacts", 0, "call_minutes"),
                         ("terms_of_reference", "members", 0, "since"),
                         ("activities", 0, "room_plan"),
                         ("activities", 0, "feedback", 0, "votes"),
                         ("activities", 0, "feedback", 0, "attachments")]:
            self.assertIn(expected, paths)
        self.assertEqual(len(found), 17)

        for path, value in found:
            with self.subTest(member="/".join(map(str, path))):
                try:
                    kept = get(after, path)
                except (KeyError, IndexError):
                    self.fail("the member was dropped")
                self.assertTrue(same(value, kept), "%r became %r" % (value, kept))

        # Known values are kept too, and the new partners were added after the old.
        self.assertEqual(after["overview"]["title"], before["overview"]["title"])
        self.assertEqual(after["terms_of_reference"]["members"][0]["partner"], before["partners"][0]["id"])
        self.assertEqual([p.get("name") or p.get("organisation") for p in after["partners"]],
                         ["Ada Example", "Example Carers’ Network", "Zara Newcomer", "Ravi Example"])
        self.assertEqual(after["partners"][3]["organisation"], "Eastfield Youth Club")
        self.assertEqual(after["partners"][2]["influence"], 2)

        # A second save gives the same bytes.
        once = digest(copy)
        empty = os.path.join(self.dir, "header-only.csv")
        with open(empty, "w", encoding="utf-8") as f:
            f.write("name\n")
        result = run("--import-csv=" + empty, copy)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(digest(copy), once)

    def test_newer_version_is_read_but_not_written(self):
        source = os.path.join(FIXTURES, "newer-version.coprod")
        copy = os.path.join(self.dir, "newer.coprod")
        shutil.copyfile(source, copy)
        before = digest(copy)

        result = run("--check", copy)
        self.assertIn(result.returncode, (0, 1), result.stderr)
        self.assertEqual(result.stderr, "")

        listing = sorted(os.listdir(self.dir))
        result = run("--import-csv=" + self.csv, copy)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stdout, "")
        lines = result.stderr.splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertIn("newer version", lines[0])
        self.assertIn("file format 2", lines[0])
        self.assertEqual(digest(copy), before)
        self.assertEqual(sorted(os.listdir(self.dir)), listing, "a file was left beside the project")


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
