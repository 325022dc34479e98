"""Netwerk: the subjects related to a person, step by step, as far as the user may see them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q

from schakelpunt.access.policy import decide, scope, verify
from schakelpunt.audit.services import log_access
from schakelpunt.subjecten.models import (
    Persoon,
    Relatie,
)
from schakelpunt.subjecten.selectors._basis import _zichtbaar
from schakelpunt.subjecten.soorten import SubjectSoort

# --- The network ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Knoop:
    id: str  # "persoon:12", "adres:3", ... (also the pseudonymous log key)
    soort: str
    pk: int
    label: str
    start: bool = False


@dataclass(frozen=True)
class Verbinding:
    van: str
    naar: str
    soort: str
    label: str
    relatie_id: int
    bron: str
    geldig_van: datetime.date | None = None
    geldig_tot: datetime.date | None = None


@dataclass
class Netwerk:
    knopen: list[Knoop] = field(default_factory=list)
    verbindingen: list[Verbinding] = field(default_factory=list)


MAX_KNOPEN = 250
# Derived from SubjectSoort (one row per kind), keyed by the kind's code.
_VAN = {s.value: s.van_veld for s in SubjectSoort if s.van_veld}
_NAAR = {s.value: s.naar_veld for s in SubjectSoort}
_MODELLEN = {s.value: s.model() for s in SubjectSoort}


def _label(soort: str, obj) -> str:
    if soort == "persoon":
        return f"{obj.naam or 'onbekend'}" + (f" ({obj.geboortedatum_tekst})" if obj.geboortejaar else "")
    if soort == "adres":
        return obj.tekst
    if soort == "organisatie":
        return obj.naam or f"KvK {obj.kvk_nummer}"
    if soort == "voertuig":
        return obj.kenteken
    return obj.nummer


def _eindpunten(rel: Relatie) -> tuple[tuple[str, int], tuple[str, int]]:
    van = ("persoon", rel.van_persoon_id) if rel.van_persoon_id else ("organisatie", rel.van_organisatie_id)
    for soort, veld in _NAAR.items():
        pk = getattr(rel, f"{veld}_id")
        if pk:
            return van, (soort, pk)
    raise ValueError("relatie zonder doel")


def volledige_inzage(user) -> bool:
    """Whether `user` sees a subject in full (signals, network), or only the samenloop hit.

    One answer for the page and the API, so that the two cannot drift apart."""
    return bool(decide(user, "subject.volledig.view"))


def _netwerk_ophalen(*, user, persoon: Persoon, hops: int) -> tuple[Netwerk, NetwerkInfo]:
    """The network as persoon_netwerk describes it, without logging; with each subject's hop distance."""
    volledig = volledige_inzage(user)
    hops = max(0, min(hops, 3))
    bekend: set[tuple[str, int]] = {("persoon", persoon.pk)}
    afstand: dict[tuple[str, int], int] = {("persoon", persoon.pk): 0}
    rand = set(bekend)
    relaties: dict[int, Relatie] = {}
    afgekapt = False
    for stap in range(hops):
        if not rand:
            break
        if len(bekend) >= MAX_KNOPEN:
            afgekapt = True
            break
        q = Q()
        for soort in {s for s, _pk in rand}:
            ids = [pk for s, pk in rand if s == soort]
            if soort in _VAN:
                q |= Q(**{f"{_VAN[soort]}__in": ids})
            q |= Q(**{f"{_NAAR[soort]}__in": ids})
        nieuw = set()
        gevonden = list(Relatie.objects.filter(q).order_by("pk")[: MAX_KNOPEN * 4])
        afgekapt = afgekapt or len(gevonden) >= MAX_KNOPEN * 4
        for rel in gevonden:
            relaties[rel.pk] = rel
            for eind in _eindpunten(rel):
                if eind not in bekend:
                    nieuw.add(eind)
                    afstand.setdefault(eind, stap + 1)
        bekend |= nieuw
        rand = nieuw
    objecten: dict[tuple[str, int], object] = {}
    for soort, model in _MODELLEN.items():
        ids = [pk for s, pk in bekend if s == soort]
        if not ids:
            continue
        qs = model.objects.filter(pk__in=ids)
        if soort == "persoon":
            qs = qs.filter(samengevoegd_in__isnull=True)
        for obj in qs:
            objecten[(soort, obj.pk)] = obj
    objecten[("persoon", persoon.pk)] = persoon
    if not volledig:
        zichtbare_personen = set(
            scope(user, "subject.view", Persoon.objects.filter(pk__in=[pk for s, pk in objecten if s == "persoon"]))[
                0
            ].values_list("pk", flat=True)
        ) | {persoon.pk}
        toegestaan = {("persoon", pk) for pk in zichtbare_personen}
        for rel in relaties.values():
            van, naar = _eindpunten(rel)
            for a, b in ((van, naar), (naar, van)):
                if a in toegestaan and b[0] != "persoon":
                    toegestaan.add(b)
        objecten = {k: v for k, v in objecten.items() if k in toegestaan}
    netwerk = Netwerk()
    for (soort, pk), obj in sorted(objecten.items(), key=lambda item: (item[0][0] != "persoon", item[0])):
        netwerk.knopen.append(
            Knoop(f"{soort}:{pk}", soort, pk, _label(soort, obj), start=(soort, pk) == ("persoon", persoon.pk))
        )
    for rel in sorted(relaties.values(), key=lambda r: r.pk):
        van, naar = _eindpunten(rel)
        if van in objecten and naar in objecten:
            netwerk.verbindingen.append(
                Verbinding(
                    f"{van[0]}:{van[1]}",
                    f"{naar[0]}:{naar[1]}",
                    rel.soort,
                    rel.get_soort_display(),
                    rel.pk,
                    rel.bron,
                    rel.geldig_van,
                    rel.geldig_tot,
                )
            )
    info = NetwerkInfo(
        afstanden={f"{s}:{pk}": afstand.get((s, pk), hops) for s, pk in objecten},
        objecten={f"{s}:{pk}": obj for (s, pk), obj in objecten.items()},
        verder=bool(rand) and hops < 3,
        afgekapt=afgekapt,
    )
    return netwerk, info


