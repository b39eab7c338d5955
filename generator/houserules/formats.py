"""The policy file formats, declared once, as typed frozen models.

Each class below is one kind of record in the YAML source; each attribute
carries the Field that checks it. The loader builds these objects, the
templates and every other module read them by attribute, and the format
reference (policies/FORMAT.md, made by reference.py) is generated from them.

A setting a real policy may not state is declared with `silence=`: what the
sites will not say without it. It may be left out, written `not stated`, or
written `{unknown: why, placeholder: ...}`; it is then a falsy NotStated, and
the pages say nothing about it (schema.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from houserules_checker.kinds import KINDS, WORD_CATEGORIES, Option

from .schema import (INVALID, Bool, Choice, Context, Date, Field, Int, ListOf, Model, NotStated, Number, OneOf,
                     Record, Ref, Slug, Tagged, Text, Time, Url, as_data, model, spec)
from .languages import CODES as LANGUAGE_CODES, names
from .wording import ACTIONS, RECORD_ITEMS, _

# The languages a council may publish in besides English, which every council does.
PUBLISHED_ONLY_BY_SOME = frozenset(LANGUAGE_CODES) - {"en"}

# ---------------------------------------------------------------- word lists



@model("word-list source")
class WordlistSource(Model):
    """Where a word list comes from."""
    title: str = spec(Text())
    publisher: str = spec(Text())
    year: int | None = spec(Int(minimum=1900, maximum=2100, required=False))
    via: str = spec(Text(help="repository @ commit, path: where this copy was taken from"))
    licence: str = spec(Text())


@model("word-list entry")
class WordEntry(Model):
    """One word or phrase."""
    term: str = spec(Text(pattern=r"[^A-Z]+", pattern_help="lower-case text", prose=False))
    category: str = spec(Choice(*WORD_CATEGORIES))
    severity: int = spec(Int(minimum=1, maximum=4,
                             help="Ofcom's scale: 1 mild, 2 medium, 3 strong, 4 strongest"))
    context_only: bool = spec(Bool(required=False, default=False,
                                   help="innocent alone; offensive only in context, never flagged alone"))
    name: bool = spec(Bool(required=False, default=False,
                           help="also a first name or surname (Dick Turpin): not flagged written as part of a name"))
    compounds: bool = spec(Bool(required=False, default=False,
                                help="also matched at the start or end of a longer word (bullshit, fuckwit)"))
    innocent_in: tuple[str, ...] = spec(ListOf(
        Text(pattern=r"[^A-Z]+", pattern_help="lower-case text", prose=False), required=False, default=(),
        help="phrases holding the word in which it is innocent, as written ('y gont fôr', the jellyfish): "
             "not flagged there; each holds the word"))
    note: str | None = spec(Text(required=False))


@model("word list")
class Wordlist(Model):
    """A word list the checker reads (policies/wordlists/<id>.yaml)."""
    id: str = spec(Slug(help="equals the file name"))
    title: str = spec(Text())
    language: str = spec(Choice(
        *LANGUAGE_CODES, required=False, default="en",
        help="the language its words are in (default en): a list in English is used for every council, since "
             "comments in English reach them all; a list in another language only for the councils that publish "
             "in it (`languages`), whose staff read it, and its words are never read with English endings"))
    source: WordlistSource = spec(WordlistSource.format())
    notes: str | None = spec(Text(required=False))
    entries: tuple[WordEntry, ...] = spec(ListOf(WordEntry.format(), min_items=1, unique=lambda e: e.term,
                                                 unique_what="term"))
    ordinary_words: tuple[str, ...] = spec(ListOf(
        Text(pattern=r"[^A-Z ]+", pattern_help="one lower-case word", prose=False), required=False, default=(),
        unique=lambda w: w, unique_what="word",
        help="for a list not in English: everyday words of its language that an English list holds as offensive "
             "(Welsh 'hoe', a rest): for a council that publishes in this language, those English entries are "
             "flagged only in context, as context_only entries are"))


def applied_wordlists(wordlists: dict[str, Wordlist], languages: tuple[str, ...]) -> dict[str, Wordlist]:
    """The word lists a council's checker reads: every list in English, and a
    list in another language only when the council publishes in it.

    English lists go to every council, Welsh ones included: comments in
    English reach every council's pages. A list in Welsh goes only to a
    council that works in Welsh (`languages` has cy), because:
    - that council's moderators read Welsh, and judge what it flags; a
      council in English alone cannot, and if it asks for comments in English
      (the `language` check) a comment in Welsh already "may break" that rule;
    - the Welsh list is the project's own, not yet reviewed by a first-language
      speaker: it is used only where Welsh comments are expected;
    - some Welsh words are spelt as English abbreviations or words ("cont."
      for continued, "coc"): kept away from councils that gain nothing by them;
    - a council in English alone keeps the rule pack, the checker's verdicts
      and the published versions' source files it had without the list.
    """
    return {wl_id: wl for wl_id, wl in wordlists.items() if wl.language == "en" or wl.language in languages}


# ---------------------------------------------------------------- rules

RULE_CATEGORIES = ("language", "abuse", "hate", "privacy", "spam", "promotion", "legal",
                   "political", "relevance", "conduct")


def _check_regex(record: Mapping, ctx: Context, path: str, raw) -> None:
    # The checker must stay linear in the comment's length, and a rule's
    # patterns are matched against every comment. What makes a regex take
    # longer (nested quantifiers, backreferences, a repeat read again from
    # every character of a run) is found in the pattern as Python parses it,
    # at any depth of groups, not in its text (houserules_checker.regex_guard;
    # the checker refuses such a pattern in a rule pack too).
    from houserules_checker.regex_guard import problems

    regex = record["regex"]
    try:
        re.compile(regex, re.IGNORECASE)  # as the checker compiles it
    except re.error as exc:
        ctx.error(raw.line_of("regex"), f"{path}.regex", f"invalid regular expression: {exc}")
        return
    for problem in problems(regex):
        ctx.error(raw.line_of("regex"), f"{path}.regex", problem)


def _option(option: Option) -> Field:
    """A check kind's option (declared in the checker, kinds.py) as a field of the rule file format."""
    if option.type == "choice":
        return Choice(*option.choices, help=option.help)
    if option.type == "choices":
        return ListOf(Choice(*option.choices), min_items=1, unique=lambda c: c, unique_what="value",
                      help=option.help)
    if option.type in ("int", "number"):
        return Number(minimum=option.minimum, maximum=option.maximum, whole=option.type == "int", help=option.help)
    if option.type == "text":
        return Text(help=option.help)
    if option.type == "patterns":
        return ListOf(Record("pattern", {
            "name": Slug(),
            "regex": Text(prose=False),
            "why": Text(prose=False, translate=True),  # shown in the checker's results
        }, validate=_check_regex), min_items=1, unique=lambda p: p["name"], unique_what="pattern name",
            help=option.help)
    raise ValueError(f"no field for a check option of type {option.type!r}")


