"""`houserules new-council SLUG --name ... --website ...`: start a council.

The file it writes builds as it stands (name, website and the rules given)
and explains every other setting in comments: what it means, how to write
it, and that leaving it out means the sites say nothing about it. A site
says what its council's policy says, and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import UsageError
from ..load import load_policy
from ..schema import INVALID, Context, Slug, Url
from ..yamlsource import display_path

STARTER = """\
# {name}: social media house rules.
#
# Only name, website and rules are needed. Every other setting below is
# commented out: a setting left out, or written `not stated`, is one the
# council's policy does not state, and its sites then say nothing about it.
# Uncomment and fill in only what the policy says, in its own words where
# it has them (the `wording` fields). Where the policy has a fact you do not
# know yet, write {{unknown: why it is not known}}: the staff site lists it.
#
# Check it: houserules validate   (warns about every setting not stated)
# Build it: houserules build {slug}
# Every field: policies/FORMAT.md
slug: {slug}
name: {name_yaml}
website: {website_yaml}
# short_name: {short}          # how the pages refer to the area
{languages}
# sample: What is made up here, if anything (shown on both sites).

# about: |                       # the opening of the overview page (Markdown)
#   Why and how the council uses social media.

# page_titles:                   # the council's own names for pages, when it has them
#   index: Social media acceptable use policy

# The council's accounts.
# platforms_intro: "You can find us on:"
# platforms:
#   - {{platform: facebook, handle: "@example", url: "https://www.facebook.com/example"}}
#   # platform: twitter, facebook, youtube, instagram, linkedin, tiktok, nextdoor or other

# When the accounts are monitored. Leave out what the policy does not say:
# a policy that gives days but no hours has no `hours`.
# monitoring:
#   days: [monday, tuesday, wednesday, thursday, friday]
#   hours: {{start: "09:00", end: "17:00"}}   # 24-hour, in quotes
#   outside_hours: not-monitored   # not-monitored, emergencies-only or scheduled-posts-only
#   wording: The policy's own sentence about when accounts are monitored.

# Whether and how soon the council replies.
# responses:
#   wording: The policy's own words about replies.
#   targets:
#     - id: first-reply
#       audience: public           # public, or staff (shown on the staff site only)
#       what: reply to questions
#       within: {{amount: 2, unit: working-day}}   # unit: hour, working-day or day

# Where residents should go instead of social media.
# alternatives:
#   - {{need: Report a missed bin, channel: the online form, url: "https://..."}}

# Whether following or sharing means the council endorses someone.
# endorsement:
#   following_is_endorsement: false
#   sharing_is_endorsement: false
#   wording: Following an account or sharing a post does not mean we endorse it.

# The rules the council adopts, by id (houserules rules lists them). Give the
# council's own wording where it differs from the rule's.
rules:
  adopted:
{adopted}
# What the council does when rules are broken: any of a ladder of steps
# followed in order, actions taken at once for some content, and rights it
# reserves. Actions: record, hide-or-delete, warn, tell-poster, block,
# remove-and-ban, tell-senior-managers, report-to-police, report-to-platform
# (what each says on the pages: policies/FORMAT.md).
# enforcement:
#   steps:                         # only if the policy sets out a process in order
#     - actions: [hide-or-delete]
#     - actions: [block]
#       decided_by: the Communications Manager
#   at_once:                       # content acted on straight away, outside the steps
#     - content: explicit content
#       rules: [obscene]           # the adopted rules it is for, so the checker can say so
#       actions: [hide-or-delete, block]
#   reserved:                      # what the council only reserves the right to do
#     - actions: [hide-or-delete]
#       wording: We reserve the right to remove comments that break these rules.
#   block_appeal: {{after_months: 6, decided_with: the Head of Communications}}
#   block_notice: {{notified: false, reasons_discussed: false}}

# The pre-election period.
# pre_election:
#   weeks: 6
#   elections: [local, general]
#   polling_days:
#     - {{date: "2027-05-06", election: District council elections}}

# How to contact the council.
# contacts:
#   - {{purpose: General enquiries, method: website, url: "https://..."}}
#   # method: website, email, phone, form, private-message or team

# The accessibility statement's facts, as the council states them.
# accessibility:
#   compliance: partial            # full, partial or none
#   prepared: "2026-12-01"
#   reviewed: "2026-12-01"
#   contact: How to ask for another format or report a problem (Markdown).

# The council's own prose, placed on a page of one site.
# sections:
#   - id: our-approach
#     audience: public             # public, or staff (never on the public site)
#     page: index                  # see policies/FORMAT.md for the pages
#     title: Our approach
#     body: |
#       Text in Markdown.
"""


def starter_text(slug: str, name: str, website: str, rules: list[str], known: list[str],
                 name_cy: str | None = None) -> str:
    """`name_cy`: the council's name in Welsh, for a council that publishes
    in Welsh and English (a site in each)."""
    if rules:
        adopted = "\n".join(f"    - rule: {rule}" for rule in rules) + "\n"
    else:
        adopted = ("    # Adopt at least one rule: uncomment the lines of the rules the policy has.\n"
                   + "\n".join(f"    # - rule: {rule}" for rule in known) + "\n")
    if name_cy:
        languages = ("languages: [cy, en]              # a site in each; every text the council writes is "
                     "{{cy: ..., en: ...}}")
        welsh, english = (json.dumps(n, ensure_ascii=False) for n in (name_cy, name))
        name_yaml = f"{{cy: {welsh}, en: {english}}}"
    else:
        languages = "# languages: [en]                # with cy: each text the council writes is {{cy: ..., en: ...}}"
        name_yaml = json.dumps(name, ensure_ascii=False)
    return STARTER.format(slug=slug, name=name, name_yaml=name_yaml, languages=languages.format(),
                          website_yaml=json.dumps(website), short=name.split(" ")[0], adopted=adopted)


def new_council(policy_dir: Path, slug: str, name: str, website: str, rules: list[str],
                name_cy: str | None = None) -> str:
    ctx = Context("new-council")
    if Slug().check(slug, ctx, "slug", 0) is INVALID:
        raise UsageError(f"a council's slug is lower-case letters, digits and hyphens, like 'riverside', not {slug!r}")
    if Url().check(website, ctx, "website", 0) is INVALID:
        raise UsageError(f"--website: a full web address starting with https://, not {website!r}")
    path = policy_dir / "councils" / f"{slug}.yaml"
    if path.exists():
        raise UsageError(f"{display_path(path)} already exists")
    known = sorted(load_policy(policy_dir, prove=False).rules)
    unknown = [r for r in rules if r not in known]
    if unknown:
        raise UsageError(f"no rule {', '.join(map(repr, unknown))}; the rules are: {', '.join(known)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(starter_text(slug, name, website, rules, known, name_cy), encoding="utf-8")
    then = f"houserules validate, then houserules build {slug}" if rules else \
        "adopt at least one rule in it, then houserules validate"
    return f"wrote {display_path(path)}: every setting is explained in it. Next: {then}."
