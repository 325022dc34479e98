"""Hostile input on every URL of the subjecten app, as every persona: never a server error."""

import pytest

from schakelpunt.subjecten import api, forms
from schakelpunt.subjecten.tests.matrix import MATRIX
from schakelpunt.testing.vijandig import ROLES, assert_no_server_error, field_names

pytestmark = pytest.mark.django_db(transaction=False)

# Keys the views read from the request themselves, beside the forms.
EXTRA = ("pagina", "rationale", "stappen")
NAMES = field_names(api, forms, extra=EXTRA)


def PREFIXES(kwargs):
    return ("relatie", "inzage", f"m{kwargs.get('pk')}")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_no_server_error(name, role, persona, client, api_client_as):
    assert_no_server_error(name, MATRIX[name], role, persona, client, api_client_as, NAMES, prefixes=PREFIXES)
