"""What a council's web team meets when it starts a council or a rule: the
commands that write the starting files, the list of rules and check kinds,
the format reference, and a command line that finds its project from
anywhere."""

from __future__ import annotations

import dataclasses
import re

import pytest
import yaml

from houserules.build import build_sites
from houserules.cli import main
from houserules.commands.new_rule import rule_text
from houserules.formats import CHECK_KINDS, Council
from houserules.load import load_policy
from houserules.reference import reference_text


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- finding the project

def test_run_outside_a_project_it_says_so_and_how_to_name_one(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "validate")
    assert code == 2 and out == ""
    assert err.startswith(f"error: no houserules project in {tmp_path.resolve()} or any folder above it")
    assert "--project DIR" in err


def test_project_can_be_named_from_anywhere(project_root, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "--project", str(project_root), "rules")
    assert code == 0 and "swearing" in out
    code, out, _ = run(capsys, "rules", "--project", str(project_root))
    assert code == 0 and "swearing" in out


def test_a_folder_that_is_not_a_project_is_refused(tmp_path, capsys):
    code, _, err = run(capsys, "--project", str(tmp_path), "validate")
    assert code == 2 and "not a houserules project" in err


def test_commands_run_from_inside_the_project_find_it(project_root, monkeypatch, capsys):
    monkeypatch.chdir(project_root / "policies" / "rules")
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "post-in-english" in out


# ---------------------------------------------------------------- rules and kinds

def test_rules_lists_every_rule_and_every_check_kind(project_root, capsys):
    code, out, _ = run(capsys, "rules", "--project", str(project_root))
    assert code == 0
    policy = load_policy(project_root / "policies", prove=False)
    for rule_id, rule in policy.rules.items():
        assert re.search(rf"^  {re.escape(rule_id)}\s+{re.escape(rule.check.kind)}\s+{re.escape(rule.title)}",
                         out, re.M)
    for kind in CHECK_KINDS:
        assert re.search(rf"^  {kind}\s+\S", out, re.M), kind


def test_every_check_kind_has_a_starting_point_for_new_rules():
    from houserules_checker.kinds import KINDS
    for name, kind in KINDS.items():
        text = rule_text("x", name)
        assert f"kind: {name}" in text
        for option in kind.options.values():
            assert option.example, f"{name}: an option with no example for new rules"


# ---------------------------------------------------------------- a new rule

FILLED = {
    "title": "No premium-rate numbers",
    "summary": "A premium-rate phone number",
    "category": "spam",
    "wording": "Do not post premium-rate phone numbers.",
    "rationale": "Calling a premium-rate number can cost a resident a lot of money.",
}


@pytest.mark.slow  # builds sites
def test_a_new_rule_is_written_to_fill_in_and_then_adopted(project_root, policy_copy, tmp_path, capsys):
    code, out, _ = run(capsys, "new-rule", "no-premium-numbers", "--kind", "pattern", "--policies", str(policy_copy))
    assert code == 0 and "fill in" in out
    path = policy_copy / "rules" / "no-premium-numbers.yaml"
    # Swansea publishes in Welsh: the file says what adopting the rule there asks.
    assert "Councils publishing in Welsh (swansea)" in path.read_text(encoding="utf-8")
    # As written, it names every field still to fill in.
    code, _, err = run(capsys, "validate", "--policies", str(policy_copy))
    assert code == 1
    for field in ("title", "summary", "category", "wording", "rationale"):
        assert re.search(rf"no-premium-numbers\.yaml:\d+: {field}: missing required field", err), field
    # Filled in (keeping its comments), it validates: its examples are proved.
    text = path.read_text(encoding="utf-8")
    for field, value in FILLED.items():
        text = re.sub(rf"^{field}:.*$", f"{field}: {value}", text, flags=re.M)
    text = text.replace("    - name: ", "    - name: premium-rate-number").replace(
        "      regex: ", "      regex: '\\b09\\d{2} ?\\d{3} ?\\d{4}\\b'").replace(
        "      why: ", "      why: A UK premium-rate number.")
    text = re.sub(r"(?m)^(\s+)(regex|why|name): (\S.*?)\s+#.*$", r"\1\2: \3", text)
    text = text.replace("  breaks:\n    -\n", '  breaks:\n    - "Ring 0906 123 4567 to win!"\n'
                        '    - "Call 0909 111 2222 now"\n    - "Free advice on 0905 555 0000"\n')
    text = text.replace("  passes:\n    -\n", '  passes:\n    - "Call the council on 0115 123 4567."\n'
                        '    - "Is the tip open on Sunday?"\n    - "Thanks for the update."\n')
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "validate", "--policies", str(policy_copy))
    assert code == 0, err
    # Adopted by a council, it is on its pages.
    (policy_copy / "councils" / "lowland.yaml").write_text(
        "name: Lowland Council\nwebsite: https://www.lowland.example.gov.uk\n"
        "rules:\n  adopted:\n    - rule: no-premium-numbers\n", encoding="utf-8")
    out_dir = tmp_path / "site"
    build_sites(project_root, ["lowland"], policy=policy_copy, out=out_dir)
    page = (out_dir / "public" / "lowland" / "rules" / "index.html").read_text(encoding="utf-8")
    assert "Do not post premium-rate phone numbers." in page


