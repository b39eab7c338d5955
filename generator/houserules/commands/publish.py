"""`houserules publish`: freeze a council's current policy as its next version."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..changes import compare
from ..editions import build_day, load_version
from ..load import load_policy
from ..versions import load_versions, publish as publish_version
from ..yamlsource import display_path


def publish(policy_dir: Path, council: str, effective: dt.date, note: str, change: str, sample: bool,
            work: Path) -> str:
    policy = load_policy(policy_dir)
    # The version before, loaded before anything is written: what changed is
    # the difference between it and the source about to be frozen.
    before = load_versions(policy_dir).get(council, [])
    previous = load_version(policy_dir, before[-1], work) if before else None
    version = publish_version(policy, council, effective=effective, note=note, change=change,
                              published=build_day(), sample=sample)
    lines = [f"published {council} v{version.number}, in force from {effective}: {display_path(version.path)}"]
    for c in compare(previous, policy, council) if previous else ():
        lines.append(f"  {c.area} {c.kind}: {c.what}" + (" (staff only)" if c.staff_only else ""))
    return "\n".join(lines)
