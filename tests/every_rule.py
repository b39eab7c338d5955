"""Every rule of the catalogue that the checker judges, in one council's rule
pack, and each rule's examples as the pages would check them: for the browser
test that checks them all on the trimmed standard library, and for the trace
that finds which modules that library needs (tests/benchmarks/trace_stdlib.py)."""

from __future__ import annotations

import json
from typing import NamedTuple

from houserules.load import Policy
from houserules.prove import EXAMPLE_PERIOD
from houserules.rulepack import build_rulepack, next_steps
from houserules.schema import as_data

COUNCIL = "ashfield"  # whose name, next steps and record the pack takes


class Case(NamedTuple):
    rule: str
    side: str
    text: str
    date: str
    reply_to: str
    earlier: str  # one a line, as the staff page sends them


def every_rule_pack(policy: Policy, slug: str = COUNCIL) -> dict:
    """The council's pack with every rule a program can judge in place of its
    own, in an election period that never ends (the examples of party-political
    rules are comments made in one)."""
    pack = build_rulepack(policy, slug)
    enforcement = policy.councils[slug].enforcement
    rules = []
    for rule in sorted(policy.rules.values(), key=lambda r: r.id):
        if rule.check.kind == "human":
            continue
        at_once, steps, ordered = next_steps(enforcement, rule)
        rules.append({"id": rule.id, "title": rule.title, "summary": rule.summary, "category": rule.category,
                      "wording": " ".join(rule.wording.split()), "check": as_data(rule.check),
                      "at_once": at_once, "next_steps": steps, "next_steps_in_order": ordered})
    return {**pack, "rules": rules, "pre_election": [EXAMPLE_PERIOD]}


def cases(policy: Policy) -> list[Case]:
    """Every example of every rule the checker judges."""
    out = []
    for rule in sorted(policy.rules.values(), key=lambda r: r.id):
        if rule.check.kind == "human":
            continue
        for side in ("breaks", "passes"):
            for example in getattr(rule.examples, side):
                out.append(Case(rule.id, side, example.text, example.date.isoformat() if example.date else "",
                                example.reply_to or "", "\n".join(example.earlier)))
    return out


def verdicts(result_json: str) -> dict[str, str]:
    """{rule: verdict} of a Session.check result, as the page lists them."""
    result = json.loads(result_json)
    shown = {}
    for key, verdict in (("needs_person", "needs-person"), ("may_break", "may-break"), ("breaks", "breaks")):
        for finding in result[key]:
            shown[finding["rule"]] = verdict
    return shown
