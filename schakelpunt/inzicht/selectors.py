"""Figures for inzicht: counts on the fixed grid, every table through disclosure.protect.

No personal data leaves this module: only counts per fenomeen, afdeling and month, after
suppression. The page, the API (and a later PDF) all call these functions.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import ExtractMonth
from django.utils import timezone

from schakelpunt.access.decorators import require
from schakelpunt.access.policy import decide
from schakelpunt.accounts.models import Afdeling
from schakelpunt.adviesvragen.selectors import adviesvraag_aantallen
from schakelpunt.casussen.models import Casus, Fase
from schakelpunt.doormeldingen.constants import Status as DoormeldingStatus
from schakelpunt.doormeldingen.models import Doormelding, Ketenpartner
from schakelpunt.inzicht.disclosure import Tabel, protect, protect_samen
from schakelpunt.inzicht.grid import Kwartaal
from schakelpunt.inzicht.models import (
    FenomeenTelling,
    Module,
    PersoonTelling,
    SignaalTelling,
    Trendnotitie,
    TrendVolger,
    Voortgang,
)
from schakelpunt.signalen.models import Signaal, Terugkoppeling, TriageStap
from schakelpunt.signalen.workflow import termijn_grens
from schakelpunt.subjecten.models import SamenloopAlert
from schakelpunt.taxonomie.models import Fenomeen


@dataclass(frozen=True)
class Figuur:
    code: str
    titel: str
    uitleg: str
    tabel: Tabel
    rijkop: str = ""
    sommen: bool = True  # False: the rows overlap, so no row totals or grand total are published
    kolomkop: str = "Kwartaal"  # heading of the row-total column


def _drempel() -> int:
    return getattr(settings, "INZICHT_DREMPEL", 5)


def _in_kwartaal(kwartaal: Kwartaal) -> QuerySet:
    return Signaal.objects.filter(ontvangen_op__date__gte=kwartaal.begin, ontvangen_op__date__lt=kwartaal.einde)


def _per_maand(rows, keys: list, kwartaal: Kwartaal) -> list[list[int]]:
    """rows: (key, month, count) -> a matrix keys x the quarter's months."""
    index = {m: i for i, m in enumerate(kwartaal.maanden)}
    where = {k: i for i, k in enumerate(keys)}
    cellen = [[0] * 3 for _ in keys]
    for key, maand, aantal in rows:
        if key in where and maand in index:
            cellen[where[key]][index[maand]] += aantal
    return cellen


def _tellingen(model, kwartaal: Kwartaal) -> QuerySet:
    """The pre-aggregated counts of the quarter's months (tellingen.py)."""
    return model.objects.filter(maand__gte=kwartaal.begin, maand__lt=kwartaal.einde, aantal__gt=0).order_by()


def signalen_per_fenomeen(kwartaal: Kwartaal, *, live: bool = False) -> Figuur:
    fenomenen = list(Fenomeen.objects.filter(parent__isnull=True).order_by("naam").values_list("pk", "naam"))
    if live:
        rows = (
            _in_kwartaal(kwartaal)
            .annotate(maand=ExtractMonth("ontvangen_op"))
            .values_list("fenomenen__parent_id", "fenomenen__id", "maand")
            .annotate(aantal=Count("id", distinct=True))
        )
        # A sub-fenomeen counts under its main fenomeen.
        flat = [(parent or fid, maand, aantal) for parent, fid, maand, aantal in rows if fid is not None]
    else:
        counted = _tellingen(FenomeenTelling, kwartaal).values_list("fenomeen_pk", "maand", "aantal")
        flat = [(fenomeen, maand.month, aantal) for fenomeen, maand, aantal in counted]
    keys = [pk for pk, _naam in fenomenen]
    return Figuur(
        "fenomeen",
        "Signalen per fenomeen",
        "Een signaal kan over meer dan één fenomeen gaan en telt dan bij elk mee.",
        protect(
            [n for _pk, n in fenomenen], kwartaal.maand_labels, _per_maand(flat, keys, kwartaal), drempel=_drempel()
        ),
        rijkop="Fenomeen",
    )


