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
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from .formats import PUBLIC_NAV, STAFF_NAV, ActAtOnce
from .languages import localise
from .load import Policy
from .rulepack import LIST_NAMES, build_rulepack
from .schema import stated
from .wording import ACTIONS, CATEGORY_CONTENT, RECORD_ITEMS, clock, days, deadline, join, long_date, months, number


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


def _rewording(old: str, new: str, whole: str, part: str) -> str:
    """How the council's words changed: `whole` ("the rule now reads {new}
    (before: {old})") with both quoted whole when short or mostly rewritten,
    else `part` ("in the rule's words, {passages}"), each changed passage
    with a few words round it: "“…after 12 months…” now reads “…after 6 months…”"."""
    a, b = old.split(), new.split()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    rewritten = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
    if max(len(a), len(b)) <= SHORT or rewritten * 2 > max(len(a), len(b)):
        return whole.format(new=_q(new), old=_q(old))
    told = []
    for group in matcher.get_grouped_opcodes(AROUND):
        i1, i2, j1, j2 = group[0][1], group[-1][2], group[0][3], group[-1][4]
        was = ("…" if i1 else "") + " ".join(a[i1:i2]) + ("…" if i2 < len(a) else "")
        now = ("…" if j1 else "") + " ".join(b[j1:j2]) + ("…" if j2 < len(b) else "")
        told.append(f"{_q(was)} now reads {_q(now)}")
    return part.format(passages="; ".join(told))


WORDS = ("the policy's words now read {new} (before: {old})", "in the policy's words, {passages}")
WORDS_FOR_IT = ("the policy's words for it now read {new} (before: {old})", "in the policy's words for it, {passages}")


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

OUTSIDE_HOURS = {"not-monitored": "not monitored", "emergencies-only": "updates in emergencies only",
                 "scheduled-posts-only": "scheduled posts only"}
COMPLIANCE = {"full": "fully compliant with WCAG 2.2 AA", "partial": "partially compliant with WCAG 2.2 AA",
              "none": "not compliant with WCAG 2.2 AA"}
PAGE_TITLES = {**dict(STAFF_NAV), **dict(PUBLIC_NAV)}


@dataclass(frozen=True)
class _Setting:
    path: str
    label: str
    say: Callable | None = None     # a value in words (given the rule titles); None: the council's own words
    item: Callable | None = None    # for a list: one item in words, so a change names what came and went
    now: str = "now {}"             # a new value, told: "you can now appeal after {}"
    part: str = "{}"                # the value as part of its record: "prepared on {}"


def _platform(p, titles) -> str:
    from .render import _platform_name
    name = p.label or _platform_name(p)
    return f"{name} ({p.handle})" if p.handle else name


def _alternative(a, titles) -> str:
    return f"to {a.need}, {a.channel}"


def _contact(c, titles) -> str:
    if c.wording:
        return _q(c.wording)
    return f"{c.purpose}: {c.value or c.url or c.method}"


def _at_once(a: ActAtOnce, titles: Mapping[str, str]) -> str:
    content = a.content or join([*(titles.get(r, r) for r in a.rules),
                                 *(CATEGORY_CONTENT.get(c, c) for c in a.categories)])
    text = f"{content}: we {_does(a.actions)} straight away"
    return text + (f" ({_q(a.wording)})" if a.wording else "")


def _reserved(r, titles) -> str:
    return _q(r.wording) if r.wording else f"the right to {_does(r.actions)}"


def _polling_day(d, titles) -> str:
    return f"{long_date(d.date)} ({d.election})"


def _page_title(item, titles) -> str:
    page, title = item
    return f"the “{PAGE_TITLES.get(page, page)}” page is called {_q(title)}"


def _does(actions) -> str:
    return join([ACTIONS[a].does for a in actions])


def _following(value, titles) -> str:
    return ("following an account means the council endorses it" if value
            else "following an account does not mean the council endorses it")


def _sharing(value, titles) -> str:
    return ("sharing a post means the council endorses it" if value
            else "sharing a post does not mean the council endorses it")


