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
3. The second-opinion model (houserules_checker/model.py) on its held-out
   validation split (15% of Davidson, HateXplain, Stormfront and HateCheck,
   by a hash of the text; HateCheck by template: tests/benchmarks/
   train_model.py chooses the split, and the model's threshold on it):
   offensive or hateful vs not, texts cleaned as for training. houserules
   three ways: its rules alone (Checker(second_opinion=False)), the model
   alone ("may break"), and both, as pages and exports run them.
4. HateCheck by functionality, on the 40% of its templates the model was
   never trained on nor tuned with: the share of cases each tool gets right
   (hateful flagged, non-hateful not).
5. The benign-identity set (tests/data/benign_identity.txt: comments that
   name a protected group and break no rule; skipped if the file is
   missing): how many each tool says break, or only may break, every rule
   of the council counted.
6. Throughput, one comment per call in a single process, on Davidson texts
   (best of 3, after the passes above), and houserules' time per call at
   p50/p95; houserules on first sight of the same texts (one pass in a
   fresh process, every cache empty); houserules (rules and model, as run),
   its rules alone, and the model alone.

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
import gzip
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
from houserules_checker import model as second_opinion  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_model  # noqa: E402  (the model's splits, as its training chose them)

BENIGN = ROOT / "tests" / "data" / "benign_identity.txt"

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

def make_houserules(policies: Path, council: str, *, second_opinion: bool = True) -> Checker:
    """The checker as pages and exports run it (rules and the model's second
    opinion), or its rules alone (second_opinion=False)."""
    return Checker(build_rulepack(load_policy(policies), council), second_opinion=second_opinion)


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


def three_ways(checker: Checker, rules_alone: Checker, texts: list[str], rules: set[str]) -> dict[str, list[bool]]:
    """houserules' rules alone, the model alone, and both as the checker runs
    them (the model speaks only when no rule on abuse found anything):
    flagged or not, per text."""
    alone = [rules_alone.check(t) for t in texts]
    both = [checker.check(t) for t in texts]
    return {
        "houserules rules (breaks)": [rules_broken(r, rules, (BREAKS,)) for r in alone],
        "houserules rules (breaks or may-break)": [rules_broken(r, rules, (BREAKS, MAY_BREAK)) for r in alone],
        "houserules model alone (may-break)": [second_opinion.second_opinion(t) is not None for t in texts],
        "houserules rules + model (any)": [rules_broken(r, rules, (BREAKS, MAY_BREAK)) for r in both],
    }


def _benign(checker: Checker, rules_alone: Checker, texts: list[str], predict,
            jobs: int) -> list[tuple[str, int, int]]:
    """(tool, comments it says break, comments it says only may break)."""
    rules = {r["id"] for r in checker.pack["rules"]}

    def counts(c: Checker) -> tuple[int, int]:
        results = [c.check(t) for t in texts]
        breaks = [rules_broken(r, rules, (BREAKS,)) for r in results]
        return sum(breaks), sum(not b and rules_broken(r, rules, (MAY_BREAK,)) for r, b in zip(results, breaks))

    return [
        ("houserules rules alone", *counts(rules_alone)),
        ("houserules model alone", 0, sum(second_opinion.second_opinion(t) is not None for t in texts)),
        ("houserules rules + model", *counts(checker)),
        ("better-profanity", sum(better_profanity_flags(texts, jobs)), 0),
        ("alt-profanity-check", sum(alt_profanity_check_flags(predict, texts)), 0),
    ]


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
    ap.add_argument("--only-throughput", action="store_true",
                    help="section 6 alone (a minute or two): the speed figures, on an idle machine")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="processes for better-profanity's accuracy passes only (default: the cores)")
    return ap.parse_args(argv)


