"""The checker speaks Welsh on a Welsh page (issue: bilingual councils):
every reason its detectors give, its kinds' explanations and examples, the
staff record, its errors, and the page script's own words. Its Welsh is
drafted, not reviewed by a Welsh speaker: these tests check that it is
there and whole, not how good it is."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import pytest

from source import policy
from houserules.prove import rule_checker, rule_checkers
from houserules.rulepack import build_rulepack, dumps
from houserules_checker import BREAKS, NEEDS_PERSON, Checker, CheckError, cymraeg
from houserules_checker.browser import Session
from houserules_checker.engine import pre_election_period
from houserules_checker.kinds import KINDS, SPOKEN, VERDICT_NAMES
from houserules_checker.record import FIELDS, as_text, make_record

ROOT = Path(__file__).resolve().parent.parent
CHECKER_JS = ROOT / "site_src" / "assets" / "checker" / "checker.js"
POLICY = policy()

sys.path.insert(0, str(Path(__file__).resolve().parent))
from comment_examples import EXAMPLES  # noqa: E402


def _reasons():
    """Every reason the detectors give, rule by rule, on each rule's own
    examples and on the examples of what comments do."""
    # A "human" rule's reason is the council's, not the checker's: it has no checker here.
    for rule_id, checker in sorted(rule_checkers(POLICY).items()):
        rule = POLICY.rules[rule_id]
        examples = [*rule.examples.breaks, *rule.examples.passes]
        said = [(e.text, e.reply_to, e.earlier, e.date) for e in examples]
        said += [(e.comment, None, (), None) for e in EXAMPLES]
        for text, reply_to, earlier, date in said:
            for finding in checker.check(text, reply_to=reply_to, earlier=earlier, date=date).findings:
                for why in finding.why:
                    yield rule_id, why


def test_every_reason_the_detectors_give_has_its_welsh():
    unknown = {why: rule_id for rule_id, why in _reasons() if cymraeg.say(why) is None}
    assert not unknown, unknown


def test_a_rule_checked_in_welsh_finds_what_it_finds_in_english():
    checkers = rule_checkers(POLICY)
    for rule_id in ("swearing", "threats", "hate", "personal-information", "advertising"):
        english = checkers[rule_id]
        welsh = Checker(english.pack, language="cy", lexicon=english.lexicon)
        for example in POLICY.rules[rule_id].examples.breaks:
            [was], [said] = english.check(example.text).findings, welsh.check(example.text).findings
            assert (said.verdict, said.matches) == (was.verdict, was.matches)
            assert said.why == tuple(cymraeg.say(why) for why in was.why), example.text


# --- rules a person judges ----------------------------------------------------------

def test_a_rule_only_a_person_can_judge_gives_the_councils_reason_in_welsh_without_the_english_no():
    rule = POLICY.rules["misinformation"]
    english = rule_checker(POLICY, rule)
    pack = json.loads(json.dumps(english.pack, default=str))
    pack["rules"][0]["check"]["reason"] = "Ni all rhaglen ddweud a yw honiad yn wir."
    [finding] = Checker(pack, language="cy").check("Mae'r cyngor yn dweud celwydd.").findings
    assert finding.verdict == NEEDS_PERSON
    assert finding.why == ("Ni all rhaglen ddweud a yw honiad yn wir.",)


def test_an_off_topic_rule_without_the_post_says_why_in_welsh():
    english = rule_checker(POLICY, POLICY.rules["off-topic"])
    [finding] = Checker(english.pack, language="cy").check("Pryd mae'r llyfrgell ar agor?").findings
    assert finding.verdict == NEEDS_PERSON
    assert finding.why == ("Mae angen y post y mae sylw'n ei ateb i wybod a yw ar y pwnc.",)


# --- what the pages say of each kind of check ----------------------------------------

@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_kind_explains_itself_in_welsh_and_gives_its_examples(name):
    kind = KINDS[name]
    check = {"kind": name, "active": "always", "reason": "{reason}"}
    english, welsh = kind.explain(check), kind.explain(check, "cy")
    assert kind.explain(check, "en") == english
    assert welsh and welsh != english
    assert welsh.endswith(".") == english.endswith(".")
    assert set(kind.signs_in("cy")) == set(kind.signs) == set(kind.signs_in("en"))
    assert all(kind.signs_in("cy")[v] != kind.signs[v] for v in kind.signs)


def test_the_political_kind_says_when_it_applies_in_welsh():
    political = KINDS["political"]
    assert "cyn etholiad" in political.explain({"active": "pre-election"}, "cy")
    assert "cyn etholiad" not in political.explain({"active": "always"}, "cy")


def test_the_verdicts_have_names_in_each_language():
    assert set(VERDICT_NAMES) == set(SPOKEN)
    assert set(VERDICT_NAMES["cy"]) == set(VERDICT_NAMES["en"])


# --- errors ----------------------------------------------------------------------------

def test_what_the_checker_cannot_check_is_said_in_welsh():
    welsh = Checker(build_rulepack(POLICY, "ashfield"), language="cy")
    with pytest.raises(CheckError, match="rhaid i sylw fod yn destun"):
        welsh.check(42)  # type: ignore[arg-type]
    with pytest.raises(CheckError, match="nod ar y mwyaf"):
        welsh.check("a" * 1_000_001)
    with pytest.raises(CheckError, match="not 'fr'"):
        Checker(build_rulepack(POLICY, "ashfield"), language="fr")


# --- the page: the engine as checker.js calls it ----------------------------------------

def test_the_page_asks_for_welsh_and_gets_it_with_the_staff_record():
    session = Session(dumps(build_rulepack(POLICY, "ashfield")), "cy")
    view = json.loads(session.check("You are a total idiot and this is shit", "2026-11-21",
                                    account=json.dumps({"author": "Jo", "handle": "@jo", "platform": ""})))
    assert view["breaks"] and all("aimed at" not in why for f in view["breaks"] for why in f["why"])
    text = view["record"]["text"]
    assert text.startswith("Cyngor: Ashfield District Council\n")
    assert "Platfform: (heb ei roi)" in text and "Pam nad yw'n dderbyniol: " in text
    assert "wedi'i anelu atoch chi" in text
    assert json.loads(session.check("Helo", "21/11/2026"))["error"].startswith("Nid yw'r dyddiad '21/11/2026'")


def test_the_record_has_every_field_labelled_in_welsh():
    record = make_record({"council": {"name": "Cyngor Llan-y-môr"}}, {}, "sylw", [], "cy")
    assert record["policy_version"] == "cyfredol"
    lines = as_text(record, "cy").splitlines()
    assert len(lines) == len(FIELDS)
    assert as_text(record) != as_text(record, "cy")
    english = make_record({"council": {"name": "Riverside Council"}}, {}, "a comment", [])
    assert as_text(english).splitlines()[1] == "Policy version: current"


def test_polling_day_is_said_in_welsh():
    pack = {"pre_election": [{"election": "Etholiad y Senedd", "start": "2026-03-26", "end": "2026-05-07"}]}
    day = dt.date(2026, 4, 1)
    assert pre_election_period(pack, day) == "Etholiad y Senedd (polling day 2026-05-07)"
    assert pre_election_period(pack, day, "cy") == "Etholiad y Senedd (diwrnod pleidleisio 2026-05-07)"


# --- checker.js's own words ---------------------------------------------------------

def _table(name: str) -> dict[str, str]:
    """A table of checker.js (`const EN = {...};`): each key, and its value's source."""
    source = CHECKER_JS.read_text(encoding="utf-8")
    body = re.search(rf"^const {name} = \{{\n(.*?)^\}};", source, re.M | re.S)
    assert body, name
    entries = re.split(r"^  (\w+): ", body.group(1), flags=re.M)[1:]
    return dict(zip(entries[0::2], entries[1::2]))


