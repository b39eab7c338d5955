"""`group-hate`: hate against a group the Equality Act 2010 protects, with or
without a slur: what a comment says *of* the group.

A small grammar over the comment's words (`comment.words.keys`). First it
finds where a protected group is named (groups.py: "Muslims", "disabled
people", "the Irish", "every immigrant", and "they" or "them" for a group
named just before). Then it reads what is said of it:

- as the subject: "X are vermin", "X should be deported", "X breed like
  rats", "X can't be trusted", "X are not welcome here", "why are X so ...";
- as the object: "deport all X", "gas the X", "send X back", "I hate X";
- in a name for it: "dirty X", "X scum", "vermin like X", "a swarm of X",
  "no X allowed", "typical X".

What is said is looked up in tables of predicates (below), each with what it
means (a call for violence, to expel, a dehumanising comparison, a
generalisation, ...) when affirmed and when denied: "X are vermin" and "X are
not human" are both dehumanising; "X are not vermin" is nothing. Then the
context is read: "not all X", "some X", "X who ...", "my X next door",
counter-speech that reports or quotes hate to reject it ("saying X are
vermin is disgusting", "stop calling X parasites", '"X out" was sprayed on
the bus shelter'), and a statement about a belief rather than its people
("Islam is ...": criticism of a belief may be allowed, so a person decides).

Verdicts: BREAKS for calls for violence, expulsion or exclusion, dehumanising
comparisons, expressed hatred and the worst smears of a whole group;
MAY_BREAK for negative generalisations and stereotypes, bans, anything about
a belief, "they" taken to mean a group, and what is quoted without being
rejected. A rule's check kind names no options: every rule that uses the
kind gets the same findings, worked out once per comment.

Work: most comments name no group, and for them the work is one set lookup
over the words. For the rest, each place a group is named is read in
windows of a fixed number of words around it, so the work grows with the
comment's length and no faster.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import compress, product
from typing import NamedTuple

from ..findings import BREAKS, MAY_BREAK, Signal, new_signal
from ..groups import ADJECTIVE, ANCHORS, BELIEF, PEOPLE_NOUNS, PLURAL, SINGULAR, Term
from ..text import prepare as _prepare_text

# ---------------------------------------------------------------- what is said of a group

VIOLENCE, EXPEL, EXCLUDE, BAN, DETAIN, EXIST, DEHUMANISE, HATRED, SMEAR, GENERAL, STEREOTYPE, RIGHTS, TYPICAL, SWEAR = (
    "violence", "expel", "exclude", "ban", "detain", "exist", "dehumanise", "hatred", "smear", "general", "stereotype",
    "rights", "typical", "swear")

DESCRIBE = {
    VIOLENCE: "a call for violence against a group",
    EXPEL: "a call to expel a group",
    EXCLUDE: "a call to exclude a group",
    BAN: "a call to ban a group",
    DETAIN: "a call to lock up a group",
    EXIST: "denies a group's right to exist",
    DEHUMANISE: "a dehumanising comparison",
    HATRED: "expresses hatred of a group",
    SMEAR: "a hateful generalisation about a group",
    GENERAL: "a negative generalisation about a group",
    STEREOTYPE: "a stereotype presented as fact",
    RIGHTS: "would deny a group rights others have",
    TYPICAL: "a stereotype ('typical ...')",
    SWEAR: "swears at a group",
}
# Sure enough to break a rule; the rest may break it, for a person to judge.
SURE = frozenset({VIOLENCE, EXPEL, EXCLUDE, DETAIN, EXIST, DEHUMANISE, HATRED, SMEAR})
# Kinds still worth a look when only part of a group is meant ("X who ...").
_EVEN_OF_SOME = frozenset({VIOLENCE, EXIST, DEHUMANISE})

# How a predicate must be joined to the group named before it.
IS = "is"        # a noun or adjective: "are", "is", "will always be", or a comparison ("like", "no better than")
MODAL = "modal"  # a participle or bare verb: "should", "must", "need to", "deserve to", "ought to"
ANY = "any"      # a verb that says it on its own: "X breed like rats", "X can fuck off"


class Predicate(NamedTuple):
    affirmed: str | None   # what it is when said: "X are vermin"
    denied: str | None     # what it is when denied: "X are not welcome"
    link: str              # IS, MODAL or ANY
    at_end: bool           # only at the end of a sentence ("immigrants out!")


def _keys(text: str) -> tuple[str, ...]:
    """A phrase's words as the checker keys a comment's (plain words need no more than splitting)."""
    return tuple(text.split()) if _PLAIN.fullmatch(text) else tuple(_prepare_text(text).words.keys)


_PLAIN = re.compile(r"[a-z]+(?: [a-z]+)*")


def _expand(phrase: str) -> list[tuple[str, ...]]:
    """'take/taking our jobs/homes', 'live off {benefits|the state}' -> every
    phrase it stands for, keyed as a comment's words: '/' between one-word
    choices, '{...|...}' around choices of several words."""
    slots = [part[1:-1].split("|") if part.startswith("{") else part.split("/")
             for part in re.findall(r"\{[^}]*\}|\S+", phrase)]
    return [_keys(" ".join(words)) for words in product(*slots)]


def _table(spec: str) -> dict[str, tuple[tuple[tuple[str, ...], int, tuple[Predicate, ...]], ...]]:
    """Predicates by their first word, longest first, each with what it may
    mean. Each line of the spec: `AFFIRMED DENIED LINK [end] : phrase, ...`
    ('-' for none), going on in the indented lines after it."""
    found: dict[tuple[str, ...], list[Predicate]] = {}
    lines: list[str] = []
    for line in spec.strip().splitlines():  # an indented line goes on from the one before
        if line.startswith(" ") and lines:
            lines[-1] += " " + line.strip()
        elif line.strip() and not line.startswith("#"):
            lines.append(line.strip())
    for line in lines:
        head, phrases = line.split(":", 1)
        affirmed, denied, link, *end = head.split()
        assert link in (IS, MODAL, ANY) and end in ([], ["end"]), line
        meaning = Predicate(None if affirmed == "-" else affirmed, None if denied == "-" else denied, link,
                            end == ["end"])
        assert all(kind is None or kind in DESCRIBE for kind in meaning[:2]), line
        for phrase in phrases.split(","):
            if phrase.strip():
                for keys in _expand(phrase.strip()):
                    if meaning not in found.setdefault(keys, []):
                        found[keys].append(meaning)
    by_first: dict[str, list] = {}
    for keys, meanings in found.items():
        by_first.setdefault(keys[0], []).append((keys, len(keys), tuple(meanings)))
    return {first: tuple(sorted(entries, key=lambda e: -e[1])) for first, entries in by_first.items()}


# What may be said of a group named as the subject. Words such as "are",
# "should", "not", "all", "just", "a" are read between the group and these.
# Read into PREDICATES when a comment first names a group (_read_tables).
_PREDICATES = """
# calls for violence
violence - modal : killed, murdered, shot, gassed, hanged, hung, lynched, burned, burnt, executed, exterminated,
    eradicated, eliminated, slaughtered, butchered, beheaded, stabbed, beaten, bombed, nuked, tortured, drowned,
    euthanised, euthanized, sterilised, sterilized, castrated, culled, wiped out, put down, strung up,
    lined up and shot, put in gas chambers, put in camps, shot on sight, hunted down, set on fire, destroyed
violence - modal : die, all die, perish, burn, rot, hang, suffer, be wiped out, drop dead, burn in hell, rot in hell,
    go to hell, be killed off
violence - modal : killing, shooting, gassing, hanging, lynching, exterminating, culling, stringing up, putting down,
    wiping out, burning, drowning, sterilising, sterilizing
violence - any : deserve/deserves death, deserve/deserves a bullet, deserve/deserves a beating,
    deserve/deserves to die, deserve/deserves to suffer, deserve/deserves everything they get, can die, can rot,
    can burn, can go to hell, can rot in hell, should all die, must die, need/needs to die, need/needs to be killed,
    need/needs to be shot, need/needs to be exterminated, need/needs to be wiped out
# calls to expel
expel - modal : deported, expelled, removed, repatriated, banished, exiled, sent back, sent home, sent packing,
    shipped back, shipped out, shipped off, shipped home, kicked out, thrown out, chucked out, booted out,
    turfed out, driven out, run out, forced out, got rid of, gotten rid of, made to leave, stripped of citizenship
expel - modal : go back, go home, leave, get out, fuck off, piss off, sod off, bugger off, clear off, go away,
    do one, be gone, leave the country, leave britain
expel - modal : deporting, expelling, removing, sending back, sending home, kicking out, throwing out, chucking out,
    getting rid of, shipping back, shipping out, booting out
expel - modal : get the fuck out, get the hell out, fuck off back, piss off back, go the fuck home, go the fuck back,
    get the fuck out of our country, get out of our country
expel - any : go back to where they came from, go back where they came from, go back to their own country,
    go back to your own country, go home to their own country, can fuck off, can piss off, can sod off, can do one,
    can get out, can go back, get out of our country, get out of britain, get out of this country, fuck off back,
    piss off back, should all go back, must go
expel - any end : out, go home, go back, get out, out now, out of wales, out of cymru, out of britain, out of the uk,
    out of england, out of scotland, out of ireland, out of our country, out of this country, out of the country,
    out of here, out of europe, go home now, go back home
# calls to exclude, ban, lock up
exclude - modal : kept out of our country, kept out of the country, kept away from our children,
    kept away from children, kept away from kids, kept away from our kids, kept away from schools
- exclude modal : allowed near, allowed around, allowed in, allowed here, allowed into, allowed in this country,
    allowed in britain, allowed to live here, allowed to stay, allowed to come here, allowed to come in, let in,
    let into, be here, come here, live here, let near
