"""Plain-English phrases generated from typed settings, for councils that did
not write their own wording for a setting.

The enforcement vocabulary is declared here, once: each action's name in the
policy files, what it renders as on the pages and in the checker, and what it
means (the format reference, policies/FORMAT.md, is generated from it).
"""

from __future__ import annotations

from dataclasses import dataclass

DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class Action:
    does: str            # as a step: "hide or delete the post" (pages add "we" or capitalise it)
    meaning: str         # what choosing it says, for the format reference
    old_name_of: str | None = None  # kept so versions published with it read as they did


ACTIONS = {
    "record": Action("record the comment",
                     "Keep a record of the post; `records` says what is recorded."),
    "hide-or-delete": Action("hide or delete the post", "Hide the post or delete it."),
    "warn": Action("warn the account holder", "Send the person who posted it a warning."),
    "tell-poster": Action("tell the person who posted it",
                          "Tell the person who posted it what was done (and, where the wording says so, why)."),
    "block": Action("block the account", "Stop the account interacting with the council's pages."),
    "remove-and-ban": Action("remove the post and ban the author",
                             "Remove the post and ban the account from the council's pages."),
    "tell-senior-managers": Action("tell senior managers",
                                   "Make senior managers aware; name them in `consulted` when the policy does."),
    "report-to-police": Action("report to the police", "Report the post to the police."),
    "report-to-platform": Action("report to the social media platform",
                                 "Report the post to the platform it was posted on."),
    "notify": Action("tell senior managers",
                     "Old name for `tell-senior-managers`. Say who is told instead: `tell-senior-managers`, "
                     "`tell-poster` or `report-to-police`.", old_name_of="tell-senior-managers"),
}
# Who is told, of the actions: the typed answer to "do you tell the poster,
# managers, the police?" that a policy may or may not give.
TOLD = {"tell-poster": "the person who posted it", "tell-senior-managers": "senior managers",
        "notify": "senior managers", "report-to-police": "the police",
        "report-to-platform": "the social media platform"}

# Rule categories as an enforcement entry names the content they cover.
CATEGORY_CONTENT = {
    "language": "bad language", "abuse": "abuse", "hate": "hate", "privacy": "personal information",
    "spam": "spam", "promotion": "advertising", "legal": "unlawful content", "political": "political content",
    "relevance": "off-topic posts", "conduct": "disruptive posts",
}

RECORD_ITEMS = {
    "account-name": "the name of the account",
    "account-handle": "its handle",
    "date": "the date",
    "post": "the post itself",
    "reason": "why it is unacceptable",
    "screenshot": "a screenshot",
}


def does(actions, *, capital: bool = False) -> str:
    """['record', 'block'] -> 'record the comment and block the account'."""
    text = join([ACTIONS[a].does for a in actions])
    return text[:1].upper() + text[1:] if capital else text

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


def deadline(target) -> str:
    """'within one working day', 'by the end of the working day'; '' when the
    target gives only the policy's own wording."""
    if target.by:
        return BY[target.by]
    if not target.within:
        return ""
    amount, unit = target.within.amount, target.within.unit
    singular, plural = UNITS[unit]
    return f"within {number(amount)} {singular if amount == 1 else plural}"


def count(n: int, singular: str, plural: str | None = None) -> str:
    """'1 site', '2 sites', '1,500 comments'."""
    return f"{n:,} {singular if n == 1 else plural or singular + 's'}"


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
