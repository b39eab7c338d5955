"""What each built site carries for the checker: the engine as a wheel that
is the same bytes every build, a lock file holding its hash, the pinned
Pyodide runtime under a versioned path with the part of the standard library
the checker needs, each large file with its Brotli and gzip copies, and the
council's rules."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import brotli
import pytest

from council_examples import sample, wrong
from every_rule import verdicts
from sites import site_folders, slug_of
from houserules.build import BuildError, build_sites
from houserules.bytecode import compiled_name
from houserules.checker_assets import (CDN_DEFAULT, ENCODINGS, OWN_DEFAULT, RUNTIME_FILES, AssetError, compress,
                                       keep_local, precompress, prepare, write_stdlib)
from houserules.stdlib import FULL_NAME, StdlibList, trimmed
from houserules.load import load_policy
from houserules.rulepack import build_rulepack, dumps
from houserules.wheel import build_wheel
from houserules_checker.browser import Session

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "widget" / "houserules_checker"


def test_the_wheel_is_byte_identical_from_the_same_source():
    assert build_wheel(PACKAGE) == build_wheel(PACKAGE)


def test_the_wheel_holds_every_engine_module_and_a_valid_record():
    name, data = build_wheel(PACKAGE)
    assert name == "houserules_checker-0.1.0-py3-none-any.whl"
    with zipfile.ZipFile(io.BytesIO(data)) as wheel:
        names = wheel.namelist()
        modules = {f"houserules_checker/{p.relative_to(PACKAGE).as_posix()}" for p in PACKAGE.rglob("*.py")}
        assert modules <= set(names) and not [n for n in names if "__pycache__" in n]
        record = wheel.read("houserules_checker-0.1.0.dist-info/RECORD").decode()
        assert {line.split(",")[0] for line in record.splitlines()} == set(names)


def test_the_wheel_installs_and_checks_in_a_clean_interpreter(tmp_path):
    name, data = build_wheel(PACKAGE)
    wheel = tmp_path / name
    wheel.write_bytes(data)
    with zipfile.ZipFile(wheel) as z:
        z.extractall(tmp_path / "site")
    pack = dumps(build_rulepack(load_policy(ROOT / "policies"), "ashfield"))
    code = ("import sys, json; from houserules_checker.browser import Session; "
            "print(json.loads(Session(sys.stdin.read()).check('you idiot', '2026-01-01'))['breaks'][0]['rule'])")
    out = subprocess.run([sys.executable, "-I", "-c", code], input=pack, capture_output=True, text=True,
                         cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "site")}, check=True)
    assert out.stdout.strip() in {"abuse", "personal-attacks"}


def _decompressed(path: Path) -> bytes:
    return brotli.decompress(path.read_bytes()) if path.suffix == ".br" else gzip.decompress(path.read_bytes())


def test_every_site_serves_the_runtime_engine_and_rules_itself(built_site):
    assets = prepare(ROOT)
    lock = json.loads(assets.lock)
    entry = lock["packages"]["houserules-checker"]
    # The trimmed standard library as set-up compiled it: each listed module's file, as bytecode.
    stdlib = (assets.pyodide_dir / assets.stdlib_name).read_bytes()
    source = trimmed(assets.pyodide_dir / FULL_NAME, StdlibList.read(ROOT / "widget" / "stdlib.txt").zipped)
    with zipfile.ZipFile(io.BytesIO(stdlib)) as served, zipfile.ZipFile(io.BytesIO(source)) as listed:
        assert served.namelist() == [compiled_name(n) for n in listed.namelist()]
    for site in [p for audience in ("public", "staff") for p in site_folders(built_site, audience)]:
        slug = slug_of(site, built_site)
        runtime = site / "assets" / "pyodide" / assets.pyodide_version
        # The three runtime files and the trimmed standard library, each with its copies; not Pyodide's own zip.
        served = (*RUNTIME_FILES, assets.stdlib_name)
        assert sorted(p.name for p in runtime.iterdir()) == sorted(n + s for n in served for s in ("", *ENCODINGS))
        assert (runtime / assets.stdlib_name).read_bytes() == stdlib
        for name in served:
            original = (runtime / name).read_bytes()
            assert original == (assets.pyodide_dir / name).read_bytes()
            for suffix in ENCODINGS:
                assert _decompressed(runtime / (name + suffix)) == original, name + suffix
        folder = site / "assets" / "checker" / assets.wheel_dir
        wheel = (folder / entry["file_name"]).read_bytes()
        assert hashlib.sha256(wheel).hexdigest() == entry["sha256"]
        for suffix in ENCODINGS:
            assert _decompressed(folder / (entry["file_name"] + suffix)) == wheel
        assert json.loads((folder / "pyodide-lock.json").read_text()) == lock
        rules = json.loads((site / "assets" / "checker" / "rules" / f"{slug}.json").read_text())
        assert rules["council"]["slug"] == slug and rules["rules"]
        # The page names the trimmed standard library for Pyodide to load.
        check = (site / "check" / "index.html").read_text(encoding="utf-8")
        assert f'data-stdlib="../assets/pyodide/{assets.pyodide_version}/{assets.stdlib_name}"' in check
        # A published version has its own rules, and the runtime of the council's own address.
        for version in (p for p in site.iterdir() if re.fullmatch(r"v\d+", p.name)):
            assert (version / "assets" / "checker" / "rules" / f"{slug}.json").is_file()
            assert not (version / "assets" / "pyodide").exists()
            page = (version / "check" / "index.html").read_text(encoding="utf-8")
            assert f'data-stdlib="../../assets/pyodide/{assets.pyodide_version}/{assets.stdlib_name}"' in page


def test_every_councils_check_pages_give_their_rule_examples_the_expected_result(built_site):
    """Each site's check page names its council's rules, and those rules, as
    served, give a sample of the rule examples the result each must show, on
    the engine the page runs (in CPython here; in the browser, one page of
    each kind: tests/browser/test_checker_widget.py)."""
    checked = 0
    for audience in ("public", "staff"):
        for site in site_folders(built_site, audience):
            slug = slug_of(site, built_site)
            page = (site / "check" / "index.html").read_text(encoding="utf-8")
            assert f'data-rules="../assets/checker/rules/{slug}.json"' in page, site
            language = re.search(r'<html lang="([^"]+)"', page)
            assert language, site
            session = Session((site / "assets" / "checker" / "rules" / f"{slug}.json").read_text(encoding="utf-8"),
                              language[1])
            examples = sample(slug, audience, language[1])
            shown = [verdicts(session.check(e.text, e.day, e.reply_to if audience == "staff" else "", "",
                                            e.earlier if audience == "staff" else "")) for e in examples]
            problems = wrong(examples, shown)
            assert not problems, f"{site.relative_to(built_site)}:\n" + "\n".join(problems)
            checked += 1
    assert checked >= 2 * len(load_policy(ROOT / "policies").councils)


def test_the_lock_matches_the_runtime_it_runs_on():
    assets = prepare(ROOT)
    info = json.loads((assets.pyodide_dir / "pyodide-lock.json").read_text())["info"]
    assert json.loads(assets.lock)["info"] == info


def test_a_build_without_the_runtime_fails_saying_how_to_install_it(tmp_path):
    root = tmp_path / "project"
    (root / "widget").mkdir(parents=True)
    for name in ("policies", "site_src", "mkdocs.yml"):
        (root / name).symlink_to(ROOT / name)
    (root / "widget" / "houserules_checker").symlink_to(PACKAGE)
    (root / "widget" / "package.json").write_bytes((ROOT / "widget" / "package.json").read_bytes())
    out = tmp_path / "site"
    with pytest.raises(BuildError, match=r"widget/node_modules/pyodide: missing .*make setup"):
        build_sites(root, out=out)
    assert not [p for p in out.rglob("*") if p.is_file()]


def test_only_the_runtime_files_reach_the_sites_from_npm(built_site):
    # axe-core (a test tool that builds HTML from strings) and Pyodide's demo
    # consoles (pages that load from a CDN) stay out of every built site.
    shipped = {p.name for p in built_site.rglob("*") if p.is_file()}
    assert not {n for n in shipped if n.startswith(("axe", "console"))}


def test_the_widget_folder_holds_only_what_the_sites_serve(project_root):
    # Set-up installs Pyodide alone there and removes its files that name its
    # CDN; the tests' axe-core is installed into the virtual environment.
    node_modules = project_root / "widget" / "node_modules"
    assert not (node_modules / "axe-core").exists()
    removed = {"console.html", "console-v2.html", "pyodide.js", "pyodide.js.map", "pyodide.mjs.map"}
    assert not removed & {p.name for p in (node_modules / "pyodide").iterdir()}
    # The module the sites serve names no other host: its CDN default is the runtime's own folder.
    module = (node_modules / "pyodide" / "pyodide.mjs").read_text(encoding="utf-8")
    assert not re.search(r"https?://|jsdelivr|\bcdn\.", module)
    assert module.count(OWN_DEFAULT) == 1


def test_set_up_rewrites_pyodides_cdn_default_once_and_a_build_refuses_it_unrewritten(tmp_path):
    runtime = tmp_path / "pyodide"
    runtime.mkdir()
    module = (ROOT / "widget" / "node_modules" / "pyodide" / "pyodide.mjs").read_text(encoding="utf-8")
    (runtime / "pyodide.mjs").write_text(module.replace(OWN_DEFAULT, CDN_DEFAULT), encoding="utf-8")
    keep_local(runtime)
    keep_local(runtime)  # a second set-up finds it done
    assert (runtime / "pyodide.mjs").read_text(encoding="utf-8") == module
    (runtime / "pyodide.mjs").write_text("export const loadPyodide = () => 'https://cdn.example/';", encoding="utf-8")
    with pytest.raises(AssetError, match="not the one this set-up knows"):
        keep_local(runtime)


def _project(tmp_path, runtime_file=lambda path: True):
    """A project beside this one, sharing its source; its runtime folder links
    the installed runtime's files that `runtime_file` keeps."""
    root = tmp_path / "project"
    runtime = root / "widget" / "node_modules" / "pyodide"
    runtime.mkdir(parents=True)
    for name in ("policies", "site_src", "mkdocs.yml"):
        (root / name).symlink_to(ROOT / name)
    (root / "widget" / "houserules_checker").symlink_to(PACKAGE)
    for name in ("package.json", "stdlib.txt"):
        (root / "widget" / name).write_bytes((ROOT / "widget" / name).read_bytes())
    installed = ROOT / "widget" / "node_modules" / "pyodide"
    for path in installed.iterdir():
        if runtime_file(path):
            (runtime / path.name).symlink_to(path)
    return root, runtime, installed


