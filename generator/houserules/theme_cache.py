"""What one process building many MkDocs sites need not do again for each:
compile the theme's templates, and list the installed theme's files.

MkDocs makes a new Jinja environment for every site it builds, so Material's
templates were compiled afresh twenty times a build (about 35% of its CPU),
and the 14,000 files of the installed theme listed twenty times (about 15%).
Both are the same for every site: compiled code is kept by the template's
own checksum (a changed template is compiled again), and only the installed
packages' folders are listed once; the project's overrides are listed every
time, as a preview server may see them change. Output is byte for byte the
same (`make bench`: tests/benchmarks/bench_build.py, "build" figures).

The listing leaves out the installed theme's hidden folders: Material's
14,000 icons, which MkDocs, the one caller, then drops again one name at a
time (its patterns `.*` and `*/.*`) for every site, at about a quarter of a
site's build (bench_build.py, CPU seconds a council). Templates still load
icons from there by name; only the listing is shorter.

Before any hook runs, MkDocs reads each site's configuration (`before_config`):
the list of installed themes is kept for the process, where MkDocs cleared
it and scanned every installed package's entry points again for each site;
and the YAML is read by libyaml where PyYAML has it, not by PyYAML's pure-
Python parser. The two were 3% and 8% of a build's CPU (bench_build.py, CPU
a council); the configuration read is the same.

The hook file MkDocs loads (site_src/hooks.py) is run afresh for each site,
so what is kept lives here, in a module imported once per process.
"""

from __future__ import annotations

from pathlib import Path

import jinja2


class _Compiled(jinja2.BytecodeCache):
    """Compiled templates, in memory, for the life of the process."""

    def __init__(self) -> None:
        self._kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._kept.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored by Jinja when the source's checksum differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._kept[bucket.key] = bucket.bytecode_to_string()


def _installed() -> tuple[Path, ...]:
    import material
    import mkdocs
    return tuple(Path(m.__path__[0]).resolve() for m in (material, mkdocs))  # packages: a folder each


class _ListedOnce(jinja2.FileSystemLoader):
    """A theme loader whose installed folders are listed once a process."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for folder in self.searchpath:
            if any(Path(folder).resolve().is_relative_to(p) for p in _INSTALLED):
                if folder not in _LISTED:
                    _LISTED[folder] = [name for name in jinja2.FileSystemLoader(folder).list_templates()
                                       if not _hidden(name)]
                found.update(_LISTED[folder])
            else:
                found.update(jinja2.FileSystemLoader(folder).list_templates())
        return sorted(found)


def _hidden(name: str) -> bool:
    return any(part.startswith(".") for part in name.split("/"))


_COMPILED = _Compiled()
_LISTED: dict[str, list[str]] = {}
_INSTALLED = _installed()


def share(theme) -> None:
    """Make every environment `theme` gives share what this process kept."""
    make = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make()
        env.loader = _ListedOnce(env.loader.searchpath)
        env.bytecode_cache = _COMPILED
        return env

    theme.get_env = get_env


class _ThemesListedOnce:
    """mkdocs.utils.get_themes, which MkDocs clears (cache_clear) before it
    loads each theme: the installed themes do not change while a process
    builds, so they are listed once."""

    def __init__(self, listing) -> None:
        self._listing = listing
        self._found = None

    def __call__(self):
        if self._found is None:
            self._found = self._listing()
        return self._found

    def cache_clear(self) -> None:
        pass


def before_config() -> None:
    """Once a process, before MkDocs loads its first configuration."""
    import mkdocs.utils
    import yaml
    from mkdocs.config import defaults
    from mkdocs.utils import yaml as mkdocs_yaml

    if isinstance(mkdocs.utils.get_themes, _ThemesListedOnce):
        return
    mkdocs.utils.get_themes = _ThemesListedOnce(mkdocs.utils.get_themes)  # type: ignore[assignment]
    libyaml = getattr(yaml, "CLoader", None)  # PyYAML without libyaml has none
    if libyaml is None:
        return
    make = mkdocs_yaml.get_yaml_loader

    def get_yaml_loader(loader=yaml.Loader, config=None):
        # MkDocs' default, yaml.Loader, is CLoader's pure-Python twin (the same constructor and resolver).
        return make(libyaml if loader is yaml.Loader else loader, config)

    mkdocs_yaml.get_yaml_loader = defaults.get_yaml_loader = get_yaml_loader  # type: ignore[assignment]
