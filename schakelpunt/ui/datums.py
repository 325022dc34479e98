"""Dates written one way in every screen: "30 november 2026", also when only part is known."""

from __future__ import annotations

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


def datum_tekst(jaar: int | None, maand: int | None = None, dag: int | None = None) -> str:
    """A (partial) date in words: "12 maart 2014", "maart 2014", "2014"; "" without a year."""
    if not jaar:
        return ""
    if not maand or not 1 <= maand <= 12:
        return str(jaar)
    tekst = f"{MAANDEN[maand - 1]} {jaar}"
    return f"{dag} {tekst}" if dag else tekst
