"""Every check kind, declared once (as Vale declares its check kinds): its
name, the detector that judges it, the options a rule file gives it, the
strongest verdict it can reach, what it needs besides the comment, what it
looks for, and how the pages explain it.

The engine runs the detectors from here; the generator reads the rest from
here too: the rule file format (formats.CHECK_KINDS), the "Rules explained"
and "Check a comment" pages, the staff page of rules a person decides, the
proof of each rule's examples, `houserules new-rule` and the format
reference. A new kind is a detector module and one entry below.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType, ModuleType

from .detectors import (accusation, group_hate, insults, language, pattern, personal, political, promotion,
                        relevance, repetition, threats, words)
from . import cymraeg
from .findings import BREAKS, MAY_BREAK, NEEDS_PERSON, PASSES

# Categories of word-list entries (policies/wordlists/*.yaml).
WORD_CATEGORIES = ("general", "sexual", "discriminatory", "race-ethnicity", "sex-gender",
                   "mental-health", "drugs", "insult")
# Languages a council may accept comments in (the language check).
LANGUAGES = {"en": "English", "cy": "Welsh"}
# The languages the checker speaks: the words of its results, of its kinds'
# explanations and of the verdicts' names (Welsh: cymraeg.py).
SPOKEN = ("en", "cy")
VERDICT_NAMES: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "en": MappingProxyType({BREAKS: "breaks", MAY_BREAK: "may break", NEEDS_PERSON: "needs a person",
                            PASSES: "passes"}),
    "cy": MappingProxyType(dict(cymraeg.VERDICTS)),
})


@dataclass(frozen=True)
class Option:
    """An option a rule file gives its check."""
    type: str                    # "choice", "choices" (a list of them), "int", "number", "text", "patterns"
    help: str = ""
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    example: str = ""            # as `houserules new-rule` starts it (YAML, after "name: ")


@dataclass(frozen=True)
class Kind:
    name: str
    looks_for: str                          # what the checker looks for, in a few words
    module: ModuleType | None               # the detector: detect(comment, context, prepared); None: a person judges
    judges: str | Callable[[Mapping], str]  # "Can the comment checker judge it?", for a rule's check
    options: Mapping[str, Option] = field(default_factory=dict)
    strongest: str = BREAKS                 # the strongest verdict it can give
    needs: str | None = None                # a context it cannot judge without ("reply_to"): a person decides then
    without: str = ""                       # what it says without that context
    reads_words: bool = False               # reads the word-list hits, found once for every rule that does
    person_decides: bool = False            # listed on the staff page of rules a person decides
    signs: Mapping[str, str] = field(default_factory=dict)  # verdict -> an example for the "Check a comment" page
    # Its rules hear the second-opinion model (model.py): the first of them in
    # the council's order may break when the model says so and no rule found
    # anything.
    second_opinion: bool = False

    def prepare(self, check: Mapping):
        """What the detector is given for a rule's check, worked out once per rule pack."""
        prepare = getattr(self.module, "prepare", None)
        return prepare(check) if prepare else check

    def prefilters(self, check: Mapping) -> tuple:
        """The literals a comment must hold for the detector to find anything."""
        own = getattr(self.module, "prefilter", None)  # a rule's own patterns
        return (own(check),) if own else tuple(getattr(self.module, "PREFILTERS", ()))

    def explain(self, check: Mapping, language: str = "en") -> str:
        """"Can the comment checker judge it?", for a rule's check, in one of the SPOKEN languages."""
        judges = self.judges if language == "en" else _WELSH_JUDGES.get(self.name, self.judges)
        return judges(check) if callable(judges) else judges.format_map(check)

    def signs_in(self, language: str = "en") -> Mapping[str, str]:
        """`signs` in one of the SPOKEN languages."""
        return self.signs if language == "en" else MappingProxyType(cymraeg.SIGNS.get(self.name, {}))

    def said_without(self, language: str = "en") -> str:
        """`without` in one of the SPOKEN languages."""
        return self.without if language == "en" or not self.without else cymraeg.welsh(self.without)


def _political(check: Mapping) -> str:
    if check.get("active") == "pre-election":
        return "Yes, during the pre-election period only. It looks for party names and campaigning."
    return "Yes. It looks for campaigning for or against a party."


def _political_cy(check: Mapping) -> str:
    return cymraeg.POLITICAL["pre-election" if check.get("active") == "pre-election" else "always"]


# What a kind answers in Welsh; political's answer depends on the check, as in English.
_WELSH_JUDGES: Mapping[str, str | Callable[[Mapping], str]] = {**cymraeg.JUDGES, "political": _political_cy}
# Before the reason a rule's check gives for a person judging it ("No. {reason}").
NO = MappingProxyType({"en": "No. ", "cy": cymraeg.NO})


