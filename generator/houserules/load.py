"""Load and validate the whole policy source: word lists, then rules, then
councils (each later kind refers to ids of the earlier ones)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import formats
from .errors import PolicyError, SourceProblem
from .schema import INVALID, Context, Record
from .yamlsource import display_path, load_yaml


@dataclass(frozen=True)
class Policy:
    root: Path
    wordlists: dict[str, dict]
    rules: dict[str, dict]
    councils: dict[str, dict]


def load_record(path: Path, spec: Record, problems: list[SourceProblem], known: dict | None = None):
    """One YAML file checked against its format: (the parsed YAML, the checked
    value or INVALID), every problem added to `problems`."""
    try:
        raw = load_yaml(path)
    except PolicyError as exc:
        problems.extend(exc.problems)
        return None, INVALID
    ctx = Context(display_path(path), known=known or {})
    value = spec.check(raw, ctx, "", 1)
    problems.extend(ctx.problems)
    return raw, value


def _load_folder(folder: Path, spec: Record, id_key: str, known: dict,
                 problems: list[SourceProblem]) -> dict[str, dict]:
    loaded: dict[str, dict] = {}
    for path in sorted(folder.glob("*.yml")):
        # Only .yaml files are read; a .yml one would otherwise be skipped without a word.
        problems.append(SourceProblem(display_path(path), 0, "",
                                      f"not read: rename it to {path.stem}.yaml"))
    for path in sorted(folder.glob("*.yaml")):
        raw, value = load_record(path, spec, problems, known)
        if value is INVALID:
            continue
        if value[id_key] != path.stem:
            problems.append(SourceProblem(display_path(path), raw.line_of(id_key), id_key,
                                          f"{value[id_key]!r} must equal the file name {path.stem!r}"))
            continue
        loaded[value[id_key]] = value
    if not loaded and not problems:
        problems.append(SourceProblem(display_path(folder), 0, "", "no .yaml files found"))
    return loaded


def load_policy(root: Path, *, prove: bool = True) -> Policy:
    """Everything under `root` (the `policies/` folder), checked; PolicyError lists every problem.

    `prove=False` skips proving the rules' examples: for a published version,
    whose examples were proved when it was published."""
    problems: list[SourceProblem] = []
    wordlists = _load_folder(root / "wordlists", formats.WORDLIST, "id", {}, problems)
    # Rules are checked against the rule ids that exist on disk, so a council
    # naming a rule whose file is merely broken gets the file's own error,
    # not a misleading "unknown rule".
    rule_ids = {p.stem for p in (root / "rules").glob("*.yaml")}
    rules = _load_folder(root / "rules", formats.RULE, "id", {}, problems)
    councils = _load_folder(root / "councils", formats.COUNCIL, "slug", {"rule": rule_ids}, problems)
    _check_wordlist_categories(rules, wordlists, root, problems)
    if problems:
        raise PolicyError(problems)
    policy = Policy(root, wordlists, rules, councils)
    if not prove:
        return policy
    # Imported here: the examples are proved with the checker, which needs a loaded policy.
    from .prove import prove_examples
    problems = prove_examples(policy)
    if problems:
        raise PolicyError(problems)
    return policy


def _check_wordlist_categories(rules, wordlists, root, problems) -> None:
    available = {e["category"] for wl in wordlists.values() for e in wl["entries"]}
    for rule in rules.values():
        if rule["check"]["kind"] != "wordlist":
            continue
        for category in rule["check"]["categories"]:
            if category not in available:
                problems.append(SourceProblem(
                    display_path(root / "rules" / f"{rule['id']}.yaml"), 0, "check.categories",
                    f"no word list has entries in category {category!r}"))
