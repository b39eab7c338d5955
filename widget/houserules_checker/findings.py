"""What a check returns: a verdict per rule, and findings that explain themselves."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import NamedTuple

BREAKS, MAY_BREAK, NEEDS_PERSON, PASSES = "breaks", "may-break", "needs-person", "passes"
ORDER = {BREAKS: 0, MAY_BREAK: 1, NEEDS_PERSON: 2, PASSES: 3}


class Match(NamedTuple):  # a tuple: made for every finding, so cheap to make
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


class Signal(NamedTuple):
    """One detector's evidence: a verdict, where, and why."""

    verdict: str
    start: int
    end: int
    why: str


class Finding(NamedTuple):
    """A rule's verdict on one comment. A value, never changed once made: a
    rule that passes, or that needs a person, gives the same finding every
    time, so the checker makes those once and hands them out again."""

    rule: str
    title: str
    wording: str
    verdict: str
    matches: tuple[Match, ...] = ()
    why: tuple[str, ...] = ()
    next_steps: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"rule": self.rule, "title": self.title, "wording": self.wording, "verdict": self.verdict,
                "matches": [m.to_dict() for m in self.matches], "why": "; ".join(self.why),
                "next_steps": list(self.next_steps)}


# Made on every check: built by tuple.__new__, in C, rather than by the named
# tuple's own constructor, a Python call each. Same type, fields in order, all given.
# Spelled out one by one, not in a loop, so a type checker knows what each makes.
new_match: Callable[[tuple[int, int, str]], Match] = partial(tuple.__new__, Match)
new_signal: Callable[[tuple[str, int, int, str]], Signal] = partial(tuple.__new__, Signal)
new_finding: Callable[[tuple[str, str, str, str, tuple[Match, ...], tuple[str, ...], tuple[str, ...]]], Finding] = \
    partial(tuple.__new__, Finding)


@dataclass(slots=True)
class Result:
    council: str
    version: str | None
    findings: list[Finding]

    @property
    def verdicts(self) -> dict[str, str]:
        return {f.rule: f.verdict for f in self.findings}

    def flagged(self, *verdicts: str) -> list[Finding]:
        wanted = verdicts or (BREAKS, MAY_BREAK)
        return [f for f in self.findings if f.verdict in wanted]

    def to_dict(self) -> dict:
        return {"council": self.council, "version": self.version,
                "findings": [f.to_dict() for f in self.findings if f.verdict != PASSES]}


def next_steps(pack: dict, broken: list[Finding]) -> tuple[list[str], bool]:
    """What the council does about the rules a comment breaks, each step
    once: what is done at once first, then the steps and rights reserved;
    and whether they are one ladder to follow in order (every rule broken
    has the same one, and nothing is done at once)."""
    rules = {rule["id"]: rule for rule in pack["rules"]}
    at_once = [step for f in broken for step in rules[f.rule].get("at_once", ())]
    then = [step for f in broken for step in rules[f.rule].get("next_steps", ())]
    in_order = (bool(broken) and not at_once and all(rules[f.rule].get("next_steps_in_order") for f in broken)
                and len({tuple(rules[f.rule]["next_steps"]) for f in broken}) == 1)
    return list(dict.fromkeys(at_once + then)), in_order
