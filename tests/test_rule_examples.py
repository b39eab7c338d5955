"""Every rule's examples are tests (as in Ruff): each "breaks" example is
flagged by the checker for that rule, and each "passes" example is not.

A rule whose check can at most say "may break" (an accusation, an off-topic
reply) is flagged with "may-break"; every other check with "breaks".
"""

from __future__ import annotations

import pytest

from houserules.load import load_policy
from houserules.rulepack import build_rulepack
from houserules_checker import BREAKS, MAY_BREAK, Checker
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

POLICY = load_policy(ROOT / "policies")
AT_MOST_MAY_BREAK = {"accusation", "relevance"}


def _checker_for(rule_id: str) -> Checker:
    """A pack holding just this rule, with a pre-election period for the political examples."""
    pack = build_rulepack(POLICY, next(iter(POLICY.councils)))
    rule = POLICY.rules[rule_id]
    pack["rules"] = [{"id": rule_id, "title": rule["title"], "summary": rule["summary"],
                      "category": rule["category"], "wording": rule["wording"], "check": rule["check"]}]
    # The political examples are dated inside this period.
    pack["pre_election"] = [{"election": "example election", "start": "2027-03-25", "end": "2027-05-06"}]
    return Checker(pack)


CASES = [(rule_id, side, n, example)
         for rule_id, rule in sorted(POLICY.rules.items()) if rule["check"]["kind"] != "human"
         for side in ("breaks", "passes")
         for n, example in enumerate(rule["examples"][side])]


@pytest.mark.parametrize("rule_id,side,n,example", CASES,
                         ids=[f"{r}-{s}-{n}" for r, s, n, _ in CASES])
def test_rule_example(rule_id, side, n, example):
    checker = _checker_for(rule_id)
    result = checker.check(example["text"], reply_to=example["reply_to"], earlier=example["earlier"],
                           date=example["date"])
    finding = result.findings[0]
    if side == "breaks":
        expected = MAY_BREAK if POLICY.rules[rule_id]["check"]["kind"] in AT_MOST_MAY_BREAK else BREAKS
        assert finding.verdict == expected, f"{example['text']!r}: {finding.verdict} ({finding.why})"
        assert finding.matches and finding.why
    else:
        assert finding.verdict not in (BREAKS, MAY_BREAK), \
            f"{example['text']!r} should pass {rule_id}: {finding.verdict} {[m.text for m in finding.matches]} {finding.why}"
