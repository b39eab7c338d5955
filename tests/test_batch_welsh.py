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
from pathlib import Path

import yaml

from houserules import batch, export_write
from houserules.checkers import Checkers
from houserules.cli import main
from houserules.export_write import READABLE, READABLE_CY, RECORD_NAMES_CY
from houserules.messages import FOLDER
from houserules_checker import Checker
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
    body = "Comment,pam,rules_broken\nDiolch,old,old\n"
    _, _, _, out = run(capsys, tmp_path, body)
    assert csv_rows(out)[0] == ["Comment", *WELSH_HEADERS]
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
