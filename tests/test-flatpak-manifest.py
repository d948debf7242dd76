#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest without a network or a GNOME SDK.

Usage: test-flatpak-manifest.py [SOURCE_ROOT]

Validates flatpak/io.github.coproduce.Coproduce.json against the JSON Schema
that Flathub's linter uses (kept in flatpak/ so a fresh clone needs nothing
beside it), then checks the rules Flathub applies that the schema does not:
the application ID, the data files named after it, the sandbox permissions,
pinned sources and the runtime version. Finally, if flatpak-builder is
installed, asks it to parse the manifest too.

Prints one line per check. Exits 0 when everything passed, 1 when anything
failed, and 77 (skip) when nothing failed but the schema could not be checked
because the jsonschema module is missing.

Run it with /usr/bin/python3: Debian's python3-jsonschema lives there.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

APP_ID = "io.github.coproduce.Coproduce"
COMMAND = "coproduce"
MANIFEST = os.path.join("flatpak", APP_ID + ".json")
SCHEMA = os.path.join("flatpak", "flatpak-manifest.schema.json")
# Where the shared folder sits beside a clone; only used to notice drift.
SHARED_SCHEMA = os.path.join("..", "shared", "flatpak", "flatpak-manifest.schema.json")

# A document editor reaches files through the file chooser portal and needs
# nothing else: no file system access, no network.
ALLOWED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
}
MIN_RUNTIME_VERSION = 49

SHA1_RE = re.compile(r"^[0-9a-f]{40}$")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
ID_PART_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


class Report:
    def __init__(self):
        self.failures = 0
        self.skipped = False

    def passed(self, message):
        print("PASS: " + message)

    def failed(self, message):
        print("FAIL: " + message)
        self.failures += 1

    def skip(self, message):
        print("SKIP: " + message)
        self.skipped = True

    def note(self, message):
        print("NOTE: " + message)

    def check(self, condition, message, problem):
        if condition:
            self.passed(message)
        else:
            self.failed(message + ": " + problem)
        return condition


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def check_schema(report, manifest, srcroot):
    schema_path = os.path.join(srcroot, SCHEMA)
    shared_path = os.path.normpath(os.path.join(srcroot, SHARED_SCHEMA))

    if not os.path.isfile(schema_path):
        report.failed("schema copy %s is missing" % SCHEMA)
        return
    if os.path.isfile(shared_path) and read_bytes(shared_path) != read_bytes(schema_path):
        report.note("%s differs from %s; consider updating the copy" % (SCHEMA, shared_path))

    try:
        import jsonschema
    except ImportError:
        report.skip("schema validation: the jsonschema module is not installed "
                    "(install python3-jsonschema and run with /usr/bin/python3)")
        return

    schema = load_json(schema_path)
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema)
    errors = sorted(validator.iter_errors(manifest), key=lambda e: list(e.absolute_path))
    if not errors:
        report.passed("manifest is valid against Flathub's manifest schema")
        return
    for error in errors:
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        report.failed("schema: at %s: %s" % (where, error.message))


def check_app_id(report, manifest, srcroot):
    app_id = manifest.get("id", manifest.get("app-id"))
    report.check(app_id == APP_ID, "application ID is %s" % APP_ID,
                 "found %r" % (app_id,))
    parts = (app_id or "").split(".")
    report.check(len(parts) == 4 and all(ID_PART_RE.match(p) for p in parts),
                 "application ID has four valid parts", "found %r" % (app_id,))
    report.check(manifest.get("command") == COMMAND, "command is %s" % COMMAND,
                 "found %r" % (manifest.get("command"),))

    for relative in (
        os.path.join("data", APP_ID + ".desktop.in"),
        os.path.join("data", APP_ID + ".metainfo.xml.in"),
        os.path.join("data", "icons", "hicolor", "scalable", "apps", APP_ID + ".svg"),
        os.path.join("data", "icons", "hicolor", "symbolic", "apps", APP_ID + "-symbolic.svg"),
    ):
        report.check(os.path.isfile(os.path.join(srcroot, relative)),
                     "%s exists" % relative, "file not found")


def check_finish_args(report, manifest):
    args = manifest.get("finish-args", [])
    duplicates = sorted({a for a in args if args.count(a) > 1})
    report.check(not duplicates, "finish-args has no duplicates",
                 "repeated: %s" % ", ".join(duplicates))
    extra = sorted(set(args) - ALLOWED_FINISH_ARGS)
    missing = sorted(ALLOWED_FINISH_ARGS - set(args))
    problems = []
    if extra:
        problems.append("not allowed: " + ", ".join(extra))
    if missing:
        problems.append("missing: " + ", ".join(missing))
    report.check(not problems, "finish-args is exactly %s" % " ".join(sorted(ALLOWED_FINISH_ARGS)),
                 "; ".join(problems))


