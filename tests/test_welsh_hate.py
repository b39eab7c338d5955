"""Hate against a protected group, written in Welsh, for a council that
works in Welsh (detectors/group_hate_cy.py): what a moderator would notice.
A call to expel, harm or exclude a group, a dehumanising comparison and
expressed hatred break the "No hate" rule; a sweeping generalisation may
break it. Denials, counter-speech, reports and everyday uses of the same
words pass. A council in English alone reads no Welsh groups, and English
comments are read as they were. The checker's reasons are the English
grammar's, said in Welsh on a Welsh page (cymraeg.py)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from twin_councils import ENGLISH_SLUG, WELSH_SLUG, twin_policy
from houserules.rulepack import build_rulepack
from houserules_checker import BREAKS, MAY_BREAK, PASSES, Checker, cymraeg
from houserules_checker.detectors import group_hate, group_hate_cy
from houserules_checker.text import prepare

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_linear_time import count  # noqa: E402  (the same event count as the checker's linear-time test)

ADOPTED = ("hate", "abuse", "post-in-english")


@pytest.fixture(scope="module")
def policy(tmp_path_factory):
    """A copy of policies/ with Llan-y-môr, in Welsh and English, and its
    twin in English alone (twin_councils.py), once for the module."""
    return twin_policy(tmp_path_factory.mktemp("welsh-hate"), ADOPTED)


@pytest.fixture(scope="module")
def welsh(policy) -> Checker:
    return Checker(build_rulepack(policy, WELSH_SLUG))


@pytest.fixture(scope="module")
def in_welsh(welsh) -> Checker:
    """The same council's checker on its Welsh pages: its reasons in Welsh."""
    return Checker(welsh.pack, language="cy", lexicon=welsh.lexicon)


@pytest.fixture(scope="module")
def english(policy) -> Checker:
    return Checker(build_rulepack(policy, ENGLISH_SLUG))


def hate(checker: Checker, text: str):
    [finding] = [f for f in checker.check(text).findings if f.rule == "hate"]
    return finding


EXPEL, VIOLENCE, EXCLUDE, DEHUMANISE, HATRED, GENERAL, SMEAR = (group_hate.DESCRIBE[kind] for kind in (
    group_hate.EXPEL, group_hate.VIOLENCE, group_hate.EXCLUDE, group_hate.DEHUMANISE, group_hate.HATRED,
    group_hate.GENERAL, group_hate.SMEAR))
BRITISH = "race: people of British and Irish nationalities"

