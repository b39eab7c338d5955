"""Browser fixtures: the built sites served on 127.0.0.1, one headless Chromium
for the whole session, and axe-core for accessibility checks.

Chromium is Debian's (/usr/bin/chromium, or HOUSERULES_CHROMIUM); Playwright
cannot download its own here. When Chromium is missing the browser tests fail,
not skip: CI installs it, so a missing browser is a broken CI image.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from site_pages import DESKTOP, served

CHROMIUM = Path(os.environ.get("HOUSERULES_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # Tabs of one context on the test server share a renderer process, and
    # with it the WebAssembly Chromium has compiled: a second Pyodide start
    # in a context took 2.5 s of CPU where it took 4.1 s in a process of its
    # own. Each context still has its own processes, cache and storage.
    "--process-per-site",
]

# WCAG 2.0, 2.1 and 2.2, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    """Serve the built sites; yields the base URL, e.g. http://127.0.0.1:41234.

    <base>/public/<slug>/ and <base>/staff/<slug>/ are the sites.
    """
    with served(built_site) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test in the session."""
    if not CHROMIUM.is_file():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package "
                    "(CI does) or set HOUSERULES_CHROMIUM to its path", pytrace=False)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    except Exception as exc:
        playwright.stop()
        pytest.fail(f"could not start Chromium at {CHROMIUM}: {exc}", pytrace=False)
    try:
        yield browser
    finally:
        browser.close()
        playwright.stop()


@pytest.fixture(scope="session")
def _context_at(browser) -> Iterator[Callable]:
    """context_at(viewport) -> the context kept at that size for the session:
    the tabs of new_page and visit open in it. A new context cost about 1 s
    of CPU (a renderer of its own, Material's files fetched and compiled
    again), a new tab in one kept about 0.5 s."""
    contexts: dict[tuple[int, int], object] = {}

    def context_at(viewport: dict):
        key = (viewport["width"], viewport["height"])
        if key not in contexts:
            contexts[key] = browser.new_context(viewport=viewport, reduced_motion="reduce")
        return contexts[key]

    yield context_at
    for context in contexts.values():
        context.close()  # type: ignore[attr-defined]


@pytest.fixture()
def new_page(_context_at) -> Iterator[Callable]:
    """new_page(viewport=DESKTOP) -> a new tab, closed after the test, with
    routes, scripts and emulated media of its own; its cache and storage are
    the kept context's (_context_at). A test that needs an empty cache or
    options of its own makes its own context (browser.new_context)."""
    pages = []

    def make(viewport: dict | None = None):
        pages.append(_context_at(viewport or DESKTOP).new_page())
        return pages[-1]

    yield make
    for page in pages:
        page.close()


@pytest.fixture()
def page(new_page):
    return new_page()


@pytest.fixture(scope="session")
def _pages_to_reuse(_context_at) -> Callable:
    """page_at(viewport) -> the one page kept at that size for the session."""
    pages: dict = {}  # the kept context at a size -> its page

    def page_at(viewport: dict):
        context = _context_at(viewport)
        if context not in pages:
            pages[context] = context.new_page()
        return pages[context]

    return page_at


@pytest.fixture()
def visit(site_server, _pages_to_reuse) -> Callable:
    """visit(path, viewport=DESKTOP) -> the page kept for the session at that
    size, gone to <server>/<path>: for tests that only look at a page as it
    loads (axe, where Tab goes), whatever page came before it.

    A fresh context per page cost about 1 s of each of these tests: a new
    renderer, and Material's files fetched and compiled again (measured on
    the accessibility tests: about 1.6 s a page, then 0.6 s). Going to a
    page resets all a test can change there (focus, scroll, an open menu)."""

    def go(path: str, viewport: dict | None = None):
        page = _pages_to_reuse(viewport or DESKTOP)
        # The tab in front, as the one a reader is using: Chromium slows the timers of one behind another.
        page.bring_to_front()
        response = page.goto(f"{site_server}/{path}")
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        return page

    return go


