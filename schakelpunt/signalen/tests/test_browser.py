"""Browser journey: a melder reports (validation error, draft across a logout), the meldpunt triages,
the melder reads the terugkoppeling.

Every page gets an axe WCAG 2.1 AA check.
"""

import pytest
from django.urls import NoReverseMatch, reverse

from schakelpunt.signalen.models import Signaal
from schakelpunt.signalen.tests.conftest import GELDIG_BSN, ONGELDIG_BSN
from schakelpunt.taxonomie.models import Indicator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _guidance_available() -> bool:
    try:
        reverse("taxonomie:guidance", kwargs={"soort": "indicator", "code": "x"})
    except NoReverseMatch:
        return False
    return True


def _logout(page):
    page.page.get_by_role("button", name="Uitloggen").click()
    page.page.wait_for_url("**/account/inloggen/**")
    page.check()


def test_report_triage_and_terugkoppeling(page, persona, browser_login, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    melder = persona("melder")
    p = page.page

    # 1. The melder starts a report; the draft is kept while typing.
    browser_login(melder)
    p.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Signaal melden").click()
    p.wait_for_url("**/signalen/nieuw/")
    page.check()
    assert p.get_by_text("Acuut gevaar? Bel eerst 112.").is_visible()
    p.get_by_label("Wat heb je gezien of gehoord?").fill("Acht volwassenen op één adres; één man houdt de paspoorten.")
    p.locator("#concept-status").filter(has_text="Concept bewaard").wait_for()

    # Choosing an indicator shows its guidance beside the form (the wegwijzer's partial).
    if _guidance_available():
        indicator = Indicator.objects.filter(actief=True).first()
        p.get_by_label(indicator.naam, exact=True).check()
        p.locator("#wegwijzer-hulp").filter(has_text=indicator.naam).wait_for()
        page.check()

    # At 320 px nothing scrolls sideways.
    p.set_viewport_size({"width": 320, "height": 800})
    assert p.evaluate("document.documentElement.scrollWidth") <= 320
    p.set_viewport_size({"width": 1280, "height": 900})

    # 2. Logged out (as after a timeout) and back in: the draft is still there.
    _logout(page)
    browser_login(melder)
    page.goto("/signalen/nieuw/")
    assert "paspoorten" in p.get_by_label("Wat heb je gezien of gehoord?").input_value()

    # 3. A validation error in Dutch next to the field; nothing typed disappears.
    p.get_by_label("Achternaam").fill("Proefpersoon")
    p.get_by_label("BSN").fill(ONGELDIG_BSN)
    p.get_by_role("button", name="Signaal versturen").click()
    p.get_by_role("alert").filter(has_text="Controleer de volgende velden").wait_for()
    page.check()
    assert p.get_by_text("Dit is geen geldig BSN: het voldoet niet aan de elfproef.").first.is_visible()
    assert p.get_by_label("Achternaam").input_value() == "Proefpersoon"
    assert "paspoorten" in p.get_by_label("Wat heb je gezien of gehoord?").input_value()
    p.get_by_label("BSN").fill(GELDIG_BSN)
    p.get_by_role("button", name="Signaal versturen").click()
    p.wait_for_url("**/signalen/*/")
    page.check()
    signaal = Signaal.objects.get()
    assert p.get_by_text(f"Je signaal {signaal.nummer} is verstuurd").is_visible()
    _logout(page)

    # 4. The aandachtsfunctionaris finds it in the inbox and asks for more information.
    browser_login(persona("aandachtsfunctionaris"))
    p.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Inbox meldpunt").click()
    p.wait_for_url("**/signalen/inbox/")
    page.check()
    p.get_by_role("link", name=signaal.nummer).click()
    p.wait_for_url(f"**/signalen/{signaal.pk}/")
    page.check()
    assert p.get_by_text(melder.display_name()).first.is_visible()  # melder identity for the meldpunt
    p.get_by_label("Melder om meer informatie vragen").check()
    assert "vragen" in p.get_by_label("Bericht aan de melder").input_value()  # template filled in
    p.get_by_label("Onderbouwing").fill("Mogelijk arbeidsuitbuiting; eerst meer weten over de woning.")
    p.get_by_label("Vraag aan de melder").fill("Hoe vaak heb je dit gezien?")
    p.get_by_role("button", name="Opslaan en bericht sturen").click()
    p.get_by_text("De melder heeft je bericht ontvangen.").wait_for()
    page.check()
    _logout(page)

    # 5. The melder reads the terugkoppeling in Mijn signalen and answers.
    browser_login(melder)
    p.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mijn signalen").click()
    p.wait_for_url("**/signalen/mijn/")
    page.check()
    assert p.get_by_text("Er is een vraag voor je").is_visible()
    p.get_by_role("link", name=signaal.nummer).click()
    p.wait_for_url(f"**/signalen/{signaal.pk}/")
    page.check()
    assert p.get_by_text("Hoe vaak heb je dit gezien?").is_visible()
    assert p.get_by_text("eerst meer weten over de woning").count() == 0  # the rationale stays internal
    p.get_by_label("Wat wil je toevoegen?").fill("Drie keer in twee weken.")
    p.get_by_role("button", name="Antwoord versturen").click()
    p.get_by_text("Je aanvulling is toegevoegd").wait_for()
    page.check()
    signaal.refresh_from_db()
    assert signaal.status == "in_behandeling"
