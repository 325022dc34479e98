"""Writing the access log. Every read of personal data and every change ends up here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.apps import apps
from django.db import transaction

from schakelpunt.audit import context
from schakelpunt.audit.models import Action, AuditRecord, Outcome


@dataclass(frozen=True)
class Entry:
    actie: str
    object_type: str = ""
    object_id: str = ""
    betrokkene: str = ""
    uitkomst: str = Outcome.SUCCESS
    toelichting: str = ""
    # For events without a logged-in actor: the username that was tried (failed login, lockout).
    username: str = ""


def _truncate(value: str, size: int) -> str:
    return value[:size]


def write(*, actor, role: str | None, doel: str, verwerking: str, entries: Iterable[Entry]) -> int:
    """Log entries; returns how many. Inside a transaction they are appended to the chain just
    before it commits (and dropped if it rolls back); outside one, at once (see audit/chain.py)."""
    entries = list(entries)
    if not entries:
        return 0
    now = datetime.now(UTC)
    actor_id = getattr(actor, "pk", None) if actor is not None and getattr(actor, "is_authenticated", False) else None
    username = getattr(actor, "username", "") if actor_id else ""
    origin = context.origin_address.get()
    req_id = context.request_id.get()
    records = [
        AuditRecord(
            tijdstip=now,
            actor_id=actor_id,
            actor_username=_truncate(entry.username or username, 150),
            rol=role or "",
            actie=entry.actie,
            # Cut to the columns: PostgreSQL would refuse a longer value, and with it the commit.
            object_type=_truncate(entry.object_type, 60),
            object_id=_truncate(str(entry.object_id), 64),
            betrokkene=_truncate(entry.betrokkene, 80),
            doel=_truncate(doel, 200),
            verwerking=_truncate(verwerking, 200),
            uitkomst=entry.uitkomst,
            herkomst=origin,
            request_id=req_id,
            toelichting=_truncate(entry.toelichting, 300),
        )
        for entry in entries
    ]
    connection = transaction.get_connection()
    if connection.in_audit_transaction():
        connection.audit_pending.extend(records)
    else:
        with transaction.atomic():
            connection.audit_pending.extend(records)
    return len(records)


def _person_keys(object_type: str, object_id: str | int) -> list[str]:
    """The persons concerned in an object that a refused attempt was about, where the log can know them."""
    object_id = str(object_id)
    if not object_id.isdigit() or len(object_id) > 18:
        return []
    if object_type == "persoon":
        return [f"persoon:{object_id}"]
    if object_type == "signaal":
        # The model by name: the log stays below the apps it serves.
        betrokkene = apps.get_model("signalen", "Betrokkene")
        return [
            f"betrokkene:{pk}"
            for pk in betrokkene.objects.filter(signaal_id=int(object_id)).values_list("pk", flat=True)
        ]
    return []


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
    betrokkenen = list(dict.fromkeys(betrokkenen))
    if not betrokkenen and not decision.allowed:
        betrokkenen = _person_keys(object_type, object_id)
    betrokkenen = betrokkenen or [""]
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
    verwerking: str = "beveiliging.toegang",
    toelichting: str = "",
    object_type: str = "",
    object_id: str = "",
    username: str = "",
) -> int:
    """A security event without an access decision: logins, logouts, lockouts.

    `username` is the name that was tried when nobody is logged in (a failed login, a lockout).
    """
    return write(
        actor=actor,
        role=role,
        doel=doel,
        verwerking=verwerking,
        entries=[
            Entry(actie, object_type, object_id, "", uitkomst, toelichting, username=username),
        ],
    )
