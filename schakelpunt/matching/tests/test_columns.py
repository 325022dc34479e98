"""columns.Columns.worth_comparing leaves out only pairs that compare_batch would not report.

Every pair of each population is compared one by one as well; a pair left out that
compare_batch reports (a match, a possible match, a guarded pair or a possible twin) fails the
test. The populations hold the error kinds the comparison has special levels for (swapped names,
slips in dates, initials, double names, nicknames, streets without postcode, several phones) and
the relatives it must keep apart, so that each rule of worth_comparing is needed somewhere.
"""

from __future__ import annotations

import random
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ..columns import Columns
from ..engine import find_duplicate_pairs
from ..model import PartialDate, prepare
from ..score import (
    DEFAULT_THRESHOLDS,
    HAND_SET_M_U,
    SURNAME_U_MIN,
    Thresholds,
    compare_batch,
    prior_log2_odds,
    surname_frequencies,
    use_parameters,
)
from .helpers import PROPERTY, person, records, valid_bsn

GIVEN = ["Jan Pieter", "Johannes", "Cornelis", "Kees", "Maria", "Fatima", "Mohammed", "Lotte", "Tim", "Elisa", "Hilali"]
SURNAMES = [("", "Jansen"), ("de", "Vries"), ("", "Jansen-de Vries"), ("van 't", "Hof"), ("", "Perrono")]
TWIN_NAMES = {"Tim": "Tom", "Elisa": "Elias", "Lotte": "Lotta", "Maria": "Fatima"}


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 3:
        return word + "e"
    k = rng.randrange(1, len(word) - 1)
    return word[:k] + rng.choice("aeioutnr") + word[k + 1 :]


def _variant(rng: random.Random, base: dict, kind: str) -> dict:
    """``base`` written once more with one more kind of error (or as a relative of the person)."""
    r = dict(base)
    dob: PartialDate = base["geboortedatum"] or PartialDate(1980, 1, 1)
    dob = PartialDate(dob.year, dob.month or 1, dob.day or 1)
    if kind == "swap":
        r["voornamen"], r["geslachtsnaam"], r["voorvoegsel"] = base["geslachtsnaam"], base["voornamen"], ""
    elif kind == "swap_typo":
        r["voornamen"], r["geslachtsnaam"] = _typo(rng, base["geslachtsnaam"]), base["voornamen"]
        r["voorvoegsel"] = ""
    elif kind == "swap_glued":  # "Jan van 't Hof" as "Vanthof Jan"
        r["voornamen"] = (base["voorvoegsel"] + base["geslachtsnaam"]).replace(" ", "").replace("'", "")
        r["geslachtsnaam"], r["voorvoegsel"] = base["voornamen"], ""
    elif kind == "surname_typo":
        r["geslachtsnaam"] = _typo(rng, base["geslachtsnaam"])
    elif kind == "surname_end":  # two letters at the end: close by Jaro-Winkler, two edits apart
        r["geslachtsnaam"] = base["geslachtsnaam"][:-2] + "xy"
    elif kind == "given_typo":
        r["voornamen"] = _typo(rng, base["voornamen"])
    elif kind == "given_first_letter":  # Hilali / Lilali: one edit, yet far apart by Jaro-Winkler
        r["voornamen"] = "L" + base["voornamen"][1:]
    elif kind == "initials":
        r["voornamen"] = ".".join(n[0] for n in base["voornamen"].split() if n) + "."
    elif kind == "no_given":
        r["voornamen"] = ""
    elif kind == "more_given":
        r["voornamen"] = base["voornamen"] + " Antonius Maria Petrus"
    elif kind == "nickname":
        r["voornamen"] = {"Cornelis": "Kees", "Kees": "Cornelis", "Johannes": "Jan", "Mohammed": "Mo"}.get(
            base["voornamen"], base["voornamen"]
        )
    elif kind == "part":
        r["geslachtsnaam"] = base["geslachtsnaam"].split("-")[-1]
    elif kind == "dm_swap":
        r["geboortedatum"] = PartialDate(dob.year, dob.day, dob.month) if dob.day <= 12 else dob
    elif kind == "slip":
        r["geboortedatum"] = PartialDate(dob.year + rng.choice((-1, 1, 10)), dob.month, dob.day)
    elif kind == "year_only":
        r["geboortedatum"] = PartialDate(dob.year + rng.choice((0, 1)))
    elif kind == "month_only":
        r["geboortedatum"] = PartialDate(dob.year, dob.month)
    elif kind == "estimated":
        r["geboortedatum"] = PartialDate(dob.year + rng.choice((-2, 0, 3)), estimated=True)
    elif kind == "no_dob":
        r["geboortedatum"] = None
    elif kind == "street":
        r["postcode"], r["straat"] = None, (base.get("straat") or "Kerkstraat").replace(" ", "")
    elif kind == "street_slip":
        r["postcode"], r["straat"] = None, _typo(rng, base.get("straat") or "Kerkstraat")
    elif kind == "moved":
        r["postcode"], r["huisnummer"] = "9999ZZ", "1"
    elif kind == "letter":
        r["huisnummer"] = f"{base['huisnummer'] or 1}a"
    elif kind == "phones":
        r["telefoon"] = ("0610000001", "0610000002", "0610000003", *base["telefoon"][:1])
    elif kind == "other_phone":
        r["telefoon"] = ("0687654321",)
    elif kind == "sex":
        r["geslacht"] = "V" if base["geslacht"] == "M" else "M"
    elif kind == "twin":
        r["voornamen"] = TWIN_NAMES.get(base["voornamen"], "Bram")
    elif kind == "twin_initial":
        r["voornamen"] = "X."
    elif kind == "father":
        r["geboortedatum"] = PartialDate(dob.year - 30, dob.month, dob.day)
    return r


