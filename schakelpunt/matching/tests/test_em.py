"""EM for m and u: it recovers known probabilities, learns from a register, and can be undone."""

from __future__ import annotations

import random
from collections import Counter

from .. import em, score
from ..engine import find_duplicate_pairs
from ..model import PartialDate
from ..score import ATTRIBUTES, DIFFERENT, EXACT, MISSING, W
from .helpers import person

D = PartialDate


def _pattern(**levels: str) -> tuple[str, ...]:
    return tuple(levels.get(attr, MISSING) for attr in ATTRIBUTES)


def test_em_recovers_m_and_the_share_of_matches_from_patterns() -> None:
    # 3 000 true pairs with surname m(exact)=0.9 and address m(exact)=0.6; 7 000 others with the
    # u below. EM, with u fixed, must find m and the share again.
    rng = random.Random(3)
    u = {"surname": {EXACT: (0, 0.01), DIFFERENT: (0, 0.99)}, "address": {EXACT: (0, 0.02), DIFFERENT: (0, 0.98)},
         "given": {EXACT: (0, 0.01), DIFFERENT: (0, 0.99)}}  # fmt: skip
    patterns: Counter = Counter()
    for _ in range(3000):
        patterns[_pattern(
            surname=EXACT if rng.random() < 0.9 else DIFFERENT,
            address=EXACT if rng.random() < 0.6 else DIFFERENT,
            given=EXACT if rng.random() < 0.8 else DIFFERENT,
        )] += 1  # fmt: skip
    for _ in range(7000):
        patterns[_pattern(
            surname=EXACT if rng.random() < 0.01 else DIFFERENT,
            address=EXACT if rng.random() < 0.02 else DIFFERENT,
            given=EXACT if rng.random() < 0.01 else DIFFERENT,
        )] += 1  # fmt: skip
    m, share = em.em(patterns, u)
    assert abs(share - 0.3) < 0.02
    assert abs(m["surname"][EXACT] - 0.9) < 0.03
    assert abs(m["address"][EXACT] - 0.6) < 0.03


def _register() -> list:
    rng = random.Random(5)
    names = ["Jan", "Piet", "Anna", "Fatima", "Mohamed", "Sanne", "Kees", "Lotte", "Daan", "Emma"]
    surnames = ["Bakker", "Jansen", "de Vries", "El Amrani", "Visser", "Smit", "Mulder", "Bos", "Kaya", "Nowak"]
    records = []
    for i in range(400):
        given, surname = rng.choice(names), rng.choice(surnames)
        dob = D(rng.randint(1950, 2010), rng.randint(1, 12), rng.randint(1, 28))
        pc = f"{rng.randint(1000, 9999)}AB"
        for k in range(rng.choice((1, 2, 3))):
            records.append(
                person(
                    ref=f"p{i}-{k}",
                    voornamen=given if rng.random() < 0.9 else given[0] + ".",
                    geslachtsnaam=surname,
                    geboortedatum=dob if rng.random() < 0.8 else None,
                    postcode=pc if rng.random() < 0.7 else None,
                    huisnummer=i % 50 + 1,
                )
            )
    return records


def test_estimate_learns_a_high_m_for_the_same_date_of_birth() -> None:
    from ..blocking import candidate_pairs
    from ..model import prepare

    prepared = [prepare(r, cache=False) for r in _register()]
    learned = em.estimate(prepared, candidate_pairs(prepared), u_pairs=20_000, min_count=20)
    m_dob, u_dob = learned["dob"][EXACT]
    assert m_dob > 0.5
    assert m_dob / u_dob > 100
    assert learned["surname"][EXACT][0] > learned["surname"][DIFFERENT][0]


def test_use_parameters_changes_the_weights_and_none_restores_the_hand_set_ones() -> None:
    hand = W["surname"][EXACT]
    score.use_parameters({"surname": {EXACT: (0.5, 0.5)}})
    try:
        assert W["surname"][EXACT] == 0.0
    finally:
        score.use_parameters(None)
    assert W["surname"][EXACT] == hand


def test_find_duplicate_pairs_with_learning_leaves_the_weights_as_they_were() -> None:
    before = {attr: dict(table) for attr, table in W.items()}
    found = list(find_duplicate_pairs(_register(), learn=True))
    assert found
    assert {attr: dict(table) for attr, table in W.items()} == before
