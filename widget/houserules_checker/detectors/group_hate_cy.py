"""`group-hate` in Welsh: what a Welsh comment says of a group the Equality
Act 2010 protects, read only for a council that works in Welsh
(`context.welsh`; group_hate.detect calls `find`). Councils in Wales must
not treat Welsh less favourably than English, and residents comment in both.

A small grammar, written for precision rather than reach: it reads what it
can read with confidence and leaves the rest to the English-language model
and to a moderator. Welsh here is drafted, not reviewed by a Welsh speaker.

- The groups (_GROUPS): Welsh names, each with its soft and aspirate
  mutations ("i fewnfudwyr", "a Christnogion", "y bobl dduon"), and, for a
  few, the singular after "pob" ("pob Mwslim"). Left out, as more often
  something else: "teithwyr" alone (passengers, travellers in general: only
  "Sipsiwn a Theithwyr" and "Teithwyr Gwyddelig" are read), "duon" alone
  (black, of anything), "pobl hŷn" (keyed as "pobl hyn", "these people"),
  "Roma", and the slurs (the word lists hold those). "merched" is women and
  also girls: what is said of it only ever may break the rule.
- What is said (Welsh word order: the verb first):
  - as the subject, after "mae", "dylai", "rhaid i", "dydy ... ddim":
    "mae'r X (i gyd) yn bla", "mae X fel llygod mawr", "dylai'r X fynd
    adref", "dylai'r X gael eu lladd", "ni ddylai X gael byw yma";
    and with the predicate first: "pla yw'r X", "X yw'r broblem";
  - as the object: "dylid lladd y X", "llosgwch y X", "anfonwch y X adref",
    "cael gwared ar y X", "dw i'n casáu X", "cas gen i X", "dydyn ni ddim
    eisiau X yma", "does dim croeso i X";
  - said to the group: "ewch adref, X", "X allan!", "allan â'r X";
  - in a name for it: "X budr", "blydi X", "pla o X", "haid o X";
  - sworn at: "ffwcio'r X" at the start of a clause, the slogan "twll din
    pob X" (as the English grammar reads "fuck the X").
  "nhw" ("they", "them") may stand for a group named just before: then a
  finding only may break the rule, and says so.
- What is not said: a negative verb or "ddim", "byth" ("nid yw X yn bla",
  "dydy X ddim yn fermin"), "rhai" (some), "X sy'n ..." (only some), a
  place after the group ("y Pwyliaid yn y siop"), a statement reported or
  condemned ("mae dweud bod X yn bla yn ffiaidd", "roedd rhywun wedi
  paentio 'X allan' ar y wal, mae'n warthus"), or quoted and rejected; a
  verb-noun with nothing urging it ("lladd y X" may be a headline), and
  "adref" that goes on elsewhere ("dylai'r Cymry fynd adref ar ôl y gêm").
- Generalisations ("mae'r X i gyd yn droseddwyr / yn ddiog / yn fudr /
  yn derfysgwyr / yn dwpsod") only ever may break the rule, where the
  English grammar breaks it for the worst of them: the Welsh is drafted, and
  a person looks. A strong swear word said of all of a group ("mae'r X yn
  gont", "yn bastads") breaks it, as "X are cunts" does in English; so do
  English words a Welsh sentence borrows ("yn scum").

Findings give the reasons the English grammar gives for the same meaning
(group_hate.DESCRIBE), so cymraeg.say says them in Welsh on a Welsh page.
Calls for violence, expulsion or exclusion, dehumanising comparisons and
expressed hatred break the rule; generalisations, bans, and anything
questioned, quoted or said through "nhw" may break it, for a person to judge.

Work: a comment that names no Welsh group costs one set lookup over its
words; for the rest, each place a group is named is read in windows of a
fixed number of words around it, so the work grows with the comment's
length and no faster.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import compress
from typing import NamedTuple

from ..findings import BREAKS, MAY_BREAK, Signal, new_signal
from ..groups import AGE, DISABILITY, GENDER_REASSIGNMENT, ORIENTATION, RACE, RACE_AND_RELIGION, RELIGION, SEX
from .group_hate import (BAN, DEHUMANISE, DESCRIBE, DETAIN, EXCLUDE, EXIST, EXPEL, GENERAL, HATRED, RIGHTS, SMEAR,
                         STEREOTYPE, SURE, SWEAR, VIOLENCE, Places, read_groups)

# ---------------------------------------------------------------- mutations


def _soft(word: str) -> str:
    """The soft mutation ("pobl" -> "bobl", "mewnfudwyr" -> "fewnfudwyr"), as a comment's words are keyed."""
    for plain, soft in (("ll", "l"), ("rh", "r"), ("ch", None), ("ph", None), ("th", None), ("dd", None),
                        ("ff", None), ("p", "b"), ("t", "d"), ("c", "g"), ("b", "f"), ("d", "dd"), ("g", ""),
                        ("m", "f")):
        if word.startswith(plain):
            return word if soft is None else soft + word[len(plain):]
    return word


def _aspirate(word: str) -> str:
    """The aspirate mutation, after "a" (and), "â" (with), "ei" (her): "a Phwyliaid", "a Christnogion"."""
    if word[:2] in ("ch", "ph", "th"):
        return word
    return {"p": "ph", "t": "th", "c": "ch"}.get(word[:1], word[:1]) + word[1:]


def _forms(phrase: str) -> set[tuple[str, ...]]:
    """A phrase and its mutated forms: the first word mutates."""
    words = phrase.split()
    return {tuple([first, *words[1:]]) for first in (words[0], _soft(words[0]), _aspirate(words[0])) if first}


# ---------------------------------------------------------------- the groups


class Group(NamedTuple):
    group: str            # as the English grammar names it (cymraeg.GROUPS says it in Welsh)
    characteristic: str   # the protected characteristic (groups.py)
    capped: bool = False  # at most may break the rule: the name is as often something else


