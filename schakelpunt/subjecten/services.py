"""Subject write operations: resolve betrokkenen, match, merge and split, relations, grants, samenloop.

Stable names (other parts call them):

``signaal_betrokkenen_koppelen(signaal)``
    The hook in signalen.services.NA_REGISTRATIE: resolves every betrokkene of a new signal to a
    subject (persoon, adres, organisatie, voertuig, telefoonnummer) and then checks samenloop.
    Runs as the melder, who never sees the outcome.
``betrokkene_koppelen(*, betrokkene, actor=None)``
    Resolve one betrokkene (also used by the ``betrokkenen_koppelen`` command for leftovers).
``persoon_kandidaten(record)`` / ``persoon_zoeken(record)`` / ``personen_kandidaten(records)``
    The interactive matching path: blocking keys -> one count per key (a key shared by more than
    SUBJECT_MAX_PER_SLEUTEL persons is skipped when the record has a more selective one) -> one
    indexed ``WHERE sleutel IN (...)`` joined to only the needed person columns ->
    ``engine.match_one``. Returns ``Kandidaat`` objects (active person id, score, decision, Dutch
    explanation). ``personen_kandidaten`` does this for all person betrokkenen of a signal at once.
``persoon_sleutels_bijwerken(persoon)``
    Rewrite the PersoonSleutel rows of one person.
``personen_samenvoegen(*, actor, bron, doel, reden)``                  -> Samenvoeging
``persoon_afsplitsen(*, actor, persoon, koppelingen, reden)``          -> Samenvoeging
``samenvoeging_ongedaan_maken(*, actor, samenvoeging, reden)``         -> Samenvoeging
``mogelijke_match_bevestigen(*, actor, match, rationale)``             -> Samenvoeging
``mogelijke_match_afwijzen(*, actor, match, rationale)``               -> MogelijkeMatch
``relatie_create(*, actor, soort, van, naar, ...)``                    -> Relatie
``subject_inzage_verlenen(*, actor, user, persoon, reden, geldig_tot)`` -> SubjectInzage
``samenloop_bijwerken(*, personen=(), adressen=())``                   -> list[SamenloopAlert]
``samenloop_afhandelen(*, actor, alert, toelichting)``                 -> SamenloopAlert
``samenloop_combineren_vragen(*, actor, persoon, toelichting)``        -> None

Each function that acts for a user checks its permission with the access point and writes its
audit entries itself, one per person concerned ("persoon:<id>", "adres:<id>", ...).
"""

from __future__ import annotations

import datetime
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone

from schakelpunt.access.decorators import require
from schakelpunt.access.policy import decide
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.matching import engine
from schakelpunt.matching.model import MATCH, POSSIBLE, PartialDate, PersonRecord
from schakelpunt.notificaties.services import notificatie_send
from schakelpunt.signalen.constants import Soort
from schakelpunt.signalen.models import Betrokkene, Signaal
from schakelpunt.subjecten.models import (
    FAMILIE_SOORTEN,
    Adres,
    Beoordeling,
    BetrokkeneKoppeling,
    Bron,
    CombineerVerzoek,
    Methode,
    MogelijkeMatch,
    Organisatie,
    Persoon,
    PersoonSleutel,
    Relatie,
    RelatieSoort,
    SamenloopAlert,
    Samenvoeging,
    SubjectInzage,
    Telefoonnummer,
    Voertuig,
)

logger = logging.getLogger(__name__)


# Subject rules are about persons unless a call says otherwise.
_require = partial(require, object_type="persoon")


# --- Normalising keys -----------------------------------------------------------------------

LANDCODES = {
    "nederland": "NL",
    "the netherlands": "NL",
    "netherlands": "NL",
    "holland": "NL",
    "belgie": "BE",
    "belgië": "BE",
    "duitsland": "DE",
    "frankrijk": "FR",
    "polen": "PL",
    "roemenie": "RO",
    "roemenië": "RO",
    "bulgarije": "BG",
    "hongarije": "HU",
    "litouwen": "LT",
    "letland": "LV",
    "slowakije": "SK",
    "tsjechie": "CZ",
    "tsjechië": "CZ",
    "spanje": "ES",
    "portugal": "PT",
    "italie": "IT",
    "italië": "IT",
    "griekenland": "GR",
    "verenigd koninkrijk": "GB",
    "oekraine": "UA",
    "oekraïne": "UA",
    "turkije": "TR",
    "marokko": "MA",
    "suriname": "SR",
    "curacao": "CW",
    "curaçao": "CW",
    "aruba": "AW",
}


def land_code(land: str | None) -> str:
    """An ISO code for a country as typed: empty means the Netherlands."""
    value = (land or "").strip()
    if not value:
        return "NL"
    if len(value) == 2 and value.isalpha():
        return value.upper()
    return LANDCODES.get(value.lower(), value[:60])


def _tekst_sleutel(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", (value or "").lower())


def adres_sleutel(
    *,
    postcode: str = "",
    huisnummer: int | None = None,
    huisletter: str = "",
    toevoeging: str = "",
    straat: str = "",
    woonplaats: str = "",
    land: str = "NL",
) -> str:
    """The exact key of an address, or "" when it is too vague to identify one place.

    Dutch: postcode + huisnummer + huisletter + toevoeging. Without a postcode, or abroad:
    street, number and place as written (lower case, letters and digits only).
    """
    code = land_code(land)
    if not huisnummer:
        return ""
    letter = (huisletter or "").strip().upper()[:1]
    toev = _tekst_sleutel(toevoeging).upper()
    pc = re.sub(r"\s+", "", postcode or "").upper()
    if code == "NL" and re.fullmatch(r"[1-9]\d{3}[A-Z]{2}", pc):
        return f"NL|{pc}|{huisnummer}|{letter}|{toev}"
    if straat and woonplaats:
        return f"{code}|{pc}|{_tekst_sleutel(straat)}|{_tekst_sleutel(woonplaats)}|{huisnummer}|{letter}|{toev}"[:160]
    return ""


RECHTSVORMEN = re.compile(r"\b(b\.?\s?v\.?|n\.?\s?v\.?|v\.?o\.?f\.?|c\.?v\.?|holding)(?=\s|$)")


def organisatie_sleutel(naam: str) -> str:
    """A name key for organisations without KvK-nummer: no legal form, case or punctuation."""
    text = RECHTSVORMEN.sub(" ", (naam or "").lower())
    return " ".join(re.sub(r"[^a-z0-9à-ÿ ]+", " ", text).split())[:200]


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
    )


