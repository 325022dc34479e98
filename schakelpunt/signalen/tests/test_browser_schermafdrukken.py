"""Screenshots for a person to look at (laptop 1366 and phone 390 wide); only with SCHERMAFDRUKKEN=<dir>."""

import os

import pytest

from schakelpunt.signalen.models import SignaalInzage
from schakelpunt.signalen.tests.factories import BetrokkeneFactory, SignaalFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DOEL = os.environ.get("SCHERMAFDRUKKEN", "")


@pytest.mark.skipif(not DOEL, reason="alleen op verzoek: SCHERMAFDRUKKEN=<map>")
def test_schermafdrukken(page, persona, browser_login):
    p = page.page
    signaal = SignaalFactory(melder=persona("melder"), minderjarigen_betrokken=True)
    BetrokkeneFactory(signaal=signaal, voornamen="Noor", geslachtsnaam="Proefkind", geboortejaar=2014)
    BetrokkeneFactory(signaal=signaal, voornamen="Karel", geslachtsnaam="Proefvader-Langenaamsma-Wijdeveld")
    SignaalInzage.objects.create(
        signaal=signaal,
        user=persona("casusregisseur"),
        reden="Opgeschaald",
        verleend_door=persona("aandachtsfunctionaris"),
    )

    def shoot(naam: str) -> None:
        for breedte in (1366, 390):
            p.set_viewport_size({"width": breedte, "height": 900})
            p.screenshot(path=f"{DOEL}/{naam}-{breedte}.png", full_page=True)
            hoogte, stuk = p.evaluate("document.documentElement.scrollHeight"), 2000
            for i in range(0, hoogte, stuk):  # in pieces, readable when viewed
                clip = {"x": 0, "y": i, "width": breedte, "height": min(stuk, hoogte - i)}
                p.screenshot(path=f"{DOEL}/{naam}-{breedte}-{i // stuk}.png", full_page=True, clip=clip)

    browser_login(persona("melder"))
    page.goto("/signalen/nieuw/")
    shoot("nieuw")
    p.get_by_role("button", name="Signaal versturen").click()
    p.get_by_role("alert").first.wait_for()
    page.check()
    shoot("nieuw-fout")
    p.get_by_role("button", name="Nog een betrokkene toevoegen").click()
    p.locator("#betrokkene-2").wait_for()
    shoot("nieuw-twee")
    p.get_by_role("button", name="Uitloggen").click()
    p.wait_for_url("**/account/inloggen/**")
    page.check()
    browser_login(persona("aandachtsfunctionaris"))
    page.goto("/signalen/inbox/")
    shoot("inbox")
    page.goto(f"/signalen/{signaal.pk}/")
    shoot("detail")
