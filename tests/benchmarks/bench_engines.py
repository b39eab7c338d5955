"""Build time with each engine, side by side: MkDocs + Material (the default)
and Zensical (`houserules build --engine zensical`), on the same sites: the
real councils with their published history, on all cores and on one, then
synthetic councils cloned from them (bench_build.py) at a few sizes.

    .venv/bin/python tests/benchmarks/bench_engines.py [--sizes 10 50] [--repeat 3]
    make bench-engines            (installs Zensical first: requirements-zensical.lock)

For each build: wall time, sites per second and milliseconds per site for the
whole build (rendering the pages, the checker's files, the swap: the same for
both engines), the seconds of that spent in the engine itself, and the
machine's busy CPU time / wall time (about 2.0: both cores were busy; run it
on an otherwise idle machine). Not a test: figures vary with the machine,
so nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "generator"))
sys.path.insert(0, str(HERE))

from bench_build import cpu_seconds, synthetic_policies  # noqa: E402

from houserules import build as build_module  # noqa: E402
from houserules.build import ENGINES, build_sites, zensical_available  # noqa: E402

# The engine's own part of a build: the function that runs it over every site.
_in_engine: list[float] = []
_run = build_module._run


def _timed_run(engine, jobs, workers):
    started = time.perf_counter()
    try:
        _run(engine, jobs, workers)
    finally:
        _in_engine.append(time.perf_counter() - started)


build_module._run = _timed_run


def timed_build(policies: Path, engine: str, workers: int | None) -> tuple[float, float, float, int]:
    """(wall s, seconds in the engine, busy CPU s, sites built): a site is one
    edition, the council's address or one published version, for one audience."""
    with tempfile.TemporaryDirectory() as out:
        _in_engine.clear()
        cpu0, wall0 = cpu_seconds(), time.perf_counter()
        sites = build_sites(ROOT, None, policy=policies, out=Path(out), workers=workers, engine=engine)
        wall = time.perf_counter() - wall0
        versions = [p for site in sites for p in site.iterdir() if p.is_dir() and re.fullmatch(r"v\d+", p.name)]
        return wall, sum(_in_engine), cpu_seconds() - cpu0, len(sites) + len(versions)


def row(label: str, engine: str, councils: int, runs: list[tuple[float, float, float, int]]) -> str:
    wall = statistics.median(r[0] for r in runs)
    engine_s = statistics.median(r[1] for r in runs)
    cpu = statistics.median(r[2] for r in runs)
    sites = runs[0][3]
    return (f"{label:<28} {engine:<9} {councils:>8} {sites:>6} {wall:>8.2f} {sites / wall:>8.1f} "
            f"{wall / sites * 1000:>8.0f} {engine_s:>9.2f} {cpu / wall:>10.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 50], help="synthetic councils")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the real councils (median shown)")
    args = parser.parse_args()
    if not zensical_available():
        sys.exit("Zensical is not installed: make zensical")
    import zensical
    from importlib.metadata import version
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; MkDocs {version('mkdocs')} + "
          f"Material {version('mkdocs-material')}, Zensical {zensical.version()}")
    print(f"{'build':<28} {'engine':<9} {'councils':>8} {'sites':>6} {'wall s':>8} {'sites/s':>8} "
          f"{'ms/site':>8} {'engine s':>9} {'cores busy':>10}")
    real = ROOT / "policies"
    councils = len(list((real / "councils").glob("*.yaml")))
    for label, workers in (("real councils, all cores", None), ("real councils, one core", 1)):
        for engine in ENGINES:
            print(row(label, engine, councils, [timed_build(real, engine, workers) for _ in range(args.repeat)]))
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            policies = synthetic_policies(size, Path(tmp))
            for engine in ENGINES:
                print(row("synthetic, all cores", engine, size, [timed_build(policies, engine, None)]))


if __name__ == "__main__":
    main()
