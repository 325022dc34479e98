"""The matching engine's facade: what the web request, import_persons, find_duplicates and the benchmarks call."""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence

from .blocking import BlockPlan, InMemoryIndex, blocking_keys
from .model import MATCH, NONMATCH, POSSIBLE, Decision, MatchResult, PersonRecord, PreparedRecord, prepare
from .score import DEFAULT_POPULATION, DEFAULT_THRESHOLDS, Thresholds, compare, compare_batch, prior_log2_odds

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
    workers: int = 1,
) -> Iterator[tuple[str, str, float, Decision]]:
    """Likely duplicates within one collection of records, for batch deduplication.

    Yields ``(ref_a, ref_b, score, decision)`` for pairs judged "match" (and "possible"
    unless ``include_possible`` is false). Pairs are not clustered: turning links into
    persons, and the review of "possible" pairs, belong to the caller.

    With ``workers`` > 1 (and where processes can be forked) the blocks are scored in that
    many processes: this one and ``workers - 1`` forked children, which share the prepared
    records copy-on-write and send back their pairs. The pairs, their scores and their
    order are exactly those of one process.
    """
    prepared = [prepare(r, cache=False) for r in records]
    plan = BlockPlan(prepared)
    population = len(prepared)
    keep = (MATCH, POSSIBLE) if include_possible else (MATCH,)

    prior = prior_log2_odds(population)

    def score(first: int, last: int | None) -> Iterator[tuple[str, str, float, Decision]]:
        for i, j in plan.pairs(first, last):
            result = compare_batch(prepared[i], prepared[j], thresholds, prior)
            if result is not None and result.decision in keep:
                yield result.ref_a, result.ref_b, result.score, result.decision

    if workers <= 1 or len(plan) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from score(0, None)
        return
    yield from _in_processes(plan.parts(workers * PARTS_PER_WORKER), workers, lambda f, la: list(score(f, la)))


PARTS_PER_WORKER = 32


def _child(parts: list[tuple[int, int]], mine: int, workers: int, score: Callable, queue) -> None:
    try:
        for number, (first, last) in enumerate(parts):
            if number % workers == mine:
                queue.put(score(first, last))
    except BaseException as exc:  # reported to the parent, which raises it
        queue.put(exc)
    queue.close()
    queue.join_thread()


def _in_processes(
    parts: list[tuple[int, int]], workers: int, score: Callable[[int, int], list]
) -> Iterator[tuple[str, str, float, Decision]]:
    """Score the parts round-robin: part k in process k % workers (0 is this one), yielded in order."""
    context = multiprocessing.get_context("fork")
    # Objects made before the fork are never moved by the collector, so the children do not
    # copy the pages of the prepared records just by collecting garbage.
    gc.freeze()
    queues, children = {}, []
    try:
        for mine in range(1, workers):
            queues[mine] = context.Queue()
            child = context.Process(target=_child, args=(parts, mine, workers, score, queues[mine]), daemon=True)
            child.start()
            children.append(child)
    finally:
        gc.unfreeze()
    try:
        for number, (first, last) in enumerate(parts):
            owner = number % workers
            if owner == 0:
                yield from score(first, last)
                continue
            result = queues[owner].get()
            if isinstance(result, BaseException):
                raise RuntimeError("a scoring process failed") from result
            yield from result
        for child in children:
            child.join()
    finally:
        for child in children:
            if child.is_alive():
                child.terminate()
                child.join()
