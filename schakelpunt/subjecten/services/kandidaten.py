"""Kandidaten: which known persons a record may be (the interactive matching path).

Blocking keys -> one count per key (a key shared by more than SUBJECT_MAX_PER_SLEUTEL persons is
skipped when the record has a more selective one) -> one indexed ``WHERE sleutel IN (...)`` for
the ids -> each candidate's stored prepared form, read once by id (its columns only where the form
is missing) -> ``engine.match_one``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, F
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber

from schakelpunt.matching import engine, nicknames
from schakelpunt.matching.model import MATCH, POSSIBLE, PersonRecord, PreparedRecord
from schakelpunt.subjecten.models import (
    Persoon,
    PersoonSleutel,
)
from schakelpunt.subjecten.services.sleutels import kandidaten_uit_profielen, personen_rijen

# --- The interactive matching path ----------------------------------------------------------


@dataclass
class Kandidaat:
    """An active person that a record may be, with the engine's verdict and reasons."""

    persoon_id: int
    score: float
    beslissing: str  # "match" or "possible"
    toelichting: str
    zelfde_bsn: bool = False


def populatie() -> int:
    """How many person records a lookup searches, for the engine's prior (cheap: the highest id)."""
    hoogste = Persoon.objects.order_by("-pk").values_list("pk", flat=True).first()
    return max(1, hoogste or 0)


def _actief(pk: int, samengevoegd: dict[int, int | None]) -> int:
    """Follow merges to the surviving person."""
    seen = set()
    while samengevoegd.get(pk):
        if pk in seen:  # never loop on bad data
            break
        seen.add(pk)
        pk = samengevoegd[pk]
    return pk


def _sleutel_tellingen(keys: Iterable[str]) -> dict[str, int]:
    """How many persons share each of `keys` that exists at all (one indexed count)."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return {}
    return dict(
        PersoonSleutel.objects.filter(sleutel__in=keys)
        .order_by()
        .values("sleutel")
        .annotate(n=Count("*"))
        .values_list("sleutel", "n")
    )


def _sleutel_rijen(keys_per_record: list[list[str]]) -> tuple[list[list[str]], dict[str, list[int]]]:
    """The keys each record is looked up by, and the ids of the persons per key.

    A key shared by more than SUBJECT_MAX_PER_SLEUTEL persons ("ni:jnsn:j", every J. Jansen) says
    little: it is skipped for a record that has a more selective key that finds someone. Only a
    record without such a key looks the large ones up, capped to the newest SUBJECT_MAX_PER_SLEUTEL
    persons per key.
    At most three queries whatever the number of records, each answered from the index
    (sleutel, persoon) alone: a count, the selective keys, the capped keys.
    """
    tellingen = _sleutel_tellingen(k for keys in keys_per_record for k in keys)
    volledig: set[str] = set()
    gecapt: set[str] = set()
    gebruikt = []
    for keys in keys_per_record:
        # A key nobody has finds nothing: it must not make a record skip its common keys.
        selectief = [k for k in keys if 0 < tellingen.get(k, 0) <= settings.SUBJECT_MAX_PER_SLEUTEL]
        if selectief:
            volledig.update(selectief)
            gebruikt.append(selectief)
        else:
            gecapt.update(keys)
            gebruikt.append(keys)
    per_sleutel: dict[str, list[int]] = {}
    if volledig:
        for sleutel, pk in (
            PersoonSleutel.objects.filter(sleutel__in=volledig).order_by().values_list("sleutel", "persoon_id")
        ):
            per_sleutel.setdefault(sleutel, []).append(pk)
    if gecapt:
        rows = (
            PersoonSleutel.objects.filter(sleutel__in=gecapt)
            .annotate(rang=Window(RowNumber(), partition_by=[F("sleutel")], order_by=F("persoon_id").desc()))
            .filter(rang__lte=settings.SUBJECT_MAX_PER_SLEUTEL)
            .order_by()
            .values_list("sleutel", "persoon_id")
        )
        for sleutel, pk in rows:
            per_sleutel.setdefault(sleutel, []).append(pk)
    return gebruikt, per_sleutel


def _ids_voor(keys: list[str], per_sleutel: dict[str, list[int]]) -> list[int]:
    """The distinct candidate ids of one record's keys, in the order the keys found them."""
    return list(dict.fromkeys(pk for key in keys for pk in per_sleutel.get(key, ())))


def _kandidaat_ids(keys: list[str]) -> list[int]:
    """Persons sharing a selective key with one record (see _sleutel_rijen), each once."""
    gebruikt, per_sleutel = _sleutel_rijen([keys])
    return _ids_voor(gebruikt[0], per_sleutel)


def _kandidaten_laden(ids: Iterable[int]) -> dict[int, tuple[int | None, PersonRecord | PreparedRecord]]:
    """Person id -> (the person it was merged into, the candidate to compare) for `ids`.

    Only the stored prepared form (matchprofiel) is read; the columns it is made of are read just
    for a person whose form is missing, damaged or of another engine version
    (kandidaten_uit_profielen). An id deleted in the meantime is left out.
    """
    rows = list(personen_rijen(list(ids), "id", "samengevoegd_in_id", "matchprofiel"))
    kandidaten = kandidaten_uit_profielen([(pk, str(pk), profiel) for pk, _, profiel in rows])
    return {
        pk: (samengevoegd_in, kandidaat)
        for (pk, samengevoegd_in, _), kandidaat in zip(rows, kandidaten, strict=True)
        if kandidaat is not None
    }


