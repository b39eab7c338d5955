"""What changed between two versions of a council's policy, told the way a
resident or a moderator would want it: rule by rule (added, removed,
reworded, with the old and the new wording) and setting by setting (hours,
response targets, appeal period, enforcement steps...), not as a text diff.

Both sides are loaded policies (the same typed records the pages are made
from), so a change of layout or of YAML spelling is never reported, only a
change of meaning. Staff-only settings and sections are marked as such, so
the public history leaves them out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, is_dataclass

from .formats import Hours
from .load import Policy
from .rulepack import build_rulepack
from .schema import as_data, stated
from .wording import ACTIONS, CATEGORY_CONTENT, clock, deadline, long_date


@dataclass(frozen=True)
class Change:
    kind: str            # "added", "removed", "reworded", "changed"
    area: str            # "rule", "setting", "section", "word list"
    what: str            # what a reader would call it
    old: str | None = None
    new: str | None = None
    staff_only: bool = False


# Settings as residents and staff name them, in the order pages show them.
SETTINGS = [
    ("name", "Council name"), ("website", "Council website"), ("platforms", "Social media accounts"),
    ("monitoring.days", "Days the accounts are monitored"), ("monitoring.hours", "Monitoring hours"),
    ("monitoring.outside_hours", "Outside monitoring hours"), ("monitoring.wording", "Monitoring hours (wording)"),
    ("monitoring.outside_hours_wording", "Outside monitoring hours (wording)"),
    ("responses.wording", "Response times (wording)"), ("alternatives", "Where to go instead"),
    ("endorsement", "Following and sharing"), ("rules.intro", "Introduction to the rules"),
    ("rules.outro", "After the rules"), ("enforcement.intro", "When rules are broken (introduction)"),
    ("enforcement.at_once", "Dealt with at once"), ("enforcement.reserved", "Rights the council reserves"),
    ("enforcement.block_appeal.after_months", "Appeal against a block: after how many months"),
    ("enforcement.block_appeal.decided_with", "Appeal against a block: decided with"),
    ("enforcement.block_appeal.wording", "Appeal against a block (wording)"),
    ("enforcement.block_notice", "Telling someone they are blocked"),
    ("enforcement.complaints", "Complaints about a block"), ("enforcement.outro", "When rules are broken (closing)"),
    ("pre_election.weeks", "Pre-election period: weeks before polling day"),
    ("pre_election.elections", "Pre-election period: elections"), ("pre_election.polling_days", "Polling days"),
    ("pre_election.wording", "Pre-election period (wording)"), ("contacts", "Contacts"),
    ("accessibility", "Accessibility statement"), ("page_titles", "Page titles"),
]


def _get(record, path: str):
    """The setting at `path`, or None when it (or what holds it) is not stated."""
    value = record
    for key in path.split("."):
        if not stated(value):
            return None
        value = getattr(value, key)
    return value if stated(value) else None


# Settings the council can also state in its own words: when both the setting
# and its wording changed, the history lists one change, in the council's words.
WORDING_OF = {
    "monitoring.wording": ("monitoring.days", "monitoring.hours"),
    "monitoring.outside_hours_wording": ("monitoring.outside_hours",),
    "enforcement.block_appeal.wording": ("enforcement.block_appeal.after_months",
                                         "enforcement.block_appeal.decided_with"),
    "pre_election.wording": ("pre_election.weeks", "pre_election.elections"),
}


def _show(value, titles: Mapping[str, str] | None = None) -> str | None:
    """A setting's value as the history shows it, in words a reader knows: no
    rule ids, action ids or field names in code form; None when not stated."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Hours):  # as the pages say it
        return f"{clock(value.start)} to {clock(value.end)}"
    if isinstance(value, (tuple, list)) and all(isinstance(v, str) for v in value):
        return ", ".join(value)
    if isinstance(value, (tuple, list, dict)) or is_dataclass(value) or isinstance(value, Mapping):
        return _compact(as_data(value), titles or {}) or "none"
    return " ".join(str(value).split())