def _notified(value, titles) -> str:
    return "we tell people when they are blocked" if value else "we do not tell people directly when they are blocked"


def _reasons(value, titles) -> str:
    return ("we may discuss the reasons for a block on social media" if value
            else "we do not discuss the reasons for a block on social media")


def _plain(value, titles) -> str:
    return " ".join(str(value).split())


SETTINGS = [
    _Setting("name", "Council name", lambda v, t: _q(v)),
    _Setting("website", "Council website", _plain),
    _Setting("platforms", "Social media accounts", item=_platform),
    _Setting("monitoring.days", "Days the accounts are monitored", lambda v, t: days(v)),
    _Setting("monitoring.hours", "Monitoring hours", lambda v, t: f"{clock(v.start)} to {clock(v.end)}"),
    _Setting("monitoring.outside_hours", "Outside monitoring hours", lambda v, t: OUTSIDE_HOURS.get(v, v)),
    _Setting("monitoring.wording", "Monitoring hours"),
    _Setting("monitoring.outside_hours_wording", "Outside monitoring hours"),
    _Setting("responses.wording", "Replies to messages"),
    _Setting("alternatives", "Where to go instead of social media", item=_alternative),
    _Setting("endorsement.following_is_endorsement", "Following and sharing", _following,
             now="the policy now says {}"),
    _Setting("endorsement.sharing_is_endorsement", "Following and sharing", _sharing,
             now="the policy now says {}"),
    _Setting("endorsement.wording", "Following and sharing"),
    _Setting("rules.intro", "Introduction to the rules"),
    _Setting("rules.outro", "Words after the rules"),
    _Setting("enforcement.intro", "When rules are broken: introduction"),
    _Setting("enforcement.at_once", "Dealt with at once", item=_at_once),
    _Setting("enforcement.reserved", "Rights the council reserves", item=_reserved),
    _Setting("enforcement.block_appeal.after_months", "Appeal against a block", lambda v, t: months(v),
             now="you can now appeal after {}"),
    _Setting("enforcement.block_appeal.decided_with", "Appeal against a block", _plain,
             now="a decision to reverse a block is now made with {}"),
    _Setting("enforcement.block_appeal.wording", "Appeal against a block"),
    _Setting("enforcement.block_notice.notified", "Telling someone they are blocked", _notified,
             now="the policy now says {}"),
    _Setting("enforcement.block_notice.reasons_discussed", "Telling someone they are blocked", _reasons,
             now="the policy now says {}"),
    _Setting("enforcement.block_notice.wording", "Telling someone they are blocked"),
    _Setting("enforcement.complaints", "Complaints about a block"),
    _Setting("enforcement.outro", "When rules are broken: closing words"),
    _Setting("pre_election.weeks", "Pre-election period", lambda v, t: f"{number(v)} week" + ("" if v == 1 else "s"),
             now="it now starts {} before polling day", part="it starts {} before polling day"),
    _Setting("pre_election.elections", "Pre-election period", lambda v, t: f"{join(list(v))} elections",
             now="it now applies to {}", part="it applies to {}"),
    _Setting("pre_election.polling_days", "Polling days", item=_polling_day),
    _Setting("pre_election.wording", "Pre-election period"),
    _Setting("contacts", "Ways to contact us", item=_contact),
    _Setting("accessibility.compliance", "Accessibility statement", lambda v, t: COMPLIANCE.get(v, v),
             now="the pages are now said to be {}", part="the pages are {}"),
    _Setting("accessibility.prepared", "Accessibility statement", lambda v, t: long_date(v),
             now="now prepared on {}", part="prepared on {}"),
    _Setting("accessibility.reviewed", "Accessibility statement", lambda v, t: long_date(v),
             now="now last reviewed on {}", part="last reviewed on {}"),
    _Setting("accessibility.contact", "Accessibility statement: how to ask for another format",
             part="how to ask for another format: {}"),
    _Setting("accessibility.known_issues", "Accessibility statement: what is not accessible", item=lambda v, t: _q(v),
             part="not accessible: {}"),
    _Setting("page_titles", "Page titles", item=_page_title),
]

