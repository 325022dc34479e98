"""The matching path through the database: exact keys, the engine on indexed candidates, the grey zone, families."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from schakelpunt.matching import nicknames
from schakelpunt.subjecten import services
from schakelpunt.subjecten.models import (
    Adres,
    BetrokkeneKoppeling,
    Methode,
    MogelijkeMatch,
    Organisatie,
    Persoon,
    PersoonSleutel,
    Relatie,
    RelatieSoort,
    Roepnaam,
    Telefoonnummer,
    Voertuig,
)
from schakelpunt.subjecten.services import koppelen

from .conftest import BSN_A, BSN_B, persoon

pytestmark = pytest.mark.django_db

ADRES = {"straat": "Kerkstraat", "huisnummer": 12, "postcode": "1234AB", "woonplaats": "Ergens"}


def koppeling(signaal, index: int = 0) -> BetrokkeneKoppeling:
    return BetrokkeneKoppeling.objects.filter(signaal=signaal).order_by("betrokkene_id")[index]


def test_every_betrokkene_is_resolved_and_keys_are_stored(meld):
    signaal = meld(persoon(geboortejaar=1980, geboortemaand=5, geboortedag=1, **ADRES))
    k = koppeling(signaal)
    assert k.methode == Methode.NIEUW and k.persoon and k.adres
    assert k.adres.sleutel == "NL|1234AB|12||"
    keys = set(PersoonSleutel.objects.filter(persoon=k.persoon).values_list("sleutel", flat=True))
    assert keys == set(services.engine.blocking_keys(services.persoon_record(k.persoon)))
    assert any(key.startswith("ny:") for key in keys)
    # A person with an address yields a "woont op" relation, with the signal as its source.
    relatie = Relatie.objects.get(van_persoon=k.persoon)
    assert (relatie.soort, relatie.naar_adres, relatie.bron_signaal) == (RelatieSoort.WOONT_OP, k.adres, signaal)


def test_same_bsn_links_whatever_the_spelling(meld):
    eerste = meld(persoon(bsn=BSN_A, geboortejaar=1980))
    tweede = meld(persoon(voornamen="Johannes", geslachtsnaam="Janssen-Pietersen", bsn=BSN_A), afdeling="Jeugd")
    assert koppeling(tweede).persoon == koppeling(eerste).persoon
    assert koppeling(tweede).methode == Methode.BSN
    assert Persoon.objects.count() == 1


def test_same_bsn_with_a_clearly_different_person_is_for_a_person_to_decide(meld):
    # A mistyped BSN can pass the elfproef: a father's BSN on his son's record must not merge them.
    vader = meld(persoon(voornamen="Kees", bsn=BSN_A, geboortejaar=1960, geboortemaand=1, geboortedag=1))
    zoon = meld(persoon(voornamen="Thijs", bsn=BSN_A, geboortejaar=1995, geboortemaand=7, geboortedag=7))
    assert koppeling(zoon).persoon != koppeling(vader).persoon
    assert koppeling(zoon).methode == Methode.NIEUW
    match = MogelijkeMatch.objects.get()
    assert match.kandidaat == koppeling(vader).persoon and "BSN" in match.toelichting


def test_different_bsns_are_never_linked(meld):
    meld(persoon(bsn=BSN_A, geboortejaar=1980, geboortemaand=5, geboortedag=1, **ADRES))
    meld(persoon(bsn=BSN_B, geboortejaar=1980, geboortemaand=5, geboortedag=1, **ADRES))
    assert Persoon.objects.count() == 2
    assert not MogelijkeMatch.objects.exists()


def test_exact_keys_for_address_organisation_vehicle_and_phone(meld):
    def alles(**extra):
        return [
            {"soort": "adres", "postcode": "1234 ab", "huisnummer": 12, "huisletter": "a", "toevoeging": "bis"},
            {"soort": "organisatie", "organisatienaam": "Schoonmaak B.V.", "kvk_nummer": "12345678"},
            {"soort": "voertuig", "kenteken": "AB123C"},
            {"soort": "telefoon", "telefoonnummer": "0612345678"},
        ]

    eerste = meld(*alles())
    tweede = meld(*alles(), afdeling="Vergunningen")
    for index in range(4):
        a, b = koppeling(eerste, index), koppeling(tweede, index)
        assert (a.adres_id, a.organisatie_id, a.voertuig_id, a.telefoonnummer_id) == (
            b.adres_id,
            b.organisatie_id,
            b.voertuig_id,
            b.telefoonnummer_id,
        )
    assert Adres.objects.get().sleutel == "NL|1234AB|12|A|BIS"
    assert Organisatie.objects.count() == Voertuig.objects.count() == Telefoonnummer.objects.count() == 1
    # A different huisletter is a different address.
    derde = meld({"soort": "adres", "postcode": "1234AB", "huisnummer": 12, "huisletter": "B"})
    assert koppeling(derde).adres_id != koppeling(eerste).adres_id


def test_organisation_without_kvk_by_name(meld):
    a = meld({"soort": "organisatie", "organisatienaam": "Uitzendbureau Snel B.V."})
    b = meld({"soort": "organisatie", "organisatienaam": "uitzendbureau snel bv"}, afdeling="Jeugd")
    assert koppeling(a).organisatie_id == koppeling(b).organisatie_id


def test_probabilistic_match_links_with_score_and_explanation(meld):
    eerste = meld(
        persoon(
            voornamen="Mohamed", geslachtsnaam="El Amrani", geboortejaar=1990, geboortemaand=3, geboortedag=14, **ADRES
        )
    )
    tweede = meld(
        persoon(
            voornamen="Mohammed", geslachtsnaam="Amrani", geboortejaar=1990, geboortemaand=3, geboortedag=14, **ADRES
        ),
        afdeling="Jeugd",
    )
    k = koppeling(tweede)
    assert k.persoon == koppeling(eerste).persoon
    assert k.methode == Methode.WAARSCHIJNLIJK
    assert 0.98 <= k.score <= 1
    assert "geboortedatum" in k.toelichting and "adres" in k.toelichting


def test_grey_zone_becomes_a_mogelijke_match(meld):
    eerste = meld(
        persoon(voornamen="Mohamed", geslachtsnaam="El Amrani", geboortejaar=1990, geboortemaand=3, geboortedag=14)
    )
    tweede = meld(persoon(voornamen="M.", geslachtsnaam="El Amrani", geboortejaar=1990), afdeling="Jeugd")
    nieuw, bekend = koppeling(tweede).persoon, koppeling(eerste).persoon
    assert nieuw != bekend and koppeling(tweede).methode == Methode.NIEUW
    match = MogelijkeMatch.objects.get()
    assert (match.persoon, match.kandidaat, match.status) == (nieuw, bekend, "open")
    assert 0.5 <= match.score < 0.98
    assert match.toelichting and match.bron_signaal == tweede


def test_twins_are_not_merged(meld):
    tweeling = dict(geslachtsnaam="de Vries", geboortejaar=2012, geboortemaand=6, geboortedag=3, **ADRES)
    meld(persoon(voornamen="Daan", **tweeling))
    meld(persoon(voornamen="Sem", **tweeling), afdeling="Leerplicht")
    # Reported again later, each by their own name: each goes to the right child.
    daan = meld(persoon(voornamen="Daan", **tweeling), afdeling="Jeugd")
    sem = meld(persoon(voornamen="Sem", **tweeling), afdeling="Jeugd")
    assert Persoon.objects.count() == 2
    assert koppeling(daan).persoon.voornamen == "Daan"
    assert koppeling(sem).persoon.voornamen == "Sem"
    assert not MogelijkeMatch.objects.filter(persoon__voornamen="Daan", kandidaat__voornamen="Sem").exists()


def test_twins_in_one_signal_stay_two(meld):
    tweeling = dict(geslachtsnaam="de Vries", geboortejaar=2012, geboortemaand=6, geboortedag=3, **ADRES)
    signaal = meld(persoon(voornamen="Daan", **tweeling), persoon(voornamen="D.", **tweeling))
    assert koppeling(signaal, 0).persoon_id != koppeling(signaal, 1).persoon_id
    # Persons at one address are not assumed to be huisgenoten: only "woont op" for each.
    assert set(Relatie.objects.values_list("soort", flat=True)) == {RelatieSoort.WOONT_OP}


def test_father_and_son_with_the_same_name(meld):
    vader = meld(
        persoon(
            voornamen="Jan Willem", geslachtsnaam="Bakker", geboortejaar=1965, geboortemaand=2, geboortedag=8, **ADRES
        )
    )
    zoon = meld(
        persoon(
            voornamen="Jan Willem", geslachtsnaam="Bakker", geboortejaar=1995, geboortemaand=11, geboortedag=20, **ADRES
        ),
        afdeling="Jeugd",
    )
    assert koppeling(vader).persoon != koppeling(zoon).persoon
    assert not MogelijkeMatch.objects.exists()
    # "Jan Willem Bakker" at that address without a date: could be either, so a person decides.
    onbekend = meld(persoon(voornamen="Jan Willem", geslachtsnaam="Bakker", **ADRES), afdeling="Werk")
    k = koppeling(onbekend)
    assert k.methode == Methode.NIEUW
    assert k.persoon not in (koppeling(vader).persoon, koppeling(zoon).persoon)
    kandidaten = set(MogelijkeMatch.objects.filter(persoon=k.persoon).values_list("kandidaat_id", flat=True))
    assert kandidaten <= {koppeling(vader).persoon_id, koppeling(zoon).persoon_id}


def test_candidates_come_from_one_indexed_lookup(meld):
    meld(persoon(voornamen="Fatima", geslachtsnaam="Bakali", geboortejaar=1975, geboortemaand=1, geboortedag=2))
    record = services.PersonRecord(
        ref="q", voornamen="Fatima", geslachtsnaam="Bakkali", geboortedatum=services.PartialDate(1975, 1, 2)
    )
    nicknames.refresh()  # the beheerder's roepnamen were just read: no query for them in the lookup
    with CaptureQueriesContext(connection) as ctx:
        kandidaten = services.persoon_kandidaten(record)
    sleutel_queries = [q["sql"] for q in ctx.captured_queries if "subjecten_persoonsleutel" in q["sql"]]
    # A count per key (to skip very common keys), then the candidates' ids from the same index ...
    assert len(sleutel_queries) == 2 and all(" IN (" in sql for sql in sleutel_queries)
    assert "GROUP BY" in sleutel_queries[0]
    assert "subjecten_persoon" not in sleutel_queries[1].replace("subjecten_persoonsleutel", "")
    # ... then each candidate once by id: its stored prepared form, none of its columns; and the population.
    persoon_queries = [q["sql"] for q in ctx.captured_queries if q["sql"] not in sleutel_queries]
    geladen = [sql for sql in persoon_queries if "matchprofiel" in sql]
    assert len(geladen) == 1 and "geslachtsnaam" not in geladen[0]
    assert len(ctx.captured_queries) <= 4  # key counts, ids, prepared forms, population
    assert kandidaten and kandidaten[0].beslissing == "match"


def test_a_merged_person_is_found_through_its_survivor(af, meld):
    a = koppeling(
        meld(persoon(voornamen="Piet", geslachtsnaam="Klaassen", geboortejaar=1970, geboortemaand=4, geboortedag=4))
    ).persoon
    b = koppeling(meld(persoon(voornamen="Petrus", geslachtsnaam="Claassen", geboortejaar=1970))).persoon
    services.personen_samenvoegen(actor=af, bron=a, doel=b, reden="Zelfde persoon volgens de melder.")
    later = meld(
        persoon(voornamen="Piet", geslachtsnaam="Klaassen", geboortejaar=1970, geboortemaand=4, geboortedag=4),
        afdeling="Jeugd",
    )
    assert koppeling(later).persoon == b


def test_a_known_person_gets_the_newest_address_and_phone(meld):
    eerste = meld(persoon(bsn=BSN_A, **ADRES))
    tweede = meld(persoon(bsn=BSN_A, postcode="9999ZZ", huisnummer=1, telefoonnummer="0612345678"))
    p = koppeling(eerste).persoon
    p.refresh_from_db()
    assert p.woonadres == koppeling(tweede).adres
    assert p.telefoonnummers == ["+31612345678"]
    assert Relatie.objects.filter(van_persoon=p, soort=RelatieSoort.WOONT_OP).count() == 2


def test_a_street_added_to_a_known_address_reaches_the_keys_of_everyone_living_there(meld):
    """An address first reported without its street gets it from a later signal about someone
    else: the residents' keys and stored prepared forms follow (they hold the street)."""
    eerste = meld(persoon(geboortejaar=1980, **{**ADRES, "straat": "", "woonplaats": ""}))
    bewoner = koppeling(eerste).persoon
    voor = bewoner.matchprofiel
    meld(persoon(voornamen="Karim", geslachtsnaam="Benali", geboortejaar=1990, **ADRES), afdeling="Jeugd")
    bewoner.refresh_from_db()
    assert bewoner.woonadres.straat == "Kerkstraat"
    prepared = services.engine.prepare(services.persoon_record(bewoner), cache=False)
    assert bewoner.matchprofiel == services.engine.to_profile(prepared) != voor
    keys = set(PersoonSleutel.objects.filter(persoon=bewoner).values_list("sleutel", flat=True))
    assert keys == set(services.engine.blocking_keys(prepared))


