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
    _register_en_zegel(stdout)
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


def _register_en_zegel(stdout) -> None:
    """Version 2 of one processing activity (older log records keep version 1), and a sealed period of the log."""
    from schakelpunt.audit.models import AuditPeriode
    from schakelpunt.privacy.toegangslog import periode_verzegelen
    from schakelpunt.verwerkingen.models import Verwerking
    from schakelpunt.verwerkingen.services import verwerking_wijzigen

    pf = get_user_model().objects.filter(username="privacyfunctionaris").first()
    if pf is None:
        return
    if not AuditPeriode.objects.exists():
        periode = periode_verzegelen(actor=pf, tot=timezone.now())
        if periode is not None:
            stdout.write(f"Privacy: toegangslog verzegeld, records {periode.eerste_id}-{periode.laatste_id}.")
    verwerking = Verwerking.objects.filter(key="meldpunt.behandeling").first()
    if verwerking is None or verwerking.versies.count() > 1:
        return
    huidig = verwerking.versies.get()
    verwerking_wijzigen(
        actor=pf,
        verwerking=verwerking,
        versie=huidig.nummer,
        reden="Demo: na de DPIA is de samenwerking met het Zorg- en Veiligheidshuis als grondslag toegevoegd.",
        naam=huidig.naam,
        doel=huidig.doel,
        grondslag=huidig.grondslag + "; voor casussen in het Zorg- en Veiligheidshuis ook de WGS",
        categorieen_gegevens=huidig.categorieen_gegevens,
        categorieen_betrokkenen=huidig.categorieen_betrokkenen,
        bewaartermijn=huidig.bewaartermijn,
        vertrouwelijkheid=huidig.vertrouwelijkheid,
    )
    stdout.write("Verwerkingsregister: versie 2 van 'Behandelen van signalen' vastgesteld.")
