"""`relevance`: a comment that shares nothing with the post it replies to."""

from __future__ import annotations

import re
import unicodedata

from ..findings import MAY_BREAK, Signal

_STOP = set("""a about above after again all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its just me more most my no nor not now of off on once only
or other our out over own same she should so some such than that the their them then there these they this
those through to too under until up very was we were what when where which while who whom why will with
would you your yours anyone everyone someone thanks thank please know get got like one going still really
tonight today tomorrow last next""".split())


# For a council in Welsh: Welsh words that say nothing of a topic, and the
# first letters a mutation gives a word ("bin", "fy min"; "casgliad", "y
# gasgliad", "fy nghasgliad"), read as one, so a Welsh reply shares its words
# with a Welsh post (or the Welsh half of a post in both languages).
_STOP_CY = set("""a ac am ar at i o y yr yn mae maen oedd roedd bydd fydd wedi ddim dim nid ydy ydi yw oes
sydd sy fy dy ei ein eich eu chi ti fi ni nhw hi fe fo e hwn hon hyn hynny yma yna pan pryd ble lle sut pam
beth pwy neu ond hefyd dal eto nawr rwan heddiw yfory diolch plis gyda gan heb dros drwy trwy rhwng cyn
wrth fel iawn mwy llawer rhai pob bob unrhyw rhywun pawb""".split())
_MUTATED = (("ngh", "c"), ("mh", "p"), ("nh", "t"), ("ng", "g"), ("ch", "c"), ("ph", "p"), ("th", "t"),
            ("dd", "d"), ("ll", "l"), ("rh", "r"), ("g", "c"), ("b", "p"), ("d", "t"), ("f", "b"))


def _root(word: str) -> str:
    """A Welsh word's first letters as before any mutation, for comparing
    only ("gasgliad", "nghasgliad" and "casgliad" alike; "fin" as "bin")."""
    for mutated, radical in _MUTATED:
        if word.startswith(mutated):
            return radical + word[len(mutated):]
    return word


def _content(text: str, welsh: bool = False) -> set[str]:
    if not welsh:
        return {w[:5] for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _STOP}
    words = [w for w in re.findall(r"[a-z]{3,}", _plain(text.lower())) if w not in _STOP and w not in _STOP_CY]
    # Both readings of a word that may be mutated: as written, and as before.
    return {w[:5] for w in words} | {_root(w)[:5] for w in words}


def _plain(text: str) -> str:
    # "ôl" and "ol", "tîm" and "tim": the same word with or without its accent.
    return text if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def detect(comment, context, check) -> list[Signal]:
    if context.reply_to is None:
        return []
    mine, post = _content(comment.original, context.welsh), _content(context.reply_to, context.welsh)
    if mine and len(comment.words) >= 4 and post and not mine & post:
        return [Signal(MAY_BREAK, 0, len(comment.original),
                       "shares no words with the post it replies to: may be off topic")]
    return []