def test_a_build_with_pyodides_cdn_default_still_in_place_fails_saying_to_run_set_up(tmp_path):
    root, runtime, installed = _project(tmp_path)
    (runtime / "pyodide.mjs").unlink()
    (runtime / "pyodide.mjs").write_text((installed / "pyodide.mjs").read_text(encoding="utf-8")
                                         .replace(OWN_DEFAULT, CDN_DEFAULT), encoding="utf-8")
    with pytest.raises(BuildError, match=r"pyodide\.mjs still names Pyodide's CDN.*make setup"):
        build_sites(root, out=tmp_path / "site")


def test_set_up_writes_the_trimmed_standard_library_by_its_hash_and_drops_an_older_one(tmp_path):
    """Two compilations in Pyodide (about 3 s of CPU each): the first set-up,
    and the mend of a zip cut short. An older zip, from a list since changed,
    is put there by hand: its name is all that says it is older."""
    runtime = tmp_path / "pyodide"
    runtime.mkdir()
    for name in (FULL_NAME, *RUNTIME_FILES, "pyodide-lock.json"):  # what compiling it in Pyodide needs
        (runtime / name).symlink_to(ROOT / "widget" / "node_modules" / "pyodide" / name)
    older = ["stdlib-000000000000.zip", "stdlib-000000000000.zip.br", "stdlib-000000000000.zip.gz"]
    for name in older:
        (runtime / name).write_bytes(b"an older set-up's")
    listed = tmp_path / "stdlib.txt"
    listed.write_text("[zip]\njson\nre._parser\n", encoding="utf-8")
    first = write_stdlib(runtime, listed)
    assert first not in older
    assert sorted(p.name for p in runtime.iterdir()) == sorted([FULL_NAME, *RUNTIME_FILES, "pyodide-lock.json", first])
    with zipfile.ZipFile(runtime / first) as zip_:  # the listed modules, and their packages, compiled
        assert zip_.namelist() == ["json/__init__.pyc", "re/__init__.pyc", "re/_parser.pyc"]
    (runtime / (first + ".br")).write_bytes(b"a copy")
    assert write_stdlib(runtime, listed) == first  # a second set-up finds it done
    assert (runtime / (first + ".br")).read_bytes() == b"a copy"
    (runtime / first).write_bytes((runtime / first).read_bytes()[:1000])  # and mends one cut short
    assert write_stdlib(runtime, listed) == first
    with zipfile.ZipFile(runtime / first) as zip_:
        assert zip_.testzip() is None and zip_.namelist() == ["json/__init__.pyc", "re/__init__.pyc", "re/_parser.pyc"]
    listed.write_text("[zip]\nno_such_module\n", encoding="utf-8")
    with pytest.raises(AssetError, match="no_such_module.*make stdlib-list"):
        write_stdlib(runtime, listed)


