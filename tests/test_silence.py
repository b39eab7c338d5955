"""Silence is a value: what a council's policy does not state, its sites do
not say. Lowmoor states only its name, website and adopted rules; Eastbrook
acts at once on some content and reserves rights instead of promising a
process. Their pages must say what they said and nothing a default would
have made up."""

from __future__ import annotations

import re

import pytest

from made_up import article, pages, policies_with_fixtures, text
from houserules.build import build_sites
from houserules.cli import main
from houserules.load import load_policy
from houserules.rulepack import build_rulepack
from houserules_checker import BREAKS, MAY_BREAK, Checker
from houserules_checker.findings import next_steps

pytestmark = pytest.mark.slow  # every test reads the sites the module builds

# What defaults used to say, and what no sentence may say for a council that
# did not state it: monitoring, replies, blocks, appeals, accessibility dates.
UNSTATED = {
    "monitoring": re.compile(r"\bmonitor|office hours|Monday|Sunday|\b\d{1,2}(?::\d\d)?[ap]m\b", re.I),
    "replies": re.compile(r"\breply\b|\brespond|working day", re.I),
    "blocks": re.compile(r"\bblock", re.I),
    "appeals": re.compile(r"\bappeal", re.I),
    "a process": re.compile(r"set process|steps in order", re.I),
    "accessibility dates": re.compile(r"prepared on|last reviewed|\b\d{1,2} (?:January|February|March|April|May|"
                                      r"June|July|August|September|October|November|December) 20\d\d\b"),
    "compliance": re.compile(r"compliant|committed to making", re.I),
    "a pre-election period": re.compile(r"pre-election|purdah", re.I),
}


@pytest.fixture(scope="module")
def fixture_sites(project_root, tmp_path_factory):
    root = tmp_path_factory.mktemp("fixtures")
    policies = policies_with_fixtures(project_root, root)
    out = root / "site"
    build_sites(project_root, ["lowmoor", "eastbrook"], policy=policies, out=out)
    return policies, out


def empty_headings(markup: str) -> list[str]:
    """Headings followed by nothing before the next heading of the same or a higher level."""
    found = []
    heads = list(re.finditer(r"<h([1-6])[^>]*>(.*?)</h\1>", markup, re.S))
    for i, head in enumerate(heads):
        level = int(head[1])
        end = next((h.start() for h in heads[i + 1:] if int(h[1]) <= level), markup.rfind("</article>"))
        between = re.sub(r"<[^>]+>|\s", "", markup[head.end():end])
        if not between:
            found.append(re.sub(r"<[^>]+>", "", head[2]).strip())
    return found


def test_a_council_with_only_name_website_and_rules_builds_both_sites(fixture_sites):
    _, out = fixture_sites
    assert pages(out / "public" / "lowmoor") == {"", "rules", "check", "contact", "rules-reference", "accessibility"}
    assert pages(out / "staff" / "lowmoor") == {"", "moderation", "check", "responses", "rules-reference",
                                               "accessibility"}


@pytest.mark.parametrize("audience", ["public", "staff"])
def test_no_page_has_an_empty_heading(fixture_sites, audience):
    _, out = fixture_sites
    for slug in ("lowmoor", "eastbrook"):
        site = out / audience / slug
        for page in pages(site):
            assert empty_headings(article(site, page)) == [], f"{audience}/{slug}/{page}"


def test_the_public_site_says_nothing_the_council_did_not_state(fixture_sites):
    _, out = fixture_sites
    site = out / "public" / "lowmoor"
    for page in pages(site):
        words = text(site, page)
        if page == "rules-reference":  # the catalogue's own explanations and example comments
            continue
        for what, pattern in UNSTATED.items():
            match = pattern.search(words)
            assert not match, f"public/lowmoor/{page} says something about {what}: {match.group(0)!r} in {words}"


def test_the_staff_site_says_plainly_what_the_policy_does_not_state(fixture_sites):
    _, out = fixture_sites
    staff = out / "staff" / "lowmoor"
    index = text(staff, "")
    assert "What the policy does not say" in index
    for field in ("monitoring", "responses", "enforcement", "contacts", "accessibility", "platforms"):
        assert f"{field} " in index, field
    assert "The policy does not say what happens when rules are broken." in text(staff, "moderation")
    responses = text(staff, "responses")
    assert "The policy does not say when the accounts are monitored." in responses
    assert "The policy sets no response target." in responses
    assert "What the policy does not say" not in text(out / "public" / "lowmoor", "")


