"""A grant somebody can find (issue 10): the colleague is told, with a link, and finds the person again."""

import pytest
from django.urls import reverse

from schakelpunt.audit.models import AuditRecord
from schakelpunt.notificaties.models import Notificatie
from schakelpunt.subjecten import selectors, services
from schakelpunt.subjecten.tests.factories import PersoonFactory
from schakelpunt.testing.auth import login

pytestmark = pytest.mark.django_db


def test_a_grant_sends_the_colleague_a_notice_with_a_link(af, persona):
    deelnemer = persona("deelnemer")
    persoon = PersoonFactory(voornamen="Zacharias", geslachtsnaam="Quist")
    services.subject_inzage_verlenen(actor=af, user=deelnemer, persoon=persoon, reden="casusoverleg")
    (notice,) = Notificatie.objects.filter(ontvanger=deelnemer)
    assert notice.url == reverse("subjecten:persoon", args=[persoon.pk])
    assert "inzage" in notice.tekst and "Mijn personen" in notice.tekst
    # No name in a notice: it is also mailed.
    assert "Quist" not in notice.onderwerp + notice.tekst
    assert not Notificatie.objects.exclude(ontvanger=deelnemer).exists()


def test_the_link_in_the_notice_opens_the_person(af, persona, client):
    deelnemer = persona("deelnemer")
    persoon = PersoonFactory(voornamen="Zacharias", geslachtsnaam="Quist")
    services.subject_inzage_verlenen(actor=af, user=deelnemer, persoon=persoon, reden="casusoverleg")
    notice = Notificatie.objects.get(ontvanger=deelnemer)
    assert login(client, deelnemer).get(notice.url).status_code == 200


def test_mijn_personen_lists_only_the_users_own_valid_grants(af, persona, client, make_user):
    import datetime

    deelnemer, ander = persona("deelnemer"), make_user("deelnemer", username="andere-deelnemer")
    eigen = PersoonFactory(voornamen="Zacharias", geslachtsnaam="Quist")
    verlopen = PersoonFactory(voornamen="Verlopen", geslachtsnaam="Inzage")
    van_ander = PersoonFactory(voornamen="Niet", geslachtsnaam="Mijn")
    PersoonFactory(voornamen="Zonder", geslachtsnaam="Inzage")
    services.subject_inzage_verlenen(actor=af, user=deelnemer, persoon=eigen, reden="casusoverleg")
    services.subject_inzage_verlenen(
        actor=af, user=deelnemer, persoon=verlopen, reden="x", geldig_tot=datetime.date(2020, 1, 1)
    )
    services.subject_inzage_verlenen(actor=af, user=ander, persoon=van_ander, reden="casusoverleg")

    assert [i.persoon for i in selectors.mijn_personen(user=deelnemer)] == [eigen]
    response = login(client, deelnemer).get(reverse("subjecten:mijn_personen"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Zacharias Quist" in body and reverse("subjecten:persoon", args=[eigen.pk]) in body
    assert "Verlopen" not in body and "Niet Mijn" not in body and "Zonder" not in body
    # The navigation leads there.
    assert 'href="/subjecten/personen/"' in body or reverse("subjecten:mijn_personen") in body
    # The persons listed are logged as read.
    assert AuditRecord.objects.filter(actor_id=deelnemer.pk, object_type="persoon", betrokkene=eigen.log_key).exists()


@pytest.mark.parametrize("rol", ["melder", "aandachtsfunctionaris", "bestuur", None])
def test_mijn_personen_is_not_for_other_roles(rol, persona, client):
    assert login(client, persona(rol)).get(reverse("subjecten:mijn_personen")).status_code == 403


def test_the_navigation_shows_mijn_personen_to_a_colleague_only(persona, client):
    url = reverse("subjecten:mijn_personen")
    assert url in login(client, persona("deelnemer")).get(reverse("ui:home")).content.decode()
    client.logout()
    assert url not in login(client, persona("melder")).get(reverse("ui:home")).content.decode()
