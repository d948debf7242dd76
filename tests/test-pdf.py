#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The printed documents (issue 15), written by `coproduce --export-pdf` and
read back with poppler's tools, as a reader or a screen reader would: the
text in reading order (pdftotext), the page count, title and tagging
(pdfinfo), the structure tree (pdfinfo -struct-text), and every word's box
(pdftotext -bbox) to show that nothing overlaps and nothing runs into the
margins, the running header or the footer."""

import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import copro_headless  # noqa: E402
from copro_headless import digest, load  # noqa: E402

BINARY = sys.argv[1]
SRCDIR = sys.argv[2]
EXAMPLE = os.path.join(SRCDIR, "data", "example.coprod")
sys.path.insert(0, os.path.join(SRCDIR, "bench"))
import generate  # noqa: E402

# The page of src/core/copro-pdf.c, in points: A4, 20 mm side margins, the
# header above 25 mm and the footer below 25 mm from the bottom.
PAGE_W, PAGE_H = 595.276, 841.890
MARGIN_X = 56.69
BODY_TOP, BODY_BOTTOM = 70.87, PAGE_H - 70.87
# Half a point of slack for rounding in pdftotext's boxes.
SLACK = 0.5

POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")


def run(*args, env_extra=None):
    return copro_headless.run(BINARY, args, env=env_extra, timeout=300)


def tool(*args):
    result = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def pdf_text(path):
    return tool("pdftotext", "-enc", "UTF-8", path, "-")


def flat(text):
    return re.sub(r"\s+", " ", text)


def pdf_info(path):
    info = {}
    for line in tool("pdfinfo", path).splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def word_boxes(path):
    """Every word's box, page by page: [[(xMin, yMin, xMax, yMax, word)]]."""
    html = tool("pdftotext", "-bbox", "-enc", "UTF-8", path, "-")
    root = ET.fromstring(re.sub(r'\sxmlns="[^"]+"', "", html, count=1))
    pages = []
    for page in root.iter("page"):
        words = []
        for w in page.iter("word"):
            words.append((float(w.get("xMin")), float(w.get("yMin")),
                          float(w.get("xMax")), float(w.get("yMax")), w.text or ""))
        pages.append(words)
    return pages


def column_text(pages, header, next_header):
    """The words of a table's column, from the page where its header row
    first shows, read down the column page by page: those that start between
    the header word and the next column's."""
    words = []
    for number, page in enumerate(pages):
        heads = [w for w in page if w[4] == header]
        nexts = [w for w in page if w[4] == next_header]
        if not heads or not nexts:
            continue
        left, right = heads[0][0] - SLACK, min(w[0] for w in nexts if w[0] > heads[0][0]) - SLACK
        words += [(number, w[1], w[0], w[4]) for w in page
                  if left <= w[0] < right and BODY_TOP < w[1] < BODY_BOTTOM and w[1] > heads[0][1]]
    return " ".join(w[3] for w in sorted(words))


def in_order(test, text, needles):
    """Each needle appears in @text after the one before."""
    at = 0
    for needle in needles:
        found = text.find(needle, at)
        test.assertGreaterEqual(found, 0, f"“{needle}” missing or out of order (after position {at})")
        at = found + len(needle)


