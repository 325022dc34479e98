"""Hostile input on every URL of the beheer app, as every persona: never a server error."""

import pytest

from schakelpunt.beheer import forms
from schakelpunt.beheer.tests.matrix import MATRIX
from schakelpunt.testing.vijandig import ROLES, assert_no_server_error, field_names

pytestmark = pytest.mark.django_db(transaction=False)

# Keys the views read from the request themselves, beside the forms.
EXTRA = ("actie", "besluit", "naam")
NAMES = field_names(forms, extra=EXTRA)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_no_server_error(name, role, persona, client, api_client_as):
    assert_no_server_error(name, MATRIX[name], role, persona, client, api_client_as, NAMES)


def test_an_unknown_role_in_the_path_is_a_404(client_as, persona):
    """Was a 500: ValueError "'x' is not a valid Rol" (and a NUL would reach PostgreSQL)."""
    from django.urls import reverse

    url = reverse("beheer:rol_intrekken", kwargs={"pk": persona("melder").pk, "rol": "geen-rol"})
    assert client_as("beheerder").post(url).status_code == 404


def test_an_overlong_department_name_is_a_message(client_as):
    """Was a 500 on PostgreSQL: the rename posts a bare field, and naam is a varchar(200)."""
    from django.urls import reverse

    from schakelpunt.accounts.models import Afdeling

    afdeling = Afdeling.objects.create(naam="Wijkteam Oost")
    response = client_as("beheerder").post(
        reverse("beheer:afdeling", kwargs={"pk": afdeling.pk}), {"naam": "x" * 201}, follow=True
    )
    assert "hoogstens 200 tekens" in response.content.decode()
    afdeling.refresh_from_db()
    assert afdeling.naam == "Wijkteam Oost"
