"""`promotion`: advertising and self-promotion: links, "check out my channel",
offers and prices, contact-me-for-a-deal, crypto and get-rich schemes."""

from __future__ import annotations

import re

from ..findings import BREAKS, MAY_BREAK, Signal
from ..prefilter import Deferred, Prefilter

# A name is at most 63 characters between dots (RFC 1035). Bounded, so a long
# run of letters and hyphens ("a-b-c-...") is not read again from every hyphen.
_LINK = Deferred(r"(?:https?://|www\.)\S+|\b[a-z0-9-]{2,63}\.(?:com|co\.uk|net|org|info|biz|ly|io|me|shop|store)(?:/\S*)?\b")
# Strong: self-promotion or selling on its own.
_STRONG = Deferred(
    r"\b(?:check (?:out )?my|check out (?:our|this) (?:channel|page|shop|site|website|video|offer)|visit my|"
    r"subscribe to (?:my|me|our)|(?:sub|subscribe|subscribers?|subs?cribe) (?:to me|back|for sub|4 sub)|"
    r"sub ?4 ?sub|follow (?:me|my|us on)|like my (?:page|video|channel)|my (?:channel|youtube|page|shop|website|"
    r"online store|business|new video|music|mixtape|playlist|instagram|tiktok|onlyfans)|"
    r"dm me|inbox me|pm me|message me for|whatsapp me|text me for|call (?:me|us) for|"
    r"for (?:a )?(?:free )?(?:quote|quotes|price list)|(?:discount|promo|voucher|referral) code|\d+% off|"
    r"free (?:trial|gift|money|iphone|samples?|giveaway|quote)|giveaway|"
    r"(?:make|earn|making|earning) (?:money|[£$]\s?\d+|\d+ ?(?:pounds|dollars|k))|work from home|"
    r"bitcoins?|crypto|forex|binary options|investment opportunity|passive income|"
    r"click (?:here|the link|this link)|buy now|order now|limited offer|best prices?|cheapest|"
    r"we (?:offer|sell|supply|install)|reasonable rates|no job too small|fully insured|"
    r"available for (?:hire|work|bookings)|(?:book|hire) (?:us|me) (?:now|today)|please (?:share|like) and subscribe|"
    # asking for views, likes and subscribers
    r"(?:please|pls|plz|plese|plzz)(?: \w+){0,2} (?:subscribe|sub to|like (?:and|my|this video)|check (?:out )?my|"
    r"visit my|share my|watch my|click (?:on )?(?:the|this|my) link|join me|help me (?:get|reach))|"
    r"subscribe(?: \w+){0,2} (?:me|my|back|plz|please|pls|and|for|if)|(?:like|likes|comment) (?:and|&|n) subscribe|"
    r"^\W*(?:come |please |pls )?subscribe\b(?! to (?:the|our|your|council))|"
    r"follow (?:4|for) follow|like (?:4|for) like|f4f|l4l|"
    r"(?:watch|see|hear) my (?:new )?(?:videos?|vids?|channel|track|song|music)|i made a (?:\w+ )?channel|"
    r"(?:get|reach|hit|need|want) (?:to )?\d+ ?(?:subscribers|subs)|subscribers? (?:before|by)|sub ?(?:back|me)\b|"
    r"like this comment|give (?:me|it|this) a (?:like|thumbs up)|so (?:everyone|people) can see (?:my|this)|"
    r"check (?:this|us|me) out|checking (?:me|us) out|come check|check out (?:our|my|this|mah)\b|"
    r"become my (?:first )?(?:subscriber|fan|follower)|like this page|like (?:and|&) share|"
    r"check out (?:this|these) (?:\w+ )?(?:playlist|video|videos|song|songs|channel|remix|app|shirts?|offer)|"
    r"join me|click (?:on )?(?:the|this|my|that) link|visit (?:this|my) (?:site|website|page|channel|link)|"
    r"download (?:it |the app )?now|get paid|buy (?:it |them )?here|free (?:stuff|gifts?|cards?|points|coins|robux)|"
    r"earn (?:money|cash|points|coins)|(?:my|our) new (?:song|single|cover|remix|video|vid|album|mixtape|app)|"
    r"my (?:songs|covers|remixes|vids|mixtape|beats|raps|ebook)|"
    # The same in Welsh (read without accents; "fy" mutates what follows it:
    # "fy nhudalen", my page; "fy sianel", my channel)
    r"prynwch (?:nawr|yma|rwan)|archebwch nawr|\d+% (?:i ffwrdd|oddi ar)|cod (?:disgownt|gostyngiad|hyrwyddo)|"
    r"negeswch fi am|dilynwch (?:fi|fy|ni)|tanysgrifiwch i(?:['’]m| fy)|edrychwch ar fy|ymwelwch a(?:['’]m| fy)|"
    r"(?:ennill|gwneud) (?:arian|[£$]\s?\d+)|gweithio o (?:adref|gartref)|dyfynbris am ddim|"
    r"cliciwch (?:yma|ar y ddolen|y ddolen)|prisiau gorau|rhataf|fy (?:sianel|nhudalen|siop|musnes|ngwefan))\b"
)
_LINK_ALONE_WORDS = 8  # a link with hardly any words around it is a drop, not a conversation
# Public-sector and public-service sites: a resident pointing to one is not advertising.
_PUBLIC_SITE = Deferred(r"(?:\.gov\.uk|\.nhs\.uk|\.police\.uk|\.ac\.uk|\.sch\.uk|\.mod\.uk|\.parliament\.uk|"
                          r"bbc\.co\.uk)(?:[/:?#]|$)")
