"""The checker's work grows in proportion to the comment: a comment twice as
long costs at most about twice as much, whatever its shape.

A comment may be up to a million characters (engine.MAX_CHARS), and one
shaped to make the checker do more than linear work froze a browser tab for a
minute ("you idiot " repeated: every insult was compared with every "you").
Each shape below is checked at two lengths, n and 2n, with every check kind
a rule can have, and the work counted, not timed: Python's own event counter
(sys.monitoring) counts the jumps taken (each time round a loop, a
comprehension's too) and the calls made, in the checker and in what it
calls: work that grows faster than the comment must loop or call more.
(Lines run were counted too once: nine events in ten, the same verdicts,
and a third of this file's time. Branch and function-start events before
that: the same ratios at 1.7 times the cost.) The count is the same on
every run and every machine.
Work(2n) / work(n) must be at most RATIO, for the whole check and for each
module that does a share of it worth measuring.

What such a count does not see is the work inside a call into C, above all
inside the regular-expression engine. The checker's own patterns are
therefore read by the same guard that refuses a rule author's pattern
(houserules_checker.regex_guard): each must be one that cannot read a run
of text again from each of its characters, or is listed below with the
reason it does not. And with HOUSERULES_COUNT_INSTRUCTIONS=1 (and valgrind
installed) the same shapes are counted in machine instructions, C included,
by valgrind's callgrind: about a minute and a half, so not on every run.
"""

from __future__ import annotations

import datetime as dt
import gc
import importlib
import json
import os
import pkgutil
import random
import re
import shutil
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest

import houserules_checker
from houserules.load import load_policy
from houserules.rulepack import build_rulepack
from houserules_checker import Checker, model, regex_guard, text
from houserules_checker.detectors import insults, language
from houserules_checker.prefilter import Deferred

RATIO = 2.2  # work(2n) / work(n), at most
N = 2_000  # characters (or words of the post replied to, or earlier comments) in the shorter comment
MEASURED = 200  # a module's count at 2n below which its ratio is not asked about (a fixed cost)
DATE = dt.date(2029, 4, 1)  # inside the pre-election period the pack below has

PACKAGE = Path(houserules_checker.__file__).parent


