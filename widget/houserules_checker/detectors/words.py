"""`wordlist`: words from the rule's word-list categories, graded by severity."""

from __future__ import annotations

from ..findings import BREAKS, MAY_BREAK, Signal, new_signal

def prepare(check: dict) -> tuple[frozenset, int]:
    return frozenset(check["categories"]), check["min_severity"]


def detect(comment, context, prepared) -> list[Signal]:
    categories, min_severity = prepared
    out = []
    for hit in context.hits:
        entry = hit.entry
        if entry.category not in categories or entry.context_only:
            continue
        out.append(new_signal((BREAKS if entry.severity >= min_severity else MAY_BREAK, hit.start, hit.end,
                               f"{entry.label} {hit.how}")))
    return out
