"""How the register is written down for people: Dutch titles, month names and labels.

The selectors return data (who, what, when); this module turns it into the Dutch a page or an API
answer shows, so that wording is changed in one place and the reads stay free of it.
"""

from __future__ import annotations

import datetime

from schakelpunt.signalen.constants import Rol as BetrokkeneRol
from schakelpunt.ui.datums import MAANDEN

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


class tijdlijn:  # noqa: N801  (a namespace: presenter.tijdlijn.signaal_titel(...))
    """The words of a person's timeline (selectors.tijdlijn gives the facts)."""

    OPGENOMEN = "Opgenomen in het register"
    SAMENLOOP_AFGEHANDELD = "Samenloop afgehandeld"

    @staticmethod
    def bron(bron_label: str) -> str:
        return f"Bron: {str(bron_label).lower()}."

    @staticmethod
    def reden(reden: str) -> str:
        return f"Reden: {reden}"

    @staticmethod
    def signaal_titel(nummer: str, afdeling: str) -> str:
        return f"Signaal {nummer} ontvangen" + (f" van {afdeling}" if afdeling else "")

    @staticmethod
    def signaal_tekst(rollen: list[str], fenomenen: list[str]) -> str:
        tekst = f"Rol: {', '.join(rol_label(r) for r in rollen) or 'onbekend'}."
        if fenomenen:
            tekst += f" Fenomenen: {', '.join(fenomenen)}."
        return tekst

    @staticmethod
    def relatie(van: str, soort_label: str, naar: str) -> str:
        return f"{van} {soort_label} {naar}"

    @staticmethod
    def relatie_titel(wat: str, omschrijving: str) -> str:
        return {"begin": "Begin", "einde": "Einde", "vastgelegd": "Relatie vastgelegd"}[wat] + f": {omschrijving}"

    @staticmethod
    def relatie_bron(signaalnummer: str, bron_label: str, toelichting: str) -> str:
        bron = f"Bron: signaal {signaalnummer}." if signaalnummer else tijdlijn.bron(bron_label)
        return f"{bron} {toelichting}" if toelichting else bron

    @staticmethod
    def samenvoeging_titel(samenvoegen: bool, bron: str, doel: str) -> str:
        if samenvoegen:
            return f"Samengevoegd: {bron} opgenomen in {doel}"
        return f"Afgesplitst: signalen van {bron} naar {doel}"

    @staticmethod
    def samenloop_titel(soort_label: str) -> str:
        return f"Samenloop gesignaleerd: {soort_label}"

    @staticmethod
    def samenloop_tekst(aantal_signalen: int, aantal_afdelingen: int) -> str:
        return f"{aantal_signalen} signalen van {aantal_afdelingen} afdeling(en)."