def persoon_sleutels_bijwerken(persoon: Persoon) -> list[str]:
    """Replace the blocking keys of one person by those of its current data."""
    keys = engine.blocking_keys(persoon_record(persoon))
    PersoonSleutel.objects.filter(persoon=persoon).delete()
    PersoonSleutel.objects.bulk_create([PersoonSleutel(persoon=persoon, sleutel=k) for k in keys])
    return keys


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


_SLEUTEL_KOLOMMEN = ("sleutel", *(f"persoon__{k}" if k != "id" else "persoon_id" for k in KANDIDAAT_KOLOMMEN))


def _sleutel_rijen(keys_per_record: list[list[str]]) -> tuple[list[list[str]], dict[str, list[tuple]]]:
    """The keys each record is looked up by, and candidate rows (KANDIDAAT_KOLOMMEN) per key.

    A key shared by more than SUBJECT_MAX_PER_SLEUTEL persons ("ni:jnsn:j", every J. Jansen) says
    little: it is skipped for a record that has a more selective key that finds someone. Only a
    record without such a key looks the large ones up, capped to the newest SUBJECT_MAX_PER_SLEUTEL
    persons per key.
    At most three queries whatever the number of records: a count, the selective keys, the capped keys.
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
    per_sleutel: dict[str, list[tuple]] = {}
    if volledig:
        for row in PersoonSleutel.objects.filter(sleutel__in=volledig).order_by().values_list(*_SLEUTEL_KOLOMMEN):
            per_sleutel.setdefault(row[0], []).append(row[1:])
    if gecapt:
        rows = (
            PersoonSleutel.objects.filter(sleutel__in=gecapt)
            .annotate(rang=Window(RowNumber(), partition_by=[F("sleutel")], order_by=F("persoon_id").desc()))
            .filter(rang__lte=settings.SUBJECT_MAX_PER_SLEUTEL)
            .order_by()
            .values_list(*_SLEUTEL_KOLOMMEN)
        )
        for row in rows:
            per_sleutel.setdefault(row[0], []).append(row[1:])
    return gebruikt, per_sleutel


def _rijen_voor(keys: list[str], per_sleutel: dict[str, list[tuple]]) -> list[tuple]:
    """The distinct candidate rows of one record's keys."""
    rows: dict[int, tuple] = {}
    for key in keys:
        for row in per_sleutel.get(key, ()):
            rows.setdefault(row[0], row)
    return list(rows.values())


def _kandidaat_rijen(keys: list[str]) -> list[tuple]:
    """Persons sharing a selective key with one record (see _sleutel_rijen), one row each."""
    gebruikt, per_sleutel = _sleutel_rijen([keys])
    return _rijen_voor(gebruikt[0], per_sleutel)


def _samengevoegd(rows: Iterable[tuple]) -> dict[int, int | None]:
    """Person id -> the person it was merged into, for the candidates and their merge chains."""
    samengevoegd = {row[0]: row[1] for row in rows}
    missing = {v for v in samengevoegd.values() if v and v not in samengevoegd}
    while missing:
        # A merged record's survivor may not share a key itself; follow the chain.
        more = dict(Persoon.objects.filter(pk__in=missing).values_list("pk", "samengevoegd_in_id"))
        samengevoegd.update(more)
        missing = {v for v in more.values() if v and v not in samengevoegd}
    return samengevoegd


def personen_kandidaten(records: list[PersonRecord]) -> list[list[Kandidaat]]:
    """persoon_kandidaten for several records (the person betrokkenen of one signal) in one lookup.

    All blocking keys in one count and one candidate query, then each record is scored in
    process against the candidates of its own keys, exactly as one by one.
    """
    keys_per_record, per_sleutel = _sleutel_rijen([engine.blocking_keys(r) for r in records])
    if not per_sleutel:
        return [[] for _ in records]
    samengevoegd = _samengevoegd(row for rows in per_sleutel.values() for row in rows)
    population = populatie()
    prepared: dict[int, object] = {}
    uitkomst = []
    for record, keys in zip(records, keys_per_record, strict=True):
        rows = _rijen_voor(keys, per_sleutel)
        if not rows:
            uitkomst.append([])
            continue
        query = engine.prepare(PersonRecord(**{**_record_velden(record), "ref": "?"}))
        kandidaten = []
        for row in rows:
            p = prepared.get(row[0])
            if p is None:
                p = prepared[row[0]] = engine.prepare(record_uit_rij(row), cache=False)
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


# --- Resolving betrokkenen ------------------------------------------------------------------


def _adres_uit(data, *, bron: str = Bron.SIGNAAL) -> Adres | None:
    land = land_code(getattr(data, "land", ""))
    velden = {
        "postcode": (data.postcode or "").strip().upper().replace(" ", "") if land == "NL" else (data.postcode or ""),
        "huisnummer": data.huisnummer,
        "huisletter": (data.huisletter or "").upper(),
        "toevoeging": data.toevoeging or "",
        "straat": data.straat or "",
        "woonplaats": data.woonplaats or "",
        "land": land,
    }
    sleutel = adres_sleutel(**velden)
    if not sleutel:
        return None
    adres = Adres.objects.filter(sleutel=sleutel).first()
    if adres is not None:
        changed = [f for f in ("straat", "woonplaats") if velden[f] and not getattr(adres, f)]
        for f in changed:
            setattr(adres, f, velden[f])
        if changed:
            adres.save(update_fields=changed)
        return adres
    try:
        with transaction.atomic():
            return Adres.objects.create(sleutel=sleutel, bron=bron, **velden)
    except IntegrityError:  # created by a concurrent request
        return Adres.objects.get(sleutel=sleutel)


def _uniek(model, lookup: dict, defaults: dict | None = None):
    obj = model.objects.filter(**lookup).first()
    if obj is not None:
        return obj
    try:
        with transaction.atomic():
            return model.objects.create(**lookup, **(defaults or {}))
    except IntegrityError:
        return model.objects.get(**lookup)


