"""Hostile input on every URL of the doormeldingen app, as every persona: never a server error."""

import pytest

from schakelpunt.doormeldingen import api, forms
from schakelpunt.doormeldingen.tests.matrix import MATRIX
from schakelpunt.testing.vijandig import ROLES, assert_no_server_error, field_names

pytestmark = pytest.mark.django_db(transaction=False)

EXTRA = ("casus", "signaal", "persoon", "personen", "signalen", "bijlagen", "velden")
NAMES = field_names(forms, api, extra=EXTRA)


def QUERY(persona):  # noqa: N802 - a constant in the other apps' tests
    """Compose from a real casus, so the form itself meets the hostile values."""
    from schakelpunt.casussen.tests.factories import casus_bare

    return {"casus": casus_bare(regievoerder=persona("casusregisseur")).pk}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_no_server_error(name, role, persona, client, api_client_as):
    assert_no_server_error(name, MATRIX[name], role, persona, client, api_client_as, NAMES, QUERY)
