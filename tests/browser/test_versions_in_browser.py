"""Published versions as a reader meets them: whether a version is current,
superseded or upcoming follows the reader's date, on the effective day too,
and Material's version selector lists every version."""

from __future__ import annotations

import datetime as dt

import pytest

from site_pages import DESKTOP

pytestmark = pytest.mark.browser


def _at(day: str) -> str:
    """An init script that makes the page's clock read noon on `day`."""
    ms = dt.datetime.fromisoformat(f"{day}T12:00:00").timestamp() * 1000
    return (f"const RealDate = Date; Date = class extends RealDate {{ constructor(...a) "
            f"{{ a.length ? super(...a) : super({ms}); }} static now() {{ return {ms}; }} }};")


@pytest.fixture()
def visit(browser, site_server):
    contexts = []

    def open_(path: str, day: str):
        context = browser.new_context(viewport=DESKTOP, reduced_motion="reduce")
        contexts.append(context)
        page = context.new_page()
        page.add_init_script(_at(day))
        page.goto(f"{site_server}/{path}")
        return page

    yield open_
    for context in contexts:
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
def test_the_readers_date_decides_current_superseded_and_upcoming(visit, path, day, state, text):
    page = visit(path, day)
    banner = page.locator(".hr-version-banner")
    assert banner.get_attribute("data-state") == state
    assert text in banner.inner_text()


def test_a_superseded_page_links_to_the_same_page_in_the_current_version(visit, site_server):
    page = visit("public/ashfield/v1/when-rules-are-broken/", "2027-05-01")
    page.click(".hr-version-banner >> text=Read this page in the current version")
    assert page.url == f"{site_server}/public/ashfield/v2/when-rules-are-broken/"
    assert "After 6 months" in page.inner_text("article")


def test_materials_version_selector_lists_every_version(visit):
    page = visit("public/ashfield/rules/", "2026-11-21")
    page.wait_for_selector(".md-version__current")
    assert page.inner_text(".md-version__current").strip() == "v1: from 1 May 2024"
    links = page.eval_on_selector_all(".md-version__link", "els => els.map(e => [e.textContent.trim(), e.href])")
    assert [t for t, _ in links] == ["v2: from 1 April 2027", "v1: from 1 May 2024"]
    assert links[0][1].endswith("/public/ashfield/v2/")


@pytest.mark.parametrize("version, breaks", [("v1", False), ("v2", True)])
def test_the_checker_on_a_versions_pages_uses_that_versions_rules(visit, version, breaks):
    # Ashfield's version 2 adds the rule on personal information.
    page = visit(f"public/ashfield/{version}/check/", "2027-06-01")
    page.fill("#hr-comment", "Ring me on 07700 900123 about the bins")
    page.click("[data-hr-form] button[type=submit]")
    page.wait_for_selector("[data-hr-results]:not([hidden])", timeout=90_000)
    verdict = page.get_attribute("[data-hr-results] li[data-rule='personal-information']", "data-verdict") \
        if page.locator("[data-hr-results] li[data-rule='personal-information']").count() else None
    assert (verdict == "breaks") is breaks
