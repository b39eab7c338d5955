"""The checker: a rule pack (compiled from the policy) and a comment in,
a verdict for every one of the council's rules out.

text → normalise → detect → verdict: the comment is prepared once; each
rule's check kind picks a detector; a rule's verdict is its strongest signal.
Pure standard library, so the same code runs in CPython and in Pyodide.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from operator import attrgetter
from typing import NamedTuple, cast

from . import cymraeg
from .findings import (BREAKS, MAY_BREAK, NEEDS_PERSON, PASSES, Finding, Result, Signal, new_finding,
                       new_match)
from .kinds import KINDS, NO, SPOKEN, Kind
from .lexicon import Lexicon
from .model import second_opinion as model_opinion
from .prefilter import LiteralScan, Prefilter
from .regex_guard import UnsafePattern
from .text import Text, prepare

# The detector of each check kind a program can judge (kinds.py declares them).
DETECTOR_MODULES = {name: kind.module for name, kind in KINDS.items() if kind.module is not None}
DETECTORS = {kind: module.detect for kind, module in DETECTOR_MODULES.items()}

MAX_CHARS = 1_000_000
EARLIER_MAX = 50  # an author's earlier comments compared for repetition
FORMAT = 2  # of the rule pack (houserules.rulepack)


class CheckError(ValueError):
    """The input cannot be checked (not text, or too long)."""


class Context:
    """What the checker knows about the comment besides its text, and what it
    has found in it that several rules read: the word-list hits, and the
    literals of the prefilters in use."""

    __slots__ = ("pack", "reply_to", "earlier", "date", "hits", "literals", "memo", "welsh", "_scan")

    def __init__(self, pack, scan, hits, literals, reply_to, earlier, date, welsh=False):
        self.pack, self._scan, self.hits, self.literals = pack, scan, hits, literals
        # Whether the council works in Welsh: then "ti'n", "chi", "eich" address
        # the reader as "you're", "you", "your" do (detectors/insults.py).
        self.welsh = welsh
        # The latest EARLIER_MAX only: each is compared with the comment, and
        # nothing else bounds how many a page or an export hands over.
        self.reply_to, self.earlier, self.date = reply_to, tuple(earlier)[-EARLIER_MAX:] if earlier else (), date
        # Work several rules share (abuse, personal attacks and hate read the
        # same insults), done once for the comment: keyed by the function doing it.
        self.memo: dict = {}

    def may_match(self, prefilter: Prefilter) -> bool:
        """Whether the comment holds a literal that the prefilter's patterns need."""
        if not self.literals:  # the usual case: all the scan can rule out is ruled out
            return id(prefilter) not in self._scan.can_rule_out
        return self._scan.may_match(prefilter, self.literals)

    def which_may_match(self, prefilters) -> list[bool]:
        """may_match for each of many prefilters at once (a detector with many
        patterns, each ruled out by its own literals: threats)."""
        literals, scan = self.literals, self._scan
        if not literals:
            out = scan.can_rule_out
            return [id(p) not in out for p in prefilters]
        keys = scan.keys_of
        return [(k := keys(id(p))) is None or not k.isdisjoint(literals) for p in prefilters]

    def pre_election_period(self) -> str | None:
        return pre_election_period(self.pack, self.date)


def pre_election_period(pack: dict, date: dt.date | None, language: str = "en") -> str | None:
    """The pre-election period the day falls in (today when no day is given)."""
    day = (date or dt.date.today()).isoformat()
    for period in pack["pre_election"]:
        if period["start"] <= day <= period["end"]:
            said = f"{period['election']} (polling day {period['end']})"
            return said if language == "en" else cymraeg.polling_day(said)
    return None


def works_in_welsh(pack: dict) -> bool:
    """Whether the council works in Welsh: its pack says so (council.languages),
    or, in a pack made before it said so, it reads the Welsh word list."""
    said = pack["council"].get("languages")
    if said is not None:
        return "cy" in said
    return any(word.get("language") == "cy" for word in pack["words"])


