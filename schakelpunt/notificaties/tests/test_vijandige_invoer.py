"""Hostile input on every URL of the notificaties app, as every persona: never a server error."""

import pytest

from schakelpunt.notificaties.tests.matrix import MATRIX
from schakelpunt.testing.vijandig import ROLES, assert_no_server_error, field_names

pytestmark = pytest.mark.django_db(transaction=False)

# Keys the views read from the request themselves, beside the forms.
EXTRA = ("volgende", "pagina")
NAMES = field_names(extra=EXTRA)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_no_server_error(name, role, persona, client, api_client_as):
    assert_no_server_error(name, MATRIX[name], role, persona, client, api_client_as, NAMES)


def test_a_volgende_that_is_no_url_is_followed_not_looked_up_as_a_view(client_as):
    """Was a 500: redirect("abc") looks "abc" up as a view name (NoReverseMatch)."""
    from django.urls import reverse

    response = client_as("melder").post(reverse("notificaties:gelezen", kwargs={"pk": 999999}), {"volgende": "abc"})
    assert response.status_code == 302
    assert response["Location"] == "abc"
