"""`targeted-insult`: an insult or slur aimed at someone.

An insult next to a target (you, a named person, a councillor or member of
staff, or a group protected by equality law) breaks the rule; an insult with
no target in reach may break it, for a person to judge.

What a comment does, not only which words it uses:

- Words with an everyday meaning ("stupid decision", "a mug of tea") and
  swear words that are as often said of things ("shit service") count only
  when said to or of someone: "you muppet", "fuck you", "he is a clown",
  "stupid woman"; a word that merely stands near "you" is not aimed at it.
- Whom a sentence is about: "X is a ..." is said of X, and a place, a road,
  a service, the bins or the council as an organisation is not a person
  ("Bognor Regis is a shithole", "the service is shit": swearing, not abuse).
- Insults built from ordinary words: an insulting adjective with an animal
  or object noun or a word for a person ("lying toad", "useless waste of
  oxygen", "pathetic little man"), aimed at someone.
- An insult right after an intensifying swear word ("fucking idiots") aimed
  at people in reach, "the lot of them" and "the councillors" included.
"""

from __future__ import annotations

import re
from itertools import compress

from ..findings import BREAKS, MAY_BREAK, Signal, new_signal
from ..text import quoted
from . import group_hate

REACH = 5  # words between an insult and its target

SECOND_PERSON = {"you", "u", "ya", "yer", "your", "ur", "youre", "yourself", "yourselves", "thou", "yall"}
STAFF = {"staff", "officer", "officers", "employee", "employees", "worker", "workers", "binmen", "binman",
         "warden", "wardens", "receptionist", "manager", "managers", "director", "chief", "executive",
         "team", "admin", "whoever"}
COUNCILLOR = {"councillor", "councillors", "cllr", "cllrs", "mayor", "mp", "leader", "chairman", "chair"}
# How a finding names them, in words a resident reads ("aimed at a councillor", not "a cllr").
COUNCILLOR_SAID = {"councillor": "a councillor", "councillors": "councillors", "cllr": "a councillor",
                   "cllrs": "councillors", "mayor": "the mayor", "mp": "an MP", "leader": "a council leader",
                   "chairman": "the chair", "chair": "the chair"}
# People as groups protected by the Equality Act 2010 (race, religion, sex,
# sexual orientation, gender reassignment, disability, age).
GROUPS = {
    "muslims", "muslim", "islam", "jews", "jew", "jewish", "christians", "hindus", "sikhs", "catholics",
    "immigrants", "immigrant", "migrants", "migrant", "refugees", "refugee", "asylum", "foreigners",
    "blacks", "whites", "asians", "africans", "arabs", "gypsies", "travellers", "traveller", "roma",
    "poles", "polish", "romanians", "eastern", "europeans", "chinese", "indians", "pakistanis",
    "gays", "gay", "lesbians", "lesbian", "homosexuals", "trans", "transgender", "bisexual", "lgbt", "lgbtq",
    "women", "woman", "girls", "men", "disabled", "cripples", "autistic", "pensioners", "elderly",
    "boomers", "old", "youngsters", "kids",
}
# "X is a ...", "you're a ...": the subject of the sentence is the target.
COPULA = {("is", "a"), ("is", "an"), ("was", "a"), ("was", "an"), ("are",), ("were",), ("youre",),
          ("you", "are"), ("ur", "a"), ("is",), ("what", "a"), ("such", "a"), ("bunch", "of"), ("load", "of"),
          ("hes", "a"), ("shes", "a"), ("hes",), ("shes",), ("theyre",)}
FIRST_PERSON = {"i", "im", "me", "myself", "we", "us"}

_YOU = ("person", "aimed at 'you'")
_TARGETS = {
    **{k: ("group", f"aimed at a group ({k})") for k in GROUPS},
    **{k: ("staff", f"aimed at council {k}") for k in STAFF},
    **{k: ("councillor", f"aimed at {COUNCILLOR_SAID.get(k, k)}") for k in COUNCILLOR},
    **{k: _YOU for k in SECOND_PERSON},
}


# Welsh words for "you" and "your", read only for a council that works in
# Welsh (context.welsh): "chi" or "di" in English text is seldom "you".
SECOND_PERSON_CY = frozenset({"ti", "chi", "di", "chdi", "dy", "eich", "tithau", "chithau"})
# "ti'n", "chi'n" ("you're"): a word's key leaves out its apostrophe, so these
# spell English words ("tin", "chin"); written with one, they are Welsh.
_CONTRACTED_CY = frozenset({"tin", "chin"})


# Council staff and councillors in Welsh, with the mutated forms written
# after "y", "ei", "fy" and the like ("y gynghorydd", "fy nghynghorydd", "ei
# chynghorydd"): read only for a council that works in Welsh, as "chi" is.
# "tîm" is left out: its soft mutation "dîm" is read as "dim", nothing.
_STAFF_CY = ("staff", "swyddog", "swyddogion", "gweithiwr", "weithiwr", "ngweithiwr", "gweithwyr", "weithwyr",
             "ngweithwyr", "rheolwr", "reolwr", "rheolwyr", "reolwyr", "cyfarwyddwr", "gyfarwyddwr",
             "derbynnydd", "wardeniaid", "gweinyddwr", "weinyddwr", "bynnag")
_COUNCILLOR_CY = {**{k: "a councillor" for k in ("cynghorydd", "gynghorydd", "nghynghorydd", "chynghorydd", "cyng")},
                  **{k: "councillors" for k in ("cynghorwyr", "gynghorwyr", "nghynghorwyr", "chynghorwyr")},
                  **{k: "the mayor" for k in ("maer", "faer")},
                  **{k: "a council leader" for k in ("arweinydd", "harweinydd")}}
# "bynnag" is the "whoever" of "pwy bynnag", said as the English word is;
# after any other word it is "-ever" ("beth bynnag", whatever, anyway): no one.
_TARGETS_CY = {**{k: ("staff", f"aimed at council {'whoever' if k == 'bynnag' else 'staff'}") for k in _STAFF_CY},
               **{k: ("councillor", f"aimed at {said}") for k, said in _COUNCILLOR_CY.items()}}


