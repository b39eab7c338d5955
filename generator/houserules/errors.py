"""The errors the command line reports, under one base class (as MkDocs'
exceptions.py): each says what went wrong in words an author can act on, and
the command line catches them in one place and exits with their code. A
traceback means a bug in houserules, never bad input.

Problems in the policy source point at it: file, line and field.
"""

from __future__ import annotations

from dataclasses import dataclass


class HouserulesError(Exception):
    """A failure to report as `error: <message>`, with exit code `exit_code`."""

    exit_code = 1


class UsageError(HouserulesError):
    """Bad input to a command (an unknown council, an unreadable file, no project): exit code 2."""

    exit_code = 2


class InputError(UsageError):
    """A problem with the comments given to check (not with the policy)."""


class Interrupted(HouserulesError):
    """Ctrl+C or a kill (SIGTERM, SIGHUP) during a batch: nothing is written. Exit code 128 + the signal."""

    exit_code = 130

    def __init__(self, message: str, exit_code: int = 130):
        super().__init__(message)
        self.exit_code = exit_code


@dataclass(frozen=True, order=True)
class SourceProblem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class PolicyError(HouserulesError):
    """One or more problems in the policy source; nothing may be built from it."""

    def __init__(self, problems: list[SourceProblem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
