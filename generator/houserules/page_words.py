"""The words the theme writes round every page (the council bar, the version
banner, the version selector, the printed page's heading) and the page
script writes in the reader's browser, in the language of a council's site.

The theme overrides read them from the site's config (`config.extra.words`,
render.site_config); main.html hands them to assets/houserules.js in a
data attribute, so the script writes no English of its own. A `{name}` in
a text is filled where the text is used (main.html, or the page script,
which knows the reader's day), so a translation may put it anywhere in its
sentence. The Welsh is in messages/cy/generator.yaml.
"""

from __future__ import annotations

from .messages import translator
from .wording import month_names


def site_title(audience: str, language: str) -> str:
    """The name of the service an audience's site is, in `language`."""
    _ = translator(language)
    return _("Social media house rules") if audience == "public" else _("Social media: staff")


def page_words(language: str) -> dict[str, str]:
    """Key -> the text in `language`, for config.extra.words."""
    _ = translator(language)
    return {
        # The council bar and the service bar (main.html).
        "back_to_council": _("Back to the council's website"),
        "staff_label": _("Staff intranet: internal use only"),
        "menu": _("Menu"),
        "search": _("Search"),
        # The printed page's heading (main.html) and its foot (houserules.js).
        "print_staff": _("(staff intranet: internal use only)"),
        "print_this_page": _("This page:"),
        "printed_on": _("Printed on {date}."),
        # The page script writes the day it is printed: the month names, as wording.long_date writes them.
        "months": " ".join(month_names(language)),
        # The version banner as built, before the page script decides by the reader's day (main.html).
        "version_of_pages": _("Version {number} of these pages, in force from {date}."),
        "all_versions": _("All versions and what changed"),
        "last_updated": _("Last updated: {date} (version {number})."),
        "feed_title": _("Changes to these pages"),
        # The version banner by the reader's day (houserules.js).
        "replaced_will_not": _(
            "Replaced: version {number} of these pages will not take effect: version {next} replaces it from {date}."),
        "replaced_never": _(
            "Replaced: version {number} of these pages never took effect: version {next} replaced it on {date}."),
        "read_current": _("Read this page in the current version ({number})"),
        "upcoming": _("Upcoming version: version {number} of these pages takes effect on {date}."),
        "until_then": _("Until then, {applies}."),     # {applies}: a link, the next text
        "until_then_link": _("version {number} applies"),
        "superseded": _("Superseded: version {number} applied from {date} until {until}."),
        "current": _("Current version ({number}), in force since {date}."),
        "takes_effect": _("Version {number} takes effect on {date}"),
        # mike's labels as the version selector and the comparing form show them (houserules.js).
        "label_latest": _("latest"),
        "label_upcoming": _("upcoming"),
        "select_version": _("select another version"),
        # Compare versions (houserules.js).
        "same_version": _("Version {number} is the same version twice: choose two different versions."),
        "earlier_first": _("Version {old} took effect first, so this shows what changed from it to version {new}."),
        # A wide table made a named region (houserules.js).
        "table_scrolls": _("{heading} (table, scrolls sideways)"),
        "table": _("Table (scrolls sideways)"),
    }

