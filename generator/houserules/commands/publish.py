"""`houserules publish`: freeze a council's current policy as its next version."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..changes import compare
from ..editions import build_day, load_version, shown_on
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
    changes = compare(previous, policy, council) if previous else []
    if changes:
        lines.append(f"What changed since v{before[-1].number}:")
    for c in changes:
        lines.append(f"  {c.area} {c.kind}: {c.what}" + (" (staff only)" if c.staff_only else ""))
    lines.append(next_step(council, load_versions(policy_dir)[council], version))
    return "\n".join(lines)


def next_step(council: str, versions: list, version) -> str:
    """What the next build does with the new version, and the command."""
    today = build_day()
    shown = shown_on(versions, today)
    if shown.number == version.number:
        when = (f"Its sites show v{version.number} at their address from the next build, with the change listed "
                "on their History of changes page.")
    else:
        when = (f"The next build puts v{version.number} at v{version.number}/ on both sites, marked upcoming, and "
                f"the History of changes page lists it; their address shows v{shown.number} until a build on or "
                f"after {version.effective}.")
    return f"{when}\nNext: houserules build {council}"
