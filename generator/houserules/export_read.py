"""Reading a moderator's export, one row at a time: CSV or tab-separated
text (read strictly, as the csv module reads it), JSON Lines, or an Excel
workbook (export_xlsx); each row as its columns came and what is wrong with
it, if anything, and its fields as export_columns finds them. A row that
cannot be read is that row's problem, never the run's: the rest of the
export is read on. What is wrong, with a row or with the export itself, is
said in the run's language."""

from __future__ import annotations

import csv
import datetime as dt
import enum
import json
import math
import os
import re
import stat
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from typing import BinaryIO, Final, cast

from .checkable import LONE_SURROGATE
from .errors import InputError, UsageError
from .export_columns import OPTION, column_map, short
from .export_dates import day_written
from .export_xlsx import Sheet, cell_text, column_letter
from .export_xlsx import problem as book_problem
from .messages import translator
from .wording import _

LINE_LIMIT = 16 * 2**20  # bytes in a line, or in a CSV row: more is that row's error (memory stays bounded)
DOCUMENT_LIMIT = 64 * 2**20  # bytes of a .jsonl read whole to tell a pretty-printed JSON document from rows

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class _Blank(enum.Enum):
    """A CSV row with nothing in it: skipped. An enum of one member, so that a
    type checker knows a record that `is not _BLANK` is a row."""

    BLANK = "blank"


_BLANK: Final = _Blank.BLANK
# A row of cells: (its first line, or its row in a workbook; its cells; what is wrong or None).
_Record = tuple[int, list[str], str | None]


class RowProblem(Exception):
    """What is wrong with one row: written in its `error` column."""


def row_day(value: str, column: str | None = None, language: str = "en") -> dt.date:
    """A row's date, as export_dates reads it; else that row's problem, naming the column it is in."""
    day = day_written(value)
    if day is None:
        _ = translator(language)
        where = f"{short(column)!r}: " if column else ""
        raise RowProblem(where + _("date %(value)s is not a date: write it 2026-11-28 or 28/11/2026",
                                   value=repr(short(value))))
    return day


def _limit(language: str = "en") -> str:
    if LINE_LIMIT % 2**20 == 0:
        return f"{LINE_LIMIT // 2**20} MiB"
    _ = translator(language)
    return _("%(n)s bytes", n=f"{LINE_LIMIT:,}")


# What a JSON value is, as a row's problem names it (null and true/false are JSON's own words).
_JSON_TYPES = {int: _("a number"), float: _("a number"), str: _("text"), list: _("a list"), dict: _("an object")}


def _json_type(value, language: str = "en") -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    said = _JSON_TYPES.get(type(value))
    return translator(language)(said) if said else type(value).__name__


TABULAR = ("csv", "tsv", "xlsx")  # a header row, then rows of cells
_SEPARATOR_NAMES = {",": _("a comma"), "\t": _("a tab"), ";": _("a semicolon")}
_FORMATS = _("CSV (.csv), tab-separated text (.tsv), JSON Lines (.jsonl) or an Excel workbook (.xlsx)")


