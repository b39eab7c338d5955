"""`targeted-insult`: an insult or slur aimed at someone.

An insult next to a target (you, a named person, a councillor or member of
staff, or a group protected by equality law) breaks the rule; an insult with
no target in reach may break it, for a person to judge.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import compress

from ..findings import BREAKS, MAY_BREAK, Signal, new_signal

REACH = 5  # words between an insult and its target

SECOND_PERSON = {"you", "u", "ya", "yer", "your", "ur", "youre", "yourself", "yourselves", "thou", "yall"}
STAFF = {"staff", "officer", "officers", "employee", "employees", "worker", "workers", "binmen", "binman",
         "warden", "wardens", "receptionist", "manager", "managers", "director", "chief", "executive",
         "team", "admin", "whoever"}
COUNCILLOR = {"councillor", "councillors", "cllr", "cllrs", "mayor", "mp", "leader", "chairman", "chair"}
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
# Words that say a group is less than human, or should be removed.
DEHUMANISING = {"vermin", "rats", "cockroaches", "parasites", "animals", "savages", "subhuman", "plague",
                "disease", "infestation", "invaders", "filth", "scum", "breeding", "swarm", "swarming",
                # smears of a whole group
                "thieves", "criminals", "scroungers", "rapists", "terrorists", "paedos", "dirty",
                "disgusting", "inferior", "degenerates", "perverts"}
# "X is a ...", "you're a ...": the subject of the sentence is the target.
COPULA = {("is", "a"), ("is", "an"), ("was", "a"), ("was", "an"), ("are",), ("were",), ("youre",),
          ("you", "are"), ("ur", "a"), ("is",), ("what", "a"), ("such", "a"), ("bunch", "of"), ("load", "of")}
FIRST_PERSON = {"i", "im", "me", "myself", "we", "us"}
REMOVAL = ("go back to", "send them back", "should be deported", "deport them", "kick them out",
           "get rid of them", "should be shot", "should be gassed", "wipe them out", "not welcome here")


_TARGETS = {
    **{k: ("group", f"aimed at a group ({k})") for k in GROUPS},
    **{k: ("staff", f"aimed at council {k}") for k in STAFF},
    **{k: ("councillor", f"aimed at a {k}") for k in COUNCILLOR},
    **{k: ("person", "aimed at 'you'") for k in SECOND_PERSON},
}


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


def _called(keys: list[str], i: int) -> bool:
    """'you fag', 'you are a queer': a word said straight to someone."""
    for j in range(max(0, i - 4), i):
        if keys[j] in SECOND_PERSON and all(k in _FILLER for k in keys[j + 1:i]):
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
    hits = [h for h in found if h.entry.insulting or (h.entry.insulting_if_called and _called(keys, h.word))]
    if not hits:
        return []
    targets = list(map(_TARGET_OF.__getitem__, keys))
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
            # [targets in reach, whether it follows "is a", "you're a"]: the
            # second is asked only when no target is, and then once.
            around = by_word[i] = [near, None]
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
    if "group" in targets:
        groups = memo.get(_group_hits)
        if groups is None:
            groups = memo[_group_hits] = _group_hits(comment, comment.words)
        signals = list(groups)
    else:
        signals = []
    if not analysed:
        return signals
    keys = comment.words.keys
    for hit, around in analysed:
        entry = hit.entry
        near = None
        for _, (kind, why) in around[0]:
            if kind in targets:
                near = why
                break
        if near is None and not group_only:
            copula = around[1]
            if copula is None:
                copula = around[1] = _after_copula(keys, hit.word)
            if copula:
                near = "said of a person"
        if near is None and group_only and entry.category in _SLUR_CATEGORIES \
                and entry.severity >= 3 and not entry.context_only:
            near = "a slur against a group"
        if near is not None:
            verdict = BREAKS
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


# The last words of the forms above: a quick test that none is in reach.
_COPULA_ENDS = frozenset(form[-1] for form in COPULA)
assert max(map(len, COPULA)) == 2  # _after_copula tries two words, then one


def _after_copula(all_keys: list[str], i: int) -> bool:
    """'... is a (useless) idiot', 'you're a muppet', but not 'I'm an idiot'."""
    keys = all_keys[max(0, i - 4):i]
    if _COPULA_ENDS.isdisjoint(keys[-3:]):  # no form ends in reach
        return False
    for back in range(1, min(3, len(keys)) + 1):
        before = keys[:len(keys) - back + 1]  # the words up to the insult, minus up to 2 adjectives
        if before[-1] not in _COPULA_ENDS:
            continue
        # The longer form first: in "... you are", the form is "you are" and
        # the subject the word before it.
        for form in (tuple(before[-2:]), (before[-1],)):
            if len(form) <= len(before) and form in COPULA:
                subject = before[-len(form) - 1] if len(before) > len(form) else ""
                return subject not in FIRST_PERSON and (form != ("is",) or back == 1)
    return False


def _group_hits(comment, words) -> list[Signal]:
    out = []
    keys = words.keys
    if GROUPS.isdisjoint(keys):  # most comments name no group
        return out
    groups = list(compress(range(len(keys)), map(GROUPS.__contains__, keys)))
    for i in compress(range(len(keys)), map(DEHUMANISING.__contains__, keys)):
        key = keys[i]
        # The first group named at or after REACH words before this one: in
        # reach if it is no more than REACH words after it.
        nearest = bisect_left(groups, i - REACH)
        if nearest < len(groups) and groups[nearest] <= i + REACH:
            out.append(Signal(BREAKS, *words.place(i),
                              f"'{key}' describes a protected group as less than human"))
    for phrase in REMOVAL:
        at = comment.norm.find(phrase)
        if at >= 0:
            start, end = comment.span(at, at + len(phrase))
            out.append(Signal(BREAKS, start, end, f"'{phrase}' said of a protected group"))
    return out
