"""The part of Python's standard library the checker needs in the browser, as
one small zip the page gives Pyodide in place of its python_stdlib.zip.

Pyodide's python_stdlib.zip holds 614 files (2.5 MB, most of it the same
over the wire); starting Pyodide and running a check imports about a quarter
of them. Which ones is written down in widget/stdlib.txt, one module a line:

- [zip] every module that was imported from python_stdlib.zip while the
  pinned Pyodide started in Chromium, exactly as the checker's page starts it
  (Pyodide's own bootstrap imports asyncio, its import hook, its
  package loader and what they need), installed the engine's wheel, checked
  every example of every rule of the catalogue on a staff page, and failed
  (a Python error handed back to JavaScript: what Pyodide imports to word it);
- [frozen] the modules Pyodide runs from copies frozen into its WebAssembly
  (os, io, codecs, ...), which it never reads from the zip;
- [builtin] the modules built into it (math, unicodedata, _json, ...).

The list is committed, and made again by `make stdlib-list`
(tests/benchmarks/trace_stdlib.py); tests/test_stdlib.py fails when a module
the checker imports, or one that such a module always imports, is on neither
list, and the browser tests check every rule's examples against the zip.

Set-up (`make setup`, checker_assets.py) writes the zip from the pinned
package's own python_stdlib.zip, the same bytes every time: the listed
modules' files in sorted order, one fixed timestamp and permissions, stored
rather than deflated (the server sends it compressed as a whole, which
compresses far better than file by file); then compiles each module ahead,
in Pyodide (bytecode.py).
"""

from __future__ import annotations

import ast
import hashlib
import io
import zipfile
from pathlib import Path

from .wheel import TIMESTAMP

LIST_NAME = "stdlib.txt"  # in widget/
FULL_NAME = "python_stdlib.zip"  # Pyodide's, in its package
SECTIONS = ("zip", "frozen", "builtin")
# Names a package gives a frozen module when it is imported, so they are
# never read from the zip: importlib's bootstrap (importlib/__init__.py),
# collections.abc (collections/__init__.py; 3.14 has no collections/abc.py).
ALIASES = {"importlib._bootstrap": "_frozen_importlib",
           "importlib._bootstrap_external": "_frozen_importlib_external",
           "collections.abc": "_collections_abc"}


class StdlibList:
    """widget/stdlib.txt: the modules read from the zip, and those Pyodide has frozen or built in."""

    def __init__(self, zipped: list[str], frozen: list[str], builtin: list[str]):
        self.zipped = sorted(set(zipped))
        self.frozen = sorted(set(frozen))
        self.builtin = sorted(set(builtin))

    @classmethod
    def read(cls, path: Path) -> StdlibList:
        sections: dict[str, list[str]] = {name: [] for name in SECTIONS}
        current = None
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("[") and line.endswith("]"):
                current = line[1:-1]
                if current not in sections:
                    raise ValueError(f"{path}:{n}: unknown section {line}; the sections are "
                                     + ", ".join(f"[{s}]" for s in SECTIONS))
                continue
            if current is None or not all(part.isidentifier() for part in line.split(".")):
                raise ValueError(f"{path}:{n}: not a module name under a section: {raw!r}")
            sections[current].append(line)
        return cls(sections["zip"], sections["frozen"], sections["builtin"])

    def covers(self) -> set[str]:
        """Every module Pyodide can import with the trimmed zip (of those in
        its full one): the zip's, the frozen ones, and their aliases."""
        frozen = set(self.frozen)
        return {*self.zipped, *frozen, *(name for name, target in ALIASES.items() if target in frozen)}

    def text(self, header: str) -> str:
        lines = [f"# {line}".rstrip() for line in header.splitlines()]
        for name, modules in (("zip", self.zipped), ("frozen", self.frozen), ("builtin", self.builtin)):
            lines += ["", f"[{name}]", *modules]
        return "\n".join(lines) + "\n"


def module_file(names: set[str], module: str) -> str | None:
    """The file that holds `module` in a zip whose names are `names`."""
    path = module.replace(".", "/")
    for candidate in (f"{path}.py", f"{path}/__init__.py"):
        if candidate in names:
            return candidate
    return None


def files_for(names: set[str], modules: list[str]) -> list[str]:
    """Every file the modules need: each one's own, and its packages' __init__.py."""
    files = set()
    for module in modules:
        parts = module.split(".")
        for n in range(1, len(parts) + 1):
            found = module_file(names, ".".join(parts[:n]))
            if found is None:
                raise ValueError(f"{module}: not in the standard library zip (as {'.'.join(parts[:n])}); "
                                 f"make the list again with `make stdlib-list`")
            files.add(found)
    return sorted(files)


def trimmed(full: Path, modules: list[str]) -> bytes:
    """The zip of `modules` taken from Pyodide's full standard library zip."""
    with zipfile.ZipFile(full) as source:
        names = {i.filename for i in source.infolist()}
        files = {name: source.read(name) for name in files_for(names, modules)}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=TIMESTAMP)
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            out.writestr(info, data)
    return buffer.getvalue()


def trimmed_name(data: bytes) -> str:
    """Named by its content: the runtime's folder is cached for good, and the
    zip changes whenever the list does, within one Pyodide version."""
    return f"stdlib-{hashlib.sha256(data).hexdigest()[:12]}.zip"


