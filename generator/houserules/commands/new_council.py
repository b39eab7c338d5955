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
# short_name: {t[short]}          # how the pages refer to the area
{languages}
# sample: {t[sample]}

{about}

# page_titles:                   # the council's own names for pages, when it has them
#   index: {t[index]}

# The council's accounts.
# platforms_intro: {t[platforms_intro]}
# platforms:
#   - {{platform: facebook, handle: "@example", url: "https://www.facebook.com/example"}}
#   # platform: twitter, facebook, youtube, instagram, linkedin, tiktok, nextdoor or other

# When the accounts are monitored. Leave out what the policy does not say:
# a policy that gives days but no hours has no `hours`.
# monitoring:
#   days: [monday, tuesday, wednesday, thursday, friday]
#   hours: {{start: "09:00", end: "17:00"}}   # 24-hour, in quotes
#   outside_hours: not-monitored   # not-monitored, emergencies-only or scheduled-posts-only
#   wording: {t[monitoring]}

# Whether and how soon the council replies.
# responses:
#   wording: {t[responses]}
#   targets:
#     - id: first-reply
#       audience: public           # public, or staff (shown on the staff site only)
#       what: {t[what]}
#       within: {{amount: 2, unit: working-day}}   # unit: hour, working-day or day

# Where residents should go instead of social media.
# alternatives:
#   - {{need: {t[need]}, channel: {t[channel]}, url: "https://..."}}

# Whether following or sharing means the council endorses someone.
# endorsement:
#   following_is_endorsement: false
#   sharing_is_endorsement: false
#   wording: {t[endorsement]}

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
#       decided_by: {t[decided_by]}
#   at_once:                       # content acted on straight away, outside the steps
#     - content: {t[content]}
#       rules: [obscene]           # the adopted rules it is for, so the checker can say so
#       actions: [hide-or-delete, block]
#   reserved:                      # what the council only reserves the right to do
#     - actions: [hide-or-delete]
#       wording: {t[reserved]}
#   block_appeal: {{after_months: 6, decided_with: {t[decided_with]}}}
#   block_notice: {{notified: false, reasons_discussed: false}}

# The pre-election period.
# pre_election:
#   weeks: 6
#   elections: [{t[local]}, {t[general]}]
#   polling_days:
#     - {{date: "2027-05-06", election: {t[election]}}}

# How to contact the council.
# contacts:
#   - {{purpose: {t[purpose]}, method: website, url: "https://..."}}
#   # method: website, email, phone, form, private-message or team

# The accessibility statement's facts, as the council states them.
# accessibility:
#   compliance: partial            # full, partial or none
#   prepared: "2026-12-01"
#   reviewed: "2026-12-01"
#   contact: {t[contact]}

