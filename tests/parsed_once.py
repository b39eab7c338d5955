"""The suite's own speed trick: each YAML text is parsed once per worker.

Tests copy the seed policies and change a file or two, then load the whole
folder again: about 400 policy loads, 11,000 files, most of them texts the
worker has parsed before. `load_yaml` is a pure function of a file's bytes,
so a text parsed before is handed out again as a fresh copy (the callers own
what they are given). A text met for the first time, and every file that
cannot be read or fails to parse, goes through the real loader, so every
error a test expects is still the loader's own.

Measured on the tests without a browser, `pytest -n 2 -m "not browser"`, the
machine's busy CPU read from /proc/stat around each run, runs taken in turn:
153 s of CPU and 86 s of wall parsing every time, 137 s and 77 s with this.
HOUSERULES_TEST_PARSE_EACH_TIME=1 runs the suite without it.
"""

from __future__ import annotations

import os
from pathlib import Path

from houserules import load, yamlsource
from houserules.yamlsource import LocatedDict, LocatedList

_real = yamlsource.load_yaml
_parsed: dict[bytes, object] = {}


def _copy(value):
    if isinstance(value, LocatedDict):
        mapping = LocatedDict((key, _copy(item)) for key, item in value.items())
        mapping.line, mapping.key_lines = value.line, dict(value.key_lines)
        return mapping
    if isinstance(value, LocatedList):
        sequence = LocatedList(_copy(item) for item in value)
        sequence.line, sequence.item_lines = value.line, list(value.item_lines)
        return sequence
    return value  # text, numbers, true/false, null: nothing a caller can change


def load_yaml(path: Path):
    try:
        ordinary = path.is_file() and path.stat().st_size <= yamlsource.MAX_BYTES
        text = path.read_bytes() if ordinary else b""
    except OSError:
        ordinary = False
    if not ordinary:
        return _real(path)  # which says what is wrong with the file, and where
    if text not in _parsed:
        _parsed[text] = _real(path)
    return _copy(_parsed[text])


def install() -> None:
    if os.environ.get("HOUSERULES_TEST_PARSE_EACH_TIME"):
        return
    assert load.load_yaml is _real, "houserules.load no longer reads YAML through yamlsource.load_yaml"
    load.load_yaml = load_yaml