def _samengevoegd(pairs: Iterable[tuple[int, int | None]]) -> dict[int, int | None]:
    """Person id -> the person it was merged into, for the candidates and their merge chains."""
    samengevoegd = dict(pairs)
    missing = {v for v in samengevoegd.values() if v and v not in samengevoegd}
    while missing:
        # A merged record's survivor may not share a key itself; follow the chain.
        more = dict(Persoon.objects.filter(pk__in=missing).values_list("pk", "samengevoegd_in_id"))
        samengevoegd.update(more)
        missing = {v for v in more.values() if v and v not in samengevoegd}
    return samengevoegd


# The beheerder's roepnamen (Roepnaam) are read again at most this often per process, so that a
# lookup normally costs no query for them; a change made in this process counts at once.
ROEPNAMEN_MAX_AGE = 60.0


def personen_kandidaten(records: list[PersonRecord]) -> list[list[Kandidaat]]:
    """persoon_kandidaten for several records (the person betrokkenen of one signal) in one lookup.

    All blocking keys in one count and one candidate query, then each record is scored in
    process against the candidates of its own keys, exactly as one by one. The engine's table
    of roepnamen includes the beheerder's (read again when older than ROEPNAMEN_MAX_AGE).
    """
    nicknames.refresh_if_older(ROEPNAMEN_MAX_AGE)
    keys_per_record, per_sleutel = _sleutel_rijen([engine.blocking_keys(r) for r in records])
    if not per_sleutel:
        return [[] for _ in records]
    geladen = _kandidaten_laden(dict.fromkeys(pk for ids in per_sleutel.values() for pk in ids))
    samengevoegd = _samengevoegd((pk, merged) for pk, (merged, _) in geladen.items())
    population = populatie()
    prepared: dict[int, PreparedRecord] = {}
    uitkomst = []
    for record, keys in zip(records, keys_per_record, strict=True):
        ids = [pk for pk in _ids_voor(keys, per_sleutel) if pk in geladen]
        if not ids:
            uitkomst.append([])
            continue
        query = engine.prepare(PersonRecord(**{**_record_velden(record), "ref": "?"}))
        kandidaten = []
        for pk in ids:
            p = prepared.get(pk)
            if p is None:
                kandidaat = geladen[pk][1]
                if engine.born_a_generation_apart(query, kandidaat):
                    continue  # a father, a son, or a namesake of another age: never shown
                p = prepared[pk] = engine.prepare(kandidaat)
            kandidaten.append(p)
        results = engine.match_one(query, kandidaten, population=population)
        bsns = {p.ref: p.bsn for p in kandidaten} if query.bsn else {}
        best: dict[int, Kandidaat] = {}
        for result in results:
            target = _actief(int(result.ref_b), samengevoegd)
            if target not in best or result.score > best[target].score:
                zelfde_bsn = bool(query.bsn) and bsns.get(result.ref_b) == query.bsn
                best[target] = Kandidaat(target, result.score, result.decision, result.explain(), zelfde_bsn)
        uitkomst.append(sorted(best.values(), key=lambda k: (-k.score, k.persoon_id)))
    return uitkomst


def persoon_kandidaten(record: PersonRecord, *, uitsluiten: Iterable[int] = ()) -> list[Kandidaat]:
    """Active persons that `record` may be (match or possible), best first, one entry per person."""
    uitgesloten = set(uitsluiten)
    return [k for k in personen_kandidaten([record])[0] if k.persoon_id not in uitgesloten]


def _record_velden(record: PersonRecord) -> dict:
    return {name: getattr(record, name) for name in PersonRecord.__dataclass_fields__}


@dataclass
class Zoekresultaat:
    persoon: Persoon | None  # the person it is (automatic link), or None
    kandidaat: Kandidaat | None  # why
    mogelijk: list[Kandidaat]  # the grey zone: a person decides


def persoon_zoeken(record: PersonRecord, *, uitsluiten: Iterable[int] = ()) -> Zoekresultaat:
    """Which known person `record` is: the engine's automatic match, else the grey-zone candidates.

    The same BSN is found through its blocking key ("b:<bsn>") and counts as decisive evidence in the
    engine, except where the engine's hard rules object (a clearly different given name, a generation
    apart): then a person decides, because a mistyped BSN that still passes the elfproef must not
    merge two people. Two different persons that both look like a certain match are not chosen
    between: both become candidates.
    """
    return _zoekresultaat(personen_kandidaten([record])[0], uitsluiten)


def _zoekresultaat(kandidaten: list[Kandidaat], uitsluiten: Iterable[int] = ()) -> Zoekresultaat:
    """persoon_zoeken's decision on candidates already found (personen_kandidaten)."""
    uitgesloten = set(uitsluiten)
    kandidaten = [k for k in kandidaten if k.persoon_id not in uitgesloten]
    zeker = [k for k in kandidaten if k.beslissing == MATCH]
    if len(zeker) == 1:
        persoon = Persoon.objects.select_related("woonadres").get(pk=zeker[0].persoon_id)
        return Zoekresultaat(persoon, zeker[0], [k for k in kandidaten if k is not zeker[0]])
    return Zoekresultaat(None, None, [k for k in kandidaten if k.beslissing in (MATCH, POSSIBLE)])
