"""The start page as a desk: what waits, per role, each a link; no role is left with an empty page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from schakelpunt.signalen.models import Signaal
from schakelpunt.signalen.services import signaal_aanvullen, signaal_create, signaal_triage
from schakelpunt.subjecten.models import Persoon, SubjectInzage

pytestmark = pytest.mark.django_db


def _home(client_as, rol) -> str:
    response = client_as(rol).get(reverse("ui:home"))
    assert response.status_code == 200
    return response.content.decode()


def _signaal(persona, **kw) -> Signaal:
    return signaal_create(actor=persona("melder"), omschrijving="Geheime omschrijving van het signaal", **kw)


@pytest.mark.parametrize("rol", ["melder", "aandachtsfunctionaris", "casusregisseur", "deelnemer", "bestuur"])
def test_every_role_gets_a_desk(client_as, rol):
    page = _home(client_as, rol)
    assert "Voor deze rol zijn nog geen taken ingericht" not in page
    assert "Wat wacht op je" in page


def test_meldpunt_desk_links_acute_overdue_and_answered(client_as, persona):
    acuut = _signaal(persona, acuut_gevaar=True)
    oud = _signaal(persona)
    Signaal.objects.filter(pk=oud.pk).update(ontvangen_op=timezone.now() - datetime.timedelta(days=30))
    gevraagd = _signaal(persona)
    signaal_triage(
        actor=persona("aandachtsfunctionaris"),
        signaal=gevraagd,
        actie="meer_informatie",
        rationale="Onduidelijk",
        terugkoppeling="Wil je iets toevoegen?",
        vraag="Hoe oud is het kind?",
    )
    signaal_aanvullen(actor=persona("melder"), signaal=gevraagd, tekst="Een jaar of tien.")
    page = _home(client_as, "aandachtsfunctionaris")
    detail = reverse("signalen:detail", args=[acuut.pk])
    acuut_blok = page.split("Acuut gevaar, nog niet beoordeeld")[1].split("sp-desk__item")[0]
    assert detail in acuut_blok
    te_laat = page.split("Over de termijn")[1].split("sp-desk__item")[0]
    assert reverse("signalen:detail", args=[oud.pk]) in te_laat and detail not in te_laat
    antwoord = page.split("Beantwoorde vragen")[1].split("sp-desk__item")[0]
    assert reverse("signalen:detail", args=[gevraagd.pk]) in antwoord
    assert reverse("subjecten:samenloop") in page and reverse("subjecten:mogelijke_matches") in page
    signaal_triage(
        actor=persona("aandachtsfunctionaris"),
        signaal=gevraagd,
        actie="opschalen",
        rationale="Gelezen",
        terugkoppeling="Dank",
    )
    page = _home(client_as, "aandachtsfunctionaris")
    antwoord = page.split("Beantwoorde vragen")[1].split("sp-desk__item")[0]
    assert reverse("signalen:detail", args=[gevraagd.pk]) not in antwoord


def test_melder_desk_shows_only_their_own_questions(client_as, persona, make_user):
    eigen = _signaal(persona)
    ander = signaal_create(actor=make_user("melder"), omschrijving="Van een collega")
    for s in (eigen, ander):
        signaal_triage(
            actor=persona("aandachtsfunctionaris"),
            signaal=s,
            actie="meer_informatie",
            rationale="?",
            terugkoppeling="Vraag",
            vraag="Wanneer was dit?",
        )
    page = _home(client_as, "melder")
    assert reverse("signalen:detail", args=[eigen.pk]) in page
    assert reverse("signalen:detail", args=[ander.pk]) not in page
    # Nothing of the meldpunt's desk.
    assert "Nieuwe signalen" not in page and "Open samenloop" not in page


def test_casusregisseur_desk_shows_escalations_and_granted_persons(client_as, persona):
    regisseur = persona("casusregisseur")
    s = _signaal(persona)
    signaal_triage(
        actor=persona("aandachtsfunctionaris"),
        signaal=s,
        actie="opschalen",
        rationale="Spoed",
        terugkoppeling="Opgeschaald",
        collegas=[regisseur],
    )
    persoon = Persoon.objects.create(voornamen="Noor", geslachtsnaam="Proefgezin")
    andere = Persoon.objects.create(voornamen="Niet", geslachtsnaam="Zichtbaar")
    SubjectInzage.objects.create(user=regisseur, persoon=persoon, reden="casus")
    SubjectInzage.objects.create(
        user=regisseur, persoon=andere, reden="verlopen", geldig_tot=timezone.localdate() - datetime.timedelta(days=1)
    )
    page = _home(client_as, "casusregisseur")
    assert reverse("signalen:detail", args=[s.pk]) in page
    assert reverse("subjecten:persoon", args=[persoon.pk]) in page and "Noor Proefgezin" in page
    assert reverse("subjecten:persoon", args=[andere.pk]) not in page


def test_deelnemer_sees_no_escalations_of_others(client_as, persona):
    s = _signaal(persona)
    signaal_triage(
        actor=persona("aandachtsfunctionaris"),
        signaal=s,
        actie="opschalen",
        rationale="Spoed",
        terugkoppeling="Opgeschaald",
        collegas=[persona("casusregisseur")],
    )
    assert reverse("signalen:detail", args=[s.pk]) not in _home(client_as, "deelnemer")


def test_bestuur_desk_has_figures_without_personal_data(client_as, persona):
    _signaal(persona, betrokkenen=[{"voornamen": "Kees", "geslachtsnaam": "Geheimnaam", "geboortejaar": 2012}])
    page = _home(client_as, "bestuur")
    assert "Cijfers per kwartaal" in page
    assert "Geheimnaam" not in page and "Geheime omschrijving" not in page
    assert reverse("signalen:detail", args=[Signaal.objects.get().pk]) not in page


def test_privacyfunctionaris_desk_shows_destruction_lists(client_as):
    import datetime as dt

    from schakelpunt.privacy.models import Vernietigingslijst

    lijst = Vernietigingslijst.objects.create(peildatum=dt.date(2026, 11, 1))
    page = _home(client_as, "privacyfunctionaris")
    assert reverse("privacy:lijst", args=[lijst.pk]) in page
    assert reverse("privacy:lijst", args=[lijst.pk]) not in _home(client_as, "beheerder")
