"""API: the same limits as the form (400 above them), page numbers that do not fit a database integer."""

from schakelpunt.audit.models import AuditRecord
from schakelpunt.signalen.models import Signaal
from schakelpunt.signalen.tests.factories import SignaalFactory

URL = "/api/v1/signalen"


def _betrokkenen(n: int) -> list[dict]:
    return [{"rol": "betrokkene", "voertuig": {"kenteken": f"XX-{i % 100:02d}-XX"}} for i in range(n)]


def test_more_betrokkenen_than_the_form_allows_is_400(api_client_as, settings):
    body = {
        "omschrijving": "Veel auto's bij één loods.",
        "betrokkenen": _betrokkenen(settings.SIGNAAL_BETROKKENEN_MAX + 1),
    }
    response = api_client_as("melder").post(URL, body, format="json")
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    errors = response.json()["errors"]
    assert [e["field"] for e in errors] == ["betrokkenen"]
    assert str(settings.SIGNAAL_BETROKKENEN_MAX) in errors[0]["message"]
    assert not Signaal.objects.exists()


def test_ten_thousand_betrokkenen_is_400_not_a_signal(api_client_as):
    body = {"omschrijving": "Veel auto's bij één loods.", "betrokkenen": _betrokkenen(10_000)}
    response = api_client_as("melder").post(URL, body, format="json")
    assert response.status_code == 400
    assert not Signaal.objects.exists()


def test_the_limit_is_the_service_setting(api_client_as, settings):
    """Lowering the setting lowers the API's limit too (the service decides, not the serializer)."""
    settings.SIGNAAL_BETROKKENEN_MAX = 2
    body = {"omschrijving": "Twee auto's en een busje.", "betrokkenen": _betrokkenen(3)}
    response = api_client_as("melder").post(URL, body, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "betrokkenen"


def test_too_many_fenomenen_codes_is_400(api_client_as):
    body = {"omschrijving": "x", "fenomenen": ["onbekend"] * 1000}
    response = api_client_as("melder").post(URL, body, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "fenomenen"


def test_page_number_beyond_int64_is_not_a_500(api_client_as, persona):
    SignaalFactory(melder=persona("melder"))
    client = api_client_as("aandachtsfunctionaris")
    for pagina in ("368934881474191034", "9" * 40, "-5", "1e9", "abc"):
        response = client.get(URL, {"pagina": pagina})
        assert response.status_code in (200, 400), (pagina, response.status_code)
        if response.status_code == 400:
            assert response["Content-Type"] == "application/problem+json"


def test_page_number_beyond_the_last_page_is_an_empty_page(api_client_as, persona):
    SignaalFactory(melder=persona("melder"))
    response = api_client_as("aandachtsfunctionaris").get(URL, {"pagina": "368934881474191034"})
    assert response.status_code == 200
    data = response.json()
    assert data["resultaten"] == [] and data["volgende"] is None
    assert not AuditRecord.objects.filter(actie="lezen", object_type="signaal").exists()
