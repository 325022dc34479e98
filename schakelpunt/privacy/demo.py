"""Demo data for privacybeheer: an old signal closed without follow-up, and the destruction list it is on."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from schakelpunt.privacy.models import Vernietigingslijst
from schakelpunt.privacy.services import lijst_voorstellen
from schakelpunt.signalen.models import Signaal
from schakelpunt.signalen.services import signaal_create


def seed(stdout) -> None:
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