def _apostrophe(words, i: int) -> bool:
    start, end = words.place(i)
    return "'" in words.original[start:end] or "’" in words.original[start:end]


def _welsh_target(words, i: int) -> tuple[str, str] | None:
    """What word i is as a target in Welsh: "maer" is the mayor, "mae'r" (is
    the) no one; "pwy bynnag" whoever, "beth bynnag" no one."""
    key = words.keys[i]
    found = _TARGETS_CY.get(key)
    if found is None:
        return None
    if key == "maer" and _apostrophe(words, i) or key == "bynnag" and (i == 0 or words.keys[i - 1] != "pwy"):
        return None
    return found


def _welsh_you(words, i: int) -> bool:
    """Whether word i is Welsh for "you" or "you're"."""
    key = words.keys[i]
    if key in SECOND_PERSON_CY:
        return True
    return key in _CONTRACTED_CY and _apostrophe(words, i)


def _targets(words, welsh: bool) -> list:
    """What each word is as a target, if it is one: the Welsh "you" too, for a council in Welsh."""
    targets = list(map(_TARGET_OF.__getitem__, words.keys))
    if welsh:
        for i, target in enumerate(targets):
            if target is None:
                targets[i] = _YOU if _welsh_you(words, i) else _welsh_target(words, i)
    return targets


class _TargetOf(dict):
    """What each word is as a target, if it is one ("you": a person; "@jo": a
    person, by handle), or None: worked out once per word, then looked up
    for a whole comment at once, in C."""

    LIMIT = 200_000  # bounded memory on a long batch

    def __missing__(self, key: str) -> tuple[str, str] | None:
        if len(self) >= self.LIMIT:
            self.clear()
        found = _TARGETS.get(key)
        if found is None and key[0] == "@" and len(key) > 1:  # handles name people too
            found = "person", f"aimed at {key}"
        self[key] = found
        return found


_TARGET_OF = _TargetOf()

# Words that may stand between "you" and what it is called: "you (are a) ...".
_FILLER = {"a", "an", "are", "re", "such", "little", "big", "dirty", "stupid", "fucking", "bloody", "absolute",
           "total", "complete", "old", "fat", "lazy"}


def _called(words, i: int, welsh: bool) -> bool:
    """'you fag', 'you are a queer', "ti'n gont": a word said straight to someone."""
    keys = words.keys
    for j in range(max(0, i - 4), i):
        if (keys[j] in SECOND_PERSON or welsh and _welsh_you(words, j)) and all(k in _FILLER for k in keys[j + 1:i]):
            return True
    return False


def _analyse(comment, context) -> list[tuple]:
    """Each insult with what is around it (the targets in reach); computed
    once per comment, whichever rule asks first."""
    found = context.hits
    if not found:
        return []
    keys = comment.words.keys
    # Insults count whatever their grade; other listed words from medium up;
    # a word with an innocent meaning only when it is what someone is called.
    hits = [h for h in found
            if h.entry.insulting or (h.entry.insulting_if_called and _called(comment.words, h.word, context.welsh))]
    if not hits:
        return []
    targets = _targets(comment.words, context.welsh)
    marks = [(i, targets[i]) for i in compress(range(len(keys)), targets)]
    # A comment with many targets: each insult looks only at the words in
    # reach of it, not at every target (the same targets, in the same order),
    # so the work stays in proportion to the comment however many there are.
    windowed = len(marks) > 2 * REACH
    last = len(keys) - 1
    out = []
    # What is near a word is the same for every entry it matches (a word is
    # often in two word lists): worked out once per word.
    by_word: dict[int, list] = {}
    # Swear words that intensify what follows ("fucking idiots"), by word.
    swears = {h.word: h for h in found if h.entry.plain in INTENSIFIERS}
    for hit in hits:
        i = hit.word
        around = by_word.get(i)
        if around is None:
            if windowed:
                near = [(j, targets[j]) for j in range(max(0, i - REACH), min(last, i + REACH) + 1)
                        if j != i and targets[j]]
            else:
                near = [(j, target) for j, target in marks if j != i and abs(j - i) <= REACH]
            if len(near) > 1:  # nearest first: in "RT @jo: @dave is an idiot", the idiot is @dave
                near.sort(key=lambda mark: abs(mark[0] - i))
            # [targets in reach, whom it is said of ("is a", "you're a"),
            # whether it counts only when said to or of someone, whom it is
            # said to]: the last three are asked only when needed, and then once.
            # The fifth: the swear word right before it, if it intensifies ("fucking idiots").
            around = by_word[i] = [near, None, None, None, swears.get(i - 1) if swears else None]
        out.append((hit, around))
    return out


TARGETS = ("person", "staff", "councillor", "group")  # what a rule's check may ask an insult to be aimed at


def prepare(check: dict) -> tuple[frozenset, bool]:
    """What a rule's check asks, worked out once per rule pack: its targets."""
    targets = frozenset(check["targets"])
    return targets, targets == {"group"}


_SLUR_CATEGORIES = {"race-ethnicity", "sex-gender", "discriminatory"}


