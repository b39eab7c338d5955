"""Search, as a resident uses it: a word typed into the search box finds the
page that says it, from the site's own index, searched by the site's own
worker, under the pages' Content-Security-Policy, with nothing asked of any
other host; the open search passes axe. And printing: a printed page names
the council and its own address, and leaves out the checker's form and the
navigation."""

from __future__ import annotations

import pytest

from site_pages import DESKTOP, MOBILE, PUBLIC_SITE, STAFF_SITE

pytestmark = pytest.mark.browser

LISTEN = ("window.__csp = []; document.addEventListener('securitypolicyviolation', "
          "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")


def _type(page, word: str) -> str:
    """Type `word` into the search box; returns what the results said before.

    Material searches on each key released, and a slow worker's answer to
    "spammi" can be on screen when the first result is read: all but the
    last letter go in without a key, so the one search is for the whole word.
    Material also searches the box's value when its worker becomes ready, and
    a worker ready between the fill and the reading of `before` made the
    before and after the same ("No matching documents"): so the worker's
    answer to the empty box is waited for first."""
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent !== ''")
    box = page.locator(".md-search__input")
    box.fill(word[:-1])
    before = page.locator(".md-search-result__meta").inner_text()  # "Type to start searching"
    box.press(word[-1])
    return before


def _search(page, word: str) -> list[dict]:
    _type(page, word)
    page.wait_for_selector(".md-search-result__item")
    return page.eval_on_selector_all(
        ".md-search-result__item > a",
        "links => links.map(a => ({href: a.href, title: a.querySelector('h1, h2').textContent.trim()}))")


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
def test_search_finds_the_page_that_says_it(site_server, new_page, assert_accessible, viewport):
    page = new_page(viewport)
    page.add_init_script(LISTEN)
    origin = f"{site_server}/"
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.route(lambda url: not url.startswith(origin), lambda route: route.abort())
    page.goto(f"{site_server}/{PUBLIC_SITE}/", wait_until="networkidle")

    if viewport is MOBILE:  # a small screen: a real button opens the search, and the box takes the focus
        button = page.get_by_role("button", name="Search")
        button.click()
        page.wait_for_function("document.activeElement.classList.contains('md-search__input')")
    else:
        page.get_by_role("textbox", name="Search").click()
    results = _search(page, "spamming")

    assert results, "no search results for a word on the rules pages"
    first = results[0]
    assert first["href"].startswith(f"{site_server}/{PUBLIC_SITE}/"), first
    assert "/rules-reference/" in first["href"] and first["title"] == "Rules explained", results
    assert_accessible(page, f"{PUBLIC_SITE}/ with search results at {viewport['width']}px")

    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_url("**/rules-reference/**")
    assert page.locator("h1").first.inner_text() == "Rules explained"
    assert "No spamming" in page.locator("article").inner_text()

    # The worker and the index came from the site, and nothing came from anywhere else.
    assert any("/assets/javascripts/workers/search." in u for u in requested), requested
    assert any(u.endswith("/search/search_index.json") for u in requested), requested
    foreign = [u for u in requested if not u.startswith(origin) and not u.startswith(("data:", "blob:"))]
    assert not foreign, f"requests to other hosts: {foreign}"
    assert page.evaluate("window.__csp") == [], "Content-Security-Policy violations"


def test_a_public_search_finds_no_staff_page(site_server, new_page):
    """The staff protocol's words are found on the staff site, and not on the public one."""
    words = "appendix"  # the staff protocol's appendices (Nottinghamshire)
    staff = new_page()
    staff.goto(f"{site_server}/{STAFF_SITE}/", wait_until="networkidle")
    staff.get_by_role("textbox", name="Search").click()
    found = _search(staff, words)
    assert any("/protocol/" in r["href"] for r in found), found

    public = new_page()
    public.goto(f"{site_server}/{PUBLIC_SITE}/", wait_until="networkidle")
    public.get_by_role("textbox", name="Search").click()
    before = _type(public, words)
    public.wait_for_function("before => document.querySelector('.md-search-result__meta').innerText !== before",
                             arg=before)
    links = public.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    assert not any("/protocol/" in h or "/moderation/" in h for h in links), links


@pytest.mark.parametrize("path", ["rules/", "check/"])
def test_a_printed_page_names_the_council_and_its_address(site_server, new_page, path):
    page = new_page()
    url = f"{site_server}/{PUBLIC_SITE}/{path}"
    page.goto(url, wait_until="networkidle")
    page.emulate_media(media="print")
    printed = page.locator("body").inner_text()  # what is shown: display:none leaves it out

    assert "Nottinghamshire County Council" in printed
    assert f"This page: {url}" in printed, "the page's address should be printed"
    assert "Last updated:" in printed and "(version " in printed and "Printed on " in printed
    assert not page.locator(".hr-checker").first.is_visible(), "the checker's form should not be printed"
    assert "Your comment" not in printed and "Back to the council's website" not in printed
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        assert not page.locator(chrome).first.is_visible(), f"{chrome} should not be printed"

    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_the_print_heading_is_not_on_screen(site_server, new_page):
    page = new_page()
    page.goto(f"{site_server}/{PUBLIC_SITE}/rules/", wait_until="networkidle")
    assert not page.locator(".hr-print-heading").is_visible()
    assert not page.locator("[data-hr-printed-on]").is_visible()


@pytest.mark.parametrize("edition", ["", "v1/"], ids=["own address", "version 1"])
def test_search_results_stay_in_the_version_being_read(site_server, new_page, edition):
    """A resident searching at the council's own address is sent to pages at
    that address, not to a numbered copy; one reading version 1 stays in it."""
    page = new_page()
    page.goto(f"{site_server}/{PUBLIC_SITE}/{edition}", wait_until="networkidle")
    page.get_by_role("textbox", name="Search").click()
    results = _search(page, "spamming")
    base = f"{site_server}/{PUBLIC_SITE}/{edition}"
    for result in results:
        rest = result["href"][len(base):]
        assert result["href"].startswith(base) and not rest.startswith(("v1/", "v2/", "v3/")), results


def test_a_welsh_sites_search_finds_a_welsh_word_and_answers_in_welsh(site_server, new_page, assert_accessible):
    """On the Welsh site: the box, its results and the page they open are
    Welsh, and the index is the Welsh site's own."""
    page = new_page(DESKTOP)
    site = "public/swansea/cy"
    page.goto(f"{site_server}/{site}/", wait_until="networkidle")
    page.get_by_role("textbox", name="Chwilio").click()
    results = _search(page, "sbamio")
    assert results and all(r["href"].startswith(f"{site_server}/{site}/") for r in results), results
    assert any("/rules-reference/" in r["href"] and r["title"] == "Esbonio'r rheolau" for r in results), results
    assert_accessible(page, f"{site}/ with search results")