_KINDS = (
    Kind("wordlist", "words on the word lists, in the categories given, disguised spellings included", words,
         "Yes. It looks for words on its word lists, including disguised spellings.",
         {"categories": Option("choices", "word-list categories", WORD_CATEGORIES, example="[general]"),
          "min_severity": Option("int", "entries at or above this break; below it they may break",
                                 minimum=1, maximum=4, example="2")},
         reads_words=True, signs={BREAKS: "a swear word (even when disguised)"}),
    Kind("targeted-insult", "insults aimed at a person, staff, a councillor or a group (for a group, what a "
         "comment says of it too, as `group-hate` reads it)", insults,
         "Partly. It looks for insults aimed at a person or a group, and reads what a comment says of a group. "
         "Where a model trained on labelled comments finds a comment abusive, it may break the rule, for a "
         "moderator to judge.",
         {"targets": Option("choices", "who an insult must be aimed at", insults.TARGETS,
                            example="[person, staff, councillor]")},
         reads_words=True, second_opinion=True,
         signs={BREAKS: "an insult aimed at someone", MAY_BREAK: "an insult with no one clearly named"}),
    Kind("threat", "threats of violence", threats, "Yes. It looks for threats of violence.",
         signs={BREAKS: "a threat"}),
    Kind("group-hate", "hate against a group protected by equality law: calls to harm, expel or exclude it, "
         "dehumanising comparisons, sweeping negative statements", group_hate,
         "Partly. It reads what a comment says of a group protected by equality law: calls to harm, expel or "
         "exclude it and comparisons with vermin or disease break the rule; sweeping negative statements and "
         "stereotypes may break it, for a moderator to judge. Quoting hate to condemn it is allowed.",
         second_opinion=True, signs={BREAKS: "a call to harm or expel a group, or a comparison with vermin",
                                     MAY_BREAK: "a sweeping negative statement about a group"}),
    Kind("personal-data", "phone numbers, email and postal addresses, National Insurance and card numbers", personal,
         "Yes. It looks for phone numbers, email and postal addresses, and National Insurance and card numbers.",
         {"detectors": Option("choices", "what it looks for", personal.KINDS, example="[phone, email]")},
         signs={BREAKS: "a phone number or an email address"}),
    Kind("repetition", "the same comment posted again (needs the author's earlier comments)", repetition,
         "Yes, when it is given the author's earlier comments: it compares them.",
         {"similarity": Option("number", "how alike two comments must be", minimum=0.5, maximum=1.0,
                               example="0.9")},
         signs={BREAKS: "the same comment posted again"}),
    Kind("promotion", "advertising: links to channels and pages, prices, offers", promotion,
         "Yes. It looks for advertising: links to channels and pages, prices and offers.",
         signs={BREAKS: "an advert"}),
    Kind("pattern", "the rule's own regular expressions", pattern, "Yes. It looks for known phrasings.",
         {"patterns": Option("patterns", "each with a name, a regex and why a match breaks the rule",
                             example="\n    - name:    # a short id, e.g. premium-rate-number"
                                     "\n      regex:   # matched against the lower-cased comment"
                                     "\n      why:     # what a match means")}),
    Kind("political", "party names and campaigning", political, _political,
         {"active": Option("choice", "pre-election: only inside a pre-election period; always: all year",
                           ("pre-election", "always"), example="always")},
         signs={BREAKS: "campaigning for a party"}),
    Kind("language", "comments written in a language the council does not accept", language,
         "Partly. It can tell when a comment is written in another language; a person decides whether it could "
         "be abusive.",
         {"languages": Option("choices", "the languages the council accepts comments in", tuple(LANGUAGES),
                              example="[en]")},
         strongest=MAY_BREAK, signs={MAY_BREAK: "a comment in another language"}),
    Kind("relevance", "comments off the subject of the post (needs the post)", relevance,
         "Only when it is given the post being replied to; a moderator confirms.",
         strongest=MAY_BREAK, needs="reply_to", without="Whether a comment is on topic needs the post it replies to.",
         person_decides=True),
    Kind("accusation", "accusations against a named person, for a person to judge", accusation,
         "Only partly. It can spot an accusation against a named person, which a person must judge.",
         strongest=MAY_BREAK, person_decides=True, signs={MAY_BREAK: "an accusation against a named person"}),
    Kind("human", "nothing: a person judges the rule", None, "No. {reason}",
         {"reason": Option("text", "why no program can judge this rule", example="# why no program can judge it")},
         strongest=NEEDS_PERSON, person_decides=True, signs={NEEDS_PERSON: "whether something is true or defamatory"}),
)

KINDS: Mapping[str, Kind] = MappingProxyType({kind.name: kind for kind in _KINDS})