def personen_per_maand(kwartaal: Kwartaal, *, live: bool = False) -> Figuur:
    if live:
        rows = list(
            _in_kwartaal(kwartaal)
            .annotate(maand=ExtractMonth("ontvangen_op"))
            .values_list("maand")
            .annotate(aantal=Count("subject_koppelingen__persoon", distinct=True))
        )
    else:
        # One PersoonTelling row per month and person: counting the rows counts the distinct persons.
        counted = _tellingen(PersoonTelling, kwartaal).values_list("maand").annotate(aantal=Count("id"))
        rows = [(maand.month, aantal) for maand, aantal in counted]
    cellen = _per_maand([("personen", m, a) for m, a in rows], ["personen"], kwartaal)
    tabel = protect(["Verschillende personen"], kwartaal.maand_labels, cellen, drempel=_drempel())
    # The same person can be in signals of two months: the quarter is not the sum of its months.
    tabel = Tabel(tabel.rijen, tabel.kolommen, tabel.cellen, [None], tabel.kolomtotalen, None, tabel.drempel)
    return Figuur(
        "personen",
        "Verschillende personen in signalen",
        "Hoeveel verschillende personen de signalen van een maand betroffen. Geen kwartaaltotaal: "
        "dezelfde persoon kan in meer maanden voorkomen.",
        tabel,
        rijkop="Wat",
        sommen=False,
    )


def _maand(moment) -> int:
    return timezone.localtime(moment).month


def _te_laat(ontvangen, moment) -> bool:
    """The same rule as the meldpunt's reminders: received before the term's border at `moment`."""
    return ontvangen < termijn_grens(moment)


def _signalen_gekoppeld(kwartaal: Kwartaal, *, live: bool = False) -> list[Figuur]:
    """Three tables that split the same signals per month: by afdeling, by first triage against the
    term, by first terugkoppeling against the term. They share their column totals, so they are
    protected together (disclosure.protect_samen): one table's published total cannot open another."""
    index = {m: i for i, m in enumerate(kwartaal.maanden)}
    afdelingen = list(Afdeling.objects.order_by("naam").values_list("pk", "naam"))
    rij_afdeling = {pk: i for i, (pk, _n) in enumerate(afdelingen)}
    eerste_triage = TriageStap.objects.filter(signaal=OuterRef("pk")).order_by("tijdstip").values("tijdstip")[:1]
    eerste_terugkoppeling = (
        Terugkoppeling.objects.filter(signaal=OuterRef("pk")).order_by("verzonden_op").values("verzonden_op")[:1]
    )
    per_afdeling = [[0] * 3 for _ in range(len(afdelingen) + 1)]
    triage = [[0] * 3 for _ in range(3)]
    terug = [[0] * 3 for _ in range(3)]
    if live:
        # The reference computation, one row per signal: what the counts must always equal (tests).
        rows = (
            _in_kwartaal(kwartaal)
            .annotate(triage=Subquery(eerste_triage), terug=Subquery(eerste_terugkoppeling))
            .values_list("afdeling_id", "ontvangen_op", "triage", "terug")
            .order_by()
        )
        for afdeling_id, ontvangen, eerste, teruggekoppeld in rows.iterator(chunk_size=5000):
            m = index.get(_maand(ontvangen))
            if m is None:
                continue
            per_afdeling[rij_afdeling.get(afdeling_id, len(afdelingen))][m] += 1
            for matrix, moment in ((triage, eerste), (terug, teruggekoppeld)):
                if moment is None:
                    matrix[2][m] += 1
                else:
                    matrix[1 if _te_laat(ontvangen, moment) else 0][m] += 1
    else:
        counted = _tellingen(SignaalTelling, kwartaal).values_list(
            "maand", "afdeling_pk", "triage", "terugkoppeling", "aantal"
        )
        for maand, afdeling_pk, triage_band, terug_band, aantal in counted:
            m = index[maand.month]
            per_afdeling[rij_afdeling.get(afdeling_pk, len(afdelingen))][m] += aantal
            triage[triage_band][m] += aantal
            terug[terug_band][m] += aantal
    werkdagen = settings.SIGNAAL_TERMIJN_WERKDAGEN
    afdeling_t, triage_t, terug_t = protect_samen(
        [
            ([n for _pk, n in afdelingen] + ["Geen afdeling"], per_afdeling),
            (["Binnen de termijn", "Na de termijn", "Nog niet beoordeeld"], triage),
            (["Op tijd", "Te laat", "Nog geen terugkoppeling"], terug),
        ],
        kwartaal.maand_labels,
        drempel=_drempel(),
    )
    return [
        Figuur("afdeling", "Signalen per afdeling", "Van welke afdelingen de signalen kwamen.", afdeling_t, "Afdeling"),
        Figuur(
            "triage",
            "Eerste beoordeling tegen de termijn",
            f"Signalen per maand van ontvangst: binnen of na de termijn van {werkdagen} werkdagen voor de "
            "eerste beoordeling door het meldpunt.",
            triage_t,
            "Eerste beoordeling",
        ),
        Figuur(
            "terugkoppeling",
            "Terugkoppeling aan de melder op tijd",
            f"Signalen per maand van ontvangst: kreeg de melder binnen {werkdagen} werkdagen een eerste "
            "terugkoppeling?",
            terug_t,
            "Terugkoppeling",
        ),
    ]


