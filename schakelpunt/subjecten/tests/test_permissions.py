"""Need to know: the melder sees nothing of the register; a deelnemer with a grant sees the hit, not the content."""

import pytest
from django.urls import reverse

from schakelpunt.audit.models import AuditRecord
from schakelpunt.notificaties.models import Notificatie
from schakelpunt.subjecten import selectors, services
from schakelpunt.subjecten.models import BetrokkeneKoppeling, CombineerVerzoek, RelatieSoort, SubjectInzage
from schakelpunt.subjecten.tests import matrix
from schakelpunt.testing.auth import login

from .conftest import BSN_A, persoon

pytestmark = pytest.mark.django_db

ROLLEN_ZONDER_REGISTER = ["melder", "casusregisseur", "deelnemer", "bestuur", "beheerder", "privacyfunctionaris", None]


def persoon_van(signaal):
    return BetrokkeneKoppeling.objects.get(signaal=signaal).persoon


@pytest.fixture
def bekende_persoon(meld):
    """A person known at two departments (samenloop), with a distinctive name and description."""
    meld(persoon(voornamen="Zacharias", geslachtsnaam="Quist", bsn=BSN_A), afdeling="Jeugd", omschrijving="GEHEIM-1")
    signaal = meld(
        persoon(voornamen="Zacharias", geslachtsnaam="Quist", bsn=BSN_A), afdeling="Leerplicht", omschrijving="GEHEIM-2"
    )
    return persoon_van(signaal)


@pytest.mark.parametrize("rol", ROLLEN_ZONDER_REGISTER)
@pytest.mark.parametrize("naam", sorted(matrix.MATRIX))
def test_no_subject_url_or_api_shows_anything_without_a_grant(naam, rol, persona, client, bekende_persoon):
    row = matrix.MATRIX[naam]
    if "persoon" in naam or naam == "subjecten:combineren":
        kwargs = {"pk": bekende_persoon.pk}
    else:
        kwargs = row.kwargs(persona) if row.kwargs else {}
    url = reverse(naam, kwargs=kwargs)
    if row.api:
        from rest_framework.test import APIClient

        from schakelpunt.testing.auth import api_token_for

        http = APIClient()
        http.credentials(HTTP_AUTHORIZATION=f"Token {api_token_for(persona(rol))}")
        response = getattr(http, row.method.lower())(url, row.data, format="json")
    else:
        response = getattr(login(client, persona(rol)), row.method.lower())(url, row.data)
    if naam == "subjecten:mijn_personen" and rol in row.allowed:
        # A colleague's own list of grants: there, but empty without one.
        assert response.status_code == 200
    else:
        assert response.status_code in (403, 404), f"{naam} as {rol}: {response.status_code}"
    body = response.content.decode()
    assert "Quist" not in body and "GEHEIM" not in body and "bekend" not in body.lower()


def test_the_melders_api_response_is_the_same_for_known_and_unknown_persons(api_client_as, bekende_persoon):
    api = api_client_as("melder")

    def report(voornamen, bsn):
        body = {
            "omschrijving": "Zorgen.",
            "betrokkenen": [
                {"rol": "betrokkene", "persoon": {"voornamen": voornamen, "geslachtsnaam": "Quist", "bsn": bsn}}
            ],
        }
        response = api.post(reverse("api-signalen"), body, format="json")
        assert response.status_code == 201
        return response

    bekend = report("Zacharias", BSN_A)
    onbekend = report("Yvo", "123456782")
    assert persoon_van_signaal(bekend.json()["id"]) == bekende_persoon  # it was linked ...
    # ... but nothing in the answer says so, not even its shape.
    assert shape(bekend.json()) == shape(onbekend.json())
    assert "subject" not in bekend.json()["betrokkenen"][0]
    assert set(bekend.headers) == set(onbekend.headers)
    detail = api.get(reverse("api-signaal-detail", args=[bekend.json()["id"]])).json()
    assert "subject" not in detail["betrokkenen"][0]
    assert "samenloop" not in str(detail).lower()


def persoon_van_signaal(pk):
    return BetrokkeneKoppeling.objects.get(signaal_id=pk).persoon


