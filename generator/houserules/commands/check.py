"""`houserules check`: one comment, or a moderator's export of many."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import math
import multiprocessing
import os
import re
import signal
import stat
import sys
import tempfile
import threading
import time
from collections import Counter, OrderedDict, defaultdict, deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Iterator

from houserules_checker import BREAKS, MAY_BREAK, NEEDS_PERSON, Checker, CheckError
from houserules_checker.engine import MAX_CHARS
from houserules_checker.findings import next_steps
from houserules_checker.record import FIELDS as RECORD_FIELDS
from houserules_checker.record import make_record

from ..editions import build_day, load_version, shown_on
from ..errors import HouserulesError, UsageError
from ..load import Policy
from ..rulepack import build_rulepack
from ..versions import load_versions

LABEL = {BREAKS: "BREAKS", MAY_BREAK: "MAY BREAK", NEEDS_PERSON: "NEEDS A PERSON"}
EARLIER_KEPT = 20  # an author's earlier comments compared for repetition


class InputError(UsageError):
    """A problem with the comments given to check (not with the policy)."""


class Interrupted(HouserulesError):
    """Ctrl+C or a kill (SIGTERM, SIGHUP) during a batch: nothing is written. Exit code 128 + the signal."""

    exit_code = 130

    def __init__(self, message: str, exit_code: int = 130):
        super().__init__(message)
        self.exit_code = exit_code


class Checkers:
    """A council's checker for a given day: the published version in force
    that day, which is what its sites show (its first version, before any
    takes effect); or its source, when it has published none or when the
    source is asked for (--source, to try an edit before publishing it)."""

    def __init__(self, root: Path, policy: Policy, council: str, *, source: bool = False):
        if council not in policy.councils:
            import difflib
            hint = difflib.get_close_matches(council, sorted(policy.councils), n=1)
            raise InputError(f"no council {council!r}" + (f" (did you mean {hint[0]!r}?)" if hint else "")
                             + f"; known: {', '.join(sorted(policy.councils))}")
        self.council, self._root = council, root
        self.recipe = root, council, source  # how a worker process makes its own, where it cannot inherit this one
        published = load_versions(root).get(council, [])
        self._versions = [] if source else published
        # A council with nothing published shows its source: that is its current policy.
        self._source = policy, ("unpublished source" if published else None)
        self._made: dict[str | None, Checker] = {}

    def on(self, day: dt.date) -> Checker:
        version = shown_on(self._versions, day) if self._versions else None
        label = version.folder if version else self._source[1]
        checker = self._made.get(label)
        if checker is None:
            if version is None:
                policy = self._source[0]
            else:  # loaded when first needed: most runs need one version
                with tempfile.TemporaryDirectory() as work:
                    policy = load_version(self._root, version, Path(work))
            checker = self._made[label] = Checker(build_rulepack(policy, self.council, label))
        return checker

    @property
    def used(self) -> list[Checker]:
        return list(self._made.values())

    def describe(self, day: dt.date) -> str:
        """Which policy a check on the day is made against, as a report says it."""
        checker = self.on(day)
        if self._versions:
            return f"policy {checker.pack['version']}, in force on {day.isoformat()}"
        return f"policy: {version_label(checker)}"


def parse_date(value: str | None, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(f"{where}: date {value!r} is not a date written YYYY-MM-DD") from None


# ------------------------------------------------------------------ one comment

def report(result, checker: Checker, text: str, show_passes: bool = False, policy: str | None = None) -> str:
    council = checker.pack["council"]["name"]
    lines = [f"Checked against {council}'s house rules ({policy or 'policy: ' + version_label(checker)})."]
    flagged = [f for f in result.findings if f.verdict in (BREAKS, MAY_BREAK)]
    if not flagged:
        lines.append("Nothing found. This is not a promise: a person may still judge the comment differently.")
    for finding in flagged:
        lines.append("")
        lines.append(f"{LABEL[finding.verdict]}  {finding.rule}: {finding.wording}")
        for match, why in zip(finding.matches, finding.why):
            lines.append(f"    \"{match.text}\" (characters {match.start}-{match.end}): {why}")
    steps, ladder = next_steps(checker.pack, [f for f in flagged if f.verdict == BREAKS])
    if steps:  # numbered only when it is one process, followed in order
        lines.append("")
        lines.append("What the council does when a rule is broken:")
        lines.extend(f"    {f'{n}.' if ladder else '-'} {step}" for n, step in enumerate(steps, 1))
    people = [f for f in result.findings if f.verdict == NEEDS_PERSON]
    if people:
        lines.append("")
        lines.append("NEEDS A PERSON (no program can judge these):")
        lines.extend(f"    {f.rule}: {f.wording}" for f in people)
    passes = [f for f in result.findings if f.verdict not in (BREAKS, MAY_BREAK, NEEDS_PERSON)]
    lines.append("")
    lines.append(f"Passes {len(passes)} rule{'s' if len(passes) != 1 else ''}"
                 + (": " + ", ".join(f.rule for f in passes) if show_passes and passes else "."))
    return "\n".join(lines)


def exit_code(results) -> int:
    """0 nothing broken; 1 a rule is broken (like a linter); errors are 2."""
    return 1 if any(f.verdict == BREAKS for r in results for f in r.findings) else 0


def comment_problem(text: str, what: str = "the comment") -> str | None:
    """Why a comment cannot be checked, in words for the person who gave it; None when it can be."""
    if len(text) > MAX_CHARS:
        return f"{what} has {len(text):,} characters; the checker takes at most {MAX_CHARS:,}"
    bad = _LONE_SURROGATE.search(text)
    if bad is None:
        return None
    code, at = ord(bad.group()), bad.start() + 1
    if 0xDC80 <= code <= 0xDCFF:  # how Python keeps a byte that is not UTF-8 (in a command's arguments)
        return (f"{what} is not UTF-8: byte 0x{code - 0xDC00:02X} at character {at:,} "
                f"(or a lone surrogate, U+{code:04X})")
    return (f"{what} holds a lone surrogate, U+{code:04X}, at character {at:,}: half of a UTF-16 pair, "
            "which is not a character")


def read_stdin() -> str:
    """One comment from standard input: UTF-8 (a byte-order mark is dropped), read no further than the
    checker's limit, so a huge or binary stream is an error rather than a traceback."""
    if sys.stdin is None:
        raise InputError("no comment given, and there is no standard input to read one from")
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        return sys.stdin.read(MAX_CHARS + 1)
    data = buffer.read(MAX_CHARS * 4 + 1)  # at most 4 bytes a character: more is over the limit
    if len(data) > MAX_CHARS * 4:
        raise InputError(f"standard input is longer than the checker's limit of {MAX_CHARS:,} characters")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise InputError(f"standard input is not UTF-8: byte 0x{data[exc.start]:02X} "
                         f"at byte {exc.start + 1:,}") from None


