"""`houserules check --input ... --language cy`: a moderator at a council in
Wales who asks for Welsh gets Welsh in everything houserules writes itself
(the Welsh Language Standards: Welsh no less favourably than English): on
stderr, in the readable columns' and the record's headers, and in a row's
error. What programs read (`findings`, `error`, every JSON key) stays as it
is, and English stays as it was.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
import yaml

from houserules import batch, export_write
from houserules.checkers import Checkers
from houserules.cli import main
from houserules.export_write import READABLE, READABLE_CY, RECORD_NAMES_CY
from houserules.messages import FOLDER
from houserules_checker import Checker
from houserules_checker.engine import MAX_CHARS
from houserules_checker.record import FIELDS as RECORD_FIELDS

# Shaped like a Meta Business Suite export: a Welsh insult, a date that is
# no date, and a row with a comma outside quotes.
META = ("Comment ID,Comment,Author,Date,Post\n"
        "c1,Pryd mae'r domen ar agor?,Ann,28/11/2026 11:30,p1\n"
        "c2,Ti'n gont,Bob Smith,28/11/2026 11:31,p1\n"
        "c3,Diolch,Cai,31/13/2026 09:00,p1\n"
        "c4,Diolch,Dai,28/11/2026 11:32,p1,extra\n")
ROOT = Path(__file__).resolve().parent.parent
WELSH_HEADERS = [*READABLE_CY, "findings", "error"]


def run(capsys, tmp_path: Path, body: str, *args: str, language: str = "cy", name: str = "comments.csv"):
    source = tmp_path / name
    source.write_text(body, encoding="utf-8")
    out = tmp_path / "out.csv"
    code = main(["check", "--council", "swansea", "--language", language, "--input", str(source),
                 "--output", str(out), "--jobs", "1", *args])
    return code, capsys.readouterr().err, source, out


def csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def english_left(text: str) -> list[str]:
    """Runs of two or more words of the English that messages/cy/batch.yaml translates, found in `text`."""
    english = yaml.safe_load((FOLDER / "cy" / "batch.yaml").read_text(encoding="utf-8"))
    runs = {" ".join(piece.split()).strip(" ,.:;()'") for sentence in english
            for piece in re.split(r"%\(\w+\)s", sentence)}
    return sorted(run for run in runs if len(run.split()) >= 2 and run in text)


def test_a_welsh_moderator_reads_a_meta_export_in_welsh(capsys, tmp_path):
    record = tmp_path / "record.csv"
    code, err, source, out = run(capsys, tmp_path, META, "--record", str(record))
    assert code == 2
    lines = err.splitlines()
    assert lines[0] == (f"{source}: yn darllen y sylw o 'Comment', yr awdur o 'Author', y dyddiad o 'Date', "
                        "y neges yr ymatebwyd iddi o 'Post'")
    assert re.fullmatch(r"Gwiriwyd 2 sylw mewn [0-9]+\.[0-9] eiliad yn erbyn rheolau Cyngor Abertawe "
                        r"\(polisi cyfredol ar gyfer 2\)\.", lines[1]), lines[1]
    assert lines[2].split() == ["rheol", "yn", "torri", "gallai", "dorri"]
    assert "Nid oedd modd gwirio 2 rhes; mae colofn 'error' pob un yn dweud pam:" in lines
    assert f"  {source}:4: 'Date': nid yw '31/13/2026 09:00' yn ddyddiad: ysgrifennwch ef fel 2026-11-28 " \
        "neu 28/11/2026" in lines
    assert not english_left(err), err

    rows = csv_rows(out)
    assert rows[0] == ["Comment ID", "Comment", "Author", "Date", "Post", *WELSH_HEADERS]
    [finding] = json.loads(rows[2][-2])
    assert list(finding) == ["rule", "verdict", "wording", "matches", "why"]  # for programs: as in English
    assert (finding["verdict"], list(finding["matches"][0])) == ("breaks", ["start", "end", "text"])
    assert rows[2][5] and "gont" in rows[2][7]  # the readable columns, under their Welsh names
    assert rows[3][-1] == ("llinell 4: 'Date': nid yw '31/13/2026 09:00' yn ddyddiad: ysgrifennwch ef fel "
                           "2026-11-28 neu 28/11/2026")
    assert rows[4][-1] == "llinell 5: 6 maes lle mae gan y pennawd 5 (coma y tu allan i ddyfynodau?)"

    kept = csv_rows(record)
    assert kept[0] == [RECORD_NAMES_CY[field] for field in RECORD_FIELDS]
    assert kept[0][:3] == ["cyngor", "fersiwn_y_polisi", "enw_cyfrif"] and kept[1][2] == "Bob Smith"


def test_what_the_export_lacks_is_warned_in_welsh_with_the_options_as_they_are(capsys, tmp_path):
    code, err, source, _ = run(capsys, tmp_path, "Comment\nDiolch\n", "--record", str(tmp_path / "r.jsonl"))
    assert code == 0
    warnings = [line for line in err.splitlines() if line.startswith("rhybudd: ")]
    assert warnings == [
        f"rhybudd: {source}: dim colofn awdur nac enw defnyddiwr: ni chaiff sylwadau a ailadroddir gan yr un "
        "person eu canfod, ac nid yw'r cofnod yn enwi neb (enwch y golofn gyda --author-column neu "
        "--handle-column)",
        f"rhybudd: {source}: dim colofn dyddiad: caiff pob sylw ei wirio yn erbyn y polisi sydd mewn grym "
        "heddiw, ac nid oes dyddiad yn y cofnod (enwch y golofn gyda --date-column)"]
    assert "Gwiriwyd 1 sylw mewn " in err and not english_left(err), err


def test_json_lines_rows_in_error_are_told_in_welsh(capsys, tmp_path):
    body = '{"message": "Diolch"}\n{"message": 5}\nnot json\n{"message": NaN}\n'
    code, err, source, out = run(capsys, tmp_path, body, name="comments.jsonl")
    assert code == 2
    assert f"rhybudd: {source}:1: dim maes dyddiad: caiff pob sylw ei wirio yn erbyn y polisi sydd mewn grym " \
        "heddiw (enwch y maes gyda --date-column)" in err
    rows = csv_rows(out)
    assert rows[0] == ["message", *WELSH_HEADERS]
    assert rows[2][-1] == "llinell 2: rhaid i 'message' fod yn destun, nid rhif"
    assert rows[3][-1].startswith("llinell 3: nid yw'n JSON dilys: Expecting value (colofn 1)")  # json's own words
    assert rows[4][-1] == "llinell 4: nid yw NaN yn werth JSON"
    assert not english_left(err), err


def test_errors_batch_writes_itself_are_welsh_with_pythons_error_as_it_is(capsys, tmp_path, monkeypatch):
    """A row that could not be read, checked or written: the sentence Welsh, the exception as Python says it."""
    check, earlier_given, row = Checker.check, batch.earlier_given, export_write.Encoder.row

    def check_fails(self, text, **kwargs):
        if text == "un":
            raise RuntimeError("boom")
        return check(self, text, **kwargs)

    def read_fails(given, key, language="en"):
        if given == "drwg":
            raise ValueError("bad")
        return earlier_given(given, key, language)

    def write_fails(self, echo, findings, error, readable=None):
        if isinstance(echo, list) and echo[:1] == ["tri"] and error is None:
            raise ValueError("no")
        return row(self, echo, findings, error, readable)

    monkeypatch.setattr(Checker, "check", check_fails)
    monkeypatch.setattr(batch, "earlier_given", read_fails)
    monkeypatch.setattr(export_write.Encoder, "row", write_fails)
    code, err, _, out = run(capsys, tmp_path, "text,earlier\nun,\ndau,drwg\ntri,\n")
    assert code == 2
    errors = [r[-1] for r in csv_rows(out)[1:]]
    assert errors == ["llinell 2: nid oedd modd ei gwirio (RuntimeError: boom)",
                      "llinell 3: nid oedd modd ei darllen (ValueError: bad)",
                      "llinell 4: nid oedd modd ysgrifennu ei meysydd (no)"]
    assert "Nid oedd modd gwirio 3 rhes; mae colofn 'error' pob un yn dweud pam:" in err


def test_a_column_with_a_welsh_readable_name_is_replaced_in_welsh_and_kept_in_english(capsys, tmp_path):
    # An English run's output checked again in Welsh: its findings are stale, all of them dropped.
    _, _, _, out = run(capsys, tmp_path, "Comment,pam,rules_broken,findings\nDiolch,old,old,[]\n")
    assert csv_rows(out)[0] == ["Comment", *WELSH_HEADERS]
    # An export's own column that happens to be named as an English run's ("why": a moderator's note) is kept.
    _, _, _, out = run(capsys, tmp_path, "Comment,why\nDiolch,spam in March\n")
    assert csv_rows(out)[0] == ["Comment", "why", *WELSH_HEADERS] and csv_rows(out)[1][1] == "spam in March"
    jsonl = tmp_path / "notes.jsonl"
    jsonl.write_text('{"text": "Diolch", "why": "spam in March"}\n', encoding="utf-8")
    assert main(["check", "--council", "swansea", "--language", "cy", "--input", str(jsonl),
                 "--output", str(tmp_path / "notes.csv")]) == 0
    capsys.readouterr()
    assert csv_rows(tmp_path / "notes.csv")[0] == ["text", "why", *WELSH_HEADERS]
    body = "Comment,pam,rules_broken\nDiolch,old,old\n"
    _, err, _, out = run(capsys, tmp_path, body, "--record", str(tmp_path / "r.csv"), language="en")
    assert csv_rows(out)[0] == ["Comment", "pam", *READABLE, "findings", "error"]
    assert csv_rows(tmp_path / "r.csv")[0] == list(RECORD_FIELDS)
    assert err.startswith(f"{tmp_path / 'comments.csv'}: reading the comment from 'Comment'")
    lines = err.splitlines()
    at = next(n for n, line in enumerate(lines) if re.match(r"1 comment checked in [0-9.]+ s against Swansea", line))
    assert lines[at + 1] == f"{'rule':<24} {'breaks':>8} {'may break':>10}"
    assert lines[1].startswith(f"warning: {tmp_path / 'comments.csv'}: no author or handle column:")


def test_progress_and_a_stopped_run_in_welsh(tmp_path, monkeypatch):
    source = tmp_path / "in.csv"
    source.write_text("text\nDiolch\nTi'n gont\n", encoding="utf-8")
    update = batch._Progress.update

    def every_time(self, rows):
        self.next = 0
        return update(self, rows)

    monkeypatch.setattr(batch._Progress, "update", every_time)
    progress = io.StringIO()
    checkers = Checkers(ROOT / "policies", None, "swansea", language="cy")
    assert batch.check_batch(checkers, str(source), str(tmp_path / "out.csv"), None, None, progress=progress,
                             jobs=1) == 1
    said = progress.getvalue()
    assert re.search(r"^wedi gwirio 2 sylw \([0-9,]+ yr eiliad\), 100% o'r mewnbwn, tua 0 eiliad ar ôl$", said, re.M)
    assert not english_left(said), said
    assert [batch._duration(s, "cy") for s in (42, 125, 3725)] == ["42 eiliad", "2 mun 05 eiliad", "1 awr 02 mun"]
    assert [batch._duration(s) for s in (42, 125, 3725)] == ["42 s", "2 min 05 s", "1 h 02 min"]
    assert batch._left_as_it_was("out.csv", "cy") == "ni ysgrifennwyd dim (mae out.csv fel yr oedd)"
    assert batch._left_as_it_was("-", "cy") == "mae'r allbwn yn dod i ben hanner ffordd"


# ------------------------------------------------------------------ the run's own errors, in Welsh

def _zip(path: Path, member: str) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(member, "x")


def _book(path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Sylwadau"
    book.active.append(["text"])
    book.save(path)


# An export that cannot be read at all: its file (name: content, or a maker), the options, and the first
# words of the error ({source}: the export's path) in Welsh and as the English has always said it.
UNREADABLE = {
    "no such file": (None, (), "gwall: nid oes modd darllen {source}: ", "error: cannot read {source}: "),
    "no text column": ("body,author\nhi,x\n", (),
                       "gwall: {source}: dim colofn 'text' (colofnau: body, author); rhaid i'r sylwadau fod mewn "
                       "colofn o'r enw text (neu Comment, Message, Tweet text, Full text), neu enwch y golofn gyda "
                       "--text-column\n",
                       "error: {source}: no 'text' column (columns: body, author); the comments must be in a column "
                       "named text (or Comment, Message, Tweet text, Full text), or name it with --text-column\n"),
    "a column named that is not there": ("text\nhi\n", ("--date-column", "Posted"),
                                         "gwall: {source}: --date-column 'Posted': nid oes colofn o'r fath "
                                         "(colofnau: text)\n",
                                         "error: {source}: --date-column 'Posted': there is no such column "
                                         "(columns: text)\n"),
    "--sheet with a CSV": ("text\nhi\n", ("--sheet", "Sylwadau"),
                           "gwall: mae --sheet i'w ddefnyddio gyda llyfr gwaith Excel (.xlsx)\n",
                           "error: --sheet goes with an Excel workbook (.xlsx)\n"),
    "an .xls workbook": (b"\xd0\xcf\x11\xe0" + b"\0" * 60, (),
                         "gwall: nid oes modd darllen {source}: llyfr gwaith Excel 97-2003 (.xls) ydyw, neu lyfr "
                         "gwaith â chyfrinair; agorwch y ffeil yn Excel a'i chadw fel llyfr gwaith Excel (.xlsx) heb "
                         "gyfrinair, neu fel CSV UTF-8. Mae'r gwiriwr yn darllen CSV (.csv), testun wedi'i wahanu â "
                         "thabiau (.tsv), JSON Lines (.jsonl) neu lyfr gwaith Excel (.xlsx)\n",
                         "error: cannot read {source}: it is an Excel 97-2003 workbook (.xls), or a workbook with a "
                         "password; open it in Excel and save it as an Excel workbook (.xlsx) without a password, or "
                         "as CSV UTF-8. The checker reads CSV (.csv), tab-separated text (.tsv), JSON Lines (.jsonl) "
                         "or an Excel workbook (.xlsx)\n"),
    "UTF-16 text": ("\ufefftext\nhi\n".encode("utf-16-le"), (),
                    "gwall: nid oes modd darllen {source}: testun UTF-16 ydyw (fel y mae Excel yn cadw 'Unicode "
                    "Text'); cadwch y ffeil fel CSV UTF-8 neu fel llyfr gwaith Excel (.xlsx). ",
                    "error: cannot read {source}: it is UTF-16 text (as Excel saves 'Unicode Text'); save it as "
                    "CSV UTF-8 or as an Excel workbook (.xlsx). "),
    "an .xlsx that is no zip": ("text\nhi\n", (),
                                "gwall: nid oes modd darllen {source} fel llyfr gwaith Excel: archif zip yw ffeil "
                                ".xlsx, ac nid yw hon yn un (os CSV yw hi, rhowch .csv ar ddiwedd ei henw)\n",
                                "error: cannot read {source} as an Excel workbook: an .xlsx file is a zip archive, "
                                "and this is not one (if it is CSV, name it .csv)\n"),
    "a zip of something else": (lambda path: _zip(path, "content.xml"), (),
                                "gwall: nid oes modd darllen {source} fel llyfr gwaith Excel (.xlsx): archif heb "
                                "rannau llyfr gwaith (",
                                "error: cannot read {source} as an Excel workbook (.xlsx): an archive without the "
                                "parts of a workbook ("),
    "a sheet that is not there": (_book, ("--sheet", "Nope"),
                                  "gwall: {source}: --sheet 'Nope': nid oes taflen o'r fath (taflenni: 'Sylwadau')\n",
                                  "error: {source}: --sheet 'Nope': there is no such sheet (sheets: 'Sylwadau')\n"),
    "one JSON document": ('[\n {"text": "hi"}\n]\n', (),
                          "gwall: {source}:1: mae'r ffeil yn un ddogfen JSON dros sawl llinell, nid JSON Lines (un "
                          "gwrthrych ar bob llinell): ysgrifennwch bob sylw ar un llinell; fel arall, defnyddiwch "
                          "CSV. ",
                          "error: {source}:1: the file is one JSON document over many lines, not JSON Lines (one "
                          "object a line): write each comment as one line, or give CSV. "),
}
_NAMES = {"an .xls workbook": "export.xls", "an .xlsx that is no zip": "export.xlsx",
          "one JSON document": "export.json", "a zip of something else": "export.xlsx",
          "a sheet that is not there": "export.xlsx"}


@pytest.mark.parametrize("case", UNREADABLE)
def test_an_export_that_cannot_be_read_is_told_in_welsh_naming_the_file(capsys, tmp_path, case):
    """The whole run refused (exit 2, nothing written): "gwall: " and the reason in Welsh, the file and its
    columns named as they are, the operating system's words as it says them; in English, as before."""
    content, options, welsh, english = UNREADABLE[case]
    source = tmp_path / _NAMES.get(case, "export.csv")
    if callable(content):
        content(source)
    elif content is not None:
        source.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    out = tmp_path / "out.csv"
    said = {}
    for language in ("cy", "en"):
        code = main(["check", "--council", "swansea", "--language", language, "--input", str(source),
                     "--output", str(out), "--jobs", "1", *options])
        said[language] = capsys.readouterr().err
        assert code == 2 and not out.exists()
    assert said["cy"].startswith(welsh.format(source=source)), said["cy"]
    assert said["cy"].count("\n") == 1 and not english_left(said["cy"]), said["cy"]
    assert said["en"].startswith(english.format(source=source)), said["en"]


