"""Where the built sites are, for tests that visit every one.

A council in one language has its site at its address, out/<audience>/<slug>/;
a council in more has one site per language under it, out/<audience>/<slug>/<code>/,
and at its address only the page that offers them (build._language_choices).
"""

from __future__ import annotations

from pathlib import Path

from houserules.languages import CODES


def languages_of(council: Path) -> list[str]:
    """The language folders at a council's address: [] for a council in one language."""
    return [code for code in CODES if (council / code / "index.html").is_file()]


def site_folders(out: Path, audience: str) -> list[Path]:
    """Every site of one audience: each council's, or each of its languages'."""
    found = []
    for council in sorted(p for p in (out / audience).iterdir() if p.is_dir() and not p.name.startswith(".")):
        found += [council / code for code in languages_of(council)] or [council]
    return found


def slug_of(site: Path, out: Path) -> str:
    """The council a site folder is of: out/<audience>/<slug>[/<code>]."""
    return site.relative_to(out).parts[1]
