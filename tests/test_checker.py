"""The checker as residents and moderators meet it: findings that explain
themselves, dodges caught, innocent words left alone, any input handled."""

from __future__ import annotations

import datetime as dt
import signal
from pathlib import Path

import pytest

from source import policy
from houserules.rulepack import build_rulepack
from houserules_checker import BREAKS, MAY_BREAK, NEEDS_PERSON, Checker, CheckError

ROOT = Path(__file__).resolve().parent.parent
POLICY = policy()


@pytest.fixture(scope="module")
def city() -> Checker:
    return Checker(build_rulepack(POLICY, "city"))


def verdict(checker, text, rule, **kw):
    return {f.rule: f for f in checker.check(text, **kw).findings}[rule]


def test_a_finding_names_rule_wording_offsets_and_why(city):
    text = "Honestly, this is shit."
    finding = verdict(city, text, "swearing")
    assert finding.verdict == BREAKS
    assert finding.wording == "Do not swear."
    [match] = finding.matches
    assert text[match.start:match.end] == match.text == "shit"
    assert "shit" in finding.why[0] and "word list" in finding.why[0]
    assert finding.next_steps, "a broken rule says what the council does next"


def test_each_reason_explains_the_match_beside_it(city):
    # A mild word (may break) before a medium one (breaks): the report pairs
    # each highlighted word with its own reason, in reading order.
    finding = verdict(city, "What an ass, the bitches who run this", "swearing")
    assert [m.text for m in finding.matches] == ["ass", "bitches"]
    assert [why.split("'")[1] for why in finding.why] == ["ass", "bitches"]


def test_each_rule_reports_its_own_evidence(city):
    # Rules that find the same thing share the work; a rule that finds
    # something else must never be handed another rule's finding.
    text = "these hoes are wild http://t.co/BMdSVMc3rC"
    for _ in range(50):
        findings = {f.rule: f for f in city.check(text).findings}
        assert [m.text for m in findings["obscene"].matches] == ["hoes"]
        assert [m.text for m in findings["advertising"].matches] == ["http://t.co/BMdSVMc3rC"]


def test_a_check_leaves_nothing_for_the_garbage_collector(city):
    # Reference cycles would be freed only by the collector, which then runs
    # often on a busy moderation queue; a check should free all it made.
    import gc
    gc.collect()
    gc.disable()
    try:
        for text in ("you are a stupid bitch", "RT @someone: wait… what a shit\u200b show 😂 http://t.co/x",
                     "f u c k off", "Call 07700 900123 or email me@example.com", ""):
            city.check(text, reply_to="Bin collections next week", earlier=[text])
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_a_word_in_two_word_lists_is_reported_once_with_the_first_lists_reason(city):
    # 'bitch' is in both the ldnoobw and the Ofcom list.
    for rule, why in (("swearing", "'bitch' (medium, general, word list ldnoobw) as written"),
                      ("abuse", "'bitch' aimed at 'you'")):
        finding = verdict(city, "Shut up you bitch", rule)
        assert finding.verdict == BREAKS and finding.why == (why,)
        assert [(m.start, m.end, m.text) for m in finding.matches] == [(12, 17, "bitch")]


def test_findings_are_values_a_caller_cannot_change(city):
    result = city.check("Honestly, this is shit.")
    with pytest.raises(AttributeError):
        result.findings[0].verdict = "passes"
    again = city.check("Honestly, this is shit.")
    assert result.findings == again.findings


@pytest.mark.parametrize("dodge", [
    "sh1t", "sh!t", "shiiiiit", "s.h.i.t", "s h i t", "SHIT", "sh*t", "ѕhіt",  # Cyrillic look-alikes
    "sh\u200bit",  # zero-width space inside
    "f**k off", "fuuuuck off", "f.u.c.k off", "bullshit", "fucking hell",
    "@sshole",  # '@' for 'a', not an account
])
def test_disguised_swearing_is_caught_and_points_at_the_original_text(city, dodge):
    finding = verdict(city, f"The bins are {dodge} again", "swearing")
    assert finding.verdict == BREAKS, dodge
    match = finding.matches[0]
    assert f"The bins are {dodge} again"[match.start:match.end] == match.text


@pytest.mark.parametrize("text", ["@dave123 idiot", "idiot @dave123", "RT @jo: @dave123 is a total idiot"])
def test_an_insult_aimed_at_an_account_breaks_and_names_it(city, text):
    finding = verdict(city, text, "abuse")
    assert finding.verdict == BREAKS and finding.why == ("'idiot' aimed at @dave123",)


def test_an_account_name_is_not_a_word_even_when_it_holds_one(city):
    assert not city.check("Thanks to @dickensfan and @cockburnsfc for the photos of the park").flagged()


