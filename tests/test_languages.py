"""A council that publishes in Welsh and English writes each of its texts in
both, in one file; what is in one language only is named by file, line and
field, so no Welsh page would have to show English words in its place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from houserules.cli import main
from houserules.errors import PolicyError
from houserules.languages import Translated, localise, names
from houserules.load import load_policy

# Llan-y-môr (made up): every text of its own in Welsh and English.
BILINGUAL = """\
slug: llan-y-mor
languages: [cy, en]
name: {cy: Cyngor Llan-y-môr, en: Llan-y-môr Council}
website: {cy: "https://www.llanymor.example.cymru", en: "https://www.llanymor.example.wales"}
about:
  cy: Rydym yn croesawu eich sylwadau ar ein tudalennau.
  en: We welcome your comments on our pages.
platforms:
  - platform: facebook
    handle: "@LlanymorCyngor"
    url: https://www.facebook.com/llanymor
rules:
  intro:
    cy: "Rydym yn dileu sylwadau sydd:"
    en: "We remove comments that are:"
  adopted:
    - rule: swearing
      wording: {cy: yn cynnwys iaith anweddus, en: offensive in their language}
"""


def _write(policies: Path, council: str = BILINGUAL, *, welsh_rule: bool = True) -> Path:
    path = policies / "councils" / "llan-y-mor.yaml"
    path.write_text(council, encoding="utf-8")
    if not welsh_rule:
        _english_only(policies / "rules" / "swearing.yaml")
    return path


def _english_only(rule: Path) -> None:
    """The rule's texts in English alone, as the catalogue had them before it
    was given in Welsh: each `cy:` taken out, its `en:` left."""
    text = rule.read_text(encoding="utf-8")
    text = re.sub(r"^  cy: \|\n(?:(?:    .*)?\n)*", "", text, flags=re.M)  # the rationale's
    text, count = re.subn(r"^  cy: .*\n", "", text, flags=re.M)
    assert count == 3 and "cy:" not in text, text  # title, summary, wording
    rule.write_text(text, encoding="utf-8")


def _problems(policies: Path) -> list[str]:
    with pytest.raises(PolicyError) as caught:
        load_policy(policies, prove=False)
    # Named from the policies folder on, as a council's editor sees them.
    return [re.sub(r"^.*?(?=policies/)", "", str(p)) for p in caught.value.problems]


def test_a_bilingual_council_reads_in_each_of_its_languages(policy_copy):
    _write(policy_copy)
    council = load_policy(policy_copy, prove=False).councils["llan-y-mor"]
    assert council.languages == ("cy", "en")
    assert isinstance(council.name, Translated) and council.name == "Cyngor Llan-y-môr"  # its first language
    welsh, english = localise(council, "cy"), localise(council, "en")
    assert (welsh.name, english.name) == ("Cyngor Llan-y-môr", "Llan-y-môr Council")
    assert welsh.website.endswith(".cymru") and english.website.endswith(".wales")
    assert welsh.rules.entries[0].wording == "yn cynnwys iaith anweddus"
    assert english.rules.intro == "We remove comments that are:"
    # What is the same in every language is written once.
    assert welsh.platforms[0].handle == english.platforms[0].handle == "@LlanymorCyngor"
    # Nothing of the other language is left in either.
    assert not any(isinstance(v, Translated) for v in _strings(welsh) + _strings(english))
    assert "Rydym" not in " ".join(_strings(english)) and "We remove" not in " ".join(_strings(welsh))


def _strings(value) -> list[str]:
    import dataclasses

    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value):
        return [s for f in dataclasses.fields(value) for s in _strings(getattr(value, f.name))]
    if isinstance(value, tuple):
        return [s for v in value for s in _strings(v)]
    if hasattr(value, "values"):
        return [s for v in value.values() for s in _strings(v)]
    return []


def test_a_text_in_one_language_only_is_named_by_file_line_and_field(policy_copy):
    _write(policy_copy, BILINGUAL.replace("about:\n  cy: Rydym yn croesawu eich sylwadau ar ein tudalennau.\n"
                                          "  en: We welcome your comments on our pages.\n",
                                          "about: We welcome your comments on our pages.\n"))
    problems = _problems(policy_copy)
    assert problems == ["policies/councils/llan-y-mor.yaml:5: about: in one language only: the council publishes "
                        "in Welsh and English, so give this text in each, as {cy: ..., en: ...}"], problems


def test_a_missing_welsh_text_is_named_at_its_line(policy_copy):
    _write(policy_copy, BILINGUAL.replace("      wording: {cy: yn cynnwys iaith anweddus, en: offensive in their "
                                          "language}", "      wording: {en: offensive in their language}"))
    (problem,) = _problems(policy_copy)
    assert problem.startswith("policies/councils/llan-y-mor.yaml:18: rules.adopted[0].wording.cy: missing: "
                              "the text in Welsh"), problem


def test_an_empty_translation_or_an_unknown_language_is_refused(policy_copy):
    _write(policy_copy, BILINGUAL.replace("name: {cy: Cyngor Llan-y-môr, en: Llan-y-môr Council}",
                                          "name: {cy: '', en: Llan-y-môr Council, ga: Comhairle}"))
    problems = _problems(policy_copy)
    assert any(":3: name.cy: no text in Welsh" in p for p in problems), problems
    assert any(":3: name.ga: unknown language 'ga' (known: en, cy)" in p for p in problems), problems


def test_an_english_council_that_writes_welsh_is_told_to_list_the_language(policy_copy):
    english_only = BILINGUAL.replace("languages: [cy, en]\n", "")
    _write(policy_copy, english_only)
    problems = _problems(policy_copy)
    assert any(p.startswith("policies/councils/llan-y-mor.yaml:2: name.cy: the council publishes in English only")
               for p in problems), problems


def test_a_rule_the_council_adopts_needs_the_rules_own_texts_in_welsh(policy_copy):
    _write(policy_copy, welsh_rule=False)
    problems = _problems(policy_copy)
    fields = sorted(re.match(r"policies/rules/swearing\.yaml:\d+: (\w+): no text in Welsh", p)[1] for p in problems)
    assert fields == ["rationale", "summary", "title", "wording"], problems
    lines = policy_copy.joinpath("rules", "swearing.yaml").read_text(encoding="utf-8").splitlines()
    for problem in problems:
        line, field = re.match(r"[^:]+:(\d+): (\w+):", problem).groups()
        assert lines[int(line) - 1].startswith(f"{field}:"), (problem, lines[int(line) - 1])
    assert "which llan-y-mor publishes in" in problems[0]


def test_a_checks_reason_or_why_in_english_only_is_named_too(policy_copy):
    # What the checker's results and the rules page show of a check: a
    # person's reason (trolling), a pattern's why (illegal-activity).
    _write(policy_copy, BILINGUAL.replace("    - rule: swearing\n", "    - rule: swearing\n    - rule: trolling\n"
                                          "    - rule: illegal-activity\n"))
    # The reason as one plain text; the first pattern's why as {en: ...} alone.
    for rule, welsh, english_only in (("trolling", r"^  reason:\n    en: (.*)\n    cy: .*\n", r"  reason: \1\n"),
                                      ("illegal-activity", r"^ +cy: .*\n", "")):
        path = policy_copy / "rules" / f"{rule}.yaml"
        text = path.read_text(encoding="utf-8")
        start, end = text.index("check:"), text.index("examples:")
        check, count = re.subn(welsh, english_only, text[start:end], count=1, flags=re.M)
        assert count == 1
        path.write_text(text[:start] + check + text[end:], encoding="utf-8")
    problems = [p for p in _problems(policy_copy) if "no text in Welsh" in p]
    assert [re.match(r"policies/rules/([\w-]+)\.yaml:\d+: ([\w.\[\]]+):", p).groups() for p in problems] == [
        ("illegal-activity", "check.patterns[0].why"), ("trolling", "check.reason")], problems


def test_validate_says_what_is_missing_and_fails(policy_copy, capsys):
    _write(policy_copy, BILINGUAL.replace("  en: We welcome your comments on our pages.\n", ""))
    assert main(["validate", "--policies", str(policy_copy)]) == 1
    err = capsys.readouterr().err
    assert "llan-y-mor.yaml:5: about.en: missing: the text in English" in err, err


def test_an_edit_to_one_language_alone_is_a_change():
    before = Translated({"en": "Do not swear.", "cy": "Peidiwch â rhegi."}, "en")
    after = Translated({"en": "Do not swear.", "cy": "Peidiwch â rhegi, os gwelwch yn dda."}, "en")
    assert before != after and not before == after
    assert before == Translated({"cy": "Peidiwch â rhegi.", "en": "Do not swear."}, "en")
    assert before == "Do not swear." and hash(before) == hash("Do not swear.")  # as the text of its first language


def test_language_names_in_each_language():
    assert names(("cy", "en")) == "Welsh and English"
    assert names(("cy", "en"), "cy") == "Cymraeg a Saesneg"


def test_a_council_in_welsh_with_a_text_in_english_only_is_not_built(project_root, policy_copy, tmp_path, capsys):
    """A missing Welsh text stops the build, by file and line, and nothing is
    built: no Welsh page shows the English in its place."""
    _write(policy_copy, BILINGUAL.replace("      wording: {cy: yn cynnwys iaith anweddus, en: offensive in their "
                                          "language}", "      wording: {en: offensive in their language}"))
    out = tmp_path / "site"
    assert main(["build", "llan-y-mor", "--policies", str(policy_copy), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "llan-y-mor.yaml:18: rules.adopted[0].wording.cy: missing: the text in Welsh" in err, err
    assert not out.exists()


# --- Swansea: a real council that publishes in Welsh and English -----------

SWANSEA = Path(__file__).resolve().parent / "data" / "swansea.yaml"


def test_swanseas_policy_reads_in_both_languages_but_for_two_texts_its_welsh_copy_lacks(policy_copy):
    """Every text of Swansea's terms is paired with the council's own Welsh,
    except the two sentences past where the Welsh copy read breaks off:
    validate names those, and nothing else of the council's."""
    (policy_copy / "councils" / "swansea.yaml").write_text(SWANSEA.read_text(encoding="utf-8"), encoding="utf-8")
    assert _problems(policy_copy) == [
        "policies/councils/swansea.yaml:54: responses.wording.cy: no text in Welsh: each of the council's "
        "languages needs its own words here",
        "policies/councils/swansea.yaml:65: responses.targets[0].wording.cy: no text in Welsh: each of the "
        "council's languages needs its own words here"]


