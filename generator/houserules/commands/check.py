"""`houserules check`: one comment, or a moderator's export of many."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict, deque
from pathlib import Path
from typing import Iterator

from houserules_checker import BREAKS, MAY_BREAK, NEEDS_PERSON, Checker
from houserules_checker.findings import next_steps
from houserules_checker.record import make_record

from ..editions import build_day, load_version, shown_on
from ..errors import UsageError
from ..load import Policy
from ..rulepack import build_rulepack
from ..versions import load_versions

LABEL = {BREAKS: "BREAKS", MAY_BREAK: "MAY BREAK", NEEDS_PERSON: "NEEDS A PERSON"}
EARLIER_KEPT = 20  # an author's earlier comments compared for repetition


class InputError(UsageError):
    """A problem with the comments given to check (not with the policy)."""


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


def parse_date(value: str | None, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(f"{where}: date {value!r} is not a date written YYYY-MM-DD") from None


# ------------------------------------------------------------------ one comment

def report(result, checker: Checker, text: str, show_passes: bool = False, policy: str | None = None) -> str:
    council = checker.pack["council"]["name"]
    lines = [f"Checked against {council}'s house rules ({policy or 'policy: ' + version_label(checker)})."]
    flagged = [f for f in result.findings if f.verdict in (BREAKS, MAY_BREAK)]
    if not flagged:
        lines.append("Nothing found. This is not a promise: a person may still judge the comment differently.")
    for finding in flagged:
        lines.append("")
        lines.append(f"{LABEL[finding.verdict]}  {finding.rule}: {finding.wording}")
        for match, why in zip(finding.matches, finding.why):
            lines.append(f"    \"{match.text}\" (characters {match.start}-{match.end}): {why}")
    steps, ladder = next_steps(checker.pack, [f for f in flagged if f.verdict == BREAKS])
    if steps:  # numbered only when it is one process, followed in order
        lines.append("")
        lines.append("What the council does when a rule is broken:")
        lines.extend(f"    {f'{n}.' if ladder else '-'} {step}" for n, step in enumerate(steps, 1))
    people = [f for f in result.findings if f.verdict == NEEDS_PERSON]
    if people:
        lines.append("")
        lines.append("NEEDS A PERSON (no program can judge these):")
        lines.extend(f"    {f.rule}: {f.wording}" for f in people)
    passes = [f for f in result.findings if f.verdict not in (BREAKS, MAY_BREAK, NEEDS_PERSON)]
    lines.append("")
    lines.append(f"Passes {len(passes)} rule{'s' if len(passes) != 1 else ''}"
                 + (": " + ", ".join(f.rule for f in passes) if show_passes and passes else "."))
    return "\n".join(lines)


def exit_code(results) -> int:
    """0 nothing broken; 1 a rule is broken (like a linter); errors are 2."""
    return 1 if any(f.verdict == BREAKS for r in results for f in r.findings) else 0


# ------------------------------------------------------------------ batches

def read_rows(path: str) -> Iterator[dict]:
    stream, name = _open_in(path)
    with stream:
        if name.endswith(".csv"):
            reader = csv.DictReader(stream)
            if reader.fieldnames is None or "text" not in reader.fieldnames:
                raise InputError(f"{name}: no 'text' column (columns: {', '.join(reader.fieldnames or []) or 'none'})")
            for n, row in enumerate(reader, 2):
                yield n, {k: v for k, v in row.items() if k is not None}
        else:
            for n, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{name}:{n}: not valid JSON: {exc.msg}") from None
                if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                    raise InputError(f"{name}:{n}: each line needs a 'text' field holding the comment")
                yield n, row


def _open_in(path: str):
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace"), "<stdin>.jsonl"
    try:
        return open(path, encoding="utf-8-sig", errors="replace", newline=""), path
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None


def _earlier(row: dict, history: dict, name: str, n: int) -> list[str]:
    given = row.get("earlier")
    if isinstance(given, list):
        return [str(e) for e in given]
    if isinstance(given, str) and given.strip():
        try:
            parsed = json.loads(given)
        except json.JSONDecodeError:
            return [given]
        if isinstance(parsed, list):
            return [str(e) for e in parsed]
        raise InputError(f"{name}:{n}: 'earlier' must be a list of comments")
    # No column: the author's earlier comments in this same export.
    author = row.get("handle") or row.get("author")
    return list(history[author]) if author else []


def check_batch(checkers: Checkers, input_path: str, output_path: str, record_path: str | None,
                date: dt.date | None, progress=None) -> int:
    """Each row is checked against the version in force on its own date (or
    on --date, or today), so an export that spans a change of policy is
    judged by the rules each comment was posted under."""
    progress = progress or sys.stderr
    for path in filter(None, (output_path, record_path)):
        if not (path == "-" or path.endswith((".csv", ".jsonl", ".json", ".ndjson"))):
            raise InputError(f"{path}: write .csv or .jsonl (or - for standard output)")
    rows_out, records = [], []
    counts: dict[str, Counter] = defaultdict(Counter)
    per_version: Counter = Counter()  # comments checked against each version
    history: dict[str, deque] = defaultdict(lambda: deque(maxlen=EARLIER_KEPT))
    started, last, total, broken = time.monotonic(), time.monotonic(), 0, False
    name = "<stdin>" if input_path == "-" else input_path
    for n, row in read_rows(input_path):
        text = row["text"] if isinstance(row["text"], str) else str(row["text"])
        day = date or parse_date(row.get("date"), f"{name}:{n}") or build_day()
        checker = checkers.on(day)
        result = checker.check(text, reply_to=row.get("reply_to") or None, earlier=_earlier(row, history, name, n),
                               date=day)
        author = row.get("handle") or row.get("author")
        if author:
            history[author].append(text)
        flagged = [f for f in result.findings if f.verdict in (BREAKS, MAY_BREAK)]
        per_version[checker.pack["version"]] += 1
        for f in flagged:
            counts[f.rule][f.verdict] += 1
        broken |= any(f.verdict == BREAKS for f in flagged)
        rows_out.append({**row, "findings": [
            {"rule": f.rule, "verdict": f.verdict, "wording": f.wording,
             "matches": [m.to_dict() for m in f.matches], "why": "; ".join(f.why)} for f in flagged]})
        if any(f.verdict == BREAKS for f in flagged):
            records.append(make_record(checker.pack, row, text, flagged))
        total += 1
        if time.monotonic() - last >= 1.0:
            last = time.monotonic()
            print(f"checked {total:,} comments ({total / (last - started):,.0f}/s)", file=progress, flush=True)
    write_rows(output_path, rows_out)
    if record_path:
        write_rows(record_path, records)
    print(summary(checkers.used, per_version, counts, total, time.monotonic() - started), file=progress)
    return 1 if broken else 0


def write_rows(path: str, rows: list[dict]) -> None:
    if path.endswith(".csv"):
        columns = list(dict.fromkeys(k for row in rows for k in row))
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                             for k, v in row.items()})
        text = buffer.getvalue()
    elif path == "-" or path.endswith((".jsonl", ".json", ".ndjson")):
        text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    else:
        raise InputError(f"{path}: write .csv or .jsonl (or - for standard output)")
    if path == "-":
        sys.stdout.write(text)
    else:
        Path(path).write_text(text, encoding="utf-8")


def summary(checkers: list[Checker], per_version: Counter, counts, total: int, seconds: float) -> str:
    council = checkers[0].pack["council"]["name"] if checkers else "the council"
    against = ", ".join(f"{version_label(c)} for {per_version[c.pack['version']]:,}" for c in checkers)
    lines = [f"{total:,} comments checked in {seconds:.1f} s against {council}'s rules"
             + (f" (policy {against})." if against else "."),
             f"{'rule':<24} {'breaks':>8} {'may break':>10}"]
    # Every rule of every version used, in council order (a newer version's new rules after).
    rules = {rule["id"]: rule for c in checkers for rule in c.pack["rules"] if rule["check"]["kind"] != "human"}
    for rule_id in rules:
        c = counts.get(rule_id, Counter())
        lines.append(f"{rule_id:<24} {c[BREAKS]:>8,} {c[MAY_BREAK]:>10,}")
    return "\n".join(lines)


def version_label(checker: Checker) -> str:
    return checker.pack.get("version") or "current"
