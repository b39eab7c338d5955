"""Whether a regular expression can take more than linear time on a comment.

Python's regular expressions backtrack: a pattern such as `((a+))+x` tries
every way of sharing a run of a's among its repeats, and takes exponential
time; one such as `\\d+x` reads the run of digits again from each of its
digits, and takes time growing with the square of the comment's length. A
rule's own patterns are matched against every comment (up to a million
characters), so they are read here, once, from the tree Python's own parser
builds (`re._parser`, which `prefilter` reads too), not from their text: no
spelling of a pattern (extra groups, `(?:...)`, `{1,}` for `+`) hides what it
does.

`problems(regex)` says what is wrong with a pattern, in words for the person
who wrote it; nothing, when matching it against a comment takes time in
proportion to the comment's length. What is refused:

- backreferences (`\\1`, `(?P=name)`, `(?(1)...)`);
- quantifiers inside a repeated group, at any depth (`((a+))+`,
  `(?:(?:a|b)+)*`), and anything repeated that can match nothing (`(a?)*`);
- a repeated group that can match the same text in more than one way
  (`(a|aa)+`, `(?:ab?)+` followed by b, `(?:\\w|\\d\\d)+`);
- an unbounded repeat (`*`, `+`, `{n,}`, or more than `BIG` times) that can
  start anywhere in a run of what it repeats and then fail (`\\d+x`, `.*foo`,
  `(?=.*x)`), or that its next part can match too (`\\s*\\s*x`): each is a
  scan of the rest of the run from every one of its characters. Such a
  repeat is safe right after something it cannot match (`weed(?!\\s*killer)`,
  `\\bfoo\\s+bar`, `@[a-z]+`), at the start of the text (`^`), or where
  nothing after it can fail (`https?://\\S+` at the end);
- more than `WAYS` ways of matching at one place (`.{0,40}x.{0,40}y.{0,40}z`).

The checker's own patterns are read the same way with `strict=False`, which
allows a quantifier inside a repeated group when the group cannot share text
between its repeats (`(?:\\d[ -]?){9,10}`: each repeat starts with the digit
the one before cannot end with).

Sets of characters are compared on a sample of Unicode (ASCII, Latin, Greek,
Cyrillic, the common punctuation, spaces, digits and letters of other
scripts, emoji), plus every character the pattern names.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # typeshed describes the parser under its old names only
    import sre_constants as _C
    import sre_parse as _P
else:
    try:  # the parser behind `re`: public in effect, private in name since 3.11
        from re import _constants as _C
        from re import _parser as _P
    except ImportError:  # pragma: no cover - older Pythons
        import sre_constants as _C
        import sre_parse as _P

BIG = 100  # a repeat of more than this many counts as unbounded
WAYS = 10_000  # ways of matching at one place (the bounded repeats' ranges multiplied)

_IGNORECASE, _ASCII, _DOTALL, _MULTILINE = (int(f) for f in (re.IGNORECASE, re.ASCII, re.DOTALL, re.MULTILINE))
_REPEATS = frozenset({_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", _C.MAX_REPEAT)})
_ATOMIC = getattr(_C, "ATOMIC_GROUP", None)
_CONSUMING = frozenset({_C.LITERAL, _C.NOT_LITERAL, _C.ANY, _C.IN})
_GROUPREFS = frozenset(op for op in (_C.GROUPREF, _C.GROUPREF_EXISTS, getattr(_C, "GROUPREF_IGNORE", None),
                                     getattr(_C, "GROUPREF_LOC_IGNORE", None),
                                     getattr(_C, "GROUPREF_UNI_IGNORE", None)) if op is not None)


class UnsafePattern(ValueError):
    """A pattern that can take more than linear time on a comment."""


# --- sets of characters ---------------------------------------------------------

_SAMPLE_RANGES = ((0x00, 0x24F), (0x2B0, 0x3FF), (0x400, 0x52F), (0x530, 0x58F), (0x591, 0x5F4),
                  (0x600, 0x6FF), (0x900, 0x97F), (0x9E6, 0x9EF), (0xE00, 0xE5B), (0x10A0, 0x10FF),
                  (0x1100, 0x1112), (0x1680, 0x1680), (0x1E00, 0x1EFF), (0x1F00, 0x1F1F), (0x2000, 0x206F),
                  (0x2070, 0x209F), (0x20A0, 0x20C0), (0x2100, 0x215F), (0x2160, 0x2188), (0x2190, 0x21FF),
                  (0x2460, 0x24FF), (0x2C60, 0x2C7F), (0x3000, 0x303F), (0x3040, 0x30FF), (0x4E00, 0x4E2F),
                  (0xA640, 0xA66F), (0xAC00, 0xAC2F), (0xFB00, 0xFB06), (0xFE00, 0xFE0F), (0xFE30, 0xFE4F),
                  (0xFEFF, 0xFEFF), (0xFF00, 0xFF65), (0xFFF9, 0xFFFD), (0x10400, 0x1040F), (0x1D400, 0x1D41F),
                  (0x1D7CE, 0x1D7FF), (0x1F300, 0x1F32F), (0x1F600, 0x1F64F), (0x1F900, 0x1F90F),
                  (0xE0020, 0xE0030), (0xF0000, 0xF0004))
_SAMPLE = frozenset(chr(c) for first, last in _SAMPLE_RANGES for c in range(first, last + 1))


class _Sets:
    """Sets of characters as bit masks over one pattern's sample: the common
    sample plus the characters the pattern names (and their other cases)."""

    def __init__(self, extra: set[str]):
        more = set()
        for ch in extra:
            more.update(v for v in (ch.lower(), ch.upper(), ch.casefold(), ch.swapcase()) if len(v) == 1)
        self.chars = sorted(_SAMPLE | extra | more)
        self.codes = [ord(ch) for ch in self.chars]
        self.index = {ch: i for i, ch in enumerate(self.chars)}
        self.all = (1 << len(self.chars)) - 1
        text = "".join(self.chars)
        self._category: dict[tuple, int] = {}
        for name, regex in (("digit", r"\d"), ("space", r"\s"), ("word", r"\w")):
            for ascii_only in (False, True):
                found = re.compile(regex, re.ASCII if ascii_only else 0).finditer(text)
                self._category[name, ascii_only] = sum(1 << m.start() for m in found)
        # Characters that stand for each other when case is ignored.
        groups: dict[str, int] = {}
        for i, ch in enumerate(self.chars):
            key = ch.lower() if len(ch.lower()) == 1 else ch
            groups[key] = groups.get(key, 0) | 1 << i
        self._groups = [g for g in groups.values() if g & (g - 1)]  # those of two or more characters
        self._caseless: dict[int, int] = {}

    def one(self, code: int) -> int:
        i = self.index.get(chr(code))
        return 0 if i is None else 1 << i

    def range(self, first: int, last: int) -> int:
        lo, hi = bisect_left(self.codes, first), bisect_right(self.codes, last)
        return ((1 << hi) - 1) ^ ((1 << lo) - 1)

    def category(self, code, ascii_only: bool) -> int:
        name = str(code).lower()
        for kind in ("digit", "space", "word"):
            if kind in name:
                found = self._category[kind, ascii_only]
                return self.all & ~found if "not" in name else found
        if "linebreak" in name:
            found = self.one(10)
            return self.all & ~found if "not" in name else found
        return self.all  # unknown: anything

    def caseless(self, mask: int) -> int:
        out = self._caseless.get(mask)
        if out is None:
            out = mask
            for group in self._groups:
                if mask & group:
                    out |= group
            self._caseless[mask] = out
        return out

    def show(self, mask: int) -> str:
        """One of the characters (a space or a lower-case one, if it can)."""
        if mask & self.one(32):
            return "' '"
        i = (mask & -mask).bit_length() - 1
        if i < 0:
            return "?"
        ch = self.chars[i]
        return repr(ch.lower() if mask & self.one(ord(ch.lower()[0])) and len(ch.lower()) == 1 else ch)


@lru_cache(maxsize=1)
def _sample_sets() -> _Sets:
    return _Sets(set())


def _named_chars(items, out: set[str]) -> None:
    """Every character a pattern names, as a literal or a range's end."""
    for op, av in items:
        if op in (_C.LITERAL, _C.NOT_LITERAL):
            out.add(chr(av))
        elif op is _C.IN:
            for kind, value in av:
                if kind is _C.LITERAL:
                    out.add(chr(value))
                elif kind is _C.RANGE:
                    out.update((chr(value[0]), chr(value[1])))
        elif op is _C.SUBPATTERN:
            _named_chars(av[-1], out)
        elif op is _C.BRANCH:
            for alternative in av[1]:
                _named_chars(alternative, out)
        elif op in _REPEATS:
            _named_chars(av[2], out)
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            _named_chars(av[1], out)
        elif op is _ATOMIC:
            _named_chars(av, out)
        elif op is _C.GROUPREF_EXISTS:
            _named_chars(av[1], out)
            if av[2] is not None:
                _named_chars(av[2], out)


