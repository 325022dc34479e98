"""Checks the hash chain of the access log; used by `manage.py verify_audit` and the tests."""

from __future__ import annotations

from dataclasses import dataclass

from schakelpunt.audit.models import GENESIS_HASH, AuditChainHead, AuditRecord


@dataclass
class Result:
    ok: bool
    checked: int
    broken_id: int | None = None
    reason: str = ""


def verify_chain(chunk_size: int = 5000) -> Result:
    prev_hash = GENESIS_HASH
    expected_id = 0
    checked = 0
    queryset = AuditRecord.objects.order_by("id")
    for record in queryset.iterator(chunk_size=chunk_size):
        expected_id += 1
        if record.id != expected_id:
            return Result(False, checked, expected_id, f"record {expected_id} ontbreekt (volgende is {record.id})")
        if record.prev_hash != prev_hash:
            return Result(False, checked, record.id, "verwijzing naar vorige record klopt niet")
        if record.compute_hash() != record.hash:
            return Result(False, checked, record.id, "inhoud is gewijzigd (hash klopt niet)")
        prev_hash = record.hash
        checked += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and (head.last_id != expected_id or head.last_hash != prev_hash):
        return Result(
            False,
            checked,
            expected_id + 1 if head.last_id > expected_id else head.last_id,
            f"einde van de keten klopt niet: verwacht record {head.last_id}, gevonden {expected_id}",
        )
    return Result(True, checked)
