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
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from houserules_checker import BREAKS, MAY_BREAK
from houserules_checker.kinds import KINDS

from . import messages, wording
from .formats import Platform
from .page_words import page_words, site_title
from .resolve import PageContext, SiteView
from .schema import stated

TEMPLATES = Path(__file__).parent / "templates"

# Marks round each sentence a template writes itself, naming the settings it
# states, when pages are rendered for tracing (tests/test_traced_sentences.py):
# start, the settings, then the text, then the end.
TRACE_MARKS = ("\ue000", "\ue001", "\ue002")

def _signs(kinds, verdict: str, language: str = "en") -> list[str]:
    """What the "Check a comment" page gives as examples of a verdict: only
    for the kinds of check the council's rules use (kinds.py), so a page
    promises only what its rules can do."""
    wanted = {"breaks": BREAKS, "may-break": MAY_BREAK}[verdict]
    signs = [kind.signs_in(language) for name, kind in KINDS.items() if name in kinds]
    return [said[wanted] for said in signs if wanted in said]


def _check_explained(check, language: str = "en") -> str:
    """"Can the comment checker judge it?", for a rule's check (kinds.py)."""
    return KINDS[check.kind].explain(check, language)


def _capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def _oneline(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _quote_example(text: str, page_language: str = "en", language: str = "en") -> str:
    # Examples are residents' words, not Markdown: escape what Markdown would act on.
    escaped = re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", _oneline(text))
    if language != page_language:
        # An example in another language than the page's is marked so
        # (WCAG 3.1.2, language of parts): a screen reader reads it in its own.
        return f'<span lang="{language}">“{escaped}”</span>'
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


def _filters(language: str, trace: bool) -> dict:
    """The templates' filters, each writing in `language`."""
    return {
        "days": lambda values: wording.days(values, language),
        "clock": lambda value: wording.clock(value, language),
        "deadline": lambda target: wording.deadline(target, language),
        "number": lambda value: wording.number(value, language),
        "months": lambda value: wording.months(value, language),
        "join_and": lambda items, last="and": wording.join(list(items), last, language),
        "does": lambda actions, capital=False: wording.does(actions, capital=capital, language=language),
        "signs": lambda kinds, verdict: _signs(kinds, verdict, language),
        "record_item": lambda r: wording.record_item(r, language),
        "asserts": lambda text, view, *settings: _asserts(text, view, *settings, trace=trace),
        "oneline": _oneline,
        "cell": lambda t: _oneline(t).replace("|", "\\|"),
        "quote_example": lambda quoted: _quote_example(quoted.text, language, quoted.language),
        "shorturl": _shorturl,
        "linked": _linked,
        "platform_name": _platform_name,
        "check_explained": lambda check: _check_explained(check, language),
        "capfirst": _capfirst,
        "longdate": lambda day: wording.long_date(day, language),
        "weeks_before": lambda d, w: d - dt.timedelta(weeks=w),
    }


def _plural(_: Callable[..., str]) -> Callable[[str, str, int], str]:
    # Each form is its own sentence in the catalogue: English picks the
    # form by the number, and the other language translates that form.
    return lambda singular, plural, n: _(singular if n == 1 else plural)


def _environment(trace: bool = False, language: str = "en") -> jinja2.Environment:
    """The templates, writing in `language`."""
    return _made_environment(trace, language)


@functools.cache
def _made_environment(trace: bool, language: str) -> jinja2.Environment:
    # Made once for each (trace, language), whichever way it is asked for:
    # a new environment compiles every template again.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # Markdown output; council text is trusted Markdown by design
        extensions=["jinja2.ext.i18n"],
    )
    _ = messages.translator(language)
    env.install_gettext_callables(gettext=_, ngettext=_plural(_), newstyle=True)  # type: ignore[attr-defined]
    env.tests["stated"] = stated
    env.filters.update(_filters(language, trace))
    return env


_ENV = _environment()


def _traced_environment(language: str = "en") -> jinja2.Environment:
    return _environment(trace=True, language=language)


def _template_for(page: str, audience: str, env: jinja2.Environment = _ENV) -> jinja2.Template:
    for name in (f"pages/{page}.{audience}.md.j2", f"pages/{page}.md.j2"):
        try:
            return env.get_template(name)
        except jinja2.TemplateNotFound:
            continue
    raise LookupError(f"no template for the {audience} page {page!r}")


def render_page(view: SiteView, page: str, title: str, *, trace: bool = False) -> str:
    """One page's Markdown, in the view's language. With `trace`, every
    sentence a template writes is marked with the settings it states
    (TRACE_MARKS)."""
    context: PageContext = {"view": view, "title": title}
    env = _environment(trace=trace, language=view.language)
    return _tidy(_template_for(page, view.audience, env).render(**context))


def _tidy(markdown: str) -> str:
    # Templates leave runs of blank lines where optional parts were empty.
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"


def site_config(view: SiteView, project_root: Path, site_root: Path, docs: Path, out: Path,
                checker: dict | None = None, engine: str = "mkdocs", alternates: list | None = None) -> dict:
    """`alternates`: for a council in more than one language, the same
    edition's site in each other language ({lang, name, root}, root relative
    to this site's root), for the language switch and hreflang links."""
    base = os.path.relpath(project_root / "mkdocs.yml", site_root)
    title = site_title(view.audience, view.language)
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
            "alternates": alternates or [],
            # What the theme's overrides and the page script write, in the site's language.
            "words": page_words(view.language),
            # For main.html: where this edition stands among the published versions.
            "versioning": _versioning(view.versions),
            # Material's version selector, fed by versions.json at the site's root,
            # with mike's labels ("latest", "upcoming"), which the page script sets
            # again by the reader's date.
            **({"version": {"provider": "mike", "alias": True}} if view.versions else {}),
        },
    }
    if view.language != "en":
        # Material's interface words in the site's language (it has Welsh);
        # search has no Welsh stemmer, so words are indexed as written.
        config["theme"]["language"] = view.language
        config["plugins"] = [{"search": {"lang": "en", "pipeline": ["trimmer"]}}]
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
                checker: dict | None = None, engine: str = "mkdocs", alternates: list | None = None) -> Path:
    """Write docs/ and mkdocs.yml under site_root; return the mkdocs.yml path.
    Zensical reads the same file; it wants `out` inside site_root."""
    docs = site_root / "docs"
    docs.mkdir(parents=True)
    for page, title in view.pages:
        (docs / f"{page}.md").write_text(render_page(view, page, title), encoding="utf-8")
    shutil.copytree(project_root / "site_src" / "assets", docs / "assets")
    config = site_config(view, project_root, site_root, docs, out, checker, engine, alternates)
    path = site_root / "mkdocs.yml"
    # JSON is valid YAML, and json.dumps quotes everything that needs it.
    path.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