# --- showing a part of a pattern -----------------------------------------------

_CATEGORY_TEXT = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
                  "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}
_AT_TEXT = {"AT_BEGINNING": "^", "AT_BEGINNING_STRING": r"\A", "AT_BOUNDARY": r"\b", "AT_NON_BOUNDARY": r"\B",
            "AT_END": "$", "AT_END_STRING": r"\Z"}


def _char(code: int) -> str:
    ch = chr(code)
    return re.escape(ch) if ch.isprintable() else f"\\x{code:02x}" if code < 256 else f"\\u{code:04x}"


def _show(items, limit: int = 60) -> str:
    """A part of a parsed pattern written out again (for messages)."""
    out = []
    for op, av in items:
        if op is _C.LITERAL:
            out.append(_char(av))
        elif op is _C.NOT_LITERAL:
            out.append(f"[^{_char(av)}]")
        elif op is _C.ANY:
            out.append(".")
        elif op is _C.IN:
            parts = []
            negate = False
            for kind, value in av:
                if kind is _C.NEGATE:
                    negate = True
                elif kind is _C.LITERAL:
                    parts.append(_char(value))
                elif kind is _C.RANGE:
                    parts.append(f"{_char(value[0])}-{_char(value[1])}")
                elif kind is _C.CATEGORY:
                    parts.append(_CATEGORY_TEXT.get(str(value), "?"))
            out.append(parts[0] if len(parts) == 1 and not negate and parts[0].startswith("\\") and len(parts[0]) == 2
                       else "[" + "^" * negate + "".join(parts) + "]")
        elif op is _C.AT:
            out.append(_AT_TEXT.get(str(av), ""))
        elif op is _C.SUBPATTERN:
            out.append(("(" if av[0] else "(?:") + _show(av[-1], limit) + ")")
        elif op is _ATOMIC:
            out.append("(?>" + _show(av, limit) + ")")
        elif op is _C.BRANCH:
            out.append("(?:" + "|".join(_show(a, limit) for a in av[1]) + ")")
        elif op in _REPEATS:
            low, high, body = av
            inner = _show(body, limit)
            if len(body) != 1 or body[0][0] is _C.BRANCH or body[0][0] in _REPEATS or \
                    (body[0][0] is _C.LITERAL and len(inner) > 2):
                inner = inner if inner.startswith("(") and inner.endswith(")") else f"(?:{inner})"
            if (low, high) == (0, _C.MAXREPEAT):
                q = "*"
            elif (low, high) == (1, _C.MAXREPEAT):
                q = "+"
            elif (low, high) == (0, 1):
                q = "?"
            elif high == _C.MAXREPEAT:
                q = f"{{{low},}}"
            elif low == high:
                q = f"{{{low}}}"
            else:
                q = f"{{{low},{high}}}"
            q += "?" if op is _C.MIN_REPEAT else "+" if op is not _C.MAX_REPEAT else ""
            out.append(inner + q)
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            direction, body = av
            kind = ("(?=" if op is _C.ASSERT else "(?!") if direction == 1 else \
                ("(?<=" if op is _C.ASSERT else "(?<!")
            out.append(kind + _show(body, limit) + ")")
        elif op in _GROUPREFS:
            out.append(f"\\{av if isinstance(av, int) else av[0]}")
        else:
            out.append("…")
    text = "".join(out)
    return text if len(text) <= limit else text[:limit - 1] + "…"


