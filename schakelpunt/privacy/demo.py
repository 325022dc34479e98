"""Demo data for privacybeheer: an expired signal, the destruction list it is on, a pending inzage request."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from schakelpunt.privacy.models import Vernietigingslijst
from schakelpunt.privacy.services import lijst_voorstellen
from schakelpunt.signalen.models import Signaal
from schakelpunt.signalen.services import signaal_create


def seed(stdout) -> None:
    _verzoek(stdout)
    if Vernietigingslijst.objects.exists():
        return
    melder = get_user_model().objects.filter(username="melder").first()
    if melder is None:
        return
    signaal = signaal_create(
        actor=melder,
        omschrijving="Demo: een bewoner leek onder druk te staan; na navraag bleek er niets aan de hand.",
        betrokkenen=[{"rol": "betrokkene", "voornamen": "Demo", "geslachtsnaam": "Verlopen", "geboortejaar": 1975}],
    )
    afgesloten = timezone.now() - datetime.timedelta(days=380)
    Signaal.objects.filter(pk=signaal.pk).update(
        is_open=False, status="afgesloten", afgesloten_op=afgesloten, afsluitreden="geen_vervolg"
    )
    lijst = lijst_voorstellen()
    if lijst:
        stdout.write(f"Privacy: vernietigingslijst {lijst.pk} met {lijst.items.count()} item(s) ter beoordeling.")


def _verzoek(stdout) -> None:
    """One pending inzage request, received three weeks ago, about a person with signals."""
    from schakelpunt.privacy.models import Verzoek
    from schakelpunt.privacy.verzoeken import verzoek_create
    from schakelpunt.subjecten.models import Persoon

    pf = get_user_model().objects.filter(username="privacyfunctionaris").first()
    persoon = Persoon.objects.filter(koppelingen__isnull=False, samengevoegd_in=None).order_by("pk").first()
    if Verzoek.objects.exists() or pf is None or persoon is None:
        return
    verzoek = verzoek_create(
        actor=pf,
        soort=Verzoek.Soort.INZAGE,
        persoon=persoon,
        ontvangen_op=timezone.localdate() - datetime.timedelta(days=21),
        omschrijving="Demo: brief van de betrokkene met het verzoek om inzage in alle gegevens over haar of hem.",
    )
    stdout.write(f"Privacy: inzageverzoek {verzoek.nummer} in behandeling (uiterste datum {verzoek.uiterste_datum}).")
