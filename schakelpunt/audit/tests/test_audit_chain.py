"""The access log: append-only, hash-chained, one entry per person concerned, verifiable."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from schakelpunt.access.policy import decide
from schakelpunt.audit.models import AuditChainHead, AuditRecord
from schakelpunt.audit.services import log_access
from schakelpunt.audit.verify import verify_chain


def write_some(user, n=3):
    decision = decide(user, "audit.view")
    for i in range(n):
        log_access(actor=user, decision=decision, object_type="signaal", object_id=i, betrokkenen=[f"betrokkene:{i}"])


def test_one_entry_per_person_concerned_with_all_fields(persona):
    user = persona("privacyfunctionaris")
    decision = decide(user, "audit.view")
    log_access(
        actor=user,
        decision=decision,
        object_type="signaal",
        object_id=7,
        betrokkenen=["betrokkene:1", "betrokkene:2", "betrokkene:1"],
    )
    records = list(AuditRecord.objects.filter(object_type="signaal").order_by("id"))
    assert [r.betrokkene for r in records] == ["betrokkene:1", "betrokkene:2"]
    record = records[0]
    assert record.actor_username == user.username
    assert record.rol == "privacyfunctionaris"
    assert record.doel == decision.purpose
    assert record.verwerking == decision.activity
    assert record.uitkomst == "geslaagd"
    assert record.tijdstip.utcoffset().total_seconds() == 0


def test_refusals_are_logged(client_as, persona):
    client_as("melder").get("/toegangslog/")
    refused = AuditRecord.objects.get(uitkomst="geweigerd")
    assert refused.actor_username == persona("melder").username
    assert refused.object_type == "audit.view"


def test_records_cannot_be_changed_through_the_orm(persona):
    write_some(persona("privacyfunctionaris"), 1)
    record = AuditRecord.objects.first()
    record.doel = "iets anders"
    with pytest.raises(TypeError):
        record.save()
    with pytest.raises(TypeError):
        record.delete()
    with pytest.raises(TypeError):
        AuditRecord.objects.all().delete()
    with pytest.raises(TypeError):
        AuditRecord.objects.update(doel="x")


def test_intact_chain_verifies(persona, capsys):
    write_some(persona("privacyfunctionaris"), 5)
    assert verify_chain().ok
    call_command("verify_audit")
    assert "intact: 5 records" in capsys.readouterr().out


def _raw(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_altered_record_is_detected_and_named(persona):
    write_some(persona("privacyfunctionaris"), 5)
    _raw("UPDATE audit_auditrecord SET actor_username = %s WHERE id = %s", ["iemand-anders", 3])
    with pytest.raises(CommandError, match="eerste gebroken record 3"):
        call_command("verify_audit")


def test_deleted_record_is_detected(persona):
    write_some(persona("privacyfunctionaris"), 5)
    _raw("DELETE FROM audit_auditrecord WHERE id = %s", [2])
    result = verify_chain()
    assert not result.ok and result.broken_id == 2


def test_truncated_tail_is_detected(persona):
    write_some(persona("privacyfunctionaris"), 5)
    _raw("DELETE FROM audit_auditrecord WHERE id >= %s", [4])
    result = verify_chain()
    assert not result.ok and result.broken_id == 4


def test_rehashed_forgery_is_detected_by_the_next_link(persona):
    write_some(persona("privacyfunctionaris"), 5)
    record = AuditRecord.objects.get(id=2)
    record.actor_username = "vervalst"
    _raw(
        "UPDATE audit_auditrecord SET actor_username = %s, hash = %s WHERE id = %s",
        ["vervalst", record.compute_hash(), 2],
    )
    result = verify_chain()
    assert not result.ok and result.broken_id == 3


def test_chain_head_tracks_the_end(persona):
    write_some(persona("privacyfunctionaris"), 4)
    head = AuditChainHead.objects.get(pk=1)
    assert head.last_id == AuditRecord.objects.order_by("-id").first().id


def test_closing_a_connection_that_was_never_opened_does_not_open_one():
    """A server thread closes every connection when it stops; one it never used stays unopened
    (before, the audit buffer's check of the transaction state connected first)."""
    from unittest import mock

    from django.db import connections

    fresh = connections.create_connection("default")
    fresh.audit_pending.append(object())
    with mock.patch.object(fresh, "connect") as connect:
        fresh.close()
    connect.assert_not_called()
    assert fresh.audit_pending == []