def check_one(checker: Checker, text: str, *, reply_to: str | None, earlier, day: dt.date):
    """One comment, checked; what cannot be checked is an InputError (exit code 2)."""
    for value, what in ((text, "the comment"), (reply_to or "", "--reply-to"),
                        *((e, "--earlier") for e in earlier)):
        problem = comment_problem(value, what) if what == "the comment" else _surrogate_problem(value, what)
        if problem:
            raise InputError(problem)
    try:
        return checker.check(text, reply_to=reply_to, earlier=earlier, date=day)
    except CheckError as exc:
        raise InputError(str(exc)) from None


def _surrogate_problem(value: str, what: str) -> str | None:
    bad = _LONE_SURROGATE.search(value)
    return f"{what} holds a lone surrogate, U+{ord(bad.group()):04X}: not a character" if bad else None


# ------------------------------------------------------------------ batches
#
# A batch streams: rows are read, checked and written one at a time (in
# chunks handed to worker processes, a few at a time, in order), so memory
# stays flat whatever the size of the export. The output goes to a temporary
# file in its own folder and is renamed into place only when it is complete:
# a file already there survives any failure, Ctrl+C or kill. A row that cannot
# be read or checked is written with an `error` saying why, and the run goes on.

LINE_LIMIT = 16 * 2**20  # bytes in a line, or in a CSV row: more is that row's error (memory stays bounded)
CHUNK_ROWS, CHUNK_CHARS = 256, 2**20  # rows (and bytes, about) handed to a worker process at once
ERRORS_SHOWN = 10  # row errors repeated on stderr; every one is in the output
CSV_COLUMNS_MAX = 10_000  # different fields of a JSON Lines export that become columns of a CSV output
HISTORY_AUTHORS, HISTORY_CHARS = 100_000, 20_000_000  # what is kept of an export for the repetition rule

