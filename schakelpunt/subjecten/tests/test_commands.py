"""import_persons and find_duplicates, run through call_command."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from schakelpunt.audit.models import AuditRecord
from schakelpunt.subjecten.models import BetrokkeneKoppeling, MogelijkeMatch, Persoon, PersoonSleutel, Relatie

from .conftest import BSN_A

pytestmark = pytest.mark.django_db

KOP = "ref,voornamen,voorvoegsel,geslachtsnaam,geboortedatum,bsn,straat,huisnummer,postcode,woonplaats,land,telefoon\n"
RIJEN = [
    "r1,Jan,de,Vries,1980-05-12,,Kerkstraat,12,1234 AB,Ergens,,06-12345678",
    "r2,Johannes,,de Vries,1980-05-12,,Kerkstraat,12,1234AB,Ergens,NL,",
    "r3,Fatima,,Bakkali,1975-01,111222333,,,,,,",
    "r4,Marie,,Dupont,1990,,Rue de la Paix,5,75002,Paris,FR,",
    "r5,Joost,van,Dam,,,,,,,,",
    "r6,Daan,,Visser,2012-06-03,,Dorpsweg,3,2345CD,Ergens,,",
    "r7,Sem,,Visser,2012-06-03,,Dorpsweg,3,2345CD,Ergens,,",
]
# One woman three times (a slip in the surname, in the given name, and only initial and year).
BAKKALI = [
    "d1,Fatima,,Bakali,1975-01-02,,Markt,1,3333CC,Ergens,,",
    "d2,Fatma,,Bakkali,1975-01-02,,Markt,1,3333CC,Ergens,,",
    "d3,F.,,Bakkali,1975,,,,,,,",
]


def schrijf(tmp_path, *rijen: str, kop: str = KOP):
    pad = tmp_path / "personen.csv"
    pad.write_text(kop + "\n".join(rijen) + "\n", encoding="utf-8")
    return pad


def importeer(pad, **kwargs):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_persons", str(pad), stdout=out, stderr=err, **kwargs)
    return out.getvalue(), err.getvalue()


def test_import_stores_persons_with_ref_address_relation_and_keys(tmp_path):
    out, err = importeer(schrijf(tmp_path, *RIJEN))
    assert err == ""
    assert Persoon.objects.count() == 7
    r1 = Persoon.objects.get(import_ref="r1")
    assert (r1.voornamen, r1.voorvoegsel, r1.geslachtsnaam, r1.geboortejaar, r1.geboortedag) == (
        "Jan",
        "de",
        "Vries",
        1980,
        12,
    )
    assert r1.bron == "import" and r1.telefoonnummers == ["+31612345678"]
    assert r1.woonadres.sleutel == "NL|1234AB|12||"
    # r1 and r2 live at one address: one Adres, a "woont op" for each, nothing merged.
    assert Persoon.objects.get(import_ref="r2").woonadres == r1.woonadres
    assert Relatie.objects.filter(naar_adres=r1.woonadres, soort="woont_op", bron="import").count() == 2
    assert not MogelijkeMatch.objects.exists() and not BetrokkeneKoppeling.objects.exists()
    r3 = Persoon.objects.get(import_ref="r3")
    assert (r3.geboortejaar, r3.geboortemaand, r3.geboortedag, r3.bsn) == (1975, 1, None, "111222333")
    assert PersoonSleutel.objects.filter(persoon=r3, sleutel="b:111222333").exists()
    assert Persoon.objects.get(import_ref="r4").woonadres.land == "FR"
    assert Persoon.objects.get(import_ref="r5").woonadres is None
    assert "7 personen geïmporteerd" in out
    # Every imported person is in the access log as created.
    assert AuditRecord.objects.filter(actie="aanmaken", object_type="persoon").count() == 7


def test_a_bad_row_is_reported_with_its_line_number_and_the_rest_imported(tmp_path):
    rijen = [
        RIJEN[0],
        "bad1,Piet,,Puk,1980-13-01,,,,,,,",  # line 3: no such month: imported without a date
        RIJEN[2],
        "bad2,Kees,,Kist,,123456789,,,,,,",  # line 5: BSN fails the elfproef: imported without it
        '"bad3,quoted",Ans,,"Aap",1980,,Straat,12,9999 XX X,Ergens,,',  # line 6: bad postcode
        "bad4,Bep,,Bos,,,,,,,XYZ,",  # line 7: not an ISO code
        ",Zonder,,Ref,,,,,,,,",  # line 8: no ref
        "bad5,,,,1980-02-31,123456789,,,,,,",  # line 9: no name, and the BSN is no BSN either
        "bad6,Gijs,,Gans,12-05-1980,,,,,,,",  # line 10: not a date at all
        RIJEN[3],
    ]
    out, err = importeer(schrijf(tmp_path, *rijen))
    assert set(Persoon.objects.values_list("import_ref", flat=True)) == {"r1", "bad1", "r3", "bad2", "r4"}
    meldingen = err.strip().splitlines()
    assert meldingen[0] == "regel 3: geboortedatum ongeldig ('1980-13-01' bestaat niet), veld leeggelaten"
    assert meldingen[1] == "regel 5: bsn ongeldig (elfproef), veld leeggelaten"
    # A row without a name is still refused (its empty fields are not reported as well).
    fouten = meldingen[2:]
    assert [f.split(":")[0] for f in fouten] == ["regel 6", "regel 7", "regel 8", "regel 9", "regel 10"]
    assert "postcode" in fouten[0] and "land" in fouten[1] and "ref" in fouten[2]
    assert "geen naam" in fouten[3] and "geboortedatum" in fouten[4]
    bad1 = Persoon.objects.get(import_ref="bad1")
    assert (bad1.geslachtsnaam, bad1.geboortejaar, bad1.geboortemaand, bad1.geboortedag) == ("Puk", None, None, None)
    bad2 = Persoon.objects.get(import_ref="bad2")
    assert (bad2.geslachtsnaam, bad2.bsn) == ("Kist", "")
    assert not PersoonSleutel.objects.filter(persoon=bad2, sleutel__startswith="b:").exists()
    assert "5 rij(en) overgeslagen" in out and "2 waarschuwing(en)" in out


def test_import_shows_progress_and_does_not_import_a_ref_twice(tmp_path):
    pad = schrijf(tmp_path, *RIJEN)
    out, _err = importeer(pad, batch_size=2)
    voortgang = [regel for regel in out.splitlines() if "rijen gelezen" in regel]
    assert len(voortgang) >= 4
    assert voortgang[0].startswith("2 rijen gelezen, 2 geïmporteerd")
    _out, err = importeer(pad)
    assert Persoon.objects.count() == 7
    assert err.count("al geïmporteerd") == 7


def test_import_refuses_a_file_without_the_header(tmp_path):
    with pytest.raises(CommandError, match="kop mist"):
        importeer(schrijf(tmp_path, "r1,Jan", kop="ref,voornamen\n"))
    with pytest.raises(CommandError, match="niet gevonden"):
        importeer(tmp_path / "bestaat-niet.csv")


def test_find_duplicates_writes_known_pairs_with_scores(tmp_path):
    rijen = [
        *RIJEN,
        # The same woman twice, spelled differently: a known duplicate.
        "d1,Fatima,,Bakali,1975-01-02,,Markt,1,3333CC,Ergens,,",
        "d2,Fatma,,Bakkali,1975-01-02,,Markt,1,3333CC,Ergens,,",
    ]
    importeer(schrijf(tmp_path, *rijen))
    uitvoer = tmp_path / "paren.csv"
    out = io.StringIO()
    call_command("find_duplicates", output=str(uitvoer), stdout=out)
    with open(uitvoer, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        assert next(reader) == ["ref_a", "ref_b", "score", "toelichting"]
        rijen_uit = list(reader)
    paren = {frozenset((a, b)): float(score) for a, b, score, _t in rijen_uit}
    toelichting = {frozenset((a, b)): t for a, b, _s, t in rijen_uit}
    assert all(0.0 <= score <= 1.0 for score in paren.values())
    assert frozenset(("d1", "d2")) in paren
    assert frozenset(("r1", "r2")) in paren  # Jan / Johannes de Vries, same date and address
    # Twins (Daan and Sem Visser, one birthday, one address): never linked, but listed last,
    # below every sure pair, for a person to judge.
    twins = frozenset(("r6", "r7"))
    assert toelichting[twins] == "mogelijk tweeling"
    assert paren[twins] < 0.5
    assert frozenset(rijen_uit[-1][:2]) == twins
    assert all(t == "" for pair, t in toelichting.items() if pair != twins)
    assert "personen gelezen" in out.getvalue() and "paren" in out.getvalue()
    # Nothing was merged or linked by finding duplicates.
    assert not Persoon.objects.filter(samengevoegd_in__isnull=False).exists()


def test_find_duplicates_in_two_processes_writes_the_same_file(tmp_path):
    importeer(schrijf(tmp_path, *RIJEN, *BAKKALI))
    een, twee = tmp_path / "een.csv", tmp_path / "twee.csv"
    call_command("find_duplicates", output=str(een), processen=1, stdout=io.StringIO())
    call_command("find_duplicates", output=str(twee), processen=2, stdout=io.StringIO())
    assert een.read_text(encoding="utf-8").count("\n") > 2
    assert twee.read_bytes() == een.read_bytes()


def test_find_duplicates_on_an_empty_register(tmp_path):
    uitvoer = tmp_path / "leeg.csv"
    call_command("find_duplicates", output=str(uitvoer), stdout=io.StringIO())
    assert uitvoer.read_text(encoding="utf-8").splitlines() == ["ref_a,ref_b,score,toelichting"]


def test_imported_persons_are_found_by_new_signals(tmp_path, meld):
    importeer(schrijf(tmp_path, "x1,Fatima,,Bakkali,1975-01-02,111222333,,,,,,"))
    signaal = meld({"voornamen": "Fatima", "geslachtsnaam": "Bakkali", "bsn": BSN_A})
    assert BetrokkeneKoppeling.objects.get(signaal=signaal).persoon.import_ref == "x1"


def test_import_reads_the_optional_geslacht_and_geboortedatum_geschat_columns(tmp_path):
    kop = KOP.rstrip("\n") + ",geslacht,geboortedatum_geschat\n"
    importeer(
        schrijf(
            tmp_path,
            "g1,Anna,,Smit,1984-03-02,,,,,,,,v,nee",
            "g2,Piet,,Smit,1984-01-01,,,,,,,,man,ja",  # "about 40": only the year is kept
            "g3,Kim,,Smit,,,,,,,,,,",
            kop=kop,
        )
    )
    g1, g2, g3 = (Persoon.objects.get(import_ref=r) for r in ("g1", "g2", "g3"))
    assert (g1.geslacht, g1.geboortedatum_geschat, g1.geboortedag) == ("v", False, 2)
    assert (g2.geslacht, g2.geboortedatum_geschat) == ("m", True)
    assert (g2.geboortejaar, g2.geboortemaand, g2.geboortedag) == (1984, None, None)
    assert (g3.geslacht, g3.geboortedatum_geschat) == ("", False)


def test_import_rejects_an_unknown_geslacht_or_geschat_value(tmp_path):
    kop = KOP.rstrip("\n") + ",geslacht,geboortedatum_geschat\n"
    _out, err = importeer(
        schrijf(tmp_path, "h1,Anna,,Smit,1984,,,,,,,,vrouwtje,", "h2,Anna,,Smit,1984,,,,,,,,v,misschien", kop=kop)
    )
    assert "geslacht: 'vrouwtje'" in err
    assert "geboortedatum_geschat: 'misschien'" in err
    assert not Persoon.objects.filter(import_ref__in=["h1", "h2"]).exists()


def test_keys_are_recomputed_for_every_person(tmp_path):
    importeer(schrijf(tmp_path, *RIJEN))
    voor = set(PersoonSleutel.objects.values_list("persoon_id", "sleutel"))
    PersoonSleutel.objects.all().delete()
    PersoonSleutel.objects.create(persoon=Persoon.objects.first(), sleutel="oud:verouderd")
    out = io.StringIO()
    call_command("sleutels_herberekenen", stdout=out)
    assert set(PersoonSleutel.objects.values_list("persoon_id", "sleutel")) == voor
    assert "7 personen" in out.getvalue()


def test_an_address_abroad_is_keyed_and_compared_by_street(tmp_path):
    importeer(
        schrijf(
            tmp_path,
            "s1,Marie,,Dupont,1990-04-05,,Rue de la Paix,5,,Paris,FR,",
            "s2,Marie,,Dupont,,,Ruedela Paix,5,,Parijs,FR,",
        )
    )
    s1 = Persoon.objects.get(import_ref="s1")
    assert PersoonSleutel.objects.filter(persoon=s1, sleutel="a:ruedelapaix5").exists()
    uitvoer = tmp_path / "paren.csv"
    call_command("find_duplicates", output=str(uitvoer), stdout=io.StringIO())
    with open(uitvoer, encoding="utf-8", newline="") as f:
        assert [r[:2] for r in csv.reader(f)][1:] == [["s1", "s2"]]


def test_roepnamen_added_by_the_beheerder_count_in_find_duplicates(tmp_path):
    from schakelpunt.matching import nicknames
    from schakelpunt.subjecten.models import Roepnaam

    importeer(
        schrijf(
            tmp_path,
            "b1,Bertje,,Smit,1970-02-03,,Markt,1,3333CC,Ergens,,",
            "b2,Albertus,,Smit,1970-02-03,,Markt,1,3333CC,Ergens,,",
        )
    )
    uitvoer = tmp_path / "paren.csv"

    def paren():
        call_command("find_duplicates", output=str(uitvoer), stdout=io.StringIO())
        with open(uitvoer, encoding="utf-8", newline="") as f:
            return [(r[0], r[1], r[3]) for r in list(csv.reader(f))[1:]]

    try:
        # Without the roepnaam: another given name at one address and birthday, a possible twin.
        assert paren() == [("b1", "b2", "mogelijk tweeling")]
        out = io.StringIO()
        call_command("roepnamen", toevoegen=["Albertus", "Bertje"], stdout=out)
        assert "Toegevoegd: bertje voor albertus" in out.getvalue()
        assert Roepnaam.objects.filter(naam="albertus", roepnaam="bertje").exists()
        assert paren() == [("b1", "b2", "")]
        call_command("roepnamen", verwijderen=["Albertus", "Bertje"], stdout=io.StringIO())
        with pytest.raises(CommandError):
            call_command("roepnamen", verwijderen=["Albertus", "Bertje"], stdout=io.StringIO())
    finally:
        nicknames.refresh()


def test_import_and_recomputing_store_each_persons_prepared_form(tmp_path):
    from schakelpunt.subjecten import services

    importeer(schrijf(tmp_path, *RIJEN))

    def verwacht():
        return {
            p.pk: services.engine.to_profile(services.engine.prepare(services.persoon_record(p), cache=False))
            for p in Persoon.objects.select_related("woonadres")
        }

    assert dict(Persoon.objects.values_list("pk", "matchprofiel")) == verwacht()
    # Forms of another engine version, or none, are written again by sleutels_herberekenen.
    Persoon.objects.update(matchprofiel="")
    call_command("sleutels_herberekenen", stdout=io.StringIO())
    assert dict(Persoon.objects.values_list("pk", "matchprofiel")) == verwacht()


def test_find_duplicates_gives_the_same_pairs_with_and_without_stored_forms(tmp_path):
    importeer(schrijf(tmp_path, *RIJEN, *BAKKALI))
    met, zonder = tmp_path / "met.csv", tmp_path / "zonder.csv"
    call_command("find_duplicates", output=str(met), stdout=io.StringIO())
    Persoon.objects.update(matchprofiel="")
    call_command("find_duplicates", output=str(zonder), stdout=io.StringIO())
    assert met.read_text(encoding="utf-8").count("\n") > 2
    assert zonder.read_bytes() == met.read_bytes()


def test_imported_records_are_read_from_their_forms_and_from_the_columns_where_there_is_none(tmp_path, monkeypatch):
    from schakelpunt.subjecten import bulk, services
    from schakelpunt.subjecten.services import sleutels

    importeer(schrijf(tmp_path, *RIJEN, *BAKKALI))

    def gelezen():
        return sorted((r.ref, services.engine.to_profile(r)) for r in bulk.geimporteerde_records(chunk_size=2))

    met = gelezen()
    assert len(met) == Persoon.objects.exclude(import_ref="").count() > 3
    # Every other person without a form, read in parts of one: the same records, none lost.
    zonder = list(Persoon.objects.order_by("pk").values_list("pk", flat=True))[::2]
    Persoon.objects.filter(pk__in=zonder).update(matchprofiel="")
    monkeypatch.setattr(sleutels, "PER_QUERY", 1)
    assert gelezen() == met
