"""`language`: a comment written in a language the council does not accept.

Some councils ask for comments in English (or English and Welsh) and may
remove others that could be abusive. The checker cannot read them, so it
says which language a comment is in and leaves the rest to a person: never
more than "may break". It speaks only when it is sure. A short comment, a
name, a place, a borrowed phrase or a few disguising letters are never
enough.

It knows two things, and needs no data beyond the package (it runs in the
browser too):

- Other scripts (Cyrillic, Arabic, Chinese, ...): most of the comment's
  letters are in one, and there are enough of them. Greek and Cyrillic letters
  that look like Latin ones do not count: "fuсk" with a Cyrillic "с" is
  English in disguise. A few letters and words tell a script's languages
  apart (Urdu from Arabic, Ukrainian from Russian).
- The Latin alphabet: each language's commonest small words (languages.py),
  the letters only some languages write (ł, ŵ, ș, ß, ñ) and a few endings
  English never has. A comment is taken to be in such a language when it
  has several different words of it, far more of them than English words,
  and they make up a good share of the comment.

Nearly every comment is English and is let through after a quick look at
the words the comment has already been split into: fewer than two of them
are another language's words. The tables are built when a rule pack first
asks for this check, so a pack without it pays nothing.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import cache, cached_property

from .. import languages as data
from ..findings import MAY_BREAK, Signal, new_signal
from ..text import _CHARS

# How sure the checker must be.
MIN_WORDS = 4  # words in the comment (links, handles and hashtags are not words)
MIN_DISTINCT = 3  # different words of the language
ENGLISH_MARGIN = 2  # the language's words at least this many times the English ones
MIN_SHARE = 0.3  # and at least this share of all the comment's words
CLOSE = 0.75  # another language this close to the best is named too (and, if accepted, lets it pass)
# Another script: at least this many of its letters (fewer for scripts whose
# letters are syllables or words), of at least 3 different ones, outnumbering
# the Latin letters (each syllable or word counted as WIDE Latin letters).
MIN_SCRIPT_LETTERS = 8
MIN_SYLLABLES = {"Han": 4, "Kana": 4, "Hangul": 4, "Ethiopic": 5, "Thai": 6, "Lao": 6, "Khmer": 6, "Myanmar": 6}
WIDE = {"Han": 3, "Kana": 2, "Hangul": 3, "Ethiopic": 2}
# Katakana that make faces, not words: ツ in ¯\_(ツ)_/¯, ノ in (ノ°▽°)ノ.
FACE_KANA = frozenset("ツノヮシッﾉｼｯﾂﾟｰー・")
WHY = "written in {language}, not {accepted}: a person decides whether it could be abusive"


def _fold(text: str) -> str:
    """Text without accents, as the checker's word keys are (text.py)."""
    return text.translate(_CHARS)


def _split(text: str) -> list[str]:
    """The words of a list in languages.py (lower case, one or more spaces apart)."""
    return text.split()


def _folded(words: list[str]) -> list[str]:
    """The words (lower case) without accents: those beyond ASCII folded at
    once, in one call into C rather than one per word."""
    beyond = [w for w in words if not w.isascii()]
    folded = dict(zip(beyond, _fold(" ".join(beyond)).split(" ")))
    assert len(folded) == len(set(beyond))
    return [folded.get(w, w) for w in words]


