"""A council's checker for a given day: the rules of the published version in
force that day, as its sites show them, or its source (--source)."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

from houserules_checker import Checker

from .editions import load_version, shown_on
from .errors import InputError
from .load import Policy, load_policy
from .rulepack import build_rulepack
from .versions import load_versions


class Checkers:
    """A council's checker for a given day: the published version in force
    that day, which is what its sites show (its first version, before any
    takes effect); or its source, when it has published none or when the
    source is asked for (--source, to try an edit before publishing it)."""

    def __init__(self, root: Path, policy: Policy | None, council: str, *, source: bool = False):
        """`policy` is the source loaded from `root`, or None to load it only if it is needed: with
        --source, for a council with nothing published, or to find a council given by its name. A check
        against a published version then reads that version alone (tests/benchmarks/bench_cli_start.py:
        loading the whole source was a fifth of a check from cold)."""
        everything = load_versions(root)
        if policy is None and (source or not everything.get(council)):
            policy = load_policy(root, prove=False)
        council = find_council(policy, council) if policy is not None else council
        self.council, self._root = council, root
        self.recipe = root, council, source  # how a worker process makes its own, where it cannot inherit this one
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
            else:  # loaded when first needed: most runs need one version
                with tempfile.TemporaryDirectory() as work:
                    policy = load_version(self._root, version, Path(work))
            checker = self._made[label] = Checker(build_rulepack(policy, self.council, label))
        return checker

    @property
    def used(self) -> list[Checker]:
        return list(self._made.values())

    def describe(self, day: dt.date) -> str:
        """Which policy a check on the day is made against, as a report says it."""
        checker = self.on(day)
        if self._versions:
            return f"policy {checker.pack['version']}, in force on {day.isoformat()}"
        return f"policy: {version_label(checker)}"


def _plain(name: str) -> str:
    """A council's name as compared: "Ashfield District Council", "ashfield-district-council" alike."""
    return re.sub(r"[^0-9a-z]+", "-", re.sub(r"['’]", "", name.casefold())).strip("-")


def _names(slug: str, council) -> list[str]:
    """What a council is called: its slug, name and short name (a name the policy does not state aside)."""
    return [slug, *(n for n in (getattr(council, "name", None), getattr(council, "short_name", None))
                    if isinstance(n, str) and n.strip())]


def find_council(policy: Policy, given: str) -> str:
    """The slug of the council `given` names: its slug, its name or its short name, ignoring case, spaces
    and punctuation ("ashfield", "Ashfield District Council", "ashfield-district-council"); a slug
    first, as it names one council. A name that is no council's, or more than one's, is refused, with
    the councils listed."""
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

    if found:
        raise InputError(f"council {given!r} could be any of {listed(found)}: give its slug")
    import difflib
    every = {_plain(n): slug for slug, council in policy.councils.items() for n in _names(slug, council)}
    hint = difflib.get_close_matches(key, sorted(every), n=1)
    raise InputError(f"no council {given!r}" + (f" (did you mean {every[hint[0]]!r}?)" if hint else "")
                     + f"; known: {listed(sorted(policy.councils))}")


def version_label(checker: Checker) -> str:
    return checker.pack.get("version") or "current"