# Every check kind's options, from the one declaration of the kinds in the checker.
CHECK_KINDS = {name: Record(f"{name} check", {key: _option(o) for key, o in kind.options.items()},
                            help=kind.looks_for)
               for name, kind in KINDS.items()}


@dataclass(frozen=True)
class Check:
    """How the checker judges a rule: a kind and its options (the rule pack
    hands both to the checker as they are)."""
    kind: str
    options: Mapping[str, Any]

    def __getitem__(self, key: str):
        return self.kind if key == "kind" else self.options[key]

    def get(self, key: str, default=None):
        return self.kind if key == "kind" else self.options.get(key, default)

    def as_data(self) -> dict:
        return {"kind": self.kind, **as_data(self.options)}


@model("example")
class Example(Model):
    """A comment, with what the checker is told about it."""
    # Residents' words: shown on the pages only as escaped text, never as Markdown.
    text: str = spec(Text(prose=False))
    reply_to: str | None = spec(Text(required=False, prose=False, help="the post the comment replies to"))
    earlier: tuple[str, ...] = spec(ListOf(Text(prose=False), required=False, help="the author's earlier comments"))
    date: dt.date | None = spec(Date(required=False, help="the day the comment is posted"))
    language: str = spec(Text(
        pattern=r"[a-z]{2,3}", pattern_help="a language's code of two or three letters (ISO 639), like cy or pl",
        prose=False, translate=False, required=False, default="en",
        help="the language the comment is in (default en), which its page marks it with: every council's pages "
             "show the examples in English and in languages no council publishes in (the language rule's "
             "comments in Polish, say); those in Welsh, the councils that publish in Welsh, first on their "
             "pages in it"))


