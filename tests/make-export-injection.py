#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes tests/fixtures/export-injection.coprod: a project whose every free
text field holds text a spreadsheet might mistake for something else.

    make-export-injection.py SOURCE_ROOT

The project starts from bench/generate.py (so every field is filled) and the
JSON Schema in data/ says which members are free text. Each list has as many
items as the corpus has entries, and item i's k-th text field holds entry
i + k, so every kind of text field meets every entry somewhere.
"""

import json
import os
import sys

CORPUS = [
    "=SUM(A1)",
    "+44 191 496 0000",
    "-1",
    "@here",
    '=HYPERLINK("http://x")',
    "'quoted",
    "tab\there and\nnew line",
    "=1+1\r\nsecond line",
    "_x0041_ stays as written",
    "\u0001 control character",
    "Ünïcödé, ’quotes’ and an emoji 🙂",
    "0123",
    "1e5",
    "TRUE",
    "25/12/2026",
    "£1,000",
    "  leading and trailing spaces  ",
    "<b>not markup</b> & an ampersand",
    "=cmd|' /C calc'!A0",
    "\uffff is not a character",
]

# Text longer than the 32,767 characters a cell holds.
LONG_ASCII = "".join(f"{i:05d} " for i in range(6700)) + "END"          # 40,203 characters
LONG_EMOJI = "🙂" * 17000 + "END"                                       # 34,003 UTF-16 units


def text_fields(schema, definition):
    """The members of a definition that are free text, nested records and lists."""
    texts, records, lists = [], {}, {}
    for name, prop in schema["definitions"][definition]["properties"].items():
        if "allOf" in prop:
            records[name] = prop["allOf"][0]["$ref"].split("/")[-1]
        elif prop.get("type") == "array" and "$ref" in prop.get("items", {}):
            lists[name] = prop["items"]["$ref"].split("/")[-1]
        elif prop.get("type") == ["string", "null"] and "format" not in prop:
            texts.append(name)
    return texts, records, lists


def fill(schema, definition, obj, offset, in_list=False):
    texts, records, lists = text_fields(schema, definition)
    for k, name in enumerate(texts):
        obj[name] = CORPUS[(offset + k) % len(CORPUS)]
    for name, sub in records.items():
        fill(schema, sub, obj[name], offset + len(texts), in_list)
    for name, sub in lists.items():
        items = obj[name]
        if not items:
            continue
        if not in_list:
            # As many items as corpus entries: copies of the first.
            while len(items) < len(CORPUS):
                copy = json.loads(json.dumps(items[0]))
                copy["id"] = None   # renumbered below
                items.append(copy)
            del items[len(CORPUS):]
        # Lists inside list items (feedback) keep their size and carry on
        # from their parent's offset.
        for i, item in enumerate(items):
            fill(schema, sub, item, offset + i if in_list else i, True)


def main():
    root = sys.argv[1]
    sys.path.insert(0, os.path.join(root, "bench"))
    import generate

    with open(os.path.join(root, "data", "coproduce-project.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    project = generate.make_project(n_partners=len(CORPUS), n_activities=3, n_feedback=2, seed=7)
    fill(schema, "CoproProject", project, 0)

    # Ids must be unique across the file: renumber every list item.
    counter = [0]

    def renumber(node):
        if isinstance(node, dict):
            if "id" in node:
                counter[0] += 1
                node["id"] = "00000000-0000-4000-8000-%012d" % counter[0]
            for value in node.values():
                renumber(value)
        elif isinstance(node, list):
            for value in node:
                renumber(value)

    members = project["terms_of_reference"]["members"]
    renumber(project)
    for j, member in enumerate(members):
        member["partner"] = project["partners"][j % len(project["partners"])]["id"]

    project["overview"]["title"] = "=SUM(A1) & co: <injection> test"
    project["overview"]["summary"] = LONG_ASCII
    project["partners"][0]["notes"] = LONG_EMOJI
    # Dates Excel cannot hold as dates, and the last day before its false 29 February 1900.
    project["partners"][1]["consent_date"] = "1899-12-31"
    project["partners"][2]["consent_date"] = "1900-02-28"
    project["partners"][3]["consent_date"] = "1900-03-01"

    out = os.path.join(root, "tests", "fixtures", "export-injection.coprod")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(project, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