BREAKING = [
    # calls to expel
    ("Dylai'r mewnfudwyr i gyd fynd adref.", "Dylai'r mewnfudwyr i gyd fynd adref", EXPEL, "race: immigrants"),
    ("Dylai'r ffoaduriaid fynd yn ôl i'w gwlad eu hunain.", "Dylai'r ffoaduriaid fynd yn ôl", EXPEL,
     "race: immigrants"),
    ("Anfonwch y ceiswyr lloches adref.", "Anfonwch y ceiswyr lloches adref", EXPEL, "race: immigrants"),
    ("Allan â'r Mwslemiaid!", "Allan â'r Mwslemiaid", EXPEL, "religion or belief: Muslims"),
    ("Saeson allan o Gymru!", "Saeson allan o Gymru", EXPEL, "race: people of British and Irish nationalities"),
    ("Ewch adref, fewnfudwyr.", "Ewch adref, fewnfudwyr", EXPEL, "race: immigrants"),
    ("Rhaid i'r sipsiwn adael.", "Rhaid i'r sipsiwn adael", EXPEL, "race: Gypsies, Roma and Travellers"),
    ("Cael gwared ar y Pwyliaid i gyd!", "Cael gwared ar y Pwyliaid", EXPEL, "race: Eastern Europeans"),
    # calls to exclude
    ("Dydyn ni ddim eisiau Saeson yma.", "Dydyn ni ddim eisiau Saeson", EXCLUDE,
     "race: people of British and Irish nationalities"),
    ("Does dim croeso i fewnfudwyr yn y dref hon.", "dim croeso i fewnfudwyr", EXCLUDE, "race: immigrants"),
    ("Ni ddylai'r Iddewon gael byw yma.", "ddylai'r Iddewon gael byw yma", EXCLUDE,
     "race and religion or belief: Jews"),
    # calls for violence
    ("Dylid lladd y mewnfudwyr.", "lladd y mewnfudwyr", VIOLENCE, "race: immigrants"),
    ("Llosgwch y Mwslemiaid.", "Llosgwch y Mwslemiaid", VIOLENCE, "religion or belief: Muslims"),
    ("Dylai pobl draws gael eu saethu.", "Dylai pobl draws gael eu saethu", VIOLENCE,
     "gender reassignment: trans people"),
    ("Dylid crogi'r hoywon i gyd.", "crogi'r hoywon", VIOLENCE, "sexual orientation: gay people"),
    # dehumanising comparisons
    ("Mae'r mewnfudwyr yn bla.", "Mae'r mewnfudwyr yn bla", DEHUMANISE, "race: immigrants"),
    ("Mae'r Saeson yn barasitiaid, bob un ohonyn nhw.", "Mae'r Saeson yn barasitiaid", DEHUMANISE,
     "race: people of British and Irish nationalities"),
    ("Mae ffoaduriaid yn fermin.", "Mae ffoaduriaid yn fermin", DEHUMANISE, "race: immigrants"),
    ("Mae'r Iddewon yn anifeiliaid.", "Mae'r Iddewon yn anifeiliaid", DEHUMANISE,
     "race and religion or belief: Jews"),
    ("Mae'r sipsiwn fel llygod mawr.", "Mae'r sipsiwn fel llygod mawr", DEHUMANISE,
     "race: Gypsies, Roma and Travellers"),
    ("Mae pobl anabl yn chwilod.", "Mae pobl anabl yn chwilod", DEHUMANISE, "disability: disabled people"),
    ("Pla yw'r Cymry.", "Pla yw'r Cymry", DEHUMANISE, "race: people of British and Irish nationalities"),
    ("Nid yw'r ffoaduriaid yn fodau dynol.", "yw'r ffoaduriaid yn fodau dynol", DEHUMANISE, "race: immigrants"),
    # expressed hatred
    ("Dw i'n casáu'r Saeson.", "casáu'r Saeson", HATRED, "race: people of British and Irish nationalities"),
    ("Dwi wir yn casáu Mwslemiaid.", "casáu Mwslemiaid", HATRED, "religion or belief: Muslims"),
    ("Cas gen i Iddewon.", "Cas gen i Iddewon", HATRED, "race and religion or belief: Jews"),
    ("Mae'n gas gen i bobl hoyw.", "gas gen i bobl hoyw", HATRED, "sexual orientation: gay people"),
    # swearing at a group, and swear words said of all of it, as the English grammar reads "Fuck the Poles"
    # and "Poles are cunts"; English words borrowed into a Welsh sentence are read too
    ("Ffwcio'r Saeson.", "Ffwcio'r Saeson", HATRED, BRITISH),
    ("Twll din pob Sais.", "Twll din pob Sais", HATRED, BRITISH),
    ("Mae pob Sais yn gont.", "Mae pob Sais yn gont", SMEAR, BRITISH),
    ("Mae'r Saeson yn bastads, bob un.", "Mae'r Saeson yn bastads", SMEAR, BRITISH),
    ("Mae'r mewnfudwyr yn scum.", "Mae'r mewnfudwyr yn scum", DEHUMANISE, "race: immigrants"),
    # as people write them: "Mwslims", and the predicate with what it is the plague of
    ("Mwslims allan! Dim mosg yn Abertawe.", "Mwslims allan", EXPEL, "religion or belief: Muslims"),
    ("Mwslemiaid yw pla'r wlad 'ma, peidiwch rhoi caniatâd i'r mosg.", "Mwslemiaid yw pla'r wlad 'ma", DEHUMANISE,
     "religion or belief: Muslims"),
]


@pytest.mark.parametrize(("text", "said", "describe", "group"), BREAKING)
def test_welsh_hate_breaks_the_rule_with_the_english_grammars_reason(welsh, in_welsh, text, said, describe, group):
    finding = hate(welsh, text)
    assert finding.verdict == BREAKS, finding
    assert [m.text for m in finding.matches] == [said]
    assert finding.why == (f'"{said}": {describe} ({group})',)
    # On a Welsh page, the same finding, its reason in Welsh.
    [why] = finding.why
    assert cymraeg.say(why) is not None
    in_cy = hate(in_welsh, text)
    assert (in_cy.verdict, in_cy.matches, in_cy.why) == (BREAKS, finding.matches, (cymraeg.say(why),))
    assert cymraeg._DESCRIBE[describe] in in_cy.why[0]