# Settings kept in a record the council may leave out as a whole: when the
# whole record comes or goes, it is told once, with all it said.
RECORDS = {
    "endorsement": "Following and sharing",
    "enforcement.block_notice": "Telling someone they are blocked",
    "accessibility": "What the accessibility statement says",
}

# Settings the council can also state in its own words: when both the setting
# and its wording changed, the history lists one change, in the council's words.
WORDING_OF = {
    "monitoring.wording": ("monitoring.days", "monitoring.hours"),
    "monitoring.outside_hours_wording": ("monitoring.outside_hours",),
    "enforcement.block_appeal.wording": ("enforcement.block_appeal.after_months",
                                         "enforcement.block_appeal.decided_with"),
    "pre_election.wording": ("pre_election.weeks", "pre_election.elections"),
}


def _listed(setting: _Setting, value, titles) -> list[str]:
    """A list setting's items in words (a mapping's stated entries)."""
    items = [(k, v) for k, v in value.items() if v is not None] if isinstance(value, Mapping) else list(value)
    assert setting.item is not None  # only a list setting (one with `item`) is listed
    return [setting.item(v, titles) for v in items]


def _phrase(setting: _Setting, value, titles) -> str:
    """A setting's value as the history says it."""
    if setting.item:
        return join(_listed(setting, value, titles))
    if setting.say:
        return setting.say(value, titles)
    return _q(value)


def _said(setting: _Setting, x, y, titles) -> tuple[str, str | None, str | None, list, str]:
    """(kind, old, new, the council's words' changed passages) and the
    sentence, for a setting that changed from x to y (None: not stated)."""
    old = _phrase(setting, x, titles) if x is not None else None
    new = _phrase(setting, y, titles) if y is not None else None
    kind = "added" if x is None else "removed" if y is None else "changed"
    passages: list = []
    if kind == "removed":
        told = f"no longer in the policy (before: {old})." if setting.say or setting.item \
            else f"no longer in the policy (it said: {old})."
    elif not setting.say and not setting.item:          # the council's own words
        if kind == "added":
            told = f"the policy now says {new}."
        else:
            assert x is not None and y is not None  # "changed": stated before and after
            told = f"{_rewording(x, y, *WORDS)}."
            passages = _passages(x, y)
    elif setting.item and kind == "changed":
        was, now = _listed(setting, x, titles), _listed(setting, y, titles)
        came, went = [v for v in now if v not in was], [v for v in was if v not in now]
        parts = [f"{join(came)} added" if came else "", f"{join(went)} removed" if went else ""]
        told = ("; ".join(p for p in parts if p) if came or went
                else f"now {new} (before: {old}, in another order)") + "."
    elif kind == "added":  # said so, not "the policy did not say before": it may have, in other words
        told = "added: " + setting.now.replace("now ", "", 1).format(new) + "."
    else:
        told = setting.now.format(new) + f" (before: {old})."
    return kind, old, new, passages, told


# --- comparing ---------------------------------------------------------------------

def _targets(council) -> tuple:
    return council.responses.targets if council.responses else ()


def _steps(council) -> tuple:
    return council.enforcement.steps if council.enforcement else ()


def _step(s) -> str:
    text = _does(s.actions)
    if s.decided_by:
        text += f", decided by {s.decided_by}"
    if s.consulted:
        text += f", consulting {join(list(s.consulted))}"
    if s.records:
        text += f", keeping {join([RECORD_ITEMS[r] for r in s.records])}"
    return text


def _step_in_full(s) -> str:
    return _step(s) + (f", in the policy's words {_q(s.wording)}" if s.wording else "")


def _aim(t) -> str:
    """A response target as the pages put it: "within two working days", or the council's words."""
    return deadline(t) or _q(t.wording)


@dataclass
class _Told:
    change: Change
    passages: list = dataclasses.field(default_factory=list)   # the council's words' changed passages, alone


