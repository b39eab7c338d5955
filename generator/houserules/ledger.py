"""The ledger of published versions: policies/published/ledger.yaml.

Each published version's record is sealed field by field (versions.py), but
a record can also go missing, or one can be added by hand. So the list of
versions is itself sealed: the ledger has an entry for every version, in the
order they were published, naming the sha256 of its record file, and each
entry's `chain` is the sha256 of the entry before's chain and its own
fields. A record the ledger does not list, an entry whose record is missing
or changed, and entries removed, reordered or edited are all refused, each
naming what is wrong.

The chain is not keyed: anyone can extend it with this code, as anyone can
commit to the repository. What it guarantees is that nothing published
changes, disappears or appears without `houserules publish`, unnoticed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceProblem
from .yamlsource import display_path

NAME = "ledger.yaml"
_ENTRY = re.compile(r"- council: ([a-z0-9-]+), version: (\d+), record: ([0-9a-f]{64}), chain: ([0-9a-f]{64})")
HEADER = """\
# The published versions, in the order they were published. Each entry names
# the sha256 of its record and chains to the entry before (ledger.py).
# Written by `houserules publish`: never edit it.
"""


@dataclass(frozen=True)
class Entry:
    council: str
    version: int
    record: str   # sha256 of the record file
    chain: str
    line: int


def chain_of(before: str, council: str, version: int, record: str) -> str:
    return hashlib.sha256(f"{before}|{council}|{version}|{record}".encode()).hexdigest()


def record_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read(published: Path, problems: list[SourceProblem]) -> list[Entry] | None:
    """The ledger's entries, their chain checked; None when there is no ledger."""
    path = published / NAME
    if not path.is_file():
        return None
    shown = display_path(path)
    entries: list[Entry] = []
    chain = ""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        match = _ENTRY.fullmatch(line.strip())
        if not match:
            problems.append(SourceProblem(shown, n, "", "not a ledger entry: the ledger is written by "
                                                        "`houserules publish` and never edited"))
            return entries
        entry = Entry(match[1], int(match[2]), match[3], match[4], n)
        if entry.chain != chain_of(chain, entry.council, entry.version, entry.record):
            problems.append(SourceProblem(shown, n, "chain",
                                          f"{entry.council} v{entry.version}: the ledger has been changed here "
                                          "(an entry removed, moved or edited, at or before this line)"))
            return entries
        chain = entry.chain
        entries.append(entry)
    return entries


def check(published: Path, records: dict[tuple[str, int], Path], problems: list[SourceProblem]) -> None:
    """Every record file is in the ledger with the content it had when
    published, and every entry of the ledger has its record."""
    path = published / NAME
    entries = read(published, problems)
    if entries is None:
        if records:
            problems.append(SourceProblem(display_path(path), 0, "",
                                          f"missing, but {len(records)} published version records are here: "
                                          "restore it (published history is never edited)"))
        return
    listed = {(e.council, e.version): e for e in entries}
    for key, record in sorted(records.items()):
        entry = listed.get(key)
        if entry is None:
            problems.append(SourceProblem(display_path(record), 0, "",
                                          f"{key[0]} v{key[1]} is not in {display_path(path)}: a version is "
                                          "published by `houserules publish`, not by adding a file"))
        elif record_hash(record) != entry.record:
            problems.append(SourceProblem(display_path(record), 0, "",
                                          f"{key[0]} v{key[1]} is not the record that was published (it no longer "
                                          f"matches line {entry.line} of {display_path(path)})"))
    for key, entry in listed.items():
        if key not in records:
            problems.append(SourceProblem(display_path(path), entry.line, "",
                                          f"{key[0]} v{key[1]} was published, and its record "
                                          f"{display_path(published / key[0] / f'v{key[1]}.yaml')} is missing"))


def append(published: Path, council: str, version: int, record: Path) -> None:
    """Add a just-published version to the ledger (made if there is none)."""
    path = published / NAME
    problems: list[SourceProblem] = []
    entries = read(published, problems) or []
    before = entries[-1].chain if entries else ""
    digest = record_hash(record)
    line = (f"- council: {council}, version: {version}, record: {digest}, "
            f"chain: {chain_of(before, council, version, digest)}\n")
    with open(path, "a", encoding="utf-8") as out:
        if not entries and out.tell() == 0:
            out.write(HEADER)
        out.write(line)
