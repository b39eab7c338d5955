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

from .changes import Change, compare
from .errors import PolicyError, SourceProblem
from .load import Policy, load_policy
from .resolve import resolve
from .versions import Version, files_folder, materialise
from .yamlsource import display_path
from .wording import long_date


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
    # (version number, audience) -> page paths: every edition lists every version's pages
    _pages: dict = field(default_factory=dict)

    def pages(self, number: int, audience: str) -> list[str]:
        key = (number, audience)
        if key not in self._pages:
            view = resolve(self.policies[number], self.slug, audience)
            self._pages[key] = [_page_path(p) for p, _ in view.pages] + ["history/"]
        return self._pages[key]

    def in_force(self, day: dt.date) -> Version | None:
        return in_force(self.versions, day)

    def shown_on(self, day: dt.date) -> Version:
        return shown_on(self.versions, day)


def in_force(versions: list[Version], day: dt.date) -> Version | None:
    live = [v for v in versions if v.effective <= day]
    return live[-1] if live else None


def shown_on(versions: list[Version], day: dt.date) -> Version:
    """The version a council's own address shows on the day: the one in
    force, or the first, before any takes effect."""
    return in_force(versions, day) or versions[0]


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


def history_for(root: Path, slug: str, versions: list[Version], work: Path) -> History:
    policies = {v.number: load_version(root, v, work) for v in versions}
    changes = {v.number: compare(policies[v.number - 1], policies[v.number], slug)
               for v in versions if v.number > 1}
    return History(slug, versions, policies, changes)


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
    versions = []
    for v in history.versions:
        versions.append({
            "folder": v.folder, "number": v.number, "effective": v.effective.isoformat(),
            "published": v.published.isoformat(), "change": v.change, "note": v.note, "sample": v.sample,
            "effective_long": long_date(v.effective), "published_long": long_date(v.published),
            "pages": history.pages(v.number, audience),
            "changes": [c.__dict__ for c in history.changes.get(v.number, []) if staff or not c.staff_only],
        })
    return {
        "root": edition.folder == "",
        "this": edition.version.folder,
        "to_site_root": "" if edition.folder == "" else "../",
        "versions": versions,
    }
