"""Files at the root of a council's site that describe its versions:
`versions.json` in mike's format, which feeds Material's version selector,
and `history.xml`, an Atom feed with an entry per published version."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from xml.sax.saxutils import escape

from .editions import History, in_force, shown_on
from .languages import localise, text_in
from .messages import translator
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


def versions_json(history: History, day: dt.date, language: str = "en") -> str:
    """Newest first, as mike writes it; each title ("v2: from 1 April 2027")
    is what the version selector shows, in `language`."""
    _ = translator(language)
    named = aliases(history.versions, day)
    return json.dumps([{"version": v.folder,
                        "title": _("%(folder)s: from %(date)s", folder=v.folder,
                                   date=long_date(v.effective, language=language)),
                        "aliases": named[v.number]}
                       for v in reversed(history.versions)], indent=2) + "\n"


def _change_lines(history: History, number: int, staff: bool) -> list[str]:
    lines = []
    for c in history.changes.get(number, []):
        if c.staff_only and not staff:
            continue
        lines.append(c.sentence)
    return lines


def _entry_title(v, language: str) -> str:
    _ = translator(language)
    day = long_date(v.effective, language=language)
    title = (_("Version %(number)s (major change), in force from %(date)s", number=v.number, date=day)
             if v.change == "major" else
             _("Version %(number)s (minor change), in force from %(date)s", number=v.number, date=day))
    return title + (" " + _("(sample data)") if v.sample else "")


def atom(history: History, audience: str, name: str, language: str = "en") -> str:
    """One entry per version, newest first, in `language` (the version's
    note is as its author wrote it). Ids are tag URIs: the feed does not
    know the address it will be served from, and links are relative to it."""
    _ = translator(language)
    staff = audience == "staff"
    newest = history.versions[-1]
    entries = []
    for v in reversed(history.versions):
        changes = _change_lines(history, v.number, staff)
        summary = text_in(v.note, language) + (" " + _("What changed:") + " " + " ".join(changes) if changes else "")
        entries.append(f"""  <entry>
    <id>tag:houserules,{v.published.year}:{history.slug}/{audience}/{v.folder}</id>
    <title>{escape(_entry_title(v, language))}</title>
    <updated>{v.published.isoformat()}T00:00:00Z</updated>
    <link rel="alternate" href="{v.folder}/"/>
    <summary>{escape(summary)}</summary>
  </entry>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>tag:houserules,{history.versions[0].published.year}:{history.slug}/{audience}</id>
  <title>{escape(_("%(name)s: changes to the social media house rules", name=name))}</title>
  <updated>{newest.published.isoformat()}T00:00:00Z</updated>
  <link rel="self" href="history.xml"/>
  <link rel="alternate" href="history/"/>
  <author><name>{escape(name)}</name></author>
{chr(10).join(entries)}
</feed>
"""


def write_site_files(site: Path, history: History, audience: str, day: dt.date, language: str = "en") -> None:
    """`language`: the site's; `history` tells its changes in it (editions.History.told_in)."""
    council = localise(history.policies[history.versions[-1].number].councils[history.slug].name, language)
    name = council if isinstance(council, str) else council.placeholder
    assert name is not None  # a name not stated needs a placeholder (needs_placeholder in formats.Council)
    (site / "versions.json").write_text(versions_json(history, day, language), encoding="utf-8")
    (site / "history.xml").write_text(atom(history, audience, name, language), encoding="utf-8")
