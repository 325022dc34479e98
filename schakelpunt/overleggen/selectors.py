"""Reads of casusoverleggen: my meetings, one meeting, the agenda items this user may see, what is still open."""

from __future__ import annotations

from django.utils import timezone

from schakelpunt.access.policy import decide, fetch, scope
from schakelpunt.accounts.models import User
from schakelpunt.audit.services import log_access
from schakelpunt.overleggen.models import Agendapunt, Overleg


def overleg_list(*, user: User) -> list[Overleg]:
    queryset, decision = scope(user, "overleg.view", Overleg.objects.select_related("voorzitter"))
    return list(queryset.order_by("-begin")[:200]) if decision else []


def overleg_get(*, user: User, pk) -> Overleg:
    overleg, _decision = fetch(
        user,
        "overleg.view",
        Overleg.objects.select_related("voorzitter", "notulist"),
        pk,
        object_type="overleg",
        message="Overleg niet gevonden",
    )
    return overleg


def agendapunten(*, user: User, overleg: Overleg) -> list[Agendapunt]:
    """The items of `overleg` this user may see; each is a read of the casus's persons, logged."""
    from schakelpunt.casussen.services import casus_log_keys

    queryset, decision = scope(
        user,
        "agendapunt.view",
        Agendapunt.objects.filter(overleg=overleg).select_related("casus", "besluit_melden", "besluit_regie"),
    )
    if not decision:
        return []
    punten = list(queryset.order_by("volgorde", "id"))
    for punt in punten:
        log_access(
            actor=user,
            decision=decision,
            object_type="agendapunt",
            object_id=punt.pk,
            betrokkenen=casus_log_keys(punt.casus_id),
            toelichting=f"overleg {overleg.pk}",
        )
    return punten


def mag(user: User, code: str, overleg: Overleg) -> bool:
    return bool(decide(user, code, overleg))


def open_per_punt(overleg: Overleg) -> list[tuple[str, list[str]]]:
    """For the chair: per item, uitvraag still unanswered and actions overdue."""
    from schakelpunt.casussen.models import Actie, Uitvraag

    vandaag = timezone.localdate()
    punten = list(overleg.agendapunten.select_related("casus"))
    casus_ids = [p.casus_id for p in punten]
    open_per_casus: dict[int, list[str]] = {pk: [] for pk in casus_ids}
    for u in Uitvraag.objects.filter(casus_id__in=casus_ids, status="open").order_by("gesteld_op"):
        open_per_casus[u.casus_id].append(f"uitvraag open sinds {u.gesteld_op:%d-%m-%Y}")
    te_laat = (
        Actie.objects.filter(casus_id__in=casus_ids, deadline__lt=vandaag)
        .exclude(status__in=["gereed", "gestopt"])
        .order_by("deadline")
    )
    for a in te_laat:
        open_per_casus[a.casus_id].append(f"actie '{a.titel}' over tijd ({a.deadline:%d-%m-%Y})")
    result = [(p.casus.nummer, open_per_casus[p.casus_id]) for p in punten]
    return result
