"""Writing a batch's outputs safely: the rows with their findings and the
records, each to a temporary file in its own folder renamed into place when
it is complete (a file already there survives any failure, Ctrl+C or kill),
or streamed to standard output; and the encoders that write a row or a
record as bytes, in the main process or in a worker."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
import tempfile
from typing import BinaryIO, cast

from houserules_checker import BREAKS, MAY_BREAK
from houserules_checker.record import FIELDS as RECORD_FIELDS

from .errors import InputError
from .export_read import Source, short
from .messages import translator
from .wording import _

CSV_COLUMNS_MAX = 10_000  # different fields of a JSON Lines export that become columns of a CSV output
OUR_COLUMNS = ("findings", "error")  # written by the check: an input's own are replaced
# A CSV output's columns for a person reading it in a spreadsheet, before the findings as JSON: the
# council's wording of each rule broken, of each it may break, the words that set them off, and why.
READABLE = ("rules_broken", "may_break", "words", "why")
# The same columns, and the record's, named in Welsh for a moderator who asked for Welsh (the Welsh
# Language Standards); `findings`, `error` and every JSON key are for programs, and stay as they are.
READABLE_CY = ("rheolau_a_dorrwyd", "gallai_dorri", "geiriau", "pam")
RECORD_NAMES_CY = {"council": "cyngor", "policy_version": "fersiwn_y_polisi", "name": "enw_cyfrif",
                   "handle": "enw_defnyddiwr", "platform": "platfform", "date": "dyddiad", "post": "post",
                   "rules": "rheolau", "why": "pam"}
# Where a row's error says it is, by what the export counts (Source.unit).
_AT = {"line": _("line %(n)s: %(problem)s"), "row": _("row %(n)s: %(problem)s")}
NOTHING = ("", "", "", "")
WORDS_SHOWN = 60  # characters of one match shown in `words` (a repeated comment matches whole)


class _Sink:
    """Where an output goes: a temporary file in the destination's own folder,
    renamed into place by commit() when it is complete, and gone after any
    failure (unnamed where the system allows, so even a kill -9 leaves
    nothing behind); or standard output, which streams."""

    def __init__(self, path: str, language: str = "en"):
        self.path, self._temp, self._fd = path, None, None
        if path == "-":
            sys.stdout.flush()
            # A text stream is only written to and flushed: close() leaves standard output alone.
            self.file: BinaryIO = getattr(sys.stdout, "buffer", None) or cast(BinaryIO, _BytesAsText(sys.stdout))
            return
        folder, name = os.path.split(os.path.abspath(path))
        _ = translator(language)
        if os.path.isdir(path):
            raise InputError(_("cannot write %(path)s: it is a folder", path=path))
        try:
            self._fd, self._temp = _temporary(folder, name)
        except OSError as exc:
            raise InputError(_("cannot write %(path)s: %(why)s", path=path, why=exc.strerror)) from None
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
        assert self._fd is not None  # commit() names only a file it has open
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


class Encoder:
    """Writes a row of the output, or a record, as bytes: in the main process,
    or in a worker, so that the main process only reads, hands out and writes.
    A row is the input's columns (as they came), then (in CSV) the READABLE columns, `findings` and `error`."""

    def __init__(self, from_csv: bool, to_csv: bool, names: list[str] | None = None, keep: list[int] | None = None):
        # from_csv: the input is rows of cells under a header (CSV, TSV, a workbook), each row a list
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

    def row(self, echo, findings: str | None, error: str | None, readable: tuple | None = None) -> bytes:
        if self.from_csv:
            assert self.keep is not None and self.names is not None  # given with from_csv (RowsOut)
            values = [echo[i] if i < len(echo) else "" for i in self.keep]
            if self.to_csv:
                return self.csv_line([*values, *(readable or NOTHING), findings or "", error or ""])
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


def readable_names(language: str = "en") -> tuple[str, ...]:
    """The READABLE columns' names in a CSV output in `language`."""
    return READABLE_CY if language == "cy" else READABLE


def replaced_names(language: str = "en", names=()) -> frozenset[str]:
    """An input's columns (`names`) a CSV output drops, as its own are written in their place: in Welsh,
    those written by a run in English too when the input is such a run's output (it has `findings`), whose
    findings would be stale; else a column of the export's own named "why" is kept."""
    again = language == "cy" and "findings" in names
    return frozenset((*readable_names(language), *OUR_COLUMNS, *(READABLE if again else ())))


