"""The checker for a council that works in Welsh and English: comments in
Welsh are read against its real rule pack, with the Welsh word list
(policies/wordlists/welsh.yaml) and a language rule that accepts Welsh; a
council in English alone is as it was. On its Welsh pages the checker gives
its own reasons in Welsh (drafted, not reviewed by a Welsh speaker)."""

from __future__ import annotations

import datetime as dt


import pytest

from twin_councils import ENGLISH_SLUG, WELSH_SLUG, twin_policy
from houserules.masking import offensive_terms
from houserules.prove import rule_checkers
from houserules.rulepack import applied_wordlists, build_rulepack
from houserules_checker import cymraeg
from houserules_checker import BREAKS, MAY_BREAK, PASSES, Checker
from houserules_checker.lexicon import Lexicon
from houserules_checker.text import Text

ADOPTED = ("swearing", "obscene", "abuse", "personal-attacks", "personal-information", "post-in-english")


@pytest.fixture(scope="module")
def policy(tmp_path_factory):
    """A copy of policies/ with Llan-y-môr, in Welsh and English, and its
    twin in English alone (twin_councils.py), once for the module."""
    return twin_policy(tmp_path_factory.mktemp("welsh"), ADOPTED)


@pytest.fixture(scope="module")
def welsh(policy) -> Checker:
    return Checker(build_rulepack(policy, WELSH_SLUG))


@pytest.fixture(scope="module")
def english(policy) -> Checker:
    return Checker(build_rulepack(policy, ENGLISH_SLUG))


@pytest.fixture(scope="module")
def checkers(policy) -> dict[str, Checker]:
    """Each rule alone, as validate proves its examples: for rules Llan-y-môr does not adopt."""
    return rule_checkers(policy)


@pytest.fixture(scope="module")
def threats(checkers) -> Checker:
    return checkers["threats"]


def findings(checker: Checker, text: str) -> dict:
    """The rules the comment breaks or may break, and their findings."""
    return {f.rule: f for f in checker.check(text).findings if f.verdict != PASSES}


# --- which word lists and languages a council's checker has ------------------

def test_the_welsh_list_is_read_only_by_a_council_that_works_in_welsh(policy):
    welsh_pack, english_pack = build_rulepack(policy, WELSH_SLUG), build_rulepack(policy, ENGLISH_SLUG)
    assert {w["list"] for w in welsh_pack["words"]} == set(policy.wordlists)
    assert {w["list"] for w in english_pack["words"]} == set(policy.wordlists) - {"welsh"}
    assert "welsh" in welsh_pack["reading"]["lists"] and "welsh" not in english_pack["reading"]["lists"]
    # Its words say their language; English words are packed as they were.
    assert {w.get("language") for w in welsh_pack["words"] if w["list"] == "welsh"} == {"cy"}
    assert not any("language" in w for w in english_pack["words"])
    assert set(applied_wordlists(policy.wordlists, ("en",))) == set(policy.wordlists) - {"welsh"}
    assert set(applied_wordlists(policy.wordlists, ("cy",))) == set(policy.wordlists)


def test_the_language_rule_accepts_the_councils_own_languages(policy):
    [welsh_rule] = [r for r in build_rulepack(policy, WELSH_SLUG)["rules"] if r["id"] == "post-in-english"]
    [english_rule] = [r for r in build_rulepack(policy, ENGLISH_SLUG)["rules"] if r["id"] == "post-in-english"]
    assert welsh_rule["check"] == {"kind": "language", "languages": ["en", "cy"]}
    assert english_rule["check"] == {"kind": "language", "languages": ["en"]}  # as the rule says
    # Each language's site has its own pack, in its language throughout.
    assert welsh_rule["wording"] == "Please post in Welsh or English."
    [in_welsh] = [r for r in build_rulepack(policy, "llan-y-mor", language="cy")["rules"]
                  if r["id"] == "post-in-english"]
    assert in_welsh["wording"] == "Postiwch yn Gymraeg neu yn Saesneg." and in_welsh["check"] == welsh_rule["check"]


BINS_CY = "Pryd fydd y cyngor yn casglu'r biniau ar ein stryd ni? Does neb wedi dod ers pythefnos a mae'n drewi."


def test_a_comment_in_welsh_passes_the_language_rule_of_a_council_in_welsh(welsh, english):
    assert "post-in-english" not in findings(welsh, BINS_CY)
    finding = findings(english, BINS_CY)["post-in-english"]
    assert finding.verdict == MAY_BREAK
    assert finding.why == ("written in Welsh, not English: a person decides whether it could be abusive",)


def test_a_comment_in_another_language_still_may_break_it(welsh):
    polish = "Kiedy w końcu naprawicie dziury na naszej ulicy? Jeździmy tędy codziennie i jest coraz gorzej."
    finding = findings(welsh, polish)["post-in-english"]
    assert finding.verdict == MAY_BREAK
    assert finding.why == ("written in Polish, not English or Welsh: a person decides whether it could be "
                           "abusive",)


