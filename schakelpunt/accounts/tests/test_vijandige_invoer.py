"""Hostile input on every URL of the accounts app, as every persona: never a server error."""

import pytest

from schakelpunt.accounts import api, forms
from schakelpunt.accounts.tests.matrix import MATRIX
from schakelpunt.testing.vijandig import ANONIEM, ROLES, assert_no_server_error, field_names

pytestmark = pytest.mark.django_db(transaction=False)

# Keys the views read from the request themselves, beside the forms.
EXTRA = (
    "next",
    "username",
    "password",
    "verlopen",
    "token",
    "email",
    "old_password",
    "new_password1",
    "new_password2",
    "otp_token",
)
NAMES = field_names(api, forms, extra=EXTRA)


@pytest.mark.parametrize("role", (*ROLES, ANONIEM))
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_no_server_error(name, role, persona, client, api_client_as):
    assert_no_server_error(name, MATRIX[name], role, persona, client, api_client_as, NAMES)


def test_a_next_that_is_no_url_is_followed_not_looked_up_as_a_view(client_as):
    """Was a 500: a logged-in user on the login page with ?next=abc (redirect() tried a view "abc")."""
    from django.urls import reverse

    response = client_as("melder").get(reverse("accounts:login"), {"next": "abc"})
    assert response.status_code == 302
    assert response["Location"] == "abc"


def test_an_overlong_username_is_a_message_not_a_login_attempt(client):
    """Was a 500 on PostgreSQL: django-axes stored the tried name in a varchar(255)."""
    from axes.models import AccessAttempt
    from django.urls import reverse

    response = client.post(reverse("accounts:login"), {"username": "x" * 10_000, "password": "geheim"})
    assert response.status_code == 200
    assert response.context["form"].errors["username"]
    assert not AccessAttempt.objects.exists()