def _tel_per_maand(qs: QuerySet, sleutel: str, datum: str, keys: list, kwartaal: Kwartaal) -> list[list[int]]:
    rows = qs.annotate(maand=ExtractMonth(datum)).values_list(sleutel, "maand").annotate(aantal=Count("id")).order_by()
    return _per_maand(rows, keys, kwartaal)


def samenloop_per_maand(kwartaal: Kwartaal) -> Figuur:
    soorten = list(SamenloopAlert.Soort.choices)
    qs = SamenloopAlert.objects.filter(aangemaakt_op__date__gte=kwartaal.begin, aangemaakt_op__date__lt=kwartaal.einde)
    cellen = _tel_per_maand(qs, "soort", "aangemaakt_op", [k for k, _l in soorten], kwartaal)
    return Figuur(
        "samenloop",
        "Samenloopmeldingen per maand",
        "Nieuwe samenloopmeldingen per soort: meer signalen over dezelfde persoon, hetzelfde adres of "
        "hetzelfde familienetwerk.",
        protect([str(label).capitalize() for _k, label in soorten], kwartaal.maand_labels, cellen, drempel=_drempel()),
        "Soort",
    )


def casussen_per_fase(kwartaal: Kwartaal) -> Figuur:
    fasen = list(Fase.objects.order_by("volgorde", "pk").values_list("pk", "naam"))
    qs = Casus.objects.filter(aangemaakt_op__date__gte=kwartaal.begin, aangemaakt_op__date__lt=kwartaal.einde)
    cellen = _tel_per_maand(qs, "fase_id", "aangemaakt_op", [pk for pk, _n in fasen], kwartaal)
    return Figuur(
        "casusfase",
        "Casussen per fase",
        "Casussen geopend in de maand, naar de fase waarin ze nu zijn.",
        protect([n for _pk, n in fasen], kwartaal.maand_labels, cellen, drempel=_drempel()),
        "Fase",
    )


DOORLOOPTIJD_BANDEN = (
    (30, "Korter dan 1 maand"),
    (91, "1 tot 3 maanden"),
    (182, "3 tot 6 maanden"),
    (None, "6 maanden of langer"),
)


def casussen_doorlooptijd(kwartaal: Kwartaal) -> Figuur:
    index = {m: i for i, m in enumerate(kwartaal.maanden)}
    cellen = [[0] * 3 for _ in DOORLOOPTIJD_BANDEN]
    rows = Casus.objects.filter(
        afgesloten_op__date__gte=kwartaal.begin, afgesloten_op__date__lt=kwartaal.einde
    ).values_list("aangemaakt_op", "afgesloten_op")
    for geopend, gesloten in rows:
        m = index.get(_maand(gesloten))
        if m is None:
            continue
        dagen = (gesloten - geopend).days
        band = next(i for i, (grens, _l) in enumerate(DOORLOOPTIJD_BANDEN) if grens is None or dagen < grens)
        cellen[band][m] += 1
    return Figuur(
        "doorlooptijd",
        "Doorlooptijd van afgesloten casussen",
        "Casussen afgesloten in de maand, naar de tijd van openen tot afsluiten.",
        protect([label for _g, label in DOORLOOPTIJD_BANDEN], kwartaal.maand_labels, cellen, drempel=_drempel()),
        "Doorlooptijd",
    )


