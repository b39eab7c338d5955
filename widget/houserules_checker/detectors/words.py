"""`wordlist`: words from the rule's word-list categories, graded by severity."""

from __future__ import annotations

from ..findings import BREAKS, MAY_BREAK, Signal, new_signal
from ..text import quoted


def prepare(check: dict) -> tuple[frozenset, int]:
    return frozenset(check["categories"]), check["min_severity"]


def detect(comment, context, prepared) -> list[Signal]:
    categories, min_severity = prepared
    out = []
    for hit in context.hits:
        entry = hit.entry
        if entry.category not in categories or entry.context_only:
            continue
        verdict = BREAKS if entry.severity >= min_severity else MAY_BREAK
        how = hit.how
        if verdict == BREAKS and ('"' in comment.original or "“" in comment.original) \
                and quoted(comment.original, hit.start):
            # Quoted to report it ('"..." was sprayed on the garages'), or
            # said with quotation marks round it: a person reads which.
            verdict, how = MAY_BREAK, f"{how}, in quotation marks"
        if out and out[-1][1] == hit.start and out[-1][2] == hit.end \
                and (out[-1][0] == BREAKS or verdict == MAY_BREAK):
            continue  # the same word in another list, and no stronger: its finding gives the first reason
        out.append(new_signal((verdict, hit.start, hit.end, f"{entry.label} {how}")))
    return out
