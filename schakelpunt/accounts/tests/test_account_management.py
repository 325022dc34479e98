"""Disabling accounts, re-authentication, password policy and reset, create_user, API tokens."""

import re
import time

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from schakelpunt.accounts import services
from schakelpunt.accounts.middleware import REAUTH_AT
from schakelpunt.accounts.models import User
from schakelpunt.testing.auth import login
from schakelpunt.testing.factories import PASSWORD


def test_disabling_an_account_ends_all_its_sessions_and_tokens(client, persona, django_user_model):
    from django.test import Client

    target = persona("melder")
    other_browser = Client()
    other_browser.post("/account/inloggen/", {"username": target.username, "password": PASSWORD})
    client.post("/account/inloggen/", {"username": target.username, "password": PASSWORD})
    token = services.api_token_create(user=target)
    assert Session.objects.count() == 2
    services.user_set_active(actor=persona("beheerder"), user=target, active=False)
    assert Session.objects.count() == 0
    assert client.get(reverse("ui:home")).status_code == 302
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/v1/me").status_code == 401


def test_only_beheerder_may_disable_accounts(persona):
    with pytest.raises(PermissionDenied):
        services.user_set_active(actor=persona("aandachtsfunctionaris"), user=persona("melder"), active=False)
    assert User.objects.get(pk=persona("melder").pk).is_active


def test_beheer_page_disables_user(client_as, persona):
    client = client_as("beheerder")
    target = persona("melder")
    response = client.post(reverse("ui:user_toggle_active", args=[target.pk]))
    assert response.status_code == 302
    target.refresh_from_db()
    assert not target.is_active


def test_two_factor_change_requires_reauthentication(client_as, persona):
    client = client_as("beheerder")
    user = persona("beheerder")
    TOTPDevice.objects.create(user=user, name="x", confirmed=True)
    response = client.post(reverse("accounts:two_factor_reset"))
    assert response["Location"].startswith(reverse("accounts:reauthenticate"))
    assert TOTPDevice.objects.filter(user=user).exists()
    wrong = client.post(reverse("accounts:reauthenticate"), {"password": "niet-goed"})
    assert "Dit wachtwoord klopt niet" in wrong.content.decode()
    client.post(reverse("accounts:reauthenticate"), {"password": PASSWORD})
    response = client.post(reverse("accounts:two_factor_reset"))
    assert response["Location"] == reverse("accounts:two_factor")
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_stale_reauthentication_is_not_enough(client_as, persona, settings):
    client = client_as("melder")
    session = client.session
    session[REAUTH_AT] = time.time() - settings.REAUTH_MAX_AGE - 1
    session.save()
    response = client.get(reverse("accounts:two_factor_reset"))
    assert response["Location"].startswith(reverse("accounts:reauthenticate"))


def test_password_policy_rejects_short_password(client_as):
    client = client_as("melder")
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "kort", "new_password2": "kort"},
    )
    assert response.status_code == 200
    assert "te kort" in response.content.decode()


def test_password_reset_by_mail(client, persona):
    user = persona("melder")
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/account/wachtwoord/herstellen/\S+)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    new = "Een-nieuw-lang-wachtwoord-42"
    response = client.post(response.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)


def test_create_user_command_prints_token_last(db, capsys):
    call_command(
        "create_user",
        "--username",
        "nieuw",
        "--role",
        "melder",
        "--role",
        "deelnemer",
        "--department",
        "Nieuwe afdeling",
        "--api-token",
    )
    token = capsys.readouterr().out.strip().splitlines()[-1]
    user = User.objects.get(username="nieuw")
    assert user.afdeling.naam == "Nieuwe afdeling"
    assert user.role_codes == {"melder", "deelnemer"}
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    body = api.get("/api/v1/me").json()
    assert body == {"username": "nieuw", "department": "Nieuwe afdeling", "roles": ["deelnemer", "melder"]}


def test_create_user_refuses_duplicate_and_weak_password(db):
    call_command("create_user", "--username", "a", "--role", "melder", "--department", "X", "--no-password")
    with pytest.raises(CommandError):
        call_command("create_user", "--username", "a", "--role", "melder", "--department", "X", "--no-password")
    with pytest.raises(CommandError, match="Wachtwoord voldoet niet"):
        call_command("create_user", "--username", "b", "--role", "melder", "--department", "X", "--password", "123")


def test_api_tokens_are_stored_hashed(persona):
    from knox.models import AuthToken

    token = services.api_token_create(user=persona("melder"))
    stored = AuthToken.objects.get(user=persona("melder"))
    assert token not in (stored.digest, stored.token_key)
    assert token.startswith(stored.token_key)


def test_api_rejects_missing_and_bad_tokens(db):
    api = APIClient()
    response = api.get("/api/v1/me")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"] == "Token"
    api.credentials(HTTP_AUTHORIZATION="Token ongeldig")
    assert api.get("/api/v1/me").status_code == 401


def test_pages_with_personal_data_are_not_cached(client_as):
    response = client_as("melder").get(reverse("ui:home"))
    assert response["Cache-Control"] == "no-store"


def test_login_required_redirects(client, db):
    response = client.get(reverse("ui:home"))
    assert response.status_code == 302
    assert response["Location"].startswith("/account/inloggen/")


def test_session_user_without_mfa_flag_in_2fa_role_is_bounced(client, persona):
    login(client, persona("privacyfunctionaris"), mfa=False)
    response = client.get(reverse("audit:search"))
    assert response["Location"].startswith(reverse("accounts:two_factor"))


def test_a_beheerder_cannot_disable_their_own_account(client_as, persona):
    from django.core.exceptions import ValidationError

    beheerder = persona("beheerder")
    with pytest.raises(ValidationError):
        services.user_set_active(actor=beheerder, user=beheerder, active=False)
    response = client_as("beheerder").post(reverse("ui:user_toggle_active", args=[beheerder.pk]))
    assert response.status_code == 400
    assert "eigen account" in response.content.decode()
    beheerder.refresh_from_db()
    assert beheerder.is_active