class Checker:
    def __init__(self, pack: dict, *, second_opinion: bool = True, lexicon: Lexicon | None = None,
                 language: str = "en"):
        """second_opinion=False: the rules alone, without the model (for the
        benchmarks' side-by-side figures; every page and export asks it).
        lexicon: one already built from the same pack["words"], shared by
        checkers made one rule at a time (proving examples).
        language: of the checker's own words in its results ("en", "cy"):
        a Welsh page's reasons are in Welsh. The council's words (a rule's
        title and wording) are the pack's, in the language it was made in."""
        if language not in SPOKEN:
            raise CheckError(f"the checker speaks {' and '.join(SPOKEN)}, not {language!r}")
        self.language = language
        if pack.get("format") != FORMAT:
            raise CheckError(f"unknown rule pack format {pack.get('format')!r} (this checker reads format {FORMAT})")
        self.pack = pack
        self.welsh = works_in_welsh(pack)
        self._council, self._version = pack["council"]["slug"], pack.get("version")
        self.lexicon = lexicon if lexicon is not None else Lexicon(pack["words"])
        # One pass over each comment for the literals every pattern in use needs.
        for rule in pack["rules"]:
            if rule["check"]["kind"] not in KINDS:
                raise CheckError(f"rule {rule['id']}: unknown check kind {rule['check']['kind']!r}")
        kinds = {rule["check"]["kind"] for rule in pack["rules"]}
        self.scan = LiteralScan(list(dict.fromkeys(
            p for rule in pack["rules"] for p in KINDS[rule["check"]["kind"]].prefilters(rule["check"]))))
        # Each rule's detector is picked, and what its check asks worked out
        # (a detector's optional prepare()), once per pack, not on every check.
        # So are the findings that never change: findings are values, and a
        # rule that passes, or needs a person, says the same every time.
        # Off-topic needs the post replied to, so there are two plans: with
        # the post and without.
        plans = [_plan(rule, self.scan, language) for rule in pack["rules"]]
        # Word-list hits are found once, for all the rules that read them.
        self._reads_words = any(KINDS[kind].reads_words for kind in kinds)
        self._plans = {with_post: _split(plans, with_post) for with_post in (False, True)}
        # The rule the second-opinion model speaks to: the first in the
        # council's order whose kind hears it (abuse, before personal attacks
        # and hate). A council with none of them never runs it.
        heard = [plan for plan in plans if plan.kind.second_opinion]
        self._second = heard[0] if heard and second_opinion else None

    def check(self, text: str, *, reply_to: str | None = None, earlier=(), date: dt.date | None = None) -> Result:
        if not isinstance(text, str):
            raise CheckError(f"a comment must be text, not {type(text).__name__}" if self.language == "en"
                             else cymraeg.not_text(type(text).__name__))
        if len(text) > MAX_CHARS:
            raise CheckError(f"a comment may be at most {MAX_CHARS:,} characters; this one has {len(text):,}"
                             if self.language == "en" else cymraeg.too_long(MAX_CHARS, len(text)))
        comment = prepare(text)
        literals = self.scan.find(comment.norm)
        context = Context(self.pack, self.scan, self.lexicon.find(comment.words) if self._reads_words else (),
                          literals, reply_to, earlier, date, self.welsh)
        machine, needs_person = self._plans[reply_to is not None]
        # Most comments hold none of the literals: then the rules that rest
        # on them pass without being asked.
        quiet = not literals
        # Gathered by verdict, council order within each: breaks first.
        breaks, may_break, passes = [], [], []
        for detect, prepared, passed, on_literals, names in machine:
            if on_literals and quiet:
                passes.append(passed)
                continue
            signals = detect(comment, context, prepared)
            if not signals:
                passes.append(passed)
                continue
            rule_id, title, wording, steps = names  # only a rule with something to report needs these
            if len(signals) == 1:  # the usual case, made directly
                verdict, start, end, why = signals[0]
                (breaks if verdict == BREAKS else may_break).append(new_finding((
                    rule_id, title, wording, verdict, (new_match((start, end, comment.original[start:end])),), (why,),
                    steps if verdict == BREAKS else ())))
            else:
                finding = self._verdict(rule_id, title, wording, steps, signals, comment)
                (breaks if finding.verdict == BREAKS else may_break).append(finding)
        if self._second is not None and not breaks and not may_break:
            # Nothing any rule found: the model may still ask a person to look.
            # (Where a rule found something, a person looks already; asking
            # the model there too cost a sixth of a check's instructions on
            # tests/benchmarks/instructions_per_check.py, for no new reader.)
            signal = model_opinion(comment)
            if signal is not None:
                plan = self._second
                passes.remove(plan.passed)
                may_break.append(new_finding((plan.rule, plan.title, plan.wording, MAY_BREAK, (new_match(
                    (signal.start, signal.end, comment.original[signal.start:signal.end])),), (signal.why,), ())))
        if self.language != "en" and (breaks or may_break):
            # The detectors give their reasons in English: said again in Welsh.
            breaks, may_break = _in_welsh(breaks), _in_welsh(may_break)
        breaks += may_break
        breaks += needs_person
        breaks += passes
        return Result(self._council, self._version, breaks)

    def _verdict(self, rule_id, title, wording, steps, signals, comment: Text) -> Finding:
        """A rule's verdict is its strongest signal. Each place in the comment
        is reported once, in reading order, with the strongest reason given
        for it (the first, of equals). A place often has more than one (a
        word in two word lists)."""
        original = comment.original
        matches: list = []
        why: list[str] = []
        strength: list[str] = []
        last = None
        for verdict, start, end, reason in sorted(signals, key=_PLACE):  # stable: equals keep their order
            if last == (start, end):
                if verdict == BREAKS and strength[-1] != BREAKS:
                    why[-1], strength[-1] = reason, BREAKS
                continue
            last = start, end
            matches.append(new_match((start, end, original[start:end])))
            why.append(reason)
            strength.append(verdict)
        verdict = BREAKS if BREAKS in strength else MAY_BREAK
        return new_finding((rule_id, title, wording, verdict, tuple(matches), tuple(why),
                            steps if verdict == BREAKS else ()))


