"""`wordlist`: words from the rule's word-list categories, graded by severity."""

from __future__ import annotations

from ..findings import BREAKS, MAY_BREAK, Signal

SEVERITY = {1: "mild", 2: "medium", 3: "strong", 4: "strongest"}


def detect(comment, context, check) -> list[Signal]:
    categories = set(check["categories"])
    out = []
    for hit in context.hits(comment):
        entry = hit.entry
        if entry.category not in categories or entry.context_only:
            continue
        verdict = BREAKS if entry.severity >= check["min_severity"] else MAY_BREAK
        out.append(Signal(verdict, hit.start, hit.end,
                          f"'{entry.term}' ({SEVERITY[entry.severity]}, {entry.category}, "
                          f"word list {entry.source}) {hit.how}"))
    return out
