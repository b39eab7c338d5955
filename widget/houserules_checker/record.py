"""The record a council's policy says moderators keep for a comment that
breaks a rule: who posted it, when and where, the post itself, and why it is
unacceptable (rule ids, the council's wording, the policy version).

One definition for the command line's batch export and the staff checker in
the browser, so both keep the same record. In Welsh on a Welsh staff page:
its labels and what it says of a field left empty (drafted, not reviewed by
a Welsh speaker); what the moderator typed and the council's wording stay
as they are.
"""

from __future__ import annotations

from .findings import BREAKS

FIELDS = ("council", "policy_version", "name", "handle", "platform", "date", "post", "rules", "why")
LABELS = {
    "council": "Council", "policy_version": "Policy version", "name": "Account name", "handle": "Handle",
    "platform": "Platform", "date": "Date", "post": "Post", "rules": "Rules broken",
    "why": "Why it is unacceptable",
}
LABELS_CY = {
    "council": "Cyngor", "policy_version": "Fersiwn y polisi", "name": "Enw'r cyfrif", "handle": "Enw defnyddiwr",
    "platform": "Platfform", "date": "Dyddiad", "post": "Post", "rules": "Rheolau a dorrwyd",
    "why": "Pam nad yw'n dderbyniol",
}
_SAID = {"en": (LABELS, "(not given)", "current"), "cy": (LABELS_CY, "(heb ei roi)", "cyfredol")}


def make_record(pack: dict, row: dict, text: str, findings, language: str = "en") -> dict:
    """`row` holds what the moderator knows of the account: author, handle, platform, date.
    `findings` give their reasons in the language asked of the checker."""
    broken = [f for f in findings if f.verdict == BREAKS]
    return {
        "council": pack["council"]["name"],
        "policy_version": pack.get("version") or _SAID[language][2],
        "name": row.get("author") or "",
        "handle": row.get("handle") or "",
        "platform": row.get("platform") or "",
        "date": row.get("date") or "",
        "post": text,
        "rules": "; ".join(f.rule for f in broken),
        "why": " | ".join(f"{f.rule}: {f.wording} ({'; '.join(f.why)})" for f in broken),
    }


def as_text(record: dict, language: str = "en") -> str:
    """The record as lines to paste into a log or an email."""
    labels, not_given, _ = _SAID[language]
    return "\n".join(f"{labels[k]}: {record[k] or not_given}" for k in FIELDS)