def _organisatie_uit(b: Betrokkene) -> Organisatie | None:
    kvk = (b.kvk_nummer or "").strip()
    naam_sleutel = organisatie_sleutel(b.organisatienaam)
    if kvk:
        organisatie = _uniek(
            Organisatie, {"kvk_nummer": kvk}, {"naam": b.organisatienaam, "naam_sleutel": naam_sleutel}
        )
        if b.organisatienaam and not organisatie.naam:
            organisatie.naam, organisatie.naam_sleutel = b.organisatienaam, naam_sleutel
            organisatie.save(update_fields=["naam", "naam_sleutel"])
        return organisatie
    if not naam_sleutel:
        return None
    # Without a KvK-nummer the name as written is the key (an organisation, not a natural person).
    bestaand = Organisatie.objects.filter(naam_sleutel=naam_sleutel).order_by("pk").first()
    return bestaand or Organisatie.objects.create(naam=b.organisatienaam, naam_sleutel=naam_sleutel)


# The Relatie field that points at each kind of subject.
NAAR_VELD = {
    Persoon: "naar_persoon",
    Adres: "naar_adres",
    Organisatie: "naar_organisatie",
    Voertuig: "naar_voertuig",
    Telefoonnummer: "naar_telefoonnummer",
}


def _relatie(soort: str, *, van, naar, signaal: Signaal | None, bron: str = Bron.SIGNAAL, **extra) -> Relatie:
    """A relation once per (soort, van, naar): the first source that stated it is kept."""
    van_veld = "van_persoon" if isinstance(van, Persoon) else "van_organisatie"
    naar_veld = NAAR_VELD[type(naar)]
    bestaand = Relatie.objects.filter(soort=soort, **{van_veld: van, naar_veld: naar}).first()
    if bestaand is not None:
        return bestaand
    return Relatie.objects.create(
        soort=soort, bron=bron, bron_signaal=signaal, **{van_veld: van, naar_veld: naar}, **extra
    )


def _nieuwe_persoon(b: Betrokkene, adres: Adres | None) -> Persoon:
    persoon = Persoon.objects.create(
        voornamen=b.voornamen,
        voorvoegsel=b.voorvoegsel,
        geslachtsnaam=b.geslachtsnaam,
        geboortejaar=b.geboortejaar,
        geboortemaand=b.geboortemaand,
        geboortedag=b.geboortedag,
        geboortedatum_geschat=b.geboortedatum_geschat,
        bsn=b.bsn,
        telefoonnummers=[b.telefoonnummer] if b.telefoonnummer else [],
        woonadres=adres,
        bron=Bron.SIGNAAL,
    )
    persoon_sleutels_bijwerken(persoon)
    return persoon


def _persoon_aanvullen(persoon: Persoon, b: Betrokkene, adres: Adres | None) -> None:
    """What a new signal adds to a known person: the newest address and phone numbers.

    Names, date of birth and BSN are not overwritten or filled from a probable link: a wrong
    link must not make the next wrong link easier.
    """
    changed = []
    if adres is not None and persoon.woonadres_id != adres.pk:
        persoon.woonadres = adres
        changed.append("woonadres")
    if b.telefoonnummer and b.telefoonnummer not in (persoon.telefoonnummers or []):
        persoon.telefoonnummers = [*(persoon.telefoonnummers or []), b.telefoonnummer]
        changed.append("telefoonnummers")
    if changed:
        persoon.save(update_fields=[*changed, "bijgewerkt_op"])
        persoon_sleutels_bijwerken(persoon)


def _persoon_koppelen(
    b: Betrokkene,
    koppeling: BetrokkeneKoppeling,
    adres: Adres | None,
    al_gekoppeld: set[int],
    kandidaten: list[Kandidaat] | None = None,
):
    """Resolve a person betrokkene: link, or create a new person (with candidates in the grey zone).

    `kandidaten` are the betrokkene's candidates when the signal looked them up for all its
    betrokkenen at once (personen_kandidaten); otherwise they are looked up here.
    """
    if kandidaten is None:
        kandidaten = personen_kandidaten([betrokkene_record(b)])[0]
    # Persons already resolved from this same signal are never the same person as another
    # betrokkene of it: a melder lists twins or a father and son separately on purpose.
    zoek = _zoekresultaat(kandidaten, al_gekoppeld)
    if zoek.persoon is not None:
        persoon = zoek.persoon
        koppeling.methode = Methode.BSN if zoek.kandidaat.zelfde_bsn else Methode.WAARSCHIJNLIJK
        koppeling.score = zoek.kandidaat.score
        koppeling.toelichting = zoek.kandidaat.toelichting
        _persoon_aanvullen(persoon, b, adres)
        mogelijk = []
    else:
        persoon = _nieuwe_persoon(b, adres)
        koppeling.methode = Methode.NIEUW
        mogelijk = zoek.mogelijk
    # The person is new, so it has no possible matches yet: one insert for all of them.
    MogelijkeMatch.objects.bulk_create(
        [
            MogelijkeMatch(
                persoon=persoon,
                kandidaat_id=kandidaat.persoon_id,
                score=kandidaat.score,
                toelichting=kandidaat.toelichting,
                bron_signaal_id=b.signaal_id,
            )
            for kandidaat in mogelijk
            if kandidaat.persoon_id != persoon.pk
        ],
        ignore_conflicts=True,
    )
    koppeling.persoon = persoon
    return persoon


def betrokkene_koppelen(
    *, betrokkene: Betrokkene, al_gekoppeld: set[int] | None = None, kandidaten: list[Kandidaat] | None = None
) -> tuple[BetrokkeneKoppeling, list[str]]:
    """Resolve one betrokkene to its subject(s); returns the link and the log keys concerned.

    A person with an address also yields the Adres and a "woont op" relation; a phone number a
    Telefoonnummer and a "gebruikt" relation; an organisation with an address "gevestigd op".
    Nothing else is assumed (two persons at one address are not made huisgenoten).
    """
    al_gekoppeld = al_gekoppeld if al_gekoppeld is not None else set()
    b = betrokkene
    koppeling = BetrokkeneKoppeling(betrokkene=b, signaal_id=b.signaal_id, methode=Methode.SLEUTEL)
    signaal = b.signaal
    adres = _adres_uit(b)
    telefoon = _uniek(Telefoonnummer, {"nummer": b.telefoonnummer}) if b.telefoonnummer else None
    koppeling.adres, koppeling.telefoonnummer = adres, telefoon
    keys = []
    if b.soort == Soort.PERSOON:
        persoon = _persoon_koppelen(b, koppeling, adres, al_gekoppeld, kandidaten)
        al_gekoppeld.add(persoon.pk)
        keys.append(persoon.log_key)
        if adres is not None:
            _relatie(RelatieSoort.WOONT_OP, van=persoon, naar=adres, signaal=signaal)
        if telefoon is not None:
            _relatie(RelatieSoort.GEBRUIKT, van=persoon, naar=telefoon, signaal=signaal)
    elif b.soort == Soort.ORGANISATIE:
        organisatie = _organisatie_uit(b)
        koppeling.organisatie = organisatie
        if organisatie is not None:
            keys.append(organisatie.log_key)
            if adres is not None:
                _relatie(RelatieSoort.GEVESTIGD_OP, van=organisatie, naar=adres, signaal=signaal)
            if telefoon is not None:
                _relatie(RelatieSoort.GEBRUIKT, van=organisatie, naar=telefoon, signaal=signaal)
    elif b.soort == Soort.VOERTUIG and b.kenteken:
        koppeling.voertuig = _uniek(Voertuig, {"kenteken": b.kenteken})
        keys.append(koppeling.voertuig.log_key)
    if adres is not None:
        keys.append(adres.log_key)
    if telefoon is not None:
        keys.append(telefoon.log_key)
    koppeling.save()
    return koppeling, keys


