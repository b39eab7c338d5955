"""The sentences houserules writes itself in Python and in the theme, on the
Welsh site of a council that publishes in Welsh and English: what changed
between versions, the pages' own titles, the staff list of what a policy
does not say, the version list and feed, and the words round every page.
None of them may be English there (the Welsh Language Standards: Welsh no
less favourably than English).

The Welsh filled in below for Swansea's two English-only sentences is the
test's own, drafted, not reviewed by a Welsh speaker."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from editing import edit as _edit
from houserules import feed
from houserules.changes import compare
from houserules.editions import History, Edition, context
from houserules.formats import PUBLIC_NAV, STAFF_NAV, Council
from houserules.languages import localise
from houserules.load import load_policy
from houserules.messages import FOLDER, catalogue
from houserules.page_words import page_words
from houserules.resolve import nav, resolve
from houserules.versions import Version

SWANSEA = Path(__file__).resolve().parent / "data" / "swansea.yaml"
OURS = FOLDER / "cy" / "generator.yaml"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def _swansea(policies: Path) -> Path:
    """Swansea's terms in policies/, its two sentences with no Welsh given some."""
    welsh = iter(["Byddwn yn ceisio eich helpu, neu eich cyfeirio at adrannau a all helpu.",
                  "Byddwn yn gwneud ein gorau glas i ymateb i'ch ymholiadau o fewn dau ddiwrnod gwaith."])
    text, filled = re.subn(r"^( +)cy: null.*$", lambda m: f"{m[1]}cy: \"{next(welsh)}\"",
                           SWANSEA.read_text(encoding="utf-8"), flags=re.M)
    assert filled == 2
    path = policies / "councils" / "swansea.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _english_passages() -> set[str]:
    """The words of each English sentence of ours between its placeholders:
    what a Welsh sentence would show if it fell back to English."""
    english = yaml.safe_load(OURS.read_text(encoding="utf-8"))
    passages = set()
    for sentence in english:
        for passage in PLACEHOLDER.split(sentence):
            passage = passage.strip(" .,:;()“”")
            if len(passage.split()) >= 2:
                passages.add(passage)
    return passages


@pytest.fixture
def swansea_versions(policy_copy):
    """Swansea's terms before and after an edit that changes a bit of
    everything the history tells: settings, a rule's words, a rule taken
    out, a response target, a step's words, a page title."""
    council = _swansea(policy_copy)
    before = load_policy(policy_copy, prove=False)
    _edit(council, 'hours: {start: "08:30", end: "17:00"}',
          'days: [monday, tuesday, wednesday, thursday, friday]\n  hours: {start: "08:00", end: "17:00"}')
    _edit(council, "within: {amount: 2, unit: working-day}", "within: {amount: 1, unit: working-day}")
    _edit(council, "  block_appeal: not stated", "  block_appeal: {after_months: 6}")
    _edit(council, "wording: {en: In violation of any intellectual property rights, "
                   "cy: torri unrhyw hawliau eiddo deallusol}",
          "wording: {en: In breach of anyone's copyright, cy: torri hawlfraint unrhyw un}")
    _edit(council, "        - rule: illegal-activity\n          wording:\n"
                   "            en: Containing possible cybercrime activity, for example phishing or scams\n"
                   "            cy: cynnwys gweithgarwch seiberdroseddu posib, er enghraifft, gwe-rwydo neu sgamiau\n",
          "")
    _edit(council, "illegal-activity]", "]")
    _edit(council, "wording: {en: The block will be in place for six months., "
                   "cy: Bydd yr ataliad ar waith am chwe mis.}",
          "wording: {en: The block will be in place for three months., cy: Bydd yr ataliad ar waith am dri mis.}")
    _edit(council, "    en: Responding to users\n    cy: Ymateb i ddefnyddwyr",
          "    en: Answering you\n    cy: Eich ateb")
    return before, load_policy(policy_copy, prove=False)


def test_what_changed_is_told_on_the_welsh_site_in_welsh(swansea_versions):
    before, after = swansea_versions
    welsh = compare(before, after, "swansea", language="cy")
    english = compare(before, after, "swansea", language="en")
    # The same changes on both sites, each told in its site's language.
    assert len(welsh) == len(english) >= 7, [c.sentence for c in welsh]
    passages = _english_passages()
    for cy, en in zip(welsh, english, strict=True):
        assert cy.sentence != en.sentence
        assert not [p for p in passages if p in cy.sentence], (cy.sentence, en.sentence)
    told = " ".join(c.sentence for c in welsh)
    # The council's own words quoted in Welsh, the pages' dates and titles too.
    assert "“torri hawlfraint unrhyw un”" in told and "In breach" not in told
    assert "Bydd yr ataliad ar waith am dri mis." in told
    assert "6 mis" in told and "dydd Llun i ddydd Gwener" in told
    assert "“Eich ateb”" in told and "Oriau a thargedau ymateb" in told, told


