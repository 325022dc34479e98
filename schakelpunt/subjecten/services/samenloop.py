"""Samenloop: signals of several departments about one person, address or family network."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from schakelpunt.access.decorators import require
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.notificaties.services import notificatie_send
from schakelpunt.signalen.models import Signaal
from schakelpunt.subjecten.models import (
    FAMILIE_SOORTEN,
    Adres,
    CombineerVerzoek,
    Persoon,
    Relatie,
    SamenloopAlert,
)
from schakelpunt.subjecten.services._basis import _check_reden

# --- Samenloop ------------------------------------------------------------------------------

SOORT_TEKST = {
    SamenloopAlert.Soort.PERSOON: "dezelfde persoon",
    SamenloopAlert.Soort.ADRES: "hetzelfde adres",
    SamenloopAlert.Soort.NETWERK: "hetzelfde familienetwerk",
}


def familienetwerk(persoon_ids: Iterable[int], stappen: int | None = None) -> set[int]:
    """Persons linked by family relations (ouder, broer/zus, partner, familie), up to `stappen` steps."""
    stappen = settings.SAMENLOOP_NETWERK_STAPPEN if stappen is None else stappen
    netwerk = set(persoon_ids)
    rand = set(netwerk)
    for _ in range(stappen):
        if not rand:
            break
        pairs = Relatie.objects.filter(
            Q(van_persoon__in=rand) | Q(naar_persoon__in=rand), soort__in=FAMILIE_SOORTEN, naar_persoon__isnull=False
        ).values_list("van_persoon_id", "naar_persoon_id")
        nieuw = {pk for pair in pairs for pk in pair if pk} - netwerk
        netwerk |= nieuw
        rand = nieuw
    return netwerk


def _signaal_rijen(filter_q: Q, since: datetime.datetime) -> list[tuple]:
    return list(
        Signaal.objects.filter(filter_q, ontvangen_op__gte=since)
        .values_list("pk", "afdeling_id", "ontvangen_op")
        .distinct()
        .order_by("pk")
    )


def _signaal_rijen_per_persoon(persoon_ids: Iterable[int], since: datetime.datetime) -> dict[int, list[tuple]]:
    """_signaal_rijen for several persons in one query: person id -> its rows."""
    per_persoon: dict[int, list[tuple]] = {}
    for pk, afdeling_id, ontvangen_op, persoon_id in (
        Signaal.objects.filter(subject_koppelingen__persoon__in=persoon_ids, ontvangen_op__gte=since)
        .values_list("pk", "afdeling_id", "ontvangen_op", "subject_koppelingen__persoon_id")
        .distinct()
        .order_by("pk")
    ):
        per_persoon.setdefault(persoon_id, []).append((pk, afdeling_id, ontvangen_op))
    return per_persoon


def _rijen_van(per_persoon: dict[int, list[tuple]], persoon_ids: Iterable[int]) -> list[tuple]:
    """The distinct rows of these persons' signals, by signal id (as _signaal_rijen gives them)."""
    rijen = {rij[0]: rij for pk in persoon_ids for rij in per_persoon.get(pk, ())}
    return [rijen[pk] for pk in sorted(rijen)]


def boven_drempel(rijen: list[tuple]) -> bool:
    afdelingen = {r[1] for r in rijen if r[1]}
    return len(afdelingen) >= 2 or len(rijen) >= settings.SAMENLOOP_MIN_SIGNALEN


def _alert_bijwerken(
    soort: str, rijen: list[tuple], *, persoon=None, adres=None, alert=None, leden=()
) -> SamenloopAlert | None:
    if alert is None:
        alert = SamenloopAlert.objects.filter(
            soort=soort, persoon=persoon, adres=adres, status=SamenloopAlert.Status.OPEN
        ).first()
    if not boven_drempel(rijen):
        if alert is not None:
            alert.status = SamenloopAlert.Status.AFGEHANDELD
            alert.afgehandeld_op = timezone.now()
            alert.toelichting = "Vervallen: niet meer boven de drempel (na samenvoegen of splitsen)."
            alert.save()
        return None
    nieuw = alert is None
    if nieuw:
        # Once handled, the same subject alerts again only when a newer signal arrives.
        vorige = (
            SamenloopAlert.objects.filter(soort=soort, persoon=persoon, adres=adres)
            .exclude(afgehandeld_op__isnull=True)
            .order_by("-afgehandeld_op")
            .first()
        )
        if vorige is not None and max(r[2] for r in rijen) <= vorige.afgehandeld_op:
            return None
        alert = SamenloopAlert(soort=soort, persoon=persoon, adres=adres)
    oude_afdelingen = set() if nieuw else set(alert.afdelingen.values_list("pk", flat=True))
    afdelingen = {r[1] for r in rijen if r[1]}
    alert.aantal_signalen = len(rijen)
    alert.aantal_afdelingen = len(afdelingen)
    alert.eerste_signaal_op = min(r[2] for r in rijen)
    alert.laatste_signaal_op = max(r[2] for r in rijen)
    bekend = oude_afdelingen
    if nieuw:
        try:
            with transaction.atomic():
                alert.save()
        except IntegrityError:  # a concurrent signal opened it first
            alert = SamenloopAlert.objects.get(
                soort=soort, persoon=persoon, adres=adres, status=SamenloopAlert.Status.OPEN
            )
            nieuw = False
            bekend = set(alert.afdelingen.values_list("pk", flat=True))
    else:
        alert.save()  # an update changes no field of the unique constraints: no savepoint needed
    alert.signalen.set([r[0] for r in rijen])
    # The departments already read above: only the difference is written (set() would read them again).
    alert.afdelingen.remove(*(bekend - afdelingen))
    alert.afdelingen.add(*(afdelingen - bekend))
    if leden:
        alert.leden.set(leden)
    if nieuw or afdelingen - oude_afdelingen:
        from schakelpunt.signalen.services import aandachtsfunctionarissen

        # No names in a notice: it says that there is samenloop and links to the overview.
        notificatie_send(
            ontvangers=aandachtsfunctionarissen(),
            onderwerp=f"Samenloop: {alert.aantal_signalen} signalen van {alert.aantal_afdelingen} afdeling(en)",
            tekst=f"Signalen van {alert.aantal_afdelingen} afdeling(en) gaan over {SOORT_TEKST[soort]}. "
            "Bekijk de samenloop in Schakelpunt.",
            url=reverse("subjecten:samenloop"),
        )
    return alert


