"""Build council sites: render every site into a fresh folder, run MkDocs on
each (in parallel, one process per core), then swap the whole new tree in.
With `engine="zensical"` (`houserules build --engine zensical`) Zensical
builds each site instead, from the same generated project, in the same
folders and with the same swap; MkDocs + Material stay the default.

The new tree is made beside the out folder (`.site.build-*` next to `site/`),
holding every site the out folder will hold: the ones just built, and for a
build of some councils, the others' current sites, hard-linked. It replaces
the out folder in one atomic exchange of two directories, so a reader, a web
server or a killed build only ever sees all the old sites or all the new. A
failed build raises before the exchange and leaves `site/` as it was. One
build runs at a time (a lock beside the out folder); each removes what a
killed one left behind.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import difflib
import errno
import fcntl
import hashlib
import logging
import multiprocessing
import os
import re
import shutil
import stat
import sys
import tempfile
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from . import checker_assets, feed, language_choice
from .editions import build_day, context, editions, history_for
from .errors import HouserulesError
from .load import Policy, load_policy
from .render import render_site
from .resolve import resolve
from .versions import load_versions
from .languages import localise
from .languages import name as language_name
from .yamlsource import display_path

AUDIENCES = ("public", "staff")
# What builds each site from its generated project: MkDocs + Material (the
# default), or Zensical, Material's named successor (an optional dependency:
# requirements-zensical.lock; tests/test_zensical.py says what differs).
ENGINES = ("mkdocs", "zensical")
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
    built: Path     # where MkDocs (or Zensical) writes this edition
    source: str     # what it is made from, as a person would find it
    language: str = "en"  # the site's
    folder_of_language: str = ""  # a council in more than one language: the site's folder ("cy", "en")

    @property
    def site(self) -> Path:
        """The site's folder, relative to the build's output."""
        return Path(self.audience, self.slug, self.folder_of_language)


def _mkdocs_build(config_file: str) -> str | None:
    """Runs in a worker process. Returns an error message, or None on success."""
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from .theme_cache import before_config
    before_config()
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


def _zensical_build(config_file: str) -> str | None:
    """Runs in a worker process: `zensical build --strict` on one site, through
    Zensical's Python API (its command line does the same, in a new process
    for each site). Returns an error message, or None on success."""
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    os.environ["NO_COLOR"] = "1"
    import importlib
    zensical = importlib.import_module("zensical")  # optional (requirements-zensical.lock)

    # Zensical's runtime writes its warnings to the process's own stdout and
    # stderr, not to Python's: catch them there, so a failure can say what went wrong.
    with tempfile.TemporaryFile() as log:
        sys.stdout.flush()
        sys.stderr.flush()
        kept = os.dup(1), os.dup(2)
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        try:
            zensical.build(os.path.abspath(config_file), {"strict": True, "clean": False})
            error = None
        except Exception as exc:  # noqa: BLE001 - any failure is reported with its site, not hidden
            error = str(exc) or type(exc).__name__
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            for fd, saved in zip((1, 2), kept):
                os.dup2(saved, fd)
                os.close(saved)
        if error is None:
            return None
        log.seek(0)
        return _zensical_problems(log.read().decode("utf-8", "replace")) or error


def _zensical_problems(output: str) -> str:
    """Zensical's warnings, each with the place it names, and the error it stopped on."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", output)
    problems: list[str] = []
    placed = True
    stopped = ""
    for line in text.splitlines():
        if found := re.match(r"\s*(?:Warning|Error): (.+)", line):
            problems.append(found.group(1).strip())
            placed = False
        elif not placed and (at := re.search(r"\[ (\S+:\d+(?::\d+)?) \]", line)):
            problems[-1] = f"{at.group(1)}: {problems[-1]}"
            placed = True
        elif found := re.match(r"\w*Error: (.+)", line):
            stopped = found.group(1).strip()
    return "; ".join(problems) or stopped or text.strip()[-500:]


def zensical_available() -> bool:
    import importlib.util
    return importlib.util.find_spec("zensical") is not None


