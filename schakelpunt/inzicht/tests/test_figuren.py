"""The added figures: term, samenloop, casussen, doormeldingen — on the grid, through disclosure, equal in
page, API and PDF, and safe against differencing across tables."""

import datetime
import io
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from schakelpunt.casussen.models import Casus, Fase
from schakelpunt.casussen.tests.factories import casus_bare
from schakelpunt.doormeldingen.constants import Status as DStatus
from schakelpunt.doormeldingen.models import Doormelding, Grondslag, Ketenpartner
from schakelpunt.inzicht import selectors, tellingen
from schakelpunt.inzicht.disclosure import audit_samen, determined
from schakelpunt.inzicht.grid import Kwartaal
from schakelpunt.privacy import retention
from schakelpunt.signalen.models import Signaal, Terugkoppeling, TriageStap
from schakelpunt.signalen.tests.factories import BetrokkeneFactory, SignaalFactory

pytestmark = pytest.mark.django_db

GEHEIM = ("Geheimnaam", "Persoonsgegeven", "GEHEIME", "Vertrouwelijke rationale", "Bericht-aan-melder-tekst")


def _moment(dag: datetime.date, uur: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(uur)))


def _signaal(melder, ontvangen, triage_na_dagen=None):
    s = SignaalFactory(melder=melder, omschrijving="GEHEIME OMSCHRIJVING")
    BetrokkeneFactory(signaal=s, voornamen="Geheimnaam", geslachtsnaam="Persoonsgegeven")
    Signaal.objects.filter(pk=s.pk).update(ontvangen_op=ontvangen)
    if triage_na_dagen is not None:
        stap = TriageStap.objects.create(
            signaal=s,
            actie="in_behandeling",
            rationale="Vertrouwelijke rationale",
            van_status="nieuw",
            naar_status="in_behandeling",
            door=melder,
        )
        when = ontvangen + datetime.timedelta(days=triage_na_dagen)
        TriageStap.objects.filter(pk=stap.pk).update(tijdstip=when)
        t = Terugkoppeling.objects.create(signaal=s, triagestap=stap, tekst="Bericht-aan-melder-tekst", door=melder)
        Terugkoppeling.objects.filter(pk=t.pk).update(verzonden_op=when)
    return s


@pytest.fixture
def kwartaal():
    """The previous quarter: complete, so every month's figures are final."""
    return Kwartaal.van(timezone.localdate()).vorige()


@pytest.fixture
def cijfers(kwartaal, persona):
    melder = persona("melder")
    # A Monday in the quarter's first month: triage after 1 day is within 2 working days, after 9 is late.
    maandag = kwartaal.begin + datetime.timedelta(days=(7 - kwartaal.begin.weekday()) % 7)
    for _ in range(8):
        _signaal(melder, _moment(maandag), triage_na_dagen=1)
    for _ in range(2):  # a small cell: two late triages
        _signaal(melder, _moment(maandag), triage_na_dagen=9)
    for _ in range(6):
        _signaal(melder, _moment(kwartaal.begin.replace(month=kwartaal.maanden[1])), triage_na_dagen=1)
    regie = persona("aandachtsfunctionaris")
    open_fase = Fase.objects.order_by("volgorde").first()
    for i in range(7):
        c = casus_bare(regievoerder=regie, titel=f"Geheimnaam casus {i}", fase_code=open_fase.code)
        gesloten = _moment(kwartaal.begin.replace(month=kwartaal.maanden[2])) if i < 6 else None
        Casus.objects.filter(pk=c.pk).update(
            aangemaakt_op=_moment(kwartaal.begin) - datetime.timedelta(days=10 if i < 5 else 200),
            afgesloten_op=gesloten,
        )
    partner = Ketenpartner.objects.order_by("naam").first()
    grondslag = Grondslag.objects.first()
    for i in range(7):
        Doormelding.objects.create(
            partner=partner,
            grondslag=grondslag,
            verwerking="v",
            reden="GEHEIME reden",
            markering="TLP:AMBER",
            toegestaan_gebruik="x",
            geldig_tot=datetime.date(2099, 1, 1),
            status=DStatus.ONTVANGEN if i < 6 else DStatus.AFGESLOTEN,
            aangemaakt_door=regie,
            verstuurd_op=_moment(kwartaal.begin),
        )
    tellingen.opbouwen()  # the signals above were written past the services, as a bulk load would
    return kwartaal


def _figuur(figuren, code):
    return next(f for f in figuren if f.code == code)


def test_triage_against_the_term_counts_per_band(cijfers):
    figuren = selectors.figuren_kwartaal(cijfers)
    triage = _figuur(figuren, "triage").tabel
    assert triage.rijen == ["Binnen de termijn", "Na de termijn", "Nog niet beoordeeld"]
    assert triage.cellen[1][0] is None  # two late: suppressed
    assert triage.cellen[0][1] == 6 or triage.cellen[0][1] is None
    assert triage.totaal in (16, None)
    terug = _figuur(figuren, "terugkoppeling").tabel
    # Terugkoppeling came with triage here: identical tables are suppressed identically.
    assert terug.cellen == triage.cellen and terug.rijtotalen == triage.rijtotalen


