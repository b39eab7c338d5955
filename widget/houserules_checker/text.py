"""Text → normalised text and words, each keeping its place in the original.

Every finding reports offsets in the comment as the person typed it, so the
normalised form keeps a map from each of its characters back to the
original. Normalisation undoes the usual ways of dodging a filter: look-alike
letters from other alphabets (Unicode's confusables, confusables.py),
accents, zero-width characters, leetspeak, letters spaced or dotted apart,
repeated letters (handled by the word matcher), asterisk masking and digits
standing for letters inside a word (kept as wildcards for the word matcher).
Emoji and gestures with a meaning (🖕, 🔪) are read as the word they stand for.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from functools import partial
from itertools import accumulate, chain, repeat

from .confusables import READS_AS

# Characters that render as nothing: used to split a word so a filter misses
# it. Variation selectors and skin tones change how an emoji looks, not what
# it means ("🖕🏻" is "🖕").
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
                                   "\u00ad\u034f\u180e\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07\ufe08\ufe09\ufe0a\ufe0b\ufe0c"
                                   "\ufe0d\ufe0e\ufe0f\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff"))

# Letters from other alphabets that look like Latin ones, as Unicode's
# confusables data (UTS #39) reads them (confusables.py, generated), and a
# few small Greek and Cyrillic letters that read as a Latin letter in lower
# case though the data's prototype for them is not one (к, κ: kra; м: a
# turned w; β: sharp s; ε, χ, ω).
LOOKALIKE: dict[str, str] = {
    **{ch: reading for reading, chars in READS_AS.items() for ch in chars},
    "к": "k", "κ": "k", "м": "m", "β": "b", "ε": "e", "χ": "x", "ω": "w",
}

# Emoji and gestures with a meaning, read as a word the word lists and the
# detectors already know (councils' policies cover "content in any format",
# emoji included). Each stands for what it says when it is aimed at someone:
# the middle finger is "fuck (you, off)"; a pile of poo, "crap".
MEANINGS = {
    "\U0001f595": "fuck",   # 🖕 reversed hand with middle finger extended
    "\U0001f4a9": "crap",   # 💩 pile of poo
    "\U0001f52a": "knife",  # 🔪 hocho
    "\U0001f5e1": "knife",  # 🗡 dagger knife
    "\U0001f52b": "gun",    # 🔫 pistol
    "\U0001f4a3": "bomb",   # 💣 bomb
    "\U0001f921": "clown",  # 🤡 clown face
    "\U0001f400": "rat",    # 🐀 rat
    "\U0001f40d": "snake",  # 🐍 snake
    "\U0001f416": "pig",    # 🐖 pig
    "\U0001f437": "pig",    # 🐷 pig face
}

# Digits and symbols used as letters. Applied only inside words that also
# have letters, so "2024" and "£5" stay what they are.
LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b",
                      "@": "a", "$": "s", "!": "i", "|": "l", "€": "e", "+": "t"})

# A word: letters and digits, the symbols used for letters (leet, "*" for a
# hidden letter), and what people put inside words to split them ("f.u.c.k",
# "sh-it"). Everything else, emoji and "=" and "_" included, ends a word, and
# so do two dots ("fuck..that" is two words).
# Underscores are blanked out before matching (see _words), so \w here means
# a letter or digit. Written as runs rather than a choice per character: this
# pattern is the checker's hottest loop.
_CHAR = r"[\w@$!*|+€'’~-]"
_WORD = re.compile(rf"[#@]?(?:\.(?=\w))?{_CHAR}+(?:\.(?=\w){_CHAR}+)*")
_EDGE = "!'’-~."
_SEPARATORS = re.compile(r"[.\-'’~]")
_HAS_LETTER = re.compile(r"[a-z]")


class Words:
    """A comment's words, as columns: `keys[i]` is the i-th word's key (lower-case
    letters for matching: leet undone, separators removed; may hold '*'), and
    `place(i)` where it starts and ends in the original comment. Columns, not
    an object per word, because every comment is split into words and the
    matchers read the keys all at once; and places are worked out only when
    asked for, since most words match nothing."""

    __slots__ = ("keys", "original", "masks", "has_meanings", "_norm", "_origin", "_chunks", "_each", "_simple",
                 "_upto", "_starts", "_ends", "_at")

    def __init__(self, keys: tuple[str, ...] | list[str], text: Text, chunks: list[str], each: list[tuple[str, ...]],
                 starts: list[int] | None = None, ends: list[int] | None = None, masks: dict[int, str] | None = None):
        # each: the keys of each chunk. When the chunks are one character
        # apart (the usual comment), a word's place follows from lengths alone.
        # What it needs of the text is kept, not the text: the text keeps its
        # words, and a cycle would leave both for the garbage collector.
        self.keys, self._chunks, self._each = keys, chunks, each
        self.original, self._norm, self._origin = text.original, text.norm, text._origin
        # Words with digits or symbols for letters inside them ("f4ck1ng"),
        # by index: the word as a mask ("f*ck*ng"), for the word lists to
        # read when the leetspeak reading ("facking") is no word. None: none.
        self.masks = masks
        # Whether some word is an emoji read as a word (MEANINGS).
        self.has_meanings = text.emoji
        self._simple: bool | None = None  # whether chunk i holds word i and no other (None: not yet known)
        self._upto: list[int] = []  # how many words the chunks up to each one hold
        self._starts, self._ends = starts, ends
        self._at: list[int] | None = None  # the lengths of the chunks before each one, when a long comment needs them

    def __len__(self) -> int:
        return len(self.keys)

    def place(self, i: int) -> tuple[int, int]:
        """(start, end) of the i-th word in the original comment."""
        if self._starts is not None:
            assert self._ends is not None  # set together with _starts, always
            return self._starts[i], self._ends[i]
        chunks, simple = self._chunks, self._simple
        if simple is None:
            # Each chunk starts one character after the one before ends...
            if len("".join(chunks)) + len(chunks) - 1 != len(self._norm):  # ...unless spaces come in runs
                self._starts, self._ends = _places(self._norm, self._origin, chunks)
                return self._starts[i], self._ends[i]
            simple = self._simple = len(self.keys) == len(chunks) and all(self._each)
            if not simple:
                self._upto = list(accumulate(map(len, self._each)))
        # Most words match nothing, so places are worked out one at a time,
        # for the words that do.
        if simple:
            chunk, nth = i, 0
        else:
            chunk = bisect_right(self._upto, i)
            nth = i - self._upto[chunk - 1] if chunk else i
        if chunk < _SUMMED:
            at = chunk + len("".join(chunks[:chunk]))  # one call into C, where adding up lengths is one per chunk
        else:  # far into a long comment: where each chunk starts, added up once for all its words
            if self._at is None:
                self._at = list(accumulate(map(len, chunks), initial=0))
            at = chunk + self._at[chunk]
        start, end = _CHUNKS.spans_of(chunks[chunk])[nth]
        start, end = at + start, at + end
        return (start, end) if self._origin is None else _span(self._origin, len(self.original), start, end)

    def capitalised(self, i: int) -> bool:
        return self.original[self.place(i)[0]].isupper()


class Text:
    """A comment ready for the detectors: `norm`, the normalised text;
    `chunks`, its runs of characters between spaces (or "_"); and `words`."""

    __slots__ = ("original", "norm", "_origin", "emoji", "chunks", "words")

    def __init__(self, original: str):
        self.original = original
        if original.isascii():  # most comments: lower case is all there is to do
            self.norm, self._origin, self.emoji = original.lower(), None, False
        else:
            self.norm, self._origin, self.emoji = _normalise(original)
        # Every rule that reads words reads the same ones, and nearly every
        # comment is read for words: split once, here.
        self.chunks = _spaced(self.norm).split()
        self.words = _words(self)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the normalised text → offsets in the original."""
        if self._origin is None:
            return start, end
        return _span(self._origin, len(self.original), start, end)


