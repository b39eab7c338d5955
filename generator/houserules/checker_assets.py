"""What the comment checker needs on every council site, all served by the
site itself: the pinned Pyodide runtime, the engine as a wheel with a lock
file that carries its hash, and the council's rule pack.

    assets/pyodide/<pyodide version>/   pyodide.mjs, pyodide.asm.mjs, pyodide.asm.wasm, python_stdlib.zip
                                        (at the council's own address; its versions, vN/, use that copy)
    assets/checker/<wheel hash>/        houserules_checker-<v>-py3-none-any.whl, pyodide-lock.json
    assets/checker/rules/<slug>.json    the council's rules, for the checker

The runtime comes from the npm package `pyodide` (widget/package-lock.json
pins it) and is never changed, but for one default address (CDN_DEFAULT).
Its own pyodide-lock.json lists Pyodide's packages, none of which the
checker uses; ours lists only the engine's wheel with its sha256, so `loadPackage` refuses a wheel that is not the one built.
Folders are named by version and by hash so a browser's cache never mixes
one build's files with another's.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .errors import HouserulesError
from .load import Policy
from .rulepack import build_rulepack, dumps
from .wheel import NAME, PACKAGE, build_wheel, version

RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# Pyodide's module names its CDN once: the address packages come from when a
# page gives no packageBaseUrl. The checker's page always gives one, so the
# default is never used; set-up (`make setup`) still rewrites it to the
# runtime's own folder, so that nothing in the tree or on a site names a
# third party. The text is that of the pinned version (widget/package.json).
CDN_DEFAULT = "e.cdnUrl=k(e.packageBaseUrl??`https://cdn.jsdelivr.net/pyodide/v${U}/full/`)"
OWN_DEFAULT = "e.cdnUrl=k(e.packageBaseUrl??t)"  # t: the runtime's own folder (indexURL), just worked out


class AssetError(HouserulesError):
    pass


@dataclass(frozen=True)
class CheckerAssets:
    pyodide_dir: Path
    pyodide_version: str
    wheel_name: str
    wheel: bytes
    lock: str

    @property
    def wheel_dir(self) -> str:
        return hashlib.sha256(self.wheel).hexdigest()[:12]

    def paths(self, slug: str, edition: str = "") -> dict:
        """Where the page finds each part, from the site's root. The runtime
        is kept at the council's own address only: a published version (its
        `vN/` one level below) uses that copy, so a reader who moves between
        versions downloads the runtime once."""
        runtime = f"assets/pyodide/{self.pyodide_version}/"
        return {
            "pyodide": f"../{runtime}" if edition else runtime,
            "lock": f"assets/checker/{self.wheel_dir}/pyodide-lock.json",
            "package": NAME,
            "module": PACKAGE,
            "rules": f"assets/checker/rules/{slug}.json",
        }

    def write_into(self, assets: Path, policy: Policy, slug: str, policy_version: str | None = None) -> None:
        """The small files, written into a site's docs/assets before MkDocs runs."""
        folder = assets / "checker" / self.wheel_dir
        folder.mkdir(parents=True, exist_ok=True)
        (folder / self.wheel_name).write_bytes(self.wheel)
        (folder / "pyodide-lock.json").write_text(self.lock, encoding="utf-8")
        rules = assets / "checker" / "rules"
        rules.mkdir(parents=True, exist_ok=True)
        (rules / f"{slug}.json").write_text(dumps(build_rulepack(policy, slug, policy_version)) + "\n",
                                            encoding="utf-8")

    def link_runtime(self, site: Path) -> None:
        """The runtime (13 MB), put into a built site after MkDocs: hard links
        where the file system allows, so many sites cost no extra space."""
        target = site / "assets" / "pyodide" / self.pyodide_version
        target.mkdir(parents=True, exist_ok=True)
        for name in RUNTIME_FILES:
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


def prepare(project_root: Path) -> CheckerAssets:
    pyodide_dir = project_root / "widget" / "node_modules" / "pyodide"
    missing = [n for n in (*RUNTIME_FILES, "pyodide-lock.json", "package.json") if not (pyodide_dir / n).is_file()]
    if missing:
        raise AssetError(f"{pyodide_dir.relative_to(project_root)}: missing {', '.join(missing)}; "
                         "install the pinned Pyodide runtime with `make setup` (npm ci --prefix widget)")
    installed = json.loads((pyodide_dir / "package.json").read_text(encoding="utf-8"))["version"]
    pinned = json.loads((project_root / "widget" / "package.json").read_text(encoding="utf-8"))["dependencies"]["pyodide"]
    if installed != pinned:
        raise AssetError(f"widget/node_modules/pyodide is {installed}, but widget/package.json pins {pinned}; "
                         "run `make setup` (npm ci --prefix widget)")
    if OWN_DEFAULT not in (pyodide_dir / "pyodide.mjs").read_text(encoding="utf-8"):
        raise AssetError(f"{pyodide_dir.relative_to(project_root)}/pyodide.mjs still names Pyodide's CDN as its "
                         "default package address; run `make setup`, which rewrites it to the site's own")
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
    return CheckerAssets(pyodide_dir, installed, wheel_name, wheel, json.dumps(lock, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":  # make setup: python -m houserules.checker_assets widget/node_modules/pyodide
    import sys

    try:
        keep_local(Path(sys.argv[1]))
    except AssetError as exc:
        sys.exit(f"error: {exc}")
