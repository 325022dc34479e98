"""Pages with hostile query strings: huge page numbers and dates at the ends of the calendar."""

import pytest
from django.urls import reverse

from schakelpunt.signalen.tests.factories import SignaalFactory

HUGE = "368934881474191034"


@pytest.mark.parametrize("url_name, role", [("signalen:inbox", "aandachtsfunctionaris"), ("signalen:mijn", "melder")])
def test_page_number_beyond_int64_shows_an_empty_page(client_as, persona, url_name, role):
    SignaalFactory(melder=persona("melder"))
    response = client_as(role).get(reverse(url_name), {"pagina": HUGE})
    assert response.status_code == 200
    assert list(response.context["page"].items) == []


@pytest.mark.parametrize("field", ["vanaf", "tot"])
@pytest.mark.parametrize("datum", ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01"])
def test_inbox_date_at_the_end_of_the_calendar_is_400_with_a_message(client_as, field, datum):
    response = client_as("aandachtsfunctionaris").get(reverse("signalen:inbox"), {field: datum})
    assert response.status_code == 400
    assert "Vul een datum in tussen 1900 en 2100" in response.content.decode()


def test_inbox_date_within_range_still_filters(client_as):
    response = client_as("aandachtsfunctionaris").get(reverse("signalen:inbox"), {"vanaf": "2000-01-01"})
    assert response.status_code == 200