def _clean(text: str) -> str:
    # Lone surrogates (from broken input) cannot be encoded: each becomes one
    # U+FFFD, so every other character keeps its place (and a finding's
    # offsets are offsets in the comment as given).
    return _SURROGATE.sub("\ufffd", text) if _has_surrogate(text) else text


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    return not text.isascii() and _SURROGATE.search(text) is not None


class _CharMap(dict):
    """What each character becomes: worked out once per character, then
    applied to whole comments by str.translate (fast, in C)."""

    LIMIT = 50_000  # bounded memory when a comment brings many new characters

    def __init__(self):
        super().__init__()
        self.odd: set[str] = set()  # characters that become more or fewer than one
        self.meanings: set[str] = set()  # emoji read as a word (MEANINGS)
        self.generation = 0

    def __missing__(self, code: int) -> str:
        if len(self) >= self.LIMIT:
            self.clear()
            self.odd.clear()
            self.meanings.clear()
            self.generation += 1
        if code in INVISIBLE:
            out = ""
        else:
            ch = "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)
            out = MEANINGS.get(ch)
            if out is None:
                out = "".join(_looks_like(part) for part in unicodedata.normalize("NFKD", ch)
                              if not unicodedata.combining(part))
            else:
                self.meanings.add(ch)
        if len(out) != 1:
            self.odd.add(chr(code))
        self[code] = out
        return out


