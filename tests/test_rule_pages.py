"""The "Rules explained" pages are generated from the catalogue: every adopted
rule, its rationale and its examples; offensive words masked for residents,
shown as written to staff."""

from __future__ import annotations

import html
import re

import pytest
import yaml

from in_force import policy_in_force
from sites import site_folders, slug_of
from houserules.load import load_policy
from houserules.masking import offensive_terms


def _text(path):
    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))


def test_every_adopted_rule_is_explained_on_both_sites(project_root, built_site):
    for slug in load_policy(project_root / "policies").councils:
        council = policy_in_force(slug).councils[slug]
        ids = set(council.rules.ids)
        for audience in ("public", "staff"):
            for site in (s for s in site_folders(built_site, audience) if slug_of(s, built_site) == slug):
                page = (site / "rules-reference" / "index.html").read_text(encoding="utf-8")
                for rule_id in ids:
                    assert f'id="{rule_id}"' in page, f"{site} does not explain {rule_id}"


def test_public_examples_mask_offensive_words_and_staff_examples_do_not(project_root, built_site):
    policy = load_policy(project_root / "policies")
    terms = offensive_terms(policy.wordlists)
    word = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, terms)) + r")(?![\w])", re.I)
    public = _text(built_site / "public" / "ashfield" / "rules-reference" / "index.html")
    staff = _text(built_site / "staff" / "ashfield" / "rules-reference" / "index.html")
    swearing = yaml.safe_load((project_root / "policies" / "rules" / "swearing.yaml").read_text())
    example = swearing["examples"]["breaks"][0]
    assert word.search(example), "the swearing rule's first example should contain a listed word"
    assert example in staff
    assert example not in public
    found = [m.group(0) for m in word.finditer(public)]
    assert not found, f"unmasked offensive words on a public page: {found[:5]}"


@pytest.mark.parametrize("languages", [("en",), ("cy", "en")], ids=["in-english", "in-welsh-and-english"])
def test_no_public_example_shows_a_word_the_checker_flags_on_its_own(languages):
    """Masking hides every offensive word the checker reads in an example, in
    any form it reads ("pikeys" as "pikey"): an example that holds one the
    mask misses fails here, before a resident reads it."""
    from source import policy as source_policy
    from houserules.masking import mask
    from houserules.rulepack import pack_words
    from houserules_checker.lexicon import Lexicon
    from houserules_checker.text import prepare

    policy = source_policy()
    terms = offensive_terms(policy.wordlists, languages)
    ordinary = {w for wl in policy.wordlists.values() if wl.language in languages for w in wl.ordinary_words}
    lexicon = Lexicon(pack_words(policy.wordlists))
    shown = []
    for rule in policy.rules.values():
        for example in (*rule.examples.breaks, *rule.examples.passes):
            if example.language == "cy" and "cy" not in languages:
                continue  # a Welsh example is shown only where a council publishes in Welsh
            masked = mask(example.text, terms)
            shown += [(rule.id, masked, hit.entry.term) for hit in lexicon.find(prepare(masked).words)
                      if hit.entry.severity >= 2 and not hit.entry.context_only and hit.entry.term not in ordinary]
    assert not shown, shown


@pytest.mark.parametrize("council", ["ashfield", "north-hertfordshire", "nottinghamshire", "city"])
def test_each_contact_is_its_own_line_with_its_address_once(built_site, council):
    """A resident reads one way to reach the council per line: the council's
    sentence, then the address it gives, never run into the sentence, and
    the website not repeated under a contact that already links it."""
    page = (built_site / "public" / council / "contact" / "index.html").read_text()
    article = page[page.index("<h1"):page.index('class="hr-last-updated"')]
    items = re.findall(r"<li>(.*?)</li>", article, re.S)
    assert items, f"{council}: the contacts are not a list"
    for item in items:
        seen = re.sub(r"<[^>]+>", "", item)
        for address in set(re.findall(r'href="https?://([^"]+?)/?"', item)):
            assert seen.count(address) == 1, f"{council}: {seen!r}"
        assert not re.search(r"\w[.:]? [A-Z][\w ]+: www\.", seen), \
            f"{council}: an address runs into the sentence: {seen!r}"
    linked = set(re.findall(r'<li>.*?href="([^"]+)"', article))
    website = re.search(r'Our website: <a href="([^"]+)"', article)
    assert not (website and website.group(1) in linked), f"{council}: the website is given twice"


@pytest.mark.slow
def test_an_example_in_a_language_no_council_publishes_in_is_marked_with_it_on_every_page(tmp_path):
    """The language rule's comments in Polish, Arabic ... are shown by every
    council adopting it, each marked with its own language (WCAG 3.1.2), on
    English and Welsh pages alike."""
    from houserules.build import build_sites
    from twin_councils import ENGLISH_SLUG, ROOT, WELSH_SLUG, twin_policy

    twin_policy(tmp_path, ("post-in-english",))
    build_sites(ROOT, [WELSH_SLUG, ENGLISH_SLUG], policy=tmp_path / "policies", out=tmp_path / "site", workers=1)
    for site in (f"public/{ENGLISH_SLUG}", f"public/{WELSH_SLUG}/cy", f"public/{WELSH_SLUG}/en"):
        page = (tmp_path / "site" / site / "rules-reference" / "index.html").read_text(encoding="utf-8")
        assert '<span lang="pl">“Kiedy w końcu naprawicie' in page, site
        assert '<span lang="ar">“' in page, site
