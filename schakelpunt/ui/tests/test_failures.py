"""Failures that speak JSON: body limits (413), deep JSON, database outages (503 + Retry-After),
problem+json for every API error, error pages that never need the database, and no 500 for a
signal that was stored."""

import json
import logging

import pytest
from django.db import OperationalError
from django.test import RequestFactory
from django.utils.functional import SimpleLazyObject

from schakelpunt.signalen.models import Signaal

URL = "/api/v1/signalen"
PROBLEM = "application/problem+json"


def _quiet(client):
    client.raise_request_exception = False
    return client


def test_api_body_above_the_limit_is_413_problem_json(api_client_as, settings):
    settings.API_REQUEST_MAX_BYTES = 1000
    body = {"omschrijving": "x" * 2000}
    response = api_client_as("melder").post(URL, body, format="json")
    assert response.status_code == 413
    assert response["Content-Type"] == PROBLEM
    assert response.json()["title"] == "Verzoek te groot"
    assert not Signaal.objects.exists()


def test_page_body_above_the_limit_is_413(client_as, settings):
    settings.REQUEST_MAX_BYTES = 1000
    response = client_as("melder").post("/signalen/nieuw/", {"omschrijving": "x" * 2000})
    assert response.status_code == 413
    assert "te groot" in response.content.decode()


def test_a_body_within_the_limit_passes(api_client_as, settings):
    settings.API_REQUEST_MAX_BYTES = 100_000
    response = api_client_as("melder").post(URL, {"omschrijving": "Gewoon een melding."}, format="json")
    assert response.status_code == 201


@pytest.mark.parametrize("depth", [40, 1000, 100_000])
def test_deeply_nested_json_is_400_problem_json(api_client_as, depth):
    body = '{"omschrijving": "x", "betrokkenen": ' + "[" * depth + "]" * depth + "}"
    response = _quiet(api_client_as("melder")).post(URL, body, content_type="application/json")
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == PROBLEM
    assert "genest" in response.json()["detail"]


def test_ordinary_nesting_is_still_accepted(api_client_as):
    body = {"omschrijving": "x", "betrokkenen": [{"rol": "betrokkene", "persoon": {"geslachtsnaam": "Proef"}}]}
    assert api_client_as("melder").post(URL, body, format="json").status_code == 201


def test_unknown_api_url_is_404_problem_json(api_client_as):
    response = api_client_as("melder").get("/api/v1/bestaat-niet")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert response.json()["status"] == 404


def test_database_outage_in_the_api_is_503_problem_json_with_retry_after(api_client_as, monkeypatch, caplog):
    from schakelpunt.signalen import selectors

    def down(**kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    monkeypatch.setattr(selectors, "signaal_list", down)
    with caplog.at_level(logging.INFO):
        response = _quiet(api_client_as("melder")).get(URL)
    assert response.status_code == 503
    assert response["Content-Type"] == PROBLEM
    assert int(response["Retry-After"]) > 0
    assert response.json()["title"] == "Tijdelijk niet beschikbaar"
    # One short line about the outage, not a traceback per failed request.
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(failures) == 1 and failures[0].exc_info is None
    assert "OperationalError" in failures[0].getMessage() or "OperationalError" in str(failures[0].__dict__)


def test_unexpected_error_in_the_api_is_500_problem_json(api_client_as, monkeypatch):
    from schakelpunt.signalen import selectors

    def broken(**kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(selectors, "signaal_list", broken)
    response = _quiet(api_client_as("melder")).get(URL)
    assert response.status_code == 500
    assert response["Content-Type"] == PROBLEM
    assert response.json()["status"] == 500


def test_database_outage_on_a_page_is_a_503_page(client_as, monkeypatch):
    from schakelpunt.signalen import selectors

    def down(**kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(selectors, "signaal_list", down)
    response = _quiet(client_as("melder")).get("/signalen/mijn/")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "tijdelijk niet beschikbaar" in response.content.decode().lower()


def test_error_pages_never_need_the_database(db):
    """The 500/503 page renders for a request whose user (and session) cannot be loaded."""
    from django.db import connection

    from schakelpunt.ui.views import server_error

    def no_database():
        raise OperationalError("database is down")

    for path in ("/signalen/mijn/", "/api/v1/signalen"):
        request = RequestFactory().get(path)
        request.user = SimpleLazyObject(no_database)
        queries_before = len(connection.queries)
        try:
            raise OperationalError("database is down")
        except OperationalError:
            response = server_error(request)
        assert response.status_code == 503
        assert len(connection.queries) == queries_before


def test_a_failure_after_storing_does_not_answer_500_for_a_stored_signal(api_client_as, monkeypatch):
    """Reading back and auditing happen inside the transaction: either 201 and stored, or an
    error and nothing stored (so a client that retries without Idempotency-Key duplicates nothing)."""
    from schakelpunt.signalen import api

    def broken(signaal, *, user):
        raise RuntimeError("read-back failed")

    monkeypatch.setattr(api, "signaal_data", broken)
    response = _quiet(api_client_as("melder")).post(URL, {"omschrijving": "Iets gezien."}, format="json")
    assert response.status_code == 500
    assert not Signaal.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_failing_notification_after_commit_does_not_fail_the_request(api_client_as, monkeypatch, persona):
    from types import SimpleNamespace

    from schakelpunt.notificaties import services

    persona("aandachtsfunctionaris")

    def broken(*args, **kwargs):
        raise OperationalError("the task queue table is unreachable")

    monkeypatch.setattr(services, "mail_notificatie", SimpleNamespace(enqueue=broken))
    body = {"omschrijving": "Acuut: kind alleen in loods.", "acuut_gevaar": True}
    response = _quiet(api_client_as("melder")).post(URL, body, format="json")
    assert response.status_code == 201, response.content[:300]
    assert Signaal.objects.count() == 1
    assert json.loads(response.content)["acuut_gevaar"] is True


def test_gunicorn_logs_json_lines(capsys):
    """gunicorn.conf.py: gunicorn's own log (worker timeouts, errors) is JSON like the application's."""
    import logging.config
    import runpy
    from pathlib import Path

    config = runpy.run_path(str(Path(__file__).resolve().parents[3] / "gunicorn.conf.py"))
    assert config["accesslog"] is None  # query strings may hold personal data
    logging.config.dictConfig(config["logconfig_dict"])
    logger = logging.getLogger("gunicorn.error")
    try:
        raise OSError("boom")
    except OSError:
        logger.exception("Error handling request /api/v1/signalen")
    line = capsys.readouterr().err.strip().splitlines()[-1]
    record = json.loads(line)
    assert record["logger"] == "gunicorn.error" and record["level"] == "ERROR"


def test_database_timeouts_reach_the_postgresql_connection():
    """DB_CONNECT_TIMEOUT and DB_STATEMENT_TIMEOUT end up in the driver's options (a fresh process:
    settings are read once)."""
    import subprocess
    import sys

    code = (
        "import django, json; from django.conf import settings; django.setup(); "
        "d = settings.DATABASES['default']; print(json.dumps([d['OPTIONS'], d['CONN_HEALTH_CHECKS']]))"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "SCHAKELPUNT_MODE": "test",
        "DJANGO_SETTINGS_MODULE": "schakelpunt.settings",
        "DATABASE_URL": "postgres://u@127.0.0.1:5432/x",
        "DB_CONNECT_TIMEOUT": "4",
        "DB_STATEMENT_TIMEOUT": "7",
    }
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    options, health_checks = json.loads(out.stdout)
    assert options["connect_timeout"] == 4
    assert "statement_timeout=7000" in options["options"]
    assert health_checks is True