def _workers_asked(asked: int | None) -> int | None:
    """How many MkDocs builds run at once: `asked` (--workers), else
    HOUSERULES_WORKERS, else (None) one per core. One builds in this process,
    with no pool to start: what a caller that runs its own workers wants (the
    test suite: tests/conftest.py), and a server short of memory."""
    setting = os.environ.get("HOUSERULES_WORKERS", "")
    if asked is not None or not setting:
        return asked
    if not setting.isdigit() or int(setting) < 1:
        raise BuildError(f"HOUSERULES_WORKERS={setting!r}: give a whole number of builds at once, 1 or more")
    return int(setting)


def _workers(asked: int | None, jobs: int) -> int:
    return max(1, min(jobs, asked or os.cpu_count() or 1))


def build_sites(project_root: Path, slugs: list[str] | None = None, *,
                policy: Path | None = None, out: Path | None = None,
                workers: int | None = None, today: dt.date | None = None,
                engine: str = "mkdocs") -> list[Path]:
    """Build the named councils (all when None) into out/<audience>/<slug>/,
    each published version into out/<audience>/<slug>/v<N>/, with MkDocs
    or Zensical (`engine`); a council in more than one language into
    out/<audience>/<slug>/<language>/. Returns each site's folder."""
    if engine not in ENGINES:
        raise BuildError(f"no engine {engine!r}; known: {', '.join(ENGINES)}")
    if engine == "zensical" and not zensical_available():
        raise BuildError("Zensical is not installed: make zensical "
                         "(pip install --no-deps --require-hashes -r requirements-zensical.lock)")
    workers = _workers_asked(workers)
    policy_root = policy or project_root / "policies"
    policy_data = load_policy(policy_root)
    published = load_versions(policy_root)
    day = today or build_day()
    chosen = _choose(policy_data, slugs)
    out = (out or project_root / "site").resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with _one_build_at_a_time(out), \
            tempfile.TemporaryDirectory(prefix=f".{out.name}.build-", dir=out.parent,
                                        ignore_cleanup_errors=True) as build_dir:
        gen, stage = Path(build_dir) / "gen", Path(build_dir) / "new"
        try:
            checker = checker_assets.prepare(project_root)
        except checker_assets.AssetError as exc:
            raise BuildError(str(exc)) from None
        jobs = []
        histories = {}
        catalogues: dict = {}
        for slug in chosen:
            history = histories[slug] = (history_for(policy_root, slug, published[slug], gen / "versions")
                                         if published.get(slug) else None)
            spoken = policy_data.councils[slug].languages
            for edition in editions(history, policy_data, day):
                for audience in AUDIENCES:
                    for language in spoken:
                        jobs.append(_site_job(project_root, build_dir, checker, engine, history, edition, slug,
                                              audience, language, spoken, catalogues))
        _run(engine, jobs, workers)
        for job in jobs:
            if not job.folder:  # a version's pages use the runtime at the council's own address
                checker.link_runtime(job.built)
        _assemble(stage, jobs, histories, day)
        _language_choices(stage, jobs, policy_data)
        # Sites this build does not make stay as they are; a build of every
        # council drops those of councils no longer in the source.
        _carry_over(out, stage, chosen, other_councils=bool(slugs))
        _share_identical(stage)
        _exchange(stage, out)
        return [out / job.site for job in jobs if not job.folder]


def _in_language(policy: Policy, slug: str, language: str, catalogues: dict) -> Policy:
    """What one council's site reads of the source (its own council and the
    catalogue: rules and word lists), in the site's language only.

    The catalogue in each language is made once per source and kept in
    `catalogues`. Localised afresh for every site, with every council and
    every word of every list walked each time, the cost grew with the square
    of the number of councils (tests/benchmarks/bench_build.py, 200 synthetic
    councils: 0.47 s of CPU a council before this and theme_cache's
    before_config, 0.31 s after)."""
    key = (id(policy), language)
    if key not in catalogues:  # the source is kept beside it, so its id is not reused
        catalogues[key] = (policy, localise(replace(policy, councils={}), language))
    catalogue = catalogues[key][1]
    return replace(catalogue, councils={slug: localise(policy.councils[slug], language)})


