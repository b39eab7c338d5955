"""A second opinion: a small linear model of abusive language, for a person to judge.

A logistic regression trained on labelled comments (the sources, licences and
recipe are in the header of `model_weights.tsv`, beside this module; the
attribution and licence in `model_weights.LICENSE`). It reads the comment's
words as the checker splits them (text.py: look-alike letters, leetspeak and
spaced letters undone), and adds up the weights of what it finds:

- each distinct word: its own weight, plus the weights of the character
  3-, 4- and 5-grams inside it ("<scum>": "<sc", "scu", ..., "um>");
- each distinct pair of neighbouring words ("you scum").

logit = bias + those weights; probability = 1 / (1 + e^-logit). Every
weight can be read back to the words of the comment that brought it
(`score`), so the model explains itself.

Identity words may never raise the score. A word naming a protected group
(the neutral names in groups.py, `groups.NEUTRAL_TERMS`: "Muslims", "gay",
"disabled", with their plurals and singulars; see `identity_terms`) counts
only as itself: its character n-grams are not read, it never forms a pair
(the words either side of it pair with each other, as if it were not
there), and its own weight is at most 0. Character n-grams found inside an
identity word ("usl" of "<muslim>") are at most 0 wherever they are. The
same clamp is applied when the model is trained and again when the weights
are loaded here, so adding an identity word to a comment, anywhere in it,
can only lower its score, whatever the weights file holds. The slurs of
`groups.OFFENSIVE_TERMS` are not identity words here: they are abuse, and
count as the data say.

It can only ever say "may break, for a person to judge" (`second_opinion`),
never "breaks". Pure standard library, so it runs unchanged in Pyodide; the
weights are read once per process, on first use. Rebuilt from the data by
`tests/benchmarks/train_model.py`.
"""

from __future__ import annotations

import math
from itertools import repeat
from pathlib import Path
from typing import NamedTuple

from .findings import MAY_BREAK, Signal, new_signal
from .lexicon import Remembered
from .text import Text, prepare

WEIGHTS_FILE = Path(__file__).with_name("model_weights.tsv")
FORMAT = 1  # of the weights file
GRAMS = (3, 4, 5)  # character n-grams, inside a word padded as "<word>"
STRONGEST = 3  # contributions named in a second opinion's reason
SAYS = "a model trained on labelled comments"  # how a second opinion's reason starts

# Kinds of feature in the weights file.
WORD, PAIR, CHARS = "word", "pair", "chars"
# What a word is to the model.
NORMAL, IDENTITY, IGNORED = 0, 1, 2


class Contribution(NamedTuple):
    """What pushed the score: a word (its own weight and its character
    n-grams') or a pair of neighbouring words, where it is in the comment as
    typed (its first place, for a word said twice: each counts once), and by
    how much it moved the logit."""

    start: int
    end: int
    text: str
    weight: float
    feature: str  # "word", or "pair" (two words)


# --- features: shared by the training command and scoring ----------------------

# Words that only complete a group's name in the terms of more than one word
# ("gay people", "people with disabilities", "blue badge holders"): not
# identity words by themselves. Besides groups.PEOPLE_NOUNS.
COMPANIONS = frozenset("""
    a an and in of on the to with new small blue baby badge boat citizen civil difficulties downs east eastern economic
    faith gen z health holders ill illness issues learning leave maternity mental mentally middle mixed mother mum
    needs northern nursing partially partner partners partnerships problems race rainbow roman same senior sex sighted
    south special syndrome user users west""".split())


def identity_terms() -> frozenset[str]:
    """The terms whose words may never raise the score: the neutral names of
    the groups the Equality Act protects (groups.NEUTRAL_TERMS). Not the
    offensive names (groups.OFFENSIVE_TERMS: slurs), which are abuse and must count."""
    from .groups import NEUTRAL_TERMS
    return NEUTRAL_TERMS


