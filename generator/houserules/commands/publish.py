"""`houserules publish`: freeze a council's current policy as its next version."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..changes import compare
from ..editions import build_day, history_for
from ..load import load_policy
from ..versions import load_versions, publish as publish_version
from ..yamlsource import display_path


def publish(policy_dir: Path, council: str, effective: dt.date, note: str, change: str, sample: bool,
            work: Path) -> str:
    policy = load_policy(policy_dir)
    version = publish_version(policy, council, effective=effective, note=note, change=change,
                              published=build_day(), sample=sample)
    lines = [f"published {council} v{version.number}, in force from {effective}: {display_path(version.path)}"]
    if version.number > 1:
        versions = load_versions(policy_dir)[council]
        history = history_for(policy_dir, council, versions[-2:], work)
        old, new = history.policies[versions[-2].number], history.policies[version.number]
        for c in compare(old, new, council):
            lines.append(f"  {c.area} {c.kind}: {c.what}" + (" (staff only)" if c.staff_only else ""))
    return "\n".join(lines)
