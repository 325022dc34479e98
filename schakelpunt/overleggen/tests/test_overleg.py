"""Casusoverleg: the access window, own items only, lock and close rules, iCalendar, the verslag."""

import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from schakelpunt.access.policy import NotFound
from schakelpunt.casussen.models import Gebeurtenis
from schakelpunt.notificaties.models import Notificatie
from schakelpunt.overleggen import ical, selectors, services
from schakelpunt.overleggen.models import Overleg

from .conftest import BESLUIT_MELDEN, BESLUIT_REGIE

pytestmark = pytest.mark.django_db


def _zie(user, overleg):
    try:
        o = selectors.overleg_get(user=user, pk=overleg.pk)
    except NotFound:
        return None
    return [p.casus.titel for p in selectors.agendapunten(user=user, overleg=o)]


def _verschuif(overleg, uren):
    """Move the meeting so that it ended `uren` hours ago."""
    einde = timezone.now() - datetime.timedelta(hours=uren)
    Overleg.objects.filter(pk=overleg.pk).update(begin=einde - datetime.timedelta(hours=1), einde=einde)


def test_each_participant_sees_only_their_own_items(af, persona, make_user, overleg, maak_casus):
    a, b = maak_casus("Casus A", "Anna"), maak_casus("Casus B", "Bram")
    jeugdteam, wijkteam = persona("deelnemer"), make_user("deelnemer")
    assert _zie(jeugdteam, overleg) is None  # before the invitation: nothing
    services.agendapunt_toevoegen(actor=af, overleg=overleg, casus=a, deelnemers=[jeugdteam])
    services.agendapunt_toevoegen(actor=af, overleg=overleg, casus=b, deelnemers=[wijkteam])
    assert _zie(jeugdteam, overleg) == ["Casus A"]
    assert _zie(wijkteam, overleg) == ["Casus B"]
    assert sorted(_zie(af, overleg)) == ["Casus A", "Casus B"]


def test_after_the_meeting_only_those_present_keep_access_for_the_window(
    af, persona, make_user, overleg, maak_casus, settings
):
    settings.OVERLEG_TOEGANG_UREN = 48
    a = maak_casus("Casus A")
    aanwezig, afwezig = persona("deelnemer"), make_user("deelnemer")
    services.agendapunt_toevoegen(actor=af, overleg=overleg, casus=a, deelnemers=[aanwezig, afwezig])
    services.aanwezigheid_vastleggen(actor=af, overleg=overleg, aanwezig={af.pk, aanwezig.pk})
    _verschuif(overleg, 1)
    assert _zie(aanwezig, overleg) == ["Casus A"]
    assert _zie(afwezig, overleg) is None
    _verschuif(overleg, 49)
    assert _zie(aanwezig, overleg) is None


def test_a_casus_participant_keeps_seeing_that_item(af, persona, overleg, maak_casus):
    from schakelpunt.casussen.services import deelnemer_toevoegen

    a = maak_casus("Casus A")
    d = persona("deelnemer")
    services.agendapunt_toevoegen(actor=af, overleg=overleg, casus=a, deelnemers=[d])
    deelnemer_toevoegen(actor=af, casus=a, user=d)
    _verschuif(overleg, 100)
    assert selectors.agendapunten(user=d, overleg=overleg)[0].casus == a


def test_a_removed_participant_loses_access_and_gets_a_cancel(
    af, persona, overleg, maak_casus, django_capture_on_commit_callbacks
):
    a = maak_casus("Casus A")
    d = persona("deelnemer")
    with django_capture_on_commit_callbacks(execute=True):
        services.agendapunt_toevoegen(actor=af, overleg=overleg, casus=a, deelnemers=[d])
        services.genodigde_verwijderen(actor=af, overleg=overleg, user=d)
    assert _zie(d, overleg) is None
    sent = [m for m in mail.outbox if d.email in m.to]
    methods = [Calendar.from_ical(m.attachments[0][1]).get("method") for m in sent]
    assert methods == ["REQUEST", "CANCEL"]


def test_ical_uid_stable_sequence_raised_and_no_personal_data(af, persona, overleg, maak_casus):
    a = maak_casus("Zorgen om Tim de Vries aan de Dorpsstraat")
    services.agendapunt_toevoegen(actor=af, overleg=overleg, casus=a, deelnemers=[persona("deelnemer")])
    eerst = Calendar.from_ical(ical.ics(overleg))
    overleg = services.overleg_wijzigen(
        actor=af,
        overleg=overleg,
        versie=overleg.versie,
        begin=overleg.begin + datetime.timedelta(hours=1),
        einde=overleg.einde + datetime.timedelta(hours=1),
        locatie="Stadhuis, kamer 2.14, Dorpsstraat 1",
    )
    daarna = Calendar.from_ical(ical.ics(overleg))
    e1, e2 = next(iter(eerst.walk("VEVENT"))), next(iter(daarna.walk("VEVENT")))
    assert e1["UID"] == e2["UID"] and int(e2["SEQUENCE"]) == int(e1["SEQUENCE"]) + 1
    services.overleg_annuleren(actor=af, overleg=overleg)
    overleg.refresh_from_db()
    cancel = Calendar.from_ical(ical.ics(overleg, method="CANCEL"))
    assert cancel["METHOD"] == "CANCEL" and next(iter(cancel.walk("VEVENT")))["UID"] == e1["UID"]
    for cal in (eerst, daarna, cancel):
        text = cal.to_ical().decode()
        for forbidden in ("Tim", "Vries", "Dorpsstraat", "Stadhuis", "Overlegtest", af.first_name):
            assert forbidden not in text


