"""Hostile input on every URL of the privacy app, as every persona: never a server error.

The inzagerapport (page and PDF) is put together for every request, the PDF rendered (seconds
each on a loaded machine): both get SAMPLE_VALUES, one value of each kind, instead of all of
HOSTILE_VALUES.
"""

import pytest

from schakelpunt.privacy import forms
from schakelpunt.privacy.tests.matrix import MATRIX
from schakelpunt.testing.vijandig import ROLES, assert_no_server_error, field_names

pytestmark = pytest.mark.django_db(transaction=False)

# Keys the views read from the request themselves, beside the forms.
EXTRA = ("item", "termijn", "versie")
NAMES = field_names(forms, extra=EXTRA)


SAMPLED = {"privacy:inzagerapport", "privacy:inzagerapport_pdf"}


def PREFIXES(kwargs):
    from schakelpunt.privacy.models import Bewaartermijn

    termijnen = tuple(f"t{pk}" for pk in Bewaartermijn.objects.values_list("pk", flat=True)[:1])
    return (f"i{kwargs.get('pk')}", "i-persoon:1", *termijnen)


def OVERLAYS(persona, kwargs):
    """The hostile values in the prefixed forms of a real termijn and a well-formed item as well."""
    from schakelpunt.privacy.models import Bewaartermijn

    termijn = Bewaartermijn.objects.values_list("pk", flat=True).first()
    return ({}, {"item": "persoon:1", **({"termijn": str(termijn)} if termijn else {})})


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
        overlays=OVERLAYS,
        prefixes=PREFIXES,
        sample=name in SAMPLED,
    )
