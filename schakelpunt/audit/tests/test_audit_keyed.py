"""The keyed chain and the signed checkpoints: a rewrite by someone with database access is detected."""

import hashlib
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings

from schakelpunt.access.policy import decide
from schakelpunt.audit.models import AuditChainHead, AuditRecord
from schakelpunt.audit.services import log_access
from schakelpunt.audit.verify import verify_chain


def write_some(user, n=5, start=0):
    decision = decide(user, "audit.view")
    for i in range(start, start + n):
        log_access(actor=user, decision=decision, object_type="signaal", object_id=i, betrokkenen=[f"betrokkene:{i}"])


def _raw(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def plain_sha256(record):
    """The old scheme's hash: what an attacker without the key can compute."""
    payload = {name: getattr(record, name) for name in record.HASHED_FIELDS}
    payload["tijdstip"] = record.tijdstip.isoformat(timespec="microseconds")
    payload["id"] = record.pk
    body = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((record.prev_hash + body).encode()).hexdigest()


def rewrite(from_id, change, rehash):
    """Change record `from_id` and recompute the chain from there to the head, as a DBA could."""
    prev = AuditRecord.objects.get(id=from_id - 1).hash if from_id > 1 else "0" * 64
    for record in AuditRecord.objects.filter(id__gte=from_id).order_by("id"):
        if record.id == from_id:
            change(record)
        record.prev_hash = prev
        record.hash = rehash(record)
        _raw(
            "UPDATE audit_auditrecord SET actor_username = %s, key_id = %s, prev_hash = %s, hash = %s WHERE id = %s",
            [record.actor_username, record.key_id, record.prev_hash, record.hash, record.id],
        )
        prev = record.hash
    _raw("UPDATE audit_auditchainhead SET last_hash = %s WHERE id = 1", [prev])


def vervals(record):
    record.actor_username = "vervalst"


def test_records_carry_the_key_id_and_an_hmac(persona):
    write_some(persona("privacyfunctionaris"), 2)
    record = AuditRecord.objects.get(id=1)
    assert record.key_id == "dev"
    assert record.hash != plain_sha256(record)
    assert verify_chain().ok


def test_a_rewrite_with_recomputed_plain_hashes_is_detected(persona):
    # Before the chain was keyed this rewrite verified as "intact".
    write_some(persona("privacyfunctionaris"))
    rewrite(3, vervals, plain_sha256)
    result = verify_chain()
    assert not result.ok and result.broken_id == 3
    with pytest.raises(CommandError, match="eerste gebroken record 3"):
        call_command("verify_audit")


def test_a_rewrite_with_the_key_is_caught_by_a_checkpoint(persona, tmp_path, capsys):
    user = persona("privacyfunctionaris")
    write_some(user)
    call_command("audit_checkpoint", checkpoint_dir=str(tmp_path))
    write_some(user, 2, start=5)
    # Someone who has both the database and the key recomputes every HMAC and the head.
    rewrite(2, vervals, lambda r: r.compute_hash())
    assert verify_chain().ok  # the chain alone cannot tell
    with pytest.raises(CommandError, match="record 5: wijkt af van checkpoint-000000000005"):
        call_command("verify_audit", checkpoint_dir=str(tmp_path))


def test_a_rewrite_after_the_last_checkpoint_is_not_signed_by_the_next(persona, tmp_path):
    user = persona("privacyfunctionaris")
    write_some(user, 3)
    call_command("audit_checkpoint", checkpoint_dir=str(tmp_path))
    write_some(user, 2, start=3)
    rewrite(4, vervals, plain_sha256)
    with pytest.raises(CommandError, match="Geen checkpoint geschreven"):
        call_command("audit_checkpoint", checkpoint_dir=str(tmp_path))
    assert len(list(tmp_path.glob("checkpoint-*.json"))) == 1


def test_a_cut_off_tail_is_detected_by_a_checkpoint(persona, tmp_path):
    write_some(persona("privacyfunctionaris"))
    call_command("audit_checkpoint", checkpoint_dir=str(tmp_path))
    _raw("DELETE FROM audit_auditrecord WHERE id >= %s", [4])
    last = AuditRecord.objects.get(id=3)
    _raw("UPDATE audit_auditchainhead SET last_id = %s, last_hash = %s WHERE id = 1", [3, last.hash])
    assert verify_chain().ok
    with pytest.raises(CommandError, match="het einde is afgeknipt"):
        call_command("verify_audit", checkpoint_dir=str(tmp_path))


def test_a_forged_checkpoint_is_refused(persona, tmp_path):
    write_some(persona("privacyfunctionaris"))
    call_command("audit_checkpoint", checkpoint_dir=str(tmp_path))
    path = next(tmp_path.glob("checkpoint-*.json"))
    data = json.loads(path.read_text())
    data["last_hash"] = "f" * 64
    path.chmod(0o644)
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError, match="handtekening klopt niet"):
        call_command("verify_audit", checkpoint_dir=str(tmp_path))


