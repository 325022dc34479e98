"""The access log's own retention at chain level: seal a stretch of the chain, and the one path that deletes records.

A period is sealed only after its records are verified (the chain from the previous seal on). Its
seal (``AuditPeriode``) keeps the hash before the period and the hash of its last record, signed
with the audit key, and outlives the records. Deleting records is refused everywhere else
(``AuditRecord`` and its queryset raise); ``purge_chunk`` deletes only inside a period whose
destruction was started and sealed (``vernietig_zegel``). Which period may be destroyed, and when
(retention, legal holds, pending requests), is decided by privacy/toegangslog.py.
"""

from __future__ import annotations

import datetime

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from schakelpunt.audit import keys
from schakelpunt.audit.models import GENESIS_HASH, AuditChainHead, AuditPeriode, AuditRecord


class SealError(Exception):
    """The chain cannot be sealed: it is broken in the stretch that would be sealed."""


def check_record(record: AuditRecord, expected_id: int, prev_hash: str, keyed_seen: bool) -> str:
    """Why `record` breaks the chain at this point ("" when it does not)."""
    if record.id != expected_id:
        return f"record {expected_id} ontbreekt (volgende is {record.id})"
    if record.prev_hash != prev_hash:
        return "verwijzing naar vorige record klopt niet"
    if not keys.known(record.key_id):
        return f"onbekende sleutel {record.key_id!r}"
    if record.key_id == keys.LEGACY_KEY_ID and keyed_seen:
        return "record zonder sleutel na records met sleutel"
    if record.compute_hash() != record.hash:
        return "inhoud is gewijzigd (hash klopt niet)"
    return ""


def seal_ok(periode: AuditPeriode) -> bool:
    return (
        keys.known(periode.key_id) and periode.key_id != keys.LEGACY_KEY_ID and periode.zegel == periode.compute_zegel()
    )


def destruction_ok(periode: AuditPeriode) -> bool:
    return (
        periode.vernietiging_gestart_op is not None
        and seal_ok(periode)
        and periode.vernietig_zegel == periode.compute_vernietig_zegel()
    )


@transaction.atomic
def seal(*, tot: datetime.datetime, door: str) -> AuditPeriode | None:
    """Seal the records after the last period up to the last one written before `tot`; None if there are none.

    The caller checks permission and logs (privacy/toegangslog.py).
    """
    # The newest seal, locked: two sealers never seal the same stretch (and eerste_id is unique besides).
    vorige = AuditPeriode.objects.select_for_update().order_by("-laatste_id").first()
    start_id = vorige.laatste_id + 1 if vorige else 1
    prev_hash = vorige.laatste_hash if vorige else GENESIS_HASH
    keyed_seen = bool(vorige and vorige.laatste_key_id)
    head = AuditChainHead.objects.filter(pk=1).first()
    # Only appended (committed) records: those up to the head.
    limit = head.last_id if head else 0
    laatste_id = AuditRecord.objects.filter(id__gte=start_id, id__lte=limit, tijdstip__lt=tot).aggregate(m=Max("id"))[
        "m"
    ]
    if laatste_id is None:
        return None
    expected_id = start_id
    van = eind = None
    last: AuditRecord | None = None
    for record in AuditRecord.objects.filter(id__gte=start_id, id__lte=laatste_id).order_by("id").iterator(2000):
        reden = check_record(record, expected_id, prev_hash, keyed_seen)
        if reden:
            raise SealError(f"record {expected_id}: {reden}")
        keyed_seen = keyed_seen or record.key_id != keys.LEGACY_KEY_ID
        van = record.tijdstip if van is None else min(van, record.tijdstip)
        eind = record.tijdstip if eind is None else max(eind, record.tijdstip)
        prev_hash = record.hash
        expected_id += 1
        last = record
    if last is None or last.id != laatste_id or van is None or eind is None:
        raise SealError(f"record {expected_id} ontbreekt")
    periode = AuditPeriode(
        eerste_id=start_id,
        laatste_id=laatste_id,
        aantal=laatste_id - start_id + 1,
        vorige_hash=vorige.laatste_hash if vorige else GENESIS_HASH,
        laatste_hash=last.hash,
        laatste_key_id=last.key_id,
        van=van,
        tot=eind,
        verzegeld_op=timezone.now(),
        verzegeld_door=door[:150],
        key_id=keys.current_key_id(),
    )
    periode.zegel = periode.compute_zegel()
    periode.save()
    return periode


def start_destruction(periode: AuditPeriode, *, door: str) -> AuditPeriode:
    """Mark (and seal) the start of the destruction of `periode`; call inside the caller's transaction."""
    if periode.vernietiging_gestart_op is not None:
        return periode
    if not seal_ok(periode):
        raise SealError(f"het zegel van {periode} klopt niet; er wordt niets vernietigd")
    periode.vernietiging_gestart_op = timezone.now()
    periode.vernietigd_door = door[:150]
    periode.vernietig_zegel = periode.compute_vernietig_zegel()
    AuditPeriode.objects.filter(pk=periode.pk).update(
        vernietiging_gestart_op=periode.vernietiging_gestart_op,
        vernietigd_door=periode.vernietigd_door,
        vernietig_zegel=periode.vernietig_zegel,
    )
    return periode


def purge_chunk(periode: AuditPeriode, *, size: int = 1000) -> int:
    """Delete the oldest `size` records of a period whose destruction was started; returns how many.

    The one way records leave the access log. Each chunk is its own transaction, oldest first, so
    an interruption leaves a period with its newest records still there; the rerun goes on.
    """
    if not destruction_ok(periode):
        raise SealError(f"de vernietiging van {periode} is niet (geldig) gestart")
    with transaction.atomic():
        ids = list(
            AuditRecord.objects.filter(id__gte=periode.eerste_id, id__lte=periode.laatste_id)
            .order_by("id")
            .values_list("id", flat=True)[:size]
        )
        if not ids:
            return 0
        with connection.cursor() as cursor:
            # Raw, because the model and its queryset refuse every delete; bounded by the sealed range.
            cursor.execute(
                f"DELETE FROM {AuditRecord._meta.db_table} WHERE id >= %s AND id <= %s AND id <= %s",  # noqa: S608
                [ids[0], ids[-1], periode.laatste_id],
            )
            return cursor.rowcount


def remaining(periode: AuditPeriode) -> int:
    return AuditRecord.objects.filter(id__gte=periode.eerste_id, id__lte=periode.laatste_id).count()


def finish_destruction(periode: AuditPeriode) -> AuditPeriode:
    periode.vernietigd_op = timezone.now()
    periode.vernietigd_aantal = periode.aantal
    AuditPeriode.objects.filter(pk=periode.pk).update(
        vernietigd_op=periode.vernietigd_op, vernietigd_aantal=periode.vernietigd_aantal
    )
    return periode
