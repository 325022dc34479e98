"""Permission matrix rows for the signalen screens and API.

Detail URLs get a signal reported by persona("melder") and escalated to persona("casusregisseur"):
that melder, the aandachtsfunctionaris and the casusregisseur (through the grant) may see it. A
role without any signal permission gets 403 for every id alike; a melder asking for someone else's
signal gets 404 (tests/test_views.py), and the API answers 404 to everyone not allowed, so that
existence never leaks.
"""

from django.core.files.base import ContentFile

from schakelpunt.testing.matrix import api, page

MELDPUNT = "aandachtsfunctionaris"
OPGESCHAALD = "casusregisseur"


def _opgeschaald(persona, signaal):
    from schakelpunt.signalen.models import SignaalInzage

    return SignaalInzage.objects.create(
        signaal=signaal, user=persona("casusregisseur"), reden="Opgeschaald", verleend_door=persona(MELDPUNT)
    )


def eigen_signaal(persona):
    from schakelpunt.signalen.tests.factories import BetrokkeneFactory, SignaalFactory

    signaal = SignaalFactory(melder=persona("melder"))
    BetrokkeneFactory(signaal=signaal)
    _opgeschaald(persona, signaal)
    return {"pk": signaal.pk}


def een_inzage(persona):
    from schakelpunt.signalen.tests.factories import SignaalFactory

    return {"pk": _opgeschaald(persona, SignaalFactory(melder=persona("melder"))).pk}


def eigen_bijlage(persona):
    from schakelpunt.signalen.models import Bijlage
    from schakelpunt.signalen.tests.factories import SignaalFactory

    melder = persona("melder")
    signaal = SignaalFactory(melder=melder)
    _opgeschaald(persona, signaal)
    bijlage = Bijlage(
        signaal=signaal,
        oorspronkelijke_naam="notitie.txt",
        content_type="text/plain",
        grootte=5,
        toegevoegd_door=melder,
    )
    bijlage.bestand.save("notitie.txt", ContentFile(b"notitie"), save=True)
    return {"pk": bijlage.pk}


TRIAGE = {
    "actie": "in_behandeling",
    "rationale": "Past bij eerder beeld.",
    "terugkoppeling": "Je signaal is in behandeling.",
    "versie": 1,
}

MATRIX = {
    "signalen:nieuw": page("melder", MELDPUNT),
    "signalen:betrokkene": page("melder", MELDPUNT),
    "signalen:concept": page("melder", MELDPUNT, method="POST", data={"omschrijving": "half af"}),
    "signalen:mijn": page("melder", MELDPUNT),
    "signalen:inbox": page(MELDPUNT),
    "signalen:detail": page("melder", MELDPUNT, OPGESCHAALD, kwargs=eigen_signaal),
    "signalen:aanvullen": page(
        "melder", MELDPUNT, ok=302, method="POST", data={"tekst": "Nog iets gezien."}, kwargs=eigen_signaal
    ),
    "signalen:triage": page(MELDPUNT, ok=302, method="POST", data=TRIAGE, kwargs=eigen_signaal),
    "signalen:bijlage": page("melder", MELDPUNT, OPGESCHAALD, kwargs=eigen_bijlage),
    "signalen:inzage_intrekken": page(MELDPUNT, ok=302, method="POST", kwargs=een_inzage),
    "api-signalen": api("melder", MELDPUNT, OPGESCHAALD),
    "api-signaal-detail": api("melder", MELDPUNT, OPGESCHAALD, denied=404, kwargs=eigen_signaal),
}
