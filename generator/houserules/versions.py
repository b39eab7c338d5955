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

A correction (`corrects: N`) is version N's files with an edit made to the
source since it was last published, carried over by a three-way merge
(merge.py); it takes effect while version N is in force, without changing
anything already published. Numbers still count up in the order published;
which version is in force on a day is the one whose effective date came
last, and of two with the same date the later one, so a correction can
replace a version from its first day (in_force).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import ledger
from .errors import HouserulesError, PolicyError, SourceProblem
from .load import Policy, load_policy, load_record
from .merge import Conflict, merge
from .languages import Translated
from .languages import names as language_names
from .schema import INVALID, Bool, Choice, Date, Field, Int, Record, Slug, Text
from .wording import long_date
from .yamlsource import display_path

PUBLISHED = "published"
KINDS = ("major", "minor")
SEALED = ("council", "version", "effective", "published", "change", "note", "sample", "files")
# A correction's record seals `corrects` too. Records written before
# corrections existed have no such field, and keep the seal they were written
# with: the field is sealed only where it is present.
OPTIONAL_SEALED = ("corrects",)
_SHA = re.compile(r"[0-9a-f]{64}")
_SOURCE = re.compile(r"(?:councils|rules|wordlists)/[a-z0-9][a-z0-9-]*\.yaml")


class Hashes(Field):
    """`source path: sha256` for every file a version is made from."""

    expected = "a mapping of source file paths to sha256 digests"

    def check(self, value, ctx, path, line):
        if not isinstance(value, dict) or not value:
            return self.fail(value, ctx, path, line)
        ok = True
        line_of = getattr(value, "line_of", None)  # a mapping read from YAML knows its lines
        for key, digest in value.items():
            where = line_of(key) if line_of else line
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
        # Whether `corrects` belongs in it depends on the record: load_versions checks that.
        if not isinstance(value, dict) or not set(SEALED) <= set(value) <= set(SEALED + OPTIONAL_SEALED):
            return self.fail(value, ctx, path, line, f"expected a digest for each of: {', '.join(SEALED)}")
        return dict(value)


