"""Browser tests for the places where a professional stumbled (issue "werkplek", section Broken).

Each test failed before its fix; every page state is checked with axe.
"""

import re

import pytest

from schakelpunt.signalen.constants import Status
from schakelpunt.signalen.models import Concept, Signaal
from schakelpunt.signalen.tests.factories import BetrokkeneFactory, SignaalFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _style(locator, prop: str) -> str:
    return locator.evaluate("(el, prop) => getComputedStyle(el).getPropertyValue(prop)", prop)


def test_select_toont_een_pijltje_en_een_leeg_verplicht_veld_is_niet_rood(page, persona, browser_login):
    p = page.page
    browser_login(persona("melder"))
    page.goto("/signalen/nieuw/")
    rol = p.locator("select[name='betrokkenen-0-rol']")
    assert "url(" in _style(rol, "background-image")  # the arrow that says "this opens"
    omschrijving = p.get_by_label("Wat heb je gezien of gehoord?")
    locatie = p.get_by_label("Waar?")
    # Nobody typed yet: the required field looks like any other field.
    assert _style(omschrijving, "border-top-color") == _style(locatie, "border-top-color")
    assert omschrijving.get_attribute("aria-invalid") is None


def test_na_een_fout_staat_de_focus_op_de_foutsamenvatting(page, persona, browser_login):
    p = page.page
    browser_login(persona("melder"))
    page.goto("/signalen/nieuw/")
    p.get_by_role("button", name="Signaal versturen").click()
    p.get_by_role("alert").filter(has_text="Controleer de volgende velden").wait_for()
    page.check()
    assert p.evaluate("document.activeElement.id") == "foutmeldingen"


def test_concept_wissen_vraagt_eerst_en_bewaart_tot_je_ja_zegt(page, persona, browser_login):
    p = page.page
    melder = persona("melder")
    browser_login(melder)
    page.goto("/signalen/nieuw/")
    p.get_by_label("Wat heb je gezien of gehoord?").fill("Een half verhaal dat ik niet kwijt wil.")
    p.get_by_role("button", name="Concept wissen").click()
    p.get_by_role("heading", name="Wil je dit concept echt wissen?").wait_for()
    page.check()
    assert p.get_by_text("Een half verhaal dat ik niet kwijt wil.").is_visible()
    assert Concept.objects.filter(user=melder).exists()
    p.get_by_role("link", name="Nee, terug naar mijn melding").click()
    p.wait_for_url("**/signalen/nieuw/")
    page.check()
    assert "half verhaal" in p.get_by_label("Wat heb je gezien of gehoord?").input_value()
    # And when the melder does mean it, it is gone.
    p.get_by_role("button", name="Concept wissen").click()
    p.get_by_role("button", name="Ja, wis het concept").click()
    p.get_by_text("Het concept is gewist.").wait_for()
    page.check()
    assert p.get_by_label("Wat heb je gezien of gehoord?").input_value() == ""


def test_opgeschaald_staat_er_een_keer(page, persona, browser_login):
    p = page.page
    signaal = SignaalFactory(status=Status.OPGESCHAALD, urgent=True)
    browser_login(persona("aandachtsfunctionaris"))
    page.goto(f"/signalen/{signaal.pk}/")
    assert p.locator("main .sp-badge", has_text="Opgeschaald").count() == 1
    page.goto("/signalen/inbox/")
    assert p.locator("main tbody .sp-badge", has_text="Opgeschaald").count() == 1


def test_bij_een_wijzigingsconflict_blijft_je_tekst_staan(page, persona, browser_login):
    """Two tabs on one signal: triage saved in one, then in the other."""
    p = page.page
    signaal = SignaalFactory(melder=persona("melder"))
    BetrokkeneFactory(signaal=signaal)
    browser_login(persona("aandachtsfunctionaris"))
    page.goto(f"/signalen/{signaal.pk}/")
    tweede_tab = p.context.new_page()
    tweede_tab.goto(f"/signalen/{signaal.pk}/")

    p.get_by_label("In behandeling nemen").check()
    p.get_by_label("Onderbouwing").fill("Eerste tab: neem het op.")
    p.get_by_role("button", name="Opslaan en bericht sturen").click()
    p.get_by_text("De melder heeft je bericht ontvangen.").wait_for()
    page.check()

    tweede_tab.get_by_label("Opschalen").check()
    tweede_tab.get_by_label("Onderbouwing").fill("Tweede tab: dit moet vandaag nog naar de casusregisseur.")
    tweede_tab.get_by_label("Bericht aan de melder").fill("Mijn eigen bericht aan de melder, met zorg geschreven.")
    tweede_tab.get_by_role("button", name="Opslaan en bericht sturen").click()
    tweede_tab.get_by_role("alert").filter(has_text="Iemand anders heeft dit signaal intussen gewijzigd").wait_for()
    page.page = tweede_tab
    page.check()
    assert "vandaag nog" in tweede_tab.get_by_label("Onderbouwing").input_value()
    assert "met zorg geschreven" in tweede_tab.get_by_label("Bericht aan de melder").input_value()
    assert tweede_tab.get_by_label("Opschalen").is_checked()
    assert tweede_tab.evaluate("document.activeElement.id") == "conflict"
    # Saving again, now knowingly, works.
    tweede_tab.get_by_role("button", name="Opslaan en bericht sturen").click()
    tweede_tab.get_by_text("De melder heeft je bericht ontvangen.").wait_for()
    page.check()
    signaal.refresh_from_db()
    assert signaal.status == Status.OPGESCHAALD
    page.page = p


