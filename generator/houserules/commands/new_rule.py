"""`houserules new-rule ID --kind KIND`: start a rule in the shared catalogue.

The file it writes does not validate until its author fills in the fields
left empty and writes at least three examples of comments that break the
rule and three that do not: the examples are tests, proved with the checker
by `validate` and `build`, and shown on every adopting council's pages."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import UsageError
from houserules_checker.kinds import KINDS

from ..formats import CHECK_KINDS, RULE_CATEGORIES
from ..schema import Slug
from ..yamlsource import display_path

def _starter(kind: str) -> str:
    """The kind's options as a new rule file starts them (kinds.py gives an example of each)."""
    lines = []
    for name, option in KINDS[kind].options.items():
        example = option.example
        if example.startswith("\n"):  # a list of records, written out below its name
            lines.append(f"  {name}:{example}\n")
        else:
            lines.append(f"  {name}: {example}" + (f"  # {option.help}" if option.help and "#" not in example else "")
                         + "\n")
    return "".join(lines)


def _in_welsh(councils: Sequence[str]) -> str:
    """What a council in Welsh that adopts the rule will ask of it (load.py refuses it otherwise)."""
    if not councils:
        return ""
    return (f"# Councils publishing in Welsh ({', '.join(councils)}) adopt rules from this catalogue: for one\n"
            "# to adopt this rule, give each text as {en: ..., cy: ...}, and add comments in Welsh\n"
            "# to its examples, {text: ..., language: cy}, both kinds.\n")


def rule_text(rule_id: str, kind: str, welsh: Sequence[str] = ()) -> str:
    """`welsh`: the councils that publish in Welsh, which may adopt the rule."""
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
            f"{_in_welsh(welsh)}"
            f"id: {rule_id}\n"
            f"title:      # a short heading, e.g. \"No spam\"\n"
            f"summary:    # what the checker says when it fires, e.g. \"Spam or repeated posts\"\n"
            f"category:   # one of: {', '.join(RULE_CATEGORIES)}\n"
            f"wording:    # the rule as residents read it, unless a council words it itself\n"
            f"rationale:  # why the rule exists, for residents (Markdown; use | for several lines)\n"
            f"check:\n"
            f"  kind: {kind}  # {CHECK_KINDS[kind].help}\n"
            f"{_starter(kind)}"
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
    from ..load import load_policy
    councils = load_policy(policy_dir, prove=False).councils.values()
    welsh = sorted(council.slug for council in councils if "cy" in council.languages)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(rule_text(rule_id, kind, welsh), encoding="utf-8")
    return (f"wrote {display_path(path)}: fill in the empty fields and at least three examples of each kind,\n"
            f"then run houserules validate. A council adopts it with `- rule: {rule_id}` under rules.adopted.")
