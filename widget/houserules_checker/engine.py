"""The checker: a rule pack (compiled from the policy) and a comment in,
a verdict for every one of the council's rules out.

text → normalise → detect → verdict: the comment is prepared once; each
rule's check kind picks a detector; a rule's verdict is its strongest signal.
Pure standard library, so the same code runs in CPython and in Pyodide.
"""

from __future__ import annotations

import datetime as dt

from .detectors import (accusation, insults, pattern, personal, political, promotion, relevance,
                        repetition, threats, words)
from .findings import (BREAKS, MAY_BREAK, NEEDS_PERSON, ORDER, PASSES, Finding, Match, Result,
                       Signal)
from .lexicon import Lexicon
from .text import Text, prepare

DETECTORS = {
    "wordlist": words.detect,
    "targeted-insult": insults.detect,
    "threat": threats.detect,
    "personal-data": personal.detect,
    "repetition": repetition.detect,
    "promotion": promotion.detect,
    "pattern": pattern.detect,
    "political": political.detect,
    "relevance": relevance.detect,
    "accusation": accusation.detect,
}

ACTIONS = {
    "record": "record the comment", "hide-or-delete": "hide or delete the post",
    "warn": "warn the account holder", "block": "consider blocking the account",
    "notify": "tell senior managers", "report-to-police": "report it to the police",
    "remove-and-ban": "remove the post and ban the author",
}

MAX_CHARS = 1_000_000


class CheckError(ValueError):
    """The input cannot be checked (not text, or too long)."""


class Context:
    """What the checker knows about the comment besides its text."""

    __slots__ = ("pack", "lexicon", "reply_to", "earlier", "date", "_hits", "_memo")

    def __init__(self, pack, lexicon, reply_to, earlier, date):
        self.pack, self.lexicon = pack, lexicon
        self.reply_to, self.earlier, self.date = reply_to, list(earlier or ()), date
        self._hits = None
        self._memo: dict = {}

    def memo(self, key, compute):
        """Work several rules share (abuse, personal attacks and hate read the same insults)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def hits(self, comment: Text):
        # Word-list matches are shared by every rule that reads them.
        if self._hits is None:
            self._hits = self.lexicon.find(comment.words)
        return self._hits

    def pre_election_period(self) -> str | None:
        day = (self.date or dt.date.today()).isoformat()
        for period in self.pack["pre_election"]:
            if period["start"] <= day <= period["end"]:
                return f"{period['election']} (polling day {period['end']})"
        return None


class Checker:
    def __init__(self, pack: dict):
        if pack.get("format") != 1:
            raise CheckError(f"unknown rule pack format {pack.get('format')!r}")
        self.pack = pack
        self.lexicon = Lexicon(pack["words"])
        self.next_steps = [s["wording"] or ACTIONS[s["actions"][0]].capitalize() + "."
                           for s in pack["enforcement"]]
        # Each rule's detector is picked once, not on every check.
        self._rules = [(rule["id"], rule["title"], rule["wording"], rule["check"], _detector(rule))
                       for rule in pack["rules"]]

    def check(self, text: str, *, reply_to: str | None = None, earlier=(), date: dt.date | None = None) -> Result:
        if not isinstance(text, str):
            raise CheckError(f"a comment must be text, not {type(text).__name__}")
        if len(text) > MAX_CHARS:
            raise CheckError(f"a comment may be at most {MAX_CHARS:,} characters; this one has {len(text):,}")
        comment = prepare(text)
        context = Context(self.pack, self.lexicon, reply_to, earlier, date)
        findings = []
        for rule_id, title, wording, check, detect in self._rules:
            if detect is None:  # a rule no program can judge
                findings.append(Finding(rule_id, title, wording, NEEDS_PERSON, [], [check["reason"]], []))
            elif detect is relevance.detect and reply_to is None:
                findings.append(Finding(rule_id, title, wording, NEEDS_PERSON, [],
                                        ["Whether a comment is on topic needs the post it replies to."], []))
            else:
                signals = detect(comment, context, check)
                findings.append(self._verdict(rule_id, title, wording, signals, comment) if signals
                                else Finding(rule_id, title, wording, PASSES, [], [], []))
        findings.sort(key=_RANK)  # stable: council order within a verdict
        return Result(self.pack["council"]["slug"], self.pack.get("version"), findings)

    def _verdict(self, rule_id, title, wording, signals, comment: Text) -> Finding:
        """A rule's verdict is its strongest signal; each place in the comment is reported once."""
        best = min(ORDER[s.verdict] for s in signals)
        finding = Finding(rule_id, title, wording, BREAKS if best == ORDER[BREAKS] else MAY_BREAK, [], [], [])
        seen = set()
        for signal in sorted(signals, key=lambda s: (ORDER[s.verdict], s.start, s.end)):
            if (signal.start, signal.end) in seen:
                continue
            seen.add((signal.start, signal.end))
            finding.matches.append(Match(signal.start, signal.end, comment.original[signal.start:signal.end]))
            finding.why.append(signal.why)
        finding.matches.sort(key=lambda m: (m.start, m.end))
        if finding.verdict == BREAKS:
            finding.next_steps = list(self.next_steps)
        return finding


def _detector(rule: dict):
    kind = rule["check"]["kind"]
    if kind == "human":
        return None
    if kind not in DETECTORS:
        raise CheckError(f"rule {rule['id']}: unknown check kind {kind!r}")
    return DETECTORS[kind]


def _RANK(finding: Finding) -> int:
    return ORDER[finding.verdict]


__all__ = ["Checker", "CheckError", "Signal"]
