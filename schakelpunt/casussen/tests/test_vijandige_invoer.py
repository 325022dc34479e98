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


# Known 500s this test found, not yet fixed (ids and page numbers beyond int64 reach SQLite):
# ?pagina=2**64 on the lists and the tijdlijn (OFFSET overflow), ?signaal=/signalen=[2**64] on openen
# and POST /api/v1/casussen, subjecten=2**64 on the uitvraag form. Remove a name when it is fixed.
BEKEND: set[str] = set()  # was: five URLs with a 500 for ids beyond int64 (fixed, kept as a regression test)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_no_server_error(name, role, persona, client, api_client_as, request):
    if name in BEKEND:
        request.applymarker(pytest.mark.xfail(reason="bekende 500 bij ids voorbij int64", strict=False))
    assert_no_server_error(name, MATRIX[name], role, persona, client, api_client_as, NAMES, QUERY)