# The council's own prose, placed on a page of one site.
# sections:
#   - id: our-approach
#     audience: public             # public, or staff (never on the public site)
#     page: index                  # see policies/FORMAT.md for the pages
#     title: {t[title]}
{body}
"""


# Each text a council writes, as the starter shows it: (English, Welsh). For a
# council in Welsh and English every one is {cy: ..., en: ...}, so a setting
# uncommented as it stands is not refused for being in one language only.
TEXTS = {
    "sample": ("What is made up here, if anything (shown on both sites).",
               "Beth sydd wedi'i ddyfeisio yma, os unrhyw beth (a ddangosir ar y ddwy wefan)."),
    "about": ("Why and how the council uses social media.",
              "Pam a sut mae'r cyngor yn defnyddio'r cyfryngau cymdeithasol."),
    "index": ("Social media acceptable use policy", "Polisi defnydd derbyniol o'r cyfryngau cymdeithasol"),
    "platforms_intro": ('"You can find us on:"', "Gallwch ddod o hyd i ni ar:"),
    "monitoring": ("The policy's own sentence about when accounts are monitored.",
                   "Brawddeg y polisi ei hun am bryd y caiff y cyfrifon eu monitro."),
    "responses": ("The policy's own words about replies.", "Geiriau'r polisi ei hun am ymatebion."),
    "what": ("reply to questions", "ateb cwestiynau"),
    "need": ("Report a missed bin", "Rhoi gwybod am fin heb ei gasglu"),
    "channel": ("the online form", "y ffurflen ar-lein"),
    "endorsement": ("Following an account or sharing a post does not mean we endorse it.",
                    "Nid yw dilyn cyfrif na rhannu neges yn golygu ein bod yn ei gymeradwyo."),
    "decided_by": ("the Communications Manager", "y Rheolwr Cyfathrebu"),
    "content": ("explicit content", "cynnwys rhywiol amlwg"),
    "reserved": ("We reserve the right to remove comments that break these rules.",
                 "Rydym yn cadw'r hawl i ddileu sylwadau sy'n torri'r rheolau hyn."),
    "decided_with": ("the Head of Communications", "y Pennaeth Cyfathrebu"),
    "local": ("local", "lleol"),
    "general": ("general", "cyffredinol"),
    "election": ("District council elections", "Etholiadau'r cyngor dosbarth"),
    "purpose": ("General enquiries", "Ymholiadau cyffredinol"),
    "contact": ("How to ask for another format or report a problem (Markdown).",
                "Sut i ofyn am fformat arall neu roi gwybod am broblem (Markdown)."),
    "title": ("Our approach", "Ein dull o weithio"),
    "body": ("Text in Markdown.", "Testun yn Markdown."),
}


def _quoted(text: str) -> str:
    """A text in quotes, as a flow mapping needs it ("if anything, ..." has a comma)."""
    return text if text.startswith('"') else json.dumps(text, ensure_ascii=False)


def _block(key: str, comment: str, indent: str, english: str, welsh: str | None) -> str:
    """A Markdown setting written as a block, commented out: one, or one per language."""
    head = f"# {indent}{key}:" + (" |" if welsh is None else "")
    head = f"{head:<33}{comment}".rstrip()
    if welsh is None:
        return f"{head}\n# {indent}  {english}"
    return f"{head}\n# {indent}  cy: |\n# {indent}    {welsh}\n# {indent}  en: |\n# {indent}    {english}"


def starter_text(slug: str, name: str, website: str, rules: list[str], known: list[str],
                 name_cy: str | None = None) -> str:
    """`name_cy`: the council's name in Welsh, for a council that publishes
    in Welsh and English (a site in each)."""
    if rules:
        adopted = "\n".join(f"    - rule: {rule}" for rule in rules) + "\n"
    else:
        adopted = ("    # Adopt at least one rule: uncomment the lines of the rules the policy has.\n"
                   + "\n".join(f"    # - rule: {rule}" for rule in known) + "\n")
    short = name.split(" ")[0]
    if name_cy:
        languages = ("languages: [cy, en]              # a site in each; every text the council writes is "
                     "{{cy: ..., en: ...}}")
        welsh, english = (json.dumps(n, ensure_ascii=False) for n in (name_cy, name))
        name_yaml = f"{{cy: {welsh}, en: {english}}}"
        texts = {key: f"{{cy: {_quoted(cy)}, en: {_quoted(en)}}}" for key, (en, cy) in TEXTS.items()}
        # The area's name in Welsh is not the first word of the council's ("Cyngor ..."): the English
        # stands in for it until the council's own is written.
        texts["short"] = f"{{cy: {short}, en: {short}}}"
    else:
        languages = "# languages: [en]                # with cy: each text the council writes is {{cy: ..., en: ...}}"
        name_yaml = json.dumps(name, ensure_ascii=False)
        texts = {key: en for key, (en, _) in TEXTS.items()} | {"short": short}
    about = _block("about", "# the opening of the overview page (Markdown)", "", TEXTS["about"][0],
                   TEXTS["about"][1] if name_cy else None)
    body = _block("body", "", "    ", TEXTS["body"][0], TEXTS["body"][1] if name_cy else None)
    return STARTER.format(slug=slug, name=name, name_yaml=name_yaml, languages=languages.format(),
                          website_yaml=json.dumps(website), adopted=adopted, t=texts, about=about, body=body)


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
