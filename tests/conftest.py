"""Shared fixtures: the project root, and the real policies built once per test session."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import parsed_once
import three_versions as three_versions_added
from houserules.build import build_sites

ROOT = Path(__file__).resolve().parent.parent

# Which published version a council's address shows depends on the day of the
# build: the suite builds as of one fixed day, so it passes the same on any day.
os.environ.setdefault("HOUSERULES_TODAY", "2026-12-01")
# pytest-xdist already runs a worker per core: a build inside a test runs in
# that worker, not in a pool of its own (starting one cost about 0.7 s a
# build, and its processes competed with the other workers for the cores).
# The sites every test reads are built once, with a pool (built_site).
os.environ.setdefault("HOUSERULES_WORKERS", "1")
# Each YAML text parsed once per worker, as most of the suite's loads are of
# copies of the same seed files (parsed_once.py says what it saves).
parsed_once.install()


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


def _built_once(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """make(folder) once for the whole run, however many xdist workers ask.

    Each worker has its own session, so a plain session fixture would build
    the same sites once per worker. The workers share the parent of their
    temporary folders: the first to take the lock builds there, the others
    wait and read what it built. Tests only read what these fixtures return."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder = base / name
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / ".done").is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            (folder / ".done").touch()
    return folder


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """Every council, both audiences, built from policies/ into a temporary folder."""
    def build(folder: Path) -> None:
        build_sites(ROOT, out=folder / "site", workers=os.cpu_count())

    return _built_once(tmp_path_factory, "site", build) / "site"


@pytest.fixture()
def policy_copy(tmp_path) -> Path:
    """A writable copy of policies/ for tests that change the source, without
    the published history: a council with published versions shows the one in
    force at its address, so an edit to its source would not be seen there."""
    copy = tmp_path / "policies"
    shutil.copytree(ROOT / "policies", copy, ignore=shutil.ignore_patterns("published"))
    return copy


# Ashfield with a third version, published (as an officer would) on a copy of
# policies/: the real v1 (from 1 May 2024) and v2 (from 1 April 2027), and v3
# from 1 October 2027, which shortens the appeal period again and adds a
# section for staff only. "Compare versions" has pairs that are not neighbours.


@pytest.fixture(scope="session")
def three_versions(tmp_path_factory) -> tuple[Path, Path]:
    """(policies, site): the copy with Ashfield's three versions, and its sites built."""
    root = _built_once(tmp_path_factory, "three-versions", _three_versions)
    return root / "policies", root / "site"


def _three_versions(root: Path) -> None:
    from houserules.cli import main

    policies = root / "policies"
    shutil.copytree(ROOT / "policies", policies)
    council = policies / "councils" / "ashfield.yaml"
    text = council.read_text(encoding="utf-8")
    for old, new in [("after_months: 6", "after_months: 3"), ("After 6 months the owner", "After 3 months the owner"),
                     ("sections:\n", "sections:\n  - id: block-log\n    audience: staff\n    page: moderation\n"
                                     f"    title: Block log\n    body: {three_versions_added.STAFF_NOTE}\n")]:
        assert old in text, old
        text = text.replace(old, new, 1)
    council.write_text(text, encoding="utf-8")
    assert main(["publish", "--council", "ashfield", "--effective", "2027-10-01", "--minor", "--note",
                 "From October 2027: blocked accounts can appeal after 3 months (sample history: made up).",
                 "--policies", str(policies)]) == 0
    build_sites(ROOT, ["ashfield"], policy=policies, out=root / "site", today=dt.date(2026, 12, 1))


# Tests that read built sites are the slow ones: `make test-fast` leaves them
# out (-m "not slow"), and the modules that build sites themselves say so.
SITE_FIXTURES = {"built_site", "three_versions", "site_server"}


def pytest_collection_modifyitems(items):
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
