"""A council the templates were never written for: a new YAML file is all it
takes. The council below is the worked example of adding one; it differs from
the four real councils where they are alike (seven-day monitoring, Instagram
and TikTok, no pre-election period, no endorsement or alternatives, no prose
sections)."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from houserules.build import build_sites
from houserules.load import load_policy

pytestmark = pytest.mark.slow  # every test reads the sites the module builds

RIVERSIDE = """\
# Riverside Borough Council: social media house rules.
slug: riverside
name: Riverside Borough Council
short_name: Riverside
website: https://www.riverside.example.gov.uk

about: |
  We use social media to tell residents about our services, events and
  consultations, and to answer their questions.

platforms:
  - platform: instagram
    handle: "@riversidecouncil"
    url: https://www.instagram.com/riversidecouncil
  - platform: tiktok
    handle: "@riversidebc"
    url: https://www.tiktok.com/@riversidebc

monitoring:
  days: [monday, tuesday, wednesday, thursday, friday, saturday, sunday]
  hours: {start: "08:30", end: "18:00"}
  outside_hours: emergencies-only

responses:
  targets:
    - id: first-reply
      audience: public
      what: reply to questions sent to our accounts
      within: {amount: 1, unit: working-day}
    - id: pass-on-complaints
      audience: staff          # on the staff site only
      what: pass complaints to the service concerned
      within: {amount: 4, unit: hour}

rules:
  intro: "To keep our pages useful and welcoming:"
  adopted:
    - rule: off-topic          # no wording: the rule's own is used
    - rule: spam
      wording: Post your comment once; we read every one.
    - heading: Abuse and hate
      adopted:
        - rules: [abuse, threats]
          wording: Do not abuse or threaten anyone, including our staff.
        - rule: hate

enforcement:
  steps:
    - actions: [record, hide-or-delete]
      records: [account-handle, date, post, reason, screenshot]
      wording: We will hide or delete the comment and keep a record of it.
    - actions: [warn]
      wording: If it happens again, we will send you a private message saying which rule was broken.
    - actions: [remove-and-ban]
      decided_by: the Communications Manager
      wording: If it carries on after a warning, we will remove the post and ban the account from our pages.

contacts:
  - purpose: Questions about these rules
    method: email
    value: socialmedia@riverside.example.gov.uk

accessibility:
  compliance: partial
  prepared: "2026-11-21"
  reviewed: "2026-11-21"
  contact: |
    To ask for this information in another format, or to report an
    accessibility problem, email socialmedia@riverside.example.gov.uk.
"""

PUBLIC_PAGES = {"", "rules", "check", "using-social-media", "when-rules-are-broken", "contact",
                "rules-reference", "accessibility"}
STAFF_PAGES = {"", "moderation", "check", "responses", "judgement", "rules-reference", "accessibility"}


@pytest.fixture(scope="module")
def riverside(project_root, tmp_path_factory) -> tuple[Path, Path]:
    """(policies, out): the real policies plus Riverside, with Riverside alone built."""
    root = tmp_path_factory.mktemp("riverside")
    policies = root / "policies"
    shutil.copytree(project_root / "policies", policies)
    (policies / "councils" / "riverside.yaml").write_text(RIVERSIDE, encoding="utf-8")
    out = root / "site"
    build_sites(project_root, ["riverside"], policy=policies, out=out)
    return policies, out


def pages(site: Path) -> set[str]:
    """The site's pages, by folder ("" for the home page)."""
    return {p.parent.relative_to(site).as_posix().removeprefix(".") for p in site.rglob("index.html")}


def text(site: Path, page: str) -> str:
    """The words of a page's main content, as a reader sees them."""
    markup = (site / page / "index.html").read_text(encoding="utf-8")
    article = re.search(r"<article\b.*?</article>", markup, re.S).group(0)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", article))).strip()


def words(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def test_only_the_new_council_is_built_with_the_expected_pages(riverside):
    _, out = riverside
    assert sorted(p.name for p in (out / "public").iterdir()) == ["riverside"]
    assert sorted(p.name for p in (out / "staff").iterdir()) == ["riverside"]
    assert pages(out / "public" / "riverside") == PUBLIC_PAGES
    assert pages(out / "staff" / "riverside") == STAFF_PAGES


def test_no_pre_election_page_or_mention(riverside):
    _, out = riverside
    site = out / "public" / "riverside"
    assert not (site / "pre-election").exists()
    for page in PUBLIC_PAGES:
        assert "pre-election" not in (site / page / "index.html").read_text(encoding="utf-8").lower()


def test_overview_names_the_council_its_accounts_and_hours(riverside):
    _, out = riverside
    site = out / "public" / "riverside"
    overview = text(site, "")
    assert "Riverside Borough Council" in overview
    assert "Instagram (@riversidecouncil)" in overview
    assert "TikTok (@riversidebc)" in overview
    assert "Monday to Sunday, 8:30am to 6pm" in overview
    markup = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>" in markup and "Riverside Borough Council" in markup.split("<title>", 1)[1].split("</title>")[0]
    assert 'href="https://www.instagram.com/riversidecouncil"' in markup
    assert 'href="https://www.tiktok.com/@riversidebc"' in markup


def test_hours_and_reply_targets(riverside):
    _, out = riverside
    public = text(out / "public" / "riverside", "using-social-media")
    assert "We monitor our social media accounts between 8:30am and 6pm, Monday to Sunday." in public
    assert "Outside these hours we only post updates in an emergency." in public
    assert "We aim to reply to questions sent to our accounts within one working day." in public
    assert "pass complaints" not in public.lower()

    staff = text(out / "staff" / "riverside", "responses")
    assert "Monday to Sunday" in staff
    assert "8:30am to 6pm" in staff
    assert "Pass complaints to the service concerned Within four hours" in staff


def test_rules_page_has_the_councils_wording_and_the_rules_own(riverside):
    policies, out = riverside
    rules = load_policy(policies).rules
    page = text(out / "public" / "riverside", "rules")
    assert "To keep our pages useful and welcoming:" in page
    assert words(rules["off-topic"].wording) in page
    assert "Post your comment once; we read every one." in page
    assert "Abuse and hate" in page
    assert "Do not abuse or threaten anyone, including our staff." in page
    assert words(rules["hate"].wording) in page
    # The council's own wording replaces the rule's.
    assert words(rules["spam"].wording) not in page
    markup = (out / "public" / "riverside" / "rules" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h3[^>]*>Abuse and hate</h3>", markup)


def test_enforcement_steps(riverside):
    _, out = riverside
    public = text(out / "public" / "riverside", "when-rules-are-broken")
    for step in ("We will hide or delete the comment and keep a record of it.",
                 "If it happens again, we will send you a private message saying which rule was broken.",
                 "If it carries on after a warning, we will remove the post and ban the account from our pages."):
        assert step in public
    staff = text(out / "staff" / "riverside", "moderation").lower()
    assert "step 2: warn the account holder" in staff
    assert "step 3: remove the post and ban the author" in staff
    assert "who decides: the communications manager" in staff


def test_contact_by_email(riverside):
    _, out = riverside
    assert "Questions about these rules: socialmedia@riverside.example.gov.uk" in \
        text(out / "public" / "riverside", "contact").replace(" :", ":")