def _looks_like(part: str) -> str:
    """A character (decomposed, without its accents) as a Latin letter if it
    looks like one: as itself first (Greek capital Β is "b", though its small
    letter β is read on its own), else in lower case."""
    read = LOOKALIKE.get(part)
    if read is None:
        low = part.lower()
        read = LOOKALIKE.get(low, low)
    return read


_CHARS = _CharMap()


def _normalise(text: str) -> tuple[str, list[int] | None, bool]:
    """(the normalised text, where each of its characters comes from in the
    text (None: one for one), whether an emoji was read as a word)."""
    generation = _CHARS.generation
    # Only characters beyond ASCII go through the map (an ASCII character
    # only needs lower case): a comment is mostly ASCII, with a few runs of
    # others (emoji, accents, curly quotes). What the map gives is already
    # lower case, so lower() leaves it as it is.
    runs: list[str] = []
    padded: dict[int, int] = {}  # where an emoji read as a word is, and how long it became
    norm = _BEYOND_ASCII.sub(partial(_mapped, runs, padded), text).lower()
    if generation == _CHARS.generation:
        odd = _CHARS.odd.intersection("".join(runs))
    else:  # the map was emptied on the way, and with it what it knew of odd characters
        odd = {ch for ch in set(text) if len(_CHARS[ord(ch)]) != 1}
    if not odd:
        return norm, None, False  # one character for one: offsets carry over as they are
    # Some characters vanished or became several: map each back to its
    # origin. Such characters are usually few ("…", a zero-width space) and
    # each is found by a search of its own; many different ones (Korean,
    # whose syllables come apart) are found in one pass. The map is then
    # written from left to right: one for one between them, and each its own count.
    if len(odd) <= _FEW_ODD:
        places = sorted((index, padded.get(index) or len(_CHARS[ord(ch)]))
                        for ch in odd for index in _places_of(text, ch))
    else:
        places = [(m.start(), padded.get(m.start()) or len(_CHARS[ord(m.group())]))
                  for m in re.finditer("[" + "".join(map(re.escape, odd)) + "]", text)]
    origin: list[int] = []
    at = 0
    for index, count in places:
        origin += range(at, index)
        if count:
            origin += [index] * count
        at = index + 1
    origin += range(at, len(text))
    return norm, origin, bool(padded)


_FEW_ODD = 8


_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]+")


def _mapped(runs: list[str], padded: dict[int, int], match: re.Match) -> str:
    run = match.group()
    runs.append(run)
    out = run.translate(_CHARS)
    if _CHARS.meanings and not _CHARS.meanings.isdisjoint(run):
        out = _with_meanings(match, padded)
    return out


def _with_meanings(match: re.Match, padded: dict[int, int]) -> str:
    """A run holding emoji read as words: each word set apart by a space
    from what it touches ("you🖕" is "you fuck"), and no more ("i'll 🔪
    you" is "i'll knife you"), so the phrases the detectors know still read."""
    text, start, meanings = match.string, match.start(), _CHARS.meanings
    pieces = []
    for k, ch in enumerate(match.group()):
        piece = _CHARS[ord(ch)]
        if ch in meanings:
            at = start + k
            if at and not text[at - 1].isspace():
                piece = " " + piece
            if at + 1 < len(text) and not text[at + 1].isspace():
                piece += " "
            padded[at] = len(piece)
        pieces.append(piece)
    return "".join(pieces)


