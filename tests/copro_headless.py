# SPDX-License-Identifier: GPL-3.0-or-later
"""Running the coproduce binary headless from the Python tests: no display and
no session bus, as in a script or on a server. Shared by the commands,
malformed-input, schema, unknown-members and export tests."""

import hashlib
import json
import os
import subprocess


def run(binary, args, env=None, text=True, timeout=120, **kwargs):
    """Runs @binary with @args and returns the finished process. A crash (a
    signal) fails the calling test at once, whatever the exit status means."""
    environment = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        environment.pop(name, None)
    environment["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"
    environment.update(env or {})
    result = subprocess.run([binary, *args], capture_output=True, text=text, env=environment,
                            timeout=timeout, **kwargs)
    assert result.returncode >= 0, f"killed by signal {-result.returncode}: {result.stderr}"
    return result


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=2)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()
