"""A council removed from the source stops being served after a full build.
(Building one named council leaves every other site alone, those of a council
no longer in the source too: tests/test_build_safety.py.)"""

from __future__ import annotations

import os
import shutil

import pytest

from houserules.build import build_sites

pytestmark = pytest.mark.slow  # builds sites


def test_full_build_removes_sites_of_councils_no_longer_in_the_source(project_root, built_site, policy_copy, tmp_path):
    # The last build's sites, hard-linked (a build never writes into a built site, it swaps in a new tree).
    out = tmp_path / "site"
    shutil.copytree(built_site, out, copy_function=os.link)
    for audience in ("public", "staff"):
        shutil.copytree(out / audience / "city", out / audience / "withdrawn", copy_function=os.link)
    # The source as it is next: only the city is left in it.
    for council in (policy_copy / "councils").glob("*.yaml"):
        if council.stem != "city":
            council.unlink()

    build_sites(project_root, policy=policy_copy, out=out)
    for audience in ("public", "staff"):
        assert sorted(p.name for p in (out / audience).iterdir()) == ["city"]
        assert (out / audience / "city" / "index.html").is_file()
    assert not list(out.glob(".staging-*"))
