#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The sign-off workbook printed: no text over other text.

    test-export-print.py COPRODUCE SOURCE_ROOT

Exports the example project and a project with long texts (long summaries,
conditions, findings, words longer than a column, capitals, text in other
scripts), has LibreOffice (headless, with a fresh profile) convert each
workbook to PDF, every sheet, and reads the position of every word on every
page with pdftotext -bbox. Two words whose boxes overlap mean a row too short
for its wrapped text, whose lines run into the next row. Also checks, with
openpyxl, that every row the export sized is at least as tall as its lines
need, and that numbers and dates sit at the top of their cells like the
wrapped text beside them. Skips when LibreOffice or pdftotext is not
installed (CI installs libreoffice-calc-nogui and poppler-utils).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

import openpyxl

BINARY = os.path.abspath(sys.argv[1])
SRCDIR = os.path.abspath(sys.argv[2])
sys.path.insert(0, os.path.join(SRCDIR, "bench"))
import generate  # noqa: E402

# Overlaps smaller than this (points, each way) are glyphs' boxes touching.
TOLERANCE = 0.5

LONG_WORDS = [
    "Carers told us the booking line rang out at weekends, so the group asked for a call-back",
    "WHEN THE DAY CENTRE CLOSED MANY MOVED TO THE COMMUNITY HUB WITHOUT WARNING",
    "Mmmm wwww MMMM WWWW mmmm",
    "Supercalifragilisticexpialidociousnessandmorewordsrunningtogetherwithoutanyspace",
    "Überprüfung der Maßnahmen — évaluation des résultats — ocena wyników",
    "照顾者说周末没有人接电话 介護者は週末に電話がつながらないと言った",
    "£1,234.56 & 50% @ 10:30 — <b>not markup</b> =SUM(A1) ++ ## ~~",
]


def long_text(seed, sentences):
    words = []
    for i in range(sentences):
        words.append(LONG_WORDS[(seed + i) % len(LONG_WORDS)] + ".")
    return " ".join(words)


def long_project(path):
    project = generate.make_project(n_partners=40, n_activities=12, seed=5)
    overview = project["overview"]
    overview["title"] = "A project whose title is long enough to wrap in any column " * 2
    overview["summary"] = long_text(0, 12) + "\n\nA second paragraph.\nA third line."
    overview["service_area"] = long_text(3, 2)
    for i, approval in enumerate(project["approvals"]):
        approval["conditions"] = long_text(i, 8)
        approval["role"] = long_text(i + 1, 1)
    project["approvals"].append({"id": "b3f1c1de-0000-4000-8000-000000000001", "name": long_text(2, 1),
                                 "role": "Director", "decision": "approved", "date": "2026-02-01",
                                 "conditions": long_text(4, 3)})
    for i, entry in enumerate(project["history"]):
        entry["summary"] = long_text(i, 6)
    for i, activity in enumerate(project["activities"]):
        # Long titles make long findings in the checks.
        activity["title"] = long_text(i, 2)
        activity["lessons"] = long_text(i + 2, 5)
        activity["level_achieved"] = "inform"
        activity["level_planned"] = "co-produce"
    for i, partner in enumerate(project["partners"]):
        partner["notes"] = long_text(i, 3)
        if i % 3 == 0:
            partner.pop("lawful_basis", None)
    for i, risk in enumerate(project["risks"]):
        risk["mitigation"] = long_text(i, 4)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(project, f)


def find(names):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None


