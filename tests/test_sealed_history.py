"""Published history cannot change unnoticed: besides each record's own seal,
the ledger lists every version in the order published, chained, so a record
removed, added by hand, or reordered, and a council's whole history deleted,
are refused by `validate` and `build`, naming what is wrong."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from houserules.cli import main
from houserules.load import load_policy
from houserules.versions import PublishError, publish


@pytest.fixture()
def history(project_root, tmp_path) -> Path:
    """A copy of policies/ with its published history."""
    policies = tmp_path / "policies"
    shutil.copytree(project_root / "policies", policies)
    return policies


def refused(capsys, policies: Path) -> str:
    code = main(["validate", "--policies", str(policies)])
    err = capsys.readouterr().err
    assert code == 1, err
    return err


def test_the_history_as_published_is_valid(capsys, history):
    assert main(["validate", "--policies", str(history)]) == 0
    capsys.readouterr()


def test_deleting_the_newest_version_is_refused(capsys, history):
    (history / "published" / "ashfield" / "v2.yaml").unlink()
    err = refused(capsys, history)
    assert re.search(r"published/ledger\.yaml:\d+: ashfield v2 was published, and its record \S*ashfield/v2\.yaml "
                     r"is missing", err), err


def test_deleting_a_councils_whole_history_is_refused(capsys, history):
    shutil.rmtree(history / "published" / "north-hertfordshire")
    err = refused(capsys, history)
    assert "north-hertfordshire v1 was published" in err and "north-hertfordshire v2 was published" in err


def test_deleting_the_ledger_is_refused(capsys, history):
    (history / "published" / "ledger.yaml").unlink()
    assert "ledger.yaml: missing, but 8 published version records are here" in refused(capsys, history)


def test_a_version_added_by_hand_is_refused_even_sealed_with_the_projects_own_code(capsys, history):
    from houserules.versions import _record_text, load_versions
    v2 = load_versions(history)["city"][1]
    fields = {"council": "city", "version": 3, "effective": dt.date(2027, 1, 4), "published": dt.date(2026, 12, 1),
              "change": "minor", "note": "Nothing.", "sample": False, "files": v2.files}
    (history / "published" / "city" / "v3.yaml").write_text(_record_text(fields))
    err = refused(capsys, history)
    assert "city v3 is not in" in err and "published by `houserules publish`, not by adding a file" in err
    assert "city v3 is made from the same files as v2: nothing changed" in err


def test_reordering_or_editing_the_ledger_is_refused(capsys, history):
    ledger = history / "published" / "ledger.yaml"
    lines = ledger.read_text().splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.startswith("- "))
    lines[first], lines[first + 1] = lines[first + 1], lines[first]
    ledger.write_text("".join(lines))
    assert re.search(rf"ledger\.yaml:{first + 1}: chain: .*the ledger has been changed here", refused(capsys, history))


def test_a_record_for_a_council_that_does_not_exist_is_refused(capsys, history):
    (history / "councils" / "city.yaml").unlink()
    assert "there is no council 'city'" in refused(capsys, history)


def test_a_version_cannot_take_effect_on_the_same_day_as_the_one_before(history):
    policy = load_policy(history)
    council = history / "councils" / "city.yaml"
    council.write_text(council.read_text().replace("weeks: 6", "weeks: 4"))
    with pytest.raises(PublishError, match="must take effect after it, not on 2026-12-01"):
        publish(load_policy(history), "city", effective=dt.date(2026, 12, 1), note="A change.", change="minor",
                published=dt.date(2026, 12, 1))
    version = publish(load_policy(history), "city", effective=dt.date(2026, 12, 2), note="A change.",
                      change="minor", published=dt.date(2026, 12, 1))
    assert version.number == 3 and policy  # and the ledger takes it:
    assert "council: city, version: 3" in (history / "published" / "ledger.yaml").read_text()
