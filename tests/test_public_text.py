"""What a resident reads on a public site is written for them: no sign of how
the pages are made. Every built public page (every council, every published
version, the 404 page) is read as text, as a browser shows it, and none may
hold author-only material: rule or action ids in brackets or in code form,
file names, "seed", "placeholder", "TODO", "not stated" and the like. Those
belong on the staff site and in `houserules validate` warnings."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from houserules.wording import ACTIONS

ROOT = Path(__file__).resolve().parent.parent
RULE_IDS = sorted(p.stem for p in (ROOT / "policies" / "rules").glob("*.yaml"))

AUTHOR_ONLY = {
    "an id in brackets": re.compile(r"\((?:[a-z0-9]+-)+[a-z0-9]+\)"),
    "a file name": re.compile(r"\.ya?ml\b|\bpolicies/|\bcouncils/|\bpublished/|\.j2\b"),
    "the seed documents": re.compile(r"\bseeds?\b", re.I),
    "a placeholder": re.compile(r"\bplaceholder\b", re.I),
    "a note to the author": re.compile(r"\b(?:TODO|FIXME|XXX|TBC|TBD)\b"),
    "a silence": re.compile(r"\bnot stated\b|\bunknown:", re.I),
    "a field name": re.compile(r"\b(?:after_months|decided_with|outside_hours|block_appeal|at_once|audience: staff)\b"),
    "an action id": re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in ACTIONS if "-" in a) + r")(?![\w-])"),
}


class _Text(HTMLParser):
    """The text a reader sees: no scripts, styles or attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    return " ".join(" ".join(parser.parts).split())


def public_pages(built_site: Path) -> list[Path]:
    pages = sorted((built_site / "public").rglob("*.html"))
    return [p for p in pages if "assets" not in p.relative_to(built_site).parts]


def problems_in(text: str) -> list[str]:
    found = []
    for what, pattern in AUTHOR_ONLY.items():
        for match in pattern.finditer(text):
            found.append(f"{what}: …{text[max(0, match.start() - 60):match.end() + 40]}…")
    found += [f"a rule id in brackets: ({rule_id})" for rule_id in RULE_IDS if f"({rule_id})" in text]
    return found


def test_no_public_page_holds_author_only_material(built_site):
    pages = public_pages(built_site)
    assert len(pages) > 40, "every council's public pages should have been built"
    problems = []
    for page in pages:
        text = visible_text(page.read_text(encoding="utf-8"))
        problems += [f"{page.relative_to(built_site)}: {p}" for p in problems_in(text)]
    assert not problems, "author-only material on public pages:\n  " + "\n  ".join(problems[:40])


def test_history_pages_show_no_rule_ids(built_site):
    pages = [p for p in public_pages(built_site) if p.parent.name == "history"]
    assert pages
    for page in pages:
        text = visible_text(page.read_text(encoding="utf-8"))
        ids = [i for i in RULE_IDS if "-" in i and re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)]
        assert not ids, f"{page.relative_to(built_site)}: rule ids {ids}"


def test_a_sample_history_says_so_once_per_page(built_site):
    for page in (built_site / "public").glob("*/history/index.html"):
        text = visible_text(page.read_text(encoding="utf-8"))
        assert text.count("are made up, to show how a history of changes works") == 1, page
        assert "Sample history, made up" not in text, page


def test_history_explains_published_and_in_force(built_site):
    text = visible_text((built_site / "public" / "ashfield" / "history" / "index.html").read_text(encoding="utf-8"))
    assert "Each version has two dates: the day it was published on these pages, and the day it came into force" in text
    # Monitoring hours changed, in the setting and in the council's words: told once.
    assert text.count("Monitoring hours") == 1
    assert "09:00" not in text and "17:00" not in text


def test_the_city_council_public_site_asks_its_author_nothing(built_site):
    for page in (built_site / "public" / "city").rglob("*.html"):
        text = visible_text(page.read_text(encoding="utf-8"))
        assert "does not name the council" not in text and "Set the council's name" not in text, page


@pytest.mark.parametrize("text, what", [
    ("Do not post it (personal-information).", "an id in brackets"),
    ("Set in policies/councils/city.yaml.", "a file name"),
    ("The source document (seed 001) does not say.", "the seed documents"),
    ("Monitoring: not stated.", "a silence"),
    ("TODO: fill in", "a note to the author"),
    ("actions: hide-or-delete", "an action id"),
])
def test_the_scan_finds_what_it_is_meant_to(text, what):
    assert any(p.startswith(what) for p in problems_in(text)), (text, problems_in(text))
    assert not problems_in("Do not share anyone's phone number. We hide or delete the post.")
