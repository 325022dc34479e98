"""Browser: one beheerder creates a user with a role that sees much, a second one approves it."""

import re

import pytest

from schakelpunt.accounts.models import Roltoewijzing

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_create_user_and_four_eyes_approval(page, persona, make_user, browser_login):
    eerste = persona("beheerder")
    tweede = make_user("beheerder", username="beheerder2", first_name="Bram", last_name="Tweede")
    browser_login(eerste)
    page.goto("/beheer/")
    page.page.get_by_role("link", name="Afdelingen").click()
    page.page.wait_for_url("**/beheer/afdelingen/")
    page.check()
    page.page.get_by_label("Naam van de afdeling").fill("Handhaving")
    page.page.get_by_role("button", name="Afdeling aanmaken").click()
    page.page.wait_for_url("**/beheer/afdelingen/")
    page.check()
    page.goto("/beheer/gebruikers/nieuw/")
    page.page.get_by_label("Gebruikersnaam").fill("boa1")
    page.page.get_by_label("Achternaam").fill("Handhaver")
    page.page.get_by_label("Afdeling").select_option(label="Handhaving")
    page.page.get_by_label("Melder", exact=True).check()
    page.page.get_by_label("Aandachtsfunctionaris (vier ogen", exact=False).check()
    page.page.get_by_role("button", name="Gebruiker aanmaken").click()
    # A role that sees much needs a reason: the message sits beside the field.
    page.page.get_by_text("Leg uit waarom").first.wait_for()
    page.check()
    page.page.get_by_label("Waarom heeft deze persoon deze rol nodig?").fill("Vervanging tijdens verlof")
    page.page.get_by_role("button", name="Gebruiker aanmaken").click()
    page.page.wait_for_url("**/beheer/gebruikers/*/")
    page.check()
    assert page.page.get_by_role("cell", name="Wacht op goedkeuring").is_visible()
    page.goto("/beheer/")
    assert page.page.get_by_text("Je hebt dit zelf voorgesteld").is_visible()
    page.page.get_by_role("button", name="Uitloggen").click()
    page.page.wait_for_url("**/account/inloggen/")
    page.check()

    browser_login(tweede)
    page.page.get_by_role("link", name=re.compile(r"^Rollen die op jouw goedkeuring wachten\s*: 1$")).click()
    page.page.wait_for_url("**/beheer/")
    page.check()
    page.page.get_by_role("button", name=re.compile(r"^Goedkeuren\s*: Aandachtsfunctionaris voor")).click()
    page.page.wait_for_url("**/beheer/")
    page.check()
    assert Roltoewijzing.objects.filter(user__username="boa1", rol="aandachtsfunctionaris").exists()
