"""The access-log search with hostile query strings: a 400 with a message, never a 500."""

import pytest


@pytest.mark.parametrize("field", ["van", "tot"])
@pytest.mark.parametrize("datum", ["0001-01-01", "9999-12-31"])
def test_date_at_the_end_of_the_calendar_is_400_with_a_message(client_as, field, datum):
    response = client_as("privacyfunctionaris").get("/toegangslog/", {field: datum})
    assert response.status_code == 400
    assert "Vul een datum in tussen 1900 en 2100" in response.content.decode()


def test_page_number_beyond_int64_is_not_a_500(client_as):
    response = client_as("privacyfunctionaris").get("/toegangslog/", {"pagina": "368934881474191034"})
    assert response.status_code == 200