def _compact(value, titles: Mapping[str, str], key: str = "") -> str:
    if isinstance(value, dict):
        # What is done needs no label ("Hide or delete the post"); other fields keep theirs.
        return "; ".join(_compact(v, titles, k).capitalize() if k == "actions"
                         else f"{k.replace('_', ' ')}: {_compact(v, titles, k)}"
                         for k, v in value.items() if v not in (None, [], {}, ""))
    if isinstance(value, list):
        if key in ("actions", "rules", "categories") and all(isinstance(v, str) for v in value):
            return ", ".join(_word(key, v, titles) for v in value)
        return " | ".join(_compact(v, titles) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
        try:  # a date, as the pages write dates
            return long_date(dt.date.fromisoformat(value))
        except ValueError:
            pass
    return " ".join(str(value).split())


def _word(key: str, value: str, titles: Mapping[str, str]) -> str:
    """An action, rule or category named by its id in the source, in words."""
    if key == "actions":
        return ACTIONS[value].does if value in ACTIONS else value
    if key == "rules":
        return titles.get(value, value)
    return CATEGORY_CONTENT.get(value, value)


def _target(t, with_wording: bool = False) -> str:
    # As the pages put it; with the council's own wording when that is what changed.
    text = f"{t.what}: {deadline(t)}" if deadline(t) else t.what
    return text + f" (“{' '.join(t.wording.split())}”)" if with_wording and t.wording else text


def _step(s) -> str:
    parts = ["; ".join(ACTIONS[a].does.capitalize() for a in s.actions)]
    if s.decided_by:
        parts.append(f"decided by {s.decided_by}")
    if s.consulted:
        parts.append(f"consulting {', '.join(s.consulted)}")
    if s.wording:
        parts.append(f"“{' '.join(s.wording.split())}”")
    return "; ".join(parts)


def _targets(council) -> tuple:
    return council.responses.targets if council.responses else ()


def _steps(council) -> tuple:
    return council.enforcement.steps if council.enforcement else ()


def compare(old: Policy, new: Policy, slug: str) -> list[Change]:
    """Every change of meaning in council `slug` from `old` to `new`."""
    changes: list[Change] = []
    # The rules as the council adopts them: its wording, and the checker's rules.
    old_pack, new_pack = build_rulepack(old, slug), build_rulepack(new, slug)
    before = {r["id"]: r for r in old_pack["rules"]}
    after = {r["id"]: r for r in new_pack["rules"]}

    def title(policy, rule_id):
        return policy.rules[rule_id].title

    for rule_id, rule in after.items():
        was = before.get(rule_id)
        if was is None:
            changes.append(Change("added", "rule", title(new, rule_id), None, rule["wording"]))
        elif was["wording"] != rule["wording"]:
            changes.append(Change("reworded", "rule", title(new, rule_id), was["wording"], rule["wording"]))
        elif was["check"] != rule["check"]:
            changes.append(Change("changed", "rule", title(new, rule_id), "how the checker judges it changed", None))
        elif old.rules[rule_id] != new.rules[rule_id]:
            changes.append(Change("changed", "rule", title(new, rule_id),
                                  "its title, explanation or examples changed", None))
    for rule_id, was in before.items():
        if rule_id not in after:
            changes.append(Change("removed", "rule", title(old, rule_id), was["wording"], None))
    changes += _word_lists(old_pack["words"], new_pack["words"])

    a, b = old.councils[slug], new.councils[slug]
    titles = {**{i: r.title for i, r in old.rules.items()}, **{i: r.title for i, r in new.rules.items()}}
    labels = dict(SETTINGS)
    changed = {path for path, _ in SETTINGS if _get(a, path) != _get(b, path)}
    # A setting whose wording changed too is told once, in the council's words.
    worded = {setting: wording for wording, settings in WORDING_OF.items() if wording in changed
              for setting in settings if setting in changed}
    for path, label in SETTINGS:
        if path not in changed or path in worded:
            continue
        told = [s for s, w in worded.items() if w == path]
        if told:
            label = labels[told[0]]
        x, y = _get(a, path), _get(b, path)
        kind = "added" if x is None else "removed" if y is None else "changed"
        changes.append(Change(kind, "setting", label, _show(x, titles), _show(y, titles)))

    # Response targets and enforcement steps, one by one: the parts residents rely on.
    old_targets = {t.id: t for t in _targets(a)}
    new_targets = {t.id: t for t in _targets(b)}
    for tid in dict.fromkeys([*old_targets, *new_targets]):
        x, y = old_targets.get(tid), new_targets.get(tid)
        if x == y:
            continue
        kind = "added" if x is None else "removed" if y is None else "changed"
        staff = (y or x).audience == "staff"
        reworded = bool(x and y) and x.wording != y.wording
        changes.append(Change(kind, "setting", f"Response target: {(y or x).what}",
                              _target(x, reworded) if x else None, _target(y, reworded) if y else None,
                              staff_only=staff))
    old_steps, new_steps = _steps(a), _steps(b)
    for i in range(max(len(old_steps), len(new_steps))):
        x = old_steps[i] if i < len(old_steps) else None
        y = new_steps[i] if i < len(new_steps) else None
        if x != y:
            kind = "added" if x is None else "removed" if y is None else "changed"
            changes.append(Change(kind, "setting", f"Enforcement step {i + 1}",
                                  _step(x) if x else None, _step(y) if y else None))

    old_sections = {s.id: s for s in a.sections}
    new_sections = {s.id: s for s in b.sections}
    for sid in dict.fromkeys([*old_sections, *new_sections]):
        x, y = old_sections.get(sid), new_sections.get(sid)
        if x == y:
            continue
        kind = "added" if x is None else "removed" if y is None else "reworded"
        s = y or x
        shown = _section_text if x is None or y is None or x.body != y.body else _section_layout
        changes.append(Change(kind, "section", s.title or sid.replace("-", " ").capitalize(),
                              shown(x) if x else None, shown(y) if y else None,
                              staff_only=s.audience == "staff"))
    return changes


def _section_text(s) -> str:
    return " ".join(s.body.split())


def _section_layout(s) -> str:
    # The same text, moved or retitled: what is shown is where it is.
    return _compact({k: v for k, v in as_data(s).items() if k != "body"})


def _word_lists(old: list[dict], new: list[dict]) -> list[Change]:
    """Word lists the checker uses, list by list: how many entries came and went."""
    def by_list(words):
        out: dict[str, set] = {}
        for w in words:
            out.setdefault(w.get("list") or "", set()).add(tuple(sorted(w.items())))
        return out

    a, b = by_list(old), by_list(new)
    changes = []
    for name in sorted(a.keys() | b.keys()):
        x, y = a.get(name, set()), b.get(name, set())
        if x != y:
            changes.append(Change("changed", "word list", f"Word list {name}", f"{len(x)} entries",
                                  f"{len(y)} entries ({len(y - x)} added or changed, {len(x - y)} removed or changed)"))
    return changes