def test_resolving_never_loses_the_signal(meld, settings, monkeypatch):
    settings.TESTING = False
    monkeypatch.setattr(koppelen, "_signaal_koppelen", lambda s: 1 / 0)
    signaal = meld(persoon())
    assert signaal.pk and signaal.betrokkenen.count() == 1
    assert not BetrokkeneKoppeling.objects.exists()
    # The command resolves what was left.
    monkeypatch.undo()
    from django.core.management import call_command

    settings.TESTING = True
    call_command("betrokkenen_koppelen", stdout=io.StringIO())
    assert BetrokkeneKoppeling.objects.filter(signaal=signaal).exists()


BUITENLAND = {"straat": "Avenue Victor Hugo", "huisnummer": 64, "woonplaats": "Bordeaux", "land": "Frankrijk"}


def test_the_street_counts_in_the_live_lookup_where_there_is_no_postcode(meld):
    """A year of birth alone links only with the same address; abroad the address is street and number."""
    eerste = meld(
        persoon(
            voornamen="Léa", geslachtsnaam="Michel", geboortejaar=1947, geboortemaand=12, geboortedag=9, **BUITENLAND
        )
    )
    bekend = koppeling(eerste).persoon
    # Stored under its street and number too (no postcode), as an imported person would be.
    assert any(
        k.startswith("a:") for k in PersoonSleutel.objects.filter(persoon=bekend).values_list("sleutel", flat=True)
    )
    tweede = meld(
        persoon(
            voornamen="Lea", geslachtsnaam="Michel", geboortejaar=1947, **{**BUITENLAND, "straat": "Avenue VictorHugo"}
        ),
        afdeling="Jeugd",
    )
    k = koppeling(tweede)
    assert (k.persoon, k.methode) == (bekend, Methode.WAARSCHIJNLIJK)
    assert "zelfde adres" in k.toelichting


