"""Shared test helpers: a record builder, hypothesis settings and strategies for Dutch person data."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from ..model import PartialDate, PersonRecord, PreparedRecord

# No example database: the tests must not write into the repository, and a run is
# reproducible from the seed hypothesis prints on failure. MATCHING_MAX_EXAMPLES=5000
# searches harder, e.g. after changing a normalisation rule.
PROPERTY = settings(
    database=None,
    deadline=None,
    max_examples=int(os.environ.get("MATCHING_MAX_EXAMPLES", "150")),
    suppress_health_check=[HealthCheck.too_slow],
)

_counter = iter(range(10**9))


def slots(p: PreparedRecord) -> dict:
    """Every field of a prepared record, to compare two of them whole."""
    return {name: getattr(p, name) for name in PreparedRecord.__slots__}


def person(**fields: object) -> PersonRecord:
    """A PersonRecord with a fresh ref unless one is given."""
    fields.setdefault("ref", f"t{next(_counter)}")
    return PersonRecord(**fields)  # type: ignore[arg-type]


def valid_bsn(head: int) -> str | None:
    """The valid BSN that starts with the 8 digits of ``head``, if the elfproef allows one."""
    digits = f"{head:08d}"
    check = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
    if check == 10 or digits + str(check) == "000000000":
        return None
    return digits + str(check)


bsns = st.integers(min_value=0, max_value=10**8 - 1).map(valid_bsn).filter(lambda b: b is not None)

# Names that are really different names, including the pairs parents like to give twins.
# Spelling variants of one name (Luuk/Luc, Peter/Pieter) are deliberately absent.
# fmt: off
DIFFERENT_GIVEN_NAMES = (
    "Jan", "Joost", "Tim", "Tom", "Daan", "Dean", "Lotte", "Lotta", "Emma", "Emmy", "Anna",
    "Anne", "Ruben", "Robin", "Sem", "Sam", "Fleur", "Floor", "Sanne", "Sara", "Noa", "Nora",
    "Lieke", "Lisa", "Hassan", "Hussein", "Mohamed", "Mahmoud", "Fatima", "Khadija", "Bram",
    "Stijn", "Thijs", "Teun", "Mees", "Mats", "Jesse", "Jelle", "Eva", "Evi", "Julia", "Juul",
    "Milan", "Mila", "Daniel", "Daniela", "Johan", "Johanna", "Sophie", "Sofia", "Luuk", "Lars",
    "Ilse", "Else", "Bart", "Bert", "Youssef", "Yasmina", "Aicha", "Amira", "Elisa", "Elias",
    "Jasper", "Jesper", "Casper", "Helena", "Elena", "Selena", "Lidia", "Liwia", "Hakan", "Hanan",
    "Milo", "Milou",
)
# fmt: on
SURNAMES = (
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "El Amrani",
    "Yilmaz",
    "van der Meer",
    "de Jong",
    "Visser",
    "Benali",
    "Ivanov",
    "ter Horst",
    "van 't Hof",
    "Dijkstra",
)


def dates(min_year: int = 1930, max_year: int = 2024) -> st.SearchStrategy[PartialDate]:
    return st.builds(
        PartialDate,
        st.integers(min_year, max_year),
        st.integers(1, 12),
        st.integers(1, 28),
    )


def partial_dates() -> st.SearchStrategy[PartialDate | None]:
    return st.one_of(
        st.none(),
        dates(),
        st.builds(PartialDate, st.integers(1930, 2024)),
        st.builds(PartialDate, st.integers(1930, 2024), st.integers(1, 12)),
        st.builds(lambda y: PartialDate(y, estimated=True), st.integers(1930, 2024)),
    )


postcodes = st.builds(
    lambda n, a, b: f"{n}{a}{b}",
    st.integers(1000, 9999),
    st.sampled_from("ABCEFGHJKLMNPRTVWXZ"),
    st.sampled_from("ABCEFGHJKLMNPRTVWXZ"),
)


def records() -> st.SearchStrategy[PersonRecord]:
    """Arbitrary, often incomplete records: for properties that must hold for any input."""
    return st.builds(
        person,
        voornamen=st.one_of(st.sampled_from(DIFFERENT_GIVEN_NAMES), st.just("J.P."), st.just(""), st.text(max_size=12)),
        voorvoegsel=st.sampled_from(("", "van", "de", "van der")),
        geslachtsnaam=st.one_of(st.sampled_from(SURNAMES), st.text(max_size=15)),
        geboortedatum=partial_dates(),
        bsn=st.one_of(st.none(), bsns),
        geslacht=st.sampled_from((None, "M", "V", "man", "vrouw", "X")),
        postcode=st.one_of(st.none(), postcodes),
        huisnummer=st.one_of(st.none(), st.integers(1, 200)),
        telefoon=st.lists(st.sampled_from(("06-12345678", "+31 6 87654321", "020-1234567")), max_size=2),
    )
