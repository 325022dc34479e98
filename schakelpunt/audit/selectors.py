"""Reading the access log: only for the privacyfunctionaris, and the search itself is logged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from schakelpunt.access.policy import decide
from schakelpunt.audit import personen
from schakelpunt.audit.models import Action, AuditRecord
from schakelpunt.audit.services import log_access


@dataclass(frozen=True)
class AuditQuery:
    gebruiker: str = ""
    betrokkene: str = ""
    object_type: str = ""
    object_id: str = ""
    van: date | None = None
    tot: date | None = None

    def describe(self) -> str:
        parts = [f"{k}={v}" for k, v in self.__dict__.items() if v]
        return "; ".join(parts)[:300]


def _day_start(day: date) -> datetime:
    # In UTC, like the column the results show.
    return datetime.combine(day, time.min, tzinfo=UTC)


def audit_record_list(*, user, query: AuditQuery) -> QuerySet[AuditRecord]:
    decision = decide(user, "audit.view")
    log_access(
        actor=user,
        decision=decision,
        actie=Action.SEARCH,
        object_type="toegangslog",
        betrokkenen=[query.betrokkene] if query.betrokkene else [],
        toelichting=query.describe(),
    )
    if not decision:
        raise PermissionDenied(decision.reason)
    # Each record with the register version it was written under (its purpose and legal basis then),
    # fetched in one extra query for the page rather than a join (SQLite planned the join badly).
    qs = AuditRecord.objects.prefetch_related("verwerking_versie")
    if query.gebruiker:
        qs = qs.filter(actor_username=query.gebruiker.strip())
    if query.betrokkene:
        persoon = personen.PERSOON_KEY.match(query.betrokkene.strip())
        if persoon:
            qs = qs.filter(personen.log_filter(int(persoon.group(1))))
        else:
            qs = qs.filter(betrokkene=query.betrokkene.strip())
    if query.object_type:
        qs = qs.filter(object_type=query.object_type)
    if query.object_id:
        qs = qs.filter(object_id=query.object_id)
    if query.van:
        qs = qs.filter(tijdstip__gte=_day_start(query.van))
    if query.tot and query.tot < date.max:
        qs = qs.filter(tijdstip__lt=_day_start(query.tot + timedelta(days=1)))
    return qs.order_by("-id")
