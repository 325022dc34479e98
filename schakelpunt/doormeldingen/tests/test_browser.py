"""Browser test: the meldpunt composes a referral from a signal, previews it, re-authenticates and sends it."""

import pytest

from schakelpunt.doormeldingen.models import Doormelding, Verstrekking
from schakelpunt.testing.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_compose_preview_and_send_a_referral(page, persona, browser_login, partner, signaal, persoon):
    browser_login(persona("aandachtsfunctionaris"))
    page.goto(f"/doormeldingen/nieuw/?signaal={signaal.pk}")
    page.check()
    p = page.page
    p.get_by_role("button", name="Voorbeeld bekijken").click()  # nothing filled in: messages, text kept
    p.get_by_role("alert").first.wait_for()
    page.check()
    p.get_by_label("Ketenpartner").select_option(label="Politie")
    p.get_by_label("Grondslag").select_option(
        label="Taak van algemeen belang of openbaar gezag (AVG art. 6 lid 1 sub e)"
    )
    p.get_by_label("Reden").fill("Vermoeden van criminele uitbuiting van een minderjarige.")
    p.get_by_label("Markering geldt tot").fill("2099-01-01")
    p.get_by_role("group", name=f"Persoon {persoon.pk}: Lina Perrono").get_by_label("Naam").check()
    p.get_by_role("button", name="Voorbeeld bekijken").click()
    p.wait_for_url("**/doormeldingen/*/")
    page.check()
    voorbeeld = p.get_by_role("region", name="Voorbeeld: dit ontvangt de partner")
    assert voorbeeld.get_by_text("Lina Perrono").is_visible()
    assert voorbeeld.get_by_text("111222333").count() == 0
    p.get_by_label("Downloadlink met eenmalige code").check()
    p.get_by_role("button", name="Versturen aan Politie").click()
    p.wait_for_url("**/account/beveiliging/bevestigen/**")
    page.check()
    p.get_by_label("Wachtwoord").fill(PASSWORD)
    p.get_by_role("button", name="Bevestigen").click()
    p.wait_for_url("**/doormeldingen/*/")
    p.get_by_label("Downloadlink met eenmalige code").check()
    p.get_by_role("button", name="Versturen aan Politie").click()
    p.get_by_text("Geef de eenmalige code").wait_for()
    page.check()
    d = Doormelding.objects.get()
    assert d.status == "verstuurd" and Verstrekking.objects.filter(doormelding=d).count() == 1
    p.set_viewport_size({"width": 390, "height": 800})
    p.screenshot(path="/tmp/doormelding-phone.png", full_page=True)
    page.goto("/doormeldingen/verstrekkingen/")
    page.check()


def test_the_beheerder_configures_a_partner(page, persona, browser_login, partner):
    browser_login(persona("beheerder"))
    page.goto("/beheer/")
    p = page.page
    p.get_by_role("link", name="Ketenpartners: kennisgeving, grondslagen en markering").click()
    p.wait_for_url("**/doormeldingen/ketenpartners/")
    page.check()
    p.get_by_role("link", name="Ketenpartner toevoegen").click()
    p.get_by_role("button", name="Toevoegen").click()  # nothing filled in: messages next to the fields
    p.get_by_role("alert").first.wait_for()
    page.check()
    p.get_by_label("Code", exact=True).fill("rvdk")
    p.get_by_label("Naam", exact=True).fill("Raad voor de Kinderbescherming")
    p.get_by_label("E-mailadres voor de kennisgeving").fill("intake@rvdk.example")
    p.get_by_role("group", name="Toegestane grondslagen").get_by_role("checkbox").first.check()
    p.get_by_role("button", name="Toevoegen").click()
    p.wait_for_url("**/doormeldingen/ketenpartners/")
    assert p.get_by_role("link", name="Raad voor de Kinderbescherming").is_visible()
    p.get_by_role("link", name="Politie").click()
    page.check()
    p.set_viewport_size({"width": 390, "height": 800})
    page.check()
    p.screenshot(path="/tmp/ketenpartner-phone.png", full_page=True)
