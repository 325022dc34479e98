"""Real answers of every API endpoint, for several roles, checked against docs/openapi.yaml.

The document is generated from the code and CI fails when the committed one differs; these tests
close the other gap: that what the code answers is what the document says (fields, types, status
codes, problem+json for errors).
"""

import re

import pytest
from django.urls import reverse

from schakelpunt.access.tests.test_permission_matrix import MATRIX, ROLES
from schakelpunt.signalen import services as signalen_services
from schakelpunt.subjecten import services as subjecten_services
from schakelpunt.subjecten.models import BetrokkeneKoppeling, SamenloopAlert
from schakelpunt.testing.factories import AfdelingFactory
from schakelpunt.testing.openapi import assert_matches_contract, document, to_json_schema, validate

pytestmark = pytest.mark.django_db

SIGNALEN = "/api/v1/signalen"
BSN = "111222333"  # synthetic, passes the elfproef

BODY = {
    "omschrijving": "Jongen van 15 brengt pakketjes rond voor een oudere neef.",
    "waargenomen_op": "2026-01-15",
    "locatie": "Stationsplein",
    "onderbuikgevoel": 3,
    "minderjarigen_betrokken": True,
    "bron": "gesprek",
    "betrokkenen": [
        {
            "rol": "mogelijk_slachtoffer",
            "persoon": {"voornamen": "Tim", "geslachtsnaam": "Proef", "geboortedatum": "2010-04", "bsn": BSN},
            "adres": {"straat": "Proefstraat", "huisnummer": 3, "postcode": "1234 AB", "woonplaats": "Proefdorp"},
            "telefoonnummer": "0612345678",
            "toelichting": "Fietst elke avond rond.",
        },
        {"rol": "betrokkene", "organisatie": {"naam": "Proef Koeriers BV", "kvk_nummer": "12345678"}},
        {"rol": "mogelijke_dader", "voertuig": {"kenteken": "XX-999-X"}},
    ],
}


# --- Every endpoint, every role: the permission matrix's requests, checked against the document ---

API_CASES = [(name, role) for name in sorted(MATRIX) if MATRIX[name].api for role in [*ROLES, "anonymous"]]


@pytest.mark.parametrize(("name", "role"), API_CASES)
def test_every_endpoint_answers_as_documented_for_every_role(name, role, persona, api_client_as):
    from rest_framework.test import APIClient

    row = MATRIX[name]
    url = reverse(name, kwargs=row.kwargs(persona) if row.kwargs else {})
    http = APIClient() if role == "anonymous" else api_client_as(role)
    fmt = {"format": "json"} if row.method != "GET" else {}
    response = getattr(http, row.method.lower())(url, row.data, **fmt)
    assert_matches_contract(response)


# --- Rich answers: every optional block filled in at least once ---------------------------------


@pytest.fixture
def wereld(api_client_as, make_user):
    """Two departments report the same boy (samenloop), one a look-alike (a possible match)."""
    eerste = api_client_as("melder").post(SIGNALEN, BODY, format="json")
    assert_matches_contract(eerste)
    melder2 = make_user("melder", username="melder-jeugd", afdeling=AfdelingFactory(naam="Jeugd"))
    tweede = signalen_services.signaal_create(
        actor=melder2,
        omschrijving="Zelfde jongen, ander loket.",
        betrokkenen=[{"rol": "betrokkene", "voornamen": "Tim", "geslachtsnaam": "Proef", "bsn": BSN}],
    )
    lookalike = signalen_services.signaal_create(
        actor=melder2,
        omschrijving="Lijkt op hem.",
        betrokkenen=[{"rol": "betrokkene", "voornamen": "T.", "geslachtsnaam": "Proef", "geboortejaar": 2010}],
    )
    persoon = BetrokkeneKoppeling.objects.filter(signaal_id=eerste.json()["id"]).exclude(persoon=None).get().persoon
    return {"eerste": eerste.json()["id"], "tweede": tweede.pk, "lookalike": lookalike.pk, "persoon": persoon}


