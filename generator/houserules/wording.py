"""Plain-English phrases generated from typed settings, for councils that did
not write their own wording for a setting, and the same phrases in Welsh.

The enforcement vocabulary is declared here, once: each action's name in the
policy files, what it renders as on the pages and in the checker, and what it
means (the format reference, policies/FORMAT.md, is generated from it).

Every function takes the language of the page (`language`, a code: "en" or
"cy"). The phrases are English, marked with `_()` so that the catalogues
(messages/<code>/pages.yaml) must give each; what grammar decides (day and
month names, "and", numbers with their nouns) is written here per language.
The Welsh here is drafted, not reviewed by a Welsh speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .messages import translator

DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WELSH_DAYS = ("dydd Llun", "dydd Mawrth", "dydd Mercher", "dydd Iau", "dydd Gwener", "dydd Sadwrn", "dydd Sul")
WELSH_MONTHS = ("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi",
                "Hydref", "Tachwedd", "Rhagfyr")


def _(english: str) -> str:
    """A phrase for the catalogues: kept in English here, and translated
    where a page uses it, into the page's language."""
    return english


@dataclass(frozen=True)
class Action:
    does: str            # as a step: "hide or delete the post" (pages add "we" or capitalise it)
    meaning: str         # what choosing it says, for the format reference
    old_name_of: str | None = None  # kept so versions published with it read as they did


ACTIONS = {
    "record": Action(_("record the comment"),
                     "Keep a record of the post; `records` says what is recorded."),
    "hide-or-delete": Action(_("hide or delete the post"), "Hide the post or delete it."),
    "warn": Action(_("warn the account holder"), "Send the person who posted it a warning."),
    "tell-poster": Action(_("tell the person who posted it"),
                          "Tell the person who posted it what was done (and, where the wording says so, why)."),
    "block": Action(_("block the account"), "Stop the account interacting with the council's pages."),
    "remove-and-ban": Action(_("remove the post and ban the author"),
                             "Remove the post and ban the account from the council's pages."),
    "tell-senior-managers": Action(_("tell senior managers"),
                                   "Make senior managers aware; name them in `consulted` when the policy does."),
    "report-to-police": Action(_("report to the police"), "Report the post to the police."),
    "report-to-platform": Action(_("report to the social media platform"),
                                 "Report the post to the platform it was posted on."),
    "notify": Action(_("tell senior managers"),
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
    "language": _("bad language"), "abuse": _("abuse"), "hate": _("hate"),
    "privacy": _("personal information"), "spam": _("spam"), "promotion": _("advertising"),
    "legal": _("unlawful content"), "political": _("political content"), "relevance": _("off-topic posts"),
    "conduct": _("disruptive posts"),
}

RECORD_ITEMS = {
    "account-name": _("the name of the account"),
    "account-handle": _("its handle"),
    "date": _("the date"),
    "post": _("the post itself"),
    "reason": _("why it is unacceptable"),
    "screenshot": _("a screenshot"),
}


def does(actions, *, capital: bool = False, language: str = "en") -> str:
    """['record', 'block'] -> 'record the comment and block the account'."""
    say = translator(language)
    text = join([say(ACTIONS[a].does) for a in actions], language=language)
    return text[:1].upper() + text[1:] if capital else text


def record_item(name: str, language: str = "en") -> str:
    """'screenshot' -> 'a screenshot': what a record keeps."""
    return translator(language)(RECORD_ITEMS[name])


def content(category: str, language: str = "en") -> str:
    """'privacy' -> 'personal information': the content a category covers."""
    return translator(language)(CATEGORY_CONTENT[category])


UNITS = {"hour": ("hour", "hours"), "working-day": ("working day", "working days"), "day": ("day", "days")}
# Welsh counts with the singular noun; after "2" (dau) a masculine noun
# softens: "2 ddiwrnod", "2 fis".
WELSH_UNITS = {"hour": ("awr", "awr"), "working-day": ("diwrnod gwaith", "ddiwrnod gwaith"),
               "day": ("diwrnod", "ddiwrnod")}
BY = {"end-of-working-day": _("by the end of the working day"),
      "end-of-next-working-day": _("by the close of the next working day")}
NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
           8: "eight", 9: "nine", 10: "ten", 12: "twelve"}
# "and", "or" and "and/or" in Welsh; "a" is "ac" before a vowel.
WELSH_JOINERS = {"and": "a", "or": "neu", "and/or": "a/neu"}