def load_external(report, base_dir, name, what):
    """Load a module or source list kept in a separate JSON file."""
    path = os.path.join(base_dir, name)
    if not name.endswith(".json"):
        report.failed("%s %s: only JSON files can be checked here" % (what, name))
        return None
    try:
        return load_json(path)
    except (OSError, ValueError) as e:
        report.failed("%s %s cannot be read: %s" % (what, name, e))
        return None


def iter_modules(report, modules, base_dir):
    for module in modules or []:
        if isinstance(module, str):
            module = load_external(report, base_dir, module, "module file")
            if module is None:
                continue
        if not isinstance(module, dict):
            continue
        yield module
        yield from iter_modules(report, module.get("modules"), base_dir)


def iter_sources(report, sources, base_dir):
    for source in sources or []:
        if isinstance(source, str):
            loaded = load_external(report, base_dir, source, "source file")
            if loaded is None:
                continue
            yield from (loaded if isinstance(loaded, list) else [loaded])
        elif isinstance(source, dict):
            yield source


def check_sources(report, manifest, manifest_dir):
    problems = []
    count = 0
    for module in iter_modules(report, manifest.get("modules"), manifest_dir):
        name = module.get("name", "(unnamed)")
        for source in iter_sources(report, module.get("sources"), manifest_dir):
            kind = source.get("type")
            count += 1
            if kind == "git":
                if not source.get("tag"):
                    problems.append("%s: git source has no tag" % name)
                if not SHA1_RE.match(source.get("commit", "")):
                    problems.append("%s: git source has no 40-digit commit" % name)
            elif kind in ("archive", "file", "extra-data") and "url" in source:
                # A local path needs no checksum: the commit that holds it pins it.
                if not SHA256_RE.match(source.get("sha256", "")):
                    problems.append("%s: %s source has no sha256" % (name, kind))
    if count == 0:
        report.failed("manifest has no module sources")
        return
    report.check(not problems,
                 "every download is pinned (git: tag and commit; archives and files: sha256)",
                 "; ".join(problems))


def check_runtime(report, manifest):
    version = str(manifest.get("runtime-version", ""))
    try:
        major = int(version.split(".")[0])
    except ValueError:
        major = None
    report.check(major is not None and major >= MIN_RUNTIME_VERSION,
                 "runtime-version is %d or later" % MIN_RUNTIME_VERSION,
                 "found %r" % version)


def check_flatpak_builder(report, manifest_path):
    builder = shutil.which("flatpak-builder")
    if builder is None:
        report.note("flatpak-builder is not installed: manifest not parsed by it")
        return

    # Keep flatpak-builder away from the user's files and the source tree, and
    # do not let a test environment's G_DEBUG=fatal-warnings abort it.
    env = {k: v for k, v in os.environ.items() if k not in ("G_DEBUG", "G_MESSAGES_DEBUG")}
    with tempfile.TemporaryDirectory(prefix="copro-flatpak-") as scratch:
        env["HOME"] = scratch
        env["XDG_CACHE_HOME"] = os.path.join(scratch, "cache")
        try:
            result = subprocess.run(
                [builder, "--show-manifest", os.path.abspath(manifest_path)],
                cwd=scratch, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                universal_newlines=True, timeout=120,
            )
        except (OSError, subprocess.TimeoutExpired) as e:
            report.note("flatpak-builder could not run (%s): manifest not parsed by it" % e)
            return

    stderr = result.stderr.strip()
    if "Can't parse" in stderr or "Parse error" in stderr:
        report.failed("flatpak-builder --show-manifest: " + stderr)
        return
    if result.returncode != 0:
        report.note("flatpak-builder --show-manifest exited with %d, not for a syntax error: %s"
                    % (result.returncode, stderr or "(no message)"))
        return
    report.passed("flatpak-builder --show-manifest parses the manifest")
    for line in stderr.splitlines():
        if "Unknown property" in line:
            # The schema is the authority on keys; an older flatpak-builder may
            # simply not know a newer one.
            report.note("flatpak-builder: " + line.strip())


def main(argv):
    srcroot = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    srcroot = os.path.abspath(srcroot)
    manifest_path = os.path.join(srcroot, MANIFEST)
    report = Report()

    try:
        manifest = load_json(manifest_path)
    except OSError as e:
        report.failed("%s cannot be read: %s" % (MANIFEST, e))
        return 1
    except ValueError as e:
        report.failed("%s is not valid JSON: %s" % (MANIFEST, e))
        return 1
    report.passed("%s is valid JSON" % MANIFEST)

    check_schema(report, manifest, srcroot)
    check_app_id(report, manifest, srcroot)
    check_finish_args(report, manifest)
    check_sources(report, manifest, os.path.dirname(manifest_path))
    check_runtime(report, manifest)
    check_flatpak_builder(report, manifest_path)

    if report.failures:
        print("%d check(s) failed" % report.failures)
        return 1
    if report.skipped:
        return 77
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
