"""Which built pages the browser tests visit, and at what screen sizes.

Nottinghamshire has every page type for both audiences (the pre-election page
and the staff protocol are optional); Ashfield's staff site is the one without
a protocol page.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from houserules.server import make_server

DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 740}
# 1280px zoomed to 400%: the width WCAG's reflow criterion (1.4.10) asks for.
NARROW = {"width": 320, "height": 640}
# Between Material's breakpoints: the menu is a drawer, the layout is not a phone's.
TABLET = {"width": 1024, "height": 768}

PUBLIC_SITE = "public/nottinghamshire"
STAFF_SITE = "staff/nottinghamshire"

PUBLIC_PAGES = ["", "rules/", "check/", "using-social-media/", "when-rules-are-broken/", "pre-election/",
                "contact/", "rules-reference/", "history/", "compare/", "accessibility/"]
STAFF_PAGES = ["", "protocol/", "moderation/", "check/", "responses/", "judgement/", "rules-reference/",
               "history/", "compare/", "accessibility/"]

# (site, page) pairs for the accessibility checks.
A11Y_PAGES = ([(PUBLIC_SITE, p) for p in PUBLIC_PAGES]
              + [(STAFF_SITE, p) for p in STAFF_PAGES]
              + [("staff/ashfield", ""),
                 # Published versions: a superseded one's and an upcoming one's banner and selector.
                 ("public/nottinghamshire", "v1/rules/"), ("public/ashfield", "v2/"),
                 ("public/ashfield", "history/"),
                 # A council in Welsh and English: its Welsh pages (lang="cy") and an English one.
                 ("public/swansea/cy", ""), ("public/swansea/cy", "rules/"), ("staff/swansea/cy", "responses/"),
                 ("public/swansea/en", "")])

# The page at the address of a council in two languages, offering each.
LANGUAGE_CHOICES = [("public/swansea", ""), ("staff/swansea", "")]


# Pages with wide content (tables, rows of tabs), checked at NARROW too.
WIDE_CONTENT_PAGES = [(PUBLIC_SITE, "rules/"), (PUBLIC_SITE, "rules-reference/"),
                      (STAFF_SITE, "responses/"), (STAFF_SITE, "judgement/")]


def council_sites(audience: str) -> list[str]:
    """Each council's site of one audience, as a path from the server's root:
    "staff/ashfield", or for a council in more than one language its first
    language's, "staff/swansea/cy" (the other's is the same site in other
    words: tests/test_bilingual_sites.py compares them)."""
    from source import policy

    return [f"{audience}/{slug}" + (f"/{code}" if len(council.languages) > 1 else "")
            for slug, council in sorted(policy().councils.items()) for code in council.languages[:1]]


def page_id(pair: tuple[str, str]) -> str:
    site, page = pair
    return f"{site}/{page.rstrip('/') or 'index'}"


def built_pages(site_dir: Path) -> list[str]:
    """Every HTML page of one built site, as paths relative to its root
    ("" for the home page, "rules/" for rules/index.html, "404.html").
    Published versions (v1/, v2/...) are editions of the same pages: left out."""
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        rel = html.relative_to(site_dir).as_posix()
        if re.match(r"v\d+/", rel):
            continue
        if rel == "index.html":
            pages.append("")
        elif rel.endswith("/index.html"):
            pages.append(rel[: -len("index.html")])
        else:
            pages.append(rel)
    return pages


@contextmanager
def served(site: Path) -> Iterator[str]:
    """The preview server on `site`: compressed, versioned checker files
    cached, as a council's server should be configured."""
    server = make_server(site, quiet=True)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