# --- swear words in Welsh ----------------------------------------------------

@pytest.mark.parametrize(("text", "word", "said"), [
    ("Mae'r ffordd 'ma yn llawn tyllau, mae'n gachu llwyr a does neb yn gwneud dim byd.",
     "gachu", "'gachu' (medium, general, word list welsh) as written"),
    ("Cachu hwch o gynllun, mae'r cyngor yn gwastraffu ein harian ni eto.",
     "Cachu", "'cachu' (medium, general, word list welsh) as written"),
    ("Ffycin hel, mae'r biniau dal heb eu casglu ar ein stryd ni.",
     "Ffycin", "'ffycin' (strongest, general, word list welsh) as written"),
    ("Cer i ffwcio, dw i ddim yn talu treth cyngor am hyn.",
     "ffwcio", "'ffwcio' (strongest, general, word list welsh) as written"),
    ("Y bastad pwy bynnag sy wedi dympio sbwriel yn y lôn eto.",
     "bastad", "'bastad' (strong, general, word list welsh) as written"),
    ("Mae'r cynghorydd 'na yn gont, does dim byd wedi newid ers blynyddoedd.",
     "gont", "'gont' (strongest, general, word list welsh) as written"),
    ("Be ffwc sy'n bod ar y cyngor 'ma?", "ffwc", "'ffwc' (strongest, general, word list welsh) as written"),
    ("Gwasanaeth ffwcin gwael eto.", "ffwcin", "'ffwcin' (strongest, general, word list welsh) as written"),
    ("Ti'n goc oen llwyr.", "goc oen", "'goc oen' (strong, general, word list welsh) as a phrase"),
    ("Mae'n dwll din o le, does dim byd i'w wneud yma.", "dwll din",
     "'dwll din' (medium, general, word list welsh) as a phrase"),
    ("Pen pidyn yw e, does dim ots ganddo fe.", "Pen pidyn",
     "'pen pidyn' (strong, general, word list welsh) as a phrase"),
    # English swear words as Welsh spells them
    ("Bastads diog yn y swyddfa dreth, byth yn ateb y ffôn.", "Bastads",
     "'bastads' (strong, general, word list welsh) as written"),
    ("Ffyc off gyda'ch treth cyngor.", "Ffyc", "'ffyc' (strongest, general, word list welsh) as written"),
    ("Bolycs llwyr yw'r ymgynghoriad 'ma.", "Bolycs", "'bolycs' (medium, general, word list welsh) as written"),
])
def test_a_welsh_swear_word_breaks_the_swearing_rule_naming_the_word_and_the_list(welsh, text, word, said):
    finding = findings(welsh, text)["swearing"]
    assert finding.verdict == BREAKS, finding
    assert [m.text for m in finding.matches] == [word]
    assert finding.why == (said,)


def test_a_mild_welsh_oath_may_break_it_as_an_english_one_does(welsh):
    # "diawl" is graded with "damn" (Ofcom mild), as "damn" may break it.
    for text, word in (("Be ddiawl mae'r cyngor yn ei wneud efo'r ffordd 'ma?", "ddiawl"),
                       ("Mae'r biniau'n hwyr eto, jawl.", "jawl"),
                       ("Mae'r gwasanaeth bws yn ddiawledig ers mis Medi.", "ddiawledig")):
        finding = findings(welsh, text)["swearing"]
        assert finding.verdict == MAY_BREAK, (text, finding)
        assert [m.text for m in finding.matches] == [word]
        assert finding.why == (f"'{word}' (mild, general, word list welsh) as written",)
    blydi = findings(welsh, "Mae'r ffordd yn blydi peryglus.")["swearing"]
    assert blydi.verdict == MAY_BREAK and blydi.why == ("'blydi' (mild, general, word list welsh) as written",)
    damn = findings(welsh, "Damn, the buses are late again.")["swearing"]
    assert damn.verdict == MAY_BREAK


def test_a_welsh_phrase_is_found_as_a_phrase(welsh):
    finding = findings(welsh, "Twll dy din di, dw i wedi cael llond bol ar y cyngor 'ma.")["swearing"]
    assert finding.verdict == BREAKS
    assert [m.text for m in finding.matches] == ["Twll dy din"]
    assert finding.why == ("'twll dy din' (medium, general, word list welsh) as a phrase",)


def test_welsh_spellings_of_english_slurs_and_sexual_words_break_those_rules(checkers):
    # The rules a council in Welsh may adopt besides swearing: the obscene and discrimination lists.
    for rule, text, word in (("obscene", "Bunch o wancars sy'n rhedeg y cyngor 'ma.", "wancars"),
                             ("discrimination", "Dim mwy o bacis yn y siopau ar Stryd Fawr.", "bacis")):
        [finding] = checkers[rule].check(text).findings
        assert finding.verdict == BREAKS and [m.text for m in finding.matches] == [word], (rule, finding)