class Source:
    """An export, read one row at a time: rows() yields (its first line, or its
    row in a workbook; its columns as read; what is wrong or None). CSV, TSV
    and JSON Lines are read one physical line at a time (binary, split on \\n
    only); a workbook's first sheet (or `sheet`) streams through openpyxl's
    read-only reader. `columns` names the column of a field (--text-column ...)."""

    def __init__(self, path: str, columns: dict[str, str] | None = None, sheet: str | None = None,
                 language: str = "en"):
        self.name = "<stdin>" if path == "-" else path
        self.language = language  # of what is wrong: with a row, and with the export (the run's errors)
        self.chosen = {field: name for field, name in (columns or {}).items() if name}
        self.size: int | None = None
        self.position = 0  # bytes read (of a workbook: characters in the cells read)
        self.line = 0  # lines read (of a workbook: its rows)
        self.unit = "line"  # what `line` counts, as an error names it
        self.header: list[str] | None = None
        self.fields: dict[str, str] = {}  # which column holds each field (JSON Lines: the first row's keys)
        self._spool = self._book = None
        self._rows_total: int | None = None
        self._json_names: dict = {}
        _ = translator(language)
        if path == "-":
            if sys.stdin is None:
                raise InputError("--input -: " + _("there is no standard input"))
            buffer = getattr(sys.stdin, "buffer", None)
            # A text stream (an embedding program's) is read as it comes, and by
            # lines only: standard input is JSON Lines (_kind), and all else is
            # done only when _seekable(), which it is not.
            self._file: BinaryIO = buffer if buffer is not None else cast(BinaryIO, _TextAsBytes(sys.stdin))
            self._owned = False
        else:
            try:
                self._file = open(path, "rb")
            except OSError as exc:
                raise InputError(_("cannot read %(path)s: %(why)s", path=path, why=exc.strerror)) from None
            self._owned = True
            info = os.fstat(self._file.fileno())
            if stat.S_ISREG(info.st_mode):
                self.size = info.st_size
        try:
            self.kind = self._kind(path)
            if sheet is not None and self.kind != "xlsx":
                raise UsageError(_("--sheet goes with an Excel workbook (.xlsx)"))
            self.tabular = self.kind in TABULAR
            if self.kind in ("csv", "tsv"):
                if csv.field_size_limit() < LINE_LIMIT:  # 131,072 characters by default: a row's own limit is ours
                    csv.field_size_limit(LINE_LIMIT)
                self._keep_on_disk()
                self._sep = "\t" if self.kind == "tsv" else self._separator()
                self._records: Iterator[_Record] = self._csv_records()
                self._read_header()
            elif self.kind == "xlsx":
                self._keep_on_disk()
                self._open_book(sheet)
                self._read_header()
        except BaseException:
            self.__exit__(None, None, None)
            raise

    def _seekable(self) -> bool:
        try:
            return self._file.seekable()
        except (AttributeError, OSError):
            return False

    def _keep_on_disk(self) -> None:
        """A pipe is kept on disk: to read again after an unclosed quote, or as a workbook's zip archive."""
        if self._seekable():
            return
        self._spool = tempfile.TemporaryFile()
        while block := self._file.read(2**20):
            self._spool.write(block)
        self._spool.seek(0)
        self._file, self.size = self._spool, self._spool.tell() or None

    def _peek(self, size: int) -> bytes:
        if not self._seekable():  # a pipe: what is buffered (a workbook is told by its first bytes)
            peek = getattr(self._file, "peek", None)
            return peek(size)[:size] if peek else b""
        start = self._file.tell()
        try:
            return self._file.read(size)
        finally:
            self._file.seek(start)

    def _kind(self, path: str) -> str:
        """What the export is: by what it starts with when that is plain (a workbook, a file no reader
        here can read), else by its name's ending; a name without a known ending by its first line.
        Standard input is JSON Lines."""
        ext = os.path.splitext(path)[1].lower() if path != "-" else ""
        head = self._peek(8)
        _ = translator(self.language)
        said = {"name": self.name, "formats": _(_FORMATS)}
        if head.startswith(b"PK\x03\x04"):  # a zip archive: an .xlsx, or else what openpyxl will say it is not
            return "xlsx"
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise InputError(_("cannot read %(name)s: it is an Excel 97-2003 workbook (.xls), or a workbook with a "
                               "password; open it in Excel and save it as an Excel workbook (.xlsx) without a "
                               "password, or as CSV UTF-8. The checker reads %(formats)s", **said))
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError(_("cannot read %(name)s: it is UTF-16 text (as Excel saves 'Unicode Text'); save it as "
                               "CSV UTF-8 or as an Excel workbook (.xlsx). The checker reads %(formats)s", **said))
        if ext in (".xlsx", ".xlsm"):
            raise InputError(_("cannot read %(name)s as an Excel workbook: an .xlsx file is a zip archive, and this "
                               "is not one (if it is CSV, name it .csv)", name=self.name) if head else
                             _("cannot read %(name)s as an Excel workbook: an .xlsx file is a zip archive, and this "
                               "is not one (it is empty)", name=self.name))
        if ext in (".xls", ".xlsb", ".ods", ".numbers"):
            raise InputError(_("cannot read %(name)s: save it as an Excel workbook (.xlsx) or as CSV UTF-8. "
                               "The checker reads %(formats)s", **said))
        if ext == ".csv":
            return "csv"
        if ext in (".tsv", ".tab"):
            return "tsv"
        if path == "-" or ext in (".jsonl", ".ndjson", ".json") or not head:
            return "jsonl"
        first = self._peek(64 * 2**10).split(b"\n", 1)[0].lstrip(b"\xef\xbb\xbf \t\r")
        if first.startswith((b"{", b"[")):
            return "jsonl"
        return "tsv" if b"\t" in first and b"," not in first else "csv"

    def _separator(self) -> str:
        """A comma; or, in a CSV whose header has none, the tab or semicolon that separates its names."""
        start = self._file.tell()
        first = self._file.readline(LINE_LIMIT)
        self._file.seek(start)
        if b"," in first:
            return ","
        return "\t" if b"\t" in first else ";" if b";" in first else ","

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self._book is not None:
            self._book.close()
            self._book = None
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

    def fraction(self) -> float | None:
        """How much of the export has been read (None: not known)."""
        if self.kind == "xlsx":
            return min(self.line / self._rows_total, 1.0) if self._rows_total else None
        return min(self.position / self.size, 1.0) if self.size else None

    # -------------------------------------------------------------- a header and rows of cells

    def _read_header(self) -> None:
        _ = translator(self.language)
        first = next(self._records, None)
        if first is not None and first[2] is not None:
            raise InputError(f"{self.name}:{first[0]}: " + _("the header row: %(problem)s", problem=first[2]))
        names = list(first[1]) if first else []
        seen: Counter = Counter()
        for i, name in enumerate(names):  # a name given twice is told apart, as pandas does: name.1
            if seen[name]:
                names[i] = f"{name}.{seen[name]}"
            seen[name] += 1
        self.header = names
        self.fields = column_map(names, self.chosen)
        listed = ", ".join(names) or _("none")
        for field, wanted in self.chosen.items():
            if field not in self.fields:
                raise InputError(f"{self.name}: {OPTION[field]} {wanted!r}: " + _(
                    "there is no such column (columns: %(listed)s)", listed=listed))
        if "text" not in self.fields:
            raise InputError(f"{self.name}: " + _(
                "no 'text' column (columns: %(listed)s); the comments must be in a column named text (or Comment, "
                "Message, Tweet text, Full text), or name it with %(option)s", listed=listed, option=OPTION["text"]))
        self._index = {field: names.index(column) for field, column in self.fields.items()}

    def _row_fields(self, values: list[str]) -> dict:
        assert self.header is not None  # a tabular export's rows: _read_header has read it
        width = len(self.header)
        _ = translator(self.language)
        if len(values) > width:
            if self.kind == "xlsx":
                raise RowProblem(_("a value in column %(column)s or after it, which has no name in the header row "
                                   "(name the column, or move the value)", column=column_letter(width + 1)))
            separator = _SEPARATOR_NAMES.get(self._sep)
            raise RowProblem(_("%(n)s fields where the header has %(width)s (%(separator)s outside quotes?)",
                               n=len(values), width=width,
                               separator=_(separator) if separator else repr(self._sep)))
        got = {field: values[i] if i < len(values) else None for field, i in self._index.items()}
        if got["text"] is None:
            said = {"n": len(values), "column": repr(self.fields["text"]), "width": width}
            raise RowProblem(_("%(n)s field, with no %(column)s column: the header has %(width)s", **said)
                             if len(values) == 1 else
                             _("%(n)s fields, with no %(column)s column: the header has %(width)s", **said))
        return got

    def fields_of(self, echo) -> tuple[dict, dict]:
        """A row's fields (text, author, ...) as `echo` (its columns, as read) gives them: (the column of
        each, its value)."""
        if self.tabular:
            return self.fields, self._row_fields(echo)
        names, got = json_fields(echo, self._json_names, self.chosen, self.language)
        if not self.fields:
            self.fields = names
        return names, got

    # -------------------------------------------------------------- CSV and TSV

    def _csv_records(self) -> Iterator[_Record]:
        while True:
            record = self._csv_record()
            if record is None:
                return
            if record is not _BLANK:
                yield record

    def _csv_record(self) -> _Record | _Blank | None:
        """One CSV row, read strictly, as the csv module reads it: its lines are
        gathered until its quotes close (a quoted field may hold line breaks).
        A quote never closed makes its first line an error, and reading goes
        on from the line after it; so no row is swallowed."""
        _ = translator(self.language)
        start = resume = bad = None
        parts: list[str] = []
        size, inside, big = 0, False, False
        while True:
            raw, cut = self._read_line()
            if raw is None:
                if start is None:
                    return None
                assert resume is not None  # set with start
                self._file.seek(resume[0])  # read the rows after the bad line again
                self.position, self.line = resume
                first = _lenient([parts[0].rstrip("\r\n")] if parts else [], self._sep)
                return start, first, _("a quote opened on this line is never closed")
            if start is None:
                start, resume = self.line, (self.position, self.line)
            if cut:
                return start, [], _("line %(n)s is longer than %(limit)s", n=self.line,
                                    limit=_limit(self.language))
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                text = raw.decode("utf-8", "replace")
                bad = bad or _not_utf8(raw, exc, self.line, self.language)
            size += len(raw)
            if size <= LINE_LIMIT:
                parts.append(text)
            else:
                big = True
            inside = _still_quoted(text, inside, self._sep)
            if not inside:
                break
        if big:
            return start, [], _("the row is longer than %(limit)s", limit=_limit(self.language))
        try:
            fields = next(csv.reader(parts, strict=True, delimiter=self._sep), None)
        except csv.Error as exc:
            problem = _csv_problem(exc, self.line, "TSV" if self._sep == "\t" else "CSV", self.language)
            if len(parts) > 1:  # a quote opened on the first line went wrong later: the lines after it are rows
                assert resume is not None  # set with start, on the row's first line
                self._file.seek(resume[0])
                self.position, self.line = resume
                return start, _lenient([parts[0].rstrip("\r\n")], self._sep), problem
            return start, _lenient(parts, self._sep), problem
        if bad:
            return start, fields or [], bad
        if not fields:
            return _BLANK
        return start, fields, None

    # -------------------------------------------------------------- an Excel workbook

    def _open_book(self, sheet: str | None) -> None:
        self.unit = "row"
        self._book = Sheet(self._file, self.name, sheet, self.language)
        self.sheet = self._book.title
        self._rows_total = self._book.rows_total
        self._records = self._xlsx_records(self._book.rows)

    def _xlsx_records(self, rows) -> Iterator[_Record]:
        """Each row of cells that is not empty, as text: (its row number, its cells, what is wrong or None)."""
        _ = translator(self.language)
        while True:
            try:
                values = next(rows, None)
            except Exception as exc:  # the sheet itself is damaged past here: what was read stands
                yield self.line + 1, [], _("the workbook cannot be read from row %(n)s on (%(why)s); the rows "
                                           "after it are not checked", n=f"{self.line + 1:,}",
                                           why=book_problem(exc, self.language))
                return
            if values is None:
                return
            self.line += 1
            cells = [cell_text(v) for v in values]
            while cells and cells[-1] == "":
                cells.pop()
            if not cells:
                continue
            size = sum(map(len, cells))
            self.position += size + len(cells)
            if size > LINE_LIMIT:
                yield self.line, [], _("the row is longer than %(limit)s", limit=_limit(self.language))
                continue
            if self.header is not None and len(cells) < len(self.header):
                cells += [""] * (len(self.header) - len(cells))  # a row's empty cells at its end are empty text
            yield self.line, cells, None

    # -------------------------------------------------------------- all rows

    def rows(self) -> Iterator[tuple[int, object, str | None]]:
        if self.tabular:
            yield from self._records
            return
        _ = translator(self.language)
        first = True
        while True:
            raw, cut = self._read_line()
            if raw is None:
                return
            if cut:
                yield self.line, {}, _("the line is longer than %(limit)s", limit=_limit(self.language))
            elif raw.strip(b" \t\r\n"):
                row, problem = _json_row(raw, self.line, self.language)
                if first and problem and raw.lstrip().startswith((b"[", b"{")) and self._one_document():
                    raise InputError(f"{self.name}:{self.line}: " + _(
                        "the file is one JSON document over many lines, not JSON Lines (one object a line): write "
                        "each comment as one line, or give CSV. The checker reads %(formats)s",
                        formats=_(_FORMATS)))
                first = False
                yield self.line, row, problem

    def _one_document(self) -> bool:
        """Whether the whole export reads as one JSON document over more than one line (pretty-printed),
        which no row of it would on its own. Only a file of a size that can be read whole is looked at:
        else, and for anything less plain, each line is a row and its own error."""
        if not self._seekable() or self.size is None or self.size > DOCUMENT_LIMIT:
            return False
        resume = self._file.tell()
        try:
            self._file.seek(0)
            text = self._file.read(DOCUMENT_LIMIT + 1).decode("utf-8").removeprefix("\ufeff")
            document = json.loads(text)
        except (ValueError, RecursionError):  # not UTF-8, not JSON as a whole
            return False
        finally:
            self._file.seek(resume)
        return isinstance(document, (dict, list)) and len([t for t in text.split("\n") if t.strip()]) > 1


