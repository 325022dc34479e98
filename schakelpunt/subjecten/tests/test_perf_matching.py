"""The lookup of a signal's persons: one candidate query for all of them, and very common keys skipped."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from schakelpunt.subjecten import services
from schakelpunt.subjecten.models import BetrokkeneKoppeling, Bron, Methode, Persoon
from schakelpunt.subjecten.services import sleutels

from .conftest import persoon

pytestmark = pytest.mark.django_db

DRIE = [
    persoon(voornamen="Fatima", geslachtsnaam="Bakkali", geboortejaar=1975, geboortemaand=1, geboortedag=2),
    persoon(voornamen="Pieter", geslachtsnaam="de Vries", geboortejaar=1961, geboortemaand=3, geboortedag=9),
    persoon(voornamen="Anouk", geslachtsnaam="Smit", geboortejaar=2004, geboortemaand=11, geboortedag=30),
]


def _sleutel_selects(ctx) -> list[str]:
    return [
        q["sql"]
        for q in ctx.captured_queries
        if q["sql"].startswith("SELECT") and 'FROM "subjecten_persoonsleutel"' in q["sql"]
    ]


def test_a_three_person_signal_looks_up_its_candidates_once(meld):
    eerder = [meld(p) for p in DRIE]
    with CaptureQueriesContext(connection) as ctx:
        signaal = meld(*DRIE, afdeling="Jeugd")
    # One count over all keys of the three persons, one load of all their candidates.
    assert len(_sleutel_selects(ctx)) == 2
    nu = BetrokkeneKoppeling.objects.filter(signaal=signaal).order_by("betrokkene_id")
    toen = [BetrokkeneKoppeling.objects.get(signaal=s) for s in eerder]
    assert [k.persoon_id for k in nu] == [k.persoon_id for k in toen]
    assert all(k.methode == Methode.WAARSCHIJNLIJK for k in nu)


def test_the_batch_gives_what_one_by_one_gives(meld):
    for p in DRIE:
        meld(p)
    meld(persoon(voornamen="Fatma", geslachtsnaam="Bakali", geboortejaar=1975))
    records = [
        services.PersonRecord(ref="a", voornamen="Fatima", geslachtsnaam="Bakali", geboortedatum=None),
        services.PersonRecord(ref="b", voornamen="Piet", voorvoegsel="de", geslachtsnaam="Vries"),
        services.PersonRecord(ref="c", voornamen="Anouk", geslachtsnaam="Smit", bsn=None),
        services.PersonRecord(ref="d", voornamen="Niemand", geslachtsnaam="Onbekend"),
    ]
    assert services.personen_kandidaten(records) == [services.persoon_kandidaten(r) for r in records]


def _jansen(jaar: int) -> Persoon:
    p = Persoon.objects.create(voornamen="Jan", geslachtsnaam="Jansen", geboortejaar=jaar, bron=Bron.IMPORT)
    services.persoon_sleutels_bijwerken(p)
    return p


def test_a_very_common_key_is_skipped_when_a_selective_key_exists(settings):
    settings.SUBJECT_MAX_PER_SLEUTEL = 3
    oudste = _jansen(1950)
    anderen = [_jansen(jaar) for jaar in (1960, 1970, 1980, 1990)]
    # "ni:jnsn:j" and "nn:jn:jnsn" hold five persons, more than the cap: "ny:jnsn:1950" decides.
    record = services.PersonRecord(ref="q", voornamen="Jan", geslachtsnaam="Jansen", geboortedatum=None)
    record_1950 = services.PersonRecord(
        ref="q", voornamen="Jan", geslachtsnaam="Jansen", geboortedatum=services.PartialDate(1950, None, None)
    )
    ids = services._kandidaat_ids(services.engine.blocking_keys(record_1950))
    assert ids == [oudste.pk]  # not the four newest Jansens (the old cap would have dropped him)
    kandidaten = services.persoon_kandidaten(record_1950)
    assert [k.persoon_id for k in kandidaten] == [oudste.pk]
    # Without a selective key the common keys are still used, capped to the newest persons.
    ids = set(services._kandidaat_ids(services.engine.blocking_keys(record)))
    assert ids == {p.pk for p in anderen[-3:]}


def test_common_keys_are_judged_per_person_in_a_batch(settings):
    settings.SUBJECT_MAX_PER_SLEUTEL = 3
    _jansen(1950)
    anderen = [_jansen(jaar) for jaar in (1960, 1970, 1980, 1990)]
    zonder_jaar = services.PersonRecord(ref="q1", voornamen="Jan", geslachtsnaam="Jansen")
    met_jaar = services.PersonRecord(
        ref="q2", voornamen="Jan", geslachtsnaam="Jansen", geboortedatum=services.PartialDate(1990, None, None)
    )
    een, twee = services.personen_kandidaten([zonder_jaar, met_jaar])
    assert een == services.persoon_kandidaten(zonder_jaar)
    assert twee == services.persoon_kandidaten(met_jaar)
    assert anderen[-1].pk in {k.persoon_id for k in twee}


def test_a_key_that_finds_nobody_does_not_hide_the_common_keys(settings):
    settings.SUBJECT_MAX_PER_SLEUTEL = 3
    zonder_jaar = []
    for _ in range(5):
        p = Persoon.objects.create(voornamen="Jan", geslachtsnaam="Jansen", bron=Bron.IMPORT)
        services.persoon_sleutels_bijwerken(p)
        zonder_jaar.append(p)
    # The birth-year key of this record exists for no stored person; the common name keys must
    # still be looked up (capped), or a stored Jan Jansen without a year could never be found.
    record = services.PersonRecord(
        ref="q", voornamen="Jan", geslachtsnaam="Jansen", geboortedatum=services.PartialDate(1985, None, None)
    )
    ids = set(services._kandidaat_ids(services.engine.blocking_keys(record)))
    assert ids == {p.pk for p in zonder_jaar[-3:]}


def test_candidates_are_loaded_in_parts_with_the_same_outcome(monkeypatch):
    """Many candidates are read by id in parts of PER_QUERY; a form that is missing is made from
    the columns, in whichever part it falls."""
    personen = [_jansen(jaar) for jaar in (1960, 1961, 1962, 1963, 1964)]
    Persoon.objects.filter(pk=personen[2].pk).update(matchprofiel="")
    record = services.PersonRecord(
        ref="q", voornamen="Jan", geslachtsnaam="Jansen", geboortedatum=services.PartialDate(1962, None, None)
    )
    ids = services._kandidaat_ids(services.engine.blocking_keys(record))
    assert set(ids) == {p.pk for p in personen}
    heel = services.personen_kandidaten([record])
    monkeypatch.setattr(sleutels, "PER_QUERY", 2)
    assert set(services._kandidaten_laden(ids)) == set(ids)
    assert services.personen_kandidaten([record]) == heel
    assert personen[2].pk in {k.persoon_id for k in heel[0]}
