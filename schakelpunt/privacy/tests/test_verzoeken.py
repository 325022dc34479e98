"""Requests of data subjects: deadlines, the inzage report (complete, withheld items left out of the PDF),
rectification with its AVG art. 19 tasks, and a pending request that stops destruction."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from schakelpunt.accounts.models import Afdeling
from schakelpunt.audit.models import AuditRecord
from schakelpunt.casussen import services as casus_services
from schakelpunt.doormeldingen.models import Grondslag, Herstelmelding, Ketenpartner
from schakelpunt.privacy import inzage, retention, services, verzoeken
from schakelpunt.privacy.models import Verzoek, plus_maanden
from schakelpunt.signalen import services as signalen_services
from schakelpunt.signalen.models import Signaal
from schakelpunt.subjecten.models import BetrokkeneKoppeling

pytestmark = pytest.mark.django_db
LATER = timezone.localdate() + datetime.timedelta(days=90)


def _pdf_text(data: bytes) -> str:
    # Table cells wrap: compare with the whitespace made single.
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


@pytest.fixture
def pf(persona):
    return persona("privacyfunctionaris")


@pytest.fixture
def af(persona):
    user = persona("aandachtsfunctionaris")
    user.afdeling = Afdeling.objects.create(naam="Team Ondermijning")
    user.save()
    return user


@pytest.fixture
def signaal(persona):
    melder = persona("melder")
    melder.afdeling = Afdeling.objects.create(naam="Wijkteam Noord")
    melder.save()
    return signalen_services.signaal_create(
        actor=melder,
        omschrijving="Veel wisselende bezoekers bij de woning.",
        betrokkenen=[
            {"rol": "betrokkene", "voornamen": "Sanne", "geslachtsnaam": "Inzagetest", "geboortejaar": 1990},
        ],
    )


@pytest.fixture
def persoon(signaal):
    return BetrokkeneKoppeling.objects.get(signaal=signaal).persoon


def _verzoek(pf, persoon, soort=Verzoek.Soort.INZAGE, ontvangen=None):
    return verzoeken.verzoek_create(
        actor=pf,
        soort=soort,
        persoon=persoon,
        ontvangen_op=ontvangen or timezone.localdate(),
        omschrijving="Brief van de betrokkene.",
    )


def _doormelding(persona, signaal, persoon):
    from importlib import import_module

    from django.apps import apps

    from schakelpunt.doormeldingen import services as dm

    import_module("schakelpunt.doormeldingen.migrations.0002_ketenpartners").create(apps, None)
    partner = Ketenpartner.objects.get(code="politie")
    partner.contact_email = "meldingen@politie.example"
    partner.save()
    d = dm.doormelding_opstellen(
        actor=persona("aandachtsfunctionaris"),
        partner=partner,
        grondslag=Grondslag.objects.get(code="avg-6-1-e"),
        verwerking="Doormelden aan een ketenpartner",
        reden="Vermoeden van ondermijning.",
        markering="TLP:AMBER+STRICT",
        toegestaan_gebruik="Alleen voor de beoordeling.",
        geldig_tot=datetime.date(2099, 1, 1),
        selectie={"personen": {str(persoon.pk): ["naam"]}, "signalen": {}, "bijlagen": []},
        signaal=signaal,
    )
    dm.doormelding_versturen(
        actor=persona("aandachtsfunctionaris"), doormelding=d, kanaal="downloadlink", versie=d.versie
    )


# --- Deadlines ------------------------------------------------------------------------------


def test_deadline_is_one_month_and_extension_adds_two_with_a_reason(pf, persoon):
    v = _verzoek(pf, persoon, ontvangen=datetime.date(2026, 1, 31))
    assert v.uiterste_datum == datetime.date(2026, 2, 28)
    assert v.te_laat(datetime.date(2026, 3, 1)) and not v.te_laat(datetime.date(2026, 2, 28))
    with pytest.raises(ValidationError):
        verzoeken.verzoek_verlengen(actor=pf, verzoek=v, versie=v.versie, reden=" ")
    verzoeken.verzoek_verlengen(actor=pf, verzoek=v, versie=v.versie, reden="Omvangrijk dossier")
    assert v.uiterste_datum == datetime.date(2026, 4, 30)
    with pytest.raises(ValidationError):  # only once
        verzoeken.verzoek_verlengen(actor=pf, verzoek=v, versie=v.versie, reden="Nog eens")
    with pytest.raises(verzoeken.ConflictError):  # a stale form
        verzoeken.verzoek_namen_tonen(actor=pf, verzoek=v, versie=1, tonen=False, reden="")
    verzoeken.verzoek_afhandelen(actor=pf, verzoek=v, versie=v.versie, uitkomst="Rapport verstuurd")
    assert not v.te_laat(datetime.date(2030, 1, 1))  # handled is never overdue


def test_plus_maanden_keeps_the_day_or_takes_the_last_of_the_month():
    assert plus_maanden(datetime.date(2026, 12, 15), 1) == datetime.date(2027, 1, 15)
    assert plus_maanden(datetime.date(2028, 1, 31), 1) == datetime.date(2028, 2, 29)


def test_the_list_shows_an_overdue_request(pf, persoon, client_as):
    _verzoek(pf, persoon, ontvangen=timezone.localdate() - datetime.timedelta(days=40))
    response = client_as("privacyfunctionaris").get(reverse("privacy:verzoeken"))
    assert "Te laat" in response.content.decode()


def test_only_the_privacyfunctionaris_registers_a_request(persona, persoon):
    with pytest.raises(PermissionDenied):
        _verzoek(persona("aandachtsfunctionaris"), persoon)


def test_a_request_with_a_date_in_the_future_is_refused_with_a_message(pf, persoon, client_as):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    response = client_as("privacyfunctionaris").post(
        reverse("privacy:verzoeken"),
        {"soort": "inzage", "persoonsnummer": persoon.pk, "ontvangen_op": morgen.isoformat(), "omschrijving": "x"},
    )
    assert response.status_code == 400
    assert "niet in de toekomst" in response.content.decode()
    assert not Verzoek.objects.exists()


# --- The inzage report ------------------------------------------------------------------------


def test_inzage_report_is_complete_and_leaves_out_what_was_withheld(pf, af, persona, signaal, persoon, client):
    casus = casus_services.casus_open(
        actor=af, titel="Woning Noord", signalen=[signaal], regievoerder=persona("casusregisseur")
    )
    _doormelding(persona, signaal, persoon)
    from schakelpunt.testing.auth import login

    login(client, af)
    assert client.get(reverse("signalen:detail", args=[signaal.pk])).status_code == 200  # a read, logged
    v = _verzoek(pf, persoon)

    rapport = inzage.rapport_maken(verzoek=v)
    assert [i.key for i in rapport.gegevens] == [f"persoon:{persoon.pk}"]
    assert [i.key for i in rapport.signalen] == [f"signaal:{signaal.pk}"]
    assert rapport.signalen[0].bron == "Afdeling Wijkteam Noord"
    assert [i.key for i in rapport.casussen] == [f"casus:{casus.pk}"]
    assert len(rapport.verstrekkingen) == 1 and rapport.verstrekkingen[0].titel.startswith("Verstrekt aan ")
    lees = [i for i in rapport.raadplegingen if i.titel == "Lezen"]
    assert lees and all(dict(i.details)["Afdeling"] for i in lees)
    assert any(dict(i.details)["Afdeling"] == "Team Ondermijning" for i in lees)
    assert all("Medewerker" not in dict(i.details) for i in rapport.raadplegingen)  # no names by default

    pdf = _pdf_text(inzage.rapport_pdf(actor=pf, decision=_decision(pf), verzoek=v))
    for verwacht in ("Sanne Inzagetest", signaal.nummer, casus.nummer, "Wijkteam Noord", "Team Ondermijning"):
        assert verwacht in pdf, verwacht
    assert "Melder" not in pdf and "Testpersona" not in pdf  # never the melder, no staff names

    # Withhold the casus and the disclosure: neither reaches the PDF; the rest does.
    verzoeken.inhouding_create(
        actor=pf, verzoek=v, item=f"casus:{casus.pk}", reden="Lopend onderzoek", beoordelen_op=LATER
    )
    verstrekking = rapport.verstrekkingen[0]
    verzoeken.inhouding_create(
        actor=pf, verzoek=v, item=verstrekking.key, reden="Onderzoek politie", beoordelen_op=LATER
    )
    pdf = _pdf_text(inzage.rapport_pdf(actor=pf, decision=_decision(pf), verzoek=v))
    assert casus.nummer not in pdf and "Woning Noord" not in pdf
    assert "Verstrekt aan" not in pdf
    assert signaal.nummer in pdf and "Sanne Inzagetest" in pdf
    assert "Lopend onderzoek" not in pdf  # not even the reason

    # Names only once the privacyfunctionaris records why they are essential.
    with pytest.raises(ValidationError):
        verzoeken.verzoek_namen_tonen(actor=pf, verzoek=v, versie=v.versie, tonen=True, reden="")
    verzoeken.verzoek_namen_tonen(actor=pf, verzoek=v, versie=v.versie, tonen=True, reden="Vermoeden van misbruik")
    pdf = _pdf_text(inzage.rapport_pdf(actor=pf, decision=_decision(pf), verzoek=v))
    assert af.display_name() in pdf
    assert persona("melder").display_name() not in pdf  # the melder, never


def _decision(user):
    from schakelpunt.access.policy import decide

    return decide(user, verzoeken.BEHEREN)


def test_the_report_and_its_pdf_are_logged_under_the_person(pf, persoon, client_as):
    v = _verzoek(pf, persoon)
    c = client_as("privacyfunctionaris")
    assert c.get(reverse("privacy:inzagerapport", args=[v.pk])).status_code == 200
    response = c.get(reverse("privacy:inzagerapport_pdf", args=[v.pk]))
    assert response["Content-Type"] == "application/pdf"
    acties = set(
        AuditRecord.objects.filter(betrokkene=persoon.log_key, object_type="verzoek").values_list("actie", flat=True)
    )
    assert {"aanmaken", "lezen", "exporteren"} <= acties


def test_withholding_needs_a_reason_and_a_future_review_date(pf, persoon, client_as):
    v = _verzoek(pf, persoon)
    item = f"persoon:{persoon.pk}"
    response = client_as("privacyfunctionaris").post(reverse("privacy:inhouden", args=[v.pk]), {"item": item})
    assert response.status_code == 400
    assert "UAVG art. 41" in response.content.decode()
    with pytest.raises(ValidationError):
        verzoeken.inhouding_create(actor=pf, verzoek=v, item=item, reden="x", beoordelen_op=timezone.localdate())
    with pytest.raises(ValidationError):  # only an item of the report
        verzoeken.inhouding_create(actor=pf, verzoek=v, item="iets anders", reden="x", beoordelen_op=LATER)


def test_a_withholding_whose_date_came_is_listed_for_review(pf, persoon, client_as):
    v = _verzoek(pf, persoon)
    i = verzoeken.inhouding_create(
        actor=pf, verzoek=v, item=f"persoon:{persoon.pk}", reden="Onderzoek", beoordelen_op=LATER
    )
    c = client_as("privacyfunctionaris")
    assert "Inhoudingen om opnieuw te beoordelen" not in c.get(reverse("privacy:verzoeken")).content.decode()
    type(i).objects.filter(pk=i.pk).update(beoordelen_op=timezone.localdate())
    assert "Inhoudingen om opnieuw te beoordelen" in c.get(reverse("privacy:verzoeken")).content.decode()


# --- Rectification and restriction -----------------------------------------------------------


def test_rectification_creates_a_task_per_recipient_and_is_logged(pf, persona, signaal, persoon):
    _doormelding(persona, signaal, persoon)
    v = _verzoek(pf, persoon, soort=Verzoek.Soort.RECTIFICATIE)
    taken = verzoeken.verzoek_afhandelen(actor=pf, verzoek=v, versie=v.versie, uitkomst="Geboortejaar gecorrigeerd")
    assert len(taken) == 1 and Herstelmelding.objects.get().verstrekking.persoon_key == persoon.log_key
    assert "Geboortejaar gecorrigeerd" in Herstelmelding.objects.get().reden
    log = AuditRecord.objects.filter(object_type="verzoek", object_id=str(v.pk), actie="wijzigen").first()
    assert "1 ontvanger(s)" in log.toelichting and log.betrokkene == persoon.log_key


def test_a_pending_request_stops_destruction_and_a_handled_one_no_longer_does(pf, signaal, persoon):
    from importlib import import_module

    from django.apps import apps

    import_module("schakelpunt.privacy.migrations.0002_bewaartermijnen").create(apps, None)
    Signaal.objects.filter(pk=signaal.pk).update(
        is_open=False, status="afgesloten", afgesloten_op=timezone.now() - datetime.timedelta(days=800)
    )
    v = _verzoek(pf, persoon)
    assert signaal.pk in retention.geblokkeerde_signalen()
    assert services.lijst_voorstellen() is None
    verzoeken.verzoek_afhandelen(actor=pf, verzoek=v, versie=v.versie, uitkomst="Rapport verstuurd")
    lijst = services.lijst_voorstellen()
    assert [i.object_id for i in lijst.items.all()] == [signaal.pk]


def test_a_request_made_after_approval_still_stops_execution(pf, signaal, persoon):
    from importlib import import_module

    from django.apps import apps

    import_module("schakelpunt.privacy.migrations.0002_bewaartermijnen").create(apps, None)
    Signaal.objects.filter(pk=signaal.pk).update(
        is_open=False, status="afgesloten", afgesloten_op=timezone.now() - datetime.timedelta(days=800)
    )
    lijst = services.lijst_voorstellen()
    lijst = services.lijst_goedkeuren(actor=pf, lijst=lijst, versie=lijst.versie)
    _verzoek(pf, persoon)
    services.lijst_uitvoeren(lijst=lijst)
    assert Signaal.objects.filter(pk=signaal.pk).exists()


def test_a_granted_restriction_holds_until_lifted(pf, persoon, signaal):
    v = _verzoek(pf, persoon, soort=Verzoek.Soort.BEPERKING)
    verzoeken.verzoek_afhandelen(actor=pf, verzoek=v, versie=v.versie, uitkomst="Toegekend", toekennen=True)
    assert v.status == "afgehandeld" and v.beperking_actief
    assert signaal.pk in retention.geblokkeerde_signalen()
    verzoeken.beperking_opheffen(actor=pf, verzoek=v)
    assert signaal.pk not in retention.geblokkeerde_signalen()


# --- The screens ------------------------------------------------------------------------------


def test_a_rectification_page_lists_the_recipients_and_handling_shows_the_tasks(
    pf, persona, signaal, persoon, client_as
):
    _doormelding(persona, signaal, persoon)
    v = _verzoek(pf, persoon, soort=Verzoek.Soort.RECTIFICATIE)
    c = client_as("privacyfunctionaris")
    page = c.get(reverse("privacy:verzoek", args=[v.pk])).content.decode()
    assert "Ontvangers (AVG art. 19)" in page and "nog te informeren" not in page
    response = c.post(reverse("privacy:verzoek_afhandelen", args=[v.pk]), {"versie": v.versie, "uitkomst": "Naam"})
    assert response.status_code == 302
    assert "nog te informeren" in c.get(reverse("privacy:verzoek", args=[v.pk])).content.decode()


def test_a_stale_form_is_a_conflict_not_an_overwrite(pf, persoon, client_as):
    v = _verzoek(pf, persoon, soort=Verzoek.Soort.BEPERKING)
    c = client_as("privacyfunctionaris")
    assert "Beperking toekennen" in c.get(reverse("privacy:verzoek", args=[v.pk])).content.decode()
    response = c.post(reverse("privacy:verzoek_verlengen", args=[v.pk]), {"versie": v.versie + 5, "reden": "Druk"})
    assert response.status_code == 409
    v.refresh_from_db()
    assert not v.verlengd


def test_a_missing_request_is_not_found(client_as):
    assert client_as("privacyfunctionaris").get(reverse("privacy:inzagerapport", args=[999999])).status_code == 404
