"""Tijdlijn: what happened around a person, oldest first."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from schakelpunt.access.policy import decide
from schakelpunt.audit.services import log_access
from schakelpunt.signalen.models import Signaal
from schakelpunt.subjecten.models import (
    Persoon,
    Relatie,
    SamenloopAlert,
    Samenvoeging,
)
from schakelpunt.subjecten.presenter import ROL_LABELS as _ROL_LABELS
from schakelpunt.subjecten.selectors._basis import _zichtbaar
from schakelpunt.subjecten.selectors.netwerk import _label
from schakelpunt.subjecten.selectors.personen import persoon_samenvoegingen, persoon_signalen
from schakelpunt.subjecten.selectors.samenloop import persoon_samenloop
from schakelpunt.subjecten.soorten import SubjectSoort


@dataclass(frozen=True)
class Gebeurtenis:
    """One line of a person's timeline."""

    moment: datetime.datetime | datetime.date
    soort: str  # "register" | "signaal" | "relatie" | "samenvoeging" | "samenloop"
    titel: str
    tekst: str = ""
    signaal: Signaal | None = None
    persoon_id: int | None = None  # another person to link to

    @property
    def is_datum(self) -> bool:
        return not isinstance(self.moment, datetime.datetime)

    @property
    def sortering(self) -> tuple:
        if self.is_datum:
            return (self.moment, datetime.time.min)
        lokaal = timezone.localtime(self.moment)
        return (lokaal.date(), lokaal.time())

    @property
    def iso(self) -> str:
        if self.is_datum:
            return self.moment.isoformat()
        return self.moment.astimezone(datetime.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _relatie_tekst(rel: Relatie) -> str:
    van, naar = rel.van, rel.naar
    return f"{_label(_soort_van(van), van)} {rel.get_soort_display()} {_label(_soort_van(naar), naar)}"


def _soort_van(obj) -> str:
    return SubjectSoort.van(obj).value


def persoon_tijdlijn(
    *,
    user,
    persoon: Persoon,
    signalen: list[Signaal] | None = None,
    samenvoegingen: list[Samenvoeging] | None = None,
    samenloop: list[SamenloopAlert] | None = None,
) -> list[Gebeurtenis]:
    """What happened around a person, oldest first: entry in the register, signals received, relations
    beginning and ending (or recorded), merges and splits, samenloop raised and handled.

    Only what the user may see: signals through persoon_signalen, relations with ``subject.netwerk.view``,
    merges with ``subject.samenvoegingen.view``, samenloop with ``samenloop.view``. Pass lists already read
    for the same page to avoid reading (and logging) them twice. Persons named in relations are logged.
    """
    decision = _zichtbaar(user, persoon)
    if signalen is None:
        signalen = persoon_signalen(user=user, persoon=persoon)
    if samenvoegingen is None:
        samenvoegingen = persoon_samenvoegingen(user=user, persoon=persoon)
    if samenloop is None:
        samenloop = persoon_samenloop(user=user, persoon=persoon)
    items = [
        Gebeurtenis(
            persoon.aangemaakt_op,
            "register",
            "Opgenomen in het register",
            f"Bron: {persoon.get_bron_display().lower()}.",
        )
    ]
    for signaal in signalen:
        afdeling = f" van {signaal.afdeling}" if signaal.afdeling_id else ""
        fenomenen = ", ".join(f.naam for f in signaal.fenomenen.all())
        rollen = ", ".join(str(_ROL_LABELS.get(r, r)) for r in getattr(signaal, "rollen", []))
        tekst = f"Rol: {rollen or 'onbekend'}."
        if fenomenen:
            tekst += f" Fenomenen: {fenomenen}."
        items.append(
            Gebeurtenis(
                signaal.ontvangen_op, "signaal", f"Signaal {signaal.nummer} ontvangen{afdeling}", tekst, signaal=signaal
            )
        )
    genoemd: set[str] = set()
    if decide(user, "subject.netwerk.view"):
        relaties = (
            Relatie.objects.filter(Q(van_persoon=persoon) | Q(naar_persoon=persoon))
            .select_related(
                "van_persoon",
                "van_organisatie",
                "naar_persoon",
                "naar_adres",
                "naar_organisatie",
                "naar_voertuig",
                "naar_telefoonnummer",
                "bron_signaal",
            )
            .order_by("pk")
        )
        for rel in relaties:
            tekst = _relatie_tekst(rel)
            ander = rel.naar_persoon if rel.van_persoon_id == persoon.pk else rel.van_persoon
            ander_id = ander.pk if ander is not None and ander.pk != persoon.pk else None
            for obj in (rel.van, rel.naar):
                genoemd.add(obj.log_key)
            bron = (
                f"Bron: signaal {rel.bron_signaal.nummer}."
                if rel.bron_signaal_id
                else f"Bron: {rel.get_bron_display().lower()}."
            )
            if rel.toelichting:
                bron += f" {rel.toelichting}"
            if rel.geldig_van:
                items.append(Gebeurtenis(rel.geldig_van, "relatie", f"Begin: {tekst}", bron, persoon_id=ander_id))
            if rel.geldig_tot:
                items.append(Gebeurtenis(rel.geldig_tot, "relatie", f"Einde: {tekst}", bron, persoon_id=ander_id))
            if not rel.geldig_van and not rel.geldig_tot:
                items.append(
                    Gebeurtenis(rel.aangemaakt_op, "relatie", f"Relatie vastgelegd: {tekst}", bron, persoon_id=ander_id)
                )
    for record in samenvoegingen:
        bron_naam = record.bron.naam or f"persoon {record.bron_id}"
        doel_naam = record.doel.naam or f"persoon {record.doel_id}"
        if record.soort == Samenvoeging.Soort.SAMENVOEGEN:
            titel = f"Samengevoegd: {bron_naam} opgenomen in {doel_naam}"
        else:
            titel = f"Afgesplitst: signalen van {bron_naam} naar {doel_naam}"
        ander = record.doel_id if record.bron_id == persoon.pk else record.bron_id
        genoemd.update({record.bron.log_key, record.doel.log_key})
        items.append(Gebeurtenis(record.tijdstip, "samenvoeging", titel, f"Reden: {record.reden}", persoon_id=ander))
    for alert in samenloop:
        tekst = f"{alert.aantal_signalen} signalen van {alert.aantal_afdelingen} afdeling(en)."
        items.append(
            Gebeurtenis(alert.aangemaakt_op, "samenloop", f"Samenloop gesignaleerd: {alert.get_soort_display()}", tekst)
        )
        if alert.afgehandeld_op:
            items.append(Gebeurtenis(alert.afgehandeld_op, "samenloop", "Samenloop afgehandeld", alert.toelichting))
    genoemd.discard(persoon.log_key)
    log_access(
        actor=user,
        decision=decision,
        object_type="persoon",
        object_id=persoon.pk,
        betrokkenen=[persoon.log_key, *sorted(genoemd)],
        toelichting="tijdlijn",
    )
    return sorted(items, key=lambda g: g.sortering)
