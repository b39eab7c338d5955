"""A line-based three-way merge: the edit made from `base` to `theirs`,
applied to `target`, for carrying a correction made in the source over to
an older published version's files (versions.py).

Each side is compared with the base line by line (difflib); the edit's
hunks are laid over the target's. A hunk of the edit that overlaps or
touches one of the target's (as git's merge does, adjacent lines included)
cannot be placed with certainty, unless both made the very same change:
that is a conflict, named by the line of `theirs` it starts at.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher


@dataclass(frozen=True)
class Hunk:
    start: int              # base[start:end] is replaced by lines
    end: int
    lines: tuple[str, ...]
    at: int                 # where the lines start in the side they come from (0-based)


@dataclass(frozen=True)
class Conflict:
    line: int               # 1-based line of `theirs` where the edit that does not apply starts
    text: str               # that line, or "" when the edit only removes lines


def hunks(base: list[str], other: list[str]) -> list[Hunk]:
    """What changed from base to other, as replacements of base's lines."""
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    return [Hunk(i1, i2, tuple(other[j1:j2]), j1)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _touch(a: Hunk, b: Hunk) -> bool:
    return a.start <= b.end and b.start <= a.end


def _same(a: Hunk, b: Hunk) -> bool:
    return (a.start, a.end, a.lines) == (b.start, b.end, b.lines)


def merge(base: list[str], theirs: list[str], target: list[str]) -> list[str] | Conflict:
    """`target` with the edit from `base` to `theirs`, or the first edit that
    does not apply cleanly."""
    edits, own = hunks(base, theirs), hunks(base, target)
    placed: list[Hunk] = list(own)
    for edit in edits:
        clash = [h for h in own if _touch(edit, h)]
        if not clash:
            placed.append(edit)
        elif len(clash) == 1 and _same(clash[0], edit):
            continue  # the target already has this very change
        else:
            text = theirs[edit.at].rstrip("\r\n") if edit.at < len(theirs) else ""
            return Conflict(edit.at + 1, text)
    out: list[str] = []
    position = 0
    for h in sorted(placed, key=lambda h: (h.start, h.end)):
        out += base[position:h.start]
        out += h.lines
        position = h.end
    return out + base[position:]
