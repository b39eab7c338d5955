"""Files at the root of a council's site that describe its versions:
`versions.json` in mike's format, which feeds Material's version selector,
and `history.xml`, an Atom feed with an entry per published version."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from xml.sax.saxutils import escape

from .editions import History, in_force, shown_on
from .wording import long_date


def aliases(versions: list, day: dt.date) -> dict[int, list[str]]:
    """mike's aliases as of the day: "latest" for the version the council's
    address shows (the one in force; before any is, the first that will be),
    "upcoming" for each whose date has not come and that will then be in
    force (not one replaced on its first day). The pages set the same labels
    again by the reader's date (assets/houserules.js)."""
    shown = shown_on(versions, day)
    return {v.number: ["latest"] * (v == shown)
            + ["upcoming"] * (v.effective > day and in_force(versions, v.effective) == v)
            for v in versions}


def versions_json(history: History, day: dt.date) -> str:
    """Newest first, as mike writes it."""
    named = aliases(history.versions, day)
    return json.dumps([{"version": v.folder, "title": f"{v.folder}: from {long_date(v.effective)}",
                        "aliases": named[v.number]}
                       for v in reversed(history.versions)], indent=2) + "\n"


def _change_lines(history: History, number: int, staff: bool) -> list[str]:
    lines = []
    for c in history.changes.get(number, []):
        if c.staff_only and not staff:
            continue
        lines.append(c.sentence)
    return lines


def atom(history: History, audience: str, name: str) -> str:
    """One entry per version, newest first. Ids are tag URIs: the feed does not
    know the address it will be served from, and links are relative to it."""
    staff = audience == "staff"
    newest = history.versions[-1]
    entries = []
    for v in reversed(history.versions):
        changes = _change_lines(history, v.number, staff)
        summary = v.note + (" What changed: " + " ".join(changes) if changes else "")
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


def write_site_files(site: Path, history: History, audience: str, day: dt.date) -> None:
    council = history.policies[history.versions[-1].number].councils[history.slug].name
    name = council if isinstance(council, str) else council.placeholder
    assert name is not None  # a name not stated needs a placeholder (needs_placeholder in formats.Council)
    (site / "versions.json").write_text(versions_json(history, day), encoding="utf-8")
    (site / "history.xml").write_text(atom(history, audience, name), encoding="utf-8")
