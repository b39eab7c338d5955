"""The groups the Equality Act 2010 protects, and the words that name them.

Each term names a group and says which protected characteristic it falls
under (race, which the Act says includes colour, nationality and ethnic or
national origins; religion or belief; sex; sexual orientation; gender
reassignment; disability; age; pregnancy and maternity; marriage and civil
partnership), in what grammatical form it names it, and whether it is an
offensive name for it. Written for this project, in British English, as
residents write on a council's Facebook or Twitter page.

`IDENTITY_TERMS` is every word or phrase here, neutral and offensive alike,
lower case as typed ("black people", "lgbtq+", "asylum seekers").
`NEUTRAL_TERMS` and `OFFENSIVE_TERMS` split it. A statistical model that must
never score a comment up for naming a group should use `NEUTRAL_TERMS` if it
still wants slurs to count, `IDENTITY_TERMS` if not. `IDENTITY_WORDS` is the
terms of one word, as the checker keys a comment's words ("black", "gay",
"muslims", "lgbtqt" for "LGBTQ+"): not "people" or "with", which only
complete a name.

The group-hate detector (detectors/group_hate.py) reads `TERMS`, matched
against a comment's word keys (`KEYED`: a term's words as the checker
splits and normalises them, so "asylum-seekers" and "LGBTQ+" match as
typed). Forms:

- PLURAL names the group on its own: "Muslims", "asylum seekers", "the gays".
- SINGULAR names one member, and the group only after "every", "each",
  "typical", "any": "every immigrant is ...".
- ADJECTIVE names the group before a word for people ("Polish people",
  "gay men") or as "the ...": "the Irish", "the disabled".
- BELIEF names a religion or belief, not its people ("Islam"): what is said
  of it may be criticism of the belief, which the law allows.

`homonym` marks a term that is more often something else ("black bin bags",
"shoe polish", "travellers on the 8.15", "fags" for cigarettes, the dyke
that is a bank or ditch): the detector needs more context for it.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import NamedTuple

from .text import prepare

RACE = "race"
RELIGION = "religion or belief"
RACE_AND_RELIGION = "race and religion or belief"  # Jews and Sikhs are protected as both
SEX = "sex"
ORIENTATION = "sexual orientation"
GENDER_REASSIGNMENT = "gender reassignment"
DISABILITY = "disability"
AGE = "age"
PREGNANCY = "pregnancy and maternity"
MARRIAGE = "marriage and civil partnership"
CHARACTERISTICS = (AGE, DISABILITY, GENDER_REASSIGNMENT, MARRIAGE, PREGNANCY, RACE, RELIGION, SEX, ORIENTATION)

PLURAL, SINGULAR, ADJECTIVE, BELIEF = "plural", "singular", "adjective", "belief"


class Term(NamedTuple):
    term: str            # lower case, as typed: "asylum seekers"
    group: str           # how a finding names the group: "asylum seekers"
    characteristic: str  # the protected characteristic (RACE ... ORIENTATION)
    form: str            # PLURAL, SINGULAR, ADJECTIVE or BELIEF
    offensive: bool = False
    homonym: bool = False


def _split(names: str) -> list[str]:
    return [name.strip().lower() for name in names.split(",") if name.strip()]


def _group(characteristic: str, group: str, *, plural: str = "", singular: str = "", adjective: str = "",
           belief: str = "", offensive_plural: str = "", offensive_singular: str = "",
           homonyms: str = "") -> list[Term]:
    """One group's terms. Each argument is a comma-separated list; `homonyms`
    names those of them that are more often something else."""
    ambiguous = set(_split(homonyms))
    out = []
    for names, form, offensive in ((plural, PLURAL, False), (singular, SINGULAR, False), (adjective, ADJECTIVE, False),
                                   (belief, BELIEF, False), (offensive_plural, PLURAL, True),
                                   (offensive_singular, SINGULAR, True)):
        out.extend(Term(name, group, characteristic, form, offensive, name in ambiguous) for name in _split(names))
    return out


# Words for people that make an adjective a name for a group: "Polish people",
# "Muslim women", "disabled residents". Plural, except after "every" or
# "typical" ("every Muslim man").
PEOPLE_NOUNS = frozenset(_split(
    "people, persons, folk, folks, men, women, lads, blokes, guys, girls, boys, kids, children, youngsters, "
    "teenagers, youths, families, family, residents, neighbours, neighbors, tenants, community, communities, "
    "population, populations, lot, ones, workers, students, pupils, drivers, parents, mothers, mums, fathers, dads, "
    "couples, citizens, nationals, immigrants, migrants, refugees, voters, members, councillors, staff, "
    "colleagues, customers, patients, man, woman, person, individuals, adults, pensioners, lives"))


_TERMS: list[Term] = [
    # ---------------------------------------------------------------- race: colour and ethnic origin
    *_group(RACE, "black people", plural="blacks, black people, black folk, black britons, people of colour, "
                                         "people of color, poc, bame people, bame communities",
            adjective="black, bame, bme",
            offensive_plural="niggers, niggas, niggaz, nigs, nignogs, coons, wogs, golliwogs, gollywogs, sambos, "
                             "darkies, darkeys, jungle bunnies, spooks", homonyms="black, spooks",
            offensive_singular="nigger, nigga, nignog, coon, wog, golliwog, gollywog, sambo, darkie, darky",
            ),
    *_group(RACE, "white people", plural="whites, white people, white folk, white britons",
            adjective="white",
            offensive_plural="honkies, honkeys, whiteys, crackers", offensive_singular="honky, whitey",
            homonyms="white, crackers"
            ),
    *_group(RACE, "Asian people", plural="asians, south asians, east asians, british asians, asian people",
            singular="asian", adjective="asian, south asian, east asian",
            offensive_plural="pakis, pakkis, chinks, gooks, slopes, slanties",
            offensive_singular="paki, pakki, chink, gook",
            homonyms="chink, slopes"),
    *_group(RACE, "Arab people", plural="arabs", singular="arab", adjective="arab",
            offensive_plural="sand niggers, camel jockeys", offensive_singular="sand nigger"),
    *_group(RACE, "African and Caribbean people",
            plural="africans, caribbeans, west indians, afro-caribbeans, african caribbeans",
            singular="african, west indian", adjective="african, caribbean, afro-caribbean, african caribbean"),
    *_group(RACE, "mixed-race people", plural="mixed-race people, mixed race people", adjective="mixed-race",
            offensive_plural="half-castes, half castes, halfcastes", offensive_singular="half-caste, half caste"),
    *_group(RACE, "Gypsies, Roma and Travellers",
            plural="gypsies, gipsies, roma, romanies, romany gypsies, travellers, irish travellers, travelers, "
                   "traveller community, travelling community, gypsy and traveller communities",
            singular="gypsy, gipsy, traveller, romany", adjective="gypsy, romany, traveller, roma",
            offensive_plural="pikeys, pikies, gyppos, gippos, gyppoes, tinkers, knackers, didicoys, diddicoys, "
                             "pykies",
            offensive_singular="pikey, gyppo, gippo, didicoy, diddicoy",
            homonyms="travellers, travelers, traveller, tinkers, knackers, gypsy, romany"),
    # ---------------------------------------------------------------- race: nationality and national origin
    *_group(RACE, "immigrants",
            plural="immigrants, migrants, economic migrants, refugees, asylum seekers, asylum-seekers, foreigners, "
                   "foreign nationals, boat people, small boat people",
            singular="immigrant, migrant, refugee, asylum seeker, asylum-seeker, foreigner",
            adjective="immigrant, migrant, refugee, foreign",
            offensive_plural="illegals, dinghy divers, boat niggers", homonyms="foreign"),
    *_group(RACE, "Eastern Europeans",
            plural="eastern europeans, poles, romanians, bulgarians, lithuanians, latvians, estonians, slovaks, "
                   "czechs, hungarians, albanians, kosovans, ukrainians, russians, moldovans, serbians, croatians",
            singular="eastern european, pole, romanian, bulgarian, lithuanian, latvian, slovak, czech, hungarian, "
                     "albanian, kosovan, ukrainian, russian",
            adjective="eastern european, polish, romanian, bulgarian, lithuanian, latvian, slovak, slovakian, czech, "
                      "hungarian, albanian, kosovan, ukrainian, russian",
            offensive_plural="polacks, polaks, pollocks, russkies, commies", offensive_singular="polack, polak",
            homonyms="poles, pole, polish, czech, russian, pollocks, commies"),
    *_group(RACE, "South Asian nationalities",
            plural="indians, pakistanis, bangladeshis, sri lankans, nepalis, afghans, afghanis",
            singular="indian, pakistani, bangladeshi, sri lankan, afghan",
            adjective="indian, pakistani, bangladeshi, sri lankan, nepali, nepalese, afghan",
            homonyms="indian, indians"),
    *_group(RACE, "Middle Eastern and North African people",
            plural="syrians, iraqis, iranians, kurds, turks, egyptians, libyans, moroccans, algerians, "
                   "palestinians, israelis, lebanese people",
            singular="syrian, iraqi, iranian, kurd, turk, egyptian, moroccan, palestinian, israeli",
            adjective="syrian, iraqi, iranian, kurdish, turkish, egyptian, moroccan, algerian, palestinian, israeli, "
                      "lebanese, middle eastern",
            homonyms="turkish, turks, turk"),
    *_group(RACE, "African nationalities",
            plural="somalis, nigerians, ghanaians, eritreans, sudanese people, ethiopians, zimbabweans, congolese "
                   "people, kenyans, ugandans",
            singular="somali, nigerian, ghanaian, eritrean, ethiopian, zimbabwean, kenyan",
            adjective="somali, nigerian, ghanaian, eritrean, sudanese, ethiopian, zimbabwean, congolese, kenyan, "
                      "ugandan"),
    *_group(RACE, "East and South East Asian nationalities",
            plural="chinese people, japanese people, vietnamese people, koreans, filipinos, hong kongers, thais",
            singular="korean, filipino, filipina, hong konger",
            adjective="chinese, japanese, vietnamese, korean, filipino, thai, malaysian, hong kong",
            offensive_plural="japs, nips", offensive_singular="jap, chinaman", homonyms="nips, thai, hong kong"),
    *_group(RACE, "people of British and Irish nationalities",
            plural="irish people, scots, welsh people, english people, brits, britons, northern irish people, "
                   "irish catholics",
            singular="scot, brit, briton",
            adjective="irish, scottish, welsh, english, british, cornish, northern irish",
            offensive_plural="paddies, paddys, micks, jocks, sweaties, taffs, taffies, poms, pommies, "
                             "plastic paddies",
            offensive_singular="paddy, mick, jock, taff, pom, pommie",
            homonyms="english, british, irish, scottish, welsh, cornish, paddies, paddy, micks, mick, jocks, jock, "
                     "poms, pom, taff, taffs, scot"),
    *_group(RACE, "other nationalities",
            plural="americans, mexicans, french people, germans, italians, spaniards, portuguese people, "
                   "europeans, latinos, latinas, latinx people, brazilians, jamaicans, australians",
            singular="american, mexican, german, italian, spaniard, european, latino, latina, jamaican",
            adjective="american, mexican, french, german, italian, spanish, portuguese, european, latino, "
                      "hispanic, brazilian, jamaican, australian",
            offensive_plural="krauts, frogs, eyeties, dagos, wops, spics, spicks, yanks, wetbacks, greasers, "
                             "gringos",
            offensive_singular="kraut, dago, wop, spic, spick, wetback, frog",
            homonyms="french, spanish, portuguese, american, german, italian, european, frogs, frog, yanks, "
                     "greasers, europeans, americans"),
    # ---------------------------------------------------------------- religion or belief
    *_group(RELIGION, "Muslims", plural="muslims, moslems, muslim people, muslim community", singular="muslim, moslem",
            adjective="muslim, moslem, islamic", belief="islam",
            offensive_plural="muzzies, muzzers, muzrats, ragheads, towelheads, mohammedans, goat shaggers",
            offensive_singular="muzzie, muzzer, raghead, towelhead, mohammedan"),
    *_group(RACE_AND_RELIGION, "Jews", plural="jews, jewish people, jewry, jewish community, orthodox jews, "
                                              "hasidic jews", singular="jew",
            adjective="jewish, orthodox jewish, hasidic", belief="judaism",
            offensive_plural="kikes, yids, hymies, heebs, sheenies, shylocks, zionist pigs",
            offensive_singular="kike, yid, hymie, heeb, sheeny, shylock", homonyms="shylock"),
    *_group(RACE_AND_RELIGION, "Sikhs", plural="sikhs, sikh people", singular="sikh", adjective="sikh",
            belief="sikhism", offensive_plural="turbanheads"),
    *_group(RELIGION, "Christians",
            plural="christians, catholics, roman catholics, protestants, anglicans, methodists, baptists, "
                   "evangelicals, pentecostals, mormons, quakers, jehovah's witnesses, jehovahs witnesses, "
                   "presbyterians, orthodox christians",
            singular="christian, catholic, protestant, anglican, methodist, baptist, evangelical, mormon, quaker",
            adjective="christian, catholic, roman catholic, protestant, anglican, methodist, baptist, evangelical, "
                      "pentecostal, mormon, quaker, presbyterian",
            belief="christianity, catholicism, protestantism",
            offensive_plural="bible bashers, bible-bashers, god botherers, god-botherers, fenians, taigs, teagues, "
                             "papists, left-footers, huns, prods, proddies, jesus freaks",
            offensive_singular="bible basher, god botherer, fenian, taig, papist, prod, proddy",
            homonyms="huns, prods, prod, evangelical, evangelicals, baptist"),
    *_group(RELIGION, "Hindus", plural="hindus, hindu people", singular="hindu", adjective="hindu",
            belief="hinduism", offensive_plural="cow worshippers"),
    *_group(RELIGION, "Buddhists", plural="buddhists", singular="buddhist", adjective="buddhist", belief="buddhism"),
    *_group(RELIGION, "other religions and beliefs",
            plural="atheists, humanists, pagans, rastafarians, rastas, jains, bahais, zoroastrians, religious people, "
                   "people of faith, believers, non-believers",
            singular="atheist, humanist, pagan, rastafarian, rasta, jain",
            adjective="atheist, humanist, pagan, rastafarian, jain, religious",
            belief="atheism, humanism, paganism, rastafarianism",
            homonyms="believers, religious"),
    # ---------------------------------------------------------------- sex
    *_group(SEX, "women", plural="women, females, ladies, womenfolk, women drivers", singular="woman, female",
            adjective="female",
            offensive_plural="bitches, slags, sluts, hoes, hos, thots, birds, skanks, feminazis, wenches",
            offensive_singular="bitch, slag, slut, thot, skank",
            homonyms="birds, bitches, bitch, hoes, ladies, female, females"),
    *_group(SEX, "men", plural="men, males, menfolk", singular="man, male", adjective="male",
            homonyms="man, male, males"),
    # ---------------------------------------------------------------- sexual orientation
    *_group(ORIENTATION, "gay people",
            plural="gays, gay people, gay men, gay folk, lesbians, gay women, bisexuals, bisexual people, "
                   "homosexuals, queers, lgb people, gay community, same-sex couples, same sex couples",
            singular="gay, lesbian, bisexual, homosexual", adjective="gay, lesbian, bisexual, homosexual, queer",
            offensive_plural="faggots, fags, faggs, poofs, pooves, poofters, poufs, poufters, puffs, benders, "
                             "batty boys, battyboys, batty men, battymen, dykes, lezzers, lezzas, lesbos, lezzies, "
                             "homos, fairies, queens, shirtlifters, shirt lifters, bumboys",
            offensive_singular="faggot, fag, fagg, poof, poofter, pouf, poufter, bender, batty boy, battyboy, "
                               "battyman, dyke, lezzer, lezza, lesbo, lezzie, homo, shirtlifter, bumboy",
            homonyms="fags, fag, puffs, benders, bender, dykes, dyke, fairies, queens, homo, homos, queers, poufs, "
                     "pouf, queer"),
    *_group(ORIENTATION, "LGBT people",
            plural="lgbt people, lgbtq people, lgbtq+ people, lgbtqia+ people, lgbt community, lgbtq community, "
                   "lgbtq+ community, rainbow families",
            adjective="lgbt, lgbtq, lgbtq+, lgbtqia, lgbtqia+, lgbtqi, lgbtqi+, lgbt+"),
    *_group(ORIENTATION, "straight people", plural="straight people, heterosexuals, heteros", singular="heterosexual",
            adjective="straight, heterosexual", homonyms="straight"),
    # ---------------------------------------------------------------- gender reassignment
    *_group(GENDER_REASSIGNMENT, "trans people",
            plural="trans people, transgender people, transgenders, transsexuals, trans women, transwomen, "
                   "trans men, transmen, trans folk, trans kids, non-binary people, nonbinary people, "
                   "trans community, enbies",
            singular="transgender, transsexual, trans woman, transwoman, trans man, transman",
            adjective="trans, transgender, transsexual, non-binary, nonbinary, genderfluid, gender-fluid",
            offensive_plural="trannies, trannys, trannies, shemales, she-males, troons, trans-identified males, "
                             "ladyboys, heshes, he-shes",
            offensive_singular="tranny, trannie, shemale, she-male, troon, ladyboy, he-she"),
    # ---------------------------------------------------------------- disability
    *_group(DISABILITY, "disabled people",
            plural="disabled people, people with disabilities, people with a disability, "
                   "wheelchair users, blind people, deaf people, partially sighted people, "
                   "autistic people, autistics, people with autism, people with learning disabilities, "
                   "people with learning difficulties, people with down's syndrome, people with downs syndrome, "
                   "mentally ill people, people with mental illness, "
                   "people with mental health problems, people with mental health issues, "
                   "dyslexic people, amputees, epileptics, schizophrenics, handicapped people, "
                   "disabled kids, disabled children, sen kids, special needs kids, blue badge holders",
            singular="wheelchair user, amputee, epileptic, schizophrenic",
            adjective="disabled, blind, deaf, autistic, dyslexic, handicapped, mentally ill, learning disabled, "
                      "partially sighted, special needs, sen",
            offensive_plural="retards, spastics, spazzes, spazzers, spackers, spacca, mongs, mongols, mongoloids, "
                             "cripples, crips, window lickers, window-lickers, mentals, loonies, nutters, schizos, "
                             "psychos, vegetables, cabbages, raspberries, spanners",
            offensive_singular="retard, spastic, spaz, spazz, spazzer, spacker, mong, mongol, mongoloid, cripple, "
                               "window licker, window-licker, mental, loony, schizo, psycho",
            homonyms="blind, deaf, sen, crips, mental, mentals, loonies, loony, nutters, psychos, psycho, "
                     "vegetables, cabbages, raspberries, spanners, mongols, mongol"),
    # ---------------------------------------------------------------- age
    *_group(AGE, "older people",
            plural="old people, older people, elderly people, pensioners, oaps, senior citizens, "
                   "seniors, old folk, older residents, elderly residents, boomers, baby boomers",
            singular="pensioner, oap, senior citizen, boomer",
            adjective="elderly, old, older, retired", homonyms="old, older, seniors, retired",
            offensive_plural="coffin dodgers, wrinklies, crumblies, old biddies, old codgers, geriatrics, "
                             "old gits, fossils",
            offensive_singular="coffin dodger, wrinkly, old biddy, old codger, geriatric, old git",
            ),
    *_group(AGE, "young people",
            plural="young people, youngsters, teenagers, teens, youths, kids, children, young ones, millennials, "
                   "gen z, zoomers, young adults",
            singular="teenager, youth, youngster, millennial, zoomer",
            adjective="young, teenage, teen", homonyms="young, kids, children, youth, teen",
            ),
    # ---------------------------------------------------------------- pregnancy and maternity
    *_group(PREGNANCY, "pregnant women and new mothers",
            plural="pregnant women, pregnant people, expectant mothers, expectant mums, new mums, new mothers, "
                   "breastfeeding mothers, breastfeeding mums, breastfeeding women, nursing mothers, mums-to-be, "
                   "mothers-to-be, women on maternity leave",
            singular="pregnant woman, expectant mother, new mum, new mother, breastfeeding mother",
            adjective="pregnant, breastfeeding, expectant"),
    # ---------------------------------------------------------------- marriage and civil partnership
    *_group(MARRIAGE, "married people and civil partners",
            plural="married people, married couples, married women, married men, civil partners, "
                   "people in civil partnerships, couples in civil partnerships",
            singular="civil partner",
            adjective="married"),
]


def _keyed(term: str) -> tuple[str, ...]:
    """A term's words as the checker splits and normalises a comment's (plain words need no more than splitting)."""
    return tuple(term.split()) if _PLAIN.fullmatch(term) else tuple(prepare(term).words.keys)


_PLAIN = re.compile(r"[a-z]+(?: [a-z]+)*")


TERMS: tuple[Term, ...] = tuple(dict.fromkeys(_TERMS))  # each once, in the order written
IDENTITY_TERMS: frozenset[str] = frozenset(t.term for t in TERMS)
NEUTRAL_TERMS: frozenset[str] = frozenset(t.term for t in TERMS if not t.offensive)
OFFENSIVE_TERMS: frozenset[str] = frozenset(t.term for t in TERMS if t.offensive)

_KEYS = {t: _keyed(t.term) for t in TERMS}
IDENTITY_WORDS: frozenset[str] = frozenset(keys[0] for keys in _KEYS.values() if len(keys) == 1)


# Words too common to look a term up by.
_COMMON = frozenset(_split("people, person, persons, folk, folks, with, a, an, of, the, in, and, to, be, on, new, "
                           "small, blue, senior, civil, same, learning, men, women, kids, children, young, old"))


def _anchor(keys: tuple[str, ...]) -> int:
    """Which of a term's words it is looked up by: the first that is not common."""
    return next((i for i, word in enumerate(keys) if word not in _COMMON), 0)


