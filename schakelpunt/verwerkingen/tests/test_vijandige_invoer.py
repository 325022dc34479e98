"""Hostile input on every URL of the verwerkingsregister, as every persona: never a server error."""

import pytest

from schakelpunt.testing.vijandig import ANONIEM, ROLES, assert_no_server_error, field_names
from schakelpunt.verwerkingen import forms
from schakelpunt.verwerkingen.tests.matrix import MATRIX

pytestmark = pytest.mark.django_db(transaction=False)

NAMES = field_names(forms)


@pytest.mark.parametrize("role", (*ROLES, ANONIEM))
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_no_server_error(name, role, persona, client, api_client_as):
    assert_no_server_error(name, MATRIX[name], role, persona, client, api_client_as, NAMES)
