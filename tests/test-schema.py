#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The JSON Schema in data/ against the files the application really writes.

The schema must be a valid draft-07 schema; the example project and files
saved by the real binary must validate; and the schema and the application
must agree: each mutated copy of the example that one of them refuses, the
other refuses too, and the edge cases that one accepts, the other accepts.

Usage: test-schema.py COPRODUCE SOURCE_ROOT SCHEMA
"""

import copy
import json
import os
import shutil
import sys
import tempfile
import unittest

import jsonschema

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import copro_headless  # noqa: E402
from copro_headless import load, write_json  # noqa: E402

BINARY = sys.argv[1]
SRCDIR = sys.argv[2]
SCHEMA = sys.argv[3]
EXAMPLE = os.path.join(SRCDIR, "data", "example.coprod")
FIXTURES = os.path.join(SRCDIR, "tests", "fixtures")

CSV = (
    "name,organisation,sector,email,influence,interest,accessibility needs,level,status\n"
    "Zara Newcomer,,carer,zara.newcomer@example.net,2,5,large print; bsl,co-design,interested\n"
    "Ravi Example,Eastfield Youth Club,community-group,ravi@example.org,3,3,,consult,approached\n"
)


def run(*args):
    return copro_headless.run(BINARY, args)


class Schema(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = load(SCHEMA)
        cls.validator = jsonschema.Draft7Validator(
            cls.schema, format_checker=jsonschema.draft7_format_checker)

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="copro-schema-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def errors(self, instance):
        return sorted(self.validator.iter_errors(instance), key=lambda e: list(e.absolute_path))

    def assertValid(self, instance, what):
        errors = self.errors(instance)
        self.assertEqual(errors, [], "%s does not validate: %s" % (
            what, "; ".join("%s: %s" % ("/".join(map(str, e.absolute_path)), e.message) for e in errors[:5])))

    def app_check(self, value, name):
        """Writes @value, runs --check, returns the exit status (2 = refused)."""
        path = self.path(name)
        write_json(path, value)
        result = run("--check", path)
        self.assertIn(result.returncode, (0, 1, 2), result.stderr)
        return result

    def test_schema_is_valid_draft_07(self):
        self.assertEqual(self.schema["$schema"], "http://json-schema.org/draft-07/schema#")
        jsonschema.Draft7Validator.check_schema(self.schema)
        self.assertTrue(self.schema.get("title"))
        self.assertTrue(self.schema.get("description"))
        self.assertEqual(self.schema["properties"]["format"]["const"], "coproduce-project")
        self.assertEqual(self.schema["required"], ["format", "format_version"])
        # Every $ref resolves to a definition.
        refs = []

        def walk(node):
            if isinstance(node, dict):
                if "$ref" in node:
                    refs.append(node["$ref"])
                for v in node.values():
                    walk(v)
            elif isinstance(node, list):
                for v in node:
                    walk(v)
        walk(self.schema)
        self.assertGreater(len(refs), 20)
        for ref in refs:
            self.assertTrue(ref.startswith("#/definitions/"), ref)
            self.assertIn(ref[len("#/definitions/"):], self.schema["definitions"])
        # Items of lists require an id.
        partner = self.schema["definitions"]["CoproPartner"]
        self.assertEqual(partner["required"], ["id"])
        self.assertTrue(partner["additionalProperties"])

    def test_minimal_project_validates(self):
        self.assertValid({"format": "coproduce-project", "format_version": 1}, "the smallest project")

    def test_example_validates_and_round_trips(self):
        self.assertValid(load(EXAMPLE), "data/example.coprod")
        # Re-saving the example through the application changes nothing.
        copy_path = self.path("example.coprod")
        shutil.copyfile(EXAMPLE, copy_path)
        header_only = self.path("header-only.csv")
        with open(header_only, "w", encoding="utf-8") as f:
            f.write("name,organisation,email\n")
        result = run("--import-csv=" + header_only, copy_path)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(EXAMPLE, "rb") as a, open(copy_path, "rb") as b:
            self.assertEqual(a.read(), b.read(),
                             "data/example.coprod is not exactly what the application saves; re-save it with "
                             "coproduce --import-csv=HEADER-ONLY.csv data/example.coprod")
        self.assertValid(load(copy_path), "the re-saved example")

    def test_new_file_saved_by_the_app_validates(self):
        fixture = os.path.join(FIXTURES, "csv", "good.csv")
        with open(fixture, encoding="utf-8-sig") as f:
            rows = [line for line in f.read().splitlines()[1:] if line.strip()]
        new = self.path("new.coprod")
        result = run("--import-csv=" + fixture, new)
        self.assertEqual(result.returncode, 0, result.stderr)
        saved = load(new)
        self.assertValid(saved, "a new file saved by --import-csv from tests/fixtures/csv/good.csv")
        self.assertEqual(len(saved["partners"]), len(rows))

    def test_file_with_imported_partners_validates(self):
        csv_path = self.path("partners.csv")
        with open(csv_path, "w", encoding="utf-8") as f:
            f.write(CSV)
        project = self.path("example.coprod")
        shutil.copyfile(EXAMPLE, project)
        result = run("--import-csv=" + csv_path, project)
        self.assertEqual(result.returncode, 0, result.stderr)
        saved = load(project)
        self.assertValid(saved, "the example with two partners imported")
        self.assertEqual([p["name"] for p in saved["partners"][-2:]], ["Zara Newcomer", "Ravi Example"])
        self.assertEqual(saved["partners"][-2]["access_needs"], ["large-print", "bsl"])

    def test_fixtures_that_load_validate(self):
        for name in ("unknown-members.coprod", "newer-version.coprod"):
            self.assertValid(load(os.path.join(FIXTURES, name)), name)

    # Mutations of the example: (name, function changing the document).
    REFUSED = [
        ("negative-money", lambda d: d["plan"]["resources"]["budget_lines"][0].__setitem__("amount", -1)),
        ("money-too-large", lambda d: d["plan"]["resources"]["budget_lines"][0].__setitem__("amount", 10000000000001)),
        ("money-float", lambda d: d["activities"][0].__setitem__("cost", 12.5)),
        ("bad-enum-key", lambda d: d["partners"][0].__setitem__("sector", "Council")),
        ("bad-flag-key", lambda d: d["partners"][0].__setitem__("access_needs", ["braille"])),
        ("duplicate-flag", lambda d: d["plan"]["resources"]["equality"].__setitem__("characteristics", ["age", "age"])),
        ("missing-id", lambda d: d["risks"][2].pop("id")),
        ("missing-nested-id", lambda d: d["activities"][0]["feedback"][0].pop("id")),
        ("id-not-uuid", lambda d: d["partners"][3].__setitem__("id", "partner-4")),
        ("influence-6", lambda d: d["partners"][0].__setitem__("influence", 6)),
        ("influence-0", lambda d: d["partners"][0].__setitem__("influence", 0)),
        ("influence-string", lambda d: d["partners"][0].__setitem__("influence", "3")),
        ("participants-negative", lambda d: d["activities"][0].__setitem__("participants", -4)),
        ("date-feb-30", lambda d: d["overview"].__setitem__("start_date", "2026-02-30")),
        ("date-british", lambda d: d["overview"].__setitem__("end_date", "30/09/2027")),
        ("title-number", lambda d: d["overview"].__setitem__("title", 7)),
        ("bool-string", lambda d: d["partners"][0].__setitem__("privacy_notice", "yes")),
        ("ref-not-uuid", lambda d: d["terms_of_reference"]["members"][0].__setitem__("partner", "Susan")),
        ("record-null", lambda d: d.__setitem__("reflection", None)),
        ("list-object", lambda d: d.__setitem__("risks", {})),
        ("wrong-format", lambda d: d.__setitem__("format", "coproduce")),
        ("format-version-0", lambda d: d.__setitem__("format_version", 0)),
        ("format-version-string", lambda d: d.__setitem__("format_version", "1")),
        ("no-format-version", lambda d: d.pop("format_version")),
    ]

    ACCEPTED = [
        ("money-at-limit", lambda d: d["plan"]["resources"]["budget_lines"][0].__setitem__("amount", 10000000000000)),
        ("influence-null", lambda d: d["partners"][0].__setitem__("influence", None)),
        ("text-null", lambda d: d["overview"].__setitem__("summary", None)),
        ("enum-null", lambda d: d["partners"][0].__setitem__("sector", None)),
        ("date-leap-day", lambda d: d["overview"].__setitem__("start_date", "2028-02-29")),
        ("uuid-upper-case", lambda d: d["risks"][0].__setitem__("id", d["risks"][0]["id"].upper())),
        ("members-left-out", lambda d: d["plan"]["outline"].clear()),
        ("unknown-members", lambda d: d["partners"][0].__setitem__("pronouns", {"text": "she/her"})),
    ]

    def test_schema_and_app_refuse_the_same_mutations(self):
        example = load(EXAMPLE)
        for name, mutate in self.REFUSED:
            with self.subTest(mutation=name):
                doc = copy.deepcopy(example)
                mutate(doc)
                self.assertNotEqual(self.errors(doc), [], "the schema accepts %s" % name)
                result = self.app_check(doc, name + ".coprod")
                self.assertEqual(result.returncode, 2, "the application accepts %s" % name)

    def test_schema_and_app_accept_the_same_edge_cases(self):
        example = load(EXAMPLE)
        for name, mutate in self.ACCEPTED:
            with self.subTest(mutation=name):
                doc = copy.deepcopy(example)
                mutate(doc)
                self.assertValid(doc, name)
                result = self.app_check(doc, name + ".coprod")
                self.assertIn(result.returncode, (0, 1), "the application refuses %s: %s" % (name, result.stderr))

    def test_schema_refuses_malformed_fixtures(self):
        """Each malformed fixture that is JSON is refused by the schema too,
        except those whose fault no schema can see."""
        only_the_app_can_tell = {
            "duplicate-id-across-lists.coprod", "duplicate-id-different-case.coprod",
            "duplicate-partner-id.coprod", "contact-id-shared-with-activity.coprod",
            "member-missing-partner.coprod", "member-refers-to-a-risk.coprod",
            "integer-too-large-unknown-member.coprod", "float-infinite-unknown-member.coprod",
            "escape-lone-low-surrogate-member-name.coprod", "escape-lone-surrogate.coprod", "escape-nul.coprod",
            "bad-json-two-roots.coprod", "deeply-nested-unknown-member.coprod",
            # JSON Schema counts 3.0 as an integer; the file format does not.
            "influence-3.0.coprod",
        }
        folder = os.path.join(FIXTURES, "malformed")
        checked = 0
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".coprod") or name in only_the_app_can_tell:
                continue
            try:
                with open(os.path.join(folder, name), encoding="utf-8-sig") as f:
                    doc = json.load(f)
            except (ValueError, UnicodeDecodeError, RecursionError):
                continue
            checked += 1
            with self.subTest(fixture=name):
                self.assertNotEqual(self.errors(doc), [], "the schema accepts %s" % name)
        self.assertGreater(checked, 40)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
