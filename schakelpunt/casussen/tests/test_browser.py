"""Browser journey: the meldpunt opens a casus from a signal and walks it through the five steps to
monitoring; a participant sees it; every page gets an axe WCAG 2.1 AA check."""

import datetime
from importlib import import_module

import pytest
from django.apps import apps
from django.utils import timezone

from schakelpunt.casussen.models import Casus
from schakelpunt.signalen.services import signaal_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def fasen(page):
    # Transactional tests flush the rows the data migration seeded; seed them again the same way.
    import_module("schakelpunt.casussen.migrations.0002_fasen").seed(apps, None)


def _form(p, action_suffix):
    return p.locator(f"form[action$='{action_suffix}']")


def _fase(page, naar):
    p = page.page
    form = _form(p, "/fase/")
    form.get_by_label("Naar fase").select_option(label=naar)
    form.get_by_role("button", name="Fase wijzigen").click()
    p.wait_for_load_state()
    page.check()


def test_casus_through_the_five_steps(page, fasen, persona, browser_login):
    p = page.page
    af = persona("aandachtsfunctionaris")
    jeugd = persona("deelnemer")
    signaal = signaal_create(
        actor=persona("melder"),
        omschrijving="Leerling wekenlang afwezig, oogt erg vermoeid.",
        minderjarigen_betrokken=True,
        betrokkenen=[{"voornamen": "Noah", "geslachtsnaam": "Lindhout", "geboortejaar": 2014}],
    )

    # Step 1: from the signal page, open a casus.
    browser_login(af)
    page.goto(f"/signalen/{signaal.pk}/")
    p.get_by_role("link", name="Casus openen met dit signaal").click()
    p.wait_for_url("**/casussen/openen/**")
    page.check()
    p.get_by_label("Titel").fill("Zorgen om een leerling")
    p.get_by_role("button", name="Casus openen").click()
    p.wait_for_url("**/casussen/*/")
    page.check()
    casus = Casus.objects.get()
    assert p.get_by_role("heading", name="Gaan we melden?").is_visible()

    form = _form(p, "/deelnemers/")
    form.get_by_label("Collega of partner (gebruikersnaam)").fill(jeugd.username)
    form.get_by_role("button", name="Uitnodigen").click()
    p.wait_for_load_state()
    page.check()

    # Step 2: quickscan and the two decisions; the gate lets us through afterwards.
    _fase(page, "2. Uitvraag en quickscan")
    form = _form(p, "/quickscan/")
    form.get_by_label("Gezamenlijke probleemdefinitie").fill("Kind mogelijk crimineel uitgebuit.")
    form.get_by_label("Probleemeigenaar").fill("Zorg- en Veiligheidshuis")
    form.get_by_role("button", name="Quickscan opslaan").click()
    p.wait_for_load_state()
    page.check()
    for soort, extra in (("Wie heeft de regie?", {"Regie bij persoon": af.display_name()}), ("Gaan we melden?", {})):
        form = _form(p, "/besluiten/")
        form.get_by_label("Besluit", exact=True).select_option(label=soort)
        form.get_by_label("Overwegingen").fill("Besproken in het casusoverleg.")
        for label, value in extra.items():
            form.get_by_label(label).select_option(label=value)
        if soort == "Gaan we melden?":
            form.get_by_label("Gaan we melden?").select_option(label="Ja, melden")
            form.get_by_label("Aan partner").select_option(label="Politie")
        form.get_by_role("button", name="Besluit vastleggen").click()
        p.wait_for_load_state()
        page.check()
    assert p.get_by_text("Ja, melden: aan Politie").first.is_visible()

    # Step 3: a plan, approved; only then uitvoering.
    _fase(page, "3. Plan van aanpak")
    form = _form(p, "/plan/")
    form.get_by_label("Doelen").fill("Kind weer veilig naar school.")
    form.get_by_role("button", name="Plan opslaan").click()
    p.wait_for_load_state()
    page.check()
    p.get_by_role("button", name="Versie 1 goedkeuren").click()
    p.wait_for_load_state()
    page.check()
    _fase(page, "4. Uitvoering")

    # Step 4: an action.
    form = _form(p, "/acties/")
    form.get_by_label("Actie of interventie").fill("Huisbezoek met jeugdteam")
    form.get_by_label("Eigenaar").select_option(label=jeugd.display_name())
    form.get_by_label("Deadline").fill((timezone.localdate() + datetime.timedelta(days=7)).isoformat())
    form.get_by_role("button", name="Actie toevoegen").click()
    p.wait_for_load_state()
    page.check()

    # Step 5: evaluation, scaled down to monitoring.
    _fase(page, "5. Evaluatie en bestendiging")
    form = _form(p, "/evaluatie/")
    form.get_by_label("Per doel: hebben de interventies gewerkt?").fill("Kind gaat weer naar school.")
    form.get_by_label("Uitkomst").select_option(label="Afschalen naar monitoring")
    form.get_by_label("Monitoring door").select_option(label=jeugd.display_name())
    form.get_by_label("Monitoring tot").fill((timezone.localdate() + datetime.timedelta(days=90)).isoformat())
    form.get_by_label("Wat maakt dat we weer opschalen?").fill("Nieuw verzuim.")
    form.get_by_role("button", name="Evaluatie vastleggen").click()
    p.wait_for_load_state()
    page.check()
    casus.refresh_from_db()
    assert casus.fase.code == "monitoring"

    # The whole story is on the timeline, filterable.
    page.goto(f"/casussen/{casus.pk}/tijdlijn/?soort=fase")
    assert p.get_by_text("Fase: Evaluatie en bestendiging → Monitoring").is_visible()
    page.goto("/casussen/")
