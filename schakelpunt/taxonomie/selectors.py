"""Reading the taxonomy: fenomenen and indicatoren, for the wegwijzer, the beheer pages and the API.

The taxonomy is reference material without personal data: every logged-in user may read all
of it, so these selectors filter on what is asked for (active, search text, levensdomein),
not on who asks, and reads are not logged. Each list costs a fixed number of queries,
however long the taxonomy grows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from schakelpunt.taxonomie.models import Fenomeen, Indicator, Levensdomein


def _zoek_filter(zoek: str) -> Q:
    query = Q()
    for word in zoek.split():
        query &= (
            Q(naam__icontains=word)
            | Q(code__icontains=word)
            | Q(toelichting__icontains=word)
            | Q(vragen__icontains=word)
        )
    return query


def fenomeen_list(*, alle: bool = False, zoek: str = "") -> QuerySet[Fenomeen]:
    """Fenomenen with their parent and (active) sub-fenomenen; only active ones unless `alle`."""
    kinderen = Fenomeen.objects.all() if alle else Fenomeen.objects.filter(actief=True)
    qs = Fenomeen.objects.select_related("parent").prefetch_related(Prefetch("kinderen", queryset=kinderen))
    if not alle:
        qs = qs.filter(actief=True)
    if zoek.strip():
        qs = qs.filter(_zoek_filter(zoek))
    return qs.order_by("volgorde", "naam")


def indicator_list(*, alle: bool = False, zoek: str = "", levensdomein: str = "") -> QuerySet[Indicator]:
    """Indicatoren in levensdomein order, with their levensdomein and fenomenen loaded."""
    qs = Indicator.objects.select_related("levensdomein").prefetch_related(
        Prefetch("fenomenen", queryset=Fenomeen.objects.select_related("parent").order_by("volgorde", "naam"))
    )
    if not alle:
        qs = qs.filter(actief=True)
    if levensdomein:
        qs = qs.filter(levensdomein__code=levensdomein)
    if zoek.strip():
        qs = qs.filter(_zoek_filter(zoek))
    return qs.order_by("levensdomein__volgorde", "levensdomein__naam", "volgorde", "naam")


@dataclass(frozen=True)
class Groep:
    levensdomein: Levensdomein
    indicatoren: list[Indicator]


def indicator_list_grouped(*, alle: bool = False, zoek: str = "", levensdomein: str = "") -> list[Groep]:
    """indicator_list, grouped by levensdomein (empty levensdomeinen left out)."""
    groepen: list[Groep] = []
    for indicator in indicator_list(alle=alle, zoek=zoek, levensdomein=levensdomein):
        if not groepen or groepen[-1].levensdomein.pk != indicator.levensdomein_id:
            groepen.append(Groep(indicator.levensdomein, []))
        groepen[-1].indicatoren.append(indicator)
    return groepen


def levensdomein_list() -> QuerySet[Levensdomein]:
    return Levensdomein.objects.order_by("volgorde", "naam")


def fenomeen_get(code: str) -> Fenomeen:
    """One fenomeen by code, retired or not (old signals keep pointing at retired codes)."""
    try:
        return (
            Fenomeen.objects.select_related("parent")
            .prefetch_related(
                Prefetch("kinderen", queryset=Fenomeen.objects.filter(actief=True)),
                Prefetch("indicatoren", queryset=Indicator.objects.filter(actief=True).select_related("levensdomein")),
            )
            .get(code=code)
        )
    except Fenomeen.DoesNotExist:
        raise Http404("onbekend fenomeen") from None


def indicator_get(code: str) -> Indicator:
    """One indicator by code, retired or not, with its levensdomein and fenomenen."""
    try:
        return (
            Indicator.objects.select_related("levensdomein")
            .prefetch_related(
                Prefetch("fenomenen", queryset=Fenomeen.objects.select_related("parent").order_by("volgorde", "naam")),
            )
            .get(code=code)
        )
    except Indicator.DoesNotExist:
        raise Http404("onbekende indicator") from None


def item_get(soort: str, code: str) -> Fenomeen | Indicator:
    if soort == "fenomeen":
        return fenomeen_get(code)
    if soort == "indicator":
        return indicator_get(code)
    raise Http404("onbekende soort")


@dataclass(frozen=True)
class Meldroute:
    fenomeen: str
    tekst: str


def meldroutes(item: Fenomeen | Indicator) -> list[Meldroute]:
    """Where to report: a fenomeen's own route (or its parent's); for an indicator the routes of
    its fenomenen, each text once."""
    fenomenen = [item] if isinstance(item, Fenomeen) else list(item.fenomenen.all())
    routes: list[Meldroute] = []
    seen: set[str] = set()
    for fenomeen in fenomenen:
        tekst = fenomeen.meldroute or (fenomeen.parent.meldroute if fenomeen.parent_id else "")
        if tekst and tekst not in seen:
            seen.add(tekst)
            routes.append(Meldroute(fenomeen.naam, tekst))
    return routes
