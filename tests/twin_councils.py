"""Llan-y-môr (made up), a council in Welsh and English, and its twin in
English alone, Riverside (glan-yr-afon), adopting the same rules: for the
tests of what the checker reads for a council that works in Welsh and what
it leaves alone for one that does not."""

from __future__ import annotations

import shutil
from pathlib import Path

from houserules.load import Policy, load_policy

ROOT = Path(__file__).resolve().parent.parent
WELSH_SLUG, ENGLISH_SLUG = "llan-y-mor", "glan-yr-afon"


def _rules(adopted: tuple[str, ...], in_welsh: bool) -> str:
    lines = ["rules:\n  adopted:\n"]
    for rule in adopted:
        lines.append(f"    - rule: {rule}\n")
        if rule == "post-in-english" and in_welsh:  # reworded, as a Welsh council would word it
            lines.append("      wording: {cy: Postiwch yn Gymraeg neu yn Saesneg., "
                         "en: Please post in Welsh or English.}\n")
    return "".join(lines)


def twin_policy(folder: Path, adopted: tuple[str, ...]) -> Policy:
    """A copy of policies/ (without its published history) in `folder`, with
    the two councils adopting `adopted`, loaded: the rules' examples proved
    too, with the Welsh word list among the rest."""
    copy = folder / "policies"
    shutil.copytree(ROOT / "policies", copy, ignore=shutil.ignore_patterns("published"))
    (copy / "councils" / f"{WELSH_SLUG}.yaml").write_text(
        f"slug: {WELSH_SLUG}\nlanguages: [cy, en]\nname: {{cy: Cyngor Llan-y-môr, en: Llan-y-môr Council}}\n"
        'website: {cy: "https://www.llanymor.example.cymru", en: "https://www.llanymor.example.wales"}\n'
        + _rules(adopted, True), encoding="utf-8")
    (copy / "councils" / f"{ENGLISH_SLUG}.yaml").write_text(
        f"slug: {ENGLISH_SLUG}\nname: Riverside Council\nwebsite: https://www.riverside.example.org.uk\n"
        + _rules(adopted, False), encoding="utf-8")
    return load_policy(copy)
