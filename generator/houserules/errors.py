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