class _TextAsBytes:
    def __init__(self, stream):
        self._stream = stream

    def readline(self, limit: int = -1) -> bytes:
        return self._stream.readline(limit).encode("utf-8", "surrogatepass")


def _still_quoted(line: str, inside: bool, sep: str = ",") -> bool:
    """Whether a quoted field is still open at the end of the line, as the csv
    module (excel dialect, fields separated by `sep`) reads it: a field is
    quoted when it starts with a quote; "" inside it is a quote; a quote
    elsewhere is text. A line the csv module refuses ends its row here, and
    is that row's error."""
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
            if i >= end or line[i] != sep:
                return False  # the end of the row (or text after a closing quote: an error the csv module reports)
            i += 1
        if i < end and line[i] == '"':
            inside, i = True, i + 1
            continue
        k = line.find(sep, i, end)
        if k < 0:
            return False
        i = k + 1


def _lenient(parts: list[str], sep: str = ",") -> list[str]:
    """The fields of a row that is in error, read leniently: so the output shows which row it is."""
    try:
        return next(csv.reader(parts, delimiter=sep), [])
    except csv.Error:
        return []


def _csv_problem(exc: csv.Error, line: int, label: str = "CSV", language: str = "en") -> str:
    _ = translator(language)
    message = str(exc)
    if "expected after" in message:
        return _('not valid %(label)s: on line %(line)s, a quote closing a quoted field is followed by more text '
                 '(a quote inside a quoted field is written twice: "")', label=label, line=line)
    if "new-line character" in message:
        return _("not valid %(label)s: a carriage return (CR) alone inside an unquoted field on line %(line)s",
                 label=label, line=line)
    return _("not valid %(label)s on line %(line)s: %(message)s", label=label, line=line, message=message)


