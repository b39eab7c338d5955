"""A rule's own patterns are matched against every comment, so a pattern that
can take more than linear time is refused: by `houserules validate` (exit 1,
one "file:line: field: message" line per problem, saying why), and by the
checker if a rule pack holds one anyway.

The guard reads the pattern as Python's parser does, not its text: an extra
group, `(?:...)`, `{1,}` for `+` or an atomic group hides nothing
(`((a+))+x` passed the old guard, and 26 a's then took 20 seconds).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from houserules.cli import main
from houserules.load import load_policy
from houserules.rulepack import build_rulepack
from houserules_checker import Checker, CheckError
from houserules_checker.regex_guard import problems

TESTSHIRE = """\
slug: testshire
name: Testshire District Council
short_name: Testshire
website: https://www.testshire.example.gov.uk

monitoring:
  days: [monday, tuesday, wednesday, thursday, friday]
  hours: {start: "09:00", end: "17:00"}
  outside_hours: not-monitored

responses:
  targets:
    - {id: reply, audience: public, what: reply to questions, within: {amount: 1, unit: working-day}}

rules:
  adopted:
    - rule: premium-rate
    - rule: spam

enforcement:
  steps:
    - actions: [hide-or-delete]

accessibility:
  compliance: partial
  prepared: "2026-11-01"
  reviewed: "2026-11-01"
  contact: Email accessibility@testshire.example.gov.uk to ask for another format.
"""

PATTERN_RULE = """\
id: premium-rate
title: No premium-rate numbers
summary: A premium-rate phone number
category: spam
wording: Do not post premium-rate phone numbers.
rationale: Calling a premium-rate number can cost a resident a lot of money.
check:
  kind: pattern
  patterns:
    - name: premium-rate-number
      regex: '\\b09\\d{2} ?\\d{3} ?\\d{4}\\b'
      why: A UK premium-rate number.
    - name: second
      regex: 'REGEX'
      why: The pattern under test.
examples:
  breaks:
    - "Ring 0906 123 4567 to win!"
    - "Call 0909 111 2222 now"
    - "Free advice on 0905 555 0000"
  passes:
    - "Is the tip open on Sunday?"
    - "Thanks for the update."
    - "Call the council on 0115 123 4567."
