"""Login, lockout, session id rotation, session timeouts and mandatory two-factor."""

import time

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakelpunt.accounts.middleware import LAST_ACTIVITY, LOGIN_AT, MFA_OK
from schakelpunt.audit.models import AuditRecord
from schakelpunt.testing.factories import PASSWORD

LOGIN = "/account/inloggen/"


def post_login(client, username, password=PASSWORD):
    return client.post(LOGIN, {"username": username, "password": password})


def test_login_succeeds_and_rotates_the_session_id(client, persona):
    user = persona("melder")
    client.get(LOGIN)
    client.cookies[settings.SESSION_COOKIE_NAME] = "anonymous-session-key"
    response = post_login(client, user.username)
    assert response.status_code == 302
    assert response["Location"] == reverse("ui:home")
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != "anonymous-session-key"
    assert AuditRecord.objects.filter(actie="inloggen", actor_id=user.pk, uitkomst="geslaagd").exists()


def test_wrong_password_shows_dutch_error_and_is_logged(client, persona):
    user = persona("melder")
    response = post_login(client, user.username, "fout-wachtwoord")
    assert response.status_code == 200
    assert "Gebruikersnaam of wachtwoord klopt niet" in response.content.decode()
    assert AuditRecord.objects.filter(actie="inloggen", uitkomst="mislukt").exists()


def test_lockout_after_repeated_failures(client, persona):
    user = persona("melder")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, user.username, "fout-wachtwoord")
    response = post_login(client, user.username)  # even the right password is refused now
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_page_redirects_to_safe_next_only(client, persona):
    user = persona("melder")
    response = client.post(
        LOGIN + "?next=https://kwaadaardig.example/",
        {"username": user.username, "password": PASSWORD, "next": "https://kwaadaardig.example/"},
    )
    assert response["Location"] == reverse("ui:home")


def test_idle_timeout_logs_out(client, persona):
    user = persona("melder")
    post_login(client, user.username)
    session = client.session
    session[LAST_ACTIVITY] = time.time() - settings.SESSION_IDLE_TIMEOUT - 5
    session.save()
    response = client.get(reverse("ui:home"))
    assert response.status_code == 302
    assert "verlopen=1" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_activity_within_idle_timeout_keeps_session(client, persona):
    user = persona("melder")
    post_login(client, user.username)
    session = client.session
    session[LAST_ACTIVITY] = time.time() - settings.SESSION_IDLE_TIMEOUT + 30
    session.save()
    assert client.get(reverse("ui:home")).status_code == 200


def test_absolute_lifetime_logs_out_even_when_active(client, persona):
    user = persona("melder")
    post_login(client, user.username)
    session = client.session
    session[LOGIN_AT] = time.time() - settings.SESSION_ABSOLUTE_LIFETIME - 5
    session.save()
    response = client.get(reverse("ui:home"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_keepalive_refreshes_activity(client, persona):
    user = persona("melder")
    post_login(client, user.username)
    session = client.session
    session[LAST_ACTIVITY] = time.time() - 600
    session.save()
    assert client.post(reverse("accounts:keepalive")).status_code == 204
    assert time.time() - client.session[LAST_ACTIVITY] < 5


@pytest.mark.parametrize("role", settings.TWO_FACTOR_ROLES)
def test_two_factor_is_mandatory_for_role(client, persona, role):
    user = persona(role)
    response = post_login(client, user.username)
    assert response["Location"].startswith(reverse("accounts:two_factor"))
    # Without the second factor every page sends the user back.
    response = client.get(reverse("ui:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor"))
    # First time: the page sets up a device and shows its secret.
    page = client.get(reverse("accounts:two_factor"))
    assert "QR-code" in page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    wrong = (totp(device.bin_key) + 1) % 1_000_000
    response = client.post(reverse("accounts:two_factor"), {"token": f"{wrong:06d}"})
    assert "klopt niet" in response.content.decode()
    assert client.session.get(MFA_OK) is not True
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows down guessing after a wrong code
    response = client.post(reverse("accounts:two_factor"), {"token": f"{totp(device.bin_key):06d}"})
    assert response.status_code == 302
    assert client.session[MFA_OK] is True
    assert TOTPDevice.objects.get(user=user).confirmed
    assert client.get(reverse("ui:home")).status_code == 200


def test_melder_needs_no_second_factor(client, persona):
    post_login(client, persona("melder").username)
    assert client.get(reverse("ui:home")).status_code == 200


def test_two_factor_code_must_be_digits(client, persona):
    user = persona("beheerder")
    post_login(client, user.username)
    response = client.post(reverse("accounts:two_factor"), {"token": "abcdef"})
    assert "alleen uit cijfers" in response.content.decode()


def test_logout_ends_the_session(client, persona):
    user = persona("melder")
    post_login(client, user.username)
    key = client.session.session_key
    client.post(reverse("accounts:logout"))
    assert not Session.objects.filter(session_key=key).exists()


def test_requests_in_quick_succession_do_not_rewrite_the_session(client, persona):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    post_login(client, persona("melder").username)
    client.get(reverse("ui:home"))  # the first request after login records the activity
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("ui:home"))
    assert not [q for q in queries.captured_queries if q["sql"].startswith("UPDATE") and "django_session" in q["sql"]]
