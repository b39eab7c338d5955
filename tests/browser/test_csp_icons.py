"""Material draws its icons from data: SVGs in its stylesheet (the admonition
icons are CSS masks). The pages' Content-Security-Policy lets images come
from data: URLs, and from nothing else outside the site, so the icons show."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from site_pages import council_sites

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SITES = council_sites("staff")

# Records every CSP violation on the page, from before its first script runs.
LISTEN = ("window.__csp = []; document.addEventListener('securitypolicyviolation', "
          "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")


def png_pixels(png: bytes) -> list[tuple[int, int, int]]:
    """The RGB pixels of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, data, header = 8, b"", None
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        chunk = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            data += chunk
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and not interlace, header
    size = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(data), width * size
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up, corner = previous[i], previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(line)
        previous = line
    return [tuple(row[x * size:x * size + 3]) for row in rows for x in range(width)]


@pytest.mark.parametrize("site", SITES)
def test_admonition_icons_show_without_a_csp_violation(site_server, new_page, site):
    page = new_page()
    page.add_init_script(LISTEN)
    # The staff overview opens with an "info" admonition.
    page.goto(f"{site_server}/{site}/", wait_until="networkidle")
    title = page.locator(".admonition .admonition-title").first
    title.wait_for()
    icon = title.evaluate("""el => {
        const style = getComputedStyle(el, '::before');
        const box = el.getBoundingClientRect();
        return {mask: style.maskImage || style.webkitMaskImage, colour: style.backgroundColor,
                x: box.left + parseFloat(style.left), y: box.top + parseFloat(style.top),
                width: parseFloat(style.width), height: parseFloat(style.height)};
    }""")
    assert icon["mask"].startswith('url("data:image/svg+xml'), icon
    # Let any violation reach the listener before reading it.
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => setTimeout(done, 100)))")
    violations = page.evaluate("window.__csp")
    assert violations == [], f"Content-Security-Policy violations on {site}/: {violations}"

    # The icon is drawn: its colour shows through the mask. A mask the
    # policy blocked would leave only the title's pale background.
    shot = page.screenshot(clip={"x": icon["x"], "y": icon["y"], "width": icon["width"], "height": icon["height"]})
    want = tuple(int(v) for v in icon["colour"][icon["colour"].index("(") + 1:].rstrip(")").split(",")[:3])
    drawn = [p for p in png_pixels(shot) if all(abs(a - b) <= 24 for a, b in zip(p, want))]
    assert len(drawn) >= 10, f"the admonition icon ({want}) is not drawn on {site}/"


def test_images_from_elsewhere_are_still_refused(site_server, new_page):
    """data: is the only source of images besides the site, and the listener
    above does see a violation when there is one."""
    page = new_page()
    page.add_init_script(LISTEN)
    page.route("**/*", lambda route: route.abort() if "192.0.2.1" in route.request.url else route.continue_())
    page.goto(f"{site_server}/public/ashfield/", wait_until="load")
    loaded = page.evaluate("""() => Promise.all([
        'data:image/gif;base64,R0lGODlhAQABAAAAACwAAAAAAQABAAA=',   // allowed
        'http://192.0.2.1/probe.png',                              // refused
    ].map(src => new Promise(done => {
        const image = new Image();
        image.onload = () => done(true);
        image.onerror = () => done(false);
        image.src = src;
    })))""")
    assert loaded == [True, False]
    page.evaluate("() => new Promise(done => setTimeout(done, 100))")
    assert page.evaluate("window.__csp") == ["img-src http://192.0.2.1/probe.png"]
    policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert "img-src 'self' data:;" in policy and policy.count("data:") == 1
