"""The "Rules explained" pages are generated from the catalogue: every adopted
rule, its rationale and its examples; offensive words masked for residents,
shown as written to staff."""

from __future__ import annotations

import html
import re

import yaml

from in_force import policy_in_force
from houserules.load import load_policy
from houserules.masking import offensive_terms


def _text(path):
    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))


def test_every_adopted_rule_is_explained_on_both_sites(project_root, built_site):
    for slug in load_policy(project_root / "policies").councils:
        council = policy_in_force(slug).councils[slug]
        ids = set(council.rules.ids)
        for audience in ("public", "staff"):
            page = (built_site / audience / slug / "rules-reference" / "index.html").read_text(encoding="utf-8")
            for rule_id in ids:
                assert f'id="{rule_id}"' in page, f"{audience}/{slug} does not explain {rule_id}"


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
