"""`pattern`: the rule's own regular expressions (validated when loaded)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..findings import BREAKS, Signal
from ..prefilter import Prefilter
from ..regex_guard import UnsafePattern, problems


@lru_cache(maxsize=256)
def _compiled(regex: str) -> re.Pattern:
    return re.compile(regex, re.IGNORECASE)


@lru_cache(maxsize=64)
def _prefilter(regexes: tuple[str, ...]) -> Prefilter:
    return Prefilter(regexes)


def prefilter(check) -> Prefilter:
    return _prefilter(tuple(p["regex"] for p in check["patterns"]))


def prepare(check) -> tuple[Prefilter, list[tuple[re.Pattern, str]]]:
    """Worked out once per rule pack: the rule's prefilter, and each pattern
    compiled beside the reason a match gives. A pattern that could take more
    than linear time on a comment is refused (UnsafePattern), whatever made
    the rule pack: `validate` refuses it in the rule file first."""
    for p in check["patterns"]:
        found = problems(p["regex"])
        if found:
            raise UnsafePattern(f"pattern {p['name']}: " + "; ".join(found))
    return prefilter(check), [(_compiled(p["regex"]), f"{p['why']} (pattern {p['name']})")
                              for p in check["patterns"]]


def detect(comment, context, prepared) -> list[Signal]:
    need, patterns = prepared
    if not context.may_match(need):
        return []
    out = []
    for compiled, why in patterns:
        for m in compiled.finditer(comment.norm):
            s, e = comment.span(m.start(), m.end())
            out.append(Signal(BREAKS, s, e, why))
    return out
