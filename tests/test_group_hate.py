"""The group-hate check (detectors/group_hate.py) and its lexicon of protected
groups (groups.py).

(a) What it must find: each kind of predicate, for several groups, named in
    the finding as a moderator would.
(b) What it must leave alone: tests/data/benign_identity.txt, ordinary
    comments that name a protected group (no finding breaks a rule, at most
    1% may), and counter-speech and denials of hate.
(c) HateCheck (Röttger et al. 2021, CC BY 4.0, read from ../shared/data, not
    copied here): the share judged right per functionality is printed (run
    with -s to see it), and loose floors are asserted. The grammar was tuned
    on the cases of half of HateCheck's templates ("dev", chosen by a hash
    of the template); the floors and the figures that matter are those of
    the other half, never read.
(d) The work grows with the comment's length and no faster, counted as
    tests/test_linear_time.py counts it, on shapes of comment made for this
    grammar.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import SimpleNamespace

import pytest

from houserules.load import load_policy
from houserules.rulepack import build_rulepack
from houserules_checker import BREAKS, MAY_BREAK, Checker, groups, text
from houserules_checker.detectors import group_hate
from houserules_checker.kinds import KINDS

ROOT = Path(__file__).resolve().parent.parent
BENIGN = ROOT / "tests" / "data" / "benign_identity.txt"
HATECHECK = ROOT.parent / "shared" / "data" / "training" / "hatecheck.csv"
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
from bench_group_hate import template_held_out  # noqa: E402  (one split, shared with the benchmark)


def find(comment: str):
    """The detector's signals, as the engine gets them."""
    return group_hate.detect(text.prepare(comment), SimpleNamespace(memo={}), None)


def strongest(comment: str) -> str | None:
    found = find(comment)
    if not found:
        return None
    return BREAKS if any(s.verdict == BREAKS for s in found) else MAY_BREAK


# ---------------------------------------------------------------- the lexicon


def test_every_protected_characteristic_has_terms_and_identity_terms_cover_them():
    assert set(groups.BY_CHARACTERISTIC) == {
        "age", "disability", "gender reassignment", "marriage and civil partnership", "pregnancy and maternity",
        "race", "religion or belief", "sex", "sexual orientation"}
    for characteristic in groups.CHARACTERISTICS:
        assert groups.BY_CHARACTERISTIC[characteristic] <= groups.IDENTITY_TERMS
    assert groups.IDENTITY_TERMS == groups.NEUTRAL_TERMS | groups.OFFENSIVE_TERMS
    for term in ("muslims", "jews", "black people", "disabled people", "gay people", "trans people", "women",
                 "immigrants", "asylum seekers", "travellers", "gypsies", "pensioners", "pregnant women",
                 "civil partners", "lgbtq+", "people with disabilities", "poles", "sikhs"):
        assert term in groups.IDENTITY_TERMS, term
    # Offensive names are there, and flagged as such.
    for term in ("pikeys", "pakis", "trannies", "retards", "faggots", "kikes"):
        assert term in groups.OFFENSIVE_TERMS and term not in groups.NEUTRAL_TERMS, term
    # Words that only complete a name are not names of groups.
    assert not {"people", "the", "with", "community", "it", "them"} & groups.IDENTITY_WORDS
    assert {"muslims", "gay", "black", "lgbtqt"} <= groups.IDENTITY_WORDS  # as the checker keys "LGBTQ+"


def test_each_term_has_one_form_and_a_known_characteristic():
    for term in groups.TERMS:
        assert set(groups.characteristics_of(term)) <= set(groups.CHARACTERISTICS)
        assert term.form in (groups.PLURAL, groups.SINGULAR, groups.ADJECTIVE, groups.BELIEF)
        assert term.term == term.term.lower().strip() and not term.term.startswith("the ")


# ---------------------------------------------------------------- (a) what it finds