def test_compressed_copies_are_the_same_bytes_every_time_and_made_again_only_when_they_are_not_the_files(tmp_path):
    data = (ROOT / "widget" / "node_modules" / "pyodide" / "pyodide.mjs").read_bytes()
    for encoding in ENCODINGS.values():
        assert compress(data, encoding) == compress(data, encoding)
    assert gzip.compress(b"x", mtime=0)[4:8] == compress(b"x", "gzip")[4:8] == b"\0\0\0\0"  # no time
    path = tmp_path / "pyodide.mjs"
    path.write_bytes(data)
    said = []
    precompress(path, said.append)
    assert brotli.decompress((tmp_path / "pyodide.mjs.br").read_bytes()) == data
    assert gzip.decompress((tmp_path / "pyodide.mjs.gz").read_bytes()) == data
    assert len(said) == 2
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    precompress(path, said.append)  # a second set-up finds them done
    assert len(said) == 2 and before == {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    (tmp_path / "pyodide.mjs.br").write_bytes(b"cut short")  # a copy that is not of the file
    path.write_bytes(data + b"\n// changed\n")  # and a file changed since its copies
    precompress(path, said.append)
    assert brotli.decompress((tmp_path / "pyodide.mjs.br").read_bytes()) == path.read_bytes()
    assert gzip.decompress((tmp_path / "pyodide.mjs.gz").read_bytes()) == path.read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_a_build_without_the_compressed_copies_or_the_trimmed_zip_says_to_run_set_up(tmp_path):
    root, runtime, installed = _project(tmp_path, lambda path: not path.name.endswith(".br"))
    with pytest.raises(AssetError, match=r"pyodide\.mjs\.br.*make setup"):
        prepare(root)
    for path in installed.glob("*.br"):
        (runtime / path.name).symlink_to(path)
    assert prepare(root).stdlib_name == prepare(ROOT).stdlib_name
    with (root / "widget" / "stdlib.txt").open("a", encoding="utf-8") as listed:
        listed.write("[zip]\nxml\n")  # a list the zip set-up wrote is not of
    with pytest.raises(AssetError, match=r"no stdlib-[0-9a-f]{12}\.zip.*make setup"):
        prepare(root)
