"""A council's checker for a given day: the rules of the published version in
force that day, as its sites show them, or its source (--source)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sys
import tempfile
from pathlib import Path

import houserules_checker
import yaml
from houserules_checker import Checker

from .editions import load_version, shown_on
from .errors import InputError
from .load import Policy, load_policy
from .versions import Version, load_versions


class Checkers:
    """A council's checker for a given day: the published version in force
    that day, which is what its sites show (its first version, before any
    takes effect); or its source, when it has published none or when the
    source is asked for (--source, to try an edit before publishing it)."""

    def __init__(self, root: Path, policy: Policy | None, council: str, *, source: bool = False,
                 language: str = "en"):
        """`policy` is the source loaded from `root`, or None to load it only if it is needed: with
        --source, for a council with nothing published, or to find a council given by its name. A check
        against a published version then reads that version alone (tests/benchmarks/bench_cli_start.py:
        loading the whole source was a fifth of a check from cold). `language`: of the council's texts,
        the catalogue's and the checker's reasons, one of the council's languages."""
        everything = load_versions(root)
        if policy is None and (source or not everything.get(council)):
            policy = load_policy(root, prove=False)
        council = find_council(policy, council, language) if policy is not None else council
        self.council, self._root = council, root
        self.language = language
        # How a worker process makes its own, where it cannot inherit this one.
        self.recipe = root, council, source, language
        published = everything.get(council, [])
        self._versions = [] if source else published
        # A council with nothing published shows its source: that is its current policy.
        self._source = policy, ("unpublished source" if published else None)
        self._made: dict[str | None, Checker] = {}

    def on(self, day: dt.date) -> Checker:
        version = shown_on(self._versions, day) if self._versions else None
        label = version.folder if version else self._source[1]
        checker = self._made.get(label)
        if checker is None:
            if version is None:
                policy = self._source[0]
                assert policy is not None  # loaded whenever the source can be what is shown
                from .rulepack import build_rulepack  # not for a kept pack: see published_pack
                pack = build_rulepack(policy, self.council, label, self.language)
            else:  # made when first needed: most runs need one version
                pack = published_pack(self._root, version, self.language)
            _speaks(pack, self.language)
            checker = Checker(pack, language=self.language)
            self._made[label] = checker
        return checker

    @property
    def used(self) -> list[Checker]:
        return list(self._made.values())

    def describe(self, day: dt.date) -> str:
        """Which policy a check on the day is made against, as a report says it."""
        from .messages import translator
        _ = translator(self.language)
        checker = self.on(day)
        if self._versions:
            return _("policy %(version)s, in force on %(day)s", version=checker.pack["version"], day=day.isoformat())
        return _("policy: %(label)s", label=version_label(checker, self.language))


def _speaks(pack: dict, language: str) -> None:
    """A check in a language the council does not publish in would mix its
    English with the catalogue's Welsh: refused, in the language asked for
    (the person asked for it)."""
    spoken = pack["council"].get("languages", ["en"])
    if language not in spoken:
        from .languages import names
        from .messages import translator
        _ = translator(language)
        raise InputError(_("%(council)s publishes in %(spoken)s only: --language %(language)s has none of its "
                           "words in %(name)s", council=pack["council"]["name"], spoken=names(spoken, language),
                           language=language, name=names([language], language)))


def published_pack(root: Path, version: Version, language: str = "en") -> dict:
    """The rule pack of a published version, made from the files it was
    published with; the same pack read back when it was made before, by the
    same code from the same files.

    Loading a version (every word list, checked entry by entry) and making its
    pack was a quarter of `houserules check` from cold
    (tests/benchmarks/bench_cli_start.py), and a published version never
    changes. So the pack is kept, as JSON, outside the project (the user's
    cache folder: nothing that reads the source or a build sees it), in a file
    named by a digest of all it is made from: the version's files by their
    sha256 (which load_versions has checked against their bytes), the source
    of the houserules and houserules_checker packages, and the versions of
    Python and PyYAML. A change to any byte of those names another file; a
    file that cannot be read, or written, is only a pack made again."""
    kept = _kept_file(version, language)
    if kept is not None:
        path, key = kept
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            if stored["key"] == key and isinstance(stored["pack"], dict):
                return stored["pack"]
        except (OSError, ValueError, KeyError, TypeError):
            pass
    from .rulepack import build_rulepack  # with the formats it reads: not needed for a kept pack
    with tempfile.TemporaryDirectory() as work:
        policy = load_version(root, version, Path(work))
    pack = build_rulepack(policy, version.council, version.folder, language)
    if kept is not None:
        _keep(kept[0], {"key": kept[1], "pack": pack})
    return pack