def test_a_welsh_insult_or_swear_word_aimed_at_someone_is_abuse(welsh, english):
    # Aimed at "you": an insult, whatever its language.
    found = findings(welsh, "You're a twpsyn, honestly, the potholes have been there for months.")
    for rule in ("abuse", "personal-attacks"):
        assert found[rule].verdict == BREAKS
        assert [m.text for m in found[rule].matches] == ["twpsyn"]
        assert found[rule].why == ("'twpsyn' aimed at 'you'",)
    assert "abuse" not in findings(english, "You're a twpsyn, honestly, the potholes have been there for months.")
    # "Ti'n gont" (you're a cunt): "ti'n" is "you're", for a council in Welsh.
    found = findings(welsh, "Ti'n gont, dim byd arall.")
    assert found["swearing"].verdict == BREAKS
    for rule in ("abuse", "personal-attacks"):
        assert found[rule].verdict == BREAKS
        assert found[rule].why == ("'gont' aimed at 'you'",)


@pytest.mark.parametrize(("text", "word"), [
    ("Ti'n gont, dim byd arall.", "gont"),
    ("Ti’n gont a ti'n gwybod hynny.", "gont"),  # a curly apostrophe, as phones type it
    ("Chi'n dwpsyn llwyr os ydych chi'n credu hynny.", "dwpsyn"),
    ("Ti yn dwpsyn, does dim byd wedi newid.", "dwpsyn"),
    ("Cau dy geg y twpsyn.", "twpsyn"),
    ("Mae eich cynghorwyr yn gont.", "gont"),
    ("Ti'n hurtyn llwyr.", "hurtyn"),
    ("Chi'n dwpsod i gyd, bob un ohonoch chi.", "dwpsod"),
    ("Ti'n ben dafad.", "ben dafad"),
    ("Rwyt ti'n benbwl.", "benbwl"),
    ("Ti'n lembo.", "lembo"),
    ("Darllena'r post yn iawn cyn rhoi sylw, y twpsyn.", "twpsyn"),  # the reader called a name, as "you idiot"
    ("Cer adref, y cachgi!", "cachgi"),
    ("Ti'n ben coc.", "ben coc"),
    ("Ti'n sglyfath, yn taflu sbwriel fel 'na.", "sglyfath"),
])
def test_a_welsh_insult_said_to_ti_or_chi_is_aimed_at_the_reader(welsh, text, word):
    found = findings(welsh, text)
    for rule in ("abuse", "personal-attacks"):
        assert found[rule].verdict == BREAKS, (text, found[rule])
        assert [m.text for m in found[rule].matches] == [word]


@pytest.mark.parametrize("text, word, said", [
    ("Mae'r Cynghorydd Patel yn dwpsyn llwyr.", "dwpsyn", "aimed at a councillor"),
    ("Roedd y swyddog yn gachgi.", "gachgi", "aimed at council staff"),
    ("Mae'r maer yn gachgi.", "gachgi", "aimed at the mayor"),
    ("Mae e'n dwpsyn.", "dwpsyn", "said of a person"),
    ("Mae hi'n dwpsen, pwy bynnag yw hi.", "dwpsen", "said of a person"),
    # "pen dafad" is a sheep's head too: said of someone it names, it is the insult.
    ("Mae'r Cynghorydd Jones yn ben dafad.", "ben dafad", "aimed at a councillor"),
    # "hen" (old) before the insult, and "ma'r", "mae'r" as the South says it
    ("Ma'r fenyw 'na yn y dderbynfa'n hen ast sur.", "ast", "said of a person"),
    # the focus first: the insult, then "yw'r" and whom ("Cyng." is a councillor's title)
    ("Ffwlbart o ddyn yw'r maer.", "ffwlbart", "aimed at the mayor"),
    ("Hen sguthan yw'r fenyw sy'n rhedeg y llyfrgell.", "sguthan", "said of a person"),
    ("Cyng. Eleri Pritchard yw'r ast fwya dau-wynebog yn y sir.", "ast", "aimed at a councillor"),
    ("Coc oen o gynghorydd. Does ganddo fe ddim clem.", "coc oen", "aimed at a councillor"),
    # a long subject, with "ein ... ni" (our) in it, which is not the speaker
    ("Mae'r swyddog sy'n gyfrifol am y biniau ar ein stryd ni yn dwpsyn llwyr.", "dwpsyn", "aimed at council staff"),
    ("Mae pwy bynnag sy'n rhedeg y dudalen hon yn dwpsyn.", "dwpsyn", "aimed at council whoever"),
])
def test_a_welsh_insult_said_of_someone_else_is_abuse(welsh, text, word, said):
    """Welsh says what someone is with "yn" after the subject: "Mae X yn
    dwpsyn" is "X is an idiot", as the English "X is a ..." is read."""
    finding = findings(welsh, text)["abuse"]
    assert finding.verdict == BREAKS and finding.why == (f"'{word}' {said}",), text