def compare(old: Policy, new: Policy, slug: str) -> list[Change]:
    """Every change of meaning in council `slug` from `old` to `new`."""
    if new.councils[slug].languages == ("en",):
        # As its sites read: for a council in English alone, an edit to a
        # text in another language only (the catalogue's Welsh) is no change.
        old, new = localise(old, "en"), localise(new, "en")
    changes: list[_Told] = []
    # The rules as the council adopts them: its wording, and the checker's rules.
    old_pack, new_pack = build_rulepack(old, slug), build_rulepack(new, slug)
    before = {r["id"]: r for r in old_pack["rules"]}
    after = {r["id"]: r for r in new_pack["rules"]}

    for rule_id, rule in after.items():
        was, title = before.get(rule_id), new.rules[rule_id].title
        if was is None:
            told = f"a new rule, worded {_q(rule['wording'])}."
            changes.append(_Told(Change("added", "rule", title, None, rule["wording"], told=told)))
        elif was["wording"] != rule["wording"]:
            told = _rewording(was["wording"], rule["wording"], "the rule now reads {new} (before: {old}).",
                              "in the rule's words, {passages}.")
            changes.append(_Told(Change("reworded", "rule", title, was["wording"], rule["wording"], told=told)))
        elif was["check"] != rule["check"]:
            changes.append(_Told(Change("changed", "rule", title, "how the checker judges it changed", None,
                                        told="the comment checker now judges this rule differently.")))
        elif old.rules[rule_id] != new.rules[rule_id]:
            a, b = old.rules[rule_id], new.rules[rule_id]
            parts = [f"renamed (before: {_q(a.title)})" if a.title != b.title else "",
                     "its explanation changed" if (a.summary, a.rationale) != (b.summary, b.rationale) else "",
                     "its examples changed" if a.examples != b.examples else ""]
            told = join([p for p in parts if p]) or "its details changed"
            changes.append(_Told(Change("changed", "rule", title, "its title, explanation or examples changed",
                                        None, told=f"{told}.")))
    for rule_id, was in before.items():
        if rule_id not in after:
            told = f"rule removed (it was worded {_q(was['wording'])})."
            changes.append(_Told(Change("removed", "rule", old.rules[rule_id].title, was["wording"], None,
                                        told=told)))
    changes += [_Told(c) for c in _word_lists(old_pack["words"], new_pack["words"])]

    a, b = old.councils[slug], new.councils[slug]
    titles = {**{i: r.title for i, r in old.rules.items()}, **{i: r.title for i, r in new.rules.items()}}
    by_path = {s.path: s for s in SETTINGS}
    changed = {s.path for s in SETTINGS if _canon(_get(a, s.path)) != _canon(_get(b, s.path))}
    # A record that came or went as a whole is told once, with all it said.
    whole = {record for record in RECORDS if (_get(a, record) is None) != (_get(b, record) is None)}
    # A setting whose wording changed too is told once, in the council's words.
    worded = {setting: wording for wording, settings in WORDING_OF.items() if wording in changed
              for setting in settings if setting in changed}
    # What every changed value was and is, in words and as written in the
    # source ("six months", 6): a passage of the council's words that only
    # repeats one of them is not told again.
    values = [pair for s in SETTINGS if s.path in changed and (s.say or s.item)
              and _get(a, s.path) is not None and _get(b, s.path) is not None
              for pair in ((_phrase(s, _get(a, s.path), titles), _phrase(s, _get(b, s.path), titles)),
                           (str(_get(a, s.path)), str(_get(b, s.path))))]
    done = set()
    for setting in SETTINGS:
        path = setting.path
        if path not in changed or path in worded:
            continue
        record = next((r for r in whole if path.startswith(r + ".")), None)
        if record:
            if record not in done:
                done.add(record)
                changes.append(_Told(_record(record, a, b, by_path, titles)))
            continue
        label = by_path[next(s for s, w in worded.items() if w == path)].label if path in worded.values() \
            else setting.label
        kind, was, now, passages, told = _said(setting, _get(a, path), _get(b, path), titles)
        changes.append(_Told(Change(kind, "setting", label, was, now, told=told), passages))

    # Response targets and enforcement steps, one by one: the parts residents rely on.
    old_targets = {t.id: t for t in _targets(a)}
    new_targets = {t.id: t for t in _targets(b)}
    for tid in dict.fromkeys([*old_targets, *new_targets]):
        x, y = old_targets.get(tid), new_targets.get(tid)
        if x != y:
            changes.append(_Told(_target_change(x, y)))
    old_steps, new_steps = _steps(a), _steps(b)
    for i in range(max(len(old_steps), len(new_steps))):
        x = old_steps[i] if i < len(old_steps) else None
        y = new_steps[i] if i < len(new_steps) else None
        if _canon(x) != _canon(y):
            changes.append(_step_change(i + 1, x, y))

    old_sections = {s.id: s for s in a.sections}
    new_sections = {s.id: s for s in b.sections}
    for sid in dict.fromkeys([*old_sections, *new_sections]):
        x, y = old_sections.get(sid), new_sections.get(sid)
        if x != y:
            changes.append(_section_change(sid, x, y))
    # Each change once: the council's words that only repeat a change of value told already are left out.
    return [dataclasses.replace(t.change, told=_ended(t.change.told)) for t in changes
            if not (t.passages and _echoes(t.passages, values))]