# (comment, strongest verdict, what the finding says, the group it names)
POSITIVE = [
    # calls for violence
    ("Muslims should all be shot.", BREAKS, "a call for violence against a group", "religion or belief: Muslims"),
    ("Gas the Jews.", BREAKS, "a call for violence against a group", "Jews"),
    ("Immigrants are a drain and should die.", BREAKS, "a call for violence against a group", "race: immigrants"),
    ("I hope all the pensioners die this winter.", BREAKS, "a call for violence against a group", "age: older people"),
    ("Kill all the gays.", BREAKS, "a call for violence against a group", "sexual orientation: gay people"),
    ("Disabled people should be put down.", BREAKS, "a call for violence against a group", "disability"),
    ("Trans people need shooting.", BREAKS, "a call for violence against a group", "gender reassignment"),
    # calls to expel, exclude, lock up
    ("Muslims in this town should be deported.", BREAKS, "a call to expel a group", "religion or belief: Muslims"),
    ("Send the refugees back where they came from.", BREAKS, "a call to expel a group", "race: immigrants"),
    ("Polish people should go back to Poland.", BREAKS, "a call to expel a group", "race: Eastern Europeans"),
    ("We need to get rid of the Romanians.", BREAKS, "a call to expel a group", "race: Eastern Europeans"),
    ("Immigrants out!", BREAKS, "a call to expel a group", "race: immigrants"),
    ("English people out of Wales.", BREAKS, "a call to expel a group", "race: people of British and Irish"),
    ("Poles out of our country", BREAKS, "a call to expel a group", "race: Eastern Europeans"),
    ("Gay people shouldn't be allowed near our children.", BREAKS, "a call to exclude a group", "gay people"),
    ("Travellers are not welcome in this town.", BREAKS, "a call to exclude a group", "Gypsies, Roma and Travellers"),
    ("No blacks allowed.", BREAKS, "a call to exclude a group", "race: black people"),
    ("Jews have no place in this country.", BREAKS, "a call to exclude a group", "Jews"),
    ("Round up the gypsies and lock them up.", BREAKS, "a call to lock up a group", "Gypsies, Roma and Travellers"),
    ("Women should not be allowed to vote.", MAY_BREAK, "would deny a group rights others have", "sex: women"),
    ("Trans women should be banned from the leisure centre.", MAY_BREAK, "a call to ban a group", "trans people"),
    # dehumanising comparisons
    ("Immigrants are vermin.", BREAKS, "a dehumanising comparison", "race: immigrants"),
    ("All Muslims are demonic.", BREAKS, "a dehumanising comparison", "Muslims"),
    ("Disabled people are leeches.", BREAKS, "a dehumanising comparison", "disability: disabled people"),
    ("Travellers are like rats, they get everywhere.", BREAKS, "a dehumanising comparison", "Travellers"),
    ("Refugees breed like rabbits.", BREAKS, "a dehumanising comparison", "race: immigrants"),
    ("Black people are not human.", BREAKS, "a dehumanising comparison", "race: black people"),
    ("Old people are a waste of space.", BREAKS, "a dehumanising comparison", "age: older people"),
    ("The town is infested with Poles.", BREAKS, "a dehumanising comparison", "Eastern Europeans"),
    ("Muslim scum.", BREAKS, "a dehumanising comparison", "Muslims"),
    ("Dirty Jews.", BREAKS, "a dehumanising comparison", "Jews"),
    ("Gay people are a disease on society.", BREAKS, "a dehumanising comparison", "gay people"),
    # hatred
    ("I hate Muslims.", BREAKS, "expresses hatred of a group", "religion or belief: Muslims"),
    ("I can't stand disabled people.", BREAKS, "expresses hatred of a group", "disability"),
    ("Immigrants make me sick.", BREAKS, "expresses hatred of a group", "immigrants"),
    ("The contempt I feel for trans people is hard to put into words.", BREAKS, "expresses hatred of a group",
     "gender reassignment"),
    # the worst smears, and generalisations
    ("Gay people are perverts.", BREAKS, "a hateful generalisation about a group", "sexual orientation"),
    ("Every immigrant is a criminal.", BREAKS, "a hateful generalisation about a group", "race: immigrants"),
    ("Travellers are all thieves.", BREAKS, "a hateful generalisation about a group", "Travellers"),
    ("Disabled people are a burden on society.", MAY_BREAK, "a negative generalisation about a group", "disability"),
    ("Women are too emotional to be councillors.", MAY_BREAK, "a negative generalisation about a group", "sex: women"),
    ("Why are Pakistanis so lazy?", MAY_BREAK, "a negative generalisation about a group", "race"),
    ("Trans women are not real women.", MAY_BREAK, "a negative generalisation about a group", "gender reassignment"),
    ("Muslims can't be trusted.", MAY_BREAK, "a negative generalisation about a group", "Muslims"),
    # stereotypes presented as fact
    ("Immigrants are taking our jobs.", MAY_BREAK, "a stereotype presented as fact", "race: immigrants"),
    ("Jews control the media.", MAY_BREAK, "a stereotype presented as fact", "Jews"),
    ("Women belong in the kitchen.", MAY_BREAK, "a stereotype presented as fact", "sex: women"),
    ("Gypsies steal everything.", MAY_BREAK, "a stereotype presented as fact", "Travellers"),
    ("Typical Muslim behaviour.", MAY_BREAK, "a stereotype ('typical ...')", "Muslims"),
    # a belief: a person judges
    ("Islam is a cancer.", MAY_BREAK, "a dehumanising comparison", "religion or belief"),
    # an offensive name makes it sure
    ("Pikeys are all thieves.", BREAKS, "a hateful generalisation about a group", "is an offensive name"),
    # "they", for a group just named: a person checks
    ("Refugees are vermin. Send them back!", BREAKS, "a call to expel a group", "if 'them' means the immigrants"),
    # opinion is still the poster's
    ("I think immigrants are parasites.", BREAKS, "a dehumanising comparison", "immigrants"),
]