- exclude is : welcome, welcome here, wanted here, wanted
exclude - any : have/has no place,
    have/has no place {here|in this town|in this country|in britain|in society|in our town|in our country},
    have/has no place {in our community|in the uk|in england|on our streets},
    have/has no right to be here, have/has no business being here
- exclude any : belong/belongs here, belong/belongs in this country, belong/belongs in britain,
    belong/belongs in england, belong/belongs in the uk, belong/belongs in our country, belong/belongs in our town,
    belong/belongs in society
- exclude any end : belong/belongs
ban - modal : banned, barred, excluded, segregated, kept out, kept away, refused entry, stopped from coming,
    blocked from coming, banned from, barred from, kept apart, turned away, turned back, denied entry
ban - modal : banning, barring
detain - modal : locked up, rounded up, interned, caged, jailed, imprisoned, put in prison, put in jail,
    put in cages, put in a cage, detained, locked away, chained up, quarantined
detain - modal : locking up, rounding up, locking away
- exist modal : exist, breed, reproduce, have children, have kids, have babies, be born, allowed to breed,
    allowed to have children, allowed to have kids, allowed to exist, allowed to live, live
- exist any : deserve/deserves to live, deserve/deserves to exist, have/has a right to exist,
    have/has the right to exist
- rights modal : allowed, allowed to vote, allowed to work, allowed to drive, allowed to marry, allowed to adopt,
    allowed to teach, allowed to foster, vote, marry, adopt, foster, teach, be trusted with children,
    get council houses, get benefits, get housing, be given houses, be given benefits, have rights,
    have equal rights, have the vote
- rights any : deserve/deserves rights, deserve/deserves equal rights, deserve/deserves respect,
    deserve/deserves help, deserve/deserves a home, deserve/deserves housing, deserve/deserves benefits,
    deserve/deserves a say, deserve/deserves a voice, deserve/deserves to be here, deserve/deserves anything,
    deserve/deserves citizenship, have/has rights
# dehumanising comparisons
- dehumanise is : human, humans, human beings, people, persons, fully human
dehumanise - is : parasite, leech, pest, rodent, cockroach, insect, beast, ape, monkey, pig, dog, mongrel, mutant,
    demon, devil, vermin, rats, rat, cockroaches, roaches, insects, lice, maggots, worms, parasites, parasite,
    leeches, leech, ticks, fleas, pests, pest, locusts, swine, animals, animal, beasts, savages, savage, apes,
    monkeys, baboons, gorillas, pigs, dogs, cattle, mongrels, mutants, subhuman, subhumans, sub human, sub humans,
    untermenschen, demons, devils, demonic, satanic, filth, scum, scumbags, trash, garbage, dirt, disease, diseased,
    diseases, virus, cancer, tumour, tumor, plague, plagues, infestation, infection, blight, scourge, stain on,
    waste of space, waste of oxygen, waste of skin, waste of air, less than human, abominations, abomination,
    cockroach, rodents, vermin-like, inbred, feral
dehumanise - modal : treated like animals, treated like dogs, treated like vermin, treated like rats,
    treated like cattle
dehumanise - any : breed/breeding like rats, breed/breeding like rabbits, breed/breeding like flies,
    breed/breeding like cockroaches, breed/breeding like vermin, infest/infesting, swarm/swarming,
    spread/spreading disease/diseases/aids/hiv/germs, carry/carrying disease/diseases,
    multiply/multiplying like rats, spread/spreading like a virus/disease/cancer/plague, breed/breeding
hatred - any : make/makes me sick, make/makes me want to {puke|vomit|be sick}, make/makes my skin crawl,
    disgust/disgusts me, sicken/sickens me, repulse/repulses me, revolt/revolts me, make/makes me sick to my stomach
dehumanise - is : refuse, lesser beings, lesser, inferior beings, inferior creatures, worth nothing,
    worth absolutely nothing, worth less, worth less than animals, worthless, worth less than dirt, disposable,
    expendable, a waste of resources
- dehumanise is : worth anything, worth protecting, worth saving, worth shit, worth a damn, worth it, worth living,
    worth the air they breathe, worth a thing
- general is : important, valuable, of value, valued
dehumanise - any : have/has no value, have/has no right to {be alive|live|exist|breathe}, are a waste of space
hatred - any : go fuck themselves, can all go fuck themselves, can go fuck themselves,
    make/makes me {boil|angry|furious|sick|puke|vomit}, make/makes my blood boil
exclude - any : have/has no right to {be here|live here|stay|be in this country}
# generalisations, the worst first
smear - is : assholes, arseholes, dickheads, pricks, twats, cunts, wankers, bastards, shitheads, knobheads, bellends,
    tossers, scumbags, fucked in the head, messed up in the head, fucked up, criminal, thief, terrorist, rapist,
    paedophile, paedo, pedo, pedophile, nonce, groomer, predator, pervert, deviant, degenerate, murderer, killer,
    crook, monster, disgusting, vile, repulsive, revolting, sickening, evil, wicked, perverts, perverted, deviants,
    deviant, degenerates, degenerate, paedophiles, paedos, pedos, pedophiles, nonces, groomers, child abusers,
    predators, rapists, terrorists, murderers, killers, criminals, thieves, crooks, inferior, worthless, sick,
    sick in the head, dirty, filthy, scum of the earth, a disgrace to humanity, monsters, a danger to children,
    a danger to kids, a threat to children, a threat to our children, grooming gangs, child molesters, molesters,
    dangerous to children
general - is : worst, dumbest, stupidest, thickest, laziest, dirtiest, smelliest, worst people, most disgusting,
    most annoying, most violent, brainless, clueless, thick as shit, less intelligent, second class,
    second class citizens, scrounger, sponger, freeloader, liar, cheat, idiot, moron, burden, drain, threat, menace,
    invader, extremist, fanatic, freak, weirdo, thug, too emotional, overemotional, over emotional, lazy, stupid,
    thick, dumb, idiots, morons, loud, rude, noisy, smelly, aggressive, violent, backward, backwards, primitive,
    uncivilised, uncivilized, ignorant, greedy, money grabbing, liars, cheats, scroungers, spongers, freeloaders,
    benefit cheats, weak, hysterical, irrational, unnatural, abnormal, wrong, sinful, sinners, mentally ill,
    confused, delusional, fake, frauds, attention seekers, a joke, a disgrace, a drain, a drain on society, a burden,
    a burden on society, the problem, a problem, the worst, a threat, a danger, a menace, dangerous, untrustworthy,
    dishonest, crap, shit, shite, rubbish, useless, pathetic, ugly, gross, nasty, horrible, awful, terrible,
    invaders, an invasion, extremists, fanatics, radicals, brainwashed, ungrateful, freaks, weirdos, nutters, thugs,
    yobs, vile creatures, a nuisance, trouble, troublemakers, all the same, filthy rich, money lenders, bloodsuckers,
    leeching, a fad, a phase, men in dresses, blokes in dresses, mentally unwell, over sensitive, snowflakes
- general is : equal, equals, normal, natural, real women, real men, civilised, civilized, intelligent, smart,
    clever, capable, trustworthy, decent, good, worthy, valid, to be trusted
- exclude is : british, english, one of us, part of this country, part of our community, part of society, true brits,
    real brits
- general modal : trusted
stereotype - any : cant help themselves, can't help themselves, cannot help themselves, never change,
    will never change, steal/steals/stealing, rob/robs/robbing, lie/lies/lying, cheat/cheats/cheating,
    rape/rapes/raping, groom/grooms/grooming, molest/molests/molesting, scrounge/scrounges/scrounging,
    sponge/sponges/sponging, smell/smells/smelling, stink/stinks/stinking,
    ruin/ruins/ruining/ruined {everything|it|this country|the country|the town|our town|britain|society},
    destroy/destroys/destroying {everything|this country|the country|britain|society|our culture},
    take/taking/took/takes our jobs/houses/homes/benefits/women,
    take/taking/takes all the jobs/houses/homes/benefits, take/taking/takes over,
    get/gets/getting {everything|free houses|free stuff|priority|handouts|everything free|everything for free},
    live/lives/living off {benefits|the state|us|our taxes},
    control/controls/controlling/run/runs/running {the media|the banks|the world|everything|the government},
    control/controls/controlling/run/runs/running {hollywood|the money},
    are behind everything, commit/commits {most crime|all the crime|most of the crime|crime|crimes|most crimes},
    bring/brings/bringing {crime|disease|drugs|knife crime|trouble|nothing but trouble},
    hate/hates {us|britain|the west|our way of life|this country|christians|jews|gays|women|white people},
    want/wants to {take over|kill us|destroy us|convert us|impose|replace us},
    trying to {take over|replace us|convert us}, replacing us, flooding in, flooding our country, pouring in,
    invade/invades/invading, are on benefits, on benefits, cant drive, can't drive, cannot drive,
    belong/belongs in the kitchen, belong/belongs in prison, belong/belongs in jail,
    spread/spreads/spreading their filth/propaganda/ideology
dehumanise - any : belong/belongs in a zoo, belong/belongs in the zoo, belong/belongs in a cage,
    belong/belongs in cages, belong/belongs in the gutter, belong/belongs in the sewer, belong/belongs in the bin,
    belong/belongs in gas chambers, belong/belongs in an oven, belong/belongs in the ovens
