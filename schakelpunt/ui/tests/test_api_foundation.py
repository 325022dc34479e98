"""API foundation: problem+json errors, /me, and the committed OpenAPI document."""

from pathlib import Path

import yaml
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[3]


def test_me_returns_username_department_and_roles(api_client_as, persona):
    response = api_client_as("melder").get("/api/v1/me")
    assert response.status_code == 200
    assert response.json() == {"username": "melder", "department": persona("melder").afdeling.naam, "roles": ["melder"]}


def test_not_found_is_problem_json(api_client_as):
    response = api_client_as("melder").get("/api/v1/bestaat-niet")
    assert response.status_code == 404


def test_method_not_allowed_is_problem_json(api_client_as):
    response = api_client_as("melder").post("/api/v1/me", {}, format="json")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 405


def test_validation_errors_are_flattened_per_field():
    from rest_framework.exceptions import ValidationError

    from schakelpunt.api import problem_exception_handler

    exc = ValidationError({"betrokkenen": [{"persoon": {"bsn": ["Ongeldig BSN."]}}], "omschrijving": ["Verplicht."]})
    response = problem_exception_handler(exc, {})
    assert response.status_code == 400
    assert response.content_type == "application/problem+json"
    fields = {e["field"]: e["message"] for e in response.data["errors"]}
    assert fields == {"betrokkenen[0].persoon.bsn": "Ongeldig BSN.", "omschrijving": "Verplicht."}
    # DRF 3.18 reports errors of list items keyed by index.
    exc = ValidationError({"betrokkenen": {1: {"persoon": {"bsn": ["Ongeldig BSN."]}}}})
    response = problem_exception_handler(exc, {})
    assert response.data["errors"][0]["field"] == "betrokkenen[1].persoon.bsn"


def test_committed_openapi_document_matches_the_code(tmp_path, db):
    generated = tmp_path / "openapi.yaml"
    call_command("spectacular", "--file", str(generated), "--validate")
    committed = ROOT / "docs" / "openapi.yaml"
    assert committed.exists(), "docs/openapi.yaml is missing: run manage.py spectacular --file docs/openapi.yaml"
    assert yaml.safe_load(generated.read_text()) == yaml.safe_load(committed.read_text()), (
        "docs/openapi.yaml is out of date: run manage.py spectacular --file docs/openapi.yaml"
    )


def test_docs_page_lists_endpoints(client, db):
    response = client.get("/api/v1/docs")
    assert "/api/v1/me" in response.content.decode()