def test_a_comment_too_long_is_a_row_error_in_welsh(capsys, tmp_path):
    body = "text\nDiolch\n" + "a" * (MAX_CHARS + 1) + "\n"
    code, err, source, out = run(capsys, tmp_path, body)
    assert code == 2
    welsh = f"mae {MAX_CHARS + 1:,} nod yn y sylw; mae'r gwiriwr yn derbyn {MAX_CHARS:,} ar y mwyaf"
    assert csv_rows(out)[2][-1] == "llinell 3: " + welsh
    assert f"  {source}:3: {welsh}" in err.splitlines() and not english_left(err), err
    code, err, source, out = run(capsys, tmp_path, body, language="en")
    english = f"the comment has {MAX_CHARS + 1:,} characters; the checker takes at most {MAX_CHARS:,}"
    assert code == 2 and csv_rows(out)[2][-1] == "line 3: " + english
    assert f"  {source}:3: {english}" in err.splitlines()


# One comment on the command line: its options, and the error in Welsh and in English (the whole of stderr).
ONE_COMMENT = {
    "--date": (["--date", "2026-13-01", "Diolch"],
               "gwall: --date: nid yw '2026-13-01' yn ddyddiad ar y ffurf YYYY-MM-DD",
               "error: --date: date '2026-13-01' is not a date written YYYY-MM-DD"),
    "too long": (["a" * (MAX_CHARS + 1)],
                 f"gwall: mae {MAX_CHARS + 1:,} nod yn y sylw; mae'r gwiriwr yn derbyn {MAX_CHARS:,} ar y mwyaf",
                 f"error: the comment has {MAX_CHARS + 1:,} characters; the checker takes at most {MAX_CHARS:,}"),
    "not UTF-8": (["caf\udce9"],
                  "gwall: mae beit nad yw'n UTF-8, 0xE9, yn y sylw, yn nod 4 (neu hanner pâr UTF-16 ar ei ben ei "
                  "hun, U+DCE9)",
                  "error: the comment is not UTF-8: byte 0xE9 at character 4 (or a lone surrogate, U+DCE9)"),
    "a lone surrogate": (["lone \ud800 here"],
                         "gwall: mae hanner pâr UTF-16 ar ei ben ei hun (lone surrogate), U+D800, yn y sylw, yn nod "
                         "6: nid yw hanner pâr yn nod",
                         "error: the comment holds a lone surrogate, U+D800, at character 6: half of a UTF-16 pair, "
                         "which is not a character"),
    "--earlier": (["--earlier", "x\ud800", "Diolch"],
                  "gwall: mae hanner pâr UTF-16 ar ei ben ei hun (lone surrogate), U+D800, yn --earlier: nid yw'n nod",
                  "error: --earlier holds a lone surrogate, U+D800: not a character"),
    "a comment and --input": (["--input", "comments.csv", "Diolch"],
                              "gwall: rhowch un sylw, neu --input, nid y ddau",
                              "error: give one comment, or --input, not both"),
    "--output without --input": (["--output", "out.csv", "Diolch"],
                                 "gwall: mae --output, --record, --jobs, --sheet a'r opsiynau --...-column i'w "
                                 "defnyddio gyda --input",
                                 "error: --output, --record, --jobs, --sheet and the --...-column options go with "
                                 "--input"),
}