def test_a_new_rule_refuses_an_unknown_kind_and_an_existing_id(policy_copy, capsys):
    code, _, err = run(capsys, "new-rule", "x-rule", "--kind", "wordlists", "--policies", str(policy_copy))
    assert code == 2 and "no check kind 'wordlists'; the kinds are: wordlist," in err
    code, _, err = run(capsys, "new-rule", "spam", "--kind", "pattern", "--policies", str(policy_copy))
    assert code == 2 and "spam.yaml already exists" in err


# ---------------------------------------------------------------- a new council

@pytest.mark.slow  # builds sites
def test_a_new_council_builds_as_written_and_explains_every_setting(project_root, policy_copy, tmp_path, capsys):
    code, out, _ = run(capsys, "new-council", "riverside", "--name", "Riverside Borough Council",
                       "--website", "https://www.riverside.example.gov.uk", "--rule", "swearing", "--rule", "spam",
                       "--policies", str(policy_copy))
    assert code == 0 and "houserules build riverside" in out
    path = policy_copy / "councils" / "riverside.yaml"
    text = path.read_text(encoding="utf-8")
    # Every setting of the format is in the file, as a key or explained in a comment.
    for field in dataclasses.fields(Council):
        assert re.search(rf"^#? ?{field.name}:", text, re.M), field.name
    assert "not stated" in text
    code, _, err = run(capsys, "validate", "--policies", str(policy_copy))
    assert code == 0
    assert "riverside.yaml" in err and "monitoring: not stated" in err
    council = yaml.safe_load(text)
    assert set(council) == {"slug", "name", "website", "rules"}
    out_dir = tmp_path / "site"
    build_sites(project_root, ["riverside"], policy=policy_copy, out=out_dir)
    assert (out_dir / "public" / "riverside" / "index.html").is_file()


def test_a_new_council_without_rules_says_to_adopt_one(policy_copy, capsys):
    code, out, _ = run(capsys, "new-council", "lowland", "--name", "Lowland Council",
                       "--website", "https://www.lowland.example.gov.uk", "--policies", str(policy_copy))
    assert code == 0 and "adopt at least one rule" in out
    code, _, err = run(capsys, "validate", "--policies", str(policy_copy))
    assert code == 1 and re.search(r"lowland\.yaml:\d+: rules\.adopted: missing required field", err)


def _uncommented(text: str) -> str:
    """The starter with every commented-out setting uncommented as it stands
    (its explanations stay comments: they start with a capital or a bracket)."""
    setting = re.compile(r"^# ( *)([a-z_]+:|- |#)|^#( {2,})\S")
    return "\n".join(line[2:] if setting.match(line) else line for line in text.split("\n"))


