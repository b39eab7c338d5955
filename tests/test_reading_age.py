"""Reading age: the sentences the generator writes itself stay plain (issue 14).

Every sentence a template (or a wording helper, or the checker's page
script) writes on every page of both sites, for every council, the real ones
and the made-up ones, is scored by its Flesch-Kincaid grade; the council's own
words and the rule catalogue's are left out (tests/readability.py says what
is measured and how the score is counted).

The pages are rendered as tests/test_traced_sentences.py renders them, with
the source's words marked, not taken from the built site (the `built_site`
fixture): in built HTML a council's sentence and a template's cannot be told
apart, and rendering the Markdown alone takes seconds, with no MkDocs build.

Limits:

- public pages, and the checker's sentences (residents read them): a mean
  grade of at most 7.5, and no sentence above grade 12;
- staff pages: a mean of at most 8, and no sentence above grade 13. Staff
  read the job's own terms every day ("moderator", "moderation procedure",
  "pre-election period", "response target"), which the score counts as hard
  words; a grade's allowance lets a staff sentence name them, while the
  ceiling still stops a long one (each word adds 0.39 to a sentence's grade).

On failure the sentences over the limit are listed, hardest first, with their
grade and pages, for a person to rewrite plainly: shorter sentences, common
words, saying no more and no less than before.

Figures (count, mean, 90th percentile, max):

    .venv/bin/python -m pytest tests/test_reading_age.py -s
    .venv/bin/python tests/benchmarks/reading_age.py [--show]
"""

from __future__ import annotations

import pytest

import readability
from readability import COUNCIL, figures, report

pytestmark = pytest.mark.slow  # renders every page of every council

LIMITS = {  # audience: (highest mean grade, highest grade of any one sentence)
    "public": (7.5, 12.0),
    "staff": (8.0, 13.0),
    "checker script": (7.5, 12.0),
}


@pytest.fixture(scope="module")
def measured(project_root, tmp_path_factory):
    found = readability.collect(project_root, tmp_path_factory.mktemp("reading-age"))
    print()
    for audience, sentences in found.items():
        print(f"reading age, {audience}: {figures(sentences.values())}")
    return found


@pytest.mark.parametrize("audience", list(LIMITS))
def test_no_generated_sentence_is_too_hard(measured, audience):
    sentences = measured[audience].values()
    ceiling = LIMITS[audience][1]
    assert sentences, f"no {audience} sentences found: the collection is broken"
    over = report(sentences, limit=ceiling)
    assert not over, (f"{audience}: generated sentences above grade {ceiling} (rewrite them plainly; "
                      f"… is the council's words):\n{over}")


@pytest.mark.parametrize("audience", list(LIMITS))
def test_generated_sentences_are_plain_on_average(measured, audience):
    sentences = list(measured[audience].values())
    mean = LIMITS[audience][0]
    found = figures(sentences)
    hardest = report(sorted(sentences, key=lambda s: -s.grade)[:15])
    assert found.mean <= mean, (f"{audience}: {found}, over the mean of {mean}. The hardest "
                                f"(… is the council's words):\n{hardest}")


def test_the_councils_and_the_catalogues_words_are_not_measured(measured):
    """Generated sentences are in; the council's words (Ashfield's
    introduction), the catalogue's (a rule's rationale and a person's reason
    to judge it) and a reason the source gives for a setting it leaves unsaid
    are not."""
    public = " ".join(measured["public"])
    staff = " ".join(measured["staff"])
    assert "Finding nothing is not a promise." in measured["public"]
    assert "Your comment stays on this device." in measured["public"]
    assert any("Every published version of these pages stays here" in s for s in measured["public"])  # history
    assert "The checker is ready." in measured["checker script"]
    for words in ("We engage with people through many digital channels",   # ashfield.yaml
                  "name-calling and insults make people feel unwelcome",   # rules/abuse.yaml rationale
                  "Trolling depends on why someone posted",                # rules/trolling.yaml check.reason
                  "does not name the council"):                            # city.yaml name: unknown
        assert words not in public and words not in staff, words
    # A council's words inside a generated sentence are one mark, not counted.
    assert any(COUNCIL in s for s in measured["public"])


@pytest.mark.parametrize("word, count", [
    ("make", 1), ("people", 2), ("rules", 1), ("houses", 2), ("based", 1), ("decided", 3),
    ("policy", 3), ("you", 1), ("free", 1), ("pre-election", 4), ("MB", 2), ("2026", 1), ("council's", 2),
])
def test_syllables_by_the_rule_of_thumb(word, count):
    assert readability.syllables(word) == count


def test_grade_of_a_known_sentence():
    # 8 words, 10 syllables: 0.39 * 8 + 11.8 * 10 / 8 - 15.59
    assert readability.grade("The words that set it off are highlighted.") == pytest.approx(2.28, abs=0.01)
