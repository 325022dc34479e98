"""Permission matrix rows for the subjecten screens and API.

Only the aandachtsfunctionaris works with the register. A person page answers 404 to everyone
else, so that nobody (a melder above all) learns from it whether someone is known; a deelnemer
with an explicit grant (SubjectInzage) gets the person and the hit, see test_permissions.py.
"""

from schakelpunt.testing.matrix import api, page

MELDPUNT = "aandachtsfunctionaris"


def een_persoon(persona):
    from schakelpunt.subjecten.tests.factories import PersoonFactory

    return {"pk": PersoonFactory().pk}


def persoon_met_inzage(persona):
    from schakelpunt.subjecten.models import SubjectInzage
    from schakelpunt.subjecten.tests.factories import PersoonFactory

    persoon = PersoonFactory()
    SubjectInzage.objects.create(user=persona("deelnemer"), persoon=persoon, reden="casusoverleg")
    return {"pk": persoon.pk}


def persoon_met_bsn(persona):
    from schakelpunt.subjecten.tests.factories import PersoonFactory

    return {"pk": PersoonFactory(bsn="111222333").pk}


def persoon_en_voertuig(persona):
    """A person, and a vehicle known by its licence plate for the relation form to find."""
    from schakelpunt.subjecten.models import Voertuig

    Voertuig.objects.get_or_create(kenteken="XX999X")
    return een_persoon(persona)


def persoon_en_collega(persona):
    """A person, and the deelnemer persona (username "deelnemer") to grant sight to."""
    persona("deelnemer")
    return een_persoon(persona)


def een_mogelijke_match(persona):
    from schakelpunt.subjecten.models import MogelijkeMatch
    from schakelpunt.subjecten.tests.factories import PersoonFactory

    match = MogelijkeMatch.objects.create(
        persoon=PersoonFactory(), kandidaat=PersoonFactory(), score=0.7, toelichting="zelfde achternaam"
    )
    return {"pk": match.pk}


def een_alert(persona):
    from schakelpunt.subjecten.models import SamenloopAlert
    from schakelpunt.subjecten.tests.factories import PersoonFactory

    return {"pk": SamenloopAlert.objects.create(soort="persoon", persoon=PersoonFactory()).pk}


def een_samenvoeging(persona):
    from schakelpunt.subjecten.services import personen_samenvoegen
    from schakelpunt.subjecten.tests.factories import PersoonFactory

    record = personen_samenvoegen(
        actor=persona(MELDPUNT), bron=PersoonFactory(), doel=PersoonFactory(), reden="zelfde persoon"
    )
    return {"pk": record.pk}


MATRIX = {
    "subjecten:persoon": page(MELDPUNT, denied=404, kwargs=een_persoon),
    "subjecten:persoon_netwerk": page(MELDPUNT, denied=404, kwargs=een_persoon),
    "subjecten:persoon_bsn": page(MELDPUNT, denied=404, kwargs=persoon_met_bsn),
    "subjecten:persoon_relatie": page(
        MELDPUNT,
        ok=302,
        denied=404,
        method="POST",
        data={"relatie-soort": "gebruikt", "relatie-richting": "van", "relatie-kenteken": "XX-999-X"},
        kwargs=persoon_en_voertuig,
    ),
    "subjecten:persoon_inzage": page(
        MELDPUNT,
        ok=302,
        denied=404,
        method="POST",
        data={"inzage-collega": "deelnemer", "inzage-reden": "Deelnemer casusoverleg."},
        kwargs=persoon_en_collega,
    ),
    "subjecten:combineren": page(
        "deelnemer", ok=302, denied=404, method="POST", data={"toelichting": ""}, kwargs=persoon_met_inzage
    ),
    "subjecten:mijn_personen": page("casusregisseur", "deelnemer"),
    "subjecten:mogelijke_matches": page(MELDPUNT),
    "subjecten:mogelijke_match_beoordelen": page(
        MELDPUNT,
        ok=302,
        method="POST",
        data={"m1-besluit": "afwijzen", "m1-rationale": "andere geboortedatum"},
        kwargs=een_mogelijke_match,
    ),
    "subjecten:samenloop": page(MELDPUNT),
    "subjecten:samenloop_afhandelen": page(
        MELDPUNT, ok=302, method="POST", data={"toelichting": "casus geopend"}, kwargs=een_alert
    ),
    "subjecten:samenvoeging_ongedaan": page(
        MELDPUNT, ok=302, method="POST", data={"reden": "toch twee personen"}, kwargs=een_samenvoeging
    ),
    "api-persoon-detail": api(MELDPUNT, denied=404, kwargs=een_persoon),
    "api-samenloop": api(MELDPUNT),
}
