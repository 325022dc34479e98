"""Permission matrix rows for the signalen screens and API.

Detail URLs get a signal reported by persona("melder"): that melder and the
aandachtsfunctionaris may see it. A role without any signal permission gets 403 for every id
alike; a melder asking for someone else's signal gets 404 (tests/test_views.py), and the API
answers 404 to everyone not allowed, so that existence never leaks.
"""

from django.core.files.base import ContentFile

from schakelpunt.testing.matrix import api, page

MELDPUNT = "aandachtsfunctionaris"


def eigen_signaal(persona):
    from schakelpunt.signalen.tests.factories import BetrokkeneFactory, SignaalFactory

    signaal = SignaalFactory(melder=persona("melder"))
    BetrokkeneFactory(signaal=signaal)
    return {"pk": signaal.pk}


def eigen_bijlage(persona):
    from schakelpunt.signalen.models import Bijlage
    from schakelpunt.signalen.tests.factories import SignaalFactory

    melder = persona("melder")
    bijlage = Bijlage(
        signaal=SignaalFactory(melder=melder),
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
    "signalen:detail": page("melder", MELDPUNT, kwargs=eigen_signaal),
    "signalen:aanvullen": page(
        "melder", MELDPUNT, ok=302, method="POST", data={"tekst": "Nog iets gezien."}, kwargs=eigen_signaal
    ),
    "signalen:triage": page(MELDPUNT, ok=302, method="POST", data=TRIAGE, kwargs=eigen_signaal),
    "signalen:bijlage": page("melder", MELDPUNT, kwargs=eigen_bijlage),
    "api-signalen": api("melder", MELDPUNT),
    "api-signaal-detail": api("melder", MELDPUNT, denied=404, kwargs=eigen_signaal),
}
