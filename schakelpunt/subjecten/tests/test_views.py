"""The aandachtsfunctionaris' screens: mogelijke matches, samenloop, the minimal person page, undo."""

import pytest
from django.urls import reverse

from schakelpunt.subjecten.models import BetrokkeneKoppeling, MogelijkeMatch, SamenloopAlert, Samenvoeging

from .conftest import BSN_A, persoon

pytestmark = pytest.mark.django_db


@pytest.fixture
def mogelijke_match(meld):
    meld(persoon(voornamen="Mohamed", geslachtsnaam="El Amrani", geboortejaar=1990, geboortemaand=3, geboortedag=14))
    meld(persoon(voornamen="M.", geslachtsnaam="El Amrani", geboortejaar=1990), afdeling="Jeugd")
    return MogelijkeMatch.objects.get()


def test_mogelijke_matches_are_listed_with_score_and_reasons(client_as, mogelijke_match):
    body = client_as("aandachtsfunctionaris").get(reverse("subjecten:mogelijke_matches")).content.decode()
    assert "El Amrani" in body and mogelijke_match.toelichting in body
    assert f"{round(mogelijke_match.score * 100)}%" in body
    assert f'name="m{mogelijke_match.pk}-rationale"' in body


def test_confirm_from_the_screen_merges(client_as, mogelijke_match):
    prefix = f"m{mogelijke_match.pk}"
    client = client_as("aandachtsfunctionaris")
    url = reverse("subjecten:mogelijke_match_beoordelen", args=[mogelijke_match.pk])
    # Without a rationale nothing happens.
    client.post(url, {f"{prefix}-besluit": "bevestigen", f"{prefix}-rationale": ""})
    mogelijke_match.refresh_from_db()
    assert mogelijke_match.status == "open"
    response = client.post(url, {f"{prefix}-besluit": "bevestigen", f"{prefix}-rationale": "Zelfde BSN bij school."})
    assert response.status_code == 302
    mogelijke_match.refresh_from_db()
    assert mogelijke_match.status == "bevestigd"
    assert "Er zijn geen open mogelijke matches" in client.get(reverse("subjecten:mogelijke_matches")).content.decode()


def test_reject_from_the_screen(client_as, mogelijke_match):
    prefix = f"m{mogelijke_match.pk}"
    client_as("aandachtsfunctionaris").post(
        reverse("subjecten:mogelijke_match_beoordelen", args=[mogelijke_match.pk]),
        {f"{prefix}-besluit": "afwijzen", f"{prefix}-rationale": "Andere persoon volgens de klantmanager."},
    )
    mogelijke_match.refresh_from_db()
    assert mogelijke_match.status == "afgewezen"


def test_samenloop_screen_and_afhandelen(client_as, meld):
    meld(persoon(voornamen="Zacharias", geslachtsnaam="Quist", bsn=BSN_A), afdeling="Jeugd")
    meld(persoon(voornamen="Zacharias", geslachtsnaam="Quist", bsn=BSN_A), afdeling="Leerplicht")
    client = client_as("aandachtsfunctionaris")
    body = client.get(reverse("subjecten:samenloop")).content.decode()
    assert "Zacharias Quist" in body and "Jeugd" in body and "Leerplicht" in body
    alert = SamenloopAlert.objects.get()
    client.post(reverse("subjecten:samenloop_afhandelen", args=[alert.pk]), {"toelichting": "Casus geopend."})
    alert.refresh_from_db()
    assert alert.status == "afgehandeld" and alert.toelichting == "Casus geopend."


def test_person_page_for_the_meldpunt_and_undo_a_merge(client_as, af, meld):
    from schakelpunt.subjecten.services import personen_samenvoegen

    a = BetrokkeneKoppeling.objects.get(signaal=meld(persoon(voornamen="Eva", geslachtsnaam="Bos"))).persoon
    signaal = meld(persoon(voornamen="Eef", geslachtsnaam="Bos"), afdeling="Jeugd")
    b = BetrokkeneKoppeling.objects.get(signaal=signaal).persoon
    record = personen_samenvoegen(actor=af, bron=a, doel=b, reden="Zelfde persoon.")
    client = client_as("aandachtsfunctionaris")
    body = client.get(reverse("subjecten:persoon", args=[b.pk])).content.decode()
    assert "Eef Bos" in body and signaal.nummer in body and "Zelfde persoon." in body
    response = client.post(reverse("subjecten:samenvoeging_ongedaan", args=[record.pk]), {"reden": "Twee zussen."})
    assert response.status_code == 302 and response["Location"] == reverse("subjecten:persoon", args=[a.pk])
    record.refresh_from_db()
    assert record.ongedaan_gemaakt_door.reden == "Twee zussen."
    assert Samenvoeging.objects.count() == 2


def test_a_decision_taken_twice_is_refused_with_a_message(client_as, mogelijke_match):
    prefix = f"m{mogelijke_match.pk}"
    client = client_as("aandachtsfunctionaris")
    url = reverse("subjecten:mogelijke_match_beoordelen", args=[mogelijke_match.pk])
    client.post(url, {f"{prefix}-besluit": "afwijzen", f"{prefix}-rationale": "Andere persoon."})
    response = client.post(
        url, {f"{prefix}-besluit": "bevestigen", f"{prefix}-rationale": "Toch dezelfde."}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("subjecten:mogelijke_matches")
    assert "Deze mogelijke match is al beoordeeld." in response.content.decode()
    mogelijke_match.refresh_from_db()
    assert mogelijke_match.status == "afgewezen" and not Samenvoeging.objects.exists()


def test_handling_a_samenloop_twice_or_without_text_says_why(client_as, meld):
    meld(persoon(bsn=BSN_A), afdeling="Jeugd")
    meld(persoon(bsn=BSN_A), afdeling="Leerplicht")
    alert = SamenloopAlert.objects.get()
    client = client_as("aandachtsfunctionaris")
    url = reverse("subjecten:samenloop_afhandelen", args=[alert.pk])
    body = client.post(url, {"toelichting": ""}, follow=True).content.decode()
    assert "Schrijf op wat er met de samenloop is gedaan." in body
    client.post(url, {"toelichting": "Casus geopend."})
    body = client.post(url, {"toelichting": "Nog eens."}, follow=True).content.decode()
    assert "Deze samenloop is al afgehandeld." in body
    alert.refresh_from_db()
    assert alert.toelichting == "Casus geopend."


def test_undoing_twice_returns_to_the_surviving_person_with_a_message(client_as, af, meld):
    from schakelpunt.subjecten.services import personen_samenvoegen

    a = BetrokkeneKoppeling.objects.get(signaal=meld(persoon(voornamen="Eva", geslachtsnaam="Bos"))).persoon
    b = BetrokkeneKoppeling.objects.get(signaal=meld(persoon(voornamen="Eef", geslachtsnaam="Bos"))).persoon
    record = personen_samenvoegen(actor=af, bron=a, doel=b, reden="Zelfde persoon.")
    client = client_as("aandachtsfunctionaris")
    url = reverse("subjecten:samenvoeging_ongedaan", args=[record.pk])
    client.post(url, {"reden": "Twee zussen."})
    response = client.post(url, {"reden": "Nog eens."})
    assert response["Location"] == reverse("subjecten:persoon", args=[b.pk])
    assert "Dit is al ongedaan gemaakt." in client.get(response["Location"]).content.decode()
    assert Samenvoeging.objects.count() == 2