def signaal_betrokkenen_koppelen(signaal: Signaal) -> list[BetrokkeneKoppeling]:
    """NA_REGISTRATIE hook: resolve the betrokkenen of a new signal, then check samenloop.

    Runs in the signal's transaction, in a savepoint: if resolving fails the signal is still
    saved (nothing reported is lost) and `manage.py betrokkenen_koppelen` can resolve it later.
    """
    try:
        with transaction.atomic():
            return _signaal_koppelen(signaal)
    except Exception:
        if settings.TESTING:
            raise
        logger.exception("subjecten: betrokkenen van signaal %s niet gekoppeld", signaal.pk)
        return []


def _signaal_koppelen(signaal: Signaal) -> list[BetrokkeneKoppeling]:
    actor = signaal.melder
    decision = decide(actor, "subject.registreren")
    betrokkenen = list(Betrokkene.objects.filter(signaal=signaal, koppeling__isnull=True).order_by("pk"))
    if not betrokkenen:
        return []
    al_gekoppeld = set(
        BetrokkeneKoppeling.objects.filter(signaal=signaal, persoon__isnull=False).values_list("persoon_id", flat=True)
    )
    # One candidate lookup for all person betrokkenen. Looking up before any of them is resolved
    # gives the same outcome as one by one: a person linked or created for an earlier
    # betrokkene is excluded (al_gekoppeld) for the later ones anyway.
    personen = [b for b in betrokkenen if b.soort == Soort.PERSOON]
    gevonden = dict(
        zip((b.pk for b in personen), personen_kandidaten([betrokkene_record(b) for b in personen]), strict=True)
    )
    koppelingen, keys = [], []
    for b in betrokkenen:
        b.signaal = signaal
        koppeling, kk = betrokkene_koppelen(betrokkene=b, al_gekoppeld=al_gekoppeld, kandidaten=gevonden.get(b.pk))
        koppelingen.append(koppeling)
        keys.extend(kk)
    log_access(
        actor=actor,
        decision=decision,
        actie=Action.CREATE,
        object_type="subject_koppeling",
        object_id=signaal.pk,
        betrokkenen=keys,
        toelichting=f"betrokkenen van signaal {signaal.pk} gekoppeld aan subjecten",
    )
    samenloop_bijwerken(
        personen=[k.persoon for k in koppelingen if k.persoon_id],
        adressen=[k.adres for k in koppelingen if k.adres_id],
    )
    return koppelingen


# --- Merge and split ------------------------------------------------------------------------

# What hangs on a person and moves with a merge: (name in Samenvoeging.verplaatst, model, field).
VERPLAATSBAAR = (
    ("koppelingen", BetrokkeneKoppeling, "persoon"),
    ("relaties_van", Relatie, "van_persoon"),
    ("relaties_naar", Relatie, "naar_persoon"),
    ("inzagen", SubjectInzage, "persoon"),
    ("matches_persoon", MogelijkeMatch, "persoon"),
    ("matches_kandidaat", MogelijkeMatch, "kandidaat"),
)


def _check_reden(reden: str, veld: str = "reden") -> str:
    if not (reden or "").strip():
        raise ValidationError({veld: "Leg uit waarom; dit wordt bewaard."})
    return reden.strip()


def _verhuizen(bron: Persoon, doel: Persoon) -> dict[str, list[int]]:
    """Move everything that hangs on `bron` to `doel`; returns the ids that moved, per kind."""
    selecties = {
        "koppelingen": BetrokkeneKoppeling.objects.filter(persoon=bron),
        # A relation between the two themselves (say "broer/zus") contradicts the merge: it stays on bron.
        "relaties_van": Relatie.objects.filter(van_persoon=bron).exclude(naar_persoon=doel),
        "relaties_naar": Relatie.objects.filter(naar_persoon=bron).exclude(van_persoon=doel),
        # Someone with sight of both keeps the grant they had on doel.
        "inzagen": SubjectInzage.objects.filter(persoon=bron).exclude(
            user_id__in=SubjectInzage.objects.filter(persoon=doel).values("user_id")
        ),
        "matches_persoon": MogelijkeMatch.objects.filter(persoon=bron, status=Beoordeling.OPEN)
        .exclude(kandidaat=doel)
        .exclude(kandidaat_id__in=MogelijkeMatch.objects.filter(persoon=doel).values("kandidaat_id")),
        "matches_kandidaat": MogelijkeMatch.objects.filter(kandidaat=bron, status=Beoordeling.OPEN)
        .exclude(persoon=doel)
        .exclude(persoon_id__in=MogelijkeMatch.objects.filter(kandidaat=doel).values("persoon_id")),
    }
    moved: dict[str, list[int]] = {}
    for naam, model, veld in VERPLAATSBAAR:
        moved[naam] = list(selecties[naam].values_list("pk", flat=True))
        if moved[naam]:
            model.objects.filter(pk__in=moved[naam]).update(**{veld: doel})
    return moved


def _terugzetten(verplaatst: dict, *, van: Persoon, naar: Persoon) -> dict[str, list[int]]:
    """Move exactly the recorded rows back, as far as they are still on `van`."""
    moved: dict[str, list[int]] = {}
    for naam, model, veld in VERPLAATSBAAR:
        ids = list(model.objects.filter(pk__in=verplaatst.get(naam, []), **{veld: van}).values_list("pk", flat=True))
        if ids:
            model.objects.filter(pk__in=ids).update(**{veld: naar})
        moved[naam] = ids
    return moved


