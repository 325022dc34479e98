"""Data shapes of the matching engine: person records as reported, their prepared form, and match results."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Literal

from . import nicknames
from . import normalize as nz

Decision = Literal["match", "possible", "nonmatch"]
MATCH: Decision = "match"
POSSIBLE: Decision = "possible"
NONMATCH: Decision = "nonmatch"


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date of birth as far as it is known: a reporter often knows only the year, or guesses an age."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    estimated: bool = False  # "ongeveer 40 jaar": the year is a guess, month and day are meaningless

    def __post_init__(self) -> None:
        # BRP writes an unknown part as 00; treat anything impossible as unknown rather than fail.
        year = self.year if self.year and 1850 <= self.year <= 2200 else None
        month = self.month if self.month and 1 <= self.month <= 12 else None
        day = self.day if self.day and 1 <= self.day <= 31 and month else None
        if self.estimated:
            month = day = None
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "day", day)

    @property
    def is_complete(self) -> bool:
        return self.day is not None and not self.estimated

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @classmethod
    def parse(cls, text: str | None, estimated: bool = False) -> PartialDate | None:
        """Read "1980-05-12", "12-05-1980", "12/5/1980", "00-00-1980", "05-1980", "1980-05" or "1980"."""
        if not text:
            return None
        parts = [int(p) for p in re.findall(r"\d+", text)]
        if not parts:
            return None
        if len(parts) == 1:
            result = cls(parts[0], estimated=estimated)
        elif len(parts) == 2:
            a, b = parts
            result = cls(a, b, estimated=estimated) if a > 31 else cls(b, a, estimated=estimated)
        else:
            a, b, c = parts[:3]
            result = cls(a, b, c, estimated) if a > 31 else cls(c, b, a, estimated)
        return result if result.year else None

    def __str__(self) -> str:
        if self.year is None:
            return "onbekend"
        text = f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"
        if self.day:
            text += f"-{self.day:02d}"
        return f"ca. {text}" if self.estimated else text


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A person as one source describes them; any field may be missing or misspelled.

    Field names follow the BRP (basisregistratie personen) so that data from Burgerzaken
    and from a report form map onto it without translation.
    """

    ref: str
    voornamen: str = ""
    voorvoegsel: str = ""
    geslachtsnaam: str = ""
    geboortedatum: PartialDate | None = None
    bsn: str | None = None
    geslacht: str | None = None
    postcode: str | None = None
    huisnummer: int | str | None = None
    huisletter: str = ""
    toevoeging: str = ""
    telefoon: tuple[str, ...] = ()
    # Where there is no Dutch postcode (an address abroad, or one written without it) the
    # street and place say where someone lives; optional, so callers that do not have them
    # keep working.
    straat: str = ""
    woonplaats: str = ""

    def __post_init__(self) -> None:
        # Accept a list from callers but keep the record hashable (prepare() caches on it).
        if not isinstance(self.telefoon, tuple):
            value = self.telefoon
            phones = (value,) if isinstance(value, str) else tuple(value or ())
            object.__setattr__(self, "telefoon", phones)


class PreparedRecord:
    """The normalised form of a PersonRecord: computed once, compared many times.

    A plain class with __slots__ because a batch holds a million of these and
    compare() reads their attributes in its inner loop.
    """

    __slots__ = (
        "ref",
        "bsn",
        "sn_full",
        "sn_prefix",
        "sn_stem",
        "sn_parts",
        "sn_phon",
        "sn_skel",
        "sn_skel_last",
        "sn_initial",
        "gn_first",
        "gn_canon",
        "gn_first_phon",
        "gn_names",
        "gn_initials",
        "gn_skel",
        "initial",
        "year",
        "month",
        "day",
        "estimated",
        "sex",
        "postcode",
        "addr_nr",
        "addr_full",
        "addr_block",
        "area",
        "street",
        "phones",
    )

    ref: str
    bsn: str | None
    sn_full: str
    sn_prefix: str
    sn_stem: str
    sn_parts: tuple[str, ...]
    sn_phon: str
    sn_skel: str
    sn_skel_last: str
    sn_initial: str
    gn_first: str
    gn_canon: str
    gn_first_phon: str
    gn_names: tuple[str, ...]
    gn_initials: str
    gn_skel: str
    initial: str
    year: int | None
    month: int | None
    day: int | None
    estimated: bool
    sex: str | None
    postcode: str | None
    addr_nr: str
    addr_full: str
    addr_block: str
    area: str
    street: str
    phones: frozenset[str]

    def __repr__(self) -> str:
        return f"PreparedRecord({self.ref!r}, {self.gn_first or self.gn_initials} {self.sn_stem}, {self.year})"


