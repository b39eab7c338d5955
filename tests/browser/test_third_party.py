"""Council sites load nothing from anyone else: no web fonts, CDNs or
analytics. A static check of every built HTML, CSS and JavaScript file of all
eight sites, and a browser check of what a public and a staff site fetch.

Links to other sites (<a href>) are fine: following one is the reader's choice.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from site_pages import PUBLIC_SITE, STAFF_SITE, built_pages

# <link rel=...> values that make the browser fetch (or connect to) the href.
LOADING_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "prerender", "preconnect",
                "dns-prefetch", "icon", "shortcut", "apple-touch-icon", "apple-touch-icon-precomposed",
                "mask-icon", "manifest"}
# Attributes that load what they point at, by element.
LOADING_ATTRS = {
    "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"),
    "iframe": ("src",), "frame": ("src",), "embed": ("src",), "object": ("data",),
    "video": ("src", "poster"), "audio": ("src",), "track": ("src",),
    "input": ("src",), "image": ("href", "xlink:href"), "use": ("href", "xlink:href"),
}
# Hosts and words that mean a third-party load wherever they appear in a
# built file: web fonts, CDNs, analytics and tag managers.
THIRD_PARTY = re.compile(
    r"fonts\.googleapis\.com|fonts\.gstatic\.com|use\.typekit|fonts\.bunny"
    r"|//[\w.-]*\bcdn\b[\w.-]*|[\w-]*cdn[\w-]*\.(?:com|net|org|io)\b|cdnjs|unpkg\.com|jsdelivr|polyfill\.io"
    r"|google-analytics|googletagmanager|analytics\.js|gtag\(|plausible\.io|matomo|hotjar|clarity\.ms"
    r"|connect\.facebook\.net|platform\.twitter\.com",
    re.IGNORECASE,
)
# Material for MkDocs' script has two loads in code paths these sites never
# take: Mermaid, for diagrams (no page has one: checked below), and a
# ResizeObserver polyfill for browsers without it (every current browser has
# it). The browser test below proves neither is fetched.
DORMANT_IN_MATERIAL_BUNDLE = {
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
    "https://unpkg.com/resize-observer-polyfill",
}
MATERIAL_BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")

CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s'"]*))\s*\)""", re.IGNORECASE)
# @import "x.css" (the url(...) form is found by CSS_URL).
CSS_IMPORT = re.compile(r"""@import\s+["']([^"']+)["']""", re.IGNORECASE)
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def is_external(url: str) -> bool:
    """True for a URL on another host; relative URLs and data:/blob: are local."""
    url = url.strip()
    if not url or url.startswith(("#", "data:", "blob:")):
        return False
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme not in ("", "data", "blob")


def _srcset_urls(value: str) -> list[str]:
    return [item.strip().split()[0] for item in value.split(",") if item.strip()]


def css_loads(css: str) -> list[str]:
    css = CSS_COMMENT.sub("", css)
    found = [next(g for g in m.groups() if g is not None) for m in CSS_URL.finditer(css)]
    return found + [m.group(1) for m in CSS_IMPORT.finditer(css)]