def _log_personen(actor, decision, personen: Iterable[Persoon], toelichting: str, actie: str = Action.UPDATE) -> None:
    personen = list(personen)
    log_access(
        actor=actor,
        decision=decision,
        actie=actie,
        object_type="persoon",
        object_id=personen[0].pk if personen else "",
        betrokkenen=[p.log_key for p in personen],
        toelichting=toelichting,
    )


def _vergrendel(*personen: Persoon) -> list[Persoon]:
    locked = {p.pk: p for p in Persoon.objects.select_for_update().filter(pk__in=[p.pk for p in personen])}
    return [locked[p.pk] for p in personen]


def _samenloop_vervallen(persoon: Persoon, toelichting: str) -> None:
    SamenloopAlert.objects.filter(persoon=persoon, status=SamenloopAlert.Status.OPEN).update(
        status=SamenloopAlert.Status.AFGEHANDELD, afgehandeld_op=timezone.now(), toelichting=toelichting
    )


def personen_samenvoegen(*, actor, bron: Persoon, doel: Persoon, reden: str) -> Samenvoeging:
    """`bron` and `doel` are the same person: everything of bron moves to doel; undoable.

    bron is kept (inactive, ``samengevoegd_in=doel``) together with a record of exactly which
    links, relations and grants moved, so that samenvoeging_ongedaan_maken can put them back.
    """
    decision = _require(actor, "subject.match.beoordelen", doel)
    reden = _check_reden(reden)
    with transaction.atomic():
        bron, doel = _vergrendel(bron, doel)
        if bron.pk == doel.pk:
            raise ValidationError({"doel": "Een persoon kan niet met zichzelf worden samengevoegd."})
        if not bron.actief or not doel.actief:
            raise ValidationError({"doel": "Een van beide personen is al samengevoegd met een ander."})
        moved = _verhuizen(bron, doel)
        bron.samengevoegd_in = doel
        bron.save(update_fields=["samengevoegd_in", "bijgewerkt_op"])
        record = Samenvoeging.objects.create(
            soort=Samenvoeging.Soort.SAMENVOEGEN, bron=bron, doel=doel, door=actor, reden=reden, verplaatst=moved
        )
        MogelijkeMatch.objects.filter(
            Q(persoon=bron, kandidaat=doel) | Q(persoon=doel, kandidaat=bron), status=Beoordeling.OPEN
        ).update(
            status=Beoordeling.BEVESTIGD,
            beoordeeld_door=actor,
            beoordeeld_op=timezone.now(),
            rationale=reden,
            samenvoeging=record,
        )
        _samenloop_vervallen(bron, f"Persoon samengevoegd met persoon {doel.pk}.")
        _log_personen(actor, decision, [bron, doel], f"samengevoegd: persoon {bron.pk} in {doel.pk}")
        samenloop_bijwerken(personen=[doel])
    return record


def persoon_afsplitsen(
    *, actor, persoon: Persoon, koppelingen: Iterable[BetrokkeneKoppeling], reden: str
) -> Samenvoeging:
    """Some betrokkenen linked to `persoon` are someone else: they move to a new person; undoable.

    The new person is made from the first moved betrokkene as it was reported; the relations
    stated in the moved signals go with it.
    """
    decision = _require(actor, "subject.match.beoordelen", persoon)
    reden = _check_reden(reden)
    with transaction.atomic():
        (persoon,) = _vergrendel(persoon)
        if not persoon.actief:
            raise ValidationError({"persoon": "Deze persoon is samengevoegd; splits de persoon waarin hij opging."})
        ids = [k.pk for k in koppelingen]
        gekozen = list(
            BetrokkeneKoppeling.objects.select_related("betrokkene", "adres")
            .filter(pk__in=ids, persoon=persoon)
            .order_by("pk")
        )
        if not gekozen or len(gekozen) != len(set(ids)):
            raise ValidationError(
                {"koppelingen": "Kies een of meer betrokkenen die nu aan deze persoon gekoppeld zijn."}
            )
        eerste = gekozen[0]
        nieuw = _nieuwe_persoon(eerste.betrokkene, eerste.adres)
        signaal_ids = {k.signaal_id for k in gekozen}
        blijvend = set(
            BetrokkeneKoppeling.objects.filter(persoon=persoon).exclude(pk__in=ids).values_list("signaal_id", flat=True)
        )
        moved = {
            "koppelingen": [k.pk for k in gekozen],
            # Relations stated only in the moved signals go with the person they were about.
            "relaties_van": list(
                Relatie.objects.filter(van_persoon=persoon, bron_signaal_id__in=signaal_ids - blijvend).values_list(
                    "pk", flat=True
                )
            ),
            "relaties_naar": list(
                Relatie.objects.filter(naar_persoon=persoon, bron_signaal_id__in=signaal_ids - blijvend).values_list(
                    "pk", flat=True
                )
            ),
        }
        BetrokkeneKoppeling.objects.filter(pk__in=moved["koppelingen"]).update(
            persoon=nieuw, methode=Methode.HANDMATIG, score=None, toelichting=f"afgesplitst: {reden}"[:1000]
        )
        Relatie.objects.filter(pk__in=moved["relaties_van"]).update(van_persoon=nieuw)
        Relatie.objects.filter(pk__in=moved["relaties_naar"]).update(naar_persoon=nieuw)
        record = Samenvoeging.objects.create(
            soort=Samenvoeging.Soort.AFSPLITSEN, bron=persoon, doel=nieuw, door=actor, reden=reden, verplaatst=moved
        )
        _log_personen(actor, decision, [persoon, nieuw], f"afgesplitst: persoon {nieuw.pk} van {persoon.pk}")
        samenloop_bijwerken(personen=[persoon, nieuw])
    return record


