"""Compile a council's policy into the checker's rule pack: plain JSON data
that the checker engine reads, in CPython and in the browser alike.

The pack carries only what the checker needs (the council's rules in its own
wording, their checks, the word lists those checks use, the enforcement
steps, the pre-election periods); never any staff prose.
"""

from __future__ import annotations

import datetime as dt
import json

from .formats import adopted_entries
from .load import Policy

FORMAT = 1


def _periods(pre_election: dict | None) -> list[dict]:
    if not pre_election:
        return []
    weeks = pre_election["weeks"]
    return [{"election": d["election"],
             "start": (d["date"] - dt.timedelta(weeks=weeks)).isoformat(),
             "end": d["date"].isoformat()}
            for d in pre_election["polling_days"] or []]


def build_rulepack(policy: Policy, slug: str, version: str | None = None) -> dict:
    council = policy.councils[slug]
    rules = []
    for entry in adopted_entries(council["rules"]):
        ids = [entry["rule"]] if entry["rule"] else entry["rules"]
        for rule_id in ids:
            rule = policy.rules[rule_id]
            rules.append({
                "id": rule_id,
                "title": rule["title"],
                "summary": rule["summary"],
                "category": rule["category"],
                "wording": " ".join((entry["wording"] or rule["wording"]).split()),
                "check": rule["check"],
            })
    name = council["name"]
    return {
        "format": FORMAT,
        "council": {"slug": slug, "name": name if isinstance(name, str) else name["placeholder"]},
        "version": version,
        "rules": rules,
        "words": [dict(e, list=wl_id) for wl_id, wl in sorted(policy.wordlists.items()) for e in wl["entries"]],
        "enforcement": [{"actions": s["actions"], "wording": " ".join((s["wording"] or "").split()) or None,
                         "decided_by": s["decided_by"]} for s in council["enforcement"]["steps"]],
        "pre_election": _periods(council["pre_election"]),
    }


def dumps(pack: dict) -> str:
    return json.dumps(pack, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
