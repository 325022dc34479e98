"""When each record expires, and how it is destroyed: one rule per kind of data.

A rule lists the records that expire up to a date (with their expiry date), the records whose
expiry date cannot be computed (never silently kept forever), and destroys one record. Legal
holds (Bewaarblokkade) on the record or on a person it concerns stop destruction, and so does a
pending data-subject request (Verzoek) or a granted restriction about that person.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import ProtectedError, Q
from django.utils import timezone

from schakelpunt.privacy.models import Bewaarblokkade, Bewaartermijn, Soort, Verzoek
from schakelpunt.signalen.hertellen import hertellen
from schakelpunt.signalen.models import Concept, Signaal


@dataclass(frozen=True)
class Kandidaat:
    soort: str
    object_type: str
    object_id: int
    label: str
    vervaldatum: datetime.date


@dataclass(frozen=True)
class Onberekenbaar:
    soort: str
    object_type: str
    object_id: int
    label: str
    reden: str


def _label(pk: int) -> str:
    return str(Signaal(pk=pk))


def _termijn(soort: str) -> datetime.timedelta | None:
    t = Bewaartermijn.objects.filter(soort=soort).first()
    return datetime.timedelta(days=t.termijn_dagen) if t else None


def geblokkeerde_personen() -> set[int]:
    """Persons under a legal hold, an open data-subject request, or a granted restriction (AVG art. 18)."""
    personen = set(
        Bewaarblokkade.objects.filter(actief=True, persoon__isnull=False).values_list("persoon_id", flat=True)
    )
    personen |= set(
        Verzoek.objects.filter(Q(status=Verzoek.Status.OPEN) | Q(beperking_actief=True))
        .exclude(persoon=None)
        .values_list("persoon_id", flat=True)
    )
    if not personen:
        return set()
    # The request may name one record of a merged person: the whole identity is held.
    from schakelpunt.audit.personen import identiteit

    result: set[int] = set()
    for pk in personen:
        if pk not in result:
            result |= identiteit(pk)
    return result


def geblokkeerde_signalen() -> set[int]:
    """Signals under an active legal hold, directly or through a person they concern (hold or pending request)."""
    holds = Bewaarblokkade.objects.filter(actief=True)
    direct = set(holds.filter(signaal__isnull=False).values_list("signaal_id", flat=True))
    personen = geblokkeerde_personen()
    via = (
        set(Signaal.objects.filter(subject_koppelingen__persoon__in=personen).values_list("pk", flat=True))
        if personen
        else set()
    )
    return direct | via


def signalen_in_casus() -> set[int]:
    """Signals that went into a casus follow the casus's retention (the casus app registers this)."""
    field_names = {f.name for f in Signaal._meta.get_fields()}
    if "casussen" not in field_names:
        return set()
    return set(Signaal.objects.filter(casussen__isnull=False).values_list("pk", flat=True))


def kandidaten(peildatum: datetime.date) -> list[Kandidaat]:
    """Every record that expires on or before `peildatum`, holds left out."""
    result: list[Kandidaat] = []
    termijn = _termijn(Soort.SIGNAAL_ZONDER_VERVOLG)
    if termijn is not None:
        uitgesloten = geblokkeerde_signalen() | signalen_in_casus()
        grens = timezone.make_aware(datetime.datetime.combine(peildatum - termijn, datetime.time.max))
        for pk, afgesloten in (
            Signaal.objects.filter(is_open=False, afgesloten_op__isnull=False, afgesloten_op__lte=grens)
            .exclude(pk__in=uitgesloten)
            .values_list("pk", "afgesloten_op")
        ):
            result.append(
                Kandidaat(
                    Soort.SIGNAAL_ZONDER_VERVOLG, "signaal", pk, _label(pk), timezone.localdate(afgesloten) + termijn
                )
            )
    termijn = _termijn(Soort.CONCEPT)
    if termijn is not None:
        grens = timezone.make_aware(datetime.datetime.combine(peildatum - termijn, datetime.time.max))
        for pk, bijgewerkt in Concept.objects.filter(bijgewerkt_op__lte=grens).values_list("pk", "bijgewerkt_op"):
            result.append(
                Kandidaat(Soort.CONCEPT, "concept", pk, f"Concept {pk}", timezone.localdate(bijgewerkt) + termijn)
            )
    return result


def onberekenbaar() -> list[Onberekenbaar]:
    """Records whose expiry date cannot be computed: listed, so that nobody keeps them forever by accident."""
    result = []
    for pk in Signaal.objects.filter(is_open=False, afgesloten_op__isnull=True).values_list("pk", flat=True):
        result.append(Onberekenbaar(Soort.SIGNAAL_ZONDER_VERVOLG, "signaal", pk, _label(pk), "afgesloten zonder datum"))
    return result


def persoon_keys(object_type: str, object_id: int) -> list[str]:
    """The person keys a record concerns, for the access-log entry of its destruction."""
    if object_type != "signaal":
        return []
    from schakelpunt.signalen.models import Betrokkene

    return Betrokkene.log_keys(object_id)


def vernietig(object_type: str, object_id: int) -> dict[str, int]:
    """Destroy one record with everything that hangs on it; returns what was destroyed, by kind.

    Idempotent: a record that is already gone destroys nothing. Files are removed before the rows,
    so an interruption can leave a row without its file (destroyed on the rerun), never a file
    without its row.
    """
    if object_type == "concept":
        deleted, _ = Concept.objects.filter(pk=object_id).delete()
        return {"concept": deleted}
    if object_type != "signaal":
        raise ValueError(f"onbekend objecttype {object_type}")
    signaal = Signaal.objects.filter(pk=object_id).first()
    if signaal is None:
        return {}
    telling = {"signaal": 1, "bijlage": 0, "persoon": 0}
    for bijlage in signaal.bijlagen.all():
        if bijlage.bestand:
            bijlage.bestand.delete(save=False)
        telling["bijlage"] += 1
    from schakelpunt.subjecten.models import Bron, Persoon

    persoon_ids = set(signaal.subject_koppelingen.exclude(persoon=None).values_list("persoon_id", flat=True))
    with hertellen([signaal.pk]):  # inzicht's pre-aggregated counts lose it in the same transaction
        signaal.delete()
    # Persons the register knew only from this signal, and that nobody else refers to, go too.
    wees = Persoon.objects.filter(pk__in=persoon_ids, bron=Bron.SIGNAAL).exclude(Q(koppelingen__isnull=False))
    for persoon in wees:
        try:
            persoon.delete()
            telling["persoon"] += 1
        except ProtectedError:
            continue  # still part of a merge history or a relation: kept, with the rest of its record
    return telling