# "de Vries" typed into the given-name field (a swap) must still file under "vries".
_PARTICLES_AS_GIVEN_NAME = frozenset(
    {"van", "de", "den", "der", "ter", "ten", "te", "het", "t", "in", "op", "uit", "el", "al"}
)


def _first_real_name(names: tuple[str, ...]) -> str:
    for i, name in enumerate(names):
        if name not in _PARTICLES_AS_GIVEN_NAME or i == len(names) - 1:
            return name
    return ""


# Names repeat (a register holds thousands of Jansens and Mohammeds): what is derived from a
# name alone is computed once per spelling. Pure functions of their arguments; the roepnamen
# table (nicknames.canonical), which the beheerder can change, is not part of them.
_NAME_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=_NAME_CACHE_SIZE)
def _surname_fields(geslachtsnaam: str | None, voorvoegsel: str | None) -> tuple:
    surname = nz.parse_surname(geslachtsnaam, voorvoegsel)
    parts = surname.parts
    return (
        surname.full,
        re.sub(r"[^a-z]", "", surname.prefix),
        surname.stem,
        parts,
        nz.phonetic_key(surname.stem),
        # Blocking uses the first part only: "Jansen-de Vries" is filed under Jansen, and
        # reaches "de Vries" through the date-of-birth and address keys.
        nz.phonetic_skeleton(nz.phonetic_key(parts[0])) if parts else "",
        # ... and "Jansen-de Vries" is also filed under Vries, for the record that has only that.
        nz.phonetic_skeleton(nz.phonetic_key(parts[-1])) if len(parts) > 1 else "",
        nz.initial_class(surname.stem),
    )


@lru_cache(maxsize=_NAME_CACHE_SIZE)
def _given_fields(voornamen: str | None) -> tuple:
    given = nz.parse_given_names(voornamen)
    return (
        given.first,
        nz.phonetic_key(given.first),
        given.names,
        given.initials,
        nz.phonetic_skeleton(nz.phonetic_key(_first_real_name(given.names))),
    )


@lru_cache(maxsize=_NAME_CACHE_SIZE)
def _street_letters(straat: str | None) -> str:
    return nz.letters_only(straat)


def _prepare(record: PersonRecord) -> PreparedRecord:
    p = PreparedRecord()
    p.ref = record.ref
    p.bsn = nz.normalize_bsn(record.bsn)
    (
        p.sn_full,
        p.sn_prefix,
        p.sn_stem,
        p.sn_parts,
        p.sn_phon,
        p.sn_skel,
        p.sn_skel_last,
        p.sn_initial,
    ) = _surname_fields(record.geslachtsnaam, record.voorvoegsel)
    p.gn_first, p.gn_first_phon, p.gn_names, p.gn_initials, p.gn_skel = _given_fields(record.voornamen)
    p.gn_canon = nicknames.canonical(p.gn_first)
    p.initial = p.gn_initials[:1]

    dob = record.geboortedatum
    if dob is not None and dob.year is not None:
        p.year, p.month, p.day, p.estimated = dob.year, dob.month, dob.day, dob.estimated
    else:
        p.year = p.month = p.day = None
        p.estimated = False

    p.sex = nz.normalize_geslacht(record.geslacht)
    p.postcode = nz.normalize_postcode(record.postcode) or nz.normalize_foreign_postcode(record.postcode)
    number, letter, addition = nz.split_huisnummer(record.huisnummer)
    letter = (record.huisletter or letter or "").strip().upper()[:1]
    addition = nz.normalize_toevoeging(record.toevoeging) or addition
    # "Lange Voorhout" and "Langevoorhout": the street as letters only, so spacing does not count.
    street = _street_letters(record.straat)
    p.street = f"{street}|{number}" if street and number is not None else ""
    if p.postcode and number is not None:
        p.addr_nr = f"{p.postcode}{number}"
        p.addr_full = f"{p.addr_nr}|{letter}|{addition}"
    else:
        p.addr_nr = p.addr_full = ""
    # The building, for blocking: by postcode and number, or else by street and number.
    p.addr_block = p.addr_nr or (f"{street[:16]}{number}" if p.street else "")
    # The neighbourhood, for "same date of birth nearby": the four digits of a Dutch postcode,
    # the start of a foreign one, or else the street.
    if p.postcode:
        p.area = p.postcode[:4]
    else:
        p.area = street[:10]
    p.phones = frozenset(filter(None, (nz.normalize_phone(t) for t in record.telefoon)))
    return p


_prepare_cached = lru_cache(maxsize=8192)(_prepare)


