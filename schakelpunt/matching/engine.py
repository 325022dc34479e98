"""The matching engine's facade: what the web request, import_persons, find_duplicates and the benchmarks call."""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice, pairwise
from queue import Empty

from . import em
from .blocking import BlockPlan, InMemoryIndex, blocking_keys, decode_pairs
from .columns import Columns
from .model import (
    MATCH,
    NONMATCH,
    POSSIBLE,
    Decision,
    MatchResult,
    PersonRecord,
    PreparedRecord,
    from_profile,
    prepare,
    to_profile,
)
from .score import (
    DEFAULT_POPULATION,
    DEFAULT_THRESHOLDS,
    M_U,
    PHRASE_NO_LOOKALIKE,
    PHRASE_NOT_ENOUGH,
    Thresholds,
    compare,
    compare_batch,
    generation_apart,
    prior_log2_odds,
    probability,
    use_parameters,
)
from .score import surname_frequencies as score_surname_frequencies

__all__ = [
    "InMemoryIndex",
    "blocking_keys",
    "compare",
    "find_duplicate_pairs",
    "from_profile",
    "match_one",
    "prepare",
    "to_profile",
]


def match_one(
    record: PersonRecord | PreparedRecord,
    candidates: Iterable[PersonRecord | PreparedRecord],
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    *,
    population: int = DEFAULT_POPULATION,
    include_nonmatch: bool = False,
    promote_guarded: bool = False,
) -> list[MatchResult]:
    """Compare one record with its candidates (typically those sharing a blocking key).

    ``population`` is the number of stored person records the candidates were looked up
    in: the same agreement is less telling in a larger file (see score.py).

    Returns the results best first; candidates judged "nonmatch" are left out unless
    ``include_nonmatch`` is set, because showing them would disclose personal data of
    people who are not the one being looked up. A candidate with the same ref as the
    record itself is skipped.

    A guarded result (linkable but for a relative who could look the same) stays "possible"
    unless ``promote_guarded`` is set: then it is linked when no other candidate is such a
    relative. Off by default, because the relative a new signal is about may not be in the
    register yet (the held-out twin), and then the link would be wrong; find_duplicates, which
    sees every stored record of both, promotes.
    """
    query = prepare(record)
    prior = prior_log2_odds(population)
    scored = []
    for candidate in candidates:
        other = prepare(candidate)
        if other.ref == query.ref:
            continue
        if include_nonmatch:
            scored.append((compare(query, other, thresholds, population=population), other))
            continue
        # Most candidates of a common surname are certainly someone else: compare_batch stops
        # there, without finishing the comparison or its explanation; the rest is compare()'s.
        result = compare_batch(query, other, thresholds, prior)
        if result is not None:
            scored.append((result, other))
    guarded = [(r, o) for r, o in scored if r.guarded]
    if guarded and promote_guarded:
        shown = [o for r, o in scored if r.decision != NONMATCH]
        for result, other in guarded:
            if not any(_relatives(other, o, thresholds, prior) for o in shown if o is not other):
                _promote(result, thresholds, prior)
    results = [r for r, _ in scored if include_nonmatch or r.decision != NONMATCH]
    results.sort(key=lambda r: (-r.score, r.ref_b))
    return results


def born_a_generation_apart(query: PreparedRecord, candidate: PersonRecord | PreparedRecord) -> bool:
    """Whether compare() would call the two records two people on their birth years alone
    (score.generation_apart) with no BSN on both sides that could overrule it. The web lookup
    skips such a candidate before comparing (or preparing) it: it would never be shown."""
    if isinstance(candidate, PreparedRecord):
        year, estimated, bsn = candidate.year, candidate.estimated, candidate.bsn
    else:
        dob = candidate.geboortedatum
        year, estimated, bsn = (dob.year, dob.estimated, candidate.bsn) if dob else (None, False, candidate.bsn)
    if query.year is None or year is None or (query.bsn and bsn):
        return False
    return generation_apart(abs(query.year - year), query.estimated or estimated)


def _relatives(a: PreparedRecord, b: PreparedRecord, thresholds: Thresholds, prior: float) -> bool:
    """Two records the hard rules call two people (a different given name, a generation apart, another BSN)."""
    return compare_batch(a, b, thresholds, prior) is None


def _promote(result: MatchResult, thresholds: Thresholds, prior: float) -> None:
    """A guarded pair with no look-alike relative among the other records: link it."""
    result.score = max(probability(result.weight, prior), thresholds.match)
    result.decision = thresholds.decide(result.score)
    result.explanation = [w for w in result.explanation if w != PHRASE_NOT_ENOUGH] + [PHRASE_NO_LOOKALIKE]
    result.guarded = False


