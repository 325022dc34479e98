"""API tokens: a purpose and a lifetime, four eyes for high-privilege roles, listed and revocable; API rate limits."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from schakelpunt.accounts import services
from schakelpunt.accounts.models import ApiToken
from schakelpunt.audit.models import AuditRecord


def api(token):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def test_tokens_have_a_purpose_and_expire(persona):
    melder = persona("melder")
    record, token = services.api_token_issue(actor=persona("beheerder"), user=melder, doel="Koppeling Suite", dagen=7)
    assert record.doel == "Koppeling Suite" and record.status == "actief"
    stored = AuthToken.objects.get(pk=record.token_id)
    assert timedelta(days=6, hours=23) < stored.expiry - timezone.now() <= timedelta(days=7)
    assert api(token).get("/api/v1/me").status_code == 200
    AuthToken.objects.filter(pk=record.token_id).update(expiry=timezone.now() - timedelta(seconds=1))
    assert api(token).get("/api/v1/me").status_code == 401
    record.refresh_from_db()
    assert record.status == "verlopen"


def test_a_token_needs_a_purpose_and_a_bounded_lifetime(persona, settings):
    with pytest.raises(ValidationError):
        services.api_token_issue(actor=None, user=persona("melder"), doel=" ")
    with pytest.raises(ValidationError):
        services.api_token_issue(actor=None, user=persona("melder"), doel="x", dagen=settings.API_TOKEN_MAX_DAYS + 1)


@pytest.mark.parametrize("rol", ["aandachtsfunctionaris", "privacyfunctionaris", "beheerder"])
def test_high_privilege_roles_get_no_token_without_four_eyes(rol, persona, make_user):
    # Before: api_token_create gave these roles a never-expiring token without a second factor.
    user = persona(rol)
    with pytest.raises(ValidationError):
        services.api_token_create(user=user)
    eerste, tweede = make_user("beheerder", username="b1"), make_user("beheerder", username="b2")
    record, token = services.api_token_issue(actor=eerste, user=user, doel="Rapportage", dagen=5)
    assert token == "" and record.status == "wacht op goedkeuring"
    with pytest.raises(ValidationError):
        services.api_token_approve(actor=eerste, record=record)  # not the one who asked
    with pytest.raises(PermissionDenied):
        services.api_token_approve(actor=persona("melder"), record=record)  # not a beheerder
    token = services.api_token_approve(actor=tweede, record=record)
    assert api(token).get("/api/v1/me").status_code == 200
    record.refresh_from_db()
    assert record.goedgekeurd_door == tweede and record.status == "actief"


def test_nobody_approves_their_own_token(persona, make_user):
    beheerder = persona("beheerder")
    with pytest.raises(ValidationError):
        services.api_token_issue(actor=beheerder, user=beheerder, doel="Eigen gebruik")


def test_a_role_given_later_does_not_ride_on_an_old_token(persona):
    from schakelpunt.accounts.models import Roltoewijzing

    melder = persona("melder")
    token = services.api_token_create(user=melder)
    Roltoewijzing.objects.create(user=melder, rol="aandachtsfunctionaris")
    assert api(token).get("/api/v1/me").status_code == 401


def test_an_unregistered_knox_token_is_refused(persona):
    _instance, token = AuthToken.objects.create(user=persona("melder"))
    assert api(token).get("/api/v1/me").status_code == 401


def test_tokens_are_listed_and_revoked(persona, make_user, capsys):
    beheerder = persona("beheerder")
    persona("melder")
    call_command(
        "api_token", "issue", "--user", "melder", "--purpose", "Koppeling Suite", "--days", "10", "--by", "beheerder"
    )
    out = capsys.readouterr().out
    token = out.strip().splitlines()[-1]
    assert api(token).get("/api/v1/me").status_code == 200
    record = ApiToken.objects.get(user=persona("melder"))
    call_command("api_token", "list")
    listing = capsys.readouterr().out
    assert "melder\tactief" in listing and "Koppeling Suite" in listing and token not in listing
    call_command("api_token", "revoke", str(record.pk), "--by", beheerder.username)
    assert api(token).get("/api/v1/me").status_code == 401
    record.refresh_from_db()
    assert record.status == "ingetrokken" and record.ingetrokken_door == beheerder
    assert AuditRecord.objects.filter(object_type="api-token", object_id=str(record.pk), actie="verwijderen").exists()


def test_the_four_eyes_flow_through_the_command(persona, make_user, capsys):
    persona("aandachtsfunctionaris")
    make_user("beheerder", username="b1")
    make_user("beheerder", username="b2")
    call_command("api_token", "issue", "--user", "aandachtsfunctionaris", "--purpose", "Inbox", "--by", "b1")
    record = ApiToken.objects.get()
    with pytest.raises(CommandError, match="tweede beheerder"):
        call_command("api_token", "approve", str(record.pk), "--by", "b1")
    call_command("api_token", "approve", str(record.pk), "--by", "b2")
    token = capsys.readouterr().out.strip().splitlines()[-1]
    assert api(token).get("/api/v1/me").status_code == 200


def test_the_api_answers_429_above_the_rate(persona, settings):
    from rest_framework.throttling import UserRateThrottle

    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "user": "3/minute"}
    original = UserRateThrottle.THROTTLE_RATES
    UserRateThrottle.THROTTLE_RATES = rates
    try:
        client = api(services.api_token_create(user=persona("melder")))
        for _ in range(3):
            assert client.get("/api/v1/me").status_code == 200
        response = client.get("/api/v1/me")
    finally:
        UserRateThrottle.THROTTLE_RATES = original
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert int(response["Retry-After"]) > 0
    assert response.json()["title"] == "Te veel verzoeken"
