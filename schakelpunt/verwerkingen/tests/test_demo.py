"""The demo shows the register with an activity in two versions, and a sealed period of the access log."""

from django.core.management import call_command

from schakelpunt.audit.models import AuditPeriode, AuditRecord
from schakelpunt.audit.verify import verify_chain
from schakelpunt.verwerkingen.models import VerwerkingVersie


def test_demo_has_two_versions_and_a_sealed_period(db, settings):
    settings.DEMO = True
    call_command("seed_demo")
    call_command("seed_demo")  # a second run adds no version and no period
    versies = VerwerkingVersie.objects.filter(verwerking__key="meldpunt.behandeling")
    assert sorted(versies.values_list("nummer", flat=True)) == [1, 2]
    periode = AuditPeriode.objects.get()
    assert periode.aantal > 0
    # The demo's older records name version 1 of the activity they were made under.
    assert AuditRecord.objects.filter(verwerking_versie__in=versies.filter(nummer=1)).exists()
    assert verify_chain().ok