- stereotype any : integrate, wash, learn english, speak english, contribute anything
- stereotype any end : work, contribute
"""
PREDICATES: dict[str, tuple[tuple[tuple[str, ...], int, tuple[Predicate, ...]], ...]] = {}

# Verbs said to a group, its object: "deport all X", "send X back", "I hate X".
# name: (what it is, the particle it needs after the group, or None).
OBJECT_VERBS = {
    **dict.fromkeys(("kill", "murder", "shoot", "gas", "hang", "lynch", "burn", "bomb", "nuke", "exterminate",
                     "eradicate", "eliminate", "slaughter", "butcher", "execute", "behead", "stab", "torture",
                     "drown", "sterilise", "sterilize", "castrate", "cull", "massacre", "attack", "annihilate",
                     "strangle", "hurt"), (VIOLENCE, None)),
    **dict.fromkeys(("deport", "expel", "repatriate", "banish", "exile", "remove"), (EXPEL, None)),
    **dict.fromkeys(("ban", "bar", "exclude", "segregate"), (BAN, None)),
    **dict.fromkeys(("intern", "cage", "jail", "imprison"), (DETAIN, None)),
    **dict.fromkeys(("hate", "despise", "loathe", "detest", "fuck"), (HATRED, None)),
}
# Verbs whose particle comes after the group: "send them back", "lock X up".
PARTICLE_VERBS = {
    "send": (EXPEL, {"back", "home", "away", "packing"}), "ship": (EXPEL, {"back", "out", "off", "home"}),
    "kick": (EXPEL, {"out"}), "throw": (EXPEL, {"out"}), "chuck": (EXPEL, {"out"}), "boot": (EXPEL, {"out"}),
    "turf": (EXPEL, {"out"}), "drive": (EXPEL, {"out"}), "run": (EXPEL, {"out"}), "force": (EXPEL, {"out"}),
    "get": (EXPEL, {"out"}), "lock": (DETAIN, {"up", "away"}), "round": (DETAIN, {"up"}),
    "wipe": (VIOLENCE, {"out"}), "put": (VIOLENCE, {"down"}), "string": (VIOLENCE, {"up"}),
    "keep": (BAN, {"out", "away"}), "line": (VIOLENCE, {"up"}), "beat": (VIOLENCE, {"up"}),
}
# Verb phrases said before the group: "get rid of X", "round up the X".
OBJECT_PHRASES = {
    ("get", "rid", "of"): EXPEL, ("kick", "out"): EXPEL, ("throw", "out"): EXPEL, ("chuck", "out"): EXPEL,
    ("send", "back"): EXPEL, ("ship", "out"): EXPEL, ("drive", "out"): EXPEL, ("boot", "out"): EXPEL,
    ("round", "up"): DETAIN, ("lock", "up"): DETAIN, ("wipe", "out"): VIOLENCE, ("string", "up"): VIOLENCE,
    ("keep", "out"): BAN, ("cant", "stand"): HATRED, ("cannot", "stand"): HATRED, ("can", "not", "stand"): HATRED,
    ("cant", "stomach"): HATRED, ("cant", "bear"): HATRED, ("sick", "of"): GENERAL, ("fed", "up", "with"): GENERAL,
    ("fed", "up", "of"): GENERAL, ("tired", "of"): GENERAL, ("put", "an", "end", "to"): VIOLENCE,
    ("snap", "the", "necks", "of"): VIOLENCE, ("break", "the", "necks", "of"): VIOLENCE,
    ("slit", "the", "throats", "of"): VIOLENCE, ("cut", "the", "throats", "of"): VIOLENCE,
    ("better", "off", "without"): BAN, ("be", "rid", "of"): EXPEL, ("rid", "the", "country", "of"): EXPEL,
    ("rid", "this", "country", "of"): EXPEL, ("rid", "britain", "of"): EXPEL, ("rid", "the", "world", "of"): VIOLENCE,
}
# Feelings the poster has for a group: "the contempt I feel for X", "I have no compassion for X".
HATRED_NOUNS = frozenset(("hatred", "hate", "contempt", "disdain", "loathing", "disgust", "scorn", "revulsion",
                          "animosity", "detestation", "abhorrence", "venom"))
WARMTH_NOUNS = frozenset(("compassion", "sympathy", "respect", "time", "love", "patience", "tolerance", "pity",
                          "empathy", "kindness", "mercy"))
# "There is no place for X": the words before the group.
NO_ROOM = frozenset(("place", "room", "space"))
_OBJECT_PHRASE_ENDS = frozenset(keys[-1] for keys in OBJECT_PHRASES)

# Words before a group that name it with hate: "dirty X", "these bloody X".
EPITHETS_BEFORE = {
    **dict.fromkeys(("dirty", "filthy", "stinking", "stinky", "scummy", "subhuman", "parasitic", "verminous",
                     "inbred", "diseased", "feral", "mongrel", "vile", "disgusting", "degenerate", "evil"), DEHUMANISE),
    **dict.fromkeys(("thieving", "sneaky", "scrounging", "sponging", "greedy", "lazy", "smelly", "backward",
                     "primitive"), STEREOTYPE),
    **dict.fromkeys(("bloody", "fucking", "fkn", "fking", "fuckin", "effing", "sodding", "bleeding", "damn",
                     "friggin", "frigging", "bastard", "shitty", "shite", "crap"), SWEAR),
}
# Nouns after a group that name it with hate: "X scum", "X vermin".
EPITHETS_AFTER = frozenset((
    "scum", "scumbags", "filth", "vermin", "rats", "trash", "garbage", "bastards", "cunts", "twats", "pigs", "dogs",
    "animals", "savages", "apes", "monkeys", "cockroaches", "parasites", "leeches", "maggots", "freaks", "perverts",
    "degenerates", "scroungers", "invaders", "paedos", "nonces", "subhumans", "swine", "lice", "filthbags",
    "wankers", "shits", "bellends", "pests", "plague", "infestation", "horde", "hordes", "swarm", "lover", "lovers"))
# "a swarm of X", "infested with X", "vermin like X": word, then the little word before the group.
BEFORE_PREPOSITION = {
    **{(noun, "of"): DEHUMANISE for noun in ("swarm", "swarms", "plague", "infestation", "vermin", "scourge")},
    **{(noun, "of"): GENERAL for noun in ("hordes", "horde", "invasion", "influx", "flood")},
    **{(word, "with"): DEHUMANISE for word in ("infested", "crawling", "swarming", "riddled", "plagued")},
    **{(word, "by"): DEHUMANISE for word in ("infested", "plagued", "swarmed")},
    **{(word, prep): GENERAL for word in ("overrun", "invaded", "flooded", "overrun")
       for prep in ("with", "by")},
    **{(noun, "like"): DEHUMANISE for noun in (
        "vermin", "rats", "parasites", "leeches", "scum", "animals", "savages", "cockroaches", "filth", "trash",
        "pests", "subhumans", "degenerates", "perverts", "freaks", "scroungers")},
}
_PREPOSITIONS_BEFORE = frozenset(prep for _, prep in BEFORE_PREPOSITION)
# "Typical X", then this, or the end of the sentence.
TYPICAL_TAIL = frozenset(("behaviour", "behavior", "mentality", "attitude", "logic", "thinking", "driver", "drivers",
                          "driving", "lol", "again", "innit", "eh", "really", "tbh", "though", "nonsense", "crap",
                          "shit", "bs", "trick", "tactics", "move", "for", "then", "tho", "lmao", "haha", "init",
                          "yet", "as", "always", "to"))

# ---------------------------------------------------------------- the little words between

COPULAS = frozenset(("are", "is", "r", "were", "was", "be", "been", "being", "am", "re", "get", "gets", "got",
                     "getting", "become", "becoming", "remain", "stay", "theyre", "seem", "seems"))
NEGATIVE_COPULAS = frozenset(("arent", "isnt", "werent", "wasnt", "aint"))
MODALS = frozenset(("should", "must", "need", "needs", "ought", "deserve", "deserves", "gotta", "hope", "wish",
                    "want", "wants", "shall", "better", "oughta"))
NEGATIVE_MODALS = frozenset(("shouldnt", "mustnt", "neednt", "cant", "cannot", "wont", "dont", "doesnt", "didnt",
                             "couldnt", "wouldnt", "shant"))
NEGATORS = frozenset(("not", "never", "no", "nt", "hardly", "neither", "nor", "nothing", "none"))
# Words that may stand between a group and what is said of it, and change nothing.
FILLERS = frozenset((
    "all", "just", "really", "basically", "literally", "simply", "only", "always", "truly", "actually", "clearly",
    "obviously", "genuinely", "seriously", "totally", "completely", "absolutely", "utterly", "mostly", "generally",
    "usually", "typically", "naturally", "inherently", "fundamentally", "honestly", "frankly", "definitely",
    "certainly", "probably", "still", "also", "too", "even", "such", "so", "very", "a", "an", "the", "bunch", "of",
    "load", "lot", "lots", "pack", "herd", "complete", "total", "bloody", "fucking", "fkn", "fking", "fuckin",
    "effing", "frigging", "sodding", "damn", "bleeding", "more", "than", "and", "or", "then", "will", "would",
    "could", "can", "might", "may", "forever", "ever", "every", "single", "one", "them", "themselves", "em", "to",
    "do", "does", "did", "have", "has", "had", "own", "quite", "pretty", "rather", "far", "most", "much", "nowadays",
    "now", "tbh", "imo", "period", "though", "tho", "innit", "yet", "again", "ourselves", "known", "mainly",
    "largely", "almost", "nearly", "practically", "virtually", "essentially", "collectively", "proper", "right",
    "plain", "pure", "utter", "massive", "huge", "giant", "little", "big", "absolute", "any", "that", "without",
    "doubt", "undoubtedly", "surely", "arguably", "exception", "question",
    "after"))
# "like", "no better than", "nothing but": a comparison.
_LIKE = frozenset(("like",))
# A comparison that turns "X are no better than animals" into one; not a denial.
_COMPARING = frozenset(("better", "different", "more", "worse"))
# What follows a group named as the subject and makes it only some of them.
RESTRICTING = frozenset(("who", "whom", "whose", "which", "that", "with", "without", "whove", "wholl", "whod", "like",
                         "except", "apart", "besides", "unless", "if", "when"))
# Little words after a group that may start a place: "Muslims in this town".
PLACE_PREPOSITIONS = frozenset(("in", "from", "on", "at", "across", "around", "round", "near", "living", "round",
                                "coming", "arriving", "here", "there", "over", "of"))
# Words that make it a particular few, not the group: "the Travellers on the rec", "the Poles next door".
PARTICULAR = frozenset(("door", "next", "street", "road", "lane", "avenue", "close", "flat", "flats", "estate",
                        "upstairs", "downstairs", "number", "house", "bus", "train", "shop", "hotel", "site", "camp",
                        "park", "queue", "bar", "pub", "school", "office", "meeting", "centre", "center", "library",
                        "corner", "opposite", "rec", "field", "work", "job", "class", "team", "surgery", "hospital",
                        "station", "video", "film", "news", "pictures", "picture", "photo", "article", "today",
                        "yesterday", "tonight", "there", "car", "van", "cars"))
# Words before a group that stop it being the subject, or make it only some: "attacks on X", "my X", "some X".
PREPOSITIONS = frozenset(("against", "towards", "toward", "to", "for", "about", "on", "with", "by", "from", "at",
                          "into", "among", "amongst", "between", "than", "behind", "around", "near", "over",
                          "under", "upon", "onto", "without", "including", "especially", "via", "of", "in",
                          "welcoming", "help", "helping", "support", "supporting", "protect", "protecting", "love",
                          "respect", "welcome", "hosting", "housing", "teaching", "meet", "met", "know", "knew",
                          "befriend", "defend", "defending", "celebrate", "celebrating", "whether", "if", "unlike",
                          "as"))
POSSESSIVES = frozenset(("my", "our", "your", "his", "her", "their", "whose", "mums", "dads", "ur", "yer"))
SOME = frozenset(("half", "some", "few", "several", "certain", "one", "two", "three", "couple", "handful", "minority",
                  "individual", "particular", "specific", "odd", "occasional", "a", "an", "those", "other",
                  "many", "lots", "plenty", "loads", "number", "majority", "million", "thousands", "hundreds"))
# Of these, the ones that still make a generalisation: "most X are", "many X are".
_NEARLY_ALL = frozenset(("many", "lots", "plenty", "loads", "majority", "those"))
# Words before a group that make the group generic: "all X", "every X", "typical X".
DETERMINERS = frozenset(("all", "the", "these", "those", "every", "each", "any", "most", "such", "typical",
                         "single", "last", "one", "them", "em", "bloody", "fucking", "fkn", "damn", "lot",
                         "rest", "so", "called", "socalled", "your", "really", "just", "more", "you", "ya", "u",
                         "other", "next", "kinds", "kind", "sort", "sorts", "type", "types"))
# "all of the X", "every one of them": "of" after these is part of the determiner.
_OF_QUANTIFIERS = frozenset(("all", "most", "many", "each", "one", "rest", "lot", "none", "some", "few", "any",
                             "majority", "every", "lots", "loads", "half", "bulk", "kinds", "kind", "sort", "sorts",
                             "type", "types", "you", "both"))
GENERIC_SINGULAR = frozenset(("every", "each", "any", "typical", "no", "next", "a", "an"))
COLLECTIVE_BEFORE = frozenset(("the", "all", "these", "those"))
NEGATED_SUBJECT = frozenset(("not", "no", "none", "nobody", "noone", "never", "nor", "neither"))
PRONOUNS = frozenset(("they", "theyre", "theyll", "theyve", "them", "em"))
PRONOUN_PHRASES = {("these", "people"), ("those", "people"), ("that", "lot"), ("this", "lot"), ("their", "kind"),
                   ("such", "people"), ("the", "lot", "of", "them")}
_PRONOUN_HEADS = frozenset(p[0] for p in PRONOUN_PHRASES) | PRONOUNS
# A group named as far back as this is what "they" may mean.
PRONOUN_REACH = 30

# What makes a hateful statement one that is reported, quoted or rejected.
FRAMES = frozenset((
    "say", "says", "saying", "said", "call", "calls", "calling", "called", "claim", "claims", "claiming", "claimed",
    "suggest", "suggests", "suggesting", "suggested", "imply", "implying", "implies", "implied", "pretend",
    "pretending", "argue", "argues", "arguing", "argued", "assume", "assumes", "assuming", "believe", "believes",
    "believing", "think", "thinks", "thinking", "thought", "tell", "tells", "telling", "told", "tweet", "tweets",
    "tweeted", "tweeting", "post", "posts", "posted", "posting", "wrote", "write", "writes", "writing", "written",
    "shout", "shouts", "shouting", "shouted", "chant", "chanting", "chanted", "yell", "yelled", "yelling", "scream",
    "screamed", "sprayed", "spray", "painted", "graffiti", "scrawled", "daubed", "leaflet", "leaflets", "sticker",
    "stickers", "sign", "signs", "banner", "banners", "idea", "notion", "view", "views", "myth", "myths", "lie",
    "lies", "trope", "tropes", "stereotype", "stereotypes", "stereotyping", "rhetoric", "comments", "comment",
    "statements", "statement", "remarks", "remark", "words", "language", "phrase", "quote", "quoting", "repeat",
    "repeating", "spout", "spouting", "spread", "spreading", "accuse", "accused", "accusing", "blame", "blamed",
    "blaming", "rumour", "rumours", "rumor", "conspiracy", "theory", "propaganda", "narrative", "nonsense",
    "hear", "heard", "hearing", "read", "reading", "insist", "insists", "insisting", "shared", "sharing", "share",
    "reported", "report", "reporting", "convicted", "charged", "arrested", "jailed", "fined", "banned",
    "compare", "compared", "comparing", "likened", "labelled", "labeled", "branded", "described", "portrayed",
    "treat", "treated", "treating", "hoax", "fake", "false", "untrue", "rubbish", "misinformation",
    "disinformation", "true", "paint", "painting", "portray", "portraying", "depict", "depicting", "describe",
    "describing", "label", "labelling", "labeling", "brand", "branding", "dismiss", "dismissing", "regard",
    "regards", "regarding", "stereotyped", "demonise", "demonising", "demonize", "demonizing", "mean", "means",
    "meant", "preach", "preaching", "preached", "teach", "teaches",
    "taught", "promote", "promoting", "promoted", "push", "pushing", "pushed", "msg", "message", "messages",
    "video", "article", "headline", "headlines", "newspaper", "paper", "tabloids", "nazis", "nazi", "hitler",
    "fascists", "racists", "bigots", "homophobes", "transphobes", "misogynists", "sexists"))
# Of the frames, those that give the poster's own view when the poster says them: "I think X are ...".
_OPINION = frozenset(("think", "thinks", "believe", "reckon", "say", "saying", "said", "mean", "tell", "telling",
                      "promise", "swear", "guess", "feel", "know", "call", "calling", "thought", "insist", "told",
                      "repeat", "spread", "suggest", "suggesting", "argue", "arguing", "claim", "claiming",
                      "post", "posting", "posted", "preach", "preaching", "read", "heard", "hear", "comment",
                      "comments", "statement", "view", "views"))
_POSTER = frozenset(("i", "we", "im", "id", "ill", "ive", "me", "us", "personally", "my", "our", "just"))
_ADVERBS = frozenset(("really", "just", "honestly", "truly", "genuinely", "still", "always", "do", "also", "all",
                      "would", "will", "firmly", "strongly", "personally", "actually", "seriously", "fucking",
                      "absolutely", "definitely"))
# After a statement: words that report or reject it ('... is racist', '... he shouted').
REJECTED_AFTER = frozenset((
    "said", "shouted", "wrote", "claimed", "posted", "tweeted", "yelled", "screamed", "chanted", "sprayed",
    "painted", "written", "scrawled", "daubed", "according", "racist", "racism", "bigoted", "bigotry", "bigot",
    "bigots", "hateful", "homophobic", "homophobia", "transphobic", "transphobia", "islamophobic", "islamophobia",
    "antisemitic", "antisemitism", "sexist", "sexism", "misogynistic", "misogyny", "misogynist", "ableist",
    "ableism", "xenophobic", "xenophobia", "lie", "myth", "untrue", "trope", "dehumanising", "dehumanizing",
    "hurtful", "offensive", "unacceptable", "disgraceful", "shameful", "appalling", "despicable", "abhorrent",
    "prejudice", "prejudiced", "reported", "removed", "deleted", "arrested", "convicted", "charged", "jailed",
    "fined", "stereotype", "stereotypes", "propaganda", "graffiti", "leaflet", "leaflets"))
# Anywhere in a comment: words that reject what it quotes.
REJECTING = REJECTED_AFTER | frozenset((
    "stop", "nobody", "noone", "shame", "ashamed", "disgusting", "vile", "wrong", "nonsense", "rubbish", "lies",
    "myths", "hate", "hatred", "report", "disgrace", "awful", "horrible", "sickening", "sick", "outrageous"))
# Predicates that mean something else before these words: "sick of", "confused by", "the worst affected".
NOT_BEFORE: dict[str, frozenset] = {  # by the last word of the predicate
    "sick": frozenset(("of", "and", "with", "to", "because", "from", "after", "at", "in", "today", "pay", "leave",
                  "note", "notes", "days")),
    "dirty": frozenset(("from", "after", "work", "jobs", "water", "looks", "nappies", "laundry", "washing")),
    "wrong": frozenset(("about", "to", "with", "for", "side", "way", "number", "bin", "one", "place", "time",
                  "day", "address", "date", "end", "bus", "form", "here", "there")),
    "trouble": frozenset(("with", "getting", "finding", "paying", "making", "keeping", "accessing", "using",
                  "reaching", "walking", "parking")),
    "problem": frozenset(("for", "with", "when", "if", "getting", "finding", "solvers")),
    "confused": frozenset(("by", "about", "with", "as", "over", "when", "why", "how", "what", "which")),
    "worst": frozenset(("affected", "hit", "off", "served", "paid", "treated", "housed", "victims", "placed")),
    "people": frozenset(("who", "you", "to", "we", "that", "i", "whom", "which", "first", "too", "like")),
    "human": frozenset(("rights", "beings", "being", "too", "like", "who")),
    "humans": frozenset(("who", "too", "like")),
    "welcome": frozenset(("to",)),
    "place": frozenset(("to", "for", "of", "left", "else")),
    "loud": frozenset(("and",)),
    "weak": frozenset(("from", "after", "with")),
    "invaders": frozenset(("game", "arcade")),
    "dangerous": frozenset(("for", "to", "roads", "road", "crossing")),
    "danger": frozenset(("from", "of")),
    "animals": frozenset(("in", "at", "on", "and")),
    "dogs": frozenset(("in", "at", "on", "and", "with", "off", "on")),
    "rubbish": frozenset(("collection", "collections", "bins", "bin", "bags", "tip", "dump", "pickers",
                  "picking", "and", "in", "on")),
    "good": frozenset(("at", "with", "for", "enough")),
    "smart": frozenset(("enough",)),
    "criminals": frozenset(("too",)),
    "fake": frozenset(("news", "accounts", "account", "profiles")),
    "abnormal": frozenset(("results", "result")),
    "scum": frozenset(("on", "in")),
    "pests": frozenset(("in", "control")),
    "violent": frozenset(("crime", "crimes", "attacks", "abuse")),
    "vulnerable": frozenset(()),
}
_STOPS = re.compile(r"[!?;\n]|(?<![.])[.](?![.])")  # a full stop, but not an ellipsis ("...", "…")
# A new clause: a sentence's end, or a comma, colon or dash ("deport them, send X back").
_CLAUSE = re.compile(r"[!?;:,\n–—]|(?<![.])[.](?![.])|\s-\s")
_ANY_QUOTE = re.compile(r"[\"“”«»„'‘’]")
_QUOTES = re.compile(r"[\"“”«»„]|(?<![\w])['‘’]|['‘’](?![\w])")

# The words that can start a group's name: a comment with none of them names no group.
_ANCHOR_WORDS = frozenset(ANCHORS)
_TRIGGERS = _ANCHOR_WORDS | _PRONOUN_HEADS  # pronouns only matter after a group, so they do not count alone
_EVERYDAY = frozenset(("young people",))  # groups whose "generalisations" are everyday grumbles (kids, teenagers)
_ILLEGAL = frozenset(("illegal", "illegals", "undocumented", "criminal", "foreign", "failed", "bogus", "fake"))


class Mention(NamedTuple):
    start: int            # first word
    end: int              # after the last word
    term: Term
    form: str             # PLURAL (the group), SINGULAR (every ...), BELIEF
    pronoun: bool         # "they", taken to mean the group named just before
    name_end: int         # after the last word of the group's own name (before a people noun: "Muslim| women")
    generic: bool = True  # False: named only in an epithet ("Muslim scum"), so nothing else is read of it


# ---------------------------------------------------------------- the detector


def detect(comment, context, prepared=None) -> list[Signal]:
    memo = context.memo
    found = memo.get(_find)
    if found is None:
        found = memo[_find] = _find(comment)
        if getattr(context, "welsh", False):  # a council in Welsh: Welsh comments too, read by a module of their own
            from .group_hate_cy import find as find_cy
            found = memo[_find] = found + find_cy(comment)
    return list(found) if found else []


def find(comment) -> tuple[Signal, ...]:
    """The findings for a prepared comment (text.prepare), without a context."""
    return _find(comment)


def _find(comment) -> tuple[Signal, ...]:
    return read_groups(comment, _ANCHOR_WORDS, _mentions, _Reader)


def read_groups(comment, anchors: frozenset, mentions_of, reader) -> tuple[Signal, ...]:
    """What a comment says of each group it names, the strongest finding per
    place: a grammar's words that name groups (`anchors`), how it finds the
    mentions in a comment's words, and its reader (this module's, or
    group_hate_cy's). Most comments name no group: one set lookup."""
    keys = comment.words.keys
    if anchors.isdisjoint(keys):
        return ()
    if not isinstance(keys, tuple):
        keys = tuple(keys)
    mentions = mentions_of(keys)
    if not mentions:
        return ()
    read = reader(comment, keys).read
    return tuple(strongest_per_place([signal for mention in mentions for signal in read(mention)]))


