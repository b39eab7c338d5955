"""Compile a council's policy into the checker's rule pack: plain JSON data
that the checker engine reads, in CPython and in the browser alike.

The pack carries only what the checker needs (the council's rules in its own
wording, their checks, the word lists those checks use, what the council does
when each rule is broken, the pre-election periods, and the names the page
gives word lists and listed words in the reasons it shows); never any staff
prose.
The words for what the council does come from wording.py, as on the pages,
so the checker holds no vocabulary of its own.
"""

from __future__ import annotations

import datetime as dt
import json

from houserules_checker.lexicon import ENDINGS, SEVERITY

from .formats import Council, Enforcement, PreElection, Rule, Wordlist, applied_wordlists
from .languages import localise
from .load import Policy
from .messages import translator
from .schema import NotStated, as_data
from .wording import _, does

FORMAT = 2

# How the council's page names a word list and a listed word when it says why
# a rule fired: the checker's reasons name them as a program does ("word list
# ldnoobw", "strongest, general"), which a resident cannot read.
LIST_NAMES = {
    "ofcom": _("Ofcom's guide to offensive language"),
    "ldnoobw": _("a public list of offensive words"),
    "houserules": _("the checker's own list of insults and slang"),
    "welsh": _("the checker's own list of Welsh swear words and insults"),
}
# Singular and plural, so the strongest can be "one of the strongest swear words".
WORD_KINDS = {
    "general": (_("swear word"), _("swear words")),
    "sexual": (_("crude sexual word"), _("crude sexual words")),
    "discriminatory": (_("discriminatory word"), _("discriminatory words")),
    "race-ethnicity": (_("racist slur"), _("racist slurs")),
    "sex-gender": (_("slur about sex, gender or sexuality"), _("slurs about sex, gender or sexuality")),
    "mental-health": (_("slur about disability or mental health"), _("slurs about disability or mental health")),
    "drugs": (_("word for drugs"), _("words for drugs")),
    "insult": (_("insult"), _("insults")),
}
# By Ofcom's strength, 1 to 4, as the word lists grade their words.
STRENGTHS = {1: _("a mild {one}"), 2: _("a moderately offensive {one}"), 3: _("a strong {one}"),
             4: _("one of the strongest {many}")}


def _periods(pre_election: PreElection | NotStated) -> list[dict]:
    if not pre_election or not pre_election.weeks:
        return []
    weeks = pre_election.weeks
    return [{"election": d.election,
             "start": (d.date - dt.timedelta(weeks=weeks)).isoformat(),
             "end": d.date.isoformat()}
            for d in pre_election.polling_days]


def _said(wording: str | None) -> str | None:
    return " ".join(wording.split()) if wording else None


def next_steps(enforcement: Enforcement | NotStated, rule: Rule,
               language: str = "en") -> tuple[list[str], list[str], bool]:
    """What the council says it does when `rule` is broken, as the checker
    lists it: what is done at once for it (actions taken at once apply to the
    rules and categories they name), then the steps and the rights reserved,
    and whether those are a ladder followed in order."""
    if not enforcement:
        return [], [], False
    _ = translator(language)
    at_once = [_said(a.wording) or _("%(what)s: straight away, %(does)s.", what=a.content or rule.title,
                                     does=does(a.actions, language=language))
               for a in enforcement.at_once if rule.id in a.rules or rule.category in a.categories]
    ladder = [_said(s.wording) or f"{does(s.actions, capital=True, language=language)}." for s in enforcement.steps]
    reserved = [_said(r.wording) or _("We reserve the right to %(does)s.", does=does(r.actions, language=language))
                for r in enforcement.reserved]
    return at_once, ladder + reserved, bool(ladder) and not reserved


def _reading(wordlists: dict[str, Wordlist], language: str = "en") -> dict:
    """What the page needs to say a reason in words a resident reads, in
    the page's language."""
    _ = translator(language)
    return {
        "lists": {wl_id: _(LIST_NAMES[wl_id]) if wl_id in LIST_NAMES else wl.title
                  for wl_id, wl in sorted(wordlists.items())},
        "kinds": {kind: [_(name) for name in names] for kind, names in WORD_KINDS.items()},
        # Keyed as the reasons name the strengths; the endings let the page
        # know "bitches" for the listed "bitch", as the checker did.
        "strengths": {SEVERITY[n]: _(said) for n, said in STRENGTHS.items()},
        "endings": sorted(ENDINGS, key=len, reverse=True),
    }


