"""Twins and namesakes: never an automatic link; possible twins listed apart, last, as "mogelijk tweeling"."""

from __future__ import annotations

from ..engine import find_duplicate_pairs, match_one
from ..model import PartialDate
from ..score import PHRASE_NO_LOOKALIKE, PHRASE_TWIN, compare
from .helpers import person

D = PartialDate
HOME = {"geslachtsnaam": "Visser", "postcode": "2345CD", "huisnummer": 3, "geboortedatum": D(2012, 6, 3)}


def test_twins_are_a_nonmatch_flagged_as_possible_twins() -> None:
    result = compare(person(voornamen="Daan", **HOME), person(voornamen="Sem", **HOME))
    assert result.decision == "nonmatch"
    assert result.possible_twin
    assert PHRASE_TWIN in result.explanation
    assert result.score < 0.5


def test_siblings_born_apart_are_no_possible_twins() -> None:
    older = person(voornamen="Daan", **{**HOME, "geboortedatum": D(2010, 1, 1)})
    result = compare(older, person(voornamen="Sem", **HOME))
    assert result.decision == "nonmatch"
    assert not result.possible_twin


def test_find_duplicate_pairs_lists_twins_last_only_when_asked() -> None:
    records = [
        person(ref="daan", voornamen="Daan", **HOME),
        person(ref="sem", voornamen="Sem", **HOME),
        person(ref="sem-2", voornamen="Sem", geslachtsnaam="Visser", geboortedatum=D(2012, 6, 3)),
    ]
    plain = list(find_duplicate_pairs(records))
    assert [(a, b, d) for a, b, _s, d in plain] == [("sem", "sem-2", "match")]
    listed = list(find_duplicate_pairs(records, twins=True))
    assert [(a, b, d, t) for a, b, _s, d, t in listed][-1] == ("daan", "sem", "possible", True)
    assert listed[0][4] is False
    # Daan and the address-less Sem record differ in given name but share no address: no twin row.
    assert len(listed) == 2


def test_match_one_never_shows_the_twin() -> None:
    stored = [person(ref="daan", voornamen="Daan", **HOME), person(ref="sem", voornamen="Sem", **HOME)]
    results = match_one(person(ref="q", voornamen="Sem", **HOME), stored)
    assert [(r.ref, r.decision) for r in results] == [("sem", "match")]


def test_an_initial_that_fits_both_twins_is_never_linked() -> None:
    records = [
        person(ref="tim", voornamen="Tim", **HOME),
        person(ref="tom", voornamen="Tom", **HOME),
        person(ref="t", voornamen="T.", **HOME),
    ]
    found = {(a, b): d for a, b, _s, d in find_duplicate_pairs(records)}
    assert found == {("tim", "t"): "possible", ("tom", "t"): "possible"}


def test_an_initial_with_no_look_alike_in_the_batch_is_linked_only_when_asked_with_the_reason() -> None:
    records = [person(ref="tim", voornamen="Tim", **HOME), person(ref="t", voornamen="T.", **HOME)]
    assert [d for _a, _b, _s, d in find_duplicate_pairs(records)] == ["possible"]
    assert [d for _a, _b, _s, d in find_duplicate_pairs(records, promote_guarded=True)] == ["match"]
    # The interactive lookup does not promote: the twin a new signal is about may not be stored yet.
    results = match_one(records[1], records[:1])
    assert results[0].decision == "possible" and results[0].guarded
    promoted = match_one(records[1], records[:1], promote_guarded=True)
    assert promoted[0].decision == "match"
    assert PHRASE_NO_LOOKALIKE in promoted[0].explanation


def test_a_record_without_date_is_not_linked_to_a_father_or_his_namesake_son() -> None:
    shared = {"voornamen": "Jan Hendrik", "geslachtsnaam": "Jansen", "postcode": "1234AB", "huisnummer": 7}
    records = [
        person(ref="father", geboortedatum=D(1965, 2, 1), **shared),
        person(ref="son", geboortedatum=D(1992, 8, 30), **shared),
        person(ref="undated", **shared),
    ]
    found = {(a, b): d for a, b, _s, d in find_duplicate_pairs(records)}
    assert ("father", "son") not in found
    assert found == {("father", "undated"): "possible", ("son", "undated"): "possible"}
