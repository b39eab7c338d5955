"""A council's checker for a given day: the rules of the published version in
force that day, as its sites show them, or its source (--source)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from houserules_checker import Checker

from .editions import load_version, shown_on
from .errors import InputError
from .load import Policy
from .rulepack import build_rulepack
from .versions import load_versions


class Checkers:
    """A council's checker for a given day: the published version in force
    that day, which is what its sites show (its first version, before any
    takes effect); or its source, when it has published none or when the
    source is asked for (--source, to try an edit before publishing it)."""

    def __init__(self, root: Path, policy: Policy, council: str, *, source: bool = False):
        if council not in policy.councils:
            import difflib
            hint = difflib.get_close_matches(council, sorted(policy.councils), n=1)
            raise InputError(f"no council {council!r}" + (f" (did you mean {hint[0]!r}?)" if hint else "")
                             + f"; known: {', '.join(sorted(policy.councils))}")
        self.council, self._root = council, root
        self.recipe = root, council, source  # how a worker process makes its own, where it cannot inherit this one
        published = load_versions(root).get(council, [])
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


def version_label(checker: Checker) -> str:
    return checker.pack.get("version") or "current"
