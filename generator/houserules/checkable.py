"""What the checker takes: a comment of at most MAX_CHARS characters, every
one a character (no lone surrogate). Why a comment cannot be checked is said
in words for the person who gave it, whether on the command line or in a row
of an export, in the language of the run."""

from __future__ import annotations

import re

from houserules_checker.engine import MAX_CHARS

from .messages import translator

LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def comment_problem(text: str, what: str | None = None, language: str = "en") -> str | None:
    """Why a comment cannot be checked, in words for the person who gave it (in `language`); None when
    it can be. `what` names the comment, in that language (default: "the comment")."""
    _ = translator(language)
    what = _("the comment") if what is None else what
    if len(text) > MAX_CHARS:
        return _("%(what)s has %(n)s characters; the checker takes at most %(limit)s", what=what,
                 n=f"{len(text):,}", limit=f"{MAX_CHARS:,}")
    bad = LONE_SURROGATE.search(text)
    if bad is None:
        return None
    code, at = ord(bad.group()), bad.start() + 1
    if 0xDC80 <= code <= 0xDCFF:  # how Python keeps a byte that is not UTF-8 (in a command's arguments)
        return _("%(what)s is not UTF-8: byte 0x%(byte)s at character %(at)s (or a lone surrogate, U+%(code)s)",
                 what=what, byte=f"{code - 0xDC00:02X}", at=f"{at:,}", code=f"{code:04X}")
    return _("%(what)s holds a lone surrogate, U+%(code)s, at character %(at)s: half of a UTF-16 pair, "
             "which is not a character", what=what, code=f"{code:04X}", at=f"{at:,}")


def surrogate_problem(value: str, what: str, language: str = "en") -> str | None:
    """Why a text given with a comment (what it replies to, an earlier comment) cannot be checked;
    None when it can be. `what` names it (an option, a column), as it is written."""
    bad = LONE_SURROGATE.search(value)
    if bad is None:
        return None
    _ = translator(language)
    return _("%(what)s holds a lone surrogate, U+%(code)s: not a character", what=what, code=f"{ord(bad.group()):04X}")