def _mentions(keys: tuple[str, ...]) -> list[Mention]:
    """Where a protected group is named, in order, and the pronouns that may stand for one named before."""
    _read_tables()
    n = len(keys)
    out: list[Mention] = []
    covered = 0  # the words before this are part of a name already found
    last_group: Mention | None = None
    for i in compress(range(n), map(_TRIGGERS.__contains__, keys)):
        if i < covered:
            continue
        word = keys[i]
        if word in _ANCHOR_WORDS:
            mention = _named_at(keys, i, n)
            if mention is not None and mention.start >= covered:
                out.append(mention)
                covered = mention.end
                if mention.form == PLURAL:
                    last_group = mention
                continue
        if last_group is not None and i - last_group.end <= PRONOUN_REACH:
            length = _pronoun_at(keys, i)
            if length:
                out.append(Mention(i, i + length, last_group.term, PLURAL, True, i + length))
                covered = i + length
    return out


def _pronoun_at(keys: tuple[str, ...], i: int) -> int:
    word = keys[i]
    for phrase in _PRONOUN_PHRASES_BY_FIRST.get(word, ()):
        if keys[i:i + len(phrase)] == phrase:
            return len(phrase)
    return 1 if word in PRONOUNS else 0


_PRONOUN_PHRASES_BY_FIRST: dict[str, list] = {}
for _phrase in sorted(PRONOUN_PHRASES, key=len, reverse=True):
    _PRONOUN_PHRASES_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)