MAY_BREAKING = [
    ("Mae'r mewnfudwyr i gyd yn droseddwyr.", "Mae'r mewnfudwyr i gyd yn droseddwyr", GENERAL, "race: immigrants"),
    ("Mae'r Pwyliaid i gyd yn ddiog.", "Mae'r Pwyliaid i gyd yn ddiog", GENERAL, "race: Eastern Europeans"),
    ("Mae'r sipsiwn yn fudr.", "Mae'r sipsiwn yn fudr", GENERAL, "race: Gypsies, Roma and Travellers"),
    ("Mae pob Mwslim yn derfysgwr.", "Mae pob Mwslim yn derfysgwr", GENERAL, "religion or belief: Muslims"),
    ("Mewnfudwyr yw'r broblem.", "Mewnfudwyr yw'r broblem", GENERAL, "race: immigrants"),
    ("Mae'r Pwyliaid yn dwpsod.", "Mae'r Pwyliaid yn dwpsod", GENERAL, "race: Eastern Europeans"),
    ("Saeson y diawled, byddai'r sir yn well hebddyn nhw.", "Saeson y diawled", group_hate.DESCRIBE[group_hate.SWEAR],
     BRITISH),
    # "merched" is girls too: what is said of it only may break the rule
    ("Mae merched yn anifeiliaid.", "Mae merched yn anifeiliaid", DEHUMANISE, "sex: women"),
    # asked, not said
    ("Ydy'r mewnfudwyr yn bla?", "Ydy'r mewnfudwyr yn bla", DEHUMANISE, "race: immigrants"),
]


@pytest.mark.parametrize(("text", "said", "describe", "group"), MAY_BREAKING)
def test_a_welsh_generalisation_may_break_the_rule_for_a_person_to_judge(welsh, text, said, describe, group):
    finding = hate(welsh, text)
    assert finding.verdict == MAY_BREAK, finding
    assert finding.why == (f'"{said}": {describe} ({group})',)
    assert cymraeg.say(finding.why[0]) is not None


def test_they_for_a_group_named_before_may_break_it_and_says_so(welsh, in_welsh):
    text = "Mae'r Saeson yn prynu'r tai i gyd. Anfonwch nhw adref."
    finding = hate(welsh, text)
    assert finding.verdict == MAY_BREAK
    assert finding.why == ('"Anfonwch nhw adref": a call to expel a group (race: people of British and Irish '
                           "nationalities); if 'nhw' means the people of British and Irish nationalities named "
                           "before it",)
    assert "os yw 'nhw' yn golygu'r" in hate(in_welsh, text).why[0]
    finding = hate(welsh, "Mae'r ffoaduriaid yn cael tai. Does dim croeso iddyn nhw yma.")
    assert finding.verdict == MAY_BREAK
    assert finding.why[0].startswith('"dim croeso iddyn nhw": a call to exclude a group (race: immigrants); if')


PASSING = [
    # denied
    "Nid yw mewnfudwyr yn bla.",
    "Dydy ffoaduriaid ddim yn fermin.",
    "Dw i ddim yn casáu Saeson, mae gen i ffrindiau da o Loegr.",
    "Dydy pobl anabl ddim yn ddiog.",
    "Ni ddylid lladd neb, na'r Saeson na'r Cymry.",
    "Peidiwch ag anfon y ffoaduriaid adref, maen nhw'n ddiogel yma.",
    # counter-speech and reports
    "Mae dweud bod y Saeson yn bla yn ffiaidd.",
    "Croeso i ffoaduriaid!",
    "Roedd rhywun wedi paentio 'Saeson allan' ar y wal, mae'n warthus.",
    "Mae'n warthus bod pobl yn galw ffoaduriaid yn fermin.",
    "Stopiwch ddweud bod Mwslemiaid yn derfysgwyr.",
    'Mae "Saeson allan" yn hiliol, dylai\'r cyngor ei lanhau.',
    # only some of them
    "Mae rhai mewnfudwyr yn droseddwyr, fel rhai o bob grŵp.",
    # everyday uses of the same words
    "Mae'r Pwyliaid yn y siop gornel yn ffeind iawn.",
    "Cymry yn ennill yn y rygbi!",
    "Curo'r Saeson yn y rygbi eto!",
    "Dylai'r Cymry fynd adref ar ôl y gêm, mae'r trenau'n llawn.",
    "Mae'r merched yn yr ysgol yn wych.",
    "Mae'r Iddewon yn dathlu Hanukkah yr wythnos hon.",
    "Mae'r dynion biniau yn ddiog, dim casgliad ers pythefnos.",
    "Mae'r cyngor yn anfon y ffoaduriaid i westy newydd.",
    "Mae'r hen bobl yn haeddu gwell gofal.",
    "Rydyn ni'n croesawu ceiswyr lloches i'r dref.",
    "Dydy'r Saeson ddim yn gont, dim ond pobl fel ni.",
    "Twll din pob Sais ar faner yn y stadiwm: gwarthus.",
    "Ffwcio'r cyngor, mae'r Saeson drws nesa'n iawn.",
    "Roedd twll yn y ffordd ger y Saeson yn y maes carafanau.",
]


