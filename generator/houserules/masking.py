"""Mask offensive words in example comments shown to the public.

Residents read the rules' examples on the council's own website, so the
words that make an example break a language rule are shown as "s***"; staff
pages show examples as written, because moderators need to recognise them.
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=8)
def _pattern(terms: tuple[str, ...]) -> re.Pattern | None:
    if not terms:
        return None
    # Longest first, so "motherfucker" is masked whole rather than in part.
    alternation = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])", re.IGNORECASE)


def offensive_terms(wordlists: dict, languages: tuple[str, ...] = ("en",)) -> tuple[str, ...]:
    """Terms that are offensive on their own (moderate or stronger), on the
    pages of a council that publishes in `languages`: an everyday word of
    one of them that another list holds ("guro", beat, in Welsh) is not
    masked, as its checker does not flag it alone (a list's `ordinary_words`)."""
    ordinary = {word for wl in wordlists.values() if wl.language in languages for word in wl.ordinary_words}
    return tuple(sorted({e.term for wl in wordlists.values() for e in wl.entries
                         if e.severity >= 2 and not e.context_only and e.term not in ordinary}))


def mask(text: str, terms: tuple[str, ...]) -> str:
    pattern = _pattern(terms)
    if pattern is None:
        return text
    return pattern.sub(lambda m: m.group(0)[0] + "*" * (len(m.group(0)) - 1), text)
