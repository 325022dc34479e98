"""Hostile input on every URL of the inzicht app, as every persona: never a server error.

The kwartaalrapport PDF is rendered for every request (seconds each on a loaded machine): it gets
SAMPLE_VALUES, one value of each kind, instead of all of HOSTILE_VALUES.
"""

import pytest

from schakelpunt.inzicht import api, forms
from schakelpunt.inzicht.tests.matrix import MATRIX
from schakelpunt.testing.vijandig import ROLES, assert_no_server_error, field_names

pytestmark = pytest.mark.django_db(transaction=False)

# Keys the views read from the request themselves, beside the forms.
EXTRA = ("digest", "kwartaal")
SAMPLED = {"inzicht:kwartaalrapport"}


def NAMES(kwargs):
    """The fields of the forms, and of a module page the self-check questions (vraag_<pk>)."""
    from schakelpunt.inzicht.models import Module

    vragen = []
    if "slug" in kwargs:
        module = Module.objects.filter(slug=kwargs["slug"]).first()
        vragen = [f"vraag_{pk}" for pk in module.vragen.values_list("pk", flat=True)] if module else []
    return field_names(api, forms, extra=(*EXTRA, *vragen))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_no_server_error(name, role, persona, client, api_client_as):
    assert_no_server_error(name, MATRIX[name], role, persona, client, api_client_as, NAMES, sample=name in SAMPLED)
