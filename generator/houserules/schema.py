"""Declarative field types for the policy files, in the manner of MkDocs'
config options: each file format is a `Record` of typed fields, and checking
a file collects every problem (file, line, field, message) before giving up,
so an author fixes them all in one pass.

Checked values come back as typed, frozen objects: a `Record` builds its
model class (formats.py declares them) or, without one, a read-only mapping;
lists come back as tuples. The rest of the generator never sees YAML.

Silence is a value. A field declared with `silence=` (what the sites will
not say without it) may be left out, written `not stated`, or written
`{unknown: why, placeholder: what the pages say meanwhile}`; each gives a
falsy `NotStated`, which templates test with `is stated`, and a note (a
warning, never an error) so `validate` can tell the author what their sites
will not say.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import enum
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, ClassVar, Final, Literal, TypeVar, dataclass_transform

from .errors import SourceProblem
from .languages import CODES, Translated, names


class Invalid(enum.Enum):
    """The type of INVALID, what a check returns for a value it refuses (the
    problems are in its Context). An enum of one member, so that a type
    checker knows a value that `is not INVALID` is the checked value."""

    INVALID = "invalid"


INVALID: Final = Invalid.INVALID
_MISSING = object()


@dataclass(frozen=True)
class NotStated:
    """A setting the policy does not state. Falsy, so a template's
    `{% if setting %}` skips it; `reason` and `placeholder` come from an
    `{unknown: ..., placeholder: ...}` entry. Two settings that are not
    stated are equal however the author wrote it (left out or marked)."""

    reason: str | None = None
    placeholder: str | None = None
    marked: bool = field(default=False, compare=False)  # written in the file, not left out
    line: int = field(default=0, compare=False)

    def __bool__(self) -> Literal[False]:  # so a type checker knows `if setting:` rules it out
        return False

    # A list that is not stated reads as an empty one.
    def __iter__(self):
        return iter(())

    def __len__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return f"NotStated({self.reason!r})" if self.reason else "NotStated()"


def stated(value) -> bool:
    """Whether the council said something: not absent, not marked unknown, not empty."""
    return not (value is None or isinstance(value, NotStated) or value == () or value == "")


NOT_STATED_WORDS = ("not stated", "not-stated")


@dataclass
class Context:
    file: str
    problems: list[SourceProblem] = field(default_factory=list)
    known: dict[str, Any] = field(default_factory=dict)
    notes: list[SourceProblem] = field(default_factory=list)  # warnings: what the sites will not say
    # The languages every text must be given in (a council's `languages`,
    # set as its file is read), or None where a text may be given in any of
    # them, English first (the shared catalogue: each council that adopts a
    # rule needs it in the council's own languages).
    languages: tuple[str, ...] | None = None

    def error(self, line: int, path: str, message: str) -> Invalid:
        self.problems.append(SourceProblem(self.file, line, path, message))
        return INVALID

    def note(self, line: int, path: str, message: str) -> None:
        self.notes.append(SourceProblem(self.file, line, path, message))


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
    """A typed value. `help` is the one-line description used in docs and errors.

    `silence` (what the sites will not say when the policy is silent) makes
    the value optional and lets the author mark it `not stated` or unknown;
    a required field with `silence` may be marked unknown but not left out,
    and then needs a placeholder (`needs_placeholder`) when the pages cannot
    do without words for it (a council's name)."""

    expected = "a value"

    def __init__(self, *, required: bool = True, default: Any = None, help: str = "",
                 silence: str | None = None, needs_placeholder: bool = False):
        self.silence = silence
        self.needs_placeholder = needs_placeholder
        self.required = required if silence is None or needs_placeholder else False
        self.default = NotStated() if silence and default is None else default
        self.help = help

    def check(self, value, ctx: Context, path: str, line: int):
        raise NotImplementedError

    def fail(self, value, ctx: Context, path: str, line: int, detail: str = ""):
        got = (f" (got {_kind(value)}: {_shown(value)})" if not isinstance(value, (dict, list))
               else f" (got {_kind(value)})")
        return ctx.error(line, path, (detail or f"expected {self.expected}") + got)


def _shown(value, most: int = 80) -> str:
    """A value as an error quotes it: in full when short, cut when not."""
    text = repr(value)
    return text if len(text) <= most else f"{text[:most - 10]}... ({len(str(value)):,} characters)"


# Policy text is Markdown that reaches the pages as it is, so the HTML in it
# is limited to what prose needs: no element or attribute that can load,
# run, redirect or restyle anything (<meta http-equiv=refresh>, <script>,
# <iframe>, on...= handlers, javascript: links).
HTML_ALLOWED = {"a": {"href", "title"}, "abbr": {"title"}, "b": set(), "br": set(), "code": set(), "em": set(),
                "i": set(), "small": set(), "span": set(), "strong": set(), "sub": set(), "sup": set()}
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][^\s/>]*)([^>]*)>|<!--")
_ATTRIBUTE = re.compile(r"""([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_SAFE_LINK = re.compile(r"(?:https://|http://|mailto:|#|/|\.|[\w-]+(?:\.md)?(?:#|$))", re.I)
_BAD_LINK = re.compile(r"\]\(\s*<?\s*(javascript|vbscript|data|file):", re.I)
_HANDLER = re.compile(r"\{[^}]*\bon[a-z]+\s*=", re.I)


def html_problem(text: str) -> str | None:
    """What is wrong with the HTML (and links) in policy text, or None."""
    for tag in _TAG.finditer(text):
        if tag.group(0) == "<!--":
            return "HTML comments are not allowed in policy text"
        name = tag[2].lower()
        if name not in HTML_ALLOWED:
            allowed = ", ".join(f"<{t}>" for t in HTML_ALLOWED)
            return f"HTML <{name}> is not allowed in policy text (allowed: {allowed})"
        for attribute in _ATTRIBUTE.finditer(tag[3]):
            key = attribute[1].lower()
            value = next((v for v in attribute.groups()[1:] if v is not None), "")
            if key not in HTML_ALLOWED[name]:
                return f"the attribute {key!r} is not allowed on <{name}> in policy text"
            if key == "href" and not _SAFE_LINK.match(value.strip()):
                return f"the link {value!r} is not allowed: links go to https://, mailto: or a page of the site"
    if _BAD_LINK.search(text):
        return "a javascript:, vbscript:, data: or file: link is not allowed in policy text"
    if _HANDLER.search(text):
        return "event attributes (on...=) are not allowed in policy text"
    return None


class Text(Field):
    expected = "text"

    def __init__(self, *, pattern: str | None = None, pattern_help: str = "", prose: bool = True,
                 translate: bool | None = None, **kw):
        """`prose=False` for text that never reaches a page as Markdown (a regular
        expression, a comment shown only as escaped text): its HTML is not checked.

        `translate`: True for words a reader reads, which a council that
        publishes in more than one language gives in each ({en: ..., cy: ...});
        False for what is the same in every language (an account's handle);
        None (an address) for either. Prose is translated, the rest not."""
        super().__init__(**kw)
        self.pattern = re.compile(pattern) if pattern else None
        self.pattern_help = pattern_help
        self.prose = prose
        self.translate = prose if translate is None and type(self) is Text else translate

    def check(self, value, ctx, path, line):
        if isinstance(value, dict) and self.translate is not False:
            return self._translated(value, ctx, path, line)
        checked = self._one(value, ctx, path, line)
        if checked is not INVALID and self.translate and ctx.languages and len(ctx.languages) > 1:
            return ctx.error(line, path, f"in one language only: the council publishes in "
                                         f"{names(ctx.languages)}, so give this text in each, as "
                                         + "{" + ", ".join(f"{code}: ..." for code in ctx.languages) + "}")
        return checked

    def _translated(self, value: dict, ctx, path, line):
        """{en: ..., cy: ...}: each language's text checked as a plain one."""
        wanted = ctx.languages
        texts: dict[str, str] = {}
        for code, text in value.items():
            here = _line(value, code, line)
            if code not in CODES:
                ctx.error(here, f"{path}.{code}", f"unknown language {code!r} (known: {', '.join(CODES)})")
            elif wanted is not None and code not in wanted:
                ctx.error(here, f"{path}.{code}", f"the council publishes in {names(wanted)} only (its "
                                                  f"`languages`): a text in {names([code])} is never shown")
            elif text is None or (isinstance(text, str) and not text.strip()):
                ctx.error(here, f"{path}.{code}", f"no text in {names([code])}: each of the council's "
                                                  "languages needs its own words here")
            else:
                checked = self._one(text, ctx, f"{path}.{code}", here)
                if checked is not INVALID:
                    texts[code] = checked
        needed = wanted if wanted is not None else ("en",)
        for code in needed:
            if code not in value:
                ctx.error(line, f"{path}.{code}", f"missing: the text in {names([code])}"
                          + (f" (the council publishes in {names(wanted)})" if wanted else ""))
        if len(texts) != len(value) or any(code not in texts for code in needed):
            return INVALID
        return Translated(texts, needed[0])

    def _one(self, value, ctx, path, line):
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return self.fail(value, ctx, path, line)
        text = str(value).strip()
        if not text:
            return ctx.error(line, path, "must not be empty")
        if self.pattern and not self.pattern.fullmatch(text):
            return self.fail(value, ctx, path, line, f"expected {self.pattern_help or self.pattern.pattern}")
        problem = html_problem(text) if self.prose and ("<" in text or "](" in text or "{" in text) else None
        if problem:
            return ctx.error(line, path, problem)
        return self.valid(text, ctx, path, line)

    def valid(self, text: str, ctx, path, line):
        """A subclass's further checks of the text (it is already known to match the pattern)."""
        return text


class Slug(Text):
    def __init__(self, **kw):
        kw.setdefault("translate", False)
        super().__init__(pattern=r"[a-z0-9]+(?:-[a-z0-9]+)*",
                         pattern_help="lower-case letters, digits and hyphens (like 'north-hertfordshire')", **kw)


class Url(Text):
    """A web address: https, a real host name, and only the characters an
    address may hold unencoded (no quotes, brackets or spaces, which would
    end a link or an attribute early)."""

    _HOST = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")

    def __init__(self, **kw):
        super().__init__(pattern=r"[A-Za-z][A-Za-z0-9+.-]*://[A-Za-z0-9._~:/?#@!$&*+,;=%-]+",
                         pattern_help="a full web address starting with https://", **kw)

    def valid(self, text, ctx, path, line):
        try:
            parts = urllib.parse.urlsplit(text)
            port = parts.port
        except ValueError:
            return self.fail(text, ctx, path, line, f"expected {self.pattern_help}")
        if parts.scheme != "https":
            return self.fail(text, ctx, path, line, f"expected {self.pattern_help}")
        if parts.username or parts.password or port is not None or not self._HOST.fullmatch(parts.hostname or ""):
            return self.fail(text, ctx, path, line, f"expected {self.pattern_help}")
        return text


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
        if not kw.get("silence"):
            kw.setdefault("default", ())
        super().__init__(**kw)
        self.item, self.min_items, self.unique, self.unique_what = item, min_items, unique, unique_what
        self.expected = "a list"

    def check(self, value, ctx, path, line):
        if not isinstance(value, list):
            return self.fail(value, ctx, path, line)
        if not value and self.silence:  # an empty list says nothing
            ctx.note(line, path, f"empty: the sites will say nothing about {self.silence}")
            return NotStated(marked=True, line=line)
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
        return tuple(out) if len(ctx.problems) == before else INVALID


def _as_list(value):
    return value if isinstance(value, (list, tuple)) else [value]


class Record(Field):
    """A mapping with declared keys; unknown keys are an error naming the key.
    With `build` (a model class) the checked value is an instance of it;
    otherwise a read-only mapping."""

    def __init__(self, name: str, fields: dict[str, Field], *,
                 validate: Callable[[Any, Context, str, Any], None] | None = None,
                 build: Callable[..., Any] | None = None, **kw):
        super().__init__(**kw)
        self.name, self.fields, self.validate, self.build = name, fields, validate, build
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
        if "languages" in self.fields:
            # A council's languages are the languages of every text in its
            # file, wherever the key is written: read them first.
            spoken = (self.fields["languages"].check(value["languages"], ctx, f"{prefix}languages",
                                                     _line(value, "languages", line))
                      if "languages" in value else self.fields["languages"].default)
            if spoken is INVALID:
                ok = False
            else:
                out["languages"] = spoken
                ctx.languages = tuple(spoken)
        for key, spec in self.fields.items():
            if key in out or (key == "languages" and not ok and "languages" in value):
                continue
            raw = value.get(key, _MISSING)
            key_line = _line(value, key, getattr(value, "line", line))
            if raw is _MISSING or raw is None:
                if spec.required:
                    ctx.error(getattr(value, "line", line), f"{prefix}{key}",
                              f"missing required field in {self.name}" + (f" ({spec.help})" if spec.help else ""))
                    ok = False
                elif spec.silence:
                    ctx.note(key_line, f"{prefix}{key}", f"not stated: the sites will say nothing about {spec.silence}")
                    out[key] = NotStated(line=key_line)
                    continue
                out[key] = spec.default
                continue
            silent = _silence(spec, raw, ctx, f"{prefix}{key}", key_line) if spec.silence else None
            checked = silent if silent is not None else spec.check(raw, ctx, f"{prefix}{key}", key_line)
            if checked is INVALID:
                ok = False
                out[key] = spec.default
            else:
                out[key] = checked
        if not ok:
            return INVALID
        built = self.build(**out) if self.build else MappingProxyType(out)
        if self.validate:
            before = len(ctx.problems)
            self.validate(built, ctx, path, value)
            if len(ctx.problems) != before:
                return INVALID
        return built


def _silence(spec: Field, raw, ctx: Context, path: str, line: int):
    """`not stated`, or `{unknown: why, placeholder: ...}`, for a field that
    may be silent: its NotStated (or INVALID); None when `raw` is neither."""
    if isinstance(raw, str) and raw.strip().lower() in NOT_STATED_WORDS:
        if spec.needs_placeholder:
            return ctx.error(line, path, "the pages need words for this: write "
                                         "{unknown: why it is not known, placeholder: what the pages say}")
        ctx.note(line, path, f"marked not stated: the sites will say nothing about {spec.silence}")
        return NotStated(marked=True, line=line)
    if not (isinstance(raw, dict) and "unknown" in raw and set(raw) <= {"unknown", "placeholder"}):
        return None
    checked = _UNKNOWN.check(raw, ctx, path, line)
    if checked is INVALID:
        return INVALID
    if spec.needs_placeholder and not checked["placeholder"]:
        return ctx.error(line, f"{path}.placeholder", "missing: what the pages say until it is known")
    said = (f"the pages say {checked['placeholder']!r} meanwhile" if checked["placeholder"]
            else f"the sites will say nothing about {spec.silence}")
    ctx.note(line, path, f"not known yet ({checked['unknown']}): {said}")
    return NotStated(checked["unknown"], checked["placeholder"], marked=True, line=line)


class OneOf(Field):
    """The first alternative whose shape fits (a mapping or not) decides."""

    def __init__(self, *alternatives: Field, **kw):
        super().__init__(**kw)
        self.alternatives = alternatives
        self.expected = " or ".join(a.expected for a in alternatives)

    def check(self, value, ctx, path, line):
        for alt in self.alternatives:
            if (isinstance(alt, Record) == isinstance(value, dict)
                    and isinstance(alt, ListOf) == isinstance(value, list)):
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
    """A mapping whose `kind` picks one of a fixed set of records (Vale's
    `extends:`); `build(kind, options)` makes the checked value."""

    def __init__(self, tag: str, variants: dict[str, Record], *,
                 build: Callable[[str, Any], Any] | None = None, **kw):
        super().__init__(**kw)
        self.tag, self.variants, self.build = tag, variants, build
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
        checked = Record(variant.name, fields, validate=variant.validate).check(value, ctx, path, line)
        if checked is INVALID or not self.build:
            return checked
        return self.build(kind, MappingProxyType({k: v for k, v in checked.items() if k != self.tag}))


_UNKNOWN = Record("unknown setting", {
    "unknown": Text(help="why it is not known: shown to editors on the staff site until someone fills it in"),
    "placeholder": Text(required=False, help="what the pages say meanwhile"),
})


# ---------------------------------------------------------------- models
# A file format is declared once, as a frozen dataclass whose fields carry
# their Field: the dataclass gives typed attribute access to the rest of the
# generator and its templates; the Fields give the checks, the errors and the
# format reference (reference.py).

def spec(checked_by: Field) -> Any:
    """A model attribute checked by `checked_by` (its default when optional)."""
    if checked_by.required:
        return dataclasses.field(metadata={"field": checked_by})
    return dataclasses.field(default=checked_by.default, metadata={"field": checked_by})


class Model:
    """The base of the classes @model makes: declares, for the type checker,
    what @model gives each of them: its dataclass fields, and `format(**options)`."""

    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]
    format: ClassVar[Callable[..., Record]]


M = TypeVar("M", bound=Model)


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(dataclasses.field,))
def model(name: str, *, validate: Callable[[Any, Context, str, Any], None] | None = None,
          help: str = "") -> Callable[[type[M]], type[M]]:
    """Make `cls` a frozen dataclass and give it `format(**options)`: the
    Record that checks a mapping of the source and builds an instance of it
    (options as for any Field: required, silence, help)."""
    def wrap(cls: type[M]) -> type[M]:
        cls = dataclass(frozen=True, kw_only=True)(cls)
        fields = {f.name: f.metadata["field"] for f in dataclasses.fields(cls)}
        doc = help or " ".join((cls.__doc__ or "").split())

        def format(**options) -> Record:
            options.setdefault("help", doc)
            return Record(name, fields, validate=validate, build=cls, **options)

        cls.format = staticmethod(format)
        return cls
    return wrap


def as_data(value: Any) -> Any:  # JSON-ready data, shaped as the value is
    """A model as plain JSON-ready data (rule packs, change records): dicts,
    lists, text, numbers; dates as YYYY-MM-DD; not stated as None."""
    if isinstance(value, NotStated) or value is None:
        return None
    if hasattr(value, "as_data"):  # a model that says how it is written down
        return value.as_data()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (dict, MappingProxyType)):
        return {k: as_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [as_data(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def silences(value, prefix: str = ""):
    """(path, field, NotStated) for every setting of a model that is not
    stated, in declaration order; stated sub-models are looked into."""
    if not (dataclasses.is_dataclass(value) and not isinstance(value, type)):
        return
    for f in dataclasses.fields(value):
        declared = f.metadata.get("field")
        if declared is None:
            continue
        here, path = getattr(value, f.name), f"{prefix}{f.name}"
        if isinstance(here, NotStated):
            if declared.silence:
                yield path, declared, here
        else:
            yield from silences(here, f"{path}.")