@pytest.mark.parametrize("text", ["Dw i'n dwpsyn weithiau.", "Roeddwn i'n teimlo fel twpsyn yn y cyfarfod.",
                                  "Mae'r plant yn meddwl fy mod i'n dwpsyn.", "Roedd fy mrawd a fi'n dwpsod neithiwr.",
                                  "Mae'r bws yn hwyr eto. Dw i wedi aros awr yn y glaw fel twpsyn.",
                                  "Mae'r gwasanaeth yn gachu.", "Mae'r parc yn lân heddiw, diolch i'r staff.",
                                  "Gwelais i'r ffilm, y twpsyn bach oedd y cymeriad gorau."])
def test_a_welsh_insult_of_oneself_or_a_swear_word_of_a_thing_is_not_abuse(welsh, text):
    """The speaker calling themself a name, and a service called shit
    (swearing, for the swearing rule), are no one abused."""
    assert "abuse" not in findings(welsh, text), text


def test_whoever_is_pwy_bynnag_and_beth_bynnag_is_no_one(welsh):
    """"bynnag" is "-ever": "pwy bynnag" (whoever) names someone, "beth bynnag" (whatever, anyway) no one."""
    assert findings(welsh, "Pwy bynnag wnaeth hyn, twpsyn yw e.")["personal-attacks"].why == \
        ("'twpsyn' aimed at council whoever",)
    assert "personal-attacks" not in findings(welsh, "Beth bynnag, twpsyn o gynllun yw e.")


def test_mae_r_is_not_the_mayor(welsh):
    """"mae'r" (is the) and "maer" (mayor) are one key without the apostrophe."""
    assert findings(welsh, "Mae'r maer yn gachgi.")["personal-attacks"].why == ("'gachgi' aimed at the mayor",)
    assert "personal-attacks" not in findings(welsh, "Dw i'n gachgi, mae'r ffilm yn rhy frawychus.")


@pytest.mark.parametrize("text, why", [
    ("Dw i'n mynd i dy ladd di.", "says someone will do violence to a person"),
    ("Mi wna i ei drywanu fe.", "says someone will do violence to a person"),
    ("Rydyn ni'n mynd i'ch lladd chi i gyd.", "says someone will do violence to a person"),
    ("Dw i'n gwybod ble rwyt ti'n byw.", "says they know where a person lives"),
    ("Gwylia dy gefn, gynghorydd.", "an intimidating warning ('watch your back')"),
    ("Dw i'n mynd i losgi'r depo.", "threatens to attack a place"),
    # The object after the verb, and the first person future: "fe ladda i e", "ddyrnu'r swyddog".
    ("Os wela i'r warden parcio 'na eto, fe ladda i e.", "says someone will do violence to a person"),
    ("Dwi'n mynd i ddyrnu'r swyddog cynllunio 'na yn ei wyneb.", "says someone will do violence to a person"),
    ("Bydda i'n lladd y Cynghorydd Morgan.", "says someone will do violence to a person"),
    ("Mi ladda i di.", "says someone will do violence to a person"),
    ("Bydd rhywun yn llosgi swyddfeydd y cyngor os ewch chi 'mlaen â hyn.", "threatens to attack a place"),
    ("Fe losga i'r swyddfa.", "threatens to attack a place"),
    ("Rown i glatshen i'r arweinydd 'na tase fe'n dod i'n stryd ni.", "a threat of harm"),
    ("Mi gei di gweir gen i, y warden bach, os wela i di ar y stryd eto.", "a threat of harm"),
    ("Dwi'n mynd i roi cweir i'r cynghorydd.", "a threat of harm"),
    ("Dylen nhw grogi'r cynghorwyr 'ma i gyd.", "calls for violence"),
    ("Dylai rhywun ei saethu e.", "calls for violence"),
    ("Maen nhw'n haeddu cael eu crogi.", "says someone deserves violence"),
    ("Gwyliwch eich cefnau, bois y cyngor.", "an intimidating warning ('watch your back')"),
    ("Gwell i ti wylio dy gefn.", "an intimidating warning ('watch your back')"),
    ("Bydda i'n torri dy goesau di.", "threatens to injure someone"),
    ("Ti'n ddyn marw.", "tells someone they will be harmed"),
])
def test_a_threat_in_welsh_breaks_the_threats_rule_with_its_reason_in_welsh(threats, text, why):
    """The verb of violence comes after whom it is done to ("dy ladd di",
    kill you), mutated by it: each form is read. The reasons are the
    English ones, which the Welsh pages say in Welsh."""
    [finding] = threats.check(text).findings
    assert finding.verdict == BREAKS and finding.why == (why,), text
    assert cymraeg.say(why) is not None