KINDS = (
    "swap",
    "swap_glued",
    "swap_typo",
    "surname_typo",
    "surname_end",
    "given_typo",
    "given_first_letter",
    "initials",
    "no_given",
    "more_given",
    "nickname",
    "part",
    "dm_swap",
    "slip",
    "year_only",
    "month_only",
    "estimated",
    "no_dob",
    "street",
    "street_slip",
    "moved",
    "letter",
    "phones",
    "other_phone",
    "sex",
    "twin",
    "twin_initial",
    "father",
)


def _population(seed: int, persons: int = 40) -> list:
    """Persons, each written two to four times with one to three errors of random kinds, or as a relative;
    a third of the persons with a BSN, which the other records of them carry half of the time."""
    rng = random.Random(seed)
    out = []
    for n in range(persons):
        prefix, surname = rng.choice(SURNAMES)
        base = {
            "voornamen": rng.choice(GIVEN),
            "voorvoegsel": prefix,
            "geslachtsnaam": surname,
            "geboortedatum": PartialDate(rng.choice((1960, 1975, 1990, 2004)), rng.randint(1, 12), rng.randint(1, 28)),
            "geslacht": rng.choice(("M", "V", None)),
            "bsn": valid_bsn(10_000_000 + n) if rng.random() < 0.3 else None,
            "postcode": rng.choice(("1234AB", "2345BC", "3456CD")),
            "huisnummer": str(rng.randint(1, 4)),
            "straat": rng.choice(("Lange Voorhout", "Kerkstraat", "Rue de la Paix")),
            "telefoon": (f"06{rng.randint(10_000_000, 99_999_999)}",),
        }
        out.append(person(**base))
        for _ in range(rng.randint(1, 3)):
            variant = dict(base, bsn=base["bsn"] if rng.random() < 0.5 else None)
            for kind in rng.sample(KINDS, rng.randint(1, 3)):
                variant = _variant(rng, variant, kind)
            out.append(person(**variant))
    return [prepare(r, cache=False) for r in out]


def _reported(result) -> bool:
    return result is not None and (result.guarded or result.decision != "nonmatch" or result.possible_twin)


def _check(
    prepared: list, *, twins: bool, surname_u=None, thresholds: Thresholds = DEFAULT_THRESHOLDS, population: int = 0
) -> tuple:
    """(pairs reported, pairs left out) over every pair; fails on a reported pair left out.

    ``population``: the register the pairs are scored against (default: the records given)."""
    pairs = np.array(list(combinations(range(len(prepared)), 2)), dtype=np.int64).reshape(-1, 2)
    prior = prior_log2_odds(population or len(prepared))
    worth = Columns(prepared, surname_u).worth_comparing(pairs[:, 0], pairs[:, 1], thresholds, prior, twins=twins)
    reported = 0
    for (i, j), keep in zip(pairs.tolist(), worth.tolist(), strict=True):
        result = compare_batch(prepared[i], prepared[j], thresholds, prior, twins=twins, surname_u=surname_u)
        if _reported(result):
            reported += 1
            assert keep, (prepared[i], prepared[j], result.explanation)
    return reported, int((~worth).sum())


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("twins", [True, False])
def test_no_pair_that_compare_batch_reports_is_left_out(seed: int, twins: bool) -> None:
    prepared = _population(seed)
    reported, left_out = _check(prepared, twins=twins, surname_u=surname_frequencies(prepared))
    assert reported > 50
    assert left_out > len(prepared) * (len(prepared) - 1) // 4  # most pairs are plainly two people
    _check(prepared, twins=twins)  # one weight for every surname
    # Every surname as rare as can be: "same surname" weighs more than the hand-set weight.
    _check(prepared, twins=twins, surname_u={p.sn_stem: SURNAME_U_MIN for p in prepared})
    # Against a register of millions: what a household shares gets back what the prior takes.
    assert _check(prepared, twins=twins, population=5_000_000)[0] > 50


