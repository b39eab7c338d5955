"""axe-core (WCAG 2.2 A and AA) on every page type of a public and a staff
site, on a desktop and a phone-sized screen; the small-screen menu and the
tabbed examples worked from the keyboard."""

from __future__ import annotations

import pytest

from site_pages import (A11Y_PAGES, DESKTOP, LANGUAGE_CHOICES, MOBILE, NARROW, WIDE_CONTENT_PAGES, PUBLIC_SITE,
                        STAFF_SITE, built_pages, page_id)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
@pytest.mark.parametrize("site_page", A11Y_PAGES, ids=page_id)
def test_page_has_no_wcag_violations_and_tab_reaches_the_skip_link_first(
        visit, assert_accessible, assert_first_tab_reaches_the_skip_link, site_page, viewport):
    """One visit for both: a Material page costs about 0.3 s of CPU to load,
    and axe changes nothing Tab depends on (it moves no focus)."""
    site, path = site_page
    where = f"{site}/{path} at {viewport['width']}x{viewport['height']}"
    page = visit(f"{site}/{path}", viewport)
    assert_accessible(page, where)
    assert_first_tab_reaches_the_skip_link(page, where)


@pytest.mark.parametrize("site_page", LANGUAGE_CHOICES, ids=page_id)
def test_the_choice_of_language_is_accessible_and_reached_first_by_keyboard(site_server, new_page, assert_accessible,
                                                                           site_page):
    """Each language is a link named in its own language (lang on its
    section), the first reached by Tab; axe's language checks pass."""
    site, path = site_page
    page = new_page(MOBILE)
    page.goto(f"{site_server}/{site}/{path}")
    assert_accessible(page, f"{site}/{path}")
    page.keyboard.press("Tab")
    assert page.evaluate("[document.activeElement.textContent, document.activeElement.closest('[lang]').lang]") \
        == ["Cymraeg", "cy"]
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{site}/cy/")
    assert page.evaluate("document.documentElement.lang") == "cy"


@pytest.mark.parametrize("site_page", WIDE_CONTENT_PAGES, ids=page_id)
def test_wide_content_at_320px_has_no_wcag_violations(visit, assert_accessible, site_page):
    """Tables and tabs at the narrowest width WCAG asks pages to reflow to."""
    site, path = site_page
    page = visit(f"{site}/{path}", NARROW)
    assert_accessible(page, f"{site}/{path} at 320x640")


@pytest.mark.parametrize("site", [PUBLIC_SITE, STAFF_SITE])
def test_every_page_type_is_checked(built_site, site):
    """A new page type must be added to site_pages.py, so axe sees it too."""
    checked = {p for s, p in A11Y_PAGES if s == site}
    built = {p for p in built_pages(built_site / site) if p != "404.html"}
    assert built <= checked, f"{site}: pages not checked for accessibility: {sorted(built - checked)}"


def _visible(page, selector: str) -> bool:
    return page.locator(selector).first.evaluate(
        "e => e.checkVisibility({visibilityProperty: true, opacityProperty: true})")


def test_small_screen_menu_works_from_the_keyboard(site_server, new_page, assert_accessible):
    page = new_page(MOBILE)
    page.goto(f"{site_server}/{PUBLIC_SITE}/rules/")
    nav_link = ".md-sidebar--primary .md-nav__link"
    assert not _visible(page, nav_link), "the closed menu's links should be hidden"

    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('hr-menu-button')"):
            break
    else:
        pytest.fail("Tab never reached the Menu button")
    button = page.locator(".hr-menu-button")
    assert button.get_attribute("aria-expanded") == "false"

    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    page.wait_for_function(
        "() => document.querySelector('.md-sidebar--primary .md-nav__link')"
        ".checkVisibility({visibilityProperty: true})")
    assert_accessible(page, "rules page at 375x740 with the menu open")

    # Tab goes on into the open menu (past the search button and the version selector).
    for _ in range(7):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
            break
    else:
        pytest.fail("Tab did not reach the open menu's links")

    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('hr-menu-button')"), \
        "Escape should close the menu and put focus back on the Menu button"


def test_example_tabs_work_from_the_keyboard(site_server, page):
    page.goto(f"{site_server}/{PUBLIC_SITE}/rules-reference/")
    first_set = page.locator(".tabbed-set").first
    radios = first_set.locator(":scope > input[type=radio]")
    blocks = first_set.locator(".tabbed-content > .tabbed-block")
    assert radios.count() >= 2 and blocks.count() == radios.count()
    first_id, second_id = radios.nth(0).get_attribute("id"), radios.nth(1).get_attribute("id")

    def active_id():
        return page.evaluate("document.activeElement && document.activeElement.id")

    def label_style(radio_id):
        return page.locator(f'label[for="{radio_id}"]').evaluate(
            "e => { const s = getComputedStyle(e); return [s.backgroundColor, s.boxShadow, s.outlineStyle]; }")

    unfocused = label_style(first_id)
    for _ in range(100):
        page.keyboard.press("Tab")
        if active_id() == first_id:
            break
    else:
        pytest.fail("Tab never reached the first set of example tabs")
    assert label_style(first_id) != unfocused, "the focused tab shows no focus indicator"
    assert blocks.nth(0).is_visible() and not blocks.nth(1).is_visible()

    page.keyboard.press("ArrowRight")
    assert active_id() == second_id and radios.nth(1).is_checked()
    assert blocks.nth(1).is_visible() and not blocks.nth(0).is_visible(), \
        "ArrowRight should show the second tab's examples"

    page.keyboard.press("ArrowLeft")
    assert active_id() == first_id and radios.nth(0).is_checked()
    assert blocks.nth(0).is_visible() and not blocks.nth(1).is_visible()

    # One Tab stop per set of tabs: the next Tab leaves the set.
    page.keyboard.press("Tab")
    assert active_id() not in (first_id, second_id)
