"""Browser test: the privacyfunctionaris reviews a destruction list, excepts one item, approves; axe on each state."""

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
