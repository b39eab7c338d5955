"""Hostile policy source: text that would redirect, script or break the pages,
and YAML shaped to hang or crash whatever reads it. Each is refused by
`houserules validate` with exit 1 and `file:line: field: message`, never a
traceback, and a build of it leaves the sites as they were."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from houserules.build import build_sites
from houserules.cli import main
from houserules.errors import PolicyError
from houserules.yamlsource import load_yaml

COUNCIL = """\
name: Testshire District Council
website: https://www.testshire.example.gov.uk
about: |
  {about}
rules:
  adopted:
    - rule: spam
"""


@pytest.fixture()
def source(project_root, tmp_path) -> Path:
    policies = tmp_path / "policies"
    (policies / "councils").mkdir(parents=True)
    shutil.copytree(project_root / "policies" / "rules", policies / "rules")
    shutil.copytree(project_root / "policies" / "wordlists", policies / "wordlists")
    return policies


def validate(capsys, policies: Path) -> tuple[int, str]:
    code = main(["validate", "--policies", str(policies)])
    return code, capsys.readouterr().err


def write_council(policies: Path, about: str) -> Path:
    path = policies / "councils" / "testshire.yaml"
    path.write_text(COUNCIL.format(about=about), encoding="utf-8")
    return path


@pytest.mark.parametrize("about,message", [
    ('<meta http-equiv="refresh" content="0; url=https://elsewhere.example">', "HTML <meta> is not allowed"),
    ("<script>alert(1)</script>", "HTML <script> is not allowed"),
    ('<iframe src="https://elsewhere.example"></iframe>', "HTML <iframe> is not allowed"),
    ("<form action=https://elsewhere.example><input></form>", "HTML <form> is not allowed"),
    ('<a href="javascript:alert(1)">our website</a>', "the link 'javascript:alert(1)' is not allowed"),
    ('<a href="https://x.example" onclick="steal()">x</a>', "the attribute 'onclick' is not allowed on <a>"),
    ('<span style="display:none">hidden</span>', "the attribute 'style' is not allowed on <span>"),
    ("[our website](javascript:alert(1))", "a javascript:, vbscript:, data: or file: link is not allowed"),
    ("[a picture](data:text/html;base64,PHNjcmlwdD4=)", "a javascript:, vbscript:, data: or file: link"),
    ('Read the rules.{ onclick="steal()" }', "event attributes (on...=) are not allowed"),
    ("<!-- a note for editors -->", "HTML comments are not allowed"),
    ("<SCRIPT>alert(1)</SCRIPT>", "HTML <script> is not allowed"),
])
def test_html_that_could_load_run_or_redirect_is_refused_with_its_line(capsys, source, about, message):
    write_council(source, about)
    code, err = validate(capsys, source)
    assert code == 1
    assert re.search(rf"testshire\.yaml:3: about: .*{re.escape(message)}", err), err


def test_prose_keeps_the_html_it_needs(capsys, source):
    write_council(source, 'Our <abbr title="closed-circuit television">CCTV</abbr> policy.<br> '
                          '<a href="https://www.testshire.example.gov.uk/cctv">Read it</a>, '
                          "or <strong>call us</strong>. 5 < 6 and 3 > 2.")
    code, err = validate(capsys, source)
    assert code == 0, err


@pytest.mark.parametrize("website", ['https://x.gov.uk/"><script>alert(1)</script>', "http://www.testshire.gov.uk",
                                     "https://www.testshire.gov.uk/a(b)"])
def test_a_website_that_could_break_out_of_a_link_is_refused(capsys, source, website):
    path = write_council(source, "About us.")
    path.write_text(path.read_text().replace("https://www.testshire.example.gov.uk", website), encoding="utf-8")
    code, err = validate(capsys, source)
    assert code == 1 and "testshire.yaml:2: website: expected a full web address starting with https://" in err


@pytest.mark.slow  # builds sites
def test_a_councils_name_is_escaped_wherever_the_pages_show_it(project_root, source, tmp_path):
    path = write_council(source, "About us.")
    path.write_text(path.read_text().replace("name: Testshire District Council",
                                             "name: 'Bath & \"North\" East Council'"), encoding="utf-8")
    out = tmp_path / "site"
    build_sites(project_root, ["testshire"], policy=source, out=out)
    page = (out / "public" / "testshire" / "index.html").read_text(encoding="utf-8")
    bar = re.search(r'<div class="[^"]*hr-council-bar__inner">.*?</div>', page, re.S).group(0)
    assert "Bath &amp; &#34;North&#34; East Council" in bar or "Bath &amp; &quot;North&quot; East Council" in bar, bar
    assert '"North"' not in bar


# ---------------------------------------------------------------- YAML shaped to hang or crash

@pytest.mark.parametrize("text,line,message", [
    ("a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n", 2, "aliases (*name) are not allowed"),
    ("a: " + "[" * 20000 + "]" * 20000 + "\n", 1, "nested more than 32 deep"),
    ('name: "lone \\ud800 surrogate"\n', 1, "U+D800 (a lone surrogate) is not text"),
])
def test_yaml_shaped_to_hang_or_crash_is_refused_with_its_line(tmp_path, text, line, message):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyError) as caught:
        load_yaml(path)
    [problem] = caught.value.problems
    assert problem.line == line and message in problem.message


def test_a_number_too_long_to_be_one_is_refused_as_not_a_number(capsys, source):
    path = write_council(source, "About us.")
    path.write_text(path.read_text() + "monitoring:\n  days: [monday]\n  hours: {start: '09:00', end: '17:00'}\n"
                    "responses:\n  targets:\n    - {id: r, audience: public, what: reply, within: {amount: "
                    + "9" * 5000 + ", unit: day}}\n", encoding="utf-8")
    code, err = validate(capsys, source)
    assert code == 1 and "expected a whole number (got text: '99999" in err and "(5,000 characters)" in err
    assert len(err) < 2000, "the error quotes the whole number"


def test_a_file_larger_than_any_policy_is_refused(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text("a: " + "x" * 2_100_000 + "\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="larger than 2,000,000 bytes"):
        load_yaml(path)


def test_the_yaml_loader_never_crashes_on_random_input(tmp_path):
    """Seeded fuzz: random YAML-ish text, random bytes and mutations of a real
    council file either load or are a PolicyError; nothing else."""
    rng = random.Random(20261201)
    real = (Path(__file__).resolve().parent.parent / "policies" / "councils" / "ashfield.yaml").read_text()
    alphabet = "abc:-[]{}&*!|>'\"#%@`,?\n \t0123456789\\\u00e9\u2028\ud800\x00\ufeff"
    path = tmp_path / "fuzz.yaml"
    for case in range(400):
        kind = case % 3
        if kind == 0:
            data = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200))).encode("utf-8", "surrogatepass")
        elif kind == 1:
            data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 200)))
        else:
            chars = list(real)
            for _ in range(rng.randint(1, 20)):
                chars[rng.randrange(len(chars))] = rng.choice(alphabet)
            data = "".join(chars).encode("utf-8", "surrogatepass")
        path.write_bytes(data)
        try:
            load_yaml(path)
        except PolicyError:
            pass
