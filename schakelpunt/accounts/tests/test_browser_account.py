"""Browser tests of the account pages: password reset and change, lockout, two-factor reset."""

import re

import pytest
from django.conf import settings
from django.core import mail

from schakelpunt.testing.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "Een-heel-nieuw-wachtwoord-7"


def test_password_reset_by_mail(page, persona, live_server):
    user = persona("melder")
    page.goto("/account/inloggen/")
    page.page.get_by_role("link", name="Wachtwoord vergeten?").click()
    page.page.wait_for_url("**/wachtwoord/vergeten/")
    page.check()
    page.page.get_by_label("E-mailadres").fill(user.email)
    page.page.get_by_role("button", name="Versturen").click()
    page.page.wait_for_url("**/wachtwoord/verstuurd/")
    page.check()
    link = re.search(r"https?://[^/\s]+(/account/wachtwoord/herstellen/\S+)", mail.outbox[-1].body).group(1)
    page.goto(link)
    page.page.get_by_label("Nieuw wachtwoord", exact=True).fill("kort")
    page.page.get_by_label("Nieuw wachtwoord bevestigen").fill("kort")
    page.page.get_by_role("button", name="Versturen").click()
    page.page.get_by_text("te kort").wait_for()
    page.check()
    page.page.get_by_label("Nieuw wachtwoord", exact=True).fill(NEW_PASSWORD)
    page.page.get_by_label("Nieuw wachtwoord bevestigen").fill(NEW_PASSWORD)
    page.page.get_by_role("button", name="Versturen").click()
    page.page.wait_for_url("**/wachtwoord/hersteld/")
    page.check()
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_password_change(page, persona, browser_login):
    browser_login(persona("melder"))
    page.goto("/account/beveiliging/")
    page.page.get_by_role("link", name="Wachtwoord wijzigen").click()
    page.page.wait_for_url("**/wachtwoord/wijzigen/")
    page.check()
    page.page.get_by_label("Oud wachtwoord").fill(PASSWORD)
    page.page.get_by_label("Nieuw wachtwoord", exact=True).fill(NEW_PASSWORD)
    page.page.get_by_label("Nieuw wachtwoord bevestigen").fill(NEW_PASSWORD)
    page.page.get_by_role("button", name="Versturen").click()
    page.page.wait_for_url("**/wachtwoord/gewijzigd/")
    page.check()


def test_lockout_page(page, persona):
    user = persona("melder")
    page.goto("/account/inloggen/")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        page.page.get_by_label("Gebruikersnaam").fill(user.username)
        page.page.get_by_label("Wachtwoord").fill("verkeerd")
        page.page.get_by_role("button", name="Inloggen").click()
        page.page.wait_for_load_state()
    page.page.get_by_role("heading", name="Account tijdelijk geblokkeerd").wait_for()
    page.check()


def test_two_factor_reset_asks_for_password_first(page, persona, browser_login):
    browser_login(persona("beheerder"))
    page.goto("/account/beveiliging/")
    page.page.get_by_role("link", name="Nieuwe authenticator-app koppelen").click()
    page.page.wait_for_url("**/beveiliging/bevestigen/**")
    page.check()
    page.page.get_by_label("Uw wachtwoord").fill(PASSWORD)
    page.page.get_by_role("button", name="Bevestigen").click()
    page.page.wait_for_url("**/tweestaps-opnieuw/")
    page.check()
    page.page.get_by_role("button", name="Koppeling vervangen").click()
    page.page.wait_for_url("**/account/tweestaps/**")
    page.check()
    assert page.page.get_by_role("img", name="QR-code om tweestapsverificatie in te stellen").is_visible()


def test_password_reset_limit_page(page, persona, settings, live_server):
    settings.PASSWORD_RESET_PER_ACCOUNT = 1
    user = persona("melder")
    for _ in range(2):
        page.goto("/account/wachtwoord/vergeten/")
        page.page.get_by_label("E-mailadres").fill(user.email)
        page.page.get_by_role("button", name="Versturen").click()
        page.page.wait_for_load_state()
        if page.page.url.endswith("/verstuurd/"):
            page.check()
    page.page.get_by_role("heading", name="Te veel aanvragen").wait_for()
    page.check()
    assert len(mail.outbox) == 1
