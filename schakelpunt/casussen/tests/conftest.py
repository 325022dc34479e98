"""Fixtures for the casussen tests: a melder's signals about a synthetic family, a casus, personas."""

import pytest

from schakelpunt.casussen import services
from schakelpunt.signalen.services import signaal_create

# Synthetic persons; the BSNs pass the elfproef so the register links them to one person each.
TIM = ("Tim", "Kwakman", 2014, "111222333")
RIA = ("Ria", "Kwakman", 1985, "123456782")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "bijlagen"


@pytest.fixture
def af(persona):
    return persona("aandachtsfunctionaris")


@pytest.fixture
def regisseur(persona):
    return persona("casusregisseur")


@pytest.fixture
def deelnemer(persona):
    return persona("deelnemer")


@pytest.fixture
def melder(persona):
    return persona("melder")


@pytest.fixture
def meld(melder):
    """Report a signal as the melder persona about named (synthetic) persons."""

    def _meld(omschrijving="Leerling wekenlang afwezig, oogt erg moe.", personen=(TIM,), by=None):
        return signaal_create(
            actor=by or melder,
            omschrijving=omschrijving,
            minderjarigen_betrokken=True,
            betrokkenen=[
                {"voornamen": v, "geslachtsnaam": a, "geboortejaar": j, "bsn": bsn} for v, a, j, bsn in personen
            ],
        )

    return _meld


@pytest.fixture
def casus(af, regisseur, meld):
    return services.casus_open(actor=af, titel="Zorgen om een leerling", signalen=[meld()], regievoerder=regisseur)


@pytest.fixture
def casus_met_deelnemer(casus, af, deelnemer):
    services.deelnemer_toevoegen(actor=af, casus=casus, user=deelnemer)
    return casus