"""

NESTED = "nested quantifiers are not allowed (they can take exponential time)"
BACKREFERENCE = "backreferences are not allowed (they can take exponential time)"
TWO_WAYS = "can match the same text in more than one way"
EMPTY = "repeats something that can match nothing"
SQUARE = "grows with the square of the comment's length"
SHARING = "trying each way of sharing a long run"
WAYS = "ways of matching at every character of a comment"


@pytest.fixture(autouse=True)
def _in_project(project_root, monkeypatch):
    monkeypatch.chdir(project_root)  # the command finds the project from where it is run


@pytest.fixture()
def source(project_root, tmp_path) -> Path:
    """A small policies folder: Testshire, a pattern rule and the real spam rule, the real word lists."""
    policies = tmp_path / "policies"
    for folder in ("councils", "rules", "wordlists"):
        (policies / folder).mkdir(parents=True)
    (policies / "councils" / "testshire.yaml").write_text(TESTSHIRE, encoding="utf-8")
    shutil.copy(project_root / "policies" / "rules" / "spam.yaml", policies / "rules")
    for wordlist in (project_root / "policies" / "wordlists").glob("*.yaml"):
        shutil.copy(wordlist, policies / "wordlists")
    return policies


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _validate(capsys, source: Path, regex: str) -> tuple[int, list[str], str]:
    rule = source / "rules" / "premium-rate.yaml"
    rule.write_text(PATTERN_RULE.replace("REGEX", regex.replace("'", "''")), encoding="utf-8")
    line = next(n for n, text in enumerate(rule.read_text(encoding="utf-8").splitlines(), 1)
                if text.strip().startswith("regex:") and "REGEX" not in text and n > 12)
    code = main(["validate", "--policies", str(source)])
    out, err = capsys.readouterr()
    problems_said = [text for text in err.splitlines() if not text.startswith("warning: ")]
    return code, problems_said, f"{_shown(rule)}:{line}: check.patterns[1].regex: "


# What each kind of pattern is refused for: the README's examples, and ways of
# writing them that the old guard, reading the text, did not see.
REFUSED = [
    ("((a+))+x", NESTED),  # the pattern that passed the old guard
    ("(?:(?:a|b)+)*x", NESTED),
    ("(?:a{1,})+x", NESTED),
    ("((?:(a))+)+x", NESTED),
    ("(?:(?:(?:a+)))+x", NESTED),
    ("(?>a+)+x", NESTED),
    ("(a++)+x", NESTED),
    ("(a+){2,}x", NESTED),
    ("(x\\d{3} ?){2}", NESTED),  # bounded, but nested all the same (as the README says)
    ("(a*)*b", EMPTY),
    ("(a?)+b", EMPTY),
    ("(a|aa)+b", TWO_WAYS),
    ("(?:\\w|\\d\\d)+ ", TWO_WAYS),
    ("x(?:ab?)+b", TWO_WAYS),
    ("(\\w{1,9}) \\1", BACKREFERENCE),
    ("(?P<word>\\w{1,9}) (?P=word)", BACKREFERENCE),
    ("(free)?(?(1)cash|money)", BACKREFERENCE),
    ("\\d+x", SQUARE),
    ("\\s+$", SQUARE),
    ("(?=.*free)money", SQUARE),  # a lookahead that reads to the end from every character
    ("\\b[a-z0-9-]{2,}\\.com", SQUARE),
    (".{0,200}x", SQUARE),  # more than BIG counts as unbounded
    ("\\bfree.*money", SQUARE),
    ("free\\s*\\s*money", SHARING),
    ("free.*.*money", SHARING),
    (".{0,40}a.{0,40}b.{0,40}c", WAYS),
]


@pytest.mark.parametrize(("regex", "why"), REFUSED)
def test_the_guard_says_why_a_pattern_can_take_more_than_linear_time(regex, why):
    found = problems(regex)
    assert any(why in problem for problem in found), found


@pytest.mark.parametrize(("regex", "why"), [REFUSED[0], REFUSED[9], REFUSED[11], REFUSED[14], REFUSED[17],
                                            REFUSED[19], REFUSED[-1]])
def test_validate_refuses_a_pattern_that_can_take_more_than_linear_time(capsys, source, regex, why):
    code, said, where = _validate(capsys, source, regex)
    assert code == 1
    *lines, summary = said
    assert lines, said
    assert all(line.startswith(where) for line in lines), f"\n  got:  {lines}\n  want: {where}..."
    assert any(why in line for line in lines), lines
    # validate builds nothing
    assert summary == f"{len(lines)} problem{'s' if len(lines) != 1 else ''} in the policy source."


def test_the_message_says_which_part_and_why(capsys, source):
    code, said, where = _validate(capsys, source, "((a+))+x")
    assert said[0] == where + NESTED + ": a+ is repeated inside ((a+))+"


@pytest.mark.parametrize("regex", [
    "\\b09\\d{2} ?\\d{3} ?\\d{4}\\b",
    "weed(?!\\s*killer)",  # a repeat right after what it cannot match
    "\\bfree\\s+money\\b",
    "@[a-z]+\\.com",
    "^\\s*subscribe",
    "https?://\\S+",  # nothing after it can fail
    "\\b(selling|for sale)\\b.{0,30}\\b(stolen|nicked)\\b",
    "x(?:ab)+c",  # after what it cannot match
    "(?:a|b)+",
])
def test_validate_accepts_a_pattern_that_stays_linear(capsys, source, regex):
    assert problems(regex) == ()
    code, said, where = _validate(capsys, source, regex)
    # Its examples may not suit the pattern; the pattern itself is not the problem.
    assert not any(line.startswith(where) for line in said), said


def test_every_pattern_the_rules_have_today_is_accepted(project_root):
    found = []
    for path in [*(project_root / "policies" / "rules").glob("*.yaml"),
                 *(project_root / "policies" / "published" / "files").glob("*.yaml")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("regex:"):
                regex = line.split("regex:", 1)[1].strip()
                found.append(regex[1:-1].replace("''", "'") if regex[0] == "'" else regex)
    assert found
    assert {regex: problems(regex) for regex in found if problems(regex)} == {}


def test_the_checker_refuses_a_rule_pack_holding_such_a_pattern(project_root):
    """A rule pack not made by `validate` (edited, or made by hand) cannot bring one in either."""
    pack = build_rulepack(load_policy(project_root / "policies", prove=False), "ashfield")
    [rule] = [r for r in pack["rules"] if r["check"]["kind"] == "pattern"]
    Checker(pack)
    rule["check"]["patterns"][0]["regex"] = "((a+))+x"
    with pytest.raises(CheckError, match=re.escape(f"rule {rule['id']}: pattern ") + ".*" + re.escape(NESTED)):
        Checker(pack)
