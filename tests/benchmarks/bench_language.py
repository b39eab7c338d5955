"""The `language` check on real comments: how often English is taken for
another language, which comments it flags, and what it costs.

    .venv/bin/python tests/benchmarks/bench_language.py [--data DIR] [--show]

1. Davidson et al. tweets (shared/data/davidson/labeled_data.csv), English:
   the share flagged (for a council accepting English only). --show lists
   them, with the language named: each should really not be English.
2. UCI YouTube comments (shared/data/youtube_spam_dev/*.csv), mostly English:
   every comment flagged, with the language named.
3. Microseconds per comment for the detector alone on the Davidson tweets
   (each prepared once beforehand, as the checker does; best of 3), and the
   one-off cost of building its tables, paid when a rule pack first uses it.

Not a test: it asserts nothing and writes no file. The data sit in
../shared/data beside the repository (--data to point elsewhere); they hold
real, offensive posts.
"""

from __future__ import annotations

import argparse
import csv
import glob
import html
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
if str(ROOT / "widget") not in sys.path:
    sys.path.insert(0, str(ROOT / "widget"))

from houserules_checker.detectors import language  # noqa: E402
from houserules_checker.text import prepare  # noqa: E402

REPEAT = 3


def load_davidson(data: Path) -> list[str]:
    """Tweets come HTML-escaped (&amp;, &#128514;): unescaped, as a moderator would see them."""
    with open(data / "davidson" / "labeled_data.csv", encoding="utf-8", newline="") as f:
        return [html.unescape(r["tweet"]) for r in csv.DictReader(f)]


def load_youtube(data: Path) -> list[str]:
    texts = []
    for path in sorted(glob.glob(str(data / "youtube_spam_dev" / "*.csv"))):
        with open(path, encoding="utf-8", newline="") as f:
            texts += [html.unescape(r["CONTENT"]) for r in csv.DictReader(f)]
    return texts


def flagged(texts: list[str], prepared) -> list[tuple[str, str, str]]:
    """(comment, language named, text pointed at) for each comment flagged."""
    out = []
    for text in texts:
        for _, start, end, why in language.detect(prepare(text), None, prepared):
            out.append((text, why.split(", not ")[0].removeprefix("written in "), text[start:end]))
    return out


def one_line(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder holding davidson/ and youtube_spam_dev/")
    parser.add_argument("--show", action="store_true", help="list the Davidson tweets flagged")
    args = parser.parse_args()

    t0 = time.perf_counter()
    prepared = language.prepare({"kind": "language", "languages": ["en"]})
    built = time.perf_counter() - t0
    print(f"language check, a council accepting English only (tables built in {built * 1000:.1f} ms, once)")

    davidson = load_davidson(args.data)
    hits = flagged(davidson, prepared)
    print(f"\n1. Davidson tweets flagged: {len(hits)} of {len(davidson):,} = {len(hits) / len(davidson):.3%}")
    by_language: dict[str, int] = {}
    for _, name, _ in hits:
        by_language[name] = by_language.get(name, 0) + 1
    if by_language:
        print("   " + ", ".join(f"{name} {n}" for name, n in sorted(by_language.items(), key=lambda kv: -kv[1])))
    if args.show:
        for text, name, _ in hits:
            print(f"   [{name}] {one_line(text)}")

    youtube = load_youtube(args.data)
    hits = flagged(youtube, prepared)
    print(f"\n2. YouTube comments flagged: {len(hits)} of {len(youtube):,}")
    for text, name, _ in hits:
        print(f"   [{name}] {one_line(text)}")

    comments = [prepare(text) for text in davidson]
    detect = language.detect
    for comment in comments:  # warm up: what the check learns of characters and words on the way
        detect(comment, None, prepared)
    best = float("inf")
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        for comment in comments:
            detect(comment, None, prepared)
        best = min(best, time.perf_counter() - t0)
    print(f"\n3. detector alone, Davidson tweets: {best / len(comments) * 1e6:.2f} µs per comment "
          f"(best of {REPEAT}, {len(comments):,} comments, Python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
