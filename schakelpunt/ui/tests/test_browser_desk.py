"""Browser: every role's desk passes axe; the meldpunt's desk leads to the acute signal and samenloop."""

import re

import pytest

from schakelpunt.signalen.services import signaal_create
from schakelpunt.subjecten.models import SamenloopAlert

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BSN = "999990019"


@pytest.mark.parametrize(
    "rol", ["melder", "casusregisseur", "deelnemer", "bestuur", "beheerder", "privacyfunctionaris"]
)
def test_desk_of_each_role(page, persona, browser_login, rol):
    browser_login(persona(rol))
    assert not page.page.get_by_text("Voor deze rol zijn nog geen taken ingericht").count()
    page.page.set_viewport_size({"width": 390, "height": 800})
    page.check()
    assert page.page.evaluate("document.documentElement.scrollWidth") <= 390


def test_meldpunt_desk_to_acute_signal_and_samenloop(page, persona, make_user, browser_login):
    from schakelpunt.accounts.models import Afdeling

    a = make_user("melder", afdeling=Afdeling.objects.create(naam="Werk en Inkomen"))
    b = make_user("melder", afdeling=Afdeling.objects.create(naam="Leerplicht"))
    signaal_create(
        actor=a, omschrijving="Zorgen", betrokkenen=[{"voornamen": "Jan", "geslachtsnaam": "Proef", "bsn": BSN}]
    )
    signaal_create(
        actor=b,
        omschrijving="Acuut",
        acuut_gevaar=True,
        betrokkenen=[{"voornamen": "Jan", "geslachtsnaam": "Proef", "bsn": BSN}],
    )
    alert = SamenloopAlert.objects.get()
    browser_login(persona("aandachtsfunctionaris"))
    page.page.get_by_role("link", name=re.compile(r"^Open samenloop\s*: 1$")).click()
    page.page.wait_for_url("**/subjecten/samenloop/")
    page.check()
    page.page.get_by_label("Waarom pak je deze signalen samen op?").fill("Zelfde persoon, twee afdelingen")
    page.page.get_by_role("button", name="Samen oppakken").click()
    page.page.wait_for_url("**/subjecten/samenloop/")
    page.check()
    alert.refresh_from_db()
    assert alert.status == "afgehandeld"