def days(values: list[str], language: str = "en") -> str:
    """['monday'..'friday'] -> 'Monday to Friday'; gaps are listed."""
    idx = sorted(DAY_NAMES.index(d) for d in values)
    if language == "cy":
        names = [WELSH_DAYS[i] for i in idx]
        run = f"{names[0]} i {_soft(names[-1])}" if names else ""
    else:
        names = [DAY_NAMES[i].capitalize() for i in idx]
        run = f"{names[0]} to {names[-1]}" if names else ""
    if len(idx) > 2 and idx == list(range(idx[0], idx[-1] + 1)):
        return run
    return join(names, language=language)


def clock(value: str, language: str = "en") -> str:
    """'09:00' -> '9am', '17:30' -> '5:30pm', '12:00' -> 'midday'; in Welsh,
    the 24-hour clock as written ('09:00', '17:30')."""
    if language == "cy":
        return value
    hours, minutes = int(value[:2]), int(value[3:])
    if (hours, minutes) == (12, 0):
        return "midday"
    suffix = "am" if hours < 12 else "pm"
    hours = hours % 12 or 12
    return f"{hours}{suffix}" if minutes == 0 else f"{hours}:{minutes:02d}{suffix}"


def number(value: int, language: str = "en") -> str:
    """Small numbers in words in English; digits in Welsh, whose number words
    change with the noun that follows."""
    if language == "cy":
        return str(value)
    return NUMBERS.get(value, str(value))


def deadline(target, language: str = "en") -> str:
    """'within one working day', 'by the end of the working day'; '' when the
    target gives only the policy's own wording."""
    if target.by:
        return translator(language)(BY[target.by])
    if not target.within:
        return ""
    amount, unit = target.within.amount, target.within.unit
    if language == "cy":
        once, after_two = WELSH_UNITS[unit]
        return f"o fewn {amount} {after_two if amount == 2 else once}"
    singular, plural = UNITS[unit]
    return f"within {number(amount)} {singular if amount == 1 else plural}"


def count(n: int, singular: str, plural: str | None = None) -> str:
    """'1 site', '2 sites', '1,500 comments'."""
    return f"{n:,} {singular if n == 1 else plural or singular + 's'}"


def join(items: list[str], last: str = "and", language: str = "en") -> str:
    """['a', 'b', 'c'] -> 'a, b and c' (`last` is "and", "or" or "and/or")."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    if language == "cy":
        return ", ".join(items[:-1]) + " " + _welsh_last(last, items[-1])
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def _welsh_last(last: str, item: str) -> str:
    """'a' + 'phost' -> 'a phost', 'a' + 'adroddiad' -> 'ac adroddiad',
    'neu' + 'blocio' -> 'neu flocio': the joining word and the item after it,
    mutated as the joining word asks."""
    joiner = WELSH_JOINERS[last]
    if joiner == "a":
        return f"ac {item}" if _vowel_sound(item) else f"a {_aspirate(item)}"
    if joiner == "neu":
        return f"neu {_soft(item)}"
    return f"{joiner} {item}"


def _vowel_sound(item: str) -> bool:
    # A number is read aloud: 1 (un), 8 (wyth), 11 (un ar ddeg) and 80-89
    # (wyth deg...) begin with a vowel too.
    return item[:1].lower() in "aeiouwy" or re.match(r"(1|8|11|8\d)(?!\d)", item) is not None


def _aspirate(word: str) -> str:
    # c, p, t become ch, ph, th after "a" (and), unless already so.
    if word[:1].lower() in "cpt" and word[1:2].lower() != "h":
        return word[:1] + "h" + word[1:]
    return word


_SOFT = (("ll", "l"), ("rh", "r"), ("p", "b"), ("t", "d"), ("c", "g"), ("b", "f"), ("d", "dd"), ("g", ""),
         ("m", "f"))


def _soft(word: str) -> str:
    """The soft mutation of a Welsh word's first letter: 'dydd' -> 'ddydd'."""
    if word[1:2].lower() == "h" and word[:1].lower() in "cpt":
        return word  # ch, ph, th do not soften
    for plain, soft in _SOFT:
        if word[:len(plain)].lower() == plain:
            if plain == "d" and word[:2].lower() == "dd":
                return word
            changed = soft + word[len(plain):]
            return changed[:1].upper() + changed[1:] if word[:1].isupper() else changed
    return word


def months(value: int, language: str = "en") -> str:
    if language == "cy":
        return f"{value} {'fis' if value == 2 else 'mis'}"
    return f"{number(value)} month" + ("" if value == 1 else "s")


ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")


def month_names(language: str = "en") -> tuple[str, ...]:
    return WELSH_MONTHS if language == "cy" else ENGLISH_MONTHS


def long_date(day, language: str = "en") -> str:
    """1 April 2027: a date as the pages write it (1 Ebrill 2027 in Welsh)."""
    return f"{day.day} {month_names(language)[day.month - 1]} {day.year}"
