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
from schakelpunt.subjecten.presenter import tijdlijn as tekst
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
    return tekst.relatie(_label(_soort_van(van), van), rel.get_soort_display(), _label(_soort_van(naar), naar))


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
    The wording of each line is the presenter's (``presenter.tijdlijn``).
    """
    decision = _zichtbaar(user, persoon)
    if signalen is None:
        signalen = persoon_signalen(user=user, persoon=persoon)
    if samenvoegingen is None:
        samenvoegingen = persoon_samenvoegingen(user=user, persoon=persoon)
    if samenloop is None:
        samenloop = persoon_samenloop(user=user, persoon=persoon)
    genoemd: set[str] = set()
    items = [
        Gebeurtenis(persoon.aangemaakt_op, "register", tekst.OPGENOMEN, tekst.bron(persoon.get_bron_display())),
        *_signaal_gebeurtenissen(signalen),
        *(_relatie_gebeurtenissen(persoon, genoemd) if decide(user, "subject.netwerk.view") else []),
        *_samenvoeging_gebeurtenissen(persoon, samenvoegingen, genoemd),
        *_samenloop_gebeurtenissen(samenloop),
    ]
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


def _signaal_gebeurtenissen(signalen: list[Signaal]) -> list[Gebeurtenis]:
    return [
        Gebeurtenis(
            signaal.ontvangen_op,
            "signaal",
            tekst.signaal_titel(signaal.nummer, str(signaal.afdeling) if signaal.afdeling_id else ""),
            tekst.signaal_tekst(getattr(signaal, "rollen", []), [f.naam for f in signaal.fenomenen.all()]),
            signaal=signaal,
        )
        for signaal in signalen
    ]


def _relatie_gebeurtenissen(persoon: Persoon, genoemd: set[str]) -> list[Gebeurtenis]:
    """Relations of the person: their beginning and end, or when they were recorded (without dates)."""
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
    items = []
    for rel in relaties:
        omschrijving = _relatie_tekst(rel)
        ander = rel.naar_persoon if rel.van_persoon_id == persoon.pk else rel.van_persoon
        ander_id = ander.pk if ander is not None and ander.pk != persoon.pk else None
        genoemd.update(obj.log_key for obj in (rel.van, rel.naar))
        bron = tekst.relatie_bron(
            rel.bron_signaal.nummer if rel.bron_signaal_id else "", rel.get_bron_display(), rel.toelichting
        )
        momenten = [(rel.geldig_van, "begin"), (rel.geldig_tot, "einde")]
        if not rel.geldig_van and not rel.geldig_tot:
            momenten = [(rel.aangemaakt_op, "vastgelegd")]
        items.extend(
            Gebeurtenis(moment, "relatie", tekst.relatie_titel(wat, omschrijving), bron, persoon_id=ander_id)
            for moment, wat in momenten
            if moment
        )
    return items


def _samenvoeging_gebeurtenissen(
    persoon: Persoon, samenvoegingen: list[Samenvoeging], genoemd: set[str]
) -> list[Gebeurtenis]:
    items = []
    for record in samenvoegingen:
        titel = tekst.samenvoeging_titel(
            record.soort == Samenvoeging.Soort.SAMENVOEGEN,
            record.bron.naam or f"persoon {record.bron_id}",
            record.doel.naam or f"persoon {record.doel_id}",
        )
        ander = record.doel_id if record.bron_id == persoon.pk else record.bron_id
        genoemd.update({record.bron.log_key, record.doel.log_key})
        items.append(Gebeurtenis(record.tijdstip, "samenvoeging", titel, tekst.reden(record.reden), persoon_id=ander))
    return items


def _samenloop_gebeurtenissen(samenloop: list[SamenloopAlert]) -> list[Gebeurtenis]:
    items = []
    for alert in samenloop:
        items.append(
            Gebeurtenis(
                alert.aangemaakt_op,
                "samenloop",
                tekst.samenloop_titel(alert.get_soort_display()),
                tekst.samenloop_tekst(alert.aantal_signalen, alert.aantal_afdelingen),
            )
        )
        if alert.afgehandeld_op:
            items.append(Gebeurtenis(alert.afgehandeld_op, "samenloop", tekst.SAMENLOOP_AFGEHANDELD, alert.toelichting))
    return items
