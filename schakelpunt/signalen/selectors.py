"""Signal reads: every list and detail asks the access point what the user may see and logs the read."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from schakelpunt.access.policy import decide, fetch, scope
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import Entry, log_access, write
from schakelpunt.pagination import Page, paginate
from schakelpunt.signalen.constants import Status
from schakelpunt.signalen.models import Betrokkene, Bijlage, Signaal
from schakelpunt.signalen.register import samenloop_prefetch
from schakelpunt.signalen.workflow import termijn_grens
from schakelpunt.taxonomie.models import Fenomeen


def _log_list(user, decision, signalen: list[Signaal], actie: str = Action.READ) -> None:
    """One entry per betrokkene per listed signal (a signal without betrokkenen: one entry)."""
    entries = []
    for signaal in signalen:
        keys = [b.log_key for b in signaal.betrokkenen.all()] or [""]
        entries.extend(Entry(actie, "signaal", str(signaal.pk), key) for key in keys)
    write(actor=user, role=decision.role, doel=decision.purpose, verwerking=decision.activity, entries=entries)


def _list_queryset(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("afdeling").prefetch_related(
        Prefetch("fenomenen", queryset=Fenomeen.objects.only("id", "code", "naam")),
        Prefetch("betrokkenen", queryset=Betrokkene.objects.only("id", "signaal_id")),
    )


def annotate_wachttijd(signalen: list[Signaal], now: datetime.datetime | None = None) -> None:
    """Mark signals that wait longer than the configured term for a first assessment."""
    grens = termijn_grens(now or timezone.now())
    for signaal in signalen:
        signaal.te_lang_wachtend = signaal.status == Status.NIEUW and signaal.ontvangen_op < grens


def signaal_list(*, user, alleen_eigen: bool = False, page: int = 1, page_size: int | None = None) -> Page:
    """The signals `user` may see, newest first; `alleen_eigen` limits it to their own reports."""
    queryset, decision = scope(user, "signaal.view", Signaal.objects.all())
    if alleen_eigen:
        queryset = queryset.filter(melder=user)
    queryset = _list_queryset(queryset).order_by("-ontvangen_op", "-id")
    result = paginate(queryset, page, page_size or settings.SIGNAAL_INBOX_PAGE_SIZE)
    if decision:
        _log_list(user, decision, result.items)
    return result


@dataclass
class InboxFilter:
    fenomeen: str = ""
    afdeling: int | None = None
    status: str = "open"  # "open", "alle" or a Status value
    vanaf: datetime.date | None = None
    tot: datetime.date | None = None


OVER_WIE_VELDEN = (
    "id",
    "signaal_id",
    "rol",
    "soort",
    "voornamen",
    "voorvoegsel",
    "geslachtsnaam",
    "geboortejaar",
    "organisatienaam",
    "kenteken",
    "telefoonnummer",
    "straat",
    "huisnummer",
    "huisletter",
    "toevoeging",
    "postcode",
    "woonplaats",
    "land",
)


def inbox_list(*, user, filters: InboxFilter | None = None, page: int = 1, page_size: int | None = None) -> Page:
    """The meldpunt inbox: acute danger first, then minors involved, then the longest waiting."""
    filters = filters or InboxFilter()
    queryset, decision = scope(user, "meldpunt.inbox", Signaal.objects.all())
    if filters.status == "open":
        queryset = queryset.filter(is_open=True)
    elif filters.status in Status.values:
        queryset = queryset.filter(status=filters.status)
    if filters.fenomeen:
        queryset = queryset.filter(fenomenen__code=filters.fenomeen)
    if filters.afdeling:
        queryset = queryset.filter(afdeling_id=filters.afdeling)
    tz = timezone.get_current_timezone()
    if filters.vanaf:
        queryset = queryset.filter(ontvangen_op__gte=datetime.datetime.combine(filters.vanaf, datetime.time.min, tz))
    if filters.tot:
        queryset = queryset.filter(
            ontvangen_op__lt=datetime.datetime.combine(filters.tot + datetime.timedelta(days=1), datetime.time.min, tz)
        )
    # Who each signal is about, for the meldpunt (the reads are logged per betrokkene below).
    over_wie = Prefetch("betrokkenen", queryset=Betrokkene.objects.only(*OVER_WIE_VELDEN), to_attr="over_wie")
    queryset = (
        _list_queryset(queryset)
        .prefetch_related(*samenloop_prefetch(), over_wie)
        .order_by("-prioriteit", "ontvangen_op", "id")
    )
    result = paginate(queryset, page, page_size or settings.SIGNAAL_INBOX_PAGE_SIZE)
    annotate_wachttijd(result.items)
    if decision:
        _log_list(user, decision, result.items)
    return result


def _log_keys(signaal: Signaal) -> list[str]:
    return [b.log_key for b in signaal.betrokkenen.all()]


def signaal_get(*, user, pk: int) -> Signaal:
    """One signal with everything on it, for its melder or the meldpunt; anyone else gets 404.

    A refusal is logged but looks exactly like a signal that does not exist.
    """
    queryset = Signaal.objects.select_related("afdeling", "melder").prefetch_related(
        "indicatoren",
        "fenomenen",
        "betrokkenen",
        "relaties__van",
        "relaties__naar",
        "bijlagen",
        "terugkoppelingen__triagestap",
        "aanvullingen__door",
        "triagestappen__door",
        "triagestappen__genotificeerd",
    )
    signaal, decision = fetch(
        user,
        "signaal.view",
        queryset,
        pk,
        object_type="signaal",
        message="Signaal niet gevonden",
        betrokkenen=_log_keys,
    )
    log_access(
        actor=user,
        decision=decision,
        object_type="signaal",
        object_id=pk,
        betrokkenen=_log_keys(signaal),
    )
    annotate_wachttijd([signaal])
    signaal.melder_zichtbaar = bool(decide(user, "signaal.melder.view"))
    return signaal


def bijlage_get(*, user, pk: int) -> Bijlage:
    bijlage, decision = fetch(
        user,
        "signaal.bijlage.view",
        Bijlage.objects.select_related("signaal"),
        pk,
        object_type="bijlage",
        about=lambda b: b.signaal,
        message="Bijlage niet gevonden",
        betrokkenen=lambda signaal: Betrokkene.log_keys(signaal.pk),
    )
    log_access(
        actor=user,
        decision=decision,
        object_type="bijlage",
        object_id=pk,
        betrokkenen=Betrokkene.log_keys(bijlage.signaal_id),
    )
    return bijlage
