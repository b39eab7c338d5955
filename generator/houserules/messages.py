"""The sentences houserules writes itself (headings, the settings tables, the
history and changes pages, the checker's page), in every language a council
may publish in.

English is the source, as gettext's msgid: each sentence is written in
English where it is used, wrapped in `_()` (templates: `{{ _("...") }}` or
`{% trans %}`; Python: `translator(code)("...")`), and its text in another
language is found in messages/<code>/*.yaml, a mapping from the English to
that language. Named placeholders (`%(name)s`) are filled after translation,
so a translation must keep each one.

A sentence a language's catalogue lacks is an error, never the English
shown on that language's page (the Welsh Language Standards: Welsh no less
favourably than English); tests/test_messages.py finds every `_()` in the
code and asks each catalogue for it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType

from .errors import HouserulesError

FOLDER = Path(__file__).parent / "messages"
_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


class MissingTranslation(HouserulesError):
    """A sentence houserules writes has no text in a language a page is in."""


@functools.cache
def catalogue(code: str) -> Mapping[str, str]:
    """English sentence -> its text in `code`, from messages/<code>/*.yaml
    (for English, empty: the sentence is its own text)."""
    if code == "en":
        return MappingProxyType({})
    import yaml

    found: dict[str, str] = {}
    files = sorted((FOLDER / code).glob("*.yaml"))
    if not files:
        raise MissingTranslation(f"houserules has no sentences in {code!r}: {FOLDER / code} holds no .yaml file")
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise MissingTranslation(f"{path}: expected a mapping from English sentences to their {code} text")
        for english, text in data.items():
            if not isinstance(english, str) or not isinstance(text, str) or not text.strip():
                raise MissingTranslation(f"{path}: {english!r}: expected a text, found {text!r}")
            if english in found:
                raise MissingTranslation(f"{path}: {english!r} is translated twice (also in another file of {code})")
            if set(_PLACEHOLDER.findall(english)) != set(_PLACEHOLDER.findall(text)):
                raise MissingTranslation(f"{path}: {english!r}: the {code} text must keep the same %(...)s "
                                         f"placeholders: {text!r}")
            found[english] = text
    return MappingProxyType(found)


@functools.cache
def translator(code: str) -> Callable[..., str]:
    """`_` for one language: _("On %(day)s", day=...) -> that sentence in `code`,
    its placeholders filled. Raises MissingTranslation for a sentence the
    language's catalogue lacks."""
    texts = catalogue(code)

    def _(english: str, /, **values: object) -> str:
        if code == "en":
            text = english
        else:
            try:
                text = texts[english]
            except KeyError:
                raise MissingTranslation(
                    f"houserules writes {english!r}, which has no text in {code!r}: add it to "
                    f"{(FOLDER / code).relative_to(FOLDER.parent.parent.parent)}/") from None
        return text % values if values else text

    return _
