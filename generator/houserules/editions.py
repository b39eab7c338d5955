"""Which editions of a council's sites a build makes, and what each page
needs to know about the others.

A council with published versions gets one edition per version, at
`<site>/v<N>/`, and at its own address the version in force on the day of
the build. Which version is current, superseded or upcoming for a reader is
decided again in their browser, by their date (assets/houserules.js): the
pages carry the dates, not the verdict. A council with no published version
gets one edition, made from the source as it is.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import PolicyError, SourceProblem
from .languages import text_in
from .load import Policy, load_policy
from .versions import Version, files_folder, in_order, materialise
from .versions import in_force as _in_force
from .yamlsource import display_path
from .wording import long_date

# What changed between versions (changes.py) and the pages of each (resolve.py)
# are for builds; `houserules check` needs only load_version and shown_on, and
# importing them was a twentieth of a check from cold
# (tests/benchmarks/bench_cli_start.py). They are imported where they are used.
if TYPE_CHECKING:
    from .changes import Change


@dataclass(frozen=True)
class Edition:
    folder: str             # "" for the council's own address, "v2" for version 2
    policy: Policy
    version: Version | None


@dataclass
class History:
    slug: str
    versions: list[Version]
    policies: dict[int, Policy]
    changes: dict[int, list[Change]]  # version number -> what changed from the one before
    # version number -> the number of the one its changes are told against: the
    # version before it in the order they take effect, or the one it corrects
    before: dict[int, int] = field(default_factory=dict)
    # (version number, audience) -> page paths: every edition lists every version's pages
    _pages: dict = field(default_factory=dict)
    # (old, new) -> what changed from one to the other, for "Compare versions"
    _between: dict = field(default_factory=dict)
    # the language its changes and dates are told in (changes.compare's:
    # None, every language the council publishes in, told in English)
    language: str | None = None
    # language -> the same history told in it (told_in): each told once a build
    _told: dict = field(default_factory=dict)

    def pages(self, number: int, audience: str) -> list[str]:
        key = (number, audience)
        if key not in self._pages:
            from .resolve import resolve
            view = resolve(self.policies[number], self.slug, audience)
            self._pages[key] = ([_page_path(p) for p, _ in view.pages] + ["history/"]
                                + (["compare/"] if len(self.versions) > 1 else []))
        return self._pages[key]

    def between(self, old: int, new: int) -> list[Change]:
        """What changed from version `old` to version `new`: any two, not only neighbours."""
        if self.before.get(new) == old:
            return self.changes[new]
        if (old, new) not in self._between:
            from .changes import compare
            self._between[old, new] = compare(self.policies[old], self.policies[new], self.slug, self.language)
        return self._between[old, new]

    def told_in(self, language: str) -> History:
        """The same versions, their changes told in `language`, as that
        language's site reads them (a bilingual council's second site)."""
        # A council in English alone is told in English without being asked.
        english_alone = self.language is None and self.policies[self.versions[-1].number].councils[
            self.slug].languages == ("en",)
        if language == self.language or (language == "en" and english_alone):
            return self
        if language not in self._told:
            self._told[language] = History(self.slug, self.versions, self.policies,
                                           _changes(self.policies, self.before, self.slug, language),
                                           self.before, self._pages, language=language)
        return self._told[language]

    def in_force(self, day: dt.date) -> Version | None:
        return in_force(self.versions, day)

    def shown_on(self, day: dt.date) -> Version:
        return shown_on(self.versions, day)


def in_force(versions: list[Version], day: dt.date) -> Version | None:
    """The one whose date came last, on or before the day; of two with the
    same date, the later published (a correction replaces the version it corrects)."""
    return _in_force(versions, day)


def shown_on(versions: list[Version], day: dt.date) -> Version:
    """The version a council's own address shows on the day: the one in
    force, or, before any takes effect, the first that will be."""
    shown = in_force(versions, day) or in_force(versions, in_order(versions)[0].effective)
    assert shown is not None  # the first version is in force on the day it takes effect
    return shown


def told_against(versions: list[Version]) -> dict[int, int]:
    """Each version's changes are told against the version before it in the
    order they take effect, so the history says what changed on its day; a
    correction's against the version it corrects, so it says what it fixed."""
    order = in_order(versions)
    return {v.number: v.corrects or before.number for before, v in zip(order, order[1:])}


