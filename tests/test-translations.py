#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Translations: po/POTFILES.in lists every file with translatable strings and
nothing else, sorted; the translation template builds from it; and the app
follows the user's language at run time.

Usage: test-translations.py SRCDIR BINARY"""

import os
import re
import subprocess
import sys
import tempfile
import unittest

SRCDIR, BINARY = sys.argv[1], sys.argv[2]
POTFILES = os.path.join(SRCDIR, "po", "POTFILES.in")
MARKERS = re.compile(r'\b(?:_|N_|C_|NC_|ngettext|g_dngettext)\s*\(\s*"|translatable="yes"'
                     r'|<(?:summary|description|name|caption|p|li)\b[^>]*>[^<]*\S'
                     r'|^(?:Name|Comment|GenericName|Keywords)=', re.M)


def listed():
    with open(POTFILES, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def candidates():
    found = []
    for top in ("src", "data"):
        for root, _dirs, files in os.walk(os.path.join(SRCDIR, top)):
            for name in files:
                if not name.endswith((".c", ".ui", ".desktop.in", ".metainfo.xml.in", ".gschema.xml")):
                    continue
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as f:
                    if MARKERS.search(f.read()):
                        found.append(os.path.relpath(path, SRCDIR))
    return sorted(found)


class Translations(unittest.TestCase):
    def test_every_listed_file_exists(self):
        for path in listed():
            self.assertTrue(os.path.isfile(os.path.join(SRCDIR, path)), f"{path} is listed but missing")

    def test_every_file_with_strings_is_listed(self):
        missing = sorted(set(candidates()) - set(listed()))
        self.assertEqual(missing, [], "add these to po/POTFILES.in")

    def test_sorted_without_duplicates(self):
        self.assertEqual(listed(), sorted(set(listed())))

    def test_template_builds(self):
        with tempfile.TemporaryDirectory() as tmp:
            pot = os.path.join(tmp, "coproduce.pot")
            # The keywords of meson's "glib" preset.
            result = subprocess.run(
                ["xgettext", "--from-code=UTF-8", "--add-comments=TRANSLATORS", f"--directory={SRCDIR}",
                 f"--files-from={POTFILES}", f"--output={pot}",
                 "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
                 "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
                 "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
                 "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
                 "--flag=g_set_error:4:c-format"],
                capture_output=True, text=True)
            self.assertEqual(result.returncode, 0, result.stderr)
            with open(pot, encoding="utf-8") as f:
                template = f.read()
            self.assertGreater(template.count("msgid "), 150)
            for text in ("Unsaved Work", "The project has no title.", "Save Changes?",
                         "Plan and run co-production projects"):
                self.assertIn(text, template)
            # msgfmt accepts a catalogue made from it
            po = os.path.join(tmp, "xx.po")
            subprocess.run(["msginit", "--no-translator", "--locale=de_DE.UTF-8", f"--input={pot}",
                            f"--output-file={po}"], check=True, capture_output=True)
            subprocess.run(["msgfmt", "--check", "-o", os.devnull, po], check=True, capture_output=True)

    def test_follows_the_users_language(self):
        # A catalogue with one string translated, tried without installing it.
        available = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
        if "de_de.utf8" not in available:
            self.skipTest("the de_DE.UTF-8 locale is not generated on this machine")
        with tempfile.TemporaryDirectory() as tmp:
            messages = os.path.join(tmp, "de", "LC_MESSAGES")
            os.makedirs(messages)
            po = os.path.join(tmp, "de.po")
            with open(po, "w", encoding="utf-8") as f:
                f.write('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                        'msgid "Show the version and quit"\nmsgstr "Version anzeigen und beenden"\n')
            subprocess.run(["msgfmt", "-o", os.path.join(messages, "coproduce.mo"), po], check=True)
            env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
            env.update({"LANG": "de_DE.UTF-8", "LANGUAGE": "de", "COPRO_LOCALEDIR": tmp})
            result = subprocess.run([BINARY, "--help"], capture_output=True, text=True, env=env)
            self.assertEqual(result.returncode, 0)
            self.assertIn("Version anzeigen und beenden", result.stdout)
            # GLib's own words follow once ours are translated.
            self.assertIn("Aufruf:", result.stdout)

            env.update({"LANG": "C.UTF-8", "LANGUAGE": ""})
            result = subprocess.run([BINARY, "--help"], capture_output=True, text=True, env=env)
            self.assertIn("Show the version and quit", result.stdout)
            self.assertIn("Usage:", result.stdout)

if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
