"""The checker on random Unicode: a few hundred comments of random code points
(lone surrogates, combining marks, zero-width and bidi characters, emoji,
other scripts, and words the detectors look for), checked with every
council's rule pack. Seeded, so every run checks the same comments.

Whatever the comment, the check gives a result (input that is not
checkable, only a CheckError), and every place a finding points to is in
the comment: 0 <= start <= end <= len(comment), and the text it quotes is
comment[start:end]. A lone surrogate cannot be encoded, so the checker
quotes it as U+FFFD, one for one: the places are unchanged.
"""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from houserules.load import load_policy
from houserules.rulepack import build_rulepack
from houserules_checker import Checker, CheckError
from houserules_checker.engine import MAX_CHARS

SEED = 20_26
COMMENTS = 300
LONGEST = 3_000

# Where the characters come from, and how often.
RANGES = [
    (30, [(0x20, 0x7E)]),  # ASCII
    (4, [(0xA0, 0x24F), (0x1E00, 0x1EFF)]),  # accented Latin
    (3, [(0x300, 0x36F), (0x1AB0, 0x1AFF), (0x20D0, 0x20FF)]),  # combining marks
    (3, [(0x200B, 0x200F), (0x2060, 0x2064), (0xFEFF, 0xFEFF), (0xAD, 0xAD), (0x34F, 0x34F),
         (0x180E, 0x180E)]),  # zero-width
    (2, [(0x202A, 0x202E), (0x2066, 0x2069), (0x61C, 0x61C)]),  # bidi controls
    (2, [(0xD800, 0xDFFF)]),  # lone surrogates
    (3, [(0x370, 0x52F)]),  # Greek, Cyrillic
    (2, [(0x600, 0x6FF), (0x590, 0x5FF)]),  # Arabic, Hebrew
    (2, [(0x3040, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3)]),  # Japanese, Chinese, Korean
    (2, [(0x1F300, 0x1FAFF), (0xFE00, 0xFE0F), (0x2000, 0x2BFF)]),  # emoji, symbols, spaces
    (2, [(0xFB00, 0xFB4F), (0xFF00, 0xFFEF), (0x2150, 0x218F), (0x2460, 0x24FF)]),  # forms that come apart
    (1, [(0x0, 0x10FFFF)]),  # anything
]
# Words the detectors look for, so that findings have places to check.
WORDS = ["you", "idiot", "fuck", "f***", "f u c k", "sh1t", "@jo", "councillor", "cllr", "immigrants", "vermin",
         "go back to", "kill", "i will kill you", "07700 900123", "jo@example.com", "12 high street ng1 5ab",
         "www.example.com", "http://x.co.uk/a", "check out my channel", "£5", "sale", "subscribe",
         "Councillor Smith is a thief", "vote for labour", "Labour", "selling weed", "kiedy w końcu",
         "привет", "AB 12 34 56 C", "4111 1111 1111 1111", "déjà vu", "…", "RT @jo:", "😀", "\n", "  "]


def _comment(rng: random.Random) -> str:
    length = min(LONGEST, int(rng.expovariate(1 / 300)))
    weights = [w for w, _ in RANGES]
    out: list[str] = []
    while len(out) < length:
        if rng.random() < 0.08:
            out.extend(rng.choice(WORDS))
            continue
        ranges = rng.choices(RANGES, weights)[0][1]
        low, high = rng.choice(ranges)
        out.append(chr(rng.randint(low, high)))
    return "".join(out)


def _quoted(comment: str) -> str:
    """The comment as the checker quotes it: a lone surrogate as U+FFFD."""
    return re.sub("[\ud800-\udfff]", "\ufffd", comment)


@pytest.fixture(scope="module")
def checkers(project_root) -> list[Checker]:
    policy = load_policy(project_root / "policies", prove=False)
    return [Checker(build_rulepack(policy, slug)) for slug in sorted(policy.councils)]


def test_random_unicode_gives_findings_whose_places_are_in_the_comment(checkers):
    rng = random.Random(SEED)
    comments = [_comment(rng) for _ in range(COMMENTS)]
    assert any(len(c) > 1_000 for c in comments) and any(re.search("[\ud800-\udfff]", c) for c in comments)
    matches = 0
    for n, comment in enumerate(comments):
        quoted = _quoted(comment)
        given = {}
        if n % 3 == 1:
            given = {"reply_to": comments[n - 1], "earlier": comments[max(0, n - 3):n], "date": dt.date(2029, 4, 1)}
        for checker in checkers:
            result = checker.check(comment, **given)
            assert len(result.findings) == len(checker.pack["rules"])
            for finding in result.findings:
                for m in finding.matches:
                    assert 0 <= m.start <= m.end <= len(comment), (n, finding.rule, m)
                    assert m.text == quoted[m.start:m.end], (n, finding.rule, m, comment[m.start:m.end])
                    matches += 1
    assert matches > 500  # the comments were found to hold things, so the places were looked at


@pytest.mark.parametrize("given", [b"bytes", None, 42, ["a list"], "x" * (MAX_CHARS + 1)])
def test_what_cannot_be_checked_is_a_check_error(checkers, given):
    with pytest.raises(CheckError):
        checkers[0].check(given)  # type: ignore[arg-type]