@pytest.mark.parametrize("comment, verdict, says, group", POSITIVE, ids=[c for c, *_ in POSITIVE])
def test_hate_against_a_group_is_found_and_explained(comment, verdict, says, group):
    found = find(comment)
    assert found, comment
    assert strongest(comment) == verdict, [s.why for s in found]
    assert any(says in s.why and group in s.why for s in found), [s.why for s in found]
    for s in found:
        assert 0 <= s.start < s.end <= len(comment)
        assert s.why.startswith('"') and "(" in s.why


def test_the_explanation_reads_like_a_moderators():
    (signal,) = find("Muslims in this town should be deported")
    assert signal.why == '"Muslims ... should be deported": a call to expel a group (religion or belief: Muslims)'
    assert signal.verdict == BREAKS
    (signal,) = find("Deport all Muslims now")
    assert signal.why == '"Deport all Muslims": a call to expel a group (religion or belief: Muslims)'
    (signal,) = find("Disabled people are leeches and scroungers")
    assert signal.why.startswith('"Disabled people are leeches')
    assert signal.why.endswith("a dehumanising comparison (disability: disabled people)")


def test_places_point_into_the_comment_as_typed():
    comment = "Honestly   IMMIGRANTS… are   VERMIN!!"
    (signal,) = find(comment)
    assert comment[signal.start:signal.end] == "IMMIGRANTS… are   VERMIN"


# ---------------------------------------------------------------- (b) what it leaves alone