def _site_job(project_root: Path, build_dir: str, checker, engine: str, history, edition, slug: str,
              audience: str, language: str, spoken: tuple[str, ...], catalogues: dict) -> SiteJob:
    """One edition of one audience's site in one language, rendered and
    ready for the engine. A council in one language has its site at its
    address; a council in more has one site per language beside each other
    under it (<slug>/cy/, <slug>/en/), neither below the other."""
    folder = language if len(spoken) > 1 else ""
    gen = Path(build_dir) / "gen" / audience / slug / folder / (edition.folder or "_current")
    policy = _in_language(edition.policy, slug, language, catalogues)
    versioning = context(history.told_in(language) if history else None, edition, audience)
    view = resolve(policy, slug, audience, versioning, language=language)
    # Zensical writes only inside the folder of the site's mkdocs.yml.
    built = (gen / "site" if engine == "zensical" else
             Path(build_dir) / "editions" / audience / slug / folder / (edition.folder or "_current"))
    others = [code for code in spoken if code != language]
    up = "../" * (2 if edition.folder else 1)
    alternates = [{"lang": code, "name": language_name(code, code),
                   "root": f"{up}{code}/{edition.folder + '/' if edition.folder else ''}"} for code in others]
    config = render_site(view, project_root, gen, built, checker=checker.paths(slug, edition.folder),
                         engine=engine, alternates=alternates)
    checker.write_into(gen / "docs" / "assets", policy, slug,
                       edition.version.folder if edition.version else None, language)
    source = (f"published {slug} {edition.version.folder}, {display_path(edition.version.path)}"
              if edition.version else f"councils/{slug}.yaml")
    return SiteJob(audience, slug, edition.folder, config, built, source, language, folder)


def _language_choices(stage: Path, jobs: list[SiteJob], policy: Policy) -> None:
    """At the address of a council in more than one language, a page that
    offers each, in the order the council lists them, each named in itself."""
    for audience, slug in sorted({(j.audience, j.slug) for j in jobs if j.folder_of_language}):
        council = policy.councils[slug]
        page = language_choice.page(council, audience)
        (stage / audience / slug / "index.html").write_text(page, encoding="utf-8")


@contextmanager
def _one_build_at_a_time(out: Path):
    """Hold the build lock beside `out`, and clear what a killed build left:
    its build folders, an out folder it had moved aside, and the staging
    folders earlier versions of houserules left inside `out` (served!)."""
    lock_path = out.parent / f".{out.name}.lock"
    with open(lock_path, "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(f"another build of {display_path(out)} is running "
                             f"(it holds {display_path(lock_path)})") from None
        aside = out.parent / f".{out.name}.previous"
        if aside.exists() and not out.exists():  # killed between the two renames of _exchange's fallback
            aside.rename(out)
        for leftover in [*out.parent.glob(f".{out.name}.build-*"), aside, *out.glob(".staging-*")]:
            _remove(leftover)
        yield


def _remove(path: Path) -> None:
    """Remove a tree, read-only parts too; what cannot be removed is left for the next build."""
    def writable_then_retry(function, name, _exc):
        try:
            os.chmod(os.path.dirname(name), 0o700)
            function(name)
        except OSError:
            pass

    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, onexc=writable_then_retry)
    elif path.exists() or path.is_symlink():
        path.unlink(missing_ok=True)


def _carry_over(out: Path, stage: Path, built: list[str], other_councils: bool) -> None:
    """What `out` holds that this build did not make, hard-linked into the new
    tree: other councils' sites (`other_councils`), and anything beside the
    audiences' folders."""
    if not out.is_dir():
        return
    for audience in AUDIENCES if other_councils else ():
        for site in sorted((out / audience).iterdir()) if (out / audience).is_dir() else ():
            if site.name in built or site.name.startswith(".") or not site.is_dir():
                continue
            shutil.copytree(site, stage / audience / site.name, symlinks=True, copy_function=_link)
    for extra in sorted(out.iterdir()):  # whatever else the out folder holds, e.g. a council's own index page
        if extra.name not in AUDIENCES and not extra.name.startswith(".staging-"):
            if extra.is_dir():
                shutil.copytree(extra, stage / extra.name, symlinks=True, copy_function=_link)
            else:
                _link(extra, stage / extra.name)


def _link(source, target) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or no hard links: copy instead
        shutil.copy2(source, target)


