"""The field types, one at a time: what each accepts, and what an author is
told (line, field, message) when a value is wrong."""

from __future__ import annotations

import datetime as dt

import pytest

from houserules.schema import (INVALID, Choice, Context, Date, ListOf, Record, Text, Time,
                               Url)


def check(field, value, line=7, path="where"):
    """The checked value, and the problems as "line: field: message" strings."""
    ctx = Context("council.yaml")
    result = field.check(value, ctx, path, line)
    return result, [f"{p.line}: {p.field}: {p.message}" for p in ctx.problems]


# ---------------------------------------------------------------- Date

def test_date_reads_yyyy_mm_dd():
    assert check(Date(), "2026-11-21") == (dt.date(2026, 11, 21), [])


def test_impossible_date_is_named_as_such():
    result, problems = check(Date(), "2026-02-30")
    assert result is INVALID
    assert len(problems) == 1
    assert problems[0].startswith("7: where: impossible date '2026-02-30'")


@pytest.mark.parametrize("value", ["21/11/2026", "2026-1-5", "", 20261121])
def test_date_in_another_form_says_how_to_write_it(value):
    result, problems = check(Date(), value)
    assert result is INVALID
    kind = "text" if isinstance(value, str) else "a whole number"
    assert problems == [f"7: where: expected a date written YYYY-MM-DD (got {kind}: {value!r})"]


# ---------------------------------------------------------------- Time

@pytest.mark.parametrize("value", ["00:00", "08:30", "23:59"])
def test_time_stays_as_written(value):
    assert check(Time(), value) == (value, [])


@pytest.mark.parametrize("value", ["25:00", "24:00", "12:60"])
def test_impossible_time(value):
    result, problems = check(Time(), value)
    assert result is INVALID
    assert problems == [f"7: where: impossible time {value!r}"]


@pytest.mark.parametrize("value", ["9:00", "9am", "0900", 540])
def test_time_in_another_form_says_how_to_write_it(value):
    result, problems = check(Time(), value)
    assert result is INVALID
    assert len(problems) == 1
    assert 'expected a time written "HH:MM" (24-hour, in quotes)' in problems[0]
    assert repr(value) in problems[0]


# ---------------------------------------------------------------- Url

@pytest.mark.parametrize("value", ["https://www.ashfield.gov.uk",
                                   "https://www.tiktok.com/@riversidebc",
                                   "https://example.org/a/b?c=d#e",
                                   "https://www.north-herts.gov.uk/home/council-and-democracy/social-media%20policy"])
def test_url_accepts_full_web_addresses(value):
    assert check(Url(), value) == (value, [])


@pytest.mark.parametrize("value", ["www.ashfield.gov.uk", "https://localhost", "https://a b.com",
                                   "mailto:someone@example.org", "http://www.ashfield.gov.uk",
                                   'https://x.gov.uk/"><script>alert(1)</script>', "https://x.gov.uk/a)b",
                                   "https://user:pass@x.gov.uk/", "https://x.gov.uk:8080/", "javascript:alert(1)",
                                   "https://x.gov.uk/<meta>", "https://-x.gov.uk/"])
def test_url_without_scheme_or_host_is_refused(value):
    result, problems = check(Url(), value)
    assert result is INVALID
    assert problems == [f"7: where: expected a full web address starting with https:// (got text: {value!r})"]


# ---------------------------------------------------------------- Choice

def test_choice_suggests_the_close_match():
    result, problems = check(Choice("not-monitored", "emergencies-only"), "not-monitered")
    assert result is INVALID
    assert problems == ["7: where: expected one of: not-monitored, emergencies-only "
                        "(did you mean 'not-monitored'?) (got text: 'not-monitered')"]


def test_choice_without_a_close_match_lists_the_choices():
    result, problems = check(Choice("public", "staff"), "everyone")
    assert result is INVALID
    assert problems == ["7: where: expected one of: public, staff (got text: 'everyone')"]


def test_choice_does_not_take_yes_for_a_choice_named_yes():
    # YAML 1.1 would have made `yes` the boolean True; this loader keeps text,
    # and a boolean is never a choice.
    assert check(Choice("yes", "no"), "yes") == ("yes", [])
    assert check(Choice("yes", "no"), True)[0] is INVALID


# ---------------------------------------------------------------- Record

HOURS = Record("hours", {"start": Time(), "end": Time(), "note": Text(required=False)})


def test_record_unknown_key_names_the_key_and_suggests():
    result, problems = check(HOURS, {"start": "09:00", "end": "17:00", "strat": "08:00"}, path="monitoring.hours")
    assert result is INVALID
    assert problems == ["7: monitoring.hours.strat: unknown key in hours (did you mean 'start'?)"]


def test_record_unknown_key_without_a_close_match_lists_the_allowed_keys():
    result, problems = check(HOURS, {"start": "09:00", "end": "17:00", "colour": "red"}, path="h")
    assert problems == ["7: h.colour: unknown key in hours; allowed: start, end, note"]


def test_record_reports_every_problem_at_once():
    result, problems = check(HOURS, {"start": "25:00", "zzz": 1}, path="h")
    assert result is INVALID
    assert sorted(problems) == sorted([
        "7: h.zzz: unknown key in hours; allowed: start, end, note",
        "7: h.start: impossible time '25:00'",
        "7: h.end: missing required field in hours",
    ])


