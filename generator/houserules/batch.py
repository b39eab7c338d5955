"""Checking a moderator's export: `houserules check --input`.

A batch streams: rows are read, checked and written one at a time (in
chunks handed to worker processes, a few at a time, in order), so memory
stays flat whatever the size of the export. The output goes to a temporary
file in its own folder and is renamed into place only when it is complete:
a file already there survives any failure, Ctrl+C or kill. A row that cannot
be read or checked is written with an `error` saying why, and the run goes on.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter, OrderedDict, defaultdict, deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from houserules_checker import BREAKS, MAY_BREAK, Checker, CheckError
from houserules_checker.record import make_record

from .checkable import comment_problem, surrogate_problem
from .checkers import Checkers, version_label
from .editions import build_day
from .errors import HouserulesError, InputError, Interrupted
from .export_columns import describe_columns, missing_columns
from .export_read import RowProblem, Source, earlier_given, row_day, short
from .export_write import Encoder, RecordsOut, RowsOut, findings_json, readable_cells
from .messages import translator

CHUNK_ROWS, CHUNK_CHARS = 256, 2**20  # rows (and bytes, about) handed to a worker process at once
ERRORS_SHOWN = 10  # row errors repeated on stderr; every one is in the output
EARLIER_KEPT = 20  # an author's earlier comments compared for repetition
HISTORY_AUTHORS, HISTORY_CHARS = 100_000, 20_000_000  # what is kept of an export for the repetition rule


class _History:
    """The latest comments of each author in the export (for the repetition
    rule), for the authors seen most recently: bounded in authors and characters."""

    def __init__(self):
        self._kept: OrderedDict[str, tuple[tuple, int]] = OrderedDict()
        self._chars = 0

    def earlier(self, author: str) -> tuple:
        kept = self._kept.get(author)
        return kept[0] if kept else ()

    def add(self, author: str, text: str) -> None:
        texts, chars = self._kept.pop(author, ((), 0))
        texts = (*texts, text)[-EARLIER_KEPT:]
        self._chars -= chars
        chars = sum(map(len, texts))
        self._kept[author] = texts, chars
        self._chars += chars
        while self._kept and (len(self._kept) > HISTORY_AUTHORS or self._chars > HISTORY_CHARS):
            self._chars -= self._kept.popitem(last=False)[1][1]


# ------------------------------------------------------------------ checking

_WORKER: dict = {}


def _worker_start(checkers, rows: Encoder | None, records: Encoder | None, parent: int) -> None:
    """A worker process: Ctrl+C is the main process's to handle; it stops when the main process is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if isinstance(checkers, tuple):  # not inherited (no fork on this system): made again
        from .load import load_policy
        root, council, source, language = checkers
        checkers = Checkers(root, load_policy(root, prove=False), council, source=source, language=language)
    _WORKER.update(checkers=checkers, rows=rows, records=records)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _check_chunk(rows: list[tuple[object, object] | None], checkers: Checkers | None = None,
                 encoders: tuple | None = None) -> list:
    """Checks a chunk of (payload, echo) (None: a row in error, written by the main process)."""
    checkers = checkers or _WORKER["checkers"]
    encode_row, encode_record = encoders or (_WORKER["rows"], _WORKER["records"])
    return [None if row is None else _check_row(checkers, *row, encode_row, encode_record) for row in rows]


def _check_row(checkers: Checkers, payload, echo, rows: Encoder | None, records: Encoder | None):
    """(findings as JSON, findings as a CSV output's readable columns, the row written or None,
    (rule, verdict) of each finding, the record written (True: a rule is broken, no record asked
    for; None: none is), policy version, error or None)."""
    text, reply_to, earlier, day, who = payload
    try:
        checker = checkers.on(day)
        result = checker.check(text, reply_to=reply_to, earlier=earlier, date=day)
        flagged = [f for f in result.findings if f.verdict in (BREAKS, MAY_BREAK)]
        findings = findings_json(flagged) if flagged else "[]"
        cells = readable_cells(flagged)
        record = None
        if flagged and any(f.verdict == BREAKS for f in flagged):
            record = True
            if records is not None:
                author, handle, platform, date = who
                record = records.record(make_record(checker.pack, {"author": author, "handle": handle,
                                                                   "platform": platform, "date": date},
                                                    text, flagged, checker.language))
        counts = tuple((f.rule, f.verdict) for f in flagged)
        version = checker.pack["version"]
    except CheckError as exc:
        return None, None, None, (), None, None, str(exc)
    except Interrupted:  # a kill while checking in this process stops the run
        raise
    except Exception as exc:  # a bug in a detector must not stop the run: the row says so
        _ = translator(checkers.language)
        return None, None, None, (), None, None, _("could not be checked (%(error)s)",
                                                    error=f"{type(exc).__name__}: {short(exc, 200)}")
    data = None
    if rows is not None:
        try:
            data = rows.row(echo, findings, None, cells)
        except (ValueError, RecursionError, UnicodeError, TypeError):
            pass  # the main process writes it, and says what is wrong
    return findings, cells, data, counts, record, version, None


