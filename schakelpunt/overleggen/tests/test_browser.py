"""Browser test: the meldpunt plans a meeting, holds it with two casussen, closes it and approves the verslag."""

from importlib import import_module

import pytest
from django.apps import apps

from schakelpunt.overleggen.models import Overleg, Verslag

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _besluit(p, punt_id, soort, **velden):
    form = p.locator(f"form:has(input[name=punt][value='{punt_id}']):has(input[name=actie][value=besluit])")
    form.get_by_label("Besluit", exact=True).select_option(soort)
    form.get_by_label("Overwegingen").fill(velden["overwegingen"])
    if soort == "melden":
        form.get_by_label("Gaan we melden?").select_option(velden["melden"])
        form.get_by_label("Aan partner").select_option(velden.get("partner", ""))
    else:
        form.get_by_label("Of regie bij partner").select_option(velden["partner"])
    form.get_by_role("button", name="Besluit vastleggen").click()
    p.get_by_text("Besluit vastgelegd in de casus.").wait_for()


def test_plan_hold_close_and_approve(page, persona, browser_login, maak_casus):
    import_module("schakelpunt.casussen.migrations.0002_fasen").seed(apps, None)
    a, b = maak_casus("Casus A", "Anna"), maak_casus("Casus B", "Bram")
    af = persona("aandachtsfunctionaris")
    browser_login(af)
    p = page.page
    page.goto("/overleggen/")
    page.check()
    p.get_by_role("link", name="Overleg plannen of opschalen").click()
    page.check()
    p.get_by_label("Soort").select_option("adhoc")
    p.get_by_label("Begin").fill("2099-03-01T09:00")
    p.get_by_label("Einde").fill("2099-03-01T08:00")  # before the start: a message beside the field
    p.get_by_role("button", name="Plannen").click()
    p.get_by_text("Het einde moet na het begin liggen.").first.wait_for()
    page.check()
    p.get_by_label("Einde").fill("2099-03-01T10:00")
    p.get_by_role("button", name="Plannen").click()
    p.wait_for_url("**/overleggen/*/")
    page.check()
    for casus in (a, b):
        p.get_by_label("Casusnummer").fill(str(casus.pk))
        p.get_by_label("Deelnemers voor dit punt").fill(persona("deelnemer").username)
        p.get_by_role("button", name="Op de agenda zetten").click()
        p.get_by_text("Agendapunt toegevoegd").wait_for()
    page.check()
    overleg = Overleg.objects.get()
    punten = list(overleg.agendapunten.order_by("pk"))
    p.get_by_label(persona("deelnemer").display_name()).check()
    p.get_by_role("button", name="Aanwezigheid opslaan").click()
    p.get_by_text("Aanwezigheid vastgelegd.").wait_for()
    p.get_by_role("button", name="Overleg sluiten").click()  # not decided yet: refused with the reason
    p.get_by_text("Nog niet besloten over").wait_for()
    page.check()
    for punt in punten:
        _besluit(p, punt.pk, "melden", overwegingen="Signalen wijzen op uitbuiting.", melden="ja", partner="politie")
        _besluit(p, punt.pk, "regie", overwegingen="Politie neemt het over.", partner="politie")
    page.check()
    p.get_by_role("button", name="Overleg sluiten").click()
    p.get_by_text("Het overleg is gesloten").wait_for()
    p.get_by_role("link", name="Verslag").click()
    page.check()
    p.get_by_role("button", name="Verslag vaststellen").click()
    p.get_by_text("Het verslag is vastgesteld").wait_for()
    page.check()
    assert Verslag.objects.get().status == "vastgesteld"
    p.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"/overleggen/{overleg.pk}/")
    page.check()
    p.screenshot(path="/tmp/overleg-phone.png", full_page=True)
