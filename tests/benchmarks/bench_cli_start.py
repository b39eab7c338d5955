"""Start-up benchmark: `houserules check` of one comment from a cold start
(a new process each run, as a moderator runs it), the figure of issue 15
(under 0.5 s on an idle machine).

    .venv/bin/python tests/benchmarks/bench_cli_start.py [--runs N] [--council SLUG] [--text TEXT] [--source]

Each run is `houserules check --council SLUG TEXT` in a process of its own,
its output thrown away; one run first, not counted, so the bytecode is
compiled and the files are in the page cache. Wall: from start to exit. CPU:
the user and system time of the process (os.wait4), which, unlike the wall
time, does not depend much on what else the machine is doing: on a busy
machine, read CPU.

Not a test: it asserts nothing but that every run exits 0 or 1 (no rule
broken, or one broken), and prints its figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_once(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of the command."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    error = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} exited {child.returncode}:\n{error.decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--council", default="ashfield")
    parser.add_argument("--text", default="you are an idiot")
    parser.add_argument("--source", action="store_true", help="check against the policy source (--source)")
    args = parser.parse_args()
    exe = Path(sys.executable).with_name("houserules")
    command = [str(exe) if exe.exists() else shutil.which("houserules") or "houserules",
               "check", "--council", args.council, args.text, *(["--source"] if args.source else [])]
    run_once(command)  # not counted: compiles the bytecode, fills the page cache
    walls, cpus = zip(*(run_once(command) for _ in range(args.runs)))
    python = run_once([sys.executable, "-c", "pass"])  # the floor: a bare interpreter
    print(f"houserules check, one comment, cold start ({args.runs} runs, load average "
          f"{os.getloadavg()[0]:.2f}, {os.cpu_count()} cores):")
    print(f"   wall  median {statistics.median(walls):.3f} s   min {min(walls):.3f} s")
    print(f"   CPU   median {statistics.median(cpus):.3f} s   min {min(cpus):.3f} s")
    print(f"   (a bare `python -c pass`: wall {python[0]:.3f} s, CPU {python[1]:.3f} s)")


if __name__ == "__main__":
    main()
