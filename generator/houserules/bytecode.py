"""The standard library zip the checker's page serves, compiled ahead: each
module as Pyodide's own bytecode (.pyc) in place of its source.

Starting Pyodide compiled every module it imported from source, in
WebAssembly: loadPyodide took 1.3-1.5 s of a warm start in Chromium, and
0.4-0.6 s with the modules compiled ahead (tests/benchmarks/bench_widget.py,
"runtime" stage). Compiled as they are, the modules weigh more than their
source (921 KB against 506 KB with Brotli), so what only people read is left
out: docstrings, and the table of line numbers (a traceback through the
standard library names no line). With both out, 485 KB. Asserts stay, and so
does every docstring and line of the engine itself (its wheel is source).

Run by set-up inside the pinned Pyodide (checker_assets.py, through
widget/tools/run_in_pyodide.mjs), as only Pyodide's Python writes the
bytecode its Python reads; it reads /input and writes /output there. Each
.pyc is hash-based and unchecked (no source beside it to check), so the zip
is the same bytes from the same source every time.
"""

from __future__ import annotations

import ast
import importlib.util
import io
import types
import zipfile
# The header py_compile writes for --invalidation-mode unchecked-hash; py_compile
# itself compiles a file as it is, and here the docstrings and lines go first.
from importlib._bootstrap_external import _code_to_hash_pyc  # type: ignore[attr-defined]

_HAS_DOCSTRING = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def _without_docstrings(tree: ast.Module) -> ast.Module:
    for node in ast.walk(tree):
        if isinstance(node, _HAS_DOCSTRING) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                node.body[0:1] = [] if len(node.body) > 1 else [ast.copy_location(ast.Pass(), first)]
    return tree


def _without_line_numbers(code: types.CodeType) -> types.CodeType:
    consts = tuple(_without_line_numbers(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_consts=consts, co_linetable=b"")


def compiled(source: bytes, filename: str) -> bytes:
    """One module's .pyc, for the Python this runs in."""
    tree = _without_docstrings(ast.parse(source, filename))
    code = _without_line_numbers(compile(tree, filename, "exec", dont_inherit=True))
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))


def compiled_name(name: str) -> str:
    """What a file of the zip is called once compiled: a module's .py its .pyc."""
    return name + "c" if name.endswith(".py") else name


def compiled_zip(data: bytes) -> bytes:
    """The zip with each .py compiled to a .pyc of the same name, entries in
    the same order with the same dates and permissions; other files as they are."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as out:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename.endswith(".py"):
                body = compiled(body, info.filename)
                renamed = zipfile.ZipInfo(compiled_name(info.filename), date_time=info.date_time)
                renamed.create_system, renamed.external_attr = info.create_system, info.external_attr
                info = renamed
            info.compress_type = zipfile.ZIP_STORED
            out.writestr(info, body)
    return buffer.getvalue()


if __name__ == "__main__":  # in Pyodide, run by set-up
    with open("/input", "rb") as given, open("/output", "wb") as written:
        written.write(compiled_zip(given.read()))
