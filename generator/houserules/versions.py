"""Published versions of a council's policy: frozen, addressable, checked.

Publishing copies every source file a council's pages are made from (its
council file, the rules it adopts, the word lists) into
`policies/published/files/`, each named by the sha256 of its content, and
writes a record, `policies/published/<council>/v<N>.yaml`, that lists them
with the version's effective date and change note. Records and files are
never edited; a change is a new version.

Every build checks that nothing published has changed: each file still has
the content its name promises, each field of each record still matches the
seal written when it was published, and the ledger (ledger.py) still lists
every record, unchanged, in the order published. A problem names the
council, the version and what changed, and stops the build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import ledger
from .errors import HouserulesError, PolicyError, SourceProblem
from .load import Policy, load_record
from .schema import INVALID, Bool, Choice, Date, Field, Int, Record, Slug, Text
from .yamlsource import display_path

PUBLISHED = "published"
KINDS = ("major", "minor")
SEALED = ("council", "version", "effective", "published", "change", "note", "sample", "files")
_SHA = re.compile(r"[0-9a-f]{64}")
_SOURCE = re.compile(r"(?:councils|rules|wordlists)/[a-z0-9][a-z0-9-]*\.yaml")


class Hashes(Field):
    """`source path: sha256` for every file a version is made from."""

    expected = "a mapping of source file paths to sha256 digests"

    def check(self, value, ctx, path, line):
        if not isinstance(value, dict) or not value:
            return self.fail(value, ctx, path, line)
        ok = True
        for key, digest in value.items():
            where = value.line_of(key) if hasattr(value, "line_of") else line
            if not isinstance(key, str) or not _SOURCE.fullmatch(key):
                ctx.error(where, f"{path}.{key}", "not a source file (councils/, rules/ or wordlists/*.yaml)")
                ok = False
            elif not isinstance(digest, str) or not _SHA.fullmatch(digest):
                ctx.error(where, f"{path}.{key}", "expected a sha256 digest (64 hexadecimal characters)")
                ok = False
        return dict(value) if ok else INVALID


class Seal(Field):
    expected = "a mapping of field names to digests"

    def check(self, value, ctx, path, line):
        if not isinstance(value, dict) or set(value) != set(SEALED):
            return self.fail(value, ctx, path, line, f"expected a digest for each of: {', '.join(SEALED)}")
        return dict(value)


RECORD = Record("published version", {
    "council": Slug(help="the council's slug"),
    "version": Int(minimum=1, help="1, 2, 3, ... in order of publishing"),
    "effective": Date(help="the day from which this version applies"),
    "published": Date(help="the day it was published"),
    "change": Choice(*KINDS, help="major: rules or rights change; minor: wording, contacts, corrections"),
    "note": Text(help="the change note: what changed and why, for residents"),
    "sample": Bool(required=False, default=False, help="made-up history, for demonstration"),
    "files": Hashes(help="the source files this version is made from"),
    "seal": Seal(help="a digest of each field above, written when published"),
})


@dataclass(frozen=True)
class Version:
    council: str
    number: int
    effective: dt.date
    published: dt.date
    change: str
    note: str
    sample: bool
    files: dict[str, str] = field(compare=False)
    path: Path = field(compare=False)

    @property
    def folder(self) -> str:
        return f"v{self.number}"


def _canonical(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _digest(value) -> str:
    return hashlib.sha256(_canonical(value).encode()).hexdigest()


def seal(fields: dict) -> dict[str, str]:
    return {key: _digest(fields[key])[:16] for key in SEALED}


def files_folder(root: Path) -> Path:
    return root / PUBLISHED / "files"


def _version_from(value: dict, path: Path) -> Version:
    return Version(value["council"], value["version"], value["effective"], value["published"], value["change"],
                   " ".join(value["note"].split()), value["sample"], value["files"], path)


def load_versions(root: Path) -> dict[str, list[Version]]:
    """Every published version under root/published, checked; PolicyError lists every problem."""
    problems: list[SourceProblem] = []
    found: dict[str, list[Version]] = {}
    records: dict[tuple[str, int], Path] = {}
    base = root / PUBLISHED
    for path in sorted(base.glob("*/v*.yaml")) if base.is_dir() else ():
        shown = display_path(path)
        raw, value = load_record(path, RECORD, problems)
        if value is INVALID:
            continue
        label = f"{value['council']} v{value['version']}"
        if path.parent.name != value["council"] or path.stem != f"v{value['version']}":
            problems.append(SourceProblem(shown, raw.line_of("version"), "version",
                                          f"{label} must be stored as {value['council']}/v{value['version']}.yaml"))
            continue
        changed = [key for key in SEALED if seal(value)[key] != value["seal"][key]]
        if changed:
            problems.append(SourceProblem(
                shown, raw.line_of(changed[0]), changed[0],
                f"{label} has changed since it was published ({', '.join(changed)} no longer match the seal "
                "written then). A published version is never edited: publish a new version instead "
                f"(houserules publish --council {value['council']})."))
            continue
        for source, digest in value["files"].items():
            stored = files_folder(root) / f"{digest}.yaml"
            where = raw["files"].line_of(source)
            if not stored.is_file():
                problems.append(SourceProblem(shown, where, f"files.{source}",
                                              f"{label}: the published copy of {source} is missing ({display_path(stored)})"))
            elif hashlib.sha256(stored.read_bytes()).hexdigest() != digest:
                problems.append(SourceProblem(
                    display_path(stored), 0, "",
                    f"{label}: the published copy of {source} has changed since it was published (its content no "
                    "longer matches its name). Published files are never edited: restore it, and publish a "
                    "new version for the change."))
        if not (root / "councils" / f"{value['council']}.yaml").is_file():
            problems.append(SourceProblem(shown, raw.line_of("council"), "council",
                                          f"{label}: there is no council {value['council']!r} in "
                                          f"{display_path(root / 'councils')}"))
        records[(value["council"], value["version"])] = path
        found.setdefault(value["council"], []).append(_version_from(value, path))
    if base.is_dir():
        ledger.check(base, records, problems)
    for slug, versions in found.items():
        versions.sort(key=lambda v: v.number)
        for i, v in enumerate(versions, 1):
            if v.number != i:
                problems.append(SourceProblem(display_path(v.path), 0, "version",
                                              f"{slug}: versions must run 1, 2, 3, ...; v{i} is missing"))
                break
            if i == 1:
                continue
            before = versions[i - 2]
            if v.effective <= before.effective:
                problems.append(SourceProblem(
                    display_path(v.path), 0, "effective",
                    f"{slug} v{i} takes effect ({v.effective}) "
                    + ("on the same day as" if v.effective == before.effective else "before")
                    + f" v{i - 1} ({before.effective}): one of them would never be in force"))
            if v.files == before.files:
                problems.append(SourceProblem(display_path(v.path), 0, "files",
                                              f"{slug} v{i} is made from the same files as v{i - 1}: nothing changed"))
    if problems:
        raise PolicyError(problems)
    return found


def source_files(policy: Policy, slug: str) -> dict[str, bytes]:
    """The files a council's pages and checker are made from, as they are now."""
    rules = sorted(set(policy.councils[slug].rules.ids))
    paths = [f"councils/{slug}.yaml", *(f"rules/{r}.yaml" for r in rules),
             *(f"wordlists/{w}.yaml" for w in sorted(policy.wordlists))]
    return {p: (policy.root / p).read_bytes() for p in paths}