@pytest.fixture(scope="module", autouse=True)
def _earlier_objects_set_aside():
    """Each count collects garbage first (count(), below): with what earlier
    tests in this process left in memory moved out of the collector's sight
    (gc.freeze), a collection looks only at what came after. Collecting the
    whole heap at every count was most of this module's time in a full run
    (25 s, against 12 s run alone)."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


@pytest.fixture(scope="module")
def checker(project_root) -> Checker:
    """Every council's rules in one pack, with the check kinds no council
    uses yet (a language, political material all year) and a pre-election
    period in force: every detector runs on every shape."""
    policy = load_policy(project_root / "policies", prove=False)
    packs = [build_rulepack(policy, slug) for slug in sorted(policy.councils)]
    rules: dict[str, dict] = {}
    for pack in packs:
        for rule in pack["rules"]:
            rules.setdefault(rule["id"], rule)
    template = next(iter(rules.values()))
    for rule_id, check in (("test-language", {"kind": "language", "languages": ["en"]}),
                           ("test-political-always", {"kind": "political", "active": "always"}),
                           ("test-group-hate", {"kind": "group-hate"})):
        rules[rule_id] = {**template, "id": rule_id, "check": check}
    kinds = {rule["check"]["kind"] for rule in rules.values()}
    assert kinds >= set(houserules_checker.engine.DETECTOR_MODULES), "a check kind no shape would run"
    return Checker({**packs[0], "rules": list(rules.values()),
                    "pre_election": [{"election": "test", "start": "2000-01-01", "end": "2999-12-31"}]})


def _units(unit: str):
    return lambda n: (unit * max(1, n // len(unit)), {})


def _random(low: int, high: int, spaced: bool = False):
    def make(n):
        rng = random.Random(low)  # the longer comment starts with the shorter one
        chars = [chr(rng.randrange(low, high)) for _ in range(n)]
        if spaced:
            chars[::7] = " " * len(chars[::7])
        return "".join(chars), {}
    return make


# Shapes of comment, each a function of n: (comment, what else the check is told).
SHAPES = {
    # insults near many targets (the shape that froze the browser)
    "you idiot": _units("you idiot "),
    "insults only": _units("idiot moron "),
    "targets then insults": lambda n: ("you " * (n // 8) + "idiot " * (n // 12), {}),
    "handles and insults": _units("@jo idiot "),
    "councillors and insults": _units("councillor idiot cllr "),
    "many targets per insult": _units("you you you you you idiot "),
    "called it": _units("you muppet "),
    "copula": _units("he is a idiot "),
    "group and smear": _units("immigrants are vermin "),
    "group and removal": _units("immigrants go back to "),
    # word lists
    "swearing": _units("fuck "),
    "phrases": _units("son of a bitch "),
    "phrase heads": _units("son of "),
    "names": _units("Dick Turpin "),
    "masked": _units("f*** "),
    "masked, many lengths": lambda n: (" ".join("f" + "*" * (i % 40) + "k" for i in range(n // 25)), {}),
    "spaced letters": _units("f u c k "),
    "dotted letters": _units("f.u.c.k "),
    "single letters": _units("a "),
    "starred words": _units("*bitch* "),
    # long runs of one character
    **{f"run of {name}": (lambda ch: lambda n: (ch * n, {}))(ch)  # noqa: B023 - bound by the outer lambda
       for name, ch in (("a", "a"), ("1", "1"), ("space", " "), ("dot", "."), ("star", "*"), ("dash", "-"),
                        ("at", "@"), ("hash", "#"), ("underscore", "_"), ("newline", "\n"), ("é", "é"),
                        ("zero-width space", "\u200b"), ("ellipsis", "…"), ("п", "п"), ("中", "中"))},
    # long words
    "long word, then an insult": lambda n: ("a" * n + " you idiot", {}),
    "letters repeated": lambda n: ("f" + "u" * n + "ck", {}),
    "root then a long tail": lambda n: ("shit" + "a" * n + "shit", {}),
    # links
    "links": _units("http://x.com/a "),
    "www links": _units("www.a.com "),
    "bare links": _units("ab.com "),
    "letters and hyphens, then a link": lambda n: ("a-" * (n // 2) + " x.com", {}),
    "a link after letters and hyphens": lambda n: ("a-" * (n // 2) + ".com", {}),
    "a link, then slashes": lambda n: ("a.com" + "/" * n + " b.com", {}),
    "links in a run": _units("a.com/"),
    # numbers
    "digit runs": _units("0123456789 "),
    "phone numbers": _units("07700 900123 "),
    "spaced digits": _units("0 1 2 3 4 "),
    "dialling codes": _units("+44 (0) "),
    "card numbers": _units("4111 1111 1111 1111 "),
    "digits and hyphens": _units("1-"),
    "prices": _units("£5 "),
    "streets and postcodes": _units("12 high street ng1 5ab "),
    "house numbers": _units("1 a "),
    "NI numbers": _units("ab 12 34 56 c "),
    "emails": _units("jo@x.com "),
    "a long address": lambda n: ("%" * n + "@a.com", {}),
    # what disguises words
    "zero-width inside words": _units("you\u200bidiot "),
    "zero-width between letters": _units("a\u200b"),
    "accents": _units("aé"),
    "combining accents": _units("e\u0301 "),
    "ligatures and circled numbers": lambda n: ("".join(chr(0xFB00 + i % 7) + chr(0x2460 + i % 20) + " "
                                                        for i in range(n // 3)), {}),
    "bidi controls": _units("\u202eidiot\u202c "),
    "lone surrogates": _units("\ud800idiot "),
    "random Korean": _random(0xAC00, 0xD7A4),
    "random Unicode": _random(0x20, 0x3000, spaced=True),
    # phrases repeated
    "threats": _units("i will kill you "),
    "i i i": _units("i "),
    "promotion": _units("check out my channel "),
    "please and words": _units("please aaaaaaaaaa "),
    "sales words": _units("sale cheap deal "),
    "accusations": _units("Councillor Smith is a thief "),
    "capitalised words": _units("Aaaa Bbbb "),
    "campaigning": _units("vote for labour "),
    "party names": _units("Labour Green Reform tories "),
    "drugs offered": _units("selling weed "),
    # another language
    "Polish": _units("kiedy w końcu naprawicie dziury "),
    "Polish and borrowed phrases": _units("déjà vu kiedy w końcu "),
    "Polish, then digits": lambda n: ("kiedy w końcu naprawicie " + "1" * n, {}),
    "Polish, then dots": lambda n: ("kiedy w końcu naprawicie " + "a." * (n // 2), {}),
    "Polish, then a run of stops": lambda n: ("kiedy w końcu naprawicie dziury " + "." * n + "x", {}),
    "Polish sentences": _units("Kiedy w końcu naprawicie dziury. "),
    "Russian": _units("привет как дела "),
    "Arabic": _units("متى سيتم إصلاح "),
    "retweets": _units("RT @jo: "),
    # what comments do: insults made of ordinary words, whom a word is said
    # of, threats without threat words, and the disguises read on the way
    "insults of ordinary words": _units("Councillor Patel is a lying toad "),
    "phrases among insults": _units("pathetic little man you idiot lying toad "),
    "a waste of": _units("useless waste of oxygen "),
    "animals called": _units("you fat pig "),
    "intensified insults": _units("fucking idiots the lot of them "),
    "intensified, no one in reach": _units("fucking idiots "),
    "said of places": _units("Bognor Regis is a shithole "),
    "said of things": _units("the service is shit "),
    "said of a clause": _units("the woman on the phone at the council was a stuck-up cow "),
    "words near you": _units("you made a stupid decision "),
    "fuck you": _units("fuck you "),
    "visits": _units("i'll pay you a visit "),
    "visits and menace": lambda n: ("i know where you live " + "i'll pay you a visit " * (n // 21), {}),
    "sort them out": _units("someone should sort them out "),
    "them, far from what they are": lambda n: ("the councillors " + "and " * (n // 4) + "sort them out", {}),
    "calls for violence": _units("time to nuke them "),
    "wait till": _units("wait till i see you "),
    "watch your back": _units("you'd better watch your back "),
    "digits for letters": _units("f4ck1ng "),
    "digits in many words": _units("sh1tt1est b4ll4 "),
    "emoji with a meaning": _units("you 🖕 🔪 "),
    "emoji run": _units("🖕🏻"),
    "look-alike letters": _units("ѕһіt ꓮ "),
    # what else the check is told
    "a long post replied to": lambda n: ("the bins are not collected", {"reply_to": "road closure " * (n // 13)}),
    "long comment and post": lambda n: ("bins " * (n // 5), {"reply_to": "road " * (n // 5)}),
    "many earlier comments": lambda n: ("the bins were not collected today again",
                                        {"earlier": [f"the bins were not collected on day {i}"
                                                     for i in range(n // 40)]}),
    "a long earlier comment": lambda n: ("the bins were not collected", {"earlier": ["the bins " * (n // 9)]}),
}


def _fresh(checker: Checker) -> None:
    """Empty what the checker remembers between comments, so a count never
    depends on what was checked before."""
    text._CHARS.clear()
    text._CHARS.odd.clear()
    text._CHARS.meanings.clear()
    text._CHUNKS.clear()
    text._CHUNKS._spans.clear()
    text._CHUNKS.masks.clear()
    insults._TARGET_OF.clear()
    checker.lexicon._cache.clear()
    checker.lexicon._squeezed.clear()
    checker.lexicon._digit_masks.clear()
    language.tables().script_of.clear()
    model.model()._worth.clear()


def _events():
    events = sys.monitoring.events
    return (events.JUMP, events.CALL)


def count(check) -> Counter:
    """The events while `check()` runs, by the file of the code they happen in."""
    monitoring = sys.monitoring
    tool = next(i for i in range(6) if monitoring.get_tool(i) is None)
    counts: Counter = Counter()

    # Events are seen in every thread: a server another test left running (the
    # browser tests' preview server polls its socket) is not the checker's work.
    here = threading.get_ident()

    def seen(code, *_):
        if threading.get_ident() == here:
            counts[code.co_filename] += 1

    # A garbage collection during the count would run finalisers of objects
    # earlier tests left behind (files, subprocesses, generators) and count
    # their lines as the checker's: collect first, and not while counting.
    gc.collect()
    gc.disable()
    monitoring.use_tool_id(tool, "linear-time test")
    try:
        mask = 0
        for event in _events():
            monitoring.register_callback(tool, event, seen)
            mask |= event
        monitoring.set_events(tool, mask)
        try:
            check()
        finally:
            monitoring.set_events(tool, 0)
    finally:
        for event in _events():
            monitoring.register_callback(tool, event, None)
        monitoring.free_tool_id(tool)
        gc.enable()
    return counts


def _name(path: str) -> str:
    p = Path(path)
    return str(p.relative_to(PACKAGE)) if p.is_relative_to(PACKAGE) else p.name


# One shape of each group runs in `make test-fast` as well; all of them in `make test`.
IN_THE_FAST_LANE = {"you idiot", "swearing", "run of a", "long word, then an insult", "links", "phone numbers",
                    "zero-width inside words", "threats", "Polish", "insults of ordinary words",
                    "a long post replied to"}


@pytest.mark.parametrize("shape", [shape if shape in IN_THE_FAST_LANE else pytest.param(shape, marks=pytest.mark.slow)
                                   for shape in SHAPES])
def test_twice_the_comment_is_at_most_twice_the_work(checker, shape):
    make = SHAPES[shape]
    comments = [make(N), make(2 * N)]
    _fresh(checker)
    for comment, given in comments:  # once first: what is remembered from word to word is then known
        checker.check(comment, date=DATE, **given)
    small, large = (count(lambda c=comment, g=given: checker.check(c, date=DATE, **g))
                    for comment, given in comments)
    total_small, total_large = sum(small.values()), sum(large.values())
    report = "\n".join(f"  {_name(path):40} {small[path]:>9,} {large[path]:>9,} "
                       f"{large[path] / max(1, small[path]):6.2f}"
                       for path in sorted(large, key=large.get, reverse=True)[:12])
    assert total_large <= RATIO * total_small, f"{shape}: {total_small:,} → {total_large:,}\n{report}"
    for path, work in large.items():
        if work >= MEASURED:
            assert work <= RATIO * small[path], f"{shape}: {_name(path)} {small[path]:,} → {work:,}\n{report}"


def test_the_work_is_counted_the_same_every_time(checker):
    comment, given = SHAPES["you idiot"](N)
    _fresh(checker)
    checker.check(comment, date=DATE)
    first, second = (count(lambda: checker.check(comment, date=DATE)) for _ in range(2))
    assert first == second and sum(first.values()) > 5 * N


# --- the patterns the checker runs over a comment --------------------------------

# Patterns the guard cannot prove linear, and why they are.
BY_HAND = {
    "houserules_checker.lexicon._RUN":
        "(.)\\1+ is run over one word's key: each try stops at the first character unlike the one before",
    "houserules_checker.detectors.promotion._LINK":
        "the path (/\\S*) is read only after a domain ending (.com ...), and it always ends at the last word "
        "boundary in the run it reads (or at the domain, when the run has none): each run is read once",
}


def _compiled(pattern: re.Pattern | Deferred) -> re.Pattern:
    return pattern.compiled if isinstance(pattern, Deferred) else pattern


def _patterns() -> dict[str, re.Pattern]:
    modules = ["houserules_checker.text", "houserules_checker.lexicon", "houserules_checker.prefilter",
               *(f"houserules_checker.detectors.{m.name}"
                 for m in pkgutil.iter_modules(houserules_checker.detectors.__path__))]
    found = {}
    for name in modules:
        for attr, value in vars(importlib.import_module(name)).items():
            if isinstance(value, (re.Pattern, Deferred)):  # a Deferred one is compiled here
                found[f"{name}.{attr}"] = _compiled(value)
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, tuple) and item and isinstance(item[0], (re.Pattern, Deferred)):
                        found[f"{name}.{attr}[{i}]"] = _compiled(item[0])
    tables = language.tables()
    for attr, value in vars(type(tables)).items():
        if hasattr(value, "func") and isinstance(getattr(tables, attr), re.Pattern):
            found[f"houserules_checker.detectors.language.tables().{attr}"] = getattr(tables, attr)
    return found


def test_the_checkers_own_patterns_are_linear():
    patterns = _patterns()
    assert len(patterns) > 40 and set(BY_HAND) <= set(patterns)
    problems = {name: regex_guard.problems(p.pattern, p.flags, strict=False) for name, p in patterns.items()
                if name not in BY_HAND}
    assert {name: found for name, found in problems.items() if found} == {}


def test_the_guard_finds_what_the_patterns_by_hand_would_have():
    """The patterns proved by hand are ones the guard does refuse: if one
    stops being refused, it no longer needs the exception."""
    patterns = _patterns()
    for name in BY_HAND:
        assert regex_guard.problems(patterns[name].pattern, patterns[name].flags, strict=False)


# --- the same, in machine instructions ------------------------------------------

# Run under valgrind: checks every shape once (so the second time counts only
# the check), then again inside operator.call, the one C function callgrind
# is told to count in; it writes what each of those calls cost to a file of its own.
CHILD = """
import datetime as dt, json, operator, sys
sys.path.insert(0, sys.argv[1])
from houserules_checker import Checker
checker = Checker(json.load(open(sys.argv[2], encoding="utf-8")))
shapes = json.load(open(sys.argv[3], encoding="utf-8"))
date = dt.date.fromisoformat(sys.argv[4])
for comment, given in shapes:
    checker.check(comment, date=date, **given)
