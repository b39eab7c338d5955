"""Build-time benchmark: the four real councils, then 10, 50 and 200
synthetic councils cloned from them, so the cost per site is visible; then
the cost of published history: the real councils with and without theirs,
and one council with 20 published versions. Beside the real councils' build,
the floor: the same pages (their Markdown, as the build writes it) built as
bare Material sites, with no overrides, hooks, checker or history; and for
the synthetic councils, CPU seconds per council and the disk the sites take
(hard-linked files counted once).

    .venv/bin/python tests/benchmarks/bench_build.py [--sizes 10 50 200] [--repeat 3]

Prints wall time, sites per second, milliseconds per site, and the machine's
busy CPU time / wall time (about 2.0 means both cores were busy; run it on an
otherwise idle machine). Not a test: figures vary with
the machine, so nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "generator"))

from houserules import build as build_module  # noqa: E402
from houserules.build import build_sites  # noqa: E402

_run = build_module._run
_kept: list[Path] = []  # where to copy each site's Markdown, when asked


def _keeping_docs(engine, jobs, workers):
    """The build's own engine run, after copying each site's docs/ aside."""
    if _kept:
        for n, job in enumerate(jobs):
            shutil.copytree(Path(job.config).parent / "docs", _kept[0] / f"site{n:03d}" / "docs")
    _run(engine, jobs, workers)


build_module._run = _keeping_docs


def _bare_build(folder: str) -> None:
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(config_file=str(Path(folder) / "mkdocs.yml")))


def bare_material(policies: Path) -> tuple[float, float, int]:
    """(wall s, busy CPU s, sites): the same pages as bare Material sites, on every core."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with tempfile.TemporaryDirectory() as tmp:
        _kept.append(Path(tmp))
        try:
            with tempfile.TemporaryDirectory() as out:
                build_sites(ROOT, None, policy=policies, out=Path(out))
        finally:
            _kept.clear()
        sites = sorted(p for p in Path(tmp).iterdir() if p.is_dir())
        for site in sites:
            (site / "mkdocs.yml").write_text("site_name: bare\ntheme:\n  name: material\n  font: false\n"
                                             "plugins:\n  - search\nmarkdown_extensions:\n  - admonition\n"
                                             "  - attr_list\n  - def_list\n  - md_in_html\n  - tables\n"
                                             "  - pymdownx.superfences\n  - pymdownx.tabbed:\n"
                                             "      alternate_style: true\n", encoding="utf-8")
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["mkdocs.commands.build", "mkdocs.config", "material.plugins"])
        cpu0, wall0 = cpu_seconds(), time.perf_counter()
        with ProcessPoolExecutor(max_workers=os.cpu_count() or 1, mp_context=context) as pool:
            list(pool.map(_bare_build, [str(s) for s in sites]))
        return time.perf_counter() - wall0, cpu_seconds() - cpu0, len(sites)


def disk_bytes(folder: Path) -> int:
    """Bytes of the files under `folder`, a file hard-linked many times counted once."""
    seen, total = set(), 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            stat = path.stat()
            if (stat.st_dev, stat.st_ino) not in seen:
                seen.add((stat.st_dev, stat.st_ino))
                total += stat.st_blocks * 512
    return total


def synthetic_policies(count: int, into: Path) -> Path:
    """A policies/ folder with `count` councils cloned round-robin from the real ones."""
    policies = into / "policies"
    shutil.copytree(ROOT / "policies" / "rules", policies / "rules")
    shutil.copytree(ROOT / "policies" / "wordlists", policies / "wordlists")
    (policies / "councils").mkdir()
    real = sorted((ROOT / "policies" / "councils").glob("*.yaml"))
    for n in range(count):
        source = real[n % len(real)]
        slug = f"{source.stem}-{n:03d}"
        text = re.sub(r"^slug: .*$", f"slug: {slug}", source.read_text(encoding="utf-8"), count=1, flags=re.M)
        (policies / "councils" / f"{slug}.yaml").write_text(text, encoding="utf-8")
    return policies


