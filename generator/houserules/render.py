"""Render one resolved council view into a MkDocs project: Markdown pages
from the Jinja2 templates, plus a mkdocs.yml that inherits the shared base.
The same project builds with MkDocs + Material (the default) or with
Zensical (`houserules build --engine zensical`), which reads mkdocs.yml too."""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import jinja2
from houserules_checker import BREAKS, MAY_BREAK
from houserules_checker.kinds import KINDS

from . import wording
from .formats import Platform
from .resolve import PageContext, SiteView
from .schema import stated

TEMPLATES = Path(__file__).parent / "templates"

# Marks round each sentence a template writes itself, naming the settings it
# states, when pages are rendered for tracing (tests/test_traced_sentences.py):
# start, the settings, then the text, then the end.
TRACE_MARKS = ("\ue000", "\ue001", "\ue002")

def _signs(kinds, verdict: str) -> list[str]:
    """What the "Check a comment" page gives as examples of a verdict: only
    for the kinds of check the council's rules use (kinds.py), so a page
    promises only what its rules can do."""
    wanted = {"breaks": BREAKS, "may-break": MAY_BREAK}[verdict]
    return [kind.signs[wanted] for name, kind in KINDS.items() if name in kinds and wanted in kind.signs]


def _check_explained(check) -> str:
    """"Can the comment checker judge it?", for a rule's check (kinds.py)."""
    return KINDS[check.kind].explain(check)


def _capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def _oneline(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _quote_example(text: str) -> str:
    # Examples are residents' words, not Markdown: escape what Markdown would act on.
    escaped = re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", _oneline(text))
    return f"“{escaped}”"


def _shorturl(url: str) -> str:
    return re.sub(r"^https?://", "", url).rstrip("/")


def _linked(text: str, url: str) -> str | None:
    """The council's sentence with the address it names made a link, or
    None when the sentence does not name it (the link then goes beside it)."""
    text = _oneline(text)
    for shown in (url, _shorturl(url)):
        if shown and shown in text:
            before, _, after = text.partition(shown)
            return f"{before}[{shown}]({url}){after}"
    return None


def _platform_name(p: Platform) -> str:
    return p.name or {"twitter": "Twitter", "facebook": "Facebook", "youtube": "YouTube",
                      "instagram": "Instagram", "linkedin": "LinkedIn", "tiktok": "TikTok",
                      "nextdoor": "Nextdoor"}.get(p.platform, p.platform)


def _asserts(text: str, view: SiteView, *settings: str, trace: bool = False) -> str:
    """A sentence the template writes itself, stating `settings`: refused
    unless the council stated each of them (SiteView.require)."""
    view.require(*settings)
    if trace:
        start, middle, end = TRACE_MARKS
        return f"{start}{','.join(settings)}{middle}{text}{end}"
    return text


def _environment(trace: bool = False) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # Markdown output; council text is trusted Markdown by design
    )
    env.tests["stated"] = stated
    env.filters.update({
        "days": wording.days,
        "clock": wording.clock,
        "deadline": wording.deadline,
        "number": wording.number,
        "months": wording.months,
        "join_and": lambda items, last="and": wording.join(list(items), last),
        "does": wording.does,
        "signs": _signs,
        "record_item": lambda r: wording.RECORD_ITEMS[r],
        "asserts": lambda text, view, *settings: _asserts(text, view, *settings, trace=trace),
        "oneline": _oneline,
        "cell": lambda t: _oneline(t).replace("|", "\\|"),
        "quote_example": _quote_example,
        "shorturl": _shorturl,
        "linked": _linked,
        "platform_name": _platform_name,
        "check_explained": _check_explained,
        "capfirst": _capfirst,
        "longdate": wording.long_date,
        "weeks_before": lambda d, w: d - dt.timedelta(weeks=w),
    })
    return env


_ENV = _environment()


@functools.cache
def _traced_environment() -> jinja2.Environment:
    # Made once, as _ENV is: a new environment compiles every template again.
    return _environment(trace=True)


def _template_for(page: str, audience: str, env: jinja2.Environment = _ENV) -> jinja2.Template:
    for name in (f"pages/{page}.{audience}.md.j2", f"pages/{page}.md.j2"):
        try:
            return env.get_template(name)
        except jinja2.TemplateNotFound:
            continue
    raise LookupError(f"no template for the {audience} page {page!r}")