def load_version(root: Path, version: Version, work: Path) -> Policy:
    """One published version, loaded from the files it was published with."""
    folder = materialise(root, version, work / version.council / version.folder)
    try:
        return load_policy(folder, prove=False)
    except PolicyError as exc:  # say where the version is kept, not where it was unpacked
        raise PolicyError([_in_published(p, root, version, folder) for p in exc.problems]) from None


def build_day() -> dt.date:
    """The day a build takes as today: HOUSERULES_TODAY (YYYY-MM-DD) when set, for
    builds that must be reproducible on another day."""
    given = os.environ.get("HOUSERULES_TODAY")
    return dt.date.fromisoformat(given) if given else dt.date.today()


def history_for(root: Path, slug: str, versions: list[Version], work: Path,
                language: str | None = None) -> History:
    """`language`: the site's, which the changes are told in (changes.compare)."""
    policies = {v.number: load_version(root, v, work) for v in versions}
    before = told_against(versions)
    return History(slug, versions, policies, _changes(policies, before, slug, language), before, language=language)


def _changes(policies: dict[int, Policy], before: dict[int, int], slug: str, language: str | None) -> dict:
    from .changes import compare
    return {number: compare(policies[was], policies[number], slug, language) for number, was in before.items()}


def _in_published(problem: SourceProblem, root: Path, version: Version, folder: Path) -> SourceProblem:
    """A problem in a published version (one that loaded when it was published,
    and no longer does), pointed at the stored file it comes from."""
    for source, digest in version.files.items():
        if problem.file == display_path(folder / source):
            return SourceProblem(display_path(files_folder(root) / f"{digest}.yaml"), problem.line, problem.field,
                                 f"(published {version.council} v{version.number}, {source}) {problem.message}")
    return SourceProblem(problem.file, problem.line, problem.field,
                         f"(published {version.council} v{version.number}) {problem.message}")


def editions(history: History | None, source: Policy, day: dt.date) -> list[Edition]:
    if not history or not history.versions:
        return [Edition("", source, None)]
    shown = history.shown_on(day)
    return [Edition("", history.policies[shown.number], shown),
            *(Edition(v.folder, history.policies[v.number], v) for v in history.versions)]


def _page_path(page: str) -> str:
    return "" if page == "index" else f"{page}/"


def context(history: History | None, edition: Edition, audience: str) -> dict | None:
    """What the templates and the page script need to place this edition among the others."""
    if not history or edition.version is None:
        return None
    staff = audience == "staff"
    language = history.language or "en"
    order = in_order(history.versions)
    versions = []
    for v in history.versions:
        at = order.index(v)
        after = order[at + 1] if at + 1 < len(order) else None
        versions.append({
            "folder": v.folder, "number": v.number, "effective": v.effective.isoformat(),
            "published": v.published.isoformat(), "change": v.change, "note": text_in(v.note, language),
            "sample": v.sample,
            "effective_long": long_date(v.effective, language=language),
            "published_long": long_date(v.published, language=language),
            "pages": history.pages(v.number, audience),
            "changes": [c.__dict__ for c in history.changes.get(v.number, []) if staff or not c.staff_only],
            # Where it stands among the others: the order they take effect in, the
            # version it corrects, the one its changes are told against, and the
            # one that replaces it from its first day (then it is never in force).
            "order": at, "corrects": v.corrects, "before": history.before.get(v.number),
            "replaced_by": after.number if after and after.effective == v.effective else None,
        })
    # Every two versions, the earlier (in the order they take effect) first,
    # with what changed from one to the other: "Compare versions".
    pairs = [{"old": x.number, "new": y.number, "id": f"{x.folder}-{y.folder}",
              "changes": [c.__dict__ for c in history.between(x.number, y.number) if staff or not c.staff_only]}
             for i, x in enumerate(order) for y in order[i + 1:]]
    return {
        "root": edition.folder == "",
        "this": edition.version.folder,
        "to_site_root": "" if edition.folder == "" else "../",
        "versions": versions,
        "pairs": pairs,
    }