# Where each field of a comment is read from: a column of that name, else the
# first of the other names an export may give it (Meta Business Suite writes
# "Comment", "Author", "Date"). Compared ignoring case, with spaces and
# hyphens as underscores. Every column is written out as it came.
COLUMNS = {"text": ("text", "comment", "message"), "author": ("author",), "handle": ("handle",),
           "date": ("date",), "platform": ("platform",), "reply_to": ("reply_to",), "earlier": ("earlier",)}
OUR_COLUMNS = ("findings", "error")  # written by the check: an input's own are replaced

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_UK_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T,]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ].*)?", re.S)
_BLANK = object()


class _RowProblem(Exception):
    """What is wrong with one row: written in its `error` column."""


def row_day(value: str) -> dt.date:
    """A row's date: 2026-11-28 (any time after it), or 28/11/2026 as UK exports write it (with or without a time)."""
    text = value.strip()
    try:
        if match := _UK_DATE.fullmatch(text):
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        if _ISO_DATE.fullmatch(text):
            return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    raise _RowProblem(f"date {_short(value)!r} is not a date: write it 2026-11-28 or 28/11/2026")


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


def _short(value, width: int = 40) -> str:
    text = str(value)
    return text if len(text) <= width else text[:width] + "…"


def _json_type(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    return {int: "a number", float: "a number", str: "text", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__)


# ------------------------------------------------------------------ reading

class _Source:
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
            raise _RowProblem(f"{len(values)} fields where the header has {width} (a comma outside quotes?)")
        got = {field: values[i] if i < len(values) else None for field, i in self._index.items()}
        if got["text"] is None:
            raise _RowProblem(f"{len(values)} field{'s' if len(values) != 1 else ''}, with no "
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
        raise ValueError(f"the number {_short(number)} is too large")
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
            if bad := _LONE_SURROGATE.search(written):
                return _echo(_LONE_SURROGATE.sub("\ufffd", json.dumps(row, ensure_ascii=False))), (
                    f"field {_LONE_SURROGATE.sub(chr(0xFFFD), key)!r} holds a lone surrogate, "
                    f"\\u{ord(bad.group()):04x}: half of a UTF-16 pair, which is not a character")
    return row, None


def _echo(text: str) -> dict:
    """A row's fields as well as they can be read (to show which row is in error)."""
    try:
        row = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    return row if isinstance(row, dict) else {}


def _json_fields(row: dict, cache: dict) -> dict:
    keys = tuple(row)
    names = cache.get(keys)
    if names is None:
        if len(cache) > 64:
            cache.clear()
        names = cache[keys] = column_map(keys)
    if "text" not in names:
        listed = ", ".join(_short(k, 30) for k in keys[:10]) + (", …" if len(keys) > 10 else "")
        raise _RowProblem(f"no 'text' field (fields: {listed or 'none'})")
    got = {}
    for field, key in names.items():
        value = row[key]
        if field == "earlier" or value is None or isinstance(value, str):
            got[field] = value
        else:
            raise _RowProblem(f"{key!r} must be text, not {_json_type(value)}")
    if got["text"] is None:
        raise _RowProblem(f"{names['text']!r} is null: there is no comment to check")
    return got


def _earlier(given, key: str) -> tuple | None:
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
        if any(_LONE_SURROGATE.search(e) for e in given):
            raise _RowProblem(f"{key!r} holds a lone surrogate, which is not a character")
        return tuple(given)
    raise _RowProblem(f"{key!r} must be a list of comments (text)")


class _History:
    """The latest comments of each author in the export (for the repetition
    rule), for the authors seen most recently: bounded in authors and characters."""

    def __init__(self):
        self._kept: OrderedDict[str, tuple[tuple, int]] = OrderedDict()
        self._chars = 0

    def earlier(self, author: str) -> tuple:
        kept = self._kept.get(author)
        return kept[0] if kept else ()

    def add(self, author: str, text: str) -> None:
        texts, chars = self._kept.pop(author, ((), 0))
        texts = (*texts, text)[-EARLIER_KEPT:]
        self._chars -= chars
        chars = sum(map(len, texts))
        self._kept[author] = texts, chars
        self._chars += chars
        while self._kept and (len(self._kept) > HISTORY_AUTHORS or self._chars > HISTORY_CHARS):
            self._chars -= self._kept.popitem(last=False)[1][1]


# ------------------------------------------------------------------ writing

class _Sink:
    """Where an output goes: a temporary file in the destination's own folder,
    renamed into place by commit() when it is complete, and gone after any
    failure (unnamed where the system allows, so even a kill -9 leaves
    nothing behind); or standard output, which streams."""

    def __init__(self, path: str):
        self.path, self._temp, self._fd = path, None, None
        if path == "-":
            sys.stdout.flush()
            self.file = getattr(sys.stdout, "buffer", None) or _BytesAsText(sys.stdout)
            return
        folder, name = os.path.split(os.path.abspath(path))
        if os.path.isdir(path):
            raise InputError(f"cannot write {path}: it is a folder")
        try:
            self._fd, self._temp = _temporary(folder, name)
        except OSError as exc:
            raise InputError(f"cannot write {path}: {exc.strerror}") from None
        self._folder, self._name = folder, name
        self.file = open(self._fd, "wb", buffering=2**20, closefd=False)

    def commit(self) -> None:
        self.file.flush()
        if self._fd is None:
            return
        os.fsync(self._fd)
        if self._temp is None:  # unnamed: given a name in the folder, then renamed over the old file
            self._temp = self._name_it()
        else:
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(self._temp, 0o666 & ~mask)
        os.replace(self._temp, self.path)
        self._temp = None
        self.close()

    def _name_it(self) -> str:
        folder = os.open(self._folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            while True:
                name = f".{self._name}.{os.urandom(6).hex()}.part"
                try:  # linkat(..., AT_SYMLINK_FOLLOW): os.link uses it when given a folder's descriptor
                    os.link(f"/proc/self/fd/{self._fd}", name, dst_dir_fd=folder, follow_symlinks=True)
                    return os.path.join(self._folder, name)
                except FileExistsError:
                    continue
                except OSError:  # cannot be linked here after all: copied to a named file instead
                    break
        finally:
            os.close(folder)
        fd, temp = tempfile.mkstemp(dir=self._folder, prefix=f".{self._name}.", suffix=".part")
        try:
            os.lseek(self._fd, 0, os.SEEK_SET)
            with open(fd, "wb") as copy:
                while block := os.read(self._fd, 2**20):
                    copy.write(block)
                copy.flush()
                os.fsync(copy.fileno())
        except BaseException:
            os.unlink(temp)
            raise
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temp, 0o666 & ~mask)
        return temp

    def close(self) -> None:
        """Closes the temporary file, removing it if it was not committed."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            self.file.close()
        os.close(self._fd)
        self._fd = None
        if self._temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._temp)


def _temporary(folder: str, name: str) -> tuple[int, str | None]:
    if hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd"):
        try:
            return os.open(folder, os.O_TMPFILE | os.O_RDWR | os.O_CLOEXEC, 0o666), None
        except OSError as exc:
            if exc.errno in (2, 13, 20, 30):  # no such folder, no permission, not a folder, read-only: say so
                raise
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".part")
    return fd, temp


class _BytesAsText:
    def __init__(self, stream):
        self._stream = stream

    def write(self, data: bytes) -> None:
        self._stream.write(data.decode("utf-8"))

    def flush(self) -> None:
        self._stream.flush()


class _Line:
    """What csv.writer writes, one row at a time."""

    __slots__ = ("text",)

    def write(self, text: str) -> None:
        self.text = text


def _cell(value) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class _Encoder:
    """Writes a row of the output, or a record, as bytes: in the main process,
    or in a worker, so that the main process only reads, hands out and writes.
    A row is the input's columns (as they came), then `findings` and `error`."""

    def __init__(self, from_csv: bool, to_csv: bool, names: list[str] | None = None, keep: list[int] | None = None):
        self.from_csv, self.to_csv, self.names, self.keep = from_csv, to_csv, names, keep
        self._line = _Line()
        self._writer = csv.writer(self._line, lineterminator="\n")

    def __getstate__(self):  # to a worker that is not forked
        return self.from_csv, self.to_csv, self.names, self.keep

    def __setstate__(self, state):
        self.__init__(*state)

    def csv_line(self, values) -> bytes:
        self._writer.writerow(values)
        return self._line.text.encode("utf-8")

    def row(self, echo, findings: str | None, error: str | None) -> bytes:
        if self.from_csv:
            values = [echo[i] if i < len(echo) else "" for i in self.keep]
            if self.to_csv:
                return self.csv_line([*values, findings or "", error or ""])
            body = json.dumps(dict(zip(self.names, values)), ensure_ascii=False)
        else:
            body = json.dumps({key: value for key, value in echo.items() if key not in OUR_COLUMNS},
                              ensure_ascii=False)
        tail = ', "findings": ' + (findings or "null")
        if error:
            tail += ', "error": ' + json.dumps(error, ensure_ascii=False)
        return (("{" + tail[2:]) if body == "{}" else (body[:-1] + tail)).encode("utf-8") + b"}\n"

    def record(self, record: dict) -> bytes:
        if self.to_csv:
            return self.csv_line([record[k] for k in RECORD_FIELDS])
        return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"


class _RowsOut:
    """The rows with their findings: CSV or JSON Lines (by the output's name).
    `encoder` writes a row anywhere; None when rows can only be written here
    (JSON Lines to CSV: the columns are known at the end, and the rows wait on disk)."""

    def __init__(self, path: str, source: _Source):
        self.sink = _Sink(path)
        to_csv = path.lower().endswith(".csv")
        self.from_csv = source.kind == "csv"
        self._spool = None
        if self.from_csv:
            keep = [i for i, name in enumerate(source.header) if name not in OUR_COLUMNS]
            self.encoder = self._local = _Encoder(True, to_csv, [source.header[i] for i in keep], keep)
            if to_csv:
                self.sink.file.write(self._local.csv_line([*self._local.names, *OUR_COLUMNS]))
        else:
            self.encoder = self._local = _Encoder(False, to_csv)
            if to_csv:
                self.encoder = None
                self._spool = tempfile.TemporaryFile(dir=self.sink._folder)
                self._columns: dict[str, None] = {}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self._spool is not None:
            self._spool.close()
        self.sink.close()

    def write(self, line: int, echo, findings: str | None, problem: str | None) -> str | None:
        """Writes a row, its error column saying what is wrong with it; returns that (None: nothing)."""
        try:
            self._write(echo, findings, f"line {line}: {problem}" if problem else None)
        except (ValueError, RecursionError, UnicodeError, TypeError) as exc:
            problem = (problem + "; " if problem else "") + f"its fields could not be written ({_short(exc, 120)})"
            self._write({} if not self.from_csv else [], None, f"line {line}: {problem}")
        return problem

    def _write(self, echo, findings, error) -> None:
        if self._spool is None:
            self.sink.file.write(self._local.row(echo, findings, error))
            return
        cells = {}
        for key, value in echo.items():
            if key in OUR_COLUMNS:
                continue
            if key not in self._columns:
                if len(self._columns) >= CSV_COLUMNS_MAX:
                    raise ValueError(f"more than {CSV_COLUMNS_MAX:,} different fields in the input: "
                                     "write .jsonl to keep them all")
                self._columns[key] = None
            cells[key] = _cell(value)
        self._spool.write(json.dumps([cells, findings or "", error or ""], ensure_ascii=False).encode("utf-8")
                          + b"\n")

    def commit(self) -> None:
        if self._spool is not None:
            names = list(self._columns)
            self.sink.file.write(self._local.csv_line([*names, *OUR_COLUMNS]))
            self._spool.seek(0)
            for raw in self._spool:
                cells, findings, error = json.loads(raw)
                self.sink.file.write(self._local.csv_line([*(cells.get(name, "") for name in names), findings, error]))
        self.sink.commit()


class _RecordsOut:
    """The record the policy requires for each broken rule (houserules_checker.record)."""

    def __init__(self, path: str):
        self.sink = _Sink(path)
        self.encoder = _Encoder(False, path.lower().endswith(".csv"))
        if self.encoder.to_csv:
            self.sink.file.write(self.encoder.csv_line(list(RECORD_FIELDS)))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.sink.close()

    def write(self, record: bytes) -> None:
        self.sink.file.write(record)

    def commit(self) -> None:
        self.sink.commit()


# ------------------------------------------------------------------ checking

_WORKER: dict = {}


def _worker_start(checkers, rows: _Encoder | None, records: _Encoder | None, parent: int) -> None:
    """A worker process: Ctrl+C is the main process's to handle; it stops when the main process is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if isinstance(checkers, tuple):  # not inherited (no fork on this system): made again
        from ..load import load_policy
        root, council, source = checkers
        checkers = Checkers(root, load_policy(root), council, source=source)
    _WORKER.update(checkers=checkers, rows=rows, records=records)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _check_chunk(rows: list, checkers: Checkers | None = None, encoders: tuple | None = None) -> list:
    """Checks a chunk of (payload, echo) (None: a row in error, written by the main process)."""
    checkers = checkers or _WORKER["checkers"]
    encode_row, encode_record = encoders or (_WORKER["rows"], _WORKER["records"])
    return [None if row is None else _check_row(checkers, *row, encode_row, encode_record) for row in rows]


def _check_row(checkers: Checkers, payload, echo, rows: _Encoder | None, records: _Encoder | None):
    """(findings as JSON, the row written or None, (rule, verdict) of each finding, the record written
    (True: a rule is broken, no record asked for; None: none is), policy version, error or None)."""
    text, reply_to, earlier, day, who = payload
    try:
        checker = checkers.on(day)
        result = checker.check(text, reply_to=reply_to, earlier=earlier, date=day)
        flagged = [f for f in result.findings if f.verdict in (BREAKS, MAY_BREAK)]
        findings = _findings_json(flagged) if flagged else "[]"
        record = None
        if flagged and any(f.verdict == BREAKS for f in flagged):
            record = True
            if records is not None:
                author, handle, platform, date = who
                record = records.record(make_record(checker.pack, {"author": author, "handle": handle,
                                                                   "platform": platform, "date": date},
                                                    text, flagged))
        counts = tuple((f.rule, f.verdict) for f in flagged)
        version = checker.pack["version"]
    except CheckError as exc:
        return None, None, (), None, None, str(exc)
    except Interrupted:  # a kill while checking in this process stops the run
        raise
    except Exception as exc:  # a bug in a detector must not stop the run: the row says so
        return None, None, (), None, None, f"could not be checked ({type(exc).__name__}: {_short(exc, 200)})"
    data = None
    if rows is not None:
        try:
            data = rows.row(echo, findings, None)
        except (ValueError, RecursionError, UnicodeError, TypeError):
            pass  # the main process writes it, and says what is wrong
    return findings, data, counts, record, version, None


_STRING = json.encoder.encode_basestring  # a JSON string, as json.dumps(..., ensure_ascii=False) writes it
_HEADS: dict = {}


def _findings_json(flagged) -> str:
    """The flagged findings as JSON, as json.dumps writes them (this is most of the work of writing a row)."""
    parts = []
    for f in flagged:
        head = _HEADS.get((f.rule, f.verdict, f.wording))
        if head is None:
            head = _HEADS[f.rule, f.verdict, f.wording] = (
                f'{{"rule": {_STRING(f.rule)}, "verdict": {_STRING(f.verdict)}, "wording": {_STRING(f.wording)}, '
                '"matches": [')
        matches = ", ".join(f'{{"start": {m.start}, "end": {m.end}, "text": {_STRING(m.text)}}}' for m in f.matches)
        parts.append(f'{head}{matches}], "why": {_STRING("; ".join(f.why))}}}')
    return "[" + ", ".join(parts) + "]"


def _items(source: _Source, checkers: Checkers, date: dt.date | None, today: dt.date):
    """(line, echo, error, payload): each row, with what a worker needs to check it."""
    history, names, last_day = _History(), {}, None
    for line, echo, problem in source.rows():
        if problem is not None:
            yield line, echo, problem, None
            continue
        try:
            fields = source.csv_fields(echo) if source.kind == "csv" else _json_fields(echo, names)
            text = fields["text"]
            if problem := comment_problem(text):
                raise _RowProblem(problem)
            day = date or (row_day(fields["date"]) if fields.get("date") else None) or today
            if day != last_day:  # the version in force that day is made here too: the summary names it
                checkers.on(day)
                last_day = day
            author = fields.get("handle") or fields.get("author")
            earlier = _earlier(fields.get("earlier"), source.fields.get("earlier", "earlier")
                               if source.kind == "csv" else "earlier")
            if earlier is None:
                earlier = history.earlier(author) if author else ()
            reply_to = fields.get("reply_to") or None
            if reply_to and (bad := _surrogate_problem(reply_to, "'reply_to'")):
                raise _RowProblem(bad)
            if author:
                history.add(author, text)
            who = fields.get("author"), fields.get("handle"), fields.get("platform"), fields.get("date")
        except _RowProblem as exc:
            yield line, echo, str(exc), None
            continue
        except (HouserulesError, KeyboardInterrupt):
            raise
        except Exception as exc:
            yield line, echo, f"could not be read ({type(exc).__name__}: {_short(exc, 200)})", None
            continue
        yield line, echo, None, (text, reply_to, earlier, day, who)


def _chunks(items, source: _Source):
    """Rows in chunks for the workers, bounded in rows and in size (what was
    read for them, and the earlier comments each carries), so memory stays flat."""
    chunk, size, read = [], 0, source.position
    for item in items:
        chunk.append(item)
        size += source.position - read
        read = source.position
        if item[3] is not None and item[3][2]:
            size += sum(map(len, item[3][2]))
        if len(chunk) >= CHUNK_ROWS or size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


class _Tally:
    def __init__(self):
        self.checked = self.rows = self.errors = 0
        self.broken = False
        self.counts: dict[str, Counter] = defaultdict(Counter)
        self.per_version: Counter = Counter()
        self.shown: list[str] = []


class _Progress:
    """Rows done, rows a second and, when the input's size is known, the time
    left: on stderr, a few times a second at most."""

    def __init__(self, stream, source: _Source, started: float):
        try:
            self.tty = stream.isatty()
        except (AttributeError, ValueError):
            self.tty = False
        self.stream, self.source, self.started = stream, source, started
        self.every = 0.25 if self.tty else 1.0
        self.next = started + self.every
        self.shown = False

    def update(self, rows: int) -> None:
        now = time.monotonic()
        if now < self.next:
            return
        self.next = now + self.every
        elapsed = now - self.started
        message = f"checked {rows:,} comments ({rows / elapsed:,.0f}/s)"
        size, read = self.source.size, self.source.position
        if size:
            done = min(read / size, 1.0)
            message += f", {done:.0%} of the input"
            if done > 0:
                message += f", about {_duration(elapsed * (1 - done) / done)} left"
        self.stream.write(f"\r{message}\033[K" if self.tty else message + "\n")
        self.stream.flush()
        self.shown = True

    def done(self) -> None:
        if self.tty and self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


@contextlib.contextmanager
def _stop_on_signals():
    """A kill (SIGTERM, SIGHUP) stops the run as Ctrl+C does: the temporary files go, the old output stays."""
    def stop(signum, frame):
        raise Interrupted(f"stopped by {signal.Signals(signum).name}", 128 + signum)

    old = {}
    if threading.current_thread() is threading.main_thread():
        for name in ("SIGTERM", "SIGHUP"):
            if hasattr(signal, name):
                old[name] = signal.signal(getattr(signal, name), stop)
    try:
        yield
    finally:
        for name, handler in old.items():
            signal.signal(getattr(signal, name), handler)


def default_jobs() -> int:
    count = getattr(os, "process_cpu_count", os.cpu_count)()
    return max(1, count or 1)


def check_batch(checkers: Checkers, input_path: str, output_path: str, record_path: str | None,
                date: dt.date | None, progress=None, jobs: int | None = None) -> int:
    """Each row is checked against the version in force on its own date (or
    on --date, or today), so an export that spans a change of policy is
    judged by the rules each comment was posted under. Exit code: 2 when a
    row could not be read or checked (its `error` says why), else 1 when a
    rule is broken, else 0."""
    progress = progress or sys.stderr
    jobs = jobs or default_jobs()
    for path in filter(None, (output_path, record_path)):
        if not (path == "-" or path.lower().endswith((".csv", ".jsonl", ".json", ".ndjson"))):
            raise InputError(f"{path}: write .csv or .jsonl (or - for standard output)")
    if output_path == "-" and record_path == "-":
        raise InputError("--output and --record cannot both go to standard output")
    if record_path and output_path != "-" and os.path.abspath(record_path) == os.path.abspath(output_path):
        raise InputError("--output and --record must be different files")
    started = time.monotonic()
    tally = _Tally()
    try:
        with contextlib.ExitStack() as stack:
            stack.enter_context(_stop_on_signals())
            source = stack.enter_context(_Source(input_path))
            out = stack.enter_context(_RowsOut(output_path, source))
            records = stack.enter_context(_RecordsOut(record_path)) if record_path else None
            meter = _Progress(progress, source, started)

            def emit(chunk, results) -> None:
                write = out.sink.file.write
                for (line, echo, problem, _), result in zip(chunk, results):
                    findings = data = None
                    if problem is None:
                        findings, data, flagged, record, version, problem = result
                    if problem is None:
                        tally.checked += 1
                        tally.per_version[version] += 1
                        for rule, verdict in flagged:
                            tally.counts[rule][verdict] += 1
                        if record is not None:
                            tally.broken = True
                            if records:
                                records.write(record)
                    if data is not None:
                        write(data)
                    else:
                        problem = out.write(line, echo, findings, problem)
                    tally.rows += 1
                    if problem:
                        tally.errors += 1
                        if len(tally.shown) < ERRORS_SHOWN:
                            tally.shown.append(f"{source.name}:{line}: {problem}")
                if output_path == "-":  # standard output streams: each chunk as it is done
                    out.sink.file.flush()
                meter.update(tally.rows)

            chunks = _chunks(_items(source, checkers, date, build_day()), source)
            first = [c for c in (next(chunks, None), next(chunks, None)) if c is not None]
            if jobs <= 1 or len(first) < 2:  # one chunk (a small export) is checked here, without workers
                encoders = out.encoder, records.encoder if records else None
                for chunk in _chain(first, chunks):
                    emit(chunk, _check_chunk(_work(chunk), checkers, encoders))
            else:
                # A forked worker flushes the standard streams it inherits when it ends: they must be empty.
                for stream in (out.sink.file, sys.stdout, sys.stderr, progress):
                    with contextlib.suppress(Exception):
                        stream.flush()
                pool = _pool(jobs, checkers, out.encoder, records.encoder if records else None)
                stack.callback(pool.shutdown, wait=True, cancel_futures=True)
                pending: deque = deque()
                try:
                    for chunk in _chain(first, chunks):
                        pending.append((chunk, pool.submit(_check_chunk, _work(chunk))))
                        while len(pending) > 2 * jobs:
                            chunk, future = pending.popleft()
                            emit(chunk, future.result())
                    while pending:
                        chunk, future = pending.popleft()
                        emit(chunk, future.result())
                except BrokenProcessPool:
                    raise HouserulesError("a checking process stopped unexpectedly (out of memory, or killed): "
                                          + _left_as_it_was(output_path)) from None
            out.commit()
            if records:
                records.commit()
            meter.done()
    except KeyboardInterrupt:
        raise Interrupted(f"interrupted: {_left_as_it_was(output_path)}") from None
    except Interrupted as exc:
        raise Interrupted(f"{exc}: {_left_as_it_was(output_path)}", exc.exit_code) from None
    except OSError as exc:  # a full disk, a closed pipe, a read that failed
        where = f" ({exc.filename})" if exc.filename else ""
        raise InputError(f"cannot go on: {exc.strerror or exc}{where}; {_left_as_it_was(output_path)}") from None
    print(summary(checkers.used, tally.per_version, tally.counts, tally.checked, time.monotonic() - started),
          file=progress)
    if tally.errors:
        print(f"{tally.errors:,} row{'s' if tally.errors != 1 else ''} could not be checked; "
              f"the 'error' column of each says why:", file=progress)
        for shown in tally.shown:
            print(f"  {shown}", file=progress)
        if tally.errors > len(tally.shown):
            print(f"  … and {tally.errors - len(tally.shown):,} more", file=progress)
        return 2
    return 1 if tally.broken else 0


def _left_as_it_was(output_path: str) -> str:
    if output_path == "-":
        return "the output stops part way"
    return f"nothing was written ({output_path} is as it was)"


def _chain(first, rest):
    yield from first
    yield from rest


def _work(chunk: list) -> list:
    """What a worker is given of a chunk: each row's payload and columns (None: a row in error)."""
    return [None if item[3] is None else (item[3], item[1]) for item in chunk]


def _pool(jobs: int, checkers: Checkers, rows: _Encoder | None, records: _Encoder | None) -> ProcessPoolExecutor:
    """Worker processes that check chunks of rows. Forked where the system can
    (each inherits the checkers already made); otherwise each makes its own."""
    if "fork" in multiprocessing.get_all_start_methods():
        context, given = multiprocessing.get_context("fork"), checkers
    else:
        context, given = multiprocessing.get_context(), checkers.recipe
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_worker_start,
                               initargs=(given, rows, records, os.getpid()))


def summary(checkers: list[Checker], per_version: Counter, counts, total: int, seconds: float) -> str:
    council = checkers[0].pack["council"]["name"] if checkers else "the council"
    against = ", ".join(f"{version_label(c)} for {per_version[c.pack['version']]:,}" for c in checkers)
    lines = [f"{total:,} comments checked in {seconds:.1f} s against {council}'s rules"
             + (f" (policy {against})." if against else "."),
             f"{'rule':<24} {'breaks':>8} {'may break':>10}"]
    # Every rule of every version used, in council order (a newer version's new rules after).
    rules = {rule["id"]: rule for c in checkers for rule in c.pack["rules"] if rule["check"]["kind"] != "human"}
    for rule_id in rules:
        c = counts.get(rule_id, Counter())
        lines.append(f"{rule_id:<24} {c[BREAKS]:>8,} {c[MAY_BREAK]:>10,}")
    return "\n".join(lines)


def version_label(checker: Checker) -> str:
    return checker.pack.get("version") or "current"
