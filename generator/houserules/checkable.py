"""What the checker takes: a comment of at most MAX_CHARS characters, every
one a character (no lone surrogate). Why a comment cannot be checked is said
in words for the person who gave it, whether on the command line or in a row
of an export."""

from __future__ import annotations

import re

from houserules_checker.engine import MAX_CHARS

LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def comment_problem(text: str, what: str = "the comment") -> str | None:
    """Why a comment cannot be checked, in words for the person who gave it; None when it can be."""
    if len(text) > MAX_CHARS:
        return f"{what} has {len(text):,} characters; the checker takes at most {MAX_CHARS:,}"
    bad = LONE_SURROGATE.search(text)
    if bad is None:
        return None
    code, at = ord(bad.group()), bad.start() + 1
    if 0xDC80 <= code <= 0xDCFF:  # how Python keeps a byte that is not UTF-8 (in a command's arguments)
        return (f"{what} is not UTF-8: byte 0x{code - 0xDC00:02X} at character {at:,} "
                f"(or a lone surrogate, U+{code:04X})")
    return (f"{what} holds a lone surrogate, U+{code:04X}, at character {at:,}: half of a UTF-16 pair, "
            "which is not a character")


def surrogate_problem(value: str, what: str) -> str | None:
    """Why a text given with a comment (what it replies to, an earlier comment) cannot be checked;
    None when it can be."""
    bad = LONE_SURROGATE.search(value)
    return f"{what} holds a lone surrogate, U+{ord(bad.group()):04X}: not a character" if bad else None
