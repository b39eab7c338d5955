"""`threat`: threats of violence against a person or place.

Threats without threat words are read from what a comment does, by patterns
built from a small grammar: a person in reach (you, him, her, them, the lot
of them, a councillor, staff, an @handle, a named person), a future or modal
verb (I'll, we're going to, someone should, time to, wait till I), and what
is threatened: violence, a visit, harm ("sort him out", "give you a slap"),
or an intimidating warning ("watch your back", "I know where you live").
Each finding names its shape and whom it is aimed at. Everyday phrases
built the same way pass: "I'll pay you a visit at the library open day",
"the council should sort out the potholes", "watch your back on the icy
steps".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from ..findings import BREAKS, MAY_BREAK, Signal
from ..prefilter import Deferred, Prefilter

_VIOLENCE = r"(?:kill|stab|shoot|murder|batter|punch|smash|burn|bomb|torch|hurt|hang|strangle|glass|slash|knife)"
_WHO = (r"(?:you|u|ya|him|her|them|the lot of you|every(?:one|body)|councillor \w+|cllr \w+|your \w+"
        r"|(?:the|that|those) \w+ (?:officer|officers|warden|wardens|councillor|councillors|manager|binmen|staff))")

# --- the grammar ------------------------------------------------------------------

_A = "['’]"  # an apostrophe, straight or curly
# Future or modal: "I'll", "we are going to", "someone should", "I'd".
_WILL = (rf"(?:{_A}ll| will| shall|{_A}m going to| am going to|{_A}re going to| are going to| is going to"
         rf"|{_A}m gonna| am gonna|{_A}re gonna| are gonna| is gonna| gonna| should| ought to| need to| needs to"
         rf"| want to| wants to| wanna|{_A}d| would| could| might| may)")
_SPEAKER = r"(?:i|we|someone|somebody|some1|people|they|he|she|you|u|one of us|the lads|my (?:lads|mates|boys))"
# A person in reach. "them" and a name are checked after the match (see _person).
_PERSON = (r"(?P<target>you|u|ya|yous|youse|you lot|him|her|them|the lot of (?:you|them)|every (?:one|last one) "
           r"of (?:you|them)|(?:councillor|cllr|mr|mrs|ms|miss|dr) [a-z][a-z'-]{1,20}|@\w{1,30}"
           r"|(?:the|that|this|those|these|your) (?:\w{1,20} )?(?:councillors?|cllrs?|officers?|wardens?|managers?"
           r"|staff|binmen|workers?|leader|mayor|receptionist|bloke|man|woman|lad|lads|guy|kids?|idiots?|clowns?"
           r"|muppets?|morons?|scumbags?|scum|yobs?|chavs?|twats?|wankers?|cunts?|bastards?|pricks?)"
           r"|(?P<name>[a-z][a-z'-]{1,20}))")
# Whom "your", "his" or "their" back is: the person warned.
_POSSESSIVE = {"your": "you", "ur": "you", "his": "him", "her": "her", "their": "them", "yer": "you"}
# Harm a person is said to need or to be given.
_HARM = (r"(?:a (?:good |proper |little |right |swift )?(?:slap|slapping|smack|kicking|hiding|beating|thump|punch|"
         rf"battering|going over|seeing to|kneecapping|bullet|knife)|what for|what(?:{_A}| i)s coming(?: to (?:him|her|"
         r"them|you))?)")
# Words after "pay you a visit" that make it an ordinary visit: where, when, why.
_ORDINARY_VISIT = (r"(?! (?:at|in|on|to|from|next|this|tomorrow|today|tonight|during|for|when|after|before|with|about|"
                   r"soon to|at the|sometime|some time|one day to)\b)")

# Words that name people, and things, that "them" may stand for.
_PEOPLE = frozenset({
    "councillors", "cllrs", "councillor", "officers", "staff", "wardens", "managers", "workers", "binmen", "people",
    "kids", "youths", "yobs", "lads", "men", "women", "idiots", "morons", "clowns", "muppets", "scumbags", "scum",
    "chavs", "thugs", "neighbours", "tenants", "travellers", "druggies", "dealers", "thieves", "vandals", "bastards",
    "twats", "wankers", "cunts", "pricks", "tories", "labour", "mps", "they", "these", "those", "folk", "family",
    "he", "she", "him", "her", "guys", "boys", "girls", "gang", "lot"})
_THINGS = frozenset({
    "bins", "bin", "potholes", "pothole", "roads", "road", "weeds", "leaves", "plans", "cars", "signs", "lights",
    "trees", "rules", "fines", "charges", "things", "it", "this", "that", "slugs", "rats", "mice", "pigeons", "foxes",
    "squirrels", "wasps", "moles", "pests", "bugs", "flies", "ants", "fireworks", "photos", "pictures", "emails",
    "letters", "forms", "files", "tickets", "bills", "prices", "costs", "taxes", "rates", "lines", "queues",
    "buses", "trains", "gritters", "hedges", "branches", "problems", "issues", "plants", "flowers", "bags",
    "boxes", "cones", "barriers", "drains", "roadworks", "fences", "cans", "bottles", "cigarettes", "batteries"})
# Words that are capitalised but name no one ("Sort It out", "The council").
_NO_NAME = frozenset({"it", "this", "that", "the", "a", "an", "things", "everything", "out", "them", "council",
                      "road", "street", "lane", "town", "city", "i", "we", "you"})
# Said anywhere in the comment, these make a visit a threat: "I know where you live".
_MENACE = re.compile(r"\b(?:know where (?:you|he|she|they)(?: all)? (?:live|lives|work|works)|watch (?:your|his|her|"
                     rf"their) back|you(?:{_A}ve| have) been warned|when (?:you|he|she|they) least expect it|"
                     r"one (?:dark )?night|sleep with one eye open)\b")


class Shape(NamedTuple):
    """What a pattern of the grammar finds: its words for the reason ("a
    threat of a visit"), and how sure a match is (BREAKS or MAY_BREAK);
    `judge`, when given, decides instead: (comment, match, whom, context) ->
    verdict, or None to drop the match. `needs`: a part of the pattern every match
    holds, whose literals are rarer than the whole pattern's ("a slap", not
    "needs"), to rule the pattern out by."""

    says: str
    judge: Callable | None = None
    needs: str | None = None


_TARGET_GROUPS = ("target", "target2", "target3")
_CALL = "a call for violence"


def _target(comment, match) -> str | None:
    """The person a match is aimed at, as the comment writes it ("'him'",
    "'Councillor Smith'"); "a person" when the pattern names none; None if
    the word in the target's place is no person ("sort it out", or "them"
    when they are the bins)."""
    groups = match.re.groupindex
    for group in _TARGET_GROUPS:
        if group in groups and match.start(group) >= 0:
            break
    else:
        return "a person"
    start, end = match.span(group)
    word = match.group(group)
    if "name" in groups and match.start("name") >= 0:  # a word in the target's place: a name when capitalised
        at = comment.span(start, end)[0]
        if word in _NO_NAME or word in _THINGS or not comment.original[at:at + 1].isupper():
            return None
    elif word == "them" and not _them_are_people(comment.norm, match.start(group)):
        return None
    o_start, o_end = comment.span(start, end)
    return f"'{comment.original[o_start:o_end]}'"


def _them_are_people(norm: str, at: int) -> bool:
    """'Someone should sort them out': "them" are people when the nearest
    word before it that says what they are names people, or when nothing
    before it does (the post replied to may); not when it names things
    ("the bins are overflowing, someone should sort them out")."""
    for word in reversed(_WORD.findall(norm, max(0, at - 120), at)):
        if word in _PEOPLE:
            return True
        if word in _THINGS:
            return False
    return True


_WORD = re.compile(r"[a-z]+")
_TO_YOU = frozenset({"'you'", "'u'", "'ya'", "'You'", "'U'", "'YOU'"})


def _help_or_harm(comment, match, whom: str, context) -> str:
    """"I'll sort you out" is as often help (a new bin, a permit) as harm:
    said to "you", a person judges; said of him, her or them, it is harm."""
    return MAY_BREAK if whom in _TO_YOU else BREAKS


def _visit(comment, match, whom: str, context) -> str:
    """A visit is a threat when it is menacing ("a little visit") or the
    comment says something else that is ("I know where you live"); a plain
    "I'll pay you a visit" may be, for a person to judge."""
    return BREAKS if match.group("menacing") or _menacing(comment, context) else MAY_BREAK


def _menacing(comment, context) -> bool:
    """Whether the comment says something menacing anywhere: looked for once
    a comment, however many visits it mentions."""
    found = context.memo.get(_menacing)
    if found is None:
        found = context.memo[_menacing] = _MENACE.search(comment.norm) is not None
    return found


def _weapon(comment, match, whom: str, context) -> str | None:
    """A weapon emoji (read as 'knife', 'gun', 'bomb') beside a person: only
    the emoji, not the word typed ("knife crime")."""
    group = "weapon" if match.start("weapon") >= 0 else "weapon2"
    start = comment.span(match.start(group), match.end(group))[0]
    return MAY_BREAK if comment.emoji and not comment.original[start:start + 1].isascii() else None


# --- Welsh words of the grammar ----------------------------------------------
# The speaker's future or intent, before a verb-noun, radical after "'n"
# ("bydda i'n lladd"), soft after "i" ("dwi'n mynd i ladd", "wna i ladd"):
# both are read after each.
_CY_WILL = (rf"(?:(?:dw i|dwi|rydw i|rwy|wi|rydyn ni|ry{_A}n ni|dyn ni|dan ni|ni)(?:{_A}n| yn) mynd i"
            rf"|(?:dw i|dwi|rydw i|rwy|rydyn ni) am|(?:mi |fe )?wna i|(?:mi |fe )?wnawn ni"
            rf"|(?:bydda|byddaf|(?:mi |fe )?fydda) i(?:{_A}n| yn)|(?:byddwn|(?:mi |fe )?fyddwn) ni(?:{_A}n| yn)"
            rf"|(?:bydd|(?:mi |fe )?fydd) rhywun(?:{_A}n| yn)|(?:baswn|byswn|bydden|(?:mi |fe )?faswn|"
            rf"(?:mi |fe )?fyswn) i(?:{_A}n| yn))")
# Whom: "the warden", "'r swyddog cynllunio", "y Cynghorydd Morgan" (not
# "'r chwyn", the weeds, or "'r record").
_CY_PEOPLE = (r"(?:cynghorydd|gynghorydd|cynghorwyr|gynghorwyr|cynghorwraig|swyddog|swyddogion|warden|wardeniaid|"
              r"wardens|arweinydd|maer|maeres|faeres|staff|gweithwyr|gweithiwr|prif weithredwr|rheolwr|rheolwyr|"
              r"dyn|dynion|menyw|fenyw|dynes|ddynes|boi|bois|bachan|crwt|bastad|bastads|diawl|diawled|twat|twats|"
              r"twpsyn|idiot|idiots|gyrrwr|gyrrwyr|cymydog|cymdogion|landlord|heddwas|plismon|plismyn)")
_CY_WHOM = (rf"(?:(?:{_A}r|{_A}w| y| yr) (?:[a-z]+ )?{_CY_PEOPLE}\b(?! (?:bins|bin|sbwriel)\b)"
            r"| (?:y )?(?:cynghorydd|gynghorydd|cyng|cllr) [a-z]+)")
# ... or a pronoun after the verb ("lladd e", "ladda i di"): read only after
# verbs that are violence to whatever they are done to, not "llosgi e"
# (burn it, the rubbish), "saethu fe" (shoot it, a film), "cicio fe" (the ball).
_CY_PRONOUN = r" (?:e|fe|o|fo|hi|nhw|ti|di|chdi|chi)\b"
_CY_KILL = (r"(?:lladd|ladd|trywanu|drywanu|thrywanu|crogi|grogi|chrogi|tagu|dagu|thagu|dyrnu|ddyrnu|brifo|frifo|"
            r"waldio|colbio|golbio)")
_CY_HIT = r"(?:saethu|llosgi|losgi|cicio|gicio|chicio|pwnio|bwnio|phwnio|slapio|bwrw|fwrw)"
# The first person future of those verbs: "fe ladda i", "mi ddyrna i", "lladdwn ni".
_CY_KILL_I = (r"(?:lladd|ladd|trywan|drywan|crog|grog|tag|dag|dyrn|ddyrn|brif|frif|wald|colbi|golbi)"
              r"(?:a i|af i|wn ni)")
_CY_HIT_I = r"(?:saeth|llosg|losg|cici|gici|pwni|bwni|slapi)(?:a i|af i|wn ni)"
# Harm given: a slap, a beating ("clatshen", "cweir", "cweir" being South Welsh).
_CY_HARM = r"(?:glatshen|clatshen|gweir|cweir|gurfa|curfa|grasfa|crasfa|slap|slapen|fonclust|bonclust|bwniad|ddyrnod)"
_CY_PLACE = (r"(?:cyngor|neuadd|swyddfa|swyddfeydd|depo|ty|cartref|canolfan ddinesig|ganolfan ddinesig|siambr|"
             r"llyfrgell)")


# Compiled when a comment holds their literals (Deferred): most hold none.
THREATS = [
    (Deferred(rf"\b(?:i|we|someone|somebody|people)(?:'ll| will|'m| am|'re| are| is)?(?: going to| gonna| gunna)?"
                rf"(?: \w+){{0,3}} {_VIOLENCE}(?:s|ing)? {_WHO}\b(?! for\b)"),
     BREAKS, "says someone will do violence to a person"),
    (Deferred(r"\b(?:deserves?|ought|needs?) to (?:be )?"
                r"(?:die|dead|shot|stabbed|hanged|hung|killed|burned|beaten)\b"),
     BREAKS, "says someone deserves violence"),
    (Deferred(r"\b(?:someone|somebody|they) should (?:kill|shoot|stab|hang|burn|bomb|torch)\b"),
     BREAKS, "calls for violence"),
    (Deferred(r"\b(?:burn|bomb|torch|blow up|firebomb) (?:down )?(?:the |your )?"
                r"(?:council|town hall|offices?|depot|house|home)\b"),
     BREAKS, "threatens to attack a place"),
    (Deferred(r"\b(?:you're|youre|you are|ur) (?:dead|dead meat|going to die|gonna die|finished)\b"),
     BREAKS, "tells someone they will be harmed"),
    (Deferred(r"\b(?:break|smash|kick|punch|cave) (?:your|his|her|their) (?:\w+ )?"
                r"(?:legs?|neck|face|faces|head|heads|teeth|arms?|skull)\b"),
     BREAKS, "threatens to injure someone"),
    (Deferred(r"\b(?:coming for you|you'll regret|you will regret|wait till i find|i'll find you|i will find you)\b"),
     MAY_BREAK, "sounds like an intimidating threat"),
    # --- threats without threat words: what the comment does --------------------
    # "time to nuke them", "someone should string him up", "let's gas the lot of them"
    (Deferred(rf"\b(?:time to|let{_A}?s|lets|{_SPEAKER}{_WILL}(?: just| go(?: and)?| come round and)?) "
                rf"(?:nuke|gas|shoot|kill|stab|knife|hang|lynch|torch|bomb|glass|kneecap|batter|deck|lamp|"
                rf"twat|thump|punch|slap|strangle|throttle) {_PERSON}\b(?! (?:off|out|down|up|a|an|some|the|for|"
                rf"with|in the microwave|on the|over|at the (?:polls|ballot|election|next)|in the election)\b)"),
     BREAKS, Shape(_CALL)),
    (Deferred(rf"\b(?:time to|let{_A}?s|lets|{_SPEAKER}{_WILL}(?: just| go(?: and)?| come round and)?) "
                rf"(?P<verb>beat|string|duff|rough) {_PERSON} up\b(?! (?:of|at|with)\b)"),
     BREAKS, Shape(_CALL)),
    # "someone should sort him out", "I'll sort you out" (not "sort you out with a new bin")
    (Deferred(rf"\b{_SPEAKER}{_WILL}(?: go(?: round| over| down)?(?: there)? and| come round and)? "
                rf"sort {_PERSON} out\b(?! (?:with|for|a|an|some|the)\b)"),
     BREAKS, Shape("a threat to 'sort out' a person", _help_or_harm)),
    # "I'll give you a slap", "he needs a good hiding", "she wants sorting out"
    (Deferred(rf"\b{_SPEAKER}{_WILL} give {_PERSON} {_HARM}"),
     BREAKS, Shape("a threat of harm", needs=_HARM)),
    (Deferred(rf"\b(?P<target>he|she|they|you|u|him|her) (?:needs?|wants?|deserves?|could do with|is asking for|"
                rf"are asking for|{_A}s asking for) {_HARM}"),
     BREAKS, Shape("says a person should be hurt", needs=_HARM)),
    (Deferred(r"\b(?P<target>he|she|they|him|her|you|u) (?:needs?|wants?|deserves?) sorting(?: out)?\b"),
     BREAKS, Shape("says a person should be 'sorted out'")),
    # "I know where you live and I'll be paying you a visit"; "expect a little visit"
    (Deferred(rf"\b(?:{_SPEAKER}{_WILL}(?: be)? (?:pay|paying|make|making|give|giving) {_PERSON} an?"
                rf"|(?P<target2>you|u)(?:{_A}ll| will)(?: be)? (?:get|getting|have|having) an?|expect an?)"
                rf"(?: (?P<menacing>little|late night|late-night|surprise|personal|friendly|proper))?"
                rf"(?: visit| home visit)\b{_ORDINARY_VISIT}"),
     BREAKS, Shape("a threat of a visit", _visit)),
    # "you'd better watch your back", "Cllr Jones better watch his back"
    (Deferred(r"\b(?:(?:better|best) (?:watch|mind)|watch) (?P<whose>your|ur|yer|his|her|their) backs?\b"
                r"(?! (?:on|when|while|lifting|lift|with|if|at|"
                r"in|going|near|around|as|carrying|during|getting|moving|bending|for|the|those|these|this|that|"
                r"doing|and (?:knees|neck|legs))\b)"),
     BREAKS, Shape("an intimidating warning ('watch your back')")),
    # "wait till I see you", "wait until I get my hands on him"
    (Deferred(rf"\bwait(?:ing)? (?:till|til|until|{_A}til|{_A}till|untill) (?:i|we) (?:get my hands on|"
                rf"get our hands on|get hold of|see|get|catch|find|meet) {_PERSON}\b"
                rf"(?! (?:at|on|in|next|tomorrow|tonight|later|soon|again|there|home|a|an|some|the|back|"
                rf"open|opening)\b)"),
     BREAKS, Shape("an intimidating threat ('wait till I ...')")),
    # "I know where your kids go to school", "we know where Councillor Smith lives"
    (Deferred(rf"\b(?:i|we|people)(?: all)? know where (?:(?P<target2>he|she|they)|{_PERSON})(?: all)? "
                rf"(?:live|lives|work|works|sleep|sleeps|goes? to school|park|parks)\b"),
     BREAKS, Shape("says they know where a person lives")),
    (Deferred(r"\b(?:i|we) know (?:your|ur) (?:home )?address\b"),
     BREAKS, Shape("says they know a person's address")),
    (Deferred(r"\b(?:i|we) know where (?P<target>your (?:kids|children|family|wife|husband|mum|mother|son|"
                r"daughter)) (?:live|lives|go|goes|are|is)\b"),
     BREAKS, Shape("says they know where a person's family is")),
    # "you'll get what's coming to you", "sleep with one eye open", "you won't know what hit you"
    (Deferred(rf"\b(?P<target>you|u|he|she|they)(?:{_A}ll| will| is going to| are going to)? (?:get|getting) "
                rf"what(?:{_A}s| is) coming(?: to (?:you|him|her|them))?\b"
                rf"|\bsleep with one eye open\b|\bwon{_A}?t know what(?:{_A}s)? hit (?P<target2>you|him|her|them)\b"),
     BREAKS, Shape("an intimidating threat")),
    (Deferred(rf"\b(?:you(?:{_A}d| had)? better watch (?:out|yourself)(?! for\b)|your days are numbered|"
                rf"you(?:{_A}ve| have) been warned|(?:i|we)(?:{_A}ll| will) make (?P<target>you|him|her|them) pay"
                rf"(?! (?:for (?:the|it|my|our)|back)\b))"),
     MAY_BREAK, Shape("sounds like an intimidating threat")),
    # --- in Welsh: the speaker's future or wish, then a verb of violence with
    # whom it is done to before it ("dy ladd di", kill you), in the forms the
    # pronoun mutates it to: soft after "dy" and "ei" (his), aspirate after
    # "ei" (her), none after "eich" and "'ch"; "torri" (break, cut) is left
    # out, as "dy dorri di i ffwrdd" is to cut you off a list. Welsh words, so
    # no English comment holds them, and a council in English alone reads them too.
    # The reasons are the English patterns' own, which cymraeg.py says in Welsh.
    (Deferred(rf"\b(?:dw i{_A}n|dwi{_A}n|dw i|rydw i{_A}n|rwy{_A}n|rwyf i{_A}n|rydyn ni{_A}n|ry{_A}n ni{_A}n|"
                rf"bydda i{_A}n|byddaf i{_A}n|byddwn ni{_A}n|(?:mi |fe )?wna i|(?:mi |fe )?wnawn ni|"
                rf"(?:dw i|rydw i|rwy|rydyn ni) am)(?: mynd)?(?: i)? (?:dy|eich|ei|i{_A}ch|i{_A}th|i{_A}w|{_A}ch) "
                r"(?:ladd|lladd|guro|curo|churo|drywanu|trywanu|thrywanu|saethu|losgi|llosgi|frifo|brifo|grogi|"
                r"crogi|chrogi|dagu|tagu|thagu|fwrw|bwrw|gicio|cicio|chicio|bwnio|pwnio|phwnio|ddyrnu|dyrnu)\b"),
     BREAKS, "says someone will do violence to a person"),
    (Deferred(rf"\b(?:dw i|dwi|rydw i|rwy|rwyf i|rydyn ni|ry{_A}n ni)(?:{_A}n| yn) gwybod (?:ble|lle) "
                rf"(?:rwyt ti|wyt ti|ti|rydych chi|ych chi|chi|mae e|mae o|mae hi|maen nhw|mae{_A}r \w+(?: \w+)?)"
                rf"(?:{_A}n| yn) (?:byw|gweithio|cysgu)\b"),
     BREAKS, "says they know where a person lives"),
    # ("gwylia dy hun", mind yourself, is as often "take care": not here)
    (Deferred(rf"\b(?:gwylia|gwyliwch|watsia|watshia|watsiwch|watshwch|(?:gwell|well) (?:i ti|i chi|iddo fe|iddi hi|"
                rf"iddyn nhw) wylio)(?: (?:dy|eich|ei|eu)|{_A}ch|{_A}i|{_A}u) (?:gefn|cefn|chefn|cefnau|gefnau|"
                r"chefnau)\b(?! (?:ar|wrth|pan|tra|yn|ger|gyda|efo|os)\b)"),
     BREAKS, "an intimidating warning ('watch your back')"),
    (Deferred(rf"\b(?:dw i{_A}n|dwi{_A}n|rydw i{_A}n|rwy{_A}n|rydyn ni{_A}n|{_CY_WILL}|(?:dylai|ddylai) rhywun|"
                rf"dylen nhw)(?: mynd)?(?: i)? (?:losgi|llosgi|chwythu|fomio|bomio)(?:{_A}r| y| yr)? {_CY_PLACE}\b"
                rf"|\b(?:mi |fe )?(?:losga|llosga|fomia|bomia) i(?:{_A}r| y| yr)? {_CY_PLACE}\b"),
     BREAKS, "threatens to attack a place"),
    # The object after the verb: "dwi'n mynd i ddyrnu'r swyddog", "fe ladda i e",
    # "bydda i'n lladd y cynghorydd" (not "fe ladda i'r chwyn").
    (Deferred(rf"\b(?:{_CY_WILL} (?:{_CY_KILL}(?:{_CY_WHOM}|{_CY_PRONOUN})|{_CY_HIT}{_CY_WHOM})"
                rf"|(?:mi |fe )?(?:{_CY_KILL_I}(?:{_CY_WHOM}|{_CY_PRONOUN})|{_CY_HIT_I}{_CY_WHOM}))"),
     BREAKS, "says someone will do violence to a person"),
    # Calls on others: "dylen nhw grogi'r cynghorwyr" (not "grogi'r baneri"),
    # "dylai rhywun ei saethu e", "amser i grogi nhw".
    (Deferred(rf"\b(?:dylen nhw|dylen ni|dylech chi|dylai rhywun|ddylai rhywun|dylid|rhywun angen|"
                rf"mae angen i rywun|mae (?:isio|eisiau|isie|ishe) i rywun|amser i|gad i ni|gadewch i ni) "
                rf"(?:(?:ei|eu|{_A}w) (?:{_CY_KILL}|{_CY_HIT})\b|{_CY_KILL}(?:{_CY_WHOM}|{_CY_PRONOUN})"
                rf"|{_CY_HIT}{_CY_WHOM})"),
     BREAKS, "calls for violence"),
    (Deferred(rf"\b(?:haeddu|haedda) (?:marw|cael (?:ei|eu|dy|eich) (?:{_CY_KILL}|{_CY_HIT}|curo|guro|churo))\b"
                rf"|\b(?:dylen nhw|dylai (?:e|fe|o|fo|hi)|dylid) (?:i gyd )?gael (?:eu|ei) "
                rf"(?:lladd|ladd|crogi|grogi|chrogi|saethu|trywanu|drywanu|thrywanu)\b"),
     BREAKS, "says someone deserves violence"),
    # A slap given or got: "rown i glatshen i'r arweinydd", "mi gei di gweir gen i".
    (Deferred(rf"\b(?:(?:mi |fe )?(?:rown|rhown|roien|rhoien|roia|rhoia|rodda|rhodda) i|{_CY_WILL} (?:roi|rhoi)|"
                rf"(?:wna i|wnawn ni) roi) (?:(?:gwerth|llond) )?{_CY_HARM}(?: (?:dda|iawn|go iawn))?"
                rf"(?: i(?:{_A}r|{_A}w| y| yr) (?:[a-z]+ )?{_CY_PEOPLE}\b| i (?:ti|chi|chdi)\b| i{_A}(?:ch|th)\b"
                rf"| iddo\b| iddi\b| iddyn\b| i (?:gynghorydd|cynghorydd|cyng) [a-z]+)"
                rf"|\b(?:(?:mi |fe )?(?:gei|cei) di|(?:mi |fe )?(?:gewch|cewch) chi"
                rf"|(?:ti|chi)(?:{_A}n| yn) mynd i gael) {_CY_HARM}(?: (?:dda|iawn|go iawn))? "
                rf"(?:gen i|gyda fi|{_A}da fi|gynna i|gynno i|genna i|"
                rf"gen ni|gyda ni|{_A}da ni|gynnon ni)\b"),
     BREAKS, "a threat of harm"),
    (Deferred(r"\b(?:torri|dorri|malu|falu|chwalu) (?:dy|eich|ei) (?:goes|goesau|coes|coesau|wddw|gwddw|wddf|gwddf|"
                r"ben|pen|phen|drwyn|trwyn|thrwyn|ddannedd|dannedd|fraich|braich|breichiau|freichiau|wyneb|hwyneb|"
                r"benglog|penglog)\b(?! (?:ar|wrth|yn|os|pan)\b)"),
     BREAKS, "threatens to injure someone"),
    (Deferred(rf"\b(?:ti|chi|rwyt ti|wyt ti|ych chi|rydych chi)(?:{_A}n| yn) (?:ddyn marw|ddynion marw|ddynes farw|"
                rf"fenyw farw)\b"),
     BREAKS, "tells someone they will be harmed"),
    # A weapon emoji beside a person: "@jo 🔪", "you 🔫"
    (Deferred(r"(?<![\w@])(?P<target>you|u|him|her|them|@\w{1,30}) (?P<weapon>knife|gun|bomb)\b"
                r"|\b(?P<weapon2>knife|gun|bomb) {1,2}(?P<target2>you|u|him|her|them|@\w{1,30})\b"),
     MAY_BREAK, Shape("a weapon emoji", _weapon)),
]


_ANY = Prefilter(pattern for pattern, _, _ in THREATS)
# Each pattern is ruled out by its own literals too: most comments that hold
# one of some pattern's hold none of the others'.
_EACH = [Prefilter([shape.needs if isinstance(shape, Shape) and shape.needs else pattern])
         for pattern, _, shape in THREATS]
PREFILTERS = (_ANY, *_EACH)


def detect(comment, context, check) -> list[Signal]:
    if not context.may_match(_ANY):
        return []
    out = []
    for (pattern, sure, shape), may in zip(THREATS, context.which_may_match(_EACH)):
        if not may:
            continue
        for match in pattern.finditer(comment.norm):
            verdict = sure
            if isinstance(shape, Shape):  # a shape of the grammar: whom it is aimed at, and how sure
                whom = _target(comment, match)
                if whom is None:
                    continue
                if shape.judge is not None:
                    verdict = shape.judge(comment, match, whom, context)
                    if verdict is None:
                        continue
                if "whose" in pattern.groupindex:  # "watch your back": the person warned
                    whom = f"'{_POSSESSIVE[match.group('whose')]}'"
                says = shape.says
                if says == _CALL and match.group().startswith(("i", "we")):
                    says = "a threat of violence"  # "I'll slap you", not a call on others
                why = f"{says}, aimed at {whom}"
            else:  # a pattern whose reason is given as it stands
                why = shape
            start, end = comment.span(match.start(), match.end())
            out.append(Signal(verdict, start, end, why))
    return out
