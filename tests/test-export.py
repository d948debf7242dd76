#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The sign-off workbook, read back as a manager's software reads it.

    test-export.py COPRODUCE SOURCE_ROOT

Runs `coproduce --export-xlsx` on the example project, a generated project
with every field filled, an empty project and an injection corpus, then
checks with openpyxl (and by reading the XML parts) every sheet: names and
order, values and cell types, number formats, validation, frozen panes,
filters, print set-up, protection and properties; that personal details are
left out unless asked for; that numbers do not change with a decimal-comma
locale; and that a failed export leaves an earlier file untouched.
"""

import datetime
import html
import json
import os
import re
import resource
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile
import zlib

import openpyxl

BINARY = os.path.abspath(sys.argv[1])
SRCDIR = os.path.abspath(sys.argv[2])
EXAMPLE = os.path.join(SRCDIR, "data", "example.coprod")
INJECTION = os.path.join(SRCDIR, "tests", "fixtures", "export-injection.coprod")
sys.path.insert(0, os.path.join(SRCDIR, "bench"))
import generate  # noqa: E402
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import copro_headless  # noqa: E402
from copro_headless import digest, load  # noqa: E402

SHEETS = ["Sign-off", "Plan", "Budget", "Partners", "Partner summary", "Terms of reference",
          "Activities", "Feedback", "Risks", "Actions", "Contacts", "Attendance", "Payments"]
DATE_FORMAT = "dd/mm/yyyy"
MONEY_FORMAT = "£#,##0.00"
DECISIONS = '"Approved,Approved with conditions,Deferred,Rejected"'

SECTORS = {"council": "Council", "health-care": "Health and care",
           "voluntary-community": "Voluntary and community", "community-group": "Community group",
           "lived-experience": "Resident or person with lived experience", "carer": "Carer",
           "business": "Business", "education": "Education", "elected-member": "Elected member",
           "other": "Other"}
LEVELS = {"inform": "Inform", "educate": "Educate", "consult": "Consult", "engage": "Engage",
          "co-design": "Co-design", "co-produce": "Co-produce"}
STATUSES = {"identified": "Identified", "approached": "Approached", "interested": "Interested",
            "active": "Active", "paused": "Paused", "withdrawn": "Withdrawn"}
COST_HEADS = {"advertising": "Advertising", "venue-hire": "Venue hire", "refreshments": "Refreshments",
              "travel-expenses": "Travel and expenses", "payment-for-time": "Payment for time",
              "replacement-care": "Care or replacement care", "translation": "Translation and interpreting",
              "accessible-formats": "Accessible formats", "training": "Training",
              "contingency": "Contingency", "other": "Other"}
TASK_STATUSES = {"not-started": "Not started", "in-progress": "In progress", "done": "Done",
                 "cancelled": "Cancelled"}
FEEDBACK_STATUSES = {"open": "Open", "done": "Done", "not-possible": "Not possible"}
RISK_STATUSES = {"open": "Open", "monitored": "Monitored", "closed": "Closed"}
DECISION_LABELS = {"approved": "Approved", "approved-with-conditions": "Approved with conditions",
                   "deferred": "Deferred", "rejected": "Rejected"}
MEMBER_ROLES = {"chair": "Chair", "deputy-chair": "Deputy chair", "member": "Member",
                "secretariat": "Secretariat"}

# The only formulas in a workbook: both written by the export itself.
CODE_FORMULAS = {("Budget", "SUM"), ("Sign-off", "'Budget'!")}

TEXT_LIMIT = 32767


def run(args, env=None, preexec_fn=None, timeout=300):
    return copro_headless.run(BINARY, args, env=env, preexec_fn=preexec_fn, timeout=timeout)


def export(project, out, personal=False, env=None):
    args = [f"--export-xlsx={out}", project]
    if personal:
        args.insert(0, "--include-personal-data")
    result = run(args, env=env)
    if result.returncode != 0:
        raise AssertionError(f"export failed ({result.returncode}): {result.stderr}")
    return result


def decode_xstring(text):
    """Excel's _xHHHH_ escapes, as Excel and LibreOffice read them (openpyxl
    leaves them, apart from a partial fix-up of _x005F_ in shared strings)."""
    if not isinstance(text, str):
        return text
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def as_written(text):
    """What a cell should show for a piece of user text."""
    return text.replace("\uffff", "\ufffd").replace("\ufffe", "\ufffd")


def utf16_len(text):
    return len(text.encode("utf-16-le")) // 2


def money(pence):
    return pence / 100


def date_of(iso):
    return datetime.datetime.strptime(iso, "%Y-%m-%d") if iso else None


def quadrant(influence, interest):
    if not influence or not interest:
        return None
    if influence >= 3:
        return "Manage closely" if interest >= 3 else "Keep satisfied"
    return "Keep informed" if interest >= 3 else "Monitor"


def decode_png(test, data):
    """The pixels of an 8-bit RGB or RGBA PNG as rows of (r, g, b) tuples,
    checking its signature, every chunk's CRC and the rows' length, as an
    image viewer would before showing it."""
    test.assertTrue(data.startswith(b"\x89PNG\r\n\x1a\n"))
    pos, chunks = 8, []
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        test.assertEqual(zlib.crc32(kind + body), crc, kind)
        chunks.append((kind, body))
        pos += 12 + length
    test.assertEqual(chunks[0][0], b"IHDR")
    test.assertEqual(chunks[-1][0], b"IEND")
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    test.assertEqual((depth, interlace), (8, 0))
    test.assertIn(colour, (2, 6))
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    stride = width * channels
    test.assertEqual(len(raw), height * (1 + stride))
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (1 + stride)], bytearray(raw[y * (1 + stride) + 1:(y + 1) * (1 + stride)])
        test.assertLessEqual(kind, 4)
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return rows


def timeline_picture(test, book):
    """The timeline on the Activities sheet: its alternative text, the row
    (1-based) it is anchored on, and its pixels."""
    sheet = SHEETS.index("Activities") + 1
    rels = book.parts[f"xl/worksheets/_rels/sheet{sheet}.xml.rels"].decode()
    drawing = re.search(r'Target="../drawings/(drawing\d+\.xml)"', rels).group(1)
    xml = book.parts["xl/drawings/" + drawing].decode()
    descr = html.unescape(re.search(r'<xdr:cNvPr [^>]*descr="([^"]*)"', xml).group(1))
    row = int(re.search(r"<xdr:from>.*?<xdr:row>(\d+)</xdr:row>", xml, re.S).group(1)) + 1
    drawing_rels = book.parts[f"xl/drawings/_rels/{drawing}.rels"].decode()
    media = re.search(r'Target="../media/([^"]+)"', drawing_rels).group(1)
    test.assertTrue(media.endswith(".png"))
    return descr, row, decode_png(test, book.parts["xl/media/" + media])


class Book:
    """A workbook, opened twice by openpyxl (formulas, and cached values) and
    as a zip of XML parts."""

    def __init__(self, path):
        self.path = path
        self.wb = openpyxl.load_workbook(path)
        self.values = openpyxl.load_workbook(path, data_only=True)
        with zipfile.ZipFile(path) as z:
            self.parts = {name: z.read(name) for name in z.namelist()}

    def __getitem__(self, name):
        return self.wb[name]

    def header_row(self, name):
        """The row (1-based) of the sheet's filtered table header."""
        ref = self.wb[name].auto_filter.ref
        return int(re.match(r"[A-Z]+(\d+)", ref).group(1))

    def table(self, name):
        """The rows under the header, up to the filter's last row, as lists of cells."""
        ws = self.wb[name]
        first, last = ws.auto_filter.ref.split(":")
        header = int(re.search(r"\d+", first).group())
        end = int(re.search(r"\d+", last).group())
        return [list(row) for row in ws.iter_rows(min_row=header + 1, max_row=end)] if end > header else []

    def column(self, name, label):
        """The cells of the column whose header is @label."""
        ws = self.wb[name]
        header = self.header_row(name)
        labels = [c.value for c in ws[header]]
        index = labels.index(label)
        return [row[index] for row in self.table(name)]

    def labelled(self, name, label, column=2):
        """On a sheet of label/value rows, the value cell beside @label."""
        for row in self.wb[name].iter_rows():
            if row[0].value == label:
                return row[column - 1]
        raise KeyError(label)

    def all_text(self):
        """Every string of every part, decoded."""
        return "\n".join(decode_xstring(data.decode("utf-8", "replace")) for name, data in self.parts.items()
                         if name.endswith(".xml") or name.endswith(".rels"))


