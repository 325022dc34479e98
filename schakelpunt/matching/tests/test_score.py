"""Tests of score.compare: the levels, the hard rules (twins, fathers and sons, BSN), symmetry and speed."""

from __future__ import annotations

import time
from dataclasses import replace
from math import log2

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ..model import PartialDate, prepare
from ..score import (
    DEFAULT_THRESHOLDS,
    MATCH_THRESHOLD,
    POSSIBLE_THRESHOLD,
    SURNAME_U_MAX,
    SURNAME_U_MIN,
    Thresholds,
    _given_level,
    compare,
    compare_batch,
    prior_log2_odds,
)
from .helpers import DIFFERENT_GIVEN_NAMES, PROPERTY, SURNAMES, bsns, dates, person, postcodes, records

D = PartialDate


def jan(**overrides: object):
    fields: dict[str, object] = {
        "voornamen": "Jan Pieter",
        "voorvoegsel": "van der",
        "geslachtsnaam": "Berg",
        "geboortedatum": D(1980, 5, 12),
        "geslacht": "M",
        "postcode": "1234AB",
        "huisnummer": 12,
    }
    fields.update(overrides)
    return person(**fields)


# ---------------------------------------------------------------------------
# Plain cases and their explanation
# ---------------------------------------------------------------------------


def test_the_same_person_written_twice_is_a_match() -> None:
    result = compare(jan(), jan())
    assert result.decision == "match"
    assert result.score >= MATCH_THRESHOLD
    assert "zelfde geboortedatum" in result.explanation
    assert "zelfde achternaam" in result.explanation


def test_spelling_variation_still_matches_and_says_why() -> None:
    a = jan(voorvoegsel="van der", geslachtsnaam="Heijden")
    b = jan(voorvoegsel="", geslachtsnaam="Vanderheiden", postcode="9999ZZ", huisnummer=1)
    result = compare(a, b)
    assert result.decision == "match"
    assert "achternaam lijkt sterk" in result.explanation
    assert "ander adres" in result.explanation


def test_transliterated_names_match() -> None:
    a = person(voornamen="Mohammed", voorvoegsel="el", geslachtsnaam="Amrani", geboortedatum=D(1990, 1, 2))
    b = person(voornamen="Muhammad", geslachtsnaam="El-Amrani", geboortedatum=D(1990, 1, 2))
    result = compare(a, b)
    assert result.decision == "match"
    assert "voornaam lijkt sterk" in result.explanation


def test_same_bsn_links_even_without_other_data() -> None:
    result = compare(person(bsn="111222333"), person(bsn="111222333"))
    assert result.decision == "match"
    assert result.explanation[0] == "zelfde BSN"


def test_same_bsn_but_clearly_another_name_goes_to_a_person() -> None:
    result = compare(jan(bsn="111222333"), jan(bsn="111222333", voornamen="Kees"))
    assert result.decision == "possible"
    assert "voornaam duidelijk anders" in result.explanation


@PROPERTY
@given(bsns, bsns)
def test_two_different_valid_bsns_are_two_people(bsn_a: str, bsn_b: str) -> None:
    assume(bsn_a != bsn_b)
    result = compare(jan(bsn=bsn_a), jan(bsn=bsn_b))
    assert result.decision == "nonmatch"
    assert result.score < POSSIBLE_THRESHOLD
    assert "ander BSN" in result.explanation


def test_an_invalid_bsn_is_ignored_rather_than_held_against_the_pair() -> None:
    result = compare(jan(bsn="111222333"), jan(bsn="111222334"))
    assert result.decision == "match"
    assert "ander BSN" not in result.explanation


def test_day_and_month_swapped() -> None:
    result = compare(jan(), jan(geboortedatum=D(1980, 12, 5)))
    assert result.decision == "match"
    assert "dag en maand van geboortedatum verwisseld" in result.explanation


def test_one_slip_in_the_date() -> None:
    result = compare(jan(), jan(geboortedatum=D(1980, 5, 13)))
    assert "geboortedatum op één verschrijving na gelijk" in result.explanation
    assert result.decision == "match"


