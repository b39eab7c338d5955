"""`houserules rules`: the rule catalogue and the check kinds, at a glance."""

from __future__ import annotations

from pathlib import Path

from ..formats import CHECK_KINDS
from ..load import load_policy


def rules(policy_dir: Path) -> str:
    policy = load_policy(policy_dir, prove=False)
    adopted: dict[str, list[str]] = {}
    for slug, council in sorted(policy.councils.items()):
        for rule_id in council.rules.ids:
            adopted.setdefault(rule_id, []).append(slug)
    width = max(len(r) for r in policy.rules)
    lines = [f"{len(policy.rules)} rules (policies/rules/<id>.yaml); "
             "adopt one by its id in a council's rules.adopted:", ""]
    for rule_id, rule in sorted(policy.rules.items()):
        used = ", ".join(adopted.get(rule_id, [])) or "no council yet"
        lines.append(f"  {rule_id:<{width}}  {rule.check.kind:<15}  {rule.title} (adopted by: {used})")
    lines += ["", "Check kinds (a rule's check: kind): what the checker looks for", ""]
    kind_width = max(len(k) for k in CHECK_KINDS)
    lines += [f"  {kind:<{kind_width}}  {record.help}" for kind, record in CHECK_KINDS.items()]
    lines += ["", "Start a rule: houserules new-rule ID --kind KIND. Every field: policies/FORMAT.md."]
    return "\n".join(lines)
