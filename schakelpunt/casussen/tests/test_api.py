"""Casus API: list, create, detail (404 for the hidden), phase change with conflict, decisions."""

import pytest

from schakelpunt.casussen import services

pytestmark = pytest.mark.django_db


def test_create_and_read_a_casus(api_client_as, af, regisseur, meld):
    signaal = meld()
    client = api_client_as(af)
    r = client.post(
        "/api/v1/casussen", {"titel": "Zorgen", "signalen": [signaal.pk], "regievoerder": regisseur.pk}, format="json"
    )
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["fase"]["code"] == "signalen_opvangen" and body["regievoerder"] == regisseur.display_name()
    assert [s["id"] for s in body["signalen"]] == [signaal.pk]
    assert "melder" not in str(body["signalen"])
    assert client.get(f"/api/v1/casussen/{body['id']}").status_code == 200
    assert client.get("/api/v1/casussen").json()["resultaten"][0]["id"] == body["id"]


def test_create_refused_for_others_and_bad_input_is_problem_json(api_client_as, regisseur, af, meld):
    assert (
        api_client_as(regisseur)
        .post("/api/v1/casussen", {"titel": "x", "signalen": [meld().pk]}, format="json")
        .status_code
        == 403
    )
    r = api_client_as(af).post("/api/v1/casussen", {"titel": "", "signalen": [999999]}, format="json")
    assert r.status_code == 400 and r["Content-Type"] == "application/problem+json"
    assert {e["field"] for e in r.json()["errors"]} >= {"titel", "signalen"}


def test_hidden_casus_is_a_404(api_client_as, casus, deelnemer):
    assert api_client_as(deelnemer).get(f"/api/v1/casussen/{casus.pk}").status_code == 404


def test_phase_change_conflict_and_gate(api_client_as, casus, regisseur):
    client = api_client_as(regisseur)
    url = f"/api/v1/casussen/{casus.pk}/fase"
    r = client.post(url, {"naar": "uitvraag_quickscan", "versie": casus.versie}, format="json")
    assert r.status_code == 200 and r.json()["fase"]["code"] == "uitvraag_quickscan"
    assert client.post(url, {"naar": "plan_van_aanpak", "versie": casus.versie}, format="json").status_code == 409
    r = client.post(url, {"naar": "plan_van_aanpak", "versie": r.json()["versie"]}, format="json")
    assert r.status_code == 400 and "Eerst nog verplicht" in r.json()["errors"][0]["message"]


def test_decisions_endpoint(api_client_as, casus, regisseur, casus_met_deelnemer, deelnemer):
    url = f"/api/v1/casussen/{casus.pk}/besluiten"
    r = api_client_as(regisseur).post(
        url, {"soort": "melden", "melden": "nee", "overwegingen": "Geen strafbare feiten"}, format="json"
    )
    assert r.status_code == 201 and r.json()["besluit"] == "Nee, niet melden"
    assert api_client_as(deelnemer).get(url).json()[0]["vraag"] == "Gaan we melden?"
    # A participant may read the decisions but not take them.
    r = api_client_as(deelnemer).post(url, {"soort": "overig", "vraag": "?", "overwegingen": "x"}, format="json")
    assert r.status_code == 403
    assert services.casus_log_keys(casus.pk)
