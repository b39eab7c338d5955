"""Where each word is in the comment as typed: the checker highlights exactly
the text it reports, however the comment is spaced or written."""

from __future__ import annotations

import pytest

from houserules_checker.text import _CHARS, _places, prepare

COMMENTS = [
    "you are a bitch",
    "  leading and trailing spaces  ",
    "double  spaces\tand a tab\nand a new line",
    "RT @someone: what a shit show http://t.co/AbC123 #fail",
    "emoji 😂😂 between 🏀 words, shit!",
    "the ﬁne print is crap",            # a ligature that becomes two letters
    "sh\u200bit in the middle",          # a character that vanishes
    "Ｆｕｌｌ ｗｉｄｔｈ ｓｈｉｔ",           # letters that become plain ones
    "f.u.c.k off and s h i t",           # spelt out: words joined
    "snake_case_words and...dots",
    "café crème brûlée is shit",
    "wait… what a shit\u200b\u200b day…",  # characters that become three, and none
]


@pytest.mark.parametrize("comment", COMMENTS)
def test_each_word_is_placed_where_it_was_typed(comment):
    text = prepare(comment)
    words = text.words
    placed = [words.place(i) for i in range(len(words))]
    # The same places as working them all out one chunk at a time.
    fresh = prepare(comment)
    if fresh.words._starts is None:
        assert placed == list(zip(*_places(fresh.norm, fresh._origin, fresh.chunks)))
    for (start, end), key in zip(placed, words.keys):
        typed = comment[start:end]
        assert typed and not typed[0].isspace() and not typed[-1].isspace(), (key, typed)


def test_a_highlighted_word_is_the_word_as_typed():
    comment = "RT @someone:  what a  shit show 😂 http://t.co/x"
    words = prepare(comment).words
    i = words.keys.index("shit")
    start, end = words.place(i)
    assert comment[start:end] == "shit"


@pytest.mark.parametrize("comment", ["a\u200bb…c", "ﬁ…\u200b", "\u200b\u200b", "…" * 40, "no change here ✓"])
def test_every_normalised_character_maps_back_to_the_one_it_came_from(comment):
    text = prepare(comment)
    expected = [i for i, ch in enumerate(comment) for _ in range(len(_CHARS[ord(ch)]))]
    origin = text._origin if text._origin is not None else list(range(len(comment)))
    assert origin == expected and len(origin) == len(text.norm)


def test_characters_map_back_even_when_the_character_map_is_emptied_midway(monkeypatch):
    # The map of characters is bounded; a comment may bring more new ones than
    # it holds, and what it knew of characters that expand is lost with it.
    monkeypatch.setattr(_CHARS, "LIMIT", 3)
    comment = "ab… ǅ ẞ dź … ﬁ end"
    text = prepare(comment)
    expected = [i for i, ch in enumerate(comment) for _ in range(len(_CHARS[ord(ch)]))]
    assert text._origin == expected and len(text._origin) == len(text.norm)