@pytest.mark.parametrize("case", ONE_COMMENT)
def test_one_comment_that_cannot_be_checked_is_told_in_welsh(capsys, case):
    options, welsh, english = ONE_COMMENT[case]
    for language, expected in (("cy", welsh), ("en", english)):
        code = main(["check", "--council", "swansea", "--language", language, *options])
        out, err = capsys.readouterr()
        assert (code, out, err) == (2, "", expected + "\n")


def test_standard_input_that_is_not_utf8_is_told_in_welsh(capsys, monkeypatch):
    for language, expected in (("cy", "gwall: nid yw'r mewnbwn safonol yn UTF-8: beit 0xE9 ym meit 4\n"),
                               ("en", "error: standard input is not UTF-8: byte 0xE9 at byte 4\n")):
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"caf\xe9")))
        assert main(["check", "--council", "swansea", "--language", language]) == 2
        assert capsys.readouterr().err == expected
    monkeypatch.setattr("sys.stdin", None)
    assert main(["check", "--council", "swansea", "--language", "cy"]) == 2
    assert capsys.readouterr().err == ("gwall: ni roddwyd sylw, ac nid oes mewnbwn safonol i ddarllen un ohono\n")
    assert main(["check", "--council", "swansea", "--language", "cy", "--input", "-"]) == 2
    assert capsys.readouterr().err == "gwall: --input -: nid oes mewnbwn safonol\n"


