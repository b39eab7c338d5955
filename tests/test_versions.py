"""Published versions: frozen, checked on every build, each at its own
address, compared rule by rule and setting by setting."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from houserules.build import build_sites
from houserules.changes import compare
from houserules.cli import main
from houserules.commands.build import unpublished_notes
from houserules import editions
from houserules.editions import History
from houserules.errors import PolicyError, SourceProblem
from houserules.load import load_policy
from houserules.versions import PublishError, load_versions, publish
from houserules.yamlsource import display_path
from editing import edit as _edit

TODAY = dt.date(2026, 11, 21)


def _publish(policies: Path, slug: str, effective: str, note: str = "A change.", change: str = "major"):
    return publish(load_policy(policies), slug, effective=dt.date.fromisoformat(effective), note=note,
                   change=change, published=TODAY)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- publishing -----------------------------------------------------------------

def test_publish_freezes_the_source_and_refuses_what_it_should(policy_copy):
    v1 = _publish(policy_copy, "city", "2026-01-05")
    assert v1.folder == "v1" and v1.path == policy_copy / "published" / "city" / "v1.yaml"
    with pytest.raises(PublishError, match="nothing has changed since v1"):
        _publish(policy_copy, "city", "2026-02-02")
    _edit(policy_copy / "councils" / "city.yaml", "weeks: 6", "weeks: 4")
    with pytest.raises(PublishError, match="must take effect after it"):
        _publish(policy_copy, "city", "2025-12-01")
    v2 = _publish(policy_copy, "city", "2026-03-02")
    assert [v.number for v in load_versions(policy_copy)["city"]] == [1, 2] and v2.effective == dt.date(2026, 3, 2)


def test_a_build_says_when_the_source_has_changes_its_sites_do_not_show(policy_copy):
    # A council with published versions shows them, not its source: an edit waits to be published.
    _publish(policy_copy, "city", "2026-01-05")
    assert unpublished_notes(policy_copy, ["city"]) == []
    _edit(policy_copy / "councils" / "city.yaml", "weeks: 6", "weeks: 4")
    [note] = unpublished_notes(policy_copy, ["city"])
    assert note.startswith("note: city: the source has changed since v1") and "v1 at its own address" in note
    assert "houserules publish --council city" in note


def test_publishing_a_third_version_reports_what_changed_since_the_second(policy_copy, capsys):
    def publish_cli(effective):
        return main(["publish", "--council", "north-hertfordshire", "--effective", effective, "--note", "A change.",
                     "--minor", "--policies", str(policy_copy)])

    council = policy_copy / "councils" / "north-hertfordshire.yaml"
    assert publish_cli("2026-01-05") == 0
    _edit(council, "after_months: 12", "after_months: 6")
    assert publish_cli("2026-02-02") == 0
    _edit(council, "after_months: 6", "after_months: 3")
    capsys.readouterr()
    assert publish_cli("2026-03-02") == 0
    out = capsys.readouterr().out
    assert "published north-hertfordshire v3" in out and "setting changed: Appeal against a block" in out
    # What changed, and what to do next: the officer is told the command that puts it on the sites.
    assert "What changed since v2:" in out
    assert out.rstrip().endswith("Next: houserules build north-hertfordshire")


@pytest.mark.parametrize("effective", ["2027-06-01 junk", "20270601", "2027-06"])
def test_publish_takes_only_a_whole_date_as_effective(policy_copy, capsys, effective):
    code = main(["publish", "--council", "city", "--effective", effective, "--note", "A change.", "--major",
                 "--policies", str(policy_copy)])
    assert code == 2
    assert f"--effective: date {effective!r} is not a date written YYYY-MM-DD" in capsys.readouterr().err
    assert "city" not in load_versions(policy_copy)


@pytest.mark.slow  # builds sites
@pytest.mark.parametrize("tamper, message", [
    (lambda rec: _edit(rec, 'effective: "2026-01-05"', 'effective: "2026-01-12"'),
     r"city v1 has changed since it was published \(effective no longer match"),
    (lambda rec: _edit(rec, "change: major", "change: minor"),
     r"city v1 has changed since it was published \(change no longer match"),
])
def test_an_edited_record_stops_the_build_naming_council_version_and_field(project_root, policy_copy, tmp_path,
                                                                          capsys, tamper, message):
    _publish(policy_copy, "city", "2026-01-05")
    out = tmp_path / "site"
    assert main(["build", "city", "--policies", str(policy_copy), "--out", str(out)]) == 0
    before = _snapshot(out)
    tamper(policy_copy / "published" / "city" / "v1.yaml")
    capsys.readouterr()
    assert main(["build", "city", "--policies", str(policy_copy), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert re.search(r"policies/published/city/v1\.yaml:\d+: \w+: " + message, err), err
    assert _snapshot(out) == before, "a refused build changes nothing"


def test_a_published_version_that_no_longer_loads_names_the_stored_file(policy_copy, tmp_path, monkeypatch):
    # Say a later release reads a setting differently: a version that loaded
    # when it was published fails now. The error names the file it is kept
    # in, not the temporary copy the build unpacked it into.
    version = _publish(policy_copy, "city", "2026-01-05")

    def stricter(folder, **_):
        raise PolicyError([SourceProblem(display_path(folder / "councils" / "city.yaml"), 3, "name", "not accepted")])

    monkeypatch.setattr(editions, "load_policy", stricter)
    with pytest.raises(PolicyError) as caught:
        editions.history_for(policy_copy, "city", [version], tmp_path)
    [problem] = caught.value.problems
    stored = f"published/files/{version.files['councils/city.yaml']}.yaml"
    assert problem.file.endswith(stored) and problem.line == 3 and problem.field == "name"
    assert problem.message == "(published city v1, councils/city.yaml) not accepted"


def test_an_edited_published_file_stops_the_build_naming_the_file_and_version(policy_copy):
    version = _publish(policy_copy, "city", "2026-01-05")
    stored = policy_copy / "published" / "files" / f"{version.files['rules/swearing.yaml']}.yaml"
    stored.write_text(stored.read_text(encoding="utf-8").replace("Do not swear", "Please do not swear"),
                      encoding="utf-8")
    with pytest.raises(PolicyError) as caught:
        load_versions(policy_copy)
    assert "city v1: the published copy of rules/swearing.yaml has changed since it was published" in str(caught.value)


@pytest.mark.slow  # builds sites
def test_a_new_version_leaves_every_older_address_working(project_root, policy_copy, tmp_path):
    out = tmp_path / "site"
    _publish(policy_copy, "city", "2026-01-05")
    build_sites(project_root, ["city"], policy=policy_copy, out=out, today=TODAY)
    first = {p: d for p, d in _snapshot(out / "public" / "city").items() if p.startswith("v1/")}
    _edit(policy_copy / "councils" / "city.yaml", "weeks: 6", "weeks: 4")
    _publish(policy_copy, "city", "2026-03-02")
    build_sites(project_root, ["city"], policy=policy_copy, out=out, today=TODAY)
    second = _snapshot(out / "public" / "city")
    assert set(first) <= set(second), sorted(set(first) - set(second))[:5]
    def article(html: bytes) -> bytes:  # the page's own text: the banner lists every version, so it grows
        body = re.search(rb"<article.*?</article>", html, re.S).group(0)
        return re.sub(rb"\s+", b" ", re.sub(rb'<div class="hr-version-banner".*?</div>', b"", body, flags=re.S))

    for page in [p for p in first if p.endswith("index.html") and "/history/" not in p]:
        assert article(first[page]) == article(second[page]), f"{page} changed"
    assert b"Version 2 of these pages" in second["index.html"], "the council's address shows the new version"
    assert b"Version 1 of these pages" in second["v1/index.html"]
    versions = json.loads(second["versions.json"])
    # mike's labels as of the day of the build: v2 (from 2 March 2026) is in force, "latest".
    assert [(v["version"], v["aliases"]) for v in versions] == [("v2", ["latest"]), ("v1", [])]


# --- what changed ------------------------------------------------------------------

def test_the_changes_are_exactly_those_made(policy_copy):
    before = load_policy(policy_copy)
    council = policy_copy / "councils" / "north-hertfordshire.yaml"
    _edit(council, "    - rule: contempt-of-court\n      wording: may be in contempt of court\n", "")
    _edit(council, "      wording: are spam, or the same message posted again and again.", "      wording: are spam.")
    _edit(council, "    - rule: misinformation\n",
          "    - rule: advertising\n      wording: advertise goods or services\n    - rule: misinformation\n")
    _edit(council, 'hours: {start: "09:00", end: "17:00"}', 'hours: {start: "08:00", end: "18:00"}')
    _edit(council, "after_months: 12", "after_months: 6")
    _edit(council, "within: {amount: 2, unit: working-day}", "within: {amount: 3, unit: working-day}")
    after = load_policy(policy_copy)
    found = {(c.kind, c.area, c.what, c.old, c.new) for c in compare(before, after, "north-hertfordshire")}
    assert found == {
        ("removed", "rule", "Nothing that could affect a court case", "may be in contempt of court", None),
        ("reworded", "rule", "No spamming", "are spam, or the same message posted again and again.", "are spam."),
        ("added", "rule", "No advertising", None, "advertise goods or services"),
        ("changed", "setting", "Monitoring hours", "9am to 5pm", "8am to 6pm"),
        ("changed", "setting", "Appeal against a block", "twelve months", "six months"),
        ("changed", "setting", "Response times",
         "respond to questions and requests for service: within two working days",
         "respond to questions and requests for service: within three working days"),
    }, found
    # Each told as a resident reads it, times and periods as the pages write them, once.
    told = [c.sentence for c in compare(before, after, "north-hertfordshire")]
    assert told == [
        "No advertising: a new rule, worded “advertise goods or services”.",
        "No spamming: the rule now reads “are spam.” (before: “are spam, or the same message posted again and "
        "again.”).",
        "Nothing that could affect a court case: rule removed (it was worded “may be in contempt of court”).",
        "Monitoring hours: now 8am to 6pm (before: 9am to 5pm).",
        "Appeal against a block: you can now appeal after six months (before: twelve months).",
        "Response times: we now aim to respond to questions and requests for service within three working days "
        "(before: within two working days).",
    ], told


def test_a_new_word_or_a_reexplained_rule_is_reported(policy_copy):
    # Neither changes a council's own wording, but both change what its
    # checker finds or what its rule pages say.
    before = load_policy(policy_copy)
    _edit(policy_copy / "wordlists" / "houserules.yaml", '  - {term: "cretin", category: insult, severity: 2}\n',
          '  - {term: "cretin", category: insult, severity: 2}\n'
          '  - {term: "dunderhead", category: insult, severity: 1}\n')
    _edit(policy_copy / "rules" / "swearing.yaml", "Our pages are read by people of all ages",
          "Our pages are read by people of every age")
    changes = compare(before, load_policy(policy_copy), "city")
    assert {(c.kind, c.area, c.sentence) for c in changes} == {
        ("changed", "word list", "Words the comment checker looks for, from the checker's own list of insults "
                                 "and slang: 1 word added."),
        ("changed", "rule", "No swearing: its explanation changed.")}


def test_an_unchanged_policy_has_no_changes(policy_copy):
    policy = load_policy(policy_copy)
    assert compare(policy, load_policy(policy_copy), "ashfield") == []


def test_staff_only_changes_stay_out_of_the_public_history(policy_copy):
    before = load_policy(policy_copy)
    _edit(policy_copy / "councils" / "nottinghamshire.yaml", "sections:\n", "sections:\n  - id: staff-rota\n"
          "    audience: staff\n    page: moderation\n    title: Rota\n    body: The rota is on the intranet.\n")
    changes = compare(before, load_policy(policy_copy), "nottinghamshire")
    assert [(c.kind, c.what, c.staff_only) for c in changes] == [("added", "Rota", True)]


# --- dates -----------------------------------------------------------------------------

def test_the_version_in_force_follows_the_date_including_the_effective_day():
    v = [type("V", (), {"effective": dt.date(2026, 1, 5), "number": 1})(),
         type("V", (), {"effective": dt.date(2027, 4, 1), "number": 2})()]
    history = History("x", v, {}, {})
    assert history.in_force(dt.date(2026, 1, 4)) is None
    assert history.in_force(dt.date(2026, 1, 5)).number == 1
    assert history.in_force(dt.date(2027, 3, 31)).number == 1
    assert history.in_force(dt.date(2027, 4, 1)).number == 2


@pytest.mark.slow  # builds sites
def test_the_councils_address_serves_the_version_in_force_on_the_build_day(project_root, tmp_path):
    out = tmp_path / "site"
    build_sites(project_root, ["ashfield"], out=out, today=dt.date(2027, 3, 31))
    assert b"After 12 months" in (out / "public/ashfield/when-rules-are-broken/index.html").read_bytes()
    build_sites(project_root, ["ashfield"], out=out, today=dt.date(2027, 4, 1))
    assert b"After 6 months" in (out / "public/ashfield/when-rules-are-broken/index.html").read_bytes()
    assert b"After 12 months" in (out / "public/ashfield/v1/when-rules-are-broken/index.html").read_bytes()


def test_history_page_and_feed_list_every_version(built_site):
    feed = ET.parse(built_site / "public" / "ashfield" / "history.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.find("a:title", ns).text for e in feed.findall("a:entry", ns)]
    assert titles[0].startswith("Version 2 (major change), in force from 1 April 2027")
    assert titles[1].startswith("Version 1")
    page = (built_site / "public" / "ashfield" / "history" / "index.html").read_text(encoding="utf-8")
    # Rules by their titles, as residents know them: no rule ids on a public page.
    assert "Keep personal information private" in page
    assert "you can now appeal after six months (before: twelve months)." in page
    assert "(personal-information)" not in page


def test_sample_history_is_marked_as_such(project_root):
    versions = load_versions(project_root / "policies")
    assert len(versions["ashfield"]) >= 2 and len(versions["north-hertfordshire"]) >= 2
    assert any(v.effective > TODAY for v in versions["ashfield"])
    assert any(v.effective > TODAY for v in versions["north-hertfordshire"])
    # Every first version's date is made up, and so is every change to come;
    # the corrections published since (city and Nottinghamshire v2) are real.
    made_up = [v for vs in versions.values() for v in vs if v.number == 1 or v.effective > editions.build_day()]
    assert made_up and all(v.sample and "sample" in v.note for v in made_up)
    assert all("sample" not in v.note for vs in versions.values() for v in vs if not v.sample)


def test_each_version_is_checked_against_its_own_rules(built_site):
    def pack(path):
        return json.loads(
            (built_site / "public" / "ashfield" / path / "assets/checker/rules/ashfield.json").read_text())

    v1, v2, current = pack("v1"), pack("v2"), pack(".")
    assert (v1["version"], v2["version"], current["version"]) == ("v1", "v2", "v1")
    assert "personal-information" in {r["id"] for r in v2["rules"]}
    assert "personal-information" not in {r["id"] for r in v1["rules"]}


# --- corrections -------------------------------------------------------------------------

# Ashfield as in issue 14: v1 in force since 1 May 2024, v2 published to take
# effect on 1 April 2027, and today (the suite's HOUSERULES_TODAY) 1 December 2026.
MISTAKE = "We do not monitor or respond to posts outside of normal office working hours."
FIXED = "We do not monitor or reply to posts outside our office hours, 8.30am to 5pm."


def _ashfield_with_a_version_to_come(policies: Path) -> Path:
    council = policies / "councils" / "ashfield.yaml"
    _edit(council, "after_months: 6", "after_months: 12")
    _edit(council, "After 6 months the owner", "After 12 months the owner")
    _publish(policies, "ashfield", "2024-05-01", note="The first version.")
    _edit(council, "after_months: 12", "after_months: 6")
    _edit(council, "After 12 months the owner", "After 6 months the owner")
    _publish(policies, "ashfield", "2027-04-01", note="Appeals after 6 months.")
    return council


def _correct(policies: Path, number: int, *more: str) -> int:
    return main(["publish", "--council", "ashfield", "--corrects", str(number), "--note", "Wording corrected.",
                 *more, "--policies", str(policies)])


def _stored(policies: Path, version, source: str = "councils/ashfield.yaml") -> str:
    return (policies / "published" / "files" / f"{version.files[source]}.yaml").read_text(encoding="utf-8")


def test_a_correction_of_the_version_in_force_takes_effect_today_and_the_one_to_come_still_follows(
        policy_copy, capsys, monkeypatch):
    monkeypatch.setenv("HOUSERULES_TODAY", "2026-12-01")
    _edit(_ashfield_with_a_version_to_come(policy_copy), MISTAKE, FIXED)
    records = {p.name: p.read_bytes() for p in (policy_copy / "published" / "ashfield").glob("v*.yaml")}
    capsys.readouterr()
    assert _correct(policy_copy, 1) == 0
    out = capsys.readouterr().out
    assert out.startswith("published ashfield v3 (a correction of v1), in force from 2026-12-01")
    assert "What changed from v1:\n  setting changed: " in out  # the fix, against the version it corrects
    # The version to come was published without the fix: the officer is told, with the command.
    assert "warning: v2, which takes effect on 1 April 2027, was published without this correction" in out
    assert 'houserules publish --council ashfield --corrects 2 --note "..."' in out
    assert out.rstrip().endswith("Next: houserules build ashfield")

    v1, v2, v3 = load_versions(policy_copy)["ashfield"]  # every seal and the ledger still verify
    assert (v3.corrects, v3.effective, v3.change) == (1, dt.date(2026, 12, 1), "minor")
    # Version 1 with the fix, and none of version 2's changes.
    assert _stored(policy_copy, v3) == _stored(policy_copy, v1).replace(MISTAKE, FIXED)
    assert "corrects: 1" in (policy_copy / "published" / "ashfield" / "v3.yaml").read_text()
    assert all((policy_copy / "published" / "ashfield" / name).read_bytes() == data for name, data in records.items())
    day = dt.date.fromisoformat
    assert [editions.in_force([v1, v2, v3], day(d)).number for d in
            ("2026-11-30", "2026-12-01", "2027-03-31", "2027-04-01")] == [1, 3, 3, 2]
    # Version 2's changes are told against the correction, which takes effect before it.
    assert editions.told_against([v1, v2, v3]) == {3: 1, 2: 3}

    # Correcting version 2 too: from its own day, replacing it; nothing more to warn of.
    assert _correct(policy_copy, 2) == 0
    out = capsys.readouterr().out
    assert out.startswith("published ashfield v4 (a correction of v2), in force from 2027-04-01")
    assert "warning" not in out
    versions = load_versions(policy_copy)["ashfield"]
    v4 = versions[3]
    assert _stored(policy_copy, v4) == _stored(policy_copy, v2).replace(MISTAKE, FIXED)
    assert editions.in_force(versions, day("2027-04-01")).number == 4
    assert main(["validate", "--policies", str(policy_copy)]) == 0


def test_the_version_in_force_on_a_day_is_the_latest_dated_and_of_two_the_higher_number():
    def v(number, effective, corrects=None):
        return type("V", (), {"number": number, "effective": dt.date.fromisoformat(effective), "corrects": corrects})()

    versions = [v(1, "2024-05-01"), v(2, "2027-04-01"), v(3, "2026-12-01", 1), v(4, "2027-04-01", 2)]
    assert [editions.in_force(versions, dt.date.fromisoformat(d)).number
            for d in ("2024-05-01", "2026-12-01", "2027-04-01")] == [1, 3, 4]
    assert editions.shown_on(versions, dt.date(2020, 1, 1)).number == 1
    assert editions.told_against(versions) == {3: 1, 2: 3, 4: 2}


def test_publishing_before_a_version_to_come_is_refused_naming_the_way_to_correct(policy_copy):
    _edit(_ashfield_with_a_version_to_come(policy_copy), MISTAKE, FIXED)
    with pytest.raises(PublishError) as caught:
        publish(load_policy(policy_copy), "ashfield", effective=dt.date(2026, 12, 1), note="Fix.", change="minor",
                published=dt.date(2026, 12, 1))
    message = str(caught.value)
    assert "v2 already takes effect on 1 April 2027" in message and "not on 2026-12-01" in message
    assert ('To correct the version in force (v1) before then: '
            'houserules publish --council ashfield --corrects 1 --note "..."') in message


def test_a_correction_that_does_not_apply_cleanly_names_the_file_and_line(policy_copy, capsys):
    council = _ashfield_with_a_version_to_come(policy_copy)
    # Version 1 reads "After 12 months" where the source (as version 2) reads "After 6 months".
    _edit(council, "After 6 months the owner", "After six months the owner")
    line = council.read_text(encoding="utf-8").splitlines().index("        After six months the owner of the "
                                                                  "account can appeal the decision to") + 1
    capsys.readouterr()
    assert _correct(policy_copy, 1) == 1
    err = capsys.readouterr().err
    assert f"policies/councils/ashfield.yaml:{line}: the edit here (“After six months the owner" in err, err
    assert "does not apply cleanly to v1" in err and "Nothing was published" in err
    assert "--corrects 2" in err  # the other way, when the mistake is in version 2 only
    assert not (policy_copy / "published" / "ashfield" / "v3.yaml").exists()
    assert len(load_versions(policy_copy)["ashfield"]) == 2


def test_a_correction_takes_effect_only_while_the_version_it_corrects_is_in_force(policy_copy):
    _edit(_ashfield_with_a_version_to_come(policy_copy), MISTAKE, FIXED)
    for effective, message in [("2024-04-30", "a correction of it must take effect on or after that day"),
                               ("2027-04-01", "a correction of v1 must take effect before it")]:
        with pytest.raises(PublishError, match=message):
            publish(load_policy(policy_copy), "ashfield", effective=dt.date.fromisoformat(effective), note="Fix.",
                    change="minor", published=dt.date(2026, 12, 1), corrects=1)
    with pytest.raises(PublishError, match="has no v3 to correct"):
        publish(load_policy(policy_copy), "ashfield", effective=None, note="Fix.", change="minor",
                published=dt.date(2026, 12, 1), corrects=3)


def test_a_correction_record_edited_by_hand_is_refused(policy_copy, capsys, monkeypatch):
    monkeypatch.setenv("HOUSERULES_TODAY", "2026-12-01")
    _edit(_ashfield_with_a_version_to_come(policy_copy), MISTAKE, FIXED)
    assert _correct(policy_copy, 1) == 0
    _edit(policy_copy / "published" / "ashfield" / "v3.yaml", "corrects: 1", "corrects: 2")
    with pytest.raises(PolicyError, match=r"ashfield v3 has changed since it was published \(corrects no longer"):
        load_versions(policy_copy)


@pytest.mark.slow  # builds sites
def test_the_councils_address_shows_the_correction_from_its_day(project_root, policy_copy, tmp_path, capsys,
                                                               monkeypatch):
    monkeypatch.setenv("HOUSERULES_TODAY", "2026-12-01")
    _edit(_ashfield_with_a_version_to_come(policy_copy), MISTAKE, FIXED)
    assert _correct(policy_copy, 1) == 0
    out = tmp_path / "site"

    def built(day: str, page: str) -> str:
        monkeypatch.setenv("HOUSERULES_TODAY", day)
        assert main(["build", "ashfield", "--policies", str(policy_copy), "--out", str(out)]) == 0
        return (out / "public" / "ashfield" / page).read_text(encoding="utf-8")

    before = built("2026-11-30", "using-social-media/index.html")
    assert "Version 1 of these pages" in before and "respond to posts outside of normal office" in before
    now = built("2026-12-01", "using-social-media/index.html")
    assert "Version 3 of these pages" in now and "reply to posts outside our office hours" in now
    site = out / "public" / "ashfield"
    # The correction's own pages: the fix, and none of version 2's changes.
    fixed = (site / "v3" / "when-rules-are-broken" / "index.html").read_text(encoding="utf-8")
    assert "After 12 months" in fixed and "After 6 months" not in fixed
    assert "After 6 months" in (site / "v2" / "when-rules-are-broken" / "index.html").read_text(encoding="utf-8")
    page = (site / "history" / "index.html").read_text(encoding="utf-8")
    history = re.sub(r"<[^>]+>", "", re.search(r"<article.*?</article>", page, re.S).group(0))
    assert "Version 3 (a correction of version 1): in force from 1 December 2026" in history
    assert not re.search(r"\bv\d\b|corrects", history), "in words: no version ids or field names"
    # Latest date first: version 2, then the correction, then version 1.
    assert history.index("Version 2: in force") < history.index("Version 3 (a correction") \
        < history.index("Version 1: in force")


def test_a_correction_leaves_out_edits_to_files_the_corrected_version_does_not_use():
    """A rule adopted only in a later version, edited with the mistake: the
    correction of the earlier version carries the council file's fix, not
    the later rule."""
    from houserules.versions import merge_files

    base = {"councils/a.yaml": b"name: A\nwording: teh rules\n", "rules/later.yaml": b"id: later\n"}
    theirs = {"councils/a.yaml": b"name: A\nwording: the rules\n", "rules/later.yaml": b"id: later\nfixed: yes\n"}
    target = {"councils/a.yaml": b"name: A\nwording: teh rules\n"}
    assert merge_files(base, theirs, target) == {"councils/a.yaml": b"name: A\nwording: the rules\n"}