def test_validate_warns_of_each_setting_not_stated_without_failing(fixture_sites, capsys):
    policies, _ = fixture_sites
    assert main(["validate", "--policies", str(policies)]) == 0
    out, err = capsys.readouterr()
    assert "all valid" in out
    lowmoor = [line for line in err.splitlines() if "lowmoor.yaml" in line]
    for field, what in (("monitoring", "when the accounts are monitored"),
                        ("responses", "whether and how soon the council replies"),
                        ("enforcement", "what happens when rules are broken"),
                        ("accessibility", "the accessibility statement's facts")):
        assert any(f": {field}: not stated: the sites will say nothing about {what}" in line for line in lowmoor), field
    eastbrook = [line for line in err.splitlines() if "eastbrook.yaml" in line]
    assert any("monitoring: marked not stated" in line for line in eastbrook)
    assert all(line.startswith("warning: ") for line in err.splitlines())


def test_actions_taken_at_once_are_not_a_step_of_a_process(fixture_sites):
    _, out = fixture_sites
    public = text(out / "public" / "eastbrook", "when-rules-are-broken")
    assert "Dealt with at once" in public
    assert "Explicit content: we hide or delete the post and block the account straight away." in public
    assert ("Keep personal information private: we hide or delete the post and tell the person who posted it "
            "straight away.") in public
    assert "If a comment breaks these rules we reserve the right to hide or delete it." in public
    assert "We reserve the right to block the account and report to the social media platform." in public
    assert not re.search(r"step|set process|in order", public, re.I)
    overview = text(out / "public" / "eastbrook", "")
    assert "If you break them: some posts are dealt with at once." in overview
    assert "set process" not in overview
    staff = text(out / "staff" / "eastbrook", "moderation")
    assert "Act at once" in staff and "follow these steps" not in staff and "Step 1" not in staff
    assert "Explicit content: Hide or delete the post and block the account." in staff
    assert "What the council reserves the right to do" in staff


def test_a_block_notice_says_only_the_half_the_policy_states(fixture_sites):
    _, out = fixture_sites
    public = text(out / "public" / "eastbrook", "when-rules-are-broken")
    assert "We do not tell people directly when they are blocked." in public
    assert "reasons" not in public


def test_an_accessibility_statement_without_dates_says_no_dates(fixture_sites):
    _, out = fixture_sites
    statement = text(out / "public" / "eastbrook", "accessibility")
    assert "partially compliant" in statement
    assert "Email communications@eastbrook.example.gov.uk to ask for another format." in statement
    assert "prepared on" not in statement and "reviewed" not in statement
    assert "Preparation of this statement" not in statement


def test_the_checker_tells_what_happens_for_each_rule_as_the_policy_says(fixture_sites):
    policies, _ = fixture_sites
    checker = Checker(build_rulepack(load_policy(policies), "eastbrook"))
    [personal] = checker.check("Ring Dave on 07700 900123 about it").flagged(BREAKS)
    assert personal.rule == "personal-information"
    assert personal.next_steps[0] == ("Keep personal information private: straight away, hide or delete the post "
                                      "and tell the person who posted it.")
    assert "If a comment breaks these rules we reserve the right to hide or delete it." in personal.next_steps
    [swearing] = checker.check("This is shit").flagged(BREAKS)
    assert not any("straight away" in step for step in swearing.next_steps)
    # Both at once: what is done straight away comes first, and it is not a numbered process.
    result = checker.check("Ring Dave on 07700 900123, this is shit")
    steps, in_order = next_steps(checker.pack, result.flagged(BREAKS))
    assert steps[0].startswith("Keep personal information private: straight away") and not in_order
    assert len(steps) == len(set(steps)) == 3


def test_a_comment_in_another_language_may_break_the_language_rule_and_a_person_decides(fixture_sites):
    policies, _ = fixture_sites
    checker = Checker(build_rulepack(load_policy(policies), "eastbrook"))
    result = checker.check("Dlaczego nikt nie odbiera śmieci z naszej ulicy od trzech tygodni?")
    [finding] = result.flagged(MAY_BREAK)
    assert finding.rule == "post-in-english" and not result.flagged(BREAKS)
    assert "Polish" in finding.why[0] and "person" in finding.why[0]
    assert not checker.check("Why has nobody collected the bins on our street for three weeks?").flagged()


def test_party_politics_is_kept_off_all_year_but_parties_may_be_named(fixture_sites):
    policies, _ = fixture_sites
    checker = Checker(build_rulepack(load_policy(policies), "eastbrook"))
    [finding] = checker.check("Vote Labour and kick this lot out!").flagged(BREAKS)
    assert finding.rule == "political-material"
    assert not checker.check("The Labour councillors voted against the bin scheme, why?").flagged()