def _share_identical(tree: Path) -> None:
    """Every file in `tree` with the same bytes as one before it made a hard
    link to that one: Material's assets, the checker's wheel and scripts, the
    same in every site, were 1.1 MB of a site's 1.7 (the runtime aside:
    link_runtime), 0.7 GB for 200 councils (tests/benchmarks/bench_build.py,
    disk a council). Done last, when nothing more is written into the tree:
    no build writes into a file of a built site, it only links and renames
    them, so sharing one never lets a write to one site change another."""
    by_size: dict[tuple[int, int], list[str]] = {}
    seen = set()
    for folder, subfolders, names in os.walk(tree):
        subfolders.sort()
        for name in sorted(names):
            path = os.path.join(folder, name)
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode) and info.st_size and (info.st_dev, info.st_ino) not in seen:
                seen.add((info.st_dev, info.st_ino))
                by_size.setdefault((info.st_size, info.st_mode), []).append(path)
    for paths in by_size.values():
        first: dict[bytes, str] = {}
        for path in paths if len(paths) > 1 else ():
            with open(path, "rb") as file:
                kept = first.setdefault(hashlib.file_digest(file, "sha256").digest(), path)
            if kept != path:
                _link_in_place(kept, path)


def _link_in_place(source: str, target: str) -> None:
    """`target` made a hard link to `source` in one step, or left as it is
    (no hard links here, too many, or a read-only folder carried over)."""
    temporary = f"{target}.link-{os.getpid()}"
    try:
        os.link(source, temporary)
    except OSError:
        return
    try:
        os.replace(temporary, target)
    except OSError:
        os.unlink(temporary)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(new: Path, out: Path) -> None:
    """Put the tree at `new` in place of `out` in one step: Linux's
    renameat2(RENAME_EXCHANGE) swaps the two directories atomically (the old
    tree is then at `new`, removed with the build folder). Where that is not
    available, two renames, with `out` moved aside in between, so a build
    killed there is mended by the next one."""
    if not out.exists():
        new.rename(out)
        return
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is not None:
        if renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(out), _RENAME_EXCHANGE) == 0:
            return
        error = ctypes.get_errno()
        if error not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
            raise BuildError(f"could not put the new sites in place of {display_path(out)}: {os.strerror(error)}")
    aside = out.parent / f".{out.name}.previous"
    out.rename(aside)
    try:
        new.rename(out)
    except OSError:
        aside.rename(out)
        raise
    _remove(aside)


def _assemble(stage: Path, jobs: list[SiteJob], histories: dict, day: dt.date) -> None:
    """Each council's site: its current edition at the top, every version in
    its own folder, and the version list and change feed at the site's root.
    (Built apart first: MkDocs empties its output folder before it writes.)"""
    for job in sorted(jobs, key=lambda j: j.folder):  # "" first: the folder the versions go into
        site = stage / job.site
        if job.folder == "":
            site.parent.mkdir(parents=True, exist_ok=True)
            job.built.rename(site)
        else:
            job.built.rename(site / job.folder)
    for job in jobs:
        history = histories.get(job.slug)
        if history and not job.folder:
            feed.write_site_files(stage / job.site, history.told_in(job.language), job.audience, day, job.language)


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


# Each engine: its name in messages, what builds one site in a worker, and
# what the worker server imports once, instead of each worker paying for the
# imports (about half a second each).
_RUNNERS = {
    "mkdocs": ("MkDocs", _mkdocs_build, ["mkdocs.commands.build", "mkdocs.config", "material.plugins",
                                           "houserules.theme_cache", "jinja2", "markdown"]),
    "zensical": ("Zensical", _zensical_build, ["zensical", "markdown", "pymdownx"]),
}


def _run(engine: str, jobs: list[SiteJob], workers: int | None) -> None:
    name, build, preload = _RUNNERS[engine]
    count = _workers(workers, len(jobs))
    configs = [str(job.config) for job in jobs]
    if count == 1:
        errors = [build(c) for c in configs]
    else:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(preload)
        with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
            errors = list(pool.map(build, configs, chunksize=max(1, len(configs) // (count * 4))))
    # Name the site and its source, not the generated config: that lives in a
    # temporary folder which is gone by the time anyone reads the message.
    failed = [f"{job.audience}/{job.slug}/{job.folder + '/' if job.folder else ''}mkdocs.yml: {error} "
              f"(site generated from {job.source})" for job, error in zip(jobs, errors) if error]
    if failed:
        raise BuildError(f"{name} failed:\n" + "\n".join(failed))
