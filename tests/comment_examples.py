"""What a comment does, not only which words it uses: examples of each new
reading of the checker (issue 13), with what a moderator expects of them.
Run in CPython (tests/test_what_comments_do.py) and in Chromium on a council's
staff page (tests/browser/test_checker_widget.py), on the rules of the
version in force at the council's address.

Each example: the comment, and the verdict expected of each rule named (a
rule not named may say anything); `never` lists words no reason may give
(a masked word read two ways). The council's rules are the catalogue's: abuse,
personal-attacks, hate, threats and swearing.
"""

from __future__ import annotations

from typing import NamedTuple

COUNCIL = "ashfield"  # adopts abuse, personal-attacks, hate, threats and swearing


class Example(NamedTuple):
    what: str
    comment: str
    expect: dict[str, str]
    never: tuple[str, ...] = ()


B, M, P = "breaks", "may-break", "passes"

EXAMPLES = (
    # Hate without slurs: what is said of a protected group.
    Example("generalisation", "All Muslims are demonic and everyone knows it", {"hate": B}),
    Example("exclusion", "Gypsies shouldn't be allowed near our children", {"hate": B}),
    Example("call to kill", "Immigrants are a drain and should die", {"hate": B}),
    Example("dehumanising", "Refugees breed like rats in those hotels", {"hate": B}),
    Example("call to expel", "Deport the lot of them, send every migrant back", {"hate": B}),
    Example("stereotype", "Women in this town are all useless drivers", {"hate": M}),
    Example("counter-speech", "Saying Muslims are vermin is disgusting, report that post", {"hate": P}),
    Example("negated", "Travellers are not thieves, stop spreading that rubbish", {"hate": P}),
    # Threats without threat words.
    Example("a visit", "I know where you live and I'll be paying you a visit", {"threats": B}),
    Example("watch your back", "You'd better watch your back", {"threats": B}),
    Example("sort him out", "Someone should sort him out", {"threats": B}),
    Example("nuke", "Time to nuke them all", {"threats": B}),
    Example("a slap", "He needs a good slap", {"threats": B}),
    Example("ordinary visit", "I'll pay you a visit at the library open day", {"threats": P}),
    Example("sort out potholes", "The council should sort out the potholes on Mill Lane", {"threats": P}),
    Example("icy steps", "Watch your back on the icy steps by the market", {"threats": P}),
    # Insults built from ordinary words, aimed at someone.
    Example("lying toad", "Councillor Smith is a lying toad", {"abuse": B, "personal-attacks": B}),
    Example("pathetic rat", "Cllr Jones you lying useless pathetic rat", {"abuse": B, "personal-attacks": B}),
    Example("waste of space", "You are a complete waste of space", {"abuse": B}),
    Example("useless service", "The bin service is useless and pathetic", {"abuse": P, "personal-attacks": P}),
    # Disguises.
    Example("Cyrillic letter", "fuсk this council", {"swearing": B}),
    Example("Greek letter", "what a load of shιt", {"swearing": B}),
    Example("digits in a superlative", "the sh1tt1est bin service in the county", {"swearing": B}),
    Example("gesture", "you 🖕", {"swearing": B, "abuse": B}),
    # A masked word read once, the same way for every rule.
    Example("masked", "you f***ing idiot", {"swearing": B, "abuse": B}, never=("figging",)),
    # A place, a service or the council is not a person.
    Example("a place", "Bognor Regis is a shithole", {"swearing": B, "abuse": P, "personal-attacks": P}),
    Example("the council", "The council is a fucking joke", {"swearing": B, "abuse": P, "personal-attacks": P}),
    # Innocent mentions of a protected group.
    Example("open day", "The Muslim community centre open day was lovely", {"hate": P, "abuse": P}),
    Example("parking", "More disabled parking please", {"hate": P, "abuse": P}),
    Example("councillor", "Our gay councillor did a great job on the park", {"hate": P, "abuse": P}),
)