def _places_of(text: str, ch: str):
    at = text.find(ch)
    while at >= 0:
        yield at
        at = text.find(ch, at + 1)


def _key(token: str) -> str:
    if token.isalpha():
        return token
    if token[0] == "@" and len(token) > 1:
        # "@jo_bloggs" names an account: kept as typed, so the matchers can
        # tell it from a word ("@ss" is one: the word list decides).
        return "@" + _SEPARATORS.sub("", token[1:])
    if _HAS_LETTER.search(token):
        token = token.translate(LEET)
    return _SEPARATORS.sub("", token)


_INNER = re.compile(r"(?<=[a-z])[^a-z]+(?=[a-z])")  # what stands between a word's letters
_LETTERLIKE = frozenset("0123456789@$!|€+")


def _mask(token: str) -> str | None:
    """A word with digits or symbols for letters inside it ("f4ck1ng") as a
    mask ("f*ck*ng"), for when its leetspeak reading ("facking") is no word;
    None for any other word."""
    if token[0] == "@" or _LETTERLIKE.isdisjoint(token):
        return None
    masked = _INNER.sub(_masked_letters, token)
    if "*" not in masked:
        return None
    masked = _SEPARATORS.sub("", masked.translate(LEET))
    return masked if sum(map(str.isalpha, masked)) >= 2 else None


def _masked_letters(match: re.Match) -> str:
    inner = match.group()
    return "".join("*" if ch in _LETTERLIKE else ch for ch in inner)


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


class _Chunks(dict):
    """What each run of characters between spaces holds: its words' keys (the
    dict's values) and their places in it (`spans_of`). A word never spans a
    space, so a comment's words are its chunks' words in order; and chunks
    repeat from comment to comment ("the", "you", "council"), so each is
    split once, then looked up."""

    LIMIT = 100_000  # bounded memory on a long batch

    def __init__(self):
        super().__init__()
        self._spans: dict[str, tuple[tuple[int, int], ...]] = {}
        # The chunks holding a word with digits or symbols for letters inside
        # it: (which of the chunk's words, the word as a mask).
        self.masks: dict[str, tuple[tuple[int, str], ...]] = {}

    def __missing__(self, chunk: str) -> tuple[str, ...]:
        if len(self) >= self.LIMIT:
            self.clear()
            self._spans.clear()
            self.masks.clear()
        if chunk.isalpha():
            keys, spans = (chunk,), ((0, len(chunk)),)
        else:
            found, places, masks = [], [], []
            parts = _SPLIT.split(chunk)
            bounds = list(accumulate(map(len, parts)))
            for token, start, end in zip(parts[1::2], bounds[0::2], bounds[1::2]):
                if not token.isalpha():
                    token, start, end = _trim(token, start, end)
                    masked = _mask(token) if token else None
                    token = _key(token) if token else ""
                    if masked and token:
                        masks.append((len(found), masked))
                if token:
                    found.append(token)
                    places.append((start, end))
            keys, spans = tuple(found), tuple(places)
            if masks:
                self.masks[chunk] = tuple(masks)
        self[chunk], self._spans[chunk] = keys, spans
        return keys

    def spans_of(self, chunk: str) -> tuple[tuple[int, int], ...]:
        spans = self._spans.get(chunk)
        if spans is None:
            self.__missing__(chunk)
            spans = self._spans[chunk]
        return spans


_CHUNKS = _Chunks()
_SPLIT = re.compile(f"({_WORD.pattern})")


def _spaced(norm: str) -> str:
    # "_" ends a word (see _WORD): made a space, it splits chunks too, and
    # the text keeps its length, so places in it are places in the comment.
    return norm.replace("_", " ")


