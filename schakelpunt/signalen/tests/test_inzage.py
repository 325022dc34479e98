"""Escalation lets the chosen colleague read the signal: a grant, logged, revocable; nobody else."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from schakelpunt.audit.models import AuditRecord, Outcome
from schakelpunt.notificaties.models import Notificatie
from schakelpunt.signalen import selectors, services
from schakelpunt.signalen.constants import TriageActie
from schakelpunt.signalen.inzage import signaal_inzage_intrekken
from schakelpunt.signalen.models import SignaalInzage
from schakelpunt.signalen.tests.factories import BetrokkeneFactory, SignaalFactory
from schakelpunt.testing.auth import login


@pytest.fixture
def regisseur(make_user):
    return make_user("casusregisseur", username="regie")


def _opschalen(af, signaal, *collegas):
    return services.signaal_triage(
        actor=af,
        signaal=signaal,
        actie=TriageActie.OPSCHALEN,
        rationale="Acuut, vandaag bespreken.",
        terugkoppeling="Je signaal is opgeschaald.",
        collegas=collegas,
        versie=signaal.versie,
    )


def test_escalation_gives_the_colleague_a_logged_grant_and_a_link_that_works(af, regisseur, client):
    signaal = SignaalFactory()
    BetrokkeneFactory(signaal=signaal)
    _opschalen(af, signaal, regisseur)
    inzage = SignaalInzage.objects.get(signaal=signaal, user=regisseur)
    assert inzage.actief and inzage.verleend_door == af
    assert AuditRecord.objects.filter(object_type="signaal_inzage", object_id=str(inzage.pk), actor_id=af.pk).exists()
    url = Notificatie.objects.get(ontvanger=regisseur).url
    response = login(client, regisseur).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "naar je heeft opgeschaald" in html
    assert signaal.melder.display_name() not in html  # the melder stays hidden
    assert AuditRecord.objects.filter(actor_id=regisseur.pk, object_type="signaal", uitkomst=Outcome.SUCCESS).exists()


def test_revoked_grant_means_not_found_again(af, regisseur):
    signaal = SignaalFactory()
    _opschalen(af, signaal, regisseur)
    inzage = SignaalInzage.objects.get()
    signaal_inzage_intrekken(actor=af, inzage=inzage)
    assert not SignaalInzage.objects.get().actief
    assert AuditRecord.objects.filter(object_type="signaal_inzage", toelichting__contains="ingetrokken").exists()
    with pytest.raises(Http404):
        selectors.signaal_get(user=regisseur, pk=signaal.pk)


def test_a_colleague_not_escalated_to_sees_nothing(af, regisseur, make_user):
    andere = make_user("casusregisseur", username="andere-regie")
    signaal = SignaalFactory()
    _opschalen(af, signaal, regisseur)
    with pytest.raises(Http404):
        selectors.signaal_get(user=andere, pk=signaal.pk)
    assert selectors.signaal_list(user=andere).items == []
    assert [s.pk for s in selectors.signaal_list(user=regisseur).items] == [signaal.pk]


def test_the_grant_covers_reading_only(af, regisseur, client):
    signaal = SignaalFactory()
    _opschalen(af, signaal, regisseur)
    client = login(client, regisseur)
    assert client.post(reverse("signalen:aanvullen", args=[signaal.pk]), {"tekst": "x"}).status_code == 403
    assert client.post(reverse("signalen:triage", args=[signaal.pk]), {}).status_code == 403


def test_a_colleague_of_the_meldpunt_needs_no_grant(af, make_user):
    andere_af = make_user("aandachtsfunctionaris", username="af2")
    _opschalen(af, SignaalFactory(), andere_af)
    assert not SignaalInzage.objects.exists()


def test_only_the_meldpunt_revokes(af, regisseur):
    _opschalen(af, SignaalFactory(), regisseur)
    with pytest.raises(PermissionDenied):
        signaal_inzage_intrekken(actor=regisseur, inzage=SignaalInzage.objects.get())
    assert SignaalInzage.objects.get().actief


def test_revoking_from_the_signal_page(af, regisseur, client):
    signaal = SignaalFactory()
    _opschalen(af, signaal, regisseur)
    client = login(client, af)
    html = client.get(reverse("signalen:detail", args=[signaal.pk])).content.decode()
    assert "Wie dit signaal ook mag lezen" in html and "Inzage intrekken" in html
    inzage = SignaalInzage.objects.get()
    response = client.post(reverse("signalen:inzage_intrekken", args=[inzage.pk]))
    assert response.status_code == 302
    inzage.refresh_from_db()
    assert not inzage.actief


def test_the_demo_shows_a_stated_relation_and_an_escalation_with_its_grant(db, settings):
    from django.core.management import call_command

    from schakelpunt.signalen.models import BetrokkeneRelatie
    from schakelpunt.subjecten.models import Relatie

    settings.DEMO = True
    call_command("seed_demo")
    assert BetrokkeneRelatie.objects.filter(soort="ouder").exists()
    assert Relatie.objects.filter(soort="ouder", bron_signaal__isnull=False).exists()
    inzage = SignaalInzage.objects.filter(user__username="casusregisseur").first()
    assert inzage.actief and selectors.signaal_get(user=inzage.user, pk=inzage.signaal_id)