def test_given_and_family_name_swapped() -> None:
    a = person(voornamen="Jan", geslachtsnaam="Bakker", geboortedatum=D(1970, 3, 4))
    b = person(voornamen="Bakker", geslachtsnaam="Jan", geboortedatum=D(1970, 3, 4))
    result = compare(a, b)
    assert result.decision == "match"
    assert result.explanation[0] == "voor- en achternaam verwisseld"


def test_only_the_year_known_is_not_enough_for_an_automatic_link() -> None:
    result = compare(jan(postcode=None), jan(geboortedatum=D(1980), postcode=None))
    assert "zelfde geboortejaar" in result.explanation
    assert result.decision == "possible"


def test_year_and_same_address_is_enough() -> None:
    result = compare(jan(), jan(geboortedatum=D(1980)))
    assert result.decision == "match"


def test_without_a_date_of_birth_a_person_decides() -> None:
    result = compare(jan(geboortedatum=None), jan())
    assert result.decision == "possible"
    assert "geboortedatum niet bij beide bekend" in result.explanation
    assert result.score < MATCH_THRESHOLD


def test_one_initial_fits_but_does_not_link_automatically() -> None:
    # "J. van der Berg" may be Jan Pieter's twin Joost: a person decides (or find_duplicates,
    # seeing no such twin in the register; see test_engine).
    result = compare(jan(), jan(voornamen="J."))
    assert "voorletters passen bij voornaam" in result.explanation
    assert result.decision == "possible"
    assert result.guarded


def test_all_of_two_initials_fitting_with_the_full_date_of_birth_links() -> None:
    result = compare(jan(), jan(voornamen="J.P."))
    assert "alle voorletters passen bij de voornamen" in result.explanation
    assert result.decision == "match"
    # Without the full date of birth two initials are not enough.
    assert compare(jan(), jan(voornamen="J.P.", geboortedatum=D(1980))).decision == "possible"


def test_roepnaam_as_later_given_name() -> None:
    result = compare(jan(voornamen="J.P."), jan(voornamen="Pieter"))
    assert result.decision != "nonmatch"


def test_different_initials_are_two_people() -> None:
    result = compare(jan(voornamen="J.P."), jan(voornamen="K.P."))
    assert result.decision == "nonmatch"


def test_cousins_with_one_grandfathers_name() -> None:
    a = jan(voornamen="Berend Antonius", postcode=None)
    b = jan(voornamen="Berend Cornelis", postcode=None)
    result = compare(a, b)
    assert result.decision != "match"
    assert "zelfde eerste voornaam, andere tweede voornaam" in result.explanation


def test_different_tussenvoegsel_is_a_different_family_name() -> None:
    a = jan(voorvoegsel="van der", geslachtsnaam="Horst")
    b = jan(voorvoegsel="ter", geslachtsnaam="Horst")
    assert "achternaam lijkt sterk" in compare(a, b).explanation
    dropped = jan(voorvoegsel="", geslachtsnaam="Horst")
    assert "zelfde achternaam" in compare(a, dropped).explanation


def test_one_letter_in_a_short_surname_may_be_another_family() -> None:
    result = compare(jan(geslachtsnaam="Vos"), jan(geslachtsnaam="Vis"))
    assert "achternaam lijkt sterk" not in result.explanation
    assert result.decision != "match"


def test_married_name_in_a_double_surname() -> None:
    a = person(
        voornamen="Anna", geslachtsnaam="Jansen-de Vries", geboortedatum=D(1960, 1, 1), postcode="1234AB", huisnummer=1
    )
    b = person(voornamen="Anna", voorvoegsel="de", geslachtsnaam="Vries", geboortedatum=D(1960, 1, 1))
    result = compare(a, b)
    assert "deel van dubbele achternaam gelijk" in result.explanation
    assert result.decision == "match"


def test_a_larger_file_makes_the_same_agreement_less_telling() -> None:
    a, b = jan(geboortedatum=None, postcode=None), jan(geboortedatum=None, postcode=None)
    small = compare(a, b, population=1_000)
    large = compare(a, b, population=1_000_000)
    assert small.score > large.score
    assert small.weight == large.weight


