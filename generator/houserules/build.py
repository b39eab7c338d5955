"""Build council sites: render every site into a fresh folder, run MkDocs on
each (in parallel, one process per core), then swap the new sites in.

A failed build raises before the swap, so the sites already in place stay as
they were; nothing half-written is ever left where a web server would serve it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import logging
import multiprocessing
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import checker_assets, feed
from .editions import build_day, context, editions, history_for
from .errors import HouserulesError
from .load import Policy, load_policy
from .render import render_site
from .resolve import resolve
from .versions import load_versions
from .yamlsource import display_path

AUDIENCES = ("public", "staff")
# MkDocs writes this into sitemap.xml(.gz); fixed so two builds of the same
# source are byte-identical.
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01T00:00:00Z


class BuildError(HouserulesError):
    pass


@dataclass(frozen=True)
class SiteJob:
    audience: str
    slug: str
    folder: str     # "" for the council's address, "v2" for a published version
    config: Path
    built: Path     # where MkDocs writes this edition
    source: str     # what it is made from, as a person would find it


def _mkdocs_build(config_file: str) -> str | None:
    """Runs in a worker process. Returns an error message, or None on success."""
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    # Collect MkDocs' own warnings so a failure can say what went wrong.
    messages: list[str] = []

    class _Collect(logging.Handler):
        def emit(self, record):
            if record.levelno >= logging.WARNING:
                messages.append(record.getMessage())

    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        config = load_config(config_file=config_file, strict=True)
        build(config)
    except Exception as exc:  # noqa: BLE001 - any failure is reported with its site, not hidden
        return "; ".join(messages) or str(exc)
    finally:
        logger.removeHandler(handler)
    return None


def _workers(jobs: int) -> int:
    return max(1, min(jobs, os.cpu_count() or 1))


def build_sites(project_root: Path, slugs: list[str] | None = None, *,
                policy: Path | None = None, out: Path | None = None,
                workers: int | None = None, today: dt.date | None = None) -> list[Path]:
    """Build the named councils (all when None) into out/<audience>/<slug>/,
    each published version into out/<audience>/<slug>/v<N>/."""
    policy_root = policy or project_root / "policies"
    policy_data = load_policy(policy_root)
    published = load_versions(policy_root)
    day = today or build_day()
    chosen = _choose(policy_data, slugs)
    out = (out or project_root / "site").resolve()
    out.mkdir(parents=True, exist_ok=True)
    work = (project_root / "build").resolve()
    work.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gen-", dir=work) as gen_dir, \
            tempfile.TemporaryDirectory(prefix=".staging-", dir=out) as stage_dir:
        gen, stage = Path(gen_dir), Path(stage_dir)
        try:
            checker = checker_assets.prepare(project_root)
        except checker_assets.AssetError as exc:
            raise BuildError(str(exc)) from None
        jobs = []
        histories = {}
        for slug in chosen:
            history = histories[slug] = (history_for(policy_root, slug, published[slug], gen / "versions")
                                         if published.get(slug) else None)
            for edition in editions(history, policy_data, day):
                for audience in AUDIENCES:
                    versioning = context(history, edition, audience)
                    view = resolve(edition.policy, slug, audience, versioning)
                    site_root = gen / audience / slug / (edition.folder or "_current")
                    built = stage / "editions" / audience / slug / (edition.folder or "_current")
                    config = render_site(view, project_root, site_root, built, checker=checker.paths(slug, edition.folder))
                    checker.write_into(site_root / "docs" / "assets", edition.policy, slug,
                                       edition.version.folder if edition.version else None)
                    source = (f"published {slug} {edition.version.folder}, {display_path(edition.version.path)}"
                              if edition.version else f"councils/{slug}.yaml")
                    jobs.append(SiteJob(audience, slug, edition.folder, config, built, source))
        _run_mkdocs(jobs, workers)
        for job in jobs:
            if not job.folder:  # a version's pages use the runtime at the council's own address
                checker.link_runtime(job.built)
        _assemble(stage, jobs, histories)
        return _swap_in(stage, out, chosen, prune=not slugs)


def _assemble(stage: Path, jobs: list[SiteJob], histories: dict) -> None:
    """Each council's site: its current edition at the top, every version in
    its own folder, and the version list and change feed at the site's root.
    (Built apart first: MkDocs empties its output folder before it writes.)"""
    for job in sorted(jobs, key=lambda j: j.folder):  # "" first: the folder the versions go into
        site = stage / job.audience / job.slug
        if job.folder == "":
            site.parent.mkdir(parents=True, exist_ok=True)
            job.built.rename(site)
        else:
            job.built.rename(site / job.folder)
    for (audience, slug) in {(j.audience, j.slug) for j in jobs}:
        history = histories.get(slug)
        if history:
            site = stage / audience / slug
            feed.write_site_files(site, history, audience)


def _choose(policy: Policy, slugs: list[str] | None) -> list[str]:
    if not slugs:
        return sorted(policy.councils)
    unknown = [s for s in slugs if s not in policy.councils]
    if unknown:
        hints = [m for s in unknown for m in difflib.get_close_matches(s, sorted(policy.councils), n=1)]
        hint = f" (did you mean {', '.join(map(repr, hints))}?)" if hints else ""
        raise BuildError(f"no council {', '.join(map(repr, unknown))}{hint}; "
                         f"known: {', '.join(sorted(policy.councils))}")
    return list(dict.fromkeys(slugs))


def _run_mkdocs(jobs: list[SiteJob], workers: int | None) -> None:
    count = _workers(workers or len(jobs))
    configs = [str(job.config) for job in jobs]
    if count == 1:
        errors = [_mkdocs_build(c) for c in configs]
    else:
        # Workers fork from a server that has imported MkDocs and Material
        # once, instead of each paying for the imports (about half a second).
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["mkdocs.commands.build", "mkdocs.config", "material.plugins",
                                        "jinja2", "markdown"])
        with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
            errors = list(pool.map(_mkdocs_build, configs, chunksize=max(1, len(configs) // (count * 4))))
    # Name the site and its source, not the generated config: that lives in a
    # temporary folder which is gone by the time anyone reads the message.
    failed = [f"{job.audience}/{job.slug}/{job.folder + '/' if job.folder else ''}mkdocs.yml: {error} "
              f"(site generated from {job.source})" for job, error in zip(jobs, errors) if error]
    if failed:
        raise BuildError("MkDocs failed:\n" + "\n".join(failed))


def _swap_in(stage: Path, out: Path, slugs: list[str], prune: bool) -> list[Path]:
    """Replace each built site with a rename, keeping the old one until the new is in.

    With `prune` (a build of every council), sites of councils no longer in
    the source are removed, so a renamed or withdrawn council stops being served.
    """
    built = []
    for audience in AUDIENCES:
        (out / audience).mkdir(exist_ok=True)
        for slug in slugs:
            new, final = stage / audience / slug, out / audience / slug
            old = stage / f"old-{audience}-{slug}"
            if final.exists():
                final.rename(old)
            try:
                new.rename(final)
            except OSError:
                if old.exists():
                    old.rename(final)
                raise
            built.append(final)
        if prune:
            for stale in sorted((out / audience).iterdir()):
                if stale.is_dir() and not stale.name.startswith(".") and stale.name not in slugs:
                    stale.rename(stage / f"stale-{audience}-{stale.name}")
    return built
