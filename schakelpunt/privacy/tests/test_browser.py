"""Browser tests of privacybeheer with axe on each state: a destruction list reviewed, an inzage report composed."""

import datetime

import pytest
from django.utils import timezone

from schakelpunt.privacy import services
from schakelpunt.privacy.models import Vernietigingslijst
from schakelpunt.signalen.models import Signaal
from schakelpunt.signalen.tests.factories import SignaalFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_privacyfunctionaris_reviews_and_approves_a_destruction_list(page, persona, browser_login):
    from importlib import import_module

    from django.apps import apps

    import_module("schakelpunt.privacy.migrations.0002_bewaartermijnen").create(apps, None)
    signalen = [SignaalFactory(melder=persona("melder")) for _ in range(2)]
    Signaal.objects.filter(pk__in=[s.pk for s in signalen]).update(
        is_open=False, afgesloten_op=timezone.now() - datetime.timedelta(days=800)
    )
    lijst = services.lijst_voorstellen()
    browser_login(persona("privacyfunctionaris"))
    page.page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Vernietiging").click()
    page.page.wait_for_url("**/privacy/vernietigingslijsten/")
    page.check()
    page.page.get_by_role("link", name=f"Lijst {lijst.pk}").click()
    page.check()
    eerste = page.page.get_by_role("row").nth(1)
    eerste.get_by_role("button", name="Uitzonderen").click()  # without a reason: message beside the field
    page.page.get_by_text("Leg uit waarom dit niet vernietigd wordt.").first.wait_for()
    page.check()
    page.page.get_by_role("row").nth(1).get_by_label("Reden").fill("Nodig voor een bezwaarprocedure")
    page.page.get_by_role("row").nth(1).get_by_role("button", name="Uitzonderen").click()
    page.page.get_by_text("uitgezonderd: Nodig voor een bezwaarprocedure").wait_for()
    page.check()
    page.page.get_by_role("button", name="Lijst goedkeuren").click()
    page.page.get_by_text("De lijst is goedgekeurd").wait_for()
    page.check()
    assert Vernietigingslijst.objects.get(pk=lijst.pk).status == "goedgekeurd"
    page.page.screenshot(path="/tmp/lijst-laptop.png", full_page=True)
    page.goto("/privacy/bewaarblokkades/")
    page.check()


def test_privacyfunctionaris_composes_an_inzage_report_and_withholds_an_item(page, persona, browser_login):
    from schakelpunt.privacy import verzoeken
    from schakelpunt.signalen import services as signalen_services
    from schakelpunt.subjecten.models import BetrokkeneKoppeling

    signaal = signalen_services.signaal_create(
        actor=persona("melder"),
        omschrijving="Wisselende bezoekers bij de woning.",
        betrokkenen=[{"rol": "betrokkene", "voornamen": "Browser", "geslachtsnaam": "Inzage", "geboortejaar": 1988}],
    )
    persoon = BetrokkeneKoppeling.objects.get(signaal=signaal).persoon
    pf = persona("privacyfunctionaris")
    verzoek = verzoeken.verzoek_create(
        actor=pf,
        soort="inzage",
        persoon=persoon,
        ontvangen_op=timezone.localdate() - datetime.timedelta(days=40),
        omschrijving="Brief van de betrokkene.",
    )
    browser_login(pf)
    page.goto("/privacy/verzoeken/")
    page.page.get_by_text("Te laat").first.wait_for()
    page.check()
    page.page.get_by_role("link", name=verzoek.nummer).click()
    page.check()
    page.page.get_by_role("link", name="Inzagerapport bekijken en samenstellen").click()
    page.page.get_by_role("heading", name=f"Inzagerapport {verzoek.nummer}").wait_for()
    page.check()
    rij = page.page.get_by_role("row").filter(has_text=str(signaal))
    rij.locator("summary").click()
    page.check()
    rij.get_by_role("button", name="Inhouden").click()  # without a reason: message beside the field
    page.page.get_by_text("Geef de grond uit UAVG art. 41").first.wait_for()
    page.check()
    rij = page.page.get_by_role("row").filter(has_text=str(signaal))
    rij.get_by_label("Reden (UAVG art. 41)").fill("Lopend strafrechtelijk onderzoek")
    later = timezone.localdate() + datetime.timedelta(days=60)
    rij.get_by_label("Opnieuw beoordelen op").fill(later.isoformat())
    rij.get_by_role("button", name="Inhouden").click()
    page.page.get_by_text("Ingehouden: Lopend strafrechtelijk onderzoek").wait_for()
    page.check()
    page.page.screenshot(path="/tmp/inzagerapport-laptop.png", full_page=True)
