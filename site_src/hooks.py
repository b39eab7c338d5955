"""MkDocs hooks every council site is built with."""

import re

from mkdocs.plugins import event_priority

from houserules.theme_cache import share


# First of every plugin's: the search plugin's own on_config loads Material's
# language templates, and before the share they were compiled afresh twice a
# site (a tenth of a site's build: tests/benchmarks/bench_build.py, CPU
# seconds a council).
@event_priority(100)
def on_config(config):
    # Material's templates compiled once a process, not once a site (houserules.theme_cache).
    share(config.theme)
    return config


def on_files(files, config):
    """Leave out what Material ships that no page of these sites loads: about
    two thirds of a site's size besides the checker's runtime. Source maps
    are read only by a developer's tools. Search in English needs no lunr
    language file: the worker loads one only for another language. Dropped
    here, before MkDocs copies them, not removed after."""
    search = config.plugins.get("material/search")
    no_lunr = search is not None and set(search.config.lang or ["en"]) <= {"en"}
    for file in list(files):
        uri = file.src_uri
        if not uri.startswith("assets/"):
            continue
        if (uri.endswith(".map") and uri.count("/") >= 2) or (no_lunr and uri.startswith("assets/javascripts/lunr/")):
            files.remove(file)
    return files


# Tab labels (pymdownx.tabbed) are written with nothing between them, so the
# search index read "Would break this ruleWould not break it" and showed
# that in its results. A line break between two labels is nothing on the
# page (they are flex items); Zensical, which runs no hooks, indexes its own way.
_LABELS = re.compile(r'<div class="tabbed-labels">.*?</div>', re.S)


def on_page_content(html, page, config, files):
    return _LABELS.sub(lambda labels: labels.group(0).replace("</label><label", "</label>\n<label"), html)