def samenloop_bijwerken(
    *, personen: Iterable[Persoon] = (), adressen: Iterable[Adres] = (), now: datetime.datetime | None = None
) -> list[SamenloopAlert]:
    """Check samenloop for these persons (and their family network) and addresses; open, update or
    close alerts. Called by the resolver after a new signal and after merges, splits and relations."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=settings.SAMENLOOP_PERIODE_DAGEN)
    alerts = []
    for persoon in {p.pk: p for p in personen if p is not None and p.actief}.values():
        netwerk = familienetwerk([persoon.pk])
        bestaand = (
            SamenloopAlert.objects.filter(
                soort=SamenloopAlert.Soort.NETWERK, status=SamenloopAlert.Status.OPEN, leden__in=netwerk
            )
            .select_related("persoon")
            .distinct()
            .first()
        )
        anker = persoon
        if bestaand is not None and bestaand.persoon_id != persoon.pk:
            # One network, one alert: it stays with the person it was first raised for.
            anker = bestaand.persoon
            netwerk = familienetwerk([anker.pk])
        # One query for the signals of the person, the anchor and the network.
        per_persoon = _signaal_rijen_per_persoon(netwerk | {persoon.pk}, since)
        alerts.append(
            _alert_bijwerken(SamenloopAlert.Soort.PERSOON, _rijen_van(per_persoon, [persoon.pk]), persoon=persoon)
        )
        rijen = _rijen_van(per_persoon, [anker.pk])
        if len(netwerk) > 1:
            netwerk_rijen = _rijen_van(per_persoon, netwerk)
            # Only when other family members add signals to the person's own.
            if len(netwerk_rijen) > len(rijen) or bestaand is not None:
                alerts.append(
                    _alert_bijwerken(
                        SamenloopAlert.Soort.NETWERK, netwerk_rijen, persoon=anker, alert=bestaand, leden=netwerk
                    )
                )
        elif bestaand is not None:
            _alert_bijwerken(SamenloopAlert.Soort.NETWERK, [], persoon=anker, alert=bestaand)
    for adres in {a.pk: a for a in adressen if a is not None}.values():
        rijen = _signaal_rijen(Q(subject_koppelingen__adres=adres), since)
        alerts.append(_alert_bijwerken(SamenloopAlert.Soort.ADRES, rijen, adres=adres))
    return [a for a in alerts if a is not None]


def samenloop_afhandelen(*, actor, alert: SamenloopAlert, toelichting: str) -> SamenloopAlert:
    """The aandachtsfunctionaris has looked at the samenloop (e.g. opened a casus) and says what was done."""
    decision = require(actor, "samenloop.afhandelen", object_type="samenloop")
    toelichting = _check_reden(toelichting, "toelichting")
    with transaction.atomic():
        locked = SamenloopAlert.objects.select_for_update().get(pk=alert.pk)
        if locked.status != SamenloopAlert.Status.OPEN:
            raise ValidationError({"status": "Deze samenloop is al afgehandeld."})
        locked.status = SamenloopAlert.Status.AFGEHANDELD
        locked.afgehandeld_door = actor
        locked.afgehandeld_op = timezone.now()
        locked.toelichting = toelichting
        locked.save()
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.UPDATE,
            object_type="samenloop",
            object_id=locked.pk,
            betrokkenen=[s.log_key for s in (locked.persoon, locked.adres) if s is not None],
        )
    alert.refresh_from_db()
    return alert


def samenloop_combineren_vragen(*, actor, persoon: Persoon, toelichting: str = "") -> CombineerVerzoek:
    """Someone with sight of a person (not of the signals) asks the meldpunt to combine what is known.

    Records the request (the returned CombineerVerzoek, logged) and notifies every
    aandachtsfunctionaris with a link to the person; nothing is combined here, the meldpunt decides.
    """
    decision = require(actor, "subject.combineren.vragen", persoon, object_type="persoon")
    with transaction.atomic():
        verzoek = CombineerVerzoek.objects.create(persoon=persoon, door=actor, toelichting=(toelichting or "").strip())
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.CREATE,
            object_type="combineerverzoek",
            object_id=verzoek.pk,
            betrokkenen=[persoon.log_key],
        )
        from schakelpunt.signalen.services import aandachtsfunctionarissen

        afdeling = f" ({actor.afdeling})" if getattr(actor, "afdeling_id", None) else ""
        notificatie_send(
            ontvangers=aandachtsfunctionarissen(),
            onderwerp="Verzoek om informatie over een persoon te combineren",
            tekst=f"{actor.display_name()}{afdeling} vraagt het meldpunt de informatie over een persoon te "
            "combineren. Het verzoek staat bij de persoon.",
            url=reverse("subjecten:persoon", kwargs={"pk": persoon.pk}),
        )
    return verzoek
