"""Keys of persons for the matching engine: the records the engine compares and the blocking keys
stored per person (PersoonSleutel).

The normalisation of address and organisation keys is the matching engine's
(``schakelpunt.matching.keys``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from schakelpunt.matching import engine
from schakelpunt.matching.model import PartialDate, PersonRecord, PreparedRecord
from schakelpunt.signalen.models import Betrokkene
from schakelpunt.subjecten.models import (
    Persoon,
    PersoonSleutel,
)

# --- Person records for the engine ----------------------------------------------------------

# The columns the engine needs, loaded for candidates (nothing else of a person is read).
KANDIDAAT_KOLOMMEN = (
    "id",
    "samengevoegd_in_id",
    "voornamen",
    "voorvoegsel",
    "geslachtsnaam",
    "geboortejaar",
    "geboortemaand",
    "geboortedag",
    "geboortedatum_geschat",
    "geslacht",
    "bsn",
    "telefoonnummers",
    "woonadres__postcode",
    "woonadres__huisnummer",
    "woonadres__huisletter",
    "woonadres__toevoeging",
)


# Street and place of the address, read after KANDIDAAT_KOLOMMEN where a record needs them: the
# engine compares them where there is no Dutch postcode (an address abroad, or one written
# without it), and keys such an address by street and number (blocking.py).
STRAAT_KOLOMMEN = ("woonadres__straat", "woonadres__woonplaats")


def met_straat(record: PersonRecord, straat: str | None, woonplaats: str | None) -> PersonRecord:
    """``record`` with the street and place of its address (left as it is when there are none)."""
    if not (straat or woonplaats):
        return record
    return dataclasses.replace(record, straat=straat or "", woonplaats=woonplaats or "")


def record_met_straat_uit_rij(row: tuple) -> PersonRecord:
    """A PersonRecord from a row of KANDIDAAT_KOLOMMEN followed by STRAAT_KOLOMMEN."""
    return met_straat(record_uit_rij(row[:-2]), *row[-2:])


def _datum(jaar, maand, dag, geschat) -> PartialDate | None:
    return PartialDate(jaar, maand, dag, bool(geschat)) if jaar else None


def record_uit_rij(row: tuple) -> PersonRecord:
    """A PersonRecord from a KANDIDAAT_KOLOMMEN row; its ref is the person's id."""
    (
        pk,
        _merged,
        voornamen,
        voorvoegsel,
        geslachtsnaam,
        jaar,
        maand,
        dag,
        geschat,
        geslacht,
        bsn,
        tel,
        pc,
        nr,
        hl,
        tv,
    ) = row
    return PersonRecord(
        ref=str(pk),
        voornamen=voornamen,
        voorvoegsel=voorvoegsel,
        geslachtsnaam=geslachtsnaam,
        geboortedatum=_datum(jaar, maand, dag, geschat),
        bsn=bsn or None,
        geslacht=geslacht or None,
        postcode=pc or None,
        huisnummer=nr,
        huisletter=hl or "",
        toevoeging=tv or "",
        telefoon=tuple(tel or ()),
    )


def persoon_record(persoon: Persoon, *, ref: str | None = None) -> PersonRecord:
    adres = persoon.woonadres
    return PersonRecord(
        ref=ref or str(persoon.pk),
        voornamen=persoon.voornamen,
        voorvoegsel=persoon.voorvoegsel,
        geslachtsnaam=persoon.geslachtsnaam,
        geboortedatum=_datum(
            persoon.geboortejaar, persoon.geboortemaand, persoon.geboortedag, persoon.geboortedatum_geschat
        ),
        bsn=persoon.bsn or None,
        geslacht=persoon.geslacht or None,
        postcode=adres.postcode if adres else None,
        huisnummer=adres.huisnummer if adres else None,
        huisletter=adres.huisletter if adres else "",
        toevoeging=adres.toevoeging if adres else "",
        telefoon=tuple(persoon.telefoonnummers or ()),
        straat=(adres.straat or "") if adres else "",
        woonplaats=(adres.woonplaats or "") if adres else "",
    )


def betrokkene_record(b: Betrokkene) -> PersonRecord:
    return PersonRecord(
        ref=f"betrokkene:{b.pk}",
        voornamen=b.voornamen,
        voorvoegsel=b.voorvoegsel,
        geslachtsnaam=b.geslachtsnaam,
        geboortedatum=_datum(b.geboortejaar, b.geboortemaand, b.geboortedag, b.geboortedatum_geschat),
        bsn=b.bsn or None,
        postcode=b.postcode or None,
        huisnummer=b.huisnummer,
        huisletter=b.huisletter,
        toevoeging=b.toevoeging,
        telefoon=(b.telefoonnummer,) if b.telefoonnummer else (),
        straat=b.straat or "",
        woonplaats=b.woonplaats or "",
    )


def persoon_sleutels_bijwerken(persoon: Persoon) -> list[str]:
    """Replace the blocking keys and the stored prepared form (matchprofiel) of one person by
    those of its current data."""
    prepared = engine.prepare(persoon_record(persoon), cache=False)
    keys = engine.blocking_keys(prepared)
    PersoonSleutel.objects.filter(persoon=persoon).delete()
    PersoonSleutel.objects.bulk_create([PersoonSleutel(persoon=persoon, sleutel=k) for k in keys])
    persoon.matchprofiel = engine.to_profile(prepared)
    Persoon.objects.filter(pk=persoon.pk).update(matchprofiel=persoon.matchprofiel)
    return keys


# Persons per query where they are read by id (well below any database's parameter limit).
PER_QUERY = 500


def personen_rijen(ids: Sequence[int], *kolommen: str) -> Iterator[tuple]:
    """``values_list(*kolommen)`` of the persons ``ids``, PER_QUERY ids per query, in no set order."""
    for begin in range(0, len(ids), PER_QUERY):
        yield from Persoon.objects.filter(pk__in=ids[begin : begin + PER_QUERY]).order_by().values_list(*kolommen)


def kandidaten_uit_profielen(
    rows: Sequence[tuple[int, str, str | None]],
) -> list[PersonRecord | PreparedRecord | None]:
    """For rows (person id, ref, stored prepared form): each candidate from its stored form, or,
    where that is missing, damaged or of another engine version, the record itself (its columns
    read here, personen_rijen; prepared by the caller). None for a person deleted in the meantime.
    In the order of ``rows``."""
    uit: list[PersonRecord | PreparedRecord | None] = [engine.from_profile(profiel, ref) for _, ref, profiel in rows]
    zonder = {rows[i][0]: i for i, kandidaat in enumerate(uit) if kandidaat is None}
    for row in personen_rijen(list(zonder), *KANDIDAAT_KOLOMMEN, *STRAAT_KOLOMMEN):
        i = zonder[row[0]]
        uit[i] = dataclasses.replace(record_met_straat_uit_rij(row), ref=rows[i][1])
    return uit
