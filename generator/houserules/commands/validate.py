from __future__ import annotations

from pathlib import Path

from ..load import load_policy
from ..versions import load_versions


def validate(policy_dir: Path) -> tuple[str, list[str]]:
    """Check the whole source, published versions included, without building;
    raises PolicyError listing every problem. Returns the summary, and the
    warnings: what each council's sites will not say (settings its policy
    does not state), and old names to replace."""
    policy = load_policy(policy_dir)
    versions = load_versions(policy_dir)
    summary = (f"{policy_dir}: {len(policy.councils)} councils, {len(policy.rules)} rules, "
               f"{sum(len(w.entries) for w in policy.wordlists.values())} word-list entries, "
               f"{sum(len(v) for v in versions.values())} published versions: all valid")
    warnings = [f"{note.file}:{note.line}: {note.field}: {note.message}" for note in policy.notes]
    if warnings:
        summary += f"; {len(warnings)} warning{'s' if len(warnings) != 1 else ''} (not errors) above"
    return summary, warnings
