"""The checker's cost in machine instructions per comment: a steady figure to
compare two versions of the engine by, where timings on a shared machine move
by ten per cent from one run to the next.

    .venv/bin/python tests/benchmarks/instructions_per_check.py [CHECKOUT ...] [--council SLUG] [--sample N]

Each checkout (default: this one; another commit can be checked out with
`git worktree add /tmp/old <commit>`) is run under valgrind's cachegrind
twice in fresh interpreters with the hash seed fixed: once checking N
Davidson tweets (which warms its caches), once doing the same and then two
more passes over them. The difference, divided by 2N, is what one warm check
costs. Needs valgrind (Debian: `apt-get install valgrind`); takes about 20 s
a checkout. Not a test: it prints figures and writes no file.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
PASSES = 2

RUN = r"""
import csv, html, random, sys
root, council, sample, passes, data = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
sys.path[:0] = [root + "/generator", root + "/widget"]
from pathlib import Path
from houserules.load import load_policy
from houserules.rulepack import build_rulepack
from houserules_checker import Checker
with open(data + "/davidson/labeled_data.csv", encoding="utf-8", newline="") as f:
    texts = [html.unescape(row["tweet"]) for row in csv.DictReader(f)]
texts = random.Random(42).sample(texts, sample)
checker = Checker(build_rulepack(load_policy(Path(root) / "policies"), council))
for _ in range(1 + passes):
    for text in texts:
        checker.check(text)
"""


def instructions(checkout: Path, council: str, sample: int, passes: int, data: Path) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", RUN, str(checkout), council, str(sample), str(passes), str(data)],
        capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    found = re.search(r"I\s+refs:\s+([\d,]+)", out.stderr)
    if out.returncode or not found:
        sys.exit(f"{checkout}: the run failed\n{out.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkouts", nargs="*", type=Path, default=[ROOT])
    parser.add_argument("--council", default="ashfield")
    parser.add_argument("--sample", type=int, default=2000, help="Davidson tweets (default 2000)")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    print(f"instructions per check: council {args.council}, {args.sample:,} Davidson tweets, warm caches, "
          f"python {sys.version.split()[0]}")
    for checkout in args.checkouts:
        base = instructions(checkout, args.council, args.sample, 0, args.data)
        more = instructions(checkout, args.council, args.sample, PASSES, args.data)
        print(f"   {str(checkout):<40} {(more - base) / (PASSES * args.sample):>10,.0f}")


if __name__ == "__main__":
    main()
