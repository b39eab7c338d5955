"""Batch benchmark: `houserules check --input ... --output ...` on a
1,000,000-row CSV, beside alt-profanity-check's batch predict on the same texts.

    make -C . .venv/.bench-installed          # alt-profanity-check, pinned in tests/benchmarks/requirements-bench.lock
    .venv/bin/python tests/benchmarks/bench_batch.py [--rows N] [--council SLUG] [--jobs N] [--data DIR]

The CSV (columns id, text) is the Davidson et al. tweets
(shared/data/davidson/labeled_data.csv, column `tweet`, HTML-unescaped as
in bench_checker.py), repeated until it has --rows rows. Each tool runs in a
process of its own, one after the other, timed from start to exit:

- houserules: the command line as a moderator runs it (start-up, reading the
  CSV, checking in worker processes, writing the output CSV);
- alt-profanity-check: a Python process that reads the same column into a
  list and calls predict() once on all of it (its batch mode); the time of
  the predict() call alone is shown too.

CPU s is the user and system time of all the run's processes: unlike the
wall time, it does not depend on what else the machine is doing. Peak
memory: the largest resident set of any one process of the run
(getrusage of that child, via wait4), and for houserules, which runs one
process per core, the peak of the whole process tree's proportional set
size (PSS: shared pages counted once), sampled every 0.2 s from /proc.

Not a test: it asserts nothing but that every row came out, and prints its
figures. The files go to a temporary folder, removed at the end (--keep to keep it).
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
VENV_BIN = Path(sys.executable).parent

APC_SCRIPT = r"""
import csv, json, sys, time
csv.field_size_limit(2**31 - 1)
t0 = time.perf_counter()
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    texts = [row["text"] for row in csv.DictReader(f)]
t1 = time.perf_counter()
from profanity_check import predict
predict(["warm up"])
t2 = time.perf_counter()
flags = predict(texts)
t3 = time.perf_counter()
print(json.dumps({"rows": len(texts), "read_s": t1 - t0, "predict_s": t3 - t2, "flagged": int(sum(flags))}))
"""


def make_csv(path: Path, rows: int, data: Path) -> int:
    with open(data / "davidson" / "labeled_data.csv", encoding="utf-8", newline="") as f:
        tweets = [html.unescape(r["tweet"]) for r in csv.DictReader(f)]
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "text"])
        for n in range(rows):
            writer.writerow([n + 1, tweets[n % len(tweets)]])
    return len(tweets)


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            todo += [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
        except OSError:
            pass
    return pids


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def run(command: list[str], *, stdout=subprocess.DEVNULL) -> dict:
    """Runs a command; its wall time, exit code, largest RSS of any of its processes, and peak tree PSS."""
    peak = [0]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], sum(_pss_kb(p) for p in _tree(child.pid)))
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = child.stderr.read()
    out = child.stdout.read() if child.stdout else ""
    _, status, usage = os.wait4(child.pid, 0)  # this child's own usage, with its waited-for workers
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    return {"wall": wall, "code": child.returncode, "max_rss_mb": usage.ru_maxrss / 1024,
            "cpu": usage.ru_utime + usage.ru_stime,
            "tree_pss_mb": peak[0] / 1024, "stderr": stderr, "stdout": out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--council", default="city")
    parser.add_argument("--jobs", type=int, default=None, help="houserules --jobs (default: its own, every core)")
    parser.add_argument("--output", default="csv", choices=("csv", "jsonl"), help="houserules' output format")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--keep", action="store_true", help="keep the files made (their folder is printed)")
    parser.add_argument("--skip-apc", action="store_true", help="houserules only")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench_batch_"))
    try:
        source = work / "comments.csv"
        distinct = make_csv(source, args.rows, args.data)
        size = source.stat().st_size
        print(f"input: {args.rows:,} rows ({distinct:,} distinct Davidson tweets, repeated), {size / 2**20:,.1f} MiB")
        print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
              f"Python {platform.python_version()}")

        output = work / f"checked.{args.output}"
        command = [str(VENV_BIN / "houserules"), "--project", str(ROOT), "check", "--council", args.council,
                   "--input", str(source), "--output", str(output)]
        if args.jobs:
            command += ["--jobs", str(args.jobs)]
        print("houserules:", " ".join(command))
        hr = run(command)
        if hr["code"] not in (0, 1):
            sys.exit(f"houserules exited {hr['code']}:\n{hr['stderr'][-3000:]}")
        with open(output, encoding="utf-8", newline="") as f:
            written = (sum(1 for _ in csv.reader(f)) - 1) if args.output == "csv" else sum(1 for _ in f)
        assert written == args.rows, f"{written:,} rows written for {args.rows:,}"
        summary = [line for line in hr["stderr"].splitlines() if "comments checked" in line]
        print("  " + (summary[-1] if summary else "(no summary)"))

        rows = [("houserules check --input (CSV in, CSV out)", args.rows / hr["wall"], hr["wall"], hr["cpu"], None,
                 hr["max_rss_mb"], hr["tree_pss_mb"])]
        if not args.skip_apc:
            apc = run([sys.executable, "-c", APC_SCRIPT, str(source)], stdout=subprocess.PIPE)
            if apc["code"] != 0:
                sys.exit("alt-profanity-check failed (install it: make .venv/.bench-installed):\n"
                         + apc["stderr"][-3000:])
            figures = json.loads(apc["stdout"])
            assert figures["rows"] == args.rows
            rows.append(("alt-profanity-check predict() (one batch)", args.rows / apc["wall"], apc["wall"],
                         apc["cpu"], args.rows / figures["predict_s"], apc["max_rss_mb"], apc["tree_pss_mb"]))

        print()
        print(f"{'':44} {'rows/s':>9} {'wall s':>8} {'CPU s':>8} {'rows/s':>9} {'max RSS':>9} {'peak PSS':>9}")
        print(f"{'':44} {'(run)':>9} {'':>8} {'(all)':>8} {'(call)':>9} {'(1 proc)':>9} {'(tree)':>9}")
        for name, rate, wall, cpu, call, rss, pss in rows:
            print(f"{name:44} {rate:9,.0f} {wall:8.1f} {cpu:8.1f} {(f'{call:,.0f}' if call else '-'):>9} "
                  f"{rss:7.0f}MB {pss:7.0f}MB")
        print("\nCPU s: user + system time of the run's processes (the same however busy the machine is).")
        if args.keep:
            print(f"\nfiles kept in {work}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
