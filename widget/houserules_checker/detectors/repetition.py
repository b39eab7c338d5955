"""`repetition`: the same or a very similar message posted more than once,
against the author's earlier comments given with the check."""

from __future__ import annotations

import re

from ..findings import BREAKS, Signal

_LIMIT = 400  # words compared, so the time stays bounded on long comments
_WORDS = re.compile(r"\w+")


def _shape(text: str) -> list[str]:
    # Word by word: "Friday" for "Monday" is a different question, while
    # punctuation and capitals are not a different message.
    return _WORDS.findall(text.lower())[:_LIMIT]


def detect(comment, context, check) -> list[Signal]:
    if not context.earlier:
        return []
    mine = _shape(comment.original)
    if len(mine) < 3:
        return []
    # Imported when first needed, not with the engine: only a moderator's
    # check gives earlier comments, and importing difflib was a fifth of
    # importing the engine on the checker's page, before it is ready
    # (tests/benchmarks/bench_widget.py, "module imported").
    from difflib import SequenceMatcher

    for n, earlier in enumerate(context.earlier, 1):
        other = _shape(earlier)
        if not other:
            continue
        matcher = SequenceMatcher(None, mine, other, autojunk=False)
        if matcher.real_quick_ratio() < check["similarity"] or matcher.quick_ratio() < check["similarity"]:
            continue
        ratio = matcher.ratio()
        if ratio >= check["similarity"]:
            return [Signal(BREAKS, 0, len(comment.original),
                           f"{ratio:.0%} the same as the author's earlier comment {n}")]
    return []
