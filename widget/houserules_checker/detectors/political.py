"""`political`: party-political content, either all year (`active: always`,
for councils that remove overtly political material under the Code of
Recommended Practice on Local Authority Publicity) or only inside a
pre-election period (on the date of the comment, which is the reader's date
when none is given)."""

from __future__ import annotations

import re

from ..findings import BREAKS, MAY_BREAK, Signal

# Party names written the way parties write them; "Labour", "Green" and
# "Reform" count only capitalised or beside "vote"/"party", as they are also
# ordinary words.
_PARTY = re.compile(
    r"\b(?:conservatives|conservative (?:party|candidate|councillors?|government)|tory|tories|"
    r"liberal democrats?|lib ?dems?|snp|plaid cymru|ukip|"
    r"reform uk|green party|labour party|the greens|independents? for \w+|"
    # in Welsh, read without accents ("Torïaid"), mutated after "y" and "dros" ("y Blaid Werdd")
    r"ceidwadwyr|geidwadwyr|toriaid|democratiaid rhyddfrydol|[pb]laid (?:werdd|lafur|cymru))\b")
# "Llafur" is also labour, toil ("llafur caled"): capitalised only, as "Labour" is.
_CAPITALISED = re.compile(r"\b(?:Labour|Greens?|Reform|Llafur|Lafur)\b")
_CAMPAIGN = re.compile(
    r"\b(?:vote (?:for )?(?:the )?(?:labour|tory|tories|conservatives?|lib ?dems?|green|reform|snp|ukip|"
    r"independent|them|him|her|me|us|[a-z]+ for (?:councillor|mayor|mp))\b|"
    r"don'?t vote|#vote\w*|re-?elect|kick (?:them|this lot|the \w+) out|canvass\w*|my candidate|our candidate|"
    # in Welsh: vote (for) a party or a person, don't vote, re-elect, canvassing, our candidate
    r"(?:pleidleisiwch|fotiwch)(?: dros| i)?(?: y| yr)? (?:llafur|lafur|ceidwadwyr|geidwadwyr|toriaid|"
    r"democratiaid rhyddfrydol|[pb]laid (?:werdd|lafur|cymru)|gwyrddion|reform|nhw|fi|ni|fe|hi|e)|"
    r"peidiwch (?:a|ag) (?:phleidleisio|fotio)|ail-?ethol|canfasio\w*|(?:ein|fy) (?:hymgeisydd|ymgeisydd))\b")


def detect(comment, context, check) -> list[Signal]:
    if check.get("active") == "always":
        # All year, residents name parties when they discuss council
        # decisions; only campaigning is overtly political material.
        out = []
        for m in _CAMPAIGN.finditer(comment.norm):
            s, e = comment.span(m.start(), m.end())
            out.append(Signal(BREAKS, s, e, "campaigning for or against a party or candidate"))
        return out
    period = context.pre_election_period()
    if period is None:
        return []
    when = f" during the pre-election period for {period}"
    out = []
    for pattern, text, verdict, why in (
            (_CAMPAIGN, comment.norm, BREAKS, "campaigning"),
            (_PARTY, comment.norm, MAY_BREAK, "names a political party"),
            (_CAPITALISED, comment.original, MAY_BREAK, "names a political party")):
        for m in pattern.finditer(text):
            s, e = comment.span(m.start(), m.end()) if text is comment.norm else (m.start(), m.end())
            out.append(Signal(verdict, s, e, f"{why}{when}"))
    if any(s.verdict == BREAKS for s in out):
        return [s if s.verdict == BREAKS else Signal(BREAKS, s.start, s.end, s.why) for s in out]
    return out
