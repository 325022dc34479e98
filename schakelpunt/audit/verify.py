"""Checks the access log: the keyed hash chain, its head, and the signed checkpoints outside the database.

Used by `manage.py verify_audit`, `manage.py audit_checkpoint` and the tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from schakelpunt.audit import keys
from schakelpunt.audit.checkpoints import Checkpoint
from schakelpunt.audit.models import GENESIS_HASH, AuditChainHead, AuditRecord


@dataclass
class Result:
    ok: bool
    checked: int
    broken_id: int | None = None
    reason: str = ""
    checkpoints: int = 0
    last_id: int = 0  # the verified end of the chain
    last_hash: str = GENESIS_HASH


def verify_chain(
    chunk_size: int = 5000, *, checkpoints: Iterable[Checkpoint] = (), start: Checkpoint | None = None
) -> Result:
    """Walk the chain from the start (or from a trusted checkpoint) and compare it with the checkpoints.

    A record must link to the one before it, its hash must be the HMAC under the key it names (or
    plain SHA-256 for a record of the old scheme, which may not follow a keyed one), the head must
    point at the last record, and each checkpoint's record must still carry the hash it had.
    """
    # The head first, and only the records up to it: writers that append meanwhile are not a break.
    head = AuditChainHead.objects.filter(pk=1).first()
    anchors = {c.last_id: c for c in checkpoints if c.last_id > 0}
    prev_hash = start.last_hash if start else GENESIS_HASH
    expected_id = start.last_id if start else 0
    checked = 0
    confirmed = 0
    keyed_seen = False
    if start is not None and start.last_id > 0:
        first = AuditRecord.objects.filter(id=start.last_id).first()
        if first is None or first.hash != start.last_hash:
            return Result(False, 0, start.last_id, "wijkt af van het laatste checkpoint: de keten is herschreven")
        keyed_seen = first.key_id != keys.LEGACY_KEY_ID
    queryset = AuditRecord.objects.filter(id__gt=expected_id).order_by("id")
    if head is not None:
        queryset = queryset.filter(id__lte=head.last_id)
    for record in queryset.iterator(chunk_size=chunk_size):
        expected_id += 1
        if record.id != expected_id:
            return Result(False, checked, expected_id, f"record {expected_id} ontbreekt (volgende is {record.id})")
        if record.prev_hash != prev_hash:
            return Result(False, checked, record.id, "verwijzing naar vorige record klopt niet")
        if not keys.known(record.key_id):
            return Result(False, checked, record.id, f"onbekende sleutel {record.key_id!r}")
        if record.key_id == keys.LEGACY_KEY_ID and keyed_seen:
            return Result(False, checked, record.id, "record zonder sleutel na records met sleutel")
        keyed_seen = keyed_seen or record.key_id != keys.LEGACY_KEY_ID
        if record.compute_hash() != record.hash:
            return Result(False, checked, record.id, "inhoud is gewijzigd (hash klopt niet)")
        anchor = anchors.get(record.id)
        if anchor is not None:
            if anchor.last_hash != record.hash:
                name = anchor.path.name if anchor.path else f"checkpoint {anchor.last_id}"
                return Result(
                    False, checked, record.id, f"wijkt af van {name} ({anchor.created}): de keten is herschreven"
                )
            confirmed += 1
        prev_hash = record.hash
        checked += 1
    beyond = [c for c in anchors.values() if c.last_id > expected_id]
    if beyond:
        first = min(beyond, key=lambda c: c.last_id)
        return Result(
            False,
            checked,
            expected_id + 1,
            f"record {first.last_id} uit checkpoint van {first.created} ontbreekt: het einde is afgeknipt",
        )
    if head is not None and (head.last_id != expected_id or head.last_hash != prev_hash):
        return Result(
            False,
            checked,
            expected_id + 1 if head.last_id > expected_id else head.last_id,
            f"einde van de keten klopt niet: verwacht record {head.last_id}, gevonden {expected_id}",
        )
    return Result(True, checked, checkpoints=confirmed, last_id=expected_id, last_hash=prev_hash)
