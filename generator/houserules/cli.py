"""The `houserules` command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import BuildError
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
        elif args.command == "serve":
            from .commands.serve import serve
            serve(args.site, args.host, args.port)
    except PolicyError as exc:
        count = len(exc.problems)
        print(f"{exc}\n{count} problem{'s' if count != 1 else ''} in the policy source; nothing was built.",
              file=sys.stderr)
        return 1
    except (BuildError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