def detect(comment, context, prepared) -> list[Signal]:
    targets, group_only = prepared
    # Insults count whatever their grade; other listed words from medium up.
    # A context-only insult ("you muppet") counts only when aimed at someone.
    # Worked out once per comment, whichever rule asks first (the memo is the
    # comment's own; a method call to it costs more than the lookup).
    memo = context.memo
    analysed = memo.get(_analyse)
    if analysed is None:
        analysed = memo[_analyse] = _analyse(comment, context)
    # What a comment says of a protected group, slur or no slur, is the
    # group-hate kind's reading: a rule that names "group" among its targets
    # gets it, so the versions already published read hate as it does.
    signals = group_hate.detect(comment, context) if "group" in targets else []
    phrases = ()
    if not group_only:
        phrases = memo.get(_phrases)
        if phrases is None:
            phrases = memo[_phrases] = _phrases(comment.words)
        if phrases:
            signals += _phrase_signals(phrases, targets, comment.words)
            inside = memo.get(_inside)
            if inside is None:
                inside = memo[_inside] = _inside(phrases)
    if not analysed:
        return signals
    words = comment.words
    keys = words.keys
    # A target inside quotation marks is not whom an insult outside them is
    # aimed at: 'some idiot shouted "go back to your country"'.
    quotes = '"' in words.original or "“" in words.original
    called = None  # the words that are insults: as a subject, a person ("this bitch is fucking stupid")
    for hit, around in analysed:
        entry = hit.entry
        if phrases and hit.word in inside:
            continue  # the phrase it is part of is reported ("pathetic little man")
        near = None
        # A word with an everyday meaning, or as often said of things, is
        # aimed only at whom it is said to or of, not at whoever is near.
        strict = around[2]
        if strict is None:
            strict = around[2] = _strict(entry, keys, hit)
        # A protected group near an insult is not enough: what is said of
        # the group (denied, quoted, condemned or meant) is group_hate's reading.
        if not strict:
            for j, (kind, why) in around[0]:
                if kind in targets and kind != "group" and not (quotes and _quoted_apart(words, j, hit)):
                    near = why
                    break
        else:
            if "person" in targets:
                addressed = around[3]
                if addressed is None:
                    if called is None:
                        called = frozenset(h.word for h, _ in analysed if not _strict(h.entry, keys, h))
                    addressed = around[3] = _addressed(
                        words, hit.word, hit.word, describing=keys[hit.word] in INSULTING or keys[hit.word] in
                        DESCRIBING_SWEARS, called=hit.word + 1 in called or _as_noun(words, hit),
                        welsh=context.welsh)
                near = addressed or None
        if near is None and not group_only:
            copula = around[1]
            if copula is None:
                if called is None:
                    called = frozenset(h.word for h, _ in analysed if not _strict(h.entry, keys, h))
                copula = around[1] = _said_of(words, hit.word, strict, strict and (
                    entry.plain in THING_TERMS or keys[hit.word].endswith(PLACE_TAILS)), called) or (
                    _said_of_welsh(words, hit, strict) if context.welsh else "")
            if copula == _THING or copula == _GROUP:
                continue  # said of a place or a thing (swearing may still apply), or of a group (group_hate)
            if copula:
                near = copula
        if near is None and not group_only and around[4] is not None:
            near = _intensified(words, hit.word, targets, around[0], around[4])
        if near is None and group_only and entry.category in _SLUR_CATEGORIES \
                and entry.severity >= 3 and not entry.context_only:
            if quotes and quoted(words.original, hit.start):  # reported, not said: a person reads which
                signals.append(new_signal((MAY_BREAK, hit.start, hit.end,
                                           f"'{entry.term}' a slur against a group, in quotation marks")))
                continue
            near = "a slur against a group"
        if near is not None:
            verdict = MAY_BREAK if near.startswith(_IN_GENERAL) else BREAKS
        elif not group_only and entry.category != "insult" and entry.severity >= 3:
            verdict = MAY_BREAK
        else:
            continue
        if signals and signals[-1][1] == hit.start and signals[-1][2] == hit.end \
                and (signals[-1][0] == BREAKS or verdict == MAY_BREAK):
            continue  # the same word in another list, and no stronger: its finding gives the first reason
        signals.append(new_signal((verdict, hit.start, hit.end, f"'{entry.term}' {near}" if near is not None
                                   else f"'{entry.term}' is abusive, but not clearly aimed at someone")))
    return signals


_NEGATORS = frozenset({"not", "never", "no", "hardly", "nt"})
# Forms a word must follow straight away, or after words that only make it
# stronger: "is", "he's", "she's", "they're".
_TIGHT = frozenset({("is",), ("hes",), ("shes",), ("theyre",)})
_STRONGER = frozenset({"so", "such", "really", "very", "proper", "right", "fucking", "fuckin", "bloody", "effing",
                       "total", "complete", "absolute", "utter", "just", "too", "totally", "completely",
                       "absolutely", "a", "an"})
# The last words of the forms above: a quick test that none is in reach.
_COPULA_ENDS = frozenset(form[-1] for form in COPULA)
assert max(map(len, COPULA)) == 2  # _after_copula tries two words, then one


def _after_copula(all_keys: list[str], i: int) -> bool:
    """'... is a (useless) idiot', 'you're a muppet', but not 'I'm an idiot'."""
    return _copula(all_keys, i) is not None


def _copula(all_keys, i: int) -> tuple[tuple[str, ...], int] | None:
    """The form ("is a", "you're") the word at i follows, with up to 2 words
    between, and where its subject is (-1: none before it); None if it
    follows none. "I'm an idiot" follows none that counts."""
    keys = all_keys[max(0, i - 4):i]
    if _COPULA_ENDS.isdisjoint(keys[-3:]):  # no form ends in reach
        return None
    offset = i - len(keys)
    for back in range(1, min(3, len(keys)) + 1):
        before = keys[:len(keys) - back + 1]  # the words up to the insult, minus up to 2 adjectives
        if before[-1] not in _COPULA_ENDS:
            continue
        # The longer form first: in "... you are", the form is "you are" and
        # the subject the word before it.
        for form in (tuple(before[-2:]), (before[-1],)):
            if len(form) <= len(before) and form in COPULA:
                at = len(before) - len(form) - 1
                subject = before[at] if at >= 0 else ""
                if subject in FIRST_PERSON or not _NEGATORS.isdisjoint(keys[len(before):]):
                    return None  # "I'm an idiot", "they are not vermin"
                # "is", "he's": the word right after it, or after words
                # that only make it stronger ("he's a fucking spaz", "is so
                # stupid"), not "he's eating ..."
                if form in _TIGHT and not _STRONGER.issuperset(keys[len(before):]):
                    return None
                return form, offset + at
    return None


# --- whom an insult is said to or of -------------------------------------------

_THING = "a thing"  # what _said_of gives for a place or a thing: not aimed at anyone

