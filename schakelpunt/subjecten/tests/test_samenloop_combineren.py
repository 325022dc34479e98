"""The samenloop page links each alert to its signals and persons, and lets the meldpunt act from there."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from schakelpunt.signalen.models import Signaal, Terugkoppeling, TriageStap
from schakelpunt.signalen.services import signaal_triage
from schakelpunt.subjecten.models import SamenloopAlert
from schakelpunt.subjecten.samenloop_combineren import samenloop_combineren

from .conftest import BSN_A, persoon

pytestmark = pytest.mark.django_db

ADRES = {"straat": "Dorpsstraat", "huisnummer": 7, "postcode": "1011 ZX", "woonplaats": "Voorbeeldstad"}


@pytest.fixture
def alert(af, meld):
    meld(persoon(bsn=BSN_A), afdeling="Werk en Inkomen")
    meld(persoon(bsn=BSN_A), afdeling="Leerplicht")
    return SamenloopAlert.objects.get(soort="persoon")


def test_page_links_signals_and_the_persons_at_an_address(client_as, af, meld):
    eerste = meld(persoon(voornamen="Anna", **ADRES), afdeling="Wonen")
    tweede = meld(persoon(voornamen="Bert", geslachtsnaam="Bakker", **ADRES), afdeling="Handhaving")
    alert = SamenloopAlert.objects.get(soort="adres")
    page = client_as("aandachtsfunctionaris").get(reverse("subjecten:samenloop")).content.decode()
    blok = page.split(f'id="samenloop-{alert.pk}"')[1].split('class="sp-card"')[0]
    for s in (eerste, tweede):
        assert reverse("signalen:detail", args=[s.pk]) in blok
    assert "Anna Jansen" in blok and "Bert Bakker" in blok
    assert reverse("subjecten:samenloop_samen_oppakken", args=[alert.pk]) in blok


def test_samen_oppakken_takes_new_signals_up_together_and_handles_the_alert(af, alert):
    stappen = samenloop_combineren(actor=af, alert=alert, rationale="Zelfde persoon, twee afdelingen")
    assert len(stappen) == 2
    assert set(Signaal.objects.values_list("status", flat=True)) == {"in_behandeling"}
    nummers = [s.nummer for s in Signaal.objects.order_by("pk")]
    assert all(all(n in stap.rationale for n in nummers) for stap in TriageStap.objects.all())
    assert Terugkoppeling.objects.filter(triagestap__isnull=False).count() == 2
    alert.refresh_from_db()
    assert alert.status == "afgehandeld" and "Samen opgepakt" in alert.toelichting


def test_only_new_signals_are_moved(af, alert):
    eerste = alert.signalen.order_by("pk").first()
    signaal_triage(actor=af, signaal=eerste, actie="opschalen", rationale="Spoed", terugkoppeling="Opgeschaald")
    samenloop_combineren(actor=af, alert=alert, rationale="Samen")
    eerste.refresh_from_db()
    assert eerste.status == "opgeschaald"
    assert TriageStap.objects.filter(actie="in_behandeling").count() == 1


def test_refusals(persona, af, alert):
    for rol in ("melder", "casusregisseur", "deelnemer", "beheerder"):
        with pytest.raises(PermissionDenied):
            samenloop_combineren(actor=persona(rol), alert=alert, rationale="x")
    with pytest.raises(ValidationError):
        samenloop_combineren(actor=af, alert=alert, rationale=" ")
    samenloop_combineren(actor=af, alert=alert, rationale="Samen")
    with pytest.raises(ValidationError, match="al afgehandeld"):
        samenloop_combineren(actor=af, alert=alert, rationale="Nog eens")


def test_view_reports_errors_in_dutch_without_a_500(client_as, af, alert):
    client = client_as("aandachtsfunctionaris")
    response = client.post(
        reverse("subjecten:samenloop_samen_oppakken", args=[alert.pk]), {"rationale": ""}, follow=True
    )
    assert response.status_code == 200 and "Schrijf waarom" in response.content.decode()
    assert (
        client.post(reverse("subjecten:samenloop_samen_oppakken", args=[999999]), {"rationale": "x"}).status_code == 404
    )