# Weak: could be advertising, or a resident sharing something useful.
_WEAK = Deferred(r"\b(?:check (?:it|this) out|come check|subscribe|subscrib\w*|suscrib\w*|subscribers|"
                   r"sale|offers?|deals?|promo|discount|for sale|selling|cheap|"
                   r"to book|whatsapp|hire|quotes?|per (?:hour|day|job)|a day|message me|contact me|"
                   # in Welsh: sale, for sale, offers, deals, discount, cheap, to book, hire, quotes, message me
                   r"sel|ar werth|cynigion|cynnig arbennig|bargen|bargeinion|gostyngiad|rhad|i archebu|llogi|"
                   r"dyfynbris(?:iau)?|negeswch fi|cysylltwch a fi)\b|[£$]\s?\d+")


PREFILTERS = _MAY_STRONG, _MAY_LINK, _MAY_WEAK = Prefilter((_STRONG,)), Prefilter((_LINK,)), Prefilter((_WEAK,))


def _words_around(text: str, links: list[re.Match]) -> int:
    """How many words the comment has besides its links."""
    ends = [0, *(edge for m in links for edge in m.span()), len(text)]
    return len(" ".join(text[ends[i]:ends[i + 1]] for i in range(0, len(ends), 2)).split())


def detect(comment, context, check) -> list[Signal]:
    text, out = comment.norm, []
    strong = list(_STRONG.finditer(text)) if context.may_match(_MAY_STRONG) else []
    links = list(_LINK.finditer(text)) if context.may_match(_MAY_LINK) else []
    weak = list(_WEAK.finditer(text)) if context.may_match(_MAY_WEAK) else []
    for m in strong:
        s, e = comment.span(m.start(), m.end())
        out.append(Signal(BREAKS, s, e, f"promotes something: '{m.group()}'"))
    other_words = _words_around(text, links) if links else 0
    for m in links:
        s, e = comment.span(m.start(), m.end())
        if _PUBLIC_SITE.search(m.group()):
            continue
        if strong or weak:
            out.append(Signal(BREAKS, s, e, "a link alongside promotional wording"))
        elif other_words < _LINK_ALONE_WORDS:
            out.append(Signal(BREAKS, s, e, "a link posted with hardly any comment: the usual form of link spam"))
        else:
            out.append(Signal(MAY_BREAK, s, e, "a link: a person should check whether it advertises"))
    if not strong and not links and len(weak) >= 2:
        # Several sales words together read as an advert; two may be a resident's question.
        verdict = BREAKS if len(weak) >= 3 else MAY_BREAK
        for m in weak:
            s, e = comment.span(m.start(), m.end())
            out.append(Signal(verdict, s, e, f"sales wording: '{m.group()}'"))
    return out