def _record(record: str, a, b, by_path: Mapping, titles) -> Change:
    """A record the council states, or no longer states, as a whole: everything it says, in one change."""
    x, y = _get(a, record), _get(b, record)
    value = y if x is None else x
    parts = []
    for path, setting in by_path.items():
        if path.startswith(record + "."):
            field = _get(value, path[len(record) + 1:])
            if field is not None:
                parts.append(setting.part.format(_phrase(setting, field, titles)))
    said = "; ".join(parts)
    if x is None:
        return Change("added", "setting", RECORDS[record], None, said, told=f"the policy now says: {said}.")
    return Change("removed", "setting", RECORDS[record], said, None,
                  told=f"no longer in the policy (it said: {said}).")


def _target_change(x, y) -> Change:
    t = y or x
    staff = t.audience == "staff"
    label = "Response times"
    if x is None:
        told = (f"added: we aim to {y.what} {deadline(y)}." if deadline(y)
                else f"added: the policy says {_q(y.wording)}.")
        return Change("added", "setting", label, None, f"{y.what}: {_aim(y)}", staff, told)
    if y is None:
        return Change("removed", "setting", label, f"{x.what}: {_aim(x)}", None, staff,
                      f"the aim to {x.what} {_aim(x)} is no longer in the policy.")
    old, new = f"{x.what}: {_aim(x)}", f"{y.what}: {_aim(y)}"
    if (x.what, deadline(x)) != (y.what, deadline(y)) and deadline(x) and deadline(y):
        was = deadline(x) if x.what == y.what else f"to {x.what} {deadline(x)}"
        told = f"we now aim to {y.what} {deadline(y)} (before: {was})."
        if x.wording != y.wording and y.wording and not _echoes(
                _passages(x.wording or "", y.wording), [(deadline(x), deadline(y))]):
            told += " " + _capfirst(_rewording(x.wording or "", y.wording, *WORDS_FOR_IT)) + "."
    elif x.wording != y.wording and x.wording and y.wording:
        told = _rewording(x.wording, y.wording, f"the policy's words for the aim to {y.what} now read {{new}} "
                          "(before: {old}).", f"in the policy's words for the aim to {y.what}, {{passages}}.")
    else:
        told = f"now: {_target_in_full(y)} (before: {_target_in_full(x)})."
    return Change("changed", "setting", label, old, new, staff, told)


def _target_in_full(t) -> str:
    applies = {"all": "", "office-hours": ", for messages received in office hours",
               "out-of-hours": ", for messages received out of hours"}[t.applies_to]
    return f"to {t.what} {_aim(t)}{applies}" + (", told to staff only" if t.audience == "staff" else "")