@pytest.mark.parametrize("innocent", [
    "Scunthorpe United won on Saturday", "The Penistone road is closed", "Cockermouth flood defences",
    "Essex County Council's announcement", "My council tax assessment is wrong", "A classic car show",
    "My therapist says the library is calming", "Dick Turpin was hanged in York in 1739",
    "Great British Bake Off", "The class assignment on Sussex history", "Shiitake mushrooms at the market",
])
def test_innocent_words_containing_bad_ones_pass(city, innocent):
    flagged = city.check(innocent).flagged()
    assert not flagged, [(f.rule, [m.text for m in f.matches]) for f in flagged]


@pytest.mark.parametrize("text,kind", [
    ("Ring me on 07700 900123", "phone"), ("Ring me on +44 7700 900123", "phone"),
    ("call 0115 496 0000 after 5", "phone"), ("on (020) 7946 0018 please", "phone"),
    ("email me: jo.bloggs@example.co.uk", "email"),
    ("they live at 12 Mill Lane, NG17 8AB", "address"),
    ("my NI is AB 12 34 56 C", "NI"), ("card 4111-1111-1111-1111", "card"),
])
def test_personal_information_is_found(city, text, kind):
    assert verdict(city, text, "personal-information").verdict == BREAKS, kind


@pytest.mark.parametrize("text", [
    "Collection moved to 27/12/2024 at 07:30", "Your reference is FT-2024-118273",
    "It costs £1,250.00 a year", "Planning application 24/00567/FUL", "Card ending 1234",
    "Invoice 4111 1111 1111 1112", "Call 999 in an emergency", "Meeting at 10:00 on 2025-03-04",
])
def test_numbers_that_are_not_personal_information_pass(city, text):
    assert verdict(city, text, "personal-information").verdict not in (BREAKS, MAY_BREAK)


def test_party_politics_only_counts_inside_the_pre_election_period():
    notts = Checker(build_rulepack(POLICY, "nottinghamshire"))
    text = "Vote Labour and kick the Tories out!"
    assert verdict(notts, text, "party-political", date=dt.date(2029, 4, 20)).verdict == BREAKS
    assert verdict(notts, text, "party-political", date=dt.date(2029, 5, 3)).verdict == BREAKS  # polling day
    # before the six weeks
    assert verdict(notts, text, "party-political", date=dt.date(2029, 3, 21)).verdict == "passes"
    assert verdict(notts, text, "party-political", date=dt.date(2029, 5, 4)).verdict == "passes"


def test_rules_no_program_can_judge_say_so(city):
    result = city.check("Hello")
    people = {f.rule for f in result.findings if f.verdict == NEEDS_PERSON}
    assert {"copyright", "impersonation"} <= people


def test_spam_compares_with_earlier_comments(city):
    text = "Sign our petition to save the library!"
    assert verdict(city, text, "spam").verdict == "passes"
    assert verdict(city, text, "spam", earlier=["Sign our petition to save the library!!"]).verdict == BREAKS


def test_same_input_same_findings_in_the_same_order(city):
    text = "You idiot, f**k off and ring 07700 900123 or visit www.example.com"
    first = city.check(text).to_dict()
    for _ in range(3):
        assert city.check(text).to_dict() == first


@pytest.fixture()
def no_hang():
    """Fail, rather than hang the suite, if a check never returns."""
    def stop(*_):
        raise TimeoutError("the check did not return")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("text", [
    "", " ", "😀" * 500, "\x00\x01\x02\x1b[31m control", "\ud800 broken \udfff surrogates", "\u200b" * 1000,
    "a" * 1_000_000, "f u c k " * 125_000, "1 " * 500_000, "0" * 1_000_000, "i will " * 140_000,
    "@" * 1_000_000, "Councillor Smith " * 58_000, "12 aaaa " * 120_000, "www." * 250_000,
])
def test_any_input_gives_a_result(city, text, no_hang):
    result = city.check(text)
    assert len(result.findings) == len(city.pack["rules"])
    for f in result.findings:
        for m in f.matches:
            assert 0 <= m.start <= m.end <= len(text)


def test_too_long_or_not_text_is_a_clear_error(city):
    with pytest.raises(CheckError, match="at most 1,000,000 characters"):
        city.check("a" * 1_000_001)
    with pytest.raises(CheckError, match="must be text"):
        city.check(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    "Could you please check the streetlight on Mill Lane?",
    "Join us at the Christmas market on Saturday, it's lovely.",
    "My library book is overdue, can I renew it online?",
    "How do I subscribe to the bin reminder emails?",
    "Please share this so people know the road is closed.",
    "Is the new car park at the leisure centre free after 6pm?",
    "Thanks to the crew who cleared the fallen tree on Station Road so quickly.",
    "The consultation page is at www.example.gov.uk/consult and closes on Friday, have your say.",
    "I'll kill for a decent bus service round here.",
    "My daughter's school play was brilliant, well done everyone.",
    "Sub-zero temperatures tonight, are the gritters out?",
    "Subscribe to the council newsletter for bin day reminders, it's handy.",
    "Is the new bike track at the park finished? My kids would love to ride it.",
])
def test_everyday_comments_on_council_posts_break_nothing(city, text):
    flagged = [(f.rule, [m.text for m in f.matches]) for f in city.check(text).flagged(BREAKS)]
    assert not flagged, flagged
