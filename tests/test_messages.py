"""Every sentence houserules writes itself has its Welsh, and a page in Welsh
shows none of those sentences in English (the Welsh Language Standards:
Welsh no less favourably than English).

The sentences are found where they are asked for: in the page templates
(read with Jinja's own parser) and in the Python code (every call of
`_("...")`; a phrase kept in a table is marked with `_()` where it is
declared, as wording.py does).
The Welsh catalogue (messages/cy/*.yaml) must give each of them, and nothing
no page asks for any more. The Welsh in these tests is drafted, not reviewed
by a Welsh speaker.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from made_up import policies_with_fixtures
from readability import traced_pieces
from houserules import messages, render, wording
from houserules.editions import build_day, context, editions, history_for
from houserules.languages import localise
from houserules.load import load_policy
from houserules.messages import MissingTranslation, catalogue
from houserules.render import TEMPLATES, TRACE_MARKS, render_page
from houserules.resolve import resolve
from houserules.versions import load_versions

CODE = Path(render.__file__).parent
SWANSEA = Path(__file__).resolve().parent / "data" / "swansea.yaml"
AUDIENCES = ("public", "staff")
# A run of this many words of a catalogue's English, on a Welsh page, is one
# of houserules' sentences left in English (shorter runs, "the date" or
# "Staff only", could be anyone's words).
WORDS = 4


def _asked_by_templates() -> set[str]:
    env = render._environment()
    asked = set()
    for path in TEMPLATES.rglob("*.j2"):
        source = path.read_text(encoding="utf-8")
        for _, _, message in env.extract_translations(source):  # pyright: ignore[reportAttributeAccessIssue]
            # With keyword arguments Jinja gives a tuple: the sentence, then None for each.
            found = message if isinstance(message, tuple) else (message,)
            asked |= {m for m in found if isinstance(m, str)}
    return asked


def _asked_by_code() -> set[str]:
    asked = set()
    for path in CODE.rglob("*.py"):  # commands/ too
        # Python's parser, not a pattern: a `_("...")` in a docstring is not
        # asked for, and a sentence split over lines is one sentence.
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_"
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                asked.add(node.args[0].value)
    return asked


def test_every_sentence_houserules_asks_for_has_its_welsh():
    asked = _asked_by_templates() | _asked_by_code()
    missing = sorted(asked - set(catalogue("cy")))
    assert not missing, "no Welsh in messages/cy/ for:\n" + "\n".join(missing)


def test_every_welsh_sentence_is_still_asked_for():
    asked = _asked_by_templates() | _asked_by_code()
    stale = sorted(set(catalogue("cy")) - asked)
    assert not stale, "in messages/cy/ but written nowhere any more:\n" + "\n".join(stale)


def _english_runs() -> set[str]:
    """Runs of WORDS or more words of the catalogue's English, between its
    placeholders, links and markup: what a Welsh page must not contain."""
    runs = set()
    for english in catalogue("cy"):
        for piece in re.split(r"%\(\w+\)s|\]\([^)]*\)|<[^>]*>|\*\*|[\[\]“”\"()]", english):
            piece = " ".join(piece.split()).strip(" ,.:;")
            if len(piece.split()) >= WORDS:
                runs.add(piece)
    return runs


def _english_left(markdown: str) -> list[str]:
    text = " ".join(markdown.split())
    return sorted(run for run in _english_runs() if run in text)


def _views(policy, slug: str, root: Path, tmp: Path):
    """The council's views in Welsh, both audiences, for the edition at its
    address and for each version it published (their history and compare
    pages)."""
    published = load_versions(root).get(slug)
    history = history_for(root, slug, published, tmp / slug) if published else None
    for edition in editions(history, policy, build_day()):
        welsh = localise(edition.policy, "cy")
        for audience in AUDIENCES:
            yield resolve(welsh, slug, audience, context(history, edition, audience), language="cy")


def _template_sentences(markdown: str) -> str:
    """The sentences a template wrote on a traced page (render.TRACE_MARKS),
    without what lies between them: the councils' own words."""
    return " ".join(piece for piece, written in traced_pieces(markdown, *TRACE_MARKS) if written)


def test_every_template_sentence_on_every_page_is_written_in_welsh(project_root, tmp_path):
    """Every page of every council, rendered in Welsh: a council that writes
    in English alone keeps its words, but no sentence the templates write
    is left in English. The real councils and the made-up ones between them
    reach each part of the templates."""
    found = []
    sources = [project_root / "policies", policies_with_fixtures(project_root, tmp_path / "fixtures")]
    for root in sources:
        policy = load_policy(root, prove=False)
        for slug in sorted(policy.councils):
            for view in _views(policy, slug, root, tmp_path / "history"):
                for page, title in view.pages:
                    written = _template_sentences(render_page(view, page, title, trace=True))
                    found += [f"{view.audience}/{slug}/{page}: {run!r}" for run in _english_left(written)]
    assert not found, "English on a page in Welsh:\n" + "\n".join(sorted(set(found)))


