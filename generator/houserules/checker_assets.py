"""What the comment checker needs on every council site, all served by the
site itself: the pinned Pyodide runtime, the part of Python's standard library
the checker uses, the engine as a wheel with a lock file that carries its
hash, and the council's rule pack.

    assets/pyodide/<pyodide version>/   pyodide.mjs, pyodide.asm.mjs, pyodide.asm.wasm, stdlib-<hash>.zip,
                                        each with its .br and .gz
                                        (at the council's own address; its versions, vN/, use that copy)
    assets/checker/<wheel hash>/        houserules_checker-<v>-py3-none-any.whl (.br, .gz), pyodide-lock.json
    assets/checker/rules/<slug>.json    the council's rules, for the checker

The runtime comes from the npm package `pyodide` (widget/package-lock.json
pins it) and is never changed, but for one default address (CDN_DEFAULT).
Its python_stdlib.zip is not served: set-up writes the modules the checker
needs (widget/stdlib.txt, stdlib.py) into a zip of their own, named by its
content, which the page gives Pyodide as its `stdLibURL`.
Its own pyodide-lock.json lists Pyodide's packages, none of which the
checker uses; ours lists only the engine's wheel with its sha256, so
the page (checker.js, which fetches the wheel with that hash as its
Subresource Integrity) refuses a wheel that is not the one built.
Folders are named by version and by hash so a browser's cache never mixes
one build's files with another's.

Each large file is served compressed: set-up writes a Brotli (`.br`) and a
gzip (`.gz`) copy beside each runtime file, and the build beside the wheel,
for a server to send to a browser that accepts them (`houserules serve`
does; the README gives nginx's and Apache's lines). Both are the same bytes
from the same file: Brotli's highest quality, gzip's with no time or name.
Brotli at its highest quality takes about a minute for the WebAssembly, so
set-up compresses a file only when its copies are missing or are not of it.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import brotli

from .bytecode import compiled_name
from .errors import HouserulesError
from .load import Policy
from .rulepack import build_rulepack, dumps
from .stdlib import FULL_NAME, LIST_NAME, StdlibList, trimmed, trimmed_name
from .wheel import NAME, PACKAGE, build_wheel, version

# Served as the package has them (pyodide.mjs with its default rewritten, below).
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
# Written beside each large file served; a server sends one to a browser that accepts it.
ENCODINGS = {".br": "br", ".gz": "gzip"}
# Pyodide's module names its CDN once: the address packages come from when a
# page gives no packageBaseUrl. The checker's page always gives one, so the
# default is never used; set-up (`make setup`) still rewrites it to the
# runtime's own folder, so that nothing in the tree or on a site names a
# third party. The text is that of the pinned version (widget/package.json).
CDN_DEFAULT = "e.cdnUrl=k(e.packageBaseUrl??`https://cdn.jsdelivr.net/pyodide/v${U}/full/`)"
OWN_DEFAULT = "e.cdnUrl=k(e.packageBaseUrl??t)"  # t: the runtime's own folder (indexURL), just worked out


class AssetError(HouserulesError):
    pass


def compress(data: bytes, encoding: str) -> bytes:
    """The same bytes every time from the same data."""
    if encoding == "br":
        return brotli.compress(data, quality=11)
    return gzip.compress(data, compresslevel=9, mtime=0)


def decompress(data: bytes, encoding: str) -> bytes:
    return brotli.decompress(data) if encoding == "br" else gzip.decompress(data)


@functools.lru_cache(maxsize=4)
def _compressed(data: bytes) -> dict[str, bytes]:
    """The wheel's compressed copies, made once per wheel by a process that builds many times."""
    return {suffix: compress(data, encoding) for suffix, encoding in ENCODINGS.items()}


