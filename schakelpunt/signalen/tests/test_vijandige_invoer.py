"""Hostile input on every URL of the signalen app, as every persona: never a server error."""

import pytest

from schakelpunt.signalen import api, forms
from schakelpunt.signalen.tests.matrix import MATRIX
from schakelpunt.testing.vijandig import BEYOND_INT64, ROLES, assert_no_server_error, field_names

pytestmark = pytest.mark.django_db(transaction=False)

# Keys the views read from the request themselves, beside the forms.
EXTRA = ("actie", "pagina", "betrokkenen-TOTAL_FORMS", "betrokkenen-INITIAL_FORMS")
NAMES = field_names(api, forms, extra=EXTRA)


def PREFIXES(kwargs):
    return ("betrokkenen-0",)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_no_server_error(name, role, persona, client, api_client_as):
    assert_no_server_error(name, MATRIX[name], role, persona, client, api_client_as, NAMES, prefixes=PREFIXES)


def test_a_choice_id_beyond_int64_is_a_message_next_to_the_field():
    """Was a 500 (OverflowError on SQLite) in the report form, triage, trends and taxonomie beheer."""
    from schakelpunt.signalen.forms import SignaalForm

    form = SignaalForm(data={"indicatoren": [BEYOND_INT64], "fenomenen": ["-" + BEYOND_INT64]})
    assert not form.is_valid()
    assert form.errors["indicatoren"] and form.errors["fenomenen"]


def test_a_tampered_form_count_builds_no_more_betrokkenen_than_allowed():
    """Was ~30 s a request: TOTAL_FORMS=2**64 built and rendered Django's 1020 forms."""
    from django.conf import settings

    from schakelpunt.signalen.forms import BetrokkeneFormSet

    formset = BetrokkeneFormSet(
        {"betrokkenen-TOTAL_FORMS": BEYOND_INT64, "betrokkenen-INITIAL_FORMS": "0"}, prefix="betrokkenen"
    )
    assert len(formset.forms) <= settings.SIGNAAL_BETROKKENEN_MAX
    assert not formset.is_valid()
