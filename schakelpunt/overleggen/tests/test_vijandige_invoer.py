"""Hostile input on every URL of the overleggen app, as every persona: never a server error."""

import pytest

from schakelpunt.overleggen import api, forms
from schakelpunt.overleggen.tests.matrix import MATRIX
from schakelpunt.testing.vijandig import ROLES, assert_no_server_error, field_names

pytestmark = pytest.mark.django_db(transaction=False)

EXTRA = ("genodigde", "aanwezig", "punt", "notities", "versie", "wat_speelt_er", "reden")
NAMES = field_names(forms, api, extra=EXTRA)
QUERY = None
# Each action of the meeting page, so every branch meets the hostile values.
ACTIES = tuple(
    {"actie": a}
    for a in (
        "agendapunt",
        "verwijderen",
        "aanwezigheid",
        "notities",
        "besluit",
        "wat_speelt_er",
        "sluiten",
        "heropenen",
        "annuleren",
    )
)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_no_server_error(name, role, persona, client, api_client_as):
    assert_no_server_error(
        name,
        MATRIX[name],
        role,
        persona,
        client,
        api_client_as,
        NAMES,
        QUERY,
        ACTIES if name == "overleggen:actie" else ({},),
    )
