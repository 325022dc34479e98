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

For the subject page (meldpunt unless said otherwise):

``persoon_netwerk_beeld(*, user, persoon, stappen, max_knopen)`` -> NetwerkBeeld: the network with each
                                                        subject's distance, cut to the nearest max_knopen
``persoon_tijdlijn(*, user, persoon, ...)``          -> list[Gebeurtenis], oldest first
``persoon_samenloop(*, user, persoon)``              -> list[SamenloopAlert] about the person, network, address
``persoon_bsn(*, user, persoon)``                    -> the full BSN (anyone who sees the person; logged apart)
``persoon_inzagen(*, user, persoon)`` / ``inzage_collegas(*, user)`` -> grants given / colleagues to grant
``relatie_kandidaten(*, user, persoon, netwerk, signalen)`` -> list[Knoop] to pick for a new relation
``relatie_subject(*, user, sleutel | persoonsnummer | kenteken)`` -> the subject picked (ValidationError)
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import partial

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.utils import timezone

from schakelpunt.access.decorators import require
from schakelpunt.access.policy import Decision, decide, fetch, scope, verify
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import Entry, log_access, write
from schakelpunt.signalen.constants import Rol as BetrokkeneRol
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
    SubjectInzage,
    Telefoonnummer,
    Voertuig,
)
from schakelpunt.subjecten.netwerkbeeld import SOORT_VOLGORDE

_ROL_LABELS = dict(BetrokkeneRol.choices)

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


# Subject rules are about persons unless a call says otherwise.
_require = partial(require, object_type="persoon")


def _zichtbaar(user, persoon: Persoon) -> Decision:
    """The decision to show `persoon`; NotFound (404, refusal logged) for a person the user may not see."""
    return verify(user, "subject.view", persoon, object_type="persoon", message="Persoon niet gevonden")


# --- One person -----------------------------------------------------------------------------


def persoon_get(*, user, pk: int) -> Persoon:
    """One person for the meldpunt or a user with a grant; anyone else gets 404 (logged)."""
    persoon, decision = fetch(
        user,
        "subject.view",
        Persoon.objects.select_related("woonadres", "samengevoegd_in"),
        pk,
        object_type="persoon",
        message="Persoon niet gevonden",
    )
    log_access(actor=user, decision=decision, object_type="persoon", object_id=pk, betrokkenen=[persoon.log_key])
    return persoon


def persoon_signalen(*, user, persoon: Persoon) -> list[Signaal]:
    """The signals about `persoon` that the user may see, newest first.

    The meldpunt sees all of them; a user with only a grant on the person sees none (they get the
    hit instead, see samenloop_hit). Each signal carries ``rollen`` (the person's role(s) in it).
    """
    _zichtbaar(user, persoon)
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
    decision = decide(user, "subject.samenvoegingen.view", persoon)
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


# --- The subject page -----------------------------------------------------------------------


def persoon_bsn(*, user, persoon: Persoon) -> str:
    """The full BSN, shown only when asked for; logged as a read of its own."""
    decision = _zichtbaar(user, persoon)
    log_access(
        actor=user,
        decision=decision,
        object_type="persoon",
        object_id=persoon.pk,
        betrokkenen=[persoon.log_key],
        toelichting="BSN getoond",
    )
    return persoon.bsn


def persoon_samenloop(*, user, persoon: Persoon) -> list[SamenloopAlert]:
    """Samenloop alerts about this person, their family network or their address, newest first (meldpunt only)."""
    decision = decide(user, "samenloop.view")
    if not decision:
        return []
    q = Q(persoon=persoon) | Q(leden=persoon)
    if persoon.woonadres_id:
        q |= Q(adres_id=persoon.woonadres_id)
    alerts = list(
        SamenloopAlert.objects.filter(pk__in=SamenloopAlert.objects.filter(q).values("pk"))
        .select_related("adres")
        .prefetch_related("afdelingen")
        .order_by("-bijgewerkt_op", "-id")
    )
    log_access(
        actor=user,
        decision=decision,
        object_type="persoon",
        object_id=persoon.pk,
        betrokkenen=[persoon.log_key],
        toelichting="samenloop van de persoon",
    )
    return alerts


def persoon_inzagen(*, user, persoon: Persoon) -> list[SubjectInzage]:
    """Who was granted sight of this person (for the meldpunt, who grants it)."""
    if not decide(user, "subject.inzage.verlenen", persoon):
        return []
    return list(
        SubjectInzage.objects.filter(persoon=persoon)
        .select_related("user__afdeling", "verleend_door")
        .order_by("-verleend_op", "-id")
    )


