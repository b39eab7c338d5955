"""Any two published versions compared, and what changed told in sentences a
resident reads: "Compare versions" (every pair, built statically), the
wording of each kind of change, and mike's labels in versions.json."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import pytest

from three_versions import STAFF_NOTE as THREE_VERSIONS_STAFF_NOTE
from houserules import editions
from houserules.changes import compare
from houserules.editions import context, history_for
from houserules.feed import aliases
from houserules.load import load_policy
from houserules.versions import load_versions
from test_public_text import problems_in, visible_text
from editing import edit as _edit


# --- what changed, in words ---------------------------------------------------------

def test_each_kind_of_setting_is_told_in_the_words_the_pages_use(policy_copy):
    before = load_policy(policy_copy)
    council = policy_copy / "councils" / "nottinghamshire.yaml"
    _edit(council, "days: [monday, tuesday, wednesday, thursday, friday]",
          "days: [monday, tuesday, wednesday, thursday, friday, saturday]")
    _edit(council, 'hours: {start: "09:00", end: "17:00"}', 'hours: {start: "08:30", end: "17:30"}')
    _edit(council, "outside_hours: not-monitored", "outside_hours: emergencies-only")
    _edit(council, '  - {platform: youtube, handle: NottsCC, url: "https://www.youtube.com/NottsCC"}\n',
          '  - {platform: instagram, handle: "@nottscc", url: "https://www.instagram.com/nottscc"}\n')
    _edit(council, "following_is_endorsement: false", "following_is_endorsement: true")
    _edit(council, "weeks: 6", "weeks: 4")
    _edit(council, "elections: [local, general, European]", "elections: [local, general]")
    _edit(council, "by: end-of-working-day", "within: {amount: 4, unit: hour}")
    _edit(council, "enforcement:\n  intro: |", "enforcement:\n  steps:\n    - actions: [warn]\n"
          "      decided_by: the Communications Manager\n  block_appeal: {after_months: 12}\n  intro: |")
    told = {c.sentence: c.staff_only for c in compare(before, load_policy(policy_copy), "nottinghamshire")}
    assert told == {
        "Social media accounts: Instagram (@nottscc) added; YouTube (NottsCC) removed.": False,
        "Days the accounts are monitored: now Monday to Saturday (before: Monday to Friday).": False,
        "Monitoring hours: now 8:30am to 5:30pm (before: 9am to 5pm).": False,
        "Outside monitoring hours: now updates in emergencies only (before: not monitored).": False,
        "Following and sharing: the policy now says following an account means the council endorses it "
        "(before: following an account does not mean the council endorses it).": False,
        "Pre-election period: it now starts four weeks before polling day (before: six weeks).": False,
        "Pre-election period: it now applies to local and general elections "
        "(before: local, general and European elections).": False,
        "Response times: we now aim to respond to enquiries received within office hours within four hours "
        "(before: by the end of the working day).": True,
        # Added: said so, not "the policy did not say before" (it may have, in other words).
        "Appeal against a block: added: you can appeal after twelve months.": False,
        "When rules are broken, step 1: a new step: warn the account holder, decided by the Communications "
        "Manager.": False,
    }, sorted(told)


def test_a_setting_told_in_the_councils_words_too_is_told_once_in_them(policy_copy):
    before = load_policy(policy_copy)
    council = policy_copy / "councils" / "nottinghamshire.yaml"
    _edit(council, 'hours: {start: "09:00", end: "17:00"}', 'hours: {start: "08:30", end: "17:00"}')
    _edit(council, "Friday, 9am to 5pm)", "Friday, 8.30am to 5pm)")
    # Told once, in the council's words: of a longer text, the passage that changed, with a few words round it.
    [change] = compare(before, load_policy(policy_copy), "nottinghamshire")
    assert change.sentence == ("Monitoring hours: in the policy's words, “…hours (Monday to Friday, 9am to 5pm) and "
                               "outside…” now reads “…hours (Monday to Friday, 8.30am to 5pm) and outside…”.")


def test_a_setting_no_longer_stated_is_no_longer_in_the_policy_never_a_value_it_did_not_give(policy_copy):
    before = load_policy(policy_copy)
    _edit(policy_copy / "councils" / "north-hertfordshire.yaml", "    after_months: 12\n", "")
    [change] = compare(before, load_policy(policy_copy), "north-hertfordshire")
    assert change.sentence == "Appeal against a block: no longer in the policy (before: twelve months)."


def test_the_councils_words_that_only_repeat_a_change_are_not_told_again(policy_copy):
    # Ashfield's appeal period is a setting and also written into a step of
    # what happens when rules are broken: one change, listed once.
    before = load_policy(policy_copy)
    council = policy_copy / "councils" / "ashfield.yaml"
    _edit(council, "after_months: 6", "after_months: 3")
    _edit(council, "After 6 months the owner", "After 3 months the owner")
    assert [c.sentence for c in compare(before, load_policy(policy_copy), "ashfield")] == [
        "Appeal against a block: you can now appeal after three months (before: six months)."]
    # A change of the words alone is told, the passage that changed with a few words round it.
    _edit(council, "After 3 months the owner", "After 3 months the holder")
    [step] = [c for c in compare(before, load_policy(policy_copy), "ashfield") if c.what.startswith("When rules")]
    assert step.sentence == ("When rules are broken, step 3: in the policy's words for it, “…on social media. After "
                             "6 months the owner of the account can…” now reads “…on social media. After 3 months "
                             "the holder of the account can…”.")


def test_renaming_an_action_to_its_new_name_changes_nothing(policy_copy):
    before = load_policy(policy_copy)
    council = policy_copy / "councils" / "ashfield.yaml"
    text = council.read_text(encoding="utf-8")
    if "tell-senior-managers" not in text:
        pytest.skip("Ashfield's source names no action that has an old name")
    _edit(council, "tell-senior-managers", "notify")
    assert compare(before, load_policy(policy_copy, prove=False), "ashfield") == []


# --- any two versions ---------------------------------------------------------------

def test_any_two_versions_are_compared_directly_not_only_neighbours(three_versions, tmp_path):
    policies, _ = three_versions
    versions = load_versions(policies)["ashfield"]
    history = history_for(policies, "ashfield", versions, tmp_path)
    one_to_three = history.between(1, 3)
    assert one_to_three == compare(history.policies[1], history.policies[3], "ashfield")
    told = [c.sentence for c in one_to_three]
    # Twelve months in v1, six in v2, three in v3: from 1 to 3 it is one change, from twelve to three.
    assert "Appeal against a block: you can now appeal after three months (before: twelve months)." in told
    assert not any("six months" in s for s in told)
    assert history.between(2, 3) == history.changes[3]  # neighbours: the history's own list

    shown = editions.editions(history, history.policies[3], dt.date(2026, 12, 1))[0]
    public, staff = context(history, shown, "public"), context(history, shown, "staff")
    assert [(p["old"], p["new"], p["id"]) for p in public["pairs"]] == [
        (1, 2, "v1-v2"), (1, 3, "v1-v3"), (2, 3, "v2-v3")]
    # Staff-only changes on the staff site, never on the public one.
    def block_log(ctx):
        return [c["what"] for p in ctx["pairs"] for c in p["changes"] if c["what"] == "Block log"]
    assert block_log(public) == [] and block_log(staff) == ["Block log", "Block log"]
    assert all(c["staff_only"] for p in staff["pairs"] for c in p["changes"] if c["what"] == "Block log")


def test_the_compare_page_is_built_with_every_pair_in_words(three_versions):
    _, site = three_versions
    for audience in ("public", "staff"):
        for edition in ("", "v1/", "v3/"):
            page = (site / audience / "ashfield" / edition / "compare" / "index.html").read_text(encoding="utf-8")
            ids = re.findall(r'<section [^>]*class="hr-compare-pair"[^>]* id="(v\d-v\d)"', page)
            assert ids == ["v1-v2", "v1-v3", "v2-v3"], (audience, edition, ids)
            text = visible_text(page).replace(" :", ":")  # a change's name is in bold: a tag before its colon
            assert "Appeal against a block: you can now appeal after three months (before: twelve months)." in text
            assert ("Block log" in text) is (audience == "staff")
            assert (THREE_VERSIONS_STAFF_NOTE in text) is (audience == "staff")
            # Without JavaScript: every pair is on the page, and linked from its top.
            for pair in ids:
                assert f'href="#{pair}"' in page
            # The form that chooses a pair is shown by the page script only.
            assert re.search(r'<form class="hr-compare-form" data-hr-compare-form hidden>', page)
    public = site / "public" / "ashfield"
    assert not problems_in(visible_text((public / "compare" / "index.html").read_text(encoding="utf-8")))
    history = visible_text((public / "history" / "index.html").read_text(encoding="utf-8"))
    assert "Compare any two versions" in history
    # Every version's copy of the page links to the same page in the others (banner, selector).
    banner = re.search(r'data-hr-versions="([^"]*)"', (public / "v2" / "compare" / "index.html").read_text(
        encoding="utf-8")).group(1)
    assert [v["href"] for v in json.loads(html.unescape(banner))["versions"]] == [
        "../../v1/compare/", "../../v2/compare/", "../../v3/compare/"]


def test_a_council_with_one_version_has_no_compare_page(project_root, tmp_path):
    root = project_root / "policies"
    history = history_for(root, "city", load_versions(root)["city"][:1], tmp_path)
    assert "history/" in history.pages(1, "public") and "compare/" not in history.pages(1, "public")
    shown = editions.editions(history, history.policies[1], dt.date(2026, 12, 1))[0]
    view = context(history, shown, "public")
    assert view["pairs"] == []


# --- mike's labels ------------------------------------------------------------------

def _v(number: int, effective: str, corrects: int | None = None):
    return type("V", (), {"number": number, "effective": dt.date.fromisoformat(effective), "corrects": corrects})()


@pytest.mark.parametrize("day, expected", [
    # Before any version: the first that will be is shown at the council's address.
    ("2024-04-30", {1: ["latest", "upcoming"], 2: ["upcoming"], 3: ["upcoming"]}),
    ("2024-05-01", {1: ["latest"], 2: ["upcoming"], 3: ["upcoming"]}),
    ("2027-04-01", {1: [], 2: ["latest"], 3: ["upcoming"]}),
    ("2027-10-01", {1: [], 2: [], 3: ["latest"]}),
])
def test_versions_json_labels_the_version_in_force_latest_and_those_to_come_upcoming(day, expected):
    versions = [_v(1, "2024-05-01"), _v(2, "2027-04-01"), _v(3, "2027-10-01")]
    assert aliases(versions, dt.date.fromisoformat(day)) == expected


def test_a_version_replaced_on_its_first_day_is_not_upcoming():
    # v3 corrects v2 from v2's own day: v2 never comes into force.
    versions = [_v(1, "2024-05-01"), _v(2, "2027-04-01"), _v(3, "2027-04-01", corrects=2)]
    assert aliases(versions, dt.date(2026, 12, 1)) == {1: ["latest"], 2: [], 3: ["upcoming"]}


def test_the_built_versions_json_carries_the_build_days_labels(three_versions):
    _, site = three_versions
    listed = json.loads((site / "public" / "ashfield" / "versions.json").read_text(encoding="utf-8"))
    assert [(v["version"], v["aliases"]) for v in listed] == [
        ("v3", ["upcoming"]), ("v2", ["upcoming"]), ("v1", ["latest"])]