class _Example(OneOf):
    """A comment as plain text, or with what the checker is told about it."""

    def check(self, value, ctx, path, line):
        if isinstance(value, dict):
            return Example.format().check(value, ctx, path, line)
        text = Text(prose=False).check(value, ctx, path, line)
        return text if text is INVALID else Example(text=text)


EXAMPLE = _Example(Text(), Example.format())


@model("examples")
class Examples(Model):
    """Comments that must break the rule, and comments that must not: tests, and shown on the pages."""
    breaks: tuple[Example, ...] = spec(ListOf(EXAMPLE))
    passes: tuple[Example, ...] = spec(ListOf(EXAMPLE))


def _rule_examples(rule: Rule, ctx: Context, path: str, raw) -> None:
    if rule.check.kind == "human":
        return
    # Every council shows the examples that are not in a language only some
    # councils publish in: English, and others ("pl" for the language rule).
    for side in ("breaks", "passes"):
        if len([e for e in getattr(rule.examples, side) if e.language not in PUBLISHED_ONLY_BY_SOME]) < 3:
            ctx.error(raw.line_of("examples"), f"examples.{side}",
                      "a rule the checker judges needs at least 3 examples of each kind in English")
    # Examples in a language a council publishes in come of both kinds or not
    # at all: a reader of Welsh shown only what breaks a rule in Welsh would
    # not see what passes.
    for code in sorted({e.language for side in ("breaks", "passes") for e in getattr(rule.examples, side)}
                       & PUBLISHED_ONLY_BY_SOME):
        for side in ("breaks", "passes"):
            if not any(e.language == code for e in getattr(rule.examples, side)):
                ctx.error(raw.line_of("examples"), f"examples.{side}",
                          f"the examples in {names([code])} need at least one of each kind (breaks and "
                          f"passes), as its readers see both")


@model("rule", validate=_rule_examples)
class Rule(Model):
    """A rule in the shared catalogue (policies/rules/<id>.yaml); councils adopt it by id."""
    id: str = spec(Slug(help="stable id; equals the file name"))
    title: str = spec(Text())
    summary: str = spec(Text(help="terse message shown by the checker"))
    category: str = spec(Choice(*RULE_CATEGORIES))
    wording: str = spec(Text(help="default public wording"))
    rationale: str = spec(Text(help="why the rule exists (Markdown)"))
    check: Check = spec(Tagged("kind", CHECK_KINDS, build=Check))
    examples: Examples = spec(Examples.format(required=False, default=Examples(breaks=(), passes=())))


