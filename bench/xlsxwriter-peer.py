#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Python peer of the benchmark: writes the partner rows of a project
with Debian's python3-xlsxwriter, as a straightforward script would.

    xlsxwriter-peer.py [--constant-memory] [--contacts] PROJECT.coprod OUT.xlsx

It reads the same .coprod file as `coproduce --export-xlsx` (json module),
and writes one sheet with the same columns, labels, dates and money as the
Partners sheet of the sign-off workbook (without email and phone, as the
default export), with a bold frozen header and a filter. --contacts adds the
Contacts sheet of an export with personal details: every logged contact
with its partner's name, each partner's newest first (issue 14).
"""

import argparse
import datetime
import json
import sys

import xlsxwriter

LABELS = {
    "kind": {"individual": "Individual", "organisation": "Organisation"},
    "sector": {"council": "Council", "health-care": "Health and care",
               "voluntary-community": "Voluntary and community", "community-group": "Community group",
               "lived-experience": "Resident or person with lived experience", "carer": "Carer",
               "business": "Business", "education": "Education", "elected-member": "Elected member",
               "other": "Other"},
    "contact_method": {"email": "Email", "phone": "Phone", "text": "Text message", "post": "Post",
                       "in-person": "In person", "other": "Other"},
    "attitude": {"champion": "Champion", "supporter": "Supporter", "neutral": "Neutral",
                 "critic": "Critic", "blocker": "Blocker"},
    "level": {"inform": "Inform", "educate": "Educate", "consult": "Consult", "engage": "Engage",
              "co-design": "Co-design", "co-produce": "Co-produce"},
    "status": {"identified": "Identified", "approached": "Approached", "interested": "Interested",
               "active": "Active", "paused": "Paused", "withdrawn": "Withdrawn"},
    "access_needs": {"large-print": "Large print", "easy-read": "Easy read",
                     "bsl": "British Sign Language interpreter", "hearing-loop": "Hearing loop",
                     "step-free": "Step-free access", "translation": "Translation",
                     "digital-support": "Digital support", "other": "Other"},
    "remuneration_offer": {"offered": "Offered", "accepted": "Accepted", "declined": "Declined"},
    "remuneration_basis": {"per-hour": "Per hour", "per-session": "Per session", "per-day": "Per day",
                           "voucher": "Vouchers", "expenses-only": "Expenses only", "other": "Other"},
    "lawful_basis": {"consent": "Consent", "contract": "Contract", "legal-obligation": "Legal obligation",
                     "vital-interests": "Vital interests", "public-task": "Public task",
                     "legitimate-interests": "Legitimate interests"},
}

COLUMNS = [
    ("name", "Name", "text"), ("organisation", "Organisation", "text"), ("kind", "Kind", "enum"),
    ("role", "Role", "text"), ("sector", "Sector", "enum"),
    ("contact_method", "Preferred contact method", "enum"), ("influence", "Influence", "int"),
    ("interest", "Interest", "int"), (None, "Map quadrant", "quadrant"),
    ("attitude", "Attitude", "enum"), ("level", "Intended level", "enum"),
    ("status", "Status", "enum"), ("access_needs", "Accessibility and communication needs", "flags"),
    ("access_notes", "Other needs", "text"), ("language", "Language", "text"),
    ("remuneration_eligible", "Eligible for remuneration", "bool"),
    ("remuneration_offer", "Remuneration", "enum"), ("remuneration_basis", "Remuneration basis", "enum"),
    ("remuneration_rate", "Rate", "money"), ("lawful_basis", "Lawful basis", "enum"),
    ("consent_date", "Consent date", "date"), ("privacy_notice", "Privacy notice given", "bool"),
    ("review_date", "Review or deletion date", "date"), ("notes", "Notes", "text"),
]


def quadrant(influence, interest):
    if not influence or not interest:
        return ""
    if influence >= 3:
        return "Manage closely" if interest >= 3 else "Keep satisfied"
    return "Keep informed" if interest >= 3 else "Monitor"


METHODS = {"email": "Email", "phone": "Phone", "letter": "Letter", "meeting": "Meeting", "event": "Event",
           "visit": "Visit", "other": "Other"}


def write_contacts(workbook, project, header, text, date):
    sheet = workbook.add_worksheet("Contacts")
    titles = {a["id"]: a.get("title") or "An untitled activity" for a in project.get("activities", [])}
    labels = ["Partner", "Date", "How", "Made by", "Summary", "Follow-up date", "Activity"]
    for col, label in enumerate(labels):
        sheet.write_string(0, col, label, header)
    row = 1
    for partner in project["partners"]:
        contacts = partner.get("contacts") or []
        if not contacts:
            continue
        name, organisation = partner.get("name") or "", partner.get("organisation") or ""
        title = f"{name}, {organisation}" if name and organisation else name or organisation
        for c in sorted(contacts, key=lambda c: c.get("date") or "", reverse=True):
            sheet.write_string(row, 0, title, text)
            if c.get("date"):
                sheet.write_datetime(row, 1, datetime.date.fromisoformat(c["date"]), date)
            if c.get("method"):
                sheet.write_string(row, 2, METHODS[c["method"]], text)
            if c.get("made_by"):
                sheet.write_string(row, 3, c["made_by"], text)
            if c.get("summary"):
                sheet.write_string(row, 4, c["summary"], text)
            if c.get("follow_up"):
                sheet.write_datetime(row, 5, datetime.date.fromisoformat(c["follow_up"]), date)
            if c.get("activity"):
                sheet.write_string(row, 6, titles.get(c["activity"], "An activity no longer in the log"), text)
            row += 1
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(row - 1, 0), len(labels) - 1)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--constant-memory", action="store_true")
    parser.add_argument("--contacts", action="store_true")
    parser.add_argument("project")
    parser.add_argument("output")
    args = parser.parse_args(argv)

    with open(args.project, encoding="utf-8") as f:
        project = json.load(f)

    workbook = xlsxwriter.Workbook(args.output, {"constant_memory": args.constant_memory})
    sheet = workbook.add_worksheet("Partners")
    header = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7"})
    text = workbook.add_format({"text_wrap": True, "valign": "top"})
    date = workbook.add_format({"num_format": "dd/mm/yyyy", "valign": "top"})
    money = workbook.add_format({"num_format": "£#,##0.00", "valign": "top"})
    number = workbook.add_format({"valign": "top"})

    for col, (_, label, _) in enumerate(COLUMNS):
        sheet.write_string(0, col, label, header)
    row = 1
    for partner in project["partners"]:
        for col, (key, _, kind) in enumerate(COLUMNS):
            value = partner.get(key) if key else None
            if kind == "text":
                if value:
                    sheet.write_string(row, col, value, text)
            elif kind == "enum":
                if value:
                    sheet.write_string(row, col, LABELS[key][value], text)
            elif kind == "flags":
                if value:
                    sheet.write_string(row, col, "; ".join(LABELS[key][v] for v in value), text)
            elif kind == "int":
                if value:
                    sheet.write_number(row, col, value, number)
            elif kind == "money":
                sheet.write_number(row, col, value / 100, money)
            elif kind == "bool":
                sheet.write_string(row, col, "Yes" if value else "No", text)
            elif kind == "date":
                if value:
                    sheet.write_datetime(row, col, datetime.date.fromisoformat(value), date)
            elif kind == "quadrant":
                q = quadrant(partner.get("influence"), partner.get("interest"))
                if q:
                    sheet.write_string(row, col, q, text)
        row += 1
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(row - 1, 0), len(COLUMNS) - 1)
    if args.contacts:
        write_contacts(workbook, project, header, text, date)
    workbook.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