def _items(source: Source, checkers: Checkers, date: dt.date | None, today: dt.date, columns_found=None):
    """(line, echo, error, payload): each row, with what a worker needs to check it. `columns_found`
    is told the columns of JSON Lines, once, when the first row's are known."""
    history, last_day = _History(), None
    language = checkers.language
    _ = translator(language)
    for line, echo, problem in source.rows():
        if problem is not None:
            yield line, echo, problem, None
            continue
        try:
            columns, fields = source.fields_of(echo)
            if columns_found is not None and source.fields:
                columns_found(line)
                columns_found = None
            text = fields["text"]
            if problem := comment_problem(text, language=language):
                raise RowProblem(problem)
            day = date or (row_day(fields["date"], columns["date"], language) if fields.get("date") else None) or today
            if day != last_day:  # the version in force that day is made here too: the summary names it
                checkers.on(day)
                last_day = day
            author = fields.get("handle") or fields.get("author")
            earlier = earlier_given(fields.get("earlier"), columns.get("earlier", "earlier"), language)
            if earlier is None:
                earlier = history.earlier(author) if author else ()
            reply_to = fields.get("reply_to") or None
            if reply_to and (bad := surrogate_problem(reply_to, repr(columns["reply_to"]), language)):
                raise RowProblem(bad)
            if author:
                history.add(author, text)
            who = fields.get("author"), fields.get("handle"), fields.get("platform"), fields.get("date")
        except RowProblem as exc:
            yield line, echo, str(exc), None
            continue
        except (HouserulesError, KeyboardInterrupt):
            raise
        except Exception as exc:
            yield line, echo, _("could not be read (%(error)s)", error=f"{type(exc).__name__}: {short(exc, 200)}"), None
            continue
        yield line, echo, None, (text, reply_to, earlier, day, who)


def _chunks(items, source: Source):
    """Rows in chunks for the workers, bounded in rows and in size (what was
    read for them, and the earlier comments each carries), so memory stays flat."""
    chunk, size, read = [], 0, source.position
    for item in items:
        chunk.append(item)
        size += source.position - read
        read = source.position
        if item[3] is not None and item[3][2]:
            size += sum(map(len, item[3][2]))
        if len(chunk) >= CHUNK_ROWS or size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


class _Tally:
    def __init__(self):
        self.checked = self.rows = self.errors = 0
        self.broken = False
        self.counts: dict[str, Counter] = defaultdict(Counter)
        self.per_version: Counter = Counter()
        self.shown: list[str] = []


class _Progress:
    """Rows done, rows a second and, when the input's size is known, the time
    left: on stderr, a few times a second at most."""

    def __init__(self, stream, source: Source, started: float, language: str = "en"):
        self.language = language
        try:
            self.tty = stream.isatty()
        except (AttributeError, ValueError):
            self.tty = False
        self.stream, self.source, self.started = stream, source, started
        self.every = 0.25 if self.tty else 1.0
        self.next = started + self.every
        self.shown = False

    def update(self, rows: int) -> None:
        now = time.monotonic()
        if now < self.next:
            return
        self.next = now + self.every
        elapsed = now - self.started
        _, done = translator(self.language), self.source.fraction()
        said = {"n": f"{rows:,}", "rate": f"{rows / elapsed:,.0f}"}
        if done is None:
            message = _("checked %(n)s comments (%(rate)s/s)", **said)
        elif done > 0:
            message = _("checked %(n)s comments (%(rate)s/s), %(done)s of the input, about %(left)s left", **said,
                        done=f"{done:.0%}", left=_duration(elapsed * (1 - done) / done, self.language))
        else:
            message = _("checked %(n)s comments (%(rate)s/s), %(done)s of the input", **said, done=f"{done:.0%}")
        self.stream.write(f"\r{message}\033[K" if self.tty else message + "\n")
        self.stream.flush()
        self.shown = True

    def done(self) -> None:
        if self.tty and self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _duration(seconds: float, language: str = "en") -> str:
    _ = translator(language)
    seconds = round(seconds)
    if seconds < 60:
        return _("%(s)s s", s=seconds)
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return _("%(min)s min %(s)s s", min=minutes, s=f"{seconds:02d}")
    hours, minutes = divmod(minutes, 60)
    return _("%(h)s h %(min)s min", h=hours, min=f"{minutes:02d}")