# ---------------------------------------------------------------- councils

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
AUDIENCES = ("public", "staff")
# Every page a site can have, in the order its navigation lists them, with
# its title unless the council names it (page_titles): one list for which
# pages a section may go on and for the navigation.
# The titles are English; resolve.nav gives them in a site's language.
PUBLIC_NAV = (
    ("index", _("Overview")),
    ("rules", _("House rules")),
    ("check", _("Check a comment")),
    ("using-social-media", _("How we use social media")),
    ("when-rules-are-broken", _("When rules are broken")),
    ("pre-election", _("Pre-election period")),
    ("contact", _("Contact us")),
    ("rules-reference", _("Rules explained")),
    ("history", _("History of changes")),
    ("compare", _("Compare versions")),
    ("accessibility", _("Accessibility statement")),
)
STAFF_NAV = (
    ("index", _("Staff overview")),
    ("protocol", _("Social media protocol")),
    ("moderation", _("Moderation procedure")),
    ("check", _("Check a comment")),
    ("responses", _("Hours and response targets")),
    ("judgement", _("Rules that need a person")),
    ("rules-reference", _("Rules explained")),
    ("history", _("History of changes")),
    ("compare", _("Compare versions")),
    ("accessibility", _("Accessibility statement")),
)
PUBLIC_PAGES = tuple(page for page, _title in PUBLIC_NAV)
STAFF_PAGES = tuple(page for page, _title in STAFF_NAV)
OUTSIDE_HOURS = ("not-monitored", "emergencies-only", "scheduled-posts-only")


@model("platform")
class Platform(Model):
    """A social media account the council runs."""
    platform: str = spec(Choice("twitter", "facebook", "youtube", "instagram", "linkedin", "tiktok",
                                "nextdoor", "other"))
    name: str | None = spec(Text(required=False, help="shown name, when not the platform's usual name"))
    handle: str | None = spec(Text(required=False, translate=False,
                                   help="the account's name on the platform, e.g. '@NottsCC'"))
    url: str | None = spec(Url(required=False, help="the account's address"))
    label: str | None = spec(Text(required=False, help="link text, e.g. 'Follow us on Twitter'"))


def _hours_order(hours: Hours, ctx: Context, path: str, raw) -> None:
    if hours.start >= hours.end:
        ctx.error(raw.line_of("end"), f"{path}.end", f"must be later than start ({hours.start})")


@model("hours", validate=_hours_order)
class Hours(Model):
    """Clock times, 24-hour, in quotes."""
    start: str = spec(Time())
    end: str = spec(Time())


@model("monitoring")
class Monitoring(Model):
    """When the council watches its accounts."""
    days: tuple[str, ...] | NotStated = spec(ListOf(Choice(*DAYS), min_items=1, unique=lambda d: d,
                                                    unique_what="day",
                                                    silence=_("which days the accounts are monitored")))
    hours: Hours | NotStated = spec(Hours.format(silence=_("the hours the accounts are monitored")))
    outside_hours: str | NotStated = spec(Choice(*OUTSIDE_HOURS, silence=_("what happens outside monitoring hours")))
    wording: str | None = spec(Text(required=False, help="the policy's own words for when accounts are monitored"))
    outside_hours_wording: str | None = spec(Text(required=False,
                                                  help="the policy's own words for outside those hours"))


@model("within")
class Within(Model):
    """An amount of time."""
    amount: int = spec(Int(minimum=1, maximum=365))
    unit: str = spec(Choice("hour", "working-day", "day"))


def _one_deadline(target: ResponseTarget, ctx: Context, path: str, raw) -> None:
    if target.within is not None and target.by is not None:
        ctx.error(raw.line, path, "give at most one of 'within' or 'by'")
    if target.within is None and target.by is None and target.wording is None:
        ctx.error(raw.line, path, "give 'within' or 'by' (the deadline), or the policy's own 'wording'")


@model("response target", validate=_one_deadline)
class ResponseTarget(Model):
    """A promise about how soon the council replies."""
    id: str = spec(Slug(help="a name for the target, unique in the council"))
    audience: str = spec(Choice(*AUDIENCES, help="staff targets are shown on the staff site only"))
    what: str = spec(Text(help="e.g. 'acknowledge posts and messages'"))
    applies_to: str = spec(Choice("all", "office-hours", "out-of-hours", required=False, default="all",
                                  help="which messages it is for (default: all)"))
    within: Within | None = spec(Within.format(required=False, help="the deadline as an amount of time"))
    by: str | None = spec(Choice("end-of-working-day", "end-of-next-working-day", required=False,
                                 help="the deadline as a time of day"))
    wording: str | None = spec(Text(required=False, help="the policy's own words for the promise"))