def doormeldingen_per_partner(kwartaal: Kwartaal) -> Figuur:
    partners = list(Ketenpartner.objects.order_by("naam").values_list("pk", "naam"))
    statussen = [(k, str(label)) for k, label in DoormeldingStatus.choices if k != DoormeldingStatus.CONCEPT]
    rij = {pk: i for i, (pk, _n) in enumerate(partners)}
    kolom = {k: i for i, (k, _l) in enumerate(statussen)}
    cellen = [[0] * len(statussen) for _ in partners]
    rows = (
        Doormelding.objects.filter(verstuurd_op__date__gte=kwartaal.begin, verstuurd_op__date__lt=kwartaal.einde)
        .values_list("partner_id", "status")
        .annotate(aantal=Count("id"))
        .order_by()
    )
    for partner_id, status, aantal in rows:
        if partner_id in rij and status in kolom:
            cellen[rij[partner_id]][kolom[status]] += aantal
    return Figuur(
        "doormelding",
        "Doormeldingen per ketenpartner en stand",
        "Doormeldingen verstuurd in het kwartaal, per ketenpartner, naar hoe ver de partner nu is.",
        protect([n for _pk, n in partners], [label for _k, label in statussen], cellen, drempel=_drempel()),
        "Ketenpartner",
        kolomkop="Totaal",
    )


def adviesvragen_gekoppeld(kwartaal: Kwartaal) -> list[Figuur]:
    """Adviesvragen (ADR 0015) per month: by fenomeen, and whether they became a signal. Both tables split
    the same questions, so they share their column totals and are protected together."""
    fenomenen = list(Fenomeen.objects.filter(parent__isnull=True).order_by("naam").values_list("pk", "naam"))
    rij = {pk: i for i, (pk, _n) in enumerate(fenomenen)}
    index = {m: i for i, m in enumerate(kwartaal.maanden)}
    per_fenomeen = [[0] * 3 for _ in range(len(fenomenen) + 1)]
    uitkomst = [[0] * 3 for _ in range(2)]
    for maand, fenomeen, aantal, signaal in adviesvraag_aantallen(begin=kwartaal.begin, einde=kwartaal.einde):
        m = index.get(maand)
        if m is None:
            continue
        per_fenomeen[rij.get(fenomeen, len(fenomenen))][m] += aantal
        uitkomst[0][m] += signaal
        uitkomst[1][m] += aantal - signaal
    fenomeen_t, uitkomst_t = protect_samen(
        [
            ([n for _pk, n in fenomenen] + ["Geen fenomeen gekozen"], per_fenomeen),
            (["Er is een signaal van gemaakt", "Geen signaal (nog)"], uitkomst),
        ],
        kwartaal.maand_labels,
        drempel=_drempel(),
    )
    return [
        Figuur(
            "adviesvraag",
            "Adviesvragen per fenomeen",
            'Vragen van professionals aan het meldpunt zonder namen ("leg de casus voor"), per maand, naar het '
            "fenomeen waar de vrager aan dacht.",
            fenomeen_t,
            "Fenomeen",
        ),
        Figuur(
            "adviesvraagsignaal",
            "Adviesvragen die een signaal werden",
            "Van de adviesvragen van de maand: hoeveel de vrager daarna als signaal meldde.",
            uitkomst_t,
            "Uitkomst",
        ),
    ]


def figuren_kwartaal(kwartaal: Kwartaal, *, live: bool = False) -> list[Figuur]:
    """Every published figure of one quarter, in the order of the page, the PDF and the API.

    The signal figures read the pre-aggregated counts; ``live=True`` computes them from one row per
    signal instead (the reference the counts are tested against; too slow at a million signals)."""
    gekoppeld = _signalen_gekoppeld(kwartaal, live=live)
    return [
        signalen_per_fenomeen(kwartaal, live=live),
        gekoppeld[0],
        personen_per_maand(kwartaal, live=live),
        gekoppeld[1],
        gekoppeld[2],
        samenloop_per_maand(kwartaal),
        casussen_per_fase(kwartaal),
        casussen_doorlooptijd(kwartaal),
        doormeldingen_per_partner(kwartaal),
        *adviesvragen_gekoppeld(kwartaal),
    ]