@pytest.mark.parametrize("text", [
    "Mae'r twll yn y ffordd yn mynd i ladd rhywun.", "Dw i'n mynd i dorri'r gwair.",
    "Dw i'n mynd i dy dorri di i ffwrdd o'r rhestr.", "Wna i dy helpu di gyda'r ffurflen.",
    "Gwylia dy gefn ar y grisiau rhewllyd.", "Dw i'n gwybod ble mae'r llyfrgell.", "Gwylia dy hun, mae'n rhewi.",
    # The same verbs done to no one: the weeds, the lawn, a record, a team, a banner, a film.
    "Mae'r gwres yn fy lladd i heddiw.", "Fe ladda i'r chwyn yn yr ardd fory.", "Bydda i'n torri'r lawnt dydd Sadwrn.",
    "Mae'r plant wedi torri ffenest yn yr ysgol, pwy sy'n talu?", "Dwi'n mynd i guro'r record eleni!",
    "Wnaethon ni guro Caerdydd neithiwr.", "Marw chwerthin!", "Dylen nhw grogi'r baneri Nadolig yn gynt eleni.",
    "Bydda i'n dod i'r Ganolfan Ddinesig fory i dalu'r dreth.", "Roedd y ffilm yn lladd fi, mor ddoniol.",
    "Mae angen torri'r coed ar y ffordd.", "Gwyliwch eich cefnau wrth godi bagiau trwm.",
    "Bydda i'n llosgi'r sbwriel yn yr ardd.", "Wna i saethu'r fideo fory.", "Bydda i'n cicio'r bêl gyda'r plant.",
    "Wna i roi slap o fenyn ar y bara.", "Mae'r tyllau 'ma'n mynd i dorri dy goes ar y ffordd."])
def test_everyday_welsh_built_the_same_way_is_no_threat(threats, text):
    [finding] = threats.check(text).findings
    assert finding.verdict == PASSES, text


def test_welsh_words_for_you_are_read_only_for_a_council_in_welsh(welsh, english):
    # "ti'n", "chi'n" join to "tin", "chin": English words, apostrophe or not.
    for text in ("Put that tin in the recycling, twat.", "Chin up, twat."):
        for checker in (welsh, english):
            found = findings(checker, text)
            assert found["abuse"].verdict == MAY_BREAK, (text, found["abuse"])
            assert found["abuse"].why == ("'twat' is abusive, but not clearly aimed at someone",)
    # An English council reads "chi" as no one: its insult is not aimed.
    assert findings(english, "Chi is a twat")["abuse"].why == ("'twat' said of Chi",)


def test_the_same_welsh_words_in_an_english_councils_checker_are_left_to_the_language_rule(english):
    found = findings(english, "Mae'r ffordd 'ma yn llawn tyllau, mae'n gachu llwyr a does neb yn gwneud dim byd.")
    assert "swearing" not in found
    assert found["post-in-english"].verdict == MAY_BREAK


# --- what must not match -----------------------------------------------------

@pytest.mark.parametrize("text", [
    BINS_CY,
    "Diolch yn fawr i'r criw am glirio'r eira oddi ar y ffordd i'r ysgol bore 'ma.",
    "Mae twll mawr yn y ffordd ger y bont ar Stryd Fawr, mae'n beryg i feicwyr.",
    "Pryd fydd y ganolfan ailgylchu ar agor dros y Nadolig? Diolch.",
    "Mae'r parc yn edrych yn hyfryd, diolch i'r garddwyr am eu gwaith caled.",
])
def test_a_benign_welsh_comment_passes_every_rule(welsh, text):
    assert findings(welsh, text) == {}


@pytest.mark.parametrize("text", [
    "Gwelon ni benbwl yn y pwll ger yr ysgol heddiw.",  # "penbwl": a tadpole
    "Mae hwn yn benbwl, nid broga eto.",
    "Pen dafad wedi'i rostio oedd ar y fwydlen yn y ffair.",  # a sheep's head
    "Cawson ni ein pigo gan gont fôr ar y traeth.",  # "y gont fôr": a jellyfish
    "Roedd llwyth o gont y môr ar draeth Aberafan ddoe, byddwch yn ofalus.",
    "Mae'r ast fach wedi cael cŵn bach, chwech ohonyn nhw!",  # "ast": a female dog
    "Ast yw hi, nid ci.",
    "Gwelais i ffwlbart ar y ffordd i Langyfelach.",  # a polecat
    "Sguthan yw'r aderyn ar y to.",  # a wood pigeon
    "Ffwlbart yw'r anifail mwyaf drewllyd yn y goedwig.",
    "Twpsyn ydw i, anghofiais i'r bin glas eto.",  # the speaker
])
def test_a_welsh_words_everyday_meaning_breaks_no_rule(welsh, text):
    assert findings(welsh, text) == {}