def shape(value):
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(v) for v in value]
    return type(value).__name__


def test_the_melder_gets_no_notice_and_no_samenloop_in_screens(client_as, persona, meld, bekende_persoon):
    melder = persona("melder")
    signaal = meld(persoon(voornamen="Zacharias", geslachtsnaam="Quist", bsn=BSN_A), actor=melder)
    client = client_as("melder")
    for url in (reverse("signalen:detail", args=[signaal.pk]), reverse("signalen:mijn"), reverse("ui:home")):
        body = client.get(url).content.decode()
        assert "samenloop" not in body.lower() and "subjecten/persoon" not in body
    assert not Notificatie.objects.filter(ontvanger=melder).exclude(onderwerp__startswith="Nieuws").exists()


def test_the_meldpunt_sees_the_resolved_subject_in_the_signal_api(api_client_as, meld):
    eerste = meld(
        persoon(
            voornamen="Mohamed",
            geslachtsnaam="El Amrani",
            geboortejaar=1990,
            geboortemaand=3,
            geboortedag=14,
            postcode="1234AB",
            huisnummer=5,
        )
    )
    tweede = meld(persoon(voornamen="M.", geslachtsnaam="El Amrani", geboortejaar=1990), afdeling="Jeugd")
    api = api_client_as("aandachtsfunctionaris")
    data = api.get(reverse("api-signaal-detail", args=[eerste.pk])).json()["betrokkenen"][0]["subject"]
    assert data["persoon_id"] == persoon_van(eerste).pk and data["adres_id"] and data["methode"] == "nieuw"
    data = api.get(reverse("api-signaal-detail", args=[tweede.pk])).json()["betrokkenen"][0]["subject"]
    assert data["persoon_id"] == persoon_van(tweede).pk
    [kandidaat] = data["mogelijke_matches"]
    assert kandidaat["persoon_id"] == persoon_van(eerste).pk and 0.5 <= kandidaat["score"] < 0.98
    assert "achternaam" in kandidaat["toelichting"]


def test_persoon_api_for_the_meldpunt_lists_all_signals(api_client_as, bekende_persoon):
    response = api_client_as("aandachtsfunctionaris").get(reverse("api-persoon-detail", args=[bekende_persoon.pk]))
    data = response.json()
    assert response.status_code == 200 and data["geslachtsnaam"] == "Quist" and data["bsn"] == BSN_A
    assert sorted(data["signalen"]) == sorted(bekende_persoon.koppelingen.values_list("signaal_id", flat=True))
    assert "samenloop" not in data


def test_a_deelnemer_with_a_grant_sees_the_hit_not_the_content(af, persona, api_client_as, client_as, bekende_persoon):
    deelnemer = persona("deelnemer")
    services.subject_inzage_verlenen(actor=af, user=deelnemer, persoon=bekende_persoon, reden="Casusoverleg 12 mei")
    data = api_client_as("deelnemer").get(reverse("api-persoon-detail", args=[bekende_persoon.pk])).json()
    assert data["geslachtsnaam"] == "Quist" and data["signalen"] == []
    assert data["samenloop"]["aantal_andere_afdelingen"] == 2
    assert data["samenloop"]["tekst"].startswith("Ook bekend bij 2 andere afdelingen sinds ")
    assert "GEHEIM" not in str(data)
    page = client_as("deelnemer").get(reverse("subjecten:persoon", args=[bekende_persoon.pk]))
    body = page.content.decode()
    assert page.status_code == 200 and "Ook bekend bij 2 andere afdelingen" in body
    assert "GEHEIM" not in body and "S-0" not in body
    # Someone else with the same role but no grant gets nothing.
    andere = api_client_as(persona("casusregisseur"))
    assert andere.get(reverse("api-persoon-detail", args=[bekende_persoon.pk])).status_code == 404


def test_a_grant_can_expire(af, persona, bekende_persoon):
    import datetime

    deelnemer = persona("deelnemer")
    SubjectInzage.objects.create(
        user=deelnemer, persoon=bekende_persoon, reden="oud", geldig_tot=datetime.date(2020, 1, 1)
    )
    from django.http import Http404

    with pytest.raises(Http404):
        selectors.persoon_get(user=deelnemer, pk=bekende_persoon.pk)