# (group, characteristic, plural names, singular names after "pob", capped)
_GROUPS = (
    ("immigrants", RACE, "mewnfudwyr, ffoaduriaid, ceiswyr lloches, ceiswyr noddfa, estroniaid, tramorwyr",
     "mewnfudwr, ffoadur, ceisiwr lloches, tramorwr", False),
    ("Muslims", RELIGION, "mwslemiaid, moslemiaid, mwslimiaid, mwslimaid, mwslims, mwslems", "mwslim, moslem, mwslem",
     False),
    ("Jews", RACE_AND_RELIGION, "iddewon", "iddew", False),
    ("Christians", RELIGION, "cristnogion, catholigion, pabyddion", "cristion, pabydd", False),
    ("Hindus", RELIGION, "hindwiaid", "hindw", False),
    ("Sikhs", RACE_AND_RELIGION, "sikhiaid, siciaid", "", False),
    ("Buddhists", RELIGION, "bwdhyddion", "bwdhydd", False),
    ("black people", RACE, "pobl dduon, pobl ddu, pobl groenddu", "", False),
    ("Asian people", RACE, "asiaid, pobl asiaidd", "", False),
    ("Arab people", RACE, "arabiaid", "", False),
    ("Eastern Europeans", RACE, "pwyliaid, rwmaniaid, pobl o ddwyrain ewrop", "", False),
    ("South Asian nationalities", RACE, "pacistaniaid", "", False),
    ("East and South East Asian nationalities", RACE, "tsieineaid", "", False),
    ("people of British and Irish nationalities", RACE, "saeson, cymry, cymry cymraeg, gwyddelod, albanwyr",
     "sais, cymro", False),
    ("Gypsies, Roma and Travellers", RACE, "sipsiwn, sipsiwn a theithwyr, teithwyr gwyddelig", "sipsi", False),
    ("women", SEX, "menywod", "", False),
    ("women", SEX, "merched", "", True),  # women, and girls: "merched yr ysgol"
    ("men", SEX, "dynion", "", False),
    ("gay people", ORIENTATION, "pobl hoyw, hoywon, dynion hoyw, lesbiaid, pobl ddeurywiol", "", False),
    ("LGBT people", ORIENTATION, "pobl lhdt, pobl lhdtc, pobl lhdtc+, y gymuned lhdt", "", False),
    ("trans people", GENDER_REASSIGNMENT, "pobl draws, pobl drawsryweddol, menywod traws, dynion traws", "", False),
    ("disabled people", DISABILITY, "pobl anabl, pobl ag anableddau, pobl ag anabledd, pobl fyddar, pobl ddall",
     "", False),
    ("older people", AGE, "hen bobl, henoed, pensiynwyr", "", False),
)


class Name(NamedTuple):
    keys: tuple[str, ...]
    group: Group
    singular: bool


def _names() -> dict[str, tuple[Name, ...]]:
    """Every name by its first word, longest first."""
    out: dict[str, list[Name]] = {}
    for group, characteristic, plural, singular, capped in _GROUPS:
        term = Group(group, characteristic, capped)
        for names, one in ((plural, False), (singular, True)):
            for phrase in filter(None, (p.strip() for p in names.split(","))):
                for keys in _forms(phrase.replace("+", "")):  # "lhdtc+" is keyed "lhdtc"
                    out.setdefault(keys[0], []).append(Name(keys, term, one))
    return {first: tuple(sorted(set(names), key=lambda n: -len(n.keys))) for first, names in out.items()}


NAMES = _names()
ANCHORS = frozenset(NAMES)
PRONOUNS = frozenset(("nhw", "nhwn", "hwy", "hwythau", "nhwthau"))  # "nhw'n": "they're"
PRONOUN_REACH = 30  # words after a group that "nhw" may still mean it
_TRIGGERS = ANCHORS | PRONOUNS

# ---------------------------------------------------------------- what is said


class Said(NamedTuple):
    affirmed: str | None  # what it is when said: "mae'r X yn bla"
    denied: str | None    # what it is when denied: "ni ddylai'r X gael byw yma"
    at_end: bool = False  # only at the end of a clause


def _table(spec: tuple[tuple[str | None, str | None, str], ...], *, mutate: bool = True) -> dict:
    """Phrases by their first word, longest first, with what each means;
    `mutate`: each phrase in its soft and aspirate forms too. A phrase ending
    in '$' is said only at the end of a clause."""
    out: dict[str, list] = {}
    for affirmed, denied, phrases in spec:
        for phrase in filter(None, (p.strip() for p in phrases.split(","))):
            at_end = phrase.endswith("$")
            phrase = phrase.rstrip("$ ")
            for keys in (_forms(phrase) if mutate else {tuple(phrase.split())}):
                out.setdefault(keys[0], []).append((keys, Said(affirmed, denied, at_end)))
    return {first: tuple(sorted(set(entries), key=lambda e: -len(e[0]))) for first, entries in out.items()}


# After "yn" ("mae'r X yn bla"), "fel" ("fel llygod mawr") or before "yw'r"
# ("pla yw'r X"): nouns and adjectives, written unmutated.
PREDICATES = _table((
    (DEHUMANISE, None, "pla, plâu, anifeiliaid, anifail, chwilod, chwilod duon, fermin, parasitiaid, paraseitiaid, "
                       "parasit, llygod mawr, llygod, llygoden fawr, bwystfilod, anwariaid, epaod, mwnciod, moch, "
                       "cwn, llau, cynrhon, pryfed, chwain, isddynol, is ddynol, llai na dynol, sbwriel, sothach, "
                       "baw, budreddi, afiechyd, haint, canser, firws, feirws, melltith, gelod, "
                       # Welsh comments borrow English words, unmutated: "mae'r X yn scum"
                       "sgym, scum, vermin, rats, parasites, animals"),
    # Swear words and insults said of a whole group: the English grammar's
    # "X are cunts" (a hateful generalisation) and "X are idiots" (a negative one).
    (SMEAR, None, "cont, conts, basdads, bastads, basdad, bastad, cunts, twats, bastards, wankers, coc oen, "
                  "cocs oen, pen pidyn, pen coc"),
    (None, DEHUMANISE, "dynol, bodau dynol, pobl go iawn"),
    (GENERAL, None, "troseddwyr, troseddwr, lladron, lleidr, diog, budr, brwnt, drewllyd, twp, dwl, peryglus, "
                    "treisgar, treiswyr, paedoffiliaid, pedoffiliaid, terfysgwyr, terfysgwr, celwyddgwn, "
                    "twyllwyr, ffiaidd, afiach, atgas, diwerth, anwaraidd, cyntefig, ymosodol, barus, "
                    "eithafwyr, problem, baich, bygythiad, da i ddim, gwastraff lle, gwastraff aer, "
                    "twpsod, twpsyn, hurtod, lembos, penbyliaid, idiots"),
    (None, GENERAL, "normal, cyfartal, gyfartal"),
    (None, EXCLUDE, "perthyn yma, perthyn yng nghymru, perthyn i gymru, perthyn yn y wlad hon, perthyn yn y wlad yma"),
))
# Of those, the ones that mean something else before these words ("yn ddrwg gen i", "yn dda i ddim").
NOT_BEFORE = {"problem": frozenset(("gyda", "efo", "i")),
              "broblem": frozenset(("gyda", "efo", "i")), "llygod": frozenset(("yn", "ar", "y", "o")),
              "moch": frozenset(("daear", "cwta")), "baich": frozenset(("ar",)), "faich": frozenset(("ar",))}

