"""Casus reads: every list and page asks the access point what the user may see and logs the read,
one entry per person concerned with the casus as purpose. Query counts do not grow with data."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from schakelpunt.access.policy import decide, fetch, scope
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import Entry, log_access, write
from schakelpunt.casussen.constants import ActieStatus, BesluitSoort, GebeurtenisSoort, PlanStatus, UitvraagStatus
from schakelpunt.casussen.models import (
    Actie,
    Besluit,
    Casus,
    CasusSignaal,
    CasusSubject,
    ChecklistAfvinking,
    ChecklistItem,
    Deelnemer,
    Evaluatie,
    Gebeurtenis,
    Monitoring,
    PlanVanAanpak,
    Quickscan,
    Uitvraag,
)
from schakelpunt.casussen.services import casus_log_keys, toegestane_fasen
from schakelpunt.pagination import Page, paginate

LIST_PAGE_SIZE = 25
TIJDLIJN_PAGE_SIZE = 50


def _met_te_laat(queryset: QuerySet, now: datetime.datetime) -> QuerySet:
    return queryset.annotate(
        te_laat=Q(fase_deadline__lt=now, fase__is_open=True),
        open_acties_te_laat=Count(
            "acties",
            filter=Q(
                acties__deadline__lt=timezone.localdate(now), acties__status__in=[ActieStatus.OPEN, ActieStatus.BEZIG]
            ),
        ),
    )


@dataclass
class CasusFilter:
    fase: str = ""
    te_laat: bool = False
    eigen: bool = False


def casus_list(*, user, filters: CasusFilter | None = None, page: int = 1, page_size: int = LIST_PAGE_SIZE) -> Page:
    """The casussen `user` may see, newest first; overdue ones (past the phase's norm time) flagged."""
    filters = filters or CasusFilter()
    queryset, decision = scope(user, "casus.view", Casus.objects.all())
    now = timezone.now()
    if filters.fase:
        queryset = queryset.filter(fase__code=filters.fase)
    if filters.te_laat:
        queryset = queryset.filter(fase_deadline__lt=now, fase__is_open=True)
    if filters.eigen:
        queryset = queryset.filter(regievoerder=user)
    queryset = _met_te_laat(queryset.select_related("fase", "regievoerder"), now).order_by("-aangemaakt_op", "-id")
    result = paginate(queryset, page, page_size)
    if decision and result.items:
        # The list shows titles and phases, no persons: one entry per casus.
        write(
            actor=user,
            role=decision.role,
            doel=decision.purpose,
            verwerking=decision.activity,
            entries=[Entry(Action.READ, "casus", str(c.pk), "", toelichting="lijst") for c in result.items],
        )
    return result


def casus_get(*, user, pk, code: str = "casus.view", log: bool = True) -> Casus:
    """One casus through the one fetch-and-check: 404 alike for missing and hidden, the read logged."""
    casus, decision = fetch(
        user,
        code,
        Casus.objects.select_related("fase", "regievoerder", "fenomeen"),
        pk,
        object_type="casus",
        message="Deze casus bestaat niet of je hebt er geen toegang toe.",
        betrokkenen=lambda c: casus_log_keys(c.pk),
    )
    if log:
        log_access(
            actor=user, decision=decision, object_type="casus", object_id=casus.pk, betrokkenen=casus_log_keys(casus.pk)
        )
    return casus


@dataclass
class CasusPagina:
    casus: Casus
    subjecten: list
    signalen: list
    deelnemers: list
    besluit_melden: Besluit | None
    besluit_regie: Besluit | None
    besluiten: list
    checklist: list
    volgende_fasen: list
    tijdlijn: list
    uitvragen: list
    quickscan: Quickscan | None
    plannen: list
    acties: list
    evaluaties: list
    monitoring: Monitoring | None
    hits: dict = field(default_factory=dict)
    kan_regie: bool = False
    kan_doormelden: bool = False
    kan_doorbreken: bool = False
    kan_dossier: bool = False

    @property
    def plan(self) -> PlanVanAanpak | None:
        return self.plannen[0] if self.plannen else None

    @property
    def goedgekeurd_plan(self) -> PlanVanAanpak | None:
        return next((p for p in self.plannen if p.status == PlanStatus.GOEDGEKEURD), None)

    @property
    def besluit_verlopen(self) -> list[Besluit]:
        vandaag = timezone.localdate()
        return [b for b in (self.besluit_melden, self.besluit_regie) if b and b.geldig_tot and b.geldig_tot < vandaag]


def _hits(user, casus: Casus, subjecten: list[CasusSubject]) -> dict[int, list[dict]]:
    """Where a subject is known outside this casus: the departments and dates, never the content."""
    from schakelpunt.subjecten.models import BetrokkeneKoppeling

    ids = [s.persoon_id for s in subjecten if s.persoon_id]
    if not ids:
        return {}
    eigen = CasusSignaal.objects.filter(casus=casus).values("signaal_id")
    rows = (
        BetrokkeneKoppeling.objects.filter(persoon_id__in=ids)
        .exclude(signaal_id__in=eigen)
        .values_list("persoon_id", "signaal__afdeling__naam", "signaal__ontvangen_op")
        .order_by("-signaal__ontvangen_op")[:200]
    )
    hits: dict[int, list[dict]] = {}
    for persoon_id, afdeling, datum in rows:
        hits.setdefault(persoon_id, []).append({"afdeling": afdeling or "onbekende afdeling", "datum": datum})
    return hits


def tijdlijn_queryset(casus: Casus, soort: str = "") -> QuerySet:
    queryset = Gebeurtenis.objects.filter(casus=casus).select_related("door")
    if soort in GebeurtenisSoort.values:
        queryset = queryset.filter(soort=soort)
    return queryset.order_by("-tijdstip", "-id")


def casus_pagina(*, user, casus: Casus, tijdlijn_soort: str = "") -> CasusPagina:
    """Everything the casus page shows, in a fixed number of queries. The casus is already fetched."""
    now = timezone.now()
    vandaag = timezone.localdate(now)
    subjecten = list(CasusSubject.objects.filter(casus=casus).select_related("persoon", "betrokkene"))
    # The signals without their melder: participants never learn who reported.
    signalen = list(
        CasusSignaal.objects.filter(casus=casus)
        .select_related("signaal")
        .only(
            "id", "toegevoegd_op", "heropend_reden", "casus_id",
            "signaal__id", "signaal__omschrijving", "signaal__ontvangen_op", "signaal__status",
            "signaal__acuut_gevaar", "signaal__minderjarigen_betrokken", "signaal__waargenomen_op",
        )
    )  # fmt: skip
    deelnemers = list(Deelnemer.objects.filter(casus=casus).select_related("user", "user__afdeling"))
    besluiten = list(Besluit.objects.filter(casus=casus).select_related("genomen_door", "regie_user"))
    melden = next((b for b in besluiten if b.soort == BesluitSoort.MELDEN), None)
    regie = next((b for b in besluiten if b.soort == BesluitSoort.REGIE), None)
    gedaan = {a.item_id: a for a in ChecklistAfvinking.objects.filter(casus=casus).select_related("door")}
    checklist = [
        {"item": item, "afvinking": gedaan.get(item.pk)}
        for item in ChecklistItem.objects.filter(fase_id=casus.fase_id).order_by("volgorde", "id")
    ]
    uitvragen = list(
        Uitvraag.objects.filter(casus=casus)
        .select_related("afdeling", "ontvanger")
        .prefetch_related(
            Prefetch("subjecten", queryset=CasusSubject.objects.select_related("persoon", "betrokkene")),
            "antwoorden__door",
        )
    )
    for u in uitvragen:
        u.te_laat = u.status == UitvraagStatus.OPEN and u.deadline < vandaag
    acties = list(Actie.objects.filter(casus=casus).select_related("eigenaar"))
    for a in acties:
        a.te_laat = a.status in (ActieStatus.OPEN, ActieStatus.BEZIG) and a.deadline < vandaag
    casus.te_laat = bool(casus.fase_deadline and casus.fase.is_open and casus.fase_deadline < now)
    return CasusPagina(
        casus=casus,
        subjecten=subjecten,
        signalen=signalen,
        deelnemers=deelnemers,
        besluit_melden=melden,
        besluit_regie=regie,
        besluiten=besluiten,
        checklist=checklist,
        volgende_fasen=toegestane_fasen(casus.fase),
        tijdlijn=list(tijdlijn_queryset(casus, tijdlijn_soort)[:TIJDLIJN_PAGE_SIZE]),
        uitvragen=uitvragen,
        quickscan=Quickscan.objects.filter(casus=casus).first(),
        plannen=list(PlanVanAanpak.objects.filter(casus=casus).select_related("goedgekeurd_door", "opgesteld_door")),
        acties=acties,
        evaluaties=list(Evaluatie.objects.filter(casus=casus).select_related("door")),
        monitoring=Monitoring.objects.filter(casus=casus).select_related("door").first(),
        hits=_hits(user, casus, subjecten),
        kan_regie=bool(decide(user, "casus.regie", casus)),
        kan_doorbreken=bool(decide(user, "casus.fase.doorbreken")),
        kan_dossier=bool(decide(user, "casus.dossier", casus)),
        kan_doormelden=bool(decide(user, "doormelding.opstellen")),
    )


def tijdlijn(*, user, casus: Casus, soort: str = "", page: int = 1) -> Page:
    return paginate(tijdlijn_queryset(casus, soort), page, TIJDLIJN_PAGE_SIZE)


def uitvraag_get(*, user, pk) -> Uitvraag:
    """The recipient's view of a request: the question and the subjects it names, nothing else."""
    uitvraag, decision = fetch(
        user,
        "casus.uitvraag.beantwoorden",
        Uitvraag.objects.select_related("casus", "gesteld_door", "afdeling"),
        pk,
        object_type="uitvraag",
        message="Deze vraag bestaat niet of is niet aan jou gesteld.",
    )
    subjecten = list(uitvraag.subjecten.select_related("persoon", "betrokkene"))
    uitvraag.genoemde_subjecten = subjecten
    uitvraag.eigen_antwoorden = list(uitvraag.antwoorden.filter(door=user))
    log_access(
        actor=user,
        decision=decision,
        object_type="uitvraag",
        object_id=uitvraag.pk,
        betrokkenen=[s.log_key for s in subjecten],
    )
    return uitvraag


def mijn_uitvragen(*, user) -> list[Uitvraag]:
    """Open requests addressed to `user` (by name or to their department); the list names no persons."""
    queryset, decision = scope(user, "casus.uitvraag.beantwoorden", Uitvraag.objects.all())
    if not decision:
        return []
    return list(queryset.filter(status=UitvraagStatus.OPEN).select_related("gesteld_door").order_by("deadline")[:50])


def bestuur_overzicht(*, user) -> list[Casus]:
    """The summaries shared with bestuur: number, phase, progress and the regievoerder's text. No persons."""
    queryset, decision = scope(user, "casus.bestuur.view", Casus.objects.all())
    now = timezone.now()
    rows = list(
        queryset.filter(bestuur_delen=True)
        .select_related("fase", "fenomeen")
        .annotate(
            acties_totaal=Count("acties", distinct=True),
            acties_gereed=Count("acties", filter=Q(acties__status=ActieStatus.GEREED), distinct=True),
            te_laat=Q(fase_deadline__lt=now, fase__is_open=True),
        )
        .only("id", "fase", "fenomeen", "bestuur_samenvatting", "fase_deadline", "aangemaakt_op")
        .order_by("-aangemaakt_op")[:100]
    )
    if decision and rows:
        write(
            actor=user,
            role=decision.role,
            doel=decision.purpose,
            verwerking=decision.activity,
            entries=[Entry(Action.READ, "casus", str(c.pk), "", toelichting="bestuursoverzicht") for c in rows],
        )
    return rows


def signaal_in_casus(signaal_id: int) -> bool:
    """Whether a signal is part of a casus (the signal page says so; only the meldpunt sees which)."""
    return CasusSignaal.objects.filter(signaal_id=signaal_id).exists()


def casussen_van_signaal(*, user, signaal_id: int) -> list[Casus]:
    queryset, decision = scope(user, "casus.view", Casus.objects.all())
    if not decision:
        return []
    return list(queryset.filter(Exists(CasusSignaal.objects.filter(casus=OuterRef("pk"), signaal_id=signaal_id))))


def casussen_van_persoon(*, user, persoon) -> list[Casus]:
    """The casussen `user` may see that are about this person: named as subject, or through a signal in them."""
    from schakelpunt.subjecten.models import BetrokkeneKoppeling

    queryset, decision = scope(user, "casus.view", Casus.objects.all())
    if not decision:
        return []
    via_signaal = CasusSignaal.objects.filter(
        casus=OuterRef("pk"),
        signaal_id__in=BetrokkeneKoppeling.objects.filter(persoon=persoon).values("signaal_id"),
    )
    casussen = list(
        queryset.filter(Q(subjecten__persoon=persoon) | Exists(via_signaal))
        .select_related("fase")
        .distinct()
        .order_by("-aangemaakt_op", "-id")[:50]
    )
    if casussen:
        write(
            actor=user,
            role=decision.role,
            doel=decision.purpose,
            verwerking=decision.activity,
            entries=[
                Entry(Action.READ, "casus", str(c.pk), persoon.log_key, toelichting="op de persoonspagina")
                for c in casussen
            ],
        )
    return casussen
