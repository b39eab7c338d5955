"""`houserules check --input`: hostile exports, and runs that fail or are killed.

Every row in gives one row out, in order; a row that cannot be read or
checked has an `error` saying why (with its line) and the run goes on, to
exit code 2; nothing is ever a traceback; and an output file already there
survives any failure, Ctrl+C or kill.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from houserules import batch, export_read
from houserules.cli import main
from houserules.checkers import Checkers
from houserules.export_write import READABLE, findings_json
from houserules.load import load_policy
from houserules_checker.engine import MAX_CHARS

ROOT = Path(__file__).resolve().parent.parent
HOUSERULES = [sys.executable, "-m", "houserules.cli", "--project", str(ROOT)]
SENTENCES = ["When is the tip open?", "This is shit", "Thanks for the update.", "you absolute muppet",
             'He said "no, never", twice', "Ring 07700 900123 now", "Bins were missed on Elm Road again",
             "multi\nline, with a comma"]


def run(capsys, *args):
    code = main(["check", "--council", "city", *args])
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(path: Path) -> list[dict]:
    """JSON lines: split on \n only (a JSON string may hold U+2028, which splitlines() would split on)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


def csv_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(path: Path, rows: int, extra: dict | None = None) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "text"])
        for n in range(rows):
            writer.writerow([n + 1, (extra or {}).get(n, SENTENCES[n % len(SENTENCES)])])


def no_temporary_files(folder: Path, *expected: str) -> None:
    assert sorted(p.name for p in folder.iterdir()) == sorted(expected)


# ------------------------------------------------------------------ JSON Lines