def _plural_at(keys: tuple[str, ...], i: int, n: int) -> int:
    """The end of a plural name for a group starting at word i, or 0."""
    if keys[i] not in _NAMES:
        return 0
    for at, phrase, length, forms in _candidates(keys, i, n):
        end = i + length
        if at == 0 and end <= n and PLURAL in forms and keys[i:end] == phrase:
            return end
    return 0


def _forms(terms: tuple[Term, ...]) -> dict[str, Term]:
    """The terms of one name by their form; a plural or singular that is an
    offensive name and also an everyday word ("fags") is kept apart, as it
    names a group only in an epithet."""
    forms: dict[str, Term] = {}
    for term in terms:
        ambiguous_slur = term.offensive and term.homonym and term.form in (PLURAL, SINGULAR)
        forms.setdefault(("ambiguous " if ambiguous_slur else "") + term.form, term)
    return forms


def _index(entries) -> tuple[dict, dict, tuple | None]:
    """A word's names, for looking up from it: those that go on after it, by
    the word after; those that start before it, by the word before; and the
    word alone."""
    after: dict[str, list] = {}
    before: dict[str, list] = {}
    alone = None
    for at, phrase, terms in entries:  # longest first
        entry = (at, phrase, len(phrase), _forms(terms))
        if len(phrase) == 1:
            alone = entry
        elif at == 0:
            after.setdefault(phrase[1], []).append(entry)
        else:
            before.setdefault(phrase[at - 1], []).append(entry)
    return after, before, alone


# ANCHORS, indexed, with each name's terms by form: worked out once (_read_tables).
_NAMES: dict[str, tuple[dict, dict, tuple | None]] = {}


def _read_tables() -> None:
    """Fill PREDICATES and _NAMES, once: when a comment first names a group.
    Most comments name none, and a moderator's `houserules check` reads one:
    building them with the module was a twentieth of it from cold
    (tests/benchmarks/bench_cli_start.py)."""
    if not _NAMES:  # filled last, so that PREDICATES is full once it is
        PREDICATES.update(_table(_PREDICATES))
        _NAMES.update({word: _index(entries) for word, entries in ANCHORS.items()})


def _candidates(keys: tuple[str, ...], i: int, n: int):
    """The names that may start or end at word i, longest first."""
    after, before, alone = _NAMES[keys[i]]
    if after and i + 1 < n:
        yield from after.get(keys[i + 1], ())
    if before and i:
        yield from before.get(keys[i - 1], ())
    if alone is not None:
        yield alone


