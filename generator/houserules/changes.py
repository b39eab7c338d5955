"""What changed between two versions of a council's policy, told the way a
resident or a moderator would want it: rule by rule (added, removed,
reworded, with the old and the new wording) and setting by setting (hours,
response targets, appeal period, enforcement steps...), not as a text diff.

Both sides are loaded policies (the same typed records the pages are made
from), so a change of layout or of YAML spelling is never reported, only a
change of meaning. Staff-only settings and sections are marked as such, so
the public history leaves them out.

Each change is told as a sentence (`Change.told`, after its name): a value
in the words the pages use for it ("9am to 5pm", "6 months", "Monday to
Friday"), the council's own words in quotes, and nothing the council did not
set: a setting it no longer states is "no longer in the policy", never a
value it did not give. Each change is told once: a setting whose wording
changed too is told in the council's words, and a passage of the council's
words that only repeats a change told already (the appeal period written
into a step of what happens when rules are broken) is not told again.

Each change is told in the language of the site it is on (`compare`'s
`language`): the sentences here are English msgids (messages.py), the
phrases from wording.py are asked for in that language, and the council's
own words are read in it.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, cast

from .formats import ActAtOnce
from .languages import localise
from .load import Policy
from .messages import translator
from .resolve import nav
from .rulepack import LIST_NAMES, build_rulepack
from .schema import stated
from .wording import (ACTIONS, CATEGORY_CONTENT, _, clock, content, days, deadline, does, join, long_date, months,
                      number, record_item)


@dataclass(frozen=True)
class Change:
    kind: str            # "added", "removed", "reworded", "changed"
    area: str            # "rule", "setting", "section", "word list"
    what: str            # what a reader would call it
    old: str | None = None   # the value before, in words; None when not stated
    new: str | None = None
    staff_only: bool = False
    # The change as a sentence, after `what`: "you can now appeal after 6 months (before: 12 months)."
    told: str = ""

    @property
    def sentence(self) -> str:
        return f"{self.what}: {self.told}"


def _get(record, path: str):
    """The setting at `path`, or None when it (or what holds it) is not stated."""
    value = record
    for key in path.split("."):
        if not stated(value):
            return None
        value = getattr(value, key)
    return value if stated(value) else None


def _canon(value):
    """A value with the old names of actions replaced by the names they stand
    for ("notify" reads "tell senior managers", as "tell-senior-managers"
    does): a version that only renames one changes nothing a reader sees."""
    if isinstance(value, tuple):
        return tuple(_canon(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type) and hasattr(value, "actions"):
        actions = cast(Any, value).actions  # a record with actions (hasattr), whichever record it is
        return dataclasses.replace(value, actions=tuple(ACTIONS[a].old_name_of or a if a in ACTIONS else a
                                                         for a in actions))
    return value


def _q(text) -> str:
    """The council's words, quoted, on one line."""
    return f"“{' '.join(str(text).split())}”"


def _capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ended(text: str) -> str:
    """One full stop: not a second after the council's own, at the end of a quote."""
    return text[:-1] if text.endswith((".”.", "!”.", "?”.")) else text


# --- the council's words, and how they changed ------------------------------------

SHORT = 30      # words: a text this long or shorter is quoted whole, before and after
AROUND = 4      # words either side of a changed passage of a longer one