def test_another_street_abroad_is_no_link_on_a_year_alone(meld):
    meld(
        persoon(
            voornamen="Léa", geslachtsnaam="Michel", geboortejaar=1947, geboortemaand=12, geboortedag=9, **BUITENLAND
        )
    )
    ander = meld(
        persoon(
            voornamen="Lea", geslachtsnaam="Michel", geboortejaar=1947, **{**BUITENLAND, "straat": "Rue de la Paix"}
        ),
        afdeling="Jeugd",
    )
    assert koppeling(ander).methode == Methode.NIEUW
    assert MogelijkeMatch.objects.filter(persoon=koppeling(ander).persoon).exists()


def test_the_beheerders_roepnamen_count_in_the_live_lookup(meld):
    smit = dict(geslachtsnaam="Smit", geboortejaar=1970, geboortemaand=2, geboortedag=3, **ADRES)
    bekend = koppeling(meld(persoon(voornamen="Albertus", **smit))).persoon
    record = services.PersonRecord(
        ref="q",
        voornamen="Bertje",
        geslachtsnaam="Smit",
        geboortedatum=services.PartialDate(1970, 2, 3),
        postcode="1234AB",
        huisnummer=12,
    )
    try:
        # Another given name at the same address and birthday: a twin, as far as the engine knows.
        assert services.persoon_zoeken(record).persoon is None
        Roepnaam.objects.create(naam="albertus", roepnaam="bertje")  # as manage.py roepnamen does
        gevonden = services.persoon_zoeken(record)
        assert gevonden.persoon == bekend
        assert "roepnaam" in gevonden.kandidaat.toelichting
        # A later lookup does not read the table again (at most once per ROEPNAMEN_MAX_AGE seconds).
        with CaptureQueriesContext(connection) as ctx:
            services.persoon_zoeken(record)
        assert not [q for q in ctx.captured_queries if "subjecten_roepnaam" in q["sql"]]
    finally:
        Roepnaam.objects.all().delete()
        nicknames.refresh()


