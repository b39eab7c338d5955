"""`pattern`: the rule's own regular expressions (validated when loaded)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..findings import BREAKS, Signal


@lru_cache(maxsize=256)
def _compiled(regex: str) -> re.Pattern:
    return re.compile(regex, re.IGNORECASE)


@lru_cache(maxsize=64)
def _any(regexes: tuple[str, ...]) -> re.Pattern:
    # One pass to rule out the usual comment that matches none of them.
    # Leading global flags ("(?i)") may only stand at the very start, so drop
    # them: every pattern is matched ignoring case anyway.
    return re.compile("|".join(f"(?:{_FLAGS.sub('', r)})" for r in regexes), re.IGNORECASE)


_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")


def detect(comment, context, check) -> list[Signal]:
    if not _any(tuple(p["regex"] for p in check["patterns"])).search(comment.norm):
        return []
    out = []
    for pattern in check["patterns"]:
        for m in _compiled(pattern["regex"]).finditer(comment.norm):
            s, e = comment.span(m.start(), m.end())
            out.append(Signal(BREAKS, s, e, f"{pattern['why']} (pattern {pattern['name']})"))
    return out
