"""The engine as the page on a council's site calls it (same code as in
Pyodide, run here in CPython): JSON in, JSON out, the comment only ever text."""

from __future__ import annotations

import json
from pathlib import Path

from source import policy
from houserules.rulepack import build_rulepack, dumps
from houserules_checker.browser import Session

ROOT = Path(__file__).resolve().parent.parent
POLICY = policy()


def session(slug="ashfield") -> Session:
    return Session(dumps(build_rulepack(POLICY, slug)))


def test_pieces_put_the_comment_back_together_with_the_matches_highlighted():
    text = "You are a total idiot 😀 and this is shit"
    view = json.loads(session().check(text, "2026-11-21"))
    assert "".join(p["text"] for p in view["pieces"]) == text
    marked = [p for p in view["pieces"] if "verdict" in p]
    assert {p["text"] for p in marked} >= {"idiot", "shit"}
    assert {r["rule"] for r in view["breaks"]} >= {"swearing", "abuse"}
    assert view["next_steps"] and view["council"] == "Ashfield District Council"


def test_markup_is_returned_as_text_never_as_markup_of_ours():
    text = '<img src=x onerror=alert(1)></textarea><script>alert(1)</script>'
    view = json.loads(session().check(text, "2026-11-21"))
    assert "".join(p["text"] for p in view["pieces"]) == text
    assert all(set(p) <= {"text", "verdict", "rules"} for p in view["pieces"])


def test_rules_no_program_can_judge_are_listed_as_needing_a_person():
    view = json.loads(session().check("The bins were late again.", "2026-11-21"))
    assert not view["breaks"] and not view["may_break"]
    assert {r["rule"] for r in view["needs_person"]} >= {"misinformation", "harassment"}


def test_staff_get_the_record_the_policy_requires():
    account = json.dumps({"author": "Jo Bloggs", "handle": "@jo", "platform": "Facebook"})
    view = json.loads(session().check("You are a useless idiot", "2026-03-02", account=account))
    record = view["record"]["fields"]
    assert record["name"] == "Jo Bloggs" and record["handle"] == "@jo" and record["date"] == "2026-03-02"
    assert record["post"] == "You are a useless idiot" and "abuse" in record["rules"]
    assert record["policy_version"] == "current"
    assert "Account name: Jo Bloggs" in view["record"]["text"]


def test_pre_election_rules_follow_the_date_given():
    pack = build_rulepack(POLICY, "nottinghamshire")
    period = pack["pre_election"][0]
    s = Session(dumps(pack))
    during = json.loads(s.check("Vote Labour on Thursday!", period["end"]))
    before = json.loads(s.check("Vote Labour on Thursday!", "2020-01-01"))
    assert during["pre_election"] and "party-political" in {r["rule"] for r in during["breaks"]}
    assert before["pre_election"] is None and "party-political" not in {r["rule"] for r in before["breaks"]}


def test_a_bad_date_is_a_clear_error():
    assert "YYYY-MM-DD" in json.loads(session().check("hello", "21/11/2026"))["error"]