class ExampleExport(unittest.TestCase):
    """The example project: every sheet, checked against the project file."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="copro-export-")
        cls.project = load(EXAMPLE)
        cls.out = os.path.join(cls.dir, "sign-off.xlsx")
        cls.result = export(EXAMPLE, cls.out)
        cls.book = Book(cls.out)
        check = run(["--check", EXAMPLE])
        cls.findings = [line for line in check.stdout.splitlines() if line]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def test_command_says_what_it_did(self):
        self.assertEqual(self.result.stderr, "")
        self.assertIn("sign-off.xlsx", self.result.stdout)
        self.assertIn("without email addresses or phone numbers", self.result.stdout)
        self.assertEqual(os.listdir(self.dir), ["sign-off.xlsx"])

    def test_sheet_names_and_order(self):
        self.assertEqual(self.book.wb.sheetnames, SHEETS)

    def test_properties(self):
        overview = self.project["overview"]
        props = self.book.wb.properties
        self.assertEqual(props.title, overview["title"])
        self.assertEqual(props.subject, "Sign-off workbook of a co-production project")
        self.assertEqual(props.creator, overview["lead_name"])
        self.assertEqual(props.keywords, overview["reference"])
        self.assertEqual(props.category, "Co-production")
        now = datetime.datetime.utcnow()
        self.assertLess(abs((props.created - now).total_seconds()), 600)
        app = ET.fromstring(self.book.parts["docProps/app.xml"])
        ns = {"ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"}
        self.assertEqual(app.find("ep:Company", ns).text, overview["service_area"])
        self.assertEqual(app.find("ep:Manager", ns).text, overview["sponsor"])

    def test_print_setup(self):
        today = datetime.date.today()
        days = {(today + datetime.timedelta(days=d)).strftime("%d/%m/%Y") for d in (-1, 0, 1)}
        for ws in self.book.wb:
            with self.subTest(sheet=ws.title):
                self.assertEqual(ws.page_setup.orientation, "landscape")
                self.assertEqual(str(ws.page_setup.paperSize), "9")   # A4
                self.assertTrue(ws.sheet_properties.pageSetUpPr.fitToPage)
                self.assertIn(ws.page_setup.fitToWidth, (None, 1, "1"))   # 1 is the default
                self.assertEqual(str(ws.page_setup.fitToHeight), "0")
                self.assertEqual(ws.oddHeader.left.text, self.project["overview"]["title"])
                self.assertEqual(ws.oddHeader.right.text, "&A")
                self.assertEqual(ws.oddFooter.right.text, "Page &P of &N")
                self.assertIn(ws.oddFooter.left.text.replace("Exported on ", ""), days)
                self.assertIsNotNone(ws.print_title_rows)
                header = self.book.header_row(ws.title)
                self.assertIn(f"${header}", ws.print_title_rows)

    def test_tables_have_bold_frozen_filtered_headers(self):
        for ws in self.book.wb:
            with self.subTest(sheet=ws.title):
                header = self.book.header_row(ws.title)
                cells = [c for c in ws[header] if c.value is not None]
                self.assertGreater(len(cells), 1)
                for cell in cells:
                    self.assertTrue(cell.font.b, f"{cell.coordinate} is not bold")
                if ws.title == "Sign-off":
                    # A form with the list of checks last: nothing frozen.
                    self.assertIsNone(ws.freeze_panes)
                else:
                    self.assertEqual(ws.freeze_panes, f"A{header + 1}")
                first, last = ws.auto_filter.ref.split(":")
                self.assertEqual(first, f"A{header}")
                self.assertEqual(int(re.search(r"\d+", last).group()),
                                 header + len(self.book.table(ws.title)))
                self.assertEqual(re.match(r"[A-Z]+", last).group(), cells[-1].column_letter)

    def test_column_widths_fit(self):
        for ws in self.book.wb:
            header = self.book.header_row(ws.title)
            for cell in ws[header]:
                if cell.value is None:
                    continue
                with self.subTest(sheet=ws.title, column=cell.value):
                    width = ws.column_dimensions[cell.column_letter].width
                    self.assertGreaterEqual(width, 6)
                    self.assertLessEqual(width, 82)
                    # The data fits (a long header may wrap onto two lines).
                    data = [shown_width(c) for c in ws[cell.column_letter]
                            if c.value is not None and c.row > header and c.data_type != "f"]
                    longest = max(data, default=0)
                    # Short columns fit their text; long text is wrapped instead.
                    self.assertGreaterEqual(width, min(longest, 30))

    def test_long_text_wraps(self):
        for name, label in [("Plan", "Answer"), ("Partners", "Notes"), ("Risks", "Mitigation"),
                            ("Feedback", "You said")]:
            for cell in self.book.column(name, label):
                if isinstance(cell.value, str):
                    self.assertTrue(cell.alignment.wrap_text, f"{name}!{cell.coordinate}")

    def test_sign_off_overview(self):
        overview = self.project["overview"]
        b = self.book
        self.assertEqual(b["Sign-off"]["A1"].value, "Sign-off: " + overview["title"])
        self.assertEqual(b.labelled("Sign-off", "Project title").value, overview["title"])
        self.assertEqual(b.labelled("Sign-off", "Reference number").value, overview["reference"])
        self.assertEqual(b.labelled("Sign-off", "Lead officer").value, overview["lead_name"])
        self.assertEqual(b.labelled("Sign-off", "Short summary").value, overview["summary"])
        self.assertEqual(b.labelled("Sign-off", "Current step").value, "4. Co-design the activities")
        self.assertEqual(b.labelled("Sign-off", "Target level of involvement").value, "Co-produce")
        for label, key in [("Start date", "start_date"), ("End date", "end_date")]:
            cell = b.labelled("Sign-off", label)
            self.assertEqual(cell.value, date_of(overview[key]))
            self.assertEqual(cell.number_format, DATE_FORMAT)
        with self.assertRaises(KeyError):
            b.labelled("Sign-off", "Lead officer’s email")
        self.assertTrue(b.labelled("Sign-off", "Personal details").value.startswith("Left out"))
        exported = b.labelled("Sign-off", "Exported on")
        self.assertEqual(exported.number_format, DATE_FORMAT)
        self.assertLess(abs((exported.value.date() - datetime.date.today()).days), 2)

    def test_sign_off_request(self):
        signoff = self.project["signoff"]
        cell = self.book.labelled("Sign-off", "Sign-off requested on")
        self.assertEqual(cell.value, date_of(signoff["requested"]))
        self.assertEqual(cell.number_format, DATE_FORMAT)
        self.assertEqual(self.book.labelled("Sign-off", "Sign-off asked of").value, signoff["requested_from"])

    def test_sign_off_budget_total_is_a_formula(self):
        total = sum(line["amount"] for line in self.project["plan"]["resources"]["budget_lines"])
        n = len(self.project["plan"]["resources"]["budget_lines"])
        cell = self.book.labelled("Sign-off", "Budget total")
        self.assertEqual(cell.value, f"='Budget'!C{4 + n}")
        self.assertEqual(cell.number_format, MONEY_FORMAT)
        cached = self.book.values["Sign-off"][cell.coordinate].value
        self.assertAlmostEqual(cached, money(total))

    def test_sign_off_checks(self):
        problems = [f for f in self.findings if f.startswith("problem ")]
        advice = [f for f in self.findings if f.startswith("advice ")]
        self.assertEqual(self.book.labelled("Sign-off", "Problems found").value, len(problems))
        self.assertEqual(self.book.labelled("Sign-off", "Advice").value, len(advice))
        rows = self.book.table("Sign-off")
        self.assertEqual(len(rows), len(self.findings))
        for row, line in zip(rows, self.findings):
            severity, rest = line.split(" ", 1)
            message = rest.split(": ", 1)[1]
            self.assertEqual(row[0].value, "Problem" if severity == "problem" else "Advice")
            self.assertEqual(row[2].value, message)
            self.assertIn(row[3].value, SHEETS)
        # Each finding says why its rule matters: the toolkit's rule in our
        # words, naming the part of the toolkit it comes from.
        header = self.book.header_row("Sign-off")
        self.assertEqual([c.value for c in self.book["Sign-off"][header]][:5],
                         ["Severity", "What is checked", "Finding", "Sheet", "Why"])
        for row, line in zip(rows, self.findings):
            why = row[4].value
            self.assertIsInstance(why, str)
            self.assertRegex(why, r"^(Step [1-6]|Spectrum of involvement|Principles|The four principles"
                                  r"|Challenges of co-production|Appendix [1-4])[,:] .+\.$")
        # A rule broken in many places is one row: the example has two
        # activities with feedback still open after they ended.
        keys = [line.split(" ", 2)[1].rstrip(":") for line in self.findings]
        once = [k for k in keys if k not in ("principle-unanswered", "coproduce-steps-lower")]
        self.assertEqual(len(once), len(set(once)))
        self.assertIn("advice feedback-open-late: 2 activities have ended with feedback still open.", self.findings)

    def test_sign_off_approvals_block(self):
        ws = self.book["Sign-off"]
        header = next(row for row in ws.iter_rows() if [c.value for c in row[:5]] ==
                      ["Name", "Role", "Decision", "Date", "Conditions"])
        first = header[0].row + 1
        approvals = self.project["approvals"]
        for i, approval in enumerate(approvals):
            row = ws[first + i]
            self.assertEqual(row[0].value, approval["name"])
            self.assertEqual(row[1].value, approval["role"])
            self.assertEqual(row[2].value, DECISION_LABELS[approval["decision"]])
            self.assertEqual(row[3].value, date_of(approval["date"]))
            self.assertEqual(row[3].number_format, DATE_FORMAT)
            self.assertTrue(row[0].protection.locked)
        blank_first = first + len(approvals)
        for r in range(blank_first, blank_first + 5):
            for cell in ws[r][:5]:
                self.assertIsNone(cell.value)
                self.assertFalse(cell.protection.locked, f"{cell.coordinate} should be open to the manager")
            self.assertEqual(ws[r][3].number_format, DATE_FORMAT)
        # Everything else stays locked.
        self.assertTrue(ws["A1"].protection.locked)
        self.assertTrue(ws[blank_first + 5][0].protection.locked)

        validations = {dv.type: dv for dv in ws.data_validations.dataValidation}
        decision = validations["list"]
        self.assertEqual(decision.formula1, DECISIONS)
        self.assertEqual(str(decision.sqref), f"C{first}:C{blank_first + 4}")
        date = validations["date"]
        self.assertEqual(str(date.sqref), f"D{blank_first}:D{blank_first + 4}")

        self.assertTrue(ws.protection.sheet)
        self.assertIsNone(ws.protection.password)
        self.assertFalse(ws.protection.autoFilter)   # the filter still works

    def test_plan(self):
        plan = self.project["plan"]
        rows = [[c.value for c in row] for row in self.book.table("Plan")]
        answers = {(r[1], r[2]): r[3] for r in rows}
        outline = plan["outline"]
        self.assertEqual(answers[("Outline", "What do we want to achieve?")], outline["aims"])
        self.assertEqual(answers[("Outline", "Management support")], "Confirmed")
        self.assertEqual(answers[("Intended level for each step", "4. Co-design the activities")],
                         LEVELS[outline["step_levels"]["co_design"]])
        self.assertEqual(answers[("Compliance checklist", "Safeguarding: Status")],
                         {"not-started": "Not started", "in-progress": "In progress", "done": "Done",
                          "not-applicable": "Not applicable"}[plan["resources"]["compliance"]["safeguarding"]["status"]])
        self.assertEqual(answers[("Equality", "How the project will meet it")], plan["principles"]["equality"]["how"])
        self.assertEqual(answers[("Evaluation", "How results are shared")], plan["evaluation"]["sharing_results"])
        self.assertEqual(answers[("Recruitment checklist", "Who does the project affect?")],
                         self.project["recruitment"]["affected"])
        self.assertEqual(answers[("Reflection", "The difference the involvement made")],
                         self.project["reflection"]["difference"])
        total = [r for r in rows if r[2] == "Budget total (see the Budget sheet)"][0]
        self.assertAlmostEqual(total[3], money(sum(l["amount"] for l in plan["resources"]["budget_lines"])))
        # Grouped by step, in the order of the steps.
        steps = []
        for r in rows:
            if not steps or steps[-1] != r[0]:
                steps.append(r[0])
        self.assertEqual(steps, ["1. Identify and outline", "2. Resources and compliance", "3. Recruit the group",
                                 "Principles (every step)", "4. Co-design the activities", "5. Co-deliver",
                                 "6. Co-evaluate"])
        n_communications = len(plan["communications"])
        self.assertEqual(len([r for r in rows if r[2].startswith("Communication ")]), 5 * n_communications)

    def test_budget(self):
        lines = self.project["plan"]["resources"]["budget_lines"]
        rows = self.book.table("Budget")
        self.assertEqual(len(rows), len(lines))
        for row, line in zip(rows, lines):
            self.assertEqual(row[0].value, COST_HEADS[line["cost_head"]])
            self.assertEqual(row[1].value, line["description"])
            self.assertEqual(row[2].data_type, "n")
            self.assertAlmostEqual(row[2].value, money(line["amount"]))
            self.assertEqual(row[2].number_format, MONEY_FORMAT)
            self.assertEqual(row[3].value, line["funding_source"])
            self.assertEqual(row[4].value, line["cost_code"])
        ws = self.book["Budget"]
        total_row = 4 + len(lines)
        self.assertEqual(ws[f"A{total_row}"].value, "Total")
        self.assertEqual(ws[f"C{total_row}"].value, f"=SUM(C4:C{total_row - 1})")
        self.assertEqual(ws[f"C{total_row}"].number_format, MONEY_FORMAT)
        self.assertTrue(ws[f"C{total_row}"].font.b)
        self.assertAlmostEqual(self.book.values["Budget"][f"C{total_row}"].value,
                               money(sum(l["amount"] for l in lines)))

    def test_partners(self):
        partners = self.project["partners"]
        b = self.book
        header = [c.value for c in b["Partners"][b.header_row("Partners")]]
        self.assertNotIn("Email", header)
        self.assertNotIn("Phone", header)
        self.assertEqual(header[:5], ["Name", "Organisation", "Kind", "Role", "Sector"])
        rows = b.table("Partners")
        self.assertEqual(len(rows), len(partners))
        col = {label: i for i, label in enumerate(header)}
        for row, p in zip(rows, partners):
            self.assertEqual(row[col["Name"]].value or "", p["name"])
            self.assertEqual(row[col["Organisation"]].value or "", p["organisation"])
            self.assertEqual(row[col["Sector"]].value, SECTORS.get(p["sector"]))
            for key, label in [("influence", "Influence"), ("interest", "Interest")]:
                cell = row[col[label]]
                self.assertEqual(cell.value, p[key])
                if p[key] is not None:
                    self.assertEqual(cell.data_type, "n")
            self.assertEqual(row[col["Map quadrant"]].value, quadrant(p["influence"], p["interest"]))
            self.assertEqual(row[col["Intended level"]].value, LEVELS.get(p["level"]))
            self.assertEqual(row[col["Status"]].value, STATUSES.get(p["status"]))
            self.assertEqual(row[col["Eligible for remuneration"]].value,
                             "Yes" if p["remuneration_eligible"] else "No")
            for key, label in [("consent_date", "Consent date"), ("review_date", "Review or deletion date")]:
                cell = row[col[label]]
                self.assertEqual(cell.value, date_of(p[key]))
                if p[key]:
                    self.assertEqual(cell.number_format, DATE_FORMAT)
            rate = row[col["Rate"]]
            self.assertAlmostEqual(rate.value, money(p["remuneration_rate"]))
            self.assertEqual(rate.number_format, MONEY_FORMAT)

    def test_partner_summary(self):
        partners = self.project["partners"]
        b = self.book
        ws = b["Partner summary"]
        header_row = b.header_row("Partner summary")
        header = [c.value for c in ws[header_row]]
        self.assertEqual(header[0], "Sector")
        self.assertEqual(header[1], "Partners")
        self.assertEqual(ws.cell(header_row - 1, 3).value, "Intended level")
        self.assertEqual(ws.print_title_rows, f"${header_row - 1}:${header_row}")
        levels = list(LEVELS) + [None]
        statuses = list(STATUSES) + [None]
        self.assertEqual(header[2:], [LEVELS[k] for k in LEVELS] + ["Not set"] +
                         [STATUSES[k] for k in STATUSES] + ["Not set"])
        rows = b.table("Partner summary")
        self.assertEqual(len(rows), len(SECTORS) + 1)
        for row, sector in zip(rows, list(SECTORS) + [None]):
            mine = [p for p in partners if p["sector"] == sector]
            self.assertEqual(row[0].value, SECTORS[sector] if sector else "No sector")
            self.assertEqual(row[1].value, len(mine))
            for i, level in enumerate(levels):
                self.assertEqual(row[2 + i].value, len([p for p in mine if p["level"] == level]))
            for i, status in enumerate(statuses):
                self.assertEqual(row[2 + len(levels) + i].value, len([p for p in mine if p["status"] == status]))
        totals = ws[header_row + len(rows) + 1]
        self.assertEqual(totals[0].value, "All sectors")
        self.assertEqual(totals[1].value, len(partners))
        # The map, as a picture anchored on this sheet: 960 × 600 on white,
        # with the dots of the partners' sectors on it.
        self.assertIn("xl/media/image1.png", b.parts)
        pixels = decode_png(self, b.parts["xl/media/image1.png"])
        self.assertEqual((len(pixels[0]), len(pixels)), (960, 600))
        self.assertEqual(pixels[0][0], (255, 255, 255))
        colours = {pixel for row in pixels for pixel in row}
        self.assertGreater(len(colours), 20)
        rels = b.parts["xl/worksheets/_rels/sheet5.xml.rels"].decode()
        self.assertIn("drawing", rels)
        self.assertIn(b"partners placed by influence and interest", b.parts["xl/drawings/drawing1.xml"])

    def test_timeline(self):
        """The timeline under the activities: described, drawn with a bar in
        the colour of every level the activities plan."""
        activities = self.project["activities"]
        descr, row, pixels = timeline_picture(self, self.book)
        self.assertTrue(descr.startswith(f"{len(activities)} activities from "), descr)
        self.assertIn("Levels planned:", descr)
        ws = self.book["Activities"]
        self.assertGreater(row, self.book.header_row("Activities") + len(activities))
        self.assertEqual(ws.cell(row - 2, 1).value, "Timeline")
        self.assertEqual(len(pixels[0]), 960)
        # A row for each activity, and the bands of the six steps.
        self.assertGreater(len(pixels), 20 * (len(activities) + 6))
        self.assertEqual(pixels[0][0], (255, 255, 255))
        colours = {p for line in pixels for p in line}
        palette = {"inform": (0xFD, 0xE7, 0x25), "educate": (0x7A, 0xD1, 0x51), "consult": (0x22, 0xA8, 0x84),
                   "engage": (0x2A, 0x78, 0x8E), "co-design": (0x41, 0x44, 0x87), "co-produce": (0x44, 0x01, 0x54)}
        for level in {a.get("level_planned") for a in activities if a.get("level_planned")}:
            self.assertIn(palette[level], colours, level)

    def test_terms_of_reference(self):
        terms = self.project["terms_of_reference"]
        rows = [[c.value for c in row] for row in self.book.table("Terms of reference")]
        items = {r[0]: r[1] for r in rows}
        self.assertEqual(items["Group name"], terms["group_name"])
        self.assertEqual(items["Purpose"], terms["purpose"])
        self.assertEqual(items["Date of next review"], date_of(terms["review_date"]))
        members = [r for r in rows if r[0].startswith("Member")]
        self.assertEqual(len(members), len(terms["members"]))
        by_id = {p["id"]: p for p in self.project["partners"]}
        for row, member in zip(members, terms["members"]):
            self.assertEqual(row[0], "Member: " + MEMBER_ROLES[member["role"]])
            self.assertIn(by_id[member["partner"]]["name"] or by_id[member["partner"]]["organisation"], row[1])

    def test_activities_and_feedback(self):
        activities = self.project["activities"]
        rows = self.book.table("Activities")
        self.assertEqual(len(rows), len(activities))
        header = [c.value for c in self.book["Activities"][self.book.header_row("Activities")]]
        col = {label: i for i, label in enumerate(header)}
        for row, a in zip(rows, activities):
            self.assertEqual(row[col["Title"]].value, a["title"])
            self.assertEqual(row[col["Start date"]].value, date_of(a["start_date"]))
            self.assertEqual(row[col["Start date"]].number_format, DATE_FORMAT)
            self.assertEqual(row[col["People taking part"]].value, a["participants"])
            self.assertAlmostEqual(row[col["Cost"]].value, money(a["cost"]))
            self.assertEqual(row[col["Cost"]].number_format, MONEY_FORMAT)
            self.assertEqual(row[col["Feedback items"]].value, len(a["feedback"]))
            self.assertEqual(row[col["Feedback still open"]].value,
                             len([f for f in a["feedback"] if f["status"] in (None, "open")]))
        feedback = [(a, f) for a in activities for f in a["feedback"]]
        rows = self.book.table("Feedback")
        self.assertEqual(len(rows), len(feedback))
        for row, (a, f) in zip(rows, feedback):
            self.assertEqual([c.value or "" for c in row[:4]], [a["title"], f["we_asked"], f["you_said"], f["we_did"]])
            self.assertEqual(row[4].value, FEEDBACK_STATUSES.get(f["status"]))

    def test_risks(self):
        risks = self.project["risks"]
        rows = self.book.table("Risks")
        self.assertEqual(len(rows), len(risks))
        for row, r in zip(rows, risks):
            score = r["likelihood"] * r["impact"]
            self.assertEqual(row[0].value, r["description"])
            self.assertEqual(row[3].value, score)
            self.assertEqual(row[3].data_type, "n")
            self.assertEqual(row[4].value, "High" if score >= 15 else "Medium" if score >= 8 else "Low")
            self.assertEqual(row[7].value, RISK_STATUSES[r["status"]])
        ws = self.book["Risks"]
        header = self.book.header_row("Risks")
        rules = []
        for cf in ws.conditional_formatting:
            self.assertEqual(str(cf.sqref), f"D{header + 1}:D{header + len(risks)}")
            rules += [(rule.type, rule.operator, rule.formula) for rule in cf.rules]
        self.assertEqual(rules, [("cellIs", "greaterThanOrEqual", ["15"]),
                                 ("cellIs", "between", ["8", "14"]),
                                 ("cellIs", "between", ["1", "7"])])
        styles = self.book.parts["xl/styles.xml"].decode()
        for fill in ("FFFFC7CE", "FFFFEB9C", "FFC6EFCE"):   # red, amber, green
            self.assertIn(fill, styles)

    def test_actions(self):
        actions = self.project["plan"]["delivery"]["actions"]
        rows = self.book.table("Actions")
        self.assertEqual(len(rows), len(actions))
        for row, a in zip(rows, actions):
            self.assertEqual(row[0].value, a["description"])
            self.assertEqual(row[2].value, date_of(a["due_date"]))
            self.assertEqual(row[3].value, TASK_STATUSES[a["status"]])

    def test_every_part_is_well_formed_xml(self):
        for name, data in self.book.parts.items():
            if name.endswith(".xml") or name.endswith(".rels"):
                ET.fromstring(data)

    def test_only_code_writes_formulas(self):
        check_formulas(self, self.book)


def shown_width(cell):
    """About how many characters a cell shows on its longest line."""
    value = cell.value
    if isinstance(value, datetime.datetime):
        return 10
    if isinstance(value, (int, float)) and cell.number_format == MONEY_FORMAT:
        return len(f"£{value:,.2f}")
    if isinstance(value, float) and value.is_integer():
        return len(str(int(value)))
    return max(len(line) for line in str(value).split("\n"))


def check_formulas(test, book):
    found = set()
    for ws in book.wb:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    kind = "SUM" if cell.value.startswith("=SUM(") else "'Budget'!" if cell.value.startswith("='Budget'!") else cell.value
                    found.add((ws.title, kind))
    test.assertEqual(found, CODE_FORMULAS)
    n = sum(len(re.findall(rb"<f>", data)) for name, data in book.parts.items() if name.startswith("xl/worksheets/"))
    # The budget's two totals (planned, spent) and Sign-off's two references to them.
    test.assertEqual(n, 4)


class MaximalExport(unittest.TestCase):
    """A generated project with every field filled, with and without
    personal details, and under a decimal-comma locale."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="copro-export-")
        cls.project_path = os.path.join(cls.dir, "maximal.coprod")
        cls.project = generate.make_project(n_partners=150, n_activities=12, n_feedback=3, seed=3)
        generate.write_project(cls.project_path, cls.project)
        cls.out = os.path.join(cls.dir, "maximal.xlsx")
        export(cls.project_path, cls.out)
        cls.book = Book(cls.out)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def personal_details(self):
        details = {self.project["overview"]["lead_email"]}
        for p in self.project["partners"]:
            details.update(v for v in (p["email"], p["phone"]) if v)
        return details

    def test_no_personal_details_anywhere(self):
        text = self.book.all_text()
        for detail in self.personal_details():
            self.assertNotIn(detail, text)
        for ws in self.book.wb:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str):
                        self.assertNotIn("@example.org", cell.value, f"{ws.title}!{cell.coordinate}")

    def test_personal_details_when_asked(self):
        out = os.path.join(self.dir, "personal.xlsx")
        result = export(self.project_path, out, personal=True)
        self.assertIn("with email addresses and phone numbers", result.stdout)
        book = Book(out)
        self.assertEqual([c.value for c in book.column("Partners", "Email")],
                         [p["email"] for p in self.project["partners"]])
        self.assertEqual([c.value for c in book.column("Partners", "Phone")],
                         [p["phone"] for p in self.project["partners"]])
        self.assertEqual(book.labelled("Sign-off", "Lead officer’s email").value,
                         self.project["overview"]["lead_email"])
        self.assertTrue(book.labelled("Sign-off", "Personal details").value.startswith("Included"))
        self.assertIn("email addresses and phone numbers", book["Partners"]["A2"].value)
        # Everything else is the same as without them (the Contacts sheet
        # lists contacts instead of counting them: test-export-contacts.py).
        for name in SHEETS:
            # Contacts, Attendance and Payments name people only with personal
            # details (tests/test-export-contacts.py, test-export-attendance.py).
            if name in ("Sign-off", "Partners", "Contacts", "Attendance", "Payments"):
                continue
            self.assertEqual(sheet_values(book, name), sheet_values(self.book, name), name)

    def test_money_keeps_its_pence(self):
        rows = self.book.table("Budget")
        for row, line in zip(rows, self.project["plan"]["resources"]["budget_lines"]):
            self.assertEqual(row[2].value, line["amount"] / 100)

    def test_decimal_comma_locale_changes_nothing(self):
        locale_env = decimal_comma_locale(self.dir)
        probe = subprocess.run(["/usr/bin/python3", "-c",
                                "import locale; locale.setlocale(locale.LC_ALL, ''); "
                                "print(locale.localeconv()['decimal_point'])"],
                               capture_output=True, text=True, env={**os.environ, **locale_env})
        self.assertEqual(probe.stdout.strip(), ",", f"{locale_env} is not a decimal-comma locale: {probe.stderr}")
        out = os.path.join(self.dir, "comma.xlsx")
        export(self.project_path, out, env=locale_env)
        book = Book(out)
        for name in SHEETS:
            self.assertEqual(sheet_values(book, name), sheet_values(self.book, name), name)
        # Every number in the XML, values and column widths alike, has a point;
        # the budget has pence, so there are decimals to get wrong.
        for part, data in book.parts.items():
            if part.startswith("xl/worksheets/sheet"):
                self.assertIsNone(re.search(rb"<v>-?\d+,\d+</v>", data), part)
                self.assertIsNone(re.search(rb'width="\d+,\d+"', data), part)
        self.assertIsNotNone(re.search(rb"<v>\d+\.\d+</v>", book.parts["xl/worksheets/sheet3.xml"]))

    def test_only_code_writes_formulas(self):
        check_formulas(self, self.book)


