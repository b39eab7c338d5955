"""An Excel workbook (.xlsx) export: its sheet opened with openpyxl's
read-only reader, which streams its rows, and each cell as the text a CSV
export of it would hold. What cannot be read is said in the run's language."""

from __future__ import annotations

import datetime as dt
import warnings
import zipfile

from .errors import InputError
from .export_columns import short
from .messages import translator

STRINGS_LIMIT = 512 * 2**20  # a workbook's shared text, unpacked: openpyxl holds it all in memory


class Sheet:
    """A workbook's sheet (its first, or the one named), open: `rows` streams its cells' values,
    `title` names it and `rows_total` is its size as the sheet says it (for progress only).
    `language`: of what is wrong with it."""

    def __init__(self, file, name: str, sheet: str | None, language: str = "en"):
        self._book = None
        self.language = language
        _ = translator(language)
        _check_archive(file, name, language)
        file.seek(0)
        try:
            import openpyxl  # only for a workbook: it takes a moment to load
        except ImportError:
            raise InputError(_("cannot read %(name)s: reading an Excel workbook needs openpyxl (make setup "
                               "installs it); or save it as CSV UTF-8", name=name)) from None
        try:
            with warnings.catch_warnings():  # "no default style" and the like: nothing a moderator can act on
                warnings.simplefilter("ignore")
                self._book = openpyxl.load_workbook(file, read_only=True, data_only=True, keep_links=False)
            chosen = self._choose(name, sheet)
        except InputError:
            self.close()
            raise
        except Exception as exc:  # not a workbook: a zip of something else (.ods, .xlsb, .docx), or damaged
            self.close()
            raise InputError(_("cannot read %(name)s as an Excel workbook (.xlsx): %(problem)s; save it again "
                               "from Excel as an Excel workbook (.xlsx), or as CSV UTF-8", name=name,
                               problem=problem(exc, language))) from None
        self.title = chosen.title
        self.rows_total = chosen.max_row
        chosen.reset_dimensions()  # a sheet's stated size may be wrong: its rows are read as they are
        self.rows = chosen.iter_rows(values_only=True)

    def _choose(self, name: str, sheet: str | None):
        assert self._book is not None  # a sheet is chosen once the workbook is open
        _ = translator(self.language)
        sheets = self._book.worksheets
        if sheet is None:
            if not sheets:
                raise InputError(f"{name}: " + _("the workbook has no sheet of cells"))
            return sheets[0]
        chosen = next((s for s in sheets if s.title == sheet), None) or next(
            (s for s in sheets if s.title.strip().lower() == sheet.strip().lower()), None)
        if chosen is None:
            raise InputError(f"{name}: --sheet {sheet!r}: " + _(
                "there is no such sheet (sheets: %(listed)s)",
                listed=", ".join(repr(s.title) for s in sheets) or _("none")))
        return chosen

    def close(self) -> None:
        if self._book is not None:
            try:
                self._book.close()
            except Exception:  # closing what could not be read: nothing more to say about it
                pass
            self._book = None


def _check_archive(file, name: str, language: str = "en") -> None:
    """A whole zip archive, whose text openpyxl can hold in memory."""
    _ = translator(language)
    try:
        with zipfile.ZipFile(file) as archive:
            strings = sum(i.file_size for i in archive.infolist() if i.filename.lower().endswith("sharedstrings.xml"))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(_("cannot read %(name)s as an Excel workbook (.xlsx): it is not a whole zip archive "
                           "(%(error)s); save it again from Excel, or as CSV UTF-8", name=name,
                           error=short(exc, 120))) from None
    if strings > STRINGS_LIMIT:
        raise InputError(_("cannot read %(name)s: its text is %(size)s MiB unpacked, more than the %(limit)s MiB "
                           "a workbook is read with; save it as CSV UTF-8, which is read a row at a time",
                           name=name, size=f"{strings / 2**20:,.0f}", limit=STRINGS_LIMIT // 2**20))


def problem(exc: Exception, language: str = "en") -> str:
    """What openpyxl's error says, for a moderator (its own words as they are)."""
    text = str(exc).strip()
    if isinstance(exc, KeyError):
        _ = translator(language)
        return _("an archive without the parts of a workbook (%(error)s)", error=short(text, 100))
    return f"{type(exc).__name__}: {short(text, 150)}" if text else type(exc).__name__


def column_letter(number: int) -> str:
    """A column as Excel names it: 1 is A, 27 is AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_text(value) -> str:
    """A cell's value as text, as a CSV export would write it: a date as 2026-11-28, a date and time as
    2026-11-28 11:30:00, a whole number without a decimal point."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="microseconds" if value.microsecond else "seconds")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)