def test_roepnamen_of_another_worker_are_read_when_the_table_is_older_than_the_maximum_age(meld, monkeypatch):
    smit = dict(geslachtsnaam="Smit", geboortejaar=1970, geboortemaand=2, geboortedag=3, **ADRES)
    bekend = koppeling(meld(persoon(voornamen="Albertus", **smit))).persoon
    record = services.PersonRecord(
        ref="q", voornamen="Bertje", geslachtsnaam="Smit", geboortedatum=services.PartialDate(1970, 2, 3)
    )
    try:
        nicknames.refresh()
        # Another process added it: no signal reaches this one.
        Roepnaam.objects.bulk_create([Roepnaam(naam="albertus", roepnaam="bertje")])
        assert services.persoon_zoeken(record).persoon is None
        monkeypatch.setattr(services.kandidaten, "ROEPNAMEN_MAX_AGE", 0.0)
        assert services.persoon_zoeken(record).persoon == bekend
    finally:
        Roepnaam.objects.all().delete()
        nicknames.refresh()


def test_the_lookup_compares_with_the_stored_prepared_form_and_falls_back_on_the_columns(meld):
    signaal = meld(persoon(geboortejaar=1980, geboortemaand=5, geboortedag=1, **ADRES))
    p = Persoon.objects.get(pk=koppeling(signaal).persoon.pk)
    prepared = services.engine.prepare(services.persoon_record(p), cache=False)
    assert p.matchprofiel == services.engine.to_profile(prepared)
    record = services.persoon_record(p, ref="nieuw")  # the same data, as a new signal's record
    assert [k.persoon_id for k in services.persoon_kandidaten(record)] == [p.pk]
    # The stored form is what the lookup compares with: another person's form, and nobody fits ...
    anders = services.PersonRecord(
        ref="x", voornamen="Zeynep", geslachtsnaam="Öztürk", geboortedatum=services.PartialDate(1950, 1, 1)
    )
    Persoon.objects.filter(pk=p.pk).update(
        matchprofiel=services.engine.to_profile(services.engine.prepare(anders, cache=False))
    )
    assert services.persoon_kandidaten(record) == []
    # ... and where there is no usable form (none yet, or of another engine version) the columns count.
    Persoon.objects.filter(pk=p.pk).update(matchprofiel="")
    assert [k.persoon_id for k in services.persoon_kandidaten(record)] == [p.pk]
    Persoon.objects.filter(pk=p.pk).update(matchprofiel='[999,"oud"]')
    assert [k.persoon_id for k in services.persoon_kandidaten(record)] == [p.pk]
    # A form of this version holding a value of the wrong kind (a year as text) is not compared either.
    beschadigd = services.engine.to_profile(prepared).replace(",1980,", ',"1980",', 1)
    assert beschadigd != services.engine.to_profile(prepared)
    Persoon.objects.filter(pk=p.pk).update(matchprofiel=beschadigd)
    assert [k.persoon_id for k in services.persoon_kandidaten(record)] == [p.pk]