def samenvoeging_ongedaan_maken(*, actor, samenvoeging: Samenvoeging, reden: str) -> Samenvoeging:
    """Undo a merge (the merged person comes back with exactly what moved) or a split (merge back).

    Returns the new record, which names the one it undid (``maakt_ongedaan``).
    """
    decision = _require(actor, "subject.match.beoordelen", samenvoeging.doel)
    reden = _check_reden(reden)
    with transaction.atomic():
        record = Samenvoeging.objects.select_for_update().get(pk=samenvoeging.pk)
        if record.ongedaan_gemaakt_door_id:
            raise ValidationError({"samenvoeging": "Dit is al ongedaan gemaakt."})
        bron, doel = _vergrendel(record.bron, record.doel)
        if record.soort == Samenvoeging.Soort.SAMENVOEGEN:
            if bron.samengevoegd_in_id != doel.pk or not doel.actief:
                raise ValidationError(
                    {"samenvoeging": "Persoon is sindsdien opnieuw samengevoegd; maak dat eerst ongedaan."}
                )
            moved = _terugzetten(record.verplaatst, van=doel, naar=bron)
            bron.samengevoegd_in = None
            bron.save(update_fields=["samengevoegd_in", "bijgewerkt_op"])
            # A confirmed candidate that led to this merge now stands rejected, for the same reason.
            MogelijkeMatch.objects.filter(samenvoeging=record).update(
                status=Beoordeling.AFGEWEZEN, beoordeeld_door=actor, beoordeeld_op=timezone.now(), rationale=reden
            )
            nieuw = Samenvoeging.objects.create(
                soort=Samenvoeging.Soort.AFSPLITSEN, bron=doel, doel=bron, door=actor, reden=reden, verplaatst=moved
            )
        else:
            if not bron.actief or not doel.actief:
                raise ValidationError({"samenvoeging": "Persoon is sindsdien samengevoegd; maak dat eerst ongedaan."})
            # Everything of the split-off person goes back, also what was linked to it since.
            moved = _verhuizen(doel, bron)
            doel.samengevoegd_in = bron
            doel.save(update_fields=["samengevoegd_in", "bijgewerkt_op"])
            _samenloop_vervallen(doel, f"Persoon weer samengevoegd met persoon {bron.pk}.")
            nieuw = Samenvoeging.objects.create(
                soort=Samenvoeging.Soort.SAMENVOEGEN, bron=doel, doel=bron, door=actor, reden=reden, verplaatst=moved
            )
        record.ongedaan_gemaakt_door = nieuw
        record.save(update_fields=["ongedaan_gemaakt_door"])
        _log_personen(actor, decision, [bron, doel], f"ongedaan gemaakt: {record.get_soort_display().lower()}")
        samenloop_bijwerken(personen=[p for p in (bron, doel) if p.actief])
    return nieuw


# --- Mogelijke matches ----------------------------------------------------------------------


def actieve_persoon(persoon: Persoon) -> Persoon:
    seen = set()
    while persoon.samengevoegd_in_id and persoon.pk not in seen:
        seen.add(persoon.pk)
        persoon = Persoon.objects.get(pk=persoon.samengevoegd_in_id)
    return persoon


def _open_match(match: MogelijkeMatch) -> MogelijkeMatch:
    locked = MogelijkeMatch.objects.select_for_update().get(pk=match.pk)
    if locked.status != Beoordeling.OPEN:
        raise ValidationError({"status": "Deze mogelijke match is al beoordeeld."})
    return locked


def mogelijke_match_bevestigen(*, actor, match: MogelijkeMatch, rationale: str) -> MogelijkeMatch:
    """The aandachtsfunctionaris confirms: the two are one person and are merged (undoable)."""
    _require(actor, "subject.match.beoordelen", match.kandidaat)
    rationale = _check_reden(rationale, "rationale")
    with transaction.atomic():
        locked = _open_match(match)
        bron, doel = actieve_persoon(locked.persoon), actieve_persoon(locked.kandidaat)
        samenvoeging = None
        if bron.pk != doel.pk:
            samenvoeging = personen_samenvoegen(actor=actor, bron=bron, doel=doel, reden=rationale)
        MogelijkeMatch.objects.filter(pk=locked.pk).update(
            status=Beoordeling.BEVESTIGD,
            beoordeeld_door=actor,
            beoordeeld_op=timezone.now(),
            rationale=rationale,
            samenvoeging=samenvoeging,
        )
    match.refresh_from_db()
    return match


def mogelijke_match_afwijzen(*, actor, match: MogelijkeMatch, rationale: str) -> MogelijkeMatch:
    """The aandachtsfunctionaris rejects: two different persons; the pair is not offered again."""
    decision = _require(actor, "subject.match.beoordelen", match.kandidaat)
    rationale = _check_reden(rationale, "rationale")
    with transaction.atomic():
        locked = _open_match(match)
        locked.status = Beoordeling.AFGEWEZEN
        locked.beoordeeld_door = actor
        locked.beoordeeld_op = timezone.now()
        locked.rationale = rationale
        locked.save()
        _log_personen(actor, decision, [locked.persoon, locked.kandidaat], "mogelijke match afgewezen")
    match.refresh_from_db()
    return match


# --- Relations and grants -------------------------------------------------------------------

PERSOONSRELATIES = FAMILIE_SOORTEN | {RelatieSoort.HUISGENOOT}


def relatie_create(
    *,
    actor,
    soort: str,
    van: Persoon | Organisatie,
    naar,
    geldig_van: datetime.date | None = None,
    geldig_tot: datetime.date | None = None,
    toelichting: str = "",
    bron_signaal: Signaal | None = None,
) -> Relatie:
    """Record a relation that was stated (by a signal, a document or a colleague); family relations
    make the family network that samenloop looks at."""
    decision = _require(actor, "subject.relatie.beheren", van if isinstance(van, Persoon) else None)
    errors = {}
    if soort not in RelatieSoort.values:
        errors["soort"] = "Kies een soort relatie."
    if not isinstance(van, Persoon | Organisatie) or type(naar) not in NAAR_VELD:
        errors["naar"] = "Een relatie loopt van een persoon of organisatie naar een subject."
    elif type(van) is type(naar) and van.pk == naar.pk:
        errors["naar"] = "Een relatie met zichzelf kan niet."
    elif soort in PERSOONSRELATIES and not (isinstance(van, Persoon) and isinstance(naar, Persoon)):
        errors["naar"] = "Deze relatie bestaat alleen tussen personen."
    elif soort in (RelatieSoort.WOONT_OP, RelatieSoort.GEVESTIGD_OP) and not isinstance(naar, Adres):
        errors["naar"] = "Woont op en gevestigd op verwijzen naar een adres."
    # A merged person is only a record of the merge: relations go to the person it went into.
    for veld, subject in (("van", van), ("naar", naar)):
        if isinstance(subject, Persoon) and not subject.actief and veld not in errors:
            errors[veld] = f"Deze persoon is samengevoegd met persoon {subject.samengevoegd_in_id}. Kies die persoon."
    if geldig_van and geldig_tot and geldig_tot < geldig_van:
        errors["geldig_tot"] = "De einddatum ligt voor de begindatum."
    if errors:
        raise ValidationError(errors)
    van_veld = "van_persoon" if isinstance(van, Persoon) else "van_organisatie"
    with transaction.atomic():
        relatie = Relatie.objects.create(
            soort=soort,
            **{van_veld: van, NAAR_VELD[type(naar)]: naar},
            geldig_van=geldig_van,
            geldig_tot=geldig_tot,
            toelichting=toelichting,
            bron=Bron.SIGNAAL if bron_signaal else Bron.GEBRUIKER,
            bron_signaal=bron_signaal,
            bron_gebruiker=actor,
        )
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.CREATE,
            object_type="relatie",
            object_id=relatie.pk,
            betrokkenen=[van.log_key, naar.log_key],
        )
        if soort in FAMILIE_SOORTEN:
            samenloop_bijwerken(personen=[van, naar])
    return relatie