# --- what a part of a pattern can match -----------------------------------------

class _Analysis:
    def __init__(self, regex: str, flags: int, strict: bool):
        parsed = _P.parse(regex, flags)
        self.strict = strict
        self.flags = int(parsed.state.flags) | int(flags)
        self.parsed = _plain(parsed)
        extra: set[str] = set()
        _named_chars(self.parsed, extra)
        extra -= _SAMPLE
        self.sets = _Sets(extra) if extra else _sample_sets()
        self.found: list[str] = []
        self._chars: dict[tuple, int] = {}

    # Each function below takes the flags in force (ignore case, ...).

    def chars_of(self, op, av, flags) -> int:
        """The characters one consuming item matches."""
        key = (op, av if isinstance(av, int) else id(av), flags)
        found = self._chars.get(key)
        if found is None:
            found = self._chars[key] = self._chars_of(op, av, flags)
        return found

    def _chars_of(self, op, av, flags) -> int:
        s = self.sets
        ascii_only = bool(flags & _ASCII)
        if op is _C.LITERAL:
            mask = s.one(av)
        elif op is _C.NOT_LITERAL:
            mask = s.one(av)
            mask = s.all & ~(s.caseless(mask) if flags & _IGNORECASE else mask)
            return mask
        elif op is _C.ANY:
            return s.all if flags & _DOTALL else s.all & ~s.one(10)
        else:  # IN
            mask, negate = 0, False
            for kind, value in av:
                if kind is _C.NEGATE:
                    negate = True
                elif kind is _C.LITERAL:
                    mask |= s.one(value)
                elif kind is _C.RANGE:
                    mask |= s.range(*value)
                elif kind is _C.CATEGORY:
                    mask |= s.category(value, ascii_only)
                else:
                    mask = s.all
            if flags & _IGNORECASE:
                mask = s.caseless(mask)
            return s.all & ~mask if negate else mask
        return s.caseless(mask) if flags & _IGNORECASE else mask

    def nullable(self, items) -> bool:
        return all(self.item_nullable(op, av) for op, av in items)

    def item_nullable(self, op, av) -> bool:
        if op in _CONSUMING:
            return False
        if op is _C.SUBPATTERN:
            return self.nullable(av[-1])
        if op is _ATOMIC:
            return self.nullable(av)
        if op is _C.BRANCH:
            return any(self.nullable(a) for a in av[1])
        if op in _REPEATS:
            return av[0] == 0 or self.nullable(av[2])
        if op is _C.GROUPREF_EXISTS:
            return self.nullable(av[1]) or av[2] is None or self.nullable(av[2])
        return True  # assertions, backreferences

    def unfailing(self, items) -> bool:
        """Whether the part always matches, if only the empty text: then what
        comes before it, once matched, is never undone."""
        return all(self.item_unfailing(op, av) for op, av in items)

    def item_unfailing(self, op, av) -> bool:
        if op is _C.SUBPATTERN:
            return self.unfailing(av[-1])
        if op is _ATOMIC:
            return self.unfailing(av)
        if op is _C.BRANCH:
            return any(self.unfailing(a) for a in av[1])
        if op in _REPEATS:
            return av[0] == 0 or self.unfailing(av[2])
        return False  # characters and assertions can fail

    def first(self, items, flags) -> int:
        """The characters a match of the part can start with."""
        out = 0
        for op, av in items:
            out |= self.item_first(op, av, flags)
            if not self.item_nullable(op, av):
                break
        return out

    def item_first(self, op, av, flags) -> int:
        if op in _CONSUMING:
            return self.chars_of(op, av, flags)
        if op is _C.SUBPATTERN:
            return self.first(av[-1], _scoped(flags, av))
        if op is _ATOMIC:
            return self.first(av, flags)
        if op is _C.BRANCH:
            return _union(self.first(a, flags) for a in av[1])
        if op in _REPEATS:
            return self.first(av[2], flags) if av[1] else 0
        if op in _GROUPREFS:
            return self.sets.all
        return 0  # assertions match no character

    def last(self, items, flags) -> int:
        """The characters a (non-empty) match of the part can end with."""
        out = 0
        for op, av in reversed(items):
            out |= self.item_last(op, av, flags)
            if not self.item_nullable(op, av):
                break
        return out

    def item_last(self, op, av, flags) -> int:
        if op in _CONSUMING:
            return self.chars_of(op, av, flags)
        if op is _C.SUBPATTERN:
            return self.last(av[-1], _scoped(flags, av))
        if op is _ATOMIC:
            return self.last(av, flags)
        if op is _C.BRANCH:
            return _union(self.last(a, flags) for a in av[1])
        if op in _REPEATS:
            return self.last(av[2], flags) if av[1] else 0
        if op in _GROUPREFS:
            return self.sets.all
        return 0

    def chars(self, items, flags) -> int:
        """Every character the part can match (lookarounds match none)."""
        out = 0
        for op, av in items:
            if op in _CONSUMING:
                out |= self.chars_of(op, av, flags)
            elif op is _C.SUBPATTERN:
                out |= self.chars(av[-1], _scoped(flags, av))
            elif op is _ATOMIC:
                out |= self.chars(av, flags)
            elif op is _C.BRANCH:
                out |= _union(self.chars(a, flags) for a in av[1])
            elif op in _REPEATS:
                out |= self.chars(av[2], flags)
            elif op in _GROUPREFS:
                out |= self.sets.all
        return out

    def ways(self, items, flags, follow: int) -> int:
        """How many ways the bounded repeats of the part can match at one
        place, at most. A repeat whose characters what follows it cannot
        start with ends in one place only ("[a-z]{1,63}\\."): it counts once."""
        total = 1
        items = list(items)
        for k, (op, av) in enumerate(items):
            after = items[k + 1:]
            then = self.first(after, flags) | (follow if self.nullable(after) else 0)
            if op is _C.SUBPATTERN:
                total *= self.ways(av[-1], _scoped(flags, av), then)
            elif op is _ATOMIC:
                total *= self.ways(av, flags, then)
            elif op is _C.BRANCH:
                total *= max(self.ways(a, flags, then) for a in av[1])
            elif op in _REPEATS:
                low, high, body = av
                inner = self.ways(body, flags, self.first(body, flags) | then)
                if high <= BIG and self.chars(body, flags) & then:
                    inner *= high - low + 1
                total *= inner
            elif op in (_C.ASSERT, _C.ASSERT_NOT):
                total *= self.ways(av[1], flags, 0)
        return total

    # --- the walk -------------------------------------------------------------

    def run(self) -> list[str]:
        self.walk(self.parsed, self.flags, _Context(prior=None, rest_unfailing=True, follow=0, repeats=()))
        ways = self.ways(self.parsed, self.flags, 0)
        if ways > WAYS:
            self.say(f"it can try about {ways:,} ways of matching at every character of a comment "
                     f"(at most {WAYS:,}): use fewer or shorter ranges such as {{0,30}}")
        return self.ordered()

    def say(self, message: str) -> None:
        if message not in self.found:
            self.found.append(message)

    def ordered(self) -> list[str]:
        """What can take exponential time, if anything can: it is the worse,
        and often the reason for the rest (a repeat inside a repeat can also
        be read again from each character)."""
        worst = [message for message in self.found if "exponential" in message]
        return worst or self.found

    def walk(self, items, flags, ctx: _Context) -> None:
        # What follows each item, and whether it can fail: worked out from the end.
        follows, unfailing = [0] * len(items), [False] * len(items)
        follow, rest_unfailing = ctx.follow, ctx.rest_unfailing
        for k in range(len(items) - 1, -1, -1):
            follows[k], unfailing[k] = follow, rest_unfailing
            op, av = items[k]
            follow = self.item_first(op, av, flags) | (follow if self.item_nullable(op, av) else 0)
            rest_unfailing = rest_unfailing and self.item_unfailing(op, av)
        for k, (op, av) in enumerate(items):
            here = _Context(prior=(ctx.prior, items, k, flags), rest_unfailing=unfailing[k], follow=follows[k],
                            repeats=ctx.repeats, after=items[k + 1:])
            self.visit(op, av, flags, here)

    def visit(self, op, av, flags, ctx: _Context) -> None:
        if op in _GROUPREFS:
            self.say("backreferences are not allowed (they can take exponential time)")
            if op is _C.GROUPREF_EXISTS:
                self.walk(av[1], flags, ctx)
                if av[2] is not None:
                    self.walk(av[2], flags, ctx)
            return
        if op is _C.SUBPATTERN:
            self.walk(av[-1], _scoped(flags, av), ctx)
        elif op is _ATOMIC:
            self.walk(av, flags, ctx)
        elif op is _C.BRANCH:
            self.branch(av[1], flags, ctx)
            for alternative in av[1]:
                self.walk(alternative, flags, ctx)
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            direction, body = av
            # A lookahead starts where it stands; a lookbehind ends there.
            # Either way nothing after it can undo a repeat inside it.
            prior = ctx.prior if direction == 1 else _BARRED
            self.walk(body, flags, _Context(prior=prior, rest_unfailing=False, follow=0, repeats=ctx.repeats))
        elif op in _REPEATS:
            self.repeat(op, av, flags, ctx)

    def branch(self, alternatives, flags, ctx: _Context) -> None:
        """Inside a repeat, a choice must be decided by its first character."""
        if not ctx.repeats:
            return
        firsts = [self.first(a, flags) for a in alternatives]
        seen = 0
        for mask in firsts:
            if mask & seen:
                self.ambiguous(ctx, f"two of the choices in {_show([(_C.BRANCH, (None, alternatives))])} "
                                    f"can start with {self.sets.show(mask & seen)}")
                return
            seen |= mask
        if any(self.nullable(a) for a in alternatives) and seen & ctx.follow:
            self.ambiguous(ctx, f"{_show([(_C.BRANCH, (None, alternatives))])} can match nothing or "
                                f"{self.sets.show(seen & ctx.follow)}, and so can what follows it")

    def ambiguous(self, ctx: _Context, why: str) -> None:
        outer = _show([ctx.repeats[-1]])
        self.say(f"{outer} can match the same text in more than one way ({why}): repeated, "
                 "that can take exponential time")

    def repeat(self, op, av, flags, ctx: _Context) -> None:
        low, high, body = av
        shown = _show([(op, av)])
        repeats = high > 1
        unbounded = high > BIG
        if repeats and ctx.repeats:
            outer = _show([ctx.repeats[-1]])
            if self.strict:
                self.say(f"nested quantifiers are not allowed (they can take exponential time): "
                         f"{shown} is repeated inside {outer}")
            elif self.chars(body, flags) & ctx.follow:
                self.say(f"{shown} inside {outer} can end where the next repeat starts "
                         f"({self.sets.show(self.chars(body, flags) & ctx.follow)}): that can take exponential time")
        elif low != high and ctx.repeats and self.first(body, flags) & ctx.follow:
            # An optional part inside a repeat ("(?:ab?)+" followed by b).
            self.ambiguous(ctx, f"{shown} can match {self.sets.show(self.first(body, flags) & ctx.follow)} "
                                "or nothing, and so can what follows it")
        if repeats and self.nullable(body):
            self.say(f"{shown} repeats something that can match nothing (that can take exponential time)")
        elif unbounded and not ctx.repeats:
            self.unbounded(shown, body, flags, ctx, ctx.after)
        if repeats:
            # What follows the part inside: what follows it in the part, then
            # the next repeat, or what follows the repeat.
            follow = self.first(body, flags) | ctx.follow
            self.walk(body, flags, _Context(prior=_BARRED, rest_unfailing=False, follow=follow,
                                            repeats=(*ctx.repeats, (op, av))))
        else:
            self.walk(body, flags, ctx)

    def unbounded(self, shown: str, body, flags, ctx: _Context, after) -> None:
        run = self.chars(body, flags)
        # Another unbounded repeat next to it that shares characters with it
        # ("\s*\s*", ".*.*"): each way of splitting a run between them is tried.
        for op, av in after:
            if op in _REPEATS and av[1] > BIG and self.first(av[2], flags) & run:
                self.say(f"{shown} and the {_show([(op, av)])} after it can both match "
                         f"{self.sets.show(self.first(av[2], flags) & run)}: trying each way of sharing a long run "
                         "between them takes time that grows with the square of its length")
                return
            if not self.item_nullable(op, av) and not self.chars([(op, av)], flags) & run:
                break  # the run ends here, whatever follows
        if ctx.rest_unfailing or self.anchored(run, ctx.prior):
            return
        self.say(f"{shown} can be tried from every character of a long run of what it matches, and each try "
                 "reads the rest of the run: that takes time that grows with the square of the comment's length. "
                 "Give it a limit such as {0,40}, or start it right after something it cannot match "
                 r"(a space, a letter it excludes, or \b before letters)")

    def anchored(self, run: int, prior) -> bool:
        """Whether a repeat of the characters `run` can only start where a run
        of them starts (so each run is read from one place, not from every
        character): the nearest thing before it that is not part of the run
        is something the run cannot contain."""
        s = self.sets
        for (op, av), flags in _backwards(prior):
            if op is _BARRIER:
                return False
            if op is _C.AT:
                name = str(av)
                if name == "AT_BEGINNING_STRING" or (name == "AT_BEGINNING" and not flags & _MULTILINE):
                    return True
                if name in ("AT_BEGINNING", "AT_BEGINNING_LINE"):
                    if not run & s.one(10):
                        return True
                    continue
                if name == "AT_BOUNDARY" and not run & ~s.category("word", bool(flags & _ASCII)):
                    return True  # \b before word characters: the character before is not one
                continue
            if op in (_C.ASSERT, _C.ASSERT_NOT):
                direction, body = av
                if direction == -1 and len(body) == 1 and body[0][0] in _CONSUMING:
                    inner_op, inner_av = body[0]  # an item: (op, av), as every item is
                    behind = self.chars_of(inner_op, inner_av, flags)
                    if (op is _C.ASSERT_NOT and not run & ~behind) or (op is _C.ASSERT and not behind & run):
                        return True
                continue
            if op in _GROUPREFS:
                return False
            part = [(op, av)]
            if not self.chars(part, flags) & ~run:
                continue  # part of the run itself
            if not self.last(part, flags) & run:
                if self.item_nullable(op, av):
                    continue  # if it matched, it ends the run; if not, look further back
                return True
            return False
        return False


