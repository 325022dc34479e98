"""Need to know over HTTP (pages and API): a genodigde of one item, a removed one, an uninvited colleague."""

import pytest
from django.urls import reverse

from schakelpunt.overleggen import services
from schakelpunt.overleggen.models import Agendapunt
from schakelpunt.testing.auth import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def twee_punten(af, persona, make_user, overleg, maak_casus):
    a, b = maak_casus("Casus Anna", "Anna"), maak_casus("Casus Bram", "Bram")
    jeugdteam, wijkteam = persona("deelnemer"), make_user("deelnemer")
    services.agendapunt_toevoegen(actor=af, overleg=overleg, casus=a, deelnemers=[jeugdteam])
    services.agendapunt_toevoegen(actor=af, overleg=overleg, casus=b, deelnemers=[wijkteam])
    return a, b, jeugdteam, wijkteam


def test_a_genodigde_sees_only_their_own_item_on_the_page_and_in_the_api(client, api_client_as, overleg, twee_punten):
    a, b, jeugdteam, _ = twee_punten
    body = login(client, jeugdteam).get(reverse("overleggen:detail", args=[overleg.pk])).content.decode()
    assert a.nummer in body and "Casus Anna" in body
    assert b.nummer not in body and "Casus Bram" not in body and "Bram" not in body
    data = api_client_as(jeugdteam).get(f"/api/v1/overleggen/{overleg.pk}").json()
    assert [p["casus_nummer"] for p in data["agendapunten"]] == [a.nummer]
    ics = login(client, jeugdteam).get(reverse("overleggen:ics", args=[overleg.pk])).content.decode()
    assert "Anna" not in ics and "Bram" not in ics


def test_a_genodigde_cannot_act_on_another_item(client, overleg, twee_punten):
    _, b, jeugdteam, _ = twee_punten
    punt_b = Agendapunt.objects.get(overleg=overleg, casus=b)
    http = login(client, jeugdteam)
    url = reverse("overleggen:actie", args=[overleg.pk])
    r = http.post(url, {"actie": "notities", "punt": punt_b.pk, "versie": punt_b.versie, "notities": "Gezien"})
    assert r.status_code == 404
    r = http.post(url, {"actie": "besluit", "punt": punt_b.pk, f"b{punt_b.pk}-soort": "melden"})
    assert r.status_code == 404
    punt_b.refresh_from_db()
    assert punt_b.notities == "" and punt_b.besluit_melden_id is None
    # Not the chair: no attendance, no closing, no verslag.
    assert http.post(url, {"actie": "sluiten"}).status_code in (400, 403, 404)
    assert http.get(reverse("overleggen:verslag", args=[overleg.pk])).status_code == 404


def test_a_removed_genodigde_and_an_uninvited_colleague_get_nothing(
    client, api_client_as, af, make_user, overleg, twee_punten
):
    _, _, jeugdteam, _ = twee_punten
    services.genodigde_verwijderen(actor=af, overleg=overleg, user=jeugdteam)
    collega = make_user("casusregisseur")
    for user in (jeugdteam, collega):
        http = login(client, user)
        for name in ("overleggen:detail", "overleggen:ics", "overleggen:verslag"):
            assert http.get(reverse(name, args=[overleg.pk])).status_code == 404, (user, name)
        assert http.post(reverse("overleggen:actie", args=[overleg.pk]), {"actie": "notities"}).status_code == 404
        assert (
            reverse("overleggen:detail", args=[overleg.pk])
            not in http.get(reverse("overleggen:lijst")).content.decode()
        )
        api = api_client_as(user)
        assert api.get(f"/api/v1/overleggen/{overleg.pk}").status_code == 404
        assert api.get(f"/api/v1/overleggen/{overleg.pk}.ics").status_code == 404
        assert api.get("/api/v1/overleggen").json() == []


# (API tokens of beheerder and privacyfunctionaris need four eyes; their pages are refused the same way.)
@pytest.mark.parametrize("role", ["melder", "bestuur"])
def test_roles_outside_the_meetings_get_nothing(client, api_client_as, persona, overleg, twee_punten, role):
    user = persona(role)
    assert login(client, user).get(reverse("overleggen:detail", args=[overleg.pk])).status_code == 403
    assert api_client_as(user).get(f"/api/v1/overleggen/{overleg.pk}").status_code in (403, 404)
    assert api_client_as(user).get("/api/v1/overleggen").status_code == 403


def test_too_long_notes_are_refused_with_a_message_and_kept(client, af, overleg, maak_casus):
    services.agendapunt_toevoegen(actor=af, overleg=overleg, casus=maak_casus(), deelnemers=[])
    punt = Agendapunt.objects.get(overleg=overleg)
    tekst = "Besproken. " * 800 + "EINDE"
    r = login(client, af).post(
        reverse("overleggen:actie", args=[overleg.pk]),
        {"actie": "notities", "punt": punt.pk, "versie": punt.versie, "notities": tekst},
    )
    assert r.status_code == 400
    body = r.content.decode()
    assert "hoogstens 8000 tekens" in body and "EINDE" in body
    punt.refresh_from_db()
    assert punt.notities == ""
