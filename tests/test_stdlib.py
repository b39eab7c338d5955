"""The standard library the sites serve is the part the checker needs: every
module the engine imports, and every module those always import, is in the
trimmed zip (or frozen or built into Pyodide), and the zip is the same bytes
every time. That the checker runs on it, rule example by rule example, the
browser tests show (tests/browser/test_checker_widget.py)."""

from __future__ import annotations

import importlib.util
import io
import marshal
import zipfile
from pathlib import Path

import pytest

from houserules.stdlib import (FULL_NAME, LIST_NAME, StdlibList, closure, files_for, imports, package_imports,
                               trimmed, trimmed_name, uncovered)
from houserules import bytecode
from houserules.wheel import TIMESTAMP

ROOT = Path(__file__).resolve().parent.parent
FULL = ROOT / "widget" / "node_modules" / "pyodide" / FULL_NAME
LISTED = ROOT / "widget" / LIST_NAME
PACKAGE = ROOT / "widget" / "houserules_checker"


@pytest.fixture(scope="module")
def listed() -> StdlibList:
    return StdlibList.read(LISTED)


def test_every_module_the_checker_imports_is_there_in_the_browser(listed):
    missing = uncovered(FULL, PACKAGE, listed)
    assert not missing, (
        f"the checker imports {', '.join(missing)} (or a module it imports does), which the trimmed standard "
        f"library would not hold: run `make stdlib-list` to trace it again, and `make setup`")


def test_the_scan_finds_what_the_engine_imports():
    found = package_imports(PACKAGE, submodules=False)
    # At the top of its modules, in a function (json in browser.py is at the top; difflib is a detector's).
    assert {"re", "json", "difflib", "dataclasses", "unicodedata", "datetime", "pathlib"} <= found
    # Its own modules and its fallbacks for older Pythons are not the standard library's needs.
    assert not {m for m in found if m.startswith("houserules_checker")}
    assert "sre_parse" not in found


def test_a_module_left_off_the_list_is_named(listed):
    without = StdlibList([m for m in listed.zipped if m not in ("difflib", "json.decoder")], listed.frozen,
                         listed.builtin)
    assert {"difflib", "json.decoder"} <= set(uncovered(FULL, PACKAGE, without))
    # A module that Pyodide has nowhere (neither in its zip nor built in) is named too.
    no_math = StdlibList(listed.zipped, listed.frozen, [m for m in listed.builtin if m != "math"])
    assert "math" in uncovered(FULL, PACKAGE, no_math)


def test_the_list_is_as_the_trace_writes_it_and_every_module_is_pyodides(listed):
    text = LISTED.read_text(encoding="utf-8")
    header = "\n".join(line[2:] if line.startswith("# ") else line[1:]
                       for line in text.split("\n\n[zip]", 1)[0].splitlines())
    assert listed.text(header) == text
    with zipfile.ZipFile(FULL) as full:
        names = {i.filename for i in full.infolist()}
    files_for(names, listed.zipped)  # raises for a module not in Pyodide's zip
    # What Pyodide's own start needs, which no scan of the engine finds.
    assert {"_pyodide._importhook", "pyodide.webloop", "pyodide._package_loader", "encodings.utf_8"} <= \
        set(listed.zipped)


def test_the_trimmed_zip_holds_the_listed_modules_and_is_the_same_bytes_every_time(listed):
    data = trimmed(FULL, listed.zipped)
    assert trimmed(FULL, listed.zipped) == data
    assert trimmed_name(data).startswith("stdlib-") and trimmed_name(data) == trimmed_name(bytes(data))
    with zipfile.ZipFile(io.BytesIO(data)) as zip_, zipfile.ZipFile(FULL) as full:
        infos = zip_.infolist()
        names = [i.filename for i in infos]
        assert names == sorted(names) == files_for({i.filename for i in full.infolist()}, listed.zipped)
        assert {(i.date_time, i.compress_type, i.external_attr) for i in infos} == \
            {(TIMESTAMP, zipfile.ZIP_STORED, 0o644 << 16)}
        for name in names:
            assert zip_.read(name) == full.read(name)
    assert len(data) < FULL.stat().st_size * 1.5 and len(names) < len(full.namelist()) / 3


