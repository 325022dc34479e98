import datetime

import pytest

from schakelpunt.doormeldingen.models import Grondslag, Ketenpartner
from schakelpunt.signalen import services as signalen_services
from schakelpunt.subjecten.models import BetrokkeneKoppeling

GELDIG = datetime.date(2099, 1, 1)


@pytest.fixture
def partner(db):
    from importlib import import_module

    from django.apps import apps

    import_module("schakelpunt.doormeldingen.migrations.0002_ketenpartners").create(apps, None)
    p = Ketenpartner.objects.get(code="politie")
    p.contact_email = "meldingen@politie.example"
    p.save()
    return p


@pytest.fixture
def signaal(persona):
    """A signal by the melder about a person with name, birth date, address and BSN, plus an attachment."""
    s = signalen_services.signaal_create(
        actor=persona("melder"),
        omschrijving="GEHEIME OMSCHRIJVING van wat de melder zag.",
        betrokkenen=[
            {
                "rol": "mogelijk_slachtoffer",
                "voornamen": "Lina",
                "geslachtsnaam": "Perrono",
                "geboortejaar": 2011,
                "geboortemaand": 5,
                "geboortedag": 3,
                "bsn": "111222333",
                "postcode": "1234AB",
                "huisnummer": 7,
            }
        ],
    )
    return s


@pytest.fixture
def persoon(signaal):
    return BetrokkeneKoppeling.objects.get(signaal=signaal).persoon


@pytest.fixture
def opstellen(persona, partner, signaal):
    from schakelpunt.doormeldingen import services

    def _opstellen(personen=None, signalen=None, markering="TLP:AMBER+STRICT", grondslag="avg-6-1-e", **kw):
        return services.doormelding_opstellen(
            actor=persona("aandachtsfunctionaris"),
            partner=partner,
            grondslag=Grondslag.objects.get(code=grondslag),
            verwerking="Doormelden aan een ketenpartner",
            reden="Vermoeden van criminele uitbuiting van een minderjarige.",
            markering=markering,
            toegestaan_gebruik="Alleen voor de beoordeling.",
            geldig_tot=GELDIG,
            selectie={"personen": personen or {}, "signalen": signalen or {}, "bijlagen": kw.pop("bijlagen", [])},
            signaal=signaal,
            **kw,
        )

    return _opstellen
