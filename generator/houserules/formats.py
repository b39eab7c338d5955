"""The policy file formats, declared once. Docs, errors and the loader all
read these declarations."""

from __future__ import annotations

import re

from .schema import (INVALID, Bool, Choice, Context, Date, Int, ListOf, Number, OneOf, Record,
                     Ref, Slug, Tagged, Text, Time, Url)

# ---------------------------------------------------------------- word lists

WORD_CATEGORIES = ("general", "sexual", "discriminatory", "race-ethnicity", "sex-gender",
                   "mental-health", "drugs", "insult")

WORDLIST = Record("word list", {
    "id": Slug(help="equals the file name"),
    "title": Text(),
    "source": Record("source", {
        "title": Text(),
        "publisher": Text(),
        "year": Int(minimum=1900, maximum=2100, required=False),
        "via": Text(help="repository @ commit, path: where this copy was taken from"),
        "licence": Text(),
    }),
    "notes": Text(required=False),
    "entries": ListOf(Record("word-list entry", {
        "term": Text(pattern=r"[^A-Z]+", pattern_help="lower-case text"),
        "category": Choice(*WORD_CATEGORIES),
        "severity": Int(minimum=1, maximum=4, help="Ofcom's scale: 1 mild, 2 medium, 3 strong, 4 strongest"),
        "context_only": Bool(required=False, default=False,
                             help="innocent alone; offensive only in context, never flagged alone"),
        "name": Bool(required=False, default=False,
                     help="also a first name or surname (Dick Turpin): not flagged written as part of a name"),
        "compounds": Bool(required=False, default=False,
                          help="also matched at the start or end of a longer word (bullshit, fuckwit)"),
        "note": Text(required=False),
    }), min_items=1, unique=lambda e: e["term"], unique_what="term"),
})

# ---------------------------------------------------------------- rules

RULE_CATEGORIES = ("language", "abuse", "hate", "privacy", "spam", "promotion", "legal",
                   "political", "relevance", "conduct")


def _check_regex(record: dict, ctx: Context, path: str, raw) -> None:
    # Nested quantifiers and backreferences are what make a regex backtrack
    # without bound; the checker must stay linear in the comment's length.
    regex = record["regex"]
    try:
        re.compile(regex)
    except re.error as exc:
        ctx.error(raw.line_of("regex"), f"{path}.regex", f"invalid regular expression: {exc}")
        return
    if re.search(r"\\[1-9]|\(\?P=", regex):
        ctx.error(raw.line_of("regex"), f"{path}.regex", "backreferences are not allowed")
    if re.search(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]", regex):
        ctx.error(raw.line_of("regex"), f"{path}.regex",
                  "nested quantifiers are not allowed (they can take exponential time)")


CHECK_KINDS = {
    "wordlist": Record("wordlist check", {
        "categories": ListOf(Choice(*WORD_CATEGORIES), min_items=1),
        "min_severity": Int(minimum=1, maximum=4,
                            help="entries at or above this break; below it they may break"),
    }),
    "targeted-insult": Record("targeted-insult check", {
        "targets": ListOf(Choice("person", "staff", "councillor", "group"), min_items=1),
    }),
    "threat": Record("threat check", {}),
    "personal-data": Record("personal-data check", {
        "detectors": ListOf(Choice("phone", "email", "postal-address", "ni-number", "payment-card"),
                            min_items=1),
    }),
    "repetition": Record("repetition check", {
        "similarity": Number(minimum=0.5, maximum=1.0),
    }),
    "promotion": Record("promotion check", {}),
    "pattern": Record("pattern check", {
        "patterns": ListOf(Record("pattern", {
            "name": Slug(),
            "regex": Text(),
            "why": Text(),
        }, validate=_check_regex), min_items=1, unique=lambda p: p["name"], unique_what="pattern name"),
    }),
    "political": Record("political check", {"active": Choice("pre-election")}),
    "relevance": Record("relevance check", {}),
    "accusation": Record("accusation check", {}),
    "human": Record("human check", {
        "reason": Text(help="why no program can judge this rule"),
    }),
}


