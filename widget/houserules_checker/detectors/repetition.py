"""`repetition`: the same or a very similar message posted more than once,
against the author's earlier comments given with the check."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

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