def _words(text: Text) -> Words:
    # This runs on every comment, so it is written as a few calls into C:
    # split on spaces, look each chunk up, chain the keys.
    chunks = text.chunks
    each = list(map(_CHUNKS.__getitem__, chunks))
    # Adding up tuples is quicker than chaining them for a comment's worth,
    # but its cost grows with the square of their number: long text chains.
    keys = sum(each, ()) if len(each) <= 64 else tuple(chain.from_iterable(each))
    chunk_masks = _CHUNKS.masks
    masks = _masks_of(chunks, each, chunk_masks) if chunk_masks and not chunk_masks.keys().isdisjoint(chunks) \
        else None
    lengths = list(map(len, keys))
    if lengths.count(1) < 3 or _RUN_OF_THREE not in bytes(map(min, lengths, repeat(2))):
        return Words(keys, text, chunks, each, masks=masks)
    # Single letters, three or more in a row: maybe a word spelt out.
    starts, ends = _places(text.norm, text._origin, chunks)
    joined, starts_joined, ends_joined = _join_spaced_letters(keys, starts, ends)
    if masks:  # words have moved: a masked word is never a single letter, so it keeps its start
        index_at = {start: i for i, start in enumerate(starts_joined)}
        masks = {index_at[starts[i]]: masked for i, masked in masks.items()}
    return Words(joined, text, chunks, each, starts_joined, ends_joined, masks)


def _masks_of(chunks: list[str], each: list[tuple[str, ...]], chunk_masks: dict) -> dict[int, str]:
    """The comment's words with digits or symbols for letters, by index: the word as a mask."""
    out = {}
    at = 0
    for chunk, keys in zip(chunks, each):
        found = chunk_masks.get(chunk)
        if found:
            for k, masked in found:
                out[at + k] = masked
        at += len(keys)
    return out


def _span(origin: list[int], length: int, start: int, end: int) -> tuple[int, int]:
    """Offsets in the normalised text → offsets in the original (of this length)."""
    if start >= len(origin):
        return length, length
    last = origin[end - 1] if end > start else origin[start]
    return origin[start], last + 1


def _places(norm: str, origin: list[int] | None, chunks: list[str]) -> tuple[list[int], list[int]]:
    """Where each word of the chunks starts and ends in the original comment."""
    find = _spaced(norm).find
    starts: list[int] = []
    ends: list[int] = []
    at = 0
    for chunk in chunks:
        at = find(chunk, at)
        spans = _CHUNKS.spans_of(chunk)
        if len(spans) == 1:  # nearly always: one word between spaces
            (start, end), = spans
            starts.append(at + start)
            ends.append(at + end)
        else:
            starts.extend(at + start for start, _ in spans)
            ends.extend(at + end for _, end in spans)
        at += len(chunk)
    if origin is not None:
        starts = [origin[s] for s in starts]
        ends = [origin[e - 1] + 1 for e in ends]  # a word is never empty
    return starts, ends


_RUN_OF_THREE = bytes([1, 1, 1])
# A word's place adds up the lengths of the chunks before it: for a word this
# far into a comment they are added up once, for every word after it too, so
# a comment with many words that match costs no more than its length.
_SUMMED = 64


def _join_spaced_letters(keys: Sequence[str], starts: list[int], ends: list[int]):
    """'f u c k' and 'f.u.c.k' are one word: join runs of three or more single letters."""
    out_keys: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    run: list[int] = []  # indexes of the single letters in the current run

    def close():
        if len(run) >= 3:
            out_keys.append("".join(keys[i] for i in run))
            out_starts.append(starts[run[0]])
            out_ends.append(ends[run[-1]])
        else:
            for i in run:
                out_keys.append(keys[i])
                out_starts.append(starts[i])
                out_ends.append(ends[i])
        run.clear()

    for i, key in enumerate(keys):
        if len(key) == 1 and key.isalpha():
            if run and starts[i] - ends[run[-1]] > 2:
                close()
            run.append(i)
            continue
        close()
        out_keys.append(key)
        out_starts.append(starts[i])
        out_ends.append(ends[i])
    close()
    return out_keys, out_starts, out_ends


def prepare(comment: str) -> Text:
    return Text(comment if comment.isascii() else _clean(comment))


def quoted(original: str, at: int) -> bool:
    """Whether the character at `at` is inside double quotation marks,
    straight ("...") or curly (“...”): what a comment quotes is reported, not
    said ('someone wrote "..." on the wall'). Single quotes are left alone:
    they are as often apostrophes."""
    before = original[:at]
    if before.count('"') % 2:
        return True
    return before.rfind("“") > before.rfind("”")
