import datetime

import pytest
from django.utils import timezone

from schakelpunt.casussen import services as casus_services
from schakelpunt.overleggen import services
from schakelpunt.signalen import services as signalen_services


@pytest.fixture
def af(persona):
    return persona("aandachtsfunctionaris")


@pytest.fixture
def maak_casus(af, persona):
    def _maak(titel="Zorgen om een leerling", naam="Tim"):
        signaal = signalen_services.signaal_create(
            actor=persona("melder"),
            omschrijving="Leerling wekenlang afwezig.",
            betrokkenen=[
                {"rol": "mogelijk_slachtoffer", "voornamen": naam, "geslachtsnaam": "Overlegtest", "geboortejaar": 2012}
            ],
        )
        return casus_services.casus_open(actor=af, titel=titel, signalen=[signaal], regievoerder=af)

    return _maak


@pytest.fixture
def overleg(af):
    begin = timezone.now() + datetime.timedelta(days=1)
    return services.overleg_plannen(
        actor=af,
        titel="Casusoverleg",
        begin=begin,
        einde=begin + datetime.timedelta(hours=2),
        voorzitter=af,
        notulist=af,
    )


BESLUIT_MELDEN = {"overwegingen": "Signalen wijzen op uitbuiting.", "melden": "ja", "melden_partner": "politie"}
BESLUIT_REGIE = {"overwegingen": "Het meldpunt houdt de regie.", "regie_partner": "politie"}
