"""Permission matrix rows for doormeldingen.

The partner's download page is public: the link and the one-time code are the key.
"""

from schakelpunt.testing.matrix import api, page, public

AF, PF = "aandachtsfunctionaris", "privacyfunctionaris"


def _doormelding(persona):
    import datetime
    from importlib import import_module

    from django.apps import apps

    from schakelpunt.doormeldingen.models import Doormelding, Grondslag, Ketenpartner

    import_module("schakelpunt.doormeldingen.migrations.0002_ketenpartners").create(apps, None)
    d = Doormelding.objects.create(
        partner=Ketenpartner.objects.get(code="politie"),
        grondslag=Grondslag.objects.get(code="avg-6-1-e"),
        verwerking="Doormelden",
        reden="Reden",
        markering="TLP:RED",
        toegestaan_gebruik="Alleen beoordelen",
        geldig_tot=datetime.date(2099, 1, 1),
        selectie={"personen": {}, "signalen": {}, "bijlagen": []},
        aangemaakt_door=persona(AF),
    )
    return {"pk": d.pk}


def _pdf(persona):
    return {**_doormelding(persona), "formaat": "json"}


def _ketenpartner(persona):
    from importlib import import_module

    from django.apps import apps

    from schakelpunt.doormeldingen.models import Ketenpartner

    import_module("schakelpunt.doormeldingen.migrations.0002_ketenpartners").create(apps, None)
    return {"pk": Ketenpartner.objects.get(code="politie").pk}


def _herstel(persona):
    return {"pk": 999999}


MATRIX = {
    "doormeldingen:lijst": page(AF, PF),
    # Without ?casus= or ?signaal= there is nothing to compose from: "niet gevonden" for the meldpunt.
    "doormeldingen:nieuw": page(AF, ok=404),
    "doormeldingen:detail": page(AF, PF, kwargs=_doormelding),
    "doormeldingen:versturen": page(AF, method="POST", ok=302, kwargs=_doormelding),
    "doormeldingen:opvolgen": page(AF, method="POST", ok=400, kwargs=_doormelding),
    "doormeldingen:document": page(AF, PF, kwargs=_pdf),
    "doormeldingen:register": page(AF, PF),
    "doormeldingen:herstel": page(AF, PF, method="POST", ok=302),
    "doormeldingen:herstel_afgehandeld": page(AF, PF, method="POST", ok=404, kwargs=_herstel),
    "doormeldingen:ketenpartners": page("beheerder"),
    "doormeldingen:ketenpartner_nieuw": page("beheerder"),
    "doormeldingen:ketenpartner": page("beheerder", kwargs=_ketenpartner),
    "doormeldingen:ophalen": public(kwargs=lambda persona: {"token": "onbekend"}),
    "api-doormeldingen": api(AF, method="POST", ok=400),
    "api-doormelding-detail": api(AF, PF, kwargs=_doormelding, denied=404),
}
