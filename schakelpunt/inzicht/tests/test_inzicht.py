"""Inzicht: the page and the API publish the same protected figures, on the fixed grid only."""

import datetime

import pytest
from django.utils import timezone

from schakelpunt.inzicht import selectors, tellingen
from schakelpunt.inzicht.grid import Kwartaal
from schakelpunt.signalen.models import Signaal
from schakelpunt.signalen.tests.factories import BetrokkeneFactory, SignaalFactory
from schakelpunt.taxonomie.models import Fenomeen

pytestmark = pytest.mark.django_db


def _signalen(aantal, fenomeen, melder, when):
    for _ in range(aantal):
        s = SignaalFactory(melder=melder, omschrijving="GEHEIME OMSCHRIJVING")
        BetrokkeneFactory(signaal=s, voornamen="Geheimnaam", geslachtsnaam="Persoonsgegeven")
        s.fenomenen.add(fenomeen)
        Signaal.objects.filter(pk=s.pk).update(ontvangen_op=when)


@pytest.fixture
def kwartaal_met_cijfers(persona):
    vandaag = timezone.localdate()
    k = Kwartaal.van(vandaag)
    fenomenen = list(Fenomeen.objects.filter(parent__isnull=True).order_by("naam")[:2])
    when = timezone.make_aware(datetime.datetime.combine(k.begin, datetime.time(12)))
    _signalen(2, fenomenen[0], persona("melder"), when)  # a small cell
    _signalen(9, fenomenen[1], persona("melder"), when)
    tellingen.opbouwen()  # written past the services (factories), as a bulk load would
    return k, fenomenen


def test_small_counts_never_reach_page_or_api(kwartaal_met_cijfers, client_as, api_client_as):
    k, fenomenen = kwartaal_met_cijfers
    figuur = selectors.signalen_per_fenomeen(k)
    rij = figuur.tabel.rijen.index(fenomenen[0].naam)
    assert figuur.tabel.cellen[rij][0] is None and figuur.tabel.rijtotalen[rij] is None
    api = api_client_as("bestuur").get("/api/v1/inzicht/signalen", {"kwartaal": k.code}).json()
    api_tabel = api["figuren"][0]["tabel"]
    assert api_tabel["cellen"] == figuur.tabel.cellen and api_tabel["totaal"] == figuur.tabel.totaal
    page = client_as("bestuur").get("/inzicht/", {"kwartaal": k.code}).content.decode()
    assert "afgeschermd" in page


def test_no_personal_data_or_free_text_reaches_bestuur(kwartaal_met_cijfers, client_as, api_client_as):
    k, _ = kwartaal_met_cijfers
    page = client_as("bestuur").get("/inzicht/", {"kwartaal": k.code}).content.decode()
    api = api_client_as("bestuur").get("/api/v1/inzicht/signalen", {"kwartaal": k.code}).content.decode()
    for text in (page, api):
        assert "Geheimnaam" not in text and "Persoonsgegeven" not in text and "GEHEIME" not in text


@pytest.mark.parametrize("code", ["2026-01", "2026-K5", "1999-K1", "2026-K1' OR 1=1", "x" * 5000, "2020-K1"])
def test_only_the_fixed_grid_is_published(code, client_as, api_client_as):
    assert client_as("bestuur").get("/inzicht/", {"kwartaal": code}).status_code == 400
    response = api_client_as("bestuur").get("/api/v1/inzicht/signalen", {"kwartaal": code})
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"


def test_free_period_parameters_are_ignored(kwartaal_met_cijfers, api_client_as):
    k, _ = kwartaal_met_cijfers
    plain = api_client_as("bestuur").get("/api/v1/inzicht/signalen", {"kwartaal": k.code}).json()
    tried = (
        api_client_as("bestuur")
        .get("/api/v1/inzicht/signalen", {"kwartaal": k.code, "van": k.begin.isoformat(), "tot": k.begin.isoformat()})
        .json()
    )
    assert plain == tried


def test_each_month_is_published_in_exactly_one_table():
    k = Kwartaal(2026, 4)
    assert k.maanden == [10, 11, 12] and k.einde == datetime.date(2027, 1, 1)
    months = [m for nummer in range(1, 5) for m in Kwartaal(2026, nummer).maanden]
    assert sorted(months) == list(range(1, 13))


def test_a_melder_sees_no_figures(client_as, api_client_as):
    assert client_as("melder").get("/inzicht/").status_code == 403
    assert api_client_as("melder").get("/api/v1/inzicht/signalen").status_code == 403


def test_a_figure_without_rows_is_published_empty_not_a_500(client_as):
    """No phases configured (or a table without rows): the dashboard still answers."""
    from schakelpunt.casussen.models import ChecklistItem, Fase, FaseOvergang
    from schakelpunt.inzicht.disclosure import protect

    assert protect([], ["jan", "feb", "mrt"], []).kolomtotalen == [0, 0, 0]
    FaseOvergang.objects.all().delete()
    ChecklistItem.objects.all().delete()
    Fase.objects.all().delete()
    assert client_as("bestuur").get("/inzicht/").status_code == 200
