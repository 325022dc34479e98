"""Timings of the matching engine alone at a given number of stored records, in memory (no database).

Generates the Dutch population (``population.py``) until it has at least ``--records`` stored
records, then measures, each step on its own and in this one process:

- prepare: normalising every record (``engine.prepare``);
- blocking: building the blocks (``BlockPlan``) and enumerating every candidate pair, column-wise
  (``pair_codes``, as find_duplicates does) and one by one (``pairs``, the reference);
- columns: the records as columns (``Columns``) and which pairs are worth comparing one by one
  (``worth_comparing``), with how many are;
- scoring: ``engine.find_duplicate_pairs`` (blocking again, then comparing), with ``--workers``;
- lookup: ``engine.match_one`` for query records against an ``InMemoryIndex`` of all stored
  records (the in-memory stand-in for the database lookup of a new signal), p50 / p95;
- peak memory: the peak resident set of this process (``ru_maxrss``) after each step.

It says nothing about the database (see ``matching_bench.py`` for the whole path); it is for
sizes where the end-to-end import would take hours on a loaded machine.

    .venv/bin/python benchmarks/matching_scale.py --records 1000000 [--workers 2] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import population  # noqa: E402

from schakelpunt.matching import engine  # noqa: E402
from schakelpunt.matching.blocking import BlockPlan, InMemoryIndex, decode_pairs  # noqa: E402
from schakelpunt.matching.columns import Columns  # noqa: E402
from schakelpunt.matching.model import prepare  # noqa: E402
from schakelpunt.matching.score import DEFAULT_THRESHOLDS, prior_log2_odds, surname_frequencies  # noqa: E402


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--queries", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    out: dict = {"records_asked": args.records, "workers": args.workers}

    t0 = time.perf_counter()
    # About 1.5 stored records per person (population.py): ask for a few more persons and cut.
    pop = population.generate(int(args.records / 1.45), args.seed)
    records = pop.records[: args.records]
    queries = pop.queries[: args.queries]
    out["records"] = len(records)
    out["generate_s"] = round(time.perf_counter() - t0, 1)
    out["peak_mb_after_generate"] = round(_peak_mb())
    print(f"generated {len(records)} records in {out['generate_s']} s (peak {out['peak_mb_after_generate']} MB)")

    t0 = time.perf_counter()
    prepared = [prepare(r, cache=False) for r in records]
    out["prepare_s"] = round(time.perf_counter() - t0, 1)
    print(f"prepare {out['prepare_s']} s")

    t0, c0 = time.perf_counter(), time.process_time()
    plan = BlockPlan(prepared)
    t_plan = time.perf_counter() - t0
    t1 = time.perf_counter()
    pairs = len(plan.pair_codes())  # what find_duplicates enumerates (column-wise)
    t_codes = time.perf_counter() - t1
    out["blocking_s"] = round(time.perf_counter() - t0, 1)
    out["blocking_plan_s"] = round(t_plan, 1)
    out["blocking_pair_codes_s"] = round(t_codes, 1)
    out["blocking_cpu_s"] = round(time.process_time() - c0, 1)
    out["candidate_pairs"] = pairs
    out["peak_mb_after_blocking"] = round(_peak_mb())
    t1 = time.perf_counter()
    out["candidate_pairs_one_by_one"] = sum(1 for _ in plan.pairs())  # the reference, pair at a time
    out["blocking_pairs_one_by_one_s"] = round(time.perf_counter() - t1, 1)
    print(
        f"blocking {out['blocking_s']} s (plan {t_plan:.1f} s, pair codes {t_codes:.1f} s, "
        f"CPU {out['blocking_cpu_s']} s), {pairs} candidate pairs "
        f"(one by one: {out['candidate_pairs_one_by_one']} in {out['blocking_pairs_one_by_one_s']} s), "
        f"peak {_peak_mb():.0f} MB"
    )
    t1 = time.perf_counter()
    columns = Columns(prepared, surname_frequencies(prepared))
    out["columns_s"] = round(time.perf_counter() - t1, 1)
    t1 = time.perf_counter()
    left, right = decode_pairs(plan.pair_codes())
    worth = columns.worth_comparing(left, right, DEFAULT_THRESHOLDS, prior_log2_odds(len(prepared)), twins=True)
    out["worth_comparing_s"] = round(time.perf_counter() - t1, 1)
    out["pairs_compared_one_by_one"] = int(worth.sum())
    print(
        f"columns {out['columns_s']} s; worth_comparing {out['worth_comparing_s']} s (with the pair codes again): "
        f"{out['pairs_compared_one_by_one']} of {pairs} pairs left to compare one by one, peak {_peak_mb():.0f} MB"
    )
    del plan, columns, left, right, worth

    t0, c0 = time.perf_counter(), time.process_time()
    found = sum(1 for _ in engine.find_duplicate_pairs(prepared, workers=args.workers, twins=True))
    out["find_duplicate_pairs_s"] = round(time.perf_counter() - t0, 1)
    # CPU time of this process: on a loaded machine the wall time is mostly waiting (workers=1 only).
    out["find_duplicate_pairs_cpu_s"] = round(time.process_time() - c0, 1)
    out["pairs_written"] = found
    out["peak_mb_after_scoring"] = round(_peak_mb())
    print(
        f"find_duplicate_pairs {out['find_duplicate_pairs_s']} s (CPU {out['find_duplicate_pairs_cpu_s']} s), "
        f"{found} pairs, peak {_peak_mb():.0f} MB"
    )

    t0 = time.perf_counter()
    index = InMemoryIndex(prepared)
    out["index_s"] = round(time.perf_counter() - t0, 1)
    times, sizes = [], []
    for q in queries:
        t1 = time.perf_counter()
        cands = index.candidates(q)
        engine.match_one(q, cands, population=len(index))
        times.append(time.perf_counter() - t1)
        sizes.append(len(cands))
    times.sort()
    sizes.sort()

    def pct(values: list, p: float):
        return values[min(len(values) - 1, int(p * len(values)))] if values else None

    out["lookup_ms"] = {"p50": round(pct(times, 0.5) * 1e3, 2), "p95": round(pct(times, 0.95) * 1e3, 2)}
    out["candidates"] = {"p50": pct(sizes, 0.5), "p95": pct(sizes, 0.95), "max": sizes[-1] if sizes else None}
    out["peak_mb"] = round(_peak_mb())
    print(f"lookup in memory: {out['lookup_ms']} ms, candidates {out['candidates']}; peak {out['peak_mb']} MB")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
