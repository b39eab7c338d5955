"""The page at the address of a council that publishes in more than one
language: each language's site offered in that language, in the order the
council lists its languages (a Welsh council lists Welsh first), so neither
site sits below the other.

A plain page: no script, one small stylesheet whose hash the page's
Content-Security-Policy names, nothing from anywhere else.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

from .languages import name as language_name
from .languages import text_in
from .page_words import site_title

_STYLE = (
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:0;color:#1a1a1a;"
    "background:#fff;line-height:1.5}"
    "main{max-width:40rem;margin:0 auto;padding:2rem 1rem}"
    "section{padding:1rem 0;border-bottom:1px solid #767676}"
    "h1,h2{margin:0 0 .5rem}"
    "a{color:#0b0c0c;font-size:1.25rem;font-weight:700}"
    "a:focus{outline:3px solid #1a1a1a;outline-offset:2px;background:#ffdd00}"
)
_STYLE_HASH = base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()


def page(council, audience: str) -> str:
    codes = council.languages
    first = codes[0]
    sections = []
    for code in codes:
        title = site_title(audience, code)
        name = text_in(council.name, code)
        sections.append(
            f'<section lang="{code}">\n'
            f"<h2>{escape(name)}: {escape(title)}</h2>\n"
            f'<p><a href="{code}/" hreflang="{code}">{escape(language_name(code, code))}</a></p>\n'
            "</section>")
    heading = " / ".join(escape(text_in(council.name, code)) for code in codes)
    alternates = "\n".join(f'<link rel="alternate" hreflang="{code}" href="{code}/">' for code in codes)
    return (
        "<!doctype html>\n"
        f'<html lang="{first}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; "
        f"style-src 'sha256-{_STYLE_HASH}'; object-src 'none'; base-uri 'self'; form-action 'self'\">\n"
        f"<title>{heading}</title>\n{alternates}\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<main>\n<h1>{heading}</h1>\n" + "\n".join(sections) + "\n</main>\n</body>\n</html>\n")