def prepare(record: PersonRecord | PreparedRecord, *, cache: bool = True) -> PreparedRecord:
    """Normalise a record once. Passing an already prepared record returns it unchanged.

    The small cache serves the web request: the query record compared with many candidates, and
    the few candidates without a stored form (from_profile) of the current version; keyed by all
    their fields, cleared when the roepnamen change. Batch code passes cache=False so a million
    records do not churn it.
    """
    if isinstance(record, PreparedRecord):
        return record
    return _prepare_cached(record) if cache else _prepare(record)


# --- The prepared form, stored -------------------------------------------------------------
#
# A register stores each person's prepared form beside its blocking keys (subjecten), so that a
# lookup loads its candidates ready to compare instead of normalising every one of them again.
# PROFILE_VERSION names the normalisation: raise it whenever _prepare (or what it calls) would give
# another result, so that stored forms of the old one are not used (from_profile gives None) until
# they are written again (manage.py sleutels_herberekenen). The roepnamen are not stored: the
# beheerder can change them, so gn_canon is looked up when the form is loaded.
PROFILE_VERSION = 1
_PROFILE_FIELDS = tuple(f for f in PreparedRecord.__slots__ if f not in ("ref", "gn_canon"))
_TUPLE_FIELDS = ("sn_parts", "gn_names")
# What each stored value may be, from the annotations above; None: a list of strings (a tuple or a
# frozenset in the record). A form holding anything else is damaged and not used.
_JSON_TYPES: dict[str, tuple[type, ...] | None] = {
    "str": (str,),
    "str | None": (str, type(None)),
    "int | None": (int, type(None)),
    "bool": (bool,),
    "tuple[str, ...]": None,
    "frozenset[str]": None,
}
_PROFILE_TYPES = tuple(_JSON_TYPES[PreparedRecord.__annotations__[f]] for f in _PROFILE_FIELDS)
_LIST_AT = tuple(at + 1 for at, types in enumerate(_PROFILE_TYPES) if types is None)
_SIGNATURES: dict[tuple[type, ...], bool] = {}


def to_profile(p: PreparedRecord) -> str:
    """The prepared form as compact JSON text (without the ref and the roepnamen)."""
    values: list = [PROFILE_VERSION]
    for name in _PROFILE_FIELDS:
        value = getattr(p, name)
        values.append(sorted(value) if isinstance(value, frozenset) else value)
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"))


def from_profile(text: str | None, ref: str) -> PreparedRecord | None:
    """The prepared record stored as ``text`` by to_profile, with ``ref``; None when there is none
    or it was made by another version of the normalisation (then prepare the record itself)."""
    if not text:
        return None
    try:
        values = json.loads(text)
    except ValueError:
        return None
    if not isinstance(values, list) or len(values) != len(_PROFILE_FIELDS) + 1 or values[0] != PROFILE_VERSION:
        return None
    # The types of the values, checked once per combination (a batch reads a million forms with a
    # few dozen combinations); the items of the lists, each time.
    signature = tuple(map(type, values))
    valid = _SIGNATURES.get(signature)
    if valid is None:
        valid = all(
            kind is list if types is None else kind in types
            for kind, types in zip(signature[1:], _PROFILE_TYPES, strict=True)
        )
        if len(_SIGNATURES) < 4096:
            _SIGNATURES[signature] = valid
    if not valid:
        return None
    for at in _LIST_AT:
        for item in values[at]:
            if type(item) is not str:
                return None
    p = PreparedRecord()
    for name, value in zip(_PROFILE_FIELDS, values[1:], strict=True):
        setattr(p, name, value)
    for name in _TUPLE_FIELDS:
        setattr(p, name, tuple(getattr(p, name)))
    p.phones = frozenset(p.phones)
    p.ref = ref
    p.gn_canon = nicknames.canonical(p.gn_first)
    return p


@dataclass(slots=True)
class MatchResult:
    """The verdict on one pair of records, with the reasons in words a colleague understands.

    ``score`` is a probability (0..1) that both records describe the same person, after the
    hard rules; ``weight`` is the summed log2 likelihood ratio before mapping, kept for
    audit and tuning. The explanation is part of the result, not decoration: a person
    decides, and must be able to see why the engine proposed a link.
    """

    ref_a: str
    ref_b: str
    score: float
    decision: Decision
    explanation: list[str] = field(default_factory=list)
    weight: float = 0.0
    # Same surname, date of birth and address but a clearly different given name: a nonmatch
    # that find_duplicates still lists, below the other pairs, as "mogelijk tweeling".
    possible_twin: bool = False
    # Held just below "match" only because a relative could look the same (a twin, a namesake
    # father or son); the engine links it when no such relative is among the other records.
    guarded: bool = False

    @property
    def ref(self) -> str:
        """The candidate's ref, for results of match_one(query, candidates)."""
        return self.ref_b

    def explain(self) -> str:
        return "; ".join(self.explanation)