def test_the_catalogue_gives_swansea_each_rule_it_adopts_in_welsh(policy_copy):
    """With the council's two English-only sentences left out, nothing stands
    between Swansea and its sites in Welsh: each rule it adopts has its
    title, summary, wording and rationale (and a person's reason, where a
    person judges it) in Welsh too."""
    text = SWANSEA.read_text(encoding="utf-8")
    text = re.sub(r"\n  wording:\n    en: We'll try.*?\n    cy: null[^\n]*", "", text, flags=re.S)
    text = re.sub(r"\n      wording:\n        en: We'll do our best.*?\n        cy: null", "", text, flags=re.S)
    (policy_copy / "councils" / "swansea.yaml").write_text(text, encoding="utf-8")
    policy = load_policy(policy_copy, prove=False)
    council = policy.councils["swansea"]
    adopted = {"impersonation", "abuse", "obscene", "inappropriate-material", "misinformation", "copyright",
               "unlawful", "spam", "trolling", "illegal-activity"}
    assert set(council.rules.ids) == adopted
    for rule_id in adopted:
        welsh, english = localise(policy.rules[rule_id], "cy"), policy.rules[rule_id]
        for field in ("title", "summary", "wording", "rationale"):
            assert getattr(welsh, field) != getattr(english, field), (rule_id, field)
        if english.check.kind == "human":
            assert welsh.check["reason"] != english.check["reason"], rule_id


def test_a_change_to_the_welsh_alone_is_told_only_where_welsh_is_read(policy_copy):
    from houserules.changes import compare

    _write(policy_copy)
    before = load_policy(policy_copy, prove=False)
    rule = policy_copy / "rules" / "swearing.yaml"
    text = rule.read_text(encoding="utf-8")
    assert text.count("Peidiwch â rhegi.") == 1
    rule.write_text(text.replace("Peidiwch â rhegi.", "Peidiwch â rhegi o gwbl."), encoding="utf-8")
    after = load_policy(policy_copy, prove=False)
    [told] = compare(before, after, "llan-y-mor")
    assert (told.area, told.what) == ("rule", "No swearing"), told
    # Ashfield adopts the same rule and reads it in English: nothing changed for it.
    assert "swearing" in before.councils["ashfield"].rules.ids
    assert compare(before, after, "ashfield") == []