@dataclass(frozen=True)
class CheckerAssets:
    pyodide_dir: Path
    pyodide_version: str
    stdlib_name: str
    wheel_name: str
    wheel: bytes
    lock: str

    @property
    def wheel_dir(self) -> str:
        return hashlib.sha256(self.wheel).hexdigest()[:12]

    @property
    def runtime_files(self) -> tuple[str, ...]:
        """The runtime's files as a site serves them, each with its compressed copies."""
        return tuple(name + suffix for name in (*RUNTIME_FILES, self.stdlib_name) for suffix in ("", *ENCODINGS))

    def paths(self, slug: str, edition: str = "") -> dict:
        """Where the page finds each part, from the site's root. The runtime
        is kept at the council's own address only: a published version (its
        `vN/` one level below) uses that copy, so a reader who moves between
        versions downloads the runtime once."""
        runtime = f"assets/pyodide/{self.pyodide_version}/"
        return {
            "pyodide": f"../{runtime}" if edition else runtime,
            "stdlib": f"../{runtime}{self.stdlib_name}" if edition else f"{runtime}{self.stdlib_name}",
            "lock": f"assets/checker/{self.wheel_dir}/pyodide-lock.json",
            "package": NAME,
            "module": PACKAGE,
            "rules": f"assets/checker/rules/{slug}.json",
        }

    def write_into(self, assets: Path, policy: Policy, slug: str, policy_version: str | None = None,
                   language: str = "en") -> None:
        """The small files, written into a site's docs/assets before MkDocs runs."""
        folder = assets / "checker" / self.wheel_dir
        folder.mkdir(parents=True, exist_ok=True)
        (folder / self.wheel_name).write_bytes(self.wheel)
        for suffix, data in _compressed(self.wheel).items():
            (folder / (self.wheel_name + suffix)).write_bytes(data)
        (folder / "pyodide-lock.json").write_text(self.lock, encoding="utf-8")
        rules = assets / "checker" / "rules"
        rules.mkdir(parents=True, exist_ok=True)
        (rules / f"{slug}.json").write_text(dumps(build_rulepack(policy, slug, policy_version, language)) + "\n",
                                            encoding="utf-8")

    def link_runtime(self, site: Path) -> None:
        """The runtime (21 MB with its compressed copies), put into a built
        site after MkDocs: hard links where the file system allows, so many
        sites cost no extra space."""
        target = site / "assets" / "pyodide" / self.pyodide_version
        target.mkdir(parents=True, exist_ok=True)
        for name in self.runtime_files:
            source, dest = self.pyodide_dir / name, target / name
            try:
                os.link(source, dest)
            except OSError:
                shutil.copyfile(source, dest)


def keep_local(pyodide_dir: Path) -> None:
    """Rewrite the module's CDN default to the runtime's own folder (a second
    run finds it done)."""
    module = pyodide_dir / "pyodide.mjs"
    text = module.read_text(encoding="utf-8")
    if OWN_DEFAULT in text:
        return
    if text.count(CDN_DEFAULT) != 1:
        raise AssetError(f"{module}: Pyodide's default package address is not the one this set-up knows "
                         "how to rewrite; check what the pinned version loads before serving it")
    module.write_text(text.replace(CDN_DEFAULT, OWN_DEFAULT), encoding="utf-8")


def write_stdlib(pyodide_dir: Path, listed: Path) -> str:
    """Write the zip of the standard library the checker needs (stdlib.py)
    beside Pyodide's own, and remove any earlier one; its name."""
    source = _stdlib(pyodide_dir, listed)
    name = _stdlib_name(source)
    for old in pyodide_dir.glob("stdlib-*.zip*"):
        if not old.name.startswith(name):
            old.unlink()
    path = pyodide_dir / name
    if not _holds_compiled(path, source):
        _write(path, _compiled(pyodide_dir, source))
    return name


def _holds_compiled(path: Path, source: bytes) -> bool:
    """Whether the file is a whole zip of the source's modules compiled: named
    by what it is made from, it is not compiled again (about 4 s) to compare."""
    try:
        with zipfile.ZipFile(path) as compiled, zipfile.ZipFile(io.BytesIO(source)) as listed:
            return compiled.testzip() is None and \
                compiled.namelist() == [compiled_name(n) for n in listed.namelist()]
    except (OSError, zipfile.BadZipFile):
        return False


def precompress(path: Path, say=lambda message: None) -> None:
    """Write path.br and path.gz unless they are there and hold path's bytes."""
    data = path.read_bytes()
    for suffix, encoding in ENCODINGS.items():
        copy = path.with_name(path.name + suffix)
        try:
            if decompress(copy.read_bytes(), encoding) == data:
                continue
        except Exception:  # missing, cut short, not of this encoding: written again
            pass
        say(f"compressing {path.name} ({encoding}{', about a minute' if encoding == 'br' and len(data) > 4e6 else ''})")
        _write(copy, compress(data, encoding))


def set_up(pyodide_dir: Path, listed: Path) -> None:
    """What `make setup` does to the installed runtime (a second run finds it done)."""
    keep_local(pyodide_dir)
    name = write_stdlib(pyodide_dir, listed)
    for served in (*RUNTIME_FILES, name):
        precompress(pyodide_dir / served, say=lambda message: print(message, file=sys.stderr, flush=True))


def _write(path: Path, data: bytes) -> None:
    """Whole or not at all: a build linking the runtime meanwhile never sees half a file."""
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as out:
        out.write(data)
    os.chmod(out.name, 0o644)
    os.replace(out.name, path)


# Runs bytecode.py in the pinned Pyodide: only its Python writes the bytecode its Python reads.
RUN_IN_PYODIDE = Path(__file__).resolve().parents[2] / "widget" / "tools" / "run_in_pyodide.mjs"
BYTECODE = Path(__file__).with_name("bytecode.py")


def _stdlib(pyodide_dir: Path, listed: Path) -> bytes:
    """The listed modules' source, as Pyodide's zip holds them."""
    try:
        return trimmed(pyodide_dir / FULL_NAME, StdlibList.read(listed).zipped)
    except (OSError, ValueError) as exc:
        raise AssetError(f"the standard library the checker needs: {exc}") from None


