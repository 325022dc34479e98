"""Browser tests of the verwerkingsregister and the access log's retention, with axe, at laptop and phone width."""

import datetime
from importlib import import_module

import pytest
from django.apps import apps
from django.utils import timezone

from schakelpunt.verwerkingen.models import Verwerking

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 800}


def _seed():
    # Transactional tests flush what migrations seeded.
    import_module("schakelpunt.verwerkingen.migrations.0002_standaardregister").seed(apps, None)
    import_module("schakelpunt.privacy.migrations.0002_bewaartermijnen").create(apps, None)


def test_privacyfunctionaris_makes_a_new_version_and_sees_the_history(page, persona, browser_login):
    _seed()
    browser_login(persona("privacyfunctionaris"))
    page.page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Verwerkingsregister").click()
    page.page.wait_for_url("**/verwerkingsregister/")
    page.check()
    page.page.get_by_role("link", name="Behandelen van signalen").click()
    page.page.get_by_role("heading", name="Behandelen van signalen", level=1).wait_for()
    page.check()
    page.page.get_by_role("link", name="Nieuwe versie vaststellen").click()
    page.page.wait_for_url("**/wijzigen/")
    page.check()
    page.page.get_by_label("Doel").fill("Signalen beoordelen en terugkoppelen aan de melder.")
    page.page.get_by_role("button", name="Versie 2 vaststellen").click()  # without a reason
    page.page.get_by_role("alert").wait_for()
    assert page.page.get_by_text("Leg uit waarom de verwerking verandert.").first.is_visible()
    page.check()
    page.page.get_by_label("Reden van de wijziging").fill("Besluit van de FG na de DPIA")
    page.page.get_by_role("button", name="Versie 2 vaststellen").click()
    page.page.get_by_role("heading", name="Versie 2 (geldt nu): Behandelen van signalen").wait_for()
    page.check()
    page.page.get_by_text("Inhoud van versie 1").click()
    page.check()
    page.page.screenshot(path="/tmp/verwerking-laptop.png", full_page=True)
    page.page.set_viewport_size(PHONE)
    page.check()
    page.page.screenshot(path="/tmp/verwerking-phone.png", full_page=True)
    page.goto("/verwerkingsregister/")
    pk = Verwerking.objects.get(key="meldpunt.intake").pk
    page.goto(f"/verwerkingsregister/{pk}/wijzigen/")
    page.goto("/verwerkingsregister/nieuw/")
    page.page.get_by_role("button", name="Vastleggen").click()
    page.page.get_by_role("alert").wait_for()
    page.check()


def test_privacyfunctionaris_destroys_an_expired_period_of_the_access_log(page, persona, browser_login):
    from schakelpunt.audit.models import AuditRecord
    from schakelpunt.audit.tests.test_audit_perioden import old_records
    from schakelpunt.privacy import toegangslog
    from schakelpunt.privacy.models import Bewaartermijn, Soort

    _seed()
    Bewaartermijn.objects.filter(soort=Soort.TOEGANGSLOG).update(termijn_dagen=365)
    pf = persona("privacyfunctionaris")
    old_records(6, days_ago=800)
    periode = toegangslog.periode_verzegelen(actor=pf, tot=timezone.now() - datetime.timedelta(days=700))
    browser_login(pf)
    page.goto("/verwerkingsregister/")
    page.page.get_by_role("link", name="Bewaren van het toegangslog").click()
    page.page.wait_for_url("**/privacy/toegangslog/")
    page.check()
    page.page.get_by_role("button", name=f"records {periode.eerste_id}–{periode.laatste_id}").click()
    page.page.get_by_text("het zegel is bewaard").wait_for()
    page.check()
    assert not AuditRecord.objects.filter(id__lte=periode.laatste_id).exists()
    page.page.set_viewport_size(PHONE)
    page.check()
    page.page.get_by_label("Verzegel alles wat is gelogd vóór").fill("")
    page.page.get_by_role("button", name="Verzegelen").click()
    page.page.get_by_role("alert").wait_for()
    page.check()