def test_signal_detail_for_the_meldpunt_and_for_its_melder(wereld, api_client_as):
    url = reverse("api-signaal-detail", args=[wereld["eerste"]])
    meldpunt = api_client_as("aandachtsfunctionaris").get(url)
    assert_matches_contract(meldpunt)
    data = meldpunt.json()
    assert data["melder"]["username"] == "melder" and data["betrokkenen"][0]["subject"]["persoon_id"]
    assert {b["soort"] for b in data["betrokkenen"]} == {"persoon", "organisatie", "voertuig"}
    assert data["terugkoppelingen"] and data["ontvangen_op"].endswith("Z")  # moments in UTC
    melder = api_client_as("melder").get(url)
    assert_matches_contract(melder)
    assert "melder" not in melder.json() and all("subject" not in b for b in melder.json()["betrokkenen"])
    lookalike = api_client_as("aandachtsfunctionaris").get(reverse("api-signaal-detail", args=[wereld["lookalike"]]))
    assert_matches_contract(lookalike)


def test_a_possible_match_is_documented(wereld, api_client_as):
    """The look-alike's subject carries an open candidate: its shape is checked too."""
    data = api_client_as("aandachtsfunctionaris").get(reverse("api-signaal-detail", args=[wereld["lookalike"]]))
    matches = [m for b in data.json()["betrokkenen"] for m in (b["subject"] or {}).get("mogelijke_matches", [])]
    assert matches, "the look-alike should have an open candidate"
    assert_matches_contract(data)


def test_signal_lists_and_pages(wereld, api_client_as, settings):
    settings.SIGNAAL_INBOX_PAGE_SIZE = 2
    http = api_client_as("aandachtsfunctionaris")
    first = http.get(SIGNALEN)
    assert_matches_contract(first)
    assert first.json()["pagina"] == 1 and first.json()["volgende"] == 2
    last = http.get(SIGNALEN, {"pagina": 2})
    assert_matches_contract(last)
    assert last.json()["volgende"] is None
    assert_matches_contract(api_client_as("melder").get(SIGNALEN))


def test_person_for_the_meldpunt_and_for_a_grant(wereld, api_client_as, persona):
    url = reverse("api-persoon-detail", args=[wereld["persoon"].pk])
    meldpunt = api_client_as("aandachtsfunctionaris").get(url)
    assert_matches_contract(meldpunt)
    assert meldpunt.json()["signalen"] and meldpunt.json()["woonadres"]["postcode"] == "1234AB"
    subjecten_services.subject_inzage_verlenen(
        actor=persona("aandachtsfunctionaris"), user=persona("deelnemer"), persoon=wereld["persoon"], reden="overleg"
    )
    deelnemer = api_client_as("deelnemer").get(url)
    assert_matches_contract(deelnemer)
    assert deelnemer.json()["samenloop"]["aantal_andere_afdelingen"] >= 1
    assert_matches_contract(api_client_as("casusregisseur").get(url))  # 404, no grant
    assert_matches_contract(api_client_as("aandachtsfunctionaris").get(reverse("api-persoon-detail", args=[999999])))


def test_samenloop_list(wereld, api_client_as):
    assert SamenloopAlert.objects.exists()
    response = api_client_as("aandachtsfunctionaris").get("/api/v1/samenloop")
    assert_matches_contract(response)
    data = response.json()
    assert data["resultaten"] and data["pagina"] == 1 and data["volgende"] is None
    assert_matches_contract(api_client_as("melder").get("/api/v1/samenloop"))  # 403


def test_samenloop_pages(wereld, api_client_as, monkeypatch):
    from schakelpunt.subjecten import selectors

    monkeypatch.setattr(selectors.samenloop, "SAMENLOOP_PAGE_SIZE", 1)
    SamenloopAlert.objects.create(soort="netwerk", aantal_signalen=2, aantal_afdelingen=2)
    http = api_client_as("aandachtsfunctionaris")
    first, second = http.get("/api/v1/samenloop").json(), http.get("/api/v1/samenloop", {"pagina": 2}).json()
    assert first["volgende"] == 2 and second["volgende"] is None
    assert len(first["resultaten"]) == len(second["resultaten"]) == 1
    assert first["resultaten"][0]["id"] != second["resultaten"][0]["id"]