def test_bij_een_conflict_op_een_afgesloten_signaal_blijft_je_tekst_te_kopieren(page, persona, browser_login):
    p = page.page
    signaal = SignaalFactory(melder=persona("melder"))
    browser_login(persona("aandachtsfunctionaris"))
    page.goto(f"/signalen/{signaal.pk}/")
    Signaal.objects.filter(pk=signaal.pk).update(status=Status.AFGESLOTEN, is_open=False, versie=2)
    p.get_by_label("In behandeling nemen").check()
    p.get_by_label("Onderbouwing").fill("Niemand zag dat het al dicht was.")
    p.get_by_role("button", name="Opslaan en bericht sturen").click()
    p.get_by_role("alert").filter(has_text="Iemand anders heeft dit signaal intussen gewijzigd").wait_for()
    page.check()
    assert p.get_by_label("Onderbouwing").input_value() == "Niemand zag dat het al dicht was."


def test_samenloop_zegt_in_het_nederlands_naast_het_veld_wat_er_mist(page, persona, browser_login):
    from schakelpunt.subjecten.models import SamenloopAlert
    from schakelpunt.subjecten.tests.factories import PersoonFactory

    p = page.page
    SamenloopAlert.objects.create(soort="persoon", persoon=PersoonFactory(), aantal_signalen=2, aantal_afdelingen=2)
    browser_login(persona("aandachtsfunctionaris"))
    page.goto("/subjecten/samenloop/")
    p.get_by_role("button", name="Afhandelen").first.click()
    melding = p.get_by_text("Schrijf op wat er met de samenloop is gedaan.")
    melding.wait_for()
    page.check()
    veld = p.get_by_label("Wat is ermee gedaan?")
    assert veld.get_attribute("aria-invalid") == "true"
    assert p.evaluate("document.activeElement.name") == "toelichting"
    assert p.url.endswith("/subjecten/samenloop/")  # nothing was sent


def test_opschalen_leidt_niet_tegen_een_muur(page, persona, browser_login):
    """The aandachtsfunctionaris escalates to a casusregisseur, who clicks "Bekijken" and can read it."""
    p = page.page
    signaal = SignaalFactory(melder=persona("melder"), omschrijving="Kind wordt 's nachts opgehaald.")
    BetrokkeneFactory(signaal=signaal, voornamen="Noor", geslachtsnaam="Proefkind")
    regisseur = persona("casusregisseur")
    browser_login(persona("aandachtsfunctionaris"))
    page.goto(f"/signalen/{signaal.pk}/")
    p.get_by_label("Opschalen").check()
    p.get_by_label("Onderbouwing").fill("Vandaag nog naar de casusregisseur.")
    p.get_by_label(regisseur.display_name()).check()
    p.get_by_role("button", name="Opslaan en bericht sturen").click()
    p.get_by_text("De melder heeft je bericht ontvangen.").wait_for()
    page.check()
    assert p.get_by_text("Wie dit signaal ook mag lezen").is_visible()
    p.get_by_role("button", name="Uitloggen").click()
    p.wait_for_url("**/account/inloggen/**")
    page.check()

    browser_login(regisseur)
    page.goto("/notificaties/")
    p.get_by_role("button", name="Bekijken").first.click()
    p.wait_for_url(f"**/signalen/{signaal.pk}/")
    page.check()
    assert p.get_by_role("heading", name=f"Signaal {signaal.nummer}").is_visible()
    assert p.get_by_text("Kind wordt 's nachts opgehaald.").is_visible()
    assert p.get_by_text("naar je heeft opgeschaald").is_visible()


