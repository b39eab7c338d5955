"""Reading a moderator's export, one row at a time: CSV (read strictly, as
the csv module reads it) or JSON Lines, each row as its columns came and
what is wrong with it, if anything; which column holds each field of a
comment; a row's date. A row that cannot be read is that row's problem,
never the run's: the rest of the export is read on."""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import os
import re
import stat
import sys
import tempfile
from collections import Counter
from typing import Iterator

from .checkable import LONE_SURROGATE
from .errors import InputError

LINE_LIMIT = 16 * 2**20  # bytes in a line, or in a CSV row: more is that row's error (memory stays bounded)

# Where each field of a comment is read from: a column of that name, else the
# first of the other names an export may give it (Meta Business Suite writes
# "Comment", "Author", "Date"). Compared ignoring case, with spaces and
# hyphens as underscores. Every column is written out as it came.
COLUMNS = {"text": ("text", "comment", "message"), "author": ("author",), "handle": ("handle",),
           "date": ("date",), "platform": ("platform",), "reply_to": ("reply_to",), "earlier": ("earlier",)}

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?"  # 11:30, 11.30, 11:30:05
_AM_PM = r"(?:\s*[AaPp]\.?[Mm]\.?)?"
_UK_DATE = re.compile(rf"(\d{{1,2}})/(\d{{1,2}})/(\d{{4}})(?:[ T,]+{_TIME}{_AM_PM})?")
# Only a time may follow the date (with a fraction of a second and a zone,
# as ISO date-times have them): a date followed by anything else is not read
# as that day, in case the rest was meant to say something else.
_ISO_DATE = re.compile(rf"\d{{4}}-\d{{2}}-\d{{2}}(?:(?:T| +){_TIME}(?:[.,]\d+)?{_AM_PM}"
                       r"(?:\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT))?)?")
_BLANK = object()


class RowProblem(Exception):
    """What is wrong with one row: written in its `error` column."""


def row_day(value: str) -> dt.date:
    """A row's date: 2026-11-28, or 28/11/2026 as UK exports write it; either with or without a time after it
    (2026-11-28T11:30:00+00:00, 28/11/2026 11:30)."""
    text = value.strip()
    try:
        if match := _UK_DATE.fullmatch(text):
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        if _ISO_DATE.fullmatch(text):
            return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    raise RowProblem(f"date {short(value)!r} is not a date: write it 2026-11-28 or 28/11/2026")


def column_map(names) -> dict[str, str]:
    """Which of the names (columns, or a JSON line's keys) holds each field."""
    folded: dict[str, str] = {}
    for name in names:
        folded.setdefault(re.sub(r"[\s-]+", "_", str(name).strip()).lower(), name)
    found = {}
    for field, aliases in COLUMNS.items():
        for alias in aliases:
            if alias in folded:
                found[field] = folded[alias]
                break
    return found


def _limit() -> str:
    return f"{LINE_LIMIT // 2**20} MiB" if LINE_LIMIT % 2**20 == 0 else f"{LINE_LIMIT:,} bytes"


def short(value, width: int = 40) -> str:
    text = str(value)
    return text if len(text) <= width else text[:width] + "…"