def sheet_values(book, name):
    return [[(c.value, c.data_type, c.number_format) for c in row] for row in book[name].iter_rows()]


def decimal_comma_locale(workdir):
    """LC_ALL for a German locale: the system's if installed, else one
    compiled into @workdir with localedef (Debian's `locales` package)."""
    available = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    for name in ("de_DE.utf8", "fr_FR.utf8", "de_DE.UTF-8", "fr_FR.UTF-8"):
        if name in available:
            return {"LC_ALL": name}
    path = os.path.join(workdir, "locales")
    os.makedirs(path, exist_ok=True)
    result = subprocess.run(["localedef", "-i", "de_DE", "-f", "UTF-8", os.path.join(path, "de_DE.UTF-8")],
                            capture_output=True, text=True)
    if result.returncode not in (0, 1) or not os.path.isdir(os.path.join(path, "de_DE.UTF-8")):
        raise AssertionError("No decimal-comma locale: install Debian's `locales` package "
                             f"(localedef said: {result.stderr.strip()})")
    return {"LC_ALL": "de_DE.UTF-8", "LOCPATH": path}


class InjectionExport(unittest.TestCase):
    """Text that looks like formulas, numbers, dates or markup stays text."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="copro-export-")
        cls.project = load(INJECTION)
        cls.out = os.path.join(cls.dir, "injection.xlsx")
        export(INJECTION, cls.out)
        cls.book = Book(cls.out)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def assert_text_column(self, sheet, label, values):
        cells = self.book.column(sheet, label)
        self.assertEqual(len(cells), len(values))
        for cell, value in zip(cells, values):
            if not value:
                self.assertIsNone(cell.value)
                continue
            self.assertEqual(cell.data_type, "s", f"{sheet}!{cell.coordinate}")
            shown = decode_xstring(cell.value)
            if utf16_len(value) > TEXT_LIMIT:
                self.assert_cut(shown, value)
            else:
                self.assertEqual(shown, as_written(value), f"{sheet}!{cell.coordinate}")

    def assert_cut(self, shown, value):
        self.assertLessEqual(utf16_len(shown), TEXT_LIMIT)
        marker = shown.index(" […cut here")
        self.assertTrue(value.startswith(shown[:marker]))
        self.assertGreater(utf16_len(shown[:marker]), TEXT_LIMIT - 300)
        self.assertIn(str(utf16_len(value)), shown[marker:])
        self.assertTrue(shown.endswith("is in the project file.]"))

    def test_partners(self):
        partners = self.project["partners"]
        for label, key in [("Name", "name"), ("Organisation", "organisation"), ("Role", "role"),
                           ("Other needs", "access_notes"), ("Language", "language"), ("Notes", "notes")]:
            with self.subTest(column=label):
                self.assert_text_column("Partners", label, [p[key] for p in partners])

    def test_long_text_is_cut_with_a_marker(self):
        summary = self.project["overview"]["summary"]
        self.assertGreater(len(summary), TEXT_LIMIT)
        cell = self.book.labelled("Sign-off", "Short summary")
        self.assert_cut(decode_xstring(cell.value), summary)
        # Characters outside the BMP count twice, and are never split.
        notes = self.book.column("Partners", "Notes")[0].value
        self.assertLessEqual(utf16_len(notes), TEXT_LIMIT)
        self.assertTrue(notes.startswith("🙂" * 100))
        notes.encode("utf-16-le")   # no lone surrogate

    def test_lists(self):
        p = self.project
        self.assert_text_column("Budget", "Description", [l["description"] for l in p["plan"]["resources"]["budget_lines"]])
        self.assert_text_column("Budget", "Cost code", [l["cost_code"] for l in p["plan"]["resources"]["budget_lines"]])
        self.assert_text_column("Risks", "Risk", [r["description"] for r in p["risks"]])
        self.assert_text_column("Risks", "Owner", [r["owner"] for r in p["risks"]])
        self.assert_text_column("Risks", "Mitigation", [r["mitigation"] for r in p["risks"]])
        self.assert_text_column("Actions", "Action", [a["description"] for a in p["plan"]["delivery"]["actions"]])
        self.assert_text_column("Activities", "Title", [a["title"] for a in p["activities"]])
        self.assert_text_column("Activities", "Lessons learned", [a["lessons"] for a in p["activities"]])
        feedback = [f for a in p["activities"] for f in a["feedback"]]
        for label, key in [("We asked", "we_asked"), ("You said", "you_said"), ("We did", "we_did"),
                           ("Why it was not possible", "reason")]:
            self.assert_text_column("Feedback", label, [f[key] for f in feedback])

    def test_plan_and_terms(self):
        rows = self.book.table("Plan")
        answers = {(r[1].value, r[2].value): r[3] for r in rows}
        outline = self.project["plan"]["outline"]
        for key, question in [("aims", "What do we want to achieve?"), ("barriers", "Barriers or challenges foreseen"),
                              ("management_support_who", "Who gives management support")]:
            cell = answers[("Outline", question)]
            self.assertEqual(cell.data_type, "s")
            self.assertEqual(decode_xstring(cell.value), as_written(outline[key]))
        items = {r[0].value: r[1] for r in self.book.table("Terms of reference")}
        terms = self.project["terms_of_reference"]
        for key, label in [("group_name", "Group name"), ("quorum", "Quorum"), ("ground_rules", "Ground rules")]:
            self.assertEqual(items[label].data_type, "s")
            self.assertEqual(decode_xstring(items[label].value), as_written(terms[key]))

    def test_sign_off(self):
        overview = self.project["overview"]
        for label, key in [("Project title", "title"), ("Reference number", "reference"),
                           ("Service area", "service_area"), ("Lead officer", "lead_name"),
                           ("Sponsor or manager", "sponsor")]:
            cell = self.book.labelled("Sign-off", label)
            self.assertEqual(cell.data_type, "s")
            self.assertEqual(decode_xstring(cell.value), as_written(overview[key]))
        ws = self.book["Sign-off"]
        names = [decode_xstring(c.value) for c in ws["A"] if c.value is not None]
        for approval in self.project["approvals"]:
            self.assertIn(as_written(approval["name"]), names)
        # The header escapes the title's ampersand.
        self.assertEqual(ws.oddHeader.left.text, overview["title"].replace("&", "&&"))

    def test_dates_excel_cannot_hold_stay_text(self):
        dates = self.book.column("Partners", "Consent date")
        self.assertEqual(dates[1].value, "1899-12-31")
        self.assertEqual(dates[1].data_type, "s")
        self.assertEqual(dates[2].value, "1900-02-28")
        self.assertEqual(dates[3].value, datetime.datetime(1900, 3, 1))
        self.assertEqual(dates[3].number_format, DATE_FORMAT)

    def test_only_code_writes_formulas(self):
        check_formulas(self, self.book)

    def test_every_part_is_well_formed_xml(self):
        for name, data in self.book.parts.items():
            if name.endswith(".xml") or name.endswith(".rels"):
                ET.fromstring(data)


class EmptyExport(unittest.TestCase):
    """A project with nothing in it still has every sheet, each saying so."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="copro-export-")
        cls.project = os.path.join(cls.dir, "empty.coprod")
        with open(cls.project, "w") as f:
            json.dump({"format": "coproduce-project", "format_version": 1}, f)
        cls.out = os.path.join(cls.dir, "empty.xlsx")
        export(cls.project, cls.out)
        cls.book = Book(cls.out)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def test_every_sheet_is_there(self):
        self.assertEqual(self.book.wb.sheetnames, SHEETS)
        self.assertEqual(self.book["Sign-off"]["A1"].value, "Sign-off: Untitled project")

    def test_empty_tables_say_so(self):
        messages = {
            "Budget": "There are no budget lines yet.",
            "Partners": "There are no partners in the register yet.",
            "Activities": "No activities have been logged yet.",
            "Feedback": "No feedback has been recorded yet.",
            "Risks": "No risks have been recorded yet.",
            "Actions": "No actions have been planned yet.",
            "Attendance": "No attendance has been recorded yet.",
            "Payments": "No payments or expenses have been recorded yet.",
        }
        for name, message in messages.items():
            with self.subTest(sheet=name):
                ws = self.book[name]
                header = self.book.header_row(name)
                self.assertEqual(ws.auto_filter.ref.split(":")[1][1:], str(header))
                self.assertEqual(ws.cell(header + 1, 1).value, message)
                self.assertTrue(ws.cell(header + 1, 1).font.i)
        members = [r for r in self.book.table("Terms of reference") if r[0].value == "Members"]
        self.assertEqual(members[0][1].value, "No members yet.")

    def test_timeline_says_there_is_nothing(self):
        descr, row, pixels = timeline_picture(self, self.book)
        self.assertEqual(descr, "The timeline is empty: no activities have been added yet.")
        self.assertGreater(row, self.book.header_row("Activities") + 1)
        self.assertEqual(len(pixels[0]), 960)
        self.assertGreater(len({p for line in pixels for p in line}), 2)

    def test_budget_total_is_zero(self):
        ws = self.book["Budget"]
        self.assertEqual(ws["A5"].value, "Total")
        self.assertEqual(ws["C5"].value, "=SUM(C4:C4)")
        self.assertEqual(self.book.values["Budget"]["C5"].value, 0)

    def test_summary_counts_are_zero_and_map_is_drawn(self):
        for row in self.book.table("Partner summary"):
            self.assertEqual([c.value for c in row[1:]], [0] * (len(row) - 1))
        self.assertIn("xl/media/image1.png", self.book.parts)
        # The empty grid: white, with lines and the quadrants' names.
        pixels = decode_png(self, self.book.parts["xl/media/image1.png"])
        self.assertEqual((len(pixels[0]), len(pixels)), (960, 600))
        self.assertEqual(pixels[0][0], (255, 255, 255))
        self.assertGreater(len({pixel for row in pixels for pixel in row}), 2)

    def test_approvals_rows_are_ready(self):
        ws = self.book["Sign-off"]
        header = next(row for row in ws.iter_rows() if row[0].value == "Name")[0].row
        for r in range(header + 1, header + 6):
            self.assertFalse(ws.cell(r, 1).protection.locked)