def test_the_hit_counts_other_departments_only(make_user, af, bekende_persoon):
    from schakelpunt.accounts.models import Afdeling

    collega = make_user("deelnemer", afdeling=Afdeling.objects.get(naam="Jeugd"))
    SubjectInzage.objects.create(user=collega, persoon=bekende_persoon, reden="casus")
    hit = selectors.samenloop_hit(user=collega, persoon=bekende_persoon)
    assert hit.aantal_afdelingen == 1 and hit.tekst.startswith("Ook bekend bij 1 andere afdeling sinds ")


def test_a_deelnemer_asks_the_meldpunt_to_combine(af, persona, client_as, bekende_persoon):
    deelnemer = persona("deelnemer")
    SubjectInzage.objects.create(user=deelnemer, persoon=bekende_persoon, reden="casus")
    response = client_as("deelnemer").post(
        reverse("subjecten:combineren", args=[bekende_persoon.pk]), {"toelichting": "Zie casus 12."}
    )
    assert response.status_code == 302
    verzoek = CombineerVerzoek.objects.get()
    assert (verzoek.persoon, verzoek.door, verzoek.toelichting) == (bekende_persoon, deelnemer, "Zie casus 12.")
    notice = Notificatie.objects.get(ontvanger=af, onderwerp__startswith="Verzoek")
    assert "Quist" not in notice.tekst and "Zie casus" not in notice.tekst
    assert notice.url == reverse("subjecten:persoon", args=[bekende_persoon.pk])


def test_reads_are_logged_per_person(af, bekende_persoon):
    selectors.persoon_get(user=af, pk=bekende_persoon.pk)
    selectors.persoon_signalen(user=af, persoon=bekende_persoon)
    log = AuditRecord.objects.filter(actor_id=af.pk, actie="lezen")
    assert log.filter(object_type="persoon", betrokkene=bekende_persoon.log_key).count() >= 2
    assert log.filter(object_type="signaal").count() == 2


def test_refused_reads_are_logged(persona, bekende_persoon):
    from django.http import Http404

    with pytest.raises(Http404):
        selectors.persoon_get(user=persona("melder"), pk=bekende_persoon.pk)
    assert AuditRecord.objects.filter(uitkomst="geweigerd", object_type="persoon").exists()


def test_network_visible_to_the_meldpunt_and_limited_for_a_grant(af, persona, meld):
    moeder = persoon_van(meld(persoon(voornamen="Anna", geslachtsnaam="Kowalski", postcode="1234AB", huisnummer=1)))
    kind = persoon_van(meld(persoon(voornamen="Piotr", geslachtsnaam="Kowalski", geboortejaar=2010)))
    services.relatie_create(actor=af, soort=RelatieSoort.OUDER, van=moeder, naar=kind)

    netwerk = selectors.persoon_netwerk(user=af, persoon=kind)
    assert {k.id for k in netwerk.knopen} == {f"persoon:{kind.pk}", f"persoon:{moeder.pk}"}
    [verbinding] = netwerk.verbindingen
    assert (verbinding.van, verbinding.naar, verbinding.soort) == (
        f"persoon:{moeder.pk}",
        f"persoon:{kind.pk}",
        "ouder",
    )
    twee_stappen = selectors.persoon_netwerk(user=af, persoon=kind, hops=2)
    assert f"adres:{moeder.woonadres_id}" in {k.id for k in twee_stappen.knopen}
    assert len(twee_stappen.verbindingen) == 2

    deelnemer = persona("deelnemer")
    SubjectInzage.objects.create(user=deelnemer, persoon=kind, reden="casus")
    beperkt = selectors.persoon_netwerk(user=deelnemer, persoon=kind, hops=2)
    assert {k.id for k in beperkt.knopen} == {f"persoon:{kind.pk}"} and not beperkt.verbindingen
    log = AuditRecord.objects.filter(actor_id=af.pk, toelichting="netwerk")
    assert f"persoon:{moeder.pk}" in set(log.values_list("betrokkene", flat=True))