def _check(rule: Rule, council: Council) -> dict:
    """A rule's check as the council's pack gives it. A `language` check
    accepts the council's own languages as well as the rule's: a council that
    works in Welsh and English never has a comment in Welsh called "not in
    English", whatever the shared rule lists. A council in English alone gets
    the rule's check as it is."""
    check = as_data(rule.check)
    if rule.check.kind == "language":
        check["languages"] = list(dict.fromkeys([*check["languages"], *council.languages]))
    return check


def build_rulepack(policy: Policy, slug: str, version: str | None = None, language: str = "en") -> dict:
    """The pack of the council's site in `language`: its texts, the
    catalogue's and the words the pack says itself, all in that one language
    (a council in Welsh and English has one pack a language)."""
    council: Council = localise(policy.councils[slug], language)
    wordlists = applied_wordlists(policy.wordlists, council.languages)
    rules = []
    for entry in council.rules.entries:
        for rule_id in entry.ids:
            rule = localise(policy.rules[rule_id], language)
            at_once, steps, ordered = next_steps(council.enforcement, rule, language)
            rules.append({
                "id": rule_id,
                "title": rule.title,
                "summary": rule.summary,
                "category": rule.category,
                "wording": " ".join((entry.wording or rule.wording).split()),
                "check": _check(rule, council),
                "at_once": at_once,
                "next_steps": steps,
                "next_steps_in_order": ordered,
            })
    name = council.name
    return {
        "format": FORMAT,
        "council": {"slug": slug, "name": name if isinstance(name, str) else name.placeholder,
                    # The languages the council works in: the checker reads "ti" and "chi" in them.
                    **({"languages": list(council.languages)} if council.languages != ("en",) else {})},
        "version": version,
        "rules": rules,
        "words": _words(policy.wordlists, council.languages),
        "pre_election": _periods(council.pre_election),
        "reading": _reading(wordlists, language),
    }


# (id(word lists), the council's languages) -> (the word lists, their words
# as a pack lists them). The same for every council of a policy that works in
# the same languages, and most of making a pack, which a build does for every
# site (tests/benchmarks/bench_build.py, CPU seconds a council). Loaded word
# lists are never changed; each is kept here with its words, so its id is
# not another's while it is.
_WORDS: dict[tuple[int, tuple[str, ...]], tuple[dict[str, Wordlist], list[dict]]] = {}


def pack_words(wordlists: dict[str, Wordlist]) -> list[dict]:
    """Every word of `wordlists` as a pack lists it, with its list's id. A
    word of a list not in English says its language, so that the checker
    does not read it with English endings ("cont" is not "contest")."""
    # An entry's innocent phrases only where it has some: the packs of the
    # many entries without are as they were.
    return [{k: v for k, v in as_data(e).items() if k != "innocent_in" or v}
            | {"list": wl_id} | ({} if wl.language == "en" else {"language": wl.language})
            for wl_id, wl in sorted(wordlists.items()) for e in wl.entries]


def _words(wordlists: dict[str, Wordlist], languages: tuple[str, ...]) -> list[dict]:
    """The words of the lists a council of these languages reads (applied_wordlists)."""
    key = (id(wordlists), tuple(languages))
    kept = _WORDS.get(key)
    if kept is None or kept[0] is not wordlists:
        if len(_WORDS) >= 16:
            _WORDS.clear()
        applied = applied_wordlists(wordlists, tuple(languages))
        kept = _WORDS[key] = (wordlists, _ordinary_in_context(pack_words(applied), applied))
    return [dict(word) for word in kept[1]]  # a pack of its own: its reader may change it


def _ordinary_in_context(words: list[dict], applied: dict[str, Wordlist]) -> list[dict]:
    """English entries spelt as an everyday word of another language the
    council works in ("hoe", a rest in Welsh) made context_only: a comment
    in that language is not to break a rule for saying it ("Cymerwch hoe").
    In context (aimed at someone) they are still found."""
    ordinary = {w for wl in applied.values() if wl.language != "en" for w in wl.ordinary_words}
    for word in words:
        if word["term"] in ordinary and "language" not in word:
            word["context_only"] = True
    return words


def dumps(pack: dict) -> str:
    return json.dumps(pack, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
