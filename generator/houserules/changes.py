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

from dataclasses import dataclass

from .formats import adopted_entries
from .load import Policy


@dataclass(frozen=True)
class Change:
    kind: str            # "added", "removed", "reworded", "changed"
    area: str            # "rule", "setting", "section"
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
    ("enforcement.block_appeal.after_months", "Appeal against a block: after how many months"),
    ("enforcement.block_appeal.decided_with", "Appeal against a block: decided with"),
    ("enforcement.block_notice", "Telling someone they are blocked"),
    ("enforcement.complaints", "Complaints about a block"), ("enforcement.outro", "When rules are broken (closing)"),
    ("pre_election.weeks", "Pre-election period: weeks before polling day"),
    ("pre_election.elections", "Pre-election period: elections"), ("pre_election.polling_days", "Polling days"),
    ("pre_election.wording", "Pre-election period (wording)"), ("contacts", "Contacts"),
    ("accessibility", "Accessibility statement"), ("page_titles", "Page titles"),
]


def _get(record: dict, path: str):
    value = record
    for key in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _show(value) -> str:
    if value is None or value == [] or value == {}:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict) and set(value) == {"start", "end"}:
        return f"{value['start']} to {value['end']}"
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(value)
    if isinstance(value, (list, dict)):
        return _compact(value)
    return " ".join(str(value).split())


def _compact(value) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k.replace('_', ' ')}: {_compact(v)}" for k, v in value.items() if v not in (None, [], {}, ""))
    if isinstance(value, list):
        return " | ".join(_compact(v) for v in value)
    return _show(value)


def _adopted(policy: Policy, slug: str) -> dict[str, str]:
    """rule id -> the wording this council shows for it."""
    out = {}
    for entry in adopted_entries(policy.councils[slug]["rules"]):
        for rule in ([entry["rule"]] if entry["rule"] else entry["rules"]):
            out[rule] = " ".join((entry["wording"] or policy.rules[rule]["wording"]).split())
    return out


def _target(t: dict) -> str:
    if t["within"]:
        unit = t["within"]["unit"].replace("-", " ")
        deadline = f"within {t['within']['amount']} {unit}{'s' if t['within']['amount'] != 1 else ''}"
    else:
        deadline = (t["by"] or "").replace("-", " ")
    return f"{t['what']}: {deadline}"


def _step(s: dict) -> str:
    parts = [", ".join(a.replace("-", " ") for a in s["actions"])]
    if s["decided_by"]:
        parts.append(f"decided by {s['decided_by']}")
    if s["consulted"]:
        parts.append(f"consulting {', '.join(s['consulted'])}")
    if s["wording"]:
        parts.append(f"“{' '.join(s['wording'].split())}”")
    return "; ".join(parts)


def compare(old: Policy, new: Policy, slug: str) -> list[Change]:
    """Every change of meaning in council `slug` from `old` to `new`."""
    changes: list[Change] = []
    before, after = _adopted(old, slug), _adopted(new, slug)

    def title(policy, rule_id):
        return f"{policy.rules[rule_id]['title']} ({rule_id})"

    for rule_id in after:
        if rule_id not in before:
            changes.append(Change("added", "rule", title(new, rule_id), None, after[rule_id]))
        elif before[rule_id] != after[rule_id]:
            changes.append(Change("reworded", "rule", title(new, rule_id), before[rule_id], after[rule_id]))
        else:
            old_check, new_check = old.rules[rule_id]["check"], new.rules[rule_id]["check"]
            if old_check != new_check:
                changes.append(Change("changed", "rule", title(new, rule_id),
                                      "how the checker judges it changed", None))
    for rule_id in before:
        if rule_id not in after:
            changes.append(Change("removed", "rule", title(old, rule_id), before[rule_id], None))

    a, b = old.councils[slug], new.councils[slug]
    for path, label in SETTINGS:
        x, y = _get(a, path), _get(b, path)
        if x != y:
            kind = "added" if x in (None, [], {}) else "removed" if y in (None, [], {}) else "changed"
            changes.append(Change(kind, "setting", label, _show(x), _show(y)))

    # Response targets and enforcement steps, one by one: the parts residents rely on.
    old_targets = {t["id"]: t for t in a["responses"]["targets"]}
    new_targets = {t["id"]: t for t in b["responses"]["targets"]}
    for tid in dict.fromkeys([*old_targets, *new_targets]):
        x, y = old_targets.get(tid), new_targets.get(tid)
        if x == y:
            continue
        kind = "added" if x is None else "removed" if y is None else "changed"
        staff = (y or x)["audience"] == "staff"
        changes.append(Change(kind, "setting", f"Response target: {(y or x)['what']}",
                              _target(x) if x else None, _target(y) if y else None, staff_only=staff))
    old_steps, new_steps = a["enforcement"]["steps"], b["enforcement"]["steps"]
    for i in range(max(len(old_steps), len(new_steps))):
        x = old_steps[i] if i < len(old_steps) else None
        y = new_steps[i] if i < len(new_steps) else None
        if x != y:
            kind = "added" if x is None else "removed" if y is None else "changed"
            changes.append(Change(kind, "setting", f"Enforcement step {i + 1}",
                                  _step(x) if x else None, _step(y) if y else None))

    old_sections = {s["id"]: s for s in a["sections"] or []}
    new_sections = {s["id"]: s for s in b["sections"] or []}
    for sid in dict.fromkeys([*old_sections, *new_sections]):
        x, y = old_sections.get(sid), new_sections.get(sid)
        if x == y:
            continue
        kind = "added" if x is None else "removed" if y is None else "reworded"
        s = y or x
        changes.append(Change(kind, "section", s["title"] or sid.replace("-", " ").capitalize(),
                              " ".join(x["body"].split()) if x else None, " ".join(y["body"].split()) if y else None,
                              staff_only=s["audience"] == "staff"))
    return changes