def identity_words(terms) -> frozenset[str]:
    """The words of identity terms as the checker keys a comment's words
    ("LGBTQ+" → "lgbtqt"), with the singulars of plurals ("muslims" →
    "muslim"). A term of one word is an identity word; of a term of more,
    the words that are not just companions ("asylum" of "asylum seekers",
    not "people" of "gay people")."""
    from .groups import PEOPLE_NOUNS
    companions = COMPANIONS | PEOPLE_NOUNS
    out = set()
    for term in terms:
        keys = [key for key in prepare(str(term)).words.keys if key[0] != "@"]
        for key in keys if len(keys) == 1 else [key for key in keys if key not in companions]:
            out.add(key)
            if len(key) > 3 and key.endswith("s"):
                out.add(key[:-1])
    return frozenset(out)


def is_identity(key: str, ids: frozenset[str]) -> bool:
    return key in ids or (key[-1:] == "s" and (key[:-1] in ids or (key[-2:] == "es" and key[:-2] in ids)))


def identity_grams(ids: frozenset[str]) -> frozenset[str]:
    """Every character n-gram inside an identity word ("usl", "<mus", "lim>" of "<muslim>")."""
    return frozenset(gram for word in ids for gram in char_grams(word))


def ignored(key: str) -> bool:
    """A handle ("@jo_bloggs") or a word with no letter in it ("2024", "!!!") says nothing."""
    return key[0] == "@" or not any(ch.isalpha() for ch in key)


def char_grams(key: str) -> list[str]:
    """The distinct character n-grams of a word, in a fixed order."""
    padded = f"<{key}>"
    grams = dict.fromkeys(padded[i:i + n] for n in GRAMS for i in range(len(padded) - n + 1))
    return list(grams)


def features(keys, ids: frozenset[str]) -> dict[tuple[str, str], int]:
    """The comment's features and how many times each is counted, exactly as
    `Model.logit` adds them up: (kind, feature) -> count. The training
    command builds its matrix from this."""
    out: dict[tuple[str, str], int] = {}
    kinds = {}
    for key in keys:
        if key in kinds:
            continue
        kind = kinds[key] = IGNORED if ignored(key) else IDENTITY if is_identity(key, ids) else NORMAL
        if kind == IGNORED:
            continue
        out[(WORD, key)] = 1
        if kind == NORMAL:
            for gram in char_grams(key):
                out[(CHARS, gram)] = out.get((CHARS, gram), 0) + 1
    seq = [key for key in keys if kinds[key] == NORMAL]
    for pair in dict.fromkeys(zip(seq, seq[1:])):
        out[(PAIR, " ".join(pair))] = 1
    return out


# --- the weights file --------------------------------------------------------

def read_weights(text: str) -> tuple[dict[str, str], float, float, dict[tuple[str, str], float]]:
    """(header, bias, threshold, {(kind, feature): weight}) from a weights file's text.
    The header is its `# key: value` lines (continuation lines, `#   ...`, are
    added to the key before them)."""
    header: dict[str, str] = {}
    weights: dict[tuple[str, str], float] = {}
    bias = threshold = None
    last = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            body = line[1:].strip()
            if line.startswith("#   ") and last:
                header[last] += "\n" + body
            elif ":" in body:
                last, _, value = body.partition(":")
                last = last.strip()
                header[last] = value.strip()
            continue
        parts = line.split("\t")
        try:
            if parts[0] == "bias" and len(parts) == 2:
                bias = float(parts[1])
            elif parts[0] == "threshold" and len(parts) == 2:
                threshold = float(parts[1])
            elif parts[0] in (WORD, PAIR, CHARS) and len(parts) == 3:
                weights[(parts[0], parts[1])] = float(parts[2])
            else:
                raise ValueError(line)
        except ValueError:
            raise ValueError(f"{WEIGHTS_FILE.name}:{number}: not a weight: {line!r}") from None
    if header.get("format") != str(FORMAT) or bias is None or threshold is None:
        raise ValueError(f"{WEIGHTS_FILE.name}: not a format {FORMAT} weights file with a bias and a threshold")
    return header, bias, threshold, weights


