"""`houserules check`: one comment, as the command line gives it. A
moderator's export of many is checked by houserules.batch."""

from __future__ import annotations

import datetime as dt
import re
import sys

from houserules_checker import BREAKS, MAY_BREAK, NEEDS_PERSON, Checker, CheckError
from houserules_checker.engine import MAX_CHARS
from houserules_checker.findings import next_steps

from ..checkable import comment_problem, surrogate_problem
from ..checkers import version_label
from ..errors import InputError

from ..messages import translator
from ..wording import _

LABEL = {BREAKS: _("BREAKS"), MAY_BREAK: _("MAY BREAK"), NEEDS_PERSON: _("NEEDS A PERSON")}
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # fromisoformat alone also takes 20270601 and 2027-W22-2


def parse_date(value: str | None, where: str, language: str = "en") -> dt.date | None:
    """A day given on the command line (--date, --effective): the whole of it YYYY-MM-DD, spaces around it
    aside; else an error in `language`, the run's."""
    if not value:
        return None
    text = value.strip()
    if _DAY.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    _ = translator(language)
    raise InputError(f"{where}: " + _("date %(value)s is not a date written YYYY-MM-DD", value=repr(value)))


def report(result, checker: Checker, text: str, show_passes: bool = False, policy: str | None = None) -> str:
    _ = translator(getattr(checker, "language", "en"))
    council = checker.pack["council"]["name"]
    lines = [_("Checked against %(council)s's house rules (%(policy)s).", council=council,
               policy=policy or "policy: " + version_label(checker))]
    flagged = [f for f in result.findings if f.verdict in (BREAKS, MAY_BREAK)]
    if not flagged:
        lines.append(_("Nothing found. This is not a promise: a person may still judge the comment differently."))
    for finding in flagged:
        lines.append("")
        lines.append(f"{_(LABEL[finding.verdict])}  {finding.rule}: {finding.wording}")
        for match, why in zip(finding.matches, finding.why):
            lines.append("    " + _('"%(text)s" (characters %(start)s-%(end)s): %(why)s', text=match.text,
                                    start=match.start, end=match.end, why=why))
    steps, ladder = next_steps(checker.pack, [f for f in flagged if f.verdict == BREAKS])
    if steps:  # numbered only when it is one process, followed in order
        lines.append("")
        lines.append(_("What the council does when a rule is broken:"))
        lines.extend(f"    {f'{n}.' if ladder else '-'} {step}" for n, step in enumerate(steps, 1))
    people = [f for f in result.findings if f.verdict == NEEDS_PERSON]
    if people:
        lines.append("")
        lines.append(_("NEEDS A PERSON (no program can judge these):"))
        lines.extend(f"    {f.rule}: {f.wording}" for f in people)
    passes = [f for f in result.findings if f.verdict not in (BREAKS, MAY_BREAK, NEEDS_PERSON)]
    lines.append("")
    said = _("Passes %(n)s rule.", n=len(passes)) if len(passes) == 1 else _("Passes %(n)s rules.", n=len(passes))
    if show_passes and passes:
        said = said[:-1] + ": " + ", ".join(f.rule for f in passes)
    lines.append(said)
    return "\n".join(lines)


def exit_code(results) -> int:
    """0 nothing broken; 1 a rule is broken (like a linter); errors are 2."""
    return 1 if any(f.verdict == BREAKS for r in results for f in r.findings) else 0


def read_stdin(language: str = "en") -> str:
    """One comment from standard input: UTF-8 (a byte-order mark is dropped), read no further than the
    checker's limit, so a huge or binary stream is an error (in `language`) rather than a traceback."""
    _ = translator(language)
    if sys.stdin is None:
        raise InputError(_("no comment given, and there is no standard input to read one from"))
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        return sys.stdin.read(MAX_CHARS + 1)
    data = buffer.read(MAX_CHARS * 4 + 1)  # at most 4 bytes a character: more is over the limit
    if len(data) > MAX_CHARS * 4:
        raise InputError(_("standard input is longer than the checker's limit of %(limit)s characters",
                           limit=f"{MAX_CHARS:,}"))
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise InputError(_("standard input is not UTF-8: byte 0x%(byte)s at byte %(at)s",
                           byte=f"{data[exc.start]:02X}", at=f"{exc.start + 1:,}")) from None


def check_one(checker: Checker, text: str, *, reply_to: str | None, earlier, day: dt.date):
    """One comment, checked; what cannot be checked is an InputError (exit code 2), in the checker's language."""
    language = getattr(checker, "language", "en")
    problem = comment_problem(text, language=language) or next(
        (bad for value, what in ((reply_to or "", "--reply-to"), *((e, "--earlier") for e in earlier))
         if (bad := surrogate_problem(value, what, language))), None)
    if problem:
        raise InputError(problem)
    try:
        return checker.check(text, reply_to=reply_to, earlier=earlier, date=day)
    except CheckError as exc:
        raise InputError(str(exc)) from None
