"""A cheap test that rules a regular expression out before it runs.

Most comments match none of a detector's patterns, and trying a pattern at
every position of a comment is the costliest thing the checker does. So, as
code search engines do, each pattern is read once for the literal text that
every match must contain ("selling" or "for sale", ".com" or ".co.uk"); a
comment holding none of it cannot match, and one search for those literals
(in C) replaces the patterns. The literals are derived from the patterns
themselves, never written by hand, so they cannot go stale.

The test is only ever a necessary condition: a comment that passes it is
still matched by the real patterns. Literals are compared in lower case
against the normalised (lower-case) comment, which holds for patterns matched
with or without IGNORECASE, on the normalised text or on the original.
"""

from __future__ import annotations

import re
from functools import cache
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

_MAX_SET = 64  # beyond this many alternatives, a set of literals stops being worth it
_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", _C.MAX_REPEAT)}
_ZERO_WIDTH = {_C.AT, _C.ASSERT, _C.ASSERT_NOT}


@cache  # asked of every character of every pattern, and patterns share their letters
def _caseless(code: int) -> str | None:
    """A literal character as the normalised comment holds it; None when
    case-insensitive matching could let another character stand for it."""
    ch = chr(code).lower()
    if ch.isascii() or ch.upper() == ch.lower() == ch.casefold():
        return ch
    return None


def _exact(item) -> set[str] | None:
    """The strings this one item can match, when they are few and all known."""
    op, av = item
    if op is _C.LITERAL:
        ch = _caseless(av)
        return {ch} if ch is not None else None
    if op is _C.IN:
        chars = set()
        for kind, value in av:
            ch = _caseless(value) if kind is _C.LITERAL else None
            if ch is None:
                return None
            chars.add(ch)
        return chars if len(chars) <= 8 else None
    if op in _ZERO_WIDTH:
        return {""}
    if op is _C.SUBPATTERN:
        return _exact_seq(av[-1])
    if op is _C.BRANCH:
        out = _union(_exact_seq, av[1])
        return out if out is not None and len(out) <= _MAX_SET else None
    if op in _REPEATS and av[1] <= 1:  # x? and x{1}
        strings = _exact_seq(av[2])
        if strings is None:
            return None
        return strings | {""} if av[0] == 0 else strings
    return None


def _union(of, alternatives) -> set[str] | None:
    """Strings for a choice: those of every alternative, or None if one has none."""
    out: set[str] = set()
    for alternative in alternatives:
        strings = of(alternative)
        if strings is None:
            return None
        out |= strings
    return out


def _spelled(items):
    """(strings, item) for each item of a sequence: the strings it can match
    (_exact), None when they are not all known. A stretch of plain characters
    comes as one, ({"kill"}, None) for k, i, l, l: taken a character at a
    time, the patterns' words were most of the work of finding their
    literals, which `houserules check` does from cold for every pattern it
    uses (tests/benchmarks/bench_cli_start.py)."""
    word = ""
    # A parsed pattern's own list: iterating the parse calls a Python __getitem__ for each item.
    for item in getattr(items, "data", items):
        op, av = item
        if op is _C.LITERAL:
            ch = _caseless(av)
            if ch is not None:
                word += ch
                continue
        if word:
            yield {word}, None
            word = ""
        yield _exact(item), item
    if word:
        yield {word}, None


def _exact_seq(items) -> set[str] | None:
    out = {""}
    for strings, _ in _spelled(items):
        if strings is None:
            return None
        out = {a + b for a in out for b in strings}
        if len(out) > _MAX_SET:
            return None
    return out


def _required(items) -> set[str] | None:
    """Strings of which every match of this sequence holds at least one; None
    when nothing is certain."""
    candidates: list[set[str]] = []
    run = {""}  # what the current stretch of exactly known items spells

    def close():
        if "" not in run:
            candidates.append(set(run))

    for strings, item in _spelled(items):
        if strings is not None:
            product = {a + b for a in run for b in strings}
            if len(product) <= _MAX_SET:
                run = product
                continue
            close()
            run = strings if len(strings) <= _MAX_SET else {""}
            continue
        close()
        run = {""}
        inner = _required_item(item)
        if inner is not None:
            candidates.append(inner)
    close()
    if not candidates:
        return None
    # The rarest requirement: longest shortest literal, then fewest literals.
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _required_item(item) -> set[str] | None:
    op, av = item
    if op is _C.SUBPATTERN:
        return _required(av[-1])
    if op is getattr(_C, "ATOMIC_GROUP", None):
        return _required(av)
    if op is _C.BRANCH:
        return _union(_required, av[1])
    if op in _REPEATS and av[0] >= 1:
        return _required(av[2])
    return None


# Reading a pattern is dearer than compiling it, and a detector reads many
# twice (threats: once for all its patterns, once for each): each is read
# once a process (tests/benchmarks/bench_cli_start.py, `houserules check`
# from cold, where the threat patterns were a tenth of the start).
@cache
def literals(regex: str) -> frozenset[str] | None:
    """Literals one of which every match of `regex` contains, or None."""
    need = _required(_P.parse(regex))
    if not need:
        return None
    # A literal that contains another adds nothing: the shorter is present too.
    # Shortest first, each is compared with those kept (what one of the others
    # holds, one of those kept holds too), not with every other: comparing all
    # pairs was a tenth of reading the threat patterns.
    kept: list[str] = []
    for literal in sorted(need, key=len):
        if not any(shorter in literal for shorter in kept):
            kept.append(literal)
    return frozenset(kept)