@pytest.fixture(scope="session")
def axe_source(project_root: Path) -> str:
    # Installed by `make test` from tests/browser/package-lock.json.
    path = Path(sys.prefix) / "browser-tools" / "node_modules" / "axe-core" / "axe.min.js"
    if not path.is_file():
        pytest.fail(f"axe-core not found at {path}: run `make test`, which installs it", pytrace=False)
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def run_axe(axe_source: str) -> Callable:
    """run_axe(page) -> list of WCAG A/AA violations on the page as it is now."""

    def run(page) -> list[dict]:
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            # The pages forbid inline scripts (their Content-Security-Policy),
            # so axe goes in through DevTools, which that policy does not govern.
            cdp = page.context.new_cdp_session(page)
            try:
                cdp.send("Runtime.evaluate", {"expression": axe_source})
            finally:
                cdp.detach()
        return page.evaluate(
            """async (tags) => {
                const result = await axe.run(document, {
                    runOnly: {type: "tag", values: tags},
                    resultTypes: ["violations"],
                });
                return result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => ({
                        target: n.target.map(t => Array.isArray(t) ? t.join(" >>> ") : t).join(" "),
                        summary: n.failureSummary || "",
                    })),
                }));
            }""",
            AXE_TAGS,
        )

    return run


def describe_violations(where: str, violations: list[dict]) -> str:
    """A readable failure message: rule, impact, each failing element and why."""
    lines = [f"{len(violations)} accessibility violation(s) on {where}:"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"]:
            summary = " ".join(node["summary"].split())
            lines.append(f"    {node['target']}\n      {summary}")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def assert_accessible(run_axe: Callable) -> Callable:
    """assert_accessible(page, where="") fails listing every axe violation."""

    def check(page, where: str = "") -> None:
        violations = run_axe(page)
        if violations:
            pytest.fail(describe_violations(where or page.url, violations))

    return check


# Where the first Tab on a page may land: Material's skip link, or, on a page
# Material gives none (it skips to the page's first heading), the council's name.
FIRST_STOPS = ("md-skip", "hr-council-bar__name")


@pytest.fixture(scope="session")
def assert_first_tab_reaches_the_skip_link() -> Callable:
    """assert_first_tab_reaches_the_skip_link(page, where) presses Tab once on
    a page nothing has focused yet and fails naming where focus went instead."""

    def check(page, where: str = "") -> None:
        page.keyboard.press("Tab")
        classes = page.evaluate("document.activeElement.className")
        assert any(c in classes.split() for c in FIRST_STOPS), \
            f"first Tab on {where or page.url} reached {page.evaluate('document.activeElement.outerHTML')[:200]}"

    return check


LOST_GROUPS = pytest.StashKey[str]()


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items) -> Iterator[None]:
    # A started checker is shared by the tests that ask for reused_checker
    # (tests/browser/test_checker_widget.py): all of them in one worker, so
    # each page's Pyodide starts once in the run, not once in each worker
    # (make test runs with --dist loadgroup). Marked before xdist's own hook
    # names each test's group in its id, and checked after it: a grouping
    # lost says nothing, the tests passing with each page started in each
    # worker, so those tests fail saying so (_kept_in_their_group).
    for item in items:
        if "reused_checker" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("started-checkers"))
    yield
    if getattr(config.option, "loadgroup", False):
        lost = [item.nodeid for item in items if item.get_closest_marker("xdist_group") and "@" not in item.nodeid]
        if lost:
            config.stash[LOST_GROUPS] = (
                f"--dist loadgroup did not group the {len(lost)} tests marked xdist_group: this pytest-xdist "
                "cannot name a test's group in this pytest's test ids (requirements.in says which pytest)")


@pytest.fixture(autouse=True)
def _kept_in_their_group(request) -> None:
    lost = request.config.stash.get(LOST_GROUPS, None)
    if lost and request.node.get_closest_marker("xdist_group"):
        pytest.fail(lost, pytrace=False)
