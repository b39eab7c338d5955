"""Every statement in the five seed documents appears in the generated pages
of its council, for the audience it was written for.

The seeds are split into sentences (list markers and paragraph numbers
removed); each sentence must appear, in the council's own words, in the text
of the built site. Page scraps from the web pages the seeds were copied from
are not policy and are listed here explicitly.
"""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

import pytest

# Copies kept with the tests, so a clone tests itself; SHARED is where they came from.
SEEDS = Path(__file__).resolve().parent / "seeds"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# seed file -> (council slug, audience)
SEED_SITES = {
    "000_1b08ca2c9ccfe719.txt": ("nottinghamshire", "public"),
    "001_a86f1054bc3b9592.txt": ("city", "public"),
    "002_4f7e72edc6b2f3d3.txt": ("nottinghamshire", "staff"),
    "003_82138958a0ab823d.txt": ("ashfield", "public"),
    "004_71fb6ac4caab2d8f.txt": ("north-hertfordshire", "public"),
}

# Scraps of the web pages the seeds were taken from: navigation, not policy.
NOT_POLICY = {"Is this page useful?", "Skip to main content"}

# Headings whose place is taken by the generated page structure.
HEADINGS_REPLACED = {
    "When do we respond?": "the 'When we are online' heading of How we use social media",
}

# 004 breaks off mid-sentence where the web page held an email address the
# copy lost: the sentence is checked without the dangling word.
TRUNCATED = {
    "Queries on this policy should be directed to the council's Communications Team at":
        "Queries on this policy should be directed to the council's Communications Team",
}

BLOCK_TAGS = {"p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "div",
              "br", "blockquote", "table", "details", "summary", "label"}


class _Text(html.parser.HTMLParser):
    """The readable text of a page's main content."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article" or self.depth:
            self.depth += 1
        if self.depth and tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if self.depth and tag in BLOCK_TAGS:
            self.parts.append(" ")
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = text.replace("–", "-").replace("—", "-").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def site_text(site: Path) -> str:
    parts = []
    for page in sorted(site.rglob("index.html")):
        parser = _Text()
        parser.feed(page.read_text(encoding="utf-8"))
        parts.append("".join(parser.parts))
    return normalise(" ".join(parts))


def seed_sentences(path: Path) -> list[str]:
    sentences = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = normalise(line)
        # List markers, paragraph numbers and "a." sub-items are layout, not words.
        line = re.sub(r"^(?:[-•·*]\s*)?(?:\d{1,2}\.|[a-h]\.)?\s*(?:[-•·]\s*)?", "", line)
        line = line.replace("**", "")
        if not line or line in NOT_POLICY:
            continue
        for sentence in re.split(r"(?<=[.!?;:])\s+", line):
            sentence = sentence.strip()
            if len(sentence.split()) >= 2 and sentence not in NOT_POLICY | set(HEADINGS_REPLACED):
                sentences.append(TRUNCATED.get(sentence, sentence))
    return sentences


@pytest.mark.parametrize("seed", sorted(SEED_SITES))
def test_every_seed_sentence_is_on_its_councils_site(built_site, seed):
    slug, audience = SEED_SITES[seed]
    text = site_text(built_site / audience / slug)
    missing = [s for s in seed_sentences(SEEDS / seed) if s not in text]
    assert not missing, f"{len(missing)} sentence(s) of {seed} missing from {audience}/{slug}:\n" + "\n".join(
        f"  - {s}" for s in missing)


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared folder is not beside this clone")
def test_the_copies_of_the_seeds_match_the_shared_ones():
    for name in SEED_SITES:
        assert (SEEDS / name).read_bytes() == (SHARED / name).read_bytes(), f"tests/seeds/{name} differs from {SHARED}"
