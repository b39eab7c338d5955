from __future__ import annotations

from pathlib import Path

from ..load import load_policy
from ..versions import load_versions


def validate(policy_dir: Path) -> str:
    """Check the whole source, published versions included, without building;
    raises PolicyError listing every problem."""
    policy = load_policy(policy_dir)
    versions = load_versions(policy_dir)
    return (f"{policy_dir}: {len(policy.councils)} councils, {len(policy.rules)} rules, "
            f"{sum(len(w['entries']) for w in policy.wordlists.values())} word-list entries, "
            f"{sum(len(v) for v in versions.values())} published versions: all valid")
