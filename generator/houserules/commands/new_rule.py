"""`houserules new-rule ID --kind KIND`: start a rule in the shared catalogue.

The file it writes does not validate until its author fills in the fields
left empty and writes at least three examples of comments that break the
rule and three that do not: the examples are tests, proved with the checker
by `validate` and `build`, and shown on every adopting council's pages."""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from ..formats import CHECK_KINDS, RULE_CATEGORIES
from ..schema import Slug
from ..yamlsource import display_path

# A starting point for each check kind's options (tests/test_new_rule.py
# checks that every kind has one).
STARTERS = {
    "wordlist": "  categories: [general]  # word-list categories: see policies/FORMAT.md\n"
                "  min_severity: 2        # entries this strong or stronger break; weaker ones may break\n",
    "targeted-insult": "  targets: [person, staff, councillor]  # who an insult must be aimed at\n",
    "threat": "",
    "personal-data": "  detectors: [phone, email]  # phone, email, postal-address, ni-number, payment-card\n",
    "repetition": "  similarity: 0.9  # how alike two comments must be (0.5 to 1)\n",
    "promotion": "",
    "pattern": "  patterns:\n"
               "    - name:    # a short id for the pattern, e.g. premium-rate-number\n"
               "      regex:   # matched against the lower-cased comment, e.g. '\\b09\\d{2} ?\\d{3} ?\\d{4}\\b'\n"
               "      why:     # what a match means, e.g. A UK premium-rate number.\n",
    "political": "  active: always  # always, or pre-election (only inside a pre-election period)\n",
    "language": "  languages: [en]  # the languages the council accepts comments in\n",
    "relevance": "",
    "accusation": "",
    "human": "  reason:  # why no program can judge this rule\n",
}


def rule_text(rule_id: str, kind: str) -> str:
    examples = ("" if kind == "human" else
                "examples:\n"
                "  # Comments that must break the rule and comments that must not: at least\n"
                "  # three of each. They are tests (validate and build prove every one with the\n"
                "  # checker) and the \"Rules explained\" pages show them. Write comments a resident\n"
                "  # might really post on a council page.\n"
                "  breaks:\n"
                "    -\n"
                "  passes:\n"
                "    -\n")
    return (f"# A rule in the shared catalogue: councils adopt it by its id, in rules.adopted.\n"
            f"# Fill in every field left empty, then run: houserules validate\n"
            f"# Every field and check kind: policies/FORMAT.md\n"
            f"id: {rule_id}\n"
            f"title:      # a short heading, e.g. \"No spam\"\n"
            f"summary:    # what the checker says when it fires, e.g. \"Spam or repeated posts\"\n"
            f"category:   # one of: {', '.join(RULE_CATEGORIES)}\n"
            f"wording:    # the rule as residents read it, unless a council words it itself\n"
            f"rationale:  # why the rule exists, for residents (Markdown; use | for several lines)\n"
            f"check:\n"
            f"  kind: {kind}  # {CHECK_KINDS[kind].help}\n"
            f"{STARTERS[kind]}"
            f"{examples}")


def new_rule(policy_dir: Path, rule_id: str, kind: str) -> str:
    from ..schema import Context, INVALID
    ctx = Context("new-rule")
    if Slug().check(rule_id, ctx, "id", 0) is INVALID:
        raise UsageError(f"a rule id is lower-case letters, digits and hyphens, like 'no-spoilers', not {rule_id!r}")
    if kind not in CHECK_KINDS:
        raise UsageError(f"no check kind {kind!r}; the kinds are: {', '.join(CHECK_KINDS)}")
    path = policy_dir / "rules" / f"{rule_id}.yaml"
    if path.exists():
        raise UsageError(f"{display_path(path)} already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(rule_text(rule_id, kind), encoding="utf-8")
    return (f"wrote {display_path(path)}: fill in the empty fields and at least three examples of each kind,\n"
            f"then run houserules validate. A council adopts it with `- rule: {rule_id}` under rules.adopted.")
