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
        verdict = BREAKS if entry.severity >= min_severity else MAY_BREAK
        if out and out[-1][1] == hit.start and out[-1][2] == hit.end \
                and (out[-1][0] == BREAKS or verdict == MAY_BREAK):
            continue  # the same word in another list, and no stronger: its finding gives the first reason
        out.append(new_signal((verdict, hit.start, hit.end, f"{entry.label} {hit.how}")))
    return out