_KEPT_PACKS = 64  # the most packs the cache folder holds: the oldest go first


def _kept_file(version: Version, language: str = "en") -> tuple[Path, str] | None:
    """Where the version's pack is kept, and the digest of all it is made
    from; None when there is no cache folder to use, or no source to read."""
    given = os.environ.get("XDG_CACHE_HOME", "")
    try:
        folder = (Path(given) if os.path.isabs(given) else Path.home() / ".cache") / "houserules" / "packs"
        digest = hashlib.sha256(json.dumps(
            [1, version.council, version.number, version.folder, language, sorted(version.files.items()), sys.version,
             yaml.__version__, yaml.__with_libyaml__]).encode())
        for package in (Path(__file__).parent, Path(houserules_checker.__file__).parent):
            for path in sorted(package.rglob("*.py")):
                digest.update(f"\0{path.relative_to(package.parent).as_posix()}\0".encode())
                digest.update(path.read_bytes())
    except (OSError, RuntimeError):  # RuntimeError: no home folder
        return None
    key = digest.hexdigest()
    return folder / f"{version.council}-{version.folder}-{language}-{key}.json", key


def _keep(path: Path, stored: dict) -> None:
    """Write the file whole or not at all (another process may be reading
    it), and drop the oldest files; a folder that cannot be written is left."""
    written = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, suffix=".tmp",
                                         delete=False) as out:
            written = Path(out.name)
            out.write(json.dumps(stored, ensure_ascii=False))  # json.dump writes piece by piece, in Python
        os.replace(written, path)
        written = None
        kept = sorted(path.parent.glob("*.json"), key=lambda p: p.stat().st_mtime)
        for old in kept[:-_KEPT_PACKS]:
            old.unlink(missing_ok=True)
    except OSError:
        if written is not None:
            written.unlink(missing_ok=True)


def _plain(name: str) -> str:
    """A council's name as compared: "Ashfield District Council", "ashfield-district-council" alike."""
    return re.sub(r"[^0-9a-z]+", "-", re.sub(r"['’]", "", name.casefold())).strip("-")


def _names(slug: str, council) -> list[str]:
    """What a council is called: its slug, name and short name (a name the policy does not state aside)."""
    return [slug, *(n for n in (getattr(council, "name", None), getattr(council, "short_name", None))
                    if isinstance(n, str) and n.strip())]


def find_council(policy: Policy, given: str, language: str = "en") -> str:
    """The slug of the council `given` names: its slug, its name or its short name, ignoring case, spaces
    and punctuation ("ashfield", "Ashfield District Council", "ashfield-district-council"); a slug
    first, as it names one council. A name that is no council's, or more than one's, is refused, with
    the councils listed (in `language`, the run's)."""
    key = _plain(given)
    found = [slug for slug in sorted(policy.councils) if given == slug or key == _plain(slug)]
    if not found:
        found = [slug for slug, council in sorted(policy.councils.items())
                 if key and key in {_plain(n) for n in _names(slug, council)}]
    if len(found) == 1:
        return found[0]

    def listed(slugs) -> str:
        return ", ".join(f"{slug} ({name})" if isinstance(name := policy.councils[slug].name, str) and name.strip()
                         else slug for slug in slugs)

    from .messages import translator
    _ = translator(language)
    if found:
        raise InputError(_("council %(given)s could be any of %(listed)s: give its slug", given=repr(given),
                           listed=listed(found)))
    import difflib
    every = {_plain(n): slug for slug, council in policy.councils.items() for n in _names(slug, council)}
    hint = difflib.get_close_matches(key, sorted(every), n=1)
    said = {"given": repr(given), "known": listed(sorted(policy.councils))}
    raise InputError(_("no council %(given)s (did you mean %(hint)s?); known: %(known)s", **said,
                       hint=repr(every[hint[0]])) if hint else _("no council %(given)s; known: %(known)s", **said))


def version_label(checker: Checker, language: str = "en") -> str:
    from .messages import translator
    _ = translator(language)
    return checker.pack.get("version") or _("current")
