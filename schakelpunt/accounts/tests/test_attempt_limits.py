"""Attempt limits: re-authentication and password change share the login lockout; password reset is rate limited."""

import pytest
from django.conf import settings
from django.core import mail

from schakelpunt.accounts.middleware import REAUTH_AT
from schakelpunt.audit.models import AuditRecord
from schakelpunt.testing.factories import PASSWORD

REAUTH = "/account/beveiliging/bevestigen/"
CHANGE = "/account/wachtwoord/wijzigen/"
RESET = "/account/wachtwoord/vergeten/"
NEW = "Een-heel-nieuw-wachtwoord-2026"


def test_reauthentication_locks_out_like_login(client_as, persona):
    client = client_as("melder")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(REAUTH, {"password": "fout-wachtwoord"}).status_code == 200
    response = client.post(REAUTH, {"password": "fout-wachtwoord"})
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session  # the session cannot keep guessing
    response = client.post(REAUTH, {"password": PASSWORD})  # the right one, too late
    assert response.status_code == 302 and response["Location"].startswith("/account/inloggen/")
    assert REAUTH_AT not in client.session
    assert AuditRecord.objects.filter(
        actor_username="melder", uitkomst="geweigerd", toelichting="account tijdelijk geblokkeerd"
    ).exists()


def test_the_lockout_of_reauthentication_also_blocks_login(client, client_as, persona):
    guessing = client_as("melder")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        guessing.post(REAUTH, {"password": "fout-wachtwoord"})
    client.logout()
    response = client.post("/account/inloggen/", {"username": "melder", "password": PASSWORD})
    assert response.status_code == 429


def test_password_change_locks_out_like_login(client_as, persona):
    client = client_as("melder")
    wrong = {"old_password": "fout-wachtwoord", "new_password1": NEW, "new_password2": NEW}
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(CHANGE, wrong).status_code == 200
    assert client.post(CHANGE, wrong).status_code == 429
    response = client.post(CHANGE, {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302 and response["Location"].startswith("/account/inloggen/")
    persona("melder").refresh_from_db()
    assert persona("melder").check_password(PASSWORD)


def test_failed_and_successful_password_changes_are_logged(client_as, persona):
    client = client_as("melder")
    client.post(CHANGE, {"old_password": "fout-wachtwoord", "new_password1": NEW, "new_password2": NEW})
    failed = AuditRecord.objects.get(uitkomst="mislukt", object_type="gebruiker")
    assert failed.actor_username == "melder" and "huidig wachtwoord onjuist" in failed.toelichting
    response = client.post(CHANGE, {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302
    assert AuditRecord.objects.filter(uitkomst="geslaagd", toelichting="wachtwoord gewijzigd").exists()


def test_the_right_password_resets_the_count_as_a_login_does(client_as, persona):
    client = client_as("melder")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(REAUTH, {"password": "fout-wachtwoord"})
    assert client.post(REAUTH, {"password": PASSWORD}).status_code == 302
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(REAUTH, {"password": "fout-wachtwoord"}).status_code == 200


def test_failed_login_and_lockout_are_logged_with_the_username_tried(client, persona):
    persona("melder")
    client.post("/account/inloggen/", {"username": "melder", "password": "fout"})
    failed = AuditRecord.objects.get(actie="inloggen", uitkomst="mislukt")
    assert failed.actor_username == "melder" and failed.actor_id is None
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/account/inloggen/", {"username": "melder", "password": "fout"})
    assert response.status_code == 429
    locked = AuditRecord.objects.filter(actie="inloggen", uitkomst="geweigerd")
    assert locked.count() == 1  # once, although both the view and axes' middleware answer
    assert locked.get().actor_username == "melder"


@pytest.fixture
def with_email(persona):
    user = persona("melder")
    user.email = "melder@gemeente.example"
    user.save()
    return user


def test_password_reset_is_limited_per_address_entered(client, with_email, settings):
    settings.PASSWORD_RESET_PER_ACCOUNT = 3
    for _ in range(3):
        assert client.post(RESET, {"email": "melder@gemeente.example"}).status_code == 302
    response = client.post(RESET, {"email": "Melder@Gemeente.example"})
    assert response.status_code == 429
    assert response["Retry-After"] == str(settings.PASSWORD_RESET_WINDOW)
    assert len(mail.outbox) == 3
    # The same answer for an address nobody has: nothing to learn from the limit.
    for _ in range(3):
        client.post(RESET, {"email": "niemand@gemeente.example"})
    assert client.post(RESET, {"email": "niemand@gemeente.example"}).status_code == 429
    record = AuditRecord.objects.filter(object_type="wachtwoordherstel").first()
    assert "gemeente" not in record.object_id  # only a keyed hash of what was entered


def test_password_reset_is_limited_per_origin_address(client, with_email, settings):
    settings.PASSWORD_RESET_PER_ADDRESS = 4
    for i in range(4):
        assert client.post(RESET, {"email": f"iemand{i}@gemeente.example"}).status_code == 302
    assert client.post(RESET, {"email": "melder@gemeente.example"}).status_code == 429
    assert mail.outbox == []
