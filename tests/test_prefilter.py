"""The literal prefilters make the checker fast without changing a verdict:
a comment they rule out is one no pattern could have matched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from source import policy
from houserules.rulepack import build_rulepack
from houserules_checker import Checker
from houserules_checker.detectors import accusation, promotion, threats
from houserules_checker.kinds import KINDS
from houserules_checker.prefilter import LiteralScan, Prefilter, _anchor, literals
from houserules_checker.text import prepare

ROOT = Path(__file__).resolve().parent.parent
POLICY = policy()


@pytest.mark.parametrize("regex, expected", [
    (r"(?i)\b(selling|for sale)\b.{0,30}\bweed\b", {"selling", "for sale"}),
    (r"(?i)\bSELLING\b", {"selling"}),                     # compared in lower case
    (r"check (?:out )?my channel", {"check my channel", "check out my channel"}),
    (r"\b[a-z]{2,}\.(?:com|co\.uk)\b", {".com", ".co.uk"}),
    (r"(?:https?://|www\.)\S+", {"http://", "https://", "www."}),
    (r"[£$]\s?\d+", {"£", "$"}),
    (r"sub|subscribe", {"sub"}),                           # a literal holding another adds nothing
])
def test_literals_every_match_must_contain(regex, expected):
    assert literals(regex) == expected


@pytest.mark.parametrize("regex", [r"\w+", r"(?:a|\d)", r"x?y*", r"(a)\1", r"[^a]b?"])
def test_a_pattern_that_needs_no_literal_is_never_ruled_out(regex):
    assert literals(regex) is None or "" not in literals(regex)
    prefilter = Prefilter([regex])
    scan = LiteralScan([prefilter])
    assert scan.may_match(prefilter, scan.find("anything at all")) or re.search(regex, "anything at all") is None


def test_shortest_literal_at_a_place_still_counts_for_longer_ones():
    short, long_ = Prefilter([r"\bsub\b"]), Prefilter([r"subscribe to me"])
    scan = LiteralScan([short, long_])
    found = scan.find("please subscribe to me")
    assert scan.may_match(long_, found)
    assert not scan.may_match(long_, scan.find("a quiet street"))


def _texts() -> list[str]:
    texts: list[str] = []
    for rule in POLICY.rules.values():
        for key in ("breaks", "passes"):
            for example in getattr(rule.examples, key):
                texts.append(example.text)
    texts += ["Cllr Smıth stole the money", "ſelling weed dm me", "Visit www.example.com now",
              "SELLING WEED, DM ME", "Ｃｈｅｃｋ ｏｕｔ ｍｙ ｃｈａｎｎｅｌ", "i will find you",
              "£50 no questions asked, for sale"]
    return texts


@pytest.mark.parametrize("slug", sorted(POLICY.councils))
def test_prefilters_change_no_verdict(slug, monkeypatch):
    pack = build_rulepack(POLICY, slug)
    texts = _texts()
    checker = Checker(pack)
    fast = [checker.check(t).to_dict() for t in texts]
    # Prefilters off: every comment seems to hold a literal, and every pattern may match.
    monkeypatch.setattr(LiteralScan, "find", lambda self, norm: frozenset({"(any)"}))
    monkeypatch.setattr(LiteralScan, "may_match", lambda self, prefilter, found: True)
    monkeypatch.setattr(checker.scan, "keys_of", lambda key: None)  # many at once (Context.which_may_match)
    slow = [checker.check(t).to_dict() for t in texts]
    assert fast == slow


@pytest.mark.parametrize("regex", [
    *(p.pattern for p, _, _ in threats.THREATS), promotion._STRONG.pattern, promotion._LINK.pattern,
    promotion._WEAK.pattern, accusation._PATTERN.pattern,
])
def test_every_detector_pattern_has_a_literal_to_look_for(regex):
    # A pattern without one would be tried on every comment: slow, though still right.
    assert literals(regex)


@pytest.mark.parametrize("literal, anchor", [
    (" kill ", "kill "),         # a space is the commonest character of all
    ("a day", "day"),
    ("for sale", "for sale"),    # already starts with an uncommon letter
    ("to", "to"),                # too short to cut
    ("$", "$"),
])
def test_what_is_looked_for_is_the_literal_from_an_uncommon_character(literal, anchor):
    assert _anchor(literal) == anchor and anchor in literal


def test_a_comment_with_the_literal_always_has_its_anchor():
    day = Prefilter([r"\b\d+ a day\b"])
    scan = LiteralScan([day])
    assert scan.may_match(day, scan.find("earn 500 a day from home"))
    assert not scan.may_match(day, scan.find("a lovely morning"))


@pytest.mark.parametrize("slug", sorted(POLICY.councils))
def test_a_first_comment_searched_anchor_by_anchor_reads_as_the_compiled_search(slug):
    # A scan's first comment is searched for each anchor in turn (a check of
    # one comment then compiles no pattern of them all): every prefilter
    # must read the same from what that finds as from the compiled search.
    pack = build_rulepack(POLICY, slug)
    prefilters = list(dict.fromkeys(p for rule in pack["rules"]
                                    for p in KINDS[rule["check"]["kind"]].prefilters(rule["check"])))
    compiled = LiteralScan(prefilters)
    compiled.find("")  # its first search: the next ones are the compiled pattern's
    texts = [*_texts(), "subscribe to my channel", "sub4sub", "selling cheap, dm me for a price", "youre dead",
             "I'll give you a good hiding", "time to nuke them all", "visit www.shop.co.uk £5"]
    for text in texts:
        norm = prepare(text).norm
        first = LiteralScan(prefilters)
        by_anchor, by_pattern = first.find(norm), compiled.find(norm)
        assert ([first.may_match(p, by_anchor) for p in prefilters]
                == [compiled.may_match(p, by_pattern) for p in prefilters]), text
    assert compiled._search is not None
