"""Declarative field types for the policy files, in the manner of MkDocs'
config options: each file format is a `Record` of typed fields, and checking
a file collects every problem (file, line, field, message) before giving up,
so an author fixes them all in one pass.

Checked values come back as plain dicts, lists, strings, numbers and dates:
the rest of the generator never sees YAML.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from .errors import SourceProblem

INVALID = object()
_MISSING = object()


@dataclass
class Context:
    file: str
    problems: list[SourceProblem] = field(default_factory=list)
    known: dict[str, Any] = field(default_factory=dict)

    def error(self, line: int, path: str, message: str) -> object:
        self.problems.append(SourceProblem(self.file, line, path, message))
        return INVALID


def _line(container, key, fallback: int) -> int:
    line_of = getattr(container, "line_of", None)
    return line_of(key) if line_of else fallback


def _kind(value) -> str:
    for kind, name in ((bool, "true/false"), (int, "a whole number"), (float, "a number"),
                       (str, "text"), (dict, "a mapping"), (list, "a list")):
        if isinstance(value, kind):
            return name
    return "nothing" if value is None else type(value).__name__


class Field:
    """A typed value. `help` is the one-line description used in docs and errors."""

    expected = "a value"

    def __init__(self, *, required: bool = True, default: Any = None, help: str = ""):
        self.required = required
        self.default = default
        self.help = help

    def check(self, value, ctx: Context, path: str, line: int):
        raise NotImplementedError

    def fail(self, value, ctx: Context, path: str, line: int, detail: str = ""):
        got = f" (got {_kind(value)}: {value!r})" if not isinstance(value, (dict, list)) else f" (got {_kind(value)})"
        return ctx.error(line, path, (detail or f"expected {self.expected}") + got)


class Text(Field):
    expected = "text"

    def __init__(self, *, pattern: str | None = None, pattern_help: str = "", **kw):
        super().__init__(**kw)
        self.pattern = re.compile(pattern) if pattern else None
        self.pattern_help = pattern_help

    def check(self, value, ctx, path, line):
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return self.fail(value, ctx, path, line)
        text = str(value).strip()
        if not text:
            return ctx.error(line, path, "must not be empty")
        if self.pattern and not self.pattern.fullmatch(text):
            return self.fail(value, ctx, path, line, f"expected {self.pattern_help or self.pattern.pattern}")
        return text


class Slug(Text):
    def __init__(self, **kw):
        super().__init__(pattern=r"[a-z0-9]+(?:-[a-z0-9]+)*",
                         pattern_help="lower-case letters, digits and hyphens (like 'north-hertfordshire')", **kw)


class Url(Text):
    def __init__(self, **kw):
        super().__init__(pattern=r"https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:[/?#][^\s]*)?",
                         pattern_help="a full web address starting with https://", **kw)


class Email(Text):
    def __init__(self, **kw):
        super().__init__(pattern=r"[^@\s]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
                         pattern_help="an email address", **kw)


class Bool(Field):
    expected = "true or false"

    def check(self, value, ctx, path, line):
        return value if isinstance(value, bool) else self.fail(value, ctx, path, line)


class Number(Field):
    expected = "a number"

    def __init__(self, *, minimum: float | None = None, maximum: float | None = None,
                 whole: bool = False, **kw):
        super().__init__(**kw)
        self.minimum, self.maximum, self.whole = minimum, maximum, whole
        if whole:
            self.expected = "a whole number"

    def check(self, value, ctx, path, line):
        types = (int,) if self.whole else (int, float)
        if isinstance(value, bool) or not isinstance(value, types):
            return self.fail(value, ctx, path, line)
        if self.minimum is not None and value < self.minimum or self.maximum is not None and value > self.maximum:
            return self.fail(value, ctx, path, line,
                             f"must be between {self.minimum} and {self.maximum}")
        return value


def Int(**kw) -> Number:
    return Number(whole=True, **kw)


class Choice(Field):
    def __init__(self, *choices: str, **kw):
        super().__init__(**kw)
        self.choices = choices
        self.expected = "one of: " + ", ".join(choices)

    def check(self, value, ctx, path, line):
        if value in self.choices:
            return value
        hint = difflib.get_close_matches(str(value), self.choices, n=1)
        return self.fail(value, ctx, path, line,
                         f"expected {self.expected}" + (f" (did you mean {hint[0]!r}?)" if hint else ""))


class Date(Field):
    expected = "a date written YYYY-MM-DD"

    def check(self, value, ctx, path, line):
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return self.fail(value, ctx, path, line)
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            return ctx.error(line, path, f"impossible date {value!r}: {exc}")


class Time(Field):
    """A clock time, written in quotes as "09:00" or "17:30" (24-hour)."""

    expected = "a time written \"HH:MM\" (24-hour, in quotes)"

    def check(self, value, ctx, path, line):
        match = re.fullmatch(r"(\d{2}):(\d{2})", value) if isinstance(value, str) else None
        if not match:
            return self.fail(value, ctx, path, line)
        hours, minutes = int(match[1]), int(match[2])
        if hours > 23 or minutes > 59:
            return ctx.error(line, path, f"impossible time {value!r}")
        return value


class ListOf(Field):
    def __init__(self, item: Field, *, min_items: int = 0, unique: Callable | None = None,
                 unique_what: str = "item", **kw):
        kw.setdefault("default", [])
        super().__init__(**kw)
        self.item, self.min_items, self.unique, self.unique_what = item, min_items, unique, unique_what
        self.expected = "a list"

    def check(self, value, ctx, path, line):
        if not isinstance(value, list):
            return self.fail(value, ctx, path, line)
        if len(value) < self.min_items:
            return ctx.error(line, path, f"needs at least {self.min_items} item(s), has {len(value)}")
        before = len(ctx.problems)
        out, seen = [], {}
        for index, item in enumerate(value):
            item_line = _line(value, index, line)
            checked = self.item.check(item, ctx, f"{path}[{index}]", item_line)
            if checked is INVALID:
                continue
            if self.unique:
                for key in _as_list(self.unique(checked)):
                    if key in seen:
                        ctx.error(item_line, f"{path}[{index}]",
                                  f"duplicate {self.unique_what} {key!r} (already at line {seen[key]})")
                    else:
                        seen[key] = item_line
            out.append(checked)
        # A list with a bad item is bad: whatever contains it must not be
        # cross-checked (its validator would see a list with items missing).
        return out if len(ctx.problems) == before else INVALID


def _as_list(value):
    return value if isinstance(value, (list, tuple)) else [value]


class Record(Field):
    """A mapping with declared keys; unknown keys are an error naming the key."""

    def __init__(self, name: str, fields: dict[str, Field], *,
                 validate: Callable[[dict, Context, str, Any], None] | None = None, **kw):
        super().__init__(**kw)
        self.name, self.fields, self.validate = name, fields, validate
        self.expected = f"a mapping ({name})"

    def check(self, value, ctx, path, line):
        if not isinstance(value, dict):
            return self.fail(value, ctx, path, line)
        prefix = f"{path}." if path else ""
        out: dict[str, Any] = {}
        ok = True
        for key in value:
            if key not in self.fields:
                hint = difflib.get_close_matches(str(key), list(self.fields), n=1)
                ctx.error(_line(value, key, line), f"{prefix}{key}",
                          f"unknown key in {self.name}" + (f" (did you mean {hint[0]!r}?)" if hint else
                                                           f"; allowed: {', '.join(self.fields)}"))
                ok = False
        for key, spec in self.fields.items():
            raw = value.get(key, _MISSING)
            if raw is _MISSING or raw is None:
                if spec.required:
                    ctx.error(getattr(value, "line", line), f"{prefix}{key}",
                              f"missing required field in {self.name}" + (f" ({spec.help})" if spec.help else ""))
                    ok = False
                out[key] = spec.default
                continue
            checked = spec.check(raw, ctx, f"{prefix}{key}", _line(value, key, line))
            if checked is INVALID:
                ok = False
                out[key] = spec.default
            else:
                out[key] = checked
        if ok and self.validate:
            before = len(ctx.problems)
            self.validate(out, ctx, path, value)
            ok = len(ctx.problems) == before
        return out if ok else INVALID


class OneOf(Field):
    """The first alternative whose shape fits (a mapping or not) decides."""

    def __init__(self, *alternatives: Field, **kw):
        super().__init__(**kw)
        self.alternatives = alternatives
        self.expected = " or ".join(a.expected for a in alternatives)

    def check(self, value, ctx, path, line):
        for alt in self.alternatives:
            if isinstance(alt, Record) == isinstance(value, dict) and isinstance(alt, ListOf) == isinstance(value, list):
                return alt.check(value, ctx, path, line)
        return self.fail(value, ctx, path, line)


class Ref(Slug):
    """The id of something defined elsewhere (a rule, a word list, a page)."""

    def __init__(self, namespace: str, **kw):
        super().__init__(**kw)
        self.namespace = namespace

    def check(self, value, ctx, path, line):
        checked = super().check(value, ctx, path, line)
        known = ctx.known.get(self.namespace)
        if checked is INVALID or known is None or checked in known:
            return checked
        hint = difflib.get_close_matches(checked, sorted(known), n=1)
        return ctx.error(line, path, f"unknown {self.namespace} id {checked!r}"
                         + (f" (did you mean {hint[0]!r}?)" if hint else ""))


class Tagged(Field):
    """A mapping whose `kind` picks one of a fixed set of records (Vale's `extends:`)."""

    def __init__(self, tag: str, variants: dict[str, Record], **kw):
        super().__init__(**kw)
        self.tag, self.variants = tag, variants
        self.expected = f"a mapping with {tag}: " + ", ".join(variants)

    def check(self, value, ctx, path, line):
        if not isinstance(value, dict):
            return self.fail(value, ctx, path, line)
        tag_line = _line(value, self.tag, line)
        kind = Choice(*self.variants).check(value.get(self.tag), ctx, f"{path}.{self.tag}", tag_line)
        if kind is INVALID:
            return INVALID
        variant = self.variants[kind]
        fields = {self.tag: Choice(kind), **variant.fields}
        return Record(variant.name, fields, validate=variant.validate).check(value, ctx, path, line)
