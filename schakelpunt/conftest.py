"""Fixtures for every test: personas per role, logged-in clients and browser pages."""

import os

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakelpunt.accounts.roles import ALL_ROLES
from schakelpunt.testing.auth import login
from schakelpunt.testing.browser import CheckedPage, launch_browser
from schakelpunt.testing.factories import PASSWORD, UserFactory

# Playwright's sync API runs an event loop in the test thread; Django's ORM would refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def make_user(db):
    def _make(*roles, **kwargs):
        return UserFactory(roles=list(roles), **kwargs)

    return _make


@pytest.fixture
def persona(make_user):
    """A user per role, e.g. persona("melder"); persona(None) is a user without any role."""
    cache = {}

    def _persona(role):
        if role not in cache:
            # Fixed names: a random Faker surname could collide with the synthetic subjects a
            # test looks for (e.g. a persona called "Verbeek" next to the Verbeek family).
            name = role or "zonderrol"
            cache[role] = make_user(
                *([role] if role else []), username=name, first_name=name.capitalize(), last_name="Testpersona"
            )
        return cache[role]

    return _persona


@pytest.fixture
def client_as(client, persona):
    def _client_as(role):
        return login(client, persona(role))

    return _client_as


@pytest.fixture
def api_client_as(persona):
    from rest_framework.test import APIClient

    from schakelpunt.testing.auth import api_token_for

    def _api(role_or_user):
        user = persona(role_or_user) if isinstance(role_or_user, str | None) else role_or_user
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_for(user)}")
        return client

    return _api


@pytest.fixture(scope="session")
def _browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_browser(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(_browser, live_server):
    # Browser tests run in transactional tests, which flush the rows that migrations seeded.
    from schakelpunt.taxonomie.models import Fenomeen, Indicator, Levensdomein
    from schakelpunt.taxonomie.seeding import seed_taxonomie

    seed_taxonomie(Fenomeen, Levensdomein, Indicator)
    context = _browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    pw_page = context.new_page()
    checked = CheckedPage(pw_page)
    yield checked
    unchecked = checked.unchecked()
    context.close()
    assert not unchecked, f"pages visited without an accessibility check: {sorted(unchecked)}"


def totp_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="test", confirmed=True)


@pytest.fixture
def browser_login(page):
    """Log in through the real login form (and second factor when the role needs it)."""

    def _login(user, password: str = PASSWORD):
        page.goto("/account/inloggen/")
        page.page.get_by_label("Gebruikersnaam").fill(user.username)
        page.page.get_by_label("Wachtwoord").fill(password)
        page.page.get_by_role("button", name="Inloggen").click()
        if user.needs_two_factor:
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or totp_device(user)
            page.page.wait_for_url("**/account/tweestaps/**")
            page.check()
            page.page.get_by_label("Code uit uw authenticator-app").fill(f"{totp(device.bin_key):06d}")
            page.page.get_by_role("button", name="Bevestigen").click()
        page.page.wait_for_url(lambda url: "/account/" not in url)
        page.check()

    return _login


__all__ = ["ALL_ROLES", "PASSWORD"]