@model("responses")
class Responses(Model):
    """Whether and how soon the council replies."""
    wording: str | None = spec(Text(required=False, help="the policy's own words about replies"))
    targets: tuple[ResponseTarget, ...] | NotStated = spec(ListOf(
        ResponseTarget.format(), unique=lambda t: t.id, unique_what="target id",
        silence=_("how soon the council replies")))


@model("alternative channel")
class Alternative(Model):
    """Somewhere better than social media for something residents want to do."""
    need: str = spec(Text(help="what the resident wants to do, e.g. 'report fly-tipping'"))
    channel: str = spec(Text(help="where to go, e.g. 'the online reporting form'"))
    url: str | None = spec(Url(required=False))
    tracking_code: bool = spec(Bool(required=False, default=False, help="whether the channel gives a tracking code"))
    wording: str | None = spec(Text(required=False, help="the policy's own words for it"))


@model("following and sharing")
class Endorsement(Model):
    """Whether following or sharing means the council endorses someone."""
    following_is_endorsement: bool | NotStated = spec(Bool(silence=_("whether following an account endorses it")))
    sharing_is_endorsement: bool | NotStated = spec(Bool(silence=_("whether sharing a post endorses it")))
    wording: str = spec(Text(help="Markdown"))


def _one_rule_key(entry: AdoptedRule, ctx: Context, path: str, raw) -> None:
    if (entry.rule is None) == (entry.rules is None):
        ctx.error(raw.line, path, "give exactly one of 'rule' (one id) or 'rules' (a list of ids)")


@model("adopted rule", validate=_one_rule_key)
class AdoptedRule(Model):
    """A catalogue rule (or several under one line of the council's wording) that the council adopts."""
    rule: str | None = spec(Ref("rule", required=False))
    rules: tuple[str, ...] | None = spec(ListOf(Ref("rule"), min_items=1, required=False, default=None))
    wording: str | None = spec(Text(required=False, help="the council's own wording, when it differs"))

    @property
    def ids(self) -> tuple[str, ...]:
        return (self.rule,) if self.rule else tuple(self.rules or ())


@model("group of adopted rules")
class AdoptedGroup(Model):
    """Adopted rules under a heading or lead-in of their own."""
    heading: str | None = spec(Text(required=False))
    lead_in: str | None = spec(Text(required=False, help="the sentence that introduces the list"))
    adopted: tuple[AdoptedRule, ...] = spec(ListOf(AdoptedRule.format(), min_items=1))
    after: str | None = spec(Text(required=False, help="Markdown after the list"))


class _AdoptedItem(OneOf):
    """A rule entry, or a group of them (a heading or lead-in with its own list)."""

    def check(self, value, ctx, path, line):
        is_group = isinstance(value, dict) and "adopted" in value
        return (AdoptedGroup if is_group else AdoptedRule).format().check(value, ctx, path, line)


ADOPTED_ITEM = _AdoptedItem(AdoptedRule.format(), AdoptedGroup.format())


def _adopted_once(rules: RuleList, ctx: Context, path: str, raw) -> None:
    # Walk the raw YAML (already known to be well formed) for line numbers.
    seen: dict[str, int] = {}
    for item in raw["adopted"]:
        for entry in (item["adopted"] if "adopted" in item else [item]):
            ids = [entry["rule"]] if "rule" in entry else list(entry["rules"])
            for rule_id in ids:
                if rule_id in seen:
                    ctx.error(entry.line, f"{path}.adopted",
                              f"duplicate rule id {rule_id!r} (already adopted at line {seen[rule_id]})")
                seen.setdefault(rule_id, entry.line)


