"""Writing the access log. Every read of personal data and every change ends up here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import transaction

from schakelpunt.audit import context
from schakelpunt.audit.models import GENESIS_HASH, Action, AuditChainHead, AuditRecord, Outcome


@dataclass(frozen=True)
class Entry:
    actie: str
    object_type: str = ""
    object_id: str = ""
    betrokkene: str = ""
    uitkomst: str = Outcome.SUCCESS
    toelichting: str = ""


def _truncate(value: str, size: int) -> str:
    return value[:size]


def _recreate_head() -> AuditChainHead:
    """The head row is seeded by a migration; after a database flush it is rebuilt from the
    last record, so that the chain continues (verify_audit still checks every record)."""
    last = AuditRecord.objects.order_by("-id").first()
    head, _ = AuditChainHead.objects.get_or_create(
        pk=1, defaults={"last_id": last.id if last else 0, "last_hash": last.hash if last else GENESIS_HASH}
    )
    return AuditChainHead.objects.select_for_update().get(pk=head.pk)


def write(*, actor, role: str | None, doel: str, verwerking: str, entries: Iterable[Entry]) -> int:
    """Append entries to the chain in one short transaction; returns how many were written."""
    entries = list(entries)
    if not entries:
        return 0
    now = datetime.now(UTC)
    actor_id = getattr(actor, "pk", None) if actor is not None and getattr(actor, "is_authenticated", False) else None
    username = getattr(actor, "username", "") if actor_id else ""
    origin = context.origin_address.get()
    req_id = context.request_id.get()
    with transaction.atomic():
        head = AuditChainHead.objects.select_for_update().filter(pk=1).first() or _recreate_head()
        records = []
        prev = head.last_hash
        next_id = head.last_id
        for entry in entries:
            next_id += 1
            record = AuditRecord(
                id=next_id,
                tijdstip=now,
                actor_id=actor_id,
                actor_username=username,
                rol=role or "",
                actie=entry.actie,
                object_type=entry.object_type,
                object_id=str(entry.object_id),
                betrokkene=entry.betrokkene,
                doel=_truncate(doel, 200),
                verwerking=_truncate(verwerking, 200),
                uitkomst=entry.uitkomst,
                herkomst=origin,
                request_id=req_id,
                toelichting=_truncate(entry.toelichting, 300),
                prev_hash=prev,
            )
            record.hash = record.compute_hash()
            prev = record.hash
            records.append(record)
        AuditRecord.objects.bulk_create(records)
        AuditChainHead.objects.filter(pk=1).update(last_id=next_id, last_hash=prev)
    return len(records)


def log_access(
    *,
    actor,
    decision,
    actie: str = Action.READ,
    object_type: str = "",
    object_id: str | int = "",
    betrokkenen: Iterable[str] = (),
    toelichting: str = "",
) -> int:
    """Log one action under an access decision: one entry per person concerned (at least one)."""
    uitkomst = Outcome.SUCCESS if decision.allowed else Outcome.REFUSED
    betrokkenen = list(dict.fromkeys(betrokkenen)) or [""]
    return write(
        actor=actor,
        role=decision.role,
        doel=decision.purpose,
        verwerking=decision.activity,
        entries=[
            Entry(actie, object_type, str(object_id), b, uitkomst, toelichting or decision.reason) for b in betrokkenen
        ],
    )


def log_event(
    *,
    actor,
    actie: str,
    uitkomst: str = Outcome.SUCCESS,
    role: str = "",
    doel: str = "Beveiliging",
    verwerking: str = "Authenticatie",
    toelichting: str = "",
    object_type: str = "",
    object_id: str = "",
) -> int:
    """A security event without an access decision: logins, logouts, lockouts."""
    return write(
        actor=actor,
        role=role,
        doel=doel,
        verwerking=verwerking,
        entries=[
            Entry(actie, object_type, object_id, "", uitkomst, toelichting),
        ],
    )