def test_the_weights_of_the_moment_are_used() -> None:
    """Learned parameters (use_parameters) change the weights; the bound follows them."""
    prepared = _population(4)
    rng = random.Random(4)
    learned = {
        attr: {
            level: (min(0.99, m * rng.uniform(0.5, 2)), min(0.99, u * rng.uniform(0.5, 2)))
            for level, (m, u) in t.items()
        }
        for attr, t in HAND_SET_M_U.items()
    }
    try:
        use_parameters(learned)
        reported, _ = _check(prepared, twins=True, surname_u=surname_frequencies(prepared))
    finally:
        use_parameters(None)
    assert reported > 50


def test_a_lower_threshold_keeps_more_pairs() -> None:
    prepared = _population(5)
    low = Thresholds(match=0.98, possible=0.01)
    reported_low, left_low = _check(prepared, twins=False, thresholds=low)
    reported, left = _check(prepared, twins=False)
    assert reported_low > reported and left_low < left


@PROPERTY
@given(st.lists(records(), min_size=2, max_size=20))
def test_no_reported_pair_is_left_out_for_any_records(people: list) -> None:
    prepared = [prepare(r, cache=False) for r in people]
    _check(prepared, twins=True, surname_u=surname_frequencies(prepared))
    _check(prepared, twins=False)
    _check(prepared, twins=True, population=3_000_000)


def test_find_duplicate_pairs_is_the_same_with_every_pair_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    prepared = _population(6, persons=60)
    with_columns = list(find_duplicate_pairs(prepared, twins=True))
    monkeypatch.setattr(Columns, "worth_comparing", lambda self, i, j, *args, **kwargs: np.ones(len(i), dtype=bool))
    assert list(find_duplicate_pairs(prepared, twins=True)) == with_columns
    assert any(row[4] for row in with_columns)  # a possible twin among them


def test_a_surname_that_only_sounds_alike_is_weak_evidence_not_different() -> None:
    """Hoek and Hout: far apart as spelled, close as sounds (score._surname_level: WEAK). Among a
    million records this pair is "possible" only with that level, so it must not be left out."""
    common = {"voornamen": "Jan", "geslacht": "M", "postcode": "1234AB", "telefoon": ("0612345678",)}
    a = person(geslachtsnaam="Hoek", geboortedatum=PartialDate(1980, 3, 12), huisnummer="5", **common)
    b = person(geslachtsnaam="Hout", geboortedatum=PartialDate(1980, 3, 13), huisnummer="5a", **common)
    _reported_and_kept_among_a_million(a, b)


def test_a_shared_phone_beyond_the_first_two_counts() -> None:
    """Columns hold two phones per record; with more, the shared one may be beyond them."""
    a = person(voornamen="Jan", geslachtsnaam="Jansen", telefoon=("0610000001", "0610000002", "0699999999"))
    b = person(voornamen="Jan", geslachtsnaam="Jansen", telefoon=("0699999999",))
    _reported_and_kept_among_a_million(a, b)


def test_possible_twins_are_kept_whatever_the_threshold() -> None:
    """A possible twin is listed below any threshold; with one no pair can reach, only twins (and the
    same BSN) are left, and none of them may be left out."""
    prepared = _population(7)
    unreachable = Thresholds(match=1 - 1e-16, possible=1 - 1e-15)
    reported, left_out = _check(prepared, twins=True, thresholds=unreachable)
    assert reported > 0 and left_out > 0


def _reported_and_kept_among_a_million(a, b) -> None:
    prepared = [prepare(a, cache=False), prepare(b, cache=False)]
    prior = prior_log2_odds(1_000_000)
    assert _reported(compare_batch(prepared[0], prepared[1], DEFAULT_THRESHOLDS, prior, twins=True))
    pair = np.array([0]), np.array([1])
    assert Columns(prepared).worth_comparing(*pair, DEFAULT_THRESHOLDS, prior, twins=True).all()
