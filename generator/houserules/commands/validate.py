from __future__ import annotations

from pathlib import Path

from ..load import load_policy


def validate(policy_dir: Path) -> str:
    """Check the whole source without building; raises PolicyError listing every problem."""
    policy = load_policy(policy_dir)
    return (f"{policy_dir}: {len(policy.councils)} councils, {len(policy.rules)} rules, "
            f"{sum(len(w['entries']) for w in policy.wordlists.values())} word-list entries: all valid")