# --- what a module imports -----------------------------------------------------

def _absolute(module: str, is_package: bool, level: int, name: str | None) -> str:
    if not level:
        return name or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[:len(base) - (level - 1)] if level > 1 else base
    return ".".join([*base, name] if name else base)


def _fallback(handler: ast.ExceptHandler) -> bool:
    """An `except ImportError:` (or ModuleNotFoundError): what runs when a module is not there."""
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(n, ast.Name) and n.id in ("ImportError", "ModuleNotFoundError") for n in names)


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports(source: str | bytes, module: str = "", is_package: bool = False, *,
            everywhere: bool = False, submodules: bool = True) -> set[str]:
    """The modules `module`'s source imports: each name an import statement
    gives, and with `submodules`, for `from X import Y`, X.Y too (Y may be a
    submodule; the caller keeps only names that are modules).

    everywhere=False: only what importing the module always runs (its top
    level, class bodies, `with` and `try` bodies), not function bodies,
    either branch of an `if`, or an `except` handler. everywhere=True: every
    import statement but those under `if TYPE_CHECKING:`, which never run, and
    those of an `except ImportError:`, which run only when a module is not
    there (a fallback for another Python: `sre_parse` where `re._parser` is
    missing).
    """
    found: set[str] = set()

    def visit(nodes):
        for node in nodes:
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = _absolute(module, is_package, node.level, node.module)
                if base:
                    found.add(base)
                    if submodules:
                        found.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
            elif isinstance(node, ast.If):
                if _type_checking(node.test):
                    visit(node.orelse) if everywhere else None
                elif everywhere:
                    visit(node.body)
                    visit(node.orelse)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if everywhere:
                    visit(node.body)
            elif isinstance(node, ast.ClassDef):
                visit(node.body)
            elif isinstance(node, (ast.With, ast.AsyncWith)):
                visit(node.body)
            elif isinstance(node, (ast.Try, getattr(ast, "TryStar", ast.Try))):
                visit(node.body)
                visit(node.orelse)
                visit(node.finalbody)
                if everywhere:
                    for handler in node.handlers:
                        if not _fallback(handler):
                            visit(handler.body)
            elif everywhere and isinstance(node, (ast.For, ast.AsyncFor, ast.While, ast.Match)):
                for field in ("body", "orelse"):
                    visit(getattr(node, field, []))
                for case in getattr(node, "cases", []):
                    visit(case.body)

    visit(ast.parse(source).body)
    return found


def closure(full: Path, roots: set[str]) -> set[str]:
    """The modules of Pyodide's standard library zip that importing `roots`
    always imports (roots included, as far as they are in the zip), each
    module's packages with it. Source that is not this Python's syntax
    (the zip is Pyodide's Python, the tests may run an older one) is read
    for its imports line by line."""
    with zipfile.ZipFile(full) as source:
        names = {i.filename for i in source.infolist()}

        def file_of(module: str) -> str | None:
            return module_file(names, module)

        todo = [m for m in roots if file_of(m)]
        seen: set[str] = set()
        while todo:
            module = todo.pop()
            if module in seen:
                continue
            seen.add(module)
            parts = module.split(".")
            todo += [".".join(parts[:n]) for n in range(1, len(parts)) if file_of(".".join(parts[:n]))]
            path = file_of(module)
            assert path is not None  # only a module with a file is put on the list
            text = source.read(path)
            try:
                found = imports(text, module, path.endswith("/__init__.py"))
            except SyntaxError:
                found = _imports_by_line(text.decode("utf-8"), module, path.endswith("/__init__.py"))
            todo += [m for m in found if file_of(m) and m not in seen]
    return seen


def _imports_by_line(text: str, module: str, is_package: bool) -> set[str]:
    """imports() of each top-level import statement alone, for a module whose
    other syntax this Python cannot parse."""
    found: set[str] = set()
    for line in text.splitlines():
        if line.startswith(("import ", "from ")) and not line.rstrip().endswith(("(", "\\")):
            try:
                found |= imports(line, module, is_package)
            except SyntaxError:
                continue
    return found


# --- does the list cover the checker? ------------------------------------------

def package_imports(package_dir: Path, *, submodules: bool = True) -> set[str]:
    """Every module the package's source imports anywhere (imports(everywhere=True)),
    but its own."""
    found: set[str] = set()
    top = package_dir.name
    for path in sorted(package_dir.rglob("*.py")):
        parts = [top, *path.relative_to(package_dir).with_suffix("").parts]
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        found |= imports(path.read_bytes(), name, is_package, everywhere=True, submodules=submodules)
    return {m for m in found if m != top and not m.startswith(top + ".") and m != "__future__.annotations"}


def uncovered(full: Path, package_dir: Path, listed: StdlibList) -> list[str]:
    """What the package needs that Pyodide would not find with the trimmed zip:
    each module it imports that is neither in the full zip, nor frozen, nor
    built in; and each module of the full zip that importing them always
    imports (closure()) that the trimmed zip lacks. Empty when the list covers it."""
    with zipfile.ZipFile(full) as source:
        names = {i.filename for i in source.infolist()}
    known = listed.covers() | set(listed.builtin)
    missing = {m for m in package_imports(package_dir, submodules=False)
               if m not in known and module_file(names, m) is None}
    missing |= closure(full, package_imports(package_dir)) - listed.covers()
    return sorted(missing)
