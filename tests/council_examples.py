"""A sample of the rule examples as each council's check page would check
them, and what each must show: for the browser test of the pages that start
the checker, and for the test of every council's served rules in CPython."""

from __future__ import annotations

import functools
from typing import NamedTuple

from houserules.prove import expected_verdict
from houserules.resolve import shown_examples
from houserules.rulepack import build_rulepack
from in_force import policy_in_force
from source import policy


class Example(NamedTuple):
    rule: str
    side: str  # "breaks" or "passes"
    text: str
    day: str  # the reader's day, YYYY-MM-DD, or "" for the page's own
    reply_to: str
    earlier: str  # one a line, as the staff page sends them

    def form(self, audience: str) -> dict[str, str]:
        """The fields of the page's form this example fills (tests/browser: CHECK_EACH)."""
        if audience == "public":
            return {"text": self.text}
        return {"text": self.text, "date": self.day, "reply_to": self.reply_to, "earlier": self.earlier}


@functools.cache
def pack_in_force(slug: str) -> dict:
    # The rules of the version the council's address shows today (one
    # history made in a temporary folder: once a council, not once a site).
    return build_rulepack(policy_in_force(slug), slug)


def sample(slug: str, audience: str, language: str = "en") -> list[Example]:
    """The first example on each side of each rule the council's address
    shows today that a program judges, as its pages in `language` show them
    (that language's first, where the rule has some): every example of
    every rule is checked in the browser against CPython by
    test_every_rule_example_gives_the_same_verdicts_in_the_browser_as_in_cpython.
    A public page asks for neither the post nor earlier comments, so the
    examples that need them are left out there."""
    pack = pack_in_force(slug)
    languages = policy().councils[slug].languages
    period = pack["pre_election"][0]["end"] if pack["pre_election"] else None
    seen, out = set(), []
    for rule in pack["rules"]:
        kind = rule["check"]["kind"]
        if kind == "human":
            continue
        shown = shown_examples(policy().rules[rule["id"]], languages, language)
        for side in ("breaks", "passes"):
            for example in shown[side]:
                if kind == "political":
                    if period is None:
                        continue  # no polling day set: the rule cannot break yet
                    day = period  # the examples are comments made during a pre-election period
                else:
                    day = example.date.isoformat() if example.date else ""
                if audience == "public" and (example.reply_to or example.earlier):
                    continue
                if (rule["id"], side) not in seen:
                    seen.add((rule["id"], side))
                    out.append(Example(rule["id"], side, example.text, day, example.reply_to or "",
                                       "\n".join(example.earlier)))
    return out


def wrong(examples: list[Example], shown: list[dict[str, str]]) -> list[str]:
    """Each example whose result ({rule: verdict}, as the page lists them)
    is not what it must be: its rule's strongest verdict for "breaks", and
    for "passes" nothing, or only a person asked to look."""
    out = []
    for example, verdicts in zip(examples, shown, strict=True):
        verdict = verdicts.get(example.rule, "passes")
        expected = expected_verdict(policy().rules[example.rule]) if example.side == "breaks" else "passes"
        if verdict != expected and not (example.side == "passes" and verdict == "needs-person"):
            out.append(f"{example.rule} {example.side}: {example.text!r} shows {verdict}, expected {expected}")
    return out
