"""`relevance`: a comment that shares nothing with the post it replies to."""

from __future__ import annotations

import re

from ..findings import MAY_BREAK, Signal

_STOP = set("""a about above after again all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its just me more most my no nor not now of off on once only
or other our out over own same she should so some such than that the their them then there these they this
those through to too under until up very was we were what when where which while who whom why will with
would you your yours anyone everyone someone thanks thank please know get got like one going still really
tonight today tomorrow last next""".split())


def _content(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _STOP}


def detect(comment, context, check) -> list[Signal]:
    if context.reply_to is None:
        return []
    mine, post = _content(comment.original), _content(context.reply_to)
    if mine and len(comment.words) >= 4 and post and not mine & post:
        return [Signal(MAY_BREAK, 0, len(comment.original),
                       "shares no words with the post it replies to: may be off topic")]
    return []
