"""What a build does to the out folder a web server reads: a failed build
leaves the sites already there exactly as they were; a build of one council
touches only that council's sites; the same source always gives the same
bytes; and staff-only text never reaches a public site."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from sites import site_folders
from houserules.build import build_sites
from houserules.cli import main
from houserules.load import load_policy
from houserules.versions import publish

pytestmark = pytest.mark.slow  # builds sites

STAFF_MARKER = "STAFF-ONLY-MARKER-7f3a"


@pytest.fixture(autouse=True)
def _in_project(project_root, monkeypatch):
    # The command finds the project (mkdocs.yml, site_src/) from where it is run.
    monkeypatch.chdir(project_root)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder` (hidden ones too), files by content hash."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
            for p in sorted(folder.rglob("*"))}


def add_section(council: Path, section_yaml: str) -> None:
    """Add a prose section (YAML for one list item, indented two spaces) to a council file."""
    text = council.read_text(encoding="utf-8")
    if "\nsections:\n" in text:
        text = text.replace("\nsections:\n", "\nsections:\n" + section_yaml, 1)
    else:
        text = text.rstrip("\n") + "\n\nsections:\n" + section_yaml
    council.write_text(text, encoding="utf-8")


def files_containing(folder: Path, needle: str) -> list[str]:
    """Files under `folder` whose bytes (unzipped, for .gz) contain `needle`."""
    wanted = needle.encode("utf-8")
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        if wanted in data:
            found.append(str(path.relative_to(folder)))
    return found


# ---------------------------------------------------------------- a failed build

def test_failed_mkdocs_build_leaves_the_previous_sites_as_they_were(capsys, built_site, policy_copy, tmp_path):
    out = tmp_path / "site"
    shutil.copytree(built_site, out)
    before = snapshot(out)
    # Valid policy source, but the page links to a page that does not exist:
    # MkDocs warns, and strict mode makes the warning an error.
    add_section(policy_copy / "councils" / "ashfield.yaml",
                "  - id: broken-link\n"
                "    audience: public\n"
                "    page: contact\n"
                "    body: See [our other page](missing.md).\n")

    # City builds fine, but is not swapped in either: a build is all or nothing.
    code = main(["build", "ashfield", "city", "--policies", str(policy_copy), "--out", str(out)])
    _, err = capsys.readouterr()

    assert code == 1
    assert re.search(r"public/ashfield/mkdocs\.yml: .*Doc file 'contact\.md' contains a link 'missing\.md', "
                     r"but the target is not found", err), err
    # Only the broken site is named.
    assert err.count("mkdocs.yml") == 1, err
    assert snapshot(out) == before, "a failed build changed the out folder"
    assert not list(out.glob(".staging-*"))


def test_a_failed_build_of_a_published_version_names_that_version(capsys, policy_copy, tmp_path):
    # A council with a published version shows it, at its address and at v1/:
    # both are made from the version, not from the source as it is now.
    add_section(policy_copy / "councils" / "city.yaml",
                "  - id: broken-link\n"
                "    audience: public\n"
                "    page: contact\n"
                "    body: See [our other page](missing.md).\n")
    publish(load_policy(policy_copy), "city", effective=dt.date(2026, 1, 5), note="A change.", change="major",
            published=dt.date(2026, 1, 1))
    code = main(["build", "city", "--policies", str(policy_copy), "--out", str(tmp_path / "site")])
    _, err = capsys.readouterr()
    assert code == 1
    for site in ("public/city/mkdocs.yml", "public/city/v1/mkdocs.yml"):
        assert re.search(re.escape(site) + r": .*missing\.md.*\(site generated from published city v1, "
                         r"\S*published/city/v1\.yaml\)", err), err


def test_unknown_council_on_the_command_line(capsys, tmp_path):
    out = tmp_path / "site"
    code = main(["build", "ashfeld", "--out", str(out)])
    _, err = capsys.readouterr()
    assert code == 1
    assert err.startswith("error: no council 'ashfeld' (did you mean 'ashfield'?); known: ashfield, ")
    code = main(["build", "ashfield", "gotham", "--out", str(out)])
    _, err = capsys.readouterr()
    assert code == 1
    assert err.startswith("error: no council 'gotham'; known: ashfield, ")
    assert not out.exists(), "nothing is built when a named council does not exist"


@pytest.mark.parametrize("setting", ["two", "0", "-1"])
def test_a_number_of_builds_at_once_that_is_not_a_number_is_refused_before_anything_is_built(capsys, tmp_path,
                                                                                            monkeypatch, setting):
    monkeypatch.setenv("HOUSERULES_WORKERS", setting)
    out = tmp_path / "site"
    assert main(["build", "ashfield", "--out", str(out)]) == 1
    assert capsys.readouterr().err == (f"error: HOUSERULES_WORKERS={setting!r}: give a whole number of builds at "
                                       "once, 1 or more\n")
    assert not out.exists()


# ---------------------------------------------------------------- one council

def test_building_one_council_leaves_the_others_untouched(capsys, built_site, tmp_path):
    out = tmp_path / "site"
    shutil.copytree(built_site, out)
    # Files a rebuild could not have made: they show which folders were replaced.
    for audience in ("public", "staff"):
        (out / audience / "city" / "kept.txt").write_text("not touched\n")
        (out / audience / "ashfield" / "stale.txt").write_text("replaced\n")
        # The site of a council no longer in the source: only a build of every council removes it
        # (tests/test_build_pruning.py).
        (out / audience / "withdrawn").mkdir()
        shutil.copy2(out / audience / "city" / "index.html", out / audience / "withdrawn" / "index.html")
    others = {k: v for k, v in snapshot(out).items() if "ashfield" not in k}

    code = main(["build", "ashfield", "--out", str(out)])
    stdout, stderr = capsys.readouterr()

    assert (code, stderr) == (0, "")
    assert "built 2 sites for 1 council into" in stdout
    after = snapshot(out)
    assert {k: v for k, v in after.items() if "ashfield" not in k} == others
    assert {"public/withdrawn/index.html", "staff/withdrawn/index.html"} <= after.keys()
    for audience in ("public", "staff"):
        assert not (out / audience / "ashfield" / "stale.txt").exists()
        assert snapshot(out / audience / "ashfield") == snapshot(built_site / audience / "ashfield")
    assert not list(out.glob(".staging-*"))


# ---------------------------------------------------------------- determinism

# The council built again: Nottinghamshire's sites have every page any
# council's have (asserted below), and its published versions. Ashfield's
# are built again, and compared byte for byte, by
# test_building_one_council_leaves_the_others_untouched; every council's
# pages come from the same templates and the same MkDocs run.
AGAIN = "nottinghamshire"


def test_two_builds_of_the_same_source_are_byte_identical(project_root, built_site, tmp_path):
    def pages(site: Path) -> set[str]:
        """The pages at the council's address (a published version's folder, vN/, left out)."""
        found = (p.relative_to(site) for p in site.rglob("*.html"))
        return {str(page) for page in found if not re.fullmatch(r"v\d+", page.parts[0])}

    for audience in ("public", "staff"):
        every = set().union(*(pages(site) for site in site_folders(built_site, audience)))
        assert pages(built_site / audience / AGAIN) == every, f"choose another council to build again ({audience})"
    again = tmp_path / "again"
    build_sites(project_root, [AGAIN], out=again)
    assert sorted(p.relative_to(again).as_posix() for p in again.glob("*/*")) == [f"public/{AGAIN}", f"staff/{AGAIN}"]
    for audience in ("public", "staff"):
        first, second = snapshot(built_site / audience / AGAIN), snapshot(again / audience / AGAIN)
        assert sorted(first) == sorted(second)
        differing = [name for name in first if first[name] != second[name]]
        assert differing == []


def test_each_sites_configuration_reads_the_same_with_libyaml(project_root, tmp_path, monkeypatch):
    """MkDocs reads each site's mkdocs.yml, and the base it inherits, with
    libyaml (houserules.theme_cache.before_config): what it reads is what
    PyYAML's own parser reads, for every site of a council in two languages
    and one with published versions. The configurations carry no tags, so
    the safe loaders compare the two parsers (libyaml's and PyYAML's) as
    MkDocs' own loaders would."""
    import yaml

    from houserules import build as build_module

    run, read = build_module._run, []

    def reading(engine, jobs, workers):
        for job in jobs:
            text = Path(job.config).read_text(encoding="utf-8")
            read.append((job.config, yaml.load(text, yaml.CSafeLoader), yaml.load(text, yaml.SafeLoader)))
        run(engine, jobs, workers)

    monkeypatch.setattr(build_module, "_run", reading)
    build_sites(project_root, ["swansea", "ashfield"], out=tmp_path / "site", workers=1)  # here, where it can be seen
    base = (project_root / "mkdocs.yml").read_text(encoding="utf-8")
    assert yaml.load(base, yaml.CSafeLoader) == yaml.load(base, yaml.SafeLoader)
    assert len(read) >= 8
    assert [config for config, fast, pure in read if fast != pure] == []

    from mkdocs.config import defaults
    assert issubclass(defaults.get_yaml_loader(), yaml.CLoader), "MkDocs reads with libyaml once a site is built"


