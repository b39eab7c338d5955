"""Bad policy source, as an author would meet it on the command line.

Every mistake must stop `houserules validate` and `houserules build` with exit
code 1 and one "file:line: field: message" line per problem on stderr, and a
build must leave the sites already in the out folder exactly as they were.

Each test starts from a small valid source (a council, Testshire, with three
of the real rules and a short word list) and breaks it in one way.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from houserules.cli import main
from houserules.load import load_policy

TESTSHIRE = """\
# Testshire District Council: a small valid council each test breaks in one way.
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
    - rule: spam
    - rule: off-topic
      wording: Keep to the subject of the post.

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
examples:
  breaks:
    - "Ring 0906 123 4567 to win!"
    - "Call 0909 111 2222 now"
    - "Free advice on 0905 555 0000"
  passes:
    - "Call the council on 0115 123 4567."
    - "Is the tip open on Sunday?"
    - "Thanks for the update."
"""

WORDLIST = """\
id: local
title: Local insults
source:
  title: Testshire moderators' list
  publisher: Testshire District Council
  via: written for these tests
  licence: CC0-1.0
entries:
  - {term: "numpty", category: general, severity: 1}
  - {term: "plonker", category: general, severity: 1}
"""


# ---------------------------------------------------------------- helpers

@pytest.fixture(autouse=True)
def _in_project(project_root, monkeypatch):
    # The command finds the project (mkdocs.yml, site_src/) from where it is run.
    monkeypatch.chdir(project_root)


@pytest.fixture()
def source(project_root, tmp_path) -> Path:
    """A small policies folder: Testshire, the three real rules it adopts, a
    short word list of its own and the real ones."""
    policies = tmp_path / "policies"
    for folder in ("councils", "rules", "wordlists"):
        (policies / folder).mkdir(parents=True)
    (policies / "councils" / "testshire.yaml").write_text(TESTSHIRE, encoding="utf-8")
    for rule in ("spam", "off-topic", "abuse"):
        shutil.copy(project_root / "policies" / "rules" / f"{rule}.yaml", policies / "rules")
    (policies / "wordlists" / "local.yaml").write_text(WORDLIST, encoding="utf-8")
    # The real lists too: the rules' examples are proved against them on every load.
    for wordlist in (project_root / "policies" / "wordlists").glob("*.yaml"):
        shutil.copy(wordlist, policies / "wordlists")
    return policies


@pytest.fixture()
def previous_site(tmp_path) -> Path:
    """An out folder holding the sites from an earlier build."""
    out = tmp_path / "site"
    for audience in ("public", "staff"):
        for slug in ("ashfield", "testshire"):
            page = out / audience / slug / "index.html"
            page.parent.mkdir(parents=True)
            page.write_text(f"<h1>{slug}: the {audience} site as built yesterday</h1>\n", encoding="utf-8")
    return out


def shown(path: Path) -> str:
    """A path as the messages show it: relative to the current folder when under it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    """The 1-based number of the line holding the n-th occurrence of `needle`."""
    hits = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    assert len(hits) >= occurrence, f"{needle!r} not in {path}"
    return hits[occurrence - 1]


def edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {path} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder` (hidden ones too), files by content hash."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
            for p in sorted(folder.rglob("*"))}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def errors(stderr: str) -> str:
    """What stderr says besides warnings (settings not stated are warned of, not errors)."""
    return "".join(line + "\n" for line in stderr.splitlines() if not line.startswith("warning: "))


def assert_rejected(capsys, policies: Path, out: Path, expected: list[str]) -> None:
    """`validate` and `build` both exit 1 listing exactly the `expected` problems
    (each line starts with one of them, in file and line order), and the build
    leaves `out` as it was."""
    before = snapshot(out)
    for argv in (["validate", "--policies", str(policies)],
                 ["build", "--policies", str(policies), "--out", str(out)],
                 ["build", "testshire", "--policies", str(policies), "--out", str(out)]):
        code, stdout, stderr = run(capsys, *argv)
        assert code == 1, f"{argv[0]} exited {code}\n{stderr}"
        assert stdout == ""
        *problems, summary = stderr.splitlines()
        assert len(problems) == len(expected), stderr
        for line, wanted in zip(problems, expected):
            assert line.startswith(wanted), f"\n  got:  {line}\n  want: {wanted}..."
        count = len(expected)
        # validate only looks; build says what it did not do.
        assert summary == (f"{count} problem{'s' if count != 1 else ''} in the policy source"
                           + ("." if argv[0] == "validate" else "; nothing was built."))
    assert snapshot(out) == before, "a failed build changed the out folder"
    assert not list(out.glob(".staging-*"))
    fresh = out.parent / "fresh-site"
    assert main(["build", "--policies", str(policies), "--out", str(fresh)]) == 1
    capsys.readouterr()
    assert not fresh.exists(), "a failed build created its out folder"


# ---------------------------------------------------------------- councils

def test_unknown_key_names_file_line_key_and_close_match(capsys, source, previous_site):
    council = edit(source / "councils" / "testshire.yaml", "website: https://www.testshire.example.gov.uk\n",
                   "website: https://www.testshire.example.gov.uk\n"
                   "platform:\n  - {platform: facebook, handle: TestshireDC}\n")
    assert_rejected(capsys, source, previous_site, [
        f"{shown(council)}:{line_of(council, 'platform:')}: platform: unknown key in council "
        "(did you mean 'platforms'?)",
    ])


def test_missing_required_field(capsys, source, previous_site):
    council = edit(source / "councils" / "testshire.yaml", 'hours: {start: "09:00", end: "17:00"}',
                   'hours: {start: "09:00"}')
    # Reported at the start of the mapping it is missing from.
    assert_rejected(capsys, source, previous_site, [
        f"{shown(council)}:{line_of(council, '  hours:')}: monitoring.hours.end: "
        "missing required field in hours",
    ])


def test_unknown_rule_id_is_named_with_a_suggestion(capsys, source, previous_site):
    council = edit(source / "councils" / "testshire.yaml", "    - rule: spam\n", "    - rule: spma\n")
    assert_rejected(capsys, source, previous_site, [
        f"{shown(council)}:{line_of(council, '- rule: spma')}: rules.adopted[0].rule: "
        "unknown rule id 'spma' (did you mean 'spam'?)",
    ])


def test_rule_adopted_twice_names_both_lines(capsys, source, previous_site):
    council = edit(source / "councils" / "testshire.yaml", "      wording: Keep to the subject of the post.\n",
                   "      wording: Keep to the subject of the post.\n"
                   "    - heading: Abuse\n"
                   "      adopted:\n"
                   "        - rules: [abuse, spam]\n")
    assert_rejected(capsys, source, previous_site, [
        f"{shown(council)}:{line_of(council, '- rules: [abuse, spam]')}: rules.adopted: "
        f"duplicate rule id 'spam' (already adopted at line {line_of(council, '- rule: spam')})",
    ])


def test_adopted_entries_of_the_wrong_shape_are_reported_not_crashed_on(capsys, source, previous_site):
    # A bare id instead of `rule: id`, and an entry with wording but no rule.
    council = edit(source / "councils" / "testshire.yaml", "    - rule: spam\n",
                   "    - spam\n    - wording: Be kind.\n")
    assert_rejected(capsys, source, previous_site, [
        f"{shown(council)}:{line_of(council, '- spam')}: rules.adopted[0]: "
        "expected a mapping (adopted rule) (got text: 'spam')",
        f"{shown(council)}:{line_of(council, '- wording: Be kind.')}: rules.adopted[1]: "
        "give exactly one of 'rule' (one id) or 'rules' (a list of ids)",
    ])


def test_impossible_time(capsys, source, previous_site):
    council = edit(source / "councils" / "testshire.yaml", 'start: "09:00"', 'start: "25:00"')
    assert_rejected(capsys, source, previous_site, [
        f"{shown(council)}:{line_of(council, 'hours:')}: monitoring.hours.start: impossible time '25:00'",
    ])


def test_hours_ending_before_they_start(capsys, source, previous_site):
    council = edit(source / "councils" / "testshire.yaml", 'hours: {start: "09:00", end: "17:00"}',
                   'hours:\n    start: "18:00"\n    end: "08:30"')
    assert_rejected(capsys, source, previous_site, [
        f"{shown(council)}:{line_of(council, 'end: \"08:30\"')}: monitoring.hours.end: "
        "must be later than start (18:00)",
    ])


def test_impossible_date_quoted_or_not(capsys, source, previous_site):
    council = source / "councils" / "testshire.yaml"
    edit(council, 'prepared: "2026-11-01"', 'prepared: "2026-02-30"')
    edit(council, 'reviewed: "2026-11-01"', "reviewed: 2026-02-31")
    assert_rejected(capsys, source, previous_site, [
        f"{shown(council)}:{line_of(council, 'prepared:')}: accessibility.prepared: impossible date '2026-02-30'",
        f"{shown(council)}:{line_of(council, 'reviewed:')}: accessibility.reviewed: impossible date '2026-02-31'",
    ])


def test_no_for_a_true_false_setting_is_text_not_false(capsys, source, previous_site):
    # YAML 1.1 would read `no` as false; here it stays the word, and a
    # true/false setting says so instead of guessing.
    council = edit(source / "councils" / "testshire.yaml", "rules:\n",
                   "endorsement:\n"
                   "  following_is_endorsement: no\n"
                   "  sharing_is_endorsement: false\n"
                   "  wording: Following an account is not an endorsement.\n\n"
                   "rules:\n")
    assert_rejected(capsys, source, previous_site, [
        f"{shown(council)}:{line_of(council, 'following_is_endorsement')}: "
        "endorsement.following_is_endorsement: expected true or false (got text: 'no')",
    ])


def test_three_mistakes_in_one_file_are_all_reported(capsys, source, previous_site):
    council = source / "councils" / "testshire.yaml"
    edit(council, "short_name: Testshire\n", "short_name: Testshire\nwebsit: https://testshire.example.org\n")
    edit(council, 'end: "17:00"', 'end: "17:75"')
    edit(council, "    - rule: off-topic\n", "    - rule: of-topic\n")
    assert_rejected(capsys, source, previous_site, [
        f"{shown(council)}:{line_of(council, 'websit:')}: websit: unknown key in council (did you mean 'website'?)",
        f"{shown(council)}:{line_of(council, 'hours:')}: monitoring.hours.end: impossible time '17:75'",
        f"{shown(council)}:{line_of(council, 'of-topic')}: rules.adopted[1].rule: "
        "unknown rule id 'of-topic' (did you mean 'off-topic'?)",
    ])


def test_council_file_saved_as_yml_is_not_silently_skipped(capsys, source, previous_site):
    council = source / "councils" / "testshire.yaml"
    council = council.rename(council.with_suffix(".yml"))
    assert_rejected(capsys, source, previous_site, [
        f"{shown(council)}: not read: rename it to testshire.yaml",
    ])


# ---------------------------------------------------------------- YAML itself

def test_invalid_yaml_names_the_line(capsys, source, previous_site):
    council = edit(source / "councils" / "testshire.yaml", "short_name: Testshire\n",
                   "short_name: Testshire: the district\n")
    assert_rejected(capsys, source, previous_site, [
        f"{shown(council)}:{line_of(council, 'short_name:')}: invalid YAML: mapping values are not allowed here",
    ])


def test_duplicate_yaml_key_names_both_lines(capsys, source, previous_site):
    council = edit(source / "councils" / "testshire.yaml", "short_name: Testshire\n",
                   "short_name: Testshire\nname: Testshire Council\n")
    assert_rejected(capsys, source, previous_site, [
        f"{shown(council)}:{line_of(council, 'name: Testshire Council')}: name: "
        f"duplicate key 'name' (first at line {line_of(council, 'name: Testshire District Council')})",
    ])


def test_unquoted_time_is_read_as_the_time_written(capsys, source):
    # YAML 1.1 reads 09:00 as the sexagesimal number 540.
    edit(source / "councils" / "testshire.yaml", 'hours: {start: "09:00", end: "17:00"}',
         "hours: {start: 09:00, end: 17:30}")
    code, stdout, stderr = run(capsys, "validate", "--policies", str(source))
    assert (code, errors(stderr)) == (0, "")
    assert "all valid" in stdout
    hours = load_policy(source).councils["testshire"].monitoring.hours
    assert (hours.start, hours.end) == ("09:00", "17:30")


def test_yes_and_no_stay_words(capsys, source):
    # Residents' comments "yes" and "no" are text, not true and false.
    (source / "rules" / "be-kind.yaml").write_text(
        "id: be-kind\n"
        "title: Be kind\n"
        "summary: Unkind to another commenter\n"
        "category: conduct\n"
        "wording: Be kind to each other.\n"
        "rationale: Everyone should feel able to take part.\n"
        "check: {kind: human, reason: Only a person can tell unkindness from bluntness.}\n"
        "examples:\n"
        "  breaks: [You would say that, wouldn't you.]\n"
        "  passes: [yes, no, Yes please, on]\n", encoding="utf-8")
    code, stdout, stderr = run(capsys, "validate", "--policies", str(source))
    assert (code, errors(stderr)) == (0, "")
    assert [e.text for e in load_policy(source).rules["be-kind"].examples.passes] == ["yes", "no", "Yes please", "on"]


# ---------------------------------------------------------------- rules and word lists

def test_a_rules_examples_in_welsh_come_of_both_kinds_and_do_not_make_up_the_english(capsys, source):
    # Three in English are still needed; Welsh ones only in "breaks" would
    # show a Welsh reader what breaks the rule and nothing of what passes.
    rule = source / "rules" / "premium-rate.yaml"
    rule.write_text(PATTERN_RULE.replace('    - "Free advice on 0905 555 0000"\n',
                                         '    - {text: "Cyngor am ddim ar 0905 555 0000", language: cy}\n'),
                    encoding="utf-8")
    code, stdout, stderr = run(capsys, "validate", "--policies", str(source))
    line = line_of(rule, "examples:")
    assert code == 1 and errors(stderr).splitlines()[:2] == [
        f"{shown(rule)}:{line}: examples.breaks: a rule the checker judges needs at least 3 examples of each kind "
        "in English",
        f"{shown(rule)}:{line}: examples.passes: the examples in Welsh need at least one of each kind (breaks and "
        "passes), as its readers see both"], stderr
    welsh_breaks = '    - {text: "Cyngor am ddim ar 0905 555 0000", language: cy}\n'
    welsh_passes = '    - {text: "Ffoniwch y cyngor ar 01792 636000.", language: cy}\n'
    rule.write_text(PATTERN_RULE.replace("  passes:\n", welsh_breaks + "  passes:\n" + welsh_passes), encoding="utf-8")
    code, stdout, stderr = run(capsys, "validate", "--policies", str(source))
    assert (code, errors(stderr)) == (0, ""), stderr
    examples = load_policy(source).rules["premium-rate"].examples
    welsh = [e.text for e in (*examples.breaks, *examples.passes) if e.language == "cy"]
    assert welsh == ["Cyngor am ddim ar 0905 555 0000", "Ffoniwch y cyngor ar 01792 636000."]
    # A language is named by its code, as a page's lang attribute needs it.
    rule.write_text(rule.read_text(encoding="utf-8").replace("language: cy}\n  passes:", "language: Welsh}\n  passes:"),
                    encoding="utf-8")
    code, stdout, stderr = run(capsys, "validate", "--policies", str(source))
    assert code == 1 and "examples.breaks[3].language: expected a language's code of two or three letters" in stderr


def test_two_rule_files_claiming_one_id(capsys, source, previous_site):
    # A rule's id is its file name, so two files can never both define one id:
    # the copy is the one reported, and the original still loads.
    copy = source / "rules" / "spam-again.yaml"
    copy.write_text((source / "rules" / "spam.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert_rejected(capsys, source, previous_site, [
        f"{shown(copy)}:{line_of(copy, 'id: spam')}: id: 'spam' must equal the file name 'spam-again'",
    ])


def test_bad_regex_in_a_pattern_check(capsys, source, previous_site):
    rule = source / "rules" / "premium-rate.yaml"
    rule.write_text(PATTERN_RULE.replace("'\\b09\\d{2}", "'(\\b09\\d{2}"), encoding="utf-8")
    assert_rejected(capsys, source, previous_site, [
        f"{shown(rule)}:{line_of(rule, 'regex:')}: check.patterns[0].regex: "
        "invalid regular expression: missing ), unterminated subpattern",
    ])


def test_good_regex_in_a_pattern_check_is_accepted(capsys, source):
    (source / "rules" / "premium-rate.yaml").write_text(PATTERN_RULE, encoding="utf-8")
    code, stdout, stderr = run(capsys, "validate", "--policies", str(source))
    assert (code, errors(stderr)) == (0, "")


def test_word_list_severity_out_of_range(capsys, source, previous_site):
    wordlist = edit(source / "wordlists" / "local.yaml", '"plonker", category: general, severity: 1',
                    '"plonker", category: general, severity: 7')
    assert_rejected(capsys, source, previous_site, [
        f"{shown(wordlist)}:{line_of(wordlist, 'plonker')}: entries[1].severity: "
        "must be between 1 and 4 (got a whole number: 7)",
    ])


def test_an_innocent_phrase_without_its_entrys_word_is_refused(capsys, source, previous_site):
    # The checker looks for the phrase around the word: one without it would never be found.
    wordlist = edit(source / "wordlists" / "local.yaml", '"plonker", category: general, severity: 1',
                    '"plonker", category: general, severity: 1,\n     innocent_in: ["plonk her down"]')
    assert_rejected(capsys, source, previous_site, [
        f"{shown(wordlist)}:{line_of(wordlist, 'plonk her down')}: entries[1].innocent_in[0]: "
        "'plonk her down' does not hold the entry's term 'plonker' as a word",
    ])


def test_problems_in_several_files_are_reported_together(capsys, source, previous_site):
    council = edit(source / "councils" / "testshire.yaml", 'start: "09:00"', 'start: "9am"')
    wordlist = edit(source / "wordlists" / "local.yaml", '"numpty", category: general, severity: 1',
                    '"numpty", category: general, severity: 0')
    assert_rejected(capsys, source, previous_site, [
        f"{shown(council)}:{line_of(council, 'hours:')}: monitoring.hours.start: "
        "expected a time written \"HH:MM\" (24-hour, in quotes) (got text: '9am')",
        f"{shown(wordlist)}:{line_of(wordlist, 'numpty')}: entries[0].severity: must be between 1 and 4",
    ])


def test_installed_command_exits_1_with_the_problems_on_stderr(project_root, source):
    council = edit(source / "councils" / "testshire.yaml", 'start: "09:00"', 'start: "25:00"')
    command = Path(sys.executable).parent / "houserules"
    result = subprocess.run([str(command), "validate", "--policies", str(council.parent.parent)],
                            cwd=project_root, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"{shown(council)}:{line_of(council, 'hours:')}: monitoring.hours.start: "
                                    "impossible time '25:00'\n")


def test_an_unquoted_colon_says_to_quote_the_text(capsys, source, previous_site):
    council = edit(source / "councils" / "testshire.yaml", "short_name: Testshire\n",
                   "short_name: Testshire: the district\n")
    code, _, stderr = run(capsys, "validate", "--policies", str(source))
    assert code != 0
    assert f"{shown(council)}:{line_of(council, 'short_name:')}:" in stderr
    assert "must be in quotes" in stderr
