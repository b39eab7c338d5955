"""The group-hate detector (widget/houserules_checker/detectors/group_hate.py)
alone, on labelled data it was not written from.

    .venv/bin/python tests/benchmarks/bench_group_hate.py [--data DIR] [--show-dev N]

1. HateCheck (Röttger et al. 2021, CC BY 4.0; shared/data/training/hatecheck.csv):
   per functionality, the share of hateful cases flagged (breaks or may-break)
   and of non-hateful cases not flagged. HateCheck's cases come from
   templates; the templates are split in two by a hash of the template
   text: "dev" templates are the only ones whose cases may be read while
   writing the grammar, "held-out" templates are never read. Each table
   gives all cases, and the held-out ones on their own.
2. HateXplain (Mathew et al. 2021, CC BY 4.0) and Stormfront (de Gibert et
   al. 2018, CC BY-SA 3.0 ES): precision and recall for "hate" (HateXplain:
   hatespeech against offensive and normal; Stormfront: hate against noHate)
   on a held-out 15% of each, chosen by a hash of the text, never read while
   writing the grammar. The other 85% is "dev".
3. False flags on the benign set (tests/data/benign_identity.txt).
4. Time per comment on Davidson et al. tweets (shared/data/davidson): the
   detector alone on a prepared comment, for all tweets and for the tweets
   that name a group; and prepare + detect.

Not a test: it asserts nothing, prints its figures and writes no file. None
of the data sets' text is printed unless --show-dev asks for dev cases
(missed and false flags), which is how the grammar may be tuned on them.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
if str(ROOT / "widget") not in sys.path:
    sys.path.insert(0, str(ROOT / "widget"))

from houserules_checker.detectors import group_hate  # noqa: E402
from houserules_checker.findings import BREAKS  # noqa: E402
from houserules_checker.text import prepare  # noqa: E402

HELD_OUT_SHARE = 15  # percent of HateXplain and Stormfront, by a hash of the text


def bucket(text: str) -> int:
    """0..99, the same for the same text on every run and machine."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:4], "big") % 100


def held_out(text: str) -> bool:
    return bucket(text) < HELD_OUT_SHARE


def template_held_out(template: str) -> bool:
    """HateCheck templates: half are held out (never read), by a hash of the template."""
    return bucket("template:" + template) % 2 == 1


def verdict(text: str) -> str | None:
    """The strongest verdict the detector gives, or None."""
    found = group_hate.find(prepare(text))
    if not found:
        return None
    return BREAKS if any(s.verdict == BREAKS for s in found) else found[0].verdict


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def hatecheck(data: Path, show_dev: int) -> None:
    rows = _read(data / "training" / "hatecheck.csv")
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    missed_dev = []
    for row in rows:
        hateful = row["label"] == "hateful"
        flagged = verdict(row["test_case"] if "test_case" in row else row["text"]) is not None
        right = flagged == hateful
        part = "held-out" if template_held_out(row["template"]) else "dev"
        for key in ("all", part):
            cell = table[row["functionality"]][key]
            cell[0] += right
            cell[1] += 1
        if part == "dev" and not right:
            missed_dev.append((row["functionality"], row["template"] or row["text"]))
    print("\n== HateCheck: per functionality, share judged right "
          "(hateful: flagged, breaks or may-break; non-hateful: not flagged)")
    print(f"  {'functionality':24} {'label':12} {'all':>14} {'held-out':>14}")
    totals = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for functionality in sorted(table, key=lambda f: (f.endswith("_nh"), f)):
        label = "non-hateful" if functionality.endswith("_nh") else "hateful"
        cells = table[functionality]
        print(f"  {functionality:24} {label:12} {_share(cells['all']):>14} {_share(cells['held-out']):>14}")
        for key in ("all", "held-out"):
            totals[label][key][0] += cells[key][0]
            totals[label][key][1] += cells[key][1]
    for label in ("hateful", "non-hateful"):
        print(f"  {'TOTAL':24} {label:12} {_share(totals[label]['all']):>14} {_share(totals[label]['held-out']):>14}")
    if show_dev:
        print(f"\n  dev templates with a case judged wrong (first {show_dev}):")
        for functionality, text in list(dict.fromkeys(missed_dev))[:show_dev]:
            print(f"    {functionality:22} {text}")


def _share(cell: list[int]) -> str:
    right, total = cell
    return f"{right / total:6.1%} of {total:<4}" if total else "-"