for comment, given in shapes:
    operator.call(lambda: checker.check(comment, date=date, **given))
"""


@pytest.mark.skipif(os.environ.get("HOUSERULES_COUNT_INSTRUCTIONS") != "1" or not shutil.which("valgrind"),
                    reason="counts machine instructions under valgrind (about 90 s): set "
                           "HOUSERULES_COUNT_INSTRUCTIONS=1, with valgrind installed")
def test_twice_the_comment_is_at_most_twice_the_instructions(checker, tmp_path):
    names = list(SHAPES)
    shapes = [make(n) for name in names for make in [SHAPES[name]] for n in (N, 2 * N)]
    (tmp_path / "pack.json").write_text(json.dumps(checker.pack), encoding="utf-8")
    (tmp_path / "shapes.json").write_text(json.dumps(shapes), encoding="utf-8")  # lone surrogates escaped
    out = tmp_path / "callgrind.out"
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=_operator_call",
         "--dump-after=_operator_call", f"--callgrind-out-file={out}", sys.executable, "-c", CHILD,
         str(PACKAGE.parent), str(tmp_path / "pack.json"), str(tmp_path / "shapes.json"), DATE.isoformat()],
        capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    assert run.returncode == 0, run.stderr[-2000:]
    dumps = [tmp_path / f"callgrind.out.{i}" for i in range(1, len(shapes) + 1)]
    if not all(dump.exists() for dump in dumps):
        pytest.skip(f"{sys.executable} has no symbol _operator_call for callgrind to count in")
    counts = [int(re.search(r"^totals: (\d+)", dump.read_text(), re.M).group(1)) for dump in dumps]
    ratios = {name: (small, large) for name, small, large in zip(names, counts[0::2], counts[1::2])}
    assert {name: f"{small:,} → {large:,}" for name, (small, large) in ratios.items()
            if large > RATIO * small} == {}
