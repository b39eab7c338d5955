"""Which column of a moderator's export holds each field of a comment (the
comment itself, its author, handle, date ...), as Meta Business Suite, X
and Instagram name them or as --text-column and the like say; and what
stderr says about them."""

from __future__ import annotations

import re

from .messages import translator
from .wording import _

# Where each field of a comment is read from: a column of that name, else the
# first of the other names an export gives it, as Meta Business Suite
# ("Comment", "Author", "Date", "Post Message"), X ("Tweet text", "Screen
# name", "Created at") and Instagram ("Text", "Username", "Timestamp") write
# them. Compared ignoring case, with spaces, hyphens and underscores alike,
# and without a note in brackets ("Date (UTC)"). A column gives one field:
# the handle is chosen before the author, so "Name" and "Username" are the
# author and the handle. Every column is written out as it came.
COLUMNS = {
    "text": ("text", "comment", "message", "comment_text", "comment_message", "tweet_text", "full_text",
             "tweet", "comment_body"),
    "handle": ("handle", "username", "user_name", "screen_name", "@", "user_handle", "author_handle",
               "account_handle"),
    "author": ("author", "author_name", "name", "from", "from_name", "user", "display_name", "username",
               "user_name", "screen_name", "account_name", "profile_name", "commenter", "commenter_name"),
    "date": ("date", "created", "created_at", "created_time", "time", "timestamp", "date_posted", "posted",
             "posted_at", "date_time", "datetime", "published", "published_at", "comment_date"),
    "reply_to": ("reply_to", "in_reply_to", "post_message", "post", "post_text", "replying_to"),
    "platform": ("platform", "network", "social_network"),
    "earlier": ("earlier",),
}
FIELDS = ("text", "author", "handle", "date", "reply_to", "platform", "earlier")  # in the order stderr names them
SAID = {"text": _("the comment"), "author": _("the author"), "handle": _("the handle"), "date": _("the date"),
        "reply_to": _("the post replied to"), "platform": _("the platform"),
        "earlier": _("the earlier comments")}
OPTION = {field: f"--{field.replace('_', '-')}-column" for field in FIELDS}  # the option that names each


def _fold(name) -> str:
    return re.sub(r"[\s_-]+", "_", str(name).strip()).lower()


def _keys(name) -> tuple[str, str]:
    """A column's name as compared: folded, and folded without a note in brackets ("Date (UTC)": "date")."""
    plain = _fold(name)
    bare = _fold(re.sub(r"\s*[(\[][^)\]]*[)\]]\s*", " ", str(name))) or plain
    return plain, bare


def column_map(names, chosen: dict[str, str] | None = None) -> dict[str, str]:
    """Which of the names (columns, or a JSON line's keys) holds each field: the
    column named for it (`chosen`, from --text-column and the like: the name as
    it is, else ignoring case), else the first of its aliases found. A field
    whose chosen column is not there is not in the map."""
    names = list(names)
    chosen = chosen or {}
    found: dict[str, str] = {}
    for field, wanted in chosen.items():
        key = _fold(wanted)
        match = wanted if wanted in names else next((name for name in names if _fold(name) == key), None)
        if match is not None:
            found[field] = match
    used = set(found.values())
    keyed = [(name, _keys(name)) for name in names]
    for field, aliases in COLUMNS.items():
        if field in chosen:
            continue
        for which in (0, 1):  # every alias on the names as they are, then without their notes
            match = next((name for alias in aliases for name, keys in keyed
                          if keys[which] == alias and name not in used), None)
            if match is not None:
                found[field] = match
                used.add(match)
                break
    return {field: found[field] for field in FIELDS if field in found}


def describe_columns(fields: dict[str, str], language: str = "en") -> str:
    """Which column each field is read from, as stderr says it."""
    _ = translator(language)
    said = ", ".join(_("%(field)s from %(column)s", field=_(SAID[field]), column=repr(short(name, 60)))
                     for field, name in fields.items())
    return _("reading %(fields)s", fields=said) if said else _("no column of a comment's fields found yet")


# What an export without someone to name loses, by what its names are (a column; a JSON Lines field)
# and whether a record is asked for: whole sentences, as a translation needs them.
_NO_AUTHOR = {
    ("column", False): _("no author or handle column: repeated comments by one person are not found "
                         "(name the column with %(author)s or %(handle)s)"),
    ("column", True): _("no author or handle column: repeated comments by one person are not found, and the "
                        "record names nobody (name the column with %(author)s or %(handle)s)"),
    ("field", False): _("no author or handle field: repeated comments by one person are not found "
                        "(name the field with %(author)s or %(handle)s)"),
    ("field", True): _("no author or handle field: repeated comments by one person are not found, and the "
                       "record names nobody (name the field with %(author)s or %(handle)s)"),
}
_NO_DATE = {"column": _("no date column: %(lacks)s (name the column with %(option)s)"),
            "field": _("no date field: %(lacks)s (name the field with %(option)s)")}
# What an export without dates loses, by (no --date given, a record asked for).
_LACKS = {
    (True, False): _("every comment is checked against the policy in force today"),
    (False, True): _("the record has no date"),
    (True, True): _("every comment is checked against the policy in force today, and the record has no date"),
}


def missing_columns(fields: dict[str, str], what: str, *, date_given: bool, record: bool,
                    language: str = "en") -> list[str]:
    """Warnings for what the export does not have (`what`: "column" or "field"): someone to name, for
    the repetition rule and the record; and a date, for the policy in force and the record."""
    _ = translator(language)
    said = []
    if "author" not in fields and "handle" not in fields:
        said.append(_(_NO_AUTHOR[what, record], author=OPTION["author"], handle=OPTION["handle"]))
    if "date" not in fields and (record or not date_given):
        said.append(_(_NO_DATE[what], lacks=_(_LACKS[not date_given, record]), option=OPTION["date"]))
    return said


def short(value, width: int = 40) -> str:
    """A name or value cut short for a message (a column's name may be a whole paragraph)."""
    text = str(value)
    return text if len(text) <= width else text[:width] + "…"
