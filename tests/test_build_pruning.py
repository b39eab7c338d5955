"""A council removed from the source stops being served after a full build;
building one named council leaves every other site alone."""

from __future__ import annotations

import shutil

import pytest

from houserules.build import build_sites

pytestmark = pytest.mark.slow  # builds sites


def test_full_build_removes_sites_of_councils_no_longer_in_the_source(project_root, built_site, tmp_path):
    out = tmp_path / "site"
    shutil.copytree(built_site, out)
    for audience in ("public", "staff"):
        shutil.copytree(out / audience / "city", out / audience / "withdrawn")

    build_sites(project_root, ["ashfield"], out=out)
    assert (out / "public" / "withdrawn").is_dir(), "a one-council build must not touch other sites"

    build_sites(project_root, out=out)
    for audience in ("public", "staff"):
        assert not (out / audience / "withdrawn").exists()
        assert (out / audience / "city" / "index.html").is_file()
    assert not list(out.glob(".staging-*"))