def test_record_validator_problem_makes_the_record_invalid():
    def later(record, ctx, path, raw):
        if record["start"] >= record["end"]:
            ctx.error(7, f"{path}.end", "must be later than start")

    hours = Record("hours", {"start": Time(), "end": Time()}, validate=later)
    assert check(hours, {"start": "09:00", "end": "17:00"}) == ({"start": "09:00", "end": "17:00"}, [])
    result, problems = check(hours, {"start": "18:00", "end": "08:30"}, path="h")
    assert result is INVALID
    assert problems == ["7: h.end: must be later than start"]


# ---------------------------------------------------------------- ListOf

def test_list_unique_names_both_places():
    days = ListOf(Choice("monday", "tuesday"), unique=lambda d: d, unique_what="day")
    result, problems = check(days, ["monday", "tuesday", "monday"], path="days")
    assert result is INVALID
    assert problems == ["7: days[2]: duplicate day 'monday' (already at line 7)"]


def test_list_with_a_bad_item_is_invalid_and_says_which_item():
    result, problems = check(ListOf(Time()), ["09:00", "25:00"], path="times")
    assert result is INVALID
    assert problems == ["7: times[1]: impossible time '25:00'"]


def test_list_min_items():
    result, problems = check(ListOf(Text(), min_items=1), [], path="elections")
    assert result is INVALID
    assert problems == ["7: elections: needs at least 1 item(s), has 0"]


# ---------------------------------------------------------------- silence

from houserules.schema import NotStated, stated  # noqa: E402

MONITORING = Record("monitoring", {
    "days": ListOf(Choice("monday", "tuesday"), min_items=1, silence="which days the accounts are monitored"),
    "hours": Record("hours", {"start": Time(), "end": Time()}, silence="the hours the accounts are monitored"),
    "wording": Text(required=False),
})


def check_with_notes(field, value, path="monitoring"):
    ctx = Context("council.yaml")
    return field.check(value, ctx, path, 7), [f"{p.field}: {p.message}" for p in ctx.problems], \
        [f"{p.field}: {p.message}" for p in ctx.notes]


def test_a_setting_left_out_is_not_stated_and_noted_not_an_error():
    result, problems, notes = check_with_notes(MONITORING, {"days": ["monday"]})
    assert problems == [] and result["days"] == ("monday",)
    assert isinstance(result["hours"], NotStated) and not result["hours"] and not stated(result["hours"])
    assert notes == ["monitoring.hours: not stated: "
                     "the sites will say nothing about the hours the accounts are monitored"]


@pytest.mark.parametrize("marker", ["not stated", "Not stated", "not-stated"])
def test_a_setting_can_be_marked_not_stated(marker):
    result, problems, notes = check_with_notes(MONITORING, {"days": marker, "hours": marker})
    assert problems == []
    assert result["days"] == NotStated() and result["hours"] == NotStated()
    assert list(result["days"]) == []  # a list not stated reads as an empty one
    assert notes[0].startswith("monitoring.days: marked not stated")


def test_an_empty_list_says_nothing():
    result, problems, notes = check_with_notes(MONITORING, {"days": []})
    assert problems == [] and not stated(result["days"])
    assert notes[0].startswith("monitoring.days: empty")


def test_a_setting_not_known_yet_carries_why_and_may_carry_a_placeholder():
    result, problems, notes = check_with_notes(MONITORING, {"hours": {"unknown": "the policy is being revised"}})
    assert problems == [] and result["hours"] == NotStated("the policy is being revised")
    assert notes[-1] == ("monitoring.hours: not known yet (the policy is being revised): "
                         "the sites will say nothing about the hours the accounts are monitored")


def test_a_name_not_known_needs_a_placeholder_and_cannot_be_left_out():
    name = Record("council", {"name": Text(silence="the council's name", needs_placeholder=True)})
    result, problems, _ = check_with_notes(name, {"name": {"unknown": "not in the document"}}, path="")
    assert result is INVALID and problems == ["name.placeholder: missing: what the pages say until it is known"]
    result, problems, _ = check_with_notes(name, {}, path="")
    assert result is INVALID and problems == ["name: missing required field in council"]
    result, problems, _ = check_with_notes(name, {"name": "not stated"}, path="")
    assert result is INVALID and "the pages need words for this" in problems[0]
    result, problems, _ = check_with_notes(name, {"name": {"unknown": "x", "placeholder": "the City Council"}}, path="")
    assert problems == [] and result["name"].placeholder == "the City Council"


def test_an_unknown_key_beside_unknown_is_still_an_unknown_key():
    _, problems, _ = check_with_notes(MONITORING, {"hours": {"unknown": "x", "start": "09:00"}})
    assert any("monitoring.hours.unknown: unknown key in hours" in p for p in problems)


def test_the_loaded_policy_is_typed_and_cannot_be_changed(project_root):
    import dataclasses

    from houserules.formats import Council, Hours
    from houserules.load import load_policy

    council = load_policy(project_root / "policies", prove=False).councils["ashfield"]
    assert isinstance(council, Council) and isinstance(council.monitoring.hours, Hours)
    assert council.monitoring.hours.start == "08:30" and isinstance(council.rules.adopted, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        council.name = "Somewhere Else"
    with pytest.raises(TypeError):
        council.page_titles["index"] = "changed"