class RowsOut:
    """The rows with their findings: CSV or JSON Lines (by the output's name).
    `encoder` writes a row anywhere; None when rows can only be written here
    (JSON Lines to CSV: the columns are known at the end, and the rows wait on disk).
    `language`: of the READABLE columns' names."""

    def __init__(self, path: str, source: Source, language: str = "en"):
        self.sink = _Sink(path, language)
        to_csv = path.lower().endswith(".csv")
        self.from_csv = source.tabular
        self._spool = None
        self.language = language
        self._heads = (*readable_names(language), *OUR_COLUMNS)
        if self.from_csv:
            assert source.header is not None  # a tabular export's: read when it was opened
            self._replaced = replaced_names(language, source.header)
            ours = self._replaced if to_csv else OUR_COLUMNS
            keep = [i for i, name in enumerate(source.header) if name not in ours]
            names = [source.header[i] for i in keep]
            self.encoder = self._local = Encoder(True, to_csv, names, keep)
            if to_csv:
                self.sink.file.write(self._local.csv_line([*names, *self._heads]))
        else:
            self._replaced_first, self._replaced_again = (replaced_names(language, names)
                                                          for names in ((), ("findings",)))
            self.encoder = self._local = Encoder(False, to_csv)
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

    def write(self, line: int, echo, findings: str | None, problem: str | None, readable: tuple | None = None,
              unit: str = "line") -> str | None:
        """Writes a row, its error column saying what is wrong with it (at `unit` `line`: line 4, row 4);
        returns that (None: nothing)."""
        _ = translator(self.language)
        try:
            self._write(echo, findings, _(_AT[unit], n=line, problem=problem) if problem else None, readable)
        except (ValueError, RecursionError, UnicodeError, TypeError) as exc:
            problem = (problem + "; " if problem else "") + _("its fields could not be written (%(error)s)",
                                                              error=short(exc, 120))
            self._write({} if not self.from_csv else [], None, _(_AT[unit], n=line, problem=problem), None)
        return problem

    def _write(self, echo, findings, error, readable) -> None:
        if self._spool is None:
            self.sink.file.write(self._local.row(echo, findings, error, readable))
            return
        cells = {}
        replaced = self._replaced_again if "findings" in echo else self._replaced_first
        for key, value in echo.items():
            if key in replaced:
                continue
            if key not in self._columns:
                if len(self._columns) >= CSV_COLUMNS_MAX:
                    raise ValueError(f"more than {CSV_COLUMNS_MAX:,} different fields in the input: "
                                     "write .jsonl to keep them all")
                self._columns[key] = None
            cells[key] = _cell(value)
        self._spool.write(json.dumps([cells, list(readable or NOTHING), findings or "", error or ""],
                                     ensure_ascii=False).encode("utf-8") + b"\n")

    def commit(self) -> None:
        if self._spool is not None:
            names = list(self._columns)
            self.sink.file.write(self._local.csv_line([*names, *self._heads]))
            self._spool.seek(0)
            for raw in self._spool:
                cells, readable, findings, error = json.loads(raw)
                self.sink.file.write(self._local.csv_line([*(cells.get(name, "") for name in names), *readable,
                                                           findings, error]))
        self.sink.commit()


class RecordsOut:
    """The record the policy requires for each broken rule (houserules_checker.record)."""

    def __init__(self, path: str, language: str = "en"):
        self.sink = _Sink(path, language)
        self.encoder = Encoder(False, path.lower().endswith(".csv"))
        if self.encoder.to_csv:
            names = [RECORD_NAMES_CY[k] for k in RECORD_FIELDS] if language == "cy" else list(RECORD_FIELDS)
            self.sink.file.write(self.encoder.csv_line(names))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.sink.close()

    def write(self, record: bytes) -> None:
        self.sink.file.write(record)

    def commit(self) -> None:
        self.sink.commit()


_STRING = json.encoder.encode_basestring  # a JSON string, as json.dumps(..., ensure_ascii=False) writes it
_HEADS: dict = {}


def findings_json(flagged) -> str:
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


def readable_cells(flagged) -> tuple[str, str, str, str]:
    """A row's findings for a person, as a CSV output's READABLE columns: the council's wording of each
    rule broken and of each it may break, '; ' between them; the words that set them off (each once);
    and why, rule by rule ('|' between rules)."""
    if not flagged:
        return NOTHING
    broken = [f.wording for f in flagged if f.verdict == BREAKS]
    maybe = [f.wording for f in flagged if f.verdict == MAY_BREAK]
    words: dict[str, str] = {}
    for f in flagged:
        for m in f.matches:
            text = " ".join(m.text.split())
            if text:
                words.setdefault(text.casefold(), text if len(text) <= WORDS_SHOWN else text[:WORDS_SHOWN] + "…")
    why = [f"{f.rule}: {'; '.join(dict.fromkeys(f.why))}" for f in flagged if f.why]
    return "; ".join(dict.fromkeys(broken)), "; ".join(dict.fromkeys(maybe)), "; ".join(words.values()), \
        " | ".join(why)
