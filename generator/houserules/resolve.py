"""Resolve one council for one audience into the view the templates read.

This is where staff content is separated from public content: the public
view is built without any staff section or staff-only setting in it, so no
template can leak one by mistake.

`SiteView` is the declared contract with the templates (as MkDocs declares
its TemplateContext): every page template is rendered with a `PageContext`,
and reads nothing else. Every sentence a template writes itself is wrapped in
the `asserts` filter, naming the setting it states; the view refuses a
setting the council did not state (`SiteView.require`), so a build can never
publish a default the council did not set.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple, TypedDict

from houserules_checker.kinds import KINDS

from .formats import (PUBLIC_NAV, PUBLISHED_ONLY_BY_SOME, STAFF_NAV, AdoptedGroup, AdoptedRule, Council, Example, Rule,
                      Section)
from .load import Policy
from .masking import mask, offensive_terms
from .messages import translator
from .schema import NotStated, silences, stated
from .wording import content, join


# What a generated sentence may rest on besides the council's own settings:
# facts about these pages that every build guarantees and the tests check
# ("site"), what the comment checker does ("checker"), the law ("law"), and
# navigation ("nav").
TOOL_FACTS = ("site", "checker", "law", "nav")


class UnstatedSetting(Exception):
    """A template wrote a sentence about a setting the council did not state: a
    bug in the templates, never in the policy, so it stops the build."""


@dataclass(frozen=True)
class Shown:
    """A setting the pages need words for even when it is not known (name, website)."""
    value: str | None        # None when not known
    shown: str               # what the pages say: the value, or the placeholder
    unknown: str | None      # why it is not known (for editors, on the staff site)


@dataclass(frozen=True)
class AdoptedLine:
    """One line of the council's rules: one or more catalogue rules under the council's wording."""
    ids: tuple[str, ...]
    rules: tuple[Rule, ...]
    wording: str
    own_wording: bool


@dataclass(frozen=True)
class RuleGroup:
    heading: str | None
    lead_in: str | None
    lines: tuple[AdoptedLine, ...]
    after: str | None


class Quoted(NamedTuple):
    """A rule's example as a page quotes it: a page in another language marks it with its own."""
    text: str
    language: str


@dataclass(frozen=True)
class RuleEntry:
    """One catalogue rule, as the "Rules explained" page shows it."""
    rule: Rule
    council_wording: str | None
    examples: Mapping[str, tuple[Quoted, ...]]   # "breaks"/"passes": masked for the public


@dataclass(frozen=True)
class Silence:
    """A setting the council's policy does not state (listed on the staff site)."""
    field: str
    what: str
    reason: str | None


@dataclass(frozen=True)
class SiteView:
    audience: str
    slug: str
    council: Council          # as this audience may see it: the public one holds no staff-only part
    name: Shown
    website: Shown
    rule_items: tuple[AdoptedLine | RuleGroup, ...]
    by_rule: tuple[RuleEntry, ...]
    judgement: tuple[RuleEntry, ...]
    sections: Mapping[str, Mapping[str, tuple[Section, ...]]]   # page -> "start"/"end" -> sections
    pages: tuple[tuple[str, str], ...]                          # (page id, title) in navigation order
    page_titles: Mapping[str, str]
    silences: tuple[Silence, ...]                               # staff views only
    versions: Mapping | None                                    # editions.context, or None
    language: str = "en"                                        # the code of the language the pages are in

    @property
    def staff(self) -> bool:
        return self.audience == "staff"

    @property
    def has_protocol(self) -> bool:
        return "protocol" in self.sections

    def has_page(self, page: str) -> bool:
        return any(p == page for p, _ in self.pages)

    def stated(self, path: str) -> bool:
        """Whether the council stated the setting at `path` ("monitoring.hours")."""
        value = self.council
        for key in path.split("."):
            if not stated(value):
                return False
            value = getattr(value, key)
        return stated(value)

    def content_of(self, entry) -> str:
        """What an action taken at once is for, in words: the policy's own, or the
        titles of the rules and the names of the categories it names."""
        if entry.content:
            return entry.content
        titles = [rule.title for rule_id in entry.rules for rule in self._rule(rule_id)]
        return join([*titles, *(content(c, self.language) for c in entry.categories)], language=self.language)

    def _rule(self, rule_id: str) -> tuple[Rule, ...]:
        return tuple(e.rule for e in self.by_rule if e.rule.id == rule_id)[:1]

    @property
    def check_kinds(self) -> frozenset[str]:
        """The check kinds of the council's rules: what its checker can look for."""
        return frozenset(e.rule.check.kind for e in self.by_rule)

    def require(self, *paths: str) -> None:
        for path in paths:
            if path not in TOOL_FACTS and not self.stated(path):
                raise UnstatedSetting(f"a template states {path!r}, which {self.slug} does not state")


class PageContext(TypedDict):
    """What every page template is rendered with."""
    view: SiteView
    title: str


def _shown(value: str | NotStated) -> Shown:
    if isinstance(value, NotStated):
        return Shown(None, value.placeholder or "", value.reason)
    return Shown(value, value, None)


def _line(entry: AdoptedRule, rules: dict[str, Rule]) -> AdoptedLine:
    members = tuple(rules[i] for i in entry.ids)
    return AdoptedLine(entry.ids, members, entry.wording or " ".join(r.wording for r in members),
                       bool(entry.wording))