def _stdlib_name(source: bytes) -> str:
    """Named by what it is made from, the listed modules' source and the
    script that compiles them: a build knows the name without compiling
    (which takes Node.js about 4 s), and a change to either names a new zip."""
    return trimmed_name(source + BYTECODE.read_bytes())


def _compiled(pyodide_dir: Path, data: bytes) -> bytes:
    """The trimmed zip with its modules compiled ahead (bytecode.py says why)."""
    node = shutil.which("node")
    if node is None:
        raise AssetError("Node.js is needed at set-up, to compile the checker's standard library in Pyodide: "
                         "install it (Debian: apt install nodejs npm), then run `make setup` again")
    with tempfile.TemporaryDirectory() as work:
        given, written = Path(work) / "trimmed.zip", Path(work) / "compiled.zip"
        given.write_bytes(data)
        run = subprocess.run([node, str(RUN_IN_PYODIDE), str(pyodide_dir), str(BYTECODE),
                              str(given), str(written)], capture_output=True, text=True)
        if run.returncode != 0 or not written.is_file():
            raise AssetError("compiling the checker's standard library in Pyodide failed: "
                             + (run.stderr.strip()[-800:] or f"exit code {run.returncode}"))
        return written.read_bytes()


def engine(project_root: Path, pyodide_dir: Path) -> tuple[str, bytes, str]:
    """The engine's wheel (name, bytes), and the lock file that names it with its hash."""
    package_dir = project_root / "widget" / PACKAGE
    wheel_name, wheel = build_wheel(package_dir)
    info = json.loads((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    lock = {
        "info": info,
        "packages": {NAME: {
            "name": NAME, "version": version(package_dir), "file_name": wheel_name, "install_dir": "site",
            "sha256": hashlib.sha256(wheel).hexdigest(), "package_type": "package", "imports": [PACKAGE],
            "depends": [], "unvendored_tests": False, "shared_library": False,
        }},
    }
    return wheel_name, wheel, json.dumps(lock, indent=1, sort_keys=True) + "\n"


def prepare(project_root: Path) -> CheckerAssets:
    pyodide_dir = project_root / "widget" / "node_modules" / "pyodide"
    shown = pyodide_dir.relative_to(project_root)
    missing = [n for n in (*RUNTIME_FILES, FULL_NAME, "pyodide-lock.json", "package.json")
               if not (pyodide_dir / n).is_file()]
    if missing:
        raise AssetError(f"{shown}: missing {', '.join(missing)}; "
                         "install the pinned Pyodide runtime with `make setup` (npm ci --prefix widget)")
    installed = json.loads((pyodide_dir / "package.json").read_text(encoding="utf-8"))["version"]
    widget_package = json.loads((project_root / "widget" / "package.json").read_text(encoding="utf-8"))
    pinned = widget_package["dependencies"]["pyodide"]
    if installed != pinned:
        raise AssetError(f"widget/node_modules/pyodide is {installed}, but widget/package.json pins {pinned}; "
                         "run `make setup` (npm ci --prefix widget)")
    if OWN_DEFAULT not in (pyodide_dir / "pyodide.mjs").read_text(encoding="utf-8"):
        raise AssetError(f"{shown}/pyodide.mjs still names Pyodide's CDN as its "
                         "default package address; run `make setup`, which rewrites it to the site's own")
    stdlib_name = _stdlib_name(_stdlib(pyodide_dir, project_root / "widget" / LIST_NAME))
    if not (pyodide_dir / stdlib_name).is_file():
        raise AssetError(f"{shown}: no {stdlib_name}, the standard library widget/{LIST_NAME} lists; "
                         "run `make setup`, which writes it")
    for name in (*RUNTIME_FILES, stdlib_name):
        made = (pyodide_dir / name).stat().st_mtime_ns
        stale = [name + suffix for suffix in ENCODINGS if not (pyodide_dir / (name + suffix)).is_file()
                 or (pyodide_dir / (name + suffix)).stat().st_mtime_ns < made]
        if stale:
            raise AssetError(f"{shown}: {', '.join(stale)} missing or older than {name}; "
                             "run `make setup`, which compresses the runtime")
    wheel_name, wheel, lock = engine(project_root, pyodide_dir)
    return CheckerAssets(pyodide_dir, installed, stdlib_name, wheel_name, wheel, lock)


# make setup: python -m houserules.checker_assets widget/node_modules/pyodide widget/stdlib.txt
if __name__ == "__main__":
    runtime = Path(sys.argv[1])
    try:
        set_up(runtime, Path(sys.argv[2]) if len(sys.argv) > 2 else runtime.parents[1] / LIST_NAME)
    except AssetError as exc:
        sys.exit(f"error: {exc}")
