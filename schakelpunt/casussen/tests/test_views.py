"""Casus screens: need to know per casus over HTTP, conflicts keep the typed text, query counts."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from schakelpunt.casussen import services, stappen
from schakelpunt.casussen.constants import BesluitSoort, Partner
from schakelpunt.casussen.models import Fase
from schakelpunt.testing.auth import login

from .conftest import RIA, TIM

pytestmark = pytest.mark.django_db


def get(client, user, url):
    return login(client, user).get(url)


def test_participant_of_a_cannot_read_casus_b_or_its_signals(client, af, regisseur, deelnemer, meld):
    a = services.casus_open(actor=af, titel="Casus A", signalen=[meld()], regievoerder=regisseur)
    signaal_b = meld("Ander gezin, ander verhaal.", (RIA,))
    b = services.casus_open(actor=af, titel="Casus B", signalen=[signaal_b], regievoerder=regisseur)
    services.deelnemer_toevoegen(actor=af, casus=a, user=deelnemer)
    assert get(client, deelnemer, reverse("casussen:detail", args=[a.pk])).status_code == 200
    assert get(client, deelnemer, reverse("casussen:detail", args=[b.pk])).status_code == 404
    assert get(client, deelnemer, reverse("casussen:tijdlijn", args=[b.pk])).status_code == 404
    assert get(client, deelnemer, reverse("signalen:detail", args=[signaal_b.pk])).status_code in (403, 404)
    lijst = get(client, deelnemer, reverse("casussen:lijst")).content.decode()
    assert "Casus A" in lijst and "Casus B" not in lijst


def test_removed_participant_loses_access_at_once(client, af, casus, deelnemer):
    rij = services.deelnemer_toevoegen(actor=af, casus=casus, user=deelnemer)
    url = reverse("casussen:detail", args=[casus.pk])
    assert get(client, deelnemer, url).status_code == 200
    services.deelnemer_verwijderen(actor=af, casus=casus, deelnemer=rij)
    assert client.get(url).status_code == 404  # same session, next request


def test_participant_sees_no_melder_and_no_steering_forms(client, casus_met_deelnemer, deelnemer, melder):
    body = get(client, deelnemer, reverse("casussen:detail", args=[casus_met_deelnemer.pk])).content.decode()
    assert "Leerling wekenlang afwezig" in body
    assert melder.display_name() not in body and melder.username not in body
    assert "Fase wijzigen" not in body and "Uitnodigen" not in body


def test_melder_sees_only_terugkoppeling(client, casus, melder):
    signaal = casus.casus_signalen.first().signaal
    body = get(client, melder, reverse("signalen:detail", args=[signaal.pk])).content.decode()
    assert "Je signaal wordt samen met collega" in body
    assert casus.nummer not in body and casus.titel not in body
    assert client.get(reverse("casussen:detail", args=[casus.pk])).status_code == 404
    assert client.get(reverse("casussen:lijst")).status_code == 403


def test_bestuur_sees_the_shared_summary_without_personal_data(client, casus, regisseur, persona):
    services.casus_bijwerken(
        actor=regisseur, casus=casus, versie=casus.versie, titel=casus.titel, bestuur_delen=True,
        bestuur_samenvatting="Aanpak criminele uitbuiting loopt; school en jeugdteam werken samen.",
    )  # fmt: skip
    bestuur = persona("bestuur")
    body = get(client, bestuur, reverse("casussen:bestuur")).content.decode()
    assert "school en jeugdteam werken samen" in body
    assert "Kwakman" not in body and "Tim" not in body and casus.titel not in body
    assert client.get(reverse("casussen:detail", args=[casus.pk])).status_code == 404


def test_sharing_with_bestuur_needs_a_summary(client, casus, regisseur):
    r = login(client, regisseur).post(
        reverse("casussen:bewerken", args=[casus.pk]),
        {"versie": casus.versie, "titel": casus.titel, "bestuur_delen": "on", "bestuur_samenvatting": ""},
    )
    assert r.status_code == 400
    assert "zonder persoonsgegevens" in r.content.decode()


def test_signal_page_offers_the_casus_actions_to_the_meldpunt(client, af, casus):
    signaal = casus.casus_signalen.first().signaal
    body = get(client, af, reverse("signalen:detail", args=[signaal.pk])).content.decode()
    assert f"casus {casus.nummer}" in body and "Toevoegen aan casus" in body


def test_open_from_the_signal_page(client, af, regisseur, meld):
    signaal = meld()
    login(client, af)
    assert client.get(reverse("casussen:openen") + f"?signaal={signaal.pk}").status_code == 200
    r = client.post(
        reverse("casussen:openen"), {"titel": "Zorgen", "regievoerder": regisseur.pk, "signalen": str(signaal.pk)}
    )
    assert r.status_code == 302
    assert signaal.casus_koppelingen.count() == 1


# --- Conflicts -----------------------------------------------------------------------------------


def test_second_save_gets_a_conflict_and_keeps_the_typed_text(client, casus, af, regisseur):
    url = reverse("casussen:bewerken", args=[casus.pk])
    gezien = casus.versie
    assert login(client, af).post(url, {"versie": gezien, "titel": "Eerste titel"}).status_code == 302
    r = login(client, regisseur).post(
        url, {"versie": gezien, "titel": "Tweede titel", "samenvatting": "Mijn lange verhaal over de aanpak"}
    )
    assert r.status_code == 409
    body = r.content.decode()
    assert "Iemand anders heeft dit intussen gewijzigd" in body
    assert "Mijn lange verhaal over de aanpak" in body and 'value="Tweede titel"' in body
    casus.refresh_from_db()
    assert casus.titel == "Eerste titel"


def test_action_conflict_keeps_the_result_text(client, casus, regisseur):
    actie = stappen.actie_toevoegen(
        actor=regisseur, casus=casus, titel="Huisbezoek", eigenaar=regisseur, deadline=timezone.localdate()
    )
    url = reverse("casussen:actie_bijwerken", args=[actie.pk])
    login(client, regisseur)
    assert client.post(url, {"versie": 1, "status": "bezig"}).status_code == 302
    r = client.post(url, {"versie": 1, "status": "gereed", "resultaat": "Moeder gesproken, kind weer op school"})
    assert r.status_code == 409
    assert "Moeder gesproken, kind weer op school" in r.content.decode()


def test_gate_message_on_the_page(client, casus, regisseur):
    services.casus_fase_wijzigen(
        actor=regisseur, casus=casus, naar=Fase.objects.get(code="uitvraag_quickscan"), versie=None
    )
    casus.refresh_from_db()
    r = login(client, regisseur).post(
        reverse("casussen:fase", args=[casus.pk]), {"versie": casus.versie, "naar": "plan_van_aanpak"}
    )
    assert r.status_code == 400
    assert "Eerst nog verplicht" in r.content.decode()


# --- Query counts ----------------------------------------------------------------------------------


def _vul(casus, af, regisseur, meld, n):
    for i in range(n):
        services.casus_signaal_toevoegen(actor=af, casus=casus, signaal=meld(f"Signaal {i}", (TIM, RIA)))
        stappen.actie_toevoegen(
            actor=regisseur, casus=casus, titel=f"Actie {i}", eigenaar=regisseur, deadline=timezone.localdate()
        )
        services.besluit_vastleggen(
            actor=regisseur, casus=casus, soort=BesluitSoort.MELDEN, overwegingen="o", besluit="",
            melden="ja", melden_partner=Partner.RIEC,
        )  # fmt: skip


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_casus_page_query_count_does_not_grow_with_data(client, casus, af, regisseur, meld):
    url = reverse("casussen:detail", args=[casus.pk])
    login(client, regisseur)
    _vul(casus, af, regisseur, meld, 1)
    klein = _count(client, url)
    _vul(casus, af, regisseur, meld, 4)
    assert _count(client, url) == klein


def test_casus_list_query_count_does_not_grow_with_data(client, af, regisseur, meld):
    login(client, af)
    services.casus_open(actor=af, titel="Een", signalen=[meld()], regievoerder=regisseur)
    klein = _count(client, reverse("casussen:lijst"))
    for i in range(5):
        services.casus_open(actor=af, titel=f"Casus {i}", signalen=[meld()], regievoerder=regisseur)
    assert _count(client, reverse("casussen:lijst")) == klein


# --- The dossier -----------------------------------------------------------------------------------


def test_dossier_pdf_holds_the_casus_and_never_the_melder(client, casus, regisseur, melder):
    from pypdf import PdfReader

    services.besluit_vastleggen(
        actor=regisseur, casus=casus, soort=BesluitSoort.REGIE, overwegingen="Kent het gezin", besluit="",
        regie_partner=Partner.ZVH,
    )  # fmt: skip
    stappen.plan_opslaan(actor=regisseur, casus=casus, versie=0, doelen="Kind gaat weer elke dag naar school.")
    r = get(client, regisseur, reverse("casussen:dossier", args=[casus.pk]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(r.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for expected in (casus.nummer, "Zorgen om een leerling", "Tim Kwakman", "Regie bij Zorg- en Veiligheidshuis",
                     "Kind gaat weer elke dag naar school", "Weggelaten", "identiteit"):  # fmt: skip
        assert expected in text, expected
    assert melder.display_name() not in text and melder.email not in text
    assert melder.afdeling.naam not in text
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root and root["/Lang"] == "nl"


def test_participant_gets_no_dossier(client, casus_met_deelnemer, deelnemer):
    r = get(client, deelnemer, reverse("casussen:dossier", args=[casus_met_deelnemer.pk]))
    assert r.status_code == 404


def test_expired_decision_asks_for_a_new_one(client, casus, regisseur):
    b = services.besluit_vastleggen(
        actor=regisseur, casus=casus, soort=BesluitSoort.MELDEN, overwegingen="Wachten op school", besluit="",
        melden="nog_niet", geldig_tot=timezone.localdate() + datetime.timedelta(days=1),
    )  # fmt: skip
    type(b).objects.filter(pk=b.pk).update(geldig_tot=timezone.localdate() - datetime.timedelta(days=1))
    body = get(client, regisseur, reverse("casussen:detail", args=[casus.pk])).content.decode()
    assert "is verlopen: neem een nieuw besluit" in body


def test_timeline_filter_and_export(client, casus, regisseur):
    services.casus_fase_wijzigen(
        actor=regisseur, casus=casus, naar=Fase.objects.get(code="uitvraag_quickscan"), versie=None
    )
    login(client, regisseur)
    body = client.get(reverse("casussen:tijdlijn", args=[casus.pk]) + "?soort=fase").content.decode()
    assert "Signalen opvangen → Uitvraag en quickscan" in body and "Casus geopend door" not in body
    r = client.get(reverse("casussen:tijdlijn", args=[casus.pk]) + "?export=csv")
    text = r.content.decode()
    assert r["Content-Type"].startswith("text/csv") and "Casus geopend" in text and "Fase:" in text


def test_a_garbage_checklist_item_ticks_nothing(client_as, casus):
    """An unreadable item id is "not of this phase", never item number 1."""
    from schakelpunt.casussen.models import ChecklistAfvinking

    voor = ChecklistAfvinking.objects.filter(casus=casus).count()
    response = client_as("aandachtsfunctionaris").post(
        f"/casussen/{casus.pk}/checklist/", {"item": "abc", "gedaan": "1"}
    )
    assert response.status_code == 302
    assert ChecklistAfvinking.objects.filter(casus=casus).count() == voor


def test_casus_pages_write_dates_like_the_rest_of_the_application(client_as, casus):
    """'30 november 2026', not '30 Nov 2026' (issue 10: one way of writing dates)."""
    import re

    page = client_as("aandachtsfunctionaris").get(f"/casussen/{casus.pk}/").content.decode()
    assert not re.search(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mrt|Mei|Okt)\b", page)