def cpu_seconds() -> float:
    """Busy CPU time of the whole machine (MkDocs runs in forked workers that
    are not this process's children, so getrusage would not see them)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    ticks = [int(f) for f in fields]
    idle = ticks[3] + ticks[4]  # idle + iowait
    return (sum(ticks[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def timed_build(policies: Path, workers: int | None, slugs: list[str] | None = None) -> tuple[float, float, int]:
    """(wall s, busy CPU s, editions built): an edition is one MkDocs site, the
    council's address or one published version, for one audience."""
    with tempfile.TemporaryDirectory() as out:
        cpu0, wall0 = cpu_seconds(), time.perf_counter()
        sites = build_sites(ROOT, slugs, policy=policies, out=Path(out), workers=workers)
        wall = time.perf_counter() - wall0
        versions = [p for site in sites for p in site.iterdir() if p.is_dir() and re.fullmatch(r"v\d+", p.name)]
        return wall, cpu_seconds() - cpu0, len(sites) + len(versions)


def without_history(into: Path) -> Path:
    policies = into / "policies"
    shutil.copytree(ROOT / "policies", policies, ignore=shutil.ignore_patterns("published"))
    return policies


def with_versions(slug: str, count: int, into: Path) -> Path:
    """The real policies without their history, and `count` versions of one
    council published one after another, each with a changed setting."""
    from houserules.load import load_policy
    from houserules.versions import publish

    policies = without_history(into)
    council = policies / "councils" / f"{slug}.yaml"
    start = dt.date(2020, 1, 6)
    for n in range(count):
        if n:
            text = council.read_text(encoding="utf-8")
            council.write_text(re.sub(r"^short_name: (.*?)( \(rev \d+\))?$", rf"short_name: \1 (rev {n})", text,
                                      count=1, flags=re.M), encoding="utf-8")
        publish(load_policy(policies), slug, effective=start + dt.timedelta(weeks=13 * n), note=f"Revision {n}.",
                change="minor", published=start)
    return policies


def row(label: str, councils: int, runs: list[tuple[float, float, int]]) -> str:
    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[1] for r in runs)
    sites = runs[0][2]
    return (f"{label:<34} {councils:>8} {sites:>6} {wall:>9.2f} {sites / wall:>8.1f} "
            f"{wall / sites * 1000:>9.0f} {cpu / wall:>10.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 50, 200])
    parser.add_argument("--repeat", type=int, default=3, help="runs of the real councils (median shown)")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"{'build':<34} {'councils':>8} {'sites':>6} {'wall s':>9} {'sites/s':>8} "
          f"{'ms/site':>9} {'cores busy':>10}")
    real = ROOT / "policies"
    councils = len(list((real / "councils").glob("*.yaml")))
    ours = [timed_build(real, None) for _ in range(args.repeat)]
    print(row("real councils, all cores", councils, ours))
    bare = [bare_material(real) for _ in range(args.repeat)]
    print(row("the same pages, bare Material", councils, bare))
    ratio = statistics.median(r[1] for r in ours) / statistics.median(r[1] for r in bare)
    print(f"  busy CPU of the build / bare Material: {ratio:.2f}x")
    print(row("real councils, one core", councils, [timed_build(real, 1) for _ in range(args.repeat)]))
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            policies = synthetic_policies(size, Path(tmp))
            with tempfile.TemporaryDirectory() as out:
                cpu0, wall0 = cpu_seconds(), time.perf_counter()
                sites = build_sites(ROOT, None, policy=policies, out=Path(out))
                run = (time.perf_counter() - wall0, cpu_seconds() - cpu0, len(sites))
                print(row("synthetic, all cores", size, [run]))
                disk = disk_bytes(Path(out))
                print(f"  {run[1] / size:.2f} s busy CPU a council; {disk / 1e9:.2f} GB on disk "
                      f"({disk / size / 1e6:.1f} MB a council)")
            if size == args.sizes[0]:
                print(row("synthetic, one core", size, [timed_build(policies, 1)]))
    print("\nThe cost of history (sites = editions: the council's address, and each published version, per audience)")
    with tempfile.TemporaryDirectory() as tmp:
        bare = without_history(Path(tmp))
        print(row("real councils, no history", councils, [timed_build(bare, None) for _ in range(args.repeat)]))
    print(row("real councils, with history", councils, [timed_build(real, None) for _ in range(args.repeat)]))
    for versions in (1, 20):
        with tempfile.TemporaryDirectory() as tmp:
            policies = with_versions("ashfield", versions, Path(tmp))
            print(row(f"ashfield, {versions} published version{'s' if versions > 1 else ''}", 1,
                      [timed_build(policies, None, ["ashfield"]) for _ in range(args.repeat)]))


if __name__ == "__main__":
    main()
