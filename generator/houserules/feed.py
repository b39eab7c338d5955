"""Files at the root of a council's site that describe its versions:
`versions.json` in mike's format, which feeds Material's version selector,
and `history.xml`, an Atom feed with an entry per published version."""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

from .editions import History
from .wording import long_date


def versions_json(history: History) -> str:
    """Newest first, as mike writes it."""
    return json.dumps([{"version": v.folder, "title": f"{v.folder}: from {long_date(v.effective)}", "aliases": []}
                       for v in reversed(history.versions)], indent=2) + "\n"


def _change_lines(history: History, number: int, staff: bool) -> list[str]:
    lines = []
    for c in history.changes.get(number, []):
        if c.staff_only and not staff:
            continue
        detail = "; ".join(part for part in (c.old and f"was: {c.old}", c.new and f"now: {c.new}") if part)
        lines.append(f"{c.area.capitalize()} {c.kind}: {c.what}" + (f" ({detail})" if detail else ""))
    return lines


def atom(history: History, audience: str, name: str) -> str:
    """One entry per version, newest first. Ids are tag URIs: the feed does not
    know the address it will be served from, and links are relative to it."""
    staff = audience == "staff"
    newest = history.versions[-1]
    entries = []
    for v in reversed(history.versions):
        changes = _change_lines(history, v.number, staff)
        summary = v.note + (" Changes: " + "; ".join(changes) if changes else "")
        sample = " (sample data)" if v.sample else ""
        entries.append(f"""  <entry>
    <id>tag:houserules,{v.published.year}:{history.slug}/{audience}/{v.folder}</id>
    <title>{escape(f"Version {v.number} ({v.change} change), in force from {long_date(v.effective)}{sample}")}</title>
    <updated>{v.published.isoformat()}T00:00:00Z</updated>
    <link rel="alternate" href="{v.folder}/"/>
    <summary>{escape(summary)}</summary>
  </entry>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>tag:houserules,{history.versions[0].published.year}:{history.slug}/{audience}</id>
  <title>{escape(name)}: changes to the social media house rules</title>
  <updated>{newest.published.isoformat()}T00:00:00Z</updated>
  <link rel="self" href="history.xml"/>
  <link rel="alternate" href="history/"/>
  <author><name>{escape(name)}</name></author>
{chr(10).join(entries)}
</feed>
"""


def write_site_files(site: Path, history: History, audience: str) -> None:
    council = history.policies[history.versions[-1].number].councils[history.slug].name
    name = council if isinstance(council, str) else council.placeholder
    (site / "versions.json").write_text(versions_json(history), encoding="utf-8")
    (site / "history.xml").write_text(atom(history, audience, name), encoding="utf-8")
