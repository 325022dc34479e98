"""Browser journey over the subject page and the network view (axe WCAG 2.1 AA after every step).

The aandachtsfunctionaris opens the child from a signal, sees the family network, expands it one
step (htmx), follows a relative by keyboard, and uses the table alternative to come back.
Set SCREENSHOT_DIR to keep screenshots of the page at 1280 and 320 pixels wide.
"""

import os
import re
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from .test_pagina import familienetwerk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def screenshot(page, naam: str) -> None:
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{naam}.png"), full_page=True)


def test_meldpunt_follows_a_family_network(page, af, melder_bij, browser_login):
    familie = familienetwerk(af, melder_bij)
    browser_login(af)
    p = page.page
    fouten = []
    p.on("console", lambda msg: msg.type == "error" and fouten.append(msg.text))  # CSP refusals land here

    # From the signal of youth care to the child.
    page.goto(reverse("signalen:detail", args=[familie.signalen[1].pk]))
    p.get_by_role("link", name=re.compile(r"^Daan Verbeek\W+pagina van de persoon")).click()
    p.wait_for_url(f"**{reverse('subjecten:persoon', args=[familie.kind.pk])}")
    page.check()
    assert p.get_by_role("heading", level=1, name="Daan Verbeek").is_visible()
    grafiek = p.locator("svg.sp-netwerk__svg")
    assert grafiek.get_attribute("role") == "group"
    assert grafiek.get_by_role("link", name=re.compile(r"^Persoon: Sandra Verbeek, geboren 1984")).is_visible()
    assert grafiek.get_by_role("link", name=re.compile(r"^Persoon: Kees")).count() == 0
    screenshot(p, "subject-1280")

    # One step further, without reloading the page.
    pagina_url = p.url
    p.get_by_role("link", name="Eén stap verder").click()
    grafiek.get_by_role("link", name=re.compile(r"^Persoon: Kees Verbeek")).wait_for()
    assert p.url == pagina_url
    assert p.locator("#netwerk-status").text_content().startswith("Netwerk tot 2 stappen")
    assert p.locator("#netwerk-stappen").input_value() == "2"
    page.check()
    # Back to one step with the select and the button: the uncle is gone again.
    p.get_by_label("Stappen vanaf Daan Verbeek").select_option("1")
    p.get_by_role("button", name="Toon netwerk").click()
    p.locator("#netwerk-status").get_by_text("Netwerk tot 1 stap").wait_for(state="attached")
    assert grafiek.get_by_role("link", name=re.compile(r"^Persoon: Kees")).count() == 0
    expect(p.locator("#netwerk-tonen")).to_be_focused()  # focus stays (no eval: the CSP forbids it)
    p.get_by_role("link", name="Eén stap verder").click()
    grafiek.get_by_role("link", name=re.compile(r"^Persoon: Kees Verbeek")).wait_for()
    page.check()

    # The screen reader status and the keyboard: Tab to the mother, Enter.
    p.locator("#netwerk-stappen").focus()
    for _ in range(40):
        p.keyboard.press("Tab")
        label = p.evaluate("document.activeElement.getAttribute('aria-label') || ''")
        if label.startswith("Persoon: Sandra Verbeek"):
            break
    else:
        pytest.fail("the mother's node cannot be reached with Tab")
    p.keyboard.press("Enter")
    p.wait_for_url(f"**{reverse('subjecten:persoon', args=[familie.moeder.pk])}")
    page.check()
    assert p.get_by_role("heading", level=1, name="Sandra Verbeek").is_visible()

    # The table alternative: the same network as rows, with links.
    p.get_by_text("Netwerk als tabel").click()
    tabel = p.get_by_role("table", name="Subjecten in het netwerk")
    assert tabel.is_visible()
    assert p.get_by_role("table", name="Relaties").get_by_role("cell", name="ouder van").first.is_visible()
    page.check()
    tabel.get_by_role("link", name="Daan Verbeek (2013-05-02)").click()
    p.wait_for_url(f"**{reverse('subjecten:persoon', args=[familie.kind.pk])}")
    page.check()

    # Show the BSN (htmx, logged); focus lands on the number.
    p.get_by_role("link", name="Toon BSN").click()
    p.locator("#bsn-waarde .sp-mono").get_by_text(familie.kind.bsn).wait_for()
    expect(p.locator("#bsn-waarde")).to_be_focused()
    page.check()

    # The same page on a narrow screen: no horizontal scrolling of the page itself.
    p.set_viewport_size({"width": 320, "height": 900})
    page.goto(reverse("subjecten:persoon", args=[familie.kind.pk]))
    assert p.evaluate("document.documentElement.scrollWidth") <= 320
    screenshot(p, "subject-320")
    assert not fouten, fouten


def test_relation_form_in_the_browser(page, af, melder_bij, browser_login):
    familie = familienetwerk(af, melder_bij)
    browser_login(af)
    p = page.page
    page.goto(reverse("subjecten:persoon", args=[familie.kind.pk]))
    # Nothing chosen: Dutch errors, linked to the fields.
    p.get_by_role("button", name="Relatie vastleggen").click()
    p.get_by_role("alert").get_by_text("Kies een soort relatie.").wait_for()
    page.check()
    p.get_by_label("Soort relatie").select_option("familie")
    p.get_by_label("Het andere subject is").check()
    p.get_by_label("Of: persoonsnummer").fill(str(familie.oom.pk))
    p.get_by_label("Bron of toelichting").fill("Volgens de jeugdconsulent")
    p.get_by_role("button", name="Relatie vastleggen").click()
    p.get_by_text("Relatie vastgelegd: Kees Verbeek familie van Daan Verbeek.").wait_for()
    page.check()
    assert p.locator("svg.sp-netwerk__svg").get_by_role("link", name=re.compile(r"^Persoon: Kees Verbeek")).is_visible()
