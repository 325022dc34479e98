"""How the register is written down for people: Dutch titles, month names and labels.

The selectors return data (who, what, when); this module turns it into the Dutch a page or an API
answer shows, so that wording is changed in one place and the reads stay free of it.
"""

from __future__ import annotations

import datetime

from schakelpunt.signalen.constants import Rol as BetrokkeneRol

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

ROL_LABELS = dict(BetrokkeneRol.choices)


def maand_jaar(datum: datetime.date) -> str:
    """ "maart 2025"."""
    return f"{MAANDEN[datum.month - 1]} {datum.year}"


def rol_label(rol: str) -> str:
    """The Dutch label of a betrokkene's role in a signal (the code itself when unknown)."""
    return str(ROL_LABELS.get(rol, rol))


def hit_tekst(aantal_afdelingen: int, sinds: datetime.date | None) -> str:
    """The samenloop hit as a sentence: that others know the person, never what they reported."""
    if not aantal_afdelingen or sinds is None:
        return "Niet bekend bij andere afdelingen."
    afdelingen = "1 andere afdeling" if aantal_afdelingen == 1 else f"{aantal_afdelingen} andere afdelingen"
    return f"Ook bekend bij {afdelingen} sinds {maand_jaar(sinds)}."