NOT_HATE = [
    "Refugees out of the hotel and into proper homes, they deserve better.",
    "The immigrants came out of the station and waited for the bus.",
    # denied
    "Not all immigrants are criminals.",
    "Muslims are not terrorists.",
    "Immigrants are not vermin, they are our neighbours.",
    "Refugees shouldn't be deported to a country they don't know.",
    "Trans women are not a threat to anyone.",
    "I don't think disabled people are a burden at all.",
    "No one should be deported for being poor.",
    "Gay people aren't perverts, and saying so is vile.",
    # counter-speech that quotes or reports hate to reject it
    "Saying 'Muslims are vermin' is disgusting.",
    "Stop calling immigrants parasites.",
    "Calling refugees vermin is disgusting.",
    "People who say gay people should be banned from the library are living in the past.",
    "It's racist to say black people are criminals.",
    "\"Immigrants out\" was sprayed on the bus shelter, can it be cleaned?",
    "My neighbour keeps saying Poles are stealing our jobs, it's nonsense.",
    "Claiming that Jews control the media is an antisemitic trope.",
    "The Nazis called Jews vermin.",
    "He was jailed for posting that Muslims should be shot.",
    "It isn't true that refugees get free houses.",
    "Never say that women belong in the kitchen.",
    # positive or neutral, with words the grammar looks for nearby
    "Refugees are human beings, not vermin.",
    "Refugees are welcome here.",
    "Trans women are women.",
    "Disabled people deserve respect.",
    "Muslims should be allowed to use the community hall.",
    "The men who attacked the mosque should be locked up.",
    "We should help refugees, not deport them.",
    "Hate crime against Muslims is up and it's disgusting.",
    "Attacks on Jews should be punished severely.",
    "Ban the Muslim community centre's car park from overnight parking? No, ban the lorries.",
    "The rats behind the Chinese takeaway need dealing with.",
    "Black rats were found in the old warehouse.",
    "Dirty old men hang round the bus station, it's creepy.",
    "The government is going to deport refugees to Rwanda, is that even legal?",
    "Six million Jews were murdered in the Holocaust.",
    "Pensioners are sick of waiting for the 42 bus.",
    "Pensioners are confused by the new bin app.",
    "Disabled people have no place to go in this town after 6pm.",
    "Expectant mothers should get priority parking at the hospital.",
    "Young people should be kept away from the building site.",
    "Kids on bikes in the precinct are a menace.",
]


@pytest.mark.parametrize("comment", NOT_HATE)
def test_denials_counter_speech_and_ordinary_mentions_pass(comment):
    assert find(comment) == [], [s.why for s in find(comment)]