@contextlib.contextmanager
def _stop_on_signals(language: str = "en"):
    """A kill (SIGTERM, SIGHUP) stops the run as Ctrl+C does: the temporary files go, the old output stays."""
    _ = translator(language)

    def stop(signum, frame):
        raise Interrupted(_("stopped by %(signal)s", signal=signal.Signals(signum).name), 128 + signum)

    old = {}
    if threading.current_thread() is threading.main_thread():
        for name in ("SIGTERM", "SIGHUP"):
            if hasattr(signal, name):
                old[name] = signal.signal(getattr(signal, name), stop)
    try:
        yield
    finally:
        for name, handler in old.items():
            signal.signal(getattr(signal, name), handler)


def default_jobs() -> int:
    count = getattr(os, "process_cpu_count", os.cpu_count)()
    return max(1, count or 1)


def check_batch(checkers: Checkers, input_path: str, output_path: str, record_path: str | None,
                date: dt.date | None, progress=None, jobs: int | None = None,
                columns: dict[str, str] | None = None, sheet: str | None = None) -> int:
    """Each row is checked against the version in force on its own date (or
    on --date, or today), so an export that spans a change of policy is
    judged by the rules each comment was posted under. `columns` names the
    column of a field ({"text": "Body"}: --text-column); `sheet`, a
    workbook's sheet (default: its first). Which columns are read is said on
    stderr, and what the record needs and the export does not have, once.
    Exit code: 2 when a row could not be read or checked (its `error` says
    why), else 1 when a rule is broken, else 0."""
    progress = progress or sys.stderr
    jobs = jobs or default_jobs()
    language = checkers.language
    _ = translator(language)
    for path in filter(None, (output_path, record_path)):
        if not (path == "-" or path.lower().endswith((".csv", ".jsonl", ".json", ".ndjson"))):
            raise InputError(_("%(path)s: write .csv or .jsonl (or - for standard output)", path=path))
    if output_path == "-" and record_path == "-":
        raise InputError(_("--output and --record cannot both go to standard output"))
    if record_path and output_path != "-" and os.path.abspath(record_path) == os.path.abspath(output_path):
        raise InputError(_("--output and --record must be different files"))
    started = time.monotonic()
    tally = _Tally()
    try:
        with contextlib.ExitStack() as stack:
            stack.enter_context(_stop_on_signals(language))
            source = stack.enter_context(Source(input_path, columns, sheet, language))
            out = stack.enter_context(RowsOut(output_path, source, language))
            records = stack.enter_context(RecordsOut(record_path, language)) if record_path else None
            meter = _Progress(progress, source, started, language)

            def columns_found(line: int | None) -> None:
                """Which columns are read, and what the export lacks for the checks and the record: said
                once (of JSON Lines, as its first row `line` has them)."""
                where = f"{source.name}: " if source.tabular else f"{source.name}:{line}: "
                sheet = _("sheet %(sheet)s", sheet=repr(source.sheet)) + ": " if source.kind == "xlsx" else ""
                print(where + sheet + describe_columns(source.fields, language), file=progress)
                for warning in missing_columns(source.fields, "column" if source.tabular else "field",
                                               date_given=date is not None, record=records is not None,
                                               language=language):
                    print(_("warning: %(warning)s", warning=where + warning), file=progress)
                progress.flush()

            if source.tabular:
                columns_found(None)

            def emit(chunk, results) -> None:
                write = out.sink.file.write
                for (line, echo, problem, _payload), result in zip(chunk, results):
                    findings = cells = data = None
                    if problem is None:
                        findings, cells, data, flagged, record, version, problem = result
                    if problem is None:
                        tally.checked += 1
                        tally.per_version[version] += 1
                        for rule, verdict in flagged:
                            tally.counts[rule][verdict] += 1
                        if record is not None:
                            tally.broken = True
                            if records:
                                records.write(record)
                    if data is not None:
                        write(data)
                    else:
                        problem = out.write(line, echo, findings, problem, cells, source.unit)
                    tally.rows += 1
                    if problem:
                        tally.errors += 1
                        if len(tally.shown) < ERRORS_SHOWN:
                            tally.shown.append(f"{source.name}:{line}: {problem}")
                if output_path == "-":  # standard output streams: each chunk as it is done
                    out.sink.file.flush()
                meter.update(tally.rows)

            chunks = _chunks(_items(source, checkers, date, build_day(), None if source.tabular else columns_found),
                             source)
            first = [c for c in (next(chunks, None), next(chunks, None)) if c is not None]
            if jobs <= 1 or len(first) < 2:  # one chunk (a small export) is checked here, without workers
                encoders = out.encoder, records.encoder if records else None
                for chunk in _chain(first, chunks):
                    emit(chunk, _check_chunk(_work(chunk), checkers, encoders))
            else:
                # A forked worker flushes the standard streams it inherits when it ends: they must be empty.
                for stream in (out.sink.file, sys.stdout, sys.stderr, progress):
                    with contextlib.suppress(Exception):
                        stream.flush()
                pool = _pool(jobs, checkers, out.encoder, records.encoder if records else None)
                stack.callback(pool.shutdown, wait=True, cancel_futures=True)
                pending: deque = deque()
                try:
                    for chunk in _chain(first, chunks):
                        pending.append((chunk, pool.submit(_check_chunk, _work(chunk))))
                        while len(pending) > 2 * jobs:
                            chunk, future = pending.popleft()
                            emit(chunk, future.result())
                    while pending:
                        chunk, future = pending.popleft()
                        emit(chunk, future.result())
                except BrokenProcessPool:
                    raise HouserulesError(_("a checking process stopped unexpectedly (out of memory, or killed): "
                                            "%(left)s", left=_left_as_it_was(output_path, language))) from None
            out.commit()
            if records:
                records.commit()
            meter.done()
    except KeyboardInterrupt:
        raise Interrupted(_("interrupted: %(left)s", left=_left_as_it_was(output_path, language))) from None
    except Interrupted as exc:
        raise Interrupted(f"{exc}: {_left_as_it_was(output_path, language)}", exc.exit_code) from None
    except OSError as exc:  # a full disk, a closed pipe, a read that failed
        why = f"{exc.strerror or exc}" + (f" ({exc.filename})" if exc.filename else "")
        raise InputError(_("cannot go on: %(why)s; %(left)s", why=why,
                           left=_left_as_it_was(output_path, language))) from None
    print(summary(checkers.used, tally.per_version, tally.counts, tally.checked, time.monotonic() - started,
                  language), file=progress)
    if tally.errors:
        n = f"{tally.errors:,}"
        print(_("%(n)s row could not be checked; the 'error' column of each says why:", n=n) if tally.errors == 1
              else _("%(n)s rows could not be checked; the 'error' column of each says why:", n=n), file=progress)
        for shown in tally.shown:
            print(f"  {shown}", file=progress)
        if tally.errors > len(tally.shown):
            print("  " + _("… and %(n)s more", n=f"{tally.errors - len(tally.shown):,}"), file=progress)
        return 2
    return 1 if tally.broken else 0