def inzicht_kwartaal(*, user, kwartaal: Kwartaal) -> list[Figuur]:
    """Every figure of one quarter, for a user with ``inzicht.view``; aggregates only, so no read log."""
    require(user, "inzicht.view", message="Je hebt geen toegang tot de cijfers.")
    return figuren_kwartaal(kwartaal)


# --- Wat speelt er ------------------------------------------------------------------------------


def trendnotities_actueel(*, user, limit: int = 20) -> list[Trendnotitie]:
    """The notes still current today, newest first (no personal data; readable by every professional)."""
    if not decide(user, "trendnotitie.view"):
        return []
    return list(
        Trendnotitie.objects.filter(actueel_tot__gte=timezone.localdate())
        .prefetch_related("fenomenen", "indicatoren")
        .order_by("-gepubliceerd_op", "-id")[:limit]
    )


def trends_laatst_gezien(*, user):
    """When the user last opened the trend page (None: never)."""
    if not decide(user, "trendnotitie.view"):
        return None
    volger = TrendVolger.objects.filter(user=user).first()
    return volger.laatst_gezien if volger else None


def trendnotities_nieuw(*, user) -> int:
    """How many current notes appeared since the user last looked (for the start page)."""
    if not decide(user, "trendnotitie.view"):
        return 0
    volger = TrendVolger.objects.filter(user=user).first()
    qs = Trendnotitie.objects.filter(actueel_tot__gte=timezone.localdate())
    if volger and volger.laatst_gezien:
        qs = qs.filter(gepubliceerd_op__gt=volger.laatst_gezien)
    return qs.count()


# --- Leerlijn -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModuleStand:
    module: Module
    afgerond: bool


def leerlijn_overzicht(*, user) -> tuple[list[ModuleStand], Module | None]:
    """The active modules with the user's own progress, and the next module to offer."""
    require(user, "leerlijn.volgen")
    modules = list(Module.objects.filter(actief=True))
    klaar = set(Voortgang.objects.filter(user=user, afgerond_op__isnull=False).values_list("module_id", flat=True))
    standen = [ModuleStand(m, m.pk in klaar) for m in modules]
    volgende = next((s.module for s in standen if not s.afgerond), None)
    return standen, volgende


def deelname_per_afdeling(*, user) -> Figuur:
    """How many people per department finished each module — never per person, small cells suppressed."""
    require(user, "leerlijn.beheren")
    modules = list(Module.objects.filter(actief=True).values_list("pk", "titel"))
    afdelingen = list(Afdeling.objects.order_by("naam").values_list("pk", "naam"))
    rows = (
        Voortgang.objects.filter(afgerond_op__isnull=False, module__actief=True)
        .values_list("user__afdeling_id", "module_id")
        .annotate(aantal=Count("user", distinct=True))
    )
    rij = {pk: i for i, (pk, _n) in enumerate(afdelingen)}
    kolom = {pk: i for i, (pk, _t) in enumerate(modules)}
    cellen = [[0] * len(modules) for _ in afdelingen]
    for afdeling_id, module_id, aantal in rows:
        if afdeling_id in rij and module_id in kolom:
            cellen[rij[afdeling_id]][kolom[module_id]] = aantal
    tabel = protect([n for _pk, n in afdelingen], [t for _pk, t in modules], cellen, drempel=_drempel())
    # One person finishes several modules: a row total would count people twice. Hide the sums.
    tabel = Tabel(
        tabel.rijen, tabel.kolommen, tabel.cellen, [None] * len(afdelingen), tabel.kolomtotalen, None, tabel.drempel
    )
    return Figuur(
        "deelname",
        "Afgeronde modules per afdeling",
        "Aantal medewerkers per afdeling dat een module heeft afgerond.",
        tabel,
    )