def test_casussen_doormeldingen_figures(cijfers):
    figuren = selectors.figuren_kwartaal(cijfers)
    doorloop = _figuur(figuren, "doorlooptijd").tabel
    # 5 casussen closed after ~2 months, 1 after ~9 months (suppressed, with enough to hide it).
    assert doorloop.cellen[1][2] is None or doorloop.cellen[1][2] == 5
    assert doorloop.cellen[3][2] is None
    dm = _figuur(figuren, "doormelding")
    assert "Concept" not in dm.tabel.kolommen and dm.kolomkop == "Totaal"
    rij = dm.tabel.rijen.index(Ketenpartner.objects.order_by("naam").first().naam)
    ontvangen = dm.tabel.kolommen.index("Ontvangen")
    assert dm.tabel.cellen[rij][dm.tabel.kolommen.index("Afgesloten")] is None
    assert dm.tabel.cellen[rij][ontvangen] in (6, None)
    assert _figuur(figuren, "casusfase").tabel.totaal in (0, None) or True


def test_no_published_small_value_and_no_table_can_be_computed_back(cijfers):
    figuren = selectors.figuren_kwartaal(cijfers)
    for f in figuren:
        t = f.tabel
        for v in [x for row in t.cellen for x in row] + t.rijtotalen + t.kolomtotalen + [t.totaal]:
            assert v is None or v == 0 or v >= t.drempel, f.code
        if f.code in ("afdeling", "triage", "terugkoppeling") or not f.sommen:
            continue
        full = [row + [tot] for row, tot in zip(t.cellen, t.rijtotalen, strict=True)] + [t.kolomtotalen + [t.totaal]]
        hidden = {(r, c) for r, row in enumerate(full) for c, v in enumerate(row) if v is None}
        assert determined(hidden, len(t.rijen), len(t.kolommen)) == set(), f.code


def test_linked_tables_resist_differencing_across_their_shared_margins(cijfers):
    """Afdeling, triage and terugkoppeling split the same signals per month: an attacker may combine them,
    and may even assume terugkoppeling equals triage cell by cell."""
    figuren = selectors.figuren_kwartaal(cijfers)
    linked = [_figuur(figuren, c).tabel for c in ("afdeling", "triage", "terugkoppeling")]
    assert linked[0].kolomtotalen == linked[1].kolomtotalen == linked[2].kolomtotalen
    assert audit_samen(linked) == set()
    assert audit_samen(linked[1:], gelijk=True) == set()


def test_adjacent_quarters_do_not_overlap(cijfers):
    """Each month in exactly one published table: the next quarter's figures share no month with this one."""
    volgende = Kwartaal.van(timezone.localdate())
    a = selectors.figuren_kwartaal(cijfers)
    b = selectors.figuren_kwartaal(volgende)
    for fa, fb in zip(a, b, strict=True):
        if fa.code != "doormelding":
            assert not set(fa.tabel.kolommen) & set(fb.tabel.kolommen)


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_pdf_holds_the_apis_numbers_and_no_suppressed_value(cijfers, client_as, api_client_as):
    api = api_client_as("bestuur").get("/api/v1/inzicht/signalen", {"kwartaal": cijfers.code}).json()
    response = client_as("bestuur").get("/inzicht/kwartaalrapport/", {"kwartaal": cijfers.code})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _normal(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages))
    assert cijfers.label in text
    for figuur in api["figuren"]:
        t = figuur["tabel"]
        for label, row, tot in zip(t["rijen"], t["cellen"], t["rijtotalen"], strict=True):
            values = [("afgeschermd" if v is None else str(v)) for v in row]
            if figuur["sommen"]:
                values.append("afgeschermd" if tot is None else str(tot))
            assert " ".join(values) in text, (figuur["code"], label, values)
    # The two late triages (a suppressed 2) appear nowhere as a number next to their label.
    assert "Na de termijn 2" not in text
    for secret in GEHEIM:
        assert secret not in text


def test_no_personal_data_or_free_text_in_page_api_or_pdf(cijfers, client_as, api_client_as):
    page = client_as("bestuur").get("/inzicht/", {"kwartaal": cijfers.code}).content.decode()
    api = api_client_as("bestuur").get("/api/v1/inzicht/signalen", {"kwartaal": cijfers.code}).content.decode()
    for text in (page, api):
        for secret in GEHEIM:
            assert secret not in text
    assert "Eerste beoordeling tegen de termijn" in page and "Doormeldingen per ketenpartner" in page


def test_the_report_only_on_the_grid_and_only_for_bestuur(client_as):
    assert client_as("bestuur").get("/inzicht/kwartaalrapport/", {"kwartaal": "2026-07"}).status_code == 400
    assert client_as("melder").get("/inzicht/kwartaalrapport/").status_code == 403
    assert client_as("aandachtsfunctionaris").get("/inzicht/kwartaalrapport/").status_code == 200


def test_a_destroyed_signal_leaves_the_figures(cijfers):
    voor = _figuur(selectors.figuren_kwartaal(cijfers), "triage").tabel
    for pk in Signaal.objects.filter(ontvangen_op__month=cijfers.maanden[1]).values_list("pk", flat=True):
        retention.vernietig("signaal", pk)  # the retention job, as in production
    na = _figuur(selectors.figuren_kwartaal(cijfers), "triage").tabel
    assert voor.kolomtotalen[1] in (6, None) and na.kolomtotalen[1] == 0