def words_per_page(bbox_html):
    """Every word's box on every page, from pdftotext -bbox's XHTML."""
    text = bbox_html.replace("<!DOCTYPE", "<!--").replace('"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">', "-->")
    root = ET.fromstring(text)
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        words = []
        for word in page.iter("{http://www.w3.org/1999/xhtml}word"):
            box = tuple(float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            words.append((box, word.text or ""))
        pages.append(words)
    return pages


def overlaps(words):
    """Pairs of words whose boxes overlap by more than TOLERANCE both ways."""
    found = []
    ordered = sorted(words, key=lambda w: w[0][1])
    for i, (a, text_a) in enumerate(ordered):
        for b, text_b in ordered[i + 1:]:
            if b[1] >= a[3] - TOLERANCE:
                break
            dx = min(a[2], b[2]) - max(a[0], b[0])
            dy = min(a[3], b[3]) - max(a[1], b[1])
            if dx > TOLERANCE and dy > TOLERANCE:
                found.append((text_a, a, text_b, b))
    return found


class Print(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.soffice = find(["soffice", "libreoffice"])
        cls.pdftotext = find(["pdftotext"])
        if cls.soffice is None or cls.pdftotext is None:
            raise unittest.SkipTest("LibreOffice (soffice) or pdftotext (poppler-utils) is not installed")
        cls.dir = tempfile.mkdtemp(prefix="copro-print-")
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

    def to_pdf(self, book):
        outdir = os.path.join(self.dir, os.path.basename(book) + "-pdf")
        os.mkdir(outdir)
        env = dict(os.environ)
        env.pop("DISPLAY", None)
        env["HOME"] = self.dir
        result = subprocess.run([self.soffice, f"-env:UserInstallation=file://{self.profile}", "--headless",
                                 "--norestore", "--convert-to", "pdf", "--outdir", outdir, book],
                                capture_output=True, text=True, env=env, timeout=180)
        self.assertEqual(result.returncode, 0, result.stderr)
        pdf = os.path.join(outdir, os.path.splitext(os.path.basename(book))[0] + ".pdf")
        self.assertTrue(os.path.exists(pdf), f"LibreOffice wrote no PDF: {result.stdout} {result.stderr}")
        return pdf

    def check_no_overlap(self, project, name, must_contain):
        book = self.export(project, name)
        pdf = self.to_pdf(book)
        result = subprocess.run([self.pdftotext, "-bbox", pdf, "-"], capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        pages = words_per_page(result.stdout)
        self.assertGreater(len(pages), 1)
        every_word = {text for words in pages for _, text in words}
        # The PDF has the text of the sheets: the words looked for are there.
        for word in must_contain:
            self.assertIn(word, every_word)
        for number, words in enumerate(pages, start=1):
            with self.subTest(workbook=name, page=number):
                found = overlaps(words)
                self.assertEqual(found, [], f"{name}, page {number}: words drawn over each other: {found[:5]}")
        return book

    def check_rows(self, book):
        """Rows sized by the export are tall enough; numbers and dates at the top."""
        wb = openpyxl.load_workbook(book)
        sized = 0
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                wrapped = [c for c in row if isinstance(c.value, str) and c.alignment.wrap_text]
                others = [c for c in row if c.value is not None and not isinstance(c.value, str)]
                # Numbers, money, dates and formulas (totals) sit at the top,
                # as wrapped text beside them does.
                for cell in others + [c for c in row if isinstance(c.value, str) and c.value.startswith("=")]:
                    self.assertEqual(cell.alignment.vertical, "top",
                                     f"{ws.title}!{cell.coordinate} is not aligned to the top like text")
                for cell in wrapped:
                    lines = cell.value.count("\n") + 1
                    if lines > 1:
                        height = ws.row_dimensions[cell.row].height
                        self.assertIsNotNone(height, f"{ws.title} row {cell.row} has {lines} lines and no height")
                        self.assertGreaterEqual(height, lines * 12, f"{ws.title} row {cell.row}")
                        sized += 1
        return sized

    def test_example(self):
        book = self.check_no_overlap(os.path.join(SRCDIR, "data", "example.coprod"), "example",
                                     ["Sign-off:", "Overview"])
        self.check_rows(book)

    def test_long_texts(self):
        project = os.path.join(self.dir, "long.coprod")
        long_project(project)
        book = self.check_no_overlap(project, "long", ["Overview", "CENTRE"])
        self.assertGreater(self.check_rows(book), 0)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
