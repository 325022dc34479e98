"""Browser tests of the wegwijzer and its beheer, each page with an axe WCAG 2.1 AA check."""

import re

import pytest

from schakelpunt.taxonomie.models import Fenomeen, Indicator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_melder_browses_the_wegwijzer_and_opens_an_indicator(page, persona, browser_login):
    verzuim = Indicator.objects.get(code="schoolverzuim").naam
    geld = Indicator.objects.get(code="geldzorgen").naam
    fenomeen = Fenomeen.objects.get(code="mensenhandel-crimineel").naam
    browser_login(persona("melder"))
    page.page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Wegwijzer").click()
    page.page.wait_for_url("**/wegwijzer/")
    page.check()
    assert page.page.get_by_role("heading", name="Indicatoren per levensdomein").is_visible()

    # Live filtering (htmx): typing narrows the list without a page load.
    page.page.get_by_role("searchbox", name="Zoeken").fill("schoolverzuim")
    page.page.get_by_role("status").filter(has_text="gevonden").wait_for()
    page.page.wait_for_url(re.compile(r"zoek=schoolverzuim"))
    page.check()
    results = page.page.locator("#wegwijzer-resultaten")
    assert results.get_by_role("link", name=verzuim).is_visible()
    assert results.get_by_role("link", name=geld).count() == 0

    results.get_by_role("link", name=verzuim).click()
    page.page.wait_for_url("**/wegwijzer/indicator/schoolverzuim/")
    page.check()
    assert page.page.get_by_role("heading", name=verzuim, level=1).is_visible()
    assert page.page.get_by_role("heading", name="Wat kun je vragen?").is_visible()
    assert page.page.get_by_role("heading", name="Waar meld je?").is_visible()

    # From an indicator to the fenomeen it can point to.
    page.page.get_by_role("link", name=fenomeen, exact=True).click()
    page.page.wait_for_url("**/wegwijzer/fenomeen/mensenhandel-crimineel/")
    page.check()
    assert page.page.get_by_role("heading", name=fenomeen, level=1).is_visible()


def test_beheerder_edits_questions_and_retires_an_indicator(page, persona, browser_login):
    naam = Indicator.objects.get(code="schoolverzuim").naam
    browser_login(persona("beheerder"))
    page.page.get_by_role("link", name="Fenomenen en indicatoren").click()
    page.page.wait_for_url("**/wegwijzer/beheer/")
    page.check()

    page.page.get_by_role("link", name=naam, exact=True).click()
    page.page.wait_for_url("**/wegwijzer/beheer/indicator/schoolverzuim/")
    page.check()
    vragen = page.page.get_by_label("Vragen die je kunt stellen")
    vragen.fill("Sinds wanneer is uw kind niet op school?\nWie meldt uw kind ziek?")
    page.page.get_by_role("button", name="Opslaan").click()
    page.page.wait_for_url("**/wegwijzer/beheer/")
    page.check()
    assert page.page.get_by_text(f"{naam} is opgeslagen.").is_visible()
    assert Indicator.objects.get(code="schoolverzuim").vragen == [
        "Sinds wanneer is uw kind niet op school?",
        "Wie meldt uw kind ziek?",
    ]

    row = page.page.locator("#indicator-schoolverzuim")
    row.get_by_role("button", name=re.compile(r"^Uitzetten")).click()
    page.page.wait_for_url("**/wegwijzer/beheer/")
    page.check()
    assert row.get_by_text("uitgezet").is_visible()
    assert row.get_by_role("button", name=re.compile(rf"^Weer actief maken\W+{re.escape(naam)}$")).is_visible()
    assert Indicator.objects.get(code="schoolverzuim").actief is False

    # Gone from the wegwijzer, but its page still answers for old signals.
    page.goto("/wegwijzer/?zoek=schoolverzuim")
    assert page.page.locator("#wegwijzer-resultaten").get_by_role("link", name=naam).count() == 0
    page.goto("/wegwijzer/indicator/schoolverzuim/")
    assert page.page.get_by_text("blijft geldig op bestaande signalen").is_visible()


def test_beheerder_sees_dutch_errors_on_a_new_indicator(page, persona, browser_login):
    browser_login(persona("beheerder"))
    page.goto("/wegwijzer/beheer/indicator/nieuw/")
    page.page.get_by_label("Code").fill("Fout Code")
    page.page.get_by_role("button", name="Opslaan").click()
    page.page.get_by_role("alert").filter(has_text="Het formulier bevat fouten").wait_for()
    page.check()
    assert page.page.get_by_text("Vul een naam in.").is_visible()
    assert page.page.get_by_text("Kies een levensdomein.").is_visible()
