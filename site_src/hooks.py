"""MkDocs hooks every council site is built with."""

import shutil
from pathlib import Path

from houserules.theme_cache import share


def on_config(config):
    # Material's templates compiled once a process, not once a site (houserules.theme_cache).
    share(config.theme)
    return config


def on_post_build(config):
    """Leave out what Material ships that no page of these sites loads: about
    two thirds of a site's size besides the checker's runtime. Source maps
    are read only by a developer's tools. Search in English needs no lunr
    language file: the worker loads one only for another language."""
    assets = Path(config.site_dir) / "assets"
    for source_map in sorted(assets.glob("*/**/*.map")):
        source_map.unlink()
    search = config.plugins.get("material/search")
    if search is not None and set(search.config.lang or ["en"]) <= {"en"}:
        shutil.rmtree(assets / "javascripts" / "lunr", ignore_errors=True)