@model("rules", validate=_adopted_once)
class RuleList(Model):
    """The rules the council adopts, in the order its page lists them."""
    intro: str | None = spec(Text(required=False, help="before the list of rules (Markdown)"))
    adopted: tuple[AdoptedRule | AdoptedGroup, ...] = spec(ListOf(ADOPTED_ITEM, min_items=1,
                                                                  help="rules by id, or groups of them"))
    outro: str | None = spec(Text(required=False, help="after the list of rules (Markdown)"))

    @property
    def entries(self) -> tuple[AdoptedRule, ...]:
        """Every adopted-rule entry, groups flattened, in page order."""
        out: list[AdoptedRule] = []
        for item in self.adopted:
            out.extend(item.adopted if isinstance(item, AdoptedGroup) else [item])
        return tuple(out)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(rule_id for entry in self.entries for rule_id in entry.ids)


ACTION_LIST = ListOf(Choice(*ACTIONS), min_items=1)


def _old_names(entry, ctx: Context, path: str, raw) -> None:
    for action in entry.actions:
        new = ACTIONS[action].old_name_of
        if new:
            ctx.note(raw.line_of("actions"), f"{path}.actions",
                     f"{action!r} is the old name for {new!r} and still reads 'tell senior managers'; "
                     "say who is told: tell-senior-managers, tell-poster or report-to-police")


@model("enforcement step", validate=_old_names)
class Step(Model):
    """A step of the ladder: what is done, in order, when rules are broken."""
    actions: tuple[str, ...] = spec(ACTION_LIST)
    decided_by: str | None = spec(Text(required=False, help="who decides, e.g. 'the Communications Manager'"))
    consulted: tuple[str, ...] = spec(ListOf(Text(), required=False, help="who is consulted or told"))
    records: tuple[str, ...] = spec(ListOf(Choice(*RECORD_ITEMS), required=False, help="what a `record` keeps"))
    wording: str | None = spec(Text(required=False, help="the policy's own words for the step"))


def _names_content(entry: ActAtOnce, ctx: Context, path: str, raw) -> None:
    _old_names(entry, ctx, path, raw)
    if not (entry.rules or entry.categories or entry.content):
        ctx.error(raw.line, path, "say which content this is for: 'rules' (ids), 'categories', or 'content' "
                                  "(the policy's words, e.g. 'explicit content')")


@model("action taken at once", validate=_names_content)
class ActAtOnce(Model):
    """What is done straight away, outside the ladder, for some content."""
    content: str | None = spec(Text(required=False, help="the content, in the policy's words, e.g. 'explicit content'"))
    rules: tuple[str, ...] = spec(ListOf(Ref("rule"), required=False, help="the adopted rules it is for"))
    categories: tuple[str, ...] = spec(ListOf(Choice(*RULE_CATEGORIES), required=False,
                                              help="the rule categories it is for"))
    actions: tuple[str, ...] = spec(ACTION_LIST)
    decided_by: str | None = spec(Text(required=False))
    records: tuple[str, ...] = spec(ListOf(Choice(*RECORD_ITEMS), required=False))
    wording: str | None = spec(Text(required=False))


def _says_what(entry: Reserved, ctx: Context, path: str, raw) -> None:
    _old_names(entry, ctx, path, raw)
    if not (entry.actions or entry.wording):
        ctx.error(raw.line, path, "give the 'actions' the council reserves the right to take, or its 'wording'")


@model("reserved right", validate=_says_what)
class Reserved(Model):
    """An action the council reserves the right to take, without promising a process."""
    actions: tuple[str, ...] = spec(ListOf(Choice(*ACTIONS), required=False))
    wording: str | None = spec(Text(required=False))


@model("block appeal")
class BlockAppeal(Model):
    """Whether and when a blocked account can appeal."""
    after_months: int | NotStated = spec(Int(minimum=1, maximum=120,
                                             silence=_("after how long a block can be appealed")))
    decided_with: str | NotStated = spec(Text(silence=_("who decides an appeal against a block")))
    wording: str | None = spec(Text(required=False))


@model("block notice")
class BlockNotice(Model):
    """Whether a blocked person is told, and whether reasons are discussed."""
    notified: bool | NotStated = spec(Bool(silence=_("whether a blocked person is told")))
    reasons_discussed: bool | NotStated = spec(
        Bool(silence=_("whether the reasons for a block are discussed on social media")))
    wording: str | None = spec(Text(required=False))


