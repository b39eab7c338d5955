"""Published versions as a reader meets them: whether a version is current,
superseded or upcoming follows the reader's date, on the effective day too,
and Material's version selector lists every version."""

from __future__ import annotations

import datetime as dt

import pytest

from site_pages import DESKTOP, NARROW, served

pytestmark = pytest.mark.browser


def _at(day: str) -> str:
    """An init script that makes the page's clock read noon on `day`."""
    ms = dt.datetime.fromisoformat(f"{day}T12:00:00").timestamp() * 1000
    return (f"const RealDate = Date; Date = class extends RealDate {{ constructor(...a) "
            f"{{ a.length ? super(...a) : super({ms}); }} static now() {{ return {ms}; }} }};")


@pytest.fixture(scope="module")
def visit_on(browser, site_server):
    """visit_on(path, day) -> the module's one page, its clock at noon on
    `day`, gone to <server>/<path> (Playwright's clock stays set across
    pages; a fresh context per visit cost a second each)."""
    context = browser.new_context(viewport=DESKTOP, reduced_motion="reduce")
    page = context.new_page()

    def open_(path: str, day: str):
        page.clock.set_fixed_time(dt.datetime.fromisoformat(f"{day}T12:00:00"))
        page.goto(f"{site_server}/{path}")
        return page

    yield open_
    context.close()


# Ashfield's sample history: v1 from 1 May 2024, v2 from 1 April 2027.
@pytest.mark.parametrize("path, day, state, text", [
    ("public/ashfield/v2/rules/", "2027-03-31", "upcoming", "takes effect on 1 April 2027"),
    ("public/ashfield/v2/rules/", "2027-04-01", "current", "in force since 1 April 2027"),
    ("public/ashfield/v1/rules/", "2027-03-31", "current", "Version 2 takes effect on 1 April 2027"),
    ("public/ashfield/v1/rules/", "2027-04-01", "superseded", "applied from 1 May 2024 until 1 April 2027"),
    ("public/ashfield/rules/", "2027-04-01", "superseded", "Read this page in the current version (2)"),
    ("public/ashfield/v1/rules/", "2024-04-30", "upcoming", "takes effect on 1 May 2024"),
    ("staff/ashfield/v1/moderation/", "2027-04-02", "superseded", "applied from 1 May 2024"),
])
def test_the_readers_date_decides_current_superseded_and_upcoming(visit_on, path, day, state, text):
    page = visit_on(path, day)
    banner = page.locator(".hr-version-banner")
    assert banner.get_attribute("data-state") == state
    assert text in banner.inner_text()


def test_a_superseded_page_links_to_the_same_page_in_the_current_version(visit_on, site_server):
    page = visit_on("public/ashfield/v1/when-rules-are-broken/", "2027-05-01")
    page.click(".hr-version-banner >> text=Read this page in the current version")
    assert page.url == f"{site_server}/public/ashfield/v2/when-rules-are-broken/"
    assert "After 6 months" in page.inner_text("article")


def _selector(page) -> tuple[str, str, list[tuple[str, str]]]:
    """(the button's text, its name, [(each listed version's text, its address)])."""
    page.wait_for_selector(".md-version[data-hr-labelled]")
    button = page.locator(".md-version__current")
    links = page.eval_on_selector_all(
        ".md-version__link", "els => els.map(e => [e.textContent.replace(/\\s+/g, ' ').trim(), e.href])")
    return " ".join(button.text_content().split()), button.get_attribute("aria-label"), links


def test_materials_version_selector_lists_every_version(visit_on):
    shown, name, links = _selector(visit_on("public/ashfield/rules/", "2026-11-21"))
    # mike's labels: "latest" for the version in force, "upcoming" for one whose date has not come.
    assert shown == "v1 latest from 1 May 2024"
    assert name == "v1 latest from 1 May 2024: select another version"
    assert [t for t, _ in links] == ["v2 upcoming from 1 April 2027", "v1 latest from 1 May 2024"]
    assert links[0][1].endswith("/public/ashfield/v2/")


@pytest.mark.parametrize("day, labels", [
    ("2024-04-30", ["v2 upcoming from 1 April 2027", "v1 upcoming from 1 May 2024"]),
    ("2027-03-31", ["v2 upcoming from 1 April 2027", "v1 latest from 1 May 2024"]),
    ("2027-04-01", ["v2 latest from 1 April 2027", "v1 from 1 May 2024"]),
])
def test_the_selectors_labels_follow_the_readers_date_not_the_builds(visit_on, day, labels):
    # The site was built on 1 December 2026 (versions.json: v1 latest, v2
    # upcoming); the labels on the page are the reader's, as the banner's are.
    shown, _, links = _selector(visit_on("public/ashfield/v2/rules/", day))
    assert [t for t, _ in links] == labels
    assert shown == next(t for t in labels if t.startswith("v2"))


# --- at 320px: the top of the page fits, and the selector works ---------------------