@pytest.mark.parametrize("path", ["/api/v1/fenomenen", "/api/v1/indicatoren", "/api/v1/me"])
@pytest.mark.parametrize("role", ["melder", "beheerder", None])
def test_reference_data_and_me(path, role, api_client_as):
    assert_matches_contract(api_client_as(role).get(path, {"alle": "1"}))


# --- Errors ---------------------------------------------------------------------------------------


def test_create_errors_are_documented_problems(api_client_as, settings):
    melder = api_client_as("melder")
    cases = [
        melder.post(SIGNALEN, {"betrokkenen": [{"rol": "dader", "persoon": {"bsn": "123456789"}}]}, format="json"),
        melder.post(SIGNALEN, "{kapot", content_type="application/json"),
        melder.post(SIGNALEN, "tekst", content_type="text/plain"),
        melder.post(SIGNALEN, BODY, format="json", HTTP_IDEMPOTENCY_KEY=" "),
        api_client_as("bestuur").post(SIGNALEN, BODY, format="json"),
    ]
    assert [r.status_code for r in cases] == [400, 400, 415, 400, 403]
    for response in cases:
        assert_matches_contract(response)
    melder.post(SIGNALEN, BODY, format="json", HTTP_IDEMPOTENCY_KEY="k1")
    replay = melder.post(SIGNALEN, BODY, format="json", HTTP_IDEMPOTENCY_KEY="k1")
    reused = melder.post(SIGNALEN, {**BODY, "locatie": "elders"}, format="json", HTTP_IDEMPOTENCY_KEY="k1")
    assert (replay.status_code, reused.status_code) == (201, 422)
    assert_matches_contract(replay)
    assert_matches_contract(reused)
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    too_big = melder.post(SIGNALEN, {**BODY, "omschrijving": "x" * 5000}, format="json")
    assert too_big.status_code == 413
    assert_matches_contract(too_big)


def test_inzicht_figures_and_a_wrong_quarter(api_client_as):
    http = api_client_as("bestuur")
    assert_matches_contract(http.get("/api/v1/inzicht/signalen"))
    wrong = http.get("/api/v1/inzicht/signalen", {"kwartaal": "1999-K1"})
    assert wrong.status_code == 400
    assert_matches_contract(wrong)


def test_a_django_validation_error_from_a_service_is_a_400_problem(api_client_as, monkeypatch):
    """A service's ValidationError reaches the client through the one exception handler."""
    from django.core.exceptions import ValidationError

    def weigert(**kwargs):
        raise ValidationError({"waargenomen_op": "Deze datum ligt in de toekomst."})

    monkeypatch.setattr(signalen_services, "signaal_create", weigert)
    response = api_client_as("melder").post(SIGNALEN, BODY, format="json")
    assert response.status_code == 400
    assert_matches_contract(response)
    assert response.json()["errors"] == [
        {"field": "waargenomen_op", "message": "Deze datum ligt in de toekomst.", "code": "invalid"}
    ]


# --- The document itself --------------------------------------------------------------------------


def _operations():
    for path, item in document()["paths"].items():
        for method, operation in item.items():
            yield method.upper(), path, operation


def test_every_success_answer_has_a_schema_and_every_error_is_a_problem():
    problem = {"$ref": "#/components/schemas/Problem"}
    for method, path, operation in _operations():
        for status, spec in operation["responses"].items():
            content = spec.get("content", {})
            if status.startswith("2"):
                [(media_type, body)] = content.items()
                schema = body["schema"]
                if media_type == "text/calendar":  # the one file answer: an overleg for one's own calendar
                    assert schema == {"type": "string", "format": "binary"}, f"{method} {path} {status}"
                    continue
                assert media_type == "application/json", f"{method} {path} {status}"
                assert "$ref" in schema or "$ref" in schema.get("items", {}), f"{method} {path} {status}: no schema"
            else:
                assert content == {"application/problem+json": {"schema": problem}}, f"{method} {path} {status}"
                assert spec["description"], f"{method} {path} {status}: no description"
        assert {"401", "503"} <= set(operation["responses"]), f"{method} {path}"


def test_no_free_form_objects_in_the_document():
    def walk(node, where):
        if isinstance(node, dict):
            assert node.get("additionalProperties") not in ({}, True), f"free-form object at {where}"
            if node.get("type") == "object":
                assert "properties" in node, f"object without properties at {where}"
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    walk(document(), "#")