# Listed words as often said of things as of people: the swear words that
# judge or intensify ("shit service", "bloody roadworks"), and insults a
# thing can be too ("the car park is a waste of space"). Like words with an
# everyday meaning (context_only), they count only when said to or of someone.
THING_TERMS = frozenset({
    "shit", "shite", "shitty", "crap", "crappy", "bollocks", "bollox", "bullshit", "balls", "piss", "pissed",
    "pissing", "damn", "bloody", "fuck", "fucking", "fuckin", "fucked", "effing", "frigging", "sodding", "feck",
    "feckin", "fecking", "arse", "wasteofspace"})
# Swear words that intensify the insult after them ("fucking idiots").
INTENSIFIERS = frozenset({"fucking", "fuckin", "effing", "frigging", "sodding", "bloody", "feckin", "fecking"})
# What a compound of a swear word names when it names a place or a thing:
# "shithole", "shitshow" ("shitbag" and "fuckwit" name people).
THING_TAILS = ("hole", "holes", "show", "shows", "storm", "fest", "pile", "heap", "tip")
# Said of a place above all: "X is a shithole" is about a place unless X is surely a person.
PLACE_TAILS = ("hole", "holes", "tip")

# Whom "you" is when someone is called something ("you muppet", "ur a muppet").
_CALLING = frozenset({"you", "u", "ya", "yer", "youre", "ur", "thou", "yall", "yous", "youse"})
# Words for a person an insult can describe ("stupid woman", "shit councillor");
# one person: "stupid people" is no one in particular.
PERSON_NOUNS = frozenset({"man", "woman", "bloke", "guy", "lad", "lady", "person", "boy", "girl", "individual",
                          "fella", "fellow"})
# Words that can describe a person they stand before: adjectives, not nouns
# ("clown man") nor verbs ("fucking girls").
DESCRIBING_SWEARS = frozenset({"shit", "shite", "shitty", "crap", "crappy", "bloody", "effing", "sodding", "frigging"})
# Subjects that are surely people: "he is a clown".
PEOPLE = PERSON_NOUNS | {"he", "she", "they", "him", "her", "them", "these", "those", "everyone", "everybody",
                         "who", "whoever", "anyone", "anybody", "somebody", "someone", "men", "women", "blokes",
                         "guys", "lads", "ladies", "people", "boys", "girls", "folk"}
