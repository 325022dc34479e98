"""Browser test of the inzicht page: bestuur picks a quarter and reads chart and table; axe on each state."""

import datetime

import pytest
from django.utils import timezone

from schakelpunt.inzicht.grid import Kwartaal, kwartalen
from schakelpunt.signalen.models import Signaal
from schakelpunt.signalen.tests.factories import SignaalFactory
from schakelpunt.taxonomie.models import Fenomeen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_bestuur_reads_the_figures_of_a_quarter(page, persona, browser_login):
    vorige = kwartalen(timezone.localdate())[1]
    fenomeen = Fenomeen.objects.filter(parent__isnull=True).order_by("naam").first()
    when = timezone.make_aware(datetime.datetime.combine(vorige.begin, datetime.time(12)))
    for _ in range(7):
        s = SignaalFactory(melder=persona("melder"))
        s.fenomenen.add(fenomeen)
        Signaal.objects.filter(pk=s.pk).update(ontvangen_op=when)
    browser_login(persona("bestuur"))
    page.page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Inzicht").click()
    page.page.wait_for_url("**/inzicht/")
    page.check()
    assert page.page.get_by_role(
        "heading", name=f"Signalen per fenomeen — {Kwartaal.van(timezone.localdate()).label}"
    ).is_visible()
    page.page.get_by_label("Kwartaal", exact=True).select_option(vorige.code)
    page.page.get_by_role("button", name="Tonen").click()
    page.page.wait_for_url(f"**/inzicht/?kwartaal={vorige.code}")
    page.check()
    tabel = page.page.get_by_role("table", name=f"Signalen per fenomeen — {vorige.label}")
    assert tabel.get_by_role("row", name=f"{fenomeen.naam} 7 0 0 7").is_visible()
    page.page.screenshot(path="/tmp/inzicht-laptop.png", full_page=True)
    page.page.set_viewport_size({"width": 390, "height": 800})
    page.check()
    page.page.screenshot(path="/tmp/inzicht-phone.png", full_page=True)