# After a modal and the group: "dylai'r X fynd adref", "dylai'r X gael eu lladd". Written as said there (soft).
_ORDERS = (
    (VIOLENCE, None, "farw, farw i gyd, losgi, losgi yn uffern, bydru, bydru yn uffern, ddioddef, "
                     "gael eu lladd, gael eu saethu, gael eu crogi, gael eu llosgi, gael eu difa, gael eu difodi, "
                     "gael eu boddi, gael eu nwyo, gael eu llofruddio, gael eu dienyddio, gael eu dileu, "
                     "gael eu curo, gael eu hela, gael eu lladd i gyd, gael eu saethu i gyd"),
    (EXPEL, None, "{go} adref, {go} adre, {go} gartref, {go} gartre, {go} nol, {go} yn ol, {go} o ma, {go} oma, "
                  "{go} allan, {go} mas, {go} i ffwrdd, {go} bant, {go} or wlad, {go} o gymru, {go} o brydain, "
                  "gael eu halltudio, adael y wlad, adael cymru, adael prydain, adael$, hel eu pac, "
                  "ffwcio bant, ffwcio off, ddiflannu$, gael eu taflu allan, gael eu taflu mas, "
                  "gael eu cicio allan, gael eu cicio mas, gael eu hel allan, gael eu hel o ma, "
                  "gael eu hel adref, gael eu gyrru allan, gael eu gyrru adref, gael eu gyrru o ma"),
    (DETAIN, None, "gael eu carcharu, gael eu cloi, gael eu cloi i fyny, gael eu cloi lan"),
    (BAN, None, "gael eu gwahardd"),
    (DEHUMANISE, None, "gael eu trin fel anifeiliaid, gael eu trin fel moch, gael eu trin fel cwn"),
    (None, EXCLUDE, "gael dod yma, gael dod i mewn, gael dod i gymru, ddod yma, ddod i mewn, ddod i gymru, "
                    "gael byw yma, fyw yma, gael byw yng nghymru, fyw yng nghymru, fod yma, gael aros yma, "
                    "aros yma, gael aros$, gael bod yma"),
    (None, EXIST, "fyw$, gael byw$, fodoli, gael bodoli, gael plant, cael plant"),
    (None, RIGHTS, "gael pleidleisio, bleidleisio, gael priodi, briodi, gael mabwysiadu, fabwysiadu, "
                   "gael tai cyngor, gael budd daliadau, gael hawliau, gael yr un hawliau, gael gweithio yma"),
)
_GO = ("fynd", "mynd", "gael eu hanfon", "gael eu danfon", "gael eu hala", "gael eu gyrru", "gael eu hel",
       "fynd yn syth")
ORDERS = _table(tuple((a, d, ", ".join(p.replace("{go}", go) for p in phrases.split(", ") for go in
                                       (_GO if "{go}" in p else ("",)))) for a, d, phrases in _ORDERS),
                mutate=False)

# Verbs said to a group, its object: "lladdwch y X", "dylid alltudio'r X". Each
# in its forms (verb-noun, soft verb-noun, commands).
_VERBS = {
    VIOLENCE: "lladd lladdwch lladda saethu saethwch saetha crogi crogwch croga llosgi llosgwch llosga difa difwch "
              "difodi difodwch boddi boddwch nwyo nwywch llofruddio llofruddiwch dienyddio dienyddiwch",
    EXPEL: "alltudio alltudiwch",
    DETAIN: "carcharu carcharwch",
    BAN: "gwahardd gwaharddwch",
}
# Those that need the group sent somewhere after it: "anfonwch y X adref".
_SENDING = "anfon anfonwch anfona danfon danfonwch hala halwch gyrru gyrrwch cicio ciciwch cicia taflu taflwch tafla " \
           "hel helwch"
OBJECT_VERBS = {form: kind for kind, verbs in _VERBS.items() for verb in verbs.split()
                for form in (verb, _soft(verb))}
SENDING = frozenset(form for verb in _SENDING.split() for form in (verb, _soft(verb)))
# Where a group is sent: "adref", "yn ôl", "o 'ma".
AWAY = _table(((EXPEL, None, "adref, adre, gartref, gartre, nol, yn ol, allan, mas, i ffwrdd, bant, o ma, oma, "
                             "or wlad, o gymru, o brydain, dros y ffin, yn ol adref"),), mutate=False)
# What may follow where a group is sent: "adref i'w gwlad", "yn ôl nawr", "o 'ma i gyd".
SENT_ON = frozenset(("nawr", "rwan", "iw", "lle", "o", "or", "unwaith", "heddiw", "yfory", "plis"))
# "ewch adref", "cerwch o 'ma": said to the group.
GO_AWAY = frozenset(("ewch", "cerwch", "cer", "dos", "ffwciwch", "ffwcia"))
# "X allan!": where the group is sent, at the end of a slogan.
OUT = frozenset(("allan", "mas"))
OUT_OF = (("o", "gymru"), ("on", "gwlad"), ("or", "wlad"), ("o", "brydain"), ("o", "ma"), ("oma",), ("o", "cymru"))

