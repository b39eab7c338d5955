"""The `houserules` command line.

Every command works on a project: the folder holding `policies/` and
`mkdocs.yml`, found from the current folder upwards, or given with
`--project DIR`. Errors are HouserulesError, caught here once: `error:` and
the message on stderr, and the error's exit code (1 for a problem in the
policy or the build, 2 for bad input). A command given a language
(`check --language cy`) says its errors in it, once the command line is read;
argparse's own errors come before, and stay English.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .errors import HouserulesError, PolicyError, UsageError
from .messages import translator
from .wording import count


def find_project(given: Path | None, language: str = "en") -> Path:
    """The project folder: `given` (--project), or the nearest folder at or
    above the current one that holds policies/ and mkdocs.yml (else an error in `language`)."""
    _ = translator(language)

    def is_project(folder: Path) -> bool:
        return (folder / "policies").is_dir() and (folder / "mkdocs.yml").is_file()

    if given is not None:
        folder = given.expanduser().resolve()
        if not is_project(folder):
            raise UsageError(f"--project {given}: " + _("not a houserules project (it needs policies/ and "
                                                          "mkdocs.yml)"))
        return folder
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if is_project(folder):
            return folder
    raise UsageError(_("no houserules project in %(here)s or any folder above it (a project holds policies/ and "
                       "mkdocs.yml): run houserules inside one, or give --project DIR", here=here))


def _parser() -> argparse.ArgumentParser:
    # --project is accepted before or after the command's name.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--project", type=Path, default=argparse.SUPPRESS,
                        help="the project folder (default: the nearest one at or above the current folder)")
    parser = argparse.ArgumentParser(prog="houserules", description="Publish a council's social media house rules.",
                                     parents=[common])
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, **kw) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[common], **kw)

    def policies_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--policies", type=Path, help="the policy source (default: the project's policies/)")

    p_validate = command("validate",
                         help="check the policy source without building; warn of what the sites will not say")
    policies_option(p_validate)

    p_build = command("build", help="build the public and staff sites")
    p_build.add_argument("councils", nargs="*", help="council slugs (default: all)")
    policies_option(p_build)
    p_build.add_argument("--out", type=Path, help="where the sites go (default: the project's site/)")
    p_build.add_argument("--workers", type=int, default=None,
                         help="site builds at once (default: HOUSERULES_WORKERS, else one per core; "
                              "1 builds in this process)")
    p_build.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs",
                         help="what builds each site: MkDocs + Material (default), or Zensical, its named "
                              "successor (optional: make zensical; README, 'Zensical')")

    p_check = command(
        "check", help="check a comment (or an export of comments) against a council's rules",
        description="Exit codes: 0 no rule broken, 1 a rule is broken, 2 bad input (with --input: a row "
                    "that could not be read or checked, named in its 'error' column).")
    p_check.add_argument("text", nargs="?", help="the comment (default: read standard input)")
    p_check.add_argument("--council", required=True,
                         help="the council: its slug or name, any case, e.g. ashfield or 'Ashfield District Council'")
    policies_option(p_check)
    p_check.add_argument("--date", help="the day the comment is posted, YYYY-MM-DD (default: today; in a batch, "
                         "each row's own date): it is checked against the policy version in force that day")
    p_check.add_argument("--source", action="store_true",
                         help="check against the policy source as it is now, not the published version in force")
    p_check.add_argument("--reply-to", help="the post the comment replies to")
    p_check.add_argument("--earlier", action="append", default=[], help="an earlier comment by the same author")
    p_check.add_argument("--json", action="store_true", help="print the findings as JSON")
    p_check.add_argument("--language", choices=("en", "cy"), default="en",
                         help="the language of the report, the rules and the reasons, for a council that "
                              "publishes in Welsh too (default: en)")
    p_check.add_argument("--input", help="an export, one comment a row: .csv, .tsv, .jsonl or .xlsx (Meta Business "
                         "Suite's, X's and Instagram's columns are recognised); - for JSON Lines on stdin")
    for field, holds in (("text", "the comment"), ("author", "the author's name"), ("handle", "the author's handle"),
                         ("date", "the date it was posted"), ("reply-to", "the post it replies to"),
                         ("platform", "the platform"), ("earlier", "the author's earlier comments")):
        p_check.add_argument(f"--{field}-column", metavar="NAME",
                             help=f"with --input: the column (or JSON field) that holds {holds}")
    p_check.add_argument("--sheet", help="with an .xlsx --input: the sheet to read (default: the first)")
    p_check.add_argument("--output", help="where to write the rows with their findings: .csv (with readable "
                         "columns: rules broken, may break, words, why) or .jsonl; - for stdout")
    p_check.add_argument("--record",
                         help="also write the record the policy requires for each broken rule (.csv or .jsonl)")
    p_check.add_argument("--jobs", type=_positive, default=None, metavar="N",
                         help="with --input: check in N worker processes (default: every core; 1: in this process)")

    p_publish = command(
        "publish", help="freeze a council's current policy as a new published version",
        description="Writes policies/published/<council>/v<N>.yaml and copies of its source files; "
                    "published versions are never edited. With --corrects N, the new version is version N "
                    "with the edit made to the source since it was last published: a correction of the "
                    "version in force (or of one still to come) that does not wait for later versions.")
    p_publish.add_argument("--council", required=True, help="council slug, e.g. ashfield")
    p_publish.add_argument("--effective", help="the day the version applies from, YYYY-MM-DD (needed unless "
                           "--corrects: a correction applies from today, or from the day of the version it "
                           "corrects when that is still to come)")
    p_publish.add_argument("--note", required=True, help="the change note, for residents: what changed and why")
    p_publish.add_argument("--note-cy", help="the change note in Welsh, for a council that publishes in Welsh too")
    p_publish.add_argument("--corrects", type=_positive, metavar="N",
                           help="publish a correction of version N: its files with the source's edit")
    kind = p_publish.add_mutually_exclusive_group()
    kind.add_argument("--major", dest="change", action="store_const", const="major",
                      help="rules or rights change")
    kind.add_argument("--minor", dest="change", action="store_const", const="minor",
                      help="wording, contacts or corrections")
    p_publish.add_argument("--sample", action="store_true", help="mark the version as made-up sample history")
    policies_option(p_publish)

    p_serve = command("serve", help="preview the built sites locally")
    p_serve.add_argument("--site", type=Path, help="the built sites (default: the project's site/)")
    p_serve.add_argument("--host", default="127.0.0.1")
    p_serve.add_argument("--port", type=int, default=8000)

    p_rules = command("rules", help="list the rules in the catalogue and the check kinds a rule can use")
    policies_option(p_rules)

    p_new_rule = command("new-rule", help="start a new rule in the catalogue: policies/rules/ID.yaml")
    p_new_rule.add_argument("id", help="the rule's id: lower-case words joined by hyphens, e.g. 'no-spoilers'")
    p_new_rule.add_argument("--kind", required=True, help="how the checker judges it (see houserules rules)")
    policies_option(p_new_rule)

    p_new_council = command("new-council", help="start a council: policies/councils/SLUG.yaml, every field explained")
    p_new_council.add_argument("slug", help="the council's address in the sites, e.g. 'riverside'")
    p_new_council.add_argument("--name", required=True, help="the council's name, e.g. 'Riverside Borough Council'")
    p_new_council.add_argument("--website", required=True, help="the council's website, https://...")
    p_new_council.add_argument("--name-cy", help="the council's name in Welsh: a council that publishes in Welsh "
                               "and English, with a site in each")
    p_new_council.add_argument("--rule", action="append", default=[], dest="rules",
                               help="a rule the council adopts (repeat for each; see houserules rules)")
    policies_option(p_new_council)

    p_reference = command("reference",
                          help="write the policy format reference, policies/FORMAT.md, from the declarations")
    p_reference.add_argument("--check", action="store_true",
                             help="only say whether FORMAT.md is up to date (exit 1 if not)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        code = _run(args)
        sys.stdout.flush()  # here, where a reader gone away is caught below, not at exit
        return code
    except PolicyError as exc:
        # What did not happen because of them: validate only looks.
        undone = {"build": "; nothing was built", "publish": "; nothing was published",
                  "check": "; nothing was checked"}.get(args.command, "")
        print(f"{exc}\n{count(len(exc.problems), 'problem')} in the policy source{undone}.", file=sys.stderr)
        return exc.exit_code
    except HouserulesError as exc:
        _ = translator(getattr(args, "language", "en"))
        print(_("error: %(message)s", message=exc), file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # The reader stopped reading (`houserules check ... | head`): not an
        # error of ours. Point stdout at nothing so Python's exit flush is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _run(args) -> int:
    root = find_project(getattr(args, "project", None), getattr(args, "language", "en"))
    policies = getattr(args, "policies", None) or root / "policies"
    if args.command == "validate":
        from .commands.validate import validate
        summary, warnings = validate(policies)
        for warning in warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(summary)
    elif args.command == "build":
        from .commands.build import build
        print(build(root, args.councils, policies, args.out or root / "site", args.workers, args.engine))
    elif args.command == "check":
        return _check(args, policies)
    elif args.command == "publish":
        import tempfile

        from .commands.check import parse_date
        from .commands.publish import publish
        effective = parse_date(args.effective, "--effective")
        if args.corrects is None and (effective is None or args.change is None):
            raise UsageError("publish needs --effective YYYY-MM-DD and --major or --minor (or --corrects N, "
                             "to correct a published version)")
        change = args.change or "minor"  # a correction is normally a minor change
        with tempfile.TemporaryDirectory() as work:
            note = {"en": args.note, "cy": args.note_cy} if args.note_cy else args.note
            print(publish(policies, args.council, effective, note, change, args.sample, Path(work),
                          corrects=args.corrects))
    elif args.command == "serve":
        from .commands.serve import serve
        serve(args.site or root / "site", args.host, args.port)
    elif args.command == "rules":
        from .commands.rules import rules
        print(rules(policies))
    elif args.command == "new-rule":
        from .commands.new_rule import new_rule
        print(new_rule(policies, args.id, args.kind))
    elif args.command == "new-council":
        from .commands.new_council import new_council
        print(new_council(policies, args.slug, args.name, args.website, args.rules, args.name_cy))
    elif args.command == "reference":
        from .commands.reference import reference
        message, ok = reference(policies, check_only=args.check)
        print(message)
        return 0 if ok else 1
    return 0


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of 1 or more")
    return number


def _check(args, policies: Path) -> int:
    import json

    from .checkers import Checkers
    from .commands import check
    from .editions import build_day
    from .export_columns import FIELDS

    _ = translator(args.language)
    if args.input and args.text is not None:
        raise UsageError(_("give one comment, or --input, not both"))
    # The source is loaded only if it is needed.
    checkers = Checkers(policies, None, args.council, source=args.source, language=args.language)
    date = check.parse_date(args.date, "--date", args.language)
    columns = {field: name for field in FIELDS if (name := getattr(args, f"{field}_column"))}
    if args.input:
        from .batch import check_batch  # not for one comment: it brings the process pool (a quarter of a start)

        return check_batch(checkers, args.input, args.output or "-", args.record, date, jobs=args.jobs,
                           columns=columns, sheet=args.sheet)
    if args.output or args.record or args.jobs or columns or args.sheet:
        raise UsageError(_("--output, --record, --jobs, --sheet and the --...-column options go with --input"))
    text = args.text if args.text is not None else check.read_stdin(args.language)
    day = date or build_day()
    checker = checkers.on(day)
    result = check.check_one(checker, text, reply_to=args.reply_to, earlier=args.earlier, day=day)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(check.report(result, checker, text, policy=checkers.describe(day)))
    return check.exit_code([result])


if __name__ == "__main__":
    sys.exit(main())