_BARRIER = object()  # the start of a repeated part, or a lookbehind: what came before is not known
_BARRED = (None, [(_BARRIER, None)], 1, 0)


def _backwards(prior):
    """The items before a part, nearest first: `prior` is (what came before
    the sequence, the sequence, how many of its items come first, their flags)."""
    while prior is not None:
        outer, items, upto, flags = prior
        for k in range(upto - 1, -1, -1):
            yield items[k], flags
        prior = outer


def _plain(items) -> list:
    """The parser's tree as lists and tuples (its own objects are slow to slice), flags as numbers."""
    out = []
    for op, av in items:
        if op is _C.SUBPATTERN:
            group, add, remove, body = av
            av = (group, int(add), int(remove), _plain(body))
        elif op is _C.BRANCH:
            av = (av[0], [_plain(a) for a in av[1]])
        elif op in _REPEATS:
            av = (av[0], av[1], _plain(av[2]))
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            av = (av[0], _plain(av[1]))
        elif op is _ATOMIC:
            av = _plain(av)
        elif op is _C.GROUPREF_EXISTS:
            av = (av[0], _plain(av[1]), None if av[2] is None else _plain(av[2]))
        elif op is _C.IN:
            av = list(av)
        out.append((op, av))
    return out


class _Context:
    __slots__ = ("prior", "rest_unfailing", "follow", "repeats", "after")

    def __init__(self, prior: tuple | None, rest_unfailing: bool, follow: int, repeats: tuple,
                 after: list | tuple = ()):
        self.prior = prior  # what comes before this part (see _backwards)
        self.rest_unfailing = rest_unfailing  # nothing after this part can fail
        self.follow = follow  # the characters what follows this part can start with
        self.repeats = repeats  # the repeats this part is inside
        self.after = after  # the items after this part in its own sequence


def _scoped(flags: int, av) -> int:
    """The flags inside a group: `(?i:...)` adds, `(?-i:...)` takes away."""
    if len(av) == 4:
        _, add, remove, _ = av
        return (flags | add) & ~remove
    return flags


def _union(masks) -> int:
    out = 0
    for mask in masks:
        out |= mask
    return out


@lru_cache(maxsize=256)
def problems(regex: str, flags: int = re.IGNORECASE, strict: bool = True) -> tuple[str, ...]:
    """Why matching `regex` against a comment could take more than linear
    time, in words; () when it cannot. `regex` must compile. Rule patterns
    are matched ignoring case (the default flags) and `strict`: no
    quantifier inside a repeated group at all."""
    return tuple(_Analysis(regex, flags, strict).run())

