"""Browser: a melder asks advice, the meldpunt answers, the melder reads it and turns it into a signal."""

import re

import pytest

from schakelpunt.adviesvragen.models import Adviesvraag

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_advies_vragen_answer_and_turn_into_a_signal(page, persona, browser_login):
    melder, af = persona("melder"), persona("aandachtsfunctionaris")
    browser_login(melder)
    page.page.get_by_role("link", name="Advies vragen").first.click()
    page.page.wait_for_url("**/advies/nieuw/")
    page.check()
    # Identifying data is refused beside the field, the text kept.
    page.page.get_by_label("Wat zie je?").fill("Kind komt niet op school, moeder belt vanaf 06-12345678.")
    page.page.get_by_role("button", name="Vraag versturen").click()
    page.page.get_by_text("telefoonnummer").first.wait_for()
    page.check()
    page.page.get_by_label("Wat zie je?").fill("Een leerling van een jaar of tien blijft weken weg en oogt moe.")
    page.page.get_by_label("Wat wil je weten?").fill("Moet ik dit melden?")
    page.page.get_by_role("button", name="Vraag versturen").click()
    page.page.wait_for_url("**/advies/*/")
    page.check()
    vraag = Adviesvraag.objects.get()
    page.page.get_by_role("button", name="Uitloggen").click()
    page.page.wait_for_url("**/account/inloggen/")
    page.check()

    browser_login(af)
    page.page.get_by_role("link", name=re.compile(r"^Adviesvragen\s*: 1$")).click()
    page.page.wait_for_url("**/advies/")
    page.check()
    page.page.get_by_role("link", name=vraag.nummer).click()
    page.page.wait_for_url(f"**/advies/{vraag.pk}/")
    page.check()
    page.page.get_by_label("Je antwoord").fill("Ja, meld het: verzuim met vermoeidheid is een signaal.")
    page.page.get_by_label("Verwijs naar de wegwijzer").select_option(index=1)
    page.page.get_by_role("button", name="Antwoord versturen").click()
    page.page.wait_for_url("**/advies/")
    page.check()
    page.page.get_by_role("button", name="Uitloggen").click()
    page.page.wait_for_url("**/account/inloggen/")
    page.check()

    browser_login(melder)
    page.page.get_by_role("link", name="Mijn signalen").first.click()
    page.page.wait_for_url("**/signalen/mijn/")
    page.check()
    assert page.page.get_by_text("nieuw antwoord").is_visible()
    page.page.get_by_role("link", name=vraag.nummer).click()
    page.page.wait_for_url(f"**/advies/{vraag.pk}/")
    page.check()
    assert page.page.get_by_text("verzuim met vermoeidheid is een signaal").is_visible()
    page.page.get_by_role("button", name="Maak er een signaal van").click()
    page.page.wait_for_url("**/signalen/nieuw/")
    page.check()
    assert "blijft weken weg" in page.page.locator("textarea[name=omschrijving]").input_value()
