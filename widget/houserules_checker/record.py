"""The record a council's policy says moderators keep for a comment that
breaks a rule: who posted it, when and where, the post itself, and why it is
unacceptable (rule ids, the council's wording, the policy version).

One definition for the command line's batch export and the staff checker in
the browser, so both keep the same record.
"""

from __future__ import annotations

from .findings import BREAKS

FIELDS = ("council", "policy_version", "name", "handle", "platform", "date", "post", "rules", "why")
LABELS = {
    "council": "Council", "policy_version": "Policy version", "name": "Account name", "handle": "Handle",
    "platform": "Platform", "date": "Date", "post": "Post", "rules": "Rules broken",
    "why": "Why it is unacceptable",
}


def make_record(pack: dict, row: dict, text: str, findings) -> dict:
    """`row` holds what the moderator knows of the account: author, handle, platform, date."""
    broken = [f for f in findings if f.verdict == BREAKS]
    return {
        "council": pack["council"]["name"],
        "policy_version": pack.get("version") or "current",
        "name": row.get("author") or "",
        "handle": row.get("handle") or "",
        "platform": row.get("platform") or "",
        "date": row.get("date") or "",
        "post": text,
        "rules": "; ".join(f.rule for f in broken),
        "why": " | ".join(f"{f.rule}: {f.wording} ({'; '.join(f.why)})" for f in broken),
    }


def as_text(record: dict) -> str:
    """The record as lines to paste into a log or an email."""
    return "\n".join(f"{LABELS[k]}: {record[k] or '(not given)'}" for k in FIELDS)