def test_a_decided_item_locks_and_the_meeting_closes_only_when_every_item_is_decided(af, persona, overleg, maak_casus):
    a, b = maak_casus("Casus A", "Anna"), maak_casus("Casus B", "Bram")
    pa = services.agendapunt_toevoegen(actor=af, overleg=overleg, casus=a, deelnemers=[persona("deelnemer")])
    pb = services.agendapunt_toevoegen(actor=af, overleg=overleg, casus=b, deelnemers=[])
    services.agendapunt_besluit(actor=af, punt=pa, soort="melden", **BESLUIT_MELDEN)
    pa = services.agendapunt_besluit(actor=af, punt=pa, soort="regie", **BESLUIT_REGIE)
    assert pa.vergrendeld
    with pytest.raises(ValidationError):
        services.agendapunt_notuleren(actor=af, punt=pa, versie=pa.versie, notities="later")
    with pytest.raises(ValidationError) as info:
        services.overleg_sluiten(actor=af, overleg=overleg)
    assert b.nummer in str(info.value)
    services.agendapunt_besluit(
        actor=af,
        punt=pb,
        soort="melden",
        overwegingen="Eerst meer weten.",
        melden="nog_niet",
        geldig_tot=timezone.localdate() + datetime.timedelta(days=14),
    )
    services.agendapunt_besluit(actor=af, punt=pb, soort="regie", **BESLUIT_REGIE)
    verslag = services.overleg_sluiten(actor=af, overleg=overleg)
    assert verslag.status == "concept" and a.nummer in verslag.tekst
    assert Gebeurtenis.objects.filter(casus=a, tekst__startswith="Casusoverleg").exists()
    assert Notificatie.objects.filter(ontvanger=persona("deelnemer"), onderwerp__startswith="Samenvatting").count() == 1
    with pytest.raises(ValidationError):
        services.overleg_heropenen(actor=af, overleg=overleg, reden=" ")
    services.overleg_heropenen(actor=af, overleg=overleg, reden="Besluit over B herzien")
    assert Overleg.objects.get(pk=overleg.pk).status == "gepland"


def test_the_verslag_is_for_the_chair_and_read_only_after_approval(af, persona, overleg, maak_casus, client_as):
    from pypdf import PdfReader

    a = maak_casus("Casus A")
    p = services.agendapunt_toevoegen(actor=af, overleg=overleg, casus=a, deelnemers=[persona("deelnemer")])
    services.agendapunt_besluit(actor=af, punt=p, soort="melden", **BESLUIT_MELDEN)
    services.agendapunt_besluit(actor=af, punt=p, soort="regie", **BESLUIT_REGIE)
    verslag = services.overleg_sluiten(actor=af, overleg=overleg)
    assert client_as("deelnemer").get(f"/overleggen/{overleg.pk}/verslag/").status_code == 404
    verslag = services.verslag_vaststellen(
        actor=af, verslag=verslag, versie=verslag.versie, tekst=verslag.tekst + "\nAkkoord."
    )
    with pytest.raises(ValidationError):
        services.verslag_vaststellen(actor=af, verslag=verslag, versie=verslag.versie, tekst="anders")
    pdf = client_as("aandachtsfunctionaris").get(f"/overleggen/{overleg.pk}/verslag.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Akkoord." in text and a.nummer in text


def test_reminders_go_once_and_the_chair_gets_the_open_list(af, persona, overleg, maak_casus):
    a = maak_casus("Casus A")
    services.agendapunt_toevoegen(actor=af, overleg=overleg, casus=a, deelnemers=[persona("deelnemer")])
    nu = overleg.begin - datetime.timedelta(hours=2)
    assert services.herinneringen_versturen(nu=nu) == 1
    assert services.herinneringen_versturen(nu=nu) == 0
    assert Notificatie.objects.filter(ontvanger=persona("deelnemer"), onderwerp__startswith="Herinnering").count() == 1


def test_wat_speelt_er_is_saved_by_the_chair_and_audited_not_by_others(af, persona, overleg):
    from django.core.exceptions import PermissionDenied

    from schakelpunt.access.policy import NotFound
    from schakelpunt.audit.models import AuditRecord

    services.wat_speelt_er_vastleggen(actor=af, overleg=overleg, tekst="Ronselen via berichtenapps")
    assert Overleg.objects.get(pk=overleg.pk).wat_speelt_er == "Ronselen via berichtenapps"
    assert AuditRecord.objects.filter(object_type="overleg", toelichting="wat speelt er").exists()
    with pytest.raises((NotFound, PermissionDenied)):
        services.wat_speelt_er_vastleggen(actor=persona("deelnemer"), overleg=overleg, tekst="x")
    with pytest.raises(ValidationError):
        services.wat_speelt_er_vastleggen(actor=af, overleg=overleg, tekst="x" * 8001)


def test_the_chairs_open_list_takes_three_queries_however_long_the_agenda(
    af, overleg, maak_casus, django_assert_num_queries
):
    for naam in ("Anna", "Bram", "Cas"):
        services.agendapunt_toevoegen(actor=af, overleg=overleg, casus=maak_casus(f"Casus {naam}", naam), deelnemers=[])
    with django_assert_num_queries(3):
        result = selectors.open_per_punt(overleg)
    assert len(result) == 3
