"""`houserules check` from a moderator's side: one comment, an export, the record."""

from __future__ import annotations

import csv
import io
import json

import pytest

from houserules.cli import main


def run(capsys, *args, stdin: str | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_one_comment_report_and_exit_codes(capsys):
    code, out, _ = run(capsys, "--council", "city", "This is shit, call me on 07700 900123")
    assert code == 1
    assert "BREAKS  swearing: Do not swear." in out
    assert '"shit" (characters 8-12)' in out
    assert "personal-information" in out and "07700 900123" in out
    assert "What the council does when a rule is broken:" in out
    assert "NEEDS A PERSON" in out and "impersonation" in out

    code, out, _ = run(capsys, "--council", "city", "What time does the tip open on Sunday?")
    assert code == 0
    assert "Nothing found. This is not a promise" in out


def test_text_from_stdin_and_json_output(capsys, monkeypatch):
    code, out, _ = run(capsys, "--council", "ashfield", "--json", stdin="you absolute muppet", monkeypatch=monkeypatch)
    assert code == 1
    findings = json.loads(out)["findings"]
    abuse = next(f for f in findings if f["rule"] == "abuse")
    assert abuse["verdict"] == "breaks"
    assert abuse["matches"] == [{"start": 13, "end": 19, "text": "muppet"}]


def test_batch_csv_to_jsonl_with_record(capsys, tmp_path):
    source = tmp_path / "export.csv"
    with source.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["text", "author", "handle", "date", "platform"])
        w.writerow(["Cheap skip hire, message me on WhatsApp, £99 a day", "Sam Seller", "@skips4u", "2026-11-01",
                    "facebook"])
        w.writerow(["When is the garden waste collection?", "Ann", "@ann", "2026-11-01", "facebook"])
        w.writerow(["Cheap skip hire, message me on WhatsApp, £99 a day!", "Sam Seller", "@skips4u", "2026-11-02",
                    "facebook"])
    out, record = tmp_path / "out.jsonl", tmp_path / "record.csv"
    code, _, err = run(capsys, "--council", "city", "--input", str(source), "--output", str(out),
                       "--record", str(record))
    assert code == 1
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in rows][1] == "When is the garden waste collection?"
    assert rows[1]["findings"] == []
    assert {f["rule"] for f in rows[0]["findings"]} == {"advertising"}
    # The second post by the same handle repeats the first: spam, from this export alone.
    assert {f["rule"] for f in rows[2]["findings"]} == {"advertising", "spam"}
    for f in rows[0]["findings"]:
        assert set(f) >= {"rule", "verdict", "matches", "why"}
    kept = list(csv.DictReader(record.open(encoding="utf-8")))
    assert [k["handle"] for k in kept] == ["@skips4u", "@skips4u"]
    assert kept[1]["name"] == "Sam Seller" and kept[1]["date"] == "2026-11-02"
    assert "advertising: Do not advertise products or services." in kept[1]["why"]
    assert kept[1]["policy_version"] and kept[1]["post"].startswith("Cheap skip hire")
    assert "3 comments checked" in err and "advertising" in err  # the summary table, on stderr


def test_batch_jsonl_stdin_to_stdout(capsys, monkeypatch):
    lines = "\n".join(json.dumps({"text": t, "id": n}) for n, t in enumerate(["nice one", "f**k this"])) + "\n"
    code, out, err = run(capsys, "--council", "city", "--input", "-", "--output", "-", stdin=lines,
                         monkeypatch=monkeypatch)
    assert code == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == [0, 1]
    assert rows[1]["findings"][0]["rule"] == "swearing"
    assert "2 comments checked" in err and "2 comments checked" not in out


