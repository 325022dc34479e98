"""Tests of the engine facade: match_one for the web request and find_duplicate_pairs for batches."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ..engine import blocking_keys, find_duplicate_pairs, match_one, prepare
from ..model import PartialDate
from .helpers import person, slots

D = PartialDate


def family():
    """A father, his namesake son, twins, and two records of the mother."""
    shared = {"geslachtsnaam": "Jansen", "postcode": "1234AB", "huisnummer": 7}
    return [
        person(ref="father", voornamen="Jan Hendrik", geboortedatum=D(1965, 2, 1), geslacht="M", **shared),
        person(ref="son", voornamen="Jan Hendrik", geboortedatum=D(1992, 8, 30), geslacht="M", **shared),
        person(ref="twin-a", voornamen="Lotte", geboortedatum=D(2010, 4, 4), geslacht="V", **shared),
        person(ref="twin-b", voornamen="Fleur", geboortedatum=D(2010, 4, 4), geslacht="V", **shared),
        person(
            ref="mother-1",
            voornamen="Maria",
            voorvoegsel="de",
            geslachtsnaam="Vries",
            geboortedatum=D(1966, 11, 3),
            postcode="1234AB",
            huisnummer=7,
        ),
        person(
            ref="mother-2",
            voornamen="M.",
            geslachtsnaam="Jansen-de Vries",
            geboortedatum=D(1966, 11, 3),
            telefoon=["06-11112222"],
        ),
        person(ref="mother-3", voornamen="Maria", geslachtsnaam="de Vries", geboortedatum=D(1966, 11, 3)),
    ]


def test_find_duplicate_pairs_links_the_mother_and_nobody_else() -> None:
    found = {(a, b): decision for a, b, _score, decision in find_duplicate_pairs(family())}
    assert found[("mother-1", "mother-3")] == "match"
    # Initials only: shown for a person to decide, not linked (a twin may not be in the batch).
    assert found[("mother-1", "mother-2")] == "possible"
    assert all({a, b} <= {"mother-1", "mother-2", "mother-3"} for a, b in found)


def test_guarded_pairs_are_linked_only_when_asked_and_no_relative_is_in_the_batch() -> None:
    found = {(a, b): d for a, b, _score, d in find_duplicate_pairs(family(), promote_guarded=True)}
    assert found[("mother-1", "mother-2")] == "match"


def test_initials_are_not_linked_when_a_twin_with_that_initial_is_in_the_batch() -> None:
    twin = person(
        ref="mother-twin", voornamen="Mirjam", voorvoegsel="de", geslachtsnaam="Vries", geboortedatum=D(1966, 11, 3)
    )
    batch = [*family(), twin]
    found = {(a, b): decision for a, b, _score, decision in find_duplicate_pairs(batch, promote_guarded=True)}
    assert found[("mother-1", "mother-3")] == "match"
    assert found[("mother-1", "mother-2")] == "possible"
    assert ("mother-1", "mother-twin") not in found


def test_find_duplicate_pairs_can_leave_out_the_grey_zone() -> None:
    found = list(find_duplicate_pairs(family(), include_possible=False))
    assert {(a, b) for a, b, _s, _d in found} == {("mother-1", "mother-3")}


def test_match_one_sorts_best_first_and_hides_nonmatches() -> None:
    stored = family()
    query = person(ref="q", voornamen="Maria", geslachtsnaam="Vries", voorvoegsel="de", geboortedatum=D(1966, 11, 3))
    results = match_one(query, stored)
    refs = [r.ref for r in results]
    assert refs[:2] == ["mother-1", "mother-3"] or refs[:2] == ["mother-3", "mother-1"]
    assert "father" not in refs and "twin-a" not in refs
    assert [r.score for r in results] == sorted((r.score for r in results), reverse=True)
    everything = match_one(query, stored, include_nonmatch=True)
    assert len(everything) == len(stored)


def test_match_one_skips_the_record_itself() -> None:
    stored = family()
    assert all(r.ref != "father" for r in match_one(stored[0], stored, include_nonmatch=True))


def test_facade_accepts_prepared_records() -> None:
    stored = [prepare(r) for r in family()]
    assert blocking_keys(stored[0]) == blocking_keys(family()[0])
    assert match_one(stored[4], stored)


def test_the_engine_imports_nothing_of_django() -> None:
    package = Path(__file__).resolve().parent.parent
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n == "django" or n.startswith("django.") for n in names), path


def _small_population(n: int = 600) -> list:
    """Namesakes, typos and shared addresses, so blocks of every size (also windowed ones) occur."""
    import random

    rng = random.Random(7)
    first = ["Jan", "Johannes", "Piet", "Maria", "Fatima", "Mohamed", "Anouk", "Lotte", "Kees", "Sanne"]
    last = ["Jansen", "Janssen", "de Vries", "Bakker", "el Amrani", "Smit", "Visser", "Bakkali"]
    out = []
    for i in range(n):
        year = rng.choice([1960, 1961, 1975, 1990, 2004])
        out.append(
            person(
                ref=f"r{i}",
                voornamen=rng.choice(first),
                geslachtsnaam=rng.choice(last),
                geboortedatum=D(year, rng.randint(1, 2), rng.randint(1, 3)) if rng.random() < 0.8 else None,
                postcode=rng.choice(["1234AB", "2345BC", None]),
                huisnummer=rng.randint(1, 3),
            )
        )
    return out


def test_find_duplicate_pairs_in_two_processes_is_exactly_one_process() -> None:
    records = _small_population()
    serial = list(find_duplicate_pairs(records))
    assert len(serial) > 100
    assert list(find_duplicate_pairs(records, workers=2)) == serial
    assert list(find_duplicate_pairs(records, workers=3, include_possible=False)) == list(
        find_duplicate_pairs(records, include_possible=False)
    )


def test_compare_batch_is_compare_or_a_certain_nonmatch() -> None:
    from itertools import combinations

    from ..score import DEFAULT_THRESHOLDS, compare, compare_batch, prior_log2_odds

    records = [prepare(r, cache=False) for r in _small_population(120)]
    prior = prior_log2_odds(len(records))
    stopped = 0
    for a, b in combinations(records, 2):
        full = compare(a, b, population=len(records))
        quick = compare_batch(a, b, DEFAULT_THRESHOLDS, prior)
        if quick is None:
            stopped += 1
            assert full.decision == "nonmatch"
        else:
            assert (quick.score, quick.decision, quick.explanation) == (full.score, full.decision, full.explanation)
        # With twins asked for, a stop also means: not a possible twin.
        quick = compare_batch(a, b, DEFAULT_THRESHOLDS, prior, twins=True)
        if quick is None:
            assert full.decision == "nonmatch" and not full.possible_twin
        else:
            assert (quick.score, quick.possible_twin, quick.explanation) == (
                full.score,
                full.possible_twin,
                full.explanation,
            )
    assert stopped > 0


def test_compare_batch_stops_at_two_different_bsns() -> None:
    from ..score import DEFAULT_THRESHOLDS, compare, compare_batch, prior_log2_odds

    a = prepare(person(ref="a", voornamen="Anna", geslachtsnaam="Visser", bsn="111222333"), cache=False)
    b = prepare(person(ref="b", voornamen="Anna", geslachtsnaam="Visser", bsn="123456782"), cache=False)
    assert compare(a, b).decision == "nonmatch"
    assert compare_batch(a, b, DEFAULT_THRESHOLDS, prior_log2_odds(1000), twins=True) is None


def test_match_one_gives_what_compare_gives_for_every_candidate_it_shows() -> None:
    from ..score import compare

    records = [prepare(r, cache=False) for r in _small_population(300)]
    shown = 0
    for query in records[:60]:
        results = match_one(query, records, population=len(records))
        expected = [compare(query, other, population=len(records)) for other in records if other.ref != query.ref]
        expected = sorted((r for r in expected if r.decision != "nonmatch"), key=lambda r: (-r.score, r.ref_b))
        assert [(r.ref_b, r.score, r.decision, r.explanation) for r in results] == [
            (r.ref_b, r.score, r.decision, r.explanation) for r in expected
        ]
        shown += len(results)
    assert shown > 50


def test_leaving_out_candidates_born_a_generation_apart_changes_no_result() -> None:
    from ..engine import born_a_generation_apart

    records = _small_population(300)
    skipped = 0
    for query in records[:60]:
        q = prepare(query)
        kept = [c for c in records if not born_a_generation_apart(q, c)]
        skipped += len(records) - len(kept)
        everyone = [(r.ref_b, r.score, r.decision) for r in match_one(query, records, population=len(records))]
        assert [(r.ref_b, r.score, r.decision) for r in match_one(query, kept, population=len(records))] == everyone
    assert skipped > 1000


def test_a_generation_apart_is_not_decided_where_a_bsn_could_overrule_it() -> None:
    from ..engine import born_a_generation_apart

    father = person(voornamen="Jan", geslachtsnaam="Smit", geboortedatum=D(1960, 1, 2), bsn="111222333")
    son = person(voornamen="Jan", geslachtsnaam="Smit", geboortedatum=D(1990, 1, 2))
    assert born_a_generation_apart(prepare(son), father) is True  # one BSN overrules nothing
    assert born_a_generation_apart(prepare(father), son) is True
    # A BSN on both sides: compare() must see them (the same BSN overrules the years).
    son_with_bsn = person(voornamen="Jan", geslachtsnaam="Smit", geboortedatum=D(1990, 1, 2), bsn="111222333")
    assert born_a_generation_apart(prepare(son_with_bsn), father) is False
    guessed = person(voornamen="Jan", geslachtsnaam="Smit", geboortedatum=D(1977, estimated=True))
    assert born_a_generation_apart(prepare(guessed), son) is False  # 13 years, and a guess
    assert born_a_generation_apart(prepare(person(geslachtsnaam="Smit")), son) is False


def test_a_stored_profile_gives_back_the_prepared_record() -> None:
    from ..model import PROFILE_VERSION, from_profile, to_profile

    for record in _small_population(200):
        p = prepare(record, cache=False)
        assert slots(from_profile(to_profile(p), p.ref)) == slots(p)
    text = to_profile(prepare(_small_population(1)[0], cache=False))
    # Another version of the normalisation, garbage or nothing: prepare the record itself.
    assert from_profile(text.replace(f"[{PROFILE_VERSION},", f"[{PROFILE_VERSION + 1},", 1), "x") is None
    assert from_profile("{not json", "x") is None


def test_a_stored_profile_with_a_value_of_the_wrong_kind_is_not_used() -> None:
    import json

    from ..model import _PROFILE_FIELDS, from_profile, to_profile

    good = json.loads(to_profile(prepare(_small_population(1)[0], cache=False)))
    assert from_profile(json.dumps(good), "x") is not None
    position = {name: i + 1 for i, name in enumerate(_PROFILE_FIELDS)}
    for name, wrong in (
        ("year", "1980"),
        ("year", True),
        ("estimated", 0),
        ("sn_stem", 12),
        ("bsn", ["123456782"]),
        ("phones", "0612345678"),
        ("phones", [612345678]),
        ("gn_names", None),
    ):
        damaged = list(good)
        damaged[position[name]] = wrong
        # Compared, such a value would fail (a year as text) or mislead: prepare the record itself.
        assert from_profile(json.dumps(damaged), "x") is None, (name, wrong)
    assert from_profile("[1, 2]", "x") is None
    assert from_profile("", "x") is None


def _slow_on_even(first: int, last: int) -> list:
    import time

    if first % 2 == 0:
        time.sleep(0.01)
    return list(range(first, last))


def test_parts_scored_in_processes_come_back_in_order() -> None:
    from ..engine import _in_processes

    parts = [(k * 3, k * 3 + 3) for k in range(40)]
    assert list(_in_processes(parts, 3, _slow_on_even)) == list(range(120))


def test_a_failing_scoring_process_is_reported() -> None:
    import os

    from ..engine import _in_processes

    parent = os.getpid()

    def fails_in_a_child(first: int, last: int) -> list:
        if os.getpid() != parent:
            raise ValueError("kapot")
        import time

        time.sleep(0.02)  # leave parts to the child
        return [first]

    with pytest.raises(RuntimeError, match="failed"):
        list(_in_processes([(k, k + 1) for k in range(20)], 2, fails_in_a_child))


def test_a_scoring_process_that_dies_is_reported() -> None:
    import os

    from ..engine import _in_processes

    parent = os.getpid()

    def dies_in_a_child(first: int, last: int) -> list:
        if os.getpid() != parent:
            os._exit(3)
        import time

        time.sleep(0.02)
        return [first]

    with pytest.raises(RuntimeError, match="without its result"):
        list(_in_processes([(k, k + 1) for k in range(20)], 2, dies_in_a_child))