def test_a_council_not_found_or_not_in_welsh_is_told_in_welsh(capsys):
    """A Welsh speaker who asked for Welsh is told in Welsh, even that the council has no Welsh."""
    assert main(["check", "--council", "swanse", "--language", "cy", "Diolch"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gwall: nid oes cyngor 'swanse' (oeddech chi'n golygu 'swansea'?); y cynghorau sy'n "
                          "hysbys: ashfield (Ashfield District Council), "), err
    assert "swansea (Cyngor Abertawe)" in err and not english_left(err)
    assert main(["check", "--council", "ashfield", "--language", "cy", "Diolch"]) == 2
    assert capsys.readouterr().err == ("gwall: dim ond yn Saesneg y mae Ashfield District Council yn cyhoeddi: nid "
                                       "oes dim o'i eiriau yn yr iaith a ddewiswyd gyda --language cy (Cymraeg)\n")
    assert main(["check", "--council", "swanse", "Diolch"]) == 2
    assert capsys.readouterr().err.startswith("error: no council 'swanse' (did you mean 'swansea'?); known: "
                                              "ashfield (Ashfield District Council), ")


def test_a_check_outside_a_project_is_told_in_welsh(capsys, tmp_path):
    assert main(["check", "--project", str(tmp_path), "--council", "swansea", "--language", "cy", "Diolch"]) == 2
    assert capsys.readouterr().err == (f"gwall: --project {tmp_path}: nid yw'n brosiect houserules (mae angen "
                                       "policies/ a mkdocs.yml arno)\n")
    assert main(["check", "--project", str(tmp_path), "--council", "swansea", "Diolch"]) == 2
    assert capsys.readouterr().err == (f"error: --project {tmp_path}: not a houserules project (it needs policies/ "
                                       "and mkdocs.yml)\n")


def test_an_output_that_cannot_be_written_is_told_in_welsh(capsys, tmp_path):
    source = tmp_path / "export.csv"
    source.write_text("text\nDiolch\n", encoding="utf-8")
    folder = tmp_path / "out.csv"
    folder.mkdir()
    for language, expected in (("cy", f"gwall: nid oes modd ysgrifennu {folder}: ffolder yw hwn\n"),
                               ("en", f"error: cannot write {folder}: it is a folder\n")):
        code = main(["check", "--council", "swansea", "--language", language, "--input", str(source),
                     "--output", str(folder), "--jobs", "1"])
        assert code == 2 and capsys.readouterr().err.endswith(expected)
