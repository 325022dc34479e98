"""The subject page and its network view: what each role sees, the network fragment, the forms, the log.

The data follows the CCV case (seeds/002): a child seen by school, youth care and enforcement, whose
family network is mapped by the meldpunt. Everything goes through the real services: signals are
reported by melders, the resolver links the persons, the aandachtsfunctionaris records relations.
All names and numbers are synthetic.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.urls import reverse

from schakelpunt.audit.models import AuditRecord
from schakelpunt.signalen import services as signalen_services
from schakelpunt.signalen.models import Signaal
from schakelpunt.subjecten import selectors, services
from schakelpunt.subjecten.models import (
    Adres,
    BetrokkeneKoppeling,
    Persoon,
    Relatie,
    RelatieSoort,
    SubjectInzage,
    Voertuig,
)
from schakelpunt.subjecten.netwerkbeeld import teken
from schakelpunt.taxonomie.models import Fenomeen

from .conftest import BSN_A

pytestmark = pytest.mark.django_db

OMSCHRIJVING_SCHOOL = "Daan is weken weg van school en oogt uitgeput als hij er is. GEHEIM-SCHOOL"
OMSCHRIJVING_JEUGD = "Moeder houdt de deur dicht; buren zien Daan 's nachts met volwassenen. GEHEIM-JEUGD"
OMSCHRIJVING_BOA = "Oom haalt kinderen op met een busje bij winkelcentra. GEHEIM-BOA"
OMSCHRIJVING_WI = "Vader heeft een uitkering maar rijdt in een nieuwe auto. GEHEIM-WI"
ADRES = {"straat": "Lindelaan", "huisnummer": 12, "postcode": "3511AB", "woonplaats": "Utrecht"}


@dataclass
class Familie:
    kind: Persoon
    moeder: Persoon
    vader: Persoon
    oom: Persoon
    adres: Adres
    voertuig: Voertuig
    signalen: list[Signaal]


def persoon_in(signaal: Signaal, voornamen: str) -> Persoon:
    return BetrokkeneKoppeling.objects.get(signaal=signaal, betrokkene__voornamen=voornamen).persoon


def familienetwerk(af, melder_bij) -> Familie:
    """Four signals from four departments, then the relations the meldpunt learned in the quickscan."""
    uitbuiting = Fenomeen.objects.get(code="mensenhandel-crimineel")
    kind = {"voornamen": "Daan", "geslachtsnaam": "Verbeek", "geboortejaar": 2013, "geboortemaand": 5}
    kind |= {"geboortedag": 2, "bsn": BSN_A, **ADRES}

    def meld(afdeling, omschrijving, *betrokkenen, fenomenen=()):
        return signalen_services.signaal_create(
            actor=melder_bij(afdeling), omschrijving=omschrijving, fenomenen=fenomenen, betrokkenen=betrokkenen
        )

    school = meld("Leerplicht", OMSCHRIJVING_SCHOOL, {"rol": "mogelijk_slachtoffer", **kind}, fenomenen=[uitbuiting])
    jeugd = meld(
        "Jeugd",
        OMSCHRIJVING_JEUGD,
        {"rol": "mogelijk_slachtoffer", **kind},
        {"rol": "betrokkene", "voornamen": "Sandra", "geslachtsnaam": "Verbeek", "geboortejaar": 1984, **ADRES},
        fenomenen=[uitbuiting],
    )
    boa = meld(
        "Handhaving",
        OMSCHRIJVING_BOA,
        {"rol": "mogelijke_dader", "voornamen": "Kees", "geslachtsnaam": "Verbeek", "geboortejaar": 1975},
        {"rol": "betrokkene", "kenteken": "GZ-123-K"},
    )
    wi = meld(
        "Werk en Inkomen",
        OMSCHRIJVING_WI,
        {"rol": "betrokkene", "voornamen": "Ruud", "geslachtsnaam": "Verbeek", "geboortejaar": 1980, **ADRES},
    )
    familie = Familie(
        kind=persoon_in(school, "Daan"),
        moeder=persoon_in(jeugd, "Sandra"),
        vader=persoon_in(wi, "Ruud"),
        oom=persoon_in(boa, "Kees"),
        adres=Adres.objects.get(postcode="3511AB"),
        voertuig=Voertuig.objects.get(),
        signalen=[school, jeugd, boa, wi],
    )
    assert persoon_in(jeugd, "Daan") == familie.kind  # the resolver linked the child (same BSN)
    for van, soort, naar in [
        (familie.moeder, RelatieSoort.OUDER, familie.kind),
        (familie.vader, RelatieSoort.OUDER, familie.kind),
        (familie.moeder, RelatieSoort.PARTNER, familie.vader),
        (familie.oom, RelatieSoort.BROER_ZUS, familie.vader),
        (familie.oom, RelatieSoort.GEBRUIKT, familie.voertuig),
    ]:
        services.relatie_create(actor=af, soort=soort, van=van, naar=naar, toelichting="Quickscan")
    return familie


@pytest.fixture
def familie(af, melder_bij):
    return familienetwerk(af, melder_bij)


def url(naam, persoon, **query):
    base = reverse(f"subjecten:{naam}", args=[persoon.pk])
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


# --- What each role sees --------------------------------------------------------------------


def test_the_meldpunt_sees_data_departments_signals_network_timeline(client_as, familie):
    response = client_as("aandachtsfunctionaris").get(url("persoon", familie.kind))
    assert response.status_code == 200
    body = response.content.decode()
    # Header: identity, BSN masked except the last three digits.
    assert "Daan Verbeek" in body and "2013-05-02" in body
    assert BSN_A not in body and f"••••••{BSN_A[-3:]}" in body and "Toon BSN" in body
    # Departments and samenloop.
    for afdeling in ("Leerplicht", "Jeugd"):
        assert afdeling in body
    assert "Samenloop afhandelen" in body  # an open alert: two departments about the child
    # Signals with number, department, phenomenon, role and a link.
    for signaal in familie.signalen[:2]:
        assert signaal.nummer in body and reverse("signalen:detail", args=[signaal.pk]) in body
    assert "Criminele uitbuiting" in body and "Mogelijk slachtoffer" in body
    assert familie.signalen[2].nummer not in body  # the uncle's signal is not about the child
    # The network: the graph with a focusable link per person, and both tables.
    assert '<svg class="sp-netwerk__svg' in body and 'role="group"' in body
    assert (
        f'href="{reverse("subjecten:persoon", args=[familie.moeder.pk])}" aria-label="Persoon: Sandra Verbeek' in body
    )
    assert "Subjecten in het netwerk" in body and "<caption" in body and "Relaties</caption>" in body
    assert "Lindelaan 12" in body
    # Timeline, Casussen, forms.
    assert '<ol class="sp-tijdlijn">' in body and "<time datetime=" in body
    assert "Relatie vastgelegd: Sandra Verbeek (1984) ouder van Daan Verbeek" in body
    assert "Deze persoon staat niet in een casus die jij mag zien" in body
    assert "Relatie vastleggen" in body and "Inzage geven aan een collega" in body


def test_the_timeline_is_in_order_and_names_merges_and_samenloop(af, familie):
    dubbel = Persoon.objects.create(voornamen="D.", geslachtsnaam="Verbeek", geboortejaar=2013)
    services.personen_samenvoegen(actor=af, bron=dubbel, doel=familie.kind, reden="Zelfde kind volgens school.")
    tijdlijn = selectors.persoon_tijdlijn(user=af, persoon=familie.kind)
    assert [g.sortering for g in tijdlijn] == sorted(g.sortering for g in tijdlijn)
    soorten = [g.soort for g in tijdlijn]
    assert soorten.count("signaal") == 2 and soorten.count("register") == 1
    assert {"relatie", "samenloop", "samenvoeging"} <= set(soorten)
    samenvoeging = next(g for g in tijdlijn if g.soort == "samenvoeging")
    assert samenvoeging.titel == "Samengevoegd: D. Verbeek opgenomen in Daan Verbeek"
    assert samenvoeging.tekst == "Reden: Zelfde kind volgens school."
    relatie = Relatie.objects.get(soort=RelatieSoort.OUDER, van_persoon=familie.moeder)
    relatie.geldig_van = datetime.date(2013, 5, 2)
    relatie.save()
    tijdlijn = selectors.persoon_tijdlijn(user=af, persoon=familie.kind)
    begin = tijdlijn[0]
    assert begin.titel == "Begin: Sandra Verbeek (1984) ouder van Daan Verbeek (2013-05-02)"
    assert begin.iso == "2013-05-02" and begin.is_datum


def test_a_granted_deelnemer_sees_only_the_hit_and_never_content(af, persona, client_as, familie):
    deelnemer = persona("deelnemer")
    services.subject_inzage_verlenen(actor=af, user=deelnemer, persoon=familie.kind, reden="Casusoverleg 12 mei")
    response = client_as("deelnemer").get(url("persoon", familie.kind))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Daan Verbeek" in body and "Ook bekend bij 2 andere afdelingen sinds" in body
    assert "Meldpunt vragen de informatie te combineren" in body
    for signaal in familie.signalen:
        assert signaal.omschrijving not in body and signaal.nummer not in body
    assert "GEHEIM" not in body
    for geheim in ("Sandra", "Ruud", "Kees", "GZ123K", "Criminele uitbuiting", "Leerplicht", "Jeugd"):
        assert geheim not in body, geheim
    assert "sp-netwerk" not in body and "sp-tijdlijn" not in body and "Relatie vastleggen" not in body
    # And not through the fragment either.
    assert client_as("deelnemer").get(url("persoon_netwerk", familie.kind)).status_code == 404


@pytest.mark.parametrize("rol", ["melder", "casusregisseur", "deelnemer", "bestuur", "beheerder", None])
def test_without_a_grant_every_subject_url_is_404(client_as, familie, rol):
    for naam in ("persoon", "persoon_netwerk", "persoon_bsn"):
        response = client_as(rol).get(url(naam, familie.kind))
        assert response.status_code == 404, (naam, rol)
        assert "Verbeek" not in response.content.decode()


def test_a_melder_never_reaches_a_subject_page_even_about_their_own_signal(client, melder_bij, familie):
    from schakelpunt.testing.auth import login

    melder = melder_bij("Leerplicht")
    client = login(client, melder)
    assert client.get(url("persoon", familie.kind)).status_code == 404
    detail = client.get(reverse("signalen:detail", args=[familie.signalen[0].pk])).content.decode()
    assert "subjecten/persoon" not in detail and "In het register" not in detail


def test_the_signal_page_links_each_betrokkene_to_its_subject_for_the_meldpunt(client_as, familie):
    body = client_as("aandachtsfunctionaris").get(reverse("signalen:detail", args=[familie.signalen[1].pk]))
    body = body.content.decode()
    assert "In het register" in body
    assert reverse("subjecten:persoon", args=[familie.kind.pk]) in body
    assert reverse("subjecten:persoon", args=[familie.moeder.pk]) in body
    assert f"persoonsnummer {familie.kind.pk}, zelfde BSN" in body


# --- The network fragment -------------------------------------------------------------------


def test_the_fragment_respects_the_number_of_steps(client_as, familie):
    client = client_as("aandachtsfunctionaris")
    een = client.get(url("persoon_netwerk", familie.kind, stappen=1), HTTP_HX_REQUEST="true").content.decode()
    assert een.startswith('<div id="netwerk"') and "<html" not in een
    assert 'hx-swap-oob="innerHTML"' in een  # the status line is updated for screen readers
    assert "Sandra Verbeek" in een and "Lindelaan 12" in een
    assert "Kees Verbeek" not in een and "GZ123K" not in een  # the uncle is two steps away
    assert "Eén stap verder" in een and "stappen=2" in een
    twee = client.get(url("persoon_netwerk", familie.kind, stappen=2)).content.decode()
    assert "Kees Verbeek" in twee and "GZ123K" not in twee
    drie = client.get(url("persoon_netwerk", familie.kind, stappen=3)).content.decode()
    assert "GZ123K" in drie and "Eén stap verder" not in drie
    # Out-of-range and nonsense values are clamped.
    assert "GZ123K" in client.get(url("persoon_netwerk", familie.kind, stappen=9)).content.decode()
    assert "Kees" not in client.get(url("persoon_netwerk", familie.kind, stappen="x")).content.decode()


def test_the_full_page_shows_more_steps_without_javascript(client_as, familie):
    body = client_as("aandachtsfunctionaris").get(url("persoon", familie.kind, stappen=2)).content.decode()
    assert "Kees Verbeek" in body and 'value="2" selected' in body


def test_the_network_is_capped_nearest_first(af, client_as, familie, monkeypatch):
    from schakelpunt.subjecten import views

    # Twelve more relatives of the mother: with a cap of 8 the nearest subjects stay.
    for i in range(12):
        p = Persoon.objects.create(voornamen=f"Neef{i:02d}", geslachtsnaam="Verbeek")
        services.relatie_create(actor=af, soort=RelatieSoort.FAMILIE, van=familie.moeder, naar=p)
    monkeypatch.setattr(views, "MAX_KNOPEN_BEELD", 8)
    body = client_as("aandachtsfunctionaris").get(url("persoon_netwerk", familie.kind, stappen=2)).content.decode()
    assert "Netwerk ingekort" in body and "de 8 die het dichtst bij Daan Verbeek staan" in body
    # The child's direct relations (step 1) are all there; only some of the cousins.
    for naam in ("Sandra Verbeek", "Ruud Verbeek", "Lindelaan 12"):
        assert naam in body
    assert body.count('class="sp-knoop ') == 8
    assert "Eén stap verder" not in body


def test_queries_per_step_are_bounded(af, client_as, familie, django_assert_max_num_queries, settings, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # The session records activity only every few seconds: on a slow machine one of the two pages
    # would otherwise write it and the other not. Counting queries must not depend on the clock.
    settings.SESSION_IDLE_TIMEOUT = 10**9
    monkeypatch.setattr("schakelpunt.accounts.middleware.ACTIVITY_RESOLUTION", 10**9)
    client = client_as("aandachtsfunctionaris")

    def pagina_queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url("persoon", familie.kind, stappen=3)).status_code == 200
        return len(ctx.captured_queries)

    klein = pagina_queries()
    for i in range(30):
        p = Persoon.objects.create(voornamen=f"Neef{i:02d}", geslachtsnaam="Verbeek")
        services.relatie_create(actor=af, soort=RelatieSoort.FAMILIE, van=familie.oom, naar=p)
        services.relatie_create(actor=af, soort=RelatieSoort.FAMILIE, van=familie.moeder, naar=p)
    # Relations once per step, subjects once per kind, the access checks and the log: not per subject.
    with django_assert_max_num_queries(12):
        beeld = selectors.persoon_netwerk_beeld(user=af, persoon=familie.kind, stappen=3)
    assert len(beeld.netwerk.knopen) == 4 + 1 + 1 + 30
    # The whole page too: thirty more subjects and sixty more relations, not one query more.
    assert pagina_queries() == klein


def test_the_layout_is_deterministic_and_distance_based(af, familie):
    beeld = selectors.persoon_netwerk_beeld(user=af, persoon=familie.kind, stappen=3)
    args = (beeld.netwerk.knopen, beeld.netwerk.verbindingen, beeld.afstanden, beeld.objecten)
    eerste, tweede = teken(*args), teken(*args)
    assert eerste == tweede
    plek = {k.id: k for k in eerste.knopen}
    assert (plek[f"persoon:{familie.kind.pk}"].x, plek[f"persoon:{familie.kind.pk}"].y) == (0, 0)

    def straal(k):
        return (k.x**2 + k.y**2) ** 0.5

    moeder, oom = plek[f"persoon:{familie.moeder.pk}"], plek[f"persoon:{familie.oom.pk}"]
    voertuig = plek[f"voertuig:{familie.voertuig.pk}"]
    assert straal(moeder) < straal(oom) < straal(voertuig)
    assert (moeder.afstand, oom.afstand, voertuig.afstand) == (1, 2, 3)
    assert moeder.aria_label == "Persoon: Sandra Verbeek, geboren 1984, 1 stap verwijderd"
    assert {k.vorm for k in eerste.knopen} == {"circle", "polygon", "rect"}


# --- Forms ----------------------------------------------------------------------------------


def post_relatie(client, persoon, **data):
    return client.post(url("persoon_relatie", persoon), {f"relatie-{k}": v for k, v in data.items()})


def test_record_a_relation_from_the_page(client_as, familie):
    client = client_as("aandachtsfunctionaris")
    response = post_relatie(
        client,
        familie.kind,
        soort="woont_op",
        richting="van",
        subject=f"adres:{familie.adres.pk}",
        geldig_van="2020-01-01",
        toelichting="BRP-uittreksel via leerplicht",
    )
    assert response.status_code == 302 and response["Location"].endswith("#netwerk-titel")
    # The child already lived there according to the signal: the service records the stated period anew.
    assert Relatie.objects.filter(van_persoon=familie.kind, naar_adres=familie.adres, geldig_van="2020-01-01").exists()
    # The other direction, with a person's number: the uncle is family of the child.
    response = post_relatie(client, familie.kind, soort="familie", richting="naar", persoonsnummer=familie.oom.pk)
    assert response.status_code == 302
    assert Relatie.objects.filter(soort="familie", van_persoon=familie.oom, naar_persoon=familie.kind).exists()
    # A known vehicle by its plate, however it is typed.
    assert post_relatie(client, familie.kind, soort="gebruikt", richting="van", kenteken="gz 123 k").status_code == 302
    assert Relatie.objects.filter(van_persoon=familie.kind, naar_voertuig=familie.voertuig).exists()


@pytest.mark.parametrize(
    ("data", "veld", "fout"),
    [
        ({"richting": "van", "subject": "adres:1"}, "soort", "Kies een soort relatie."),
        ({"soort": "ouder", "richting": "van"}, "subject", "Kies het andere subject, of vul een persoonsnummer"),
        ({"soort": "ouder", "richting": "van", "persoonsnummer": 99999}, "persoonsnummer", "Er is geen persoon"),
        ({"soort": "gebruikt", "richting": "van", "kenteken": "ZZ-999-Z"}, "kenteken", "Dit kenteken is niet bekend"),
        ({"soort": "woont_op", "richting": "van", "persoon": True}, "subject", "Woont op en gevestigd op verwijzen"),
        (
            {"soort": "ouder", "richting": "van", "adres": True},
            "subject",
            "Deze relatie bestaat alleen tussen personen",
        ),
        ({"soort": "woont_op", "richting": "naar", "adres": True}, "richting", "staat altijd aan het eind"),
        (
            {
                "soort": "ouder",
                "richting": "van",
                "persoon": True,
                "geldig_van": "2020-01-01",
                "geldig_tot": "2019-01-01",
            },
            "geldig_tot",
            "De einddatum ligt voor de begindatum.",
        ),
        (
            {"soort": "ouder", "richting": "van", "persoon": True, "geldig_van": "gisteren"},
            "geldig_van",
            "geldige datum",
        ),
    ],
)
def test_relation_form_errors_are_in_dutch_and_nothing_is_saved(client_as, familie, data, veld, fout):
    data = dict(data)
    if data.pop("persoon", False):
        data["subject"] = f"persoon:{familie.moeder.pk}"
    if data.pop("adres", False):
        data["subject"] = f"adres:{familie.adres.pk}"
    aantal = Relatie.objects.count()
    response = post_relatie(client_as("aandachtsfunctionaris"), familie.kind, **data)
    assert response.status_code == 400
    body = response.content.decode()
    assert fout in body and 'role="alert"' in body
    assert f"id_relatie-{veld}_fout" in body or (veld == "richting" and "id_relatie-richting_fout" in body)
    assert Relatie.objects.count() == aantal


def test_grant_a_colleague_sight_from_the_page(client_as, persona, familie):
    deelnemer = persona("deelnemer")
    client = client_as("aandachtsfunctionaris")
    page = client.get(url("persoon", familie.kind)).content.decode()
    assert '<option value="deelnemer">' in page and '<option value="aandachtsfunctionaris">' not in page
    response = client.post(url("persoon_inzage", familie.kind), {"inzage-collega": "deelnemer", "inzage-reden": ""})
    assert (
        response.status_code == 400
        and "Schrijf op waarom deze collega de persoon mag zien." in response.content.decode()
    )
    response = client.post(
        url("persoon_inzage", familie.kind),
        {"inzage-collega": "deelnemer", "inzage-reden": "Casusoverleg 12 mei", "inzage-geldig_tot": "2999-12-31"},
    )
    assert response.status_code == 302
    inzage = SubjectInzage.objects.get(user=deelnemer, persoon=familie.kind)
    assert inzage.reden == "Casusoverleg 12 mei" and str(inzage.geldig_tot) == "2999-12-31"
    assert "Casusoverleg 12 mei" in client.get(url("persoon", familie.kind)).content.decode()


def test_only_the_meldpunt_records_relations_or_grants(af, persona, client_as, familie):
    services.subject_inzage_verlenen(actor=af, user=persona("deelnemer"), persoon=familie.kind, reden="casus")
    client = client_as("deelnemer")
    assert (
        post_relatie(client, familie.kind, soort="familie", richting="naar", persoonsnummer=familie.oom.pk).status_code
        == 403
    )
    response = client.post(url("persoon_inzage", familie.kind), {"inzage-collega": "deelnemer", "inzage-reden": "x"})
    assert response.status_code == 403
    assert not Relatie.objects.filter(soort="familie").exists()


# --- BSN and the access log -----------------------------------------------------------------


def test_show_bsn_is_a_separate_logged_read(af, client_as, familie):
    client = client_as("aandachtsfunctionaris")
    fragment = client.get(url("persoon_bsn", familie.kind), HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200 and BSN_A in fragment.content.decode()
    assert "<html" not in fragment.content.decode()
    assert (
        AuditRecord.objects.filter(
            actor_id=af.pk, toelichting="BSN getoond", betrokkene=familie.kind.log_key, actie="lezen"
        ).count()
        == 1
    )
    # Without JavaScript: the whole page with the BSN shown, logged the same way.
    page = client.get(url("persoon_bsn", familie.kind)).content.decode()
    assert BSN_A in page and "<html" in page
    assert AuditRecord.objects.filter(actor_id=af.pk, toelichting="BSN getoond").count() == 2
    # A person without a BSN has nothing to show.
    assert client.get(url("persoon_bsn", familie.moeder)).status_code == 404


def test_a_page_read_logs_every_person_concerned_shown(af, client_as, familie):
    eerder = AuditRecord.objects.order_by("-pk").values_list("pk", flat=True).first()
    client_as("aandachtsfunctionaris").get(url("persoon", familie.kind, stappen=2))
    nieuw = AuditRecord.objects.filter(pk__gt=eerder, actor_id=af.pk, actie="lezen")
    gelogd = set(nieuw.values_list("betrokkene", flat=True))
    getoond = {
        familie.kind.log_key,
        familie.moeder.log_key,
        familie.vader.log_key,
        familie.oom.log_key,
        familie.adres.log_key,
    }
    assert getoond <= gelogd
    assert familie.voertuig.log_key not in gelogd  # three steps away: not shown, not logged
    # Every entry names the role, purpose and processing activity.
    assert set(nieuw.values_list("rol", flat=True)) == {"aandachtsfunctionaris"}
    assert all(nieuw.values_list("doel", flat=True)) and all(nieuw.values_list("verwerking", flat=True))
    # The network entries: exactly one per subject shown.
    netwerk = nieuw.filter(toelichting="netwerk (2 stappen)")
    assert sorted(netwerk.values_list("betrokkene", flat=True)) == sorted(
        k.id for k in selectors.persoon_netwerk_beeld(user=af, persoon=familie.kind, stappen=2).netwerk.knopen
    )


def test_the_hit_page_logs_the_person_and_the_hit(af, persona, client_as, familie):
    deelnemer = persona("deelnemer")
    services.subject_inzage_verlenen(actor=af, user=deelnemer, persoon=familie.kind, reden="casus")
    client_as("deelnemer").get(url("persoon", familie.kind))
    log = AuditRecord.objects.filter(actor_id=deelnemer.pk)
    assert log.filter(toelichting="samenloop: hit", betrokkene=familie.kind.log_key).exists()
    assert set(log.values_list("betrokkene", flat=True)) == {familie.kind.log_key}


# --- Casussen and disclosures on the person's page -------------------------------------------


def test_the_page_lists_the_casussen_about_the_person_and_what_was_disclosed(af, persona, client_as, familie):
    import datetime as dt

    from django.utils import timezone

    from schakelpunt.casussen import services as casus_services
    from schakelpunt.doormeldingen.models import Doormelding, Grondslag, Ketenpartner, Verstrekking

    regisseur = persona("casusregisseur")
    casus = casus_services.casus_open(
        actor=af, titel="Zorgen om Daan", signalen=[familie.signalen[0]], regievoerder=regisseur
    )
    from importlib import import_module

    from django.apps import apps

    import_module("schakelpunt.doormeldingen.migrations.0002_ketenpartners").create(apps, None)
    doormelding = Doormelding.objects.create(
        partner=Ketenpartner.objects.get(code="politie"),
        grondslag=Grondslag.objects.get(code="avg-6-1-e"),
        verwerking="Doormelden",
        reden="Reden",
        markering="TLP:AMBER",
        toegestaan_gebruik="Alleen beoordelen",
        geldig_tot=dt.date(2099, 1, 1),
        aangemaakt_door=af,
    )
    Verstrekking.objects.create(
        doormelding=doormelding,
        persoon=familie.kind,
        persoon_key=familie.kind.log_key,
        door=af,
        rol="aandachtsfunctionaris",
        partner="Politie",
        tijdstip=timezone.now(),
        velden=["naam", "geboortedatum"],
        document_hash="0" * 64,
        grondslag="AVG art. 6 lid 1 sub e",
        verwerking="Doormelden",
        markering="TLP:AMBER",
        kanaal="downloadlink",
    )
    html = client_as("aandachtsfunctionaris").get(url("persoon", familie.kind)).content.decode()
    assert "Zorgen om Daan" in html and reverse("casussen:detail", args=[casus.pk]) in html
    assert "Verstrekt aan ketenpartners" in html and "naam, geboortedatum" in html
    assert "komt in een volgende versie" not in html
    assert AuditRecord.objects.filter(
        object_type="casus", object_id=str(casus.pk), betrokkene=familie.kind.log_key
    ).exists()
    # The uncle is in no casus and nothing about him was disclosed.
    html_oom = client_as("aandachtsfunctionaris").get(url("persoon", familie.oom)).content.decode()
    assert "Zorgen om Daan" not in html_oom and "Over deze persoon is niets aan een ketenpartner verstrekt" in html_oom


def test_a_casus_the_reader_may_not_see_is_not_listed(af, persona, familie):
    from schakelpunt.casussen import selectors as casus_selectors
    from schakelpunt.casussen import services as casus_services

    casus_services.casus_open(
        actor=af, titel="Zorgen om Daan", signalen=[familie.signalen[0]], regievoerder=persona("casusregisseur")
    )
    assert casus_selectors.casussen_van_persoon(user=af, persoon=familie.kind)
    assert casus_selectors.casussen_van_persoon(user=persona("deelnemer"), persoon=familie.kind) == []
    assert casus_selectors.casussen_van_persoon(user=persona("melder"), persoon=familie.kind) == []