def _step_change(n: int, x, y) -> _Told:
    label = f"When rules are broken, step {n}"
    if x is None:
        return _Told(Change("added", "setting", label, None, _step_in_full(y), told=f"a new step: {_step_in_full(y)}."))
    if y is None:
        return _Told(Change("removed", "setting", label, _step_in_full(x), None,
                            told=f"no longer in the policy (it was: {_step_in_full(x)})."))
    if _canon(dataclasses.replace(x, wording=None)) == _canon(dataclasses.replace(y, wording=None)):
        # Only the council's words for it changed.
        if x.wording and y.wording:
            return _Told(Change("changed", "setting", label, _q(x.wording), _q(y.wording),
                                told=f"{_rewording(x.wording, y.wording, *WORDS_FOR_IT)}."),
                         _passages(x.wording, y.wording))
        return _Told(Change("changed", "setting", label, _step_in_full(x), _step_in_full(y),
                            told=f"now {_step_in_full(y)} (before: {_step_in_full(x)})."))
    told = f"now {_step(y)} (before: {_step(x)})."
    if x.wording != y.wording:
        told += (" " + _capfirst(_rewording(x.wording, y.wording, *WORDS_FOR_IT)) + "." if x.wording and y.wording
                 else f" The policy now words it {_q(y.wording)}." if y.wording
                 else " The policy no longer words it itself.")
    return _Told(Change("changed", "setting", label, _step_in_full(x), _step_in_full(y), told=told))


def _section_change(sid: str, x, y) -> _Told:
    s = y or x
    staff = s.audience == "staff"
    label = s.title or sid.replace("-", " ").capitalize()
    if x is None:
        return _Told(Change("added", "section", label, None, _section_text(y), staff,
                            f"a new section of the policy's words, {_where(y)}: {_q(y.body)}."))
    if y is None:
        return _Told(Change("removed", "section", label, _section_text(x), None, staff,
                            f"a section of the policy's words no longer on these pages (it said {_q(x.body)})."))
    if x.body != y.body:
        told = _rewording(x.body, y.body, "its words now read {new} (before: {old}).", "in its words, {passages}.")
        if _where(x) != _where(y):  # moved or retitled as well
            told = _ended(told) + f" It is now {_where(y)} (before: {_where(x)})."
            return _Told(Change("reworded", "section", label, _section_text(x), _section_text(y), staff, told))
        return _Told(Change("reworded", "section", label, _section_text(x), _section_text(y), staff, told),
                     _passages(x.body, y.body))
    return _Told(Change("reworded", "section", label, _where(x), _where(y), staff,
                        f"now {_where(y)} (before: {_where(x)})."))


def _section_text(s) -> str:
    return " ".join(s.body.split())


def _where(s) -> str:
    """Where a section of the council's own words is: its page, its place on it, its title."""
    page = dict(STAFF_NAV if s.audience == "staff" else PUBLIC_NAV).get(s.page, s.page)
    where = f"at the {'start' if s.position == 'start' else 'end'} of the “{page}” page"
    return where + (f", titled {_q(s.title)}" if s.title else "")


def _word_lists(old: list[dict], new: list[dict]) -> list[Change]:
    """Word lists the checker uses, list by list: how many words came, went or changed."""
    def by_list(words):
        out: dict[str, dict] = {}
        for w in words:
            out.setdefault(w.get("list") or "", {})[w.get("term")] = tuple(sorted(w.items()))
        return out

    a, b = by_list(old), by_list(new)
    changes = []
    for name in sorted(a.keys() | b.keys()):
        x, y = a.get(name, {}), b.get(name, {})
        if x == y:
            continue
        added = len(y.keys() - x.keys())
        removed = len(x.keys() - y.keys())
        altered = sum(1 for term in x.keys() & y.keys() if x[term] != y[term])
        parts = [f"{n} {'word' if n == 1 else 'words'} {what}"
                 for n, what in ((added, "added"), (removed, "removed"), (altered, "changed")) if n]
        changes.append(Change("changed", "word list", f"Words the comment checker looks for, from "
                              f"{LIST_NAMES.get(name, _q(name))}", f"{len(x)} entries", f"{len(y)} entries",
                              told=f"{join(parts)}."))
    return changes
