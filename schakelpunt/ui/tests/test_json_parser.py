"""JSON nested deeper than Python can decode is a problem+json 400, never a server error."""

import pytest

pytestmark = pytest.mark.django_db


def test_deeply_nested_json_is_a_400(api_client_as):
    body = b'{"a": [' * 5_000 + b"1" + b"]}" * 5_000
    r = api_client_as("aandachtsfunctionaris").post("/api/v1/casussen", body, content_type="application/json")
    assert r.status_code == 400 and r["Content-Type"] == "application/problem+json"
    assert "te diep genest" in r.json()["detail"]
