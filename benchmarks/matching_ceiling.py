"""How far could *any* rule on the engine's comparison levels go? A ceiling for issue 16's aims.

The engine explains every pair it compares in a handful of levels ("zelfde achternaam",
"geboortedatum op één verschrijving na gelijk", "zelfde adres", ...). Two pairs with the same
levels look the same to any rule built on them. This script takes every candidate pair of a
synthetic population (the blocking the engine uses), and for each combination of levels counts
how many of its pairs are truly one person. Ranked by that share, cross-fitted (counted on half
the pairs, applied to the other half), the pairs give the best that any scoring of these levels
could do *knowing the generator's truth*: a supervised ceiling, which no scoring of these levels
without the truth can beat and which flatters itself with what it learns of the generator (how
many twins it makes, for instance). The engine weighs one thing the levels do not name (how common
a surname is), so strictly the ceiling bounds the levels, not the engine.

It prints, for the ceiling and for the engine (`find_duplicate_pairs` with a very low
"possible" threshold, so that its score ranks nearly every candidate pair):

- the best F1 over all thresholds, and the highest recall at precision 0.99 / 0.95 / 0.90 / 0.80;
- the same for the ceiling restricted to the twin and namesake rule (ADR 0010 decisions 4-5):
  no automatic link for a guarded pair, a possible twin, or a pair without separating evidence;
- the combinations of levels, allowed by that rule, whose pairs are at least 99 % one person but
  which the engine mostly does not link.

    python benchmarks/matching_ceiling.py 70000
    python benchmarks/matching_ceiling.py 60000 --generator intl

Synthetic data only; nothing is stored.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import population  # noqa: E402
import population_intl  # noqa: E402
from matching_bench import prf, threshold_curve  # noqa: E402

from schakelpunt.matching import engine  # noqa: E402
from schakelpunt.matching.blocking import candidate_pairs  # noqa: E402
from schakelpunt.matching.model import prepare  # noqa: E402
from schakelpunt.matching.score import (  # noqa: E402
    MATCH_THRESHOLD,
    PHRASE_NOT_ENOUGH,
    POSSIBLE_THRESHOLD,
    Thresholds,
    compare,
)

# Beside the words of the explanation, a combination of levels says whether the pair is held as
# guarded or listed as a possible twin.
GUARDED = ("guarded", True)
TWIN = ("possible twin", True)
PRECISIONS = (0.99, 0.95, 0.90, 0.80)

Pair = tuple[str, str]


def _key(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def _ruled_out(vector: frozenset) -> bool:
    """The twin and namesake rule forbids an automatic link for pairs with these levels."""
    return PHRASE_NOT_ENOUGH in vector or GUARDED in vector or TWIN in vector


def _fold(pair: Pair) -> int:
    return hashlib.blake2b(f"{pair[0]}|{pair[1]}".encode(), digest_size=2).digest()[0] & 1


def _print_curve(name: str, scored: dict[Pair, float], true: set[Pair]) -> None:
    c = threshold_curve(scored, true, PRECISIONS)
    at = "  ".join(f"P≥{t:.2f}: {r:.4f}" for t, r in c["recall_at"].items())
    print(f"{name}\n  best F1 {c['f1']:.4f} (P {c['precision']:.4f} R {c['recall']:.4f}, {c['pairs']} pairs)")
    print(f"  highest recall at  {at}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n_persons", type=int, nargs="?", default=70_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--generator", choices=("nl", "intl"), default="nl")
    parser.add_argument("--show", type=int, default=20, help="how many combinations of levels to list")
    args = parser.parse_args(argv)
    if args.n_persons < 1:
        parser.error("n_persons: at least 1")

    gen = population_intl if args.generator == "intl" else population
    t0 = time.perf_counter()
    pop = gen.generate(args.n_persons, seed=args.seed)
    true: set[Pair] = pop.true_pairs()
    prepared = [prepare(r, cache=False) for r in pop.records]
    n = len(prepared)
    print(f"[{gen.__name__}] {n} records, {len(true)} true pairs (generated in {time.perf_counter() - t0:.0f} s)")

    # The engine's own ranking: every pair it scores at or above a very low threshold.
    t0 = time.perf_counter()
    ours: dict[Pair, float] = {}
    for found in engine.find_duplicate_pairs(prepared, Thresholds(match=MATCH_THRESHOLD, possible=0.0005)):
        ours[_key(found[0], found[1])] = found[2]
    print(f"engine: {len(ours)} pairs scored at or above 0.0005 ({time.perf_counter() - t0:.0f} s)")

    # Every candidate pair, described by its levels (interned: few distinct combinations), and per
    # combination its pairs and true pairs in each half, and how many of them the engine links.
    t0 = time.perf_counter()
    levels: dict[Pair, tuple[frozenset, int]] = {}
    interned: dict[frozenset, frozenset] = {}
    counts: dict[frozenset, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])  # true, all per half; linked
    for i, j in candidate_pairs(prepared):
        result = compare(prepared[i], prepared[j], population=n)
        vector = frozenset(result.explanation) | {(GUARDED[0], result.guarded), (TWIN[0], result.possible_twin)}
        vector = interned.setdefault(vector, vector)
        pair = _key(prepared[i].ref, prepared[j].ref)
        row = counts[vector]
        half = _fold(pair)
        row[half] += pair in true
        row[2 + half] += 1
        row[4] += ours.get(pair, 0.0) >= MATCH_THRESHOLD
        levels[pair] = (vector, half)
    blocked = sum(pair in true for pair in levels)
    print(
        f"candidate pairs {len(levels)}, blocking recall {blocked / max(1, len(true)):.4f}, "
        f"{len(counts)} distinct combinations of levels ({time.perf_counter() - t0:.0f} s)"
    )

    # Cross-fitted: each pair gets the share of true pairs of its combination in the other half.
    share: dict[Pair, float] = {}
    for pair, (vector, half) in levels.items():
        row = counts[vector]
        share[pair] = (row[1 - half] + 0.5) / (row[3 - half] + 1)

    print()
    _print_curve("ceiling: any ranking of the levels, knowing the truth (cross-fitted)", share, true)
    _print_curve(
        "ceiling under the twin and namesake rule (no guarded pair, possible twin or pair without separating evidence)",
        {p: v for p, v in share.items() if not _ruled_out(levels[p][0])},
        true,
    )
    _print_curve("engine: find_duplicate_pairs' score", ours, true)
    for name, threshold in (("match", MATCH_THRESHOLD), ("match or possible", POSSIBLE_THRESHOLD)):
        q = prf({p for p, s in ours.items() if s >= threshold}, true)
        print(f"  at '{name}' ({threshold}): P {q['precision']:.4f} R {q['recall']:.4f}")

    # What the rule allows, is nearly always one person, and the engine does not link.
    missed = []
    for vector, (true_0, true_1, all_0, all_1, linked) in counts.items():
        hits, total = true_0 + true_1, all_0 + all_1
        if total >= 20 and hits >= 0.99 * total and linked < total / 2 and not _ruled_out(vector):
            missed.append((vector, (hits, total, linked)))
    missed.sort(key=lambda item: (-item[1][0], sorted(x for x in item[0] if isinstance(x, str))))
    print(
        f"\nallowed by the rule, at least 99 % one person (20 pairs or more), mostly not linked: "
        f"{len(missed)} combinations, {sum(row[0] for _, row in missed)} true pairs "
        f"({sum(row[0] for _, row in missed) / max(1, len(true)):.4f} of all)"
    )
    for vector, row in missed[: args.show]:
        words = ", ".join(sorted(x for x in vector if isinstance(x, str)))
        print(f"  {row[0]:>6} of {row[1]:<6} linked {row[2]:>5}  {words}")


if __name__ == "__main__":
    main()