def _named_at(keys: tuple[str, ...], i: int, n: int) -> Mention | None:
    """The group named by the words around word i, if they name one there."""
    for at, phrase, length, forms in _candidates(keys, i, n):
        start = i - at
        end = start + length
        if start < 0 or end > n or (length > 1 and keys[start:end] != phrase):
            continue
        before = keys[start - 1] if start else ""
        after = keys[end] if end < n else ""
        for form in (PLURAL, BELIEF):
            term = forms.get(form)
            if term is not None:
                return Mention(start, end, term, form, False, end)
        term = forms.get(ADJECTIVE)
        if term is not None:
            if after in PEOPLE_NOUNS:  # "Polish people", "gay men"; "every Muslim man"
                if after in ("man", "woman", "person", "family"):
                    generic = before in GENERIC_SINGULAR or (start >= 2 and keys[start - 2] in ("typical", "every"))
                    return Mention(start, end + 1, term, SINGULAR, False, end, generic)
                return Mention(start, end + 1, term, PLURAL, False, end)
            if after in _ANCHOR_WORDS:  # "Muslim immigrants", "black women"
                nested = _plural_at(keys, end, n)
                if nested:
                    return Mention(start, nested, term, PLURAL, False, end)
            if before in COLLECTIVE_BEFORE and (not after or after in _AFTER_COLLECTIVE):  # "the Irish are"
                return Mention(start, end, term, PLURAL, False, end)
        term = forms.get(SINGULAR) or forms.get(ADJECTIVE)
        if term is not None:
            generic = before in GENERIC_SINGULAR or (before in ("a", "your", "the", "single", "one") and start >= 2
                                                    and keys[start - 2] in ("typical", "every"))
            if generic or after in EPITHETS_AFTER:
                return Mention(start, end, term, SINGULAR, False, end, generic)
        term = forms.get("ambiguous " + PLURAL)  # an offensive name that is also an everyday word: only in an epithet
        if term is not None and after in EPITHETS_AFTER:
            return Mention(start, end, term, PLURAL, False, end, False)
        return None
    return None


class Places:
    """Where a comment's words are, and whether a sentence ends between two
    of them: what the readers of each language (this one's _Reader and
    group_hate_cy's) work out only when a finding needs it."""

    __slots__ = ("comment", "keys", "n", "words", "_quotes", "_places", "_rejects")

    def __init__(self, comment, keys: tuple[str, ...]):
        self.comment, self.keys, self.n, self.words = comment, keys, len(keys), comment.words
        self._quotes: list[int] | None = None
        self._places: dict[int, tuple[int, int]] = {}
        self._rejects: bool | None = None

    def place(self, i: int) -> tuple[int, int]:
        found = self._places.get(i)
        if found is None:
            found = self._places[i] = self.words.place(i)
        return found

    def apart(self, i: int, j: int, stops: re.Pattern = _STOPS) -> bool:
        """Whether a sentence (or what `stops` finds: a clause) ends between
        word i and word j (i < j). Asked only of words a few apart, so the
        text between is read a bounded number of times."""
        if j <= i:
            return False
        return stops.search(self.comment.original, self.place(i)[1], self.place(j)[0]) is not None


