"""Figures for inzicht: counts on the fixed grid, every table through disclosure.protect.

No personal data leaves this module: only counts per fenomeen, afdeling and month, after
suppression. The page, the API (and a later PDF) all call these functions.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractMonth
from django.utils import timezone

from schakelpunt.access.decorators import require
from schakelpunt.access.policy import decide
from schakelpunt.accounts.models import Afdeling
from schakelpunt.inzicht.disclosure import Tabel, protect
from schakelpunt.inzicht.grid import Kwartaal
from schakelpunt.inzicht.models import Module, Trendnotitie, TrendVolger, Voortgang
from schakelpunt.signalen.models import Signaal
from schakelpunt.taxonomie.models import Fenomeen


@dataclass(frozen=True)
class Figuur:
    code: str
    titel: str
    uitleg: str
    tabel: Tabel


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


def signalen_per_fenomeen(kwartaal: Kwartaal) -> Figuur:
    fenomenen = list(Fenomeen.objects.filter(parent__isnull=True).order_by("naam").values_list("pk", "naam"))
    rows = (
        _in_kwartaal(kwartaal)
        .annotate(maand=ExtractMonth("ontvangen_op"))
        .values_list("fenomenen__parent_id", "fenomenen__id", "maand")
        .annotate(aantal=Count("id", distinct=True))
    )
    # A sub-fenomeen counts under its main fenomeen.
    flat = [(parent or fid, maand, aantal) for parent, fid, maand, aantal in rows if fid is not None]
    keys = [pk for pk, _naam in fenomenen]
    return Figuur(
        "fenomeen",
        "Signalen per fenomeen",
        "Een signaal kan over meer dan één fenomeen gaan en telt dan bij elk mee.",
        protect(
            [n for _pk, n in fenomenen], kwartaal.maand_labels, _per_maand(flat, keys, kwartaal), drempel=_drempel()
        ),
    )


def signalen_per_afdeling(kwartaal: Kwartaal) -> Figuur:
    afdelingen = list(Afdeling.objects.order_by("naam").values_list("pk", "naam"))
    rows = (
        _in_kwartaal(kwartaal)
        .annotate(maand=ExtractMonth("ontvangen_op"))
        .values_list("afdeling_id", "maand")
        .annotate(aantal=Count("id"))
    )
    keys = [pk for pk, _naam in afdelingen]
    return Figuur(
        "afdeling",
        "Signalen per afdeling",
        "Van welke afdelingen de signalen kwamen.",
        protect(
            [n for _pk, n in afdelingen], kwartaal.maand_labels, _per_maand(rows, keys, kwartaal), drempel=_drempel()
        ),
    )


def personen_per_maand(kwartaal: Kwartaal) -> Figuur:
    rows = (
        _in_kwartaal(kwartaal)
        .annotate(maand=ExtractMonth("ontvangen_op"))
        .values_list("maand")
        .annotate(aantal=Count("subject_koppelingen__persoon", distinct=True))
    )
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
    )


def inzicht_kwartaal(*, user, kwartaal: Kwartaal) -> list[Figuur]:
    """Every figure of one quarter, for a user with ``inzicht.view``; aggregates only, so no read log."""
    require(user, "inzicht.view", message="Je hebt geen toegang tot de cijfers.")
    return [signalen_per_fenomeen(kwartaal), signalen_per_afdeling(kwartaal), personen_per_maand(kwartaal)]


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