def _does_something(e: Enforcement, ctx: Context, path: str, raw) -> None:
    if not (e.steps or e.at_once or e.reserved or e.intro):
        ctx.error(raw.line, path, "say what the council does: 'steps' (in order), 'at_once' or 'reserved', "
                                  "or leave enforcement out")


@model("enforcement", validate=_does_something)
class Enforcement(Model):
    """What the council does when rules are broken: a ladder of steps, actions
    taken at once for some content, and rights it reserves; any of them."""
    intro: str | None = spec(Text(required=False))
    steps: tuple[Step, ...] = spec(ListOf(Step.format(), required=False,
                                          help="the steps followed in order: a set process"))
    at_once: tuple[ActAtOnce, ...] = spec(ListOf(ActAtOnce.format(), required=False,
                                                 help="what is done straight away for some content"))
    reserved: tuple[Reserved, ...] = spec(ListOf(Reserved.format(), required=False,
                                                 help="what the council reserves the right to do"))
    block_appeal: BlockAppeal | NotStated = spec(BlockAppeal.format(silence=_("appeals against a block")))
    block_notice: BlockNotice | NotStated = spec(BlockNotice.format(silence=_("telling people they are blocked")))
    complaints: str | None = spec(Text(required=False, help="how to complain about a block (Markdown)"))
    outro: str | None = spec(Text(required=False))

    @property
    def actions(self) -> tuple[str, ...]:
        """Every action named anywhere, once, in the order first named."""
        named = [a for group in (self.at_once, self.steps, self.reserved) for e in group for a in e.actions]
        return tuple(dict.fromkeys(named))


@model("polling day")
class PollingDay(Model):
    """An election's polling day."""
    date: dt.date = spec(Date())
    election: str = spec(Text())


@model("pre-election period")
class PreElection(Model):
    """The weeks before an election, when councils avoid anything that could look like party support."""
    weeks: int | NotStated = spec(
        Int(minimum=1, maximum=12, silence=_("how many weeks before polling day the pre-election period starts")))
    elections: tuple[str, ...] | NotStated = spec(
        ListOf(Text(), min_items=1, silence=_("which elections have a pre-election period")))
    wording: str | None = spec(Text(required=False))
    polling_days: tuple[PollingDay, ...] = spec(ListOf(PollingDay.format(), required=False))


@model("contact")
class Contact(Model):
    """A way to reach the council."""
    purpose: str = spec(Text())
    method: str = spec(Choice("website", "email", "phone", "form", "private-message", "team"))
    value: str | None = spec(Text(required=False, translate=None, help="address, number or team name"))
    url: str | None = spec(Url(required=False))
    wording: str | None = spec(Text(required=False))


@model("accessibility statement")
class Accessibility(Model):
    """The facts of the sites' accessibility statement, as the council states them."""
    compliance: str | NotStated = spec(Choice("full", "partial", "none",
                                              silence=_("how far the pages comply with WCAG 2.2 AA")))
    prepared: dt.date | NotStated = spec(Date(silence=_("when the accessibility statement was prepared")))
    reviewed: dt.date | NotStated = spec(Date(silence=_("when the accessibility statement was last reviewed")))
    contact: str | NotStated = spec(Text(silence=_("how to ask for another format or report an accessibility problem"),
                                         help="Markdown"))
    known_issues: tuple[str, ...] = spec(ListOf(Text(), required=False))


def _section_page(section: Section, ctx: Context, path: str, raw) -> None:
    pages = PUBLIC_PAGES if section.audience == "public" else STAFF_PAGES
    if section.page not in pages:
        ctx.error(raw.line_of("page"), f"{path}.page",
                  f"no {section.audience} page {section.page!r}; {section.audience} pages: {', '.join(pages)}")


