"""Find word-list terms among a comment's words.

A term matches a word when the word spells it with any letter repeated
("fuuuck"), with a common ending ("bitches", "wankers", "shittiest"), with
asterisks standing for hidden letters ("f**k", first and last letters
shown), with digits or symbols standing for letters inside it ("sh1t" as
leetspeak; "f4ck1ng", where the leetspeak reading is no word, as a mask),
as an emoji with a meaning (🖕, text.MEANINGS), or, for terms marked
`compounds`, at the start or end of a longer word ("bullshit"). A mask is
read once, as the most plausible word it fits (MASK_READINGS), and every
rule reads it so: "f***ing" is "fucking", never also "figging".
A term never matches inside another word, which is what keeps Scunthorpe,
Penistone, Cockermouth, Essex, assessment and classic clean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from itertools import compress, groupby
from typing import NamedTuple

from .text import LEET, MEANINGS, Words, prepare

SEVERITY = {1: "mild", 2: "medium", 3: "strong", 4: "strongest"}
ENDINGS = ("s", "es", "ed", "er", "ers", "ing", "in", "y", "ie", "ies", "z", "est", "ier", "iest")
# No ending repeats a letter: _forms relies on it.
assert all(a != b for ending in ENDINGS for a, b in zip(ending, ending[1:]))
# Endings a slur is never read with: "spicy" and "spicier" are not slurs.
_NOT_FOR_SLURS = ("y", "ie", "z", "ier", "iest")
# The words a mask is most plausibly read as, commonest first: the swear
# words people hide letters of ("f***ing", "sh*t", "c**t"). A mask that fits
# one of these (or a form of one) is read as it; one that fits none is read
# as the listed word it fits that is general rather than sexual, then the
# strongest: rare sexual jargon ("figging") is the least likely reading.
MASK_READINGS = ("fuck", "shit", "cunt", "bitch", "bastard", "wank", "twat", "prick", "dick", "piss", "bollocks",
                 "bullshit", "arse", "ass", "slut", "whore", "tosser", "bellend", "knob", "crap", "bugger", "damn")
# What follows a compounding root in the insults people build from it
# ("shithead", "fuckwit"); anything else ("shiitake") is a different word.
COMPOUND_TAILS = {"head", "heads", "hole", "holes", "bag", "bags", "show", "face", "faces", "wit", "wits",
                  "stain", "stains", "storm", "load", "tard", "tards", "ton", "fest", "ass", "stick", "wad",
                  "lord", "rag", "bucket", "house", "hat", "pot", "pile", "er", "ers", "ed", "ing", "ery", "box"}
# Innocent words that end with a root ("mishit" in cricket and golf).
NOT_COMPOUNDS = {"mishit", "mishits"}
_RUN = re.compile(r"(.)\1+")


def squeeze(key: str) -> str:
    return _RUN.sub(r"\1", key)


def _runs(key: str) -> list[tuple[str, int]]:
    return [(ch, len(list(group))) for ch, group in groupby(key)]


def _spells(word: str, term: str) -> bool:
    """Same letters in the same order, each at least as often as in the term."""
    a, b = _runs(word), _runs(term)
    return len(a) == len(b) and all(x == y and n >= m for (x, n), (y, m) in zip(a, b))


@dataclass(frozen=True, slots=True)
class Entry:
    term: str
    plain: str  # the term as the matcher compares it: lower case, no spaces or hyphens
    category: str
    severity: int
    context_only: bool
    name: bool
    compounds: bool
    source: str
    label: str = ""  # how a finding names it: "'shit' (medium, general, word list ofcom)"
    insulting: bool = False  # an insult aimed at whoever it is near
    insulting_if_called: bool = False  # innocent too ("muppet"): an insult when someone is called it
    english: bool = True  # read with English endings ("bitches"); a Welsh word is not ("cont" is not "contest")
    # Phrases in which the word is innocent ("y gont fôr", the jellyfish), as
    # (the word's place in the phrase, the phrase's words as comments' are keyed).
    innocent_in: tuple[tuple[int, tuple[str, ...]], ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "label", self.label or f"'{self.term}' ({SEVERITY[self.severity]}, "
                                                        f"{self.category}, word list {self.source})")
        object.__setattr__(self, "insulting",
                           self.category == "insult" or (self.severity >= 2 and not self.context_only))
        object.__setattr__(self, "insulting_if_called",
                           not self.insulting and self.context_only and self.severity >= 3)


class Hit(NamedTuple):
    entry: Entry
    start: int
    end: int
    how: str  # why the word counts as the term: "as written", "disguised", ...
    word: int  # which of the comment's words (the first, for a phrase)


_new_hit = partial(tuple.__new__, Hit)  # see findings.new_match


class Lexicon:
    def __init__(self, entries: list[dict]):
        self.single: dict[str, list[Entry]] = {}
        self.phrases: dict[tuple[str, ...], list[Entry]] = {}
        self.masked: dict[tuple[int, str, str], list[Entry]] = {}
        self.compound_roots: list[Entry] = []
        for raw in entries:
            entry = Entry(raw["term"], _plain(raw["term"]), raw["category"], raw["severity"],
                          raw.get("context_only", False), raw.get("name", False), raw.get("compounds", False),
                          raw.get("list", ""), english=raw.get("language", "en") == "en",
                          innocent_in=_innocent_phrases(raw))
            parts = [_plain(p) for p in entry.term.split()]
            if len(parts) == 1:
                key = parts[0]
                self.single.setdefault(squeeze(key), []).append(entry)
                if len(key) >= 3:
                    self.masked.setdefault((len(key), key[0], key[-1]), []).append(entry)
                if entry.compounds:
                    self.compound_roots.append(entry)
            else:
                self.phrases.setdefault(tuple(squeeze(p) for p in parts), []).append(entry)
        # Inflected forms are looked up directly rather than tried ending by ending.
        self.inflected: dict[str, list[tuple[Entry, str]]] = {}
        # Only words in English take English endings: a word of a list in
        # another language (its pack entry says "language") is matched as
        # the list spells it.
        english = {key: [e for e in entries if e.english] for key, entries in self.single.items()}
        # The innocent reading wins: a form of a context-only word ("twinkies")
        # is never taken as a form of another ("twink").
        forms_of = Remembered(_forms)  # a context-only key's forms are asked for twice
        innocent = {form for key, entries in english.items() if entries and all(e.context_only for e in entries)
                    for form in forms_of[key]}
        for key, key_entries in english.items():
            if len(key) < 3 or not key_entries:
                continue
            slur = any(e.category in SLUR_CATEGORIES for e in key_entries)
            for ending, form in forms_of[key].items():
                if form in self.single or form in self.inflected and not key_entries[0].context_only:
                    continue
                if form in innocent and not all(e.context_only for e in key_entries):
                    continue
                if slur and ending in _NOT_FOR_SLURS:
                    continue  # "spicy" is not a slur
                self.inflected.setdefault(form, []).extend((e, f"with the ending '-{ending}'") for e in key_entries)
        # What a word (as typed, after normalising) matches never changes:
        # remember it. Most words match nothing and start no phrase: those
        # are remembered as (), so a comment of them is passed over in C.
        self._cache: dict[str, tuple] = Remembered(self._lookup)
        self._squeezed: dict[str, str] = {}
        self._digit_masks: dict[str, list] = {}  # "f*ck*ng" (from "f4ck1ng") -> what it is read as
        # Phrases by their first word, then by how many words follow it,
        # fewest first: [(count, {the words that follow: entries})].
        tails: dict[str, dict[int, dict[tuple[str, ...], list[Entry]]]] = {}
        for key, found in self.phrases.items():
            tails.setdefault(key[0], {}).setdefault(len(key) - 1, {})[key[1:]] = found
        self.phrase_tails = {head: sorted(by_count.items()) for head, by_count in tails.items()}
        self.compound_roots.sort(key=lambda e: -len(e.term))
        self.compound_heads = {e.plain[:3] for e in self.compound_roots}
        self.compound_tails = {e.plain[-3:] for e in self.compound_roots}

    def find(self, words: Words) -> list[Hit]:
        cache = self._cache
        if len(cache) > 200_000:  # bounded memory on a long batch
            cache.clear()
            self._squeezed.clear()
            self._digit_masks.clear()
        raw = words.keys
        found = list(map(cache.__getitem__, raw))  # a word not seen before is looked up as it comes
        if words.masks is not None:  # "f4ck1ng": digits for letters, where the leetspeak reading is no word
            self._read_masks(words.masks, found)
        hits: list[Hit] = []
        if not any(found):
            return hits
        phrases = []
        emoji = words.has_meanings
        for i in compress(range(len(found)), found):
            matches, tails = found[i]
            if matches:
                start, end = words.place(i)  # once: a word is often in two word lists
                if emoji and end - start == 1 and words.original[start] in MEANINGS:
                    matches = [(entry, f"as the emoji {words.original[start]}") for entry, _ in matches]
                for entry, how in matches:
                    if entry.name and _in_name(words, i):
                        continue
                    if entry.innocent_in and _in_phrase(raw, i, entry.innocent_in, self._squeeze):
                        continue
                    hits.append(_new_hit((entry, start, end, how, i)))
            if tails:
                phrases.append((i, tails))
        for i, tails in phrases:
            # The words after this one, as far as its longest phrase reaches.
            after = tuple(map(self._squeeze, raw[i + 1:i + 1 + tails[-1][0]]))
            for count, table in tails:
                if count > len(after):
                    break  # and no longer phrase fits either
                entries = table.get(after[:count])
                if entries:
                    hits.extend(Hit(entry, words.place(i)[0], words.place(i + count)[1], "as a phrase", i)
                                for entry in entries)
        return hits

    def _read_masks(self, masks: dict[int, str], found: list) -> None:
        for i, masked in masks.items():
            if found[i] and found[i][0] and any(e.english or not e.context_only for e, _ in found[i][0]):
                # The leetspeak reading is a listed word ("sh1t"). A Welsh word
                # never flagged alone ("cont") does not hide the mask ("c0nt").
                continue
            matches = self._digit_masks.get(masked)
            if matches is None:
                matches = self._digit_masks[masked] = [(e, "with digits or symbols for letters")
                                                       for e in self._masked(masked)]
            if matches:
                found[i] = (matches, found[i][1] if found[i] else None)

    def _lookup(self, raw: str) -> tuple:
        """What a word matches and the phrases it may start; () for neither."""
        if raw[0] == "@":
            return self._handle(raw)
        key = self._squeeze(raw)
        if not key:
            return ()
        matches = self._single(raw, key)
        tails = self.phrase_tails.get(key)
        return (matches, tails) if matches or tails else ()

    def _handle(self, raw: str) -> tuple:
        """'@ss' is a listed word with '@' for 'a'; '@jo_bloggs' names an
        account, which is neither a word nor part of a phrase (even when it
        holds one: '@dickensfan')."""
        word = raw.translate(LEET)
        key = squeeze(word)
        if key not in self.single and key not in self.inflected:
            return ()
        matches = [(e, "with letters repeated or disguised" if how == "as written" else how)
                   for e, how in self._single(word, key)]
        return (matches, None) if matches else ()

    def _squeeze(self, raw: str) -> str:
        key = self._squeezed.get(raw)
        if key is None:
            # A handle names an account; it is not a word, nor part of a phrase.
            key = self._squeezed[raw] = "" if raw[0] == "@" else squeeze(raw)
        return key

    def _single(self, raw: str, key: str) -> list[tuple[Entry, str]]:
        entries = self.single.get(key)
        if entries:
            found = [(e, "as written" if raw == e.plain else "with letters repeated or disguised")
                     for e in entries if _spells(raw, e.plain)]
            if found:
                return found
        if "*" in raw:
            return [(e, "with letters hidden by asterisks") for e in self._masked(raw)]
        inflected = self.inflected.get(key)
        if inflected:
            return inflected
        plain = raw
        if len(plain) < 6 or plain in NOT_COMPOUNDS or (
                plain[:3] not in self.compound_heads and plain[-3:] not in self.compound_tails):
            return []
        for entry in self.compound_roots:
            root = entry.plain
            if (plain.startswith(root) and plain[len(root):] in COMPOUND_TAILS) or \
                    (plain.endswith(root) and len(plain) - len(root) >= 3):
                return [(entry, "inside a compound word")]
        return []

    def _masked(self, key: str) -> list[Entry]:
        """The entries of the one word the mask is read as (see MASK_READINGS)."""
        # Two letters shown at least, and the rest of the word hidden by '*' only.
        if len(key) < 3 or key[0] == "*" or sum(c != "*" for c in key) < 2:
            return []
        pattern = key.replace("*", ".")
        fits = [e for e in self.masked.get((len(key), key[0], key[-1]), ())
                if re.fullmatch(pattern, e.plain) and not e.context_only]
        if len({e.plain for e in fits}) > 1:
            best = min(fits, key=_plausibility).plain
            fits = [e for e in fits if e.plain == best]
        return fits


def _innocent_phrases(raw: dict) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """An entry's innocent phrases, keyed as a comment's words are (accents
    folded, runs of a letter squeezed), each with the entry's place in it."""
    phrases = []
    term = squeeze(_plain(raw["term"]))
    for phrase in raw.get("innocent_in", ()):
        keys = tuple(map(squeeze, prepare(phrase).words.keys))
        if term in keys:  # validate refuses a phrase without the term (load.py)
            phrases.append((keys.index(term), keys))
    return tuple(phrases)