RECORD = Record("published version", {
    "council": Slug(help="the council's slug"),
    "version": Int(minimum=1, help="1, 2, 3, ... in order of publishing"),
    "corrects": Int(minimum=1, required=False, help="the version this one corrects, when it is a correction"),
    "effective": Date(help="the day from which this version applies"),
    "published": Date(help="the day it was published"),
    "change": Choice(*KINDS, help="major: rules or rights change; minor: wording, contacts, corrections"),
    "note": Text(help="the change note: what changed and why, for residents; for a council in more than one "
                      "language, in each ({cy: ..., en: ...})"),
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
    corrects: int | None = None  # the number of the version this one corrects

    @property
    def folder(self) -> str:
        return f"v{self.number}"


def in_order(versions: list) -> list:
    """Versions in the order they take effect: by date, and on the same date
    the later published last (it replaces the other: a correction)."""
    return sorted(versions, key=lambda v: (v.effective, v.number))


def in_force(versions: list, day: dt.date):
    """The version in force on the day (its date included), or None before any."""
    live = [v for v in in_order(versions) if v.effective <= day]
    return live[-1] if live else None


def following(versions: list, version):
    """The version that takes over from `version`, or None when none does."""
    order = in_order(versions)
    at = order.index(version)
    return order[at + 1] if at + 1 < len(order) else None


def _canonical(value) -> str:
    # A text in several languages is sealed as all of them: JSON would write
    # a Translated as its first language alone, and an edit to the Welsh
    # note would then go unseen.
    if isinstance(value, Translated):
        value = dict(value.texts)
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _digest(value) -> str:
    return hashlib.sha256(_canonical(value).encode()).hexdigest()


def sealed_fields(fields: dict) -> tuple[str, ...]:
    return SEALED + tuple(key for key in OPTIONAL_SEALED if fields.get(key) is not None)


def seal(fields: dict) -> dict[str, str]:
    return {key: _digest(fields[key])[:16] for key in sealed_fields(fields)}


def _unsealed(value: dict) -> list[str]:
    """The fields that no longer match the record's seal, or were added to it
    or removed from it since."""
    expected, written = seal(value), value["seal"]
    return [key for key in dict.fromkeys([*expected, *written]) if expected.get(key) != written.get(key)]


def files_folder(root: Path) -> Path:
    return root / PUBLISHED / "files"


def _version_from(value: dict, path: Path) -> Version:
    return Version(value["council"], value["version"], value["effective"], value["published"], value["change"],
                   _one_line(value["note"]), value["sample"], value["files"], path, value.get("corrects"))


def _one_line(note):
    """The note on one line, in each language it is given in."""
    texts = note if isinstance(note, dict) else getattr(note, "texts", None)
    if texts is None:
        return " ".join(str(note).split())
    first = next(iter(texts))
    return Translated({code: " ".join(text.split()) for code, text in texts.items()}, first)


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
        changed = _unsealed(value)
        if changed:
            # A field added or removed since (`corrects`) is found by its line in the seal.
            where = raw.line_of(changed[0]) if changed[0] in raw else raw["seal"].line_of(changed[0])
            problems.append(SourceProblem(
                shown, where, changed[0],
                f"{label} has changed since it was published ({', '.join(changed)} no longer match the seal "
                "written then). A published version is never edited: publish a new version instead "
                f"(houserules publish --council {value['council']})."))
            continue
        for source, digest in value["files"].items():
            stored = files_folder(root) / f"{digest}.yaml"
            where = raw["files"].line_of(source)
            if not stored.is_file():
                problems.append(SourceProblem(
                    shown, where, f"files.{source}",
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
            problems += [SourceProblem(display_path(v.path), 0, key, message)
                         for key, message in _out_of_place(slug, v, versions[:i - 1])]
    if problems:
        raise PolicyError(problems)
    return found


def _out_of_place(slug: str, v: Version, earlier: list[Version]) -> list[tuple[str, str]]:
    """(field, problem) for a version that could not have been published
    after `earlier`: one that takes effect too soon, or changes nothing."""
    if v.corrects is not None:
        return _misplaced_correction(slug, v, earlier)
    if not earlier:
        return []
    last = in_order(earlier)[-1]
    found = []
    if v.effective <= last.effective:
        found.append(("effective", f"{slug} v{v.number} takes effect ({v.effective}) "
                      + ("on the same day as" if v.effective == last.effective else "before")
                      + f" v{last.number} ({last.effective}): one of them would never be in force"))
    if v.files == last.files:
        found.append(("files", f"{slug} v{v.number} is made from the same files as v{last.number}: nothing changed"))
    return found


def _misplaced_correction(slug: str, v: Version, earlier: list[Version]) -> list[tuple[str, str]]:
    """A correction takes effect while the version it corrects is in force,
    and changes something in it."""
    assert v.corrects is not None  # a correction's (checked by the caller)
    if v.corrects >= v.number:
        return [("corrects", f"{slug} v{v.number} corrects v{v.corrects}, which was not published before it")]
    target = earlier[v.corrects - 1]
    found = []
    if getattr(in_force(earlier, v.effective), "number", None) != target.number:
        found.append(("effective", f"{slug} v{v.number} corrects v{target.number} from {v.effective}, "
                      f"when v{target.number} is not in force"))
    if v.files == target.files:
        found.append(("files", f"{slug} v{v.number} corrects v{target.number} with the same files: nothing changed"))
    return found


def source_files(policy: Policy, slug: str) -> dict[str, bytes]:
    """The files a council's pages and checker are made from, as they are now."""
    from .formats import applied_wordlists  # not with the module: see load.py
    council = policy.councils[slug]
    rules = sorted(set(council.rules.ids))
    # The word lists its checker reads: a list in Welsh is no part of a council in English alone.
    paths = [f"councils/{slug}.yaml", *(f"rules/{r}.yaml" for r in rules),
             *(f"wordlists/{w}.yaml" for w in sorted(applied_wordlists(policy.wordlists, council.languages)))]
    return {p: (policy.root / p).read_bytes() for p in paths}


def source_hashes(policy: Policy, slug: str) -> dict[str, str]:
    """`source path: sha256` of the files a council's next version would be made from."""
    return {p: hashlib.sha256(data).hexdigest() for p, data in source_files(policy, slug).items()}


def last_in_effect(history: list[Version]) -> Version:
    """The version that takes effect last: the one the source was last
    published as (a new version goes after it; a correction of an earlier
    one goes before it)."""
    return in_order(history)[-1]


def unpublished(policy: Policy, slug: str, history: list[Version]) -> bool:
    """Whether the council's source has changed since its last published
    version: changes its sites do not show until they are published."""
    return bool(history) and source_hashes(policy, slug) != last_in_effect(history).files


def materialise(root: Path, version: Version, dest: Path) -> Path:
    """Write a version's files as a policies/ folder, to load and build it."""
    for source, digest in version.files.items():
        target = dest / source
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((files_folder(root) / f"{digest}.yaml").read_bytes())
    return dest


class PublishError(HouserulesError):
    pass


def publish(policy: Policy, slug: str, *, effective: dt.date | None, note: str | dict[str, str], change: str,
            published: dt.date, sample: bool = False, corrects: int | None = None) -> Version:
    """Freeze the council's current source as its next version; or, with
    `corrects`, version `corrects` with the edit made to the source since it
    was last published. `published` is the day of publishing: today.
    `note`: the change note, or for a council in more than one language a
    note in each ({"en": ..., "cy": ...})."""
    root = policy.root
    if slug not in policy.councils:
        raise PublishError(f"no council {slug!r}; known: {', '.join(sorted(policy.councils))}")
    if change not in KINDS:
        raise PublishError(f"a change is {' or '.join(KINDS)}, not {change!r}")
    stored_note = _change_note(policy, slug, note)
    history = load_versions(root).get(slug, [])
    if corrects is None:
        _check_next(policy, slug, history, effective, published)
        files = source_files(policy, slug)
    else:
        target = _to_correct(slug, history, corrects)
        effective = effective or correction_day(slug, history, target, published)
        _check_correction_day(slug, history, target, effective)
        files = corrected_files(policy, slug, history, target)
    hashes = {path: hashlib.sha256(data).hexdigest() for path, data in files.items()}
    number = len(history) + 1
    store = files_folder(root)
    store.mkdir(parents=True, exist_ok=True)
    for path, data in files.items():
        target_file = store / f"{hashes[path]}.yaml"
        if not target_file.exists():
            target_file.write_bytes(data)
    fields = {"council": slug, "version": number, "corrects": corrects, "effective": effective,
              "published": published, "change": change, "note": stored_note, "sample": sample,
              "files": hashes}
    record = root / PUBLISHED / slug / f"v{number}.yaml"
    record.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(record, "x", encoding="utf-8") as out:  # never overwrites
            out.write(_record_text(fields))
    except FileExistsError:
        raise PublishError(f"{display_path(record)} already exists: a published version is never overwritten") from None
    ledger.append(root / PUBLISHED, slug, number, record)
    return _version_from(fields, record)


def _check_next(policy: Policy, slug: str, history: list[Version], effective: dt.date | None,
                today: dt.date) -> None:
    """A new version must change something and take effect after every other."""
    if effective is None:
        raise PublishError("a new version needs the day it takes effect (--effective YYYY-MM-DD)")
    if not history:
        return
    last = last_in_effect(history)
    if not unpublished(policy, slug, history):
        raise PublishError(f"{slug}: nothing has changed since v{last.number}; there is nothing to publish")
    if effective <= last.effective:
        raise PublishError(f"{slug}: v{last.number} already takes effect on {long_date(last.effective)}; "
                           f"a later version must take effect after it, not on {effective}."
                           + _correct_instead(slug, history, effective, today))


def _correct_instead(slug: str, history: list[Version], effective: dt.date, today: dt.date) -> str:
    """The way to change the version in force on `effective` without waiting
    for the versions already published after it: a correction."""
    live = in_force(history, effective)
    if live is None:
        return ""
    command = f'houserules publish --council {slug} --corrects {live.number} --note "..."'
    try:
        usual = correction_day(slug, history, live, today)
    except PublishError:
        usual = None
    if usual != effective:
        command += f" --effective {effective}"
    if live.number == last_in_effect(history).number:
        return f"\nTo correct v{live.number} itself from that day: {command}"
    return f"\nTo correct the version in force (v{live.number}) before then: {command}"


def _to_correct(slug: str, history: list[Version], number: int) -> Version:
    if not history:
        raise PublishError(f"{slug} has no published version to correct: publish its first version "
                           f"(houserules publish --council {slug} --effective YYYY-MM-DD ...)")
    if not 1 <= number <= len(history):
        raise PublishError(f"{slug} has no v{number} to correct: its published versions are v1 to v{len(history)}")
    target = history[number - 1]
    after = following(history, target)
    if after is not None and after.effective == target.effective:
        raise PublishError(f"{slug}: v{number} is never in force: v{after.number} replaces it from its first day "
                           f"({long_date(after.effective)}). Correct v{after.number} instead: "
                           f'houserules publish --council {slug} --corrects {after.number} --note "..."')
    return target


def correction_day(slug: str, history: list[Version], target: Version, today: dt.date) -> dt.date:
    """When a correction takes effect unless told: today, for the version in
    force; its own first day, for a version still to come (it then replaces
    it from the start). A version no longer in force has no such day."""
    if target.effective > today:
        return target.effective
    after = following(history, target)
    if after is None or today < after.effective:
        return today
    now = in_force(history, today)
    assert now is not None  # `after`, or one after it: it took effect on or before today
    raise PublishError(f"{slug}: v{target.number} is no longer in force: v{after.number} took over from it on "
                       f"{long_date(after.effective)}. To correct the version in force (v{now.number}): "
                       f'houserules publish --council {slug} --corrects {now.number} --note "..."; to correct '
                       f"v{target.number} for the days it was in force, give --effective, from {target.effective} "
                       f"until before {after.effective}")


def _check_correction_day(slug: str, history: list[Version], target: Version, effective: dt.date) -> None:
    """A correction of version N takes effect while N is in force: on or
    after N's day, and before the version after N takes over."""
    n = target.number
    if effective < target.effective:
        raise PublishError(f"{slug}: v{n} takes effect on {long_date(target.effective)}; a correction of it must "
                           f"take effect on or after that day, not on {effective}")
    after = following(history, target)
    if after is not None and effective >= after.effective:
        raise PublishError(f"{slug}: v{after.number} takes effect on {long_date(after.effective)}; a correction of "
                           f"v{n} must take effect before it, not on {effective}. To correct v{after.number} as "
                           f'well: houserules publish --council {slug} --corrects {after.number} --note "..."')


def edit_base(policy: Policy, slug: str, history: list[Version]) -> Version:
    """What the source was before the edit a correction carries over: the
    version it was last published as. When the source is that version
    already, and it is itself a correction (of the version still to come,
    say), the edit is the one that correction made, to carry over again."""
    last = last_in_effect(history)
    if source_hashes(policy, slug) == last.files and last.corrects:
        return history[last.corrects - 1]
    return last


def stored_files(root: Path, hashes: dict[str, str]) -> dict[str, bytes]:
    return {path: (files_folder(root) / f"{digest}.yaml").read_bytes() for path, digest in hashes.items()}


def corrected_files(policy: Policy, slug: str, history: list[Version], target: Version) -> dict[str, bytes]:
    """Version `target`'s files with the edit made to the source since it
    was last published; refused when the edit does not apply cleanly, makes
    a policy that does not load, or changes nothing in it."""
    base = edit_base(policy, slug, history)
    if source_hashes(policy, slug) == base.files:
        raise PublishError(f"{slug}: the source is as published in v{base.number}: there is no edit to carry over "
                           f"to v{target.number}. Make the correction in {display_path(policy.root)} first "
                           f"(councils/{slug}.yaml, or the rule or word list it is in), then run this again")
    merged = merge_files(stored_files(policy.root, base.files), source_files(policy, slug),
                         stored_files(policy.root, target.files))
    if isinstance(merged, tuple):
        raise PublishError(_conflict_message(policy, slug, base, target, *merged))
    files = _as_loaded(policy.root, slug, merged, target)
    if files == stored_files(policy.root, target.files):
        raise PublishError(f"{slug}: v{target.number} already has the edit made since v{base.number}: "
                           "correcting it changes nothing")
    return files


def without_correction(policy: Policy, slug: str, history: list[Version], correction: Version) -> Version | None:
    """The version that takes over from a correction, when it was published
    without the correction's edit: on its day the correction would be undone."""
    after = following(history, correction)
    if after is None:
        return None
    has = stored_files(policy.root, after.files)
    merged = merge_files(stored_files(policy.root, edit_base(policy, slug, history).files),
                         source_files(policy, slug), has)
    return None if merged == has else after


def merge_files(base: dict[str, bytes], theirs: dict[str, bytes],
                target: dict[str, bytes]) -> dict[str, bytes] | tuple[str, Conflict]:
    """`target` with the edit from `base` to `theirs`, file by file; or the
    file and the first conflict, when the edit does not apply cleanly."""
    merged: dict[str, bytes] = {}
    for path in sorted(base.keys() | theirs.keys() | target.keys()):
        was, now, mine = base.get(path), theirs.get(path), target.get(path)
        if now == was:
            result = mine
        elif was is None or now is None:
            # A file the source now uses or no longer uses (a rule adopted or
            # dropped): the corrected council file decides whether it is needed.
            result = now if mine == was else mine
        elif mine is None:
            # An edit to a file the version corrected does not use (a rule
            # adopted later): it is not that version's, so it is not carried.
            result = None
        else:
            lines = merge(*(data.decode("utf-8").splitlines(keepends=True) for data in (was, now, mine)))
            if isinstance(lines, Conflict):
                return path, lines
            result = "".join(lines).encode("utf-8")
        if result is not None:
            merged[path] = result
    return merged


def _conflict_message(policy: Policy, slug: str, base: Version, target: Version, path: str,
                      conflict: Conflict) -> str:
    where = f"{display_path(policy.root / path)}:{conflict.line}"
    line = f" (“{conflict.text.strip()}”)" if conflict.text.strip() else ""
    return (f"{where}: the edit here{line} does not apply cleanly to v{target.number}: v{target.number} and "
            f"v{base.number} differ in the same or the neighbouring lines, so where it goes in v{target.number} is "
            f"not certain. Nothing was published. Keep the correction to lines that read the same in both "
            f"versions, then run this again; or, if the mistake is in v{base.number} only, correct that version "
            f'alone: houserules publish --council {slug} --corrects {base.number} --note "..."')


def _as_loaded(root: Path, slug: str, files: dict[str, bytes], target: Version) -> dict[str, bytes]:
    """The files a corrected version is made from, once it is known to load
    (and its rules' examples still hold): those its council file uses."""
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        for source, data in files.items():
            (folder / source).parent.mkdir(parents=True, exist_ok=True)
            (folder / source).write_bytes(data)
        try:
            corrected = load_policy(folder)
        except PolicyError as exc:
            problems = "\n".join(f"  {str(p).replace(display_path(folder) + '/', '')}" for p in exc.problems)
            raise PublishError(f"{slug}: v{target.number} with the edit would not be a valid policy; nothing was "
                               f"published:\n{problems}") from None
        return source_files(corrected, slug)


def _change_note(policy: Policy, slug: str, note: str | dict[str, str]) -> str | dict[str, str]:
    """The note as the record keeps it: one text, or for a council in more
    than one language a text in each, in the council's order, since each
    language's history page and feed show it."""
    notes = note if isinstance(note, dict) else {"en": note}
    spoken = policy.councils[slug].languages
    flags = {"en": "--note", "cy": "--note-cy"}
    extra = [code for code in notes if code not in spoken and (notes[code] or "").strip()]
    if extra:
        raise PublishError(f"{slug} does not publish in {language_names(extra)}: leave out "
                           f"{' '.join(flags[c] for c in extra)}")
    missing = [code for code in spoken if not (notes.get(code) or "").strip()]
    if missing:
        if spoken == ("en",):
            raise PublishError("a version needs a change note (--note): what changed and why")
        raise PublishError(f"{slug} publishes in {language_names(spoken)}: give the change note in each "
                           f"({', '.join(flags[c] for c in spoken)}); it has none in {language_names(missing)}")
    if spoken == ("en",):
        return " ".join(notes["en"].split())
    return {code: " ".join(notes[code].split()) for code in spoken}


def _record_text(fields: dict) -> str:
    lines = [
        f"# {fields['council']} v{fields['version']}, published {fields['published']} by `houserules publish`.",
        "# Never edit this file: the build refuses a published version that has changed.",
        "# A change to the policy is a new version.",
        f"council: {fields['council']}",
        f"version: {fields['version']}",
        *([f"corrects: {fields['corrects']}"] if fields.get("corrects") is not None else []),
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
