"""Samenloop: several departments (or many signals) about one person, address or family network."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from schakelpunt.notificaties.models import Notificatie
from schakelpunt.signalen.models import Signaal
from schakelpunt.subjecten import services
from schakelpunt.subjecten.models import BetrokkeneKoppeling, RelatieSoort, SamenloopAlert

from .conftest import BSN_A, persoon

pytestmark = pytest.mark.django_db


def persoon_van(signaal):
    return BetrokkeneKoppeling.objects.filter(signaal=signaal).order_by("betrokkene_id").first().persoon


def test_two_departments_alert_the_meldpunt(af, meld):
    eerste = meld(persoon(bsn=BSN_A), afdeling="Werk en Inkomen")
    assert not SamenloopAlert.objects.exists()
    tweede = meld(persoon(bsn=BSN_A), afdeling="Leerplicht")
    alert = SamenloopAlert.objects.get(soort="persoon")
    assert alert.persoon == persoon_van(eerste)
    assert (alert.aantal_afdelingen, alert.aantal_signalen, alert.status) == (2, 2, "open")
    assert set(alert.afdelingen.values_list("naam", flat=True)) == {"Werk en Inkomen", "Leerplicht"}
    assert set(alert.signalen.all()) == {eerste, tweede}
    notice = Notificatie.objects.get(ontvanger=af)
    assert "Samenloop" in notice.onderwerp and notice.url == reverse("subjecten:samenloop")
    assert "Jansen" not in notice.onderwerp + notice.tekst  # no names in a notice


def test_a_third_department_updates_the_same_alert(af, meld):
    for afdeling in ("A", "B", "C"):
        meld(persoon(bsn=BSN_A), afdeling=afdeling)
    alert = SamenloopAlert.objects.get(soort="persoon")
    assert (alert.aantal_afdelingen, alert.aantal_signalen) == (3, 3)
    assert Notificatie.objects.filter(ontvanger=af).count() == 2  # opened, then a new department


def test_same_department_under_the_threshold_is_no_samenloop(af, meld, settings):
    settings.SAMENLOOP_MIN_SIGNALEN = 3
    meld(persoon(bsn=BSN_A), afdeling="Jeugd")
    meld(persoon(bsn=BSN_A), afdeling="Jeugd")
    assert not SamenloopAlert.objects.exists()
    assert not Notificatie.objects.filter(ontvanger=af).exists()
    meld(persoon(bsn=BSN_A), afdeling="Jeugd")
    alert = SamenloopAlert.objects.get()
    assert (alert.aantal_afdelingen, alert.aantal_signalen) == (1, 3)


def test_signals_outside_the_period_do_not_count(meld, settings):
    settings.SAMENLOOP_PERIODE_DAGEN = 30
    oud = meld(persoon(bsn=BSN_A), afdeling="Jeugd")
    Signaal.objects.filter(pk=oud.pk).update(ontvangen_op=timezone.now() - datetime.timedelta(days=31))
    meld(persoon(bsn=BSN_A), afdeling="Leerplicht")
    assert not SamenloopAlert.objects.exists()


def test_same_address_from_two_departments(meld):
    adres = {"postcode": "1234AB", "huisnummer": 7}
    meld({"soort": "adres", **adres}, afdeling="Vergunningen")
    meld(persoon(voornamen="Kees", geslachtsnaam="Dekker", **adres), afdeling="Werk en Inkomen")
    alert = SamenloopAlert.objects.get(soort="adres")
    assert alert.adres.sleutel == "NL|1234AB|7||" and alert.aantal_afdelingen == 2


def test_family_network_through_relations(af, meld):
    moeder = persoon_van(meld(persoon(voornamen="Anna", geslachtsnaam="Kowalski", geboortejaar=1980), afdeling="WMO"))
    kind = persoon_van(
        meld(
            persoon(voornamen="Piotr", geslachtsnaam="Kowalski", geboortejaar=2010, geboortemaand=5, geboortedag=5),
            afdeling="Leerplicht",
        )
    )
    assert not SamenloopAlert.objects.exists()  # two persons, one signal each
    services.relatie_create(actor=af, soort=RelatieSoort.OUDER, van=moeder, naar=kind, toelichting="volgens BRP")
    alert = SamenloopAlert.objects.get(soort="netwerk")
    assert set(alert.leden.all()) == {moeder, kind}
    assert alert.aantal_afdelingen == 2
    # A further signal about the child updates the same network alert.
    meld(
        persoon(voornamen="Piotr", geslachtsnaam="Kowalski", geboortejaar=2010, geboortemaand=5, geboortedag=5),
        afdeling="Jeugd",
    )
    assert SamenloopAlert.objects.filter(soort="netwerk").count() == 1
    assert SamenloopAlert.objects.get(soort="netwerk").aantal_afdelingen == 3


def test_a_non_family_relation_makes_no_network(af, meld):
    a = persoon_van(meld(persoon(voornamen="Anna", geslachtsnaam="Kowalski", geboortejaar=1980), afdeling="WMO"))
    b = persoon_van(meld(persoon(voornamen="Bert", geslachtsnaam="Smit", geboortejaar=1980), afdeling="Leerplicht"))
    services.relatie_create(actor=af, soort=RelatieSoort.HUISGENOOT, van=a, naar=b)
    assert not SamenloopAlert.objects.exists()


def test_handled_alert_returns_only_with_a_new_signal(af, meld):
    meld(persoon(bsn=BSN_A), afdeling="A")
    meld(persoon(bsn=BSN_A), afdeling="B")
    alert = SamenloopAlert.objects.get()
    services.samenloop_afhandelen(actor=af, alert=alert, toelichting="Casus geopend.")
    services.samenloop_bijwerken(personen=[alert.persoon])
    assert not SamenloopAlert.objects.filter(status="open").exists()
    meld(persoon(bsn=BSN_A), afdeling="C")
    assert SamenloopAlert.objects.filter(status="open").count() == 1


def test_the_inbox_shows_the_samenloop_on_the_signals(client_as, meld):
    meld(persoon(bsn=BSN_A), afdeling="A")
    meld(persoon(bsn=BSN_A), afdeling="B")
    meld(persoon(bsn=BSN_A), afdeling="C")
    meld(persoon(voornamen="Iemand", geslachtsnaam="Anders"), afdeling="A")
    response = client_as("aandachtsfunctionaris").get(reverse("signalen:inbox"))
    assert response.content.decode().count("Samenloop: 3 afdelingen") == 3


def test_the_melder_sees_no_samenloop(client_as, persona, meld):
    melder = persona("melder")
    meld(persoon(bsn=BSN_A), afdeling="A")
    meld(persoon(bsn=BSN_A), actor=melder)
    assert SamenloopAlert.objects.exists()
    client = client_as("melder")
    for url in (reverse("signalen:mijn"), reverse("signalen:detail", args=[Signaal.objects.get(melder=melder).pk])):
        body = client.get(url).content.decode()
        assert "amenloop" not in body and "afdelingen" not in body
    assert not Notificatie.objects.filter(ontvanger=melder, onderwerp__icontains="samenloop").exists()


def test_afhandelen_needs_a_rationale_and_the_meldpunt(af, persona, meld):
    from django.core.exceptions import PermissionDenied, ValidationError

    meld(persoon(bsn=BSN_A), afdeling="A")
    meld(persoon(bsn=BSN_A), afdeling="B")
    alert = SamenloopAlert.objects.get()
    with pytest.raises(ValidationError):
        services.samenloop_afhandelen(actor=af, alert=alert, toelichting=" ")
    with pytest.raises(PermissionDenied):
        services.samenloop_afhandelen(actor=persona("melder"), alert=alert, toelichting="weg ermee")


def test_rechecking_an_open_alert_reads_its_departments_once(meld, settings, django_assert_max_num_queries):
    settings.SAMENLOOP_PERIODE_DAGEN = 30
    signalen = [meld(persoon(bsn=BSN_A), afdeling=afdeling) for afdeling in ("A", "B", "C")]
    p = persoon_van(signalen[0])
    # Nothing changed: read the signals, the alert and its departments and signals, update it, and the network.
    with django_assert_max_num_queries(7):
        services.samenloop_bijwerken(personen=[p])
    # A department whose only signal left the period drops out of the open alert.
    Signaal.objects.filter(pk=signalen[0].pk).update(ontvangen_op=timezone.now() - datetime.timedelta(days=31))
    services.samenloop_bijwerken(personen=[p])
    alert = SamenloopAlert.objects.get(soort="persoon", status="open")
    assert set(alert.afdelingen.values_list("naam", flat=True)) == {"B", "C"}
    assert (alert.aantal_afdelingen, alert.aantal_signalen) == (2, 2)


def test_a_family_members_recheck_reads_the_signals_of_the_network_once(af, meld, django_assert_max_num_queries):
    moeder = persoon_van(meld(persoon(voornamen="Anna", geslachtsnaam="Kowalski", geboortejaar=1980), afdeling="WMO"))
    kind = persoon_van(meld(persoon(voornamen="Piotr", geslachtsnaam="Kowalski", geboortejaar=2010), afdeling="Jeugd"))
    services.relatie_create(actor=af, soort=RelatieSoort.OUDER, van=moeder, naar=kind)
    alert = SamenloopAlert.objects.get(soort="netwerk")
    # The child's recheck finds the network alert raised for the mother and keeps it with her: the network
    # twice (child, then mother), the alerts, and one read of the signals of all three (it was 17 queries).
    with django_assert_max_num_queries(11):
        services.samenloop_bijwerken(personen=[kind])
    alert.refresh_from_db()
    assert alert.persoon == moeder and alert.status == "open" and alert.aantal_afdelingen == 2
    assert set(alert.signalen.values_list("pk", flat=True)) == set(
        Signaal.objects.filter(subject_koppelingen__persoon__in=[moeder, kind]).values_list("pk", flat=True)
    )
