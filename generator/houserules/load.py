"""Load and validate the whole policy source: word lists, then rules, then
councils (each later kind refers to ids of the earlier ones)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import PolicyError, SourceProblem
from .languages import missing, names
from .schema import INVALID, Context, Record
from .yamlsource import display_path, load_yaml

# The formats are imported where a policy is loaded (load_policy): `houserules
# check` against a published version whose rule pack it has kept
# (checkers.published_pack) loads none, and making the formats was a twentieth
# of it from cold (tests/benchmarks/bench_cli_start.py).
if TYPE_CHECKING:
    from .formats import Council, Rule, Wordlist


@dataclass(frozen=True)
class Policy:
    root: Path
    wordlists: dict[str, Wordlist]
    rules: dict[str, Rule]
    councils: dict[str, Council]
    # Not problems: what each council's sites will not say (settings it does
    # not state, old names), for `validate` to tell the author.
    notes: tuple[SourceProblem, ...] = field(default=(), compare=False)


def load_record(path: Path, spec: Record, problems: list[SourceProblem], known: dict | None = None,
                notes: list[SourceProblem] | None = None) -> tuple[Any, Any]:
    """One YAML file checked against its format: (the parsed YAML, the checked
    value or INVALID; what each is depends on the file and on `spec`), every
    problem added to `problems`, every note to `notes`."""
    try:
        raw = load_yaml(path)
    except PolicyError as exc:
        problems.extend(exc.problems)
        return None, INVALID
    ctx = Context(display_path(path), known=known or {})
    value = spec.check(raw, ctx, "", 1)
    problems.extend(ctx.problems)
    if notes is not None:
        notes.extend(ctx.notes)
    return raw, value


def _load_folder(folder: Path, spec: Record, id_key: str, known: dict, problems: list[SourceProblem],
                 notes: list[SourceProblem] | None = None) -> dict:
    loaded: dict = {}
    if not folder.is_dir():
        problems.append(SourceProblem(display_path(folder), 0, "", "no such folder"))
        return loaded
    for path in sorted(folder.glob("*.yml")):
        # Only .yaml files are read; a .yml one would otherwise be skipped without a word.
        problems.append(SourceProblem(display_path(path), 0, "",
                                      f"not read: rename it to {path.stem}.yaml"))
    for path in sorted(folder.glob("*.yaml")):
        raw, value = load_record(path, spec, problems, known, notes)
        if value is INVALID:
            continue
        given = getattr(value, id_key)
        if given is None:  # an id may be left out: the file name is the id
            value = dataclasses.replace(value, **{id_key: path.stem})
        elif given != path.stem:
            problems.append(SourceProblem(display_path(path), raw.line_of(id_key), id_key,
                                          f"{given!r} must equal the file name {path.stem!r}"))
            continue
        loaded[path.stem] = value
    if not loaded and not problems:
        problems.append(SourceProblem(display_path(folder), 0, "", "no .yaml files found"))
    return loaded


def load_policy(root: Path, *, prove: bool = True) -> Policy:
    """Everything under `root` (the `policies/` folder), checked; PolicyError lists every problem.

    `prove=False` skips proving the rules' examples: for a published version,
    whose examples were proved when it was published."""
    from .formats import Council, Rule, Wordlist
    problems: list[SourceProblem] = []
    notes: list[SourceProblem] = []
    wordlists = _load_folder(root / "wordlists", Wordlist.format(), "id", {}, problems)
    # Rules are checked against the rule ids that exist on disk, so a council
    # naming a rule whose file is merely broken gets the file's own error,
    # not a misleading "unknown rule".
    rule_ids = {p.stem for p in (root / "rules").glob("*.yaml")}
    rules = _load_folder(root / "rules", Rule.format(), "id", {}, problems)
    councils = _load_folder(root / "councils", Council.format(), "slug", {"rule": rule_ids}, problems, notes)
    _check_wordlist_categories(rules, wordlists, root, problems)
    _check_innocent_phrases(wordlists, root, problems)
    _check_rule_languages(rules, councils, root, problems)
    if problems:
        raise PolicyError(problems)
    policy = Policy(root, wordlists, rules, councils, tuple(dict.fromkeys(notes)))
    if not prove:
        return policy
    # Imported here: the examples are proved with the checker, which needs a loaded policy.
    from .prove import prove_examples
    problems = prove_examples(policy)
    if problems:
        raise PolicyError(problems)
    return policy


def _check_wordlist_categories(rules, wordlists, root, problems) -> None:
    available = {e.category for wl in wordlists.values() for e in wl.entries}
    for rule in rules.values():
        if rule.check.kind != "wordlist":
            continue
        for category in rule.check.options["categories"]:
            if category not in available:
                problems.append(SourceProblem(
                    display_path(root / "rules" / f"{rule.id}.yaml"), 0, "check.categories",
                    f"no word list has entries in category {category!r}"))


def _check_innocent_phrases(wordlists, root, problems) -> None:
    """An entry's innocent phrase must hold the entry's term, word for word,
    or it would never be found: the checker looks for it around the term."""
    for wl_id, wordlist in sorted(wordlists.items()):
        raw = None
        for n, entry in enumerate(wordlist.entries):
            for k, phrase in enumerate(entry.innocent_in):
                if f" {entry.term} " in f" {phrase} ":
                    continue
                if raw is None:
                    raw = load_yaml(root / "wordlists" / f"{wl_id}.yaml")
                where = f"entries[{n}].innocent_in[{k}]"
                problems.append(SourceProblem(
                    display_path(root / "wordlists" / f"{wl_id}.yaml"), _line_at(raw, where), where,
                    f"{phrase!r} does not hold the entry's term {entry.term!r} as a word"))


def _check_rule_languages(rules, councils, root, problems) -> None:
    """A council that publishes in Welsh needs each rule it adopts in Welsh:
    the catalogue's texts (title, summary, wording, rationale) are on its
    pages. Each text missing a language is named at its own line."""
    needs: dict[str, dict[str, list[str]]] = {}  # rule id -> language -> councils
    for council in councils.values():
        for rule_id in council.rules.ids:
            for code in council.languages:
                needs.setdefault(rule_id, {}).setdefault(code, []).append(council.slug)
    for rule_id, wanted in sorted(needs.items()):
        rule = rules.get(rule_id)
        if rule is None or set(wanted) <= {"en"}:
            continue
        path = root / "rules" / f"{rule_id}.yaml"
        raw = None
        # The check's texts by the kinds' declarations (a plain text there is
        # missing its Welsh too); the rest by the schema's.
        gaps = [gap for gap in missing(rule, tuple(wanted)) if not gap[0].startswith("check.")] + [
            (where, code) for where, text in shown_in_check(rule.check) for code in wanted
            if code != "en" and code not in getattr(text, "texts", {})]
        for where, code in gaps:
            if raw is None:
                raw = load_yaml(path)
            problems.append(SourceProblem(
                display_path(path), _line_at(raw, where), where,
                f"no text in {names([code])}, which {_councils(sorted(wanted[code]))} in: "
                f"give it as {{en: ..., {code}: ...}}"))


def _councils(slugs: list[str]) -> str:
    """'conwy publishes', 'conwy and swansea publish': the councils adopting a rule in a language."""
    if len(slugs) == 1:
        return f"{slugs[0]} publishes"
    return f"{', '.join(slugs[:-1])} and {slugs[-1]} publish"


def shown_in_check(check) -> list[tuple[str, Any]]:
    """(where, text) for each text of a rule's check that a person reads: a
    text option (a `human` check's reason) and each pattern's why. The
    options are the checker's own data, so the schema's `translate` does not
    reach them: they are found by the kinds' declarations."""
    from houserules_checker.kinds import KINDS

    shown: list[tuple[str, Any]] = []
    for key, option in KINDS[check.kind].options.items():
        value = check.options.get(key)
        if option.type == "text" and value is not None:
            shown.append((f"check.{key}", value))
        elif option.type == "patterns":
            shown += [(f"check.{key}[{n}].why", p["why"]) for n, p in enumerate(value or ()) if p.get("why")]
    return shown


def _line_at(raw, where: str) -> int:
    """The line of `where` ("summary", "examples.breaks[0].text") in a parsed file."""
    line = getattr(raw, "line", 0)
    here = raw
    for part in where.replace("]", "").replace("[", ".").split("."):
        key: Any = int(part) if part.isdigit() else part
        line_of = getattr(here, "line_of", None)
        try:
            next_here = here[key]
        except (KeyError, IndexError, TypeError):
            break
        line = line_of(key) if line_of else line
        here = next_here
    return line