@pytest.mark.parametrize("text", [
    "Cont. on page 2: the full list of road closures is on the council's website.",
    "Please cc the ward councillor, they said the notice was cont'd on the back.",
    "The COC for the planning application is attached, see section 4 cont.",
    "Well done to everyone who entered the Christmas lights contest, the winners are brilliant.",
    "The contest for the Llandaff seat was close this year.",
    "We had a choc ice at the seafront and the beach was spotless.",
    "Who is the contact for the Diawl Bach ale festival at the town hall?",
])
def test_english_comments_with_innocent_look_alikes_do_not_match(welsh, text):
    found = findings(welsh, text)
    assert not {"swearing", "obscene", "abuse", "personal-attacks"} & set(found), (text, found)


def test_welsh_words_are_read_as_the_list_spells_them_without_english_endings(policy):
    lexicon = Lexicon(build_rulepack(policy, WELSH_SLUG)["words"])
    for word in ("contest", "contests", "conted", "cachus", "twpsyns"):
        assert not [h for h in lexicon.find(Text(word).words) if h.entry.source == "welsh"], word
    # The English lists still read English endings.
    assert {(h.entry.term, h.how) for h in lexicon.find(Text("twats").words)} == {("twat", "with the ending '-s'")}


# --- the other rules, in Welsh -----------------------------------------------

def test_a_phone_number_in_a_welsh_comment_breaks_personal_information_as_in_english(welsh):
    for text in ("Ffoniwch fi ar 07700 900123 i drefnu casglu'r soffa, diolch.",
                 "Call me on 07700 900123 to arrange collecting the sofa, thanks."):
        finding = findings(welsh, text)["personal-information"]
        assert finding.verdict == BREAKS, text
        assert [m.text for m in finding.matches] == ["07700 900123"]
    email = findings(welsh, "Anfonwch y manylion at jane.jones@example.com os gwelwch yn dda.")
    assert email["personal-information"].verdict == BREAKS


@pytest.mark.parametrize("text, address", [
    ("Mae'r bobl yn 14 Heol y Llwyfen, Treforys, SA6 8AB yn taflu sbwriel.", "14 Heol y Llwyfen, Treforys, SA6 8AB"),
    ("Anfonwch y bil i 2 Rhodfa'r Môr, Abertawe SA1 1AA.", "2 Rhodfa'r Môr, Abertawe SA1 1AA"),
    ("The bins at 7 Stryd Fawr, Llanelli SA15 1AB were missed.", "7 Stryd Fawr, Llanelli SA15 1AB"),
])
def test_a_welsh_street_address_with_a_postcode_breaks_personal_information(welsh, english, text, address):
    """A Welsh street name starts with its kind of street, not ends with it;
    an address in Wales is someone's home whatever the council's languages."""
    for checker in (welsh, english):
        finding = findings(checker, text)["personal-information"]
        assert finding.verdict == BREAKS and [m.text for m in finding.matches] == [address], text


@pytest.mark.parametrize("text", ["Mae 3 heol ar gau yn Nhreforys heddiw.", "Mae 2 ffordd o dalu'r dreth.",
                                  "Dim ond 2 stryd yn y dref sydd heb olau."])
def test_a_count_of_streets_or_ways_is_not_an_address(welsh, text):
    """Welsh counts with the singular ("3 heol", three roads): a number
    before a kind of street is an address only when a name follows it."""
    assert "personal-information" not in findings(welsh, text), text


def test_a_welsh_house_number_and_street_without_a_postcode_may_break_it(welsh):
    finding = findings(welsh, "Rwy'n byw yn 5 Lôn Las, mae'r bin heb ei gasglu.")["personal-information"]
    assert finding.verdict == MAY_BREAK and [m.text for m in finding.matches] == ["5 Lôn Las"]


def test_a_welsh_word_never_flagged_alone_does_not_hide_a_disguised_english_one(welsh, english):
    # "c0nt": its digit read as a letter spells the Welsh "cont" (context
    # only), and read as a hidden letter, "cunt": the English reading stands.
    for checker in (welsh, english):
        finding = findings(checker, "what a c0nt")["swearing"]
        assert finding.verdict == BREAKS
        assert finding.why == ("'cunt' (strongest, general, word list ldnoobw) with digits or symbols for letters",)


def test_a_council_in_english_alone_is_published_without_the_welsh_list(policy):
    from houserules.versions import source_files

    assert "wordlists/welsh.yaml" in source_files(policy, "llan-y-mor")
    english = source_files(policy, "glan-yr-afon")
    assert "wordlists/welsh.yaml" not in english and "wordlists/ofcom.yaml" in english