@pytest.mark.parametrize("languages", [["--name-cy", "Cyngor Sir Glan-yr-afon"], []], ids=["cy-en", "en"])
def test_a_new_council_uncommented_as_it_stands_is_refused_only_for_its_placeholder_addresses(
        policy_copy, capsys, languages):
    """A web team uncomments a setting and fills it in: the starter's shape is
    one the source accepts, in both languages where the council has both (a
    text in English alone would be refused on a bilingual council), and only
    the addresses a council must write itself ("https://...") are refused."""
    code, _, _ = run(capsys, "new-council", "glan-yr-afon", "--name", "Riverside County Council", *languages,
                     "--website", "https://www.glanyrafon.example.cymru", "--rule", "obscene",
                     "--policies", str(policy_copy))
    assert code == 0
    path = policy_copy / "councils" / "glan-yr-afon.yaml"
    path.write_text(_uncommented(path.read_text(encoding="utf-8")), encoding="utf-8")
    council = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert {"monitoring", "enforcement", "sections", "about", "contacts"} <= set(council)
    code, _, err = run(capsys, "validate", "--policies", str(policy_copy))
    problems = [line for line in err.splitlines() if line.startswith(str(path))]
    assert code == 1 and len(problems) == 2, err
    assert all("url: expected a full web address" in line for line in problems)
    if languages:
        assert council["about"]["cy"].startswith("Pam a sut") and council["sample"]["en"].startswith("What is")


@pytest.mark.parametrize("argv,message", [
    (["Riverside", "--name", "R", "--website", "https://r.example.gov.uk"], "lower-case letters"),
    (["riverside", "--name", "R", "--website", "www.r.gov.uk"], "--website: a full web address"),
    (["riverside", "--name", "R", "--website", "https://r.example.gov.uk", "--rule", "swaering"], "no rule 'swaering'"),
])
def test_a_new_council_refuses_bad_input(policy_copy, capsys, argv, message):
    code, _, err = run(capsys, "new-council", *argv, "--policies", str(policy_copy))
    assert code == 2 and message in err


# ---------------------------------------------------------------- the reference

def test_the_format_reference_is_current(project_root):
    committed = (project_root / "policies" / "FORMAT.md").read_text(encoding="utf-8")
    assert committed == reference_text(), "policies/FORMAT.md is out of date: run houserules reference"


def test_the_reference_documents_every_action_and_kind_with_its_wording(project_root):
    from houserules.wording import ACTIONS
    text = reference_text()
    for name, action in ACTIONS.items():
        assert f"| `{name}` | {action.does} |" in text
    for kind in CHECK_KINDS:
        assert f"| `{kind}` |" in text
    assert "not stated" in text


@pytest.mark.slow  # builds sites
def test_a_new_council_in_welsh_and_english_starts_with_both_names_and_builds_a_site_in_each(
        project_root, policy_copy, tmp_path, capsys):
    code, out, _ = run(capsys, "new-council", "glan-yr-afon", "--name", "Riverside County Council",
                       "--name-cy", "Cyngor Sir Glan-yr-afon", "--website", "https://www.glanyrafon.example.cymru",
                       "--rule", "swearing", "--policies", str(policy_copy))
    assert code == 0
    council = yaml.safe_load((policy_copy / "councils" / "glan-yr-afon.yaml").read_text(encoding="utf-8"))
    assert council["languages"] == ["cy", "en"]
    assert council["name"] == {"cy": "Cyngor Sir Glan-yr-afon", "en": "Riverside County Council"}
    code, _, err = run(capsys, "validate", "--policies", str(policy_copy))
    assert code == 0, err
    out_dir = tmp_path / "site"
    build_sites(project_root, ["glan-yr-afon"], policy=policy_copy, out=out_dir)
    for code in ("cy", "en"):
        assert (out_dir / "public" / "glan-yr-afon" / code / "index.html").is_file()
    assert "Cyngor Sir Glan-yr-afon" in (out_dir / "public" / "glan-yr-afon" / "cy" / "index.html").read_text()
