"""`threat`: threats of violence against a person or place."""

from __future__ import annotations

import re

from ..findings import BREAKS, MAY_BREAK, Signal
from ..prefilter import Prefilter

_VIOLENCE = r"(?:kill|stab|shoot|murder|batter|punch|smash|burn|bomb|torch|hurt|hang|strangle|glass|slash|knife)"
_WHO = (r"(?:you|u|ya|him|her|them|the lot of you|every(?:one|body)|councillor \w+|cllr \w+|your \w+"
        r"|(?:the|that|those) \w+ (?:officer|officers|warden|wardens|councillor|councillors|manager|binmen|staff))")
THREATS = [
    (re.compile(rf"\b(?:i|we|someone|somebody|people)(?:'ll| will|'m| am|'re| are| is)?(?: going to| gonna| gunna)?"
                rf"(?: \w+){{0,3}} {_VIOLENCE}(?:s|ing)? {_WHO}\b(?! for\b)"),
     BREAKS, "says someone will do violence to a person"),
    (re.compile(r"\b(?:deserves?|ought|needs?) to (?:be )?(?:die|dead|shot|stabbed|hanged|hung|killed|burned|beaten)\b"),
     BREAKS, "says someone deserves violence"),
    (re.compile(r"\b(?:someone|somebody|they) should (?:kill|shoot|stab|hang|burn|bomb|torch)\b"),
     BREAKS, "calls for violence"),
    (re.compile(r"\b(?:burn|bomb|torch|blow up|firebomb) (?:down )?(?:the |your )?(?:council|town hall|offices?|depot|house|home)\b"),
     BREAKS, "threatens to attack a place"),
    (re.compile(r"\b(?:you're|youre|you are|ur) (?:dead|dead meat|going to die|gonna die|finished)\b"),
     BREAKS, "tells someone they will be harmed"),
    (re.compile(r"\b(?:break|smash|kick|punch|cave) (?:your|his|her|their) (?:\w+ )?(?:legs?|neck|face|faces|head|heads|teeth|arms?|skull)\b"),
     BREAKS, "threatens to injure someone"),
    (re.compile(r"\b(?:i know where (?:you|he|she|they) lives?|(?:watch|mind) (?:your|his|her|their) backs?)\b"),
     BREAKS, "an intimidating threat"),
    (re.compile(r"\b(?:coming for you|you'll regret|you will regret|wait till i find|i'll find you|i will find you)\b"),
     MAY_BREAK, "sounds like an intimidating threat"),
]


_ANY = Prefilter(pattern for pattern, _, _ in THREATS)
PREFILTERS = (_ANY,)


def detect(comment, context, check) -> list[Signal]:
    if not context.may_match(_ANY):
        return []
    out = []
    for pattern, verdict, why in THREATS:
        for match in pattern.finditer(comment.norm):
            start, end = comment.span(match.start(), match.end())
            out.append(Signal(verdict, start, end, why))
    return out
