"""Fixtures for the subjecten tests: departments, melders per department, reporting through the real service."""

import pytest

from schakelpunt.signalen import services as signalen_services
from schakelpunt.testing.factories import AfdelingFactory

# Synthetic BSNs that pass the elfproef.
BSN_A = "111222333"
BSN_B = "123456782"


@pytest.fixture
def af(persona):
    return persona("aandachtsfunctionaris")


@pytest.fixture
def melder_bij(make_user):
    """A melder of the named department (one user per department)."""
    cache = {}

    def _melder(afdeling: str):
        if afdeling not in cache:
            cache[afdeling] = make_user(
                "melder", username=f"melder-{afdeling.lower()}", afdeling=AfdelingFactory(naam=afdeling)
            )
        return cache[afdeling]

    return _melder


@pytest.fixture
def meld(melder_bij):
    """Report a signal through signalen.services.signaal_create, as a melder of `afdeling`."""

    def _meld(*betrokkenen: dict, afdeling: str = "Werk en Inkomen", actor=None, omschrijving: str = "Zorgen."):
        return signalen_services.signaal_create(
            actor=actor or melder_bij(afdeling),
            omschrijving=omschrijving,
            betrokkenen=[{"rol": "betrokkene", **b} for b in betrokkenen],
        )

    return _meld


def persoon(**kw) -> dict:
    """Betrokkene data of a person, with a few defaults that the tests override."""
    return {"voornamen": "Jan", "geslachtsnaam": "Jansen", **kw}