def _not_utf8(raw: bytes, exc: UnicodeDecodeError, line: int, language: str = "en") -> str:
    _ = translator(language)
    return _("not valid UTF-8: byte 0x%(byte)s at byte %(at)s of line %(line)s; the row is not checked (save the "
             "export as UTF-8)", byte=f"{raw[exc.start]:02X}", at=f"{exc.start + 1:,}", line=f"{line:,}")


class _NotJson(ValueError):
    """A value json.loads takes and JSON does not: raised inside json.loads, so told in English there and
    in the row's language where it is caught."""

    def __init__(self, english: str, **values):
        super().__init__(english % values)
        self.english, self.values = english, values


def _finite(number: str) -> float:
    value = float(number)
    if not math.isfinite(value):
        raise _NotJson(_("the number %(number)s is too large"), number=short(number))
    return value


def _no_constant(name: str):
    raise _NotJson(_("%(name)s is not a JSON value"), name=name)


def _json_row(raw: bytes, line: int, language: str = "en") -> tuple[dict, str | None]:
    """A JSON line as (its fields, what is wrong or None)."""
    _ = translator(language)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _echo(raw.decode("utf-8", "replace")), _not_utf8(raw, exc, line, language)
    try:
        row = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except RecursionError:
        return {}, _("nested too deeply to read")
    except json.JSONDecodeError as exc:
        return {}, _("not valid JSON: %(message)s (column %(column)s)", message=exc.msg, column=f"{exc.colno:,}")
    except _NotJson as exc:
        return {}, _(exc.english, **exc.values)
    except ValueError as exc:  # a number over Python's 4,300 digits
        if "digits" in str(exc):
            return {}, _("a number with more than 4,300 digits")
        return {}, str(exc)
    if not isinstance(row, dict):
        return {}, _("each line must be a JSON object with a 'text' field, not %(type)s",
                     type=_json_type(row, language))
    if _SURROGATE_ESCAPE.search(text):
        for key, value in row.items():
            try:
                written = key + json.dumps(value, ensure_ascii=False)
            except (RecursionError, ValueError):
                return {}, _("nested too deeply to write back")
            if bad := LONE_SURROGATE.search(written):
                return _echo(LONE_SURROGATE.sub("\ufffd", json.dumps(row, ensure_ascii=False))), _(
                    "field %(field)s holds a lone surrogate, \\u%(code)s: half of a UTF-16 pair, which is not "
                    "a character", field=repr(LONE_SURROGATE.sub(chr(0xFFFD), key)), code=f"{ord(bad.group()):04x}")
    return row, None


