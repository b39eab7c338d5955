"""`personal-data`: contact details and identity numbers, each a pattern plus
a validator (Presidio's way), so dates, times, prices, reference numbers and
council tracking codes are not mistaken for them."""

from __future__ import annotations

import re
from bisect import bisect_right

from ..findings import BREAKS, MAY_BREAK, Signal

# UK numbers: +44 or 0, then 9 or 10 digits in the usual groupings.
_PHONE = re.compile(r"(?<![\w/.-])(?:\+44\s?\(?0?\)?\s?|\(?0)(?:\d[\s\-()]{0,2}){9,10}(?![\w/-])")
_EMAIL = re.compile(r"(?<![\w.+-])[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}(?![\w-])")
_POSTCODE = re.compile(r"\b(?:[a-pr-uwyz][a-hk-y]?\d[a-hjkpstuw\d]?) ?\d[abd-hjlnp-uw-z]{2}\b")
_STREET = re.compile(r"\b\d{1,4}[a-z]? [a-z][a-z'’-]+(?: [a-z][a-z'’-]+)? "
                     r"(?:road|rd|street|st|lane|ln|avenue|ave|close|drive|dr|way|court|ct|crescent|place|gardens|"
                     r"grove|terrace|walk|row|hill|view|mews|rise|square|parade)\b")
# A Welsh address puts the kind of street first ("14 Heol y Llwyfen", "5 Lôn
# Las", "2 Rhodfa'r Môr"; the text is read with its accents gone). A number
# before the same word is also a count ("mae 3 heol ar gau", 3 roads are
# shut: Welsh counts with the singular), so a word that only starts a clause
# after it is not a street's name.
_STREET_CY = re.compile(r"\b\d{1,4}[a-z]? (?:heol|stryd|lon|ffordd|rhodfa|cilgant|teras|clos|llys)(?:'r|’r)?"
                        r"(?: y| yr)? (?!(?:ar|yn|ym|yng|a|ac|ag|i|o|na|neu|ond|am|at|dros|drwy|trwy|gan|gyda|heb|"
                        r"wedi|sy|sydd|yma|ger|hefyd|eto|nawr|rwan|i'w|i'r|o'r|a'r)\b)[a-z][a-z'’-]+")
_NI = re.compile(r"\b([a-ceghj-pr-tw-z][a-ceghj-npr-tw-z]) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([a-d])\b")
_NI_BAD_PREFIX = {"bg", "gb", "kn", "nk", "nt", "tn", "zz"}
_DIGIT = re.compile(r"\d")
_ASCII_DIGIT = re.compile(r"[0-9]")
# What every street address starts with: a number, then a word ("12 high st",
# "4b mill lane"). Looked for first, as a search for it skips to the digits.
_HOUSE_NUMBER = re.compile(r"\d[a-z]? [a-z]")
_CARD = re.compile(r"(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])")


def _phone_ok(digits: str) -> bool:
    if digits.startswith("44"):
        digits = "0" + digits[2:].lstrip("0") if digits[2:3] == "0" else "0" + digits[2:]
    return len(digits) in (10, 11) and digits[:2] in {"01", "02", "03", "07", "08"} \
        and not digits.startswith("0000") and len(set(digits[1:])) > 2


def _luhn(digits: str) -> bool:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


# An address needs a dot after the @: "@council" is a handle, and most
# comments that hold an @ hold only handles.
_EMAIL_HINT = re.compile(r"@[a-z0-9-]+\.")


KINDS = ("phone", "email", "postal-address", "ni-number", "payment-card")  # what a rule's check may ask for


def prepare(check: dict) -> frozenset:
    return frozenset(check["detectors"])


# The fewest digits a match of each pattern holds: a phone number 10 (0 and
# nine more), a card 13, an NI number 6, a house number 1. Most comments hold
# none or a few, so most patterns never need to run.
_PHONE_DIGITS, _CARD_DIGITS, _NI_DIGITS = 10, 13, 6


def _digits(text: str) -> int:
    if text.isascii():  # most comments hold no digit: one quick search says so
        return sum(map(text.count, "0123456789")) if _ASCII_DIGIT.search(text) else 0
    return len(_DIGIT.findall(text))  # \d also matches digits of other scripts


def detect(comment, context, wanted) -> list[Signal]:
    text, out = comment.norm, []
    digits = _digits(text)
    has_email = "@" in text and "email" in wanted and _EMAIL_HINT.search(text) is not None
    if not digits and not has_email:  # most comments
        return out

    def add(verdict, start, end, why):
        s, e = comment.span(start, end)
        out.append(Signal(verdict, s, e, why))

    if digits >= _PHONE_DIGITS and "phone" in wanted:
        for m in _PHONE.finditer(text):
            if _phone_ok(re.sub(r"\D", "", m.group())):
                add(BREAKS, m.start(), m.end(), "a UK phone number (10 or 11 digits, a UK dialling code)")
    if has_email:
        for m in _EMAIL.finditer(text):
            add(BREAKS, m.start(), m.end(), "an email address")
    if digits and "postal-address" in wanted and _HOUSE_NUMBER.search(text):
        streets = sorted([*_STREET.finditer(text), *_STREET_CY.finditer(text)], key=lambda m: m.start())
        # A postcode counts only after a street, so without one it is not looked for.
        with_postcode = False
        ends = [s.end() for s in streets]  # in order: the matches do not overlap
        for m in _POSTCODE.finditer(text) if streets else ():
            # The last street ending before the postcode starts, if it ends at most 60 characters before.
            last = bisect_right(ends, m.start()) - 1
            if last >= 0 and m.start() - ends[last] <= 60:
                with_postcode = True
                add(BREAKS, streets[last].start(), m.end(), "a street address with a postcode")
        if not with_postcode:
            for s in streets:
                add(MAY_BREAK, s.start(), s.end(), "looks like a house number and street: is it someone's home?")
    if digits >= _NI_DIGITS and "ni-number" in wanted:
        for m in _NI.finditer(text):
            if m.group(1) not in _NI_BAD_PREFIX:
                add(BREAKS, m.start(), m.end(), "a National Insurance number (two letters, six digits, A to D)")
    if digits >= _CARD_DIGITS and "payment-card" in wanted:
        for m in _CARD.finditer(text):
            card = re.sub(r"\D", "", m.group())
            if 13 <= len(card) <= 19 and _luhn(card) and len(set(card)) > 1:
                add(BREAKS, m.start(), m.end(), "a payment card number (passes the Luhn check)")
    return out