# Subjects that are not people: places, roads, services, what the council
# runs and decides, the council as an organisation, and "this" or "it".
THING_PRONOUNS = frozenset({"it", "this", "that", "which", "what", "everything", "nothing", "something"})
THINGS = frozenset({
    "life", "place", "places",
    "road", "roads", "street", "streets", "lane", "lanes", "avenue", "close", "crescent", "drive", "way", "hill",
    "roundabout", "junction", "bridge", "bypass", "motorway", "a-road", "pavement", "pavements", "path",
    "town", "towns", "city", "village", "area", "estate", "borough", "county", "country", "district", "centre",
    "center", "park", "car", "carpark", "square", "market", "station", "bus", "buses", "train", "trains",
    "library", "school", "hospital", "pool", "gym", "tip", "dump", "depot", "site", "website", "app", "page",
    "service", "services", "system", "scheme", "schemes", "decision", "decisions", "policy", "plan", "plans",
    "idea", "consultation", "budget", "tax", "rates", "charges", "charge", "fees", "fine", "fines", "parking",
    "permit", "permits", "bins", "bin", "collection", "collections", "recycling", "potholes", "pothole",
    "roadworks", "traffic", "lights", "weather", "food", "coffee", "game", "film", "show", "match", "music",
    "council", "councils", "government", "department", "authority", "nhs", "news", "article", "post", "thread",
    "job", "work", "situation", "state", "result", "results", "team", "club", "weekend", "week", "day",
    "year", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
# How words for things end, not names of people: "procrastination", "management".
_ABSTRACT = ("tion", "sion", "ness", "ment", "ity", "ism", "ance", "ence", "ship")
# Titles before a name: "Councillor Patel", "Mr Smith".
TITLES = frozenset({"councillor", "cllr", "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "mayor"})
# How place names end ("Bognor Regis", "Scunthorpe", "Bradford", "Mill Lane").
PLACE_NAME_TAILS = frozenset({"regis", "spa", "magna", "parva", "sea", "wells", "green", "heath", "bay", "cross",
                              "end", "town", "city", "village", "upon"})
_PLACE_NAME = re.compile(
    r"(?:ton|ham|ford|by|bury|borough|brough|burgh|pool|mouth|field|wich|wick|caster|chester|cester|thorpe|"
    r"stone|minster|bridge|port|well|wood|worth|combe|hurst|stead|shire|gate|haven|holme|mere|moor|dale|"
    r"head|hill|cliffe|bourne|burn|ness|ley|leigh|don|church|castle)$")
# No subject: "what a load of bollocks", "such a shithole".
_NO_SUBJECT = {("what", "a"), ("such", "a"), ("load", "of")}
# Forms whose subject is in them: "you are", "he's a".
_SAID_TO_YOU = {("you", "are"), ("youre",), ("ur", "a")}
_PLURAL_FORMS = {("are",), ("were",)}
_PRONOUN_FORMS = {("hes", "a"), ("shes", "a"), ("hes",), ("shes",), ("theyre",)}


def _strict(entry, keys, hit) -> bool:
    """Whether a listed word counts only when said to or of someone: a word
    with an everyday meaning ("stupid decision"), a swear word as often said
    of things ("shit service"), a compound that names a place ("shithole")."""
    return entry.context_only or entry.plain in THING_TERMS or (
        hit.how == "inside a compound word" and keys[hit.word].endswith(THING_TAILS))


def _addressed(words, first: int, last: int, describing: bool = True, called: bool = True,
               welsh: bool = False) -> str:
    """Whom the words first..last are said to: "you muppet", "ur a muppet"
    (`called`: when the words can be what someone is called, not a verb as
    in "you piss next to it"), "fuck you", "fuck off you ..."; or of, when
    they describe a person ("stupid woman", "shit councillor": `describing`,
    for a word that can describe, not a noun such as "clown"). "" when
    neither."""
    keys = words.keys
    for j in range(max(0, first - 4), first) if called else ():
        if (keys[j] in _CALLING or welsh and _welsh_you(words, j)) and all(k in _FILLER for k in keys[j + 1:first]):
            return "aimed at 'you'"
    after = keys[last + 1:last + 4]
    if after and _run_on(words, last) and FIRST_PERSON.isdisjoint(keys[max(0, first - 3):first]):
        # "fuck you", "stupid woman"; not "fuck. You ..." nor "I'm a stupid old man"
        said_to = last + 1
        if after[0] in ("off", "up") and len(after) > 1:
            after, said_to = after[1:], said_to + 1
        if after[0] in _CALLING or welsh and _welsh_you(words, said_to):
            return "aimed at 'you'"
        if after[0][0] == "@" and len(after[0]) > 1:
            return f"aimed at {after[0]}"
        for word in after[:3] if describing else ():
            if word in PERSON_NOUNS:
                return "said of a person"
            target = _TARGET_OF[word]
            if target is not None and target[0] != "group":
                return target[1]
            if word not in _DESCRIBING:
                break
    return ""


def _run_on(words, i: int) -> bool:
    """Whether the word after the i-th follows it in the same phrase: no
    stop, comma or the like between them ("bitch shit. Man up")."""
    end = words.place(i)[1]
    between = words.original[end:words.place(i + 1)[0]]
    return between.isspace() or not between


# Words between an insult and the person it describes: "pathetic little man".
_DESCRIBING = frozenset({"little", "old", "big", "fat", "right", "absolute", "complete", "total", "utter", "bloody",
                         "fucking", "effing", "young", "stupid", "ugly", "lazy", "useless", "dirty", "silly"})


_VERB_ENDINGS = ("with the ending '-ed'", "with the ending '-ing'", "with the ending '-in'",
                 "with the ending '-est'", "with the ending '-ier'", "with the ending '-iest'")


def _as_noun(words, hit) -> bool:
    """Whether a word said after "you" is what someone is called: "you
    muppet(s)", not "you mugged"; and a swear word that is also a verb only
    at the end of what is said ("you shit!", not "you piss next to it")."""
    if hit.how in _VERB_ENDINGS:
        return False
    if hit.entry.plain not in THING_TERMS:
        return True
    after = words.original[hit.end:hit.end + 1]
    return not after or not (after.isalnum() or after.isspace()) or hit.word == len(words.keys) - 1


# What _said_of gives for a protected group (group_hate reads what is said
# of it), and how its why starts for people in general ("landlords are
# parasites", "they're vermin"): who they are, and whether it is abuse, a
# person decides.
_GROUP = "a group"
_IN_GENERAL = "said of people in general"
_THEY = frozenset({"they", "theyre", "these", "those", "them"})


def _said_of(words, i: int, strict: bool, swear: bool = False, called: frozenset = frozenset()) -> str:
    """Whom "X is a ..." says the word at i of: a why ("said of a person",
    "said of Councillor Patel", "aimed at 'you'"), _THING for a place or a
    thing, or "" when it follows no such form. `strict`: the word can be
    said of things too; `swear`: a swear word or a word for a place, as
    often said of an unknown X that is a thing ("Leeds is shit")."""
    keys = words.keys
    found = _copula(keys, i)
    if found is None:
        return ""
    form, at = found
    if form in _NO_SUBJECT:  # "what a load of bollocks", "such a muppet"
        return _THING if swear else "said of a person"
    if form in _SAID_TO_YOU:
        return "aimed at 'you'"
    if form == ("theyre",) or (at >= 0 and words.keys[at] in _THEY):
        start = i - 2 if form == ("theyre",) else at
        if _things_before(words.keys, start):  # "the pigeons ..., they're vermin"
            return _THING
        return f"{_IN_GENERAL} ('{words.keys[at] if form != ('theyre',) else 'they'}')"
    if form in _PRONOUN_FORMS or form == ("bunch", "of"):
        return "said of a person"
    subject = "said of a person" if at in called else _subject(words, at, strict)
    if subject is _GROUP:
        return _GROUP
    if (subject is None or subject.startswith("'")) and form in _PLURAL_FORMS and words.keys[at].endswith("s"):
        # "Landlords are parasites": a kind of people, not one person (a
        # capital at the start of a sentence names no one)
        start, end = words.place(at)
        return f"{_IN_GENERAL} ('{words.original[start:end]}')"
    if subject is _THING:  # "the service is shit"; but "whoever runs this page is a clown"
        return "said of a person" if _person_before(words, at) else _THING
    if subject is None:
        return _THING if swear else "said of a person"
    if subject.startswith("'"):  # a name: a person, though a place is as often shit or a shithole
        return _THING if swear else f"said of {subject[1:-1]}"
    return subject


# "Mae X yn dwpsyn" (X is an idiot): Welsh says what someone is with "yn"
# ("'n" after a vowel) after the subject, which follows the verb. Forms of
# "bod" that start such a sentence of someone else; "roeddwn" (I was) and
# "rwyt" (you are) are the speaker and the reader.
_BOD_CY = frozenset({"mae", "maen", "roedd", "oedd", "roedden", "oedden", "bydd", "fydd", "byddan", "fyddan",
                     "ma", "mar"})  # "ma'", "ma'r": "mae" as it is said in the South
_FIRST_PERSON_CY = frozenset({"i", "fi", "finnau", "innau", "ni", "ninnau", "dw", "rydw", "roeddwn"})
# "yn" may have a swear word or "hen" (old, as a slight) before the insult: "yn hen ast", "yn blydi twpsyn".
_PREDICATE_CY = re.compile(r"(?:\byn|\w['’]n)\s+(?:(?:hen|blydi|ffycin|ffwcin|uffernol o)\s+)?$")
# "Ffwlbart o ddyn yw'r maer", "Eleri yw'r ast fwya": Welsh puts first what
# it stresses, then "yw" (is) and the rest.
_FOCUS_CY = frozenset(("yw", "ywr", "ydy", "ydyr", "ydi", "ydir"))
_TITLES_CY = frozenset(("cyng", "cllr", "dr", "mr", "mrs", "ms"))
_PERSON_CY = frozenset(("dyn", "ddyn", "menyw", "fenyw", "dynes", "ddynes", "boi", "bachan", "fachan", "person",
                        "berson"))
# "..., y twpsyn!": an insult with "y" (the) after a comma and the clause
# ending with it is said to the reader, as "you idiot" is.
_VOCATIVE_CY = re.compile(r"[,;:]\s*y\s+$")
_CLAUSE_END = re.compile(r" {0,3}(?:[.!?,;:)]|$)")
_SENTENCE_END = re.compile(r"[.!?;]")


def _said_of_cy(words, i: int, named: bool = False, last: int | None = None) -> str:
    """Whom a Welsh "Mae X yn <insult>" says the insult at i of (a word of
    the insult category, never said of things: the caller asks only of
    those, so "mae'r gwasanaeth yn gachu" is swearing, not abuse): the staff
    or councillor X names, else "said of a person", as the English "X is a
    ..." says; "aimed at 'you'" when the reader is called it (", y
    twpsyn!"); "" when it follows no such form or X is the speaker ("Dw i'n
    dwpsyn weithiau"). `named`: an insult with an everyday meaning ("penbwl",
    a tadpole) counts only of a person X names, never of an unknown X."""
    start, end = words.place(i)
    before = words.original[max(0, start - 24):start]
    if _VOCATIVE_CY.search(before) and _CLAUSE_END.match(words.original, end):
        return "aimed at 'you'"  # "Darllena'r post, y twpsyn!": the reader, called by name
    if not _PREDICATE_CY.search(before):
        return _focused_cy(words, i, last)
    keys = words.keys
    # The subject may be long ("Mae pwy bynnag sy'n rhedeg y dudalen hon yn
    # dwpsyn"): back to the sentence's start, twelve words at most.
    for j in range(i - 1, max(-1, i - 13), -1):
        if keys[j] in _BOD_CY or keys[j] == "maer" and _apostrophe(words, j):  # "mae'r", is the
            subject = range(j + 1, i)
            break
        if _SENTENCE_END.search(words.original, words.place(j)[1], words.place(j + 1)[0]):
            return ""
    else:
        return ""
    for k in subject:
        key = keys[k] if keys[k] in _FIRST_PERSON_CY else keys[k].rstrip("n")  # "ni'n": "ni"
        if key in _FIRST_PERSON_CY and not _echo_of_possessive(keys, k, key, subject.start):
            return ""  # the speaker: "roedden ni'n dwpsod", "fy mod i'n dwpsyn", "fy mrawd a fi"
    for k in subject:
        found = _welsh_target(words, k) or _TARGET_OF[keys[k]]
        if found is not None:
            return found[1]
    return "said of a person" if not named or not _PERSON_CY.isdisjoint(keys[k] for k in subject) else ""


def _said_of_welsh(words, hit, strict: bool) -> str:
    """Whom a Welsh sentence says a listed word of: an insult as "Mae X yn
    ..." or a focus says it; a swear word only as a focus naming someone
    ("coc oen o gynghorydd"), as "mae'r gwasanaeth yn gachu" is of a thing."""
    last = hit.word + hit.entry.term.count(" ")  # a phrase's last word ("coc oen")
    if hit.entry.category == "insult":
        return _said_of_cy(words, hit.word, strict, last)
    return "" if strict else _focused_cy(words, hit.word, last)


def _focused_cy(words, i: int, last: int | None = None) -> str:
    """Whom a Welsh focus sentence says the insult at i of: "Ffwlbart o ddyn
    yw'r maer" (the insult first), "Eleri Pritchard yw'r ast fwya" (the
    person first). Only a person it names, or a word for a person ("yw'r
    fenyw sy'n ..."): "" for anyone else, or "Twpsyn ydw i" (the speaker).
    `last`: the insult's last word, when it is a phrase ("coc oen")."""
    keys, n = words.keys, len(words.keys)
    original = words.original
    last = i if last is None else last
    if last + 2 < n and keys[last + 1] == "o":  # "coc oen o gynghorydd": an X of a councillor
        found = _welsh_target(words, last + 2)
        if found is not None:
            return found[1]

    def apart(j: int) -> bool:  # a sentence ends between words j and j + 1 ("Cyng." is a title, not an end)
        return keys[j] not in _TITLES_CY and \
            _SENTENCE_END.search(original, words.place(j)[1], words.place(j + 1)[0]) is not None

    def named(at: int) -> str:
        found = _welsh_target(words, at) or _TARGET_OF[keys[at]]
        if found is not None and found[0] != "group":
            return found[1]
        return "said of a person" if keys[at] in _PERSON_CY else ""

    for k in range(last + 1, min(n, last + 5)):  # "[insult] (o ddyn) yw'r [whom]"
        if apart(k - 1):
            break
        if keys[k] in _FOCUS_CY:
            for at in range(k + 1, min(n, k + 5)):
                if apart(at - 1):
                    break
                said = named(at)
                if said:
                    return said
            return ""
    # "[whom] yw'r (hen) [insult]": the person at the start of its sentence
    k = i - 1
    if k >= 1 and keys[k] in ("hen", "blydi", "ffycin"):
        k -= 1
    if k < 1 or keys[k] not in _FOCUS_CY:
        return ""
    for at in range(k - 1, max(-1, k - 5), -1):
        said = named(at)
        if said:
            return said
        if at == 0 or apart(at - 1):
            break
    return ""


# "ein stryd ni" (our street), "fy nhŷ i" (my house): the pronoun after a
# possessive names no one; "fy mod i" (that I am) is the speaker.
_POSSESSIVE_ECHO = {"ni": ("ein",), "i": ("fy", "yn"), "fi": ("fy", "yn")}


def _echo_of_possessive(keys, k: int, pronoun: str, first: int) -> bool:
    """Whether word k, `pronoun` ("ni", "i"), only echoes a possessive a few words before it."""
    possessives = _POSSESSIVE_ECHO.get(pronoun, ())
    for j in range(k - 1, max(first - 1, k - 4), -1):
        if keys[j] in ("a", "ac", "neu"):
            return False  # "fy mrawd a fi": the speaker too
        if keys[j] in possessives:
            return keys[j + 1] not in ("mod", "mhod", "bod")
    return False


# Creatures a pronoun may stand for that no insult hurts: "the pigeons ..., they're vermin".
CREATURES = frozenset({"pigeons", "gulls", "seagulls", "rats", "mice", "foxes", "squirrels", "wasps", "slugs",
                       "snails", "flies", "moles", "badgers", "rabbits", "magpies", "crows", "geese", "ants",
                       "cockroaches", "weeds", "dogs", "cats"})


def _things_before(keys, at: int) -> bool:
    """Whether the nearest plural noun in the 8 words before `at` names
    things or creatures rather than people: whom "they" stands for."""
    for j in range(at - 1, max(-1, at - 9), -1):
        key = keys[j]
        if key in CREATURES or (key in THINGS and key.endswith("s")):
            return True
        if key in PEOPLE or _TARGET_OF[key] is not None:
            return False
    return False


def _quoted_apart(words, j: int, hit) -> bool:
    """Whether word j and the insult are on different sides of a quotation mark."""
    return quoted(words.original, words.place(j)[0]) != quoted(words.original, hit.start)


def _person_before(words, at: int) -> bool:
    """'The woman on the phone at the council', 'whoever runs this page': the
    subject a place or a thing, but the clause about a person named before it."""
    keys = words.keys
    j = at - 1
    for _ in range(4):  # back through "on the phone", "at the council"
        while j >= 0 and keys[j] in _DETERMINERS:
            j -= 1
        if j < 1 or keys[j] not in _PREPOSITIONS:
            break
        j -= 1
        if _is_person(keys[j]):
            return True
        j -= 1
    return not _RELATIVE.isdisjoint(keys[max(0, at - 5):at])


def _is_person(key: str) -> bool:
    target = _TARGET_OF[key]
    return key in PEOPLE or (target is not None and target[0] != "group")


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "our", "my", "your", "their", "his",
                          "her", "its", "front", "local"})
_PREPOSITIONS = frozenset({"on", "at", "in", "from", "of", "behind", "near", "with", "for", "by", "down", "up",
                           "outside", "inside"})
_RELATIVE = frozenset({"whoever", "who", "anyone", "anybody", "someone", "somebody"})


def _subject(words, at: int, strict: bool = True) -> str | None:
    """What the subject at `at` is: a why naming a person (a target: "aimed at
    a councillor"; "said of Councillor Patel"), "'Name'" for a capitalised
    name, _THING for a place or a thing, or None when it cannot tell."""
    if at < 0:
        return None
    keys = words.keys
    key = keys[at]
    target = _TARGET_OF[key]
    if target is not None:
        return target[1] if target[0] != "group" else _GROUP
    if key in PEOPLE:
        return "said of a person" if key in PERSON_NOUNS or not key.endswith("s") else None
    if key in THINGS or (strict and key in THING_PRONOUNS):
        return _THING
    if not key.isalpha():
        return None
    before = keys[at - 1] if at else ""
    if before in TITLES and words.capitalised(at):
        start = words.place(at - 1)[0]
        return f"said of {words.original[start:words.place(at)[1]]}"
    if key.endswith(_ABSTRACT):  # "procrastination", "management"
        return _THING
    if words.capitalised(at):
        if key in PLACE_NAME_TAILS or _PLACE_NAME.search(key) or before in THINGS:
            return _THING
        start, end = words.place(at)
        return f"'{words.original[start:end]}'"
    return None


def _intensified(words, i: int, targets, near: list, swear) -> str | None:
    """An insult right after a swear word that intensifies it ("fucking
    idiots") is aimed at the people in reach: a target of any kind the rule
    or a person covers, or "them", "the lot of them", "they"."""
    word = words.original[swear.start:swear.end]
    for _, (kind, why) in near:
        if kind in targets or (kind in ("staff", "councillor") and "person" in targets):
            return f"after '{word}', {why}"
    if "person" not in targets:
        return None
    keys = words.keys
    if not keys[i].endswith("s"):  # "they fucking bitch about it": a plural insult for people spoken of as a lot
        return None
    for j in sorted(range(max(0, i - REACH), min(len(keys), i + REACH + 1)), key=lambda j: abs(j - i)):
        if keys[j] in PLURAL_PEOPLE:
            return f"after '{word}', aimed at '{_lot(keys, j)}'"
    return None


def _lot(keys, j: int) -> str:
    """'the lot of them', 'you lot', or the word itself."""
    if keys[j] != "lot":
        return keys[j]
    if keys[j + 1:j + 3] in (("of", "them"), ("of", "you"), ("of", "yous")):
        return "the lot " + " ".join(keys[j + 1:j + 3])
    if j and keys[j - 1] in ("you", "yous", "this", "that"):
        return f"{keys[j - 1]} lot"
    return "lot"


# People spoken of as a lot: "the lot of them", "they", "those".
PLURAL_PEOPLE = frozenset({"them", "they", "theyre", "those", "these", "lot", "yous", "youse", "everyone",
                           "everybody", "people", "folk"})


# --- insults made of ordinary words ---------------------------------------------

# Nouns an insult is made of: animals and vermin ("lying toad", "you rat"),
# words for a person ("pathetic little man"), and a waste of something.
ANIMALS = frozenset({
    "toad", "toads", "rat", "rats", "snake", "snakes", "weasel", "weasels", "pig", "pigs", "swine", "slug", "slugs",
    "worm", "worms", "donkey", "donkeys", "sheep", "vermin", "leech", "leeches", "maggot", "maggots", "cockroach",
    "cockroaches", "reptile", "reptiles", "hyena", "hyenas", "jackal", "jackals", "vulture", "vultures", "ferret",
    "ferrets", "rodent", "rodents", "mongrel", "mongrels", "slimeball", "slimeballs"})
PERSON_HEADS = frozenset({"man", "woman", "bloke", "person", "individual", "creature", "specimen", "fool", "oaf",
                          "boy", "girl"})
WASTED = frozenset({"space", "oxygen", "skin", "air"})  # "a waste of oxygen"
_HEADS = ANIMALS | PERSON_HEADS | {"waste", "excuse"}
# Adjectives that make an insult of a noun. Some can only describe a
# person ("lying", "spineless"): with an animal, the phrase is an insult
# wherever it is; others describe animals too ("fat pig" at a farm).
PERSON_ONLY = frozenset({
    "lying", "spineless", "gutless", "twofaced", "corrupt", "crooked", "bent", "dishonest", "deceitful", "smug",
    "arrogant", "pompous", "jumpedup", "selfimportant", "incompetent", "clueless", "brainless", "gormless",
    "snivelling", "sniveling", "cowardly", "hypocritical", "moronic", "idiotic", "odious", "despicable",
    "contemptible", "sleazy", "treacherous", "backstabbing"})
INSULTING = PERSON_ONLY | {"useless", "pathetic", "worthless", "stupid", "thick", "dim", "ignorant", "nasty",
                           "vile", "horrible", "disgusting", "ugly", "slimy", "sneaky", "miserable", "creepy",
                           "obnoxious"}
# Words before an animal that make it no insult: a guinea pig, a glow worm.
_LITERAL_ANIMALS = frozenset({"guinea", "glow", "earth", "silk", "book", "sea", "pot", "potbellied", "wild", "pet",
                              "baby", "farm", "black", "garden", "grass", "tree", "lab", "test"})
ANIMAL_ADJECTIVES = INSULTING | {"fat", "lazy", "dirty", "filthy", "greedy", "little", "old"}
_BETWEEN = frozenset({"little", "old", "big", "fat", "right", "absolute", "complete", "total", "utter", "bloody",
                      "fucking", "effing", "sodding", "great", "nasty", "lazy", "dirty"})

_ANIMAL, _PERSON, _OBJECT = "animal", "person", "object"
_EXCUSE = INSULTING | {"poor", "sorry"}  # "a sorry excuse for a councillor"


def _phrases(words) -> tuple:
    """The insults made of ordinary words in the comment: (first word, last
    word, what the noun is, whether an adjective only a person can be is in
    it). Most comments hold none of the nouns: one set lookup."""
    keys = words.keys
    if _HEADS.isdisjoint(keys):
        return ()
    out = []
    last_word = len(keys) - 1
    for i in compress(range(len(keys)), map(_HEADS.__contains__, keys)):
        key = keys[i]
        last = i
        if key == "waste":  # "a waste of oxygen"
            if i + 2 > last_word or keys[i + 1] != "of" or keys[i + 2] not in WASTED:
                continue
            kind, last = _OBJECT, i + 2
        elif key == "excuse":  # "a pathetic excuse for a councillor"
            if i + 3 > last_word or keys[i + 1] != "for" or keys[i + 2] not in ("a", "an"):
                continue
            kind, last = _OBJECT, i + 3
        else:
            kind = _ANIMAL if key in ANIMALS else _PERSON
        if kind == _ANIMAL and i and keys[i - 1] in _LITERAL_ANIMALS:
            continue
        adjectives = ANIMAL_ADJECTIVES if kind == _ANIMAL else _EXCUSE if key == "excuse" else INSULTING
        first, person_only = i, False
        for j in range(i - 1, max(-1, i - 5), -1):
            before = keys[j]
            if before in adjectives and (kind == _ANIMAL or before not in ("little", "old")):
                first = j
                person_only = person_only or before in PERSON_ONLY
            elif before not in _BETWEEN:
                break
        if kind != _ANIMAL and first == i and key != "waste":
            continue  # "the man", "an excuse for a ...": no insult without its adjective
        if keys[max(0, first - 3):first] and not FIRST_PERSON.isdisjoint(keys[max(0, first - 3):first]):
            continue  # "I'm a useless old man"
        out.append((first, last, kind, person_only))
    return tuple(out)


def _inside(phrases: tuple) -> frozenset:
    """The words that are part of an insult made of ordinary words."""
    return frozenset(i for first, last, _, _ in phrases for i in range(first, last + 1))


def _phrase_signals(phrases: tuple, targets, words) -> list[Signal]:
    out = []
    for first, last, kind, person_only in phrases:
        near = None
        if person_only:  # "lying toad": an insult wherever it is, aimed at whoever is in reach
            for j in range(max(0, first - REACH), min(len(words.keys), last + REACH + 1)):
                if first <= j <= last:
                    continue
                target = _TARGET_OF[words.keys[j]]
                if target is not None and target[0] in targets and target[0] != "group":
                    near = target[1]
                    break
        if near is None and "person" in targets:
            near = _addressed(words, first, last, describing=False) or None
            if near is None:
                said = _said_of(words, first, strict=kind == _OBJECT)
                if said and said != _THING and said != _GROUP \
                        and (kind != _ANIMAL or person_only or _surely_person(words, first)):
                    near = said
            if near is None and kind == _PERSON and (not first or words.keys[first - 1] not in ("a", "an")):
                near = "said of a person"  # "the pathetic little man at the desk"; not "an ugly girl"
        if near is None:
            continue
        start, end = words.place(first)[0], words.place(last)[1]
        verdict = MAY_BREAK if near.startswith(_IN_GENERAL) else BREAKS
        out.append(new_signal((verdict, start, end, f"'{words.original[start:end]}' {near}")))
    return out


def _surely_person(words, first: int) -> bool:
    """Whether "X is a pig" is surely said of a person (a pronoun, a name
    after a title, a target): a pig at a farm is a pig."""
    found = _copula(words.keys, first)
    if found is None:
        return False
    form, at = found
    if form in _SAID_TO_YOU or form in _PRONOUN_FORMS:
        return True
    subject = _subject(words, at)
    return subject is not None and subject is not _THING and not subject.startswith("'")
