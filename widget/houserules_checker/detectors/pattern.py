"""`pattern`: the rule's own regular expressions (validated when loaded)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..findings import BREAKS, Signal
from ..prefilter import Prefilter


@lru_cache(maxsize=256)
def _compiled(regex: str) -> re.Pattern:
    return re.compile(regex, re.IGNORECASE)


@lru_cache(maxsize=64)
def _prefilter(regexes: tuple[str, ...]) -> Prefilter:
    return Prefilter(regexes)


def prefilter(check) -> Prefilter:
    return _prefilter(tuple(p["regex"] for p in check["patterns"]))


def detect(comment, context, check) -> list[Signal]:
    if not context.may_match(prefilter(check), comment):
        return []
    out = []
    for pattern in check["patterns"]:
        for m in _compiled(pattern["regex"]).finditer(comment.norm):
            s, e = comment.span(m.start(), m.end())
            out.append(Signal(BREAKS, s, e, f"{pattern['why']} (pattern {pattern['name']})"))
    return out
