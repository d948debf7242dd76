#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate Coproduce projects of any size for benchmarks and tests.

    generate.py [--partners N] [--activities N] [--contacts N] [--attendance N]
                [--payments N] [--seed S] OUT.coprod

writes a valid project (format 1) with a full plan, N partners, N activities
each with feedback, risks, approvals and history; --contacts N spreads N
logged contacts over the partners (issue 14; none by default, so the other
projects stay the same bytes). The same seed gives the same
file, byte for byte. Import it as a module to reuse make_project().
"""

import argparse
import datetime
import json
import random
import sys
import uuid

SECTORS = ["council", "health-care", "voluntary-community", "community-group",
           "lived-experience", "carer", "business", "education", "elected-member", "other"]
LEVELS = ["inform", "educate", "consult", "engage", "co-design", "co-produce"]
STEPS = ["identify", "resources", "recruit", "co-design", "co-deliver", "co-evaluate"]
STATUSES = ["identified", "approached", "interested", "active", "paused", "withdrawn"]
ATTITUDES = ["champion", "supporter", "neutral", "critic", "blocker"]
CONTACT = ["email", "phone", "text", "post", "in-person", "other"]
ACCESS = ["large-print", "easy-read", "bsl", "hearing-loop", "step-free", "translation",
          "digital-support", "other"]
OFFERS = ["offered", "accepted", "declined"]
BASES = ["per-hour", "per-session", "per-day", "voucher", "expenses-only", "other"]
LAWFUL = ["consent", "contract", "legal-obligation", "vital-interests", "public-task",
          "legitimate-interests"]
COST_HEADS = ["advertising", "venue-hire", "refreshments", "travel-expenses", "payment-for-time",
              "replacement-care", "translation", "accessible-formats", "training", "contingency",
              "other"]
FIRST = ["Amina", "Ben", "Chloe", "Dariusz", "Eilidh", "Femi", "Grace", "Hamza", "Isla", "Jack",
         "Kavita", "Liam", "Mei", "Niamh", "Oluwaseun", "Priya", "Quentin", "Rhys", "Sofia", "Tomasz",
         "Uzma", "Vikram", "Wendy", "Xavier", "Yusuf", "Zofia"]
LAST = ["Ahmed", "Brown", "Campbell", "Davies", "Evans", "Fraser", "Gill", "Hughes", "Iqbal",
        "Jones", "Khan", "Lewis", "Murphy", "Nowak", "O'Neill", "Patel", "Quinn", "Roberts",
        "Smith", "Taylor", "Udeh", "Vaughan", "Williams", "Xu", "Young", "Zielinski"]
ORGS = ["Kestleford County Council", "Kestleford Carers' Centre", "Northgate Primary Care Network",
        "Eastgate Community Association", "Polish Association", "Riverside Housing",
        "Kestleford College", "Age Concern Kestleford", "Deaf Club", "Young Carers Group"]
LANGUAGES = ["", "", "", "", "Polish", "Bengali", "Mandarin", "BSL", "Urdu", "Welsh"]


class Maker:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    def uuid(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def choice(self, seq):
        return self.rng.choice(seq)

    def maybe(self, value, p=0.8):
        return value if self.rng.random() < p else None

    def date(self, start=datetime.date(2025, 1, 1), days=900):
        return (start + datetime.timedelta(days=self.rng.randrange(days))).isoformat()

    def sentence(self, words=12):
        vocab = ("carers people service plan group meeting venue access time support booking "
                 "information break council community health voice listen change design share "
                 "evaluate measure budget partner feedback review").split()
        text = " ".join(self.choice(vocab) for _ in range(words))
        return text[0].upper() + text[1:] + "."

    def text(self, sentences=3):
        return " ".join(self.sentence(self.rng.randrange(6, 16)) for _ in range(sentences))


def make_partner(m, i):
    first, last = m.choice(FIRST), m.choice(LAST)
    individual = m.rng.random() < 0.8
    offer = m.maybe(m.choice(OFFERS), 0.3)
    return {
        "id": m.uuid(),
        "kind": "individual" if individual else "organisation",
        "name": f"{first} {last}" if individual else "",
        "organisation": m.choice(ORGS),
        "role": m.choice(["Carer", "Manager", "Chair", "Volunteer", "Officer", "Resident", ""]),
        "sector": m.maybe(m.choice(SECTORS), 0.95),
        "email": f"{first.lower()}.{last.lower().replace(chr(39), '')}{i}@example.org",
        "phone": f"01632 {960000 + (i % 1000):06d}",
        "contact_method": m.maybe(m.choice(CONTACT)),
        "influence": m.maybe(m.rng.randint(1, 5), 0.95),
        "interest": m.maybe(m.rng.randint(1, 5), 0.95),
        "attitude": m.maybe(m.choice(ATTITUDES)),
        "level": m.maybe(m.choice(LEVELS), 0.9),
        "status": m.maybe(m.choice(STATUSES), 0.95),
        "access_needs": sorted(m.rng.sample(ACCESS, m.rng.choice([0, 0, 0, 1, 2])),
                               key=ACCESS.index),
        "access_notes": m.sentence(8) if m.rng.random() < 0.1 else "",
        "language": m.choice(LANGUAGES),
        "remuneration_eligible": offer is not None,
        "remuneration_offer": offer,
        "remuneration_basis": m.choice(BASES) if offer else None,
        "remuneration_rate": m.rng.choice([1500, 2000, 2500, 5000]) if offer else 0,
        "lawful_basis": m.maybe(m.choice(LAWFUL), 0.97),
        "consent_date": m.maybe(m.date(), 0.5),
        "privacy_notice": m.rng.random() < 0.9,
        "review_date": m.maybe(m.date(datetime.date(2026, 1, 1), 1200), 0.8),
        "notes": m.sentence(10) if m.rng.random() < 0.3 else "",
    }


def make_activity(m, n_feedback):
    start = m.date()
    end = (datetime.date.fromisoformat(start) + datetime.timedelta(days=m.rng.randrange(1, 60))).isoformat()
    return {
        "id": m.uuid(),
        "title": m.sentence(4)[:-1],
        "start_date": start,
        "end_date": end,
        "step": m.choice(STEPS),
        "method": m.choice(["Workshop", "Drop-in", "Online survey", "Walkabout", "Focus group"]),
        "level_planned": m.choice(LEVELS),
        "level_achieved": m.maybe(m.choice(LEVELS)),
        "facilitator": f"{m.choice(FIRST)} {m.choice(LAST)}",
        "participants": m.rng.randrange(0, 300),
        "cost": m.rng.randrange(0, 500000),
        "adjustments": m.text(1),
        "what_worked": m.text(2),
        "what_to_change": m.text(1),
        "lessons": m.text(1),
        "feedback": [{
            "id": m.uuid(),
            "we_asked": m.sentence(8),
            "you_said": m.text(2),
            "we_did": m.text(1),
            "status": m.choice(["open", "done", "not-possible"]),
            "reason": m.sentence(10),
        } for _ in range(n_feedback)],
    }


CONTACT_METHODS = ["email", "phone", "letter", "meeting", "event", "visit", "other"]
CONTACT_SUMMARIES = ["Invitation sent", "Called to talk through the next meeting", "Sent the easy-read papers",
                     "Met at the carers' centre", "Came to the listening event", "Left a message"]


def add_contacts(project, n_contacts, seed):
    """Spreads @n_contacts over the partners' contact logs, evenly, from a
    random stream of their own (the rest of the project is unchanged)."""
    partners = project["partners"]
    if not partners or n_contacts <= 0:
        return
    m = Maker(seed * 7919 + 14)
    activities = [a["id"] for a in project["activities"]]
    each, extra = divmod(n_contacts, len(partners))
    for i, partner in enumerate(partners):
        log = []
        for _ in range(each + (1 if i < extra else 0)):
            date = m.date(datetime.date(2026, 1, 1), 330)
            log.append({
                "id": m.uuid(),
                "date": date,
                "method": m.choice(CONTACT_METHODS),
                "made_by": m.choice(["Tom Ashworth", "Priya Raman", "Jo Bennett"]),
                "summary": m.choice(CONTACT_SUMMARIES),
                "follow_up": m.maybe(m.date(datetime.date(2026, 6, 1), 300), 0.2),
                "activity": m.choice(activities) if activities and m.rng.random() < 0.3 else None,
            })
        partner["contacts"] = log


def make_project(n_partners=100, n_activities=100, n_feedback=3, seed=1, title=None, n_contacts=0):
    """A project as a dict, ready for json.dump."""
    m = Maker(seed)
    partners = [make_partner(m, i) for i in range(n_partners)]
    compliance_keys = ["data_management", "equality_diversity", "remuneration", "accessibility",
                       "consultation_protocol", "safeguarding"]
    project = {
        "format": "coproduce-project",
        "format_version": 1,
        "overview": {
            "title": title or f"Generated project with {n_partners} partners",
            "reference": f"GEN-{seed:04d}",
            "service_area": "Adult Social Care",
            "lead_name": "Tom Ashworth",
            "lead_role": "Lead officer",
            "lead_email": "tom.ashworth@example.org",
            "sponsor": "Priya Raman",
            "start_date": "2026-01-05",
            "end_date": "2027-03-31",
            "current_step": "co-design",
            "target_level": "co-produce",
            "summary": m.text(3),
        },
        "plan": {
            "outline": {
                "aims": m.text(), "can_influence": m.text(), "cannot_influence": m.text(),
                "in_scope": m.text(), "out_of_scope": m.text(), "success_measures": m.text(),
                "management_support": "confirmed",
                "management_support_who": "Adults Leadership Team",
                "step_levels": {k: m.choice(LEVELS) for k in
                                ["identify", "resources", "recruit", "co_design", "co_deliver",
                                 "co_evaluate"]},
                "barriers": m.text(), "experience": m.text(), "training_needs": m.text(),
            },
            "resources": {
                "budget_holder": "Priya Raman",
                "budget_lines": [{
                    "id": m.uuid(),
                    "cost_head": head,
                    "description": m.sentence(6),
                    "amount": m.rng.randrange(1000, 1000000),
                    "funding_source": m.choice(["Better Care Fund", "Revenue", "Grant"]),
                    "cost_code": f"CC{m.rng.randrange(1000, 9999)}",
                } for head in COST_HEADS],
                "staff_time": m.text(), "other_resources": m.text(),
                "compliance": {k: {"status": m.choice(["not-started", "in-progress", "done",
                                                       "not-applicable"]),
                                   "evidence": m.text(1)} for k in compliance_keys},
                "data_protection": {"lawful_basis": "public-task", "special_category": True,
                                    "dpia_status": "done", "notes": m.text(1)},
                "equality": {"eqia_status": "in-progress",
                             "characteristics": ["age", "disability", "race"],
                             "notes": m.text(1)},
            },
            "principles": {k: {"how": m.text(2), "rating": m.choice(["red", "amber", "green"])}
                           for k in ["equality", "diversity", "accessibility", "reciprocity"]},
            "communications": [{
                "id": m.uuid(), "audience": m.choice(["Carers", "Staff", "Councillors"]),
                "message": m.text(1), "method": "Newsletter", "timing": "Monthly",
                "owner": "Tom Ashworth",
            } for _ in range(5)],
            "delivery": {
                "actions": [{
                    "id": m.uuid(), "description": m.sentence(7), "owner": m.choice(FIRST),
                    "due_date": m.date(), "status": m.choice(["not-started", "in-progress", "done",
                                                              "cancelled"]),
                } for _ in range(20)],
                "facilitation_support": m.text(), "equal_voice": m.text(),
            },
            "evaluation": {"impact_measures": m.text(), "progress_review": m.text(),
                           "sharing_results": m.text()},
        },
        "recruitment": {k: m.text() for k in ["affected", "reach", "accessible_information",
                                               "support_training", "remuneration"]},
        "partners": partners,
        "terms_of_reference": {
            "group_name": "Design group", "purpose": m.text(), "remit_in": m.text(),
            "remit_out": m.text(), "who_may_join": m.text(), "group_size": "Up to 14",
            "term": "Two years",
            "members": [{"id": m.uuid(), "partner": p["id"],
                         "role": "chair" if j == 0 else "deputy-chair" if j == 1 else "member"}
                        for j, p in enumerate(partners[:12])],
            "accountability": m.text(), "meeting_frequency": "Monthly",
            "meeting_format": "In person with a video link", "quorum": "Half the members",
            "decisions": m.text(), "ground_rules": m.text(), "confidentiality": m.text(),
            "support": m.text(), "recognition": m.text(), "accessibility": m.text(),
            "date_agreed": "2026-02-01", "review_date": "2027-02-01",
        },
        "activities": [make_activity(m, n_feedback) for _ in range(n_activities)],
        "reflection": {"equality": "green", "diversity": "amber", "accessibility": "green",
                       "reciprocity": "red", "difference": m.text()},
        "risks": [{
            "id": m.uuid(), "description": m.sentence(8), "likelihood": m.rng.randint(1, 5),
            "impact": m.rng.randint(1, 5), "owner": m.choice(FIRST), "mitigation": m.text(1),
            "status": m.choice(["open", "monitored", "closed"]),
        } for _ in range(15)],
        "approvals": [{
            "id": m.uuid(), "name": "Priya Raman", "role": "Head of Commissioning",
            "decision": "approved-with-conditions", "date": "2026-01-20",
            "conditions": m.text(1),
        }],
        "history": [{
            "id": m.uuid(), "version": f"0.{i + 1}", "date": m.date(), "author": "Tom Ashworth",
            "summary": m.sentence(8),
        } for i in range(3)],
    }
    add_contacts(project, n_contacts, seed)
    return project


ATTENDANCE = ["invited", "took-part", "apologies"]
PAYMENT_METHODS = ["bank-transfer", "voucher", "cash", "other"]


def add_attendance_and_payments(project, n_attendance, n_payments, seed=1):
    """Adds n_attendance attendance records, spread over the activities, and
    n_payments payments (issue 14). A random generator of its own keeps the
    rest of the project as it was for the same seed."""
    m = Maker(f"attendance-{seed}")
    partners = project["partners"]
    activities = project["activities"]
    lines = project["plan"]["resources"]["budget_lines"]
    if n_attendance and activities and partners:
        # Each activity gets its share of distinct partners.
        per = -(-n_attendance // len(activities))
        left = n_attendance
        for activity in activities:
            k = min(per, left, len(partners))
            left -= k
            activity["attendance"] = [{"id": m.uuid(), "partner": p["id"],
                                       "status": m.choice(ATTENDANCE + ["took-part"])}
                                      for p in m.rng.sample(partners, k)]
        for activity in activities:
            for item in activity.get("feedback", []):
                item["sent_date"] = m.maybe(m.date(), 0.5)
    if n_payments and partners:
        project["plan"]["resources"]["payments"] = [{
            "id": m.uuid(),
            "partner": m.choice(partners)["id"],
            "activity": m.choice(activities)["id"] if activities else None,
            "kind": m.choice(["time", "expenses"]),
            "amount": m.rng.randrange(500, 10000),
            "paid": m.maybe(m.date(), 0.9),
            "method": m.maybe(m.choice(PAYMENT_METHODS), 0.9),
            "budget_line": m.choice(lines)["id"] if lines and m.rng.random() < 0.98 else None,
            "note": m.sentence(6) if m.rng.random() < 0.2 else "",
        } for _ in range(n_payments)]
    return project


def write_project(path, project):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(project, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--partners", type=int, default=100, help="partners (default 100)")
    parser.add_argument("--activities", type=int, default=100, help="activities (default 100)")
    parser.add_argument("--feedback", type=int, default=3, help="feedback items per activity (default 3)")
    parser.add_argument("--contacts", type=int, default=0,
                        help="logged contacts, spread over the partners (default 0)")
    parser.add_argument("--attendance", type=int, default=0,
                        help="attendance records, spread over the activities (default 0)")
    parser.add_argument("--payments", type=int, default=0, help="payments and expenses (default 0)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("output", help="the .coprod file to write")
    args = parser.parse_args(argv)
    project = make_project(args.partners, args.activities, args.feedback, args.seed,
                           n_contacts=args.contacts)
    add_attendance_and_payments(project, args.attendance, args.payments, args.seed)
    write_project(args.output, project)
    return 0


if __name__ == "__main__":
    sys.exit(main())
