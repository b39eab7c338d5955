"""The checker reads what a comment does, not only which words it uses
(tests/comment_examples.py: hate without slurs, threats without threat
words, insults built from ordinary words, disguises, a masked word read once,
places that are not people, innocent mentions of a group), and the model's
second opinion only ever asks a person to look."""

from __future__ import annotations

from pathlib import Path

import pytest

from comment_examples import COUNCIL, EXAMPLES
from source import policy
from houserules.rulepack import build_rulepack
from houserules_checker import BREAKS, MAY_BREAK, PASSES, Checker, engine, model
from in_force import policy_in_force

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module", params=["in force", "source"])
def checker(request) -> Checker:
    """The rules of the version at the council's address, and of its source."""
    rules = policy_in_force(COUNCIL) if request.param == "in force" else policy()
    return Checker(build_rulepack(rules, COUNCIL))


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.what for e in EXAMPLES])
def test_what_a_comment_does(checker, example):
    result = checker.check(example.comment)
    shown = result.verdicts
    assert {rule: shown[rule] for rule in example.expect} == example.expect
    reasons = " ".join(why for finding in result.flagged() for why in finding.why)
    for word in example.never:
        assert word not in reasons


def test_each_finding_says_whom_or_what_it_is_about(checker):
    """A moderator reads the reason, not only the verdict."""
    says = {
        "Gypsies shouldn't be allowed near our children": ("a call to exclude a group", "Gypsies"),
        "I know where you live and I'll be paying you a visit": ("a visit", "'you'"),
        "Someone should sort him out": ("'sort out'", "'him'"),
        "Councillor Smith is a lying toad": ("lying toad",),
    }
    for comment, parts in says.items():
        reasons = " ".join(why for finding in checker.check(comment).flagged() for why in finding.why)
        for part in parts:
            assert part in reasons, (comment, reasons)


# --- the second opinion ------------------------------------------------------

MISSED_BY_THE_RULES = "Raping a womn like you should not be illegal."  # HateCheck's spelling, no listed word


@pytest.fixture(scope="module")
def pack() -> dict:
    return build_rulepack(policy(), COUNCIL)


def test_the_model_asks_a_person_to_look_at_what_the_rules_miss(pack):
    alone = Checker(pack, second_opinion=False).check(MISSED_BY_THE_RULES)
    assert not alone.flagged()
    result = Checker(pack).check(MISSED_BY_THE_RULES)
    flagged = result.flagged()
    # Once, on the council's first rule about abuse, and never as "breaks".
    assert [(f.rule, f.verdict) for f in flagged] == [("abuse", MAY_BREAK)]
    (why,) = flagged[0].why
    assert why.startswith(model.SAYS) and why.endswith("a person decides")
    assert "'Raping' +" in why  # the words that pushed it, with their weights
    assert flagged[0].matches[0].text in MISSED_BY_THE_RULES


def test_the_model_is_silent_when_a_rule_already_found_something(pack):
    # A person looks already: at the swearing, or at the insult.
    for comment in ("you f***ing idiot", "I had to take my bitch to the vet today"):
        result = Checker(pack).check(comment)
        assert result.flagged()
        assert not any(why.startswith(model.SAYS) for f in result.findings for why in f.why)


def test_a_council_without_rules_on_abuse_never_asks_the_model(pack, monkeypatch):
    monkeypatch.setattr(engine, "model_opinion", lambda comment: pytest.fail("the model was asked"))
    only_swearing = {**pack, "rules": [r for r in pack["rules"] if r["id"] == "swearing"]}
    result = Checker(only_swearing).check(MISSED_BY_THE_RULES)
    assert result.verdicts == {"swearing": PASSES}


def test_an_innocent_mention_of_a_group_stays_clean_with_the_model(pack):
    checker = Checker(pack)
    for comment in ("Our gay councillor did a great job on the park",
                    "The Muslim community centre open day was lovely", "More disabled parking please"):
        assert not checker.check(comment).flagged(), comment


# --- the innocent, with every rule of every council ------------------------------

BENIGN = ROOT / "tests" / "data" / "benign_identity.txt"


def _names_a_protected_group(comment: str) -> bool:
    from houserules_checker.detectors import group_hate
    from houserules_checker.text import prepare
    keys = prepare(comment).words.keys
    return bool(group_hate._mentions(tuple(keys))) if not group_hate._ANCHOR_WORDS.isdisjoint(keys) else False


@pytest.mark.parametrize("slug", sorted(policy().councils))
def test_ordinary_comments_naming_a_group_break_no_rule_of_any_council(slug):
    """tests/data/benign_identity.txt through the whole checker, model included:
    nothing breaks; of the comments that name a protected group, at most 1 in
    100 may break. (The set also holds grumbles about kinds of people no law
    protects, "Landlords are parasites": those may break, for a person to judge.)"""
    checker = Checker(build_rulepack(policy(), slug))
    lines = [line for line in BENIGN.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = {line: checker.check(line) for line in lines}
    broken = {line: [f.why for f in r.flagged(BREAKS)] for line, r in results.items() if r.flagged(BREAKS)}
    assert not broken
    named = [line for line in lines if _names_a_protected_group(line)]
    may = {line: [f.why for f in results[line].flagged(MAY_BREAK)] for line in named if results[line].flagged()}
    assert len(named) >= 200
    assert len(may) <= len(named) // 100, may