class Model:
    """The weights, clamped for identity words, and what each word of a
    comment is worth (worked out once per word, then looked up)."""

    LIMIT = 200_000  # words remembered: bounded memory on a long batch

    def __init__(self, text: str, terms):
        self.header, self.bias, self.threshold, weights = read_weights(text)
        self.ids = ids = identity_words(terms)
        inside = identity_grams(ids)
        self.words: dict[str, float] = {}
        self.pairs: dict[tuple[str, str], float] = {}
        self.chars: dict[str, float] = {}
        for (kind, feature), weight in weights.items():
            if kind == WORD:
                self.words[feature] = min(0.0, weight) if is_identity(feature, ids) else weight
            elif kind == PAIR:
                a, _, b = feature.partition(" ")
                self.pairs[(a, b)] = min(0.0, weight) if is_identity(a, ids) or is_identity(b, ids) else weight
            else:
                self.chars[feature] = min(0.0, weight) if feature in inside else weight
        # What each word is worth, worked out once per word and then looked up
        # for a whole comment at once, in C; and the words that pair with
        # nothing (identity words, handles, words without a letter).
        self._worth: dict[str, float] = Remembered(self._word)
        self._transparent: set[str] = set()

    def _word(self, key: str) -> float:
        """A word's weight: its own plus its n-grams' for a normal word; only
        its own, at most 0, for an identity word; 0 for a handle or a word
        without a letter."""
        if ignored(key):
            self._transparent.add(key)
            return 0.0
        if is_identity(key, self.ids):
            self._transparent.add(key)
            return min(0.0, self.words.get(key, 0.0))
        chars = self.chars
        return self.words.get(key, 0.0) + sum(map(chars.get, char_grams(key), repeat(0.0)))

    def word(self, key: str) -> tuple[float, int]:
        """(weight, kind) of a word: kind NORMAL, IDENTITY or IGNORED."""
        weight = self._worth[key]
        if key not in self._transparent:
            return weight, NORMAL
        return weight, IGNORED if ignored(key) else IDENTITY

    def logit(self, keys) -> float:
        worth, transparent = self._worth, self._transparent
        if len(worth) > self.LIMIT:  # bounded memory on a long batch; never in the middle of a comment
            worth.clear()
            transparent.clear()
        values = dict(zip(keys, map(worth.__getitem__, keys)))  # each distinct word once
        total = self.bias + sum(values.values())
        seq = keys if transparent.isdisjoint(values) else [key for key in keys if key not in transparent]
        if len(seq) > 1:
            # Each distinct pair once, in reading order: the sum is the same bits every run.
            total += sum(map(self.pairs.get, dict.fromkeys(zip(seq, seq[1:])), repeat(0.0)))
        return total

    def weighed(self, keys) -> list[tuple[float, str, int, int]]:
        """(weight, feature, first word, last word) of every distinct word and
        pair of the comment with a weight, at its first place; with the bias,
        the weights add up to the logit."""
        worth, transparent, pairs = self._worth, self._transparent, self.pairs
        first = dict(zip(reversed(keys), range(len(keys) - 1, -1, -1)))  # each word's first place
        out = [(worth[key], WORD, i, i) for key, i in first.items() if worth[key]]
        seq = [i for i, key in enumerate(keys) if key not in transparent]
        found = {}
        for i, j in zip(seq, seq[1:]):
            pair = keys[i], keys[j]
            if pair not in found:
                found[pair] = i, j
        out += [(pairs[pair], PAIR, i, j) for pair, (i, j) in found.items() if pair in pairs and pairs[pair]]
        return out

    def strongest(self, keys, n: int) -> list[tuple[float, str, int, int]]:
        """The n words and pairs that pushed the score up most, strongest
        first (equals in reading order), as `weighed` gives them: the
        quick way there, since only these need their places."""
        worth, pairs = self._worth, self.pairs
        distinct = dict.fromkeys(keys)  # in order of first place, so ties go to the earlier
        # sorted(..., reverse=True) keeps equals in order, and sorts with its key in C.
        top = [(worth[key], WORD, key) for key in sorted(distinct, key=worth.__getitem__, reverse=True)[:n]
               if worth[key] > 0]
        transparent = self._transparent
        seq = keys if transparent.isdisjoint(distinct) else [key for key in keys if key not in transparent]
        found = dict.fromkeys(filter(pairs.__contains__, zip(seq, seq[1:])))
        if found:
            top += [(pairs[pair], PAIR, pair) for pair in sorted(found, key=pairs.__getitem__, reverse=True)[:n]
                    if pairs[pair] > 0]
        top.sort(key=lambda t: -t[0])  # stable: a word before a pair of the same weight
        out = []
        places = None
        for weight, feature, what in top[:n]:
            if feature == WORD:
                i = keys.index(what)
                out.append((weight, feature, i, i))
                continue
            if places is None:
                places = [i for i, key in enumerate(keys) if key not in transparent]
            i, j = next((i, j) for i, j in zip(places, places[1:]) if (keys[i], keys[j]) == what)
            out.append((weight, feature, i, j))
        return out

    def contributions(self, text: Text, weighed=None) -> list[Contribution]:
        """What pushed the score, word by word and pair by pair, in reading
        order (or those of `weighed` given, in their order)."""
        words, original = text.words, text.original
        if weighed is None:
            self.logit(words.keys)  # a word not seen before is weighed, and its kind known
            weighed = sorted(self.weighed(words.keys), key=lambda w: (w[2], w[3]))
        out = []
        for weight, feature, i, j in weighed:
            start, end = words.place(i)[0], words.place(j)[1]
            out.append(Contribution(start, end, original[start:end], weight, feature))
        return out