def source_hashes(policy: Policy, slug: str) -> dict[str, str]:
    """`source path: sha256` of the files a council's next version would be made from."""
    return {p: hashlib.sha256(data).hexdigest() for p, data in source_files(policy, slug).items()}


def unpublished(policy: Policy, slug: str, history: list[Version]) -> bool:
    """Whether the council's source has changed since its last published
    version: changes its sites do not show until they are published."""
    return bool(history) and source_hashes(policy, slug) != history[-1].files


def materialise(root: Path, version: Version, dest: Path) -> Path:
    """Write a version's files as a policies/ folder, to load and build it."""
    for source, digest in version.files.items():
        target = dest / source
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((files_folder(root) / f"{digest}.yaml").read_bytes())
    return dest


class PublishError(HouserulesError):
    pass


def publish(policy: Policy, slug: str, *, effective: dt.date, note: str, change: str, published: dt.date,
            sample: bool = False) -> Version:
    """Freeze the council's current source as its next version."""
    root = policy.root
    if slug not in policy.councils:
        raise PublishError(f"no council {slug!r}; known: {', '.join(sorted(policy.councils))}")
    if change not in KINDS:
        raise PublishError(f"a change is {' or '.join(KINDS)}, not {change!r}")
    if not note.strip():
        raise PublishError("a version needs a change note (--note): what changed and why")
    history = load_versions(root).get(slug, [])
    files = source_files(policy, slug)
    hashes = source_hashes(policy, slug)
    if history:
        last = history[-1]
        if not unpublished(policy, slug, history):
            raise PublishError(f"{slug}: nothing has changed since v{last.number}; there is nothing to publish")
        if effective <= last.effective:
            raise PublishError(f"{slug}: v{last.number} takes effect on {last.effective}; "
                               f"a later version must take effect after it, not on {effective}")
    number = len(history) + 1
    store = files_folder(root)
    store.mkdir(parents=True, exist_ok=True)
    for path, data in files.items():
        target = store / f"{hashes[path]}.yaml"
        if not target.exists():
            target.write_bytes(data)
    fields = {"council": slug, "version": number, "effective": effective, "published": published,
              "change": change, "note": " ".join(note.split()), "sample": sample, "files": hashes}
    record = root / PUBLISHED / slug / f"v{number}.yaml"
    record.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(record, "x", encoding="utf-8") as out:  # never overwrites
            out.write(_record_text(fields))
    except FileExistsError:
        raise PublishError(f"{display_path(record)} already exists: a published version is never overwritten") from None
    ledger.append(root / PUBLISHED, slug, number, record)
    return _version_from(fields, record)


def _record_text(fields: dict) -> str:
    lines = [
        f"# {fields['council']} v{fields['version']}, published {fields['published']} by `houserules publish`.",
        "# Never edit this file: the build refuses a published version that has changed.",
        "# A change to the policy is a new version.",
        f"council: {fields['council']}",
        f"version: {fields['version']}",
        f'effective: "{fields["effective"]}"',
        f'published: "{fields["published"]}"',
        f"change: {fields['change']}",
        f"note: {json.dumps(fields['note'], ensure_ascii=False)}",
        f"sample: {'true' if fields['sample'] else 'false'}",
        "files:",
        *(f"  {path}: {digest}" for path, digest in sorted(fields["files"].items())),
        "seal:",
        *(f"  {key}: {value}" for key, value in seal(fields).items()),
    ]
    return "\n".join(lines) + "\n"