@unittest.skipUnless(POPPLER, "poppler-utils (pdftotext, pdfinfo) is not installed")
class Documents(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="copro-pdf-")
        self.example = load(EXAMPLE)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def export(self, project, document=None, personal=False, name=None):
        out = self.path(name or f"{document or 'plan'}{'-personal' if personal else ''}.pdf")
        args = [f"--export-pdf={out}"]
        if document:
            args.append(f"--document={document}")
        if personal:
            args.append("--include-personal-data")
        result = run(*args, project)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, "")
        self.assertIn(os.path.basename(out), result.stdout)
        return out

    def check_layout(self, pdf):
        """No two words overlap; every word sits in the body, or wholly in the
        running header or the footer, and inside the side margins."""
        pages = word_boxes(pdf)
        self.assertEqual(len(pages), int(pdf_info(pdf)["Pages"]))
        for number, words in enumerate(pages, 1):
            header = [w for w in words if w[3] <= BODY_TOP + SLACK]
            footer = [w for w in words if w[1] >= BODY_BOTTOM - SLACK]
            self.assertTrue(header, f"page {number} has no running header")
            self.assertIn(f"{number}", [w[4] for w in footer], f"page {number}: no page number")
            for x0, y0, x1, y1, word in words:
                where = f"page {number}, “{word}” at ({x0:.1f}, {y0:.1f})–({x1:.1f}, {y1:.1f})"
                self.assertGreaterEqual(x0, MARGIN_X - SLACK, where)
                self.assertLessEqual(x1, PAGE_W - MARGIN_X + SLACK, where)
                in_header = y1 <= BODY_TOP + SLACK
                in_footer = y0 >= BODY_BOTTOM - SLACK
                in_body = y0 >= BODY_TOP - SLACK and y1 <= BODY_BOTTOM + SLACK
                self.assertTrue(in_header or in_footer or in_body, f"{where} crosses a margin")
            # A sweep down the page: each word against those starting above its end.
            ordered = sorted(words, key=lambda w: w[1])
            for i, a in enumerate(ordered):
                for b in ordered[i + 1:]:
                    if b[1] >= a[3] - SLACK:
                        break
                    overlap_x = min(a[2], b[2]) - max(a[0], b[0])
                    overlap_y = min(a[3], b[3]) - max(a[1], b[1])
                    self.assertFalse(overlap_x > SLACK and overlap_y > SLACK,
                                     f"page {number}: “{a[4]}” {a[:4]} overlaps “{b[4]}” {b[:4]}")
        return pages

    def test_plan_reads_in_order_with_title_tags_and_pages(self):
        pdf = self.export(EXAMPLE)
        title = self.example["overview"]["title"]
        info = pdf_info(pdf)
        self.assertEqual(info["Title"], f"Plan for sign-off: {title}")
        self.assertEqual(info["Tagged"], "yes")
        self.assertEqual(info["Page size"].split(" pts")[0], "595.276 x 841.89")
        pages = int(info["Pages"])
        self.assertGreater(pages, 1)

        text = pdf_text(pdf)
        self.assertEqual(text.count("\f"), pages)
        total = sum(line.get("amount", 0) for line in
                    self.example["plan"]["resources"]["budget_lines"])
        total_text = f"£{total // 100:,}.{total % 100:02d}"
        # The title first, then every section in the order of the plan.
        in_order(self, flat(text), [
            title, "Overview", "Outline", "Resources and compliance", "Budget", "Total", total_text,
            "Principles", "Communications", "Delivery", "Evaluation", "Partners", "By sector",
            "The partner map", "Risks", "Checks", "Approvals", "The manager’s decision", "Signature",
        ])
        # Each page: the running header, the page's text, and “Page n of N”.
        for number, page in enumerate(text.split("\f")[:pages], 1):
            self.assertIn(f"Page {number} of {pages}", page)
            self.assertIn("Plan for sign-off", page)
        # Every risk's description and score, read down their columns.
        pages = word_boxes(pdf)
        descriptions = column_text(pages, "Risk", "Score")
        scores = column_text(pages, "Score", "Owner")
        for risk in self.example["risks"]:
            self.assertIn(flat(risk["description"]), descriptions)
            score = risk["likelihood"] * risk["impact"]
            self.assertRegex(scores, rf"\b{score} \((High|Medium|Low)\): likelihood "
                                     rf"{risk['likelihood']}, impact {risk['impact']}")
        checks = run("--check", EXAMPLE).stdout.splitlines()
        self.assertTrue(checks)
        self.assertIn("Why it matters", text)
        self.check_layout(pdf)

    def test_structure_tree(self):
        pdf = self.export(EXAMPLE)
        tree = tool("pdfinfo", "-struct-text", pdf)
        lines = tree.splitlines()
        self.assertEqual(lines[0].strip(), "Document")
        kinds = [line.split()[0] for line in lines if line.strip() and not line.strip().startswith('"')]
        for kind in ("Sect", "H1", "H2", "H3", "P", "Table", "TR", "TH", "TD", "Figure"):
            self.assertIn(kind, kinds)
        # One H1, the project's title, before everything else.
        self.assertEqual(kinds.count("H1"), 1)
        h1 = lines.index(next(line for line in lines if line.strip().startswith("H1")))
        self.assertIn(self.example["overview"]["title"][:20], lines[h1 + 1])
        # The headings in the structure follow the reading order.
        headings = [lines[i + 1].strip().strip('"') for i, line in enumerate(lines)
                    if line.strip().startswith("H2")]
        self.assertEqual(headings[:3], ["Overview", "Outline", "Resources and compliance"])
        self.assertLess(headings.index("Risks"), headings.index("Checks"))
        # Tables: rows of header and data cells, nothing else.
        for i, line in enumerate(lines):
            if line.strip().startswith("TR"):
                depth = len(line) - len(line.lstrip())
                for child in lines[i + 1:]:
                    child_depth = len(child) - len(child.lstrip())
                    if child_depth <= depth:
                        break
                    if child_depth == depth + 2:
                        self.assertIn(child.split()[0], ("TH", "TD"), child)
        # The running header, footer and repeated table headers are artifacts:
        # the page numbers are not in the structure.
        self.assertNotIn("Page 1 of", tree)

    def test_terms_name_every_member_with_personal_data(self):
        partners = {p["id"]: p for p in self.example["partners"]}
        members = self.example["terms_of_reference"]["members"]
        self.assertGreater(len(members), 3)

        pdf = self.export(EXAMPLE, "terms", personal=True)
        info = pdf_info(pdf)
        self.assertEqual(info["Tagged"], "yes")
        self.assertTrue(info["Title"].startswith("Terms of reference: "))
        text = flat(pdf_text(pdf))
        terms = self.example["terms_of_reference"]
        in_order(self, text, [terms["group_name"], "Purpose", flat(terms["purpose"])[:30], "Members"])
        names = [partners[m["partner"]]["name"] for m in members]
        in_order(self, text, sum(([name, "I agree to these terms of reference.", "Signature", "Date"]
                                  for name in names), []))
        self.check_layout(pdf)

        # Without personal data: the members are there by number, sector and
        # role, each with a line for their name, but no name is printed.
        pdf = self.export(EXAMPLE, "terms")
        text = flat(pdf_text(pdf))
        for name in names:
            self.assertNotIn(name, text)
        self.assertEqual(text.count("I agree to these terms of reference."), len(members))
        self.assertIn(f"Member {len(members)}: ", text)

    def test_terms_are_set_large(self):
        # Large print: the body of the terms at 16 points, the plan's smaller.
        def body_heights(pdf):
            heights = sorted(round(w[3] - w[1], 1) for page in word_boxes(pdf) for w in page
                             if BODY_TOP < w[1] < BODY_BOTTOM)
            return heights[len(heights) // 2]
        terms = body_heights(self.export(EXAMPLE, "terms"))
        plan = body_heights(self.export(EXAMPLE, "plan"))
        self.assertGreaterEqual(terms, 16)
        self.assertGreater(terms, plan * 1.4)

    def test_feedback_names_no_one(self):
        pdf = self.export(EXAMPLE, "feedback", personal=True)
        self.assertEqual(pdf_info(pdf)["Tagged"], "yes")
        text = flat(pdf_text(pdf))
        in_order(self, text, ["You said, we did", "We asked", "You said", "We did"])
        with_feedback = [a for a in self.example["activities"] if a.get("feedback")]
        self.assertTrue(with_feedback)
        for activity in with_feedback:
            self.assertIn(flat(activity["title"]), text)
            for item in activity["feedback"]:
                for key in ("we_asked", "you_said"):
                    if item.get(key):
                        self.assertIn(flat(item[key])[:40], text)
        # No partner's name, and no facilitator's, even when asked for personal data.
        for partner in self.example["partners"]:
            if partner.get("name"):
                self.assertNotIn(partner["name"], text)
        for activity in self.example["activities"]:
            if activity.get("facilitator"):
                self.assertNotIn(activity["facilitator"], text)
        self.check_layout(pdf)

    def test_personal_details_absent_by_default(self):
        # Names that the plan shows in their own right (the lead officer,
        # approvals, owners of actions and risks) are staff; a partner's name
        # appears only there. Emails and phone numbers never.
        elsewhere = json.dumps({k: v for k, v in self.example.items() if k != "partners"},
                               ensure_ascii=False)
        emails = [p["email"] for p in self.example["partners"] if p.get("email")]
        phones = [p["phone"] for p in self.example["partners"] if p.get("phone")]
        self.assertTrue(emails and phones)
        lead_email = self.example["overview"].get("lead_email")
        for document in ("plan", "terms", "feedback"):
            with self.subTest(document=document):
                text = pdf_text(self.export(EXAMPLE, document))
                for detail in emails + phones + ([lead_email] if lead_email else []):
                    self.assertNotIn(detail, text)
                self.assertNotRegex(text, r"[\w.]+@[\w.]+\.(org|com|uk)")
                for partner in self.example["partners"]:
                    name = partner.get("name")
                    if name and name not in elsewhere:
                        self.assertNotIn(name, text)
        # With personal data, the plan carries the lead officer's email.
        if lead_email:
            self.assertIn(lead_email, pdf_text(self.export(EXAMPLE, "plan", personal=True)))

    def test_user_text_is_text(self):
        project = self.path("markup.coprod")
        data = load(EXAMPLE)
        odd = "<b>bold?</b> & <span foreground=\"red\">%s %n</span> =SUM(A1) \\n"
        data["overview"]["title"] = "Markup " + odd
        data["risks"][0]["description"] = odd
        data["activities"][0].setdefault("feedback", []).append(
            {"id": "8d4d1c1e-2b39-4a8a-9d1e-1d2a8c3b4e5f", "we_asked": odd, "you_said": "é ŵ ✓ “quoted” ½", "we_did": odd,
             "status": "done"})
        copro_headless.write_json(project, data)
        for document in ("plan", "feedback"):
            text = flat(pdf_text(self.export(project, document)))
            self.assertIn(flat(odd).strip(), text)
        self.assertIn("é ŵ ✓ “quoted” ½", flat(pdf_text(self.export(project, "feedback"))))
        self.assertEqual(pdf_info(self.path("plan.pdf"))["Title"], "Plan for sign-off: Markup " + odd.strip())

    def test_a_thousand_activities_and_a_hundred_risks(self):
        # Long tables break across pages with their header repeated, no row
        # is cut, no text overlaps or runs into the margins.
        data = generate.make_project(n_partners=300, n_activities=1000, n_feedback=1, seed=15)
        m = generate.Maker(1015)
        data["risks"] = [{
            "id": m.uuid(), "description": m.sentence(6 + i % 30), "likelihood": 1 + i % 5,
            "impact": 1 + (i * 7) % 5, "owner": m.choice(generate.FIRST),
            "mitigation": m.text(1 + i % 4), "status": "open",
        } for i in range(100)]
        # One risk longer than a page: it runs on in a continuation row.
        data["risks"][50]["mitigation"] = " ".join(m.sentence(14) for _ in range(90))
        project = self.path("big.coprod")
        generate.write_project(project, data)

        plan = self.export(project)
        pages = self.check_layout(plan)
        descriptions = column_text(pages, "Risk", "Score")
        for risk in data["risks"]:
            self.assertIn(flat(risk["description"]), descriptions)
        # The risks' table header is on every page the table runs onto.
        risk_pages = [i for i, page in enumerate(pages)
                      if any(w[4] == "Mitigation" for w in page)]
        self.assertGreater(len(risk_pages), 3)
        self.assertEqual(risk_pages, list(range(risk_pages[0], risk_pages[-1] + 1)))
        for i in risk_pages[1:]:
            top = min((w for w in pages[i] if BODY_TOP < w[1] < BODY_BOTTOM), key=lambda w: w[1])
            header_y = next(w[1] for w in pages[i] if w[4] == "Mitigation")
            self.assertLess(abs(header_y - top[1]), 40, f"page {i + 1}: the header is not at the top")
        # The long mitigation is whole, in order, across its pages.
        self.assertIn(flat(data["risks"][50]["mitigation"]), column_text(pages, "Mitigation", "Status"))

        feedback = self.export(project, "feedback")
        self.check_layout(feedback)
        text = flat(pdf_text(feedback))
        for activity in data["activities"]:
            self.assertIn(flat(activity["title"]), text)

    def test_empty_project(self):
        project = self.path("empty.coprod")
        copro_headless.write_json(project, {"format": "coproduce-project", "format_version": 1})
        for document in ("plan", "terms", "feedback"):
            with self.subTest(document=document):
                pdf = self.export(project, document)
                info = pdf_info(pdf)
                self.assertEqual(info["Tagged"], "yes")
                self.assertIn("Untitled project", info["Title"])
                self.check_layout(pdf)
        self.assertIn("No feedback has been recorded yet.", pdf_text(self.path("feedback.pdf")))


class Errors(unittest.TestCase):
    """The same exit codes, sentences and atomic write as --export-xlsx."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="copro-pdf-errors-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def assert_one_sentence(self, result, *fragments):
        self.assertEqual(result.returncode, 2, result.stdout)
        self.assertEqual(result.stdout, "")
        lines = result.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        for fragment in fragments:
            self.assertIn(fragment, lines[0])

    def test_refusals(self):
        self.assert_one_sentence(run(f"--export-pdf={self.path('out.txt')}", EXAMPLE), "must end in .pdf")
        self.assert_one_sentence(run(f"--export-pdf={self.path('out.pdf')}", "--document=minutes", EXAMPLE),
                                 "“minutes”", "plan, terms or feedback")
        self.assert_one_sentence(run("--document=terms", EXAMPLE), "--document goes with --export-pdf")
        self.assert_one_sentence(run(f"--export-pdf={self.path('out.pdf')}", "--check", EXAMPLE), "on its own")
        self.assert_one_sentence(run(f"--export-pdf={self.path('out.pdf')}"), "exactly one project file")
        self.assert_one_sentence(run(f"--export-pdf={self.path('out.pdf')}", self.path("missing.coprod")),
                                 "missing.coprod")
        self.assert_one_sentence(run(f"--export-pdf={self.path('no/such/folder/out.pdf')}", EXAMPLE),
                                 "does not exist")
        self.assert_one_sentence(run(f"--export-pdf={self.dir}/", EXAMPLE))
        self.assertEqual(os.listdir(self.dir), [])

    def test_failure_leaves_the_earlier_file(self):
        # A file size limit makes the write fail part-way (as a full disk
        # would, and whoever runs the test, root included): the earlier file
        # stays as it was and no temporary file is left behind.
        out = self.path("plan.pdf")
        with open(out, "wb") as f:
            f.write(b"earlier")
        before = digest(out)

        def limit():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        result = copro_headless.run(BINARY, [f"--export-pdf={out}", EXAMPLE], timeout=120,
                                    preexec_fn=limit)
        self.assert_one_sentence(result, "larger than")
        self.assertEqual(digest(out), before)
        self.assertEqual(os.listdir(self.dir), ["plan.pdf"])

    def test_written_whole_beside_the_target(self):
        out = self.path("plan.pdf")
        with open(out, "wb") as f:
            f.write(b"earlier")
        result = run(f"--export-pdf={out}", EXAMPLE)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"%PDF-"))
        self.assertIn(b"%%EOF", data[-32:])
        self.assertEqual(os.listdir(self.dir), ["plan.pdf"])


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