class _Example(OneOf):
    """A comment as plain text, or with what the checker is told about it."""

    def check(self, value, ctx, path, line):
        if isinstance(value, dict):
            return _EXAMPLE_RECORD.check(value, ctx, path, line)
        text = Text().check(value, ctx, path, line)
        return text if text is INVALID else {"text": text, "reply_to": None, "earlier": [], "date": None}


_EXAMPLE_RECORD = Record("example", {
    "text": Text(),
    "reply_to": Text(required=False, help="the post the comment replies to"),
    "earlier": ListOf(Text(), required=False, help="the author's earlier comments"),
    "date": Date(required=False, help="the day the comment is posted"),
})
EXAMPLE = _Example(Text(), _EXAMPLE_RECORD)


def _rule_examples(record: dict, ctx: Context, path: str, raw) -> None:
    if record["check"]["kind"] == "human":
        return
    for side in ("breaks", "passes"):
        if len(record["examples"][side]) < 3:
            ctx.error(raw.line_of("examples"), f"examples.{side}",
                      "a rule the checker judges needs at least 3 examples of each kind")


RULE = Record("rule", {
    "id": Slug(help="stable id; equals the file name"),
    "title": Text(),
    "summary": Text(help="terse message shown by the checker"),
    "category": Choice(*RULE_CATEGORIES),
    "wording": Text(help="default public wording"),
    "rationale": Text(help="why the rule exists (Markdown)"),
    "check": Tagged("kind", CHECK_KINDS),
    "examples": Record("examples", {
        "breaks": ListOf(EXAMPLE),
        "passes": ListOf(EXAMPLE),
    }, required=False, default={"breaks": [], "passes": []}),
}, validate=_rule_examples)

# ---------------------------------------------------------------- councils

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
AUDIENCES = ("public", "staff")
# Every page a site can have, in the order its navigation lists them, with
# its title unless the council names it (page_titles): one list for which
# pages a section may go on and for the navigation.
PUBLIC_NAV = (
    ("index", "Overview"),
    ("rules", "House rules"),
    ("check", "Check a comment"),
    ("using-social-media", "How we use social media"),
    ("when-rules-are-broken", "When rules are broken"),
    ("pre-election", "Pre-election period"),
    ("contact", "Contact us"),
    ("rules-reference", "Rules explained"),
    ("history", "History of changes"),
    ("accessibility", "Accessibility statement"),
)
STAFF_NAV = (
    ("index", "Staff overview"),
    ("protocol", "Social media protocol"),
    ("moderation", "Moderation procedure"),
    ("check", "Check a comment"),
    ("responses", "Hours and response targets"),
    ("judgement", "Rules that need a person"),
    ("rules-reference", "Rules explained"),
    ("history", "History of changes"),
    ("accessibility", "Accessibility statement"),
)
PUBLIC_PAGES = tuple(page for page, _ in PUBLIC_NAV)
STAFF_PAGES = tuple(page for page, _ in STAFF_NAV)
ENFORCEMENT_ACTIONS = ("record", "hide-or-delete", "warn", "block", "notify", "report-to-police",
                       "remove-and-ban")
RECORD_ITEMS = ("account-name", "account-handle", "date", "post", "reason", "screenshot")


def _unknown(what: str) -> Record:
    return Record(f"unknown {what}", {
        "unknown": Text(help="why it is not known: shown to editors until someone fills it in"),
        "placeholder": Text(help="what the pages say meanwhile"),
    })


def _hours_order(record: dict, ctx: Context, path: str, raw) -> None:
    if record["start"] >= record["end"]:
        ctx.error(raw.line_of("end"), f"{path}.end",
                  f"must be later than start ({record['start']})")


def _one_deadline(record: dict, ctx: Context, path: str, raw) -> None:
    if (record["within"] is None) == (record["by"] is None):
        ctx.error(raw.line, path, "give exactly one of 'within' or 'by'")


def _adopted_ids(entry: dict) -> list[str]:
    return [entry["rule"]] if entry["rule"] else list(entry["rules"] or [])