def resolve_guarded(
    prepared: Sequence[PreparedRecord],
    pairs: Iterable[tuple[int, int, MatchResult]],
    guarded: Iterable[tuple[int, int, MatchResult]],
    thresholds: Thresholds,
    prior: float,
) -> Iterator[MatchResult]:
    """Promote each guarded pair (i, j) unless i or j has another partner k (a pair at least
    "possible", or itself guarded) that the hard rules set apart from the other one: then a
    twin or a namesake relative may be the one meant, and a person decides. Yields every guarded
    result, promoted or not."""
    guarded = list(guarded)
    partners: dict[int, list[int]] = {}
    for i, j, _ in (*pairs, *guarded):
        partners.setdefault(i, []).append(j)
        partners.setdefault(j, []).append(i)
    for i, j, result in guarded:
        ambiguous = any(
            k != j and _relatives(prepared[j], prepared[k], thresholds, prior) for k in partners.get(i, ())
        ) or any(k != i and _relatives(prepared[i], prepared[k], thresholds, prior) for k in partners.get(j, ()))
        if not ambiguous:
            _promote(result, thresholds, prior)
        yield result


@contextmanager
def without_cyclic_gc() -> Iterator[None]:
    """Python's cycle collector off for a batch that makes a million acyclic objects (the prepared
    records and their tuples): each of its passes walks every live object, and they cost more
    than half of reading and preparing them. Reference counting still frees everything; the
    collector is back on afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def find_duplicate_pairs(
    records: Sequence[PersonRecord | PreparedRecord],
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    *,
    include_possible: bool = True,
    workers: int = 1,
    twins: bool = False,
    learn: bool = False,
    promote_guarded: bool = False,
    surname_frequencies: bool = True,
) -> Iterator[tuple]:
    """Likely duplicates within one collection of records, for batch deduplication.

    Yields ``(ref_a, ref_b, score, decision)`` for pairs judged "match" (and "possible"
    unless ``include_possible`` is false). Pairs are not clustered: turning links into
    persons, and the review of "possible" pairs, belong to the caller.

    With ``twins`` each pair has a fifth element, true for a possible twin: a pair with the
    same surname, date of birth and address but a clearly different given name, which the
    engine never links (its score stays below "possible") but lists, after all other pairs
    and with decision "possible", so that a person decides (MatchResult.possible_twin).

    A guarded pair (score.py: linkable but for a twin or namesake who could look the same) stays
    "possible" for a person to judge. With ``promote_guarded=True`` it is linked when neither
    record has another partner that the hard rules set apart from the other one
    (resolve_guarded): more recall, but on the benchmark sets it also linked twins and fathers
    and sons whose sibling was not in the collection, so it is off by default.

    With ``surname_frequencies`` the same surname weighs by how common it is among these records
    (score.surname_frequencies): a rare surname counts for more, a common one for less.

    With ``learn`` the m and u probabilities are first estimated from these records by EM
    (em.estimate, on at most EM_PAIRS of the candidate pairs) and used for this run; the
    hand-set ones are back in place afterwards.

    The candidate pairs (BlockPlan.pair_codes) are scored in order of the records' positions in
    ``records``; only those that Columns.worth_comparing keeps are compared one by one, which
    gives the same rows as comparing every pair (columns.py). With ``workers`` > 1 (and where
    processes can be forked) the columns are built in a forked process while this one enumerates
    the pairs, and the pairs are cut into parts scored in that many processes: this one and
    ``workers - 1`` forked children, which share the prepared records and the pairs
    copy-on-write, each take the next part not yet taken and send back what they found. The
    pairs, their scores and their order are exactly those of one process.
    """
    prepared = [prepare(r, cache=False) for r in records]
    surname_u = score_surname_frequencies(prepared) if surname_frequencies else None
    # The columns (one core) are built while the blocks and pairs are (the other).
    columns = _meanwhile(lambda: Columns(prepared, surname_u), workers > 1)
    plan = BlockPlan(prepared)
    population = len(prepared)
    keep = (MATCH, POSSIBLE) if include_possible else (MATCH,)

    prior = prior_log2_odds(population)
    if learn:
        before = {attr: dict(table) for attr, table in M_U.items()}
        use_parameters(em.estimate(prepared, islice(plan.pairs(), EM_PAIRS)))
        try:
            yield from _scored(
                prepared, plan, columns, thresholds, prior, keep, workers, twins, promote_guarded, surname_u
            )
        finally:
            use_parameters(before)
        return
    yield from _scored(prepared, plan, columns, thresholds, prior, keep, workers, twins, promote_guarded, surname_u)


EM_PAIRS = 200_000


def _meanwhile(build: Callable[[], Columns], parallel: bool) -> Callable[[], Columns]:
    """``build()`` in a forked child process while this one goes on, if ``parallel`` and processes
    can be forked; returns the function that waits for its result (or builds it here)."""
    if not parallel or "fork" not in multiprocessing.get_all_start_methods():
        return build
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        try:
            result: object = build()
        except BaseException as exc:  # reported to the parent, which raises it
            result = exc
        sender.send(result)
        sender.close()

    process = context.Process(target=child, daemon=True)
    gc.freeze()  # the child does not copy the parent's pages just by collecting garbage
    try:
        process.start()
    finally:
        gc.unfreeze()
    sender.close()

    def wait() -> Columns:
        try:
            result = receiver.recv()
        except EOFError:
            raise RuntimeError("the process building the columns ended without a result") from None
        finally:
            receiver.close()
            process.join()
        if isinstance(result, BaseException):
            raise RuntimeError("the process building the columns failed") from result
        return result

    return wait


def _scored(
    prepared, plan, columns_built, thresholds, prior, keep, workers, twins, promote, surname_u=None
) -> Iterator[tuple]:
    codes = plan.pair_codes()
    # Most candidate pairs are plainly two people; they are told apart for a whole part at once
    # (columns.py) and only the rest are compared one by one.
    columns = columns_built()

    def score(first: int, last: int | None) -> Iterator[tuple]:
        left, right = decode_pairs(codes[first:last])
        worth = columns.worth_comparing(left, right, thresholds, prior, twins=twins)
        for i, j in zip(left[worth].tolist(), right[worth].tolist(), strict=True):
            result = compare_batch(prepared[i], prepared[j], thresholds, prior, twins=twins, surname_u=surname_u)
            if result is None:
                continue
            if result.guarded:
                yield i, j, result, "guarded"
            elif result.decision in keep:
                # The row itself: smaller than the result when it comes from another process.
                yield i, j, _row(result, result.decision, twins), ""
            elif result.possible_twin:
                yield i, j, result, "twin"

    if workers <= 1 or len(codes) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        found: Iterator = score(0, None)
    else:
        count = workers * PARTS_PER_WORKER
        bounds = [len(codes) * k // count for k in range(count + 1)]
        parts = [(a, b) for a, b in pairwise(bounds) if b > a]
        found = _in_processes(parts, workers, lambda f, la: list(score(f, la)))
    # Guarded pairs wait until every pair is known (their relatives may come later), and
    # possible twins come last: ranked below the pairs the engine is sure of.
    kept, guarded, later = [], [], []
    for i, j, item, kind in found:  # a result, or for a reported pair its row
        if kind == "guarded":
            guarded.append((i, j, item))
            continue
        if kind == "twin":
            later.append(item)
            continue
        kept.append((i, j, None))
        yield item
    resolved = resolve_guarded(prepared, kept, guarded, thresholds, prior) if promote else (r for *_, r in guarded)
    for result in resolved:
        if result.decision in keep:
            yield _row(result, result.decision, twins)
    for result in later:
        yield _row(result, POSSIBLE, twins)


def _row(result: MatchResult, decision: Decision, twins: bool) -> tuple:
    row = (result.ref_a, result.ref_b, result.score, decision)
    return (*row, result.possible_twin) if twins else row


PARTS_PER_WORKER = 32


def _child(parts: list[tuple[int, int]], take: Callable[[], int], score: Callable, queue) -> None:
    number = -1
    try:
        while (number := take()) < len(parts):
            queue.put((number, score(*parts[number])))
    except BaseException as exc:  # reported to the parent, which raises it
        queue.put((number, exc))
    queue.close()
    queue.join_thread()


def _in_processes(
    parts: list[tuple[int, int]], workers: int, score: Callable[[int, int], list]
) -> Iterator[tuple[str, str, float, Decision]]:
    """Score the parts in this process and ``workers - 1`` forked children, yielded in order.

    Each process takes the next part not yet taken, so a process that is slower (this one also
    writes what is found) takes fewer; what arrives before its turn waits here."""
    context = multiprocessing.get_context("fork")
    counter = context.Value("q", 0)

    def take() -> int:
        with counter.get_lock():
            number = counter.value
            counter.value = number + 1
        return number

    queue = context.Queue()
    children = []
    # Objects made before the fork are never moved by the collector, so the children do not
    # copy the pages of the prepared records just by collecting garbage.
    gc.freeze()
    try:
        for _ in range(1, workers):
            child = context.Process(target=_child, args=(parts, take, score, queue), daemon=True)
            child.start()
            children.append(child)
    finally:
        gc.unfreeze()
    done: dict[int, list] = {}

    def receive(block: bool) -> bool:
        try:
            number, result = queue.get(timeout=1) if block else queue.get_nowait()
        except Empty:
            if block and not any(child.is_alive() for child in children) and queue.empty():
                raise RuntimeError("a scoring process ended without its result") from None
            return False
        if isinstance(result, BaseException):
            raise RuntimeError("a scoring process failed") from result
        done[number] = result
        return True

    try:
        for number in range(len(parts)):
            while number not in done:
                mine = take()
                if mine < len(parts):
                    done[mine] = score(*parts[mine])
                    while receive(block=False):
                        pass
                else:
                    receive(block=True)
            yield from done.pop(number)
        for child in children:
            child.join()
    finally:
        for child in children:
            if child.is_alive():
                child.terminate()
                child.join()