def test_triage_toont_alleen_wat_de_gekozen_actie_nodig_heeft(page, persona, browser_login):
    p = page.page
    persona("casusregisseur")
    signaal = SignaalFactory(melder=persona("melder"))
    browser_login(persona("aandachtsfunctionaris"))
    page.goto(f"/signalen/{signaal.pk}/")
    triage = p.locator("#triage-form")
    assert "niet verplicht" not in triage.text_content()
    vraag, reden = p.get_by_label("Vraag aan de melder"), p.get_by_label("Reden van afsluiten")
    collegas = p.get_by_role("group", name="Collega's direct op de hoogte brengen")
    assert not vraag.is_visible() and not reden.is_visible() and not collegas.is_visible()
    p.get_by_label("Afsluiten met een reden").check()
    assert reden.is_visible() and not vraag.is_visible() and not collegas.is_visible()
    page.check()
    p.get_by_label("Melder om meer informatie vragen").check()
    assert vraag.is_visible() and not reden.is_visible()
    p.get_by_label("Opschalen").check()
    assert collegas.is_visible() and not vraag.is_visible()
    page.check()
    # A required field left empty comes back visible, with its message beside it.
    p.get_by_label("Afsluiten met een reden").check()
    p.get_by_label("Onderbouwing").fill("Geen vervolg.")
    p.get_by_role("button", name="Opslaan en bericht sturen").click()
    p.get_by_role("alert").filter(has_text="Controleer de volgende velden").wait_for()
    page.check()
    assert reden.is_visible() and p.get_by_text("Kies een reden om af te sluiten.").first.is_visible()


def test_nummers_breken_niet_lange_woorden_blijven_in_hun_cel_en_datums_in_woorden(page, persona, browser_login):
    p = page.page
    signaal = SignaalFactory(melder=persona("melder"))
    BetrokkeneFactory(
        signaal=signaal,
        voornamen="Noor",
        geslachtsnaam="Proefkind-Langenaamsmaverbindingswegbewonersverenigingsbestuursvergaderingsnotulen",
        geboortejaar=2014,
        geboortemaand=3,
        geboortedag=12,
    )
    browser_login(persona("aandachtsfunctionaris"))
    p.set_viewport_size({"width": 390, "height": 800})
    page.goto("/signalen/inbox/")
    nummer = p.get_by_role("link", name=signaal.nummer)
    assert nummer.evaluate("el => el.getClientRects().length") == 1  # one line, not "S-" and "000001"
    assert p.get_by_text("Noor Proefkind-Langenaamsma").is_visible()  # who it is about
    page.goto(f"/signalen/{signaal.pk}/")
    assert p.get_by_text("Geboren: 12 maart 2014").is_visible()
    # On a laptop the long name breaks inside its cell: no table sticks out of the page.
    p.set_viewport_size({"width": 1366, "height": 800})
    te_breed = "[...document.querySelectorAll('.sp-table-wrap')].filter(w => w.scrollWidth > w.clientWidth + 1).length"
    for url in (f"/signalen/{signaal.pk}/", "/signalen/inbox/"):
        page.goto(url)
        assert p.evaluate(te_breed) == 0, url


def test_inbox_samenloop_badge_leidt_naar_de_melding(page, persona, browser_login):
    from schakelpunt.subjecten.models import SamenloopAlert
    from schakelpunt.subjecten.tests.factories import PersoonFactory

    p = page.page
    signaal = SignaalFactory(melder=persona("melder"))
    alert = SamenloopAlert.objects.create(
        soort="persoon", persoon=PersoonFactory(), aantal_signalen=2, aantal_afdelingen=2
    )
    alert.signalen.add(signaal)
    browser_login(persona("aandachtsfunctionaris"))
    page.goto("/signalen/inbox/")
    p.get_by_role("link", name=f"Samenloop: 2 afdelingen bij signaal {signaal.nummer}").click()
    p.wait_for_url(f"**/subjecten/samenloop/#samenloop-{alert.pk}")
    page.check()
    assert p.locator(f"#samenloop-{alert.pk}").is_visible()


def test_toegangslog_tabel_heeft_ruimte(page, persona, browser_login):
    p = page.page
    browser_login(persona("privacyfunctionaris"))
    page.goto("/toegangslog/")
    p.get_by_role("button", name="Zoeken").click()
    p.locator("table tbody td").first.wait_for()
    page.check()
    cel = p.locator("table tbody td").first
    assert float(_style(cel, "padding-left").removesuffix("px")) >= 8
    tijd = p.locator("table tbody tr").first.locator("td").nth(1).inner_text()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", tijd)  # the log's exact UTC moment
