"""Every rule's examples are tests (as in Ruff): each "breaks" example is
flagged by the checker for that rule, and each "passes" example is not.

A rule whose check can at most say "may break" (an accusation, an off-topic
reply) is flagged with "may-break"; every other check with "breaks".
"""

from __future__ import annotations

import pytest

from source import policy
from houserules.prove import expected_verdict, rule_checkers
from houserules_checker import BREAKS, MAY_BREAK
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

POLICY = policy()
# One lexicon for all the examples: building it is most of a checker's making.
CHECKERS = rule_checkers(POLICY)


CASES = [(rule_id, side, n, example)
         for rule_id, rule in sorted(POLICY.rules.items()) if rule.check.kind != "human"
         for side in ("breaks", "passes")
         for n, example in enumerate(getattr(rule.examples, side))]


@pytest.mark.parametrize("rule_id,side,n,example", CASES,
                         ids=[f"{r}-{s}-{n}" for r, s, n, _ in CASES])
def test_rule_example(rule_id, side, n, example):
    checker = CHECKERS[rule_id]
    result = checker.check(example.text, reply_to=example.reply_to, earlier=example.earlier,
                           date=example.date)
    finding = result.findings[0]
    if side == "breaks":
        expected = expected_verdict(POLICY.rules[rule_id])
        assert finding.verdict == expected, f"{example.text!r}: {finding.verdict} ({finding.why})"
        assert finding.matches and finding.why
    else:
        assert finding.verdict not in (BREAKS, MAY_BREAK), \
            (f"{example.text!r} should pass {rule_id}: "
             f"{finding.verdict} {[m.text for m in finding.matches]} {finding.why}")


def test_an_example_the_checker_disagrees_with_stops_the_build(policy_copy, capsys):
    from houserules.cli import main

    rule = policy_copy / "rules" / "swearing.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace(
        "  passes:\n", "  passes:\n    - \"Well that was a shit show.\"\n", 1), encoding="utf-8")
    code = main(["validate", "--policies", str(policy_copy)])
    err = capsys.readouterr().err
    assert code == 1
    line = next(n for n, text in enumerate(rule.read_text().splitlines(), 1) if "shit show" in text)
    assert f"swearing.yaml:{line}: examples.passes[0]: the checker says breaks" in err, err