def render_page(view: SiteView, page: str, title: str, *, trace: bool = False) -> str:
    """One page's Markdown. With `trace`, every sentence a template writes is
    marked with the settings it states (TRACE_MARKS)."""
    context: PageContext = {"view": view, "title": title}
    env = _traced_environment() if trace else _ENV
    return _tidy(_template_for(page, view.audience, env).render(**context))


def _tidy(markdown: str) -> str:
    # Templates leave runs of blank lines where optional parts were empty.
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"


def site_config(view: SiteView, project_root: Path, site_root: Path, docs: Path, out: Path,
                checker: dict | None = None, engine: str = "mkdocs") -> dict:
    base = os.path.relpath(project_root / "mkdocs.yml", site_root)
    title = "Social media house rules" if view.audience == "public" else "Social media: staff"
    name = _capfirst(view.name.shown)
    config: dict[str, Any] = {
        "INHERIT": base,
        "site_name": f"{name}: {title}",
        "docs_dir": os.path.relpath(docs, site_root),
        "site_dir": os.path.relpath(out, site_root),
        "copyright": name,
        "theme": {"name": "material",
                  "custom_dir": os.path.relpath(project_root / "site_src" / "overrides", site_root)},
        "nav": [{title: f"{page}.md"} for page, title in view.pages],
        "hooks": [os.path.relpath(project_root / "site_src" / "hooks.py", site_root)],
        "extra": {
            "council": {"name": name, "website": view.website.value,
                        "slug": view.slug},
            "audience": view.audience,
            "checker": checker,
            # For main.html, whose versioned pages name the search worker themselves.
            "search_worker": _search_worker(engine),
            # For main.html: where this edition stands among the published versions.
            "versioning": _versioning(view.versions),
            # Material's version selector, fed by versions.json at the site's root,
            # with mike's labels ("latest", "upcoming"), which the page script sets
            # again by the reader's date.
            **({"version": {"provider": "mike", "alias": True}} if view.versions else {}),
        },
    }
    if engine == "zensical":
        # Zensical's own look ("modern") is not the one houserules.css is
        # written for; "classic" is Material's. Zensical runs no MkDocs hooks
        # (site_src/hooks.py), and needs none: it writes neither the source
        # maps nor the lunr files the hook removes (tests/test_zensical.py).
        config["theme"]["variant"] = "classic"
        del config["hooks"]
    return config


def _search_worker(engine: str = "mkdocs") -> str:
    """The theme's search worker, as the site serves it (its name carries a hash):
    Material's, or for Zensical the one Zensical ships."""
    if engine == "zensical":
        import importlib.util
        spec = importlib.util.find_spec("zensical")
        if spec is None or spec.origin is None:
            raise LookupError("Zensical is not installed")
        templates = Path(spec.origin).parent / "templates"
    else:
        import material
        templates = Path(material.__file__).parent / "templates"
    (worker,) = sorted((templates / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    return f"assets/javascripts/workers/{worker.name}"


def _versioning(versions) -> dict | None:
    if not versions:
        return None
    keep = ("folder", "number", "effective", "published", "effective_long", "published_long", "pages")
    return {**{k: versions[k] for k in ("root", "this", "to_site_root")},
            "versions": [{k: v[k] for k in keep} for v in versions["versions"]]}


def render_site(view: SiteView, project_root: Path, site_root: Path, out: Path,
                checker: dict | None = None, engine: str = "mkdocs") -> Path:
    """Write docs/ and mkdocs.yml under site_root; return the mkdocs.yml path.
    Zensical reads the same file; it wants `out` inside site_root."""
    docs = site_root / "docs"
    docs.mkdir(parents=True)
    for page, title in view.pages:
        (docs / f"{page}.md").write_text(render_page(view, page, title), encoding="utf-8")
    shutil.copytree(project_root / "site_src" / "assets", docs / "assets")
    config = site_config(view, project_root, site_root, docs, out, checker, engine)
    path = site_root / "mkdocs.yml"
    # JSON is valid YAML, and json.dumps quotes everything that needs it.
    path.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
