"""Hostile input on every URL of the taxonomie app, as every persona: never a server error."""

import pytest

from schakelpunt.taxonomie import api, forms
from schakelpunt.taxonomie.tests.matrix import MATRIX
from schakelpunt.testing.vijandig import ANONIEM, ROLES, assert_no_server_error, field_names

pytestmark = pytest.mark.django_db(transaction=False)

# Keys the views read from the request themselves, beside the forms.
EXTRA = ("alle",)
NAMES = field_names(api, forms, extra=EXTRA)


@pytest.mark.parametrize("role", (*ROLES, ANONIEM))
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_no_server_error(name, role, persona, client, api_client_as):
    assert_no_server_error(name, MATRIX[name], role, persona, client, api_client_as, NAMES)
