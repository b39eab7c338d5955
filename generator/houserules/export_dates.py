"""A comment's date as exports write it: ISO (2026-11-28T11:30:00Z), UK
(28/11/2026 11:30), Meta's (28 Nov 2026 11:30) or X's (Wed Nov 28 11:30:00
+0000 2026). Only the day is wanted: it chooses the policy in force."""

from __future__ import annotations

import datetime as dt
import re

_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?"  # 11:30, 11.30, 11:30:05
_AM_PM = r"(?:\s*[AaPp]\.?[Mm]\.?)?"
_ZONE = r"(?:\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT|BST)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)?"
_UK_DATE = re.compile(rf"(\d{{1,2}})/(\d{{1,2}})/(\d{{4}})(?:[ T,]+{_TIME}{_AM_PM})?")
# Only a time may follow the date (with a fraction of a second and a zone,
# as ISO date-times have them): a date followed by anything else is not read
# as that day, in case the rest was meant to say something else.
_ISO_DATE = re.compile(rf"\d{{4}}-\d{{2}}-\d{{2}}(?:(?:T| +){_TIME}(?:[.,]\d+)?{_AM_PM}"
                       r"(?:\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT))?)?")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# A weekday before the date is read past, not checked against it: the day, month and year say the day
# plainly, and a made-up or hand-edited row ("Wed Nov 28 ... 2026", a Saturday) is still that day.
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)"
_CLOCK = rf"(?:,?\s+(?:at\s+)?{_TIME}(?:[.,]\d+)?{_AM_PM}{_ZONE})"
_NAMED_DATES = tuple(re.compile(pattern, re.IGNORECASE) for pattern in (
    # 28 Nov 2026 11:30 (Meta), Wed, 28 Nov 2026 11:30:00 +0000, 28th November 2026
    rf"{_WEEKDAY}?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}}){_CLOCK}?",
    # Nov 28, 2026 11:30 AM; November 28, 2026 at 11:30
    rf"{_WEEKDAY}?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_CLOCK}?",
    # Wed Nov 28 11:30:00 +0000 2026 (X)
    rf"{_WEEKDAY}?{_MONTH}\s+(?P<day>\d{{1,2}})\s+{_TIME}{_ZONE}\s+(?P<year>\d{{4}})",
))


def day_written(value: str) -> dt.date | None:
    """The day `value` writes, as written whatever its zone (None: it is not a date, or a day that does not
    exist: a date followed by anything but a time may have been meant otherwise, and is not guessed)."""
    text = value.strip()
    try:
        if match := _UK_DATE.fullmatch(text):
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        if _ISO_DATE.fullmatch(text):
            return dt.date.fromisoformat(text[:10])
        for pattern in _NAMED_DATES:
            if match := pattern.fullmatch(text):
                return dt.date(int(match["year"]), _MONTHS.index(match["month"][:3].lower()) + 1, int(match["day"]))
    except ValueError:
        pass
    return None