@pytest.mark.parametrize("path, most", [("public/ashfield/rules/", 100), ("staff/nottinghamshire/moderation/", 125)])
def test_at_320px_the_header_is_short_and_the_selector_fully_visible_and_usable(browser, site_server, path, most):
    context = browser.new_context(viewport=NARROW, reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(f"{site_server}/{path}")
        page.wait_for_selector(".md-version[data-hr-labelled]")
        header = page.locator("header.md-header").bounding_box()
        assert header["height"] <= most, f"the header is {header['height']}px tall at 320px"
        assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], "the page scrolls sideways"
        inside = ("e => { const r = e.getBoundingClientRect(); "
                  "return r.left >= 0 && r.right <= innerWidth && r.width > 0; }")
        for selector in (".md-version__current", ".hr-menu-button", ".hr-search-button", ".hr-council-bar__name",
                         ".hr-service-bar__name"):
            assert page.locator(selector).evaluate(inside), f"{selector} is cut off at 320px"
        # By keyboard: Tab to the selector, on into its list, which opens inside the screen, and Enter.
        for _ in range(12):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('md-version__current')"):
                break
        else:
            pytest.fail("Tab never reached the version selector")
        button = page.locator(".md-version__current")
        assert button.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 221, 0)", "no focus style"
        page.keyboard.press("Tab")
        focused = page.evaluate_handle("document.activeElement")
        assert focused.evaluate("e => e.classList.contains('md-version__link')")
        page.wait_for_function("() => getComputedStyle(document.querySelector('.md-version__list')).opacity === '1'")
        listed = page.locator(".md-version__list")
        assert listed.evaluate(inside), "the list of versions is cut off at 320px"
        target = focused.evaluate("e => e.href")
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url: url.startswith(target))
    finally:
        context.close()


# --- Compare versions: any two, chosen in the browser --------------------------------

@pytest.fixture(scope="module")
def three_versions_server(three_versions):
    """Ashfield with three versions (conftest.three_versions), served."""
    with served(three_versions[1]) as base:
        yield base


def _shown_pairs(page) -> list[str]:
    return page.eval_on_selector_all(".hr-compare-pair", "els => els.filter(e => !e.hidden).map(e => e.id)")


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["desktop", "320px"])
def test_a_reader_chooses_two_versions_that_are_not_neighbours(browser, three_versions_server, assert_accessible,
                                                              viewport):
    context = browser.new_context(viewport=viewport, reduced_motion="reduce")
    try:
        page = context.new_page()
        page.add_init_script(_at("2026-12-01"))
        page.goto(f"{three_versions_server}/public/ashfield/compare/")
        # To begin with, the latest two; each choice carries its label for the reader's day.
        assert _shown_pairs(page) == ["v2-v3"]
        assert page.locator("label[for=hr-compare-old-1]").inner_text() == "Version 1, from 1 May 2024 (latest)"
        assert page.locator("label[for=hr-compare-new-3]").inner_text() == "Version 3, from 1 October 2027 (upcoming)"
        assert_accessible(page, f"compare page at {viewport['width']}px")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]

        # From the keyboard: version 1 in "From version", version 3 in "To version", then the button.
        page.focus("#hr-compare-old-2")
        page.keyboard.press("ArrowUp")
        assert page.is_checked("#hr-compare-old-1")
        page.check("#hr-compare-new-3")
        page.focus("button[type=submit]")
        page.keyboard.press("Enter")
        assert _shown_pairs(page) == ["v1-v3"]
        assert page.url.endswith("/compare/#v1-v3")
        assert page.evaluate("document.activeElement.id") == "v1-v3-title"
        shown = " ".join(page.locator("#v1-v3").inner_text().split())
        assert "Appeal against a block: you can now appeal after three months (before: twelve months)." in shown
        assert "Block log" not in shown, "a staff-only change on the public site"
        assert_accessible(page, f"compare page, version 1 to 3, at {viewport['width']}px")

        # Chosen the other way round: the same two, the earlier first, and the reader is told why.
        page.check("#hr-compare-old-3")
        page.check("#hr-compare-new-1")
        page.click("button[type=submit]")
        assert _shown_pairs(page) == ["v1-v3"]
        assert "Version 1 took effect first" in page.inner_text("[data-hr-compare-status]")
        # The same version twice: said so, nothing else changes.
        page.check("#hr-compare-old-2")
        page.check("#hr-compare-new-2")
        page.click("button[type=submit]")
        assert "choose two different versions" in page.inner_text("[data-hr-compare-status]")
        assert _shown_pairs(page) == ["v1-v3"]
        # A link to a pair shows that pair.
        page.click("a[href='#v1-v2']")
        page.wait_for_function("() => !document.getElementById('v1-v2').hidden")
        assert _shown_pairs(page) == ["v1-v2"] and page.is_checked("#hr-compare-old-1") \
            and page.is_checked("#hr-compare-new-2")
    finally:
        context.close()


def test_without_javascript_every_comparison_is_on_the_page(browser, three_versions_server):
    context = browser.new_context(viewport=NARROW, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{three_versions_server}/staff/ashfield/compare/")
        assert _shown_pairs(page) == ["v1-v2", "v1-v3", "v2-v3"]
        assert not page.locator(".hr-compare-form").is_visible()
        # On the staff site, the staff-only change too, and said to be so.
        staff = " ".join(page.locator("#v2-v3").inner_text().split())
        assert "Block log: a new section of the policy's words" in staff and "(Staff site only.)" in staff
    finally:
        context.close()
