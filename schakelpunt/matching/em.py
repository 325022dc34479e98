"""m and u probabilities learned from the register itself by expectation maximisation (Fellegi–Sunter, as in Splink).

Why a small implementation of our own and not Splink or recordlinkage (docs/adr/0001-matching-em.md):
the engine's comparison levels and hard rules are its own (a swapped name, initials, a
guessed age, twins), and both libraries would need the records in their own data frames and
their own comparison definitions, i.e. a second engine. EM itself is twenty lines: what needs
care is what it is fed, which is this module.

- **u** (how often two *different* people land in a level) comes from random pairs of
  records, as Splink's ``estimate_u_using_random_sampling``: almost every random pair is two
  people, so their level frequencies are u.
- **m** (how often two records of *one* person land in a level) and the share of true pairs
  among the candidate pairs come from EM over the blocked candidate pairs, with u held fixed.
  Pairs are grouped by their pattern of levels first, so each iteration costs the number of
  distinct patterns (a few thousand), not the number of pairs.
- Levels seen too rarely keep their hand-set values (``min_count``); every probability is kept
  between 1e-6 and 1 - 1e-6 so that no level becomes proof.

The result is a plain dict {attribute: {level: (m, u)}} for ``score.use_parameters``; the hard
rules, the thresholds and the population prior stay as they are.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence

from .model import PreparedRecord
from .score import ATTRIBUTES, HAND_SET_M_U, MISSING, levels

Parameters = dict[str, dict[str, tuple[float, float]]]
_FLOOR = 1e-6


def u_from_random_pairs(
    records: Sequence[PreparedRecord], pairs: int = 100_000, seed: int = 1
) -> dict[str, Counter[str]]:
    """How many random pairs of records land in each level (MISSING left out): the u counts."""
    rng = random.Random(seed)
    n = len(records)
    counts: dict[str, Counter[str]] = {attr: Counter() for attr in ATTRIBUTES}
    if n < 2:
        return counts
    for _ in range(pairs):
        i, j = rng.randrange(n), rng.randrange(n)
        if i == j:
            continue
        for attr, level in zip(ATTRIBUTES, levels(records[i], records[j], swaps=False), strict=True):
            if level != MISSING:
                counts[attr][level] += 1
    return counts


def _frequencies(counts: dict[str, Counter[str]]) -> Parameters:
    return {
        attr: {lv: (0.0, c / max(1, sum(table.values()))) for lv, c in table.items()} for attr, table in counts.items()
    }


def em(
    patterns: Counter[tuple[str, ...]],
    u: Parameters,
    *,
    share: float = 0.3,
    iterations: int = 30,
    ignore: frozenset[str] = frozenset(),
) -> tuple[dict[str, dict[str, float]], float]:
    """EM for m and the share of true pairs among ``patterns`` (pattern of levels -> number of pairs), u fixed.

    Attributes in ``ignore`` are treated as missing (those the pairs were selected on).
    Returns (m per attribute and level, share of matches).
    """
    m = {attr: {lv: HAND_SET_M_U[attr].get(lv, (0.5, 0.5))[0] for lv in HAND_SET_M_U[attr]} for attr in ATTRIBUTES}

    def u_of(attr: str, level: str) -> float:
        value = u.get(attr, {}).get(level, (0.0, 0.0))[1]
        return max(value, HAND_SET_M_U[attr].get(level, (0.5, _FLOOR))[1] * 0.1, _FLOOR)

    items = list(patterns.items())
    total = sum(patterns.values())
    for _ in range(iterations):
        sums = {attr: Counter() for attr in ATTRIBUTES}
        matched = 0.0
        for pattern, count in items:
            pm, pu = share, 1.0 - share
            for attr, level in zip(ATTRIBUTES, pattern, strict=True):
                if level == MISSING or attr in ignore:
                    continue
                pm *= max(m[attr].get(level, _FLOOR), _FLOOR)
                pu *= u_of(attr, level)
            p = pm / (pm + pu) if pm + pu > 0 else 0.0
            weight = p * count
            matched += weight
            for attr, level in zip(ATTRIBUTES, pattern, strict=True):
                if level != MISSING and attr not in ignore:
                    sums[attr][level] += weight
        share = min(max(matched / max(1, total), _FLOOR), 1 - _FLOOR)
        for attr in ATTRIBUTES:
            seen = sum(sums[attr].values())
            if seen > 0:
                m[attr] = {lv: max(sums[attr].get(lv, 0.0) / seen, _FLOOR) for lv in HAND_SET_M_U[attr]}
    return m, share


def estimate(
    records: Sequence[PreparedRecord],
    candidate_pairs: Iterable[tuple[int, int]],
    *,
    u_pairs: int = 100_000,
    min_count: int = 50,
    seed: int = 1,
) -> Parameters:
    """m and u per attribute and level, learned from ``records`` and their blocked ``candidate_pairs``.

    A level keeps its hand-set (m, u) unless it was seen at least ``min_count`` times among the
    candidate pairs and among the random pairs.
    """
    u_counts = u_from_random_pairs(records, u_pairs, seed)
    u = _frequencies(u_counts)
    patterns: Counter[tuple[str, ...]] = Counter(levels(records[i], records[j]) for i, j in candidate_pairs)
    # As Splink trains: the attributes a set of pairs was selected on say nothing about whether
    # they are one person, so each run learns m for the others only. Pairs sharing a date of
    # birth teach the names, address, phone and sex; pairs sharing both names teach the date of
    # birth and the rest. Training on all blocked pairs at once learns "same family" instead
    # of "same person" (families share surname, address and phone).
    i_dob, i_sn, i_gn = ATTRIBUTES.index("dob"), ATTRIBUTES.index("surname"), ATTRIBUTES.index("given")
    by_dob = Counter({p: c for p, c in patterns.items() if p[i_dob] == "exact"})
    by_name = Counter({p: c for p, c in patterns.items() if p[i_sn] == "exact" and p[i_gn] == "exact"})
    m_dob, _ = em(by_dob, u, ignore=frozenset({"dob"}))
    m_name, _ = em(by_name, u, ignore=frozenset({"surname", "given"}))
    m: dict[str, dict[str, float]] = {}
    for attr in ATTRIBUTES:
        if attr == "dob":
            m[attr] = m_name[attr]
        elif attr in ("surname", "given"):
            m[attr] = m_dob[attr]
        else:
            m[attr] = {lv: (m_dob[attr][lv] + m_name[attr][lv]) / 2 for lv in m_dob[attr]}
    seen = {attr: Counter() for attr in ATTRIBUTES}
    for selected, learned in ((by_dob, ("surname", "given", "address", "phone", "sex", "bsn")), (by_name, ("dob",))):
        for pattern, count in selected.items():
            for attr, level in zip(ATTRIBUTES, pattern, strict=True):
                if attr in learned:
                    seen[attr][level] += count
    result: Parameters = {}
    for attr in ATTRIBUTES:
        for level, (hand_m, hand_u) in HAND_SET_M_U[attr].items():
            learned_m = seen[attr][level] >= min_count
            learned_u = u_counts[attr][level] >= min_count
            if not (learned_m or learned_u):
                continue
            m_value = m[attr].get(level, hand_m) if learned_m else hand_m
            u_value = u[attr][level][1] if learned_u else hand_u
            result.setdefault(attr, {})[level] = (_clamp(m_value), _clamp(u_value))
    return result


def _clamp(p: float) -> float:
    return min(max(p, _FLOOR), 1 - _FLOOR)
