"""A council that publishes in Welsh and English gets, for each audience, a
Welsh site and an English site with the same pages, each page linked to its
twin, and neither site below the other: the council's address offers both,
in the order the council lists its languages (Welsh first in Wales).

Equal treatment is checked on what a reader gets: the same pages, built the
same way (headings, tables, lists, links), and on a Welsh page no sentence
houserules writes in English.
"""

from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from source import policy
from test_public_text import visible_text

ROOT = Path(__file__).resolve().parent.parent
POLICY = policy()
BILINGUAL = sorted(slug for slug, c in POLICY.councils.items() if len(c.languages) > 1)
AUDIENCES = ("public", "staff")
SITES = [(audience, slug) for slug in BILINGUAL for audience in AUDIENCES]


def test_a_welsh_council_is_in_the_source():
    assert BILINGUAL, "no council in policies/ publishes in two languages"
    assert all(POLICY.councils[slug].languages[0] == "cy" for slug in BILINGUAL)


class _Shape(HTMLParser):
    """What a page is made of, without its words: the headings' levels, and
    how many tables, rows, list items and links the content has; the
    language switch's links; the page's language."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.shape: list[str] = []
        self.switch: list[dict] = []
        self.alternates: list[dict] = []
        self._in_content = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "article":
            self._in_content += 1
        if self._in_content and tag in ("h1", "h2", "h3", "h4", "table", "tr", "li", "ol", "ul", "form", "details"):
            self.shape.append(tag)
        if tag == "a" and "hr-council-bar__language" in (a.get("class") or ""):
            self.switch.append(a)
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates.append(a)

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_content -= 1


def shape_of(page: Path) -> _Shape:
    parser = _Shape()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def pages_of(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


@pytest.mark.parametrize("audience, slug", SITES)
def test_each_language_has_the_same_pages(built_site, audience, slug):
    sites = {code: built_site / audience / slug / code for code in POLICY.councils[slug].languages}
    listed = {code: pages_of(site) for code, site in sites.items()}
    assert all(listed.values()), listed
    first, *others = listed.values()
    for other in others:
        assert other == first, set(first) ^ set(other)


@pytest.mark.parametrize("audience, slug", SITES)
def test_the_councils_address_offers_each_language_in_its_own_words(built_site, audience, slug):
    council = POLICY.councils[slug]
    page = (built_site / audience / slug / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="(\w+)/" hreflang="(\w+)">([^<]+)</a>', page)
    assert [(href, lang) for href, lang, _ in links] == [(c, c) for c in council.languages]
    assert [name for _, _, name in links] == ["Cymraeg", "English"]
    assert '<html lang="cy">' in page
    for code in council.languages:
        assert f'<section lang="{code}">' in page


@pytest.mark.parametrize("audience, slug", SITES)
def test_every_page_is_in_its_language_and_links_to_its_twin(built_site, audience, slug):
    codes = POLICY.councils[slug].languages
    for code in codes:
        site = built_site / audience / slug / code
        for rel in pages_of(site):
            if rel == "404.html":
                continue
            shape = shape_of(site / rel)
            assert shape.lang == code, (code, rel)
            page_dir = posixpath.dirname(f"{code}/{rel}")
            others = [c for c in codes if c != code]
            assert [a["hreflang"] for a in shape.switch] == others, (code, rel)
            assert {a["hreflang"] for a in shape.alternates} == set(codes), (code, rel)
            for link in shape.switch:
                target = posixpath.normpath(posixpath.join(page_dir, link["href"]))
                twin = f"{link['hreflang']}/{rel}"
                assert target + "/index.html" == twin or target == twin.removesuffix("/index.html"), \
                    f"{code}/{rel}: the switch goes to {target}, not its twin {twin}"


@pytest.mark.parametrize("audience, slug", SITES)
def test_twin_pages_have_the_same_structure(built_site, audience, slug):
    welsh, english = (built_site / audience / slug / code for code in ("cy", "en"))
    differ = [rel for rel in pages_of(english) if shape_of(welsh / rel).shape != shape_of(english / rel).shape]
    assert not differ, f"pages built differently in Welsh and English: {differ}"


def _english_sentences() -> list[str]:
    """Every sentence houserules writes in English, as the parts a page shows
    between its placeholders: the English side of each Welsh catalogue."""
    parts: set[str] = set()
    for path in sorted((ROOT / "generator" / "houserules" / "messages" / "cy").glob("*.yaml")):
        for english in yaml.safe_load(path.read_text(encoding="utf-8")):
            plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", english)  # a Markdown link shows its text
            for part in re.split(r"%\(\w+\)[sd]|[*_`#|]", plain):
                part = " ".join(part.split()).strip(" .,:;")
                if len(part.split()) >= 3:  # a word or two may be a name, in both languages
                    parts.add(part)
    return sorted(parts)


@pytest.mark.parametrize("audience, slug", SITES)
def test_no_welsh_page_shows_a_sentence_houserules_writes_in_english(built_site, audience, slug):
    sentences = _english_sentences()
    assert len(sentences) > 50
    site = built_site / audience / slug / "cy"
    found = []
    for rel in pages_of(site):
        text = visible_text((site / rel).read_text(encoding="utf-8"))
        found += [f"{rel}: {s!r}" for s in sentences if s in text]
    assert not found, "English on Welsh pages:\n" + "\n".join(found)


@pytest.mark.parametrize("slug", BILINGUAL)
def test_the_welsh_checker_reads_the_councils_rules_in_welsh(built_site, slug):
    import json
    packs = {code: json.loads((built_site / "public" / slug / code / "assets" / "checker" / "rules" /
                               f"{slug}.json").read_text(encoding="utf-8")) for code in ("cy", "en")}
    titles = {code: [r["title"] for r in pack["rules"]] for code, pack in packs.items()}
    assert len(titles["cy"]) == len(titles["en"]) and all(c != e for c, e in zip(*titles.values(), strict=True))


# --- versions in both languages ----------------------------------------------------

NOTES = [("We published these terms.", "Rydym wedi cyhoeddi'r telerau hyn."),
         ("Our working hours now end at 4.30pm.", "Mae ein horiau gwaith bellach yn gorffen am 4.30pm.")]


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory, project_root):
    """Swansea published twice on a copy of policies/, each change note in
    both languages, and built."""
    import shutil

    from houserules.build import build_sites
    from houserules.cli import main

    root = tmp_path_factory.mktemp("swansea-versions")
    policies = root / "policies"
    shutil.copytree(project_root / "policies", policies)
    council = policies / "councils" / "swansea.yaml"
    for n, ((english, welsh), effective) in enumerate(zip(NOTES, ("2026-11-02", "2026-11-20"), strict=True)):
        if n:
            council.write_text(council.read_text(encoding="utf-8").replace('end: "17:00"', 'end: "16:30"'),
                               encoding="utf-8")
        assert main(["publish", "--policies", str(policies), "--council", "swansea", "--effective", effective,
                     "--major", "--note", english, "--note-cy", welsh]) == 0
    build_sites(project_root, ["swansea"], policy=policies, out=root / "site")
    return policies, root / "site"


@pytest.mark.slow
def test_a_council_in_two_languages_gives_its_change_note_in_each(two_versions, tmp_path, capsys):
    from houserules.cli import main

    policies, _ = two_versions
    assert main(["publish", "--policies", str(policies), "--council", "swansea", "--effective", "2027-01-04",
                 "--minor", "--note", "English only."]) == 1
    assert "swansea publishes in Welsh and English: give the change note in each (--note-cy, --note); " \
           "it has none in Welsh" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.parametrize("code", ["cy", "en"])
def test_history_versions_and_feed_are_in_the_sites_language(two_versions, code):
    _, site = two_versions
    here = site / "public" / "swansea" / code
    mine, other = (0, 1) if code == "en" else (1, 0)
    history = visible_text((here / "history" / "index.html").read_text(encoding="utf-8"))
    feed = (here / "history.xml").read_text(encoding="utf-8")
    for english_and_welsh in NOTES:
        assert english_and_welsh[mine] in history and english_and_welsh[mine] in feed
        assert english_and_welsh[other] not in history and english_and_welsh[other] not in feed
    versions = json.loads((here / "versions.json").read_text(encoding="utf-8"))
    assert [v["version"] for v in versions] == ["v2", "v1"]
    assert ("Tachwedd" in json.dumps(versions, ensure_ascii=False)) == (code == "cy")
    # The version in its folder has its twin in the other language.
    rules = shape_of(here / "v1" / "rules" / "index.html")
    (switch,) = rules.switch
    assert switch["href"].endswith(f"/{'en' if code == 'cy' else 'cy'}/v1/rules/")


@pytest.mark.slow
def test_an_edit_to_the_welsh_note_alone_stops_the_build(two_versions, project_root, tmp_path):
    import shutil

    from houserules.build import build_sites
    from houserules.errors import PolicyError

    policies = tmp_path / "policies"
    shutil.copytree(two_versions[0], policies)
    record = policies / "published" / "swansea" / "v1.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("Rydym wedi", "Rydym ni wedi"), encoding="utf-8")
    with pytest.raises(PolicyError, match=r"v1.yaml:9: note: swansea v1 has changed since it was published \(note"):
        build_sites(project_root, ["swansea"], policy=policies, out=tmp_path / "site")


@pytest.mark.slow
def test_search_reads_the_welsh_site_in_welsh(built_site):
    index = json.loads((built_site / "public" / "swansea" / "cy" / "search" / "search_index.json")
                       .read_text(encoding="utf-8"))
    text = " ".join(d["text"] for d in index["docs"])
    assert "Ymateb" in text or "cyfryngau" in text
    assert index["config"]["lang"] == ["en"] and index["config"]["pipeline"] == ["trimmer"]


def _examples_by_rule(page: str) -> dict[str, list[tuple[str, str]]]:
    """{rule id: [(the language it is marked in, or "" for the page's, the example)]} of a "Rules explained"
    page, "would break" then "would not"; each side's unmarked examples come first."""
    cards = re.split(r'<h2 id="([a-z0-9-]+)"', page)[1:]
    examples = {}
    for rule_id, card in zip(cards[::2], cards[1::2]):
        sides = [re.findall(r'(?:<span lang="([a-z]+)">)?“([^”<]{12,})”', side)
                 for side in card.split("tabbed-block")[1:]]
        for side in sides:
            marks = [mark for mark, _ in side]
            assert marks == sorted(marks), f"{rule_id}: an example in the page's language after one in another"
        examples[rule_id] = [example for side in sides for example in side]
    return examples


@pytest.mark.parametrize("audience", AUDIENCES)
def test_each_page_shows_a_rules_examples_in_its_own_language_first_and_marks_the_others(built_site, audience):
    """Twin pages show the same examples, the page's language first; each
    example in the other language is marked with its lang (WCAG 3.1.2), so a
    screen reader reads it in that language. Some rules have examples in Welsh."""
    for slug in BILINGUAL:
        shown = {code: _examples_by_rule((built_site / audience / slug / code / "rules-reference" / "index.html")
                                         .read_text("utf-8"))
                 for code in ("cy", "en")}
        assert shown["cy"].keys() == shown["en"].keys()
        in_welsh = 0
        for rule_id, examples in shown["cy"].items():
            rule = POLICY.rules[rule_id]
            languages = [e.language for side in ("breaks", "passes") for e in getattr(rule.examples, side)]
            in_welsh += "cy" in languages
            for code, other in (("cy", "en"), ("en", "cy")):
                marks = [mark for mark, _ in shown[code][rule_id]]
                own = [""] * languages.count(code)
                assert sorted(marks) == sorted(own + [other] * languages.count(other)), (audience, slug, rule_id)
            english_first = [text for _, text in shown["en"][rule_id]]
            assert sorted(english_first) == sorted(text for _, text in examples)  # the same examples on both
        assert in_welsh, f"{audience}/{slug}: no rule has examples in Welsh"


@pytest.mark.parametrize("audience", AUDIENCES)
def test_a_council_in_english_alone_shows_no_example_in_welsh(built_site, audience):
    """Its checker does not read Welsh words: a Welsh example would promise what it cannot do."""
    welsh = {e.text for rule in POLICY.rules.values() for e in (*rule.examples.breaks, *rule.examples.passes)
             if e.language == "cy"}
    assert welsh
    for slug, council in POLICY.councils.items():
        if council.languages == ("en",):
            page = (built_site / audience / slug / "rules-reference" / "index.html").read_text("utf-8")
            shown = {text for _, text in (e for examples in _examples_by_rule(page).values() for e in examples)}
            assert shown and not shown & welsh, f"{audience}/{slug}"
