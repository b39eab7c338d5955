"""The shared rule catalogue in Welsh and English (issue 16): every text of a
rule that residents or staff read is given in both, as {en: ..., cy: ...},
so a council that publishes in Welsh can adopt any rule. The Welsh is its
own words, not the English copied, and keeps the English text's Markdown
shape; English councils read the English as before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from houserules.languages import Translated, localise, missing
from houserules.load import load_policy, shown_in_check

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("title", "summary", "wording", "rationale")

# (rule id, field) -> why its Welsh is rightly the same as its English, e.g.
# a proper noun. None so far; an entry that stops being true fails below.
SAME_IN_BOTH: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def rules():
    return load_policy(ROOT / "policies", prove=False).rules


def _texts(rule) -> dict[str, object]:
    """Each text of a rule shown on a page or in the checker's results, by
    where it is: the rule's own fields, and its check's texts that a person
    reads (found as `validate` finds them)."""
    found: dict[str, object] = {field: getattr(rule, field) for field in FIELDS}
    found.update(shown_in_check(rule.check))
    return found


def test_the_whole_catalogue_is_there(rules):
    assert len(rules) == len(list((ROOT / "policies" / "rules").glob("*.yaml"))) >= 25


def test_every_rule_has_each_shown_text_in_welsh_and_english(rules):
    lacking = {rule_id: missing(rule, ("en", "cy")) for rule_id, rule in rules.items()}
    assert not any(lacking.values()), {k: v for k, v in lacking.items() if v}
    for rule_id, rule in rules.items():
        for where, text in _texts(rule).items():
            assert isinstance(text, Translated), f"{rule_id}: {where} is in English only"
            assert set(text.texts) == {"en", "cy"}, (rule_id, where, sorted(text.texts))
            assert text.texts["cy"].strip(), (rule_id, where)


def test_the_welsh_is_not_the_english_copied(rules):
    same = {(rule_id, where) for rule_id, rule in rules.items() for where, text in _texts(rule).items()
            if isinstance(text, Translated) and text.texts.get("cy") == text.texts["en"]}
    assert same == set(SAME_IN_BOTH), same - set(SAME_IN_BOTH) or set(SAME_IN_BOTH) - same


def _shape(markdown: str) -> dict[str, int]:
    """What a reader sees of a Markdown text's layout, counted."""
    paragraphs = [p for p in re.split(r"\n\s*\n", markdown.strip()) if p.strip()]
    lines = markdown.splitlines()
    return {
        "paragraphs": len(paragraphs),
        "list items": sum(bool(re.match(r"\s*(?:[-*+]|\d+[.)])\s", line)) for line in lines),
        "headings": sum(line.lstrip().startswith("#") for line in lines),
        "links": len(re.findall(r"\]\(", markdown)),
        "emphasis": len(re.findall(r"\*+|_{2,}", markdown)),
        "code": markdown.count("`"),
        # Quoted words (an example of a phrase, a word the checker allows) are
        # kept as quotes in the other language.
        "quotes": markdown.count('"'),
    }


def test_the_welsh_keeps_the_english_markdown_shape(rules):
    for rule_id, rule in rules.items():
        for where, text in _texts(rule).items():
            assert isinstance(text, Translated)
            assert _shape(text.texts["cy"]) == _shape(text.texts["en"]), (rule_id, where)


def test_a_sentence_in_english_is_a_sentence_in_welsh(rules):
    """Titles and summaries are headings and messages (no full stop); a
    wording, a reason and a why are sentences (one), in both languages."""
    for rule_id, rule in rules.items():
        for where, text in _texts(rule).items():
            assert isinstance(text, Translated)
            english, welsh = text.texts["en"].rstrip(), text.texts["cy"].rstrip()
            assert english.endswith(".") == welsh.endswith("."), (rule_id, where, welsh)


def test_english_councils_read_the_rules_as_before(rules):
    """A Translated reads as its English: what every English council's pages
    and checker are made from, unchanged (the sites were compared byte for
    byte when the Welsh was added)."""
    for rule_id, rule in rules.items():
        english = localise(rule, "en")
        for where, text in _texts(rule).items():
            assert isinstance(text, Translated)
            assert str(text) == text.texts["en"], (rule_id, where)
        assert [getattr(english, f) for f in FIELDS] == [getattr(rule, f) for f in FIELDS]
        welsh = localise(rule, "cy")
        assert [getattr(welsh, f) for f in FIELDS] == [getattr(rule, f).texts["cy"] for f in FIELDS]
