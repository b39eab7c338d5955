"""Prove every rule's examples with the checker itself before anything is
built: the "Rules explained" pages show them as comments that would and
would not break the rule, so they must be true of the checker that runs on
those same pages."""

from __future__ import annotations

from houserules_checker import BREAKS, MAY_BREAK, Checker
from houserules_checker.kinds import KINDS
from houserules_checker.lexicon import Lexicon

from .errors import SourceProblem
from .formats import PUBLISHED_ONLY_BY_SOME, Rule
from .load import Policy
from .rulepack import FORMAT, pack_words
from .schema import as_data
from .yamlsource import display_path

# The political examples are dated; prove them inside a pre-election period.
EXAMPLE_PERIOD = {"election": "examples", "start": "0001-01-01", "end": "9999-12-31"}


def expected_verdict(rule: Rule) -> str:
    """What a rule's "breaks" examples must get: its kind's strongest verdict (kinds.py)."""
    return KINDS[rule.check.kind].strongest


def _words(policy: Policy) -> list[dict]:
    # Every word list, whatever its language: the examples are shared by every
    # council, and a "passes" example must pass for a council in Welsh too.
    return pack_words(policy.wordlists)


def rule_checker(policy: Policy, rule: Rule, words: list[dict] | None = None,
                 lexicon: Lexicon | None = None) -> Checker:
    """A checker of the one rule, with every word list. `words` and its
    `lexicon`, when given, are shared by the rules proved one after another:
    building the lexicon was most of the time `validate` took to prove."""
    words = words if words is not None else _words(policy)
    return Checker({"format": FORMAT, "council": {"slug": "examples", "name": "examples"}, "version": None,
                    "rules": [{"id": rule.id, "title": rule.title, "summary": rule.summary,
                               "category": rule.category, "wording": rule.wording, "check": as_data(rule.check)}],
                    "words": words, "pre_election": [EXAMPLE_PERIOD]}, lexicon=lexicon)


def _line(path, text: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text[:60] in line:
            return n
    return 0


def rule_checkers(policy: Policy) -> dict[str, Checker]:
    """A checker of each rule the checker can judge (not "human"), by id, in
    the source's order, all sharing one lexicon."""
    words = _words(policy)
    lexicon = Lexicon(words)
    return {rule.id: rule_checker(policy, rule, words, lexicon)
            for rule in policy.rules.values() if rule.check.kind != "human"}


def prove_examples(policy: Policy) -> list[SourceProblem]:
    problems = []
    # An example in a language only some councils publish in (Welsh), where
    # none of these does, is shown on no page (resolve.shown_examples), and
    # the word lists of that language may not be there to prove it: a
    # council's published version keeps only the lists its checker reads.
    published = {code for council in policy.councils.values() for code in council.languages}
    for rule_id, checker in rule_checkers(policy).items():
        rule = policy.rules[rule_id]
        path = policy.root / "rules" / f"{rule.id}.yaml"
        for side in ("breaks", "passes"):
            for n, example in enumerate(getattr(rule.examples, side)):
                if example.language in PUBLISHED_ONLY_BY_SOME - published:
                    continue
                [finding] = checker.check(example.text, reply_to=example.reply_to,
                                          earlier=example.earlier, date=example.date).findings
                flagged = finding.verdict in (BREAKS, MAY_BREAK)
                if side == "breaks" and finding.verdict != expected_verdict(rule):
                    message = f"the checker says {finding.verdict}, not {expected_verdict(rule)}"
                elif side == "passes" and flagged:
                    message = (f"the checker says {finding.verdict} ("
                               + "; ".join(finding.why) + ")")
                else:
                    continue
                problems.append(SourceProblem(display_path(path), _line(path, example.text),
                                              f"examples.{side}[{n}]", message))
    return problems
