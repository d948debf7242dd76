#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Contacts sheet of the sign-off workbook (issue 14), read back with
openpyxl and opened by LibreOffice.

    test-export-contacts.py COPRODUCE SOURCE_ROOT

By default the sheet counts contacts by partner kind, sector and method and
names nobody; with --include-personal-data it lists every contact with the
partner's name, each partner's newest first. An empty log says so.
"""

import collections
import csv
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import openpyxl

BINARY = os.path.abspath(sys.argv[1])
SRCDIR = os.path.abspath(sys.argv[2])
EXAMPLE = os.path.join(SRCDIR, "data", "example.coprod")

KINDS = {"individual": "Individual", "organisation": "Organisation", None: "Not recorded"}
METHODS = {"email": "Email", "phone": "Phone", "letter": "Letter", "meeting": "Meeting", "event": "Event",
           "visit": "Visit", "other": "Other", None: "Not recorded"}
HEADER_ROW = 3   # title, note, then the table's header


def sector_label(key):
    return {"council": "Council", "health-care": "Health and care",
            "voluntary-community": "Voluntary and community", "community-group": "Community group",
            "lived-experience": "Resident or person with lived experience", "carer": "Carer",
            "business": "Business", "education": "Education", "elected-member": "Elected member",
            "other": "Other", None: "Not recorded"}[key]


def contact(date, method, summary, follow_up=None, activity=None, made_by="Jo Bennett"):
    return {"id": None, "date": date, "method": method, "made_by": made_by, "summary": summary,
            "follow_up": follow_up, "activity": activity}


def project_with_contacts(path):
    """The example, its partners' logs replaced by a known set."""
    with open(EXAMPLE, encoding="utf-8") as f:
        doc = json.load(f)
    activity = doc["activities"][0]
    n = 0
    logs = {
        0: [contact("2026-09-14", "phone", "Talked it through", "2026-09-28", activity["id"]),
            contact("2026-10-03", "email", "Invitation sent", None, "0f0e0d0c-0b0a-4908-8706-050403020100"),
            contact(None, None, "")],
        1: [contact("2026-08-01", "meeting", "=HYPERLINK(\"http://x\")")],
        2: [contact("2026-07-07", "email", "Invitation sent")],
    }
    for index, partner in enumerate(doc["partners"]):
        partner["contacts"] = []
        for c in logs.get(index, []):
            c = dict(c)
            c["id"] = "c0c0c0c0-0000-4000-8000-%012d" % n
            n += 1
            partner["contacts"].append(c)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
    return doc


def export(project, out, personal):
    args = [BINARY, "--export-xlsx=" + out] + (["--include-personal-data"] if personal else []) + [project]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return openpyxl.load_workbook(out)


def table(ws):
    """The rows of the sheet's table, below its header, as values."""
    return [list(row) for row in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]