def _echo(text: str) -> dict:
    """A row's fields as well as they can be read (to show which row is in error)."""
    try:
        row = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    return row if isinstance(row, dict) else {}


def json_fields(row: dict, cache: dict, chosen: dict[str, str] | None = None,
                language: str = "en") -> tuple[dict, dict]:
    """A JSON line's fields: (which key holds each, the fields). A field's own key ("author"),
    the key named for it (--author-column) and the comment's must be text (or null); a key
    taken for a field only by another name it goes by ("user") is not used when it is not."""
    keys = tuple(row)
    names = cache.get(keys)
    if names is None:
        if len(cache) > 64:
            cache.clear()
        names = cache[keys] = column_map(keys, chosen)
    _ = translator(language)
    if "text" not in names:
        listed = ", ".join(short(k, 30) for k in keys[:10]) + (", …" if len(keys) > 10 else "")
        wanted = (chosen or {}).get("text")
        said = {"name": repr(wanted or "text"), "listed": listed or _("none")}
        raise RowProblem(_("no %(name)s field (%(option)s) (fields: %(listed)s)", **said, option=OPTION["text"])
                         if wanted else _("no %(name)s field (fields: %(listed)s)", **said))
    got = {}
    for field, key in names.items():
        value = row[key]
        if field == "earlier" or value is None or isinstance(value, str):
            got[field] = value
        elif field == "text" or key == field or field in (chosen or {}):
            raise RowProblem(_("%(key)s must be text, not %(type)s", key=repr(key),
                               type=_json_type(value, language)))
    if got["text"] is None:
        raise RowProblem(_("%(key)s is null: there is no comment to check", key=repr(names["text"])))
    return names, got


def earlier_given(given, key: str, language: str = "en") -> tuple | None:
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
    _ = translator(language)
    if isinstance(given, list) and all(isinstance(e, str) for e in given):
        if any(LONE_SURROGATE.search(e) for e in given):
            raise RowProblem(_("%(key)s holds a lone surrogate, which is not a character", key=repr(key)))
        return tuple(given)
    raise RowProblem(_("%(key)s must be a list of comments (text)", key=repr(key)))
