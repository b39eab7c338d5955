"""`houserules check --input` on the exports moderators really have: Meta
Business Suite's, X's and Instagram's columns and dates, tab-separated text
and Excel workbooks; the readable columns of a CSV output; and a council
named as people name it.

Ashfield's rule on personal information comes in with its v2 on 2027-04-01:
a phone number posted the day before breaks no rule, and the day after it
does. So a verdict shows which day a row's date was read as.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from houserules.cli import main
from houserules.export_write import READABLE

PHONE = "Ring me on 07700 900123 about the bins"
SWEARING = "This is shit"


def run(capsys, *args, council: str = "ashfield"):
    code = main(["check", "--council", council, *args])
    out, err = capsys.readouterr()
    return code, out, err


def write_rows(path: Path, rows: list[list], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return path


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def rules(row: dict) -> list[str]:
    return [f["rule"] for f in json.loads(row["findings"] or "null") or []]


def check_file(capsys, tmp_path: Path, source: Path, *options: str):
    """Checks `source` to out.csv and record.csv: (exit code, rows out, records, stderr)."""
    out, record = tmp_path / "out.csv", tmp_path / "record.csv"
    code, _, err = run(capsys, "--input", str(source), "--output", str(out), "--record", str(record), *options)
    return code, read_csv(out), read_csv(record) if record.exists() else [], err


# ------------------------------------------------------------------ the platforms' own exports

def test_a_meta_business_suite_export_fills_the_records_name_and_date(capsys, tmp_path):
    source = write_rows(tmp_path / "Comments export.csv", [
        ["Comment ID", "Comment", "Author", "Date", "Post Message"],
        ["101", "When is the tip open on Sunday?", "Ann Lee", "28/11/2026 11:30", "The tip's opening hours"],
        ["102", SWEARING, "Bob Smith", "28/11/2026 11:31", "The tip's opening hours"],
        ["103", PHONE, "Cy Jones", "01/04/2027 08:00", "Changes to the bins"],
    ])
    code, rows, records, err = check_file(capsys, tmp_path, source)
    assert code == 1, err
    assert (f"{source}: reading the comment from 'Comment', the author from 'Author', the date from 'Date', "
            "the post replied to from 'Post Message'") in err
    assert "warning" not in err
    assert [r["Comment ID"] for r in rows] == ["101", "102", "103"]  # the export's own columns, as they came
    assert [rules(r) for r in rows] == [[], ["swearing"], ["personal-information"]]
    assert [(r["name"], r["date"], r["post"], r["policy_version"]) for r in records] == [
        ("Bob Smith", "28/11/2026 11:31", SWEARING, "v1"), ("Cy Jones", "01/04/2027 08:00", PHONE, "v2")]


@pytest.mark.parametrize("header,before,after", [
    # X: its date as its API writes it (the weekday is read past).
    (["Tweet id", "Tweet text", "Screen name", "Created at"],
     "Wed Mar 31 23:00:00 +0000 2027", "Thu Apr 01 08:00:00 +0000 2027"),
    # Instagram: ISO 8601 with a zone.
    (["ID", "Text", "Username", "Timestamp"], "2027-03-31T23:00:00+0000", "2027-04-01T08:00:00+0000"),
    # Meta's other way of writing a date.
    (["Comment ID", "Comment", "Name", "Date (GMT)"], "31 Mar 2027 23:00", "1 Apr 2027 08:00"),
])
def test_x_and_instagram_exports_are_read_with_their_dates(capsys, tmp_path, header, before, after):
    source = write_rows(tmp_path / "export.csv", [header, ["1", PHONE, "@sam", before], ["2", PHONE, "@jo", after]])
    code, rows, records, err = check_file(capsys, tmp_path, source)
    assert code == 1, err
    assert f"the comment from {header[1]!r}" in err and f"the date from {header[3]!r}" in err
    assert [rules(r) for r in rows] == [[], ["personal-information"]]
    [record] = records
    assert "@jo" in (record["name"], record["handle"]) and record["date"] == after


def test_headers_are_recognised_whatever_their_case(capsys, tmp_path):
    source = write_rows(tmp_path / "export.csv", [["COMMENT", "author", "DATE"], [SWEARING, "Bob", "28/11/2026"]])
    code, rows, records, err = check_file(capsys, tmp_path, source)
    assert code == 1 and rules(rows[0]) == ["swearing"], err
    assert [(r["name"], r["date"]) for r in records] == [("Bob", "28/11/2026")]


def test_column_options_name_the_columns(capsys, tmp_path):
    """A column named on the command line is read rather than the one its name would suggest."""
    source = write_rows(tmp_path / "export.csv", [
        ["Comment", "Body", "Posted by", "When"],
        ["internal note: shit", PHONE, "Dee", "01/04/2027 08:00"],
    ])
    code, rows, records, err = check_file(capsys, tmp_path, source, "--text-column", "body",
                                          "--author-column", "Posted by", "--date-column", "When")
    assert code == 1, err
    assert "reading the comment from 'Body', the author from 'Posted by', the date from 'When'" in err
    assert rules(rows[0]) == ["personal-information"]  # Body, on 1 April 2027 (v2); not the note's swearing
    assert [(r["name"], r["date"], r["post"]) for r in records] == [("Dee", "01/04/2027 08:00", PHONE)]


def test_a_column_option_naming_no_column_lists_the_columns(capsys, tmp_path):
    source = write_rows(tmp_path / "export.csv", [["Comment", "Author"], ["hi", "Ann"]])
    out = tmp_path / "out.csv"
    code, _, err = run(capsys, "--input", str(source), "--output", str(out), "--date-column", "Posted")
    assert code == 2
    assert err.startswith(f"error: {source}: --date-column 'Posted': there is no such column "
                          "(columns: Comment, Author)"), err
    assert not out.exists()


def test_stderr_warns_when_the_export_has_no_author_or_date(capsys, tmp_path):
    source = write_rows(tmp_path / "export.csv", [["id", "Comment"], ["1", SWEARING]])
    code, _, records, err = check_file(capsys, tmp_path, source)
    assert code == 1
    assert f"{source}: reading the comment from 'Comment'" in err
    assert (f"warning: {source}: no author or handle column: repeated comments by one person are not found, "
            "and the record names nobody (name the column with --author-column or --handle-column)") in err
    assert (f"warning: {source}: no date column: every comment is checked against the policy in force today, "
            "and the record has no date (name the column with --date-column)") in err
    assert [(r["name"], r["handle"], r["date"]) for r in records] == [("", "", "")]


def test_json_lines_warn_at_the_line_whose_fields_are_read(capsys, tmp_path):
    source = tmp_path / "export.jsonl"
    source.write_text('{not json\n{"message": "This is shit", "user": "Bob"}\n', encoding="utf-8")
    code, _, _, err = check_file(capsys, tmp_path, source)
    assert code == 2
    assert f"{source}:2: reading the comment from 'message', the author from 'user'" in err
    assert f"warning: {source}:2: no date field: " in err and "no author" not in err


# ------------------------------------------------------------------ dates

def test_a_date_that_cannot_be_read_is_that_rows_error_and_the_rest_are_checked(capsys, tmp_path):
    source = write_rows(tmp_path / "export.csv", [
        ["Comment", "Author", "Date"],
        [SWEARING, "Ann", "28/11/2026 11:30"],
        [SWEARING, "Bob", "31/11/2026 11:30"],  # November has 30 days
        [SWEARING, "Cy", "next Tuesday"],
        [PHONE, "Dee", "2027-04-01 08:00"],
    ])
    code, rows, records, err = check_file(capsys, tmp_path, source)
    assert code == 2
    assert [r["error"] for r in rows] == [
        "", "line 3: 'Date': date '31/11/2026 11:30' is not a date: write it 2026-11-28 or 28/11/2026",
        "line 4: 'Date': date 'next Tuesday' is not a date: write it 2026-11-28 or 28/11/2026", ""]
    assert [rules(r) for r in rows] == [["swearing"], [], [], ["personal-information"]]
    assert [r["name"] for r in records] == ["Ann", "Dee"]
    assert "2 rows could not be checked" in err and f"{source}:3: 'Date': date '31/11/2026 11:30'" in err


# ------------------------------------------------------------------ TSV and Excel

ROWS = [
    ["Comment ID", "Comment", "Author", "Date"],
    ["1", "When is the tip open?", "Ann", "28/11/2026 11:30"],
    ["2", 'He said "no, never", twice\nand this is shit', "Bob", "28/11/2026 11:31"],
    ["3", PHONE, "Cy", "01/04/2027 08:00"],
    ["4", "you absolute muppet", "Dee", "30/02/2027 10:00"],
]
VERDICT = ("Comment ID", *READABLE, "findings", "error")


def _workbook(path: Path, rows: list[list], sheet: str = "Comments") -> Path:
    """What Excel makes of the export: a number is a number and a date a date, where they can be."""
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["not the comments"])
    cells = book.create_sheet(sheet)
    cells.append(rows[0])
    for row in rows[1:]:
        try:
            day = dt.datetime.strptime(row[3], "%d/%m/%Y %H:%M")
        except ValueError:
            day = row[3]
        cells.append([int(row[0]), row[1], row[2], day])
    book.save(path)
    return path


def test_tsv_and_xlsx_give_the_verdicts_the_same_rows_give_in_csv(capsys, tmp_path):
    verdicts = {}
    for kind in ("csv", "tsv", "xlsx"):
        folder = tmp_path / kind
        folder.mkdir()
        if kind == "xlsx":
            source = _workbook(folder / "export.xlsx", ROWS)
            options = ("--sheet", "comments")
        else:
            source = write_rows(folder / f"export.{kind}", ROWS, "\t" if kind == "tsv" else ",")
            options = ()
        code, rows, records, err = check_file(capsys, folder, source, *options)
        assert code == 2, err
        assert "not valid JSON" not in err
        # Where a row is differs (a line of text, a row of the sheet); what is wrong with it does not.
        where, _, error = rows[3]["error"].partition(": ")
        verdicts[kind] = [[row[k] for k in VERDICT[:-1]] for row in rows], error, [r["name"] for r in records]
        assert where == ("row 5" if kind == "xlsx" else "line 6")  # the comment on row 2 has two lines
    assert verdicts["xlsx"] == verdicts["tsv"] == verdicts["csv"]
    rows, error, names = verdicts["csv"]
    assert [rules({"findings": v[-1]}) for v in rows] == [[], ["swearing"], ["personal-information"], []]
    assert error == "'Date': date '30/02/2027 10:00' is not a date: write it 2026-11-28 or 28/11/2026"
    assert names == ["Bob", "Cy"]


def test_a_workbook_sheet_that_is_not_there_lists_the_sheets(capsys, tmp_path):
    source = _workbook(tmp_path / "export.xlsx", ROWS)
    code, _, err = run(capsys, "--input", str(source), "--output", str(tmp_path / "out.csv"), "--sheet", "Sheet9")
    assert code == 2
    assert err.startswith(f"error: {source}: --sheet 'Sheet9': there is no such sheet (sheets: 'Notes', "
                          "'Comments')"), err


def test_a_file_named_xlsx_that_is_not_a_workbook_is_never_read_as_json(capsys, tmp_path):
    source = write_rows(tmp_path / "export.xlsx", ROWS)
    code, _, err = run(capsys, "--input", str(source), "--output", str(tmp_path / "out.csv"))
    assert code == 2
    assert err.startswith(f"error: cannot read {source} as an Excel workbook: an .xlsx file is a zip archive, "
                          "and this is not one (if it is CSV, name it .csv)"), err


# ------------------------------------------------------------------ JSON: lines, or one document

def test_a_pretty_printed_json_document_is_refused_as_a_whole(capsys, tmp_path):
    source = tmp_path / "export.json"
    source.write_text(json.dumps([{"text": SWEARING}, {"text": "fine"}], indent=2), encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, err = run(capsys, "--input", str(source), "--output", str(out))
    assert code == 2 and not out.exists()
    assert err.startswith(f"error: {source}:1: the file is one JSON document over many lines, not JSON Lines"), err


def test_json_lines_starting_with_a_brace_alone_are_read_row_by_row(capsys, tmp_path):
    source = tmp_path / "export.jsonl"
    source.write_text('{\n{"text": "This is shit"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, _ = run(capsys, "--input", str(source), "--output", str(out))
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert code == 2
    assert rows[0]["error"].startswith("line 1: not valid JSON")
    assert [f["rule"] for f in rows[1]["findings"]] == ["swearing"]


# ------------------------------------------------------------------ the output a person reads

def test_the_csv_output_has_readable_columns_besides_the_findings(capsys, tmp_path):
    source = write_rows(tmp_path / "export.csv", [
        ["Comment", "Author", "Date", "Post Message"],
        ["This is shit", "Bob", "28/11/2026", "Bin collections over Christmas"],
        ["When is the tip open?", "Ann", "28/11/2026", "Bin collections over Christmas"],
        ["Bin collections are late", "Cy", "28/11/2026", "Bin collections over Christmas"],
    ])
    _, rows, _, _ = check_file(capsys, tmp_path, source)
    assert list(rows[0]) == ["Comment", "Author", "Date", "Post Message", "rules_broken", "may_break", "words",
                             "why", "findings", "error"]
    swearing, off_topic, nothing = rows
    [found] = json.loads(swearing["findings"])
    assert (swearing["rules_broken"], swearing["may_break"], swearing["words"]) == (found["wording"], "", "shit")
    assert swearing["why"] == f"swearing: {found['why']}"
    [maybe] = json.loads(off_topic["findings"])
    assert (off_topic["rules_broken"], off_topic["may_break"]) == ("", maybe["wording"])
    assert off_topic["why"].startswith("off-topic: ")
    assert [nothing[k] for k in READABLE] == ["", "", "", ""] and nothing["findings"] == "[]"


# ------------------------------------------------------------------ the council, as people name it

@pytest.mark.parametrize("council", ["Ashfield", "ashfield", "Ashfield District Council",
                                     "ashfield district council", "ashfield-district-council"])
def test_a_council_is_named_by_its_slug_or_name_in_any_case(capsys, council):
    code, out, err = run(capsys, SWEARING, council=council)
    assert code == 1, err
    assert out.startswith("Checked against Ashfield District Council's house rules")


def test_an_unknown_council_lists_the_known_ones(capsys):
    code, out, err = run(capsys, "hi", council="Barnsley")
    assert code == 2 and out == ""
    assert err.startswith("error: no council 'Barnsley'; known: ashfield (Ashfield District Council), city, "
                          "north-hertfordshire (North Hertfordshire District Council), "
                          "nottinghamshire (Nottinghamshire County Council)"), err
    _, _, err = run(capsys, "hi", council="Ashfeld")
    assert err.startswith("error: no council 'Ashfeld' (did you mean 'ashfield'?); known: "), err