def subject_inzage_verlenen(
    *, actor, user, persoon: Persoon, reden: str, geldig_tot: datetime.date | None = None
) -> SubjectInzage:
    """Let `user` (e.g. a casus deelnemer) see one person: its data and that others know it, not the signals."""
    decision = _require(actor, "subject.inzage.verlenen", persoon)
    reden = _check_reden(reden)
    if not persoon.actief:
        raise ValidationError(
            {"persoon": f"Deze persoon is samengevoegd met persoon {persoon.samengevoegd_in_id}; geef daar inzage."}
        )
    with transaction.atomic():
        inzage, _created = SubjectInzage.objects.update_or_create(
            user=user, persoon=persoon, defaults={"reden": reden, "verleend_door": actor, "geldig_tot": geldig_tot}
        )
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.CREATE,
            object_type="subject_inzage",
            object_id=inzage.pk,
            betrokkenen=[persoon.log_key],
            toelichting=f"inzage verleend aan gebruiker {user.pk}",
        )
    return inzage


# --- Samenloop ------------------------------------------------------------------------------

SOORT_TEKST = {
    SamenloopAlert.Soort.PERSOON: "dezelfde persoon",
    SamenloopAlert.Soort.ADRES: "hetzelfde adres",
    SamenloopAlert.Soort.NETWERK: "hetzelfde familienetwerk",
}


def familienetwerk(persoon_ids: Iterable[int], stappen: int | None = None) -> set[int]:
    """Persons linked by family relations (ouder, broer/zus, partner, familie), up to `stappen` steps."""
    stappen = settings.SAMENLOOP_NETWERK_STAPPEN if stappen is None else stappen
    netwerk = set(persoon_ids)
    rand = set(netwerk)
    for _ in range(stappen):
        if not rand:
            break
        pairs = Relatie.objects.filter(
            Q(van_persoon__in=rand) | Q(naar_persoon__in=rand), soort__in=FAMILIE_SOORTEN, naar_persoon__isnull=False
        ).values_list("van_persoon_id", "naar_persoon_id")
        nieuw = {pk for pair in pairs for pk in pair if pk} - netwerk
        netwerk |= nieuw
        rand = nieuw
    return netwerk


def _signaal_rijen(filter_q: Q, since: datetime.datetime) -> list[tuple]:
    return list(
        Signaal.objects.filter(filter_q, ontvangen_op__gte=since)
        .values_list("pk", "afdeling_id", "ontvangen_op")
        .distinct()
        .order_by("pk")
    )


def _signaal_rijen_per_persoon(persoon_ids: Iterable[int], since: datetime.datetime) -> dict[int, list[tuple]]:
    """_signaal_rijen for several persons in one query: person id -> its rows."""
    per_persoon: dict[int, list[tuple]] = {}
    for pk, afdeling_id, ontvangen_op, persoon_id in (
        Signaal.objects.filter(subject_koppelingen__persoon__in=persoon_ids, ontvangen_op__gte=since)
        .values_list("pk", "afdeling_id", "ontvangen_op", "subject_koppelingen__persoon_id")
        .distinct()
        .order_by("pk")
    ):
        per_persoon.setdefault(persoon_id, []).append((pk, afdeling_id, ontvangen_op))
    return per_persoon


def _rijen_van(per_persoon: dict[int, list[tuple]], persoon_ids: Iterable[int]) -> list[tuple]:
    """The distinct rows of these persons' signals, by signal id (as _signaal_rijen gives them)."""
    rijen = {rij[0]: rij for pk in persoon_ids for rij in per_persoon.get(pk, ())}
    return [rijen[pk] for pk in sorted(rijen)]


def boven_drempel(rijen: list[tuple]) -> bool:
    afdelingen = {r[1] for r in rijen if r[1]}
    return len(afdelingen) >= 2 or len(rijen) >= settings.SAMENLOOP_MIN_SIGNALEN


