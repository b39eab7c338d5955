"""houserules_checker: which of a council's house rules would a comment break, and why.

    from houserules_checker import Checker
    result = Checker(rule_pack).check("text", reply_to=None, earlier=[], date=None)
"""

from .engine import Checker, CheckError
from .findings import BREAKS, MAY_BREAK, NEEDS_PERSON, PASSES, Finding, Match, Result

__all__ = ["Checker", "CheckError", "Finding", "Match", "Result", "BREAKS", "MAY_BREAK", "NEEDS_PERSON",
           "PASSES"]
__version__ = "0.1.0"
