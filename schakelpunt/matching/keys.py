"""Keys of addresses and organisations, and the one answer to "is this the Netherlands?".

Django-free, like the rest of the matching engine: the register (subjecten) builds the exact
key of an address or an organisation with these functions, and signalen's validators ask
``is_nederland`` before they check a Dutch postcode, so both read a country the same way.
"""

from __future__ import annotations

import re

NEDERLAND = "NL"

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
        return NEDERLAND
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
    if code == NEDERLAND and re.fullmatch(r"[1-9]\d{3}[A-Z]{2}", pc):
        return f"NL|{pc}|{huisnummer}|{letter}|{toev}"
    if straat and woonplaats:
        return f"{code}|{pc}|{_tekst_sleutel(straat)}|{_tekst_sleutel(woonplaats)}|{huisnummer}|{letter}|{toev}"[:160]
    return ""


RECHTSVORMEN = re.compile(r"\b(b\.?\s?v\.?|n\.?\s?v\.?|v\.?o\.?f\.?|c\.?v\.?|holding)(?=\s|$)")


def organisatie_sleutel(naam: str) -> str:
    """A name key for organisations without KvK-nummer: no legal form, case or punctuation."""
    text = RECHTSVORMEN.sub(" ", (naam or "").lower())
    return " ".join(re.sub(r"[^a-z0-9à-ÿ ]+", " ", text).split())[:200]


def is_nederland(land: str | None) -> bool:
    """Whether a country as typed (empty, "Nederland", "NL", "the Netherlands", "Holland") is the Netherlands."""
    return land_code(land) == NEDERLAND
