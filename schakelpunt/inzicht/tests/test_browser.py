"""Browser test of the inzicht page: bestuur picks a quarter and reads chart and table; axe on each state."""

import datetime

import pytest
from django.utils import timezone

from schakelpunt.inzicht import tellingen
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
    tellingen.opbouwen()  # written past the services (factories), as a bulk load would
    browser_login(persona("bestuur"))
    page.page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Inzicht").click()
    page.page.wait_for_url("**/inzicht/")
    page.check()
    page.page.get_by_role(
        "heading", name=f"Signalen per fenomeen — {Kwartaal.van(timezone.localdate()).label}"
    ).wait_for()
    page.page.get_by_label("Kwartaal", exact=True).select_option(vorige.code)
    page.page.get_by_role("button", name="Tonen").click()
    page.page.wait_for_url(f"**/inzicht/?kwartaal={vorige.code}")
    page.check()
    tabel = page.page.get_by_role("table", name=f"Signalen per fenomeen — {vorige.label}")
    assert tabel.get_by_role("row", name=f"{fenomeen.naam} 7 0 0 7").is_visible()
    for titel in (
        "Eerste beoordeling tegen de termijn",
        "Casussen per fase",
        "Doormeldingen per ketenpartner en stand",
        "Adviesvragen per fenomeen",
        "Adviesvragen die een signaal werden",
    ):
        assert page.page.get_by_role("table", name=f"{titel} — {vorige.label}").is_visible()
    assert page.page.get_by_role(
        "link", name=f"Kwartaalrapportage voor de burgemeester ({vorige.label}, PDF)"
    ).is_visible()
    page.page.screenshot(path="/tmp/inzicht-laptop.png", full_page=True)
    page.page.set_viewport_size({"width": 390, "height": 800})
    page.check()
    page.page.screenshot(path="/tmp/inzicht-phone.png", full_page=True)


def test_meldpunt_writes_a_trend_note_and_a_melder_reads_it(page, persona, browser_login):
    import datetime as dt

    browser_login(persona("aandachtsfunctionaris"))
    page.goto("/inzicht/trends/")
    page.check()
    page.page.get_by_role("link", name="Nieuwe trendnotitie").click()
    page.page.wait_for_url("**/inzicht/trends/nieuw/")
    page.check()
    page.page.get_by_role("button", name="Publiceren").click()  # empty: messages, focusable summary
    page.page.get_by_role("alert").wait_for()
    page.check()
    page.page.get_by_label("Titel").fill("Ronselen via berichtenapps")
    page.page.get_by_label("Wat speelt er?").fill("Jongeren worden met geld voor 'klusjes' benaderd.")
    page.page.get_by_label("Actueel tot").fill((dt.date.today() + dt.timedelta(days=60)).isoformat())
    page.page.get_by_role("button", name="Publiceren").click()
    page.page.wait_for_url("**/inzicht/trends/")
    page.check()
    assert page.page.get_by_role("heading", name="Ronselen via berichtenapps").is_visible()


def test_melder_follows_a_leerlijn_module(page, persona, browser_login):
    from importlib import import_module

    from django.apps import apps

    from schakelpunt.inzicht.models import Module

    # transaction=True flushes the data migration's modules: put them back the same way.
    import_module("schakelpunt.inzicht.migrations.0002_leerlijn_modules").create(apps, None)
    module = Module.objects.get(slug="de-meldroute")
    vraag = module.vragen.first()
    browser_login(persona("melder"))
    page.goto("/inzicht/leerlijn/")
    page.check()
    page.page.get_by_role("link", name="De meldroute", exact=False).first.click()
    page.page.wait_for_url("**/inzicht/leerlijn/de-meldroute/")
    page.check()
    page.page.get_by_label(vraag.opties[vraag.juist]).check()
    page.page.get_by_role("button", name="Controleren").click()
    page.page.get_by_text("deze module is afgerond").wait_for()
    page.check()
    page.page.set_viewport_size({"width": 390, "height": 800})
    page.page.screenshot(path="/tmp/module-phone.png", full_page=True)
    page.goto("/inzicht/leerlijn/")
    assert page.page.get_by_text("Je hebt 1 van de 4 modules afgerond.").is_visible()


def test_beheerder_edits_a_module_and_sees_participation_and_retention(page, persona, browser_login):
    from importlib import import_module

    from django.apps import apps

    import_module("schakelpunt.inzicht.migrations.0002_leerlijn_modules").create(apps, None)
    import_module("schakelpunt.privacy.migrations.0002_bewaartermijnen").create(apps, None)
    browser_login(persona("beheerder"))
    page.goto("/inzicht/leerlijn/beheer/")
    page.check()
    assert page.page.get_by_role("table", name="Afgeronde modules per afdeling").is_visible()
    page.goto("/inzicht/leerlijn/beheer/de-meldroute/")
    page.check()
    page.page.get_by_label("Samenvatting").fill("")
    page.page.get_by_role("button", name="Opslaan").click()
    page.page.get_by_role("alert").first.wait_for()
    page.check()
    page.page.get_by_label("Samenvatting").fill("Wanneer meld je, en wanneer bel je 112.")
    page.page.get_by_role("button", name="Opslaan").click()
    page.page.wait_for_url("**/leerlijn/beheer/")
    page.check()
    page.page.set_viewport_size({"width": 390, "height": 800})
    page.page.screenshot(path="/tmp/leerlijn-beheer-phone.png", full_page=True)
    page.goto("/privacy/bewaartermijnen/")
    page.check()
    page.page.screenshot(path="/tmp/bewaartermijnen-phone.png", full_page=True)