class _Tables:
    """What the check reads, built from languages.py once per process, when a
    rule pack first asks for the check. The patterns only the rare comment
    needs are compiled when first needed."""

    def __init__(self):
        self.english = frozenset(_split(data.ENGLISH))
        loans = _split(data.LOANWORDS)
        self.neutral = frozenset(loans) | frozenset(_folded(loans))
        # Each word (as spelt, and without accents) → the languages it is a
        # word of; and the same for English words that are also other
        # languages' words ("per", "die", "an"): those count for neither.
        codes_of: dict[str, list[str]] = {}
        for code, words in data.WORDS.items():
            spelt = _split(words)
            forms = set(spelt)
            # Without accents, a short word is too often another word ("të",
            # "te"), and one that is English is English ("būt", "but").
            forms.update(f for w, f in zip(spelt, _folded(spelt))
                         if f != w and len(f) >= 3 and f not in self.english)
            for form in forms - self.neutral:
                if len(form) > 1:
                    codes_of.setdefault(form, []).append(code)
        self.languages_of = {w: tuple(c) for w, c in codes_of.items() if w not in self.english}
        self.also_english = {w: tuple(c) for w, c in codes_of.items() if w in self.english}
        # The same words as the comment's word keys are (no accents, no
        # English): a comment holding fewer than two is let through.
        self.keys = frozenset(_folded(list(self.languages_of))) - self.english - self.neutral
        self.letters = dict(data.LETTERS)
        self.endings = dict(data.ENDINGS)
        self.ending_lengths = sorted({len(e) for e in self.endings}, reverse=True)
        self.cyrillic_of: dict[str, tuple[str, ...]] = {}
        for code, words in data.CYRILLIC_WORDS.items():
            for word in words.split():
                self.cyrillic_of[word] = (*self.cyrillic_of.get(word, ()), code)
        self.script_of = _ScriptOf([first for first, _, _ in data.SCRIPT_RANGES])

    @cached_property
    def maybe_other_script(self) -> re.Pattern:
        """A character that may be a letter of another script: not Latin, nor
        punctuation, symbols, emoji or the like (a quick test, in C)."""
        return re.compile("[^\x00-\u036f\u2000-\u2bff\ue000-\uf8ff\ufe00-\ufe0f\ufeff\uff00-\uff65"
                          "\U0001f000-\U0001faff]")

    @cached_property
    def has_letter(self) -> re.Pattern:
        return re.compile("[" + "".join(self.letters) + "\u1ea0-\u1ef9]")

    @cached_property
    def loans(self) -> re.Pattern:
        return _phrases()

    @cached_property
    def token(self) -> re.Pattern:
        """A word: letters (and accents typed as marks of their own). Links,
        e-mail addresses, @handles and #hashtags are matched to be skipped."""
        # The part of an address before the @ is at most 64 characters
        # (RFC 5321): bounded, so a long run of digits or dots is not read
        # again from each of its characters in search of an @.
        return re.compile(r"(?:https?://|www\.)\S+|[\w.+-]{1,64}@[\w-]+\.[\w.]+|[@#]\w+"
                          r"|((?:[^\W\d_]|[\u0300-\u036f])+)")

    @cached_property
    def mojibake(self) -> re.Pattern:
        """UTF-8 read as Latin-1 ("VÃ¡clav" for "Václav"): garbled, so no language can be told."""
        return re.compile("[ÃÂÅÄ][\u0080-\u00bf]|[a-z][ÃÅÄ]")

    @cached_property
    def sentence_end(self) -> re.Pattern:
        """Where a sentence ends: a full stop (not one inside "3.5" or a link), ! or ?, or a new line."""
        # From the first of a run of stops only: a run not followed by a
        # space is not read again from each of its stops.
        return re.compile(r"(?<![.!?…])[.!?…]+(?=\s|$)|\n")

    @cached_property
    def handles(self) -> re.Pattern:
        return re.compile(r"(?:(?:RT|@\w+):?\s+)+")

    @cached_property
    def latin_letter(self) -> re.Pattern:
        return re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")

    @cached_property
    def word(self) -> re.Pattern:
        return re.compile(r"[^\W\d_]+")


@cache
def tables() -> _Tables:
    return _Tables()


