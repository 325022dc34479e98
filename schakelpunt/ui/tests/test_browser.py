"""Browser tests of the foundation pages, each with an axe WCAG 2.1 AA check."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakelpunt.testing.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_page_and_wrong_password(page, persona):
    user = persona("melder")
    page.goto("/account/inloggen/")
    page.page.get_by_label("Gebruikersnaam").fill(user.username)
    page.page.get_by_label("Wachtwoord").fill("verkeerd")
    page.page.get_by_role("button", name="Inloggen").click()
    page.page.get_by_text("Gebruikersnaam of wachtwoord klopt niet").wait_for()
    page.check()
    # The username the user typed is still there.
    assert page.page.get_by_label("Gebruikersnaam").input_value() == user.username


def test_skip_link_moves_focus_to_main(page, persona, browser_login):
    browser_login(persona("melder"))
    page.page.keyboard.press("Tab")
    skip = page.page.get_by_role("link", name="Direct naar de inhoud")
    assert skip.evaluate("el => el === document.activeElement")
    page.page.keyboard.press("Enter")
    assert page.page.evaluate("document.activeElement.id") == "inhoud"


def test_melder_home_and_logout(page, persona, browser_login):
    browser_login(persona("melder"))
    assert page.page.get_by_role("heading", name="Melder", exact=True).is_visible()
    assert page.page.get_by_role("navigation", name="Hoofdmenu").is_visible()
    page.page.get_by_role("button", name="Uitloggen").click()
    page.page.wait_for_url("**/account/inloggen/")
    page.check()
    page.page.get_by_text("Je bent uitgelogd").wait_for()


def test_privacyfunctionaris_sets_up_two_factor_and_searches_the_log(page, persona):
    user = persona("privacyfunctionaris")
    page.goto("/account/inloggen/")
    page.page.get_by_label("Gebruikersnaam").fill(user.username)
    page.page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.page.get_by_role("button", name="Inloggen").click()
    page.page.wait_for_url("**/account/tweestaps/**")
    page.check()
    assert page.page.get_by_role("img", name="QR-code om tweestapsverificatie in te stellen").is_visible()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    page.page.get_by_label("Code uit je authenticator-app").fill(f"{totp(device.bin_key):06d}")
    page.page.get_by_role("button", name="Bevestigen").click()
    page.page.wait_for_url("**/")
    page.check()
    page.page.get_by_role("link", name="Toegangslog").first.click()
    page.page.wait_for_url("**/toegangslog/")
    page.check()
    page.page.get_by_label("Gebruiker (gebruikersnaam)").fill(user.username)
    page.page.get_by_role("button", name="Zoeken").click()
    page.page.wait_for_url("**/toegangslog/?**")
    page.check()
    assert page.page.get_by_role("cell", name="Inloggen").first.is_visible()


def test_beheerder_disables_a_user(page, persona, browser_login):
    target = persona("melder")
    browser_login(persona("beheerder"))
    page.goto("/beheer/")
    page.page.get_by_role("button", name=f"{target.username} uitschakelen").click()
    page.page.wait_for_url("**/beheer/")
    page.check()
    assert page.page.get_by_role("button", name=f"{target.username} activeren").is_visible()


def test_pages_work_at_320_px(page, persona, browser_login):
    page.page.set_viewport_size({"width": 320, "height": 640})
    browser_login(persona("melder"))
    width = page.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"horizontal scrolling at 320 px: {width}"
    page.goto("/account/beveiliging/")
    assert page.page.evaluate("document.documentElement.scrollWidth") <= 320


def test_idle_warning_appears_and_keeps_session(page, persona, browser_login, settings):
    settings.SESSION_IDLE_TIMEOUT = 6
    settings.SESSION_WARNING_BEFORE = 4
    browser_login(persona("melder"))
    dialog = page.page.get_by_role("alertdialog", name="Je sessie verloopt bijna")
    dialog.wait_for(timeout=5000)
    page.check()
    page.page.get_by_role("button", name="Ingelogd blijven").click()
    dialog.wait_for(state="hidden")
    assert "/account/inloggen/" not in page.page.url


def test_api_docs_page(page):
    page.goto("/api/v1/docs")
    assert page.page.get_by_role("cell", name="/api/v1/me").is_visible()


def test_notifications_from_the_navigation(page, persona, browser_login):
    from schakelpunt.notificaties.models import Notificatie

    user = persona("aandachtsfunctionaris")
    Notificatie.objects.create(ontvanger=user, onderwerp="Acuut signaal S-000001", url="/")
    browser_login(user)
    page.page.get_by_role("link", name="Notificaties 1 ongelezen").click()
    page.page.wait_for_url("**/notificaties/")
    page.check()
    page.page.get_by_role("button", name=re.compile(r"^Bekijken\s*: Acuut signaal S-000001")).click()
    page.page.wait_for_url(lambda url: "/notificaties/" not in url)
    page.check()
    assert Notificatie.objects.get(ontvanger=user).gelezen_op is not None
    assert page.page.get_by_role("link", name="Notificaties", exact=True).is_visible()