def _swansea(policy_copy: Path) -> Path:
    """Swansea's terms, the two texts its Welsh copy lacks given in Welsh
    here (drafted for the test, not the council's words)."""
    text = SWANSEA.read_text(encoding="utf-8")
    fills = iter(["Byddwn yn ceisio eich helpu, neu eich cyfeirio at adrannau a all helpu, lle bynnag y bo modd.",
                  "Byddwn yn gwneud ein gorau glas i ymateb i'ch ymholiadau o fewn dau ddiwrnod gwaith."])
    text, count = re.subn(r"^( *)cy: null\b.*$", lambda m: f'{m[1]}cy: "{next(fills)}"', text, flags=re.M)
    assert count == 2, count
    (policy_copy / "councils" / "swansea.yaml").write_text(text, encoding="utf-8")
    return policy_copy


def test_swanseas_pages_in_welsh_have_none_of_houserules_english(policy_copy):
    policy = load_policy(_swansea(policy_copy), prove=False)
    welsh = localise(policy, "cy")
    found = []
    for audience in AUDIENCES:
        view = resolve(welsh, "swansea", audience, language="cy")
        for page, title in view.pages:
            markdown = render_page(view, page, title)
            found += [f"{audience}/{page}: {run!r}" for run in _english_left(markdown)]
    assert not found, "English on Swansea's Welsh pages:\n" + "\n".join(found)


@pytest.fixture()
def welsh_without(tmp_path, monkeypatch):
    """A language, "xx", whose catalogue is the Welsh one less one sentence."""
    def make(english: str) -> str:
        texts = dict(catalogue("cy"))
        del texts[english]
        (tmp_path / "xx").mkdir()
        (tmp_path / "xx" / "pages.yaml").write_text(yaml.safe_dump(texts, allow_unicode=True), encoding="utf-8")
        monkeypatch.setattr(messages, "FOLDER", tmp_path)
        return "xx"
    yield make
    # What was made from the made-up language is not kept for other tests.
    for cached in (messages.catalogue, messages.translator, render._made_environment):
        cached.cache_clear()


def test_a_sentence_with_no_welsh_stops_the_page_and_is_named(project_root, welsh_without):
    english = "Each rule is [explained, with examples, on its own page](%(url)s)."
    language = welsh_without(english)
    view = resolve(load_policy(project_root / "policies", prove=False), "ashfield", "public")
    with pytest.raises(MissingTranslation, match=re.escape(repr(english))):
        render_page(dataclasses.replace(view, language=language), "rules", "House rules")


def test_english_pages_keep_their_words(project_root):
    view = resolve(load_policy(project_root / "policies", prove=False), "ashfield", "public")
    markdown = render_page(view, "rules", "House rules")
    assert "Each rule is [explained, with examples, on its own page](rules-reference.md)." in markdown


@pytest.mark.parametrize(("said", "english", "welsh"), [
    (lambda lang: wording.days(["monday", "tuesday", "wednesday", "thursday", "friday"], lang),
     "Monday to Friday", "dydd Llun i ddydd Gwener"),
    (lambda lang: wording.days(["saturday", "sunday"], lang), "Saturday and Sunday", "dydd Sadwrn a dydd Sul"),
    (lambda lang: wording.long_date(dt.date(2029, 4, 1), lang), "1 April 2029", "1 Ebrill 2029"),
    (lambda lang: wording.does(["record", "remove-and-ban"], capital=True, language=lang),
     "Record the comment and remove the post and ban the author",
     "Cofnodi'r sylw a thynnu'r neges a gwahardd yr awdur"),
    (lambda lang: wording.join(["y dyddiad", "enw'r cyfrif"] if lang == "cy" else ["the date", "its name"],
                               language=lang), "the date and its name", "y dyddiad ac enw'r cyfrif"),
    (lambda lang: wording.join(["7", "8"], language=lang), "7 and 8", "7 ac 8"),
    (lambda lang: wording.months(2, lang), "two months", "2 fis"),
    (lambda lang: wording.clock("17:30", lang), "5:30pm", "17:30"),
])
def test_the_words_made_from_settings_read_in_each_language(said, english, welsh):
    assert (said("en"), said("cy")) == (english, welsh)