class FailedExport(unittest.TestCase):
    """A failed export says why in one line, exits 2, leaves any earlier
    workbook byte for byte as it was, and leaves no temporary file."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="copro-export-")
        os.chmod(self.dir, 0o755)
        self.earlier = os.path.join(self.dir, "sign-off.xlsx")
        with open(self.earlier, "wb") as f:
            f.write(b"an earlier workbook, which must survive")
        self.before = digest(self.earlier)

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def assert_failed(self, result, reason):
        self.assertEqual(result.returncode, 2, result.stderr)
        lines = result.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertTrue(lines[0].startswith("coproduce: "), lines[0])
        self.assertIn(reason, lines[0])
        self.assertEqual(result.stdout, "")

    def assert_earlier_untouched(self, folder=None):
        self.assertEqual(digest(self.earlier), self.before)
        folder = folder or self.dir
        self.assertEqual([n for n in os.listdir(folder) if n.startswith(".")], [], "temporary files were left")

    def test_folder_does_not_exist(self):
        target = os.path.join(self.dir, "missing", "sign-off.xlsx")
        self.assert_failed(run([f"--export-xlsx={target}", EXAMPLE]), "does not exist")
        self.assertFalse(os.path.exists(os.path.dirname(target)))

    def test_folder_is_a_file(self):
        target = os.path.join(self.earlier, "sign-off.xlsx")
        self.assert_failed(run([f"--export-xlsx={target}", EXAMPLE]), "is not a folder")
        self.assert_earlier_untouched()

    def test_target_is_a_folder(self):
        target = os.path.join(self.dir, "folder.xlsx")
        os.mkdir(target)
        self.assert_failed(run([f"--export-xlsx={target}", EXAMPLE]), "is a folder")
        self.assertEqual(os.listdir(target), [])

    def test_late_failure_keeps_the_earlier_file(self):
        # A file-size limit makes the write fail part way, as a full disk
        # would, with root too (and SIGXFSZ ignored, so write() says EFBIG).
        def limit():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        result = run([f"--export-xlsx={self.earlier}", EXAMPLE], preexec_fn=limit)
        self.assert_failed(result, "larger than the disk or your account allows")
        self.assert_earlier_untouched()
        self.assertEqual(os.listdir(self.dir), ["sign-off.xlsx"])

    def test_failure_while_compressing(self):
        # A limit above every part but below the whole workbook: the parts
        # are written, and writing the zip file itself fails.
        out = os.path.join(self.dir, "probe.xlsx")
        export(EXAMPLE, out)
        with zipfile.ZipFile(out) as z:
            largest = max(info.file_size for info in z.infolist())
        size = os.path.getsize(out)
        os.unlink(out)
        if largest + 8192 >= size:
            self.skipTest("the example's largest part is about as big as its workbook")

        def limit():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, ((largest + size) // 2,) * 2)
        result = run([f"--export-xlsx={self.earlier}", EXAMPLE], preexec_fn=limit)
        self.assert_failed(result, "larger than the disk or your account allows")
        self.assert_earlier_untouched()
        self.assertEqual(os.listdir(self.dir), ["sign-off.xlsx"])

    def test_small_disk(self):
        mount = self.mount_tmpfs("size=64k")
        target = os.path.join(mount, "sign-off.xlsx")
        shutil.copy(self.earlier, target)
        self.assert_failed(run([f"--export-xlsx={target}", EXAMPLE]), "not enough space on the disk")
        self.assertEqual(digest(target), self.before)
        self.assertEqual(os.listdir(mount), ["sign-off.xlsx"])

    def test_read_only_disk(self):
        mount = self.mount_tmpfs("size=1m")
        target = os.path.join(mount, "sign-off.xlsx")
        shutil.copy(self.earlier, target)
        subprocess.run(["mount", "-o", "remount,ro", mount], check=True)
        self.assert_failed(run([f"--export-xlsx={target}", EXAMPLE]), "cannot be written to")
        self.assertEqual(digest(target), self.before)

    def test_folder_without_permission(self):
        folder = os.path.join(self.dir, "locked")
        os.mkdir(folder, 0o555)
        target = os.path.join(folder, "sign-off.xlsx")
        command = []
        if os.geteuid() == 0:
            if shutil.which("setpriv") is None:
                self.skipTest("needs setpriv to run as another user")
            # root may write anywhere, so an ordinary user ("nobody") tries.
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        example = os.path.join(self.dir, "example.coprod")
        shutil.copy(EXAMPLE, example)
        os.chmod(example, 0o644)
        result = subprocess.run([*command, BINARY, f"--export-xlsx={target}", example],
                                capture_output=True, text=True, env={**os.environ, "HOME": "/tmp"})
        self.assert_failed(result, "permission")
        self.assertEqual(os.listdir(folder), [])

    def mount_tmpfs(self, options):
        if os.geteuid() != 0:
            self.skipTest("needs root to mount a small filesystem")
        mount = os.path.join(self.dir, "mnt")
        os.mkdir(mount)
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"{options},mode=0755", "tmpfs", mount],
                                capture_output=True, text=True)
        if result.returncode != 0:
            self.skipTest(f"cannot mount a small filesystem here: {result.stderr.strip()}")
        self.addCleanup(subprocess.run, ["umount", mount])
        return mount

    def test_unreadable_project(self):
        bad = os.path.join(self.dir, "bad.coprod")
        with open(bad, "w") as f:
            f.write("{ not json")
        self.assert_failed(run([f"--export-xlsx={self.earlier}", bad]), "bad.coprod")
        self.assert_earlier_untouched()

    def test_name_must_end_in_xlsx(self):
        target = os.path.join(self.dir, "sign-off.txt")
        self.assert_failed(run([f"--export-xlsx={target}", EXAMPLE]), ".xlsx")
        self.assertFalse(os.path.exists(target))

    def test_never_over_the_project(self):
        project = os.path.join(self.dir, "plan.xlsx")
        shutil.copy(EXAMPLE, project)
        before = digest(project)
        self.assert_failed(run([f"--export-xlsx={project}", project]), "project file itself")
        self.assertEqual(digest(project), before)

    def test_option_mistakes(self):
        self.assert_failed(run(["--include-personal-data", EXAMPLE]), "--include-personal-data goes with --export-xlsx")
        self.assert_failed(run(["--include-personal-data", "--check", EXAMPLE]),
                           "--include-personal-data goes with --export-xlsx")
        self.assert_failed(run([f"--export-xlsx={self.earlier}", "--check", EXAMPLE]), "--export-xlsx on its own")
        self.assert_failed(run([f"--export-xlsx={self.earlier}"]), "exactly one project file")
        self.assert_failed(run([f"--export-xlsx={self.earlier}", EXAMPLE, EXAMPLE]), "exactly one project file")
        self.assert_earlier_untouched()


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
