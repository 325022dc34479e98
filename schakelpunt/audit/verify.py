"""Checks the access log: the keyed hash chain, its head, and the signed checkpoints outside the database.

Used by `manage.py verify_audit`, `manage.py audit_checkpoint` and the tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from schakelpunt.audit import keys
from schakelpunt.audit import perioden as perioden_mod
from schakelpunt.audit.checkpoints import Checkpoint
from schakelpunt.audit.models import GENESIS_HASH, AuditChainHead, AuditPeriode, AuditRecord


@dataclass
class Result:
    ok: bool
    checked: int
    broken_id: int | None = None
    reason: str = ""
    checkpoints: int = 0
    last_id: int = 0  # the verified end of the chain
    last_hash: str = GENESIS_HASH


def _check_seals(perioden: list[AuditPeriode]) -> Result | None:
    """The seals themselves: each signed, contiguous from record 1, each continuing the one before."""
    expected_id, prev_hash = 0, GENESIS_HASH
    for periode in perioden:
        if not perioden_mod.seal_ok(periode):
            return Result(False, 0, periode.eerste_id, f"zegel van {periode} klopt niet: het zegel is gewijzigd")
        if periode.eerste_id != expected_id + 1 or periode.vorige_hash != prev_hash:
            return Result(False, 0, expected_id + 1, f"zegel van {periode} sluit niet aan op de periode ervoor")
        if periode.aantal != periode.laatste_id - periode.eerste_id + 1:
            return Result(False, 0, periode.eerste_id, f"zegel van {periode} noemt een verkeerd aantal")
        if periode.vernietiging_gestart_op is not None and not perioden_mod.destruction_ok(periode):
            return Result(
                False, 0, periode.eerste_id, f"vernietiging van {periode} is niet geldig ondertekend: records ontbreken"
            )
        expected_id, prev_hash = periode.laatste_id, periode.laatste_hash
    return None


def verify_chain(
    chunk_size: int = 5000, *, checkpoints: Iterable[Checkpoint] = (), start: Checkpoint | None = None
) -> Result:
    """Walk the chain from the start (or from a trusted checkpoint) and compare it with the checkpoints.

    A record must link to the one before it, its hash must be the HMAC under the key it names (or
    plain SHA-256 for a record of the old scheme, which may not follow a keyed one), the head must
    point at the last record, and each checkpoint's record must still carry the hash it had.

    Sealed periods (docs/adr/0017): every seal must be signed and continue the one before it. A
    period whose destruction was started (and signed) is stepped over: the chain continues from
    its sealed last hash, so what remains is still proved intact and complete. A kept period's
    first and last record must agree with its seal.
    """
    # The head first, and only the records up to it: writers that append meanwhile are not a break.
    head = AuditChainHead.objects.filter(pk=1).first()
    perioden = list(AuditPeriode.objects.order_by("eerste_id"))
    broken = _check_seals(perioden)
    if broken is not None:
        return broken
    overslaan = {p.eerste_id: p for p in perioden if p.vernietiging_gestart_op is not None}
    bewaard_eerste = {p.eerste_id: p for p in perioden if p.vernietiging_gestart_op is None}
    bewaard_laatste = {p.laatste_id: p for p in perioden if p.vernietiging_gestart_op is None}
    anchors = {c.last_id: c for c in checkpoints if c.last_id > 0}
    prev_hash = GENESIS_HASH
    expected_id = 0
    checked = 0
    confirmed = 0
    keyed_seen = False
    if start is not None and start.last_id > 0:
        first = AuditRecord.objects.filter(id=start.last_id).first()
        vernietigd = next((p for p in overslaan.values() if p.eerste_id <= start.last_id <= p.laatste_id), None)
        if vernietigd is not None:
            pass  # its record is gone with its period: verify from the beginning (the seals carry the chain)
        elif first is None or first.hash != start.last_hash:
            return Result(False, 0, start.last_id, "wijkt af van het laatste checkpoint: de keten is herschreven")
        else:
            prev_hash, expected_id = start.last_hash, start.last_id
            keyed_seen = first.key_id != keys.LEGACY_KEY_ID

    def step_over() -> Result | None:
        """Continue from the seal of each destroyed period that starts where the chain now is."""
        nonlocal expected_id, prev_hash, keyed_seen, confirmed
        while expected_id + 1 in overslaan:
            periode = overslaan[expected_id + 1]
            if periode.vorige_hash != prev_hash:
                return Result(False, checked, periode.eerste_id, f"{periode} sluit niet aan op de records ervoor")
            anchor = anchors.get(periode.laatste_id)
            if anchor is not None:
                if anchor.last_hash != periode.laatste_hash:
                    return Result(
                        False, checked, periode.laatste_id, f"zegel van {periode} wijkt af van een checkpoint"
                    )
                confirmed += 1
            expected_id, prev_hash = periode.laatste_id, periode.laatste_hash
            keyed_seen = keyed_seen or periode.laatste_key_id != keys.LEGACY_KEY_ID
        return None

    queryset = AuditRecord.objects.filter(id__gt=expected_id).order_by("id")
    if head is not None:
        queryset = queryset.filter(id__lte=head.last_id)
    for record in queryset.iterator(chunk_size=chunk_size):
        broken = step_over()
        if broken is not None:
            return broken
        if record.id <= expected_id:
            continue  # left over in a period whose destruction was interrupted; the seal covers it
        reden = perioden_mod.check_record(record, expected_id + 1, prev_hash, keyed_seen)
        if reden:
            return Result(False, checked, expected_id + 1 if record.id != expected_id + 1 else record.id, reden)
        expected_id = record.id
        keyed_seen = keyed_seen or record.key_id != keys.LEGACY_KEY_ID
        periode = bewaard_eerste.get(record.id)
        if periode is not None and periode.vorige_hash != record.prev_hash:
            return Result(False, checked, record.id, f"begin van {periode} wijkt af van het zegel")
        periode = bewaard_laatste.get(record.id)
        if periode is not None and periode.laatste_hash != record.hash:
            return Result(False, checked, record.id, f"einde van {periode} wijkt af van het zegel")
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
    broken = step_over()
    if broken is not None:
        return broken
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