def test_what_a_household_shares_counts_the_same_in_a_larger_register() -> None:
    """The same address or phone is shared by housemates, whose number does not grow with the
    register: beyond 100 000 records such a pair keeps its odds; other evidence counts for less."""
    at_home = jan(voornamen="J.", geboortedatum=None), jan(voornamen="J.", geboortedatum=None, telefoon=None)
    phone = jan(postcode=None, telefoon=("0612345678",)), jan(postcode=None, telefoon=("0612345678",))
    elsewhere = jan(postcode=None), jan(postcode=None)
    for a, b in (at_home, phone):
        reference = compare(a, b, population=100_000)
        assert compare(a, b, population=1_000_000).score == pytest.approx(reference.score)
        assert compare(a, b, population=1_000_000).decision == reference.decision
        # A smaller register keeps its own, more lenient prior.
        assert compare(a, b, population=1_000).score > reference.score
    a, b = elsewhere
    assert compare(a, b, population=1_000_000).score < compare(a, b, population=100_000).score
    # Address and phone together: still one household, counted once.
    a, b = jan(telefoon=("0612345678",)), jan(telefoon=("0612345678",))
    gained = compare(a, b, population=1_000_000).weight - compare(a, b, population=100_000).weight
    assert gained == pytest.approx(log2(10))


def test_thresholds_are_validated_and_used() -> None:
    with pytest.raises(ValueError):
        Thresholds(match=0.5, possible=0.9)
    strict = Thresholds(match=0.9999999999, possible=0.9)
    assert compare(jan(), jan()).decision == "match"
    assert compare(jan(), jan(), strict).decision == "possible"
    # The hard rules hold whatever the thresholds: one initial never links automatically.
    lenient = Thresholds(match=0.5, possible=0.1)
    result = compare(jan(), jan(voornamen="J."), lenient)
    assert result.decision == "possible"
    assert result.score < 0.5
    assert DEFAULT_THRESHOLDS.decide(0.999) == "match"
    assert DEFAULT_THRESHOLDS.decide(0.1) == "nonmatch"


# ---------------------------------------------------------------------------
# The family: twins, fathers and sons, brothers and sisters
# ---------------------------------------------------------------------------


twin_names = st.tuples(st.sampled_from(DIFFERENT_GIVEN_NAMES), st.sampled_from(DIFFERENT_GIVEN_NAMES)).filter(
    lambda pair: pair[0] != pair[1]
)


@PROPERTY
@given(
    twin_names,
    st.sampled_from(SURNAMES),
    dates(1950, 2024),
    postcodes,
    st.integers(1, 200),
    st.sampled_from(["full", "initials", "first initial"]),
    st.sampled_from([None, "M", "V"]),
    st.sampled_from([None, "06-12345678"]),
)
def test_twins_with_different_given_names_are_never_a_match(
    names: tuple[str, str],
    surname: str,
    dob: PartialDate,
    postcode: str,
    number: int,
    style: str,
    sex: str | None,
    phone: str | None,
) -> None:
    # Twins share everything a record holds except the given name; one of them may be
    # written with initials only ("J. de Vries"), which could be either twin.
    written = {"full": names[1], "initials": names[1][0] + ".", "first initial": names[1][0]}[style]
    shared = {
        "geslachtsnaam": surname,
        "geboortedatum": dob,
        "postcode": postcode,
        "huisnummer": number,
        "geslacht": sex,
        "telefoon": [phone] if phone else [],
    }
    a = person(voornamen=names[0], **shared)
    b = person(voornamen=written, **shared)
    result = compare(a, b)
    assert result.decision != "match", result.explanation


