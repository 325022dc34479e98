"""Adviesvragen in the figures: per fenomeen and whether they became a signal, per month of the quarter,
protected together (they share their totals), the same in page, API and PDF, and without their text."""

import datetime
import io
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from schakelpunt.adviesvragen.models import Adviesvraag
from schakelpunt.inzicht import selectors
from schakelpunt.inzicht.disclosure import audit_samen
from schakelpunt.inzicht.grid import Kwartaal
from schakelpunt.signalen.tests.factories import SignaalFactory
from schakelpunt.taxonomie.models import Fenomeen

pytestmark = pytest.mark.django_db

SITUATIE = "Geheime situatie bij de Vertrouwelijkstraat"


@pytest.fixture
def vragen(persona):
    """Previous quarter: 9 questions about fenomeen A in month 1 (6 became a signal), 2 about a
    sub-fenomeen of B in month 2 (a small cell), 7 without fenomeen in month 3."""
    kwartaal = Kwartaal.van(timezone.localdate()).vorige()
    a = Fenomeen.objects.filter(parent__isnull=True).order_by("naam").first()
    sub = Fenomeen.objects.filter(parent__isnull=False).exclude(parent=a).first()
    melder = persona("melder")

    def vraag(maand_index: int, fenomeen, signaal: bool = False) -> None:
        v = Adviesvraag.objects.create(melder=melder, situatie=SITUATIE, fenomeen=fenomeen)
        dag = kwartaal.begin.replace(month=kwartaal.maanden[maand_index], day=10)
        velden = {"gesteld_op": timezone.make_aware(datetime.datetime.combine(dag, datetime.time(11)))}
        if signaal:
            velden["signaal"] = SignaalFactory(melder=melder)
        Adviesvraag.objects.filter(pk=v.pk).update(**velden)

    for i in range(9):
        vraag(0, a, signaal=i < 6)
    for _ in range(2):
        vraag(1, sub)
    for _ in range(7):
        vraag(2, None)
    return kwartaal, a, sub


def _figuur(figuren, code):
    return next(f for f in figuren if f.code == code)


def test_questions_per_fenomeen_and_outcome_small_cells_suppressed(vragen):
    kwartaal, a, sub = vragen
    figuren = selectors.figuren_kwartaal(kwartaal)
    per_fenomeen = _figuur(figuren, "adviesvraag").tabel
    uitkomst = _figuur(figuren, "adviesvraagsignaal").tabel
    assert per_fenomeen.cellen[per_fenomeen.rijen.index(a.naam)][0] == 9
    assert per_fenomeen.rijen[-1] == "Geen fenomeen gekozen" and per_fenomeen.cellen[-1][2] in (7, None)
    # The sub-fenomeen counts under its main fenomeen: 2, suppressed.
    assert per_fenomeen.cellen[per_fenomeen.rijen.index(sub.parent.naam)][1] is None
    assert uitkomst.rijen == ["Er is een signaal van gemaakt", "Geen signaal (nog)"]
    assert uitkomst.cellen[0][0] == 6 or uitkomst.cellen[0][0] is None
    for t in (per_fenomeen, uitkomst):
        for v in [x for row in t.cellen for x in row] + t.rijtotalen + t.kolomtotalen + [t.totaal]:
            assert v is None or v == 0 or v >= t.drempel
    # Shared column totals: an attacker combining both tables computes nothing back.
    assert per_fenomeen.kolomtotalen == uitkomst.kolomtotalen
    assert audit_samen([per_fenomeen, uitkomst]) == set()


def test_page_api_and_pdf_publish_the_same_numbers_and_no_text(vragen, client_as, api_client_as):
    kwartaal, _a, _sub = vragen
    api = api_client_as("bestuur").get("/api/v1/inzicht/signalen", {"kwartaal": kwartaal.code})
    codes = [f["code"] for f in api.json()["figuren"]]
    assert "adviesvraag" in codes and "adviesvraagsignaal" in codes
    page = client_as("bestuur").get("/inzicht/", {"kwartaal": kwartaal.code}).content.decode()
    assert "Adviesvragen per fenomeen" in page and "Adviesvragen die een signaal werden" in page
    pdf = client_as("aandachtsfunctionaris").get("/inzicht/kwartaalrapport/", {"kwartaal": kwartaal.code})
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages))
    tabel = next(f for f in api.json()["figuren"] if f["code"] == "adviesvraag")["tabel"]
    for label, row, tot in zip(tabel["rijen"], tabel["cellen"], tabel["rijtotalen"], strict=True):
        values = [("afgeschermd" if v is None else str(v)) for v in [*row, tot]]
        assert f"{label} {' '.join(values)}" in text
    for body in (page, api.content.decode(), text):
        assert "Geheime situatie" not in body and "Vertrouwelijkstraat" not in body


def test_a_question_in_another_quarter_stays_out(vragen):
    kwartaal, _a, _sub = vragen
    huidig = _figuur(selectors.figuren_kwartaal(Kwartaal.van(timezone.localdate())), "adviesvraag").tabel
    eigen = _figuur(selectors.figuren_kwartaal(kwartaal), "adviesvraag").tabel
    assert huidig.totaal == 0 and eigen.totaal in (18, None)
    assert eigen.cellen[0][0] == 9 and eigen.rijtotalen[0] == 9  # the first fenomeen: nine, all in month one