def _phrases() -> re.Pattern:
    """Familiar foreign phrases (LOAN_PHRASES), with or without accents, ’ for ' and - for a space."""
    variants = set()
    for phrase in data.LOAN_PHRASES.split("|"):
        phrase = " ".join(phrase.split())
        if phrase:
            variants.update((phrase, _fold(phrase)))
    parts = (re.escape(v).replace("'", "['’]").replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+")
             for v in sorted(variants, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


# A language from a word list, and the languages it stands for where the
# words cannot tell them apart.
GROUPS = {"hr": ("Croatian, Serbian or Bosnian", ("hr", "sr", "bs")), "id": ("Indonesian or Malay", ("id", "ms")),
          "hi": ("Hindi or Urdu", ("hi", "ur")), "no": ("Norwegian", ("no", "nb", "nn"))}


def _named(code: str) -> tuple[str, tuple[str, ...]]:
    return GROUPS.get(code) or (data.NAMES[code], (code,))


# --- the Latin alphabet -------------------------------------------------------

def _codes_of(t: _Tables, word: str) -> tuple[str, ...] | None:
    """The languages a word (lower case, not English) is evidence of, or None."""
    codes = t.languages_of.get(word)
    if codes is not None:
        return codes
    if not word.isascii():
        folded = _fold(word)
        if folded in t.english or folded in t.neutral:  # "café", "naïve"
            return None
        codes = t.languages_of.get(folded)  # typed with other accents
        # Letters only some languages write: "świetna", "wtórny", "ŵyr".
        found = [code for ch in word for code in t.letters.get(ch, ())]
        if any("\u1ea0" <= ch <= "\u1ef9" for ch in word):
            found.append("vi")
        if found:
            codes = tuple(dict.fromkeys((*(codes or ()), *found)))
    if codes is None and len(word) >= 6:  # "subscribirse", "realmente", "Meinungen"
        for n in t.ending_lengths:
            codes = t.endings.get(word[-n:])
            if codes is not None:
                break
    return codes or None


def _latin(t: _Tables, text: str):
    """(language, its codes, codes of languages nearly as likely, start, end) or None."""
    if not text.isascii() and t.mojibake.search(text):
        return None
    loans = [m.span() for m in t.loans.finditer(text)]
    loan_starts = [a for a, _ in loans]  # in order: the phrases found do not overlap
    english, neutral = t.english, t.neutral
    tally: dict[str, list] = {}  # code → [words, different words, weight, start, end]
    also: dict[str, int] = {}  # code → English words that are its words too
    n_english = n_words = 0
    for m in t.token.finditer(text):
        word = m.group(1)
        if word is None:
            continue
        if len(word) == 1:  # "I", "a", "y", "w"; "l'" and "c'" split off
            if word == "I":
                n_english += 1
                n_words += 1
            continue
        n_words += 1
        word = word.lower()
        if word in english:
            n_english += 1
            for code in t.also_english.get(word, ()):
                also[code] = also.get(code, 0) + 1
            continue
        if word in neutral:
            continue
        codes = _codes_of(t, word)
        if not codes:
            continue
        start, end = m.span(1)
        if loans:  # inside a familiar phrase? (the one starting last at or before the word)
            k = bisect_right(loan_starts, start) - 1
            if k >= 0 and start < loans[k][1]:
                continue
        share = 1 / len(codes)
        for code in codes:
            tallied = tally.get(code)
            if tallied is None:
                tally[code] = [1, {word}, share, start, end]
            else:
                tallied[0] += 1
                tallied[1].add(word)
                tallied[2] += share
                tallied[4] = end
    if n_words < MIN_WORDS or not tally:
        return None
    # The language most words are words of, those of one language only counting most.
    ranked = sorted(tally.items(), key=lambda item: (item[1][2], item[1][0]), reverse=True)
    code, (count, distinct, weight, start, end) = ranked[0]
    # English words that are also this language's ("per", "non") are no
    # evidence against it, and they are part of a text written in it.
    shared = also.get(code, 0)
    if len(distinct) < MIN_DISTINCT or count < ENGLISH_MARGIN * (n_english - shared) \
            or count + shared < MIN_SHARE * n_words:
        return None
    name, codes = _named(code)
    close = [other for other, tallied in ranked[1:] if tallied[2] >= CLOSE * weight]
    if close and close[0] not in codes:  # as likely: named too ("Danish or Norwegian")
        other, other_codes = _named(close[0])
        name, codes = f"{name} or {other}", (*codes, *other_codes)
    nearly = tuple(c for other, tallied in ranked[1:] if tallied[0] >= CLOSE * count for c in _named(other)[1])
    start, end = _sentences(t, text, start, end)
    return name, codes, nearly, start, end


def _sentences(t: _Tables, text: str, start: int, end: int) -> tuple[int, int]:
    """The sentences holding the words found: the words of a language in
    common with English ("ale", "to") are its words there too."""
    first, last = 0, len(text)
    for m in t.sentence_end.finditer(text):
        if m.end() <= start:
            first = m.end()
        elif m.start() >= end:
            last = m.end()
            break
    while first < start and text[first].isspace():
        first += 1
    lead = t.handles.match(text, first, start)  # "RT @jo: " is in no language
    if lead is not None:
        first = lead.end()
    while last > end and text[last - 1].isspace():
        last -= 1
    return first, last


# --- other scripts ------------------------------------------------------------

class _ScriptOf(dict):
    """Each character → its script, if it is a letter (or a letter's mark) of one."""

    LIMIT = 20_000  # bounded memory on a long batch

    def __init__(self, starts: list[int]):
        super().__init__()
        self.starts = starts

    def __missing__(self, ch: str) -> str | None:
        if len(self) >= self.LIMIT:
            self.clear()
        first, last, script = data.SCRIPT_RANGES[max(0, bisect_right(self.starts, ord(ch)) - 1)]
        found = script if first <= ord(ch) <= last and unicodedata.category(ch)[0] in "LM" else None
        self[ch] = found
        return found


def _script(t: _Tables, text: str):
    """(language, codes, (), start, end) when most of the letters are in another
    script; False when they are but too few to tell; None when mostly Latin."""
    script_of = t.script_of
    # Only the comment's different characters are looked up (emoji, curly
    # quotes and accents are most of them), and the comment read again only
    # when some are letters of another script.
    scripted = {ch: script for ch in set(text) if ch >= "\u0370" and (script := script_of[ch]) is not None
                and not (script == "Kana" and ch in FACE_KANA)}
    if not scripted:
        return None
    counts: dict[str, list] = {}  # script → [letters, start, end, different letters, not look-alikes]
    for at, ch in enumerate(text):
        script = scripted.get(ch)
        if script is None:
            continue
        c = counts.get(script)
        if c is None:
            counts[script] = c = [0, at, at + 1, set(), 0]
        c[0] += 1
        c[2] = at + 1
        c[3].add(ch)
        c[4] += ch not in data.LOOKALIKES
    if "Kana" in counts and "Han" in counts:  # Japanese writes both
        kana, han = counts.pop("Kana"), counts.pop("Han")
        counts["Kana"] = [kana[0] + han[0], min(kana[1], han[1]), max(kana[2], han[2]), kana[3] | han[3],
                          kana[4] + han[4]]
    script, (letters, start, end, different, unlike) = max(counts.items(), key=lambda item: item[1][0])
    if letters * WIDE.get(script, 1) <= len(t.latin_letter.findall(text)):
        return None  # mostly Latin: English with a few letters of another script
    if letters < MIN_SYLLABLES.get(script, MIN_SCRIPT_LETTERS) or len(different) < 3 or unlike < 4:
        return False
    name, codes = data.SCRIPT_LANGUAGES[script]
    lowered = text[start:end].lower()
    code = _cyrillic(t, lowered) if script == "Cyrillic" else _arabic(lowered) if script == "Arabic" else None
    if code is not None:
        name, codes = data.NAMES[code], (code,)
    return name, codes, (), start, end


def _cyrillic(t: _Tables, text: str) -> str | None:
    """Which language a Cyrillic text is in, if its letters or words say."""
    for letters, code in data.CYRILLIC_OWN_LETTERS:
        if any(ch in text for ch in letters):
            return code
    votes: dict[str, float] = {}
    for letters, codes in data.CYRILLIC_HINTS:
        if any(ch in text for ch in letters):
            for code in codes:
                votes[code] = votes.get(code, 0) + 2
    for word in t.word.findall(text):
        codes = t.cyrillic_of.get(word)
        if codes:
            for code in codes:
                votes[code] = votes.get(code, 0) + 1 / len(codes)
    if not votes:
        return None
    best, second = sorted(votes.values(), reverse=True)[:2] if len(votes) > 1 else (max(votes.values()), 0)
    return max(votes, key=votes.__getitem__) if best >= 2 and best >= 1.5 * second else None


def _arabic(text: str) -> str | None:
    """Which language an Arabic-script text is in, if its letters say."""
    for letters, code in data.ARABIC_OWN_LETTERS:
        if any(ch in text for ch in letters):
            return code
    arabic, persian = (sum(map(text.count, letters)) for letters in data.ARABIC_OR_PERSIAN)
    return "ar" if arabic > persian else "fa" if persian > arabic else None


# --- the check ----------------------------------------------------------------

def identify(comment, t: _Tables | None = None):
    """(language, its codes, codes of languages nearly as likely, start, end) if
    the comment is surely written in a language other than English, else None."""
    t = t or tables()
    original = comment.original
    if not original.isascii() and t.maybe_other_script.search(original) is not None:
        found = _script(t, original)
        if found is not None:
            return found or None
    keys = comment.words.keys
    if len(keys) < MIN_WORDS:
        return None
    if t.keys.isdisjoint(keys):
        return None  # nearly every comment
    hits = len(t.keys.intersection(keys))
    if hits < 2 and not (hits and not original.isascii() and t.has_letter.search(original.lower())):
        return None  # too few words of another language to look further
    return _latin(t, original)


def prepare(check: dict) -> tuple[frozenset, str, _Tables]:
    """The languages the council accepts, as codes and in words ("English or Welsh")."""
    codes = [str(code).strip().lower() for code in check["languages"]]
    accepted = set(codes)
    if accepted & {"no", "nb", "nn"}:  # Norwegian, however its code is written
        accepted |= {"no", "nb", "nn"}
    names = list(dict.fromkeys(data.NAMES.get(code, code) for code in codes))
    said = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    return frozenset(accepted), said, tables()


def detect(comment, context, prepared) -> list[Signal]:
    accepted, said, t = prepared
    # Worked out once per comment, however many rules ask (the memo is the comment's own).
    memo = context.memo if context is not None else {}
    found = memo.get(identify, False)
    if found is False:
        found = memo[identify] = identify(comment, t)
    if found is None:
        return []
    language, codes, nearly, start, end = found
    if not accepted.isdisjoint(codes) or not accepted.isdisjoint(nearly):
        return []
    return [new_signal((MAY_BREAK, start, end, WHY.format(language=language, accepted=said)))]
