"""Person matching engine: plain Python (no Django) that says "these records are probably the same person, because ...".

The package normalises Dutch names and identifiers, computes blocking keys for a
database index, and scores pairs of person records with an explained
Fellegi–Sunter style model. It never scores a person, only a pair of records
(see shared/DOMAIN.md, the legal frame: no risk scores of persons).

Entry points live in :mod:`schakelpunt.matching.engine`.
"""

from .engine import (
    blocking_keys,
    compare,
    find_duplicate_pairs,
    match_one,
    prepare,
)
from .model import MatchResult, PartialDate, PersonRecord, PreparedRecord
from .score import MATCH_THRESHOLD, POSSIBLE_THRESHOLD, Thresholds

__all__ = [
    "MATCH_THRESHOLD",
    "POSSIBLE_THRESHOLD",
    "MatchResult",
    "PartialDate",
    "PersonRecord",
    "PreparedRecord",
    "Thresholds",
    "blocking_keys",
    "compare",
    "find_duplicate_pairs",
    "match_one",
    "prepare",
]