def test_an_everyday_welsh_word_an_english_list_holds_is_not_flagged_alone_in_welsh(policy, welsh):
    # "hoe" is a rest in Welsh (welsh.yaml, ordinary_words) and a spelling of
    # "ho" in houserules.yaml: a council in Welsh reads it only in context.
    rest = "Diolch i'r criw casglu sbwriel, maen nhw'n haeddu hoe ar ôl wythnos mor brysur."
    assert {"obscene", "swearing"}.isdisjoint(findings(welsh, rest))
    [hoe] = [w for w in build_rulepack(policy, WELSH_SLUG)["words"] if w["term"] == "hoe"]
    assert hoe["context_only"] is True and hoe["list"] == "houserules"
    # A council in English alone keeps the entry as its list has it.
    [hoe] = [w for w in build_rulepack(policy, ENGLISH_SLUG)["words"] if w["term"] == "hoe"]
    assert not hoe.get("context_only")


@pytest.mark.parametrize("text", ["Wnaethon ni guro Caerdydd neithiwr, gêm wych!",  # "guro": beat (won)
                                  "Rhaid i ti ei wneud dy hun, mae'r swyddfa ar gau."])  # "hun": self
def test_everyday_welsh_words_an_english_list_holds_break_no_rule_of_a_council_in_welsh(welsh, text):
    """"guro" (the soft mutation of "curo", to beat) is a genre in
    ldnoobw.yaml and "hun" (self) a slur in ofcom.yaml: welsh.yaml names
    both ordinary words, so a council in Welsh reads them only in context."""
    assert not findings(welsh, text), text


def test_a_welsh_examples_everyday_word_is_not_masked_on_a_welsh_councils_pages(policy):
    """The public pages mask what the council's checker flags alone, not
    "guro" (beat) in a threat to beat someone, for a council in Welsh."""
    assert "guro" not in offensive_terms(policy.wordlists, ("cy", "en"))
    assert "guro" in offensive_terms(policy.wordlists, ("en",))


# --- the checker's own words in Welsh, on a Welsh page -------------------------

@pytest.fixture(scope="module")
def welsh_page(policy) -> Checker:
    """Llan-y-môr's checker on its Welsh pages: reasons in Welsh."""
    return Checker(build_rulepack(policy, WELSH_SLUG), language="cy")


# What the checker says in English, which no Welsh reason may still say.
ENGLISH_WORDS = ("aimed at", "as written", "word list", "as a phrase", "a person decides", "written in",
                 "phone number", "is abusive", "said of", "with the ending", "not English", "email address")

SAID_TO_A_WELSH_PAGE = [
    "Ti'n gont, dim byd arall.",
    "Mae'r ffordd 'ma yn llawn tyllau, mae'n gachu llwyr a does neb yn gwneud dim byd.",
    "Twll dy din di, dw i wedi cael llond bol ar y cyngor 'ma.",
    "You're a twpsyn, honestly, the potholes have been there for months.",
    "Ffoniwch fi ar 07700 900123 neu anfonwch at jane.jones@example.com",
    "Kiedy w końcu naprawicie dziury na naszej ulicy? Jeździmy tędy codziennie i jest coraz gorzej.",
    "what a c0nt, the bins are shit and the twats never come",
    "Be ddiawl mae'r cyngor yn ei wneud efo'r ffordd 'ma?",
    "Put that tin in the recycling, twat.",
]


@pytest.mark.parametrize("text", SAID_TO_A_WELSH_PAGE)
def test_a_welsh_page_gives_the_same_findings_with_reasons_in_welsh(welsh, welsh_page, text):
    english, cymraeg = findings(welsh, text), findings(welsh_page, text)
    assert english, text
    assert set(cymraeg) == set(english)
    for rule, finding in cymraeg.items():
        assert (finding.verdict, finding.matches) == (english[rule].verdict, english[rule].matches)
        assert len(finding.why) == len(english[rule].why)
        for said, was in zip(finding.why, english[rule].why):
            assert said != was, (rule, said)
            assert not [words for words in ENGLISH_WORDS if words in said], (rule, said)


def test_a_welsh_reason_keeps_the_words_it_quotes_and_names_them_in_welsh(welsh_page):
    found = findings(welsh_page, "Ti'n gont, dim byd arall.")
    assert found["swearing"].why == ("'gont' (cryfaf, cyffredinol, rhestr eiriau welsh) fel y'i hysgrifennwyd",)
    assert found["abuse"].why == ("'gont' wedi'i anelu atoch chi",)
    polish = findings(welsh_page, "Kiedy w końcu naprawicie dziury na naszej ulicy? Jeździmy tędy codziennie i "
                                  "jest coraz gorzej.")
    assert polish["post-in-english"].why == (
        "iaith y sylw: Pwyleg, ac mae'r cyngor yn derbyn Saesneg neu Gymraeg: person sy'n penderfynu a allai fod "
        "yn sarhaus",)


