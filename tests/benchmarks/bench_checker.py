"""Comment-checker benchmark: houserules' checker side by side with two popular
Python filters, better-profanity and alt-profanity-check, on real labelled data.

    make bench-checker                      # installs tests/benchmarks/requirements-bench.lock, then runs this
    .venv/bin/python tests/benchmarks/bench_checker.py [--sample N] [--council SLUG] [--data DIR]

1. Davidson et al. tweets (shared/data/davidson/labeled_data.csv): offensive
   or hate (class 0 or 1) against neither (class 2). houserules flags a tweet
   when one of the council's language rules breaks (a second row: breaks or
   may-break).
2. UCI YouTube spam (shared/data/youtube_spam_dev/*.csv): houserules flags a
   comment when its spam or advertising rule breaks; the repetition rule is
   given the same author's earlier comments in that file (by DATE, the 20
   latest before this one). The two profanity filters are no spam filters:
   their rows are a reference point only.
3. Throughput, one comment per call in a single process, on Davidson texts
   (best of 3, after the passes above), and houserules' time per call at
   p50/p95; and houserules on first sight of the same texts (one pass in a
   fresh process, every cache empty).

Not a test: it asserts nothing, prints its figures and writes no file. The
benchmark-only packages are in tests/benchmarks/requirements-bench.lock, kept
out of the runtime lock. The data sit in ../shared/data beside the repository
(--data to point elsewhere); they hold real, offensive posts.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import glob
import html
import multiprocessing
import os
import platform
import random
import shlex
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
for _src in (ROOT / "generator", ROOT / "widget"):
    if str(_src) not in sys.path:
        sys.path.insert(0, str(_src))

from houserules.load import load_policy  # noqa: E402
from houserules.rulepack import build_rulepack  # noqa: E402
from houserules_checker import BREAKS, MAY_BREAK, Checker  # noqa: E402

LANGUAGE_RULES = ("swearing", "obscene", "discrimination", "hate", "abuse", "personal-attacks", "threats")
SPAM_RULES = ("spam", "advertising")
SEED = 42
EARLIER_MAX = 20
# One comment per call is slow for these two, so their throughput is measured
# on the first comments of the same sample only.
SLOW_CAP = {"alt-profanity-check": 1000, "better-profanity": 500}


# --- data -------------------------------------------------------------------

def load_davidson(data: Path, sample: int | None) -> tuple[list[tuple[str, int]], int]:
    """(text, 1 if offensive or hate else 0) rows, and the size of the whole
    set. Tweets come HTML-escaped (&amp;, &#128514;): unescaped, as a
    moderator would see them."""
    with open(data / "davidson" / "labeled_data.csv", encoding="utf-8", newline="") as f:
        rows = [(html.unescape(r["tweet"]), 1 if r["class"] in ("0", "1") else 0) for r in csv.DictReader(f)]
    total = len(rows)
    if sample and sample < total:
        rows = random.Random(SEED).sample(rows, sample)
    return rows, total


def load_youtube(data: Path) -> list[dict]:
    """Comments with label, source file and the author's earlier comments in
    that file. Some files are HTML-escaped (&#39;, &amp;): unescaped too."""
    items = []
    for path in sorted(glob.glob(str(data / "youtube_spam_dev" / "*.csv"))):
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        when = [dt.datetime.fromisoformat(r["DATE"]) if r["DATE"] else None for r in rows]
        by_author: dict[str, list[int]] = {}
        for i, r in enumerate(rows):
            by_author.setdefault(r["AUTHOR"], []).append(i)
        for i, r in enumerate(rows):
            earlier = []
            if when[i] is not None:
                mine = [j for j in by_author[r["AUTHOR"]] if when[j] is not None and when[j] < when[i]]
                mine.sort(key=lambda j: when[j])
                earlier = [html.unescape(rows[j]["CONTENT"]) for j in mine[-EARLIER_MAX:]]
            items.append({"text": html.unescape(r["CONTENT"]), "label": int(r["CLASS"]), "earlier": earlier,
                          "file": Path(path).name})
    if not items:
        raise SystemExit(f"no YouTube spam CSV files under {data / 'youtube_spam_dev'}")
    return items


# --- tools ------------------------------------------------------------------

def make_houserules(policies: Path, council: str) -> Checker:
    return Checker(build_rulepack(load_policy(policies), council))


def _better_profanity():
    from better_profanity import profanity
    profanity.contains_profanity("warm up")  # loads its word list
    return profanity.contains_profanity


def _alt_profanity_check():
    from profanity_check import predict
    return predict


_BP = None


def _bp_init() -> None:
    global _BP
    _BP = _better_profanity()


def _bp_flags(texts: list[str]) -> list[bool]:
    return [bool(_BP(t)) for t in texts]


def better_profanity_flags(texts: list[str], jobs: int) -> list[bool]:
    """better-profanity on every text (about 70-100 a second), spread over `jobs` processes."""
    if jobs <= 1 or len(texts) < 200:
        contains = _better_profanity()
        return [bool(contains(t)) for t in texts]
    size = -(-len(texts) // (jobs * 8))
    chunks = [texts[i:i + size] for i in range(0, len(texts), size)]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_bp_init) as pool:
        return [flag for part in pool.map(_bp_flags, chunks) for flag in part]


def alt_profanity_check_flags(predict, texts: list[str]) -> list[bool]:
    """One batched predict(): the same model and result as one call per text, a thousand times faster."""
    return [bool(v == 1) for v in predict(texts)] if texts else []


def rules_broken(result, rules: set[str], verdicts: tuple[str, ...]) -> bool:
    return any(f.verdict in verdicts and f.rule in rules for f in result.findings)


# --- scoring and printing ----------------------------------------------------

def score(labels: list[int], flags: list[bool]) -> dict:
    tp = sum(1 for y, p in zip(labels, flags) if y and p)
    fp = sum(1 for y, p in zip(labels, flags) if not y and p)
    fn = sum(1 for y, p in zip(labels, flags) if y and not p)
    tn = len(labels) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"P": precision, "R": recall, "F1": f1, "TP": tp, "FP": fp, "FN": fn, "TN": tn}


def print_scores(rows: list[tuple[str, dict]]) -> None:
    width = max(len(name) for name, _ in rows)
    print(f"   {'tool':<{width}}  {'P':>6} {'R':>6} {'F1':>6}  {'TP':>6} {'FP':>6} {'FN':>6} {'TN':>6}")
    for name, s in rows:
        print(f"   {name:<{width}}  {s['P']:6.3f} {s['R']:6.3f} {s['F1']:6.3f}  "
              f"{s['TP']:6d} {s['FP']:6d} {s['FN']:6d} {s['TN']:6d}")


def best_of(repeat: int, fn, texts: list[str]) -> float:
    fn(texts[0])  # warm up
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return best


def first_sight(policies: Path, council: str, texts: list[str]) -> float:
    """Seconds for one pass over texts in a fresh interpreter, where the
    checker has seen none of their words: run in a spawned process, so no
    cache is warm."""
    checker = make_houserules(policies, council)
    t0 = time.perf_counter()
    for t in texts:
        checker.check(t)
    return time.perf_counter() - t0


def checker_revision() -> str:
    """The commit measured, and whether the checker or policy had uncommitted changes."""
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "widget/houserules_checker",
                                "generator", "policies"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "commit unknown"
    return f"commit {head}" + (" + uncommitted changes to the checker or policy" if dirty else "")


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


# --- the benchmark -----------------------------------------------------------

def evaluate_davidson(checker: Checker, rows, jobs: int, predict) -> dict:
    language = set(LANGUAGE_RULES) & {r["id"] for r in checker.pack["rules"]}
    texts = [t for t, _ in rows]
    results = [checker.check(t) for t in texts]
    return {
        "language": language,
        "texts": texts,
        "labels": [y for _, y in rows],
        "flags": {
            "houserules (breaks)": [rules_broken(r, language, (BREAKS,)) for r in results],
            "houserules (breaks or may-break)": [rules_broken(r, language, (BREAKS, MAY_BREAK)) for r in results],
            "better-profanity": better_profanity_flags(texts, jobs),
            "alt-profanity-check": alt_profanity_check_flags(predict, texts),
        },
    }


def evaluate_youtube(checker: Checker, items, jobs: int, predict) -> dict:
    spam = set(SPAM_RULES)
    texts = [it["text"] for it in items]
    results = [checker.check(it["text"], earlier=it["earlier"]) for it in items]
    return {
        "texts": texts,
        "labels": [it["label"] for it in items],
        "flags": {
            "houserules (breaks)": [rules_broken(r, spam, (BREAKS,)) for r in results],
            "houserules (breaks or may-break)": [rules_broken(r, spam, (BREAKS, MAY_BREAK)) for r in results],
            "better-profanity": better_profanity_flags(texts, jobs),
            "alt-profanity-check": alt_profanity_check_flags(predict, texts),
        },
    }


def spam_council(policies, wanted: str | None, council: str) -> str:
    policy = load_policy(policies)

    def adopts(slug):
        return set(SPAM_RULES) <= {r["id"] for r in build_rulepack(policy, slug)["rules"]}

    if wanted:
        if not adopts(wanted):
            raise SystemExit(f"council {wanted!r} does not adopt both {' and '.join(SPAM_RULES)}")
        return wanted
    if adopts(council):
        return council
    for slug in sorted(policy.councils):
        if adopts(slug):
            return slug
    raise SystemExit(f"no council adopts both {' and '.join(SPAM_RULES)}")


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA, help=f"the shared data folder (default {DATA})")
    ap.add_argument("--policies", type=Path, default=ROOT / "policies")
    ap.add_argument("--council", default="ashfield", help="council whose rule pack is measured (default ashfield)")
    ap.add_argument("--spam-council", help="council for the YouTube set (default: --council if it adopts "
                                           "both spam and advertising, else the first that does)")
    ap.add_argument("--sample", type=int, help="a seeded (42) random sample of N Davidson tweets instead of all")
    ap.add_argument("--throughput", type=int, default=5000, help="Davidson comments timed per tool (default 5000)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs, best kept (default 3)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="processes for better-profanity's accuracy passes only (default: the cores)")
    return ap.parse_args(argv)


def main(argv=None) -> None:
    args = parse_args(argv)
    started = time.perf_counter()
    if not (args.data / "davidson" / "labeled_data.csv").is_file():
        raise SystemExit(f"no {args.data / 'davidson' / 'labeled_data.csv'}: pass --data DIR (the shared data folder)")

    print("houserules comment checker benchmark")
    command = [sys.argv[0], *sys.argv[1:]] if argv is None else ["bench_checker.py", *argv]
    print(f"command: python {shlex.join(command)}")
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; "
          f"houserules {version('houserules')}, better-profanity {version('better-profanity')}, "
          f"alt-profanity-check {version('alt-profanity-check')} (scikit-learn {version('scikit-learn')})")
    print(f"houserules at {checker_revision()}")

    setup = {}
    t0 = time.perf_counter()
    checker = make_houserules(args.policies, args.council)
    setup["houserules"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    bp = _better_profanity()
    setup["better-profanity"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    predict = _alt_profanity_check()
    setup["alt-profanity-check"] = time.perf_counter() - t0

    # 1. Davidson
    rows, total = load_davidson(args.data, args.sample)
    d = evaluate_davidson(checker, rows, args.jobs, predict)
    if not d["language"]:
        raise SystemExit(f"council {args.council!r} adopts none of the language rules {', '.join(LANGUAGE_RULES)}")
    pos = sum(d["labels"])
    print()
    print("1. Davidson et al. (2017) tweets: offensive or hate (class 0/1) vs neither (class 2)")
    which = "the whole set" if len(rows) == total else f"random sample of {total:,}, seed {SEED}"
    print(f"   {len(rows):,} tweets ({which}): {pos:,} positive, {len(rows) - pos:,} negative; HTML entities unescaped")
    print(f"   houserules: council {args.council}, positive when one of its language rules "
          f"({', '.join(r for r in LANGUAGE_RULES if r in d['language'])}) has that verdict")
    print_scores([(name, score(d["labels"], flags)) for name, flags in d["flags"].items()])
    print("   note: alt-profanity-check's model was trained on this data set, so its figures here flatter it.")
    sys.stdout.flush()

    # 2. YouTube spam
    slug = spam_council(args.policies, args.spam_council, args.council)
    spam_checker = checker if slug == args.council else make_houserules(args.policies, slug)
    items = load_youtube(args.data)
    y = evaluate_youtube(spam_checker, items, args.jobs, predict)
    files = sorted({it["file"] for it in items})
    per_file = ", ".join(f"{f} {sum(1 for it in items if it['file'] == f):,}" for f in files)
    spam = sum(y["labels"])
    with_earlier = sum(1 for it in items if it["earlier"])
    print()
    print("2. UCI YouTube spam collection (development videos): spam (CLASS 1) vs ham (CLASS 0)")
    print(f"   {len(items):,} comments ({per_file}): {spam:,} spam, {len(items) - spam:,} ham; "
          f"{with_earlier:,} have earlier comments by the same author in their file; HTML entities unescaped")
    print(f"   houserules: council {slug}, spam when its spam or advertising rule has that verdict; "
          f"earlier = same author's comments before it by DATE, at most {EARLIER_MAX}")
    print_scores([(name, score(y["labels"], flags)) for name, flags in y["flags"].items()])
    print("   note: better-profanity and alt-profanity-check are no spam filters: 'spam' here means "
          "flagged as profane, a reference point only.")
    sys.stdout.flush()

    # 3. Throughput
    pool = list(d["texts"])
    sample = random.Random(SEED).sample(pool, min(args.throughput, len(pool)))
    runs = [
        ("houserules", lambda t: checker.check(t), sample),
        ("better-profanity", bp, sample[:SLOW_CAP["better-profanity"]]),
        ("alt-profanity-check", lambda t: predict([t]), sample[:SLOW_CAP["alt-profanity-check"]]),
    ]
    print()
    print(f"3. Throughput: Davidson texts (random sample, seed {SEED}), one comment per call, single process, "
          f"best of {args.repeat}")
    print(f"   {'tool':<20} {'comments':>8} {'best s':>8} {'comments/s':>11} {'setup s':>8}")
    for name, fn, texts in runs:
        best = best_of(args.repeat, fn, texts)
        print(f"   {name:<20} {len(texts):8,} {best:8.3f} {len(texts) / best:11,.0f} {setup[name]:8.2f}")
        sys.stdout.flush()
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        cold = pool.submit(first_sight, args.policies, args.council, sample).result()
    print(f"   {'houserules, cold':<20} {len(sample):8,} {cold:8.3f} {len(sample) / cold:11,.0f}"
          f"      (one pass in a fresh process: no word seen before)")
    times = []
    for t in sample:
        t0 = time.perf_counter_ns()
        checker.check(t)
        times.append((time.perf_counter_ns() - t0) / 1e3)
    cuts = statistics.quantiles(times, n=100) if len(times) > 1 else times * 99
    print(f"   houserules per call over {len(times):,} comments: p50 {cuts[49]:.0f} µs, p95 {cuts[94]:.0f} µs, "
          f"p99 {cuts[98]:.0f} µs, max {max(times):.0f} µs")
    apc_texts = sample[:SLOW_CAP["alt-profanity-check"]]
    batched = alt_profanity_check_flags(predict, apc_texts)
    agree = sum(1 for t, b in zip(apc_texts, batched) if (predict([t])[0] == 1) == b)
    print(f"   notes: better-profanity and alt-profanity-check are slow one comment at a time, so their "
          f"throughput is timed on the first {SLOW_CAP['better-profanity']:,} / {SLOW_CAP['alt-profanity-check']:,} "
          f"of the same sample; setup = building the rule pack and checker / importing and loading the filter.")
    print("   accuracy (1, 2): alt-profanity-check scored with one batched predict() per set (same model; "
          f"per-call and batched agree on {agree:,} of {len(apc_texts):,} comments here); better-profanity "
          f"run in {args.jobs} process(es).")
    print()
    print(f"total time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