class _Loads(HTMLParser):
    """Collect every URL an HTML page would load, with where it came from."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.loads: list[tuple[str, str]] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = {k.lower(): (v or "") for k, v in attrs}
        if tag == "link":
            rels = set(attrs.get("rel", "").lower().split())
            if rels & LOADING_RELS:
                self.loads.append((f"<link rel={attrs.get('rel')}>", attrs.get("href", "")))
            for url in _srcset_urls(attrs.get("imagesrcset", "")):
                self.loads.append(("<link imagesrcset>", url))
        for attr in LOADING_ATTRS.get(tag, ()):
            value = attrs.get(attr)
            if value is None:
                continue
            urls = _srcset_urls(value) if attr == "srcset" else [value]
            self.loads += [(f"<{tag} {attr}>", url) for url in urls]
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            self.loads.append(("<meta refresh>", attrs.get("content", "").partition("url=")[2]))
        if "style" in attrs:
            self.loads += [(f"<{tag} style>", url) for url in css_loads(attrs["style"])]
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.loads += [("<style>", url) for url in css_loads(data)]


def _built_files(built_site: Path, *suffixes: str) -> list[Path]:
    files = [p for p in built_site.rglob("*") if p.suffix in suffixes and p.is_file()]
    assert files, f"no {suffixes} files under {built_site}"
    return sorted(files)


def test_every_councils_two_sites_were_built(project_root, built_site):
    # Every site is scanned below: all of them must be there, for however many councils there are.
    councils = sorted(p.stem for p in (project_root / "policies" / "councils").glob("*.yaml"))
    sites = sorted(p.parent.relative_to(built_site).as_posix() for p in built_site.glob("*/*/index.html"))
    assert sites == [f"{audience}/{slug}" for audience in ("public", "staff") for slug in councils]


def test_html_loads_nothing_from_other_hosts(built_site):
    problems = []
    for path in _built_files(built_site, ".html"):
        parser = _Loads()
        parser.feed(path.read_text(encoding="utf-8"))
        problems += [f"{path.relative_to(built_site)}: {where} {url}"
                     for where, url in parser.loads if is_external(url)]
    assert not problems, "resources from other hosts:\n  " + "\n  ".join(problems)


def test_css_loads_nothing_from_other_hosts(built_site):
    problems = []
    for path in _built_files(built_site, ".css"):
        problems += [f"{path.relative_to(built_site)}: url({url})"
                     for url in css_loads(path.read_text(encoding="utf-8")) if is_external(url)]
    assert not problems, "CSS loads from other hosts:\n  " + "\n  ".join(problems)


def _each_content_once(paths: list[Path]) -> list[Path]:
    """One path of each distinct file: the checker's runtime is the same
    files, hard-linked, in every site and version (scanning every copy was
    most of this test's 26 s)."""
    seen: set = set()
    unique = []
    for path in paths:
        stat = path.stat()
        if (stat.st_dev, stat.st_ino) not in seen:
            seen.add((stat.st_dev, stat.st_ino))
            unique.append(path)
    return unique


def test_no_web_fonts_cdns_or_analytics_anywhere(built_site):
    problems = []
    for path in _each_content_once(_built_files(built_site, ".html", ".css", ".js", ".mjs")):
        text = path.read_text(encoding="utf-8", errors="replace")
        rel = path.relative_to(built_site).as_posix()
        if MATERIAL_BUNDLE.search(rel):
            for url in DORMANT_IN_MATERIAL_BUNDLE:
                text = text.replace(url, "")
        for match in THIRD_PARTY.finditer(text):
            context = text[max(0, match.start() - 40): match.end() + 40].replace("\n", " ")
            problems.append(f"{rel}: {match.group(0)!r} in …{context}…")
    assert not problems, "third-party hosts in built files:\n  " + "\n  ".join(problems[:50])


def test_pyodide_is_always_told_where_packages_come_from(project_root):
    """Pyodide is given every address it loads from (its own default for
    packages, rewritten by set-up to the runtime's folder, is never used;
    its python_stdlib.zip is not served, the trimmed standard library is)."""
    script = (project_root / "site_src" / "assets" / "checker" / "checker.js").read_text(encoding="utf-8")
    call = script[script.index("loadPyodide({"):]
    call = call[:call.index("})")]
    assert "packageBaseUrl:" in call and "indexURL:" in call and "lockFileURL:" in call and "stdLibURL:" in call


def test_material_bundle_loads_stay_dormant(built_site):
    """The two loads allowed for above need a Mermaid diagram on the page."""
    pages = [p for p in _built_files(built_site, ".html") if 'class="mermaid' in p.read_text(encoding="utf-8")]
    assert not pages, f"pages with Mermaid diagrams would load Mermaid from unpkg.com: {pages}"


def test_the_static_checks_catch_third_party_loads():
    """The checks above find what they are meant to (so a pass means something)."""
    parser = _Loads()
    parser.feed('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
                '<link rel="preconnect" href="//fonts.gstatic.com">'
                '<script src="https://cdn.example.net/x.js"></script>'
                '<img srcset="a.png 1x, https://img.example.org/b.png 2x">'
                '<div style="background: url(\'https://x.example/bg.png\')"></div>'
                '<style>@import url("https://x.example/a.css");</style>'
                '<a href="https://www.example.gov.uk">a link is fine</a>'
                '<link rel="next" href="https://example.org/next">'
                '<img src="../assets/logo.png"><img src="data:image/png;base64,xyz">')
    external = [url for _, url in parser.loads if is_external(url)]
    assert external == ["https://fonts.googleapis.com/css?family=Roboto", "//fonts.gstatic.com",
                        "https://cdn.example.net/x.js", "https://img.example.org/b.png",
                        "https://x.example/bg.png", "https://x.example/a.css"]
    assert [u for u in css_loads("a{b:url(//x.example/f.woff2)} /* url(http://no) */ @import 'https://y.example/c.css';")
            if is_external(u)] == ["//x.example/f.woff2", "https://y.example/c.css"]
    for text in ("https://fonts.googleapis.com/css2", "https://cdn.jsdelivr.net/npm/x",
                 "https://www.googletagmanager.com/gtag/js", "https://cdnjs.cloudflare.com/ajax"):
        assert THIRD_PARTY.search(text), text


TABS = 3  # tabs taking turns over the pages below


@pytest.mark.browser
@pytest.mark.parametrize("site", [PUBLIC_SITE, STAFF_SITE])
def test_pages_request_only_their_own_server(site_server, browser, built_site, site):
    origin = f"{site_server}/"
    probe = "http://192.0.2.1/probe.png"  # TEST-NET-1: proves a foreign request would be seen
    requested: list[str] = []
    context = browser.new_context()
    try:
        context.on("request", lambda request: requested.append(request.url))
        # Nothing can leave this machine anyway; refuse at once instead of waiting.
        context.route(lambda url: not url.startswith(origin), lambda route: route.abort())
        paths = built_pages(built_site / site)
        assert "" in paths and len(paths) >= 7, paths
        # Each page is left to go quiet (what it loads late is seen) before
        # its tab goes on to another page; a few tabs take turns, so the
        # quiet periods overlap. (A new tab costs more CPU than a page loaded
        # in a tab already open, about 0.5 s against 0.3 s; with a tab for
        # each page this test took 15.6 s of CPU for both sites, now 9.6 s.)
        tabs = [context.new_page() for _ in range(min(TABS, len(paths)))]
        for i, path in enumerate(paths):
            tab = tabs[i % len(tabs)]
            if i >= len(tabs):
                tab.wait_for_load_state("networkidle")
            tab.goto(f"{site_server}/{site}/{path}", wait_until="load")
        for tab in tabs:
            tab.wait_for_load_state("networkidle")
        tabs[0].evaluate("url => { new Image().src = url; }", probe)
        tabs[0].wait_for_load_state("networkidle")
    finally:
        context.close()
    assert probe in requested, "the request listener did not see a request to another host"
    assert any(u.endswith(".css") for u in requested), "no stylesheet requests were recorded"
    foreign = sorted({u for u in requested if u != probe and not u.startswith(origin)
                      and not u.startswith(("data:", "blob:"))})
    assert not foreign, f"{site} requested from other hosts:\n  " + "\n  ".join(foreign)