def test_english_results_are_the_same_whether_or_not_a_language_is_asked_for(policy, welsh):
    english_page = Checker(build_rulepack(policy, WELSH_SLUG), language="en")
    for text in SAID_TO_A_WELSH_PAGE:
        assert english_page.check(text).findings == welsh.check(text).findings, text


@pytest.mark.parametrize("text, said", [
    ("Dilynwch fy nhudalen am 20% i ffwrdd yr wythnos hon yn unig!", "promotes something: 'dilynwch fy'"),
    ("Ennill £500 y dydd yn gweithio o adref.", "promotes something: 'ennill £500'"),
    ("Llogi sgip rhad, £99, negeswch fi i archebu!", "sales wording: 'llogi'"),
])
def test_advertising_in_welsh_breaks_the_advertising_rule(checkers, text, said):
    """Selling and self-promotion in Welsh, as in English: the words are
    Welsh, so every council reads them."""
    [finding] = checkers["advertising"].check(text).findings
    assert finding.verdict == BREAKS and said in finding.why, finding
    assert all(cymraeg.say(why) for why in finding.why)


@pytest.mark.parametrize("text", ["Mae'r Cynghorydd Dave Hughes yn cymryd llwgrwobrwyon gan y datblygwyr.",
                                  "Mae Sarah Collins yn yr adran gynllunio yn dwyllwr.",
                                  "Mae Mark Evans wedi dweud celwydd am y maes parcio."])
def test_an_accusation_in_welsh_against_a_named_person_may_break_the_defamation_rule(checkers, text):
    """Never more than "may break", as in English: whether it is true is for a person."""
    [finding] = checkers["defamation"].check(text).findings
    assert finding.verdict == MAY_BREAK, finding
    assert finding.why == ("accuses a named person of wrongdoing: defamatory if it is untrue",)
    assert cymraeg.say(finding.why[0])


@pytest.mark.parametrize("text", ["Pleidleisiwch dros Lafur ar 2 Mai!", "Peidiwch â phleidleisio dros y Ceidwadwyr.",
                                  "Pleidleisiwch dros y Blaid Werdd."])
def test_campaigning_in_welsh_breaks_the_political_rules(checkers, text):
    """All year where a council says so, and inside a pre-election period
    (the examples' period here) for the other rule, as in English."""
    for rule in ("political-material", "party-political"):
        [finding] = checkers[rule].check(text, date=dt.date(2027, 4, 20)).findings
        assert finding.verdict == BREAKS, (rule, finding)
        assert all(cymraeg.say(why) for why in finding.why)


POST_CY = "Mae casgliadau biniau'n newid dros y Nadolig: gwiriwch eich diwrnod casglu newydd ar ein gwefan."


@pytest.mark.parametrize("text", ["Fydd y casgliad ddiwrnod yn hwyrach eleni?",  # "diwrnod" mutated
                                  "Alla i roi ailgylchu wrth ymyl fy min ar ôl y Nadolig?",
                                  "Ydy'r newid i'r casgliadau'n effeithio ar y biniau gardd?"])
def test_a_welsh_reply_to_a_welsh_post_shares_its_words_whatever_the_mutation(checkers, text):
    """"y ddiwrnod" and "diwrnod", "fy min" and "bin" are the same words:
    a reply on topic is not read as off topic for a council in Welsh."""
    [finding] = checkers["off-topic"].check(text, reply_to=POST_CY).findings
    assert finding.verdict == PASSES, finding


def test_a_welsh_reply_about_something_else_may_be_off_topic(checkers):
    [finding] = checkers["off-topic"].check("Beth mae pawb yn ei gael i de heno?", reply_to=POST_CY).findings
    assert finding.verdict == MAY_BREAK and cymraeg.say(finding.why[0])


@pytest.mark.parametrize("rule, text", [
    # a Welsh word for cheap, or a car-boot sale, alone is no advert
    ("advertising", "Mae'r bws rhad i'r dref yn wych, diolch."),
    ("advertising", "Roedd y sêl cist car yn y parc yn brysur iawn ddydd Sul."),
    ("advertising", "Ydy'r tâl parcio yn £2.50 yr awr neu am y diwrnod cyfan?"),
    # a councillor's vote is no accusation
    ("defamation", "Pleidleisiodd y Cynghorydd Hughes yn erbyn y cynllun, dw i'n meddwl mai camgymeriad oedd hynny."),
    # voting for a design, or hard labour ("llafur"), is not politics
    ("political-material", "Pleidleisiwch dros eich hoff gynllun ar gyfer arwydd newydd y dref."),
    ("political-material", "Mae llafur caled y gwirfoddolwyr yn werth ei weld."),
    ("political-material", "Alla i gofrestru i bleidleisio mewn pryd?"),
])
def test_everyday_welsh_built_like_what_a_rule_looks_for_passes_it(checkers, rule, text):
    [finding] = checkers[rule].check(text).findings
    assert finding.verdict == PASSES, finding
