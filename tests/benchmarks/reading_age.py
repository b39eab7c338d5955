"""Reading age of the sentences the generator writes (issue 14): the figures
tests/test_reading_age.py holds to its limits, and the sentences behind them.

    .venv/bin/python tests/benchmarks/reading_age.py [--show [GRADE]]

For the public pages, the staff pages and the checker's page script: how many
distinct sentences, their mean Flesch-Kincaid grade, the 90th percentile and
the hardest. The rule catalogue's own sentences (policies/rules/*.yaml) are
shown beside them for comparison; they are the policy's words, not the
generator's, and no limit applies to them. --show lists every sentence at or
above GRADE (all of them without it), hardest first, with the pages it is on.

Not a test: it asserts nothing and writes no file. What is measured, and how
syllables are counted: tests/readability.py.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("HOUSERULES_TODAY", "2026-12-01")  # as the suite builds (tests/conftest.py)

import readability  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", nargs="?", type=float, const=float("-inf"), default=None, metavar="GRADE",
                        help="list the sentences at or above GRADE (all without it)")
    args = parser.parse_args()
    found = readability.collect(ROOT)
    found["rule catalogue (not held to a limit)"] = readability.catalogue_sentences(ROOT)
    for group, sentences in found.items():
        print(f"{group}: {readability.figures(sentences.values())}")
    if args.show is not None:
        for group, sentences in found.items():
            chosen = [s for s in sentences.values() if s.grade >= args.show]
            print(f"\n== {group} ({len(chosen)})\n{readability.report(chosen)}")


if __name__ == "__main__":
    main()
