"""Keyboard use: the first Tab reaches the skip link (or the council's name),
the skip link skips, and everything Tab reaches is visible and shows focus."""

from __future__ import annotations

import pytest

from site_pages import DESKTOP, MOBILE, NARROW, TABLET, PUBLIC_SITE, STAFF_SITE

pytestmark = pytest.mark.browser

# Styles of every element Tab could reach, before anything has focus; for a
# visually hidden radio button (the example tabs) its label is what shows focus.
SNAPSHOT_JS = """() => {
    const style = (e) => {
        const s = getComputedStyle(e);
        return {outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth,
                outlineColor: s.outlineColor, boxShadow: s.boxShadow,
                backgroundColor: s.backgroundColor, color: s.color,
                textDecoration: s.textDecorationLine, borderColor: s.borderColor};
    };
    window.__hrShown = (e) => {
        const r = e.getBoundingClientRect();
        if (e.matches('input[type=radio], input[type=checkbox]') && (r.width < 2 || r.height < 2)) {
            const label = e.id && document.querySelector(`label[for="${CSS.escape(e.id)}"]`);
            if (label) return label;
        }
        return e;
    };
    window.__hrStyle = style;
    const all = document.querySelectorAll(
        'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable]');
    window.__hrBefore = new Map();
    window.__hrIds = new Map();
    all.forEach((e, i) => {
        window.__hrBefore.set(e, style(window.__hrShown(e)));
        window.__hrIds.set(e, i);
    });
    document.activeElement && document.activeElement.blur();
}"""

# After a Tab: wait for transitions to end, then describe the focused element.
FOCUSED_JS = """async () => {
    await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
    const e = document.activeElement;
    if (!e || e === document.body || e === document.documentElement) return null;
    const shown = window.__hrShown(e);
    const r = shown.getBoundingClientRect();
    return {
        key: window.__hrIds.has(e) ? String(window.__hrIds.get(e)) : e.outerHTML.slice(0, 200),
        name: `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : ''}`
              + ` "${(e.textContent || e.getAttribute('aria-label') || e.id || '')
                     .trim().replace(/\\s+/g, ' ').slice(0, 40)}"`,
        visible: r.width > 0 && r.height > 0
                 && shown.checkVisibility({visibilityProperty: true, opacityProperty: true})
                 && r.bottom > 0 && r.right > 0
                 && r.left < document.documentElement.scrollWidth,
        before: window.__hrBefore.get(e) || null,
        after: window.__hrStyle(shown),
    };
}"""


def _transparent(colour: str) -> bool:
    return colour == "transparent" or colour.replace(" ", "").endswith(",0)")


def _focus_indicator(before: dict, after: dict) -> list[str]:
    """What visibly changed when the element took focus (empty: nothing)."""
    changes = []
    outline_now = (after["outlineStyle"] != "none" and after["outlineWidth"] not in ("0px", "")
                   and not _transparent(after["outlineColor"]))
    outline_was = (before["outlineStyle"] != "none" and before["outlineWidth"] not in ("0px", "")
                   and not _transparent(before["outlineColor"]))
    if outline_now and (not outline_was or
                        (before["outlineStyle"], before["outlineWidth"], before["outlineColor"])
                        != (after["outlineStyle"], after["outlineWidth"], after["outlineColor"])):
        changes.append("outline")
    if after["boxShadow"] != before["boxShadow"] and after["boxShadow"] != "none":
        changes.append("box-shadow")
    if after["backgroundColor"] != before["backgroundColor"]:
        changes.append("background")
    return changes


def _walk(page, limit: int = 250) -> list[dict]:
    """Press Tab until focus leaves the page or comes round again."""
    page.evaluate(SNAPSHOT_JS)
    stops, seen = [], set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED_JS)
        if stop is None or stop["key"] in seen:
            return stops
        seen.add(stop["key"])
        stops.append(stop)
    pytest.fail(f"Tab went round more than {limit} times on {page.url}")


# The pages the accessibility checks visit are checked there as well
# (test_accessibility.py, at both widths): here, a council's home page besides.
def test_first_tab_reaches_skip_link_or_council_name(visit, assert_first_tab_reaches_the_skip_link):
    page = visit("public/city/")
    assert_first_tab_reaches_the_skip_link(page, "public/city/")


@pytest.mark.parametrize("site", [PUBLIC_SITE, STAFF_SITE])
def test_skip_link_skips_to_the_content(visit, site):
    page = visit(f"{site}/")
    page.keyboard.press("Tab")
    assert "md-skip" in page.evaluate("document.activeElement.className")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    where = page.evaluate("""() => {
        const e = document.activeElement;
        return e.closest('.md-content') ? 'content' : e.closest('.md-footer') ? 'footer'
             : e.outerHTML.slice(0, 160);
    }""")
    assert where in ("content", "footer"), f"after the skip link, Tab reached {where}"


WALKS = [
    (f"{PUBLIC_SITE}/rules/", DESKTOP),
    (f"{PUBLIC_SITE}/rules-reference/", DESKTOP),
    (f"{STAFF_SITE}/", DESKTOP),
    ("public/city/", DESKTOP),
    (f"{PUBLIC_SITE}/rules/", TABLET),
    (f"{PUBLIC_SITE}/rules/", MOBILE),
    (f"{PUBLIC_SITE}/rules-reference/", MOBILE),
    (f"{STAFF_SITE}/responses/", MOBILE),
    (f"{STAFF_SITE}/responses/", NARROW),
]


@pytest.mark.parametrize("path,viewport", WALKS,
                         ids=[f"{p.rstrip('/')}-{v['width']}" for p, v in WALKS])
def test_everything_tab_reaches_is_visible_and_shows_focus(visit, path, viewport):
    page = visit(path, viewport)
    # The version selector is drawn once versions.json has come, and labelled
    # by the page script after: its links exist only then.
    if page.locator(".hr-version-topic").count():
        page.wait_for_selector(".md-version__link", state="attached")
        page.wait_for_load_state("networkidle")
    stops = _walk(page)
    assert len(stops) >= 3, f"Tab reached only {[s['name'] for s in stops]} on {path}"
    problems = []
    for stop in stops:
        if not stop["visible"]:
            problems.append(f"{stop['name']}: has focus but cannot be seen")
        elif stop["before"] is None:
            problems.append(f"{stop['name']}: takes focus though it is not a link, button or "
                            "form field (a scrolling box?); no focus style to check")
        elif not _focus_indicator(stop["before"], stop["after"]):
            problems.append(f"{stop['name']}: no visible focus indicator "
                            f"(before {stop['before']}, focused {stop['after']})")
    assert not problems, f"on {path} at {viewport['width']}px:\n  " + "\n  ".join(problems)