def test_a_lone_surrogate_is_that_rows_error_and_the_run_goes_on(capsys, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "fine"}\n{"text": "lone \\ud800", "id": 2}\n{"text": "shit"}\n'
                      '{"text": "a pair \\ud83d\\ude00 is fine"}\n{"other": "\\udc00"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("an old output\n", encoding="utf-8")
    code, _, err = run(capsys, "--input", str(source), "--output", str(out))
    rows = jsonl(out)
    assert code == 2
    assert len(rows) == 5
    assert rows[0]["findings"] == [] and "error" not in rows[0]
    assert rows[1]["findings"] is None and rows[1]["id"] == 2
    assert rows[1]["error"].startswith("line 2: field 'text' holds a lone surrogate, \\ud800")
    assert rows[1]["text"] == "lone \ufffd"  # shown, so the moderator sees which row; never written as it came
    assert rows[2]["findings"][0]["rule"] == "swearing"
    assert rows[3]["findings"] == [] and rows[3]["text"] == "a pair \U0001F600 is fine"
    assert rows[4]["error"].startswith("line 5: field 'other' holds a lone surrogate")
    assert "2 rows could not be checked" in err and "in.jsonl:2: field 'text' holds a lone surrogate" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("line,message", [
    ('{"text": "hi", "date": 20261128}', "'date' must be text, not a number"),
    ('{"text": "hi", "author": ["a", "b"]}', "'author' must be text, not a list"),
    ('{"text": "hi", "handle": {"at": "x"}}', "'handle' must be text, not an object"),
    ('{"text": "hi", "reply_to": 5}', "'reply_to' must be text, not a number"),
    ('{"text": "hi", "platform": true}', "'platform' must be text, not true/false"),
    ('{"text": 5}', "'text' must be text, not a number"),
    ('{"text": null}', "'text' is null"),
    ('{"comment_id": 1}', "no 'text' field (fields: comment_id)"),
    ('["text", "hi"]', "each line must be a JSON object with a 'text' field, not a list"),
    ('"hi"', "not text"),
    ('{"text": "hi", "earlier": [1, 2]}', "'earlier' must be a list of comments"),
    ('{"text": "hi", "earlier": 7}', "'earlier' must be a list of comments"),
    ('{"text": "hi", "date": "31/02/2026"}', "date '31/02/2026' is not a date"),
    ('{"text": "hi", "date": "next tuesday"}', "is not a date"),
    ('{"text": "hi", "date": "2026-11-28 and some junk"}', "date '2026-11-28 and some junk' is not a date"),
    ('{"text": "hi", "date": "28/11/2026 11:30 junk"}', "date '28/11/2026 11:30 junk' is not a date"),
    ('{"text": "hi", "n": ' + "9" * 4301 + "}", "a number with more than 4,300 digits"),
    ('{"text": "hi", "n": 1e999}', "the number 1e999 is too large"),
    ('{"text": "hi", "n": NaN}', "NaN is not a JSON value"),
    ("[" * 100_000, "nested too deeply to read"),
    ('{"text": "hi", "n": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply to read"),
    ('{"text": "hi"', "not valid JSON: Expecting ',' delimiter"),
    ("{broken", "not valid JSON"),
])
def test_a_json_line_that_cannot_be_read_or_checked_is_that_rows_error(capsys, tmp_path, line, message):
    source = tmp_path / "in.jsonl"
    source.write_text(f'{{"text": "first"}}\n{line}\n{{"text": "last, shit"}}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "--input", str(source), "--output", str(out))
    rows = jsonl(out)
    assert code == 2, err
    assert len(rows) == 3
    assert "error" not in rows[0] and "error" not in rows[2]
    assert rows[2]["findings"][0]["rule"] == "swearing"
    assert rows[1]["error"].startswith("line 2: ") and message in rows[1]["error"], rows[1]["error"]
    assert rows[1]["findings"] is None
    assert "1 row could not be checked" in err and "Traceback" not in err


def test_deep_nesting_within_reach_is_kept(capsys, tmp_path):
    deep = "[" * 500 + "]" * 500
    source = tmp_path / "in.jsonl"
    source.write_text(f'{{"text": "hi", "n": {deep}}}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, _ = run(capsys, "--input", str(source), "--output", str(out))
    assert code == 0
    assert json.dumps(jsonl(out)[0]["n"], separators=(",", ":")) == deep


def test_invalid_utf8_is_an_error_for_its_line_not_replaced_silently(capsys, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"text": "ok"}\n{"text": "caf\xe9 shit"}\n{"text": "\xff\xfe"}\n{"text": "shit"}\n')
    out = tmp_path / "out.csv"
    code, _, err = run(capsys, "--input", str(source), "--output", str(out))
    rows = csv_rows(out)
    assert code == 2
    assert [r["error"][:7] for r in rows] == ["", "line 2:", "line 3:", ""]
    assert "not valid UTF-8: byte 0xE9 at byte 14 of line 2" in rows[1]["error"]
    assert rows[1]["findings"] == ""  # not checked (its swear word is not reported as if it had been)
    assert json.loads(rows[3]["findings"])[0]["rule"] == "swearing"
    assert "2 rows could not be checked" in err


def test_a_comment_over_the_checkers_limit_is_that_rows_error(capsys, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"text": t}) + "\n" for t in ["a " * 100_000, "x" * (MAX_CHARS + 1), "hi"]),
                      encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, _ = run(capsys, "--input", str(source), "--output", str(out))
    rows = jsonl(out)
    assert code == 2
    assert rows[0]["findings"] == [] and rows[2]["findings"] == []
    assert rows[1]["error"] == (f"line 2: the comment has {MAX_CHARS + 1:,} characters; "
                                f"the checker takes at most {MAX_CHARS:,}")


# ------------------------------------------------------------------ CSV

def test_an_unclosed_quote_is_an_error_naming_its_line_and_no_row_is_swallowed(capsys, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text('id,text\n1,"never closed\n2,b\n3,shit\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "--input", str(source), "--output", str(out))
    rows = jsonl(out)
    assert code == 2
    assert [r["id"] for r in rows] == ["1", "2", "3"]
    assert rows[0]["error"] == "line 2: a quote opened on this line is never closed"
    assert rows[1]["findings"] == [] and rows[2]["findings"][0]["rule"] == "swearing"
    assert "in.csv:2: a quote opened on this line is never closed" in err


@pytest.mark.parametrize("body,expected", [
    # A quoted field may hold line breaks, quotes ("") and commas: one row.
    ('1,"two\nlines, and ""quotes"""\n2,b\n', [("1", None), ("2", None)]),
    # A quote closing a field, then more text: that row, and the next is read.
    ('1,"ab"c\n2,b\n', [("1", "line 2: not valid CSV: on line 2, a quote closing"), ("2", None)]),
    # An unclosed quote whose field runs into a later row's quote.
    ('1,"abc\n2,"def"\n3,x\n', [("1", "line 2: not valid CSV: on line 3"), ("2", None), ("3", None)]),
    # More fields than the header: the text may be cut, so it is not checked.
    ('1,hello, world\n2,b\n', [("1", "line 2: 3 fields where the header has 2"), ("2", None)]),
    # Fewer: the missing text is said to be missing.
    ('1\n2,b\n', [("1", "line 2: 1 field, with no 'text' column"), ("2", None)]),
    # A quote inside an unquoted field is text, as the csv module reads it.
    ('1,5" pipe\n2,b\n', [("1", None), ("2", None)]),
    # Blank lines are not rows; CRLF line ends are fine.
    ('1,a\r\n\r\n2,b\r\n', [("1", None), ("2", None)]),
])
def test_csv_is_read_strictly_row_by_row(capsys, tmp_path, body, expected):
    source = tmp_path / "in.csv"
    source.write_text("id,text\n" + body, encoding="utf-8", newline="")
    out = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "--input", str(source), "--output", str(out))
    rows = jsonl(out)
    assert [(r["id"], r.get("error", "")[:len(e)] if e else r.get("error")) for r, (_, e) in zip(rows, expected)] \
        == expected, rows
    assert len(rows) == len(expected)
    assert code == (2 if any(e for _, e in expected) else 0), err


def test_csv_fields_of_any_length_and_the_checkers_own_limit(capsys, tmp_path):
    big = "word " * 40_000  # 200,000 characters: over the csv module's default field limit of 131,072
    source = tmp_path / "in.csv"
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "text", "notes"])
        writer.writerow(["1", big + "shit", "n" * 300_000])
        writer.writerow(["2", "y" * (MAX_CHARS + 1), ""])
        writer.writerow(["3", "a\n" * 100_000, ""])  # a quoted field of 100,000 lines
        writer.writerow(["4", "fine", ""])
    out = tmp_path / "out.csv"
    code, _, err = run(capsys, "--input", str(source), "--output", str(out))
    rows = csv_rows(out)
    assert code == 2
    assert [r["id"] for r in rows] == ["1", "2", "3", "4"]
    assert json.loads(rows[0]["findings"])[0]["rule"] == "swearing" and len(rows[0]["notes"]) == 300_000
    assert rows[1]["error"] == (f"line 3: the comment has {MAX_CHARS + 1:,} characters; "
                                f"the checker takes at most {MAX_CHARS:,}")
    assert rows[2]["findings"] == "[]" and rows[2]["text"] == "a\n" * 100_000
    assert rows[3]["findings"] == "[]"
    assert "1 row could not be checked" in err