def _json_type(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    return {int: "a number", float: "a number", str: "text", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__)


class Source:
    """An export, read one physical line at a time (binary, split on \\n only):
    rows() yields (first line, its columns as read, what is wrong or None)."""

    def __init__(self, path: str):
        self.name = "<stdin>" if path == "-" else path
        self.kind = "csv" if path.lower().endswith(".csv") else "jsonl"  # standard input is JSON Lines
        self.size: int | None = None
        self.position = 0  # bytes read
        self.line = 0  # lines read
        self.header: list[str] | None = None
        self._spool = None
        if path == "-":
            if sys.stdin is None:
                raise InputError("--input -: there is no standard input")
            self._file = getattr(sys.stdin, "buffer", None)
            if self._file is None:  # a text stream (an embedding program's): read as it comes
                self._file = _TextAsBytes(sys.stdin)
            self._owned = False
        else:
            try:
                self._file = open(path, "rb")
            except OSError as exc:
                raise InputError(f"cannot read {path}: {exc.strerror}") from None
            self._owned = True
            info = os.fstat(self._file.fileno())
            if stat.S_ISREG(info.st_mode):
                self.size = info.st_size
        if self.kind == "csv":
            if csv.field_size_limit() < LINE_LIMIT:  # 131,072 characters by default: a row's own limit is ours
                csv.field_size_limit(LINE_LIMIT)
            if not self._seekable():  # a pipe: kept on disk, to read again after an unclosed quote
                self._spool = tempfile.TemporaryFile()
                while block := self._file.read(2**20):
                    self._spool.write(block)
                self._spool.seek(0)
                self._file, self.size = self._spool, self._spool.tell() or None
            self._records = self._csv_records()
            self._read_header()

    def _seekable(self) -> bool:
        try:
            return self._file.seekable()
        except (AttributeError, OSError):
            return False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self._owned:
            self._file.close()
        if self._spool is not None:
            self._spool.close()

    def _read_line(self) -> tuple[bytes | None, bool]:
        """The next line (None at the end), and whether it was longer than LINE_LIMIT (then skipped)."""
        raw = self._file.readline(LINE_LIMIT + 1)
        if not raw:
            return None, False
        self.line += 1
        self.position += len(raw)
        if self.line == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if len(raw) > LINE_LIMIT:
            while not raw.endswith(b"\n"):
                raw = self._file.readline(2**20)
                if not raw:
                    break
                self.position += len(raw)
            return b"", True
        return raw, False

    # -------------------------------------------------------------- CSV

    def _read_header(self) -> None:
        first = next(self._records, None)
        if first is not None and first[2] is not None:
            raise InputError(f"{self.name}:{first[0]}: the header row: {first[2]}")
        names = list(first[1]) if first else []
        seen: Counter = Counter()
        for i, name in enumerate(names):  # a name given twice is told apart, as pandas does: name.1
            if seen[name]:
                names[i] = f"{name}.{seen[name]}"
            seen[name] += 1
        self.header = names
        self.fields = column_map(names)
        if "text" not in self.fields:
            raise InputError(f"{self.name}: no 'text' column (columns: {', '.join(names) or 'none'}); "
                             "the comments must be in a column named text (or Comment, or Message)")
        self._index = {field: names.index(column) for field, column in self.fields.items()}

    def _csv_records(self):
        while True:
            record = self._csv_record()
            if record is None:
                return
            if record is not _BLANK:
                yield record

    def _csv_record(self):
        """One CSV row, read strictly, as the csv module reads it: its lines are
        gathered until its quotes close (a quoted field may hold line breaks).
        A quote never closed makes its first line an error, and reading goes
        on from the line after it; so no row is swallowed."""
        start = resume = bad = None
        parts: list[str] = []
        size, inside, big = 0, False, False
        while True:
            raw, cut = self._read_line()
            if raw is None:
                if start is None:
                    return None
                self._file.seek(resume[0])  # read the rows after the bad line again
                self.position, self.line = resume
                first = _lenient([parts[0].rstrip("\r\n")] if parts else [])
                return start, first, "a quote opened on this line is never closed"
            if start is None:
                start, resume = self.line, (self.position, self.line)
            if cut:
                return start, [], f"line {self.line} is longer than {_limit()}"
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                text = raw.decode("utf-8", "replace")
                bad = bad or _not_utf8(raw, exc, self.line)
            size += len(raw)
            if size <= LINE_LIMIT:
                parts.append(text)
            else:
                big = True
            inside = _still_quoted(text, inside)
            if not inside:
                break
        if big:
            return start, [], f"the row is longer than {_limit()}"
        try:
            fields = next(csv.reader(parts, strict=True), None)
        except csv.Error as exc:
            problem = _csv_problem(exc, self.line)
            if len(parts) > 1:  # a quote opened on the first line went wrong later: the lines after it are rows
                self._file.seek(resume[0])
                self.position, self.line = resume
                return start, _lenient([parts[0].rstrip("\r\n")]), problem
            return start, _lenient(parts), problem
        if bad:
            return start, fields or [], bad
        if not fields:
            return _BLANK
        return start, fields, None

    def csv_fields(self, values: list[str]) -> dict:
        width = len(self.header)
        if len(values) > width:
            raise RowProblem(f"{len(values)} fields where the header has {width} (a comma outside quotes?)")
        got = {field: values[i] if i < len(values) else None for field, i in self._index.items()}
        if got["text"] is None:
            raise RowProblem(f"{len(values)} field{'s' if len(values) != 1 else ''}, with no "
                              f"{self.fields['text']!r} column: the header has {width}")
        return got

    # -------------------------------------------------------------- JSON Lines

    def rows(self) -> Iterator[tuple[int, object, str | None]]:
        if self.kind == "csv":
            yield from self._records
            return
        while True:
            raw, cut = self._read_line()
            if raw is None:
                return
            if cut:
                yield self.line, {}, f"the line is longer than {_limit()}"
            elif raw.strip(b" \t\r\n"):
                yield (self.line, *_json_row(raw, self.line))


class _TextAsBytes:
    def __init__(self, stream):
        self._stream = stream

    def readline(self, limit: int = -1) -> bytes:
        return self._stream.readline(limit).encode("utf-8", "surrogatepass")


def _still_quoted(line: str, inside: bool) -> bool:
    """Whether a quoted field is still open at the end of the line, as the csv
    module (excel dialect) reads it: a field is quoted when it starts with a
    quote; "" inside it is a quote; a quote elsewhere is text. A line the
    csv module refuses ends its row here, and is that row's error."""
    if '"' not in line:
        return inside
    end = len(line) - (2 if line.endswith("\r\n") else 1 if line.endswith("\n") else 0)
    i = 0
    while True:
        if inside:
            j = line.find('"', i)
            if j < 0:
                return True
            if j + 1 < end and line[j + 1] == '"':  # an escaped quote
                i = j + 2
                continue
            inside, i = False, j + 1
            if i >= end or line[i] != ",":
                return False  # the end of the row (or text after a closing quote: an error the csv module reports)
            i += 1
        if i < end and line[i] == '"':
            inside, i = True, i + 1
            continue
        k = line.find(",", i, end)
        if k < 0:
            return False
        i = k + 1


def _lenient(parts: list[str]) -> list[str]:
    """The fields of a row that is in error, read leniently: so the output shows which row it is."""
    try:
        return next(csv.reader(parts), [])
    except csv.Error:
        return []


def _csv_problem(exc: csv.Error, line: int) -> str:
    message = str(exc)
    if "expected after" in message:
        return (f"not valid CSV: on line {line}, a quote closing a quoted field is followed by more text "
                '(a quote inside a quoted field is written twice: "")')
    if "new-line character" in message:
        return f"not valid CSV: a carriage return (CR) alone inside an unquoted field on line {line}"
    return f"not valid CSV on line {line}: {message}"


def _not_utf8(raw: bytes, exc: UnicodeDecodeError, line: int) -> str:
    return (f"not valid UTF-8: byte 0x{raw[exc.start]:02X} at byte {exc.start + 1:,} of line {line:,}; "
            "the row is not checked (save the export as UTF-8)")


def _finite(number: str) -> float:
    value = float(number)
    if not math.isfinite(value):
        raise ValueError(f"the number {short(number)} is too large")
    return value


def _no_constant(name: str):
    raise ValueError(f"{name} is not a JSON value")


def _json_row(raw: bytes, line: int) -> tuple[dict, str | None]:
    """A JSON line as (its fields, what is wrong or None)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _echo(raw.decode("utf-8", "replace")), _not_utf8(raw, exc, line)
    try:
        row = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except RecursionError:
        return {}, "nested too deeply to read"
    except json.JSONDecodeError as exc:
        return {}, f"not valid JSON: {exc.msg} (column {exc.colno:,})"
    except ValueError as exc:  # a number over Python's 4,300 digits, NaN, 1e999
        if "digits" in str(exc):
            return {}, "a number with more than 4,300 digits"
        return {}, str(exc)
    if not isinstance(row, dict):
        return {}, f"each line must be a JSON object with a 'text' field, not {_json_type(row)}"
    if _SURROGATE_ESCAPE.search(text):
        for key, value in row.items():
            try:
                written = key + json.dumps(value, ensure_ascii=False)
            except (RecursionError, ValueError):
                return {}, "nested too deeply to write back"
            if bad := LONE_SURROGATE.search(written):
                return _echo(LONE_SURROGATE.sub("\ufffd", json.dumps(row, ensure_ascii=False))), (
                    f"field {LONE_SURROGATE.sub(chr(0xFFFD), key)!r} holds a lone surrogate, "
                    f"\\u{ord(bad.group()):04x}: half of a UTF-16 pair, which is not a character")
    return row, None


def _echo(text: str) -> dict:
    """A row's fields as well as they can be read (to show which row is in error)."""
    try:
        row = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    return row if isinstance(row, dict) else {}


def json_fields(row: dict, cache: dict) -> dict:
    keys = tuple(row)
    names = cache.get(keys)
    if names is None:
        if len(cache) > 64:
            cache.clear()
        names = cache[keys] = column_map(keys)
    if "text" not in names:
        listed = ", ".join(short(k, 30) for k in keys[:10]) + (", …" if len(keys) > 10 else "")
        raise RowProblem(f"no 'text' field (fields: {listed or 'none'})")
    got = {}
    for field, key in names.items():
        value = row[key]
        if field == "earlier" or value is None or isinstance(value, str):
            got[field] = value
        else:
            raise RowProblem(f"{key!r} must be text, not {_json_type(value)}")
    if got["text"] is None:
        raise RowProblem(f"{names['text']!r} is null: there is no comment to check")
    return got


def earlier_given(given, key: str) -> tuple | None:
    """The earlier comments a row gives (a list, or a JSON list in a text column); None: not given."""
    if given is None or (isinstance(given, str) and not given.strip()):
        return None
    if isinstance(given, str):
        if not given.lstrip().startswith("["):
            return (given,)
        try:
            given = json.loads(given)
        except (ValueError, RecursionError):
            return (given,)
    if isinstance(given, list) and all(isinstance(e, str) for e in given):
        if any(LONE_SURROGATE.search(e) for e in given):
            raise RowProblem(f"{key!r} holds a lone surrogate, which is not a character")
        return tuple(given)
    raise RowProblem(f"{key!r} must be a list of comments (text)")
