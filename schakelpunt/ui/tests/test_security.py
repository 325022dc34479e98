"""Security headers, health check, production settings that refuse insecure defaults."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[3]


def test_strict_csp_and_frame_ancestors(client, db):
    response = client.get(reverse("accounts:login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_templates_have_no_inline_scripts_or_styles():
    offenders = []
    for template in ROOT.glob("schakelpunt/**/templates/**/*.html"):
        text = template.read_text()
        if (
            "<script>" in text
            or "<script " in text.replace("<script src=", "")
            or " style=" in text
            or "<style" in text
        ):
            offenders.append(str(template.relative_to(ROOT)))
    assert not offenders, offenders


def test_healthz_answers_without_login_or_data(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok"}


def test_csrf_is_enforced(db, persona):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("accounts:login"), {"username": persona("melder").username, "password": "x"})
    assert response.status_code == 403


def _start_production(env_overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "DEBUG", "DATABASE_URL", "AUDIT_HMAC_KEYS", "AUDIT_HMAC_KEY_ID")
    }
    env.update({"SCHAKELPUNT_MODE": "production", "DJANGO_SETTINGS_MODULE": "schakelpunt.settings"})
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], cwd=ROOT, env=env, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"DATABASE_URL": "sqlite:///x"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "kort", "DATABASE_URL": "sqlite:///x"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "s" * 60, "DEBUG": "true", "DATABASE_URL": "sqlite:///x"}, "DEBUG must be off"),
        ({"SECRET_KEY": "s" * 60}, "DATABASE_URL must be set"),
        ({"SECRET_KEY": "s" * 60, "DATABASE_URL": "sqlite:///x", "TASKS_BACKEND": "redis"}, "TASKS_BACKEND must be"),
        ({"SECRET_KEY": "s" * 60, "DATABASE_URL": "sqlite:///x"}, "AUDIT_HMAC_KEYS must be set"),
        (
            {"SECRET_KEY": "s" * 60, "DATABASE_URL": "sqlite:///x", "AUDIT_HMAC_KEYS": "k1:kort"},
            "at least 32 characters",
        ),
        (
            {
                "SECRET_KEY": "s" * 60,
                "DATABASE_URL": "sqlite:///x",
                "AUDIT_HMAC_KEYS": "k1:" + "a" * 40 + ",k2:" + "b" * 40,
            },
            "AUDIT_HMAC_KEY_ID must name",
        ),
    ],
)
def test_production_refuses_insecure_defaults(overrides, message):
    result = _start_production(overrides)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_starts_with_proper_settings():
    result = _start_production(
        {
            "SECRET_KEY": "s" * 60,
            "DATABASE_URL": "sqlite:///x",
            "ALLOWED_HOSTS": "x",
            "AUDIT_HMAC_KEYS": "k1:" + "a" * 40,
        }
    )
    assert result.returncode == 0, result.stderr


def test_request_log_is_json_without_personal_data(client_as, caplog):
    import logging

    with caplog.at_level(logging.INFO, logger="schakelpunt.request"):
        client_as("melder").get(reverse("ui:home") + "?zoek=Jansen")
    record = next(r for r in caplog.records if r.name == "schakelpunt.request")
    assert record.route == "" and record.view == "ui:home"
    assert "Jansen" not in json.dumps(record.__dict__, default=str)


def test_navigation_follows_the_roles_and_counts_unread_notices(client_as, persona):
    from schakelpunt.notificaties.models import Notificatie

    Notificatie.objects.create(ontvanger=persona("aandachtsfunctionaris"), onderwerp="Acuut signaal")
    html = client_as("aandachtsfunctionaris").get(reverse("ui:home")).content.decode()
    assert "Inbox meldpunt" in html and "Samenloop" in html
    assert '1<span class="sp-visually-hidden"> ongelezen</span>' in html
    melder_html = client_as("melder").get(reverse("ui:home")).content.decode()
    assert "Inbox meldpunt" not in melder_html and "Samenloop" not in melder_html
    assert "Toegangslog" not in melder_html


def test_nul_characters_are_refused_but_a_literal_escape_is_text():
    from django.test import RequestFactory

    from schakelpunt.ui.middleware import _text_with_nul

    factory = RequestFactory()

    def json_request(raw: bytes):
        return factory.post("/api/v1/signalen", raw, content_type="application/json")

    assert _text_with_nul(json_request(b'{"omschrijving": "a\\u0000b"}'))
    assert _text_with_nul(json_request(b'{"lijst": [{"a\\u0000": 1}]}'))
    assert not _text_with_nul(json_request(b'{"omschrijving": "a\\\\u0000b"}'))  # typed backslash
    assert not _text_with_nul(json_request(b'{"omschrijving": "%00"}'))
    assert not _text_with_nul(json_request(b"{kapot"))  # left to the parser's own 400
    form = factory.post("/x", "omschrijving=a%00b", content_type="application/x-www-form-urlencoded")
    assert _text_with_nul(form)
    typed = factory.post("/x", "omschrijving=a%2500b", content_type="application/x-www-form-urlencoded")
    assert not _text_with_nul(typed)
    multipart = factory.post("/x", {"notities": "a\x00b"})
    assert _text_with_nul(multipart)
    assert not _text_with_nul(factory.post("/x", {"notities": "gewone tekst"}))


def test_a_nul_in_a_page_form_is_a_400_not_a_database_error(client_as):
    response = client_as("melder").post(
        reverse("ui:home"), "zoek=a%00b", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400


def test_a_nul_in_the_query_string_or_path_is_a_400_not_a_database_error(client_as):
    """PostgreSQL refuses a NUL in text: a search or filter value with one never reaches it."""
    client = client_as("privacyfunctionaris")
    assert client.get(reverse("audit:search"), {"gebruiker": "a\x00b"}).status_code == 400
    assert client.get(reverse("audit:search") + "?a%00b=1").status_code == 400
    assert client.get("/beheer/gebruikers/1/rollen/nul%00teken/intrekken/").status_code == 400
    assert client.get(reverse("audit:search"), {"gebruiker": "a%00b"}).status_code == 200  # typed, not a NUL


def test_a_page_asked_to_put_patch_or_delete_says_405(client, client_as):
    """A reading view rendered itself for any method; the API keeps its own answers (DRF)."""
    for method in ("put", "patch", "delete"):
        response = getattr(client, method)(reverse("ui:home"))  # anonymous too: before the login
        assert response.status_code == 405
        assert "PUT" not in response["Allow"] and "POST" in response["Allow"]
    http = client_as("melder")
    assert http.delete(reverse("ui:home")).status_code == 405
    assert http.get(reverse("ui:home")).status_code == 200  # reading is unchanged
