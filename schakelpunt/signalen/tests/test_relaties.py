"""Relations the melder states between betrokkenen: kept on the signal, received by the register."""

import pytest
from django.core.exceptions import ValidationError

from schakelpunt.audit.models import AuditRecord
from schakelpunt.signalen import services
from schakelpunt.signalen.models import BetrokkeneRelatie
from schakelpunt.subjecten.models import Relatie, RelatieSoort

KIND = {"rol": "mogelijk_slachtoffer", "voornamen": "Noor", "geslachtsnaam": "Proefkind", "geboortejaar": 2014}
VADER = {"rol": "betrokkene", "voornamen": "Karel", "geslachtsnaam": "Proefvader", "geboortejaar": 1980}
BEDRIJF = {"rol": "mogelijke_dader", "organisatienaam": "Proef Schoonmaak BV"}
LEEG = {"rol": "betrokkene", "voornamen": ""}


def _melden(melder, betrokkenen, relaties):
    return services.signaal_create(
        actor=melder, omschrijving="Kind niet op school.", betrokkenen=betrokkenen, relaties=relaties
    )


def test_a_stated_parent_becomes_a_relation_in_the_register(melder):
    signaal = _melden(melder, [KIND, VADER], [(1, "ouder", 0)])
    stated = BetrokkeneRelatie.objects.get(signaal=signaal)
    assert (stated.van.voornamen, stated.soort, stated.naar.voornamen) == ("Karel", "ouder", "Noor")
    relatie = Relatie.objects.get(soort=RelatieSoort.OUDER)
    assert (relatie.van_persoon.voornamen, relatie.naar_persoon.voornamen) == ("Karel", "Noor")
    assert relatie.bron_signaal_id == signaal.pk
    assert AuditRecord.objects.filter(object_type="relatie", object_id=str(signaal.pk)).count() == 2


def test_kind_van_and_werkgever_van_turn_round_in_the_register(melder):
    _melden(melder, [KIND, VADER, BEDRIJF], [(0, "kind", 1), (2, "werkgever", 1)])
    ouder = Relatie.objects.get(soort=RelatieSoort.OUDER)
    assert (ouder.van_persoon.voornamen, ouder.naar_persoon.voornamen) == ("Karel", "Noor")
    werk = Relatie.objects.get(soort=RelatieSoort.WERKT_BIJ)
    assert werk.van_persoon.voornamen == "Karel" and werk.naar_organisatie.naam == "Proef Schoonmaak BV"


def test_positions_skip_empty_betrokkenen(melder):
    signaal = _melden(melder, [KIND, LEEG, VADER], [(2, "ouder", 0)])
    assert BetrokkeneRelatie.objects.get(signaal=signaal).van.voornamen == "Karel"
    with pytest.raises(ValidationError, match="leeg"):
        _melden(melder, [KIND, LEEG, VADER], [(1, "ouder", 0)])


@pytest.mark.parametrize(
    ("betrokkenen", "relaties", "fout"),
    [
        ([KIND, VADER], [(0, "baas", 1)], "bestaande soort"),
        ([KIND, VADER], [(0, "ouder", 0)], "twee verschillende"),
        ([KIND, VADER], [(0, "ouder", 5)], "leeg"),
        ([KIND, BEDRIJF], [(1, "ouder", 0)], "alleen tussen twee personen"),
    ],
)
def test_wrong_relations_are_refused_in_dutch(melder, betrokkenen, relaties, fout):
    with pytest.raises(ValidationError, match=fout):
        _melden(melder, betrokkenen, relaties)
    assert not BetrokkeneRelatie.objects.exists()