# The words between a group and what is said of it that change nothing.
FILLERS = frozenset(("i", "gyd", "hyn", "yma", "ma", "yna", "hefyd", "wastad", "bob", "amser", "jyst", "just", "wir",
                     "yn", "gyd", "oll", "blydi", "ffycin", "bron", "hollol", "llwyr"))
AFTER_YN = frozenset(("hollol", "llwyr", "wir", "blydi", "ffycin", "jyst", "just", "union", "ddim", "gwbl", "mor",
                      "rhy", "wirioneddol", "bendant", "amlwg", "syml", "i", "gyd"))
NEGATORS = frozenset(("ddim", "byth", "nid", "nad", "na", "ni", "dydy", "dyw", "dydi", "dydyn", "doedd", "dydan",
                      "sdim", "neb", "mo"))
# Before the group: the verb that makes it the subject.
COPULAS = frozenset(("mae", "maen", "roedd", "oedd", "roedden", "bydd", "fydd", "byddan", "fyddan", "mai", "taw",
                     "bod", "fod", "ydy", "yw", "ydi", "ydyn", "oes"))
NEGATIVE_COPULAS = frozenset(("dydy", "dyw", "dydi", "dydyn", "doedd", "dydan", "nid"))
QUESTIONS = frozenset(("ydy", "yw", "ydi", "ydyn", "oes"))
MODALS = frozenset(("dylai", "dylen", "dylent", "ddylai", "ddylen", "ddylent"))
# "rhaid i'r X", "angen i X", "gadewch i'r X": the group after "i".
MODALS_I = frozenset(("rhaid", "angen", "gadewch", "gadwch"))
# Focus: "pla yw'r X", "X yw'r broblem".
FOCUS = frozenset(("yw", "ydy", "ydi", "ydyn"))
# Before a verb: what urges it ("dylid lladd", "rhaid i ni ladd", "mae'n amser anfon").
URGING = frozenset(("dylid", "dylen", "dylai", "dylent", "rhaid", "angen", "gadewch", "gadwch", "amser", "bryd",
                    "plis", "awn", "jyst", "just", "gwell"))
# The poster saying it: "dw i'n", "dwi'n", "rwy'n", "ni'n".
POSTER_YN = frozenset(("dwin", "rwyn", "win", "nin", "rydwin", "ydwin", "ryn", "dyn", "rydyn"))
POSTER_BEFORE_YN = frozenset(("dw", "rydw", "ydw", "w", "dwi", "wi", "rwy", "ni"))
ADVERBS = frozenset(("wir", "jyst", "just", "wirioneddol", "really", "gwir", "hollol", "wastad", "ffycin", "blydi",
                     "yn", "mor", "hefyd", "dal", "fwyfwy", "bob", "amser"))
HATE_VERBS = frozenset(("casau", "ffieiddio"))  # "dw i'n casáu X"
SWEARING_AT = frozenset(("ffwcio", "ffwcia", "ffwciwch", "ffyc", "fuck"))  # "ffwcio'r X", at the start of a clause
# "Twll din pob Sais" ("arseholes to every Englishman", a slogan against a people): before the group.
ARSEHOLE = (("twll", "din"), ("twll", "dy", "din"), ("dwll", "din"))
BEAR = frozenset(("diodde", "dioddef", "godde", "goddef", "stumogi", "sefyll"))  # "dw i'n methu diodde X"
# "pla o X", "haid o X".
SWARM = {"pla": DEHUMANISE, "bla": DEHUMANISE, "haid": DEHUMANISE, "heidiau": DEHUMANISE, "llif": GENERAL,
         "lif": GENERAL, "ton": GENERAL, "don": GENERAL}
# Adjectives after a group's name: "Saeson budr", "mewnfudwyr diog". Epithets before it: "blydi Saeson".
EPITHETS_AFTER = {"budr": DEHUMANISE, "brwnt": DEHUMANISE, "ffiaidd": DEHUMANISE, "afiach": DEHUMANISE,
                  "drewllyd": STEREOTYPE, "diog": STEREOTYPE, "diawl": SWEAR, "uffar": SWEAR, "uffern": SWEAR}
DEVILS = frozenset(("diawled", "diawliaid", "cythreuliaid", "jawled"))  # "X y diawled"
EPITHETS_BEFORE = {"blydi": SWEAR, "ffycin": SWEAR, "bloody": SWEAR, "fucking": SWEAR}
# Before the group: which of it. "rhai" (some) and "un o'r" (one of the) are only some.
SOME = frozenset(("rhai", "ambell", "un", "ychydig", "dau", "tri", "sawl"))
QUANTIFIERS = frozenset(("llawer", "fwyaf", "mwyafrif", "gyd", "holl", "pob", "bob")) | SOME
# After the group: only some of it ("X sy'n ...", "X a ddaeth"), or a place ("X yn y siop").
RESTRICTING = frozenset(("sy", "syn", "sydd", "oedd", "wnaeth", "ddaeth", "gyda", "efo", "heb", "yn"))

# What reports or condemns what is said: "mae dweud bod X ...", "roedd rhywun wedi paentio ...".
FRAMES = frozenset((
    "dweud", "ddweud", "nweud", "deud", "ddeud", "honni", "honiad", "honiadau", "galw", "alw", "paentio", "baentio",
    "peintio", "beintio", "sgwennu", "ysgrifennu", "sgrifennu", "ysgrifennodd", "sgwennodd", "chwistrellu",
    "gweiddi", "weiddi", "llafarganu", "postio", "bostio", "trydar", "drydar", "rhannu", "rannu", "ailadrodd",
    "clywed", "glywed", "darllen", "ddarllen", "syniad", "myth", "celwydd", "celwyddau", "stereoteip", "ystrydeb",
    "graffiti", "arwydd", "arwyddion", "taflen", "taflenni", "poster", "posteri", "sylwadau", "cymharu", "gymharu",
    "labelu", "portreadu", "cyhuddo", "gyhuddo", "beio", "feio", "meddwl", "feddwl", "credu", "gredu", "awgrymu",
    "hawlio", "mynnu", "ddywedodd", "dywedodd", "meddai", "medde", "sgrechian", "rhegi", "stopiwch", "peidiwch",
    "paid", "trin", "drin"))
