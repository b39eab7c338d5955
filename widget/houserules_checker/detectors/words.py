"""`wordlist`: words from the rule's word-list categories, graded by severity."""

from __future__ import annotations

from ..findings import BREAKS, MAY_BREAK, Signal

SEVERITY = {1: "mild", 2: "medium", 3: "strong", 4: "strongest"}


def prepare(check: dict) -> tuple[frozenset, int]:
    return frozenset(check["categories"]), check["min_severity"]


def detect(comment, context, prepared) -> list[Signal]:
    categories, min_severity = prepared
    out = []
    for hit in context.hits(comment):
        entry = hit.entry
        if entry.category not in categories or entry.context_only:
            continue
        verdict = BREAKS if entry.severity >= min_severity else MAY_BREAK
        out.append(Signal(verdict, hit.start, hit.end,
                          f"'{entry.term}' ({SEVERITY[entry.severity]}, {entry.category}, "
                          f"word list {entry.source}) {hit.how}"))
    return out
