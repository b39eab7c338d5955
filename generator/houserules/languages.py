"""The languages a council publishes in, and texts written in more than one.

A council that publishes in Welsh and English (`languages: [cy, en]`, as the
Welsh Language Standards ask of Welsh councils) writes every text of its own
as a mapping, `{en: ..., cy: ...}`; schema.Text checks each language's text
as it would a plain one and gives back a `Translated`: a str of the
council's first language, carrying the others. `localise(value, code)` turns a
checked model into the one the sites of that language are made from, with
plain text in every place; the templates never see a Translated.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

# Each language's name, in each language: what a council's file may name, and
# how a page names the other language.
NAMES: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "en": MappingProxyType({"en": "English", "cy": "Saesneg"}),
    "cy": MappingProxyType({"en": "Welsh", "cy": "Cymraeg"}),
})
CODES = tuple(NAMES)
DEFAULT = ("en",)


def name(code: str, in_language: str = "en") -> str:
    """'cy' -> 'Welsh' (or 'Cymraeg' in Welsh)."""
    return NAMES[code][in_language]


def names(codes, in_language: str = "en") -> str:
    """('cy', 'en') -> 'Welsh and English'."""
    said = [name(code, in_language) for code in codes]
    joiner = " a " if in_language == "cy" else " and "
    return joiner.join(said) if len(said) < 3 else ", ".join(said[:-1]) + joiner + said[-1]


class Translated(str):
    """A text given in more than one language: as a str, the text in the
    first of them; `texts` maps each language's code to its text."""

    texts: Mapping[str, str]

    def __new__(cls, texts: Mapping[str, str], first: str):
        made = super().__new__(cls, texts[first])
        made.texts = MappingProxyType(dict(texts))
        return made

    def __reduce__(self):  # pickled for build workers: keep every language
        first = next(code for code, text in self.texts.items() if text == str(self))
        return Translated, (dict(self.texts), first)

    def __repr__(self) -> str:
        return f"Translated({dict(self.texts)!r})"

    # Two texts differ when any language's text does: an edit to the Welsh
    # alone is a change of policy (changes.compare reads it with ==). Against
    # a plain str it compares as that str, and hashes as one.
    def __eq__(self, other: object) -> bool:
        if isinstance(other, Translated):
            return dict(self.texts) == dict(other.texts)
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = str.__hash__


def text_in(text: str, code: str) -> str:
    """One text in `code`: a Translated's text in that language, a plain
    text as it is. A version's change note published before its council
    wrote in a second language has only the first: that one is its text."""
    texts = getattr(text, "texts", None)
    return texts.get(code, str(text)) if texts else text


def localise(value: Any, code: str) -> Any:
    """`value` (a checked model, or any part of one) with each Translated
    replaced by its text in `code`; what has nothing to translate is given
    back as it is."""
    if isinstance(value, Translated):
        return value.texts[code]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changed = {}
        for f in dataclasses.fields(value):
            if not f.init:
                continue
            before = getattr(value, f.name)
            after = localise(before, code)
            if after is not before:
                changed[f.name] = after
        return dataclasses.replace(value, **changed) if changed else value
    if isinstance(value, tuple):
        items = tuple(localise(v, code) for v in value)
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        make = getattr(value, "_make", None)  # a named tuple keeps its type
        return make(items) if make else items
    if isinstance(value, (MappingProxyType, dict)):
        items = {k: localise(v, code) for k, v in value.items()}
        if all(items[k] is v for k, v in value.items()):
            return value
        return MappingProxyType(items) if isinstance(value, MappingProxyType) else items
    return value


def missing(value: Any, codes, path: str = "", *, translated: bool = False) -> list[tuple[str, str]]:
    """(path, code) for each text within a checked model that has no text in
    one of `codes`: what a site in that language would have to show in
    another. A plain text counts only where its field is declared to be
    translated (schema.Text's `translate`); a Translated counts anywhere."""
    found: list[tuple[str, str]] = []
    if isinstance(value, Translated):
        found += [(path, code) for code in codes if code not in value.texts]
    elif isinstance(value, str):
        if translated:
            found += [(path, code) for code in codes if code != "en"]
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            declared = f.metadata.get("field")
            inner = getattr(declared, "item", declared)  # a list's items
            found += missing(getattr(value, f.name), codes, f"{path}.{f.name}" if path else f.name,
                             translated=getattr(inner, "translate", None) is True)
    elif isinstance(value, tuple):
        for n, item in enumerate(value):
            found += missing(item, codes, f"{path}[{n}]", translated=translated)
    elif isinstance(value, (MappingProxyType, dict)):
        for key, item in value.items():
            found += missing(item, codes, f"{path}.{key}" if path else str(key))
    return found