def _in_phrase(keys, i: int, phrases, squeezed) -> bool:
    """Whether the word at i is where an innocent phrase of its entry has it."""
    for at, phrase in phrases:
        start = i - at
        if start >= 0 and start + len(phrase) <= len(keys) and \
                all(squeezed(keys[start + k]) == word for k, word in enumerate(phrase)):
            return True
    return False


def _plausibility(entry: Entry) -> tuple:
    """How likely a word is as the reading of a mask: smaller is likelier."""
    common = next((rank for rank, word in enumerate(MASK_READINGS) if entry.plain.startswith(word)),
                  len(MASK_READINGS))
    return common, entry.category != "general", -entry.severity, entry.plain


class Remembered(dict):
    """A dict that works out, and keeps, the value of a key it lacks."""

    def __init__(self, compute):
        super().__init__()
        self._compute = compute

    def __missing__(self, key):
        value = self[key] = self._compute(key)
        return value


SLUR_CATEGORIES = {"race-ethnicity", "sex-gender", "discriminatory", "mental-health"}


def _forms(key: str) -> dict[str, str]:
    """Inflected forms of a word-list key: ending -> squeezed form."""
    forms = {}
    stems: dict[str, str] = {}  # a key has at most three stems: each squeezed once
    for ending in ENDINGS:
        stem = key
        if key.endswith("e") and ending[0] in "aeiouy":
            stem = key[:-1]  # "wanke" + "ing"
        elif key.endswith("y") and ending in ("es", "ies", "ed", "er", "ers", "est", "ier", "iest"):
            # "pussy" -> "pussies", "shitty" -> "shittiest"
            stem = key[:-1] + ("i" if ending in ("es", "ed", "er", "ers", "est") else "")
        squeezed_stem = stems.get(stem)
        if squeezed_stem is None:
            squeezed_stem = stems[stem] = squeeze(stem)
        # squeeze(stem + ending), without a regular expression for each of a
        # pack's seven thousand forms (no ending repeats a letter): a tenth
        # of building Ashfield's lexicon in CPython (36 ms to 32), and the
        # lexicon is most of making a Checker, which the checker's page does
        # before it is ready (tests/benchmarks/bench_widget.py, "Session made").
        if squeezed_stem and squeezed_stem[-1] == ending[0]:
            forms[ending] = squeezed_stem + ending[1:]
        else:
            forms[ending] = squeezed_stem + ending
    # Squeezed once, not once an ending: a checker's start works out every word's forms.
    squeezed = squeeze(key)
    return {e: f for e, f in forms.items() if f != squeezed}


def _plain(term: str) -> str:
    return re.sub(r"[.\-_'’ ]", "", term.lower())


def _in_name(words: Words, i: int) -> bool:
    """'Dick Turpin', 'Randy Newman': a capitalised word next to another."""
    if not words.capitalised(i):
        return False
    keys = words.keys
    before = i > 0 and words.capitalised(i - 1) and keys[i - 1].isalpha()
    after = i + 1 < len(keys) and words.capitalised(i + 1) and keys[i + 1].isalpha()
    return before or after
