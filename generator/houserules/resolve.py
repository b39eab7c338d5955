"""Resolve one council for one audience into the view the templates read.

This is where staff content is separated from public content: the public
view is built without any staff section or staff-only setting in it, so no
template can leak one by mistake.
"""

from __future__ import annotations

from .formats import PUBLIC_NAV, STAFF_NAV, adopted_entries
from .load import Policy
from .masking import mask, offensive_terms

# Which pages each site has, in navigation order: (page id, title).
# Check kinds whose verdicts a moderator must confirm or make themselves.
NEEDS_JUDGEMENT = {"human": "needs a person", "accusation": "may break: a person decides",
                   "relevance": "needs the post being replied to"}


def _known(value) -> dict:
    """A setting that may be marked unknown: what to show, and why it is unknown."""
    if isinstance(value, dict):
        return {"value": None, "shown": value["placeholder"], "unknown": value["unknown"]}
    return {"value": value, "shown": value, "unknown": None}


def _adopted(entry: dict, rules: dict) -> dict:
    ids = [entry["rule"]] if entry["rule"] else entry["rules"]
    members = [rules[i] for i in ids]
    own = entry["wording"]
    return {
        "ids": ids,
        "rules": members,
        "wording": own or " ".join(r["wording"] for r in members),
        "own_wording": bool(own),
    }


def resolve(policy: Policy, slug: str, audience: str, versions: dict | None = None) -> dict:
    """`versions`: where this edition stands among the council's published
    versions (editions.context), or None for a council with none."""
    council = policy.councils[slug]
    staff = audience == "staff"

    def visible(items):
        return [i for i in items if staff or i.get("audience", "public") == "public"]

    items = []
    for item in council["rules"]["adopted"]:
        if "adopted" in item:
            items.append({**item, "adopted": [_adopted(e, policy.rules) for e in item["adopted"]]})
        else:
            items.append(_adopted(item, policy.rules))
    adopted = [_adopted(e, policy.rules) for e in adopted_entries(council["rules"])]
    # One entry per rule for the reference page, in the order the council lists them.
    terms = offensive_terms(policy.wordlists)
    shown = (lambda text: text) if staff else (lambda text: mask(text, terms))
    by_rule = []
    for entry in adopted:
        for rule in entry["rules"]:
            by_rule.append({
                "rule": rule,
                "council_wording": entry["wording"] if entry["own_wording"] else None,
                "examples": {side: [shown(e["text"]) for e in rule["examples"][side]]
                             for side in ("breaks", "passes")},
            })

    sections: dict[str, dict[str, list]] = {}
    for section in visible(council["sections"]):
        sections.setdefault(section["page"], {"start": [], "end": []})[section["position"]].append(section)

    nav = STAFF_NAV if staff else PUBLIC_NAV
    present = {
        "pre-election": council["pre_election"] is not None,
        "protocol": "protocol" in sections,
        "history": versions is not None,
    }
    titles = {page: t for page, t in (council["page_titles"] or {}).items() if t}
    pages = [(page, titles.get(page) or title) for page, title in nav if present.get(page, True)]

    return {
        "audience": audience,
        "slug": slug,
        "name": _known(council["name"]),
        "website": _known(council["website"]),
        "short_name": council["short_name"],
        "sample": council["sample"],
        "about": council["about"],
        "platforms_intro": council["platforms_intro"],
        "platforms": council["platforms"],
        "monitoring": council["monitoring"],
        "responses": {**council["responses"], "targets": visible(council["responses"]["targets"])},
        "alternatives": council["alternatives"],
        "endorsement": council["endorsement"],
        "rules": {**council["rules"], "items": items},
        "adopted": adopted,
        "by_rule": by_rule,
        "judgement": [r for r in by_rule if r["rule"]["check"]["kind"] in NEEDS_JUDGEMENT],
        "judgement_kinds": NEEDS_JUDGEMENT,
        "enforcement": council["enforcement"],
        "pre_election": council["pre_election"],
        "contacts": council["contacts"],
        "accessibility": council["accessibility"],
        "sections": sections,
        "page_titles": titles,
        "pages": pages,
        "has_protocol": present["protocol"],
        "versions": versions,
    }