def test_the_pages_words_are_in_welsh_key_for_key():
    english, welsh = _table("EN"), _table("CY")
    assert list(welsh) == list(english)
    same = {key for key in english if english[key] == welsh[key]}
    assert not same, same
    # A function in one is a function in the other, taking the same arguments.
    takes = re.compile(r"\(([\w, ]*)\) =>")
    for key, value in english.items():
        asks, given = takes.match(value), takes.match(welsh[key])
        assert (asks and asks.group(1)) == (given and given.group(1)), key


def test_the_page_reads_back_the_names_the_engine_gives_words_in_welsh():
    source = CHECKER_JS.read_text(encoding="utf-8")
    cy = source[source.index("const LABEL_NAMES"):source.index("// The page's language")]
    for ident, said in [*cymraeg.STRENGTHS.items(), *cymraeg.CATEGORIES.items()]:
        assert f'"{said}": "{ident}"' in cy, said
    assert f'list: "{cymraeg.WORD_LIST}"' in cy


def test_the_page_asks_the_engine_for_the_pages_language():
    source = CHECKER_JS.read_text(encoding="utf-8")
    assert "browser.Session(rules, LANGUAGE)" in source
    assert "document.documentElement.lang" in source


def test_the_wheel_the_page_loads_carries_the_welsh():
    from houserules.wheel import build_wheel
    import io
    import zipfile

    _, data = build_wheel(ROOT / "widget" / "houserules_checker")
    assert "houserules_checker/cymraeg.py" in zipfile.ZipFile(io.BytesIO(data)).namelist()


def test_a_finding_that_breaks_a_rule_in_welsh_keeps_its_next_steps():
    pack = build_rulepack(POLICY, "ashfield")
    english, welsh = Checker(pack), Checker(pack, language="cy")
    text = "You are a total idiot"
    broken = [f for f in welsh.check(text).findings if f.verdict == BREAKS]
    assert broken and [f.next_steps for f in broken] == [
        f.next_steps for f in english.check(text).findings if f.verdict == BREAKS]