# Of those, the poster's own view when the poster says them: "dw i'n meddwl bod X ...".
OPINION = frozenset(("dweud", "ddweud", "deud", "ddeud", "meddwl", "feddwl", "credu", "gredu", "mynnu"))
# After what is said, words that condemn it: "..., mae'n warthus". Not "ofnadwy" or
# "dychrynllyd" ("awfully"), nor "ffiaidd" ("yn bla, ffiaidd"), which may be the
# poster's own disgust at the group.
REJECTED_AFTER = frozenset((
    "hiliol", "hiliaeth", "gwarthus", "warthus", "cywilyddus", "gywilyddus", "annerbyniol", "sarhaus", "anghywir",
    "celwydd", "myth", "rhagfarn", "rhagfarnllyd", "homoffobig", "trawsffobig", "islamoffobig", "gwrthsemitaidd",
    "senoffobig", "erchyll", "cywilydd", "gywilydd", "gwrthun", "wrthun", "adroddwyd", "racist", "shameful"))
# Words that go on with what is said rather than condemn it: "yn bla ac yn ffiaidd".
CONTINUING = frozenset(("ac", "a", "yn", "i", "gyd", "hefyd", "mor", "hollol", "blydi", "ffycin", "llwyr", "wir"))
# Anywhere: words that reject what the comment quotes.
REJECTING = REJECTED_AFTER | FRAMES | frozenset(("ffiaidd", "atgas", "casineb", "ofnadwy", "dileu", "ddileu"))

_STOPS = re.compile(r"[!?;\n]|(?<![.])[.](?![.])")
_CLAUSE = re.compile(r"[!?;:,\n–—]|(?<![.])[.](?![.])|\s-\s")
# Quotation marks; not the apostrophes of "mae'r", "'ma", "'nôl", "'da fi", "'sdim".
_QUOTES = re.compile(r"[\"“”«»„]|(?<![\w])['‘’](?!(?:ma|na|nôl|nol|da|sdim|sneb|na|ch|n|r|m|i|w)\b)"
                     r"|(?<=\w)['‘’](?![\w])")


class Mention(NamedTuple):
    start: int        # first word
    end: int          # after the last
    group: Group
    singular: bool    # "pob Mwslim"
    pronoun: bool     # "nhw": the group named before it, maybe
    yn: bool = False  # "nhw'n": "yn" said with it


# ---------------------------------------------------------------- finding


def find(comment) -> tuple[Signal, ...]:
    """The findings in Welsh for a prepared comment (text.prepare); a comment
    in English names no Welsh group, and costs one set lookup."""
    return read_groups(comment, ANCHORS, _mentions, _Reader)


def _mentions(keys: tuple[str, ...]) -> list[Mention]:
    n = len(keys)
    out: list[Mention] = []
    covered = 0
    last: Mention | None = None
    for i in compress(range(n), map(_TRIGGERS.__contains__, keys)):
        if i < covered:
            continue
        word = keys[i]
        for name in NAMES.get(word, ()):
            end = i + len(name.keys)
            if end <= n and keys[i:end] == name.keys:
                if name.singular and (i == 0 or keys[i - 1] not in ("pob", "bob")):
                    continue  # one person: "Mwslim" is the group only after "pob"
                mention = Mention(i, end, name.group, name.singular, False)
                out.append(mention)
                covered = end
                if not name.singular:
                    last = mention
                break
        else:
            if word in PRONOUNS and last is not None and i - last.end <= PRONOUN_REACH:
                out.append(Mention(i, i + 1, last.group, False, True, word == "nhwn"))
                covered = i + 1
    return out