def _benign() -> list[str]:
    return [line for line in BENIGN.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_benign_set_is_large_varied_and_clean():
    lines = _benign()
    assert len(lines) >= 300 and len(set(lines)) == len(lines)
    verdicts = Counter(strongest(line) for line in lines)
    flagged = {line: [s.why for s in find(line)] for line in lines if find(line)}
    print(f"\nbenign set: {len(lines)} comments, {verdicts[BREAKS]} break, {verdicts[MAY_BREAK]} may break")
    assert verdicts[BREAKS] == 0, flagged
    assert verdicts[MAY_BREAK] <= len(lines) // 100, flagged
    # It names every protected characteristic.
    named = {c for line in lines for term in groups.TERMS for c in groups.characteristics_of(term)
             if f" {term.term} " in f" {line.lower().replace(',', ' ').replace('.', ' ')} "}
    assert named >= set(groups.CHARACTERISTICS)


# ---------------------------------------------------------------- in the checker


def test_the_check_kind_is_declared_and_runs_in_the_checker(project_root):
    kind = KINDS["group-hate"]
    assert kind.module is group_hate and kind.strongest == BREAKS and set(kind.signs) == {BREAKS, MAY_BREAK}
    policy = load_policy(project_root / "policies", prove=False)
    pack = build_rulepack(policy, sorted(policy.councils)[0])
    template = pack["rules"][0]
    rule = {**template, "id": "group-hate-test", "check": {"kind": "group-hate"}}
    checker = Checker({**pack, "rules": [rule]})
    result = checker.check("Immigrants in this town should be deported, the lot of them.")
    (finding,) = result.flagged()
    assert finding.verdict == BREAKS and "a call to expel a group (race: immigrants)" in finding.why[0]
    assert finding.matches[0].text.startswith("Immigrants")
    assert checker.check("Lovely to see the Polish deli open again.").flagged() == []


def test_most_comments_name_no_group_and_cost_one_lookup():
    comment = text.prepare("The bins on Queen Street were not collected again this week, please sort it.")
    assert group_hate._ANCHOR_WORDS.isdisjoint(comment.words.keys)
    assert group_hate.detect(comment, SimpleNamespace(memo={}), None) == []


def test_random_text_with_group_words_gives_places_in_the_comment():
    rng = random.Random(2026)
    pieces = ["immigrants", "are", "vermin", "should", "be", "deported", "not", "all", "they", "them", "send",
              "back", "\"", "'", "saying", "stop", "calling", "muslims", "black", "people", "the", "irish",
              "typical", "dirty", "no", "allowed", "I", "hate", ".", "!", "\n", "…", "é", "\u200b", "💩", "like",
              "rats", "who", "in", "this", "town", "everyone", "gas", "kill", "a", "swarm", "of"]
    for _ in range(400):
        comment = " ".join(rng.choice(pieces) for _ in range(rng.randrange(1, 40)))
        comment = comment.replace(" \u200b ", "\u200b")
        for s in find(comment):
            assert 0 <= s.start < s.end <= len(comment), (comment, s)
            assert s.verdict in (BREAKS, MAY_BREAK)


# ---------------------------------------------------------------- (c) HateCheck


@pytest.mark.skipif(not HATECHECK.exists(), reason="HateCheck is not in ../shared/data/training")
def test_hatecheck_per_functionality():
    """Printed with -s: the share judged right (hateful: flagged, breaks or may
    break; non-hateful: not flagged) per functionality, on all cases and on
    the held-out templates. The floors are loose, below what was measured on
    the held-out half, so a change that makes it much worse fails."""
    with HATECHECK.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for row in rows:
        flagged = bool(find(row["text"]))
        right = flagged == (row["label"] == "hateful")
        for part in ("all", "held-out" if template_held_out(row["template"]) else "dev"):
            table[row["functionality"]][part][0] += right
            table[row["functionality"]][part][1] += 1
    share = {f: {p: right / total for p, (right, total) in parts.items()} for f, parts in table.items()}
    print("\nHateCheck, share judged right: functionality, all cases, held-out templates (never read)")
    for functionality in sorted(share, key=lambda f: (f.endswith("_nh"), f)):
        cells = share[functionality]
        print(f"  {functionality:22} {cells['all']:6.1%} {cells.get('held-out', float('nan')):6.1%}")
    held_out = {f: cells["held-out"] for f, cells in share.items() if "held-out" in cells}
    # Non-hateful cases (neutral and positive mentions, counter-speech, denials): nearly all pass.
    for functionality, value in held_out.items():
        if functionality.endswith("_nh"):
            assert value >= 0.85, (functionality, value)
    # Hateful cases the grammar is for: loose floors, well under what is measured.
    floors = {"derog_dehum_h": 0.8, "phrase_opinion_h": 0.6, "threat_norm_h": 0.4, "phrase_question_h": 0.35,
              "derog_neg_emote_h": 0.25, "profanity_h": 0.25, "ref_subs_clause_h": 0.2, "spell_space_add_h": 0.4,
              "spell_leet_h": 0.3, "derog_neg_attrib_h": 0.15}
    for functionality, floor in floors.items():
        assert held_out[functionality] >= floor, (functionality, held_out[functionality])
    hateful = [cells for f, cells in table.items() if f.endswith("_h")]
    right = sum(c["held-out"][0] for c in hateful if "held-out" in c)
    total = sum(c["held-out"][1] for c in hateful if "held-out" in c)
    assert right / total >= 0.3


# ---------------------------------------------------------------- (d) linear in the comment's length

RATIO = 2.2
N = 2_000
MEASURED = 1_500


def _units(unit: str):
    return lambda n: unit * max(1, n // len(unit))


SHAPES = {
    "hate repeated": _units("immigrants are vermin "),
    "calls repeated": _units("muslims should be deported "),
    "object calls": _units("deport all the muslims "),
    "particle calls": _units("send the refugees back "),
    "denied": _units("not all immigrants are criminals "),
    "counter-speech": _units("saying muslims are vermin is disgusting "),
    "quoted": _units("\"immigrants are vermin\" he said "),
    "unclosed quotes": _units("\"immigrants are vermin "),
    "pronouns after a group": lambda n: "immigrants " + "they should be deported " * (n // 24),
    "pronouns only": _units("they should be deported "),
    "adjectives in a row": lambda n: "black " * (n // 6) + "people are vermin",
    "collective": _units("the irish are lazy "),
    "groups only": _units("muslims "),
    "group names in a row": _units("gay lesbian trans disabled "),
    "fillers": lambda n: "immigrants are " + "really " * (n // 7) + "vermin",
    "determiners": lambda n: "deport " + "all of the " * (n // 11) + "muslims",
    "typical": _units("typical muslims "),
    "epithets": _units("dirty jews muslim scum "),
    "no x allowed": _units("no blacks allowed "),
    "frames": _units("stop calling saying claiming immigrants vermin "),
    "a group, then a long gap": lambda n: "immigrants" + " " * n + " are vermin",
    "a group, then dots": lambda n: "immigrants" + "." * n + " are vermin",
    "sentences": _units("Immigrants are vermin. "),
    "feelings": _units("the contempt i feel for muslims "),
    "and chains": _units("we should round them up and shoot immigrants and "),
    "i hate": _units("i really do hate women "),
}


def _count(run) -> Counter:
    monitoring = sys.monitoring
    tool = next(i for i in range(6) if monitoring.get_tool(i) is None)
    counts: Counter = Counter()
    events = monitoring.events
    branches = [getattr(events, name) for name in ("BRANCH_LEFT", "BRANCH_RIGHT") if hasattr(events, name)]
    wanted = (events.LINE, events.JUMP, events.CALL, events.PY_START, events.PY_RESUME, *(branches or [events.BRANCH]))

    def seen(code, *_):
        counts[code.co_filename] += 1

    monitoring.use_tool_id(tool, "group-hate linear-time test")
    try:
        mask = 0
        for event in wanted:
            monitoring.register_callback(tool, event, seen)
            mask |= event
        monitoring.set_events(tool, mask)
        try:
            run()
        finally:
            monitoring.set_events(tool, 0)
    finally:
        for event in wanted:
            monitoring.register_callback(tool, event, None)
        monitoring.free_tool_id(tool)
    return counts


@pytest.fixture(scope="module")
def hate_checker(project_root) -> Checker:
    policy = load_policy(project_root / "policies", prove=False)
    pack = build_rulepack(policy, sorted(policy.councils)[0])
    rule = {**pack["rules"][0], "id": "group-hate-test", "check": {"kind": "group-hate"}}
    return Checker({**pack, "rules": [rule]})


@pytest.mark.parametrize("shape", SHAPES)
def test_twice_the_comment_is_at_most_twice_the_work(hate_checker, shape):
    make = SHAPES[shape]
    comments = [make(N), make(2 * N)]
    day = dt.date(2026, 12, 1)
    for comment in comments:  # once first: what is remembered from word to word is then known
        hate_checker.check(comment, date=day)
    small, large = (_count(lambda c=comment: hate_checker.check(c, date=day)) for comment in comments)
    total_small, total_large = sum(small.values()), sum(large.values())
    report = "\n".join(f"  {Path(path).name:30} {small[path]:>9,} {large[path]:>9,}"
                       for path in sorted(large, key=large.get, reverse=True)[:8])
    assert total_large <= RATIO * total_small, f"{shape}: {total_small:,} → {total_large:,}\n{report}"
    for path, work in large.items():
        if work >= MEASURED:
            assert work <= RATIO * small[path], f"{shape}: {Path(path).name} {small[path]:,} → {work:,}\n{report}"