def test_checkpoints_confirm_an_intact_chain(persona, tmp_path, capsys):
    user = persona("privacyfunctionaris")
    write_some(user, 3)
    call_command("audit_checkpoint", checkpoint_dir=str(tmp_path))
    write_some(user, 3, start=3)
    call_command("audit_checkpoint", checkpoint_dir=str(tmp_path))
    call_command("verify_audit", checkpoint_dir=str(tmp_path))
    out = capsys.readouterr().out
    assert "Checkpoint geschreven: record 3" in out and "Checkpoint geschreven: record 6" in out
    assert "intact: 6 records gecontroleerd, 2 van 2 checkpoints bevestigd" in out


def test_without_a_checkpoint_dir_verify_says_so(persona, capsys):
    write_some(persona("privacyfunctionaris"), 1)
    call_command("verify_audit")
    assert "AUDIT_CHECKPOINT_DIR is niet ingesteld" in capsys.readouterr().out


def test_keys_rotate_and_old_records_keep_their_key(persona):
    user = persona("privacyfunctionaris")
    both = {"oud": "a" * 40, "nieuw": "b" * 40}
    with override_settings(AUDIT_HMAC_KEYS=both, AUDIT_HMAC_KEY_ID="oud"):
        write_some(user, 2)
    with override_settings(AUDIT_HMAC_KEYS=both, AUDIT_HMAC_KEY_ID="nieuw"):
        write_some(user, 2, start=2)
        assert list(AuditRecord.objects.order_by("id").values_list("key_id", flat=True)) == [
            "oud",
            "oud",
            "nieuw",
            "nieuw",
        ]
        assert verify_chain().ok
    with override_settings(AUDIT_HMAC_KEYS={"nieuw": "b" * 40}, AUDIT_HMAC_KEY_ID="nieuw"):
        result = verify_chain()
        assert not result.ok and result.broken_id == 1 and "onbekende sleutel" in result.reason


def _to_legacy(record):
    record.key_id = ""


def test_records_of_the_old_scheme_verify_but_never_after_keyed_ones(persona):
    write_some(persona("privacyfunctionaris"), 4)
    # Records 1..4 as the migration leaves them: no key id, plain SHA-256.
    for record_id in range(1, 5):
        rewrite(record_id, _to_legacy, lambda r: r.compute_hash())
    assert verify_chain().ok
    write_some(persona("privacyfunctionaris"), 2, start=4)
    assert verify_chain().ok
    # Downgrading a keyed record to the old scheme (to recompute it without the key) is refused.
    rewrite(6, _to_legacy, lambda r: r.compute_hash())
    result = verify_chain()
    assert not result.ok and result.broken_id == 6 and "zonder sleutel" in result.reason


def test_head_moves_only_at_the_end_of_the_transaction(persona):
    from django.db import transaction

    user = persona("privacyfunctionaris")
    write_some(user, 1)
    with transaction.atomic():
        write_some(user, 3, start=1)
        # Nothing appended (and the head not locked) while the transaction still does its work.
        assert AuditChainHead.objects.get(pk=1).last_id == 1
        assert AuditRecord.objects.count() == 1
    assert AuditChainHead.objects.get(pk=1).last_id == 4
    assert verify_chain().ok


def test_a_rolled_back_transaction_or_savepoint_drops_its_entries(persona):
    from django.db import transaction

    user = persona("privacyfunctionaris")
    with pytest.raises(RuntimeError), transaction.atomic():
        write_some(user, 2)
        raise RuntimeError("mislukt")
    assert AuditRecord.objects.count() == 0
    with transaction.atomic():
        write_some(user, 1)
        try:
            with transaction.atomic():
                write_some(user, 2, start=1)
                raise RuntimeError("binnenste mislukt")
        except RuntimeError:
            pass
        write_some(user, 1, start=3)
    assert list(AuditRecord.objects.order_by("id").values_list("object_id", flat=True)) == ["0", "3"]
    assert verify_chain().ok


def test_a_failed_append_fails_the_whole_transaction(persona, monkeypatch):
    """Exactly once: the data and its log entries commit together or not at all."""
    from django.db import DatabaseError, transaction

    from schakelpunt.accounts.models import Afdeling
    from schakelpunt.audit import chain

    user = persona("privacyfunctionaris")

    def broken(records, using="default"):
        raise ValueError("schijf vol")

    monkeypatch.setattr(chain, "append", broken)
    with pytest.raises(DatabaseError, match="toegangslog"), transaction.atomic():
        Afdeling.objects.create(naam="Nooit opgeslagen")
        write_some(user, 1)
    assert not Afdeling.objects.filter(naam="Nooit opgeslagen").exists()
    assert connection.audit_pending == []
