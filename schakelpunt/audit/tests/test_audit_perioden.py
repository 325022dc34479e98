"""The access log's own retention: sealed periods are destroyed without breaking the verifiability of the rest."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from schakelpunt.audit import chain, perioden
from schakelpunt.audit.models import Action, AuditPeriode, AuditRecord, Outcome
from schakelpunt.audit.verify import verify_chain
from schakelpunt.privacy import toegangslog
from schakelpunt.privacy.models import Bewaarblokkade, Bewaartermijn, Soort

pytestmark = pytest.mark.django_db


def old_records(n, *, days_ago, betrokkene="persoon:999"):
    """Records as they were written `days_ago`: the writer's own append, with an old time."""
    tijdstip = timezone.now() - datetime.timedelta(days=days_ago)
    with transaction.atomic():  # the append locks the chain head
        chain.append(
            [
                AuditRecord(
                    tijdstip=tijdstip + datetime.timedelta(seconds=i),
                    actie=Action.READ,
                    object_type="signaal",
                    object_id=str(i),
                    betrokkene=betrokkene,
                    doel="Behandelen van signalen",
                    verwerking="meldpunt.behandeling",
                    uitkomst=Outcome.SUCCESS,
                )
                for i in range(n)
            ]
        )


def seal_before(days_ago, pf):
    return toegangslog.periode_verzegelen(actor=pf, tot=timezone.now() - datetime.timedelta(days=days_ago))


