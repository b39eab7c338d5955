"""`houserules publish`: freeze a council's current policy as its next version,
or carry an edit of it over to a version already published, as a correction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..changes import compare
from ..editions import build_day, load_version, shown_on
from ..load import load_policy
from ..versions import last_in_effect, load_versions, publish as publish_version, without_correction
from ..wording import long_date
from ..yamlsource import display_path


def publish(policy_dir: Path, council: str, effective: dt.date | None, note: str | dict[str, str], change: str,
            sample: bool,
            work: Path, corrects: int | None = None) -> str:
    policy = load_policy(policy_dir)
    # The version before, loaded before anything is written: what changed is
    # the difference between it and the source about to be frozen.
    before = load_versions(policy_dir).get(council, [])
    previous = load_version(policy_dir, last_in_effect(before), work) if before and not corrects else None
    version = publish_version(policy, council, effective=effective, note=note, change=change,
                              published=build_day(), sample=sample, corrects=corrects)
    versions = load_versions(policy_dir)[council]
    lines = [f"published {council} v{version.number}"
             + (f" (a correction of v{corrects})" if corrects else "")
             + f", in force from {version.effective}: {display_path(version.path)}"]
    if corrects:  # what it corrects: the version it was made from, against what it is now
        previous, now = (load_version(policy_dir, versions[n - 1], work) for n in (corrects, version.number))
        heading = f"What changed from v{corrects}:"
    else:
        now, heading = policy, f"What changed since v{last_in_effect(before).number}:" if before else ""
    changes = compare(previous, now, council) if previous else []
    if changes:
        lines.append(heading)
    for c in changes:
        lines.append(f"  {c.area} {c.kind}: {c.what}" + (" (staff only)" if c.staff_only else ""))
    if corrects:
        lines += undone_warning(policy, council, versions, version)
    lines.append(next_step(council, versions, version))
    return "\n".join(lines)


def undone_warning(policy, council: str, versions: list, version) -> list[str]:
    """A correction of the version in force, with a version still to come
    that was published without it: on that version's day the mistake would
    come back. Say so, and give the command that corrects that one too."""
    later = without_correction(policy, council, versions, version)
    if later is None:
        return []
    return [f"warning: v{later.number}, which takes effect on {long_date(later.effective)}, was published without "
            f"this correction: on that day the correction would be undone. To correct v{later.number} too: "
            f'houserules publish --council {council} --corrects {later.number} --note "..."']


def next_step(council: str, versions: list, version) -> str:
    """What the next build does with the new version, and the command."""
    today = build_day()
    shown = shown_on(versions, today)
    if shown.number == version.number:
        when = (f"Its sites show v{version.number} at their address from the next build, with the change listed "
                "on their History of changes page.")
    elif version.effective <= today:  # a correction for days gone by
        when = (f"The next build puts v{version.number} at v{version.number}/ on both sites, and the History of "
                f"changes page lists it; their address shows v{shown.number}, in force now.")
    else:
        when = (f"The next build puts v{version.number} at v{version.number}/ on both sites, marked upcoming, and "
                f"the History of changes page lists it; their address shows v{shown.number} until a build on or "
                f"after {version.effective}.")
    return f"{when}\nNext: houserules build {council}"
