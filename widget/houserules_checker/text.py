"""Text → normalised text and words, each keeping its place in the original.

Every finding reports offsets in the comment as the person typed it, so the
normalised form keeps a map from each of its characters back to the
original. Normalisation undoes the usual ways of dodging a filter: look-alike
letters from other alphabets, accents, zero-width characters, leetspeak,
letters spaced or dotted apart, repeated letters (handled by the word
matcher) and asterisk masking (kept as a wildcard for the word matcher).
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# Characters that render as nothing: used to split a word so a filter misses it.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u034f\u180e"))

# Letters from other alphabets that look like Latin ones.
LOOKALIKE = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "ɡ": "g", "һ": "h", "ӏ": "l", "ո": "n", "ս": "u",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ѵ": "v",
})

# Digits and symbols used as letters. Applied only inside words that also
# have letters, so "2024" and "£5" stay what they are.
LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b",
                      "@": "a", "$": "s", "!": "i", "|": "l", "€": "e", "+": "t"})

# A word: letters and digits, the symbols used for letters (leet, "*" for a
# hidden letter), and what people put inside words to split them ("f.u.c.k",
# "sh-it"). Everything else, emoji and "=" and "_" included, ends a word, and
# so do two dots ("fuck..that" is two words).
_CHAR = r"(?:[^\W_]|[@$!*|+€'’~-]|\.(?=[^\W_]))"
_WORD = re.compile(rf"[#@]?{_CHAR}+")
_EDGE = "!'’-~."
_SEPARATORS = re.compile(r"[.\-'’~]")
_HAS_LETTER = re.compile(r"[a-z]")


class Word(NamedTuple):
    key: str          # lower-case letters for matching: leet undone, separators removed; may hold '*'
    start: int        # offsets in the original comment
    end: int
    capitalised: bool


class Text:
    """A comment ready for the detectors."""

    __slots__ = ("original", "norm", "_origin", "_words")

    def __init__(self, original: str):
        self.original = original
        self.norm, self._origin = _normalise(original)
        self._words: list[Word] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the normalised text → offsets in the original."""
        if self._origin is None:
            return start, end
        if start >= len(self._origin):
            return len(self.original), len(self.original)
        last = self._origin[end - 1] if end > start else self._origin[start]
        return self._origin[start], last + 1

    @property
    def words(self) -> list[Word]:
        if self._words is None:
            self._words = _words(self)
        return self._words


def _clean(text: str) -> str:
    # Lone surrogates (from broken input) cannot be encoded; keep their place.
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace") if _has_surrogate(text) else text


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text) if not text.isascii() else False


def _normalise(text: str) -> tuple[str, list[int] | None]:
    if text.isascii():
        return text.lower(), None
    out: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        if ord(ch) in INVISIBLE:
            continue
        if "\ud800" <= ch <= "\udfff":
            ch = "\ufffd"
        for part in unicodedata.normalize("NFKD", ch):
            if unicodedata.combining(part):
                continue
            for low in part.lower().translate(LOOKALIKE):
                out.append(low)
                origin.append(index)
    return "".join(out), origin


def _key(token: str) -> str:
    if token.isalpha():
        return token
    if _HAS_LETTER.search(token):
        token = token.translate(LEET)
    return _SEPARATORS.sub("", token)


def _trim(token: str, start: int, end: int) -> tuple[str, int, int]:
    """Punctuation at a word's edges is not part of it ("shit!", "'bitch'", "#fail");
    nor are asterisks around a whole word ("*bitch*"), though "f***" keeps its mask."""
    head = len(token) - len(token.lstrip(_EDGE + "#*"))
    token, start = token[head:], start + head
    tail = len(token) - len(token.rstrip(_EDGE))
    token, end = token[:len(token) - tail], end - tail
    stars = len(token) - len(token.rstrip("*"))
    if stars and len(token) - stars >= 4:
        token, end = token[:-stars], end - stars
    return token, start, end


def _words(text: Text) -> list[Word]:
    words: list[Word] = []
    norm, original = text.norm, text.original
    mapped = text._origin is not None
    for match in _WORD.finditer(norm):
        token = match.group()
        start, end = match.span()
        if not token.isalpha():
            token, start, end = _trim(token, start, end)
            if not token:
                continue
        key = token if token.isalpha() else _key(token)
        if not key:
            continue
        if mapped:
            start, end = text.span(start, end)
        words.append(Word(key, start, end, original[start].isupper()))
    return _join_spaced_letters(words)


def _join_spaced_letters(words: list[Word]) -> list[Word]:
    """'f u c k' and 'f.u.c.k' are one word: join runs of three or more single letters."""
    run = 0
    for w in words:
        run = run + 1 if len(w.key) == 1 else 0
        if run == 3:
            break
    else:
        return words
    out: list[Word] = []
    run: list[Word] = []
    for word in words + [Word("", 0, 0, False)]:
        if len(word.key) == 1 and word.key.isalpha() and (not run or word.start - run[-1].end <= 2):
            run.append(word)
            continue
        if len(run) >= 3:
            out.append(Word("".join(w.key for w in run), run[0].start, run[-1].end, run[0].capitalised))
        else:
            out.extend(run)
        run = []
        if word.key:
            if len(word.key) == 1 and word.key.isalpha():
                run = [word]
            else:
                out.append(word)
    return out


def prepare(comment: str) -> Text:
    return Text(_clean(comment))
