#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Save torture: a headless save of a large project, killed with SIGKILL at
random moments, hundreds of times. After every kill the file on disk must be a
valid project equal to the version before the save or the version after it —
never a mixture, never truncated.

Usage: test-save-torture.py BINARY [ROUNDS] [PARTNERS]"""

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

BINARY = sys.argv[1]
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 200
# The sanitiser pass of run-tests.sh asks for fewer rounds: each one is slower there.
ROUNDS = int(os.environ.get("TORTURE_ROUNDS", ROUNDS))
PARTNERS = int(sys.argv[3]) if len(sys.argv) > 3 else 10000


def env():
    e = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    e["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"
    return e


def main():
    random.seed(int(os.environ.get("TORTURE_SEED", "20261126")))
    work = tempfile.mkdtemp(prefix="copro-torture-")
    try:
        project = os.path.join(work, "county.coprod")
        big = os.path.join(work, "big.csv")
        one = os.path.join(work, "one.csv")
        with open(big, "w", encoding="utf-8") as f:
            f.write("name,organisation,sector,influence,interest,notes\n")
            for i in range(PARTNERS):
                f.write(f"Person {i},Organisation {i % 300},council,{1 + i % 5},{1 + (i // 5) % 5},Note {i}\n")
        with open(one, "w", encoding="utf-8") as f:
            f.write("name\nOne more\n")
        subprocess.run([BINARY, f"--import-csv={big}", project], check=True, env=env(), capture_output=True)

        # How long one uninterrupted save takes here, to spread the kills over it.
        start = time.monotonic()
        subprocess.run([BINARY, f"--import-csv={one}", project], check=True, env=env(), capture_output=True)
        duration = time.monotonic() - start
        print(f"one save of {os.path.getsize(project)} bytes takes {duration * 1000:.0f} ms")

        outcomes = {"old": 0, "new": 0, "finished": 0}
        for round_ in range(ROUNDS):
            with open(project, "rb") as f:
                old_bytes = f.read()
            old = json.loads(old_bytes)
            process = subprocess.Popen([BINARY, f"--import-csv={one}", project], env=env(),
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(random.uniform(0, duration * 1.1))
            process.send_signal(signal.SIGKILL)
            code = process.wait()
            if code == 0:
                outcomes["finished"] += 1

            with open(project, "rb") as f:
                now_bytes = f.read()
            if now_bytes == old_bytes:
                outcomes["old"] += 1
                continue
            now = json.loads(now_bytes)   # raises if the file is not whole JSON
            assert now_bytes.endswith(b"}\n"), f"round {round_}: file does not end as a project does"
            assert len(now["partners"]) == len(old["partners"]) + 1, f"round {round_}: partner count"
            assert now["partners"][:-1] == old["partners"], f"round {round_}: earlier partners changed"
            assert now["partners"][-1]["name"] == "One more"
            for key in old:
                if key != "partners":
                    assert now[key] == old[key], f"round {round_}: {key} changed"
            outcomes["new"] += 1

        # The project still opens in the app itself.
        result = subprocess.run([BINARY, "--check", project], env=env(), capture_output=True, text=True)
        assert result.returncode in (0, 1), result.stderr
        print(f"{ROUNDS} rounds: {outcomes['old']} left the old version, {outcomes['new']} the new "
              f"({outcomes['finished']} saves finished before the kill)")
        # Both outcomes must have happened, or the kills missed the save itself.
        assert outcomes["old"] > 0 and outcomes["new"] > 0, outcomes
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
