"""Combining a samenloop: the meldpunt takes the new signals of one alert up together, in one step.

Each still-new signal of the alert goes "in behandeling" with the same rationale, naming the
other signals it is combined with, and its melder gets the usual terugkoppeling; the alert is
then handled with a note of what was combined. One transaction: all or nothing. A later part
(casussen) may open a casus from the same place.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects

from schakelpunt.access.decorators import require
from schakelpunt.signalen import services as signalen_services
from schakelpunt.signalen.constants import Status, TriageActie
from schakelpunt.signalen.models import Signaal, TriageStap
from schakelpunt.subjecten import services
from schakelpunt.subjecten.models import BetrokkeneKoppeling, Persoon, SamenloopAlert


def samenloop_combineren(*, actor, alert: SamenloopAlert, rationale: str) -> list[TriageStap]:
    """Take the alert's new signals up together and handle the alert; returns the triage steps."""
    require(actor, "samenloop.afhandelen", object_type="samenloop", object_id=str(alert.pk))
    require(actor, "signaal.triage", object_type="samenloop", object_id=str(alert.pk))
    rationale = (rationale or "").strip()
    if not rationale:
        raise ValidationError({"rationale": "Schrijf waarom je deze signalen samen oppakt; dit wordt bewaard."})
    with transaction.atomic():
        locked = SamenloopAlert.objects.select_for_update().get(pk=alert.pk)
        if locked.status != SamenloopAlert.Status.OPEN:
            raise ValidationError({"status": "Deze samenloop is al afgehandeld."})
        signalen = list(locked.signalen.order_by("ontvangen_op", "pk"))
        nieuw = [s for s in signalen if s.status == Status.NIEUW]
        if not nieuw:
            raise ValidationError(
                {
                    "status": "Alle signalen van deze samenloop zijn al opgepakt. "
                    "Handel de samenloop af met een toelichting."
                }
            )
        nummers = ", ".join(s.nummer for s in signalen)
        stappen = [
            signalen_services.signaal_triage(
                actor=actor,
                signaal=s,
                actie=TriageActie.IN_BEHANDELING,
                rationale=f"{rationale} (samen opgepakt met {nummers}: samenloop)",
                terugkoppeling=signalen_services.sjabloon(TriageActie.IN_BEHANDELING),
            )
            for s in nieuw
        ]
        services.samenloop_afhandelen(
            actor=actor,
            alert=locked,
            toelichting=f"Samen opgepakt: {', '.join(s.nummer for s in nieuw)} (van {nummers}). {rationale}",
        )
    alert.refresh_from_db()
    return stappen


def verrijk(alerts: list[SamenloopAlert]) -> None:
    """For the samenloop page: each alert's signals (oldest first) as ``alert.signalen_lijst``, whether
    any is still new (``alert.kan_combineren``), and for an address the persons linked to it
    (``alert.personen_op_adres``). Three queries for the whole page."""
    prefetch_related_objects(
        alerts, Prefetch("signalen", queryset=Signaal.objects.select_related("afdeling").order_by("ontvangen_op", "pk"))
    )
    adres_ids = [a.adres_id for a in alerts if a.adres_id]
    per_adres: dict[int, dict[int, Persoon]] = {}
    for koppeling in BetrokkeneKoppeling.objects.filter(
        adres_id__in=adres_ids, persoon__isnull=False, persoon__samengevoegd_in=None
    ).select_related("persoon"):
        per_adres.setdefault(koppeling.adres_id, {})[koppeling.persoon_id] = koppeling.persoon
    for alert in alerts:
        alert.signalen_lijst = list(alert.signalen.all())
        alert.kan_combineren = any(s.status == Status.NIEUW for s in alert.signalen_lijst)
        alert.personen_op_adres = list(per_adres.get(alert.adres_id, {}).values())
