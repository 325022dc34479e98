"""Hostile input on every URL of the ui app, as every persona: never a server error.

The API schema is generated for every request (seconds each on a loaded machine) and reads no
input: it gets SAMPLE_VALUES, one value of each kind, instead of all of HOSTILE_VALUES.
"""

import pytest

from schakelpunt.testing.vijandig import ANONIEM, ROLES, assert_no_server_error, field_names
from schakelpunt.ui import forms
from schakelpunt.ui.tests.matrix import MATRIX

pytestmark = pytest.mark.django_db(transaction=False)

# Keys the views read from the request themselves, beside the forms.
EXTRA = ("actief", "pagina")
NAMES = field_names(forms, extra=EXTRA)


@pytest.mark.parametrize("role", (*ROLES, ANONIEM))
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_no_server_error(name, role, persona, client, api_client_as):
    assert_no_server_error(
        name, MATRIX[name], role, persona, client, api_client_as, NAMES, sample=name in {"api-schema", "api-docs"}
    )