# Each term under the word it is looked up by: {word: ((its place in the
# term, the term's words, the terms), ...)}, longest first. A comment that
# holds none of these words names no group.
_table: dict = {}
for _term, _keys in _KEYS.items():
    _at = _anchor(_keys)
    _entries = _table.setdefault(_keys[_at], {})
    _entries.setdefault((_at, _keys), []).append(_term)
ANCHORS: MappingProxyType = MappingProxyType({
    word: tuple(sorted(((at, keys, tuple(terms)) for (at, keys), terms in entries.items()), key=lambda e: -len(e[1])))
    for word, entries in _table.items()})
del _table, _term, _keys, _at, _entries

def characteristics_of(term: Term) -> tuple[str, ...]:
    """The protected characteristics a term's group has (Jews and Sikhs: race, and religion or belief)."""
    return (RACE, RELIGION) if term.characteristic == RACE_AND_RELIGION else (term.characteristic,)


BY_CHARACTERISTIC: MappingProxyType = MappingProxyType(
    {c: frozenset(t.term for t in TERMS if c in characteristics_of(t)) for c in CHARACTERISTICS})

assert set(BY_CHARACTERISTIC) == set(CHARACTERISTICS) and all(BY_CHARACTERISTIC.values())
assert all(_KEYS.values()), "a term with no words"
assert not _COMMON & set(ANCHORS) - {keys[0] for keys in _KEYS.values() if len(keys) == 1}, "a common word as an anchor"

__all__ = ["ADJECTIVE", "AGE", "ANCHORS", "BELIEF", "CHARACTERISTICS", "DISABILITY", "GENDER_REASSIGNMENT",
           "IDENTITY_TERMS", "IDENTITY_WORDS", "MARRIAGE", "NEUTRAL_TERMS", "OFFENSIVE_TERMS", "ORIENTATION",
           "PEOPLE_NOUNS", "PLURAL", "PREGNANCY", "RACE", "RACE_AND_RELIGION", "RELIGION", "SEX", "SINGULAR", "TERMS",
           "Term", "characteristics_of"]
