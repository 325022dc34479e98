"""The wegwijzer, the guidance fragment and the beheer pages over HTTP."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from schakelpunt.audit.models import AuditRecord, Outcome
from schakelpunt.taxonomie.models import Indicator
from schakelpunt.taxonomie.services import item_version
from schakelpunt.taxonomie.tests.factories import FenomeenFactory, IndicatorFactory, LevensdomeinFactory

pytestmark = pytest.mark.django_db

WEGWIJZER = reverse("taxonomie:wegwijzer")


@pytest.fixture
def taxonomie():
    huis = LevensdomeinFactory(code="t-huis", naam="Thuis (test)")
    school = LevensdomeinFactory(code="t-school", naam="School (test)")
    fenomeen = FenomeenFactory(code="t-uitbuiting", naam="Testuitbuiting", meldroute="Bel de testroute.")
    return {
        "fenomeen": fenomeen,
        "verzuim": IndicatorFactory(
            code="t-verzuim",
            naam="Testverzuim",
            levensdomein=school,
            vragen=["Hoe gaat het op school?"],
            fenomenen=[fenomeen],
        ),
        "spanning": IndicatorFactory(code="t-spanning", naam="Testspanning", levensdomein=huis),
        "oud": IndicatorFactory(code="t-oud", naam="Testoud", levensdomein=huis, actief=False),
    }


def test_wegwijzer_for_a_user_without_role(client_as, taxonomie):
    response = client_as(None).get(WEGWIJZER)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Testverzuim" in content and "Testspanning" in content and "Testuitbuiting" in content
    assert "Testoud" not in content  # retired: not offered any more


def test_wegwijzer_filters_by_text_and_levensdomein(client_as, taxonomie):
    client = client_as("melder")
    content = client.get(WEGWIJZER, {"zoek": "verzuim"}).content.decode()
    assert "Testverzuim" in content and "Testspanning" not in content
    content = client.get(WEGWIJZER, {"levensdomein": "t-huis"}).content.decode()
    assert "Testspanning" in content and "Testverzuim" not in content
    # Search also looks in the questions.
    content = client.get(WEGWIJZER, {"zoek": "op school"}).content.decode()
    assert "Testverzuim" in content


def test_wegwijzer_htmx_returns_the_results_fragment(client_as, taxonomie):
    response = client_as("melder").get(WEGWIJZER, {"zoek": "verzuim"}, headers={"HX-Request": "true"})
    content = response.content.decode()
    assert "<html" not in content
    assert 'id="wegwijzer-aantal"' in content and 'hx-swap-oob="true"' in content
    assert "Testverzuim" in content


def test_wegwijzer_query_count_does_not_grow(client_as, taxonomie):
    client = client_as("melder")
    client.get(WEGWIJZER)  # warm up session and caches
    with CaptureQueriesContext(connection) as before:
        client.get(WEGWIJZER)
    domein = LevensdomeinFactory()
    fenomenen = FenomeenFactory.create_batch(3)
    for parent in fenomenen:
        FenomeenFactory(parent=parent)
    IndicatorFactory.create_batch(5, levensdomein=domein, fenomenen=fenomenen)
    with CaptureQueriesContext(connection) as after:
        client.get(WEGWIJZER)
    assert len(after) == len(before)


def test_detail_pages_and_retired_items(client_as, taxonomie):
    client = client_as("melder")
    content = client.get(reverse("taxonomie:indicator", args=["t-verzuim"])).content.decode()
    assert "Hoe gaat het op school?" in content
    assert "Bel de testroute." in content  # where to report, from its fenomeen
    assert "Testuitbuiting" in content
    response = client.get(reverse("taxonomie:indicator", args=["t-oud"]))
    assert response.status_code == 200  # a retired code stays valid on old signals
    assert "uitgezet" in response.content.decode()
    content = client.get(reverse("taxonomie:fenomeen", args=["t-uitbuiting"])).content.decode()
    assert "Testverzuim" in content and "Bel de testroute." in content
    assert client.get(reverse("taxonomie:indicator", args=["bestaat-niet"])).status_code == 404


def test_guidance_fragment(client_as, taxonomie):
    url = reverse("taxonomie:guidance", kwargs={"soort": "indicator", "code": "t-verzuim"})
    response = client_as(None).get(url, headers={"HX-Request": "true"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content
    for text in ("Testverzuim", "Waar let je op?", "Hoe gaat het op school?", "Waar meld je?", "Bel de testroute."):
        assert text in content
    url = reverse("taxonomie:guidance", kwargs={"soort": "fenomeen", "code": "t-uitbuiting"})
    assert "Bel de testroute." in client_as("melder").get(url).content.decode()
    assert client_as("melder").get("/wegwijzer/hulp/iets/t-verzuim/").status_code == 404


def test_beheerder_edits_questions(client_as, taxonomie):
    indicator = taxonomie["verzuim"]
    url = reverse("taxonomie:beheer_bewerk", kwargs={"soort": "indicator", "code": indicator.code})
    client = client_as("beheerder")
    form_page = client.get(url).content.decode()
    assert "Hoe gaat het op school?" in form_page
    response = client.post(
        url,
        {
            "code": "probeer-te-wijzigen",
            "naam": "Testverzuim",
            "levensdomein": indicator.levensdomein_id,
            "toelichting": "Kijk naar verzuim.",
            "vragen": "Sinds wanneer?\nWie meldt het kind ziek?",
            "fenomenen": [taxonomie["fenomeen"].pk],
            "volgorde": "0",
            "versie": item_version(indicator),
        },
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.code == "t-verzuim"
    assert indicator.vragen == ["Sinds wanneer?", "Wie meldt het kind ziek?"]


def test_beheerder_sees_a_conflict_instead_of_overwriting(client_as, taxonomie):
    indicator = taxonomie["verzuim"]
    url = reverse("taxonomie:beheer_bewerk", kwargs={"soort": "indicator", "code": indicator.code})
    stale = item_version(indicator)
    Indicator.objects.filter(pk=indicator.pk).update(naam="Door collega gewijzigd")
    response = client_as("beheerder").post(
        url,
        {
            "naam": "Mijn versie",
            "levensdomein": indicator.levensdomein_id,
            "volgorde": "0",
            "versie": stale,
        },
    )
    assert response.status_code == 200
    assert "intussen gewijzigd" in response.content.decode()
    assert Indicator.objects.get(pk=indicator.pk).naam == "Door collega gewijzigd"


def test_beheerder_adds_a_fenomeen(client_as):
    response = client_as("beheerder").post(
        reverse("taxonomie:beheer_nieuw", kwargs={"soort": "fenomeen"}),
        {"code": "t-nieuw", "naam": "Nieuw testfenomeen", "vragen": "Vraag?", "volgorde": ""},
    )
    assert response.status_code == 302
    assert AuditRecord.objects.filter(object_type="fenomeen", object_id="t-nieuw", actie="aanmaken").exists()


def test_beheer_form_shows_dutch_errors(client_as):
    response = client_as("beheerder").post(
        reverse("taxonomie:beheer_nieuw", kwargs={"soort": "indicator"}),
        {"code": "Fout Code", "naam": ""},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Het formulier bevat fouten" in content
    assert "kleine letters, cijfers en streepjes" in content
    assert 'aria-invalid="true"' in content


def test_beheer_status_toggles(client_as, taxonomie):
    client = client_as("beheerder")
    url = reverse("taxonomie:beheer_status", kwargs={"soort": "indicator", "code": "t-verzuim"})
    client.post(url)
    assert Indicator.objects.get(code="t-verzuim").actief is False
    client.post(url)
    assert Indicator.objects.get(code="t-verzuim").actief is True


@pytest.mark.parametrize("role", ["melder", "aandachtsfunctionaris", "privacyfunctionaris", None])
def test_beheer_refuses_everyone_else(client_as, taxonomie, role):
    client = client_as(role)
    bewerk = reverse("taxonomie:beheer_bewerk", kwargs={"soort": "indicator", "code": "t-verzuim"})
    status = reverse("taxonomie:beheer_status", kwargs={"soort": "indicator", "code": "t-verzuim"})
    assert (
        client.post(
            bewerk, {"naam": "Gekaapt", "levensdomein": taxonomie["verzuim"].levensdomein_id, "volgorde": "0"}
        ).status_code
        == 403
    )
    assert client.post(status).status_code == 403
    stored = Indicator.objects.get(code="t-verzuim")
    assert (stored.naam, stored.actief) == ("Testverzuim", True)
    assert (
        AuditRecord.objects.filter(
            verwerking="beheer.functioneel", object_type__startswith="taxonomie", uitkomst=Outcome.REFUSED
        ).count()
        == 2
    )


def test_beheer_lists_retired_items(client_as, taxonomie):
    content = client_as("beheerder").get(reverse("taxonomie:beheer")).content.decode()
    assert "Testoud" in content and "Weer actief maken" in content


def test_beheerder_home_links_to_beheer(client_as):
    content = client_as("beheerder").get(reverse("ui:home")).content.decode()
    assert reverse("taxonomie:beheer") in content


def test_unknown_levensdomein_is_ignored_but_text_still_filters(client_as, taxonomie):
    content = client_as("melder").get(WEGWIJZER, {"zoek": "verzuim", "levensdomein": "bestaat-niet"}).content.decode()
    assert "Testverzuim" in content and "Testspanning" not in content


def test_report_link_only_for_who_may_report(client_as, taxonomie):
    url = reverse("taxonomie:indicator", args=["t-verzuim"])
    nieuw = reverse("signalen:nieuw")
    assert f'href="{nieuw}"' in client_as("melder").get(url).content.decode()
    for role in (None, "beheerder"):
        assert f'href="{nieuw}"' not in client_as(role).get(url).content.decode()


def test_meldroute_of_a_sub_fenomeen_comes_from_its_parent_and_each_route_once(client_as, taxonomie):
    sub = FenomeenFactory(code="t-sub", naam="Testsub", meldroute="", parent=taxonomie["fenomeen"])
    indicator = IndicatorFactory(code="t-beide", naam="Testbeide", fenomenen=[taxonomie["fenomeen"], sub])
    content = client_as("melder").get(reverse("taxonomie:fenomeen", args=["t-sub"])).content.decode()
    assert "Bel de testroute." in content
    content = client_as("melder").get(reverse("taxonomie:indicator", args=[indicator.code])).content.decode()
    assert content.count("Bel de testroute.") == 1
