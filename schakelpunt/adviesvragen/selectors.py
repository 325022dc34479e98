"""Adviesvraag reads: lists and one question through the access point, and the counts for the figures."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractMonth, TruncMonth

from schakelpunt.access.decorators import require
from schakelpunt.access.policy import decide, fetch, scope
from schakelpunt.adviesvragen.models import Adviesvraag
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import Entry, log_access, write

S = Adviesvraag.Status


def _basis() -> QuerySet:
    return Adviesvraag.objects.select_related("afdeling", "fenomeen", "wegwijzer", "signaal", "beantwoord_door")


def adviesvraag_list(*, user, alleen_eigen: bool = False, status: str = "", limit: int = 200) -> list[Adviesvraag]:
    """The questions `user` may see: open ones first for the meldpunt, newest first for a melder."""
    queryset, decision = scope(user, "adviesvraag.view", _basis())
    if alleen_eigen:
        queryset = queryset.filter(melder=user)
    if status == "open":
        queryset = queryset.filter(beantwoord_op__isnull=True).order_by("gesteld_op", "id")
    elif status:
        queryset = queryset.filter(status=status)
    rows = list(queryset[:limit])
    if decision and rows:
        # No personal data by design; the read is logged all the same (a text may still identify).
        entries = [Entry(Action.READ, "adviesvraag", str(a.pk)) for a in rows]
        write(actor=user, role=decision.role, doel=decision.purpose, verwerking=decision.activity, entries=entries)
    return rows


def adviesvraag_get(*, user, pk) -> Adviesvraag:
    """One question for its melder or the meldpunt; anyone else gets "niet gevonden", the refusal logged."""
    adviesvraag, decision = fetch(
        user,
        "adviesvraag.view",
        _basis().select_related("melder"),
        pk,
        object_type="adviesvraag",
        message="Adviesvraag niet gevonden",
    )
    log_access(actor=user, decision=decision, object_type="adviesvraag", object_id=adviesvraag.pk)
    return adviesvraag


def adviesvragen_nieuw_antwoord(*, user) -> int:
    """How many answers the melder has not opened yet (their own questions only)."""
    return Adviesvraag.objects.filter(melder=user, status=S.BEANTWOORD, gelezen_op__isnull=True).count()


def adviesvragen_open_aantal(*, user) -> int:
    """Questions waiting for an answer, for the meldpunt's desk."""
    if not decide(user, "adviesvraag.beantwoorden"):
        return 0
    return Adviesvraag.objects.filter(beantwoord_op__isnull=True).count()


@dataclass(frozen=True)
class Telling:
    maand: datetime.date
    aantal: int
    signaal_geworden: int


def adviesvraag_telling(*, user, vanaf: datetime.date | None = None) -> list[Telling]:
    """Questions per month and how many became a signal: numbers only, for awareness and policy."""
    require(user, "adviesvraag.telling", object_type="adviesvragen")
    queryset = Adviesvraag.objects.all()
    if vanaf:
        queryset = queryset.filter(gesteld_op__date__gte=vanaf)
    rows = (
        queryset.annotate(maand=TruncMonth("gesteld_op"))
        .values("maand")
        .annotate(aantal=Count("id"), signaal_geworden=Count("signaal"))
        .order_by("maand")
    )
    return [
        Telling(
            maand=r["maand"].date() if hasattr(r["maand"], "date") else r["maand"],
            aantal=r["aantal"],
            signaal_geworden=r["signaal_geworden"],
        )
        for r in rows
    ]


def adviesvraag_aantallen(*, begin: datetime.date, einde: datetime.date) -> list[tuple[int, int | None, int, int]]:
    """Questions asked from `begin` up to `einde`: (month, main fenomeen or None, asked, became a signal).

    Numbers only, for inzicht's figures on the fixed grid; the caller checks ``inzicht.view`` and
    sends them through disclosure control. A sub-fenomeen counts under its main fenomeen."""
    rows = (
        Adviesvraag.objects.filter(gesteld_op__date__gte=begin, gesteld_op__date__lt=einde)
        .annotate(maand=ExtractMonth("gesteld_op"))
        .values_list("maand", "fenomeen__parent_id", "fenomeen_id")
        .annotate(aantal=Count("id"), signaal_geworden=Count("signaal"))
        .order_by()
    )
    return [(maand, parent or fenomeen, aantal, signaal) for maand, parent, fenomeen, aantal, signaal in rows]
