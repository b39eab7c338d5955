"""The real policy source (policies/), loaded once in each test process.

Many test modules read it as they are imported, to parametrise their tests
by council or by rule: each load took about 0.3 s (0.5 s with the rules'
examples proved), 3.3 s of every process's collection. The examples are
proved by the tests that check them (tests/test_rule_examples.py), not here.
Tests only read what this returns.
"""

from __future__ import annotations

import functools
from pathlib import Path

from houserules.load import Policy, load_policy

ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def policy() -> Policy:
    return load_policy(ROOT / "policies", prove=False)