def _raw(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.fixture
def pf(persona):
    Bewaartermijn.objects.update_or_create(
        soort=Soort.TOEGANGSLOG,
        defaults={"termijn_dagen": 365, "brondatum": "het tijdstip van de logregel", "bron": "test"},
    )
    return persona("privacyfunctionaris")


@pytest.fixture
def two_periods(pf):
    """Records 1-10 from 800 days ago and 11-20 from 500 days ago in two sealed periods, then 5 recent ones."""
    old_records(10, days_ago=800)
    old_records(10, days_ago=500)
    eerste = seal_before(700, pf)
    tweede = seal_before(400, pf)
    old_records(5, days_ago=1)
    return eerste, tweede


def test_a_seal_covers_the_stretch_and_is_signed(two_periods):
    eerste, tweede = two_periods
    assert (eerste.eerste_id, eerste.laatste_id, eerste.aantal) == (1, 10, 10)
    assert (tweede.eerste_id, tweede.laatste_id) == (11, 20) and tweede.vorige_hash == eerste.laatste_hash
    # Sealing is logged (records 21 and 22, written now: in the next period).
    assert AuditRecord.objects.filter(object_type="toegangslogperiode").count() == 2
    assert tweede.laatste_hash == AuditRecord.objects.get(id=tweede.laatste_id).hash
    assert perioden.seal_ok(eerste) and perioden.seal_ok(tweede)
    assert verify_chain().ok


def test_verify_passes_after_a_sealed_period_is_destroyed(two_periods, pf):
    eerste, _tweede = two_periods
    before = AuditRecord.objects.count()
    periode = toegangslog.periode_vernietigen(actor=pf, periode=eerste)
    assert periode.vernietigd and periode.vernietigd_aantal == 10
    assert not AuditRecord.objects.filter(id__lte=10).exists()
    assert AuditPeriode.objects.filter(pk=eerste.pk).exists()  # the seal stays
    result = verify_chain()
    assert result.ok, result.reason
    # Two log entries about the destruction itself (started, finished) were added.
    assert result.checked == before - 10 + 2
    call_command("verify_audit")


def test_verify_fails_when_a_record_in_a_kept_period_is_deleted(two_periods, pf):
    eerste, tweede = two_periods
    toegangslog.periode_vernietigen(actor=pf, periode=eerste)
    _raw("DELETE FROM audit_auditrecord WHERE id = %s", [tweede.eerste_id + 3])
    result = verify_chain()
    assert not result.ok and result.broken_id == tweede.eerste_id + 3 and "ontbreekt" in result.reason


def test_verify_fails_when_the_whole_kept_period_is_deleted_but_not_marked(two_periods, pf):
    _eerste, tweede = two_periods
    _raw("DELETE FROM audit_auditrecord WHERE id >= %s AND id <= %s", [tweede.eerste_id, tweede.laatste_id])
    result = verify_chain()
    assert not result.ok and result.broken_id == tweede.eerste_id


@pytest.mark.parametrize(
    ("column", "value"),
    [("laatste_hash", "f" * 64), ("laatste_id", 9), ("aantal", 3), ("vorige_hash", "e" * 64), ("verzegeld_door", "x")],
)
def test_verify_fails_when_a_seal_is_tampered_with(two_periods, pf, column, value):
    eerste, _tweede = two_periods
    toegangslog.periode_vernietigen(actor=pf, periode=eerste)
    _raw(f"UPDATE audit_auditperiode SET {column} = %s WHERE id = %s", [value, eerste.pk])  # noqa: S608
    result = verify_chain()
    assert not result.ok and "zegel" in result.reason


def test_marking_a_kept_period_as_destroyed_without_the_key_is_detected(two_periods):
    _eerste, tweede = two_periods
    # A database administrator deletes a kept period and marks it destroyed, without the audit key.
    _raw(
        "UPDATE audit_auditperiode SET vernietiging_gestart_op = %s, vernietig_zegel = %s WHERE id = %s",
        [timezone.now(), "a" * 64, tweede.pk],
    )
    _raw("DELETE FROM audit_auditrecord WHERE id >= %s AND id <= %s", [tweede.eerste_id, tweede.laatste_id])
    result = verify_chain()
    assert not result.ok and "niet geldig ondertekend" in result.reason


def test_deleting_the_seal_of_a_destroyed_period_is_detected(two_periods, pf):
    eerste, _tweede = two_periods
    toegangslog.periode_vernietigen(actor=pf, periode=eerste)
    _raw("DELETE FROM audit_auditperiode WHERE id = %s", [eerste.pk])
    result = verify_chain()
    assert not result.ok


def test_every_other_delete_path_is_still_refused(two_periods):
    eerste, _tweede = two_periods
    with pytest.raises(TypeError):
        AuditRecord.objects.filter(id__lte=10).delete()
    with pytest.raises(TypeError):
        AuditRecord.objects.get(id=1).delete()
    with pytest.raises(TypeError):
        AuditPeriode.objects.all().delete()
    with pytest.raises(TypeError):
        eerste.delete()
    # The purge itself refuses a period whose destruction was not started (and signed).
    with pytest.raises(perioden.SealError):
        perioden.purge_chunk(eerste)
    assert AuditRecord.objects.filter(id__lte=10).count() == 10


def test_a_period_within_its_retention_is_not_destroyed(pf):
    old_records(5, days_ago=100)
    periode = seal_before(50, pf)
    with pytest.raises(ValidationError, match="bewaartermijn loopt tot"):
        toegangslog.periode_vernietigen(actor=pf, periode=periode)
    assert AuditRecord.objects.filter(id__lte=5).count() == 5


def test_a_legal_hold_keeps_the_whole_period_that_mentions_the_person(pf):
    from schakelpunt.subjecten.models import Persoon

    persoon = Persoon.objects.create(voornamen="Vast", geslachtsnaam="Gehouden")
    old_records(4, days_ago=800)
    old_records(1, days_ago=800, betrokkene=f"persoon:{persoon.pk}")
    old_records(4, days_ago=600)
    eerste = seal_before(700, pf)
    tweede = seal_before(500, pf)
    Bewaarblokkade.objects.create(reden="Lopend onderzoek", beoordelen_op="2099-01-01", persoon=persoon, door=pf)
    with pytest.raises(ValidationError, match="bewaarblokkade"):
        toegangslog.periode_vernietigen(actor=pf, periode=eerste)
    vernietigd, overgeslagen = toegangslog.verlopen_vernietigen(actor=pf)
    assert [p.pk for p in vernietigd] == [tweede.pk]
    assert [s.periode.pk for s in overgeslagen] == [eerste.pk]
    assert AuditRecord.objects.filter(id__lte=5).count() == 5
    assert verify_chain().ok


def test_a_pending_request_keeps_the_period_too(pf):
    from schakelpunt.privacy.models import Verzoek
    from schakelpunt.subjecten.models import Persoon

    persoon = Persoon.objects.create(voornamen="Vraagt", geslachtsnaam="Inzage")
    old_records(3, days_ago=800, betrokkene=f"persoon:{persoon.pk}")
    periode = seal_before(700, pf)
    Verzoek.objects.create(
        soort="inzage",
        persoon=persoon,
        persoon_key=persoon.log_key,
        ontvangen_op=timezone.localdate(),
        omschrijving="Brief",
        door=pf,
    )
    assert toegangslog.stand(periode, blokkade_q=toegangslog._blokkade_filter()).blokkade
    with pytest.raises(ValidationError):
        toegangslog.periode_vernietigen(actor=pf, periode=periode)


def test_an_interrupted_purge_is_finished_by_a_rerun_and_the_report_is_right(two_periods, pf, monkeypatch):
    eerste, _tweede = two_periods
    real = perioden.purge_chunk
    calls = {"n": 0}

    def killed_after_one_chunk(periode, *, size):
        calls["n"] += 1
        if calls["n"] > 1:
            raise KeyboardInterrupt("killed")
        return real(periode, size=size)

    monkeypatch.setattr(perioden, "purge_chunk", killed_after_one_chunk)
    with pytest.raises(KeyboardInterrupt):
        toegangslog.periode_vernietigen(actor=pf, periode=eerste, chunk=4)
    half = AuditPeriode.objects.get(pk=eerste.pk)
    assert half.vernietiging_gestart_op is not None and not half.vernietigd
    assert AuditRecord.objects.filter(id__lte=10).count() == 6  # the oldest 4 are gone
    assert verify_chain().ok  # the seal carries the chain over the half-destroyed period
    monkeypatch.setattr(perioden, "purge_chunk", real)
    # A legal hold placed meanwhile does not stop a destruction that already started (it was decided).
    done = toegangslog.periode_vernietigen(actor=pf, periode=half, chunk=4)
    assert done.vernietigd and done.vernietigd_aantal == 10
    assert not AuditRecord.objects.filter(id__lte=10).exists()
    again = toegangslog.periode_vernietigen(actor=pf, periode=done)
    assert again.vernietigd_op == done.vernietigd_op
    toelichtingen = list(
        AuditRecord.objects.filter(object_type="toegangslogperiode", object_id=str(eerste.pk)).values_list(
            "toelichting", flat=True
        )
    )
    assert len([t for t in toelichtingen if t.startswith("vernietiging gestart")]) == 1
    assert len([t for t in toelichtingen if t.startswith("vernietigd:")]) == 1
    assert verify_chain().ok


def test_a_checkpoint_inside_a_destroyed_period_does_not_stop_the_next_checkpoint(two_periods, pf, tmp_path, settings):
    settings.AUDIT_CHECKPOINT_DIR = str(tmp_path)
    call_command("audit_checkpoint")
    eerste, _tweede = two_periods
    toegangslog.periode_vernietigen(actor=pf, periode=eerste)
    call_command("audit_checkpoint")
    call_command("verify_audit")


def test_the_command_seals_whole_months_and_destroys_what_expired(pf, capsys):
    old_records(3, days_ago=900)
    old_records(3, days_ago=800)
    old_records(2, days_ago=1)
    call_command("toegangslog_bewaren", "--door", pf.username, "--vernietigen")
    out = capsys.readouterr().out
    assert out.count("Verzegeld:") >= 2 and out.count("Vernietigd:") >= 2
    assert AuditRecord.objects.filter(id__lte=6).count() == 0
    assert verify_chain().ok
    call_command("toegangslog_bewaren", "--door", pf.username, "--vernietigen")  # rerun: nothing new, no error


def test_only_the_privacyfunctionaris_seals_or_destroys(two_periods, persona):
    from django.core.exceptions import PermissionDenied

    eerste, _tweede = two_periods
    for role in ("beheerder", "aandachtsfunctionaris"):
        with pytest.raises(PermissionDenied):
            toegangslog.periode_vernietigen(actor=persona(role), periode=eerste)
        with pytest.raises(PermissionDenied):
            toegangslog.periode_verzegelen(actor=persona(role), tot=timezone.now())
    assert AuditRecord.objects.filter(id__lte=10).count() == 10
