"""Councils made up for the tests, in tests/councils/: Lowmoor states only
its name, website and rules; Eastbrook acts at once on some content, only
reserves rights, asks for comments in English and keeps party politics off
its pages all year. Each is built beside the real policies."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "councils"
FIXTURE_COUNCILS = sorted(p.stem for p in FIXTURES.glob("*.yaml"))


def policies_with_fixtures(project_root: Path, dest: Path) -> Path:
    """A copy of policies/ (without the published history, so each council
    shows its source) with the made-up councils added."""
    policies = dest / "policies"
    shutil.copytree(project_root / "policies", policies, ignore=shutil.ignore_patterns("published"))
    for path in FIXTURES.glob("*.yaml"):
        shutil.copy(path, policies / "councils" / path.name)
    return policies


def pages(site: Path) -> set[str]:
    """The site's pages, by folder ("" for the home page)."""
    return {p.parent.relative_to(site).as_posix().removeprefix(".") for p in site.rglob("index.html")}


def article(site: Path, page: str) -> str:
    """A page's main content, as HTML."""
    markup = (site / page / "index.html").read_text(encoding="utf-8")
    return re.search(r"<article\b.*?</article>", markup, re.S).group(0)


def text(site: Path, page: str) -> str:
    """The words of a page's main content, as a reader sees them."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", article(site, page)))).strip()