def for_audience(council: Council, audience: str) -> Council:
    """The council as one audience's site may show it: the public copy holds
    no staff section and no staff-only response target."""
    if audience == "staff":
        return council
    sections = tuple(s for s in council.sections if s.audience == "public")
    responses = council.responses
    if responses and stated(responses.targets):
        responses = dataclasses.replace(responses, targets=tuple(t for t in responses.targets
                                                                 if t.audience == "public"))
    return dataclasses.replace(council, sections=sections, responses=responses)


def _present(council: Council, sections: Mapping, versions) -> dict[str, bool]:
    """Which optional pages this site has: a page with nothing the council said on it is left out."""
    responses = council.responses
    return {
        "using-social-media": bool(council.monitoring or (responses and (responses.wording or responses.targets))
                                   or council.alternatives or council.endorsement or "using-social-media" in sections),
        "when-rules-are-broken": bool(council.enforcement or "when-rules-are-broken" in sections),
        "pre-election": bool(council.pre_election or "pre-election" in sections),
        "contact": bool(council.contacts or stated(council.website) or "contact" in sections),
        "protocol": "protocol" in sections,
    }


def nav(audience: str, language: str = "en") -> tuple[tuple[str, str], ...]:
    """(page, title) for every page an audience's site may have, in navigation
    order, each with the title houserules gives it, in `language`."""
    _ = translator(language)
    return tuple((page, _(title)) for page, title in (STAFF_NAV if audience == "staff" else PUBLIC_NAV))


def shown_examples(rule: Rule, languages: tuple[str, ...], language: str) -> dict[str, tuple[Example, ...]]:
    """{"breaks"/"passes": the rule's examples} as a council's page in
    `language` shows them: those in English, which every council's checker
    reads, and in the council's other `languages` (a council in English alone
    never sees a Welsh one: its checker does not read Welsh words), the
    page's own language first; then those in languages no council publishes
    in. Twin pages of a council in two languages show the same examples, so
    they keep the same shape, and its readers, who comment in both, see both."""
    order = {code: n for n, code in enumerate(dict.fromkeys([language, *languages, "en"]))}
    # After them, comments in languages no council publishes in (the language
    # rule's), shown by every council, in the source's order.
    last = len(order)
    return {side: tuple(sorted((e for e in getattr(rule.examples, side)
                                if e.language in order or e.language not in PUBLISHED_ONLY_BY_SOME),
                               key=lambda e: order.get(e.language, last)))
            for side in ("breaks", "passes")}


def resolve(policy: Policy, slug: str, audience: str, versions: Mapping | None = None,
            language: str = "en") -> SiteView:
    """`versions`: where this edition stands among the council's published
    versions (editions.context), or None for a council with none. `language`:
    the code of the language the sites are in; `policy` is already localised
    to it (languages.localise)."""
    source = policy.councils[slug]
    council = for_audience(source, audience)
    staff = audience == "staff"

    items: list[AdoptedLine | RuleGroup] = []
    for item in council.rules.adopted:
        if isinstance(item, AdoptedGroup):
            items.append(RuleGroup(item.heading, item.lead_in, tuple(_line(e, policy.rules) for e in item.adopted),
                                   item.after))
        else:
            items.append(_line(item, policy.rules))
    terms = offensive_terms(policy.wordlists, source.languages)
    shown = (lambda text: text) if staff else (lambda text: mask(text, terms))
    # One entry per rule for the reference page, in the order the council lists them.
    by_rule = tuple(
        RuleEntry(rule, line.wording if line.own_wording else None,
                  MappingProxyType({side: tuple(Quoted(shown(e.text), e.language) for e in examples)
                                    for side, examples in shown_examples(rule, source.languages, language).items()}))
        for line in (_line(e, policy.rules) for e in council.rules.entries) for rule in line.rules)

    sections: dict[str, dict[str, list[Section]]] = {}
    for section in council.sections:
        sections.setdefault(section.page, {"start": [], "end": []})[section.position].append(section)
    frozen_sections = MappingProxyType({page: MappingProxyType({k: tuple(v) for k, v in where.items()})
                                        for page, where in sections.items()})

    # Rules whose verdicts a moderator must confirm or make (kinds.py).
    judgement = tuple(r for r in by_rule if KINDS[r.rule.check.kind].person_decides)
    present = {**_present(council, sections, versions), "history": versions is not None,
               "compare": versions is not None and len(versions["versions"]) > 1,
               "judgement": bool(judgement)}
    titles = {page: t for page, t in council.page_titles.items() if t}
    pages = tuple((page, titles.get(page) or title) for page, title in nav(audience, language)
                  if present.get(page, True))
    # What the sites say nothing about: each field's `silence` (formats.py), in the site's language.
    unsaid = translator(language)
    quiet = (tuple(Silence(path, unsaid(field.silence), value.reason) for path, field, value in silences(source))
             if staff else ())

    return SiteView(
        audience=audience, slug=slug, council=council,
        name=_shown(council.name), website=_shown(council.website),
        rule_items=tuple(items), by_rule=by_rule, judgement=judgement,
        sections=frozen_sections, pages=pages, page_titles=MappingProxyType(titles),
        silences=quiet, versions=versions, language=language,
    )
