"""Hostile input on every URL of the casussen app, as every persona: never a server error."""

import pytest

from schakelpunt.casussen import api, forms
from schakelpunt.casussen.tests.matrix import MATRIX
from schakelpunt.testing.vijandig import ROLES, assert_no_server_error, field_names

pytestmark = pytest.mark.django_db(transaction=False)

# Keys the views read from the request themselves, beside the forms.
EXTRA = ("signaal", "pagina", "export", "item", "gedaan", "reden", "a", "b", "sjabloon", "soort")
NAMES = field_names(forms, api, extra=EXTRA)
QUERY = None


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_no_server_error(name, role, persona, client, api_client_as):
    assert_no_server_error(name, MATRIX[name], role, persona, client, api_client_as, NAMES, QUERY)