# ---------------------------------------------------------------- staff text

def test_staff_section_never_reaches_the_public_site(project_root, policy_copy, tmp_path):
    council = policy_copy / "councils" / "ashfield.yaml"
    for page in ("index", "moderation"):
        add_section(council,
                    f"  - id: staff-note-{page}\n"
                    f"    audience: staff\n"
                    f"    page: {page}\n"
                    f"    title: For moderators only\n"
                    f"    body: Escalation phone tree, reference {STAFF_MARKER}.\n")
    out = tmp_path / "site"
    build_sites(project_root, ["ashfield"], policy=policy_copy, out=out)

    assert (out / "public" / "ashfield" / "index.html").is_file()
    assert files_containing(out / "public", STAFF_MARKER) == []
    # The staff pages, and the staff site's own search index.
    assert files_containing(out / "staff" / "ashfield", STAFF_MARKER) == [
        "index.html", "moderation/index.html", "search/search_index.json"]


def test_staff_only_response_targets_stay_on_the_staff_site(project_root, built_site):
    council = load_policy(project_root / "policies").councils["nottinghamshire"]
    staff_targets = [t for t in council.responses.targets if t.audience == "staff"]
    assert len(staff_targets) == 2
    responses = (built_site / "staff" / "nottinghamshire" / "responses" / "index.html").read_text(encoding="utf-8")
    assert "close of the next working day" in responses
    assert files_containing(built_site / "public", "close of the next working day") == []
    for target in staff_targets:
        assert target.what.capitalize() in responses
        assert files_containing(built_site / "public", target.what) == []
        assert files_containing(built_site / "public", target.what.capitalize()) == []