class _Reader(Places):
    """Reads what a comment says of each group it names."""

    __slots__ = ()

    def new_clause(self, i: int, j: int) -> bool:
        """Whether a clause starts between word i and word j (i < j): an
        order may follow a comma ("deport them, send X back")."""
        return j > i and _CLAUSE.search(self.comment.original, self.place(i)[1], self.place(j)[0]) is not None

    def quoted(self, i: int) -> bool:
        """Whether word i is between quotation marks."""
        if self._quotes is None:
            original = self.comment.original
            self._quotes = [] if _ANY_QUOTE.search(original) is None else [
                m.start() for m in _QUOTES.finditer(original) if not _possessive(original, m.start())]
        if len(self._quotes) < 2:
            return False
        at = bisect_left(self._quotes, self.place(i)[0])
        return at % 2 == 1 and at < len(self._quotes)

    def rejects(self) -> bool:
        """Whether the comment says anything that reports or rejects what it quotes."""
        if self._rejects is None:
            self._rejects = not (REJECTING.isdisjoint(self.keys) and FRAMES.isdisjoint(self.keys))
        return self._rejects

    # -- reading

    def read(self, m: Mention) -> list[Signal]:
        keys = self.keys
        start = m.start
        # The words before the group that say which of it: "all the", "most of the", "every single".
        j = start - 1
        determiners: list[str] = []
        while j >= 0 and start - j <= 5:
            word = keys[j]
            if word in DETERMINERS or word in _ILLEGAL or (word == "of" and j > 0 and keys[j - 1] in _OF_QUANTIFIERS):
                determiners.append(word)
                j -= 1
            else:
                break
        before = keys[j] if j >= 0 else ""
        before2 = keys[j - 1] if j >= 1 else ""
        # "Not all X", "none of the X", "no X should": nothing said of the group as a whole.
        negated = before in NEGATED_SUBJECT or (before in SOME and before2 in NEGATED_SUBJECT)
        some = before in SOME and before not in _NEARLY_ALL and "typical" not in determiners
        possessed = before in POSSESSIVES
        out: list[Signal] = []
        if not m.pronoun:
            out += self._names(m, j)
        if not m.generic:
            return out
        out += self._object(m, j, some)
        # "everything about them disgusts me", "better off if those X were ...": the group is still the subject
        subject = before not in PREPOSITIONS or (before == "about" and before2 in ("everything", "anything", "all")) \
            or (before == "if" and before2 == "off")
        if not (possessed or negated) and subject:
            out += self._subject(m, j, some)
        return out

    def _names(self, m: Mention, j: int) -> list[Signal]:
        """What names the group with hate: 'dirty X', 'X scum', 'a swarm of X', 'no X allowed', 'typical X'."""
        keys, n = self.keys, self.n
        out = []
        after = keys[m.end] if m.end < n else ""
        adjective = keys[m.start - 1] if m.start else ""
        # "dirty old men", "black rats", "American garbage": words more often about something else
        everyday_adjective = m.term.homonym and (m.term.form == ADJECTIVE or m.form != PLURAL)
        predicative = m.start >= 2 and keys[m.start - 2] in _PREDICATIVE  # "it's so disgusting, men and women ..."
        if adjective in EPITHETS_BEFORE and not everyday_adjective and not predicative:
            kind = EPITHETS_BEFORE[adjective]
            out.append(self._signal(kind, m, m.start - 1, m.end, m.start - 1, m.end))
        then = keys[m.end + 1] if m.end + 1 < n else ""
        if after in EPITHETS_AFTER and after not in ("lover", "lovers") and (
                not everyday_adjective or after in _UNAMBIGUOUS_EPITHETS) and (
                not then or then in _ENDS_PHRASE or self.apart(m.end, m.end + 1)):  # not "American garbage shows"
            out.append(self._signal(DEHUMANISE, m, m.start, m.end + 1, m.start, m.end + 1))
        before = keys[j] if j >= 0 else ""
        if before in _PREPOSITIONS_BEFORE and j >= 1:
            kind = BEFORE_PREPOSITION.get((keys[j - 1], before))
            if kind is not None:
                out.append(self._signal(kind, m, j - 1, m.end, j - 1, m.end))
        if adjective == "no" and after in ("allowed", "welcome", "please", "wanted", "here", "thanks", "thankyou"):
            out.append(self._signal(EXCLUDE, m, m.start - 1, m.end + 1, m.start - 1, m.end + 1))
        if before == "for" and j >= 1:  # "the contempt I feel for X", "no place for X"
            out.append(self._feeling_for(m, j))
        than = j - 1 if before in ("a", "an") else j
        if than >= 2 and keys[than] == "than" and keys[than - 2:than] == ("nothing", "worse"):  # "nothing worse than X"
            out.append(self._signal(GENERAL, m, than - 2, m.end, than - 2, m.end))
        if before == "of" and j >= 1 and keys[j - 1] in ("bunch", "load", "pack", "lot", "herd", "gang") \
                and m.term.offensive:  # "just a bunch of [an offensive name]"
            out.append(self._signal(SMEAR, m, j - 1, m.end, j - 1, m.end))
        at = -1
        if "typical" in keys[max(0, m.start - 4):m.start]:
            at = next(k for k in range(m.start - 1, max(-1, m.start - 5), -1) if keys[k] == "typical")
        if at >= 0 and (not after or after in TYPICAL_TAIL or self.apart(m.end - 1, m.end)):
            if at < 1 or keys[at - 1] not in ("not", "isnt", "arent", "hardly", "wasnt", "nothing", "the"):
                out.append(self._signal(TYPICAL, m, at, m.end, at, m.end))
        return [s for s in out if s is not None]

    def _feeling_for(self, m: Mention, j: int) -> Signal | None:
        """'I have so much disdain for X', 'the scorn I feel for X', 'I have no
        compassion for X', 'there is no place for X': word j is 'for'."""
        keys = self.keys
        window = range(j - 1, max(-1, j - 7), -1)
        for k in window:
            word = keys[k]
            if word in NO_ROOM and k >= 1 and keys[k - 1] == "no":
                return self._signal(EXCLUDE, m, k - 1, m.end, k - 1, m.end)
            if word in HATRED_NOUNS or (word in WARMTH_NOUNS and k >= 1 and keys[k - 1] in ("no", "zero", "nil")):
                said_by_poster = any(w in ("i", "we", "im", "ive", "weve", "my", "our") for w in keys[max(0, k - 5):j])
                denied = keys[k - 1] in ("no", "zero", "nil") if word in HATRED_NOUNS else False
                if said_by_poster and not denied:
                    kind = HATRED if word in HATRED_NOUNS else GENERAL
                    return self._signal(kind, m, k if word in HATRED_NOUNS else k - 1, m.end, k - 1, m.end)
                return None
        return None

    def _object(self, m: Mention, j: int, some: bool) -> list[Signal]:
        """'deport all X', 'send X back', 'get rid of the X', 'I hate X'."""
        keys, n = self.keys, self.n
        if j < 0:
            return []
        end = m.end
        verb = keys[j]
        kind = None
        verb_start = j
        if verb in OBJECT_VERBS:
            kind = OBJECT_VERBS[verb][0]
        elif verb in PARTICLE_VERBS:
            particle_kind, particles = PARTICLE_VERBS[verb]
            k = end
            while k < n and k < end + 2 and keys[k] in ("all", "them", "em", "lot"):
                k += 1
            if k < n and keys[k] in particles:
                kind, end = particle_kind, k + 1
        if kind is None and verb in _OBJECT_PHRASE_ENDS:
            for phrase, phrase_kind in OBJECT_PHRASES.items():
                if phrase[-1] == verb and j + 1 >= len(phrase) and keys[j - len(phrase) + 1:j + 1] == phrase:
                    kind, verb_start = phrase_kind, j - len(phrase) + 1
                    break
        if kind is None:
            return []
        # The group must end its phrase: "ban the Muslim community centre" bans a building.
        after = keys[end] if end < n else ""
        if after and after not in _ENDS_PHRASE and not self.apart(end - 1, end):
            return []
        if kind in (HATRED, GENERAL) and verb != "fuck":
            if not self._said_by_poster(verb_start):
                return []
        elif not self._urged(verb_start):
            return []
        restricted = some or after in RESTRICTING  # "kill all the Americans who disagree": some of them
        if restricted and kind not in _EVEN_OF_SOME:
            return []
        signal = self._signal(kind, m, verb_start, end, verb_start, end, weaker=restricted)
        return [signal] if signal is not None else []

    def _said_by_poster(self, j: int) -> bool:
        """'I hate', 'I really do hate', 'we all hate': the poster says it, and does not deny it."""
        keys = self.keys
        for k in range(j - 1, max(-1, j - 5), -1):
            word = keys[k]
            if word in ("i", "we", "im", "ill", "id"):
                return True
            if word not in _ADVERBS_BEFORE_VERB:
                return False
        return False

    def _urged(self, j: int) -> bool:
        """Whether the verb at j is urged: said as a command, or after 'should', 'we need to', 'I will'."""
        keys = self.keys
        if j == 0 or self.new_clause(j - 1, j):
            return True
        prev = keys[j - 1]
        if prev in NEGATORS or prev in NEGATIVE_MODALS or prev in ("stop", "quit"):
            return False
        if prev in _LEADS:
            return True
        if prev == "and":  # "round them up and shoot them": urged if the sentence urges
            for k in range(j - 2, max(-1, j - 10), -1):
                if keys[k] in _URGING and not self.apart(k, j):
                    return not any(word in NEGATORS or word in NEGATIVE_MODALS for word in keys[max(0, k - 2):k + 1])
            return False
        k = j - 1  # past "just", "all", "finally" to the word that says how the verb is meant
        while k >= 0 and j - k <= 3 and keys[k] in _ADVERBS_OF_URGING:
            k -= 1
        if k < 0 or (k < j - 1 and self.apart(k, k + 1)):
            return True
        prev, prev2 = keys[k], keys[k - 1] if k >= 1 else ""
        if prev in NEGATORS or prev in NEGATIVE_MODALS or prev2 in NEGATORS or prev2 in NEGATIVE_MODALS \
                or prev in ("stop", "quit") or prev2 in ("stop", "quit"):
            return False
        if prev in _LEADS:
            return True
        if prev == "to":
            if prev2 in ("need", "needs", "ought", "time", "gotta", "got", "have", "has", "best", "better", "ok",
                         "okay", "fine", "right"):
                return True
            return prev2 in ("want", "going", "wanna", "gonna", "like", "love", "planning", "plan", "try") and any(
                word in ("i", "we", "im", "were", "id", "wed", "ill", "am") for word in keys[max(0, k - 5):k - 1])
        if prev in ("will", "would", "shall", "could", "gonna", "gunna", "wanna"):
            return prev2 in ("i", "we", "id", "ill", "someone", "somebody", "they", "lets", "people", "everyone")
        return False

    def _subject(self, m: Mention, j: int, some: bool) -> list[Signal]:
        """What is said of the group as the subject: 'X are ...', 'X should be ...'."""
        keys, n = self.keys, self.n
        k = m.end
        if k >= n or (keys[k] not in _MAY_FOLLOW_SUBJECT and keys[k] not in PREDICATES
                      and not keys[k].endswith("ing")):
            return []  # "the Muslim community centre ...": nothing is said of the group
        restricted = particular = False
        if (keys[k] in RESTRICTING or (keys[k].endswith("ing") and keys[k] not in _NOT_RESTRICTING)):
            restricted = True  # "X who ...", "X living here ...": only some of them
            k = self._skip_to_verb(k + 1)
        elif k < n and keys[k] in PLACE_PREPOSITIONS:  # "Muslims in this town should ..."
            verb = self._skip_to_verb(k + 1)
            if verb > k + 1:
                particular = any(word in PARTICULAR for word in keys[k:verb])
                k = verb
        verb_start = k
        if k >= n or keys[k] in ("and", "or", "as", "nor", "plus"):  # "X and Y are ...": Y's sentence; "paint X as"
            return []
        # "why are X so ...", "aren't X just ...": the verb comes first.
        before = keys[j] if j >= 0 else ""
        copula = before in ("are", "arent", "r", "is", "isnt", "were", "werent", "aint") and (
            j == 0 or keys[j - 1] in _OPENS_QUESTION or self.apart(j - 1, j))  # "why are X so ...", "are X ..."
        question = copula and not (j >= 1 and keys[j - 1] in ("why", "how"))
        clause_start = None  # worked out if a predicate needs it
        modal = (before in ("hope", "wish", "pray", "hoping", "wishing", "praying", "want", "wants", "wanted")
                 and any(word in _POSTER for word in keys[max(0, j - 3):j])) or (
            before == "if" and j >= 1 and keys[j - 1] == "off") or (
            before in ("see", "watch", "seeing", "watching") and any(
                word in _DESIRE for word in keys[max(0, j - 4):j]))  # "I'd love to see those X suffer"
        if keys[m.start] in ("theyre", "youre"):
            copula = True
        like = negated = False
        best: tuple | None = None
        steps = 0
        while k < n and steps < 12:
            word = keys[k]
            entries = PREDICATES.get(word)
            if entries:
                for phrase, length, meanings in entries:
                    if length > 1 and keys[k:k + length] != phrase:
                        continue
                    ends = k + length
                    following = keys[ends] if ends < n else ""
                    cancelled = following in NOT_BEFORE.get(phrase[-1], ()) or (
                        following in _NEW_SUBJECT and meanings[0].link == IS)  # "rats are": a new subject
                    for meaning in () if cancelled else meanings:
                        kind = meaning.denied if negated else meaning.affirmed
                        if kind is None:
                            continue
                        if not (meaning.link == ANY or (meaning.link == IS and (copula or like))
                                or (meaning.link == MODAL and modal)):
                            continue
                        if meaning.at_end and following and following not in ("now", "asap", "lol", "all") \
                                and not self.apart(ends - 1, ends):
                            continue
                        if kind == STEREOTYPE and meaning.link == ANY and (modal or keys[k - 1] == "to"):
                            continue  # "X should get priority", "X to groom": asked for, or not said of them
                        if meaning.at_end:
                            if clause_start is None:
                                clause_start = j < 0 or keys[j] in _OPENS_CLAUSE or self.apart(j, m.start)
                            if not clause_start:
                                continue  # "blow these X out": not "X out!"
                        if best is None or _RANK[kind] < _RANK[best[0]]:
                            best = kind, k, ends
                    break
                else:
                    ends = 0
                if ends:
                    if cancelled and following in _NEW_SUBJECT:
                        break
                    steps += ends - k
                    k = ends
                    continue
            role = _ROLE.get(word)
            if role is None:
                break
            if role == "not":
                following = keys[k + 1] if k + 1 < n else ""
                if word == "no" and following in _COMPARING:  # "no better than"
                    like = True
                    k += 2
                    steps += 2
                    continue
                if word == "not" and following in ("only", "just", "merely"):
                    k += 2
                    steps += 2
                    continue
                if word in ("nothing", "none") and following in ("but", "more", "less", "short"):
                    like = True
                    k += 2
                    steps += 2
                    continue
                negated = not negated
            elif role == "is not":
                copula, negated = True, not negated
            elif role == "should not":
                modal, negated = True, not negated
                copula = copula or word in ("cant", "cannot", "wont")
            elif role == "is":
                copula = True
            elif role == "should":
                modal = True
            elif role == "like":
                like = True
            k += 1
            steps += 1
        if best is None:
            return []
        kind, at, ends = best
        if self.apart(m.end - 1, at):
            return []
        if (restricted or some or particular) and kind not in _EVEN_OF_SOME:
            return []  # only some of the group, or particular people of it: not the group
        signal = self._signal(kind, m, verb_start, ends, m.start, ends, gap=verb_start > m.end,
                              weaker=restricted or some or particular or question)
        return [signal] if signal is not None else []

    def _skip_to_verb(self, j: int) -> int:
        """From j, past up to 6 words to the first verb of the clause ('are', 'should'); j if there is none."""
        keys, n = self.keys, self.n
        for k in range(j, min(n, j + 6)):
            word = keys[k]
            if word in COPULAS or word in MODALS or word in NEGATIVE_MODALS or word in NEGATIVE_COPULAS \
                    or word in PREDICATES:
                return k
        return j

    # -- what a finding says, once the context has been read

    def _signal(self, kind: str, m: Mention, said_start: int, said_end: int, start: int, end: int, *,
                gap: bool = False, weaker: bool = False) -> Signal | None:
        """A finding of `kind` about the group named by m, said by words
        said_start..said_end of the statement in words start..end; None when
        the context shows the statement is reported, quoted or rejected."""
        keys = self.keys
        term = m.term
        if term.group in _EVERYDAY and kind != VIOLENCE:
            return None
        if self._reported(start) or self._rejected_after(end):
            return None
        quoted = self.quoted(start) or self.quoted(end - 1)
        if quoted and self.rejects():
            return None
        verdict = BREAKS if kind in SURE else MAY_BREAK
        notes = []
        if term.offensive and not m.pronoun:
            verdict = BREAKS
            notes.append(f"'{self._text(m.start, m.name_end)}' is an offensive name for them")
        if m.form == BELIEF:
            verdict = MAY_BREAK
            notes = ["said of a belief, which may be criticised: a person should judge"]
        if kind in (EXPEL, DETAIN, BAN) and any(word in _ILLEGAL for word in keys[max(0, m.start - 2):m.start + 1]):
            verdict = MAY_BREAK
            notes.append("said of people with no right to be here, which may be a view on immigration law")
        if m.pronoun:
            verdict = MAY_BREAK
            notes.append(f"if '{self._text(m.start, m.end)}' means the {term.group} named before it")
        if term.group in _EVERYDAY or weaker:
            verdict = MAY_BREAK
        if quoted:
            verdict = MAY_BREAK
            notes.append("in quotation marks: a person should check whose words they are")
        span_start, span_end = self.place(start)[0], self.place(end - 1)[1]
        if gap:
            said = f"{self._text(m.start, m.end)} ... {self._text(said_start, said_end)}"
        else:
            said = self.comment.original[span_start:span_end]
        said = " ".join(said.split())
        if len(said) > 90:
            said = said[:40].rstrip() + " ... " + said[-40:].lstrip()
        group = term.group if m.form != BELIEF else f"{term.group}, of whom {self._text(m.start, m.end)} is the belief"
        why = f'"{said}": {DESCRIBE[kind]} ({term.characteristic}: {group})'
        if notes:
            why += "; " + "; ".join(notes)
        return new_signal((verdict, span_start, span_end, why))

    def _text(self, i: int, j: int) -> str:
        return self.comment.original[self.place(i)[0]:self.place(j - 1)[1]]

    def _reported(self, start: int) -> bool:
        """Whether the statement starting at word `start` is reported, or
        framed to be rejected: 'saying X ...', 'people who think X ...',
        'stop calling X ...'; not 'I think X ...', the poster's own view."""
        keys = self.keys
        for k in range(start - 1, max(-1, start - 9), -1):
            word = keys[k]
            if word not in FRAMES:
                continue
            if self.apart(k, start):
                return False
            if word in ("true", "fact", "facts"):  # "it isn't true that X ...", but "it's true that X ..."
                return any(w in NEGATORS or w in NEGATIVE_COPULAS for w in keys[max(0, k - 3):k])
            if word in _OPINION:
                i = k - 1
                while i >= 0 and k - i <= 3 and keys[i] in _ADVERBS:
                    i -= 1
                subject = keys[i] if i >= 0 else ""
                if subject in _POSTER or (not subject and k == 0 and word in ("say", "think", "call")):
                    denied = any(w in NEGATORS or w in NEGATIVE_MODALS for w in keys[max(0, i - 2):k])
                    return denied  # "I don't think X ..." rejects it; "I think X ..." says it
            return True
        return False

    def _rejected_after(self, end: int) -> bool:
        """Whether words just after the statement reject or report it: '... is racist', '... he shouted'."""
        keys, n = self.keys, self.n
        for k in range(end, min(n, end + 6)):
            if keys[k] in REJECTED_AFTER:
                # "..., not racist, just facts": a disclaimer, not a rejection
                return not (keys[k - 1] in ("not", "im", "aint", "nothing") or keys[k - 2:k] == ("im", "not"))
        return False


