"""`accusation`: an accusation of a crime or wrongdoing against a named
person. Never more than "may break": whether it is defamatory (untrue, and
harmful to their reputation) is for a person to judge."""

from __future__ import annotations

import re

from ..findings import MAY_BREAK, Signal
from ..prefilter import Prefilter

_NAMED = r"(?:(?i:councillor|cllr|mr|mrs|ms|miss|dr|cynghorydd|gynghorydd|cyng)\.? [A-Z][a-z]+|[A-Z][a-z]+ [A-Z][a-z]+)"
_CRIME = (r"(?:is|was|are|'s) (?:a |an )?(?:corrupt|crook|criminal|thief|fraud(?:ster)?|liar|paedo(?:phile)?|"
          r"pedo(?:phile)?|racist|abuser|drug dealer|embezzler|bent)\b|"
          r"(?:stole|steals|stealing|embezzled|"
          r"(?:took|takes|taking|accepting|accepted) (?:bribes|backhanders|kickbacks)|"
          r"fiddl(?:ed|ing) (?:the|his|her) expenses|"
          r"is on the take|has been fiddling|abuses|abused|assaulted|lied)\b")
# The same in Welsh, where what someone is or does follows "yn" ("'n") or
# "wedi", mutated after "yn": "yn lleidr" (a thief), "yn dwyllwr" (a
# fraudster, from "twyllwr"), "wedi dwyn" (has stolen). Welsh words, so
# every council reads them.
_CRIME_CY = (r"(?:yn|['’]n) (?:llwgr|lleidr|dwyllwr|twyllwr|droseddwr|gelwyddgi|bedoffil|hiliol|hiliwr|"
             r"dwyn|twyllo|cymryd (?:llwgrwobrwyon|cildwrn)|camdrin|cam-drin)\b|"
             r"wedi (?:dwyn|twyllo|dweud celwydd|ymosod ar|cymryd (?:llwgrwobrwyon|cildwrn)|camdrin|cam-drin)\b")
_PATTERN = re.compile(rf"\b{_NAMED}\b[^.!?\n]{{0,40}}?\b(?i:{_CRIME}|{_CRIME_CY})")


# Matched on the comment as typed (names need their capitals); the literals
# are looked for in the normalised text, which holds them in lower case.
_ANY = Prefilter((_PATTERN,))
PREFILTERS = (_ANY,)


def detect(comment, context, check) -> list[Signal]:
    out = []
    if not context.may_match(_ANY):
        return out
    for m in _PATTERN.finditer(comment.original):
        out.append(Signal(MAY_BREAK, m.start(), m.end(),
                          "accuses a named person of wrongdoing: defamatory if it is untrue"))
    return out
