"""Zensical beside MkDocs + Material: one council's sites built with each
engine (`houserules build --engine zensical`), page by page.

Material for MkDocs 9.x reaches end of life on 5 May 2027 and names Zensical
as its successor. MkDocs + Material stay the default; this keeps the path off
them tested. Every page must read the same with either engine (the visible
text of its main content, and of its header, menu and footer). What Zensical
cannot yet do as these sites need is declared in KNOWN_DIFFERENCES, each with
its reason, and the test asserts that the differences found are exactly
those: one that goes away (Zensical fixed it) fails the test as surely as a
new one, so the list stays true. README, "Zensical".

Zensical is an optional dependency (requirements-zensical.lock, installed by
`make test`); without it this module is skipped.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from houserules.build import ENGINES, build_sites

pytest.importorskip("zensical", reason="Zensical is optional: make zensical (requirements-zensical.lock)")
# It builds sites (tests/conftest.py: left out of `make test-fast`).
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
# Published versions: the version banner and selector, and v1/ and v2/.
COUNCIL = "ashfield"
SITES = [f"public/{COUNCIL}", f"staff/{COUNCIL}"]

# What the engines do differently, by the name of the probe (below) that finds it.
KNOWN_DIFFERENCES = {
    "search": (
        "Zensical has a search of its own: its index is search.json (not Material's "
        "search/search_index.json) and its box is a button that opens a dialog, without Material's "
        "search field (.md-search__input), which the small-screen search button of these pages opens "
        "(assets/houserules.js): on a small screen Zensical's pages offer no search. In a browser its "
        "results show unstyled, as the dialog styles itself inline, which the pages' "
        "Content-Security-Policy (style-src 'self') refuses."),
    "sitemap.xml.gz": "Zensical writes sitemap.xml but not MkDocs' gzip copy of it; no page links to either.",
    "theme script's dormant third-party addresses": (
        "Zensical's script names more addresses on other hosts than Material's (GLightbox, Ace and "
        "Pyodide from unpkg.com and jsDelivr, Mermaid 12): it loads each only for an element these "
        "pages never have (.glightbox, .pyodide, pre.mermaid; asserted below), so none is fetched."),
    "table of contents label": (
        "Zensical labels the table of contents in the menu \"On this page\", Material \"Table of "
        "contents\"."),
}


# -- reading the built pages ---------------------------------------------------

Matcher = Callable[[str, dict[str, str]], bool]  # (tag, attributes) -> whether it is the element

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Text(HTMLParser):
    """The text of the first element `wanted` matches, less what `unwanted` matches
    inside it, and scripts and styles."""

    def __init__(self, wanted: Matcher, unwanted: Matcher):
        super().__init__(convert_charrefs=True)
        self.wanted, self.unwanted = wanted, unwanted
        self.depth = 0          # inside the wanted element: its depth
        self.skipping = 0       # inside something left out: its depth
        self.done = False
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID or self.done:
            return
        attributes = {k: v or "" for k, v in attrs}
        if self.depth:
            self.depth += 1
            if self.skipping:
                self.skipping += 1
            elif tag in ("script", "style") or self.unwanted(tag, attributes):
                self.skipping = 1
        elif self.wanted(tag, attributes):
            self.depth = 1

    def handle_endtag(self, tag):
        if tag in _VOID or not self.depth:
            return
        self.depth -= 1
        if self.skipping:
            self.skipping -= 1
        if not self.depth:
            self.done = True

    def handle_data(self, data):
        if self.depth and not self.skipping:
            self.parts.append(data)


def _has_class(tag: str, name: str) -> Matcher:
    return lambda t, attributes: t == tag and name in attributes.get("class", "").split()


def _nothing(tag: str, attributes: dict[str, str]) -> bool:
    return False


def _toc_label(tag: str, attributes: dict[str, str]) -> bool:
    return tag == "label" and attributes.get("for") == "__toc" and "md-nav__title" in attributes.get("class", "")


def visible_text(html: str, wanted, unwanted=_nothing) -> str | None:
    parser = _Text(wanted, unwanted)
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts)).strip() if parser.done else None


class _Tags(HTMLParser):
    """Every start tag, with its attributes, and the text of each <script>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._script: dict[str, str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if tag == "script":
            self._script = attributes
            self.scripts.append((attributes, ""))

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            attributes, text = self.scripts[-1]
            self.scripts[-1] = (attributes, text + data)


def tags(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def pages(site: Path) -> dict[str, str]:
    """Every HTML page of a site (its versions' too), by path: "rules/", "v1/", "404.html"."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        found[rel.removesuffix("index.html")] = path.read_text(encoding="utf-8")
    return found


def _per_page(probe: Callable[[str], object]) -> Callable[[Path], dict]:
    return lambda site: {page: probe(html) for page, html in pages(site).items()}


# <link rel=...> values, and elements' attributes, that make the browser fetch what they name.
_LOADING_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "icon",
                 "manifest", "apple-touch-icon"}
_LOADING_ATTRS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "embed": "src",
                  "video": "src", "audio": "src", "object": "data"}
_CSS_URL = re.compile(r"""url\(\s*["']?([^"')\s]+)|@import\s+["']([^"']+)""", re.IGNORECASE)
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
_ADDRESS = re.compile(r"https?://[\w.-]+(?:/[\w./@%+-]*)?")


def loads_from_other_hosts(site: Path) -> list[str]:
    """What any page or style sheet would fetch from another host (links to follow are fine)."""
    found = []
    for page, html in pages(site).items():
        for tag, attributes in tags(html).tags:
            rels = set(attributes.get("rel", "").lower().split())
            urls = ([attributes.get("href", "")] if tag == "link" and rels & _LOADING_RELS else [])
            urls += [attributes[_LOADING_ATTRS[tag]]] if attributes.get(_LOADING_ATTRS.get(tag, "")) else []
            found += [f"{page}: <{tag}> {url}" for url in urls if _EXTERNAL.match(url.strip())]
    for css in sorted(site.rglob("*.css")):
        for match in _CSS_URL.finditer(re.sub(r"/\*.*?\*/", "", css.read_text(encoding="utf-8"), flags=re.S)):
            url = match.group(1) or match.group(2)
            if _EXTERNAL.match(url):
                found.append(f"{css.relative_to(site)}: {url}")
    return found


def theme_script_addresses(site: Path) -> list[str]:
    """The addresses on other hosts that the theme's script names (it loads them only when a page needs them)."""
    (bundle,) = (site / "assets" / "javascripts").glob("bundle.*.min.js")
    return sorted({a for a in _ADDRESS.findall(bundle.read_text(encoding="utf-8")) if "w3.org" not in a})


def _config(html: str) -> dict | None:
    for attributes, text in tags(html).scripts:
        if attributes.get("id") == "__config":
            return json.loads(text)
    return None


def _resolved(page: str, attributes: dict[str, str]) -> dict[str, str]:
    """A tag's attributes that name a file, as addresses from the site's root."""
    return {k: urljoin(f"http://site/{page}", v)[len("http://site/"):] for k, v in sorted(attributes.items())
            if k in ("src", "href") or (k.startswith("data-") and "/" in v)}


def checker_script(site: Path) -> dict:
    found = {}
    for page, html in pages(site).items():
        for tag, attributes in tags(html).tags:
            if tag == "script" and attributes.get("id") == "hr-checker-script":
                found[page] = _resolved(page, attributes)
    return found


def search(site: Path) -> dict:
    return {"Material's index": (site / "search" / "search_index.json").is_file(),
            "Zensical's index": (site / "search.json").is_file(),
            "Material's search field": all('class="md-search__input"' in html for html in pages(site).values())}


# Each probe reads one built site; the engines differ where a probe's readings do.
PROBES: dict[str, Callable[[Path], object]] = {
    "pages": lambda site: sorted(pages(site)),
    "main text": _per_page(lambda html: visible_text(html, _has_class("article", "md-content__inner"))),
    # The header less the search box (probe "search").
    "header text": _per_page(lambda html: visible_text(html, _has_class("header", "md-header"),
                                                       _has_class("div", "md-search"))),
    # The menu, less the label of the table of contents in it (probe "table of contents label").
    "navigation text": _per_page(lambda html: visible_text(html, _has_class("nav", "md-nav--primary"), _toc_label)),
    "table of contents label": _per_page(lambda html: visible_text(html, _toc_label)),
    "footer text": _per_page(lambda html: visible_text(html, _has_class("footer", "md-footer"))),
    # What the page script reads to tell the reader which version is in force (main.html).
    "version data": _per_page(lambda html: [json.loads(a["data-hr-versions"]) for t, a in tags(html).tags
                                            if "data-hr-versions" in a]),
    # Where Material's script (or Zensical's) finds the site's base and version selector.
    "page settings": _per_page(lambda html: {k: v for k, v in (_config(html) or {}).items()
                                             if k in ("base", "features", "version")}),
    "checker script": checker_script,
    "search": search,
    "sitemap.xml.gz": lambda site: (site / "sitemap.xml.gz").is_file(),
    "theme script's dormant third-party addresses": theme_script_addresses,
    "loads from other hosts": loads_from_other_hosts,
    # First in <head>, so it covers everything after it.
    "Content-Security-Policy first": _per_page(lambda html: bool(re.match(
        r'\s*<!doctype html>\s*<html[^>]*>\s*<head>\s*<meta http-equiv="Content-Security-Policy"', html, re.I))),
    # The pages forbid inline scripts; the JSON settings are data, not script.
    "inline scripts": _per_page(lambda html: [text.strip()[:60] for a, text in tags(html).scripts
                                              if "src" not in a and a.get("type") != "application/json"]),
    # What the MkDocs hook (site_src/hooks.py) removes; Zensical runs no hooks and writes neither.
    "source maps and lunr files": lambda site: sorted(
        p.relative_to(site).as_posix() for p in site.rglob("*")
        if p.suffix == ".map" or (p.name == "lunr" and p.is_dir())),
}


@pytest.fixture(scope="module")
def built(built_site, tmp_path_factory) -> dict[str, Path]:
    """The council's sites (both audiences, every published version) built with each engine:
    MkDocs's are the suite's shared build."""
    out = {"mkdocs": built_site}
    for engine in ENGINES:
        if engine not in out:
            out[engine] = tmp_path_factory.mktemp(engine)
            build_sites(ROOT, [COUNCIL], out=out[engine], engine=engine)
    return out


@pytest.fixture(scope="module")
def readings(built) -> dict[str, dict[str, dict[str, object]]]:
    """probe -> site -> engine -> what the probe read."""
    return {name: {site: {engine: probe(built[engine] / site) for engine in ENGINES} for site in SITES}
            for name, probe in PROBES.items()}


def _contrast(mkdocs: object, zensical: object) -> str:
    """The two readings, from a little before where they first differ."""
    if isinstance(mkdocs, str) and isinstance(zensical, str):
        at = next((i for i, (a, b) in enumerate(zip(mkdocs, zensical)) if a != b), min(len(mkdocs), len(zensical)))
        start = max(0, at - 60)
        return f"MkDocs …{mkdocs[start:at + 120]!r} / Zensical …{zensical[start:at + 120]!r}"
    return f"MkDocs {mkdocs!r:.300} / Zensical {zensical!r:.300}"


def _differences(readings) -> dict[str, list[str]]:
    """probe -> where the engines' readings differ."""
    found: dict[str, list[str]] = {}
    for name, by_site in readings.items():
        for site, by_engine in by_site.items():
            mkdocs, zensical = by_engine["mkdocs"], by_engine["zensical"]
            if mkdocs == zensical:
                continue
            if isinstance(mkdocs, dict) and isinstance(zensical, dict):
                found.setdefault(name, []).extend(
                    f"{site}/{key}: {_contrast(mkdocs.get(key), zensical.get(key))}"
                    for key in sorted(set(mkdocs) | set(zensical)) if mkdocs.get(key) != zensical.get(key))
            else:
                found.setdefault(name, []).append(f"{site}: {_contrast(mkdocs, zensical)}")
    return found


def test_every_page_reads_the_same_with_either_engine(readings):
    differences = _differences(readings)
    for probe in ("pages", "main text", "header text", "navigation text", "footer text", "version data",
                  "checker script"):
        assert probe not in differences, f"{probe} differs:\n  " + "\n  ".join(differences[probe][:20])
    # And there is text to compare: every page has its main content, and the sites their pages.
    for site in SITES:
        texts = readings["main text"][site]["zensical"]
        assert isinstance(texts, dict) and len(texts) >= 20 and all(texts.values()), texts


def test_the_differences_are_exactly_the_known_ones(readings):
    """A difference not declared fails; so does a declared one no longer found
    (Zensical has caught up: take it off the list, and the README's)."""
    differences = _differences(readings)
    new = {name: differences[name] for name in differences if name not in KNOWN_DIFFERENCES}
    gone = sorted(set(KNOWN_DIFFERENCES) - set(differences))
    assert not new, "differences not in KNOWN_DIFFERENCES:\n" + "\n".join(
        f"{name}:\n  " + "\n  ".join(where[:10]) for name, where in new.items())
    assert not gone, f"known differences no longer found (remove them from KNOWN_DIFFERENCES and the README): {gone}"


def test_zensicals_sites_load_nothing_from_other_hosts(built):
    site = built["zensical"]
    for name in SITES:
        assert loads_from_other_hosts(site / name) == []
        # The theme script's addresses on other hosts stay dormant: each is
        # loaded only for an element no page has.
        addresses = theme_script_addresses(site / name)
        assert {urlsplit(a).netloc for a in addresses} <= {"unpkg.com", "cdn.jsdelivr.net", "api.github.com"}
        for page, html in pages(site / name).items():
            classes = {c for _, a in tags(html).tags for c in a.get("class", "").split()}
            assert not classes & {"glightbox", "pyodide", "mermaid"}, page
        # Nor does any page ask for a web font.
        assert not any("fonts.googleapis.com" in html or "fonts.gstatic.com" in html
                       for html in pages(site / name).values())


def test_zensicals_pages_keep_their_content_security_policy_and_no_inline_script(readings):
    for site in SITES:
        assert all(readings["Content-Security-Policy first"][site]["zensical"].values())
        assert not any(readings["inline scripts"][site]["zensical"].values())
        assert readings["source maps and lunr files"][site]["zensical"] == []


def test_a_failed_zensical_build_leaves_the_previous_sites_as_they_were(capsys, built, policy_copy, tmp_path):
    """The same staging and swap as with MkDocs: Zensical in strict mode
    refuses a link to a page that does not exist, and nothing in the out
    folder changes."""
    from houserules.cli import main

    out = tmp_path / "site"
    shutil.copytree(built["zensical"], out)
    before = {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
              for p in sorted(out.rglob("*"))}
    council = policy_copy / "councils" / f"{COUNCIL}.yaml"
    text = council.read_text(encoding="utf-8")
    assert "\nsections:\n" in text
    council.write_text(text.replace("\nsections:\n", "\nsections:\n  - id: broken-link\n    audience: public\n"
                                    "    page: contact\n    body: See [our other page](missing.md).\n", 1),
                       encoding="utf-8")

    code = main(["build", COUNCIL, "--engine", "zensical", "--policies", str(policy_copy), "--out", str(out)])
    _, err = capsys.readouterr()

    assert code == 1
    assert re.search(rf"Zensical failed:\npublic/{COUNCIL}/mkdocs\.yml: contact\.md:\d+:\d+: page does not exist",
                     err), err
    assert err.count("mkdocs.yml") == 1, err
    after = {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
             for p in sorted(out.rglob("*"))}
    assert after == before, "a failed build changed the out folder"
    assert not list(tmp_path.glob(".site.build-*"))


def test_a_failed_zensical_build_names_the_page_and_the_problem():
    from houserules.build import _zensical_problems

    output = ("Build started\n\x1b[33mWarning:\x1b[0m page does not exist\n"
              "    \x1b[38;5;246m╭─[\x1b[0m contact.md:17:10 \x1b[38;5;246m]\x1b[0m\n"
              "2 issues found\nTraceback (most recent call last):\n"
              "RuntimeError: Aborted because --strict flag is set\n")
    assert _zensical_problems(output) == "contact.md:17:10: page does not exist"
    stopped = "unknown method: string has no method named startswith (in main.html:12)"
    assert _zensical_problems(f"Traceback (most recent call last):\nRuntimeError: {stopped}\n") == stopped