def _alert_bijwerken(
    soort: str, rijen: list[tuple], *, persoon=None, adres=None, alert=None, leden=()
) -> SamenloopAlert | None:
    if alert is None:
        alert = SamenloopAlert.objects.filter(
            soort=soort, persoon=persoon, adres=adres, status=SamenloopAlert.Status.OPEN
        ).first()
    if not boven_drempel(rijen):
        if alert is not None:
            alert.status = SamenloopAlert.Status.AFGEHANDELD
            alert.afgehandeld_op = timezone.now()
            alert.toelichting = "Vervallen: niet meer boven de drempel (na samenvoegen of splitsen)."
            alert.save()
        return None
    nieuw = alert is None
    if nieuw:
        # Once handled, the same subject alerts again only when a newer signal arrives.
        vorige = (
            SamenloopAlert.objects.filter(soort=soort, persoon=persoon, adres=adres)
            .exclude(afgehandeld_op__isnull=True)
            .order_by("-afgehandeld_op")
            .first()
        )
        if vorige is not None and max(r[2] for r in rijen) <= vorige.afgehandeld_op:
            return None
        alert = SamenloopAlert(soort=soort, persoon=persoon, adres=adres)
    oude_afdelingen = set() if nieuw else set(alert.afdelingen.values_list("pk", flat=True))
    afdelingen = {r[1] for r in rijen if r[1]}
    alert.aantal_signalen = len(rijen)
    alert.aantal_afdelingen = len(afdelingen)
    alert.eerste_signaal_op = min(r[2] for r in rijen)
    alert.laatste_signaal_op = max(r[2] for r in rijen)
    bekend = oude_afdelingen
    if nieuw:
        try:
            with transaction.atomic():
                alert.save()
        except IntegrityError:  # a concurrent signal opened it first
            alert = SamenloopAlert.objects.get(
                soort=soort, persoon=persoon, adres=adres, status=SamenloopAlert.Status.OPEN
            )
            nieuw = False
            bekend = set(alert.afdelingen.values_list("pk", flat=True))
    else:
        alert.save()  # an update changes no field of the unique constraints: no savepoint needed
    alert.signalen.set([r[0] for r in rijen])
    # The departments already read above: only the difference is written (set() would read them again).
    alert.afdelingen.remove(*(bekend - afdelingen))
    alert.afdelingen.add(*(afdelingen - bekend))
    if leden:
        alert.leden.set(leden)
    if nieuw or afdelingen - oude_afdelingen:
        from schakelpunt.signalen.services import aandachtsfunctionarissen

        # No names in a notice: it says that there is samenloop and links to the overview.
        notificatie_send(
            ontvangers=aandachtsfunctionarissen(),
            onderwerp=f"Samenloop: {alert.aantal_signalen} signalen van {alert.aantal_afdelingen} afdeling(en)",
            tekst=f"Signalen van {alert.aantal_afdelingen} afdeling(en) gaan over {SOORT_TEKST[soort]}. "
            "Bekijk de samenloop in Schakelpunt.",
            url=reverse("subjecten:samenloop"),
        )
    return alert


def samenloop_bijwerken(
    *, personen: Iterable[Persoon] = (), adressen: Iterable[Adres] = (), now: datetime.datetime | None = None
) -> list[SamenloopAlert]:
    """Check samenloop for these persons (and their family network) and addresses; open, update or
    close alerts. Called by the resolver after a new signal and after merges, splits and relations."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=settings.SAMENLOOP_PERIODE_DAGEN)
    alerts = []
    for persoon in {p.pk: p for p in personen if p is not None and p.actief}.values():
        netwerk = familienetwerk([persoon.pk])
        bestaand = (
            SamenloopAlert.objects.filter(
                soort=SamenloopAlert.Soort.NETWERK, status=SamenloopAlert.Status.OPEN, leden__in=netwerk
            )
            .select_related("persoon")
            .distinct()
            .first()
        )
        anker = persoon
        if bestaand is not None and bestaand.persoon_id != persoon.pk:
            # One network, one alert: it stays with the person it was first raised for.
            anker = bestaand.persoon
            netwerk = familienetwerk([anker.pk])
        # One query for the signals of the person, the anchor and the network.
        per_persoon = _signaal_rijen_per_persoon(netwerk | {persoon.pk}, since)
        alerts.append(
            _alert_bijwerken(SamenloopAlert.Soort.PERSOON, _rijen_van(per_persoon, [persoon.pk]), persoon=persoon)
        )
        rijen = _rijen_van(per_persoon, [anker.pk])
        if len(netwerk) > 1:
            netwerk_rijen = _rijen_van(per_persoon, netwerk)
            # Only when other family members add signals to the person's own.
            if len(netwerk_rijen) > len(rijen) or bestaand is not None:
                alerts.append(
                    _alert_bijwerken(
                        SamenloopAlert.Soort.NETWERK, netwerk_rijen, persoon=anker, alert=bestaand, leden=netwerk
                    )
                )
        elif bestaand is not None:
            _alert_bijwerken(SamenloopAlert.Soort.NETWERK, [], persoon=anker, alert=bestaand)
    for adres in {a.pk: a for a in adressen if a is not None}.values():
        rijen = _signaal_rijen(Q(subject_koppelingen__adres=adres), since)
        alerts.append(_alert_bijwerken(SamenloopAlert.Soort.ADRES, rijen, adres=adres))
    return [a for a in alerts if a is not None]


def samenloop_afhandelen(*, actor, alert: SamenloopAlert, toelichting: str) -> SamenloopAlert:
    """The aandachtsfunctionaris has looked at the samenloop (e.g. opened a casus) and says what was done."""
    decision = _require(actor, "samenloop.afhandelen", object_type="samenloop")
    toelichting = _check_reden(toelichting, "toelichting")
    with transaction.atomic():
        locked = SamenloopAlert.objects.select_for_update().get(pk=alert.pk)
        if locked.status != SamenloopAlert.Status.OPEN:
            raise ValidationError({"status": "Deze samenloop is al afgehandeld."})
        locked.status = SamenloopAlert.Status.AFGEHANDELD
        locked.afgehandeld_door = actor
        locked.afgehandeld_op = timezone.now()
        locked.toelichting = toelichting
        locked.save()
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.UPDATE,
            object_type="samenloop",
            object_id=locked.pk,
            betrokkenen=[s.log_key for s in (locked.persoon, locked.adres) if s is not None],
        )
    alert.refresh_from_db()
    return alert


def samenloop_combineren_vragen(*, actor, persoon: Persoon, toelichting: str = "") -> CombineerVerzoek:
    """Someone with sight of a person (not of the signals) asks the meldpunt to combine what is known."""
    decision = _require(actor, "subject.combineren.vragen", persoon)
    with transaction.atomic():
        verzoek = CombineerVerzoek.objects.create(persoon=persoon, door=actor, toelichting=(toelichting or "").strip())
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.CREATE,
            object_type="combineerverzoek",
            object_id=verzoek.pk,
            betrokkenen=[persoon.log_key],
        )
        from schakelpunt.signalen.services import aandachtsfunctionarissen

        afdeling = f" ({actor.afdeling})" if getattr(actor, "afdeling_id", None) else ""
        notificatie_send(
            ontvangers=aandachtsfunctionarissen(),
            onderwerp="Verzoek om informatie over een persoon te combineren",
            tekst=f"{actor.display_name()}{afdeling} vraagt het meldpunt de informatie over een persoon te "
            "combineren. Het verzoek staat bij de persoon.",
            url=reverse("subjecten:persoon", kwargs={"pk": persoon.pk}),
        )
    return verzoek