def precision_recall(name: str, rows: list[tuple[str, bool]], show_dev: int) -> None:
    parts = {"held-out": [r for r in rows if held_out(r[0])], "dev": [r for r in rows if not held_out(r[0])]}
    print(f"\n== {name}: the detector alone for 'hate'")
    print(f"  {'part':9} {'rows':>6} {'hate':>6} {'flagged':>8} {'precision':>10} {'recall':>8} "
          f"{'breaks: precision':>18} {'recall':>8}")
    for part, chosen in parts.items():
        counts = {"tp": 0, "fp": 0, "fn": 0, "btp": 0, "bfp": 0}
        wrong = []
        for text, hate in chosen:
            v = verdict(text)
            if v is not None and hate:
                counts["tp"] += 1
            elif v is not None:
                counts["fp"] += 1
                wrong.append(("false flag", text))
            elif hate:
                counts["fn"] += 1
                wrong.append(("missed", text))
            if v == BREAKS:
                counts["btp" if hate else "bfp"] += 1
        positives = counts["tp"] + counts["fn"]
        flagged = counts["tp"] + counts["fp"]
        breaks = counts["btp"] + counts["bfp"]
        print(f"  {part:9} {len(chosen):>6} {positives:>6} {flagged:>8} "
              f"{_ratio(counts['tp'], flagged):>10} {_ratio(counts['tp'], positives):>8} "
              f"{_ratio(counts['btp'], breaks):>18} {_ratio(counts['btp'], positives):>8}")
        if part == "dev" and show_dev:
            for what, text in wrong[:show_dev]:
                print(f"    {what:10} {text[:200]}")


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.1%}" if b else "-"


def benign() -> None:
    lines = [line for line in (ROOT / "tests" / "data" / "benign_identity.txt").read_text(encoding="utf-8")
             .splitlines() if line.strip()]
    verdicts = [verdict(line) for line in lines]
    breaks = sum(v == BREAKS for v in verdicts)
    flagged = sum(v is not None for v in verdicts)
    may = flagged - breaks
    print(f"\n== Benign set (tests/data/benign_identity.txt): {len(lines)} comments, "
          f"{breaks} break ({breaks / len(lines):.1%}), {may} may break ({may / len(lines):.1%})")


def timing(data: Path) -> None:
    rows = _read(data / "davidson" / "labeled_data.csv")
    texts = [row["tweet"] for row in rows]
    prepared = [prepare(text) for text in texts]
    naming = [c for c in prepared if not group_hate._ANCHOR_WORDS.isdisjoint(c.words.keys)]

    def per_comment(run, items, repeat=3):
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            for item in items:
                run(item)
            best = min(best, time.perf_counter() - started)
        return best / len(items) * 1e6

    find = group_hate.find
    every = per_comment(find, prepared)
    named = per_comment(find, naming)
    whole = per_comment(lambda text: find(prepare(text)), texts)
    quiet = per_comment(lambda c: None, prepared)  # the loop's own cost, taken off
    samples = []  # each tweet's own time, best of 3 (one timing alone may be a pause of the collector)
    for c in naming:
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            find(c)
            best = min(best, time.perf_counter() - started)
        samples.append(best * 1e6)
    samples.sort()
    print(f"\n== Time per comment, Davidson tweets ({len(texts):,}; {len(naming):,} hold a word that may name a "
          f"group), Python {sys.version.split()[0]}, best of 3")
    print(f"  detector alone, every tweet:                  {every - quiet:6.2f} µs")
    print(f"  detector alone, tweets with such a word:      {named - quiet:6.2f} µs "
          f"(each tweet's best of 3: p50 {statistics.median(samples):.1f}, "
          f"p95 {samples[int(len(samples) * .95)]:.1f}, max {samples[-1]:.1f})")
    print(f"  prepare + detector, every tweet:              {whole - quiet:6.2f} µs")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show-dev", type=int, default=0, metavar="N",
                        help="print up to N dev cases judged wrong in each data set (never held-out ones)")
    parser.add_argument("--only", choices=("hatecheck", "sets", "benign", "timing"), action="append")
    args = parser.parse_args(argv)
    only = set(args.only or ("hatecheck", "sets", "benign", "timing"))
    if "hatecheck" in only:
        hatecheck(args.data, args.show_dev)
    if "sets" in only:
        hatexplain = _read(args.data / "training" / "hatexplain.csv")
        precision_recall("HateXplain", [(row["text"], row["label"] == "hatespeech") for row in hatexplain],
                         args.show_dev)
        precision_recall("HateXplain, hatespeech or offensive against normal",
                         [(row["text"], row["label"] != "normal") for row in hatexplain], 0)
        precision_recall("Stormfront", [(row["text"], row["label"] == "hate")
                                        for row in _read(args.data / "training" / "stormfront.csv")], args.show_dev)
    if "benign" in only:
        benign()
    if "timing" in only:
        timing(args.data)


if __name__ == "__main__":
    main()