class ContactsSheet(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="copro-export-contacts-")
        cls.project = os.path.join(cls.dir, "project.coprod")
        cls.doc = project_with_contacts(cls.project)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def test_counts_only_by_default(self):
        out = os.path.join(self.dir, "counts.xlsx")
        book = export(self.project, out, personal=False)
        self.assertEqual(book.sheetnames[-3:], ["Contacts", "Attendance", "Payments"])
        ws = book["Contacts"]
        self.assertEqual([c.value for c in ws[HEADER_ROW]][:5],
                         ["Kind", "Sector", "How", "Contacts", "Partners contacted"])
        expected = collections.Counter()
        partners = collections.defaultdict(set)
        for i, partner in enumerate(self.doc["partners"]):
            for c in partner["contacts"]:
                key = (KINDS[partner.get("kind")], sector_label(partner.get("sector")), METHODS[c["method"]])
                expected[key] += 1
                partners[key].add(i)
        rows = table(ws)
        found = {(r[0], r[1], r[2]): (r[3], r[4]) for r in rows}
        self.assertEqual(len(found), len(rows), "a combination is counted twice")
        self.assertEqual(found, {k: (v, len(partners[k])) for k, v in expected.items()})
        for row in ws.iter_rows(min_row=HEADER_ROW + 1):
            self.assertEqual(row[3].data_type, "n")
        # Nobody is named, and nothing that was said appears.
        text = " ".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None)
        for partner in self.doc["partners"]:
            if partner.get("name"):
                self.assertNotIn(partner["name"], text)
        self.assertNotIn("Talked it through", text)
        self.assertNotIn("Invitation sent", text)
        self.assertEqual(ws.freeze_panes, "A%d" % (HEADER_ROW + 1))
        self.assertIsNotNone(ws.auto_filter.ref)

    def test_each_contact_with_personal_details(self):
        out = os.path.join(self.dir, "personal.xlsx")
        book = export(self.project, out, personal=True)
        ws = book["Contacts"]
        self.assertEqual([c.value for c in ws[HEADER_ROW]][:7],
                         ["Partner", "Date", "How", "Made by", "Summary", "Follow-up date", "Activity"])
        rows = table(ws)
        p0 = self.doc["partners"][0]
        p0_title = "%s, %s" % (p0["name"], p0["organisation"])
        # Newest first within a partner; the undated last.
        self.assertEqual([r[0] for r in rows[:3]], [p0_title] * 3)
        self.assertEqual(rows[0][1], datetime.datetime(2026, 10, 3))
        self.assertEqual(rows[0][2], "Email")
        self.assertEqual(rows[0][4], "Invitation sent")
        self.assertEqual(rows[0][6], "An activity no longer in the log")
        self.assertEqual(rows[1][1], datetime.datetime(2026, 9, 14))
        self.assertEqual(rows[1][5], datetime.datetime(2026, 9, 28))
        self.assertEqual(rows[1][6], self.doc["activities"][0]["title"])
        self.assertIsNone(rows[2][1])
        self.assertEqual(ws.cell(HEADER_ROW + 2, 2).number_format, "dd/mm/yyyy")
        # A summary that looks like a formula is text.
        cell = ws.cell(HEADER_ROW + 4, 5)
        self.assertEqual(cell.value, "=HYPERLINK(\"http://x\")")
        self.assertEqual(cell.data_type, "s")
        self.assertEqual(len(rows), sum(len(p["contacts"]) for p in self.doc["partners"]))

    def test_an_empty_log_says_so(self):
        with open(self.project, encoding="utf-8") as f:
            doc = json.load(f)
        for partner in doc["partners"]:
            partner["contacts"] = []
        empty = os.path.join(self.dir, "empty.coprod")
        with open(empty, "w", encoding="utf-8") as f:
            json.dump(doc, f)
        for personal in (False, True):
            with self.subTest(personal=personal):
                ws = export(empty, os.path.join(self.dir, "empty-%s.xlsx" % personal), personal)["Contacts"]
                self.assertEqual(ws.cell(HEADER_ROW + 1, 1).value,
                                 "No contacts with partners have been logged yet.")
                self.assertEqual(ws.max_row, HEADER_ROW + 1)

    def test_libreoffice_opens_it(self):
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            self.skipTest("LibreOffice (soffice) is not installed")
        book = os.path.join(self.dir, "lo.xlsx")
        export(self.project, book, personal=True)
        outdir = os.path.join(self.dir, "lo-csv")
        env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
        env["HOME"] = self.dir
        # Comma, double quote, UTF-8, from line 1, values as shown, every sheet (-1).
        result = subprocess.run([soffice, "-env:UserInstallation=file://" + os.path.join(self.dir, "profile"),
                                 "--headless", "--norestore", "--convert-to",
                                 "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                                 "--outdir", outdir, book], capture_output=True, text=True, env=env, timeout=180)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(os.path.join(outdir, "lo-Contacts.csv"), encoding="utf-8", newline="") as f:
            rows = [r for r in csv.reader(f)]
        header = rows[HEADER_ROW - 1]
        self.assertEqual(header[:3], ["Partner", "Date", "How"])
        body = rows[HEADER_ROW:]
        self.assertEqual(body[0][1], "03/10/2026")
        self.assertEqual(body[0][4], "Invitation sent")
        self.assertEqual(body[3][4], "=HYPERLINK(\"http://x\")")


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
