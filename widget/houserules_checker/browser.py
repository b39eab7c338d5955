"""What the checker on a council's page asks of the engine, in one call.

The page (JavaScript) hands over the rule pack and the comment as strings and
gets JSON back: findings grouped by verdict, the comment cut into plain and
highlighted pieces, the council's next steps and, for staff, the record the
policy requires. The comment is never turned into markup here or on the page:
the pieces are text, which the page puts into text nodes.
"""

from __future__ import annotations

import datetime as dt
import json

from . import cymraeg
from .engine import Checker, CheckError, pre_election_period
from .findings import BREAKS, MAY_BREAK, NEEDS_PERSON, ORDER, next_steps
from .record import as_text, make_record


class Session:
    """One council's rules, loaded once, checked against many times."""

    def __init__(self, pack_json: str, language: str = "en"):
        """`language`: the page's ("en", "cy"), for the checker's own words in
        what it returns; the pack's are the council's, made for that page."""
        self.pack = json.loads(pack_json)
        self.language = language
        self.checker = Checker(self.pack, language=language)

    @property
    def council(self) -> str:
        return self.pack["council"]["name"]

    def check(self, text: str, date: str = "", reply_to: str = "", account: str = "", earlier: str = "") -> str:
        """`date` is the reader's day (or, for staff, the comment's) as YYYY-MM-DD:
        pre-election rules follow it, not the day the site was built.
        `account` is JSON with the staff fields (author, handle, platform);
        `earlier` the same account's earlier comments, one per line."""
        try:
            day = dt.date.fromisoformat(date) if date else None
        except ValueError:
            return json.dumps({"error": f"The date {date!r} is not a date written YYYY-MM-DD." if self.language == "en"
                               else cymraeg.not_a_date(date)})
        try:
            result = self.checker.check(text, date=day, reply_to=reply_to or None,
                                        earlier=[line for line in earlier.splitlines() if line.strip()])
        except CheckError as exc:
            return json.dumps({"error": str(exc)})
        return json.dumps(self._view(text, result, day, json.loads(account) if account else None))

    def _view(self, text: str, result, day: dt.date | None, account: dict | None) -> dict:
        def finding(f):
            return {"rule": f.rule, "title": f.title, "wording": f.wording, "why": f.why,
                    "matches": [m.text for m in f.matches]}

        steps, in_order = next_steps(self.pack, [f for f in result.findings if f.verdict == BREAKS])
        view = {
            "council": self.council,
            "version": self.pack.get("version") or "current",
            "breaks": [finding(f) for f in result.findings if f.verdict == BREAKS],
            "may_break": [finding(f) for f in result.findings if f.verdict == MAY_BREAK],
            "needs_person": [finding(f) for f in result.findings if f.verdict == NEEDS_PERSON],
            "pieces": pieces(text, result.findings),
            "next_steps": steps,
            "next_steps_in_order": in_order,
            "pre_election": pre_election_period(self.pack, day, self.language),
        }
        if account is not None:
            record = make_record(self.pack, {**account, "date": day.isoformat() if day else ""}, text,
                                 result.findings, self.language)
            view["record"] = {"fields": record, "text": as_text(record, self.language)}
        return view


def pieces(text: str, findings) -> list[dict]:
    """The comment as consecutive pieces of text, each either plain or
    highlighted with the strongest verdict and the rules that matched it
    (overlapping matches merge into one highlighted piece)."""
    spans = sorted((m.start, m.end, f.verdict, f.rule) for f in findings if f.verdict in (BREAKS, MAY_BREAK)
                   for m in f.matches if m.end > m.start)
    merged: list[list] = []
    for start, end, verdict, rule in spans:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            last[1] = max(last[1], end)
            last[2] = min(last[2], verdict, key=ORDER.__getitem__)
            if rule not in last[3]:
                last[3].append(rule)
        else:
            merged.append([start, end, verdict, [rule]])
    out, at = [], 0
    for start, end, verdict, rules in merged:
        if start > at:
            out.append({"text": text[at:start]})
        out.append({"text": text[start:end], "verdict": verdict, "rules": rules})
        at = end
    if at < len(text):
        out.append({"text": text[at:]})
    return out