@PROPERTY
@given(twin_names, st.sampled_from(SURNAMES), dates(1950, 2024))
def test_clearly_different_given_names_fall_below_possible(
    names: tuple[str, str], surname: str, dob: PartialDate
) -> None:
    a = person(voornamen=names[0], geslachtsnaam=surname, geboortedatum=dob)
    b = person(voornamen=names[1], geslachtsnaam=surname, geboortedatum=dob)
    result = compare(a, b)
    if "voornaam duidelijk anders" in result.explanation:
        assert result.decision == "nonmatch"
        assert result.score < POSSIBLE_THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jan", "Joost"),
        ("Tim", "Tom"),
        ("Hassan", "Hussein"),
        ("Sara", "Sanne"),
        ("Mohamed", "Mahmoud"),
        ("Ruben", "Robin"),
    ],
)
def test_known_different_names_are_clearly_different(a: str, b: str) -> None:
    result = compare(jan(voornamen=a), jan(voornamen=b))
    assert "voornaam duidelijk anders" in result.explanation
    assert result.decision == "nonmatch"


@pytest.mark.parametrize(("a", "b"), [("Emma", "Emmy"), ("Lotte", "Lotta"), ("Daan", "Dean"), ("Milo", "Milou")])
def test_twin_names_that_sound_alike_are_left_to_a_person(a: str, b: str) -> None:
    result = compare(jan(voornamen=a), jan(voornamen=b))
    assert result.decision == "possible"
    assert "voornaam lijkt enigszins" in result.explanation


@pytest.mark.parametrize(
    ("a", "b"), [("Elisa", "Elias"), ("Jasper", "Jesper"), ("Casper", "Jasper"), ("Lidia", "Liwia")]
)
def test_twin_names_one_letter_apart_are_left_to_a_person(a: str, b: str) -> None:
    result = compare(jan(voornamen=a, geslacht=None), jan(voornamen=b, geslacht=None))
    assert result.decision == "possible"
    assert "voornaam op één letter na gelijk" in result.explanation


def test_a_slip_in_a_given_name_is_recognised() -> None:
    result = compare(jan(voornamen="Pieter"), jan(voornamen="Peiter", postcode=None))
    assert "voornaam op één letter na gelijk" in result.explanation
    assert result.decision == "possible"


def test_boy_and_girl_twins_with_one_name_in_two_spellings() -> None:
    result = compare(jan(voornamen="Noah", geslacht="M"), jan(voornamen="Noa", geslacht="V"))
    assert result.decision != "match"
    assert "ander geslacht" in result.explanation


@PROPERTY
@given(
    st.sampled_from(DIFFERENT_GIVEN_NAMES),
    st.sampled_from(SURNAMES),
    dates(1930, 1990),
    st.integers(20, 45),
    st.booleans(),
    st.booleans(),
)
def test_father_and_son_with_the_same_full_name_are_not_a_match(
    name: str,
    surname: str,
    father_dob: PartialDate,
    gap: int,
    same_address: bool,
    estimated: bool,
) -> None:
    assert father_dob.year is not None
    son_year = father_dob.year + gap
    son_dob = D(son_year, estimated=True) if estimated else D(son_year, father_dob.month, father_dob.day)
    address = {"postcode": "1234AB", "huisnummer": 1} if same_address else {}
    father = person(voornamen=name, geslachtsnaam=surname, geboortedatum=father_dob, geslacht="M", **address)
    son = person(voornamen=name, geslachtsnaam=surname, geboortedatum=son_dob, geslacht="M", **address)
    result = compare(father, son)
    assert result.decision == "nonmatch"
    assert "geboortejaar ligt ver uiteen" in result.explanation


# ---------------------------------------------------------------------------
# Properties that hold for any pair
# ---------------------------------------------------------------------------


@PROPERTY
@given(records(), records())
def test_compare_is_symmetric(a, b) -> None:
    ab = compare(a, b)
    ba = compare(b, a)
    assert (ab.score, ab.decision, ab.explanation, ab.weight) == (ba.score, ba.decision, ba.explanation, ba.weight)
    assert 0.0 <= ab.score <= 1.0
    assert ab.decision == DEFAULT_THRESHOLDS.decide(ab.score)


