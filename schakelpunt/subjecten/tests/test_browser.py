"""Browser check of the meldpunt's subject screens (axe WCAG 2.1 AA on every page)."""

import re

import pytest

from schakelpunt.signalen import services as signalen_services
from schakelpunt.subjecten.models import MogelijkeMatch
from schakelpunt.testing.factories import AfdelingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_meldpunt_confirms_a_mogelijke_match_and_sees_samenloop(page, persona, make_user, browser_login):
    def meld(afdeling, **p):
        melder = make_user("melder", afdeling=AfdelingFactory(naam=afdeling))
        signalen_services.signaal_create(
            actor=melder, omschrijving="Zorgen.", betrokkenen=[{"rol": "betrokkene", "geslachtsnaam": "El Amrani", **p}]
        )

    meld("Jeugd", voornamen="Mohamed", geboortejaar=1990, geboortemaand=3, geboortedag=14)
    meld("Leerplicht", voornamen="M.", geboortejaar=1990)
    match = MogelijkeMatch.objects.get()

    browser_login(persona("aandachtsfunctionaris"))
    p = page.page
    page.goto("/subjecten/mogelijke-matches/")
    p.get_by_label("Zelfde persoon: samenvoegen").check()
    p.get_by_label("Onderbouwing").fill("Zelfde geboortedatum volgens de school.")
    p.get_by_role("button", name="Vastleggen").click()
    p.get_by_text("De personen zijn samengevoegd").wait_for()
    page.check()
    match.refresh_from_db()
    assert match.status == "bevestigd"

    page.goto("/subjecten/samenloop/")
    assert p.get_by_text("2 signalen van 2 afdeling(en)").is_visible()
    page.goto(f"/subjecten/persoon/{match.kandidaat_id}/")
    assert p.get_by_role("heading", name="Mohamed El Amrani").is_visible()
    page.goto("/signalen/inbox/")
    assert p.get_by_text("Samenloop: 2 afdelingen").first.is_visible()


def test_a_colleague_finds_a_granted_person_from_the_notice_and_the_navigation(page, persona, browser_login):
    """Issue 10, "a grant nobody can find": the deelnemer is told, follows the link, finds the person again."""
    from schakelpunt.subjecten import services
    from schakelpunt.subjecten.tests.factories import PersoonFactory

    deelnemer = persona("deelnemer")
    persoon = PersoonFactory(voornamen="Zacharias", geslachtsnaam="Quist")
    services.subject_inzage_verlenen(
        actor=persona("aandachtsfunctionaris"), user=deelnemer, persoon=persoon, reden="Casusoverleg"
    )
    browser_login(deelnemer)
    p = page.page
    page.goto("/notificaties/")
    page.check()
    p.get_by_role("button", name=re.compile(r"^Bekijken")).click()
    p.get_by_role("heading", level=1, name="Zacharias Quist").wait_for()
    page.check()

    p.get_by_role("link", name="Mijn personen").click()
    p.get_by_role("heading", level=1, name="Mijn personen").wait_for()
    page.check()
    p.get_by_role("link", name="Zacharias Quist").click()
    p.get_by_role("heading", level=1, name="Zacharias Quist").wait_for()
