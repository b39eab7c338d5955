from __future__ import annotations

import time
from pathlib import Path

from ..build import build_sites


def build(project_root: Path, slugs: list[str] | None, policy_dir: Path, out: Path,
          workers: int | None = None) -> str:
    started = time.perf_counter()
    sites = build_sites(project_root, slugs, policy=policy_dir, out=out, workers=workers)
    elapsed = time.perf_counter() - started
    councils = len({p.name for p in sites})
    return f"built {len(sites)} sites for {councils} councils into {out} in {elapsed:.1f} s"