class Prefilter:
    """The literals one of which every match of any of `regexes` holds
    (`literals` is None when some pattern could match without any)."""

    __slots__ = ("literals",)

    def __init__(self, regexes):
        found: set[str] | None = set()
        for regex in regexes:
            need = literals(regex if isinstance(regex, str) else regex.pattern)
            if need is None:  # this pattern could match anything: never rule out
                found = None
                break
            found |= need
        self.literals = frozenset(found) if found is not None else None


class Deferred:
    """A regular expression compiled when it is first used: one whose
    prefilter rules out most comments need never be. A moderator's `houserules
    check` reads one comment, and compiling the threat and promotion patterns
    that it rules out was a twentieth of it from cold
    (tests/benchmarks/bench_cli_start.py). `pattern` is the source, as a
    compiled one's; everything else is the compiled pattern's (`compiled`)."""

    def __init__(self, pattern: str):
        self.pattern = pattern
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern)
        return self._compiled

    def __getattr__(self, name: str):
        # Asked only for what the instance does not hold yet: what the pattern
        # gives (its methods, bound, and its groups) is kept on the instance,
        # so a check that runs it then finds it there, as fast as on a pattern.
        if name.startswith("_"):  # not the pattern's (copy and pickle ask for such names before __init__)
            raise AttributeError(name)
        value = getattr(self.compiled, name)
        setattr(self, name, value)
        return value


_NOTHING: frozenset[str] = frozenset()
# The longest comment a scan's first search reads anchor by anchor (below):
# a search for each anchor reads the whole comment.
_ONE_BY_ONE = 5_000


class LiteralScan:
    """One pass over a comment finds the literals of many prefilters at once,
    so each detector's test is then a set lookup."""

    def __init__(self, prefilters):
        # What is looked for is each literal's anchor: the literal from its
        # first uncommon character on (a comment that holds the literal
        # holds any part of it). The search below enters the regex engine
        # only at characters an anchor starts with, and text is mostly
        # spaces and the commonest letters, so it skips most of a comment.
        anchors = {p: {_anchor(lit) for lit in p.literals} for p in prefilters if p.literals}
        union = sorted(set().union(*anchors.values()))
        # At each position the pattern of them all (_trie) stops at the
        # shortest anchor that starts there; a prefilter counts as hit by
        # every anchor that begins one of its own.
        self._union = union
        self._search = None  # that pattern's search, compiled when first needed (find)
        self._found_once = False
        # The anchors in the union that begin an anchor of a prefilter are its
        # anchor's prefixes found there: read from each anchor's own prefixes,
        # not by trying every anchor of the union (that was two fifths of a
        # checker's start, `houserules check` from cold).
        known = set(union)
        self._keys = {id(p): frozenset(a[:k] for a in anchors.get(p, ()) for k in range(1, len(a) + 1)
                                       if a[:k] in known)
                      for p in prefilters if p.literals is not None}
        self.can_rule_out = frozenset(self._keys)  # (ids of) the prefilters a comment can fail
        self.keys_of = self._keys.get  # the anchors of a prefilter (by id) that a comment must hold one of

    def find(self, norm: str) -> frozenset[str]:
        search = self._search
        if search is None:
            if not self._union:
                return _NOTHING
            if not self._found_once and len(norm) <= _ONE_BY_ONE:
                # Compiling the pattern of every anchor costs as much as
                # searching a hundred short comments anchor by anchor, and a
                # moderator's `houserules check` reads one comment: the
                # pattern was a tenth of it from cold
                # (tests/benchmarks/bench_cli_start.py). So a scan's first
                # comment is searched for each anchor in turn, and the
                # pattern is compiled for the next. The set may hold more
                # anchors than the pattern reports (a longer one where a
                # shorter starts at the same place), but a prefilter reads
                # the same from it: it is hit when an anchor of the union
                # that begins one of its own is in the comment, and at that
                # place the pattern reports that anchor or a shorter one that
                # begins it too.
                self._found_once = True
                return frozenset([anchor for anchor in self._union if anchor in norm]) or _NOTHING
            search = self._search = re.compile(_trie(self._union)).search
        found: set[str] = set()
        at = 0
        while (m := search(norm, at)) is not None:
            found.add(m.group())
            at = m.start() + 1  # literals may overlap
        return frozenset(found) if found else _NOTHING

    def may_match(self, prefilter: Prefilter, found: frozenset[str]) -> bool:
        keys = self._keys.get(id(prefilter))
        return keys is None or not keys.isdisjoint(found)


# The commonest characters of English text, space first. An anchor never
# starts with one when the literal has a later character to start from.
_COMMON = frozenset(" etaoi")
_ANCHOR_LEAST = 3  # characters an anchor keeps, where the literal has them


def _anchor(literal: str) -> str:
    for i, ch in enumerate(literal[:max(1, len(literal) - _ANCHOR_LEAST + 1)]):
        if ch not in _COMMON:
            return literal[i:]
    return literal


def _trie(strings: list[str]) -> str:
    """One pattern for many literals, shared beginnings written once
    ("s(?:ale|elling|ub)"): the regex engine then tries one branch per
    character instead of every literal at every position."""
    if "" in strings:
        return ""  # a literal ends here, and any shorter match will do
    heads: dict[str, list[str]] = {}
    for string in strings:
        heads.setdefault(string[0], []).append(string[1:])
    branches = [re.escape(head) + _trie(tails) for head, tails in sorted(heads.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
