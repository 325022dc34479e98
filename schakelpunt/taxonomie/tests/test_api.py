"""`GET /api/v1/fenomenen` and `GET /api/v1/indicatoren`."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from schakelpunt.taxonomie.tests.factories import FenomeenFactory, IndicatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def items():
    ouder = FenomeenFactory(code="a-ouder", naam="Ouder")
    kind = FenomeenFactory(code="a-kind", naam="Kind", parent=ouder)
    FenomeenFactory(code="a-oud", naam="Oud", actief=False)
    IndicatorFactory(code="a-indicator", naam="Indicator A", fenomenen=[kind, ouder])
    IndicatorFactory(code="a-oude-indicator", actief=False)


@pytest.mark.parametrize("path", ["/api/v1/fenomenen", "/api/v1/indicatoren"])
def test_requires_a_token(path):
    response = APIClient().get(path)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("path", ["/api/v1/fenomenen", "/api/v1/indicatoren"])
def test_bad_token(path):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token ongeldig")
    assert client.get(path).status_code == 401


def test_fenomenen_shape(api_client_as, items):
    response = api_client_as("melder").get("/api/v1/fenomenen")
    assert response.status_code == 200
    by_code = {f["code"]: f for f in response.json()}
    assert by_code["a-kind"] == {
        "code": "a-kind",
        "naam": "Kind",
        "toelichting": by_code["a-kind"]["toelichting"],
        "vragen": ["Wie regelt uw woning?", "Kunt u gaan en staan waar u wilt?"],
        "meldroute": "Meld het via Schakelpunt bij de aandachtsfunctionaris.",
        "actief": True,
        "parent": "a-ouder",
    }
    assert by_code["a-ouder"]["parent"] is None
    assert all({"code", "naam"} <= set(f) for f in response.json())


def test_indicatoren_shape(api_client_as, items):
    response = api_client_as(None).get("/api/v1/indicatoren")
    assert response.status_code == 200
    item = next(i for i in response.json() if i["code"] == "a-indicator")
    assert item["naam"] == "Indicator A"
    assert item["vragen"] == ["Hoe gaat het op school?"]
    assert item["actief"] is True
    assert item["levensdomein"].startswith("test-domein-")
    assert item["levensdomein_naam"].startswith("Testdomein ")
    assert sorted(item["fenomenen"]) == ["a-kind", "a-ouder"]


@pytest.mark.parametrize(("path", "oud"), [("/api/v1/fenomenen", "a-oud"), ("/api/v1/indicatoren", "a-oude-indicator")])
def test_retired_only_with_alle(api_client_as, items, path, oud):
    client = api_client_as("melder")
    assert oud not in {i["code"] for i in client.get(path).json()}
    everything = {i["code"]: i for i in client.get(path, {"alle": "1"}).json()}
    assert everything[oud]["actief"] is False


def test_query_count_is_constant(api_client_as, items):
    client = api_client_as("melder")
    with CaptureQueriesContext(connection) as before:
        client.get("/api/v1/indicatoren")
    IndicatorFactory.create_batch(4, fenomenen=FenomeenFactory.create_batch(2))
    with CaptureQueriesContext(connection) as after:
        client.get("/api/v1/indicatoren")
    assert len(after) == len(before)


def test_endpoints_are_in_the_openapi_schema():
    schema = APIClient().get("/api/v1/schema", {"format": "json"}).json()
    assert "/api/v1/fenomenen" in schema["paths"]
    parameters = schema["paths"]["/api/v1/indicatoren"]["get"]["parameters"]
    assert any(p["name"] == "alle" for p in parameters)