def _possessive(text: str, at: int) -> bool:
    """An apostrophe after a plural ("the Travellers' site"), not a quotation mark."""
    return text[at] in "'’" and at > 0 and text[at - 1] in "sS" and (at + 1 == len(text) or text[at + 1] == " ")


_OPENS_QUESTION = frozenset(("why", "how", "what", "so", "and", "but", "then", "where", "when", "who", "honestly",
                             "seriously", "like", "i", "mean", "just", "surely", "but", "well", "ok", "okay", "yes",
                             "no"))
_OPENS_CLAUSE = frozenset(("and", "but", "so", "yes", "yeah", "now", "because", "cos", "coz", "i", "say", "ok",
                           "okay", "well", "then", "just", "simple", "lol", "mate", "lads", "all"))
_URGING = frozenset(("should", "must", "lets", "need", "needs", "gotta", "can", "ought", "time", "hope", "please",
                     "we", "i"))
_DESIRE = frozenset(("love", "like", "want", "wanna", "enjoy", "happy", "glad", "hope", "wish", "pay", "cant", "wait"))
_ADVERBS_OF_URGING = frozenset(("all", "just", "simply", "finally", "literally", "definitely", "really", "also",
                                "then", "only", "actually", "seriously", "honestly", "now", "quickly", "promptly"))
# After "black", "old", "Polish" (more often something else): only these make a name for a group of hate.
_UNAMBIGUOUS_EPITHETS = frozenset(("vermin", "filth", "subhumans", "savages", "scumbags", "parasites", "degenerates",
                                   "cunts", "bastards", "twats", "paedos", "nonces"))
# Words before an adjective that make it a predicate, not a name: "it's so disgusting, men and women ...".
_PREDICATIVE = frozenset(("so", "very", "too", "how", "is", "are", "was", "were", "be", "been", "really", "quite",
                          "pretty", "its", "thats", "soo"))
_RANK = {kind: rank for rank, kind in enumerate((VIOLENCE, EXIST, EXPEL, DEHUMANISE, DETAIN, EXCLUDE, HATRED, SMEAR,
                                                 BAN, RIGHTS, STEREOTYPE, GENERAL, TYPICAL, SWEAR))}
assert set(_RANK) == set(DESCRIBE)
# What each little word does between a group and what is said of it (the first that applies).
_ROLE = {**dict.fromkeys(FILLERS, "filler"), **dict.fromkeys(_LIKE, "like"), **dict.fromkeys(MODALS, "should"),
         **dict.fromkeys(COPULAS, "is"), **dict.fromkeys(NEGATIVE_MODALS, "should not"),
         **dict.fromkeys(NEGATIVE_COPULAS, "is not"), **dict.fromkeys(NEGATORS, "not")}
_MAY_FOLLOW_SUBJECT = frozenset(_ROLE) | RESTRICTING | PLACE_PREPOSITIONS
_NEW_SUBJECT = COPULAS | MODALS | NEGATIVE_COPULAS | NEGATIVE_MODALS - {"get", "gets", "got", "getting"}
_AFTER_COLLECTIVE = (COPULAS | NEGATIVE_COPULAS | MODALS | NEGATIVE_MODALS | NEGATORS | frozenset(
    ("who", "always", "never", "all", "just", "really", "should", "will", "would", "can", "do", "have", "breed",
     "steal", "lie", "are"))) - {"get", "gets"}
_LEADS = frozenset(("should", "must", "shall", "gotta", "gonna", "gunna", "wanna", "lets", "just", "please", "pls",
                    "plz", "simply", "so", "then", "now", "id", "ill", "i", "we", "wed", "someone", "somebody",
                    "literally", "finally", "definitely", "seriously", "honestly", "need", "needs", "better",
                    "time", "yes", "yeah", "mate", "lads", "everyone", "everybody", "hope", "go"))
_ADVERBS_BEFORE_VERB = frozenset(("really", "just", "fucking", "fkn", "fking", "absolutely", "truly", "honestly",
                                  "all", "do", "so", "totally", "genuinely", "bloody", "seriously", "completely",
                                  "utterly", "personally", "still", "also", "actually", "proper", "properly",
                                  "hate", "and", "fuckin", "literally", "deeply", "simply", "despise", "am", "sick",
                                  "fed", "up", "tired", "getting", "so", "bloody"))
_NOT_RESTRICTING = frozenset(("being", "nothing", "everything", "breeding", "stealing", "taking", "ruining",
                              "invading", "destroying", "raping", "grooming", "scrounging", "sponging", "killing",
                              "spreading", "flooding", "pouring", "swarming", "infesting", "lying", "cheating",
                              "robbing", "smelling", "stinking", "living", "trying", "replacing", "getting",
                              "coming", "bringing", "controlling", "going", "thing", "multiplying", "leeching"))
_ENDS_PHRASE = (FILLERS | COPULAS | MODALS | NEGATIVE_MODALS | NEGATORS | PREPOSITIONS | PLACE_PREPOSITIONS
                | frozenset(("out", "back", "home", "away", "off", "up", "down", "now", "asap", "please", "immediately",
                             "forever", "already", "again", "for", "because", "cos", "coz", "since", "who", "that",
                             "which", "and", "or", "but", "from", "then", "lol", "haha", "mate", "tbh", "innit",
                             "they", "we", "i", "you", "he", "she", "it", "too", "as", "once", "off", "first",
                             "today", "tomorrow", "yesterday", "tonight", "soon", "instead", "everywhere",
                             "where", "so", "if", "unless", "until", "till", "before", "after", "while", "by",
                             "like", "combined"))
                ) - frozenset(("centre", "center"))


def strongest_per_place(signals: list[Signal]) -> list[Signal]:
    """One finding per place: the strongest (the first of equals), in reading order."""
    if len(signals) < 2:
        return signals
    best: dict[tuple[int, int], Signal] = {}
    for signal in signals:
        place = (signal.start, signal.end)
        held = best.get(place)
        if held is None or (signal.verdict == BREAKS and held.verdict != BREAKS):
            best[place] = signal
    return sorted(best.values(), key=lambda s: (s.start, s.end))