@pytest.mark.parametrize("text", PASSING)
def test_welsh_counter_speech_denial_and_everyday_words_pass(welsh, text):
    assert hate(welsh, text).verdict == PASSES, hate(welsh, text)


def test_a_council_in_english_alone_reads_no_welsh_groups(welsh, english):
    for text, *_ in BREAKING + MAY_BREAKING:
        assert hate(welsh, text).verdict != PASSES
        finding = hate(english, text)
        # The model may ask a person to look at a comment it cannot read; the grammar says nothing.
        assert not any(describe in why for why in finding.why
                       for describe in group_hate.DESCRIBE.values()), (text, finding)


def test_the_welsh_reading_is_only_for_a_council_in_welsh():
    comment = prepare("Mae'r mewnfudwyr yn bla.")
    assert group_hate.detect(comment, SimpleNamespace(memo={}), None) == []
    assert group_hate.detect(comment, SimpleNamespace(memo={}, welsh=False), None) == []
    [signal] = group_hate.detect(comment, SimpleNamespace(memo={}, welsh=True), None)
    assert signal.verdict == BREAKS


ENGLISH = [
    "Immigrants are scum, stop giving them council houses.",
    "Muslims are vermin and should not get a say on the new mosque plans.",
    "Send them all back, the refugees are ruining this town.",
    "Not all immigrants are criminals, most are our neighbours.",
    "Saying Travellers are vermin is disgusting.",
    "Can the council add more disabled parking bays at the leisure centre?",
    "The Welsh rugby team won again, brilliant match.",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_an_english_comment_is_read_as_it_was_and_costs_one_set_lookup(welsh, english, text):
    comment = prepare(text)
    assert group_hate_cy.ANCHORS.isdisjoint(comment.words.keys)  # the Welsh reading stops at once
    assert group_hate_cy.find(comment) == ()
    welsh_found = group_hate.detect(comment, SimpleNamespace(memo={}, welsh=True), None)
    assert welsh_found == group_hate.detect(comment, SimpleNamespace(memo={}), None) == list(group_hate.find(comment))
    assert hate(welsh, text) == hate(english, text)


def test_every_welsh_group_name_is_a_name_the_welsh_reasons_can_say():
    groups = {name.group for names in group_hate_cy.NAMES.values() for name in names}
    assert {g.group for g in groups} <= set(cymraeg.GROUPS)
    # Mutated forms: "i fewnfudwyr", "a Phwyliaid", "y bobl dduon".
    for form in ("fewnfudwyr", "phwyliaid", "bobl", "gristnogion", "fwslemiaid", "ffoaduriaid"):
        assert form in group_hate_cy.ANCHORS
    # Left out as more often something else: passengers, black (of anything), "these people".
    names = {name.keys for names in group_hate_cy.NAMES.values() for name in names}
    assert {("teithwyr",), ("duon",), ("pobl", "hyn")}.isdisjoint(names)
    assert ("sipsiwn", "a", "theithwyr") in names and ("teithwyr", "gwyddelig") in names


# --- the work grows with the comment, no faster -----------------------------------

WELSH_SHAPES = {
    "smears": "Mae'r mewnfudwyr yn bla. ",
    "orders": "Dylai'r Saeson i gyd fynd adref, ",
    "they": "nhw nhw anfonwch nhw adref ",
    "groups only": "Saeson Cymry pobl hoyw ",
    "hatred": "Dw i'n casáu'r Saeson ",
    "said to them": "Saeson allan ewch adref ",
    "quoted": "'Saeson allan' ",
}


@pytest.mark.parametrize("shape", sorted(WELSH_SHAPES))
def test_twice_the_welsh_comment_is_at_most_twice_the_work(welsh, shape):
    unit = WELSH_SHAPES[shape]
    comments = ["Mae'r Saeson yma. " + unit * (2_000 // len(unit) * n) for n in (1, 2)]
    for comment in comments:
        welsh.check(comment)
    small, large = (count(lambda c=comment: welsh.check(c)) for comment in comments)
    assert sum(large.values()) <= 2.2 * sum(small.values()), shape
    module = group_hate_cy.__file__
    assert large[module] <= 2.2 * max(small[module], 100), (shape, small[module], large[module])