def _left_as_it_was(output_path: str, language: str = "en") -> str:
    _ = translator(language)
    if output_path == "-":
        return _("the output stops part way")
    return _("nothing was written (%(path)s is as it was)", path=output_path)


def _chain(first, rest):
    yield from first
    yield from rest


def _work(chunk: list) -> list:
    """What a worker is given of a chunk: each row's payload and columns (None: a row in error)."""
    return [None if item[3] is None else (item[3], item[1]) for item in chunk]


def _pool(jobs: int, checkers: Checkers, rows: Encoder | None, records: Encoder | None) -> ProcessPoolExecutor:
    """Worker processes that check chunks of rows. Forked where the system can
    (each inherits the checkers already made); otherwise each makes its own."""
    if "fork" in multiprocessing.get_all_start_methods():
        context, given = multiprocessing.get_context("fork"), checkers
    else:
        context, given = multiprocessing.get_context(), checkers.recipe
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_worker_start,
                               initargs=(given, rows, records, os.getpid()))


def summary(checkers: list[Checker], per_version: Counter, counts, total: int, seconds: float,
            language: str = "en") -> str:
    _ = translator(language)
    council = checkers[0].pack["council"]["name"] if checkers else None
    rules = _("%(council)s's rules", council=council) if council else _("the council's rules")
    said = {"n": f"{total:,}", "seconds": f"{seconds:.1f}", "rules": rules}
    head = _("%(n)s comment checked in %(seconds)s s against %(rules)s", **said) if total == 1 \
        else _("%(n)s comments checked in %(seconds)s s against %(rules)s", **said)
    against = ", ".join(_("%(version)s for %(n)s", version=version_label(c, language),
                          n=f"{per_version[c.pack['version']]:,}") for c in checkers)
    heads = _("rule"), _("breaks"), _("may break")
    # A column as wide as its head in the language, or as the English (in which numbers line up under it).
    wide = max(8, len(heads[1])), max(10, len(heads[2]))
    lines = [head + (" " + _("(policy %(against)s).", against=against) if against else "."),
             f"{heads[0]:<24} {heads[1]:>{wide[0]}} {heads[2]:>{wide[1]}}"]
    # Every rule of every version used, in council order (a newer version's new rules after).
    rules_used = {rule["id"]: rule for c in checkers for rule in c.pack["rules"] if rule["check"]["kind"] != "human"}
    for rule_id in rules_used:
        c = counts.get(rule_id, Counter())
        lines.append(f"{rule_id:<24} {c[BREAKS]:>{wide[0]},} {c[MAY_BREAK]:>{wide[1]},}")
    return "\n".join(lines)