def _passages(old: str, new: str) -> list[tuple[str, str]]:
    """The passages that differ, word by word: [(was, is)], either may be ''."""
    a, b = old.split(), new.split()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return [(" ".join(a[i1:i2]), " ".join(b[j1:j2]))
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _rewording(old: str, new: str, whole: str, part: str, language: str, **values: str) -> str:
    """How the council's words changed: `whole` ("the rule now reads %(new)s
    (before: %(old)s)") with both quoted whole when short or mostly rewritten,
    else `part` ("in the rule's words, %(passages)s"), each changed passage
    with a few words round it: "“…after 12 months…” now reads “…after 6 months…”".
    `values` fill the templates' other placeholders."""
    _ = translator(language)
    a, b = old.split(), new.split()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    rewritten = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
    if max(len(a), len(b)) <= SHORT or rewritten * 2 > max(len(a), len(b)):
        return whole % {**values, "new": _q(new), "old": _q(old)}
    told = []
    for group in matcher.get_grouped_opcodes(AROUND):
        i1, i2, j1, j2 = group[0][1], group[-1][2], group[0][3], group[-1][4]
        was = ("…" if i1 else "") + " ".join(a[i1:i2]) + ("…" if i2 < len(a) else "")
        now = ("…" if j1 else "") + " ".join(b[j1:j2]) + ("…" if j2 < len(b) else "")
        told.append(_("%(was)s now reads %(now)s", was=_q(was), now=_q(now)))
    return part % {**values, "passages": "; ".join(told)}


def _words(language: str) -> tuple[str, str]:
    """_rewording's templates for a setting in the council's own words."""
    _ = translator(language)
    return _("the policy's words now read %(new)s (before: %(old)s)"), _("in the policy's words, %(passages)s")


def _words_for_it(language: str) -> tuple[str, str]:
    """_rewording's templates for the council's words for a value it also sets."""
    _ = translator(language)
    return (_("the policy's words for it now read %(new)s (before: %(old)s)"),
            _("in the policy's words for it, %(passages)s"))


def _echoes(passages: list[tuple[str, str]], told: list[tuple[str, str]]) -> bool:
    """Whether every changed passage of the council's words only repeats a
    change of value told already: its old words in that value's old phrase,
    its new words in the new one ("12" -> "6" of "12 months" -> "6 months")."""
    def bare(text: str) -> str:
        return text.strip(" .,;:()“”\"'")

    return bool(passages) and all(
        bare(was) and bare(now) and any(bare(was) in old and bare(now) in new for old, new in told)
        for was, now in passages)


# --- settings: what each is called, and how its values are said -------------------

@dataclass(frozen=True)
class _Setting:
    path: str
    label: str
    # say(value, rule titles, language): a value in words; None: the council's own words
    say: Callable | None = None
    item: Callable | None = None    # for a list: one item in words (as say), so a change names what came and went
    # A changed value, told ("you can now appeal after %(new)s (before: %(old)s)."), and one stated for
    # the first time ("added: you can appeal after %(new)s."); "": "now %(new)s ..." and "added: %(new)s."
    now: str = ""
    added: str = ""
    part: str = "%(value)s"         # the value as part of its record: "prepared on %(value)s"


def _page_titles(language: str) -> dict[str, str]:
    """Every page's own title, as the council may rename it (a public page's, of the two named "index")."""
    return {**dict(nav("staff", language)), **dict(nav("public", language))}


def _platform(p, titles, language: str) -> str:
    from .render import _platform_name
    name = p.label or _platform_name(p)
    return f"{name} ({p.handle})" if p.handle else name


def _alternative(a, titles, language: str) -> str:
    _ = translator(language)
    return _("to %(need)s, %(channel)s", need=a.need, channel=a.channel)


def _contact(c, titles, language: str) -> str:
    if c.wording:
        return _q(c.wording)
    return f"{c.purpose}: {c.value or c.url or c.method}"


def _at_once(a: ActAtOnce, titles: Mapping[str, str], language: str) -> str:
    _ = translator(language)
    covered = a.content or join([*(titles.get(r, r) for r in a.rules),
                                 *(content(c, language) if c in CATEGORY_CONTENT else c for c in a.categories)],
                                language=language)
    text = _("%(content)s: we %(does)s straight away", content=covered, does=does(a.actions, language=language))
    return text + (f" ({_q(a.wording)})" if a.wording else "")


def _reserved(r, titles, language: str) -> str:
    _ = translator(language)
    return _q(r.wording) if r.wording else _("the right to %(does)s", does=does(r.actions, language=language))


def _polling_day(d, titles, language: str) -> str:
    return f"{long_date(d.date, language=language)} ({d.election})"


def _page_title(item, titles, language: str) -> str:
    _ = translator(language)
    page, title = item
    return _("the “%(page)s” page is called %(title)s", page=_page_titles(language).get(page, page), title=_q(title))


def _either(yes: str, no: str) -> Callable:
    """A true-or-false setting, said as a sentence in the site's language."""
    return lambda value, titles, language: translator(language)(yes if value else no)


_following = _either(_("following an account means the council endorses it"),
                     _("following an account does not mean the council endorses it"))
_sharing = _either(_("sharing a post means the council endorses it"),
                   _("sharing a post does not mean the council endorses it"))
_notified = _either(_("we tell people when they are blocked"),
                    _("we do not tell people directly when they are blocked"))
_reasons = _either(_("we may discuss the reasons for a block on social media"),
                   _("we do not discuss the reasons for a block on social media"))


def _plain(value, titles, language: str) -> str:
    return " ".join(str(value).split())


def _one_of(said: Mapping[str, str]) -> Callable:
    """A setting that takes one of a few values, each said in words in the site's language."""
    return lambda value, titles, language: translator(language)(said[value]) if value in said else value


_outside_hours = _one_of({"not-monitored": _("not monitored"), "emergencies-only": _("updates in emergencies only"),
                          "scheduled-posts-only": _("scheduled posts only")})
_compliance = _one_of({"full": _("fully compliant with WCAG 2.2 AA"),
                       "partial": _("partially compliant with WCAG 2.2 AA"),
                       "none": _("not compliant with WCAG 2.2 AA")})


def _weeks(value, titles, language: str) -> str:
    _ = translator(language)
    n = number(value, language=language)
    return _("%(n)s week", n=n) if value == 1 else _("%(n)s weeks", n=n)


def _elections(value, titles, language: str) -> str:
    _ = translator(language)
    return _("%(elections)s elections", elections=join(list(value), language=language))


def _quoted(value, titles, language: str) -> str:
    return _q(value)


@functools.cache
def _settings(language: str) -> tuple[_Setting, ...]:
    """Every setting the history tells, with its name and sentences in `language`."""
    _ = translator(language)
    says = _("the policy now says %(new)s (before: %(old)s).")
    says_added = _("added: the policy says %(new)s.")
    endorses = _("Following and sharing")
    appeal = _("Appeal against a block")
    blocked = _("Telling someone they are blocked")
    election = _("Pre-election period")
    statement = _("Accessibility statement")
    return (
        _Setting("name", _("Council name"), _quoted),
        _Setting("website", _("Council website"), _plain),
        _Setting("platforms", _("Social media accounts"), item=_platform),
        _Setting("monitoring.days", _("Days the accounts are monitored"),
                 lambda v, t, lang: days(v, language=lang)),
        _Setting("monitoring.hours", _("Monitoring hours"),
                 lambda v, t, lang: _("%(start)s to %(end)s", start=clock(v.start, language=lang),
                                      end=clock(v.end, language=lang))),
        _Setting("monitoring.outside_hours", _("Outside monitoring hours"), _outside_hours),
        _Setting("monitoring.wording", _("Monitoring hours")),
        _Setting("monitoring.outside_hours_wording", _("Outside monitoring hours")),
        _Setting("responses.wording", _("Replies to messages")),
        _Setting("alternatives", _("Where to go instead of social media"), item=_alternative),
        _Setting("endorsement.following_is_endorsement", endorses, _following, now=says, added=says_added),
        _Setting("endorsement.sharing_is_endorsement", endorses, _sharing, now=says, added=says_added),
        _Setting("endorsement.wording", endorses),
        _Setting("rules.intro", _("Introduction to the rules")),
        _Setting("rules.outro", _("Words after the rules")),
        _Setting("enforcement.intro", _("When rules are broken: introduction")),
        _Setting("enforcement.at_once", _("Dealt with at once"), item=_at_once),
        _Setting("enforcement.reserved", _("Rights the council reserves"), item=_reserved),
        _Setting("enforcement.block_appeal.after_months", appeal, lambda v, t, lang: months(v, language=lang),
                 now=_("you can now appeal after %(new)s (before: %(old)s)."),
                 added=_("added: you can appeal after %(new)s.")),
        _Setting("enforcement.block_appeal.decided_with", appeal, _plain,
                 now=_("a decision to reverse a block is now made with %(new)s (before: %(old)s)."),
                 added=_("added: a decision to reverse a block is made with %(new)s.")),
        _Setting("enforcement.block_appeal.wording", appeal),
        _Setting("enforcement.block_notice.notified", blocked, _notified, now=says, added=says_added),
        _Setting("enforcement.block_notice.reasons_discussed", blocked, _reasons, now=says, added=says_added),
        _Setting("enforcement.block_notice.wording", blocked),
        _Setting("enforcement.complaints", _("Complaints about a block")),
        _Setting("enforcement.outro", _("When rules are broken: closing words")),
        _Setting("pre_election.weeks", election, _weeks,
                 now=_("it now starts %(new)s before polling day (before: %(old)s)."),
                 added=_("added: it starts %(new)s before polling day."),
                 part=_("it starts %(value)s before polling day")),
        _Setting("pre_election.elections", election, _elections,
                 now=_("it now applies to %(new)s (before: %(old)s)."),
                 added=_("added: it applies to %(new)s."), part=_("it applies to %(value)s")),
        _Setting("pre_election.polling_days", _("Polling days"), item=_polling_day),
        _Setting("pre_election.wording", election),
        _Setting("contacts", _("Ways to contact us"), item=_contact),
        _Setting("accessibility.compliance", statement, _compliance,
                 now=_("the pages are now said to be %(new)s (before: %(old)s)."),
                 added=_("added: the pages are said to be %(new)s."), part=_("the pages are %(value)s")),
        _Setting("accessibility.prepared", statement, lambda v, t, lang: long_date(v, language=lang),
                 now=_("now prepared on %(new)s (before: %(old)s)."),
                 added=_("added: prepared on %(new)s."), part=_("prepared on %(value)s")),
        _Setting("accessibility.reviewed", statement, lambda v, t, lang: long_date(v, language=lang),
                 now=_("now last reviewed on %(new)s (before: %(old)s)."),
                 added=_("added: last reviewed on %(new)s."), part=_("last reviewed on %(value)s")),
        _Setting("accessibility.contact", _("Accessibility statement: how to ask for another format"),
                 part=_("how to ask for another format: %(value)s")),
        _Setting("accessibility.known_issues", _("Accessibility statement: what is not accessible"),
                 item=_quoted, part=_("not accessible: %(value)s")),
        _Setting("page_titles", _("Page titles"), item=_page_title),
    )


@functools.cache
def _records(language: str) -> Mapping[str, str]:
    """Settings kept in a record the council may leave out as a whole: when the
    whole record comes or goes, it is told once, with all it said."""
    _ = translator(language)
    return MappingProxyType({
        "endorsement": _("Following and sharing"),
        "enforcement.block_notice": _("Telling someone they are blocked"),
        "accessibility": _("What the accessibility statement says"),
    })


# Settings the council can also state in its own words: when both the setting
# and its wording changed, the history lists one change, in the council's words.
WORDING_OF = {
    "monitoring.wording": ("monitoring.days", "monitoring.hours"),
    "monitoring.outside_hours_wording": ("monitoring.outside_hours",),
    "enforcement.block_appeal.wording": ("enforcement.block_appeal.after_months",
                                         "enforcement.block_appeal.decided_with"),
    "pre_election.wording": ("pre_election.weeks", "pre_election.elections"),
}


def _listed(setting: _Setting, value, titles, language: str) -> list[str]:
    """A list setting's items in words (a mapping's stated entries)."""
    items = [(k, v) for k, v in value.items() if v is not None] if isinstance(value, Mapping) else list(value)
    assert setting.item is not None  # only a list setting (one with `item`) is listed
    return [setting.item(v, titles, language) for v in items]


def _phrase(setting: _Setting, value, titles, language: str) -> str:
    """A setting's value as the history says it."""
    if setting.item:
        return join(_listed(setting, value, titles, language), language=language)
    if setting.say:
        return setting.say(value, titles, language)
    return _q(value)


def _said(setting: _Setting, x, y, titles, language: str) -> tuple[str, str | None, str | None, list, str]:
    """(kind, old, new, the council's words' changed passages) and the
    sentence, for a setting that changed from x to y (None: not stated)."""
    _ = translator(language)
    old = _phrase(setting, x, titles, language) if x is not None else None
    new = _phrase(setting, y, titles, language) if y is not None else None
    kind = "added" if x is None else "removed" if y is None else "changed"
    passages: list = []
    if kind == "removed":
        told = _("no longer in the policy (before: %(old)s).", old=old) if setting.say or setting.item \
            else _("no longer in the policy (it said: %(old)s).", old=old)
    elif not setting.say and not setting.item:          # the council's own words
        if kind == "added":
            told = _("the policy now says %(new)s.", new=new)
        else:
            assert x is not None and y is not None  # "changed": stated before and after
            told = f"{_rewording(x, y, *_words(language), language)}."
            passages = _passages(x, y)
    elif setting.item and kind == "changed":
        was, now = _listed(setting, x, titles, language), _listed(setting, y, titles, language)
        came, went = [v for v in now if v not in was], [v for v in was if v not in now]
        parts = [_("%(items)s added", items=join(came, language=language)) if came else "",
                 _("%(items)s removed", items=join(went, language=language)) if went else ""]
        told = ("; ".join(p for p in parts if p) + "." if came or went
                else _("now %(new)s (before: %(old)s, in another order).", new=new, old=old))
    elif kind == "added":  # said so, not "the policy did not say before": it may have, in other words
        told = (setting.added or _("added: %(new)s.")) % {"new": new}
    else:
        told = (setting.now or _("now %(new)s (before: %(old)s).")) % {"new": new, "old": old}
    return kind, old, new, passages, told


# --- comparing ---------------------------------------------------------------------

def _targets(council) -> tuple:
    return council.responses.targets if council.responses else ()


def _steps(council) -> tuple:
    return council.enforcement.steps if council.enforcement else ()


def _step(s, language: str) -> str:
    _ = translator(language)
    text = does(s.actions, language=language)
    if s.decided_by:
        text += _(", decided by %(who)s", who=s.decided_by)
    if s.consulted:
        text += _(", consulting %(who)s", who=join(list(s.consulted), language=language))
    if s.records:
        text += _(", keeping %(items)s", items=join([record_item(r, language=language) for r in s.records],
                                                     language=language))
    return text


def _step_in_full(s, language: str) -> str:
    _ = translator(language)
    return _step(s, language) + (_(", in the policy's words %(wording)s", wording=_q(s.wording)) if s.wording else "")


def _aim(t, language: str) -> str:
    """A response target as the pages put it: "within two working days", or the council's words."""
    return deadline(t, language=language) or _q(t.wording)


@dataclass
class _Told:
    change: Change
    passages: list = dataclasses.field(default_factory=list)   # the council's words' changed passages, alone


def compare(old: Policy, new: Policy, slug: str, language: str | None = None) -> list[Change]:
    """Every change of meaning in council `slug` from `old` to `new`, told in
    `language`, as that language's site reads the council's texts: an edit
    to a text in another language only is no change there. Without a
    language, a change in any language the council publishes in, told in
    English (a council in English alone reads only its English)."""
    if language is not None or new.councils[slug].languages == ("en",):
        # As its sites read: for a council in English alone, an edit to a
        # text in another language only (the catalogue's Welsh) is no change.
        old, new = localise(old, language or "en"), localise(new, language or "en")
    language = language or "en"
    _ = translator(language)
    changes: list[_Told] = []
    # The rules as the council adopts them: its wording, and the checker's rules.
    old_pack, new_pack = build_rulepack(old, slug), build_rulepack(new, slug)
    before = {r["id"]: r for r in old_pack["rules"]}
    after = {r["id"]: r for r in new_pack["rules"]}

    for rule_id, rule in after.items():
        was, title = before.get(rule_id), new.rules[rule_id].title
        if was is None:
            told = _("a new rule, worded %(wording)s.", wording=_q(rule["wording"]))
            changes.append(_Told(Change("added", "rule", title, None, rule["wording"], told=told)))
        elif was["wording"] != rule["wording"]:
            told = _rewording(was["wording"], rule["wording"], _("the rule now reads %(new)s (before: %(old)s)."),
                              _("in the rule's words, %(passages)s."), language)
            changes.append(_Told(Change("reworded", "rule", title, was["wording"], rule["wording"], told=told)))
        elif was["check"] != rule["check"]:
            changes.append(_Told(Change("changed", "rule", title, _("how the checker judges it changed"), None,
                                        told=_("the comment checker now judges this rule differently."))))
        elif old.rules[rule_id] != new.rules[rule_id]:
            changes.append(_Told(_rule_details(old.rules[rule_id], new.rules[rule_id], title, language)))
    for rule_id, was in before.items():
        if rule_id not in after:
            told = _("rule removed (it was worded %(wording)s).", wording=_q(was["wording"]))
            changes.append(_Told(Change("removed", "rule", old.rules[rule_id].title, was["wording"], None,
                                        told=told)))
    changes += [_Told(c) for c in _word_lists(old_pack["words"], new_pack["words"], language)]

    a, b = old.councils[slug], new.councils[slug]
    titles = {**{i: r.title for i, r in old.rules.items()}, **{i: r.title for i, r in new.rules.items()}}
    settings, records = _settings(language), _records(language)
    by_path = {s.path: s for s in settings}
    changed = {s.path for s in settings if _canon(_get(a, s.path)) != _canon(_get(b, s.path))}
    # A record that came or went as a whole is told once, with all it said.
    whole = {record for record in records if (_get(a, record) is None) != (_get(b, record) is None)}
    # A setting whose wording changed too is told once, in the council's words.
    worded = {setting: wording for wording, settings in WORDING_OF.items() if wording in changed
              for setting in settings if setting in changed}
    # What every changed value was and is, in words and as written in the
    # source ("six months", 6): a passage of the council's words that only
    # repeats one of them is not told again.
    values = [pair for s in settings if s.path in changed and (s.say or s.item)
              and _get(a, s.path) is not None and _get(b, s.path) is not None
              for pair in ((_phrase(s, _get(a, s.path), titles, language),
                            _phrase(s, _get(b, s.path), titles, language)),
                           (str(_get(a, s.path)), str(_get(b, s.path))))]
    done = set()
    for setting in settings:
        path = setting.path
        if path not in changed or path in worded:
            continue
        record = next((r for r in whole if path.startswith(r + ".")), None)
        if record:
            if record not in done:
                done.add(record)
                changes.append(_Told(_record(record, a, b, by_path, titles, language)))
            continue
        label = by_path[next(s for s, w in worded.items() if w == path)].label if path in worded.values() \
            else setting.label
        kind, was, now, passages, told = _said(setting, _get(a, path), _get(b, path), titles, language)
        changes.append(_Told(Change(kind, "setting", label, was, now, told=told), passages))

    # Response targets and enforcement steps, one by one: the parts residents rely on.
    old_targets = {t.id: t for t in _targets(a)}
    new_targets = {t.id: t for t in _targets(b)}
    for tid in dict.fromkeys([*old_targets, *new_targets]):
        x, y = old_targets.get(tid), new_targets.get(tid)
        if x != y:
            changes.append(_Told(_target_change(x, y, language)))
    old_steps, new_steps = _steps(a), _steps(b)
    for i in range(max(len(old_steps), len(new_steps))):
        x = old_steps[i] if i < len(old_steps) else None
        y = new_steps[i] if i < len(new_steps) else None
        if _canon(x) != _canon(y):
            changes.append(_step_change(i + 1, x, y, language))

    old_sections = {s.id: s for s in a.sections}
    new_sections = {s.id: s for s in b.sections}
    for sid in dict.fromkeys([*old_sections, *new_sections]):
        x, y = old_sections.get(sid), new_sections.get(sid)
        if x != y:
            changes.append(_section_change(sid, x, y, language))
    # Each change once: the council's words that only repeat a change of value told already are left out.
    return [dataclasses.replace(t.change, told=_ended(t.change.told)) for t in changes
            if not (t.passages and _echoes(t.passages, values))]


def _rule_details(a, b, title: str, language: str) -> Change:
    """A rule whose wording and check are as they were, and whose title, explanation or examples are not."""
    _ = translator(language)
    parts = [_("renamed (before: %(title)s)", title=_q(a.title)) if a.title != b.title else "",
             _("its explanation changed") if (a.summary, a.rationale) != (b.summary, b.rationale) else "",
             _("its examples changed") if a.examples != b.examples else ""]
    told = join([p for p in parts if p], language=language) or _("its details changed")
    return Change("changed", "rule", title, _("its title, explanation or examples changed"), None, told=f"{told}.")


def _record(record: str, a, b, by_path: Mapping, titles, language: str) -> Change:
    """A record the council states, or no longer states, as a whole: everything it says, in one change."""
    _ = translator(language)
    x, y = _get(a, record), _get(b, record)
    value = y if x is None else x
    parts = []
    for path, setting in by_path.items():
        if path.startswith(record + "."):
            field = _get(value, path[len(record) + 1:])
            if field is not None:
                parts.append(setting.part % {"value": _phrase(setting, field, titles, language)})
    said = "; ".join(parts)
    label = _records(language)[record]
    if x is None:
        return Change("added", "setting", label, None, said, told=_("the policy now says: %(said)s.", said=said))
    return Change("removed", "setting", label, said, None,
                  told=_("no longer in the policy (it said: %(old)s).", old=said))


def _target_change(x, y, language: str) -> Change:
    _ = translator(language)
    t = y or x
    staff = t.audience == "staff"
    label = _("Response times")
    if x is None:
        told = (_("added: we aim to %(what)s %(when)s.", what=y.what, when=deadline(y, language=language))
                if deadline(y, language=language)
                else _("added: the policy says %(new)s.", new=_q(y.wording)))
        return Change("added", "setting", label, None, f"{y.what}: {_aim(y, language)}", staff, told)
    if y is None:
        return Change("removed", "setting", label, f"{x.what}: {_aim(x, language)}", None, staff,
                      _("the aim to %(what)s %(when)s is no longer in the policy.", what=x.what,
                        when=_aim(x, language)))
    old, new = f"{x.what}: {_aim(x, language)}", f"{y.what}: {_aim(y, language)}"
    was_by, now_by = deadline(x, language=language), deadline(y, language=language)
    if (x.what, was_by) != (y.what, now_by) and was_by and now_by:
        was = was_by if x.what == y.what else _("to %(what)s %(when)s", what=x.what, when=was_by)
        told = _("we now aim to %(what)s %(when)s (before: %(old)s).", what=y.what, when=now_by, old=was)
        if x.wording != y.wording and y.wording and not _echoes(
                _passages(x.wording or "", y.wording), [(was_by, now_by)]):
            told += " " + _capfirst(_rewording(x.wording or "", y.wording, *_words_for_it(language), language)) + "."
    elif x.wording != y.wording and x.wording and y.wording:
        told = _rewording(x.wording, y.wording,
                          _("the policy's words for the aim to %(what)s now read %(new)s (before: %(old)s)."),
                          _("in the policy's words for the aim to %(what)s, %(passages)s."), language, what=y.what)
    else:
        told = _("now: %(new)s (before: %(old)s).", new=_target_in_full(y, language),
                 old=_target_in_full(x, language))
    return Change("changed", "setting", label, old, new, staff, told)


def _target_in_full(t, language: str) -> str:
    _ = translator(language)
    applies = {"all": "", "office-hours": _(", for messages received in office hours"),
               "out-of-hours": _(", for messages received out of hours")}[t.applies_to]
    staff = _(", told to staff only") if t.audience == "staff" else ""
    return _("to %(what)s %(when)s", what=t.what, when=_aim(t, language)) + applies + staff


def _step_change(n: int, x, y, language: str) -> _Told:
    _ = translator(language)
    label = _("When rules are broken, step %(n)s", n=n)
    if x is None:
        return _Told(Change("added", "setting", label, None, _step_in_full(y, language),
                            told=_("a new step: %(step)s.", step=_step_in_full(y, language))))
    if y is None:
        return _Told(Change("removed", "setting", label, _step_in_full(x, language), None,
                            told=_("no longer in the policy (it was: %(step)s).", step=_step_in_full(x, language))))
    if _canon(dataclasses.replace(x, wording=None)) == _canon(dataclasses.replace(y, wording=None)):
        # Only the council's words for it changed.
        if x.wording and y.wording:
            return _Told(Change("changed", "setting", label, _q(x.wording), _q(y.wording),
                                told=f"{_rewording(x.wording, y.wording, *_words_for_it(language), language)}."),
                         _passages(x.wording, y.wording))
        return _Told(Change("changed", "setting", label, _step_in_full(x, language), _step_in_full(y, language),
                            told=_("now %(new)s (before: %(old)s).", new=_step_in_full(y, language),
                                   old=_step_in_full(x, language))))
    told = _("now %(new)s (before: %(old)s).", new=_step(y, language), old=_step(x, language))
    if x.wording != y.wording:
        told += (" " + _capfirst(_rewording(x.wording, y.wording, *_words_for_it(language), language)) + "."
                 if x.wording and y.wording
                 else " " + _("The policy now words it %(wording)s.", wording=_q(y.wording)) if y.wording
                 else " " + _("The policy no longer words it itself."))
    return _Told(Change("changed", "setting", label, _step_in_full(x, language), _step_in_full(y, language),
                        told=told))


def _section_change(sid: str, x, y, language: str) -> _Told:
    _ = translator(language)
    s = y or x
    staff = s.audience == "staff"
    label = s.title or sid.replace("-", " ").capitalize()
    if x is None:
        return _Told(Change("added", "section", label, None, _section_text(y), staff,
                            _("a new section of the policy's words, %(where)s: %(body)s.",
                              where=_where(y, language), body=_q(y.body))))
    if y is None:
        return _Told(Change("removed", "section", label, _section_text(x), None, staff,
                            _("a section of the policy's words no longer on these pages (it said %(body)s).",
                              body=_q(x.body))))
    if x.body != y.body:
        told = _rewording(x.body, y.body, _("its words now read %(new)s (before: %(old)s)."),
                          _("in its words, %(passages)s."), language)
        if _where(x, language) != _where(y, language):  # moved or retitled as well
            told = _ended(told) + " " + _("It is now %(new)s (before: %(old)s).", new=_where(y, language),
                                          old=_where(x, language))
            return _Told(Change("reworded", "section", label, _section_text(x), _section_text(y), staff, told))
        return _Told(Change("reworded", "section", label, _section_text(x), _section_text(y), staff, told),
                     _passages(x.body, y.body))
    return _Told(Change("reworded", "section", label, _where(x, language), _where(y, language), staff,
                        _("now %(new)s (before: %(old)s).", new=_where(y, language), old=_where(x, language))))


def _section_text(s) -> str:
    return " ".join(s.body.split())


def _where(s, language: str) -> str:
    """Where a section of the council's own words is: its page, its place on it, its title."""
    _ = translator(language)
    page = dict(nav(s.audience, language)).get(s.page, s.page)
    where = (_("at the start of the “%(page)s” page", page=page) if s.position == "start"
             else _("at the end of the “%(page)s” page", page=page))
    return where + (_(", titled %(title)s", title=_q(s.title)) if s.title else "")


def _list_name(name: str, language: str) -> str:
    """A word list the checker uses, as the history names it: as the checker's reasons do (rulepack.LIST_NAMES)."""
    return translator(language)(LIST_NAMES[name]) if name in LIST_NAMES else _q(name)


def _word_lists(old: list[dict], new: list[dict], language: str = "en") -> list[Change]:
    """Word lists the checker uses, list by list: how many words came, went or changed."""
    _ = translator(language)

    def by_list(words):
        out: dict[str, dict] = {}
        for w in words:
            out.setdefault(w.get("list") or "", {})[w.get("term")] = tuple(sorted(w.items()))
        return out

    def counted(n: int, what: str) -> str:
        said = {("added", True): _("%(n)s word added"), ("added", False): _("%(n)s words added"),
                ("removed", True): _("%(n)s word removed"), ("removed", False): _("%(n)s words removed"),
                ("changed", True): _("%(n)s word changed"), ("changed", False): _("%(n)s words changed")}
        return said[what, n == 1] % {"n": n}

    a, b = by_list(old), by_list(new)
    changes = []
    for name in sorted(a.keys() | b.keys()):
        x, y = a.get(name, {}), b.get(name, {})
        if x == y:
            continue
        added = len(y.keys() - x.keys())
        removed = len(x.keys() - y.keys())
        altered = sum(1 for term in x.keys() & y.keys() if x[term] != y[term])
        parts = [counted(n, what) for n, what in ((added, "added"), (removed, "removed"), (altered, "changed")) if n]
        changes.append(Change("changed", "word list",
                              _("Words the comment checker looks for, from %(list)s", list=_list_name(name, language)),
                              _("%(n)s entries", n=len(x)), _("%(n)s entries", n=len(y)),
                              told=f"{join(parts, language=language)}."))
    return changes
