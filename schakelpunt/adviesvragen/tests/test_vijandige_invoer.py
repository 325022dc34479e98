"""Hostile input on every URL of the adviesvragen app, as every persona: never a server error."""

import pytest

from schakelpunt.adviesvragen import forms
from schakelpunt.adviesvragen.tests.matrix import MATRIX
from schakelpunt.testing.vijandig import ROLES, assert_no_server_error, field_names

pytestmark = pytest.mark.django_db(transaction=False)

# Keys the views read from the request themselves, beside the forms.
EXTRA = ()
NAMES = field_names(forms, extra=EXTRA)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_no_server_error(name, role, persona, client, api_client_as):
    assert_no_server_error(name, MATRIX[name], role, persona, client, api_client_as, NAMES)
