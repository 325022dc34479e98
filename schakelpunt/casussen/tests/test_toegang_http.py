"""Need to know over every door of a casus: sub-pages, API, actions, uitvraag — for A's participant on B,
a removed participant, a melder and bestuur."""

import datetime

import pytest
from django.urls import reverse

from schakelpunt.casussen import services
from schakelpunt.casussen.models import Actie, Uitvraag
from schakelpunt.testing.auth import login

from .conftest import RIA

pytestmark = pytest.mark.django_db

LATER = datetime.date(2099, 1, 1)


@pytest.fixture
def a_en_b(af, regisseur, deelnemer, meld):
    a = services.casus_open(actor=af, titel="Casus A", signalen=[meld()], regievoerder=regisseur)
    b = services.casus_open(
        actor=af, titel="Casus B", signalen=[meld("Ander gezin, ander verhaal.", (RIA,))], regievoerder=regisseur
    )
    rij = services.deelnemer_toevoegen(actor=af, casus=a, user=deelnemer)
    return a, b, rij


def _doors(casus):
    pages = [
        reverse(name, args=[casus.pk])
        for name in ("casussen:detail", "casussen:tijdlijn", "casussen:plan_vergelijken", "casussen:dossier")
    ]
    pages.append(reverse("casussen:tijdlijn", args=[casus.pk]) + "?export=csv")
    api = [f"/api/v1/casussen/{casus.pk}", f"/api/v1/casussen/{casus.pk}/besluiten"]
    return pages, api


def _assert_hidden(client, api_client_as, user, casus):
    pages, api = _doors(casus)
    http = login(client, user)
    for url in pages:
        assert http.get(url).status_code in (403, 404), url
    for url in api:
        assert api_client_as(user).get(url).status_code in (403, 404), url
    assert casus.titel not in http.get(reverse("casussen:lijst")).content.decode()
    ids = [c["id"] for c in api_client_as(user).get("/api/v1/casussen").json().get("resultaten", [])]
    assert casus.pk not in ids


def test_participant_of_a_finds_no_door_into_b(client, api_client_as, regisseur, deelnemer, a_en_b):
    a, b, _ = a_en_b
    _assert_hidden(client, api_client_as, deelnemer, b)
    # An action in B owned by A's participant still gives no door into B.
    actie = Actie.objects.create(casus=b, titel="Huisbezoek", eigenaar=deelnemer, deadline=LATER)
    r = login(client, deelnemer).post(
        reverse("casussen:actie_bijwerken", args=[actie.pk]), {"versie": actie.versie, "status": "gereed"}
    )
    assert r.status_code == 404
    # Steering A through B's objects (ids of another casus in A's URLs) is refused.
    uitvraag_b = Uitvraag.objects.create(
        casus=b, vraag="Bekend?", ontvanger=regisseur, deadline=LATER, gesteld_door=regisseur
    )
    http = login(client, regisseur)
    r = http.post(
        reverse("casussen:uitvraag_status", args=[a.pk, uitvraag_b.pk]),
        {"status": "gepauzeerd", "reden": "Vakantie"},
    )
    uitvraag_b.refresh_from_db()
    assert uitvraag_b.status == "open", r.status_code


def test_removed_participant_loses_every_door(client, api_client_as, af, deelnemer, a_en_b):
    a, _, rij = a_en_b
    actie = Actie.objects.create(casus=a, titel="Huisbezoek", eigenaar=deelnemer, deadline=LATER)
    assert api_client_as(deelnemer).get(f"/api/v1/casussen/{a.pk}").status_code == 200
    services.deelnemer_verwijderen(actor=af, casus=a, deelnemer=rij)
    _assert_hidden(client, api_client_as, deelnemer, a)
    r = login(client, deelnemer).post(
        reverse("casussen:actie_bijwerken", args=[actie.pk]), {"versie": actie.versie, "status": "gereed"}
    )
    assert r.status_code == 404


# (API tokens of beheerder and privacyfunctionaris need four eyes; the matrix test refuses them already.)
@pytest.mark.parametrize("role", ["melder", "bestuur"])
def test_roles_without_casus_access_find_no_door(client, api_client_as, persona, a_en_b, role):
    a, _, _ = a_en_b
    _assert_hidden(client, api_client_as, persona(role), a)