@PROPERTY
@given(records(), records(), st.floats(SURNAME_U_MIN, SURNAME_U_MAX), st.floats(SURNAME_U_MIN, SURNAME_U_MAX))
def test_compare_batch_is_symmetric_with_surname_frequencies(a, b, ua, ub) -> None:
    # find_duplicates' output must not depend on the order the database returns the records in:
    # "Elazzouzi" and "el Azzouzi" are the same surname with two counts of their own.
    a, b = prepare(a, cache=False), prepare(b, cache=False)
    u = {a.sn_stem: ua, b.sn_stem: ub}
    prior = prior_log2_odds(100_000)
    ab = compare_batch(a, b, DEFAULT_THRESHOLDS, prior, twins=True, surname_u=u)
    ba = compare_batch(b, a, DEFAULT_THRESHOLDS, prior, twins=True, surname_u=u)
    assert (ab is None) == (ba is None)
    if ab is not None:
        assert (ab.score, ab.decision, ab.weight, ab.guarded) == (ba.score, ba.decision, ba.weight, ba.guarded)


def test_the_same_surname_written_with_and_without_its_prefix_weighs_the_same_both_ways() -> None:
    a = prepare(person(voornamen="Karim", geslachtsnaam="Elazzouzi", geboortedatum=PartialDate(1990, 3, 4)))
    b = prepare(
        person(voornamen="Karim", voorvoegsel="el", geslachtsnaam="Azzouzi", geboortedatum=PartialDate(1990, 3, 4))
    )
    assert a.sn_stem != b.sn_stem
    u = {a.sn_stem: 1e-5, b.sn_stem: 1e-3}
    prior = prior_log2_odds(100_000)
    ab = compare_batch(a, b, DEFAULT_THRESHOLDS, prior, surname_u=u)
    ba = compare_batch(b, a, DEFAULT_THRESHOLDS, prior, surname_u=u)
    assert ab.weight == ba.weight == compare_batch(a, b, DEFAULT_THRESHOLDS, prior, surname_u={b.sn_stem: 1e-3}).weight


@PROPERTY
@given(
    records(),
    st.sampled_from(DIFFERENT_GIVEN_NAMES + ("Jan Pieter", "Anne-Marie", "Aïcha")),
    st.sampled_from(SURNAMES + ("Ölçer", "d'Ancona")),
    dates(),
)
def test_a_record_with_a_name_and_date_of_birth_matches_itself(
    record, given_name: str, surname: str, dob: PartialDate
) -> None:
    record = replace(record, voornamen=given_name, geslachtsnaam=surname, geboortedatum=dob)
    result = compare(record, replace(record, ref=record.ref + "-copy"))
    assert result.decision == "match", result.explanation


def test_results_name_both_records() -> None:
    a, b = jan(ref="a"), jan(ref="b")
    result = compare(a, b)
    assert (result.ref_a, result.ref_b, result.ref) == ("a", "b", "b")
    assert result.explain().startswith("zelfde achternaam")


def test_compare_is_fast_on_prepared_records() -> None:
    # The budget is 20 µs a pair in CPython; the assertion leaves room for a busy CI machine.
    pairs = [
        (prepare(jan()), prepare(jan(voornamen="Jan", geslachtsnaam="Bergh", geboortedatum=D(1980, 12, 5)))),
        (prepare(jan()), prepare(jan(voornamen="Joost"))),
        (prepare(jan()), prepare(person(voornamen="Berg", geslachtsnaam="Jan"))),
        (prepare(jan(geboortedatum=None)), prepare(jan(voornamen="J.P.", huisnummer=14))),
    ]
    rounds = 2000
    start = time.perf_counter()
    for _ in range(rounds):
        for a, b in pairs:
            compare(a, b)
    per_pair = (time.perf_counter() - start) / (rounds * len(pairs))
    assert per_pair < 100e-6


def test_the_twins_given_names_of_the_tests_are_no_spelling_variants_of_each_other() -> None:
    # The twin properties draw two names from DIFFERENT_GIVEN_NAMES; a pair the engine rightly
    # reads as one name spelled twice ("Hasan" / "Hassan") would make them fail by chance.
    prepared = {n: prepare(person(voornamen=n), cache=False) for n in DIFFERENT_GIVEN_NAMES}
    same = [
        (a, b)
        for a in DIFFERENT_GIVEN_NAMES
        for b in DIFFERENT_GIVEN_NAMES
        if a < b and _given_level(prepared[a], prepared[b]) in ("exact", "strong")
    ]
    assert same == []
