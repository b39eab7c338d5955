"""Plain-English phrases generated from typed settings, for councils that did
not write their own wording for a setting."""

from __future__ import annotations

DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

ACTIONS = {
    "record": "Record the comment",
    "hide-or-delete": "Hide or delete the post",
    "warn": "Warn the account holder",
    "block": "Block the account",
    "notify": "Tell senior managers",
    "report-to-police": "Report to the police",
    "remove-and-ban": "Remove the post and ban the author",
}

RECORD_ITEMS = {
    "account-name": "the name of the account",
    "account-handle": "its handle",
    "date": "the date",
    "post": "the post itself",
    "reason": "why it is unacceptable",
    "screenshot": "a screenshot",
}

UNITS = {"hour": ("hour", "hours"), "working-day": ("working day", "working days"), "day": ("day", "days")}
BY = {"end-of-working-day": "by the end of the working day",
      "end-of-next-working-day": "by the close of the next working day"}
NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
           8: "eight", 9: "nine", 10: "ten", 12: "twelve"}


def days(values: list[str]) -> str:
    """['monday'..'friday'] -> 'Monday to Friday'; gaps are listed."""
    idx = sorted(DAY_NAMES.index(d) for d in values)
    names = [DAY_NAMES[i].capitalize() for i in idx]
    if len(idx) > 2 and idx == list(range(idx[0], idx[-1] + 1)):
        return f"{names[0]} to {names[-1]}"
    return join(names)


def clock(value: str) -> str:
    """'09:00' -> '9am', '17:30' -> '5:30pm', '12:00' -> 'midday'."""
    hours, minutes = int(value[:2]), int(value[3:])
    if (hours, minutes) == (12, 0):
        return "midday"
    suffix = "am" if hours < 12 else "pm"
    hours = hours % 12 or 12
    return f"{hours}{suffix}" if minutes == 0 else f"{hours}:{minutes:02d}{suffix}"


def number(value: int) -> str:
    return NUMBERS.get(value, str(value))


def deadline(target: dict) -> str:
    if target["by"]:
        return BY[target["by"]]
    amount, unit = target["within"]["amount"], target["within"]["unit"]
    singular, plural = UNITS[unit]
    return f"within {number(amount)} {singular if amount == 1 else plural}"


def join(items: list[str], last: str = "and") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def months(value: int) -> str:
    return f"{number(value)} month" + ("" if value == 1 else "s")


def long_date(day) -> str:
    """1 April 2027: a date as the pages write it."""
    return f"{day.day} {day:%B %Y}"
