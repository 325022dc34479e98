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
from collections.abc import Mapping
from itertools import groupby
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import population  # noqa: E402
import population_intl  # noqa: E402

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


def curve(score: Mapping[Pair, float], true: set[Pair]) -> dict:
    """Best F1 over every threshold on ``score``, and the highest recall at each precision in PRECISIONS.

    A threshold cannot split pairs with the same score, so the figures are taken only between
    distinct scores (the order of tied pairs would otherwise decide them)."""
    hits = found = 0
    best = (0.0, 0.0, 0.0, 0)
    at: dict[float, float] = dict.fromkeys(PRECISIONS, 0.0)
    for _, tied in groupby(sorted(score.items(), key=lambda item: -item[1]), key=lambda item: item[1]):
        for pair, _ in tied:
            found += 1
            hits += pair in true
        p, r = hits / found, hits / len(true)
        f1 = 2 * p * r / (p + r) if hits else 0.0
        if f1 > best[0]:
            best = (f1, p, r, found)
        for target in PRECISIONS:
            if p >= target and r > at[target]:
                at[target] = r
    return {"f1": best[0], "precision": best[1], "recall": best[2], "pairs": best[3], "recall_at": at}


def _print_curve(name: str, c: dict) -> None:
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

    # Every candidate pair, described by its levels (interned: few distinct combinations).
    t0 = time.perf_counter()
    levels: dict[Pair, frozenset] = {}
    interned: dict[frozenset, frozenset] = {}
    for i, j in candidate_pairs(prepared):
        result = compare(prepared[i], prepared[j], population=n)
        vector = frozenset(result.explanation) | {("guarded", result.guarded), ("possible twin", result.possible_twin)}
        levels[_key(prepared[i].ref, prepared[j].ref)] = interned.setdefault(vector, vector)
    blocked = sum(pair in true for pair in levels)
    print(
        f"candidate pairs {len(levels)}, blocking recall {blocked / len(true):.4f}, "
        f"{len(interned)} distinct combinations of levels ({time.perf_counter() - t0:.0f} s)"
    )

    # Cross-fitted share of true pairs per combination.
    share: dict[Pair, float] = {}
    for fold in (0, 1):
        counts: dict[frozenset, list[int]] = defaultdict(lambda: [0, 0])
        for pair, vector in levels.items():
            if _fold(pair) != fold:
                counts[vector][0] += pair in true
                counts[vector][1] += 1
        for pair, vector in levels.items():
            if _fold(pair) == fold:
                hit, total = counts.get(vector, (0, 0))
                share[pair] = (hit + 0.5) / (total + 1)

    print()
    _print_curve("ceiling: any ranking of the levels, knowing the truth (cross-fitted)", curve(share, true))
    _print_curve(
        "ceiling under the twin and namesake rule (no guarded pair, possible twin or pair without separating evidence)",
        curve({p: v for p, v in share.items() if not _ruled_out(levels[p])}, true),
    )
    _print_curve("engine: find_duplicate_pairs' score", curve(ours, true))
    for name, threshold in (("match", MATCH_THRESHOLD), ("match or possible", POSSIBLE_THRESHOLD)):
        chosen = [p for p, s in ours.items() if s >= threshold]
        hits = sum(p in true for p in chosen)
        print(f"  at '{name}' ({threshold}): P {hits / max(1, len(chosen)):.4f} R {hits / len(true):.4f}")

    # What the rule allows, is nearly always one person, and the engine does not link.
    per_vector: dict[frozenset, list[int]] = defaultdict(lambda: [0, 0, 0])
    for pair, vector in levels.items():
        row = per_vector[vector]
        row[0] += pair in true
        row[1] += 1
        row[2] += ours.get(pair, 0.0) >= MATCH_THRESHOLD
    missed = [
        (vector, row)
        for vector, row in per_vector.items()
        if row[1] >= 20 and row[0] >= 0.99 * row[1] and row[2] < row[1] / 2 and not _ruled_out(vector)
    ]
    missed.sort(key=lambda item: -item[1][0])
    print(
        f"\nallowed by the rule, at least 99 % one person (20 pairs or more), mostly not linked: "
        f"{len(missed)} combinations, {sum(row[0] for _, row in missed)} true pairs "
        f"({sum(row[0] for _, row in missed) / len(true):.4f} of all)"
    )
    for vector, row in missed[: args.show]:
        words = ", ".join(sorted(x for x in vector if isinstance(x, str)))
        print(f"  {row[0]:>6} of {row[1]:<6} linked {row[2]:>5}  {words}")


if __name__ == "__main__":
    main()
