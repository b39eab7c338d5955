from __future__ import annotations

import time
from pathlib import Path

from ..build import build_sites
from ..editions import build_day, shown_on
from ..load import load_policy
from ..versions import last_in_effect, load_versions, unpublished
from ..wording import count


def build(project_root: Path, slugs: list[str] | None, policy_dir: Path, out: Path,
          workers: int | None = None, engine: str = "mkdocs") -> str:
    started = time.perf_counter()
    sites = build_sites(project_root, slugs, policy=policy_dir, out=out, workers=workers, engine=engine)
    elapsed = time.perf_counter() - started
    councils = sorted({p.relative_to(out.resolve()).parts[1] for p in sites})
    lines = [f"built {count(len(sites), 'site')} for {count(len(councils), 'council')} into {out} in {elapsed:.1f} s"
             + (" with Zensical" if engine == "zensical" else "")]
    return "\n".join(lines + unpublished_notes(policy_dir, councils))


def unpublished_notes(policy_dir: Path, councils: list[str]) -> list[str]:
    """A council with published versions shows them, never its source: an
    edit reaches its sites only once it is published. Say so, or a web team
    will wonder where its edit went."""
    history = load_versions(policy_dir)
    edited = [slug for slug in councils if history.get(slug)]
    if not edited:
        return []
    policy = load_policy(policy_dir, prove=False)
    notes = []
    for slug in edited:
        if slug in policy.councils and unpublished(policy, slug, history[slug]):
            shown, last = shown_on(history[slug], build_day()), last_in_effect(history[slug])
            notes.append(f"note: {slug}: the source has changed since v{last.number}, and its sites "
                         f"show published versions only (v{shown.number} at its own address). Publish the change "
                         f"to show it: houserules publish --council {slug} --effective YYYY-MM-DD "
                         '--major|--minor --note "..."')
    return notes