class _Reader(Places):
    """Reads what a Welsh comment says of each group it names."""

    __slots__ = ()

    # -- clauses and quotation marks, asked only of words a few apart

    def apart(self, i: int, j: int, stops: re.Pattern = _STOPS) -> bool:
        """As Places.apart, with the Welsh stops; from before the first word, nothing ends."""
        return i >= 0 and super().apart(i, j, stops)

    def starts_clause(self, i: int) -> bool:
        return i == 0 or self.apart(i - 1, i, _CLAUSE)

    def base(self, i: int) -> tuple[str, bool]:
        """Word i without the "'r" ("the") written onto it, and whether it had
        one: "mae'r" is "mae" and the article; "maer" (the mayor) is itself."""
        key = self.keys[i]
        if len(key) > 1 and key.endswith("r"):
            start, end = self.place(i)
            written = self.comment.original[start:end]
            if written[-2:-1] in ("'", "’"):
                return key[:-1], True
        return key, False

    def quoted(self, i: int) -> bool:
        if self._quotes is None:
            self._quotes = [m.start() for m in _QUOTES.finditer(self.comment.original)]
        if len(self._quotes) < 2:
            return False
        at = bisect_left(self._quotes, self.place(i)[0])
        return at % 2 == 1 and at < len(self._quotes)

    def rejects(self) -> bool:
        if self._rejects is None:
            self._rejects = not REJECTING.isdisjoint(self.keys)
        return self._rejects

    # -- reading

    def read(self, m: Mention) -> list[Signal]:
        keys = self.keys
        # The words before the group that say which of it: "y", "yr holl", "llawer o'r", "pob".
        j = m.start - 1
        some = negated = False
        while j >= 0 and m.start - j <= 4:
            word = self.base(j)[0]
            if word in ("y", "yr", "holl", "pob", "bob", "rhan"):
                j -= 1
                continue
            if word in ("o", "or") and j >= 1 and keys[j - 1] in QUANTIFIERS:  # "llawer o'r X", "rhai o'r X"
                some = some or keys[j - 1] in SOME
                j -= 2
                continue
            if word in SOME and j + 1 == m.start:  # "rhai mewnfudwyr"
                some = True
                j -= 1
                continue
            if word in ("nid", "nad") and j + 1 < m.start and keys[j + 1] in ("pob", "bob", "holl", "y", "yr"):
                negated = True  # "nid pob Mwslim ...": not all of them
                j -= 1
                continue
            break
        out: list[Signal | None] = []
        if not m.pronoun:
            out += self._names(m, j)
        out += self._object(m, j, some)
        if not negated:
            out += self._subject(m, j, some)
            out += self._focus(m, j)
        return [s for s in out if s is not None]

    # -- in a name for the group

    def _names(self, m: Mention, j: int) -> list[Signal | None]:
        keys, n = self.keys, self.n
        out: list[Signal | None] = []
        after = keys[m.end] if m.end < n else ""
        if after in EPITHETS_AFTER and not self.apart(m.end - 1, m.end, _CLAUSE):
            out.append(self._signal(EPITHETS_AFTER[after], m, m.start, m.end + 1))
        elif after == "y" and m.end + 1 < n and keys[m.end + 1] in DEVILS and not self.apart(m.end - 1, m.end, _CLAUSE):
            out.append(self._signal(SWEAR, m, m.start, m.end + 2))  # "Saeson y diawled": the devils
        before = keys[m.start - 1] if m.start else ""
        if before in EPITHETS_BEFORE and not self.apart(m.start - 1, m.start, _CLAUSE):
            out.append(self._signal(EPITHETS_BEFORE[before], m, m.start - 1, m.end))
        if j >= 1 and self.base(j)[0] == "o" and keys[j - 1] in SWARM:  # "pla o fewnfudwyr"
            out.append(self._signal(SWARM[keys[j - 1]], m, j - 1, m.end))
        for phrase in ARSEHOLE if j + 1 < m.start else ():  # "twll din pob Sais", "twll din y Saeson"
            first = j - len(phrase) + 1
            if first >= 0 and keys[first:j + 1] == phrase and self.starts_clause(first):
                out.append(self._signal(HATRED, m, first, m.end))
        return out

    # -- the group as the object

    def _object(self, m: Mention, j: int, some: bool) -> list[Signal | None]:
        if j < 0:
            return self._said_to(m, j)
        keys, n = self.keys, self.n
        verb, _ = self.base(j)
        end = m.end
        kind = None
        start = j
        if verb in OBJECT_VERBS:
            kind = OBJECT_VERBS[verb]
            if not self._urged(j, verb):
                return []
        elif verb in SENDING:
            k = end
            while k < n and k < end + 3 and keys[k] in ("i", "gyd", "oll", "nhw", "hefyd"):
                k += 1
            away = self._phrase(AWAY, k)
            if away is None or not self._sent_away(away[0]) or not self._urged(j, verb):
                return []
            kind, end = EXPEL, away[0]
        elif verb in ("ar", "a", "o", "or") and j >= 1 and keys[j - 1] == "gwared":  # "cael gwared ar y X"
            start = j - 2 if j >= 2 and keys[j - 2] in ("cael", "gael") else j - 1
            if not self._urged(start, "cael"):
                return []
            kind = EXPEL
        elif verb == "ar" and j >= 1 and keys[j - 1] in ("ymosod", "ymosodwch"):  # "ymosodwch ar y X"
            start = j - 1
            if not self._urged(start, keys[j - 1]):
                return []
            kind = VIOLENCE
        elif verb in SWEARING_AT and self.starts_clause(j):  # "Ffwcio'r Saeson": as "Fuck the Poles"
            kind = HATRED
        elif verb in HATE_VERBS or verb == "casaf" or (verb in BEAR and j >= 1 and keys[j - 1] in ("methu", "ffaelu")):
            start = j - 1 if verb in BEAR else j
            if verb != "casaf" and not self._by_poster(start):
                return []
            kind = HATRED
        elif verb in ("i", "fi", "ni", "gennyf", "gennym") and j >= 2 and (
                keys[j - 1] in ("gen", "gyda", "da", "gan") and keys[j - 2] in ("cas", "gas")
                or verb in ("gennyf", "gennym") and keys[j - 1] in ("cas", "gas")):  # "cas gen i X"
            start = j - 2 if keys[j - 1] not in ("cas", "gas") else j - 1
            if any(word in ("nid", "nad", "ddim", "dydy", "dyw", "dydi") for word in keys[max(0, start - 3):start]):
                return []
            kind = HATRED
        elif verb in ("eisiau", "isio", "moyn", "ishe") and j >= 1 and (
                keys[j - 1] in ("ddim", "neb", "sneb") or keys[j - 1] == "ni" and j >= 2 and keys[j - 2] == "dydyn"):
            # "dydyn ni ddim eisiau X yma": the poster, or nobody, wants them here
            subject = keys[max(0, j - 4):j - 1]
            if keys[j - 1] == "ddim" and not any(w in ("ni", "i", "dydyn", "dyn", "dan", "dydan", "dwi", "dw", "ryn")
                                                 for w in subject):
                return []
            following = keys[end] if end < n else ""
            if following and following not in ("yma", "ma", "fan", "yng", "rhagor", "mwyach", "o", "chwaith",
                                               "nawr", "rwan", "byth") and not self.apart(end - 1, end, _CLAUSE):
                return []  # "ddim eisiau X yn prynu tai": not the group itself
            start = j - 1
            while start >= 1 and keys[start - 1] in ("ni", "i", "dydyn", "dyn", "dan", "dydan", "dwi", "dw", "does",
                                                     "ryn", "ddim") and j - start < 4:
                start -= 1
            kind = EXCLUDE
        elif (verb == "i" or verb == "iddyn" and m.pronoun) and j >= 2 and keys[j - 1] == "croeso" \
                and keys[j - 2] in ("dim", "ddim", "sdim"):
            start = j - 2  # "does dim croeso i X", "does dim croeso iddyn nhw"
            kind = EXCLUDE
        if kind is None:
            return self._said_to(m, j)
        if end < n and keys[end] in ("sy", "syn", "sydd") and kind not in (VIOLENCE, DEHUMANISE):
            return []  # "X sy'n ...": only some of them
        weaker = some or (end < n and keys[end] in ("sy", "syn", "sydd"))
        return [self._signal(kind, m, start, end, weaker=weaker)]

    def _said_to(self, m: Mention, j: int) -> list[Signal | None]:
        """'Ewch adref, X', 'X, ewch adref', 'X allan!', 'allan â'r X'."""
        keys, n = self.keys, self.n
        out: list[Signal | None] = []
        if j >= 1 and self.base(j)[0] in ("a", "ar") and keys[j - 1] in OUT and self.starts_clause(j - 1):
            out.append(self._signal(EXPEL, m, j - 1, m.end))  # "allan â'r X"
        elif m.start >= 1 and not m.pronoun:  # "ewch adref, X"
            k = m.start - 1
            for first in range(max(0, k - 3), k + 1):
                away = self._phrase(AWAY, first + 1, upto=m.start) if keys[first] in GO_AWAY else None
                if away is not None and away[0] == m.start:
                    if self.starts_clause(first):
                        out.append(self._signal(EXPEL, m, first, m.end))
                    break
        if m.end < n and not m.pronoun and (j < 0 or self.starts_clause(j + 1)):
            after = keys[m.end]
            if after in GO_AWAY:  # "X, ewch adref"
                away = self._phrase(AWAY, m.end + 1)
                if away is not None:
                    out.append(self._signal(EXPEL, m, m.start, away[0]))
            elif after in OUT:  # "X allan!", "Saeson allan o Gymru"
                end = m.end + 1
                for tail in OUT_OF:
                    if keys[end:end + len(tail)] == tail:
                        end += len(tail)
                        break
                if end < n and keys[end] in ("nawr", "rwan", "rŵan"):
                    end += 1
                if end == n or self.apart(end - 1, end, _CLAUSE):
                    out.append(self._signal(EXPEL, m, m.start, end))
        return out

    def _phrase(self, table: dict, k: int, upto: int | None = None) -> tuple[int, Said] | None:
        """The longest phrase of `table` at word k: (its end, what it means)."""
        keys = self.keys
        limit = self.n if upto is None else upto
        if k >= limit:
            return None
        for phrase, said in table.get(keys[k], ()):
            end = k + len(phrase)
            if end <= limit and keys[k:end] == phrase:
                return end, said
        return None

    def _sent_away(self, end: int) -> bool:
        """Whether "adref", "yn ôl" ending at word `end` sends a group away, not
        home after the match: the clause ends, or goes on "i'w gwlad", "nawr"."""
        keys, n = self.keys, self.n
        if end >= n or self.apart(end - 1, end, _CLAUSE):
            return True
        following = keys[end]
        return following in SENT_ON or following == "i" and keys[end + 1:end + 2] == ("gyd",)

    def _urged(self, j: int, verb: str) -> bool:
        """Whether the verb at word j is urged: a command ("lladdwch"), or after
        "dylid", "rhaid i ni", "mae'n amser", or at the start of a clause; not
        after "peidiwch", "ni ddylid", "ddim"."""
        keys = self.keys
        window = keys[max(0, j - 4):j]
        if any(word in ("peidiwch", "paid", "ddim", "ddylid", "nid", "nad", "byth", "stopiwch", "stopio")
               for word in window):
            return False
        if any(word in ("ddylai", "ddylen", "ddylent") for word in window):
            at = max(i for i in range(max(0, j - 4), j) if keys[i] in ("ddylai", "ddylen", "ddylent"))
            if at == 0 or keys[at - 1] not in ("fe", "mi", "yna"):
                return False  # "ni ddylai neb ..."
        if verb.endswith(("wch", "a")) and verb not in ("difa", "ddifa", "hala", "hela"):
            return True  # a command
        if verb in ("cael", "gael") and self.starts_clause(j):
            return True  # "Cael gwared ar y X!"; a bare "lladd y X" may be a headline
        return any(word in URGING or word in ("ddylai", "ddylen") for word in window)

    def _by_poster(self, j: int) -> bool:
        """'Dw i'n casáu', 'dwi wir yn casáu', 'rydyn ni'n casáu': the poster says it, and not 'dw i ddim yn'."""
        keys = self.keys
        for k in range(j - 1, max(-1, j - 5), -1):
            word = keys[k]
            if word in POSTER_YN:
                return True
            if word == "in" and k >= 1 and keys[k - 1] in POSTER_BEFORE_YN:
                return True
            if word == "i" and k >= 1 and keys[k - 1] in ("dw", "rydw", "ydw", "w"):
                return True
            if word in ("dwi", "rydwi", "wi", "rwy", "rwyf") or word == "ni" and k >= 1 and keys[k - 1] in (
                    "rydyn", "dyn", "dan", "ryn", "ydyn"):
                return True  # "dwi wir yn casáu", "rydyn ni wir yn casáu"
            if word not in ADVERBS:
                return False
        return False

    # -- the group as the subject

    def _subject(self, m: Mention, j: int, some: bool) -> list[Signal | None]:
        keys, n = self.keys, self.n
        head = self.base(j)[0] if j >= 0 else ""
        negated = question = modal = False
        start = j
        if j < 0 or self.starts_clause(j + 1 if j + 1 < m.start else m.start):
            start = j + 1  # "Saeson yn bla", "Mewnfudwyr i gyd yn droseddwyr"
        elif head in COPULAS or head in NEGATIVE_COPULAS:
            before = keys[j - 1] if j >= 1 else ""
            negated = head in NEGATIVE_COPULAS or before in ("nid", "nad", "ni", "na")
            question = head in QUESTIONS and not negated and self.starts_clause(j)
        elif head in MODALS:
            modal = True
            before = keys[j - 1] if j >= 1 else ""
            negated = head.startswith("dd") and before not in ("fe", "mi")
        elif head == "i" and j >= 1 and keys[j - 1] in MODALS_I:  # "rhaid i'r X", "gadewch i'r X"
            modal = True
            start = j - 1
            negated = any(word in ("nid", "ddim", "does", "sdim") for word in keys[max(0, j - 3):j - 1])
        else:
            return []
        k = m.end
        like = m.yn  # "maen nhw'n ...": "yn" said already
        copula = m.yn
        steps = 0
        while k < n and steps < 10:
            word = keys[k]
            if self.apart(k - 1, k, _CLAUSE):
                break
            if modal and not copula:
                found = self._phrase(ORDERS, k)
                if found is not None:
                    end, said = found
                    kind = said.denied if negated else said.affirmed
                    if kind is None or (said.at_end and end < n and not self.apart(end - 1, end, _CLAUSE)):
                        return []
                    if kind == EXPEL and not self._sent_away(end):
                        return []  # "dylai'r Cymry fynd adref ar ôl y gêm": fans going home
                    return [self._verdict(kind, m, start, end, some, question)]
            if word == "ddim" and keys[k + 1:k + 2] in (("gwell",), ("byd",)):
                like = copula = True  # "yn ddim gwell na", "yn ddim byd ond": a comparison, not a denial
            elif word in ("ddim", "byth") or word in ("nid", "nad") and k == m.end:
                negated = True
            elif word == "yn" or word == "fel" or (word in ("tebyg", "debyg") and copula):
                if word == "fel":
                    like = True
                copula = True
            elif copula and word in ("ymddwyn", "bridio", "edrych", "drewi"):
                if keys[k + 1:k + 2] != ("fel",):
                    return []
            elif copula or like:
                found = self._phrase(PREDICATES, k)
                if found is not None:
                    end, said = found
                    following = keys[end] if end < n else ""
                    if following in NOT_BEFORE.get(keys[end - 1], ()):
                        return []
                    kind = said.denied if negated else said.affirmed
                    if kind is None:
                        return []
                    if like and kind not in (DEHUMANISE, GENERAL):
                        return []
                    return [self._verdict(kind, m, start, end, some, question)]
                if word not in AFTER_YN and word not in ("dim", "gwell", "na", "nag", "ond", "byd"):
                    return []  # "yn y siop", "yn ennill": not said of the group as such
            elif word not in FILLERS or word in RESTRICTING:
                return []
            k += 1
            steps += 1
        return []

    def _focus(self, m: Mention, j: int) -> list[Signal | None]:
        """'Pla yw'r X' (the predicate first), 'X yw'r broblem'."""
        keys, n = self.keys, self.n
        out: list[Signal | None] = []
        if j >= 1 and self.base(j)[0] in FOCUS:
            for length in (3, 2, 1):
                first = j - length
                if first < 0:
                    continue
                found = self._phrase(PREDICATES, first, upto=j)
                if found is None or found[0] != j:
                    continue
                before = keys[first - 1] if first else ""
                if not (first == 0 or self.starts_clause(first) or before in ("mai", "taw", "ond")):
                    break
                if before in ("nid", "nad") or (first >= 2 and keys[first - 2] in ("nid", "nad")):
                    break
                kind = found[1].affirmed
                if kind is not None and not self._reported(first):
                    out.append(self._verdict(kind, m, first, m.end, False, False))
                break
        if (m.end < n and self.starts_clause(m.start if j < 0 else j + 1)
                and self.base(m.end)[0] in FOCUS and m.end + 1 < n):
            found = self._phrase(PREDICATES, m.end + 1)
            of_the = False
            if found is None:  # "X yw pla'r wlad 'ma": the plague of the country
                word, of_the = self.base(m.end + 1)
                found = next(((m.end + 2, said) for phrase, said in PREDICATES.get(word, ()) if len(phrase) == 1),
                             None) if of_the else None
            if found is not None and found[1].affirmed is not None and not self._reported(j + 1):
                end = found[0]
                if of_the:  # what it is the plague of: "wlad ('ma)", "dref", "sir"
                    while end < n and end < found[0] + 2 and not self.apart(end - 1, end, _CLAUSE):
                        end += 1
                if end == n or self.apart(end - 1, end, _CLAUSE):
                    out.append(self._verdict(found[1].affirmed, m, j + 1, end, False, False))
        return out

    def _verdict(self, kind: str, m: Mention, start: int, end: int, some: bool, question: bool) -> Signal | None:
        if some and kind not in (VIOLENCE, DEHUMANISE):
            return None  # only some of them: "rhai mewnfudwyr"
        return self._signal(kind, m, start, end, weaker=some or question)

    # -- what a finding says, once the context has been read

    def _reported(self, start: int) -> bool:
        """Whether what starts at word `start` is reported or framed to be
        condemned ('mae dweud bod X ...', 'roedd rhywun wedi paentio ...'),
        not the poster's own view ('dw i'n meddwl bod X ...')."""
        keys = self.keys
        for k in range(start - 1, max(-1, start - 9), -1):
            word = keys[k]
            if word not in FRAMES:
                continue
            if self.apart(k, start):
                return False
            if word in OPINION and self._by_poster(k):
                return False
            return True
        return False

    def _rejected_after(self, end: int) -> bool:
        keys, n = self.keys, self.n
        for k in range(end, min(n, end + 7)):
            if keys[k] in REJECTED_AFTER:
                if any(word in ("ddim", "nid", "nad", "dim") for word in keys[max(end, k - 3):k]):
                    return False  # "..., dw i ddim yn hiliol": a disclaimer, not a rejection
                return not all(word in CONTINUING for word in keys[end:k])
        return False

    def _signal(self, kind: str, m: Mention, start: int, end: int, *, weaker: bool = False) -> Signal | None:
        """A finding of `kind` about the group m names, said by words start..end;
        None when what is said is reported, condemned, or quoted and rejected."""
        start = max(0, start)
        if self._reported(start) or self._rejected_after(end):
            return None
        quoted = self.quoted(start) or self.quoted(end - 1)
        if quoted and self.rejects():
            return None
        group = m.group
        verdict = BREAKS if kind in SURE else MAY_BREAK
        notes = []
        if m.pronoun:
            verdict = MAY_BREAK
            notes.append(f"if '{self._text(m.start, m.end)}' means the {group.group} named before it")
        if quoted:
            verdict = MAY_BREAK
            notes.append("in quotation marks: a person should check whose words they are")
        if group.capped or weaker:
            verdict = MAY_BREAK
        span_start, span_end = self.place(start)[0], self.place(end - 1)[1]
        said = " ".join(self.comment.original[span_start:span_end].split())
        if len(said) > 90:
            said = said[:40].rstrip() + " ... " + said[-40:].lstrip()
        why = f'"{said}": {DESCRIBE[kind]} ({group.characteristic}: {group.group})'
        if notes:
            why += "; " + "; ".join(notes)
        return new_signal((verdict, span_start, span_end, why))

    def _text(self, i: int, j: int) -> str:
        return self.comment.original[self.place(i)[0]:self.place(j - 1)[1]]


__all__ = ["ANCHORS", "NAMES", "find"]
