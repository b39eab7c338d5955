"""The `houserules` command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import BuildError
from .versions import PublishError
from .commands.check import InputError
from .errors import PolicyError


def _project_root() -> Path:
    # The project is the folder holding policies/ and mkdocs.yml; commands may
    # be run from anywhere inside it.
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "policies").is_dir() and (folder / "mkdocs.yml").is_file():
            return folder
    return here


def _parser() -> argparse.ArgumentParser:
    root = _project_root()
    parser = argparse.ArgumentParser(prog="houserules", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p_validate = sub.add_parser("validate", help="check the policy source without building")
    p_validate.add_argument("--policies", type=Path, default=root / "policies")

    p_build = sub.add_parser("build", help="build the public and staff sites")
    p_build.add_argument("councils", nargs="*", help="council slugs (default: all)")
    p_build.add_argument("--policies", type=Path, default=root / "policies")
    p_build.add_argument("--out", type=Path, default=root / "site")
    p_build.add_argument("--workers", type=int, default=None, help="parallel MkDocs builds (default: cores)")

    p_check = sub.add_parser(
        "check", help="check a comment (or an export of comments) against a council's rules",
        description="Exit codes: 0 no rule broken, 1 a rule is broken, 2 bad input.")
    p_check.add_argument("text", nargs="?", help="the comment (default: read standard input)")
    p_check.add_argument("--council", required=True, help="council slug, e.g. ashfield")
    p_check.add_argument("--policies", type=Path, default=root / "policies")
    p_check.add_argument("--date", help="the day the comment is posted, YYYY-MM-DD (default: today; in a batch, "
                         "each row's own date): it is checked against the policy version in force that day")
    p_check.add_argument("--source", action="store_true",
                         help="check against the policy source as it is now, not the published version in force")
    p_check.add_argument("--reply-to", help="the post the comment replies to")
    p_check.add_argument("--earlier", action="append", default=[], help="an earlier comment by the same author")
    p_check.add_argument("--json", action="store_true", help="print the findings as JSON")
    p_check.add_argument("--input", help="a CSV or JSON Lines export, one comment a row ('text' column); - for stdin")
    p_check.add_argument("--output", help="where to write the rows with their findings: .csv or .jsonl; - for stdout")
    p_check.add_argument("--record", help="also write the record the policy requires for each broken rule (.csv or .jsonl)")

    p_publish = sub.add_parser(
        "publish", help="freeze a council's current policy as a new published version",
        description="Writes policies/published/<council>/v<N>.yaml and copies of its source files; "
                    "published versions are never edited.")
    p_publish.add_argument("--council", required=True, help="council slug, e.g. ashfield")
    p_publish.add_argument("--effective", required=True, help="the day the version applies from, YYYY-MM-DD")
    p_publish.add_argument("--note", required=True, help="the change note, for residents: what changed and why")
    kind = p_publish.add_mutually_exclusive_group(required=True)
    kind.add_argument("--major", dest="change", action="store_const", const="major",
                      help="rules or rights change")
    kind.add_argument("--minor", dest="change", action="store_const", const="minor",
                      help="wording, contacts or corrections")
    p_publish.add_argument("--sample", action="store_true", help="mark the version as made-up sample history")
    p_publish.add_argument("--policies", type=Path, default=root / "policies")

    p_serve = sub.add_parser("serve", help="preview the built sites locally")
    p_serve.add_argument("--site", type=Path, default=root / "site")
    p_serve.add_argument("--host", default="127.0.0.1")
    p_serve.add_argument("--port", type=int, default=8000)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = _project_root()
    try:
        if args.command == "validate":
            from .commands.validate import validate
            print(validate(args.policies))
        elif args.command == "build":
            from .commands.build import build
            print(build(root, args.councils, args.policies, args.out, args.workers))
        elif args.command == "check":
            return _check(args)
        elif args.command == "publish":
            import tempfile

            from .commands.publish import publish
            from .commands.check import parse_date
            effective = parse_date(args.effective, "--effective")
            with tempfile.TemporaryDirectory() as work:
                print(publish(args.policies, args.council, effective, args.note, args.change, args.sample,
                              Path(work)))
        elif args.command == "serve":
            from .commands.serve import serve
            serve(args.site, args.host, args.port)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except PolicyError as exc:
        count = len(exc.problems)
        print(f"{exc}\n{count} problem{'s' if count != 1 else ''} in the policy source; nothing was built.",
              file=sys.stderr)
        return 1
    except (BuildError, FileNotFoundError, PublishError, FileExistsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def _check(args) -> int:
    import json

    from .commands import check
    from .editions import build_day
    from .load import load_policy

    checkers = check.Checkers(args.policies, load_policy(args.policies), args.council, source=args.source)
    date = check.parse_date(args.date, "--date")
    if args.input:
        return check.check_batch(checkers, args.input, args.output or "-", args.record, date)
    if args.output or args.record:
        raise InputError("--output and --record go with --input")
    text = args.text if args.text is not None else sys.stdin.read()
    day = date or build_day()
    checker = checkers.on(day)
    result = checker.check(text, reply_to=args.reply_to, earlier=args.earlier, date=day)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(check.report(result, checker, text, policy=checkers.describe(day)))
    return check.exit_code([result])


if __name__ == "__main__":
    sys.exit(main())
