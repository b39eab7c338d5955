"""The README's promises: its example council builds as it stands, and its
two commands are the ones CI runs."""

from __future__ import annotations

import re

import pytest

from houserules.build import build_sites


def _example_council(readme: str) -> str:
    section = readme.split("### Starting a council", 1)[1]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


@pytest.mark.slow  # builds sites
def test_readme_example_council_builds(project_root, policy_copy, tmp_path):
    yaml_text = _example_council((project_root / "README.md").read_text(encoding="utf-8"))
    (policy_copy / "councils" / "riverside.yaml").write_text(yaml_text, encoding="utf-8")
    out = tmp_path / "site"
    build_sites(project_root, ["riverside"], policy=policy_copy, out=out)
    overview = (out / "public" / "riverside" / "index.html").read_text(encoding="utf-8")
    assert "Riverside Borough Council" in overview
    assert "8:30am to 5pm" in overview
    rules = (out / "public" / "riverside" / "rules" / "index.html").read_text(encoding="utf-8")
    assert "Do not share anyone&#39;s phone number" in rules or "Do not share anyone's phone number" in rules
    moderation = (out / "staff" / "riverside" / "moderation" / "index.html").read_text(encoding="utf-8")
    assert "the Communications Manager" in moderation
    assert not (out / "public" / "riverside" / "pre-election").exists()


def test_ci_runs_the_readme_test_command(project_root):
    readme = (project_root / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", readme, re.S).group(1)
    assert first_block.splitlines()[1].startswith("make test")
    assert "make test" in (project_root / ".ci" / "run").read_text(encoding="utf-8")


def test_the_server_lines_give_the_policy_the_pages_set(project_root):
    """The Content-Security-Policy the README's nginx and Apache lines send is
    the one every page sets in its meta tag."""
    readme = (project_root / "README.md").read_text(encoding="utf-8")
    page = (project_root / "site_src" / "overrides" / "main.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    section = readme.split("### Serving the sites from a council's web server", 1)[1].split("\n## ", 1)[0]
    given = re.findall(r"default-src[^\"`\n]+", section)
    assert len(given) == 3 and set(given) == {policy}, given
