"""The policy a council's own address shows: a helper for tests that compare
a built site with its source."""

from __future__ import annotations

import tempfile
from pathlib import Path

from houserules.editions import build_day, history_for
from houserules.load import Policy
from source import policy
from houserules.versions import load_versions

ROOT = Path(__file__).resolve().parent.parent


def policy_in_force(slug: str) -> Policy:
    """The policy a council's own address shows today: its published version
    in force, or its source when it has none."""
    versions = load_versions(ROOT / "policies").get(slug)
    if not versions:
        return policy()
    with tempfile.TemporaryDirectory() as work:
        history = history_for(ROOT / "policies", slug, versions, Path(work))
    return history.policies[history.shown_on(build_day()).number]
