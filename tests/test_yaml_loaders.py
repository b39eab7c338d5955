"""Policy files are read by libyaml where PyYAML has it, for speed, and by
PyYAML's own Python parser otherwise and whenever a file has a problem (its
messages are the ones authors are shown). Both must give the same values at
the same lines, for every file of the source and of every published version."""

from __future__ import annotations

import pytest

from houserules import yamlsource


def _same(a, b, where: str) -> None:
    assert type(a) is type(b), where
    if isinstance(a, dict):
        assert list(a) == list(b) and (a.line, a.key_lines) == (b.line, b.key_lines), where
        for key in a:
            _same(a[key], b[key], f"{where}/{key}")
    elif isinstance(a, list):
        assert (a.line, a.item_lines) == (b.line, b.item_lines), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{where}[{i}]")
    else:
        assert a == b, where


@pytest.mark.skipif(yamlsource._FastLoader is None, reason="PyYAML here was built without libyaml")
def test_libyaml_and_pythons_parser_read_every_policy_file_alike(project_root):
    files = sorted(p for p in (project_root / "policies").rglob("*.yaml") if p.name != "ledger.yaml")
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8")
        _same(yamlsource._compose_and_construct(yamlsource._Loader, text, str(path)),
              yamlsource._compose_and_construct(yamlsource._FastLoader, text, str(path)), str(path))


@pytest.mark.parametrize("text, says", [
    ("a: b: c\n", "must be in quotes"),
    ("a: &x [1]\nb: *x\n", "aliases (*name) are not allowed"),
    ("a:\n\tb: 1\n", "indent with spaces, not tabs"),
    ("a: 1\na: 2\n", "duplicate key 'a' (first at line 1)"),
    ("a: " + "[" * 40 + "]" * 40 + "\n", "nested more than"),
])
def test_a_problem_is_worded_the_same_whichever_parser_reads_first(tmp_path, text, says):
    path = tmp_path / "council.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(yamlsource.PolicyError) as caught:
        yamlsource.load_yaml(path)
    assert says in str(caught.value), str(caught.value)
