#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The workbook's attendance and payments (issue 14), read back with openpyxl:
the Budget sheet's planned against spent with a real total, the Attendance
and Payments sheets with counts and sums and never a name by default, one
row per person with personal details, and Sign-off's summary by sector.

Usage: test-export-attendance.py COPRODUCE SOURCE_ROOT
"""

import collections
import os
import shutil
import sys
import tempfile
import unittest

import openpyxl

BINARY = os.path.abspath(sys.argv[1])
SRCDIR = os.path.abspath(sys.argv[2])
sys.path.insert(0, os.path.join(SRCDIR, "bench"))
sys.path.insert(0, os.path.join(SRCDIR, "tests"))
import copro_headless  # noqa: E402
import generate  # noqa: E402

SECTORS = {"council": "Council", "health-care": "Health and care",
           "voluntary-community": "Voluntary and community", "community-group": "Community group",
           "lived-experience": "Resident or person with lived experience", "carer": "Carer",
           "business": "Business", "education": "Education", "elected-member": "Elected member",
           "other": "Other"}


def export(project, out, personal=False):
    args = [f"--export-xlsx={out}", project]
    if personal:
        args.insert(0, "--include-personal-data")
    result = copro_headless.run(BINARY, args, timeout=300)
    if result.returncode != 0:
        raise AssertionError(f"export failed ({result.returncode}): {result.stderr}")


def header_row(ws, first):
    for row in ws.iter_rows():
        if row[0].value == first:
            return row[0].row
    raise AssertionError(f"no header starting {first!r} in {ws.title}")


def table(ws, first):
    """The rows under the header, up to the first blank first cell."""
    rows = []
    for row in ws.iter_rows(min_row=header_row(ws, first) + 1):
        if row[0].value is None:
            break
        rows.append([c.value for c in row])
    return rows


class AttendanceExport(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="copro-export-attendance-")
        cls.path = os.path.join(cls.dir, "project.coprod")
        cls.project = generate.make_project(n_partners=80, n_activities=6, n_feedback=1, seed=14)
        generate.add_attendance_and_payments(cls.project, 60, 40, seed=14)
        generate.write_project(cls.path, cls.project)
        cls.default = os.path.join(cls.dir, "default.xlsx")
        cls.personal = os.path.join(cls.dir, "personal.xlsx")
        export(cls.path, cls.default)
        export(cls.path, cls.personal, personal=True)
        cls.book = openpyxl.load_workbook(cls.default)
        cls.values = openpyxl.load_workbook(cls.default, data_only=True)
        cls.personal_book = openpyxl.load_workbook(cls.personal)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def partners(self):
        return {p["id"]: p for p in self.project["partners"]}

    def test_budget_planned_and_spent(self):
        lines = self.project["plan"]["resources"]["budget_lines"]
        payments = self.project["plan"]["resources"]["payments"]
        spent = collections.Counter()
        for p in payments:
            spent[p["budget_line"]] += p["amount"]
        ws = self.book["Budget"]
        self.assertEqual(ws.cell(3, 6).value, "Spent")
        for i, line in enumerate(lines):
            self.assertAlmostEqual(ws.cell(4 + i, 3).value, line["amount"] / 100)
            self.assertAlmostEqual(ws.cell(4 + i, 6).value, spent[line["id"]] / 100)
        total_row = 4 + len(lines)
        self.assertEqual(ws.cell(total_row, 6).value, f"=SUM(F4:F{total_row - 1})")
        on_lines = sum(a for k, a in spent.items() if k is not None)
        self.assertAlmostEqual(self.values["Budget"].cell(total_row, 6).value, on_lines / 100)
        # The payments on no line are said under the total.
        unassigned = [p for p in payments if p["budget_line"] is None]
        if unassigned:
            self.assertIn("name no budget line" if len(unassigned) > 1 else "names no budget line",
                          ws.cell(total_row + 1, 1).value)

    def test_attendance_counts_without_names(self):
        rows = table(self.book["Attendance"], "Activity")
        partners = self.partners()
        with_attendance = [a for a in self.project["activities"] if a.get("attendance")]
        self.assertEqual(len(rows), len(with_attendance))
        header = [c.value for c in self.book["Attendance"][header_row(self.book["Attendance"], "Activity")]]
        for row, activity in zip(rows, with_attendance):
            statuses = collections.Counter(a["status"] for a in activity["attendance"])
            self.assertEqual(row[0], activity["title"])
            self.assertEqual(row[2:5], [statuses["invited"], statuses["took-part"], statuses["apologies"]])
            by_sector = collections.Counter(partners[a["partner"]].get("sector")
                                            for a in activity["attendance"] if a["status"] == "took-part")
            for key, label in SECTORS.items():
                self.assertEqual(row[header.index("Took part: " + label)], by_sector[key], label)
            self.assertEqual(row[header.index("Took part: sector not set")], by_sector[None])
        text = "\n".join(str(c.value) for ws in (self.book["Attendance"], self.book["Payments"])
                         for r in ws.iter_rows() for c in r if c.value is not None)
        for p in self.project["partners"]:
            if p.get("name"):
                self.assertNotIn(p["name"], text)

    def test_participants_follow_attendance(self):
        ws = self.book["Activities"]
        header = header_row(ws, "Title")
        column = [c.value for c in ws[header]].index("People taking part") + 1
        for i, activity in enumerate(self.project["activities"]):
            attendance = activity.get("attendance")
            wanted = (sum(1 for a in attendance if a["status"] == "took-part") if attendance
                      else activity["participants"])
            self.assertEqual(ws.cell(header + 1 + i, column).value, wanted, activity["title"])

    def test_payment_sums_without_names(self):
        payments = self.project["plan"]["resources"]["payments"]
        rows = table(self.book["Payments"], "Budget line")
        self.assertEqual(sum(r[1] for r in rows), len(payments))
        self.assertAlmostEqual(sum(r[4] for r in rows), sum(p["amount"] for p in payments) / 100)
        self.assertAlmostEqual(sum(r[2] for r in rows),
                               sum(p["amount"] for p in payments if p["kind"] == "time") / 100)

    def test_personal_rows_per_person(self):
        partners = self.partners()
        attendance = table(self.personal_book["Attendance"], "Activity")
        expected = [(a["title"], partners[x["partner"]]["name"] or partners[x["partner"]]["organisation"])
                    for a in self.project["activities"] for x in a.get("attendance", [])]
        self.assertEqual([(r[0], r[2]) for r in attendance], expected)
        payments = table(self.personal_book["Payments"], "Partner")
        self.assertEqual(len(payments), len(self.project["plan"]["resources"]["payments"]))
        for row, p in zip(payments, self.project["plan"]["resources"]["payments"]):
            who = partners[p["partner"]]
            self.assertEqual(row[0], who["name"] or who["organisation"])
            self.assertAlmostEqual(row[3], p["amount"] / 100)

    def test_sign_off_summary(self):
        ws = self.book["Sign-off"]
        labels = {row[0].value: row[1] for row in ws.iter_rows() if row[0].value}
        total_row = 4 + len(self.project["plan"]["resources"]["budget_lines"])
        self.assertEqual(labels["Budget spent on its lines"].value, f"='Budget'!F{total_row}")
        partners = self.partners()
        took_part = collections.Counter(partners[x["partner"]].get("sector")
                                        for a in self.project["activities"] for x in a.get("attendance", [])
                                        if x["status"] == "took-part")
        summary = labels["Who took part, by sector"].value
        for key, n in took_part.items():
            self.assertIn("%s: %d" % (SECTORS[key] if key else "sector not set", n), summary)


class EmptyExport(unittest.TestCase):
    def test_empty_sections_say_so(self):
        d = tempfile.mkdtemp(prefix="copro-export-attendance-")
        try:
            path = os.path.join(d, "empty.coprod")
            copro_headless.write_json(path, {"format": "coproduce-project", "format_version": 1})
            out = os.path.join(d, "empty.xlsx")
            export(path, out)
            book = openpyxl.load_workbook(out)
            self.assertEqual(table(book["Attendance"], "Activity")[0][0], "No attendance has been recorded yet.")
            self.assertEqual(table(book["Payments"], "Budget line")[0][0],
                             "No payments or expenses have been recorded yet.")
            labels = {row[0].value: row[1].value for row in book["Sign-off"].iter_rows() if row[0].value}
            self.assertEqual(labels["Who took part, by sector"], "No attendance has been recorded yet.")
        finally:
            shutil.rmtree(d)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