_MODEL: Model | None = None


def model() -> Model:
    """The model, loaded on first use, once per process."""
    global _MODEL
    if _MODEL is None:
        _MODEL = Model(WEIGHTS_FILE.read_text(encoding="utf-8"), identity_terms())
    return _MODEL


def _text(comment: str | Text) -> Text:
    return comment if isinstance(comment, Text) else prepare(comment)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def probability(comment: str | Text) -> float:
    """How likely the model thinks the comment is abusive (offensive or hateful), 0 to 1."""
    return _sigmoid(model().logit(_text(comment).words.keys))


def score(comment: str | Text) -> tuple[float, list[Contribution]]:
    """(probability, contributions): what pushed the score, word by word, in reading order.
    bias + the contributions' weights = the logit."""
    text = _text(comment)
    m = model()
    p = _sigmoid(m.logit(text.words.keys))
    return p, m.contributions(text)


def second_opinion(comment: str | Text) -> Signal | None:
    """A may-break signal when the model scores the comment at or above its
    threshold, else None. Never "breaks": a person decides. Its place is the
    word (or pair) that pushed the score most; its reason names the
    strongest and their weights. Give it the checker's prepared comment
    (text.prepare) to save splitting the comment again."""
    text = _text(comment)
    m = model()
    p = _sigmoid(m.logit(text.words.keys))
    if p < m.threshold:
        return None
    strongest = m.strongest(text.words.keys, STRONGEST)
    pushed = m.contributions(text, strongest)
    if pushed:
        start, end = pushed[0].start, pushed[0].end
        named = " (strongest: " + ", ".join(f"'{c.text}' {c.weight:+.1f}" for c in pushed) + ")"
    else:  # nothing in it pushed: the bias alone (not with these weights, but the file decides)
        start, end, named = 0, len(text.original), ""
    return new_signal((MAY_BREAK, start, end, f"{SAYS} scores this {p:.2f} for abuse{named}; a person decides"))


__all__ = ["Contribution", "Model", "SAYS", "model", "probability", "score", "second_opinion", "features",
           "identity_words", "is_identity", "read_weights", "WEIGHTS_FILE"]
