#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""How fast is `coproduce --export-xlsx`, against Python's xlsxwriter?

    bench/export-benchmark.py --coproduce BUILD/src/coproduce [--sizes 1000,10000,100000] [--runs 3]

In one run, on one machine: generates projects of each size (bench/generate.py:
N partners, a full plan, 100 activities with feedback), then times, end to
end, the headless export (loading the .coprod and writing all ten sheets) and
bench/xlsxwriter-peer.py (loading the same file with the json module and
writing the same partner rows with Debian's python3-xlsxwriter, as a
straightforward script would, and again with its constant_memory option).
Each is run --runs times, taking turns so that all see the same machine, and
the median wall time and the peak resident memory (from wait4) are reported
as a Markdown table, with the ratio. It then runs the export once more with
G_MESSAGES_DEBUG=Coproduce and `coproduce --check` to show where the time
goes (loading the project, the checks, each sheet, compressing).

Targets: at 10,000 partners at least twice as fast as the Python peer; at
100,000 partners faster than it, with a lower peak memory.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate  # noqa: E402

PEER = os.path.join(HERE, "xlsxwriter-peer.py")
PYTHON = "/usr/bin/python3"


def measure(command, env=None):
    """Wall time in seconds and peak RSS in MB of one run of @command."""
    environment = dict(os.environ)
    environment.pop("DISPLAY", None)
    environment.pop("WAYLAND_DISPLAY", None)
    if env:
        environment.update(env)
    # Output goes to a file, not a pipe that could fill up and stall the
    # process; GLib 2.74 prints debug messages on standard output.
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=environment)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode(errors="replace")
    return elapsed, usage.ru_maxrss / 1024, process.returncode, text


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog=__doc__.split("\n\n", 2)[2],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--coproduce", default=shutil.which("coproduce"),
                        help="the coproduce binary to measure (default: coproduce on PATH)")
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="numbers of partners, comma-separated (default 1000,10000,100000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each command; the median is kept (default 3)")
    parser.add_argument("--workdir", help="where to write projects and workbooks (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args(argv)

    if not args.coproduce or not os.path.exists(args.coproduce):
        parser.error("name the binary to measure with --coproduce BUILD/src/coproduce")
    sizes = [int(s) for s in args.sizes.split(",")]
    workdir = args.workdir or tempfile.mkdtemp(prefix="copro-bench-")
    os.makedirs(workdir, exist_ok=True)

    print(f"coproduce: {os.path.abspath(args.coproduce)}")
    print(f"peer: {PEER} with {PYTHON}")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; runs: {args.runs} (median)\n")

    rows = []
    notes = []
    try:
        for n in sizes:
            project = os.path.join(workdir, f"partners-{n}.coprod")
            generate.write_project(project, generate.make_project(n_partners=n, n_activities=100, seed=n))
            size_mb = os.path.getsize(project) / 1e6
            commands = {
                "coproduce": [args.coproduce, f"--export-xlsx={workdir}/coproduce-{n}.xlsx", project],
                "python": [PYTHON, PEER, project, f"{workdir}/python-{n}.xlsx"],
                "python-cm": [PYTHON, PEER, "--constant-memory", project, f"{workdir}/python-cm-{n}.xlsx"],
            }
            results = {name: [] for name in commands}
            for _ in range(args.runs):
                for name, command in commands.items():
                    elapsed, rss, code, stderr = measure(command)
                    if code != 0:
                        raise SystemExit(f"{' '.join(command)} failed ({code}): {stderr.strip()}")
                    results[name].append((elapsed, rss))
            median = {name: (statistics.median(t for t, _ in r), max(m for _, m in r)) for name, r in results.items()}
            rows.append((n, size_mb, median))

            # Where the time goes, from one more run.
            check_time, check_rss, _, _ = measure([args.coproduce, "--check", project])
            _, _, _, debug = measure(commands["coproduce"], env={"G_MESSAGES_DEBUG": "Coproduce"})
            phases = re.findall(r"Export: (.+?) took ([0-9.]+) s", debug)
            notes.append((n, check_time, check_rss, phases))
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)

    print("| Partners | .coprod | coproduce --export-xlsx | peak | Python xlsxwriter | peak | Python ÷ coproduce "
          "| xlsxwriter constant_memory | peak |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, size_mb, m in rows:
        ours, py, cm = m["coproduce"], m["python"], m["python-cm"]
        print(f"| {n:,} | {size_mb:.1f} MB | {ours[0]:.2f} s | {ours[1]:.0f} MB | {py[0]:.2f} s | {py[1]:.0f} MB "
              f"| {py[0] / ours[0]:.2f}× | {cm[0]:.2f} s | {cm[1]:.0f} MB |")

    print("\nWhere coproduce's time goes (one more run; `--check` is loading the project plus the checks):\n")
    for n, check_time, check_rss, phases in notes:
        parts = ", ".join(f"{what} {float(t):.2f} s" for what, t in phases)
        print(f"- {n:,} partners: `--check` {check_time:.2f} s, peak {check_rss:.0f} MB; export: {parts}")

    print("\nTargets:")
    for n, _, m in rows:
        ours, py = m["coproduce"], m["python"]
        if n == 10000:
            verdict = "met" if py[0] / ours[0] >= 2 else "missed"
            print(f"- 10,000 partners, at least 2× as fast as the peer: {py[0] / ours[0]:.2f}× ({verdict})")
        if n == 100000:
            faster = "met" if ours[0] < py[0] else "missed"
            leaner = "met" if ours[1] < py[1] else "missed"
            print(f"- 100,000 partners, faster than the peer: {ours[0]:.2f} s against {py[0]:.2f} s ({faster}); "
                  f"lower peak memory: {ours[1]:.0f} MB against {py[1]:.0f} MB ({leaner})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