def test_a_package_comes_with_its_init():
    names = {"a/__init__.py", "a/b/__init__.py", "a/b/c.py", "d.py"}
    assert files_for(names, ["a.b.c", "d"]) == ["a/__init__.py", "a/b/__init__.py", "a/b/c.py", "d.py"]
    with pytest.raises(ValueError, match="make stdlib-list"):
        files_for(names, ["a.x"])


def test_what_an_import_statement_brings_in():
    source = """
import os, json.decoder as jd
from . import sibling
from .. import uncle
from .mod import thing
try:
    import _fast
except ImportError:
    import _slow
if TYPE_CHECKING:
    import typing_only
if sys.platform == "win32":
    import nt_only
class K:
    import in_class
def f():
    import in_function
"""
    always = imports(source, "pkg.sub.mod", is_package=False)
    assert always == {"os", "json.decoder", "pkg.sub", "pkg.sub.sibling", "pkg", "pkg.uncle", "pkg.sub.mod",
                      "pkg.sub.mod.thing", "_fast", "in_class"}
    anywhere = imports(source, "pkg.sub.mod", is_package=False, everywhere=True)
    assert anywhere == always | {"nt_only", "in_function"}
    assert imports("from . import x", "pkg", is_package=True) == {"pkg", "pkg.x"}
    assert imports("from a import b", submodules=False) == {"a"}


def test_the_closure_follows_what_importing_a_module_always_imports():
    modules = closure(FULL, {"json"})
    assert {"json", "json.decoder", "json.scanner", "json.encoder", "re", "re._parser"} <= modules
    assert "asyncio" not in modules
    assert closure(FULL, {"unicodedata", "no_such_module"}) == set()


def test_a_list_in_the_wrong_shape_is_refused(tmp_path):
    path = tmp_path / LIST_NAME
    path.write_text("json\n", encoding="utf-8")
    with pytest.raises(ValueError, match="under a section"):
        StdlibList.read(path)
    path.write_text("[zip]\njson\n[elsewhere]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown section"):
        StdlibList.read(path)
    path.write_text("# a comment\n[zip]\njson  # the engine's\nre\n[builtin]\nmath\n", encoding="utf-8")
    read = StdlibList.read(path)
    assert (read.zipped, read.frozen, read.builtin) == (["json", "re"], [], ["math"])


def test_a_module_compiled_ahead_runs_as_its_source_less_its_docstrings_and_line_numbers():
    """bytecode.py, run here on CPython's own Python as set-up runs it on Pyodide's."""
    source = (b'"""Module doc."""\n\ndef f(x):\n    """Doc."""\n    assert x > 0, "x must be positive"\n'
              b'    return x * 2\n\nclass C:\n    """Doc."""\n\nclass D:\n    "Only a doc."\n')
    pyc = bytecode.compiled(source, "m.py")
    assert pyc[:4] == importlib.util.MAGIC_NUMBER and int.from_bytes(pyc[4:8], "little") == 0b01  # hash, unchecked
    namespace: dict = {}
    exec(marshal.loads(pyc[16:]), namespace)
    assert namespace["f"](2) == 4
    with pytest.raises(AssertionError, match="x must be positive"):  # asserts stay
        namespace["f"](0)
    assert namespace.get("__doc__") is None and namespace["f"].__doc__ is None and namespace["C"].__doc__ is None
    assert list(namespace["f"].__code__.co_lines()) == [] or all(line is None for *_, line in
                                                                 namespace["f"].__code__.co_lines())
    assert bytecode.compiled(source, "m.py") == pyc
