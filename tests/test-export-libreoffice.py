#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The sign-off workbook as LibreOffice sees it.

    test-export-libreoffice.py COPRODUCE SOURCE_ROOT

Exports the example project, the injection corpus, an empty project and a
generated one; has LibreOffice (headless, with a fresh profile) convert every
sheet of each workbook to CSV, with values as shown; and compares each cell
with what openpyxl reads from the same workbook, formatted as the workbook
says (dates day/month/year, money in pounds). LibreOffice opening the file at
all, every sheet present, is the first check. Skips when LibreOffice is not
installed (CI installs libreoffice-calc-nogui).
"""

import csv
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import openpyxl

BINARY = os.path.abspath(sys.argv[1])
SRCDIR = os.path.abspath(sys.argv[2])
sys.path.insert(0, os.path.join(SRCDIR, "bench"))
import generate  # noqa: E402

SHEETS = ["Sign-off", "Plan", "Budget", "Partners", "Partner summary", "Terms of reference",
          "Activities", "Feedback", "Risks", "Actions", "Contacts", "Attendance", "Payments"]
MONEY_FORMAT = "£#,##0.00"
DATE_FORMAT = "dd/mm/yyyy"
# Comma, double quote, UTF-8, from line 1, values as shown, every sheet (-1).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"


def soffice():
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    return None


def shown(cell):
    """A cell as a spreadsheet shows it, for the workbook's own formats."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        text = re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)
        # LibreOffice keeps one line break where the text had CR LF.
        return text.replace("\r\n", "\n")
    if isinstance(value, datetime.datetime):
        assert cell.number_format == DATE_FORMAT, cell.number_format
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if cell.number_format == MONEY_FORMAT:
        return f"£{value:,.2f}"
    if float(value).is_integer():
        return str(int(value))
    return repr(value)


def trim(rows):
    rows = [list(row) for row in rows]
    for row in rows:
        while row and row[-1] == "":
            row.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


class LibreOffice(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.soffice = soffice()
        if cls.soffice is None:
            raise unittest.SkipTest("LibreOffice (soffice) is not installed")
        cls.dir = tempfile.mkdtemp(prefix="copro-lo-")
        cls.profile = os.path.join(cls.dir, "profile")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def export(self, project, name):
        out = os.path.join(self.dir, name + ".xlsx")
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        result = subprocess.run([BINARY, f"--export-xlsx={out}", project], capture_output=True, text=True,
                                env=env, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        return out

    def convert(self, book):
        outdir = os.path.join(self.dir, os.path.basename(book) + "-csv")
        os.mkdir(outdir)
        env = dict(os.environ)
        env.pop("DISPLAY", None)
        env["HOME"] = self.dir
        result = subprocess.run([self.soffice, f"-env:UserInstallation=file://{self.profile}", "--headless",
                                 "--norestore", "--convert-to", CSV_FILTER, "--outdir", outdir, book],
                                capture_output=True, text=True, env=env, timeout=180)
        self.assertEqual(result.returncode, 0, result.stderr)
        stem = os.path.splitext(os.path.basename(book))[0]
        sheets = {}
        for name in SHEETS:
            path = os.path.join(outdir, f"{stem}-{name}.csv")
            self.assertTrue(os.path.exists(path), f"LibreOffice wrote no CSV for sheet {name}: {result.stdout}")
            with open(path, encoding="utf-8", newline="") as f:
                sheets[name] = trim(csv.reader(f))
        self.assertEqual(sorted(os.listdir(outdir)), sorted(f"{stem}-{name}.csv" for name in SHEETS))
        return sheets

    def compare(self, project, name):
        book = self.export(project, name)
        seen = self.convert(book)
        wb = openpyxl.load_workbook(book, data_only=True)
        self.assertEqual(wb.sheetnames, SHEETS)
        for sheet in SHEETS:
            expected = trim([[shown(c) for c in row] for row in wb[sheet].iter_rows()])
            with self.subTest(workbook=name, sheet=sheet):
                self.assertEqual(len(seen[sheet]), len(expected))
                for r, (got, want) in enumerate(zip(seen[sheet], expected), start=1):
                    self.assertEqual(got, want, f"{name} {sheet} row {r}")

    def test_example(self):
        self.compare(os.path.join(SRCDIR, "data", "example.coprod"), "example")

    def test_injection(self):
        self.compare(os.path.join(SRCDIR, "tests", "fixtures", "export-injection.coprod"), "injection")

    def test_empty(self):
        project = os.path.join(self.dir, "empty.coprod")
        with open(project, "w") as f:
            json.dump({"format": "coproduce-project", "format_version": 1}, f)
        self.compare(project, "empty")

    def test_generated(self):
        project = os.path.join(self.dir, "generated.coprod")
        generate.write_project(project, generate.make_project(n_partners=300, n_activities=20, seed=11))
        self.compare(project, "generated")


    def test_attendance_and_payments(self):
        """Issue 14: the budget's spent total, recalculated by LibreOffice,
        is the cached one, and the new sheets read the same."""
        project = os.path.join(self.dir, "attendance.coprod")
        data = generate.make_project(n_partners=60, n_activities=8, seed=14)
        generate.add_attendance_and_payments(data, 80, 50, seed=14)
        generate.write_project(project, data)
        self.compare(project, "attendance")


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
