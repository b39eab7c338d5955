"""A build changes every site together or none: the new tree is made beside
`site/` and exchanged for it in one step. A build killed at any moment leaves
all the old sites or all the new, and the next build clears what it left;
nothing a build leaves behind is ever inside the served folder."""

from __future__ import annotations

import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from houserules import build
from houserules.build import BuildError, build_sites
from made_up import FIXTURES

pytestmark = pytest.mark.slow  # builds sites and kills builds

LOWMOOR = (FIXTURES / "lowmoor.yaml").read_text(encoding="utf-8")


def generation(policies: Path, mark: str) -> None:
    """Lowmoor, its name (on every page of both sites) saying which generation of the source it is."""
    (policies / "councils" / "lowmoor.yaml").write_text(
        LOWMOOR.replace("name: Lowmoor Borough Council", f"name: Lowmoor Borough Council generation {mark}", 1),
        encoding="utf-8")


@pytest.fixture()
def policies(project_root, tmp_path) -> Path:
    policies = tmp_path / "policies"
    (policies / "councils").mkdir(parents=True)
    shutil.copytree(project_root / "policies" / "rules", policies / "rules")
    shutil.copytree(project_root / "policies" / "wordlists", policies / "wordlists")
    generation(policies, "A")
    return policies


def generations(out: Path) -> set[str]:
    """Which generations the served pages come from."""
    found = set()
    for audience in ("public", "staff"):
        page = out / audience / "lowmoor" / "index.html"
        text = page.read_text(encoding="utf-8") if page.exists() else "missing"
        marks = [mark for mark in "ABCDEF" if f"generation {mark}" in text]
        found.add(marks[0] if len(marks) == 1 else "missing")
    return found


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_build_that_fails_at_the_swap_changes_nothing(project_root, policies, tmp_path, monkeypatch):
    out = tmp_path / "site"
    build_sites(project_root, policy=policies, out=out)
    before = snapshot(out)
    generation(policies, "B")

    def refuse(new, target):
        raise BuildError("no room to swap")

    monkeypatch.setattr(build, "_exchange", refuse)
    with pytest.raises(BuildError):
        build_sites(project_root, policy=policies, out=out)
    assert snapshot(out) == before
    assert not list(tmp_path.glob(".site.build-*")), "a failed build leaves its build folder"


def test_a_read_only_site_is_still_replaced_whole(project_root, policies, tmp_path):
    out = tmp_path / "site"
    build_sites(project_root, policy=policies, out=out)
    generation(policies, "B")
    for folder in (out / "staff", out / "staff" / "lowmoor"):
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        build_sites(project_root, policy=policies, out=out)
    finally:
        for leftover in tmp_path.glob(".site.build-*"):  # the old tree, if it could not all be removed
            for folder in leftover.rglob("*"):
                if folder.is_dir():
                    folder.chmod(0o700)
    assert generations(out) == {"B"}


def test_what_a_killed_build_left_is_cleared_by_the_next_and_never_served(project_root, policies, tmp_path):
    out = tmp_path / "site"
    build_sites(project_root, policy=policies, out=out)
    (tmp_path / ".site.build-killed" / "new" / "staff").mkdir(parents=True)
    (out / ".staging-killed" / "staff").mkdir(parents=True)  # where earlier versions staged, inside site/
    (out / ".staging-killed" / "staff" / "protocol.html").write_text("staff only")
    build_sites(project_root, policy=policies, out=out)
    assert not (tmp_path / ".site.build-killed").exists()
    assert not list(out.glob(".staging-*"))


def test_a_build_killed_between_the_two_renames_of_the_fallback_is_mended(project_root, policies, tmp_path):
    # Where the file system cannot exchange two folders in one step, the old
    # one is moved aside first: a build killed just then leaves no site/.
    out = tmp_path / "site"
    build_sites(project_root, policy=policies, out=out)
    out.rename(tmp_path / ".site.previous")
    generation(policies, "B")
    build_sites(project_root, policy=policies, out=out)
    assert generations(out) == {"B"} and not (tmp_path / ".site.previous").exists()


def test_two_builds_of_one_folder_cannot_run_at_once(project_root, policies, tmp_path):
    import fcntl
    out = tmp_path / "site"
    with open(tmp_path / ".site.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with pytest.raises(BuildError, match="another build of .* is running"):
            build_sites(project_root, policy=policies, out=out)


def test_a_build_killed_at_any_moment_leaves_all_the_old_sites_or_all_the_new(project_root, policies, tmp_path):
    out = tmp_path / "site"
    build_sites(project_root, policy=policies, out=out)

    def start(mark: str) -> subprocess.Popen:
        generation(policies, mark)
        command = [sys.executable, "-m", "houserules.cli", "--project", str(project_root), "build",
                   "--policies", str(policies), "--out", str(out)]
        return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)

    # One build left to finish says when, in a build here, the new sites take
    # the old ones' place and when the build ends; the kills then land before,
    # about and after that moment (a kill after the build ended would prove nothing).
    began = time.perf_counter()
    child = start("B")
    swapped = None
    while child.poll() is None:
        if swapped is None and generations(out) == {"B"}:
            swapped = time.perf_counter() - began
        time.sleep(0.005)
    took = time.perf_counter() - began
    assert child.returncode == 0 and generations(out) == {"B"}
    swapped = swapped or took
    rng = random.Random(12)
    for mark, moment in zip("CDEF", (0.3 * swapped, 0.7 * swapped, swapped, (swapped + took) / 2)):
        child = start(mark)
        time.sleep(moment * rng.uniform(0.95, 1.05))
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        found = generations(out)
        assert len(found) == 1 and "missing" not in found, f"a mix of sites after a kill: {found}"
    # And the next build, left to finish, puts the newest in place and clears up.
    build_sites(project_root, policy=policies, out=out)
    assert generations(out) == {"F"}
    assert not list(tmp_path.glob(".site.build-*"))
