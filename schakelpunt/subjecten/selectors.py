"""Subject reads: every read asks the access point what the user may see and logs it per person concerned.

Stable names (the subject page and network view build on them):

``persoon_get(*, user, pk)``                         -> Persoon (404 for anyone who may not see it)
``persoon_signalen(*, user, persoon)``               -> list[Signaal] the user may see about the person
``persoon_netwerk(*, user, persoon, hops=1)``        -> Netwerk(knopen, verbindingen) visible to the user
``persoon_samenvoegingen(*, user, persoon)``         -> list[Samenvoeging] (meldpunt only)
``samenloop_hit(*, user, persoon)``                  -> SamenloopHit: "also known at N other departments
                                                        since <month year>", never what was reported
``samenloop_list(*, user, status="open")``           -> list[SamenloopAlert] (meldpunt only)
``mogelijke_match_list(*, user, status="open")``     -> list[MogelijkeMatch] (meldpunt only)
``betrokkene_subjecten(*, user, signaal)``           -> {betrokkene_id: {...}} or None when the user may
                                                        not see subjects (a melder: always None)
``samenloop_prefetch()``                             -> Prefetch of open alerts as ``signaal.open_samenloop``
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.http import Http404

from schakelpunt.access.decorators import refuse
from schakelpunt.access.policy import decide, scope
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import Entry, log_access, write
from schakelpunt.signalen.models import Betrokkene, Signaal
from schakelpunt.subjecten.models import (
    Adres,
    Beoordeling,
    BetrokkeneKoppeling,
    MogelijkeMatch,
    Organisatie,
    Persoon,
    Relatie,
    SamenloopAlert,
    Samenvoeging,
    Telefoonnummer,
    Voertuig,
)

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def _require(user, code: str, obj=None, *, object_type: str = "persoon"):
    decision = decide(user, code, obj)
    if not decision:
        refuse(user, decision, object_type=object_type, object_id=str(getattr(obj, "pk", "") or ""))
    return decision


def _zichtbaar(user, persoon: Persoon | None, pk) -> None:
    """404 for a person that does not exist or that the user may not see; a refusal is logged."""
    if persoon is None:
        raise Http404("Persoon niet gevonden")
    decision = decide(user, "subject.view", persoon)
    if not decision:
        log_access(actor=user, decision=decision, object_type="persoon", object_id=pk)
        raise Http404("Persoon niet gevonden")
    return decision


# --- One person -----------------------------------------------------------------------------


def persoon_get(*, user, pk: int) -> Persoon:
    """One person for the meldpunt or a user with a grant; anyone else gets 404 (logged)."""
    persoon = Persoon.objects.select_related("woonadres", "samengevoegd_in").filter(pk=pk).first()
    decision = _zichtbaar(user, persoon, pk)
    log_access(actor=user, decision=decision, object_type="persoon", object_id=pk, betrokkenen=[persoon.log_key])
    return persoon


def persoon_signalen(*, user, persoon: Persoon) -> list[Signaal]:
    """The signals about `persoon` that the user may see, newest first.

    The meldpunt sees all of them; a user with only a grant on the person sees none (they get the
    hit instead, see samenloop_hit). Each signal carries ``rollen`` (the person's role(s) in it).
    """
    _zichtbaar(user, persoon, persoon.pk)
    queryset, decision = scope(user, "signaal.view", Signaal.objects.filter(subject_koppelingen__persoon=persoon))
    if not decision:
        return []
    signalen = list(
        queryset.distinct()
        .select_related("afdeling")
        .prefetch_related("fenomenen", Prefetch("betrokkenen", queryset=Betrokkene.objects.only("id", "signaal_id")))
        .order_by("-ontvangen_op", "-id")
    )
    rollen: dict[int, list[str]] = {}
    for signaal_id, rol in Betrokkene.objects.filter(
        signaal__in=[s.pk for s in signalen], koppeling__persoon=persoon
    ).values_list("signaal_id", "rol"):
        rollen.setdefault(signaal_id, []).append(rol)
    entries = [Entry(Action.READ, "persoon", str(persoon.pk), persoon.log_key)]
    for signaal in signalen:
        signaal.rollen = rollen.get(signaal.pk, [])
        entries.extend(Entry(Action.READ, "signaal", str(signaal.pk), b.log_key) for b in signaal.betrokkenen.all())
    write(actor=user, role=decision.role, doel=decision.purpose, verwerking=decision.activity, entries=entries)
    return signalen


def persoon_samenvoegingen(*, user, persoon: Persoon) -> list[Samenvoeging]:
    """Merges and splits this person took part in, newest first (meldpunt only)."""
    decision = decide(user, "subject.match.beoordelen", persoon)
    if not decision:
        return []
    records = list(
        Samenvoeging.objects.filter(Q(bron=persoon) | Q(doel=persoon)).select_related(
            "bron", "doel", "door", "ongedaan_gemaakt_door"
        )
    )
    log_access(
        actor=user, decision=decision, object_type="persoon", object_id=persoon.pk, betrokkenen=[persoon.log_key]
    )
    return records


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
_VAN = {"persoon": "van_persoon", "organisatie": "van_organisatie"}
_NAAR = {
    "persoon": "naar_persoon",
    "adres": "naar_adres",
    "organisatie": "naar_organisatie",
    "voertuig": "naar_voertuig",
    "telefoon": "naar_telefoonnummer",
}
_MODELLEN = {
    "persoon": Persoon,
    "adres": Adres,
    "organisatie": Organisatie,
    "voertuig": Voertuig,
    "telefoon": Telefoonnummer,
}


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


def persoon_netwerk(*, user, persoon: Persoon, hops: int = 1) -> Netwerk:
    """Subjects related to `persoon` up to `hops` relations away, and the relations between them.

    The meldpunt sees the whole network. A user with a grant sees the persons they were granted
    and the addresses, organisations, vehicles and numbers directly related to those, nothing more.
    Every subject shown is logged as a read.
    """
    decision = _zichtbaar(user, persoon, persoon.pk)
    volledig = bool(decide(user, "subject.netwerk.view"))
    hops = max(0, min(hops, 3))
    bekend: set[tuple[str, int]] = {("persoon", persoon.pk)}
    rand = set(bekend)
    relaties: dict[int, Relatie] = {}
    for _ in range(hops):
        if not rand or len(bekend) >= MAX_KNOPEN:
            break
        q = Q()
        for soort in {s for s, _pk in rand}:
            ids = [pk for s, pk in rand if s == soort]
            if soort in _VAN:
                q |= Q(**{f"{_VAN[soort]}__in": ids})
            q |= Q(**{f"{_NAAR[soort]}__in": ids})
        nieuw = set()
        for rel in Relatie.objects.filter(q).order_by("pk")[: MAX_KNOPEN * 4]:
            relaties[rel.pk] = rel
            for eind in _eindpunten(rel):
                if eind not in bekend:
                    nieuw.add(eind)
        bekend |= nieuw
        rand = nieuw
    objecten: dict[tuple[str, int], object] = {}
    for soort, model in _MODELLEN.items():
        ids = [pk for s, pk in bekend if s == soort]
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
    log_access(
        actor=user,
        decision=decision,
        object_type="persoon",
        object_id=persoon.pk,
        betrokkenen=[k.id for k in netwerk.knopen],
        toelichting="netwerk",
    )
    return netwerk


# --- Samenloop ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SamenloopHit:
    """That a person is known elsewhere, never what was reported there."""

    aantal_afdelingen: int
    sinds: datetime.date | None

    @property
    def tekst(self) -> str:
        if not self.aantal_afdelingen or self.sinds is None:
            return "Niet bekend bij andere afdelingen."
        afdelingen = (
            "1 andere afdeling" if self.aantal_afdelingen == 1 else f"{self.aantal_afdelingen} andere afdelingen"
        )
        return f"Ook bekend bij {afdelingen} sinds {MAANDEN[self.sinds.month - 1]} {self.sinds.year}."


def samenloop_hit(*, user, persoon: Persoon) -> SamenloopHit:
    """For someone who may see the person but not the signals: at how many other departments
    (other than the user's own) the person is known, and since when. Nothing about the content."""
    if persoon is None:
        raise Http404("Persoon niet gevonden")
    decision = decide(user, "subject.hit", persoon)
    if not decision:
        log_access(actor=user, decision=decision, object_type="persoon", object_id=persoon.pk)
        raise Http404("Persoon niet gevonden")
    rijen = Signaal.objects.filter(subject_koppelingen__persoon=persoon, afdeling__isnull=False)
    if getattr(user, "afdeling_id", None):
        rijen = rijen.exclude(afdeling_id=user.afdeling_id)
    rijen = list(rijen.values_list("afdeling_id", "ontvangen_op"))
    afdelingen = {a for a, _t in rijen}
    sinds = min(t for _a, t in rijen).date() if rijen else None
    log_access(
        actor=user,
        decision=decision,
        object_type="persoon",
        object_id=persoon.pk,
        betrokkenen=[persoon.log_key],
        toelichting="samenloop: hit",
    )
    return SamenloopHit(len(afdelingen), sinds)


def samenloop_list(*, user, status: str = SamenloopAlert.Status.OPEN) -> list[SamenloopAlert]:
    """Samenloop alerts for the meldpunt, most recently changed first."""
    decision = _require(user, "samenloop.view", object_type="samenloop")
    alerts = list(
        SamenloopAlert.objects.filter(status=status)
        .select_related("persoon", "adres")
        .prefetch_related("afdelingen", "leden")
        .order_by("-bijgewerkt_op", "-id")[:500]
    )
    entries = []
    for alert in alerts:
        keys = [s.log_key for s in (alert.persoon, alert.adres) if s is not None] or [""]
        entries.extend(Entry(Action.READ, "samenloop", str(alert.pk), key) for key in keys)
    write(actor=user, role=decision.role, doel=decision.purpose, verwerking=decision.activity, entries=entries)
    return alerts


def samenloop_prefetch() -> Prefetch:
    """For lists of signals: the open samenloop alerts of each signal as ``signaal.open_samenloop``."""
    return Prefetch(
        "samenloop_alerts",
        queryset=SamenloopAlert.objects.filter(status=SamenloopAlert.Status.OPEN)
        .only("id", "soort", "aantal_afdelingen", "aantal_signalen")
        .order_by("-aantal_afdelingen", "-aantal_signalen"),
        to_attr="open_samenloop",
    )


# --- Mogelijke matches and links ------------------------------------------------------------


def mogelijke_match_list(*, user, status: str = Beoordeling.OPEN, limit: int = 200) -> list[MogelijkeMatch]:
    """Grey-zone candidates for the aandachtsfunctionaris to confirm or reject, oldest first."""
    decision = _require(user, "subject.match.beoordelen", object_type="mogelijke_match")
    matches = list(
        MogelijkeMatch.objects.filter(status=status)
        .select_related("persoon__woonadres", "kandidaat__woonadres", "bron_signaal")
        .order_by("aangemaakt_op", "id")[:limit]
    )
    entries = []
    for m in matches:
        entries.extend(Entry(Action.READ, "mogelijke_match", str(m.pk), p.log_key) for p in (m.persoon, m.kandidaat))
    write(actor=user, role=decision.role, doel=decision.purpose, verwerking=decision.activity, entries=entries)
    return matches


def mogelijke_match_get(*, user, pk: int) -> MogelijkeMatch:
    _require(user, "subject.match.beoordelen", object_type="mogelijke_match")
    match = MogelijkeMatch.objects.select_related("persoon", "kandidaat").filter(pk=pk).first()
    if match is None:
        raise Http404("Mogelijke match niet gevonden")
    return match


def betrokkene_subjecten(*, user, signaal: Signaal) -> dict[int, dict] | None:
    """Per betrokkene of the signal: the subject it was resolved to and its open candidates.

    None for anyone who may not see subjects: a melder learns nothing here, not even "known".
    """
    decision = decide(user, "subject.koppeling.view")
    if not decision:
        return None
    koppelingen = {k.betrokkene_id: k for k in BetrokkeneKoppeling.objects.filter(signaal=signaal)}
    persoon_ids = [k.persoon_id for k in koppelingen.values() if k.persoon_id]
    kandidaten: dict[int, list[dict]] = {}
    for m in MogelijkeMatch.objects.filter(persoon_id__in=persoon_ids, status=Beoordeling.OPEN).order_by("-score"):
        kandidaten.setdefault(m.persoon_id, []).append(
            {
                "mogelijke_match_id": m.pk,
                "persoon_id": m.kandidaat_id,
                "score": round(m.score, 4),
                "toelichting": m.toelichting,
            }
        )
    result = {}
    keys = []
    for betrokkene_id, k in koppelingen.items():
        result[betrokkene_id] = {
            "persoon_id": k.persoon_id,
            "adres_id": k.adres_id,
            "organisatie_id": k.organisatie_id,
            "voertuig_id": k.voertuig_id,
            "telefoonnummer_id": k.telefoonnummer_id,
            "methode": k.methode,
            "score": round(k.score, 4) if k.score is not None else None,
            "toelichting": k.toelichting,
            "mogelijke_matches": kandidaten.get(k.persoon_id, []) if k.persoon_id else [],
        }
        keys.extend(f"persoon:{pk}" for pk in [k.persoon_id] if pk)
        keys.extend(
            c["persoon_id"] and f"persoon:{c['persoon_id']}" for c in result[betrokkene_id]["mogelijke_matches"]
        )
    log_access(
        actor=user,
        decision=decision,
        object_type="signaal",
        object_id=signaal.pk,
        betrokkenen=keys,
        toelichting="koppelingen van betrokkenen",
    )
    return result