def accuracy(args, checker: Checker, rules_alone: Checker, predict, weights) -> list[str]:
    """Sections 1-5: accuracy beside the other tools. Returns the Davidson texts the throughput samples."""
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

    # 3-5. The second-opinion model
    language = d["language"]
    split = train_model.load(args.data)
    valid = [r for r in split if r.split == "validation"]
    size = second_opinion.WEIGHTS_FILE.stat().st_size
    packed = len(gzip.compress(second_opinion.WEIGHTS_FILE.read_bytes(), 9))
    print()
    print("3. The second-opinion model on its held-out validation split: offensive or hateful vs not")
    count = len(weights.words) + len(weights.pairs) + len(weights.chars)
    print(f"   model: {second_opinion.WEIGHTS_FILE.name}, recipe version {weights.header.get('recipe-version')}, "
          f"{count:,} weights, threshold {weights.threshold:.2f} (chosen on this split); {size:,} bytes, "
          f"{packed:,} gzipped")
    counts = {src: (sum(1 for r in valid if r.source == src), sum(r.label for r in valid if r.source == src))
              for src in sorted({r.source for r in valid})}
    print(f"   {len(valid):,} rows never trained on ("
          + ", ".join(f"{src} {n:,} ({pos:,} positive)" for src, (n, pos) in counts.items()) + ")")
    print(f"   texts cleaned as for training (HTML entities, links, HateXplain's placeholders and 'RT' removed); "
          f"houserules rules: council {args.council}'s language rules")
    texts = [r.text for r in valid]
    labels = [r.label for r in valid]
    flags = three_ways(checker, rules_alone, texts, language)
    flags["better-profanity"] = better_profanity_flags(texts, args.jobs)
    flags["alt-profanity-check"] = alt_profanity_check_flags(predict, texts)
    print_scores([(name, score(labels, f)) for name, f in flags.items()])
    print("   F1 by source:")
    width = max(map(len, flags))
    print(f"   {'tool':<{width}}  " + " ".join(f"{src:>10}" for src in counts))
    for name, f in flags.items():
        by_source = [score([y for y, r in zip(labels, valid) if r.source == src],
                           [x for x, r in zip(f, valid) if r.source == src])["F1"] for src in counts]
        print(f"   {name:<{width}}  " + " ".join(f"{f1:10.3f}" for f1 in by_source))
    print("   note: alt-profanity-check's model was trained on Davidson, its rows here among them.")
    sys.stdout.flush()

    unseen = [r for r in split if r.split == "test"]
    print()
    print(f"4. HateCheck by functionality: {len(unseen):,} cases from the "
          f"{len({r.template for r in unseen}):,} templates the model was never trained on nor tuned with; "
          "the share of cases each tool gets right")
    texts = [r.text for r in unseen]
    flags = three_ways(checker, rules_alone, texts, language)
    flags["better-profanity"] = better_profanity_flags(texts, args.jobs)
    flags["alt-profanity-check"] = alt_profanity_check_flags(predict, texts)
    short = {"houserules rules (breaks)": "rules b", "houserules rules (breaks or may-break)": "rules b|mb",
             "houserules model alone (may-break)": "model", "houserules rules + model (any)": "rules+model",
             "better-profanity": "b-prof", "alt-profanity-check": "alt-pc"}
    print(f"   {'functionality':<20} {'hateful':>7} {'cases':>5}  " + " ".join(f"{short[n]:>11}" for n in flags))
    for functionality in sorted({r.functionality for r in unseen}):
        ix = [i for i, r in enumerate(unseen) if r.functionality == functionality]
        hateful = unseen[ix[0]].label
        print(f"   {functionality:<20} {'yes' if hateful else 'no':>7} {len(ix):5d}  " + " ".join(
            f"{sum(1 for i in ix if f[i] == bool(unseen[i].label)) / len(ix):11.0%}" for f in flags.values()))
    for name, want in (("all hateful", 1), ("all non-hateful", 0)):
        ix = [i for i, r in enumerate(unseen) if r.label == want]
        print(f"   {name:<20} {'':>7} {len(ix):5d}  " + " ".join(
            f"{sum(1 for i in ix if f[i] == bool(want)) / len(ix):11.0%}" for f in flags.values()))
    print("   (" + "; ".join(f"{v}: {k}" for k, v in short.items()) + ")")
    sys.stdout.flush()

    print()
    if BENIGN.is_file():
        benign = [line.strip() for line in BENIGN.read_text(encoding="utf-8").splitlines()
                  if line.strip() and not line.lstrip().startswith("#")]
        print(f"5. Benign comments naming a protected group ({BENIGN.relative_to(ROOT)}, {len(benign):,} comments, "
              f"every one should pass): how many each tool flags; houserules: every rule of council {args.council}")
        print(f"   {'tool':<28} {'breaks':>7} {'may break only':>15} {'flagged':>8}")
        for name, b, m in _benign(checker, rules_alone, benign, predict, args.jobs):
            print(f"   {name:<28} {b:7d} {m:15d} {(b + m) / len(benign):8.1%}")
        print("   (better-profanity and alt-profanity-check have one verdict: counted as 'breaks')")
    else:
        print(f"5. Benign comments naming a protected group: skipped, no {BENIGN.relative_to(ROOT)}")
    sys.stdout.flush()

    return d["texts"]


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
    second_opinion.model()
    setup["houserules"] = time.perf_counter() - t0
    rules_alone = make_houserules(args.policies, args.council, second_opinion=False)
    t0 = time.perf_counter()
    bp = _better_profanity()
    setup["better-profanity"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    predict = _alt_profanity_check()
    setup["alt-profanity-check"] = time.perf_counter() - t0
    weights = second_opinion.model()

    if args.only_throughput:
        texts = [t for t, _ in load_davidson(args.data, args.sample)[0]]
    else:
        texts = accuracy(args, checker, rules_alone, predict, weights)

    # 6. Throughput
    pool = list(texts)
    sample = random.Random(SEED).sample(pool, min(args.throughput, len(pool)))
    opinion = second_opinion.second_opinion
    runs = [
        ("houserules", lambda t: checker.check(t), sample),
        ("houserules rules alone", lambda t: rules_alone.check(t), sample),
        ("model alone", opinion, sample),
        ("better-profanity", bp, sample[:SLOW_CAP["better-profanity"]]),
        ("alt-profanity-check", lambda t: predict([t]), sample[:SLOW_CAP["alt-profanity-check"]]),
    ]
    print()
    print(f"6. Throughput: Davidson texts (random sample, seed {SEED}), one comment per call, single process, "
          f"best of {args.repeat}")
    print(f"   {'tool':<20} {'comments':>8} {'best s':>8} {'comments/s':>11} {'setup s':>8}")
    for name, fn, texts in runs:
        best = best_of(args.repeat, fn, texts)
        print(f"   {name:<20} {len(texts):8,} {best:8.3f} {len(texts) / best:11,.0f} "
              f"{setup.get(name, setup['houserules']):8.2f}")
        sys.stdout.flush()
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        cold = pool.submit(first_sight, args.policies, args.council, sample).result()
    print(f"   {'houserules, cold':<20} {len(sample):8,} {cold:8.3f} {len(sample) / cold:11,.0f}"
          f"      (one pass in a fresh process: no word seen before)")
    for name, fn in (("houserules", checker.check), ("houserules rules alone", rules_alone.check),
                     ("model alone", opinion)):
        times = []
        for t in sample:
            t0 = time.perf_counter_ns()
            fn(t)
            times.append((time.perf_counter_ns() - t0) / 1e3)
        cuts = statistics.quantiles(times, n=100) if len(times) > 1 else times * 99
        print(f"   {name} per call over {len(times):,} comments: p50 {cuts[49]:.0f} µs, p95 {cuts[94]:.0f} µs, "
              f"p99 {cuts[98]:.0f} µs, max {max(times):.0f} µs")
    flagged = sum(1 for t in sample if opinion(t) is not None)
    print(f"   the model alone says 'may break' of {flagged:,} of these {len(sample):,} comments, naming "
          "the words that pushed it (the slower path); houserules = rules and model, as pages and exports run it")
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
