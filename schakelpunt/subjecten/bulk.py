"""Bulk use of the register: importing the meldpunt's own person records, and finding duplicates among them.

``personen_importeren(bestand, ...)`` streams a UTF-8 CSV (header ``IMPORT_KOLOMMEN``, optionally
also ``OPTIONELE_KOLOMMEN``), validates each row (a bad row is reported with its line number and
skipped), and stores persons, their addresses, "woont op" relations and blocking keys with
bulk_create in batches, one transaction per batch. It does not link or merge anything: the import
is a migration, deduplication is find_duplicates'.

``duplicaten_vinden(uitvoer, ...)`` streams the imported persons from the database, prepares them
for the engine and writes every pair the engine considers the same person or a possible match, and
after them the possible twins ("mogelijk tweeling").

``sleutels_herberekenen()`` recomputes every person's blocking keys after the engine's keys changed.

These run as system actions from management commands (no user); the access log records each
imported person as created, with the purpose "migratie".
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from schakelpunt.audit.models import Action
from schakelpunt.audit.services import Entry, write
from schakelpunt.matching import engine, nicknames
from schakelpunt.matching.keys import adres_sleutel, is_nederland
from schakelpunt.matching.model import PersonRecord, PreparedRecord
from schakelpunt.matching.score import PHRASE_TWIN
from schakelpunt.signalen import validators
from schakelpunt.subjecten.models import Adres, Bron, Persoon, PersoonSleutel, Relatie, RelatieSoort
from schakelpunt.subjecten.services.sleutels import (
    KANDIDAAT_KOLOMMEN,
    STRAAT_KOLOMMEN,
    kandidaten_uit_profielen,
    met_straat,
    record_met_straat_uit_rij,
    record_uit_rij,
)

IMPORT_KOLOMMEN = (
    "ref",
    "voornamen",
    "voorvoegsel",
    "geslachtsnaam",
    "geboortedatum",
    "bsn",
    "straat",
    "huisnummer",
    "postcode",
    "woonplaats",
    "land",
    "telefoon",
)
# Optional: a file without them imports as before. "geboortedatum_geschat" (ja/nee) marks a
# guessed age, of which only the year is kept; "geslacht" is m, v or x (also man/vrouw).
OPTIONELE_KOLOMMEN = ("geslacht", "geboortedatum_geschat")
_GESLACHT = {"m": "m", "man": "m", "v": "v", "vrouw": "v", "f": "v", "x": "x", "o": "x", "onbekend": "x"}
_JA = {"ja", "j", "1", "true", "waar", "yes", "y"}
_NEE = {"nee", "n", "0", "false", "onwaar", "no", ""}
PAREN_KOP = ["ref_a", "ref_b", "score", "toelichting"]
IMPORT_DOEL = "Migratie van registraties van het meldpunt"
IMPORT_VERWERKING = "subjecten.register"  # the key in the verwerkingsregister

_HUISNUMMER = re.compile(r"^\s*(\d{1,5})\s*(?:-?\s*([A-Za-z])(?![A-Za-z]))?\s*[-/ ]?\s*([A-Za-z0-9]{0,10})\s*$")


class ImportFout(Exception):
    """A row that cannot be imported; the message names the field."""


@dataclass
class ImportResultaat:
    gelezen: int = 0
    geimporteerd: int = 0
    fouten: list[tuple[int, str]] = field(default_factory=list)  # (line number, message)
    waarschuwingen: list[tuple[int, str]] = field(default_factory=list)  # imported, one field left empty


@dataclass
class _Rij:
    regel: int
    persoon: Persoon
    adres: dict | None
    adres_sleutel: str
    waarschuwingen: list[str] = field(default_factory=list)


def _huisnummer(value: str) -> tuple[int | None, str, str]:
    value = (value or "").strip()
    if not value:
        return None, "", ""
    m = _HUISNUMMER.match(value)
    if not m:
        raise ImportFout(f"huisnummer: '{value}' is geen huisnummer.")
    nummer = int(m.group(1))
    if nummer < 1:
        raise ImportFout("huisnummer: moet 1 of hoger zijn.")
    return nummer, (m.group(2) or "").upper(), (m.group(3) or "").upper()


def _check(veld: str, fn, *args):
    try:
        return fn(*args)
    except ValidationError as exc:
        raise ImportFout(f"{veld}: {' '.join(exc.messages)}") from None


def rij_lezen(row: dict, regel: int) -> _Rij:
    """Validate one CSV row into an unsaved Persoon and address fields; ImportFout when it is bad."""
    if None in row or any(v is None for v in row.values()):
        raise ImportFout("het aantal kolommen klopt niet met de kop.")
    ref = (row["ref"] or "").strip()
    if not ref:
        raise ImportFout("ref: ontbreekt.")
    if len(ref) > 100:
        raise ImportFout("ref: langer dan 100 tekens.")
    waarschuwingen = []
    # An impossible date of birth (31 February) or a BSN that fails the elfproef is a typing
    # error in one field: the person is still imported, without that field, and reported.
    datum = (row["geboortedatum"] or "").strip()
    if datum and not re.fullmatch(r"\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?", datum):
        raise ImportFout(f"geboortedatum: '{datum}' is geen datum; gebruik JJJJ, JJJJ-MM of JJJJ-MM-DD.")
    try:
        jaar, maand, dag = validators.parse_geboortedatum(datum)
    except ValidationError:
        jaar = maand = dag = None
        waarschuwingen.append(f"geboortedatum ongeldig ('{datum}' bestaat niet), veld leeggelaten")
    geschat_tekst = (row.get("geboortedatum_geschat") or "").strip().lower()
    if geschat_tekst not in _JA | _NEE:
        raise ImportFout(f"geboortedatum_geschat: '{geschat_tekst}' is geen ja of nee.")
    geschat = geschat_tekst in _JA and jaar is not None
    if geschat:
        maand = dag = None  # a guessed age gives a year; a day and month would be invented
    geslacht_tekst = (row.get("geslacht") or "").strip().lower()
    if geslacht_tekst and geslacht_tekst not in _GESLACHT:
        raise ImportFout(f"geslacht: '{geslacht_tekst}' is geen m, v of x.")
    try:
        bsn = validators.clean_bsn(row["bsn"])
    except ValidationError:
        bsn = ""
        waarschuwingen.append("bsn ongeldig (elfproef), veld leeggelaten")
    land = (row["land"] or "").strip().upper() or "NL"
    if not re.fullmatch(r"[A-Z]{2}", land):
        raise ImportFout(f"land: '{row['land']}' is geen ISO-landcode (zoals NL of BE).")
    postcode = _check("postcode", validators.clean_postcode, row["postcode"], land)
    if is_nederland(land) and postcode:
        postcode = postcode.replace(" ", "")
    nummer, letter, toevoeging = _huisnummer(row["huisnummer"])
    telefoon = _check("telefoon", validators.clean_telefoon, row["telefoon"])
    namen = {k: (row[k] or "").strip() for k in ("voornamen", "voorvoegsel", "geslachtsnaam")}
    for veld, maximum in (("voornamen", 200), ("voorvoegsel", 30), ("geslachtsnaam", 200)):
        if len(namen[veld]) > maximum:
            raise ImportFout(f"{veld}: langer dan {maximum} tekens.")
    if not (namen["geslachtsnaam"] or namen["voornamen"] or bsn):
        raise ImportFout("geen naam en geen BSN: deze rij beschrijft niemand.")
    adres = {
        "straat": (row["straat"] or "").strip()[:200],
        "huisnummer": nummer,
        "huisletter": letter,
        "toevoeging": toevoeging,
        "postcode": postcode,
        "woonplaats": (row["woonplaats"] or "").strip()[:100],
        "land": land,
    }
    sleutel = adres_sleutel(**adres)
    persoon = Persoon(
        **namen,
        geboortejaar=jaar,
        geboortemaand=maand,
        geboortedag=dag,
        geboortedatum_geschat=geschat,
        geslacht=_GESLACHT.get(geslacht_tekst, ""),
        bsn=bsn,
        telefoonnummers=[telefoon] if telefoon else [],
        import_ref=ref,
        bron=Bron.IMPORT,
    )
    return _Rij(regel, persoon, adres if sleutel else None, sleutel, waarschuwingen)


def _adressen(rijen: list[_Rij]) -> dict[str, int]:
    """Address ids per key for a batch: existing ones looked up, new ones bulk-created."""
    nodig = {r.adres_sleutel: r.adres for r in rijen if r.adres is not None}
    if not nodig:
        return {}
    ids = dict(Adres.objects.filter(sleutel__in=list(nodig)).values_list("sleutel", "pk"))
    nieuw = [Adres(sleutel=k, bron=Bron.IMPORT, **v) for k, v in nodig.items() if k not in ids]
    if nieuw:
        try:
            with transaction.atomic():
                Adres.objects.bulk_create(nieuw)
            ids.update({a.sleutel: a.pk for a in nieuw})
        except IntegrityError:  # an address created meanwhile by a signal
            for a in nieuw:
                ids[a.sleutel] = Adres.objects.get_or_create(sleutel=a.sleutel, defaults=nodig[a.sleutel])[0].pk
    return ids


def _batch_opslaan(rijen: list[_Rij], bron_naam: str, resultaat: ImportResultaat) -> None:
    bestaand = set(
        Persoon.objects.filter(import_ref__in=[r.persoon.import_ref for r in rijen]).values_list(
            "import_ref", flat=True
        )
    )
    uniek: list[_Rij] = []
    for r in rijen:
        if r.persoon.import_ref in bestaand:
            resultaat.fouten.append((r.regel, f"ref: '{r.persoon.import_ref}' is al geïmporteerd."))
            continue
        bestaand.add(r.persoon.import_ref)
        uniek.append(r)
    if not uniek:
        return
    with transaction.atomic():
        adres_ids = _adressen(uniek)
        voorbereid = []
        for r in uniek:
            r.persoon.woonadres_id = adres_ids.get(r.adres_sleutel) if r.adres is not None else None
            # The prepared form does not hold the ref, so it is made before the person has an id.
            record = engine.prepare(_record(r.persoon, r.adres), cache=False)
            r.persoon.matchprofiel = engine.to_profile(record)
            voorbereid.append(record)
        personen = Persoon.objects.bulk_create([r.persoon for r in uniek])
        sleutels, relaties = [], []
        for p, record in zip(personen, voorbereid, strict=True):
            sleutels.extend((p.pk, k) for k in engine.blocking_keys(record))
            if p.woonadres_id:
                relaties.append(
                    Relatie(
                        soort=RelatieSoort.WOONT_OP,
                        van_persoon_id=p.pk,
                        naar_adres_id=p.woonadres_id,
                        bron=Bron.IMPORT,
                        bron_import=f"{bron_naam}:{p.import_ref}"[:200],
                    )
                )
        _sleutels_invoegen(sleutels)
        Relatie.objects.bulk_create(relaties, batch_size=5000)
        write(
            actor=None,
            role="",
            doel=IMPORT_DOEL,
            verwerking=IMPORT_VERWERKING,
            entries=[Entry(Action.CREATE, "persoon", str(p.pk), p.log_key, toelichting="import") for p in personen],
        )
    resultaat.geimporteerd += len(personen)


def _sleutels_invoegen(rijen: list[tuple[int, str]]) -> None:
    """Many key rows at once: a plain executemany, because building a model instance per key
    costs more than the insert itself (about 7 keys per person, millions in a large import)."""
    with connection.cursor() as cursor:
        cursor.executemany("INSERT INTO subjecten_persoonsleutel (persoon_id, sleutel) VALUES (%s, %s)", rijen)


def _record(p: Persoon, adres: dict | None) -> PersonRecord:
    return met_straat(
        _record_zonder_straat(p, adres),
        adres["straat"] if adres else "",
        adres["woonplaats"] if adres else "",
    )


def _record_zonder_straat(p: Persoon, adres: dict | None) -> PersonRecord:
    return record_uit_rij(
        (
            p.pk,
            None,
            p.voornamen,
            p.voorvoegsel,
            p.geslachtsnaam,
            p.geboortejaar,
            p.geboortemaand,
            p.geboortedag,
            p.geboortedatum_geschat,
            p.geslacht,
            p.bsn,
            p.telefoonnummers,
            adres["postcode"] if adres else None,
            adres["huisnummer"] if adres else None,
            adres["huisletter"] if adres else "",
            adres["toevoeging"] if adres else "",
        )
    )


def personen_importeren(
    bestand: TextIO,
    *,
    bron_naam: str = "import",
    batch_size: int = 5000,
    voortgang: Callable[[ImportResultaat], None] | None = None,
    fout: Callable[[int, str], None] | None = None,
    waarschuwing: Callable[[int, str], None] | None = None,
) -> ImportResultaat:
    """Import persons from an open CSV file; `voortgang` is called after each batch, `fout` per bad
    row, `waarschuwing` per field left empty in an imported row (a BSN failing the elfproef, an
    impossible date of birth)."""
    reader = csv.DictReader(bestand)
    kop = [k.strip().lower() for k in (reader.fieldnames or [])]
    ontbrekend = [k for k in IMPORT_KOLOMMEN if k not in kop]
    if ontbrekend:
        raise ImportFout(f"regel 1: de kop mist kolom(men): {', '.join(ontbrekend)}.")
    reader.fieldnames = kop
    resultaat = ImportResultaat()
    batch: list[_Rij] = []
    gemeld = 0
    for row in reader:
        resultaat.gelezen += 1
        try:
            rij = rij_lezen(row, reader.line_num)
        except ImportFout as exc:
            resultaat.fouten.append((reader.line_num, str(exc)))
        else:
            batch.append(rij)
            for tekst in rij.waarschuwingen:
                resultaat.waarschuwingen.append((rij.regel, tekst))
                if waarschuwing:
                    waarschuwing(rij.regel, tekst)
        if len(batch) >= batch_size:
            _batch_opslaan(batch, bron_naam, resultaat)
            batch = []
            if voortgang:
                voortgang(resultaat)
        if fout:
            for regel, tekst in resultaat.fouten[gemeld:]:
                fout(regel, tekst)
            gemeld = len(resultaat.fouten)
    if batch:
        _batch_opslaan(batch, bron_naam, resultaat)
    if fout:
        for regel, tekst in resultaat.fouten[gemeld:]:
            fout(regel, tekst)
    if voortgang:
        voortgang(resultaat)
    return resultaat


def importeren_uit_bestand(pad: str | Path, **kwargs) -> ImportResultaat:
    with open(pad, newline="", encoding="utf-8-sig") as bestand:
        return personen_importeren(bestand, bron_naam=Path(pad).name, **kwargs)


# --- Duplicates -----------------------------------------------------------------------------


def geimporteerde_records(*, chunk_size: int = 20000) -> Iterator[PreparedRecord]:
    """Every imported, not merged person as a prepared engine record (ref = import_ref), streamed.

    Read from each person's stored prepared form; the columns only of those without a usable one
    (kandidaten_uit_profielen), so the order is that of one scan whatever the forms."""
    rows = (
        Persoon.objects.exclude(import_ref="")
        .filter(samengevoegd_in__isnull=True)
        .order_by()
        .values_list("id", "import_ref", "matchprofiel")
        .iterator(chunk_size=chunk_size)
    )
    deel: list[tuple] = []
    for row in rows:
        deel.append(row)
        if len(deel) == chunk_size:
            yield from _voorbereid(deel)
            deel = []
    yield from _voorbereid(deel)


def _voorbereid(rows: list[tuple]) -> Iterator[PreparedRecord]:
    for kandidaat in kandidaten_uit_profielen(rows):
        if kandidaat is not None:
            yield engine.prepare(kandidaat, cache=False)


def duplicaten_vinden(
    uitvoer: TextIO,
    *,
    voortgang: Callable[[str, int], None] | None = None,
    elke: int = 100_000,
    processen: int = 1,
) -> int:
    """Write `ref_a,ref_b,score,toelichting` for every pair of imported persons that may be one person.

    Holds one prepared record per person in memory (no PersonRecord, no Django objects) and
    lets the engine block and score, in `processen` processes (forked, the records shared); rows
    are written as they come, in the same order whatever the number of processes. Pairs the
    engine would link but for a relative who could look the same come after the pairs it is sure
    of (linked when the register holds no such relative); last come the possible twins (same
    surname, date of birth and address, another given name), with the toelichting "mogelijk
    tweeling" and their low score, for a person to judge. Returns the number of pairs.
    """
    nicknames.refresh()  # the beheerder's roepnamen (subjecten.Roepnaam) as they are now
    with engine.without_cyclic_gc():
        records = []
        for record in geimporteerde_records():
            records.append(record)
            if voortgang and len(records) % elke == 0:
                voortgang("gelezen", len(records))
        if voortgang:
            voortgang("gelezen", len(records))
        writer = csv.writer(uitvoer)
        writer.writerow(PAREN_KOP)
        paren = 0
        paired = engine.find_duplicate_pairs(records, workers=processen, twins=True)
        for ref_a, ref_b, score, _decision, tweeling in paired:
            toelichting = PHRASE_TWIN if tweeling else ""
            writer.writerow([ref_a, ref_b, f"{min(1.0, max(0.0, score)):.4f}", toelichting])
            paren += 1
            if voortgang and paren % elke == 0:
                voortgang("paren", paren)
        if voortgang:
            voortgang("paren", paren)
    return paren


# --- Keys -----------------------------------------------------------------------------------


def sleutels_herberekenen(*, batch_size: int = 5000, voortgang: Callable[[int], None] | None = None) -> int:
    """Recompute the blocking keys (PersoonSleutel) and the stored prepared form (matchprofiel) of
    every person that is not merged away.

    Needed once after an engine change of ``blocking_keys``: the web lookup only finds a person
    through the keys stored for it. One transaction per batch; returns the number of persons.
    """
    ids = list(Persoon.objects.filter(samengevoegd_in__isnull=True).order_by("pk").values_list("pk", flat=True))
    klaar = 0
    for start in range(0, len(ids), batch_size):
        deel = ids[start : start + batch_size]
        rows = Persoon.objects.filter(pk__in=deel).values_list(*KANDIDAAT_KOLOMMEN, *STRAAT_KOLOMMEN)
        sleutels, profielen = [], []
        for row in rows:
            prepared = engine.prepare(record_met_straat_uit_rij(row), cache=False)
            sleutels.extend((row[0], k) for k in engine.blocking_keys(prepared))
            profielen.append(Persoon(pk=row[0], matchprofiel=engine.to_profile(prepared)))
        with transaction.atomic():
            PersoonSleutel.objects.filter(persoon_id__in=deel).delete()
            _sleutels_invoegen(sleutels)
            Persoon.objects.bulk_update(profielen, ["matchprofiel"], batch_size=1000)
        klaar += len(deel)
        if voortgang:
            voortgang(klaar)
    return klaar