def test_every_list_of_records_has_the_one_page_shape():
    pages = [name for name in document()["components"]["schemas"] if name.startswith("Paginated")]
    assert pages
    for name in pages:
        schema = document()["components"]["schemas"][name]
        assert set(schema["properties"]) == {"pagina", "volgende", "resultaten"}, name
        assert schema["properties"]["volgende"].get("nullable") is True, name


def test_the_idempotency_key_header_is_documented():
    parameters = document()["paths"][SIGNALEN]["post"]["parameters"]
    [header] = [p for p in parameters if p["name"] == "Idempotency-Key"]
    assert header["in"] == "header" and "422" in header["description"]
    assert "422" in document()["paths"][SIGNALEN]["post"]["responses"]


def test_the_checker_refuses_an_undocumented_field():
    """The checker itself: an extra field, a wrong type and a missing field all fail."""
    schema = {"$ref": "#/components/schemas/Me"}
    assert not validate(schema, {"username": "a", "department": None, "roles": []})
    assert validate(schema, {"username": "a", "department": None, "roles": [], "geheim": 1})
    assert validate(schema, {"username": 1, "department": None, "roles": []})
    assert validate(schema, {"username": "a", "roles": []})
    assert to_json_schema({"type": "string", "nullable": True}) == {"type": ["string", "null"]}


def test_the_documented_koppeling_methods_are_the_registers():
    """`methode` is a plain string in signalen's API (no import of the register's enum): its text must not drift."""
    from schakelpunt.subjecten.models import Methode

    text = document()["components"]["schemas"]["Koppeling"]["properties"]["methode"]["description"]
    assert set(Methode.values) == set(re.findall(r"`(\w+)`", text))


# --- Query parameters: what the contract does not allow is a 400 naming the parameter ------------

LISTS = [("/api/v1/signalen", "aandachtsfunctionaris"), ("/api/v1/casussen", "aandachtsfunctionaris"),
         ("/api/v1/samenloop", "aandachtsfunctionaris")]  # fmt: skip


def _refused(response, field):
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert_matches_contract(response)


@pytest.mark.parametrize(("path", "role"), LISTS)
def test_a_page_number_is_a_whole_number_from_one(path, role, api_client_as):
    http = api_client_as(role)
    for pagina in ("abc", "0", "000", "-5", "1e9", "2.0", "", " 2", "٣"):
        _refused(http.get(path, {"pagina": pagina}), "pagina")
    _refused(http.get(f"{path}?pagina=1&pagina=2"), "pagina")
    for pagina in ("1", "02", "368934881474191034"):
        assert http.get(path, {"pagina": pagina}).status_code == 200


@pytest.mark.parametrize(("path", "_role"), LISTS)
def test_a_role_without_access_hears_403_whatever_the_page(path, _role, api_client_as):
    response = api_client_as("bestuur").get(path, {"pagina": "abc"})
    assert response.status_code == 403
    assert_matches_contract(response)


@pytest.mark.parametrize("path", ["/api/v1/fenomenen", "/api/v1/indicatoren"])
def test_alle_is_a_boolean(path, api_client_as):
    http = api_client_as("melder")
    for alle in ("-173781", "ja!", "yes", ""):
        _refused(http.get(path, {"alle": alle}), "alle")
    _refused(http.get(f"{path}?alle=true&alle=false"), "alle")
    actief = http.get(path).json()
    assert http.get(path, {"alle": "false"}).json() == http.get(path, {"alle": "0"}).json() == actief
    assert http.get(path, {"alle": "true"}).json() == http.get(path, {"alle": "1"}).json()


def test_a_quarter_given_twice_or_empty_is_refused(api_client_as):
    http = api_client_as("bestuur")
    _refused(http.get("/api/v1/inzicht/signalen?kwartaal=2026-K3&kwartaal=2026-K2"), "kwartaal")
    _refused(http.get("/api/v1/inzicht/signalen?kwartaal="), "kwartaal")
    assert http.get("/api/v1/inzicht/signalen").status_code == 200


def test_every_operation_documents_the_400():
    for path, operations in document()["paths"].items():
        for method, operation in operations.items():
            assert "400" in operation["responses"], (method, path)
