#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The headless commands, run as processes the way a script would run them:
exit codes, standard output and standard error, and files left as they were
when a command refuses to act."""

import json
import os
import re
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import copro_headless  # noqa: E402
from copro_headless import digest, load  # noqa: E402

BINARY = sys.argv[1]
SRCDIR = sys.argv[2]
EXAMPLE = os.path.join(SRCDIR, "data", "example.coprod")


def run(*args, env_extra=None):
    # Headless means headless: no display and no session bus at all.
    return copro_headless.run(BINARY, args, env=env_extra, timeout=60)


def write(path, text, mode="w"):
    with open(path, mode, encoding=None if "b" in mode else "utf-8") as f:
        f.write(text)


class Commands(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="copro-commands-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def test_help_and_version(self):
        result = run("--help")
        self.assertEqual(result.returncode, 0)
        for option in ("--check", "--import-csv", "--skip-invalid", "--export-pdf", "--document",
                       "--version"):
            self.assertIn(option, result.stdout)
        result = run("--version")
        self.assertEqual(result.returncode, 0)
        self.assertRegex(result.stdout, r"^coproduce \d+\.\d+\.\d+\n$")

    def test_unknown_option(self):
        result = run("--frobnicate")
        self.assertEqual(result.returncode, 2)
        self.assertIn("--frobnicate", result.stderr)

    def test_check_needs_one_file(self):
        result = run("--check")
        self.assertEqual(result.returncode, 2)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1)

    def test_check_example(self):
        result = run("--check", EXAMPLE)
        self.assertIn(result.returncode, (0, 1))
        for line in result.stdout.splitlines():
            self.assertRegex(line, r"^(problem|advice) [a-z-]+: .+\.$")
        has_problem = any(line.startswith("problem ") for line in result.stdout.splitlines())
        self.assertEqual(result.returncode, 1 if has_problem else 0)

    def test_headless_commands_load_no_display_toolkit(self):
        # The dynamic loader names every library it starts (LD_DEBUG=libs):
        # none of GTK's, GDK's or libadwaita's may be among them, and the
        # window's module is not opened. (Debian's cairo brings libX11 with
        # it; it is loaded, never connected to a display.)
        csv = self.path("partners.csv")
        write(csv, "name,organisation\nAsha Patel,Carers' Forum\n")
        project = self.path("imported.coprod")
        workbook = self.path("out.xlsx")
        document = self.path("out.pdf")
        for args in (("--check", EXAMPLE),
                     ("--import-csv", csv, project),
                     ("--export-xlsx", workbook, EXAMPLE),
                     ("--export-pdf", document, "--document=terms", EXAMPLE)):
            with self.subTest(args=args[0]):
                result = run(*args, env_extra={"LD_DEBUG": "libs"})
                self.assertIn(result.returncode, (0, 1), result.stderr[-2000:])
                started = re.findall(r"calling init: (\S+)", result.stderr)
                self.assertTrue(any("libglib-2.0" in lib for lib in started), started)
                for lib in started:
                    self.assertNotRegex(os.path.basename(lib),
                                        r"^lib(gtk-4|adwaita-1|coproduce-ui|graphene|epoxy)")
        self.assertTrue(os.path.exists(project))
        self.assertTrue(os.path.exists(workbook))
        self.assertTrue(os.path.exists(document))

    def test_window_module_missing_is_one_sentence(self):
        # The command alone, away from its build folder and not installed:
        # opening the window says why it cannot, once, and fails cleanly.
        alone = self.path("coproduce")
        shutil.copy(BINARY, alone)
        result = copro_headless.run(alone, [], timeout=60)
        self.assertEqual(result.returncode, 2)
        lines = result.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertIn("the window cannot start", lines[0])
        self.assertIn("libcoproduce-ui.so", lines[0])

    def test_check_exit_codes(self):
        empty = self.path("empty.coprod")
        write(empty, '{"format": "coproduce-project", "format_version": 1}\n')
        result = run("--check", empty)
        self.assertEqual(result.returncode, 1)
        self.assertIn("problem title-missing: The project has no title.", result.stdout)
        self.assertIn("advice terms-no-review-date:", result.stdout)
        self.assertEqual(result.stderr, "")
        # problems are listed before advice
        kinds = [line.split()[0] for line in result.stdout.splitlines()]
        self.assertEqual(kinds, sorted(kinds, key=lambda k: k != "problem"))

        clean = self.path("clean.coprod")
        project = {
            "format": "coproduce-project",
            "format_version": 1,
            "overview": {"title": "Clean", "start_date": "2027-01-01", "end_date": "2027-12-31"},
            "plan": {
                "outline": {"management_support": "confirmed"},
                "principles": {p: {"how": "Agreed together"} for p in
                               ("equality", "diversity", "accessibility", "reciprocity")},
            },
            "terms_of_reference": {"review_date": "2099-01-01"},
        }
        write(clean, json.dumps(project))
        result = run("--check", clean)
        self.assertEqual((result.returncode, result.stdout, result.stderr), (0, "", ""))

        missing = self.path("missing.coprod")
        result = run("--check", missing)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stdout, "")
        self.assertEqual(len(result.stderr.strip().splitlines()), 1)
        self.assertIn("missing.coprod", result.stderr)

        broken = self.path("broken.coprod")
        write(broken, '{"format": "coproduce-project", "format_version": 1,\n "overview": {"title": 42}}')
        result = run("--check", broken)
        self.assertEqual(result.returncode, 2)
        self.assertIn("overview.title", result.stderr)

    def test_import_creates_project_titled_after_file(self):
        csv = self.path("people.csv")
        write(csv, "Name,Organisation,Sector,Influence,Interest\nAsha Patel,Carers Trust,Voluntary and community,4,5\n")
        project = self.path("Carers short breaks.coprod")
        result = run(f"--import-csv={csv}", project)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Imported 1 partner", result.stdout)
        with open(project, encoding="utf-8") as f:
            data = json.load(f)
        self.assertEqual(data["format"], "coproduce-project")
        self.assertEqual(data["overview"]["title"], "Carers short breaks")
        self.assertEqual(len(data["partners"]), 1)
        partner = data["partners"][0]
        self.assertEqual(partner["sector"], "voluntary-community")
        self.assertEqual((partner["influence"], partner["interest"]), (4, 5))

        # A second import adds to the same project.
        result = run(f"--import-csv={csv}", project)
        self.assertEqual(result.returncode, 0)
        with open(project, encoding="utf-8") as f:
            self.assertEqual(len(json.load(f)["partners"]), 2)

    def test_bad_rows_import_nothing_by_default(self):
        project = self.path("plan.coprod")
        shutil.copy(EXAMPLE, project)
        before = digest(project)
        csv = self.path("mixed.csv")
        write(csv, "name,influence\nGood,3\nBad,7\nAlso good,\n,5\n")
        result = run(f"--import-csv={csv}", project)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(digest(project), before)
        self.assertIn("Row 3 cannot be imported", result.stderr)
        self.assertIn("Row 5", result.stderr)
        self.assertIn("Nothing was imported", result.stderr)

        with open(project, encoding="utf-8") as f:
            n_before = len(json.load(f).get("partners", []))
        result = run("--skip-invalid", f"--import-csv={csv}", project)
        self.assertEqual(result.returncode, 0)
        self.assertIn("Imported 2 partners", result.stdout)
        self.assertIn("Skipped 2 rows", result.stdout)
        with open(project, encoding="utf-8") as f:
            names = [p["name"] for p in json.load(f)["partners"]]
        self.assertEqual(len(names), n_before + 2)
        self.assertEqual(names[-2:], ["Good", "Also good"])

    def test_import_refuses_unreadable_csv_and_project(self):
        project = self.path("plan.coprod")
        shutil.copy(EXAMPLE, project)
        before = digest(project)

        latin1 = self.path("latin1.csv")
        write(latin1, "name\nJos\xe9\n".encode("latin-1"), "wb")
        result = run(f"--import-csv={latin1}", project)
        self.assertEqual(result.returncode, 2)
        self.assertIn("not UTF-8", result.stderr)
        self.assertEqual(digest(project), before)

        result = run(f"--import-csv={self.path('nope.csv')}", project)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(digest(project), before)

        broken = self.path("broken.coprod")
        write(broken, "{ not json")
        csv = self.path("ok.csv")
        write(csv, "name\nA\n")
        result = run(f"--import-csv={csv}", broken)
        self.assertEqual(result.returncode, 2)
        with open(broken, encoding="utf-8") as f:
            self.assertEqual(f.read(), "{ not json")

    def test_export_pdf_exit_codes(self):
        # The same exit codes and one-sentence errors as --export-xlsx; the
        # documents themselves are read back in test-pdf.py.
        out = self.path("plan.pdf")
        result = run(f"--export-pdf={out}", EXAMPLE)
        self.assertEqual((result.returncode, result.stderr), (0, ""))
        self.assertIn("without personal details", result.stdout)
        with open(out, "rb") as f:
            self.assertEqual(f.read(5), b"%PDF-")
        result = run(f"--export-pdf={out}", "--document=feedback", "--include-personal-data", EXAMPLE)
        self.assertEqual((result.returncode, result.stderr), (0, ""))
        self.assertIn("with personal details", result.stdout)
        before = digest(out)
        for args in ((f"--export-pdf={self.path('plan.xlsx')}", EXAMPLE),
                     (f"--export-pdf={out}", "--document=everything", EXAMPLE),
                     (f"--export-pdf={out}", self.path("missing.coprod")),
                     (f"--export-pdf={EXAMPLE}", EXAMPLE),
                     ("--document=plan", EXAMPLE)):
            with self.subTest(args=args):
                result = run(*args)
                self.assertEqual(result.returncode, 2)
                self.assertEqual(result.stdout, "")
                self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)
        self.assertEqual(digest(out), before)

    def test_skip_invalid_alone_is_an_error(self):
        result = run("--skip-invalid", EXAMPLE)
        self.assertEqual(result.returncode, 2)
        self.assertIn("--import-csv", result.stderr)

    def test_messages_follow_the_locale_safely(self):
        # Under a locale with no translation the messages stay readable.
        result = run("--check", self.path("missing.coprod"), env_extra={"LANG": "de_DE.UTF-8", "LC_ALL": ""})
        self.assertEqual(result.returncode, 2)
        self.assertTrue(result.stderr.strip())


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