def _one_rule_key(record: dict, ctx: Context, path: str, raw) -> None:
    if (record["rule"] is None) == (record["rules"] is None):
        ctx.error(raw.line, path, "give exactly one of 'rule' (one id) or 'rules' (a list of ids)")


def _section_page(record: dict, ctx: Context, path: str, raw) -> None:
    pages = PUBLIC_PAGES if record["audience"] == "public" else STAFF_PAGES
    if record["page"] not in pages:
        ctx.error(raw.line_of("page"), f"{path}.page",
                  f"no {record['audience']} page {record['page']!r}; {record['audience']} pages: {', '.join(pages)}")


ADOPTED_RULE = Record("adopted rule", {
    "rule": Ref("rule", required=False),
    "rules": ListOf(Ref("rule"), min_items=1, required=False, default=None),
    "wording": Text(required=False, help="the council's own wording, when it differs"),
}, validate=_one_rule_key)

ADOPTED_GROUP = Record("group of adopted rules", {
    "heading": Text(required=False),
    "lead_in": Text(required=False, help="the sentence that introduces the list"),
    "adopted": ListOf(ADOPTED_RULE, min_items=1),
    "after": Text(required=False, help="Markdown after the list"),
})


class _AdoptedItem(OneOf):
    """A rule entry, or a group of them (a heading or lead-in with its own list)."""

    def check(self, value, ctx, path, line):
        is_group = isinstance(value, dict) and "adopted" in value
        return (ADOPTED_GROUP if is_group else ADOPTED_RULE).check(value, ctx, path, line)


ADOPTED_ITEM = _AdoptedItem(ADOPTED_RULE, ADOPTED_GROUP)


def adopted_entries(rules: dict) -> list[dict]:
    """Every adopted-rule entry, groups flattened, in page order."""
    out = []
    for item in rules["adopted"]:
        out.extend(item["adopted"] if "adopted" in item else [item])
    return out


def _adopted_once(record: dict, ctx: Context, path: str, raw) -> None:
    # Walk the raw YAML (already known to be well formed) for line numbers.
    seen: dict[str, int] = {}
    for item in raw["adopted"]:
        for entry in (item["adopted"] if "adopted" in item else [item]):
            ids = [entry["rule"]] if "rule" in entry else list(entry["rules"])
            for rule_id in ids:
                if rule_id in seen:
                    ctx.error(entry.line, f"{path}.adopted",
                              f"duplicate rule id {rule_id!r} (already adopted at line {seen[rule_id]})")
                seen.setdefault(rule_id, entry.line)


SECTION = Record("prose section", {
    "id": Slug(),
    "audience": Choice(*AUDIENCES, help="staff text never appears on the public site"),
    "page": Choice(*sorted(set(PUBLIC_PAGES) | set(STAFF_PAGES))),
    "title": Text(required=False),
    "position": Choice("start", "end", required=False, default="end",
                       help="before or after the generated content of the page"),
    "body": Text(help="Markdown"),
}, validate=_section_page)

