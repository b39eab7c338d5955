"""Every sentence the generator writes is traced to a setting the council set.

Pages are rendered with every text the policy source gives (the council's
words, the rules' words) marked, and every sentence a template writes marked
with the settings it states (render.TRACE_MARKS). Then:

- no words of a page are unmarked: each is the source's own, or a template
  sentence that names what it rests on;
- a template sentence names only settings the council stated (the build
  refuses any other: SiteView.require), or a fact about these pages, the
  checker, the law or navigation;
- for a council that states only its name, website and rules, no sentence
  rests on anything else.

This runs over the real councils and the made-up ones (tests/councils/), for
both audiences and every page each has.
"""

from __future__ import annotations

import dataclasses
import re
from types import MappingProxyType

import pytest

from made_up import policies_with_fixtures
from houserules.formats import Check
from houserules.load import Policy, load_policy
from houserules.render import TRACE_MARKS, render_page
from houserules.resolve import TOOL_FACTS, UnstatedSetting, resolve
from houserules.schema import ListOf, NotStated, Record, Slug, Text

pytestmark = pytest.mark.slow  # renders every page of every council, traced

SOURCE, END = "\ue003", "\ue004"  # round the source's own words
START, MIDDLE, STOP = TRACE_MARKS


def traced(value, declared=None):
    """`value` with every text the source gives wrapped in SOURCE ... END."""
    if isinstance(value, str):
        return f"{SOURCE}{value}{END}" if isinstance(declared, Text) and not isinstance(declared, Slug) else value
    if isinstance(value, NotStated):
        return dataclasses.replace(value, placeholder=traced(value.placeholder, Text()) if value.placeholder else None,
                                   reason=traced(value.reason, Text()) if value.reason else None)
    if isinstance(value, Check):  # its options are the checker's, but for why a person must judge it
        reason = value.options.get("reason")
        return dataclasses.replace(value, options=MappingProxyType({**value.options, "reason": traced(reason, Text())})
                                   ) if isinstance(reason, str) else value
    if dataclasses.is_dataclass(value):
        return dataclasses.replace(value, **{f.name: traced(getattr(value, f.name), f.metadata["field"])
                                             for f in dataclasses.fields(value) if "field" in f.metadata})
    if isinstance(value, tuple):
        item = declared.item if isinstance(declared, ListOf) else None
        return tuple(traced(v, item) for v in value)
    if isinstance(value, MappingProxyType):
        fields = declared.fields if isinstance(declared, Record) else {}
        return MappingProxyType({k: traced(v, fields.get(k)) for k, v in value.items()})
    return value


def traced_policy(policy: Policy) -> Policy:
    return dataclasses.replace(policy, rules={k: traced(r) for k, r in policy.rules.items()},
                               councils={k: traced(c) for k, c in policy.councils.items()})


@pytest.fixture(scope="module")
def policy(project_root, tmp_path_factory) -> Policy:
    return traced_policy(load_policy(policies_with_fixtures(project_root, tmp_path_factory.mktemp("traced")),
                                     prove=False))


def sentences(markdown: str) -> tuple[list[tuple[str, str]], str]:
    """(settings, text) of each template sentence, and what is left outside them."""
    text = re.sub(f"{SOURCE}.*?{END}", " ", markdown, flags=re.S)  # the source's own words
    found, outside, depth, settings = [], [], 0, []
    for piece in re.split(f"({START}[^{MIDDLE}]*{MIDDLE}|{STOP})", text):
        if piece.startswith(START):
            depth += 1
            settings.append(piece[1:-1])
        elif piece == STOP:
            depth -= 1
            settings.pop()
        elif depth:
            found.append((settings[-1], piece))
        else:
            outside.append(piece)
    return found, "".join(outside)


def words_of(markdown: str) -> str:
    """What a reader would read of Markdown that is neither the source's nor traced: its words."""
    text = re.sub(r"<[^>]*>", " ", markdown)                      # HTML tags
    text = re.sub(r"\]\([^)]*\)", " ", text)                       # link targets
    text = re.sub(r"\{[^}]*\}", " ", text)                         # attribute lists
    text = re.sub(r"^---\n.*?\n---\n", " ", text, flags=re.S)      # front matter
    return re.sub(r"[^A-Za-z]+", " ", text).strip()


def rendered(policy: Policy):
    """(slug, audience, page, view, traced Markdown) of every page of every council."""
    for slug in sorted(policy.councils):
        for audience in ("public", "staff"):
            view = resolve(policy, slug, audience)
            for page, title in view.pages:
                if page == "history":
                    continue  # made from published versions, not the source: see test_versions
                yield slug, audience, page, view, render_page(view, page, title, trace=True)


@pytest.fixture(scope="module")
def pages(policy) -> list:
    """rendered(policy), rendered once for the tests of this module: they read it only."""
    return list(rendered(policy))


def test_every_word_is_the_sources_or_a_traced_sentence(pages):
    untraced = []
    for slug, audience, page, _, markdown in pages:
        _, outside = sentences(markdown)
        words = words_of(outside)
        if words:
            untraced.append(f"{audience}/{slug}/{page}: {words[:120]!r}")
    assert not untraced, "words a template writes without naming what they state:\n" + "\n".join(untraced)


def test_every_traced_sentence_rests_on_a_setting_the_council_stated(pages):
    for slug, audience, page, view, markdown in pages:
        for settings, _ in sentences(markdown)[0]:
            for setting in settings.split(","):
                assert setting in TOOL_FACTS or view.stated(setting), f"{audience}/{slug}/{page}: {setting}"


def test_a_council_that_states_only_its_rules_gets_no_sentence_about_anything_else(pages):
    allowed = set(TOOL_FACTS) | {"rules", "name", "website"}
    for slug, audience, page, _, markdown in pages:
        if slug != "lowmoor":
            continue
        for settings, sentence in sentences(markdown)[0]:
            assert set(settings.split(",")) <= allowed, f"{audience}/{page}: {settings}: {sentence.strip()!r}"


def test_a_template_cannot_state_a_setting_the_council_did_not(policy):
    view = resolve(policy, "lowmoor", "public")
    with pytest.raises(UnstatedSetting, match="monitoring.hours"):
        view.require("monitoring.hours")
