"""Permission matrix rows for the wegwijzer (every logged-in user), its beheer (beheerder) and the API."""

from schakelpunt.testing.matrix import ANY_USER, Row, api, page


def _fenomeen(persona) -> dict:
    from schakelpunt.taxonomie.tests.factories import FenomeenFactory

    return {"code": FenomeenFactory(code="matrix-fenomeen").code}


def _indicator(persona) -> dict:
    from schakelpunt.taxonomie.tests.factories import IndicatorFactory

    return {"code": IndicatorFactory(code="matrix-indicator").code}


MATRIX = {
    # Reference material without personal data: also for a user who has no role yet.
    "taxonomie:wegwijzer": Row(allowed=ANY_USER),
    "taxonomie:fenomeen": Row(allowed=ANY_USER, kwargs=_fenomeen),
    "taxonomie:indicator": Row(allowed=ANY_USER, kwargs=_indicator),
    "taxonomie:guidance": Row(allowed=ANY_USER, kwargs=lambda persona: {"soort": "indicator", **_indicator(persona)}),
    "taxonomie:beheer": page("beheerder"),
    "taxonomie:beheer_nieuw": page("beheerder", kwargs=lambda persona: {"soort": "indicator"}),
    "taxonomie:beheer_bewerk": page("beheerder", kwargs=lambda persona: {"soort": "fenomeen", **_fenomeen(persona)}),
    "taxonomie:beheer_status": page(
        "beheerder",
        ok=302,
        method="POST",
        kwargs=lambda persona: {"soort": "indicator", **_indicator(persona)},
    ),
    "api-fenomenen": api(*ANY_USER),
    "api-indicatoren": api(*ANY_USER),
}