COUNCIL = Record("council", {
    "slug": Slug(help="equals the file name; the council's address in the built sites"),
    "name": OneOf(Text(), _unknown("name")),
    "short_name": Text(help="how the pages refer to the area, e.g. 'Ashfield'"),
    "website": OneOf(Url(), _unknown("website")),
    "sample": Text(required=False, help="marks invented data and says what is invented"),
    "about": Text(required=False, help="opening of the overview page (Markdown)"),
    "platforms_intro": Text(required=False),
    "platforms": ListOf(required=False, item=Record("platform", {
        "platform": Choice("twitter", "facebook", "youtube", "instagram", "linkedin", "tiktok",
                           "nextdoor", "other"),
        "name": Text(required=False, help="shown name, when not the platform's usual name"),
        "handle": Text(required=False),
        "url": Url(required=False),
        "label": Text(required=False, help="link text, e.g. 'Follow us on Twitter'"),
    })),
    "monitoring": Record("monitoring", {
        "days": ListOf(Choice(*DAYS), min_items=1, unique=lambda d: d, unique_what="day"),
        "hours": Record("hours", {"start": Time(), "end": Time()}, validate=_hours_order,
                        required=False, help="leave out when the policy does not say"),
        "outside_hours": Choice("not-monitored", "emergencies-only", "scheduled-posts-only"),
        "wording": Text(required=False),
        "outside_hours_wording": Text(required=False),
    }),
    "responses": Record("responses", {
        "wording": Text(required=False),
        "targets": ListOf(Record("response target", {
            "id": Slug(),
            "audience": Choice(*AUDIENCES),
            "what": Text(help="e.g. 'acknowledge posts and messages'"),
            "applies_to": Choice("all", "office-hours", "out-of-hours", required=False, default="all"),
            "within": Record("within", {
                "amount": Int(minimum=1, maximum=365),
                "unit": Choice("hour", "working-day", "day"),
            }, required=False),
            "by": Choice("end-of-working-day", "end-of-next-working-day", required=False),
            "wording": Text(required=False),
        }, validate=_one_deadline), unique=lambda t: t["id"], unique_what="target id"),
    }),
    "alternatives": ListOf(required=False, item=Record("alternative channel", {
        "need": Text(help="what the resident wants to do, e.g. 'report fly-tipping'"),
        "channel": Text(),
        "url": Url(required=False),
        "tracking_code": Bool(required=False, default=False),
        "wording": Text(required=False),
    })),
    "endorsement": Record("following and sharing", {
        "following_is_endorsement": Bool(),
        "sharing_is_endorsement": Bool(),
        "wording": Text(help="Markdown"),
    }, required=False),
    "rules": Record("rules", {
        "intro": Text(required=False),
        "adopted": ListOf(ADOPTED_ITEM, min_items=1),
        "outro": Text(required=False),
    }, validate=_adopted_once),
    "enforcement": Record("enforcement", {
        "intro": Text(required=False),
        "steps": ListOf(Record("enforcement step", {
            "actions": ListOf(Choice(*ENFORCEMENT_ACTIONS), min_items=1),
            "decided_by": Text(required=False),
            "consulted": ListOf(Text(), required=False),
            "records": ListOf(Choice(*RECORD_ITEMS), required=False),
            "wording": Text(required=False),
        }), min_items=1),
        "block_appeal": Record("block appeal", {
            "after_months": Int(minimum=1, maximum=120),
            "decided_with": Text(),
        }, required=False),
        "block_notice": Record("block notice", {
            "notified": Bool(help="whether a blocked person is told"),
            "reasons_discussed": Bool(help="whether the reasons are discussed on social media"),
            "wording": Text(required=False),
        }, required=False),
        "complaints": Text(required=False, help="how to complain about a block (Markdown)"),
        "outro": Text(required=False),
    }),
    "pre_election": Record("pre-election period", {
        "weeks": Int(minimum=1, maximum=12),
        "elections": ListOf(Text(), min_items=1),
        "wording": Text(required=False),
        "polling_days": ListOf(Record("polling day", {"date": Date(), "election": Text()}),
                               required=False),
    }, required=False),
    "contacts": ListOf(required=False, item=Record("contact", {
        "purpose": Text(),
        "method": Choice("website", "email", "phone", "form", "private-message", "team"),
        "value": Text(required=False, help="address, number or team name"),
        "url": Url(required=False),
        "wording": Text(required=False),
    })),
    "accessibility": Record("accessibility statement", {
        "compliance": Choice("full", "partial", "none"),
        "prepared": Date(),
        "reviewed": Date(),
        "contact": Text(help="how to ask for another format or report a problem (Markdown)"),
        "known_issues": ListOf(Text(), required=False),
    }),
    "page_titles": Record("page titles", {
        page: Text(required=False) for page in sorted(set(PUBLIC_PAGES) | set(STAFF_PAGES))
    }, required=False, default={}, help="the council's own names for pages, when it has them"),
    "sections": ListOf(SECTION, required=False, unique=lambda s: s["id"], unique_what="section id"),
})