def test_batch_csv_output(capsys, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": "shit"}) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    run(capsys, "--council", "city", "--input", str(source), "--output", str(out))
    [row] = list(csv.DictReader(out.open(encoding="utf-8")))
    assert json.loads(row["findings"])[0]["rule"] == "swearing"


@pytest.mark.parametrize("setup,args,message", [
    (None, ["--council", "nowhere", "hi"], "no council 'nowhere'"),
    (None, ["--council", "city", "--input", "/no/such/file.csv"], "cannot read /no/such/file.csv"),
    ("text_missing", ["--council", "city", "--input", "{dir}/in.csv"], "no 'text' column (columns: body, author)"),
    ("bad_json", ["--council", "city", "--input", "{dir}/in.jsonl"], "in.jsonl:2: not valid JSON"),
    (None, ["--council", "city", "--date", "2026-13-01", "hi"], "is not a date written YYYY-MM-DD"),
    (None, ["--council", "city", "--date", "2027-06-01 junk", "hi"],
     "--date: date '2027-06-01 junk' is not a date written YYYY-MM-DD"),
    (None, ["--council", "city", "--date", "20270601", "hi"], "--date: date '20270601' is not a date written"),
    (None, ["--council", "city", "--date", "2027-W22-2", "hi"], "--date: date '2027-W22-2' is not a date written"),
    (None, ["--council", "city", "--date", "2027-06-01T10:00", "hi"], "date '2027-06-01T10:00' is not a date"),
    (None, ["--council", "city", "--input", "-", "--output", "out.txt"], "write .csv or .jsonl"),
])
def test_bad_input_is_a_clear_error_with_exit_code_2(capsys, tmp_path, setup, args, message):
    if setup == "text_missing":
        (tmp_path / "in.csv").write_text("body,author\nhello,Ann\n", encoding="utf-8")
    if setup == "bad_json":
        (tmp_path / "in.jsonl").write_text('{"text": "ok"}\n{broken\n', encoding="utf-8")
    code, out, err = run(capsys, *[a.format(dir=tmp_path) for a in args])
    assert code == 2
    assert message in err, err


PHONE = "Ring me on 07700 900123 about the bins"  # Ashfield's rule on personal information comes in with v2


def test_a_comment_is_checked_against_the_version_in_force_on_its_day(capsys):
    code, out, _ = run(capsys, "--council", "ashfield", "--date", "2027-03-31", PHONE)
    assert "(policy v1, in force on 2027-03-31)" in out
    assert code == 0 and "personal-information" not in out
    code, out, _ = run(capsys, "--council", "ashfield", "--date", "2027-04-01", PHONE)
    assert "(policy v2, in force on 2027-04-01)" in out
    assert code == 1 and "BREAKS  personal-information" in out


def test_a_date_may_have_spaces_around_it(capsys):
    code, out, _ = run(capsys, "--council", "ashfield", "--date", " 2027-04-01\n", PHONE)
    assert code == 1 and "(policy v2, in force on 2027-04-01)" in out


def test_the_source_can_be_checked_before_it_is_published(capsys):
    code, out, _ = run(capsys, "--council", "ashfield", "--source", "--date", "2026-12-01", PHONE)
    assert "(policy: unpublished source)" in out
    assert code == 1 and "BREAKS  personal-information" in out


def test_an_export_that_spans_a_change_is_judged_by_each_comments_own_version(capsys, tmp_path):
    source = tmp_path / "export.jsonl"
    source.write_text("".join(json.dumps({"text": PHONE, "handle": f"@resident{n}", "date": day}) + "\n"
                              for n, day in enumerate(["2027-03-31", "2027-04-01"])), encoding="utf-8")
    out, record = tmp_path / "out.jsonl", tmp_path / "record.jsonl"
    code, _, err = run(capsys, "--council", "ashfield", "--input", str(source), "--output", str(out),
                       "--record", str(record))
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [[f["rule"] for f in r["findings"]] for r in rows] == [[], ["personal-information"]]
    kept = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    assert [(k["handle"], k["policy_version"]) for k in kept] == [("@resident1", "v2")]
    assert "(policy v1 for 1, v2 for 1)" in err and "personal-information" in err


def test_a_reader_that_stops_early_gets_no_traceback(project_root):
    """`houserules check ... | head -1`: the output is cut short, quietly."""
    import subprocess
    import sys

    run = subprocess.Popen([sys.executable, "-m", "houserules.cli", "check", "--council", "ashfield",
                            "the cllr is a liar"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=project_root,
                           bufsize=0)
    assert run.stdout is not None and run.stderr is not None
    run.stdout.close()  # gone before a word is written
    err = run.stderr.read().decode()
    run.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipeError" not in err, err


def test_a_published_versions_pack_is_kept_and_read_back_as_made(project_root, tmp_path, monkeypatch):
    """The pack of a published version is kept outside the project (the
    user's cache folder), named by all it is made from; read back, it is the
    pack made again, and a kept file that cannot be read is made again."""
    import dataclasses

    from houserules import checkers
    from houserules.versions import load_versions

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = project_root / "policies"
    version = load_versions(root)["ashfield"][0]
    made = checkers.published_pack(root, version)
    [kept] = (tmp_path / "cache" / "houserules" / "packs").glob("*.json")
    assert kept.name.startswith("ashfield-v1-") and made["version"] == "v1"

    def unread(*_, **__):
        raise AssertionError("the kept pack was not read")

    load_version = checkers.load_version
    monkeypatch.setattr(checkers, "load_version", unread)
    assert checkers.published_pack(root, version) == made
    kept.write_text('{"key": ', encoding="utf-8")  # cut short
    monkeypatch.setattr(checkers, "load_version", load_version)
    assert checkers.published_pack(root, version) == made
    assert json.loads(kept.read_text(encoding="utf-8"))["pack"] == made
    # Another file's content, or another version, is another pack.
    other = dataclasses.replace(version, files={**version.files, "rules/abuse.yaml": "0" * 64})
    names = {kept, *(checkers._kept_file(v)[0] for v in (other, load_versions(root)["ashfield"][1]))}
    assert len(names) == 3 and {n.parent for n in names} == {kept.parent}


def test_a_council_in_welsh_and_english_is_checked_in_one_language_at_a_time(capsys):
    """English by default, the whole report in English (the rules' words
    too); with --language cy, the report, the rules and the reasons in Welsh;
    a council in English alone has no Welsh to give."""
    code, out, _ = run(capsys, "--council", "swansea", "You are an idiot")
    assert code == 1 and "BREAKS  abuse: Abusive or obscene" in out and "'idiot' aimed at 'you'" in out
    assert "ddifrïol" not in out and "Bydd" not in out, out
    code, out, _ = run(capsys, "--council", "swansea", "--language", "cy", "Ti'n gont")
    assert code == 1
    assert out.startswith("Wedi'i wirio yn erbyn rheolau tŷ Cyngor Abertawe (polisi: cyfredol).")
    assert "YN TORRI  abuse: ddifrïol neu'n anweddus" in out and "wedi'i anelu atoch chi" in out
    assert "Beth mae'r cyngor yn ei wneud pan fydd rheol yn cael ei thorri:" in out
    assert not [w for w in ("Checked", "BREAKS", "aimed at", "Passes", "characters") if w in out], out
    code, _, err = run(capsys, "--council", "ashfield", "--language", "cy", "hello")
    assert code == 2 and err.startswith("gwall: dim ond yn Saesneg y mae Ashfield District Council yn cyhoeddi")
