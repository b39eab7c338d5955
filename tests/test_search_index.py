"""Site search: every site has its own search index, and a public site's index
never holds a staff-only page or a word of staff-only text. The index is what
the reader's browser downloads and searches, so anything in it is published
even when no page shows it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest


from houserules.build import build_sites
from houserules.formats import PUBLIC_PAGES, STAFF_NAV, STAFF_PAGES
from houserules.load import load_policy
from sites import site_folders, slug_of

STAFF_ONLY_PAGES = [p for p in STAFF_PAGES if p not in PUBLIC_PAGES]
STAFF_ONLY_TITLES = [t for p, t in STAFF_NAV if p in STAFF_ONLY_PAGES] + ["Staff overview"]
# A staff section with a word nothing else has, placed on pages both sites have.
SENTINEL = "Quillwort"


def _indexes(site: Path) -> list[Path]:
    """The search index of a site's own address and of each published version."""
    return sorted(site.glob("search/search_index.json")) + sorted(site.glob("v*/search/search_index.json"))


def _docs(index: Path) -> list[dict]:
    return json.loads(index.read_text(encoding="utf-8"))["docs"]


def _words(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def _sites(built_site: Path, audience: str) -> list[Path]:
    return site_folders(built_site, audience)


def test_every_site_and_version_has_a_search_index(built_site):
    for audience in ("public", "staff"):
        for site in _sites(built_site, audience):
            indexes = _indexes(site)
            assert site / "search" / "search_index.json" in indexes, f"{site}: no search index"
            versions = sorted(site.glob("v*/index.html"))
            assert len(indexes) == 1 + len(versions), f"{site}: a version without a search index"
            for index in indexes:
                docs = _docs(index)
                assert docs and all(d["location"] is not None for d in docs), index


def test_a_public_index_names_no_staff_page(built_site):
    for site in _sites(built_site, "public"):
        for index in _indexes(site):
            for doc in _docs(index):
                page = doc["location"].split("#")[0].rstrip("/")
                assert page not in STAFF_ONLY_PAGES, f"{index}: the staff page {page!r} is indexed"
                assert doc["title"] not in STAFF_ONLY_TITLES, f"{index}: {doc['title']!r}"
            text = " ".join(_words(d["text"]) for d in _docs(index))
            assert "Staff intranet" not in text and "internal use only" not in text, index


def test_a_public_index_holds_no_staff_only_text(built_site, project_root):
    """Every sentence of every staff-only section and response target of every
    council is missing from every public index (and is in the staff one). (The
    staff-only pages also repeat what the public pages say: their other text
    is tested by the names of the pages above and the sections below.)"""
    policy = load_policy(project_root / "policies")
    for slug, council in policy.councils.items():
        staff_text = [_words(s.body) for s in council.sections if s.audience == "staff"]
        if council.responses and council.responses.targets:
            staff_text += [t.wording for t in council.responses.targets if t.audience == "staff" and t.wording]
        staff_sites = site_folders(built_site, "staff")
        staff_index = [d for site in staff_sites if slug_of(site, built_site) == slug
                       for d in _docs(site / "search" / "search_index.json")]
        sentences = {s.strip() for text in staff_text for s in re.split(r"(?<=[.!?:])\s+", text)
                     if len(s.strip()) > 40}
        staff_all = " ".join(_words(d["text"]) for d in staff_index)
        public_indexes = [index for site in site_folders(built_site, "public") if slug_of(site, built_site) == slug
                          for index in _indexes(site)]
        assert public_indexes
        for index in public_indexes:
            public = " ".join(_words(d["text"]) for d in _docs(index))
            leaked = sorted(s for s in sentences if s in public)
            assert not leaked, f"{index} holds staff-only text:\n  " + "\n  ".join(leaked[:10])
        if slug == "nottinghamshire":  # it has a staff protocol: the check above had something to find
            assert sentences and any(s in staff_all for s in sentences)


@pytest.mark.slow  # builds sites
def test_a_staff_section_on_a_shared_page_is_searchable_on_staff_sites_only(project_root, policy_copy, tmp_path):
    council = policy_copy / "councils" / "ashfield.yaml"
    text = council.read_text(encoding="utf-8")
    assert "\nsections:\n" in text
    extra = "".join(
        f"  - id: staff-note-{page}\n    audience: staff\n    page: {page}\n    title: {SENTINEL} {page}\n"
        f"    body: |\n      Moderators: the {SENTINEL} procedure applies to {page}.\n"
        for page in ("index", "check"))
    council.write_text(text.replace("\nsections:\n", "\nsections:\n" + extra, 1), encoding="utf-8")
    out = tmp_path / "site"
    build_sites(project_root, ["ashfield"], policy=policy_copy, out=out)

    staff = (out / "staff" / "ashfield" / "search" / "search_index.json").read_text(encoding="utf-8")
    for page in ("index", "check"):
        assert f"the {SENTINEL} procedure applies to {page}" in staff, f"the staff section on {page} is not searchable"
    for path in (out / "public" / "ashfield").rglob("*"):
        if path.is_file() and path.suffix in (".json", ".html", ".xml", ".js"):
            assert SENTINEL not in path.read_text(encoding="utf-8", errors="replace"), path



def test_tab_labels_are_separate_words_in_the_index(built_site):
    """Neighbouring tab labels (the examples' "Would break this rule" and
    "Would not break it", or their Welsh) are written with nothing between
    them: the index, and the result a reader sees, must not run one into the
    next."""
    pairs, joined = set(), []
    for audience in ("public", "staff"):
        for site in _sites(built_site, audience):
            for page in site.rglob("*.html"):
                for labels in re.findall(r'<div class="tabbed-labels">(.*?)</div>', page.read_text(encoding="utf-8"),
                                         re.S):
                    names = re.findall(r"<label[^>]*>([^<]*)</label>", labels)
                    pairs.update(zip(names, names[1:]))
            for index in _indexes(site):
                text = " ".join(doc["text"] for doc in _docs(index))
                joined += [(index, a + b) for a, b in pairs if a + b in text]
    assert {"Would break this rule", "Would not break it"} <= {name for pair in pairs for name in pair}
    assert joined == []