def persoon_netwerk(*, user, persoon: Persoon, hops: int = 1) -> Netwerk:
    """Subjects related to `persoon` up to `hops` relations away, and the relations between them.

    The meldpunt sees the whole network. A user with a grant sees the persons they were granted
    and the addresses, organisations, vehicles and numbers directly related to those, nothing more.
    Every subject shown is logged as a read.
    """
    decision = _zichtbaar(user, persoon)
    netwerk, _info = _netwerk_ophalen(user=user, persoon=persoon, hops=hops)
    log_access(
        actor=user,
        decision=decision,
        object_type="persoon",
        object_id=persoon.pk,
        betrokkenen=[k.id for k in netwerk.knopen],
        toelichting="netwerk",
    )
    return netwerk


@dataclass
class NetwerkInfo:
    afstanden: dict[str, int]  # knoop id -> relations away from the person (0 for the person)
    objecten: dict[str, object]  # knoop id -> the subject itself
    verder: bool  # one more step could add subjects
    afgekapt: bool  # the fetch stopped at MAX_KNOPEN


@dataclass
class NetwerkBeeld:
    """What the network view shows: at most `max_knopen` subjects, nearest first."""

    netwerk: Netwerk
    stappen: int
    afstanden: dict[str, int]
    objecten: dict[str, object]
    totaal: int  # subjects found before the cap
    ingekort: bool
    verder: bool


def persoon_netwerk_beeld(*, user, persoon: Persoon, stappen: int = 1, max_knopen: int = 150) -> NetwerkBeeld:
    """The network view of the meldpunt: the network up to `stappen` steps with each subject's distance,
    cut to the `max_knopen` nearest subjects (by distance, kind, name). Only what is shown is logged.

    A fixed number of queries per step (one for the relations, one per kind of subject), never one per subject.
    Anyone without ``subject.netwerk.view`` gets 404, as for a person they may not see.
    """
    decision = _zichtbaar(user, persoon)
    verify(user, "subject.netwerk.view", persoon, object_type="persoon", message="Persoon niet gevonden")
    stappen = max(1, min(stappen, 3))
    netwerk, info = _netwerk_ophalen(user=user, persoon=persoon, hops=stappen)
    totaal = len(netwerk.knopen)
    ingekort = info.afgekapt or totaal > max_knopen
    if totaal > max_knopen:
        gekozen = sorted(
            netwerk.knopen,
            key=lambda k: (info.afstanden[k.id], SubjectSoort.volgorde_van(k.soort), k.label.lower(), k.pk),
        )[:max_knopen]
        ids = {k.id for k in gekozen}
        netwerk = Netwerk(
            knopen=[k for k in netwerk.knopen if k.id in ids],
            verbindingen=[v for v in netwerk.verbindingen if v.van in ids and v.naar in ids],
        )
    ids = {k.id for k in netwerk.knopen}
    log_access(
        actor=user,
        decision=decision,
        object_type="persoon",
        object_id=persoon.pk,
        betrokkenen=[k.id for k in netwerk.knopen],
        toelichting=f"netwerk ({stappen} stappen)",
    )
    return NetwerkBeeld(
        netwerk=netwerk,
        stappen=stappen,
        afstanden={k: v for k, v in info.afstanden.items() if k in ids},
        objecten={k: v for k, v in info.objecten.items() if k in ids},
        totaal=totaal,
        ingekort=ingekort,
        verder=info.verder and not ingekort,
    )
