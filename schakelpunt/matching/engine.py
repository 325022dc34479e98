"""The matching engine's facade: what the web request, import_persons, find_duplicates and the benchmarks call."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from .blocking import InMemoryIndex, blocking_keys, candidate_pairs
from .model import NONMATCH, Decision, MatchResult, PersonRecord, PreparedRecord, prepare
from .score import DEFAULT_POPULATION, DEFAULT_THRESHOLDS, Thresholds, compare

__all__ = [
    "InMemoryIndex",
    "blocking_keys",
    "compare",
    "find_duplicate_pairs",
    "match_one",
    "prepare",
]


def match_one(
    record: PersonRecord | PreparedRecord,
    candidates: Iterable[PersonRecord | PreparedRecord],
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    *,
    population: int = DEFAULT_POPULATION,
    include_nonmatch: bool = False,
) -> list[MatchResult]:
    """Compare one record with its candidates (typically those sharing a blocking key).

    ``population`` is the number of stored person records the candidates were looked up
    in: the same agreement is less telling in a larger file (see score.py).

    Returns the results best first; candidates judged "nonmatch" are left out unless
    ``include_nonmatch`` is set, because showing them would disclose personal data of
    people who are not the one being looked up. A candidate with the same ref as the
    record itself is skipped.
    """
    query = prepare(record)
    results = []
    for candidate in candidates:
        other = prepare(candidate)
        if other.ref == query.ref:
            continue
        result = compare(query, other, thresholds, population=population)
        if include_nonmatch or result.decision != NONMATCH:
            results.append(result)
    results.sort(key=lambda r: (-r.score, r.ref_b))
    return results


def find_duplicate_pairs(
    records: Sequence[PersonRecord | PreparedRecord],
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    *,
    include_possible: bool = True,
) -> Iterator[tuple[str, str, float, Decision]]:
    """Likely duplicates within one collection of records, for batch deduplication.

    Yields ``(ref_a, ref_b, score, decision)`` for pairs judged "match" (and "possible"
    unless ``include_possible`` is false). Pairs are not clustered: turning links into
    persons, and the review of "possible" pairs, belong to the caller.
    """
    prepared = [prepare(r, cache=False) for r in records]
    population = len(prepared)
    for i, j in candidate_pairs(prepared):
        result = compare(prepared[i], prepared[j], thresholds, population=population)
        if result.decision == NONMATCH:
            continue
        if not include_possible and result.decision != "match":
            continue
        yield result.ref_a, result.ref_b, result.score, result.decision