def inzage_collegas(*, user):
    """The colleagues the meldpunt can grant sight of a person to: casusregisseurs and deelnemers."""
    from django.contrib.auth import get_user_model

    from schakelpunt.accounts.roles import Rol

    if not decide(user, "subject.inzage.verlenen"):
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(is_active=True, rollen__rol__in=[Rol.CASUSREGISSEUR, Rol.DEELNEMER])
        .exclude(rollen__rol=Rol.AANDACHTSFUNCTIONARIS)
        .select_related("afdeling")
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


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
    for soort, model in _MODELLEN.items():
        if isinstance(obj, model):
            return soort
    raise ValueError(obj)


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


def relatie_kandidaten(*, user, persoon: Persoon, netwerk: Netwerk | None = None, signalen=()) -> list[Knoop]:
    """Subjects the meldpunt can link this person to without looking them up: the network shown and the
    subjects of the other betrokkenen of the person's signals. Empty for anyone who may not record relations."""
    decision = decide(user, "subject.relatie.beheren", persoon)
    if not decision:
        return []
    knopen = {k.id: k for k in (netwerk.knopen if netwerk else []) if not k.start}
    al_gelogd = set(knopen)
    koppelingen = BetrokkeneKoppeling.objects.filter(signaal__in=[s.pk for s in signalen]).select_related(
        "persoon", "adres", "organisatie", "voertuig", "telefoonnummer"
    )
    for k in koppelingen:
        for soort, obj in (
            ("persoon", k.persoon),
            ("adres", k.adres),
            ("organisatie", k.organisatie),
            ("voertuig", k.voertuig),
            ("telefoon", k.telefoonnummer),
        ):
            if obj is None or (soort == "persoon" and (obj.pk == persoon.pk or not obj.actief)):
                continue
            knopen.setdefault(f"{soort}:{obj.pk}", Knoop(f"{soort}:{obj.pk}", soort, obj.pk, _label(soort, obj)))
    nieuw = sorted(set(knopen) - al_gelogd)
    if nieuw:
        log_access(
            actor=user,
            decision=decision,
            object_type="persoon",
            object_id=persoon.pk,
            betrokkenen=nieuw,
            toelichting="kandidaten voor een relatie",
        )
    return sorted(knopen.values(), key=lambda k: (SOORT_VOLGORDE.get(k.soort, 9), k.label.lower(), k.pk))


def relatie_subject(*, user, sleutel: str = "", persoonsnummer: int | None = None, kenteken: str = ""):
    """The subject chosen in the relation form: a key like "adres:3", a person's number or a known
    licence plate. Raises ValidationError with a Dutch message on the field concerned."""
    from schakelpunt.matching.normalize import normalize_kenteken

    _require(user, "subject.relatie.beheren", object_type="relatie")
    if sleutel:
        soort, _sep, pk = sleutel.partition(":")
        model = _MODELLEN.get(soort)
        obj = model.objects.filter(pk=int(pk)).first() if model is not None and pk.isdigit() else None
        if obj is None:
            raise ValidationError({"subject": "Dit subject bestaat niet (meer). Kies een ander."})
        veld = "subject"
    elif persoonsnummer is not None:
        obj = Persoon.objects.filter(pk=persoonsnummer).first()
        if obj is None:
            raise ValidationError({"persoonsnummer": "Er is geen persoon met dit persoonsnummer."})
        veld = "persoonsnummer"
    elif kenteken:
        obj = Voertuig.objects.filter(kenteken=normalize_kenteken(kenteken) or "").first()
        if obj is None:
            raise ValidationError(
                {"kenteken": "Dit kenteken is niet bekend. Een voertuig komt in het register via een signaal."}
            )
        veld = "kenteken"
    else:
        raise ValidationError({"subject": "Kies het andere subject, of vul een persoonsnummer of kenteken in."})
    if isinstance(obj, Persoon) and not obj.actief:
        raise ValidationError(
            {veld: f"Deze persoon is samengevoegd met persoon {obj.samengevoegd_in_id}. Kies die persoon."}
        )
    return obj


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
            netwerk.knopen, key=lambda k: (info.afstanden[k.id], SOORT_VOLGORDE.get(k.soort, 9), k.label.lower(), k.pk)
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
    decision = verify(user, "subject.hit", persoon, object_type="persoon", message="Persoon niet gevonden")
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
