"""`promotion`: advertising and self-promotion: links, "check out my channel",
offers and prices, contact-me-for-a-deal, crypto and get-rich schemes."""

from __future__ import annotations

import re

from ..findings import BREAKS, MAY_BREAK, Signal

_LINK = re.compile(r"(?:https?://|www\.)\S+|\b[a-z0-9-]{2,}\.(?:com|co\.uk|net|org|info|biz|ly|io|me|shop|store)(?:/\S*)?\b")
# Strong: self-promotion or selling on its own.
_STRONG = re.compile(
    r"\b(?:check (?:out )?my|check out (?:our|this) (?:channel|page|shop|site|website|video|offer)|visit my|"
    r"subscribe to (?:my|me|our)|(?:sub|subscribe|subscribers?|subs?cribe) (?:to me|back|for sub|4 sub)|"
    r"sub ?4 ?sub|follow (?:me|my|us on)|like my (?:page|video|channel)|my (?:channel|youtube|page|shop|website|"
    r"online store|business|new video|music|mixtape|playlist|instagram|tiktok|onlyfans)|"
    r"dm me|inbox me|pm me|message me for|whatsapp me|text me for|call (?:me|us) for|"
    r"for (?:a )?(?:free )?(?:quote|quotes|price list)|(?:discount|promo|voucher|referral) code|\d+% off|"
    r"free (?:trial|gift|money|iphone|samples?|giveaway|quote)|giveaway|"
    r"(?:make|earn|making|earning) (?:money|[£$]\s?\d+|\d+ ?(?:pounds|dollars|k))|work from home|"
    r"bitcoin|crypto|forex|binary options|investment opportunity|passive income|"
    r"click (?:here|the link|this link)|buy now|order now|limited offer|best prices?|cheapest|"
    r"we (?:offer|sell|supply|install)|reasonable rates|no job too small|fully insured|"
    r"available for (?:hire|work|bookings)|(?:book|hire) (?:us|me) (?:now|today)|please (?:share|like) and subscribe)\b"
)
# Weak: could be advertising, or a resident sharing something useful.
_WEAK = re.compile(r"\b(?:subscribe|subscribers|sale|offers?|deals?|promo|discount|for sale|selling|cheap|"
                   r"to book|whatsapp|hire|quotes?|per (?:hour|day|job)|a day|message me|contact me)\b|[£$]\s?\d+")


def detect(comment, context, check) -> list[Signal]:
    text, out = comment.norm, []
    strong = list(_STRONG.finditer(text))
    links = list(_LINK.finditer(text))
    weak = list(_WEAK.finditer(text))
    for m in strong:
        s, e = comment.span(m.start(), m.end())
        out.append(Signal(BREAKS, s, e, f"promotes something: '{m.group()}'"))
    for m in links:
        s, e = comment.span(m.start(), m.end())
        if strong or weak:
            out.append(Signal(BREAKS, s, e, "a link alongside promotional wording"))
        else:
            out.append(Signal(MAY_BREAK, s, e, "a link: a person should check whether it advertises"))
    if not strong and not links and len(weak) >= 2:
        # Several sales words together read as an advert; two may be a resident's question.
        verdict = BREAKS if len(weak) >= 3 else MAY_BREAK
        for m in weak:
            s, e = comment.span(m.start(), m.end())
            out.append(Signal(verdict, s, e, f"sales wording: '{m.group()}'"))
    return out
