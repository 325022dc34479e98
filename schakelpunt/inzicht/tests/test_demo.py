"""The demo data shows inzicht's figures: counted signals, and adviesvragen with cells above the threshold."""

from django.core.management import call_command
from django.utils import timezone

from schakelpunt.inzicht import selectors
from schakelpunt.inzicht.grid import Kwartaal


def test_the_demo_shows_adviesvragen_and_signals_in_the_figures(db, settings):
    settings.DEMO = True
    call_command("seed_demo")
    huidig, vorig = Kwartaal.van(timezone.localdate()), Kwartaal.van(timezone.localdate()).vorige()
    gepubliceerd = []
    for kwartaal in (huidig, vorig):
        figuren = {f.code: f.tabel for f in selectors.figuren_kwartaal(kwartaal)}
        assert figuren == {f.code: f.tabel for f in selectors.figuren_kwartaal(kwartaal, live=True)}
        gepubliceerd += [v for row in figuren["adviesvraag"].cellen for v in row if v]
    assert gepubliceerd, "de demo moet adviesvragen boven de drempel hebben"