def test_what_changed_on_an_english_site_is_as_it_was(swansea_versions):
    before, after = swansea_versions
    english = {c.sentence for c in compare(before, after, "swansea", language="en")}
    assert "Appeal against a block: added: you can appeal after six months." in english
    assert "Monitoring hours: now 8am to 5pm (before: 8:30am to 5pm)." in english
    assert "Days the accounts are monitored: added: Monday to Friday." in english


def test_an_edit_to_one_language_alone_is_a_change_only_on_that_languages_site(policy_copy):
    council = _swansea(policy_copy)
    before = load_policy(policy_copy, prove=False)
    _edit(council, "cy: torri unrhyw ddeddf neu reoliad", "cy: torri unrhyw gyfraith neu reoliad")
    after = load_policy(policy_copy, prove=False)
    [told] = compare(before, after, "swansea", language="cy")
    assert "“torri unrhyw gyfraith neu reoliad”" in told.sentence
    assert compare(before, after, "swansea", language="en") == []


def test_the_pages_own_titles_are_in_welsh_on_the_welsh_site(policy_copy):
    _swansea(policy_copy)
    policy = localise(load_policy(policy_copy, prove=False), "cy")
    for audience, order in (("public", PUBLIC_NAV), ("staff", STAFF_NAV)):
        view = resolve(policy, "swansea", audience, language="cy")
        english = dict(order)
        titles = dict(view.pages)
        # The council's own titles where it gave them, in Welsh; the rest houserules', in Welsh.
        assert titles["index"] == "Telerau defnydd cyfryngau cymdeithasol"
        if audience == "staff":
            assert titles["responses"] == "Ymateb i ddefnyddwyr"
        ours = {page: title for page, title in titles.items() if not view.page_titles.get(page)}
        assert ours and all(title != english[page] for page, title in ours.items()), ours
        assert resolve(policy, "swansea", audience, language="cy").language == "cy"


def test_what_a_policy_does_not_say_is_listed_for_staff_in_welsh(policy_copy):
    _swansea(policy_copy)
    source = load_policy(policy_copy, prove=False)
    welsh = resolve(localise(source, "cy"), "swansea", "staff", language="cy").silences
    english = resolve(localise(source, "en"), "swansea", "staff").silences
    assert [s.field for s in welsh] == [s.field for s in english] and welsh
    assert all(cy.what != en.what for cy, en in zip(welsh, english)), [s.what for s in welsh]


def _silences(model: type, seen: set[type] | None = None) -> set[str]:
    """What the sites say nothing about, for every setting of a model and the models in it that has a `silence`."""
    seen = seen if seen is not None else set()
    seen.add(model)
    found = set()
    for f in dataclasses.fields(model):
        declared = f.metadata.get("field")
        for field in (declared, getattr(declared, "item", None)):
            silence = getattr(field, "silence", None)
            found |= {silence} if silence else set()
            inner = getattr(field, "build", None)
            if isinstance(inner, type) and dataclasses.is_dataclass(inner) and inner not in seen:
                found |= _silences(inner, seen)
    return found


def test_every_page_title_and_every_silence_has_its_welsh():
    """A page or a setting added to formats.py without its Welsh would stop
    a council's Welsh sites from building: each has it now."""
    for audience, english in (("public", PUBLIC_NAV), ("staff", STAFF_NAV)):
        assert [page for page, _ in nav(audience, "cy")] == [page for page, _ in english]
        assert nav(audience) == english
    assert _silences(Council) and _silences(Council) <= set(catalogue("cy"))


def test_the_words_round_every_page_are_all_in_welsh():
    english, welsh = page_words("en"), page_words("cy")
    assert welsh.keys() == english.keys()
    for key, text in english.items():
        assert welsh[key] != text, key
        # The page fills each {name} in: the Welsh keeps every one.
        assert sorted(re.findall(r"\{\w+\}", welsh[key])) == sorted(re.findall(r"\{\w+\}", text)), key
    assert len(welsh["months"].split()) == 12


def _version(number: int, effective: dt.date, change: str) -> Version:
    return Version("swansea", number, effective, effective, change, "A note.", False, {}, Path("."), None)


def test_the_version_list_feed_and_banner_dates_are_in_welsh(swansea_versions):
    before, after = swansea_versions
    versions = [_version(1, dt.date(2027, 1, 4), "major"), _version(2, dt.date(2027, 4, 1), "minor")]
    history = History("swansea", versions, {1: before, 2: after}, {}, {2: 1}).told_in("cy")
    listed = feed.versions_json(history, dt.date(2027, 5, 1), "cy")
    assert '"v2: o 1 Ebrill 2027"' in listed and "from" not in listed
    atom = feed.atom(history, "public", "Cyngor Abertawe", "cy")
    assert "Fersiwn 2 (mân newid), mewn grym o 1 Ebrill 2027" in atom
    assert "Cyngor Abertawe: newidiadau i" in atom and "Beth newidiodd:" in atom
    assert "Apelio yn erbyn rhwystr" in atom and "What changed" not in atom
    placed = context(history, Edition("", after, versions[1]), "public")
    assert placed is not None and placed["versions"][1]["effective_long"] == "1 Ebrill 2027"
