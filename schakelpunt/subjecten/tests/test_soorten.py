"""One SubjectSoort for every place that needs a kind of subject (issue 8)."""

from schakelpunt.subjecten import models
from schakelpunt.subjecten.models import Relatie
from schakelpunt.subjecten.soorten import SubjectSoort


def test_every_kind_names_its_model_and_relation_fields():
    relatie_velden = {f.name for f in Relatie._meta.get_fields()}
    for soort in SubjectSoort:
        assert soort.model() is getattr(models, soort.model_naam)
        assert soort.naar_veld in relatie_velden
        assert not soort.van_veld or soort.van_veld in relatie_velden


def test_a_kind_is_its_code_in_order_with_its_words():
    assert [s.value for s in SubjectSoort] == ["persoon", "adres", "organisatie", "voertuig", "telefoon"]
    assert SubjectSoort("telefoon").label == "Telefoonnummer" and SubjectSoort.PERSOON == "persoon"
    assert SubjectSoort.ADRES.aantal(1) == "1 adres" and SubjectSoort.ADRES.aantal(3) == "3 adressen"
    assert SubjectSoort.volgorde_van("onbekend") == len(SubjectSoort)


def test_the_kind_of_an_object(db):
    from schakelpunt.subjecten.tests.factories import PersoonFactory

    assert SubjectSoort.van(PersoonFactory()) is SubjectSoort.PERSOON