_PLACE = attrgetter("start", "end")


def _in_welsh(findings: list[Finding]) -> list[Finding]:
    return [f._replace(why=tuple(map(cymraeg.welsh, f.why))) for f in findings]


class _Plan(NamedTuple):
    """How the checker handles one rule, worked out once per rule pack."""

    rule: str
    title: str
    wording: str
    kind: Kind
    next_steps: tuple[str, ...]  # what the council does when the rule is broken
    detect: Callable | None  # None: no program can judge the rule
    prepared: object  # what the detector is given for this rule
    passed: Finding  # the finding when it passes
    on_literals: bool  # finds nothing unless the comment holds a literal of its prefilters
    needs_person: Finding | None  # when no program can judge it (off-topic: without the post)


def _plan(rule: dict, scan: LiteralScan, language: str = "en") -> _Plan:
    rule_id, title, wording, check = rule["id"], rule["title"], rule["wording"], rule["check"]
    kind = KINDS[check["kind"]]
    detect, prepared = _detector(rule, kind)
    # What a comment must hold for the detector to find anything at all.
    needs = kind.prefilters(check)
    on_literals = bool(needs) and all(id(p) in scan.can_rule_out for p in needs)
    if detect is None:
        why = kind.explain(check, language).removeprefix(NO[language])
    elif kind.needs:  # without what it needs (the post replied to), a person decides
        why = kind.said_without(language)
    else:
        why = None
    return _Plan(rule_id, title, wording, kind, (*rule.get("at_once", ()), *rule.get("next_steps", ())), detect,
                 prepared, Finding(rule_id, title, wording, PASSES), on_literals,
                 Finding(rule_id, title, wording, NEEDS_PERSON, (), (why,)) if why else None)


# What check() runs for one rule: (detect, prepared, passed, on_literals,
# (rule, title, wording, next_steps)), a plain tuple, unpacked in its loop.
_Step = tuple[Callable, object, Finding, bool, tuple[str, str, str, tuple[str, ...]]]


def _split(plans: list[_Plan], with_post: bool) -> tuple[list[_Step], list[Finding]]:
    """The rules the checker runs, and the findings of those that need a person."""
    def runs(plan: _Plan) -> bool:
        return plan.needs_person is None or (plan.detect is not None and with_post)

    # A rule that runs has a detector: one without has a needs_person finding
    # (_plan gives it one), so runs only when that is None, which it is not.
    return ([(cast(Callable, p.detect), p.prepared, p.passed, p.on_literals,
              (p.rule, p.title, p.wording, p.next_steps))
             for p in plans if runs(p)],
            # not runs(p): needs_person is never None here; said again for the type checker.
            [p.needs_person for p in plans if not runs(p) and p.needs_person is not None])


def _detector(rule: dict, kind) -> tuple:
    """(detect function, what it is given for this rule); (None, check) for a rule a person judges."""
    if kind.module is None:
        return None, rule["check"]
    try:
        return kind.module.detect, kind.prepare(rule["check"])
    except UnsafePattern as exc:
        raise CheckError(f"rule {rule['id']}: {exc}") from None


__all__ = ["Checker", "CheckError", "Signal", "works_in_welsh"]
