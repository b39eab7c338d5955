"""Shared fixtures: the project root, and the real policies built once per test session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from houserules.build import build_sites

ROOT = Path(__file__).resolve().parent.parent

# Which published version a council's address shows depends on the day of the
# build: the suite builds as of one fixed day, so it passes the same on any day.
os.environ.setdefault("HOUSERULES_TODAY", "2026-12-01")


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """Every council, both audiences, built from policies/ into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    build_sites(ROOT, out=out)
    return out


@pytest.fixture()
def policy_copy(tmp_path) -> Path:
    """A writable copy of policies/ for tests that change the source, without
    the published history: a council with published versions shows the one in
    force at its address, so an edit to its source would not be seen there."""
    copy = tmp_path / "policies"
    shutil.copytree(ROOT / "policies", copy, ignore=shutil.ignore_patterns("published"))
    return copy