@model("prose section", validate=_section_page)
class Section(Model):
    """The council's own prose, placed on a page of one audience's site."""
    id: str = spec(Slug())
    audience: str = spec(Choice(*AUDIENCES, help="staff text never appears on the public site"))
    page: str = spec(Choice(*sorted(set(PUBLIC_PAGES) | set(STAFF_PAGES))))
    title: str | None = spec(Text(required=False))
    position: str = spec(Choice("start", "end", required=False, default="end",
                                help="before or after the generated content of the page"))
    body: str = spec(Text(help="Markdown"))


def _rules_adopted(council: Council, ctx: Context, path: str, raw) -> None:
    """What enforcement says it does for a rule must be about a rule the council adopts."""
    if not council.enforcement:
        return
    adopted = set(council.rules.ids)
    for n, entry in enumerate(council.enforcement.at_once):
        for rule_id in entry.rules:
            if rule_id not in adopted:
                ctx.error(raw["enforcement"]["at_once"].line_of(n), f"enforcement.at_once[{n}].rules",
                          f"{rule_id!r} is not one of the council's adopted rules")


@model("council", validate=_rules_adopted)
class Council(Model):
    """A council's policy (policies/councils/<slug>.yaml): name, website and adopted rules are
    all it needs; every other setting is said only when the council's policy says it."""
    slug: str = spec(Slug(required=False, help="equals the file name; the council's address in the built sites"))
    languages: tuple[str, ...] = spec(ListOf(
        Choice(*LANGUAGE_CODES), min_items=1, unique=lambda code: code, unique_what="language", required=False,
        default=("en",), help="the languages the council publishes in, e.g. [cy, en]; with more than one, each "
                              "text of its own is given in each ({en: ..., cy: ...}) and each gets its own sites"))
    name: str | NotStated = spec(Text(silence=_("the council's name"), needs_placeholder=True,
                                      help="the council's full name, e.g. 'Riverside Borough Council'"))
    short_name: str | None = spec(Text(required=False, help="how the pages refer to the area, e.g. 'Ashfield'"))
    website: str | NotStated = spec(Url(silence=_("the council's website"), needs_placeholder=True,
                                        help="the council's own website: the pages link back to it"))
    sample: str | None = spec(Text(required=False, help="marks invented data and says what is invented"))
    about: str | None = spec(Text(required=False, help="opening of the overview page (Markdown)"))
    platforms_intro: str | None = spec(Text(required=False, help="the sentence before the list of accounts"))
    platforms: tuple[Platform, ...] | NotStated = spec(
        ListOf(Platform.format(), silence=_("the council's social media accounts"), help="the council's accounts"))
    monitoring: Monitoring | NotStated = spec(Monitoring.format(silence=_("when the accounts are monitored")))
    responses: Responses | NotStated = spec(Responses.format(silence=_("whether and how soon the council replies")))
    alternatives: tuple[Alternative, ...] = spec(ListOf(Alternative.format(), required=False,
                                                        help="where residents should go instead of social media"))
    endorsement: Endorsement | NotStated = spec(
        Endorsement.format(silence=_("whether following or sharing is endorsement")))
    rules: RuleList = spec(RuleList.format())
    enforcement: Enforcement | NotStated = spec(Enforcement.format(silence=_("what happens when rules are broken")))
    pre_election: PreElection | NotStated = spec(PreElection.format(silence=_("a pre-election period")))
    contacts: tuple[Contact, ...] | NotStated = spec(ListOf(Contact.format(), silence=_("how to contact the council"),
                                                            help="ways to reach the council"))
    accessibility: Accessibility | NotStated = spec(Accessibility.format(
        silence=_("the accessibility statement's facts (compliance, dates, contact)")))
    page_titles: Mapping[str, str | None] = spec(Record("page titles", {
        page: Text(required=False) for page in sorted(set(PUBLIC_PAGES) | set(STAFF_PAGES))
    }, required=False, default=MappingProxyType({}), help="the council's own names for pages, when it has them"))
    sections: tuple[Section, ...] = spec(ListOf(Section.format(), required=False, unique=lambda s: s.id,
                                                unique_what="section id",
                                                help="the council's own prose, each placed on one page of one site"))