def test_a_row_longer_than_the_line_limit_is_an_error_and_memory_stays_bounded(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(export_read, "LINE_LIMIT", 10_000)
    source = tmp_path / "in.csv"
    source.write_text(f'id,text\n1,{"x" * 20_000}\n2,"{"y" * 20_000}"\n3,"{"a" * 6000}\n{"b" * 6000}"\n4,shit\n',
                      encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, _ = run(capsys, "--input", str(source), "--output", str(out))
    rows = jsonl(out)
    assert code == 2
    assert [r.get("error") for r in rows] == ["line 2: line 2 is longer than 10,000 bytes",
                                              "line 3: line 3 is longer than 10,000 bytes",
                                              "line 4: the row is longer than 10,000 bytes", None]
    assert rows[3]["findings"][0]["rule"] == "swearing"


def test_invalid_utf8_in_a_csv_is_an_error_for_its_row(capsys, tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes(b'id,text\n1,caf\xe9\n2,"two\nlines \xff"\n3,shit\n')
    out = tmp_path / "out.jsonl"
    code, _, _ = run(capsys, "--input", str(source), "--output", str(out))
    rows = jsonl(out)
    assert code == 2
    assert rows[0]["error"].startswith("line 2: not valid UTF-8: byte 0xE9 at byte 6 of line 2")
    assert rows[1]["error"].startswith("line 3: not valid UTF-8: byte 0xFF at byte 7 of line 4")
    assert rows[2]["findings"][0]["rule"] == "swearing"


def test_a_header_that_cannot_be_read_is_an_error_and_nothing_is_written(capsys, tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("kept\n", encoding="utf-8")
    for header in (b'id,"text\n1,a\n', b"id,t\xe9xt\n1,a\n", b""):
        source = tmp_path / "in.csv"
        source.write_bytes(header)
        code, _, err = run(capsys, "--input", str(source), "--output", str(out))
        assert code == 2 and err.startswith("error: "), err
        assert out.read_text(encoding="utf-8") == "kept\n"
        no_temporary_files(tmp_path, "in.csv", "out.csv")


def test_a_meta_business_suite_export(capsys, tmp_path):
    """Meta's CSV: "Comment ID", "Comment", "Author", "Date" (UK dates); its columns are kept as they are,
    before the readable columns and the findings."""
    source = tmp_path / "comments.csv"
    source.write_text("Comment ID,Comment,Author,Date,Post\n"
                      "c1,When is the tip open?,Ann,28/11/2026 11:30,p1\n"
                      "c2,This is shit,Bob Smith,28/11/2026 11:31,p1\n"
                      "c3,fine,Cy,31/13/2026 09:00,p1\n", encoding="utf-8")
    out, record = tmp_path / "out.csv", tmp_path / "record.csv"
    code, _, err = run(capsys, "--input", str(source), "--output", str(out), "--record", str(record))
    rows = csv_rows(out)
    assert code == 2
    assert list(rows[0]) == ["Comment ID", "Comment", "Author", "Date", "Post", *READABLE, "findings", "error"]
    assert rows[0]["findings"] == "[]" and rows[0]["rules_broken"] == ""
    assert rows[1]["rules_broken"] and "shit" in rows[1]["words"]
    assert "swearing" in {f["rule"] for f in json.loads(rows[1]["findings"])}
    assert rows[2]["error"] == ("line 4: 'Date': date '31/13/2026 09:00' is not a date: "
                                "write it 2026-11-28 or 28/11/2026")
    [kept] = csv_rows(record)
    assert (kept["name"], kept["date"], kept["post"]) == ("Bob Smith", "28/11/2026 11:31", "This is shit")


def test_a_text_column_is_read_before_a_comment_column(capsys, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("Comment,text\nshit,fine\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, _ = run(capsys, "--input", str(source), "--output", str(out))
    assert code == 0 and jsonl(out)[0]["findings"] == []


def test_uk_and_iso_dates_choose_the_version_in_force(capsys, tmp_path):
    phone = "Ring me on 07700 900123 about the bins"  # Ashfield's rule on personal information comes in with v2
    source = tmp_path / "in.csv"
    source.write_text(f"text,date\n{phone},31/03/2027 23:59\n{phone},01/04/2027\n{phone},2027-04-01T08:00:00+0000\n",
                      encoding="utf-8")
    out = tmp_path / "out.jsonl"
    main(["check", "--council", "ashfield", "--input", str(source), "--output", str(out)])
    err = capsys.readouterr().err
    assert [[f["rule"] for f in r["findings"]] for r in jsonl(out)] == [[], ["personal-information"],
                                                                       ["personal-information"]]
    assert "(policy v1 for 1, v2 for 2)" in err


@pytest.mark.parametrize("value,day", [
    ("2026-11-28", dt.date(2026, 11, 28)), (" 2026-11-28 ", dt.date(2026, 11, 28)),
    ("2026-11-28T11:30:00+0000", dt.date(2026, 11, 28)), ("2026-11-28T11:30:00.123Z", dt.date(2026, 11, 28)),
    ("2026-11-28T23:59:59+01:00", dt.date(2026, 11, 28)), ("2026-11-28 11:30", dt.date(2026, 11, 28)),
    ("2026-11-28 11:30:00 UTC", dt.date(2026, 11, 28)), ("2026-11-28 9:30 pm", dt.date(2026, 11, 28)),
    ("28/11/2026", dt.date(2026, 11, 28)), ("28/11/2026 11:30", dt.date(2026, 11, 28)),
    ("1/2/2027, 9.05 a.m.", dt.date(2027, 2, 1)),
    # With the month named, as X and Meta write it; a weekday is read past.
    ("Wed Nov 28 11:30:00 +0000 2026", dt.date(2026, 11, 28)), ("28 Nov 2026 11:30", dt.date(2026, 11, 28)),
    ("Sat, 28 Nov 2026 11:30:00 +0000", dt.date(2026, 11, 28)), ("28th November 2026", dt.date(2026, 11, 28)),
    ("Nov 28, 2026 11:30 AM", dt.date(2026, 11, 28)), ("November 28, 2026 at 11:30", dt.date(2026, 11, 28)),
    ("31 Feb 2026", None), ("Nov 28 2026 and more", None), ("28 Novembre 2026", None),
    ("2026-11-28 and some junk", None), ("2026-11-28T", None), ("2026-11-28junk", None),
    ("2026-11-28 11:30 and more", None), ("28/11/2026 junk", None), ("20261128", None), ("2026-W48-6", None),
    ("2026-02-30", None), ("31/13/2026", None),
])
def test_a_rows_date_is_a_date_with_at_most_a_time_after_it(value, day):
    if day is None:
        with pytest.raises(export_read.RowProblem, match="is not a date: write it 2026-11-28 or 28/11/2026"):
            export_read.row_day(value)
    else:
        assert export_read.row_day(value) == day


def test_our_own_columns_in_the_input_are_replaced(capsys, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text('text,findings,error,rules_broken\nshit,"[old]",old,old\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    run(capsys, "--input", str(source), "--output", str(out))
    [row] = csv_rows(out)
    assert list(row) == ["text", *READABLE, "findings", "error"]
    assert json.loads(row["findings"])[0]["rule"] == "swearing" and row["error"] == ""
    assert row["rules_broken"] not in ("", "old")


def test_json_lines_to_csv_has_every_field_as_a_column(capsys, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "hi", "a": 1}\n{"b": [1, 2], "text": "shit"}\n{"text": "x", "a": null, "c": "z"}\n',
                      encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, _ = run(capsys, "--input", str(source), "--output", str(out))
    rows = csv_rows(out)
    assert code == 1
    assert list(rows[0]) == ["text", "a", "b", "c", *READABLE, "findings", "error"]
    assert [(r["a"], r["b"], r["c"]) for r in rows] == [("1", "", ""), ("", "[1, 2]", ""), ("", "", "z")]


def test_the_findings_are_written_as_json_dumps_writes_them():
    policy = load_policy(ROOT / "policies")
    checker = Checkers(ROOT / "policies", policy, "city").on(dt.date(2026, 12, 1))
    for text in ['You "absolute" muppet, this is shit\n', "Ring 07700 900123 ☎ now", "ok"]:
        flagged = [f for f in checker.check(text).findings if f.verdict in ("breaks", "may-break")]
        assert findings_json(flagged) == json.dumps(
            [{"rule": f.rule, "verdict": f.verdict, "wording": f.wording, "matches": [m.to_dict() for m in f.matches],
              "why": "; ".join(f.why)} for f in flagged], ensure_ascii=False)


# ------------------------------------------------------------------ one comment

@pytest.mark.parametrize("text,message", [
    ("x" * (MAX_CHARS + 1), f"error: the comment has {MAX_CHARS + 1:,} characters; the checker takes at most"),
    ("lone \ud800 here", "error: the comment holds a lone surrogate, U+D800, at character 6"),
    ("bytes \udcff here", "error: the comment is not UTF-8: byte 0xFF at character 7"),
])
def test_one_comment_that_cannot_be_checked_is_exit_2(capsys, text, message):
    code, out, err = run(capsys, text)
    assert code == 2 and out == ""
    assert err.startswith(message), err


def test_one_comment_from_standard_input_that_is_not_utf8_or_too_long(capsys, monkeypatch):
    for data, message in ((b"caf\xe9", "error: standard input is not UTF-8: byte 0xE9 at byte 4"),
                          (b"y" * (MAX_CHARS * 4 + 10), "error: standard input is longer than the checker's limit")):
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
        code, _, err = run(capsys)
        assert code == 2 and err.startswith(message), err


def test_one_comment_given_by_a_command_line_with_bytes_that_are_not_utf8():
    done = subprocess.run([*HOUSERULES, "check", "--council", "city", b"caf\xe9 \xed\xa0\x80"],
                          capture_output=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith(b"error: the comment is not UTF-8: byte 0xE9 at character 4"), done.stderr


# ------------------------------------------------------------------ order, workers, streaming

def _mixed(path: Path, rows: int) -> None:
    lines = []
    for n in range(rows):
        if n % 97 == 5:
            lines.append('{"text": "bad \\udc00"}')
        elif n % 89 == 3:
            lines.append("{not json")
        else:
            lines.append(json.dumps({"n": n, "text": SENTENCES[n % len(SENTENCES)], "handle": f"@u{n % 13}"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_worker_processes_keep_the_order_and_give_what_one_process_gives(capsys, tmp_path):
    source = tmp_path / "in.jsonl"
    _mixed(source, 1500)  # several chunks
    outputs = {}
    for jobs in ("1", "2", "3"):
        out, record = tmp_path / f"out{jobs}.jsonl", tmp_path / f"record{jobs}.csv"
        code, _, err = run(capsys, "--input", str(source), "--output", str(out), "--record", str(record),
                           "--jobs", jobs)
        assert code == 2
        # What stderr says, without how long it took (progress lines, timings).
        said = [re.sub(r"\d+(?:\.\d+)? s\b", "N s", line) for line in err.splitlines()
                if not line.startswith("checked ")]
        outputs[jobs] = out.read_bytes(), record.read_bytes(), said
    assert outputs["1"] == outputs["2"] == outputs["3"]
    rows = [json.loads(line) for line in outputs["1"][0].splitlines()]
    assert len(rows) == 1500
    assert [r.get("n") for r in rows if "n" in r] == [n for n in range(1500) if n % 97 != 5 and n % 89 != 3]
    # The same handle's earlier comments are this export's: the repetition rule sees them.
    assert any(f["rule"] == "spam" for r in rows for f in r["findings"] or [])


def test_standard_output_streams_with_workers(tmp_path):
    source = tmp_path / "in.jsonl"
    _mixed(source, 2000)
    done = subprocess.run([*HOUSERULES, "check", "--council", "city", "--input", str(source), "--output", "-",
                           "--jobs", "2"], capture_output=True, timeout=300)
    assert done.returncode == 2, done.stderr
    lines = done.stdout.decode("utf-8").splitlines()
    assert len(lines) == 2000  # no row twice (a forked worker flushing what it inherited), none lost
    assert [json.loads(line).get("n") for line in lines][:5] == [0, 1, 2, None, 4]


def test_rows_are_written_before_the_input_ends(tmp_path):
    """Standard input to standard output: rows come out while the input is still coming in."""
    child = subprocess.Popen([*HOUSERULES, "check", "--council", "city", "--input", "-", "--output", "-",
                              "--jobs", "1"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL)
    try:
        child.stdin.write("".join(json.dumps({"text": SENTENCES[n % 8]}) + "\n" for n in range(1000)).encode())
        child.stdin.flush()
        first = child.stdout.readline()  # before the input is closed
        assert json.loads(first)["text"] == SENTENCES[0]
    finally:
        child.stdin.close()
        child.stdout.read()
        child.wait(timeout=120)


def test_progress_says_rows_rate_and_time_left(tmp_path, monkeypatch):
    source = tmp_path / "in.csv"
    write_csv(source, 600)
    monkeypatch.setattr(batch._Progress, "update", _every_time(batch._Progress.update))
    policy = load_policy(ROOT / "policies")
    checkers = Checkers(ROOT / "policies", policy, "city")
    progress = io.StringIO()
    code = batch.check_batch(checkers, str(source), str(tmp_path / "out.csv"), None, None, progress=progress, jobs=1)
    assert code == 1
    text = progress.getvalue()
    assert "checked 256 comments (" in text and "/s), " in text and "% of the input, about " in text and " left" in text
    assert "600 comments checked in" in text and "swearing" in text


def _every_time(update):
    def always(self, rows):
        self.next = 0
        return update(self, rows)
    return always


# ------------------------------------------------------------------ an old output survives

def test_an_old_output_survives_a_failure_part_way(capsys, tmp_path, monkeypatch):
    source = tmp_path / "in.csv"
    write_csv(source, 1000)
    out, record = tmp_path / "out.csv", tmp_path / "record.jsonl"
    out.write_text("old output\n", encoding="utf-8")
    record.write_text("old record\n", encoding="utf-8")
    checked, calls = batch._check_row, []

    def fail_later(*args):
        calls.append(1)
        if len(calls) > 700:
            raise KeyboardInterrupt  # Ctrl+C, 700 rows in
        return checked(*args)

    monkeypatch.setattr(batch, "_check_row", fail_later)
    code, _, err = run(capsys, "--input", str(source), "--output", str(out), "--record", str(record), "--jobs", "1")
    assert code == 130
    assert err.strip().endswith(f"error: interrupted: nothing was written ({out} is as it was)")
    assert out.read_text(encoding="utf-8") == "old output\n"
    assert record.read_text(encoding="utf-8") == "old record\n"
    no_temporary_files(tmp_path, "in.csv", "out.csv", "record.jsonl")


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _signal_masks(pid: int) -> str:
    """The signals a process blocks, ignores and catches, as /proc shows them (hexadecimal masks)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return "(gone)"
    return " ".join(line.replace(":\t", " ") for line in status if line.startswith(("SigBlk", "SigIgn", "SigCgt")))


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc to find the worker processes")
@pytest.mark.parametrize("sig", [pytest.param(signal.SIGTERM, marks=pytest.mark.slow), signal.SIGKILL,
                                 pytest.param(signal.SIGINT, marks=pytest.mark.slow)])
def test_an_old_output_survives_a_killed_run(tmp_path, sig):
    folder = tmp_path / "out"
    folder.mkdir()
    out, record = folder / "checked.csv", folder / "record.csv"
    out.write_text("old output\n", encoding="utf-8")
    record.write_text("old record\n", encoding="utf-8")
    source = tmp_path / "in.csv"
    write_csv(source, 150_000)
    # A run started as a shell's background job ignores Ctrl+C, and so would
    # the child, as a command started that way should: caught here for the
    # moment of the start, it is at its default in the child whatever the run inherited.
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        child = subprocess.Popen([*HOUSERULES, "check", "--council", "city", "--input", str(source),
                                  "--output", str(out), "--record", str(record), "--jobs", "2"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    finally:
        signal.signal(signal.SIGINT, inherited)
    try:
        said = [child.stderr.readline() for _ in range(3)]  # the columns read; no author, no date
        assert said[0].startswith(f"{source}: reading the comment from 'text'"), said
        assert child.stderr.readline().startswith("checked "), "no progress"  # well under way, rows written
        workers = _children(child.pid)
        assert len(workers) == 2
        signals = _signal_masks(child.pid)  # for the failure message
        os.kill(child.pid, sig)
        code = child.wait(timeout=60)
        err = child.stderr.read()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert code == (-signal.SIGKILL if sig == signal.SIGKILL else 128 + sig), f"exit {code}, {signals}\n{err}"
    if sig != signal.SIGKILL:
        assert "nothing was written" in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "old output\n"
    assert record.read_text(encoding="utf-8") == "old record\n"
    no_temporary_files(folder, "checked.csv", "record.csv")
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(_alive, workers)), "a worker process outlived the run"


# ------------------------------------------------------------------ fuzz

def _random_text(rng: random.Random, size: int) -> str:
    pools = ["abc shit ", ' ,"\n\r\t', "éß€😀‽", "\u2028\u0000\ufeff\u200b", "\ud800\udfff"]
    return "".join(rng.choice(rng.choice(pools)) for _ in range(size))


def _random_value(rng: random.Random, depth: int = 0):
    kind = rng.randrange(7 if depth < 3 else 4)
    if kind == 0:
        return _random_text(rng, rng.randrange(12))
    if kind == 1:
        return rng.choice([0, -1, 10**20, 1.5, True, None])
    if kind == 2:
        return rng.choice(["2026-11-28", "28/11/2026 11:30", "x", ""])
    if kind == 3:
        return None
    if kind == 4:
        return [_random_value(rng, depth + 1) for _ in range(rng.randrange(3))]
    return {_random_text(rng, 3): _random_value(rng, depth + 1) for _ in range(rng.randrange(3))}


FIELD_NAMES = ["text", "author", "handle", "date", "platform", "reply_to", "earlier", "id", "Comment"]


def _fuzz_jsonl(rng: random.Random) -> tuple[bytes, int]:
    lines = []
    for _ in range(rng.randrange(1, 8)):
        kind = rng.randrange(3)
        if kind == 0:  # random bytes
            lines.append(bytes(rng.randrange(256) for _ in range(rng.randrange(30))).replace(b"\n", b""))
        elif kind == 1:  # random JSON (any fields, any types), maybe cut short
            row = {rng.choice(FIELD_NAMES): _random_value(rng) for _ in range(rng.randrange(4))}
            data = json.dumps(row, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
            lines.append(data[:rng.randrange(len(data) + 1)] if rng.random() < 0.2 else data)
        else:  # a good row with random Unicode
            lines.append(json.dumps({"text": _random_text(rng, rng.randrange(40))}).encode())
    data = b"\n".join(lines) + rng.choice([b"\n", b"", b"\r\n"])
    return data, sum(1 for line in data.split(b"\n") if line.strip(b" \t\r\n"))


def _fuzz_csv(rng: random.Random) -> tuple[bytes, int | None]:
    if rng.random() < 0.5:  # rows as a CSV writer makes them, of random Unicode: exactly these rows out
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator=rng.choice(["\n", "\r\n"]))
        writer.writerow(["id", "text", "author"])
        rows = [[str(n), _random_text(rng, rng.randrange(30)), _random_text(rng, 3)]
                for n in range(rng.randrange(1, 8))]
        rows = [r for r in rows if any(r)]
        writer.writerows(rows)
        return buffer.getvalue().encode("utf-8", "surrogatepass"), len(rows)
    body = b"".join(bytes(rng.choice(b'ab ,"\r\n\xff\xc3\xa9') for _ in range(rng.randrange(40)))
                    for _ in range(rng.randrange(1, 5)))
    return b"id,text\n" + body, None  # random bytes: at most one row out per line


def test_fuzz_the_readers(tmp_path):
    """Seeded random bytes and random Unicode rows, in JSON Lines and CSV: every
    run ends with exit code 0, 1 or 2 and one output row per input row."""
    rng = random.Random(20261128)
    checkers = Checkers(ROOT / "policies", load_policy(ROOT / "policies"), "city")
    started = time.monotonic()
    for case in range(300):
        kind = "csv" if case % 2 else "jsonl"
        data, expected = (_fuzz_csv if kind == "csv" else _fuzz_jsonl)(rng)
        source, out = tmp_path / f"in.{kind}", tmp_path / f"out.{rng.choice(['csv', 'jsonl'])}"
        source.write_bytes(data)
        code = batch.check_batch(checkers, str(source), str(out), str(tmp_path / "record.csv"), None,
                                 progress=io.StringIO(), jobs=1)
        assert code in (0, 1, 2), (case, data)
        if out.suffix == ".csv":
            written = len(csv_rows(out))
        else:
            written = len(jsonl(out))
        if expected is None:
            lines = data.count(b"\n") + (not data.endswith(b"\n"))  # with the header
            assert written < lines, (case, data)
        else:
            assert written == expected, (case, data, out.read_text(encoding="utf-8"))
    assert time.monotonic() - started < 60
