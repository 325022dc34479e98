"""API: create with problem+json errors and idempotency; detail 404 for anyone not allowed; list scoped."""

import pytest
from django.urls import reverse

from schakelpunt.audit.models import AuditRecord
from schakelpunt.signalen.models import Signaal
from schakelpunt.signalen.tests.conftest import GELDIG_BSN, ONGELDIG_BSN
from schakelpunt.signalen.tests.factories import SignaalFactory

URL = "/api/v1/signalen"

BODY = {
    "omschrijving": "Jongen van 15 brengt pakketjes rond voor een oudere neef.",
    "acuut_gevaar": False,
    "minderjarigen_betrokken": True,
    "betrokkenen": [
        {
            "rol": "mogelijk_slachtoffer",
            "persoon": {"voornamen": "Tim", "geslachtsnaam": "Proef", "geboortedatum": "2010", "bsn": GELDIG_BSN},
            "adres": {"straat": "Proefstraat", "huisnummer": 3, "postcode": "1234 AB", "woonplaats": "Proefdorp"},
        }
    ],
}


def test_create_201(api_client_as, fenomeen, indicator):
    body = {**BODY, "fenomenen": [fenomeen.code], "indicatoren": [indicator.code]}
    response = api_client_as("melder").post(URL, body, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["id"] == Signaal.objects.get().pk and data["fenomenen"] == [fenomeen.code]
    persoon = data["betrokkenen"][0]["persoon"]
    assert persoon["geboortedatum"] == "2010" and data["betrokkenen"][0]["adres"]["postcode"] == "1234AB"
    assert "melder" not in data  # the melder does not get their own identity block
    assert response["Location"] == f"{URL}/{data['id']}"


def test_invalid_bsn_names_the_field(api_client_as):
    body = {
        **BODY,
        "betrokkenen": [
            {**BODY["betrokkenen"][0], "persoon": {**BODY["betrokkenen"][0]["persoon"], "bsn": ONGELDIG_BSN}}
        ],
    }
    response = api_client_as("melder").post(URL, body, format="json")
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    fields = [e["field"] for e in response.json()["errors"]]
    assert "betrokkenen[0].persoon.bsn" in fields
    assert not Signaal.objects.exists()


def test_bad_input_names_each_field(api_client_as):
    response = api_client_as("melder").post(
        URL,
        {
            "fenomenen": ["bestaat-niet"],
            "acuut_gevaar": "misschien",
            "betrokkenen": [{"rol": "dader", "adres": {"postcode": "99", "land": "Nederland"}}],
        },
        format="json",
    )
    fields = {e["field"] for e in response.json()["errors"]}
    assert {
        "omschrijving",
        "fenomenen",
        "acuut_gevaar",
        "betrokkenen[0].rol",
        "betrokkenen[0].adres.postcode",
    } <= fields


def test_idempotency_key_returns_first_result(api_client_as):
    client = api_client_as("melder")
    first = client.post(URL, BODY, format="json", HTTP_IDEMPOTENCY_KEY="abc-123")
    second = client.post(URL, BODY, format="json", HTTP_IDEMPOTENCY_KEY="abc-123")
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"] and Signaal.objects.count() == 1
    assert second["Idempotent-Replayed"] == "true" and "Idempotent-Replayed" not in first
    assert client.post(URL, BODY, format="json", HTTP_IDEMPOTENCY_KEY="nieuw").json()["id"] != first.json()["id"]


def test_reused_idempotency_key_with_another_body_is_its_own_422(api_client_as):
    client = api_client_as("melder")
    client.post(URL, BODY, format="json", HTTP_IDEMPOTENCY_KEY="abc-123")
    other = client.post(URL, {**BODY, "omschrijving": "anders"}, format="json", HTTP_IDEMPOTENCY_KEY="abc-123")
    assert other.status_code == 422 and other["Content-Type"] == "application/problem+json"
    assert other.json()["type"] == "urn:schakelpunt:problem:idempotency-key-reused"
    assert Signaal.objects.count() == 1


def test_another_user_may_use_the_same_idempotency_key(api_client_as, andere_melder):
    api_client_as("melder").post(URL, BODY, format="json", HTTP_IDEMPOTENCY_KEY="abc-123")
    other = api_client_as(andere_melder).post(
        URL, {**BODY, "omschrijving": "anders"}, format="json", HTTP_IDEMPOTENCY_KEY="abc-123"
    )
    assert other.status_code == 201 and Signaal.objects.count() == 2


@pytest.mark.parametrize("key", ["", "   ", "x" * 201])
def test_blank_or_too_long_idempotency_key_is_an_error(api_client_as, key):
    response = api_client_as("melder").post(URL, BODY, format="json", HTTP_IDEMPOTENCY_KEY=key)
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert [e["field"] for e in response.json()["errors"]] == ["Idempotency-Key"]
    assert not Signaal.objects.exists()


def test_create_refused_for_wrong_role(api_client_as):
    assert api_client_as("bestuur").post(URL, BODY, format="json").status_code == 403


def test_detail_404_for_anyone_not_allowed(api_client_as, persona, andere_melder):
    signaal = SignaalFactory(melder=persona("melder"))
    url = reverse("api-signaal-detail", args=[signaal.pk])
    assert api_client_as("melder").get(url).status_code == 200
    assert api_client_as(andere_melder).get(url).status_code == 404
    assert api_client_as("deelnemer").get(url).status_code == 404
    assert api_client_as("melder").get(reverse("api-signaal-detail", args=[999999])).status_code == 404


def test_melder_identity_only_for_meldpunt(api_client_as, persona):
    signaal = SignaalFactory(melder=persona("melder"))
    url = reverse("api-signaal-detail", args=[signaal.pk])
    assert api_client_as("aandachtsfunctionaris").get(url).json()["melder"]["username"] == "melder"
    assert "melder" not in api_client_as("melder").get(url).json()


def test_list_shows_what_the_caller_may_see(api_client_as, persona, andere_melder, settings):
    settings.SIGNAAL_INBOX_PAGE_SIZE = 2
    eigen = [SignaalFactory(melder=persona("melder")) for _ in range(3)]
    SignaalFactory(melder=andere_melder)
    page1 = api_client_as("melder").get(URL).json()
    page2 = api_client_as("melder").get(URL, {"pagina": 2}).json()
    ids = [r["id"] for r in page1["resultaten"] + page2["resultaten"]]
    assert sorted(ids) == sorted(s.pk for s in eigen) and page1["volgende"] == 2 and page2["volgende"] is None
    assert len(api_client_as("aandachtsfunctionaris").get(URL, {"pagina": 2}).json()["resultaten"]) == 2


def test_list_refused_for_wrong_role_is_logged(api_client_as):
    response = api_client_as("bestuur").get(URL)
    assert response.status_code == 403 and "geen toegang tot signalen" in response.content.decode()
    assert AuditRecord.objects.filter(uitkomst="geweigerd", object_type="signaal.view").exists()


def test_list_and_detail_queries_do_not_grow_with_the_data(api_client_as, persona, fenomeen):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from schakelpunt.signalen.tests.factories import BetrokkeneFactory

    http = api_client_as("aandachtsfunctionaris")

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert http.get(url).status_code == 200
        return len(queries)

    signaal = SignaalFactory(melder=persona("melder"))
    signaal.fenomenen.add(fenomeen)
    BetrokkeneFactory(signaal=signaal)
    list_before, detail_before = count(URL), count(f"{URL}/{signaal.pk}")
    for _ in range(4):
        extra = SignaalFactory(melder=persona("melder"))
        extra.fenomenen.add(fenomeen)
    BetrokkeneFactory.create_batch(3, signaal=signaal)
    assert count(URL) == list_before
    assert count(f"{URL}/{signaal.pk}") == detail_before
