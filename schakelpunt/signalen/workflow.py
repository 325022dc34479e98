"""The status flow of a signal: one table of allowed transitions, one table from triage action to status."""

from datetime import datetime, timedelta

from django.conf import settings

from schakelpunt.signalen.constants import Status, TriageActie

S = Status

ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    S.NIEUW: frozenset({S.MEER_INFORMATIE, S.IN_BEHANDELING, S.OPGESCHAALD, S.AFGESLOTEN}),
    S.MEER_INFORMATIE: frozenset({S.MEER_INFORMATIE, S.IN_BEHANDELING, S.OPGESCHAALD, S.AFGESLOTEN}),
    S.IN_BEHANDELING: frozenset({S.MEER_INFORMATIE, S.OPGESCHAALD, S.AFGESLOTEN}),
    S.OPGESCHAALD: frozenset({S.MEER_INFORMATIE, S.IN_BEHANDELING, S.AFGESLOTEN}),
    # Closed is final here; "heropenen" and "casus" transitions arrive with the casus part.
    S.AFGESLOTEN: frozenset(),
}

TRIAGE_NAAR_STATUS: dict[str, str] = {
    TriageActie.MEER_INFORMATIE: S.MEER_INFORMATIE,
    TriageActie.IN_BEHANDELING: S.IN_BEHANDELING,
    TriageActie.OPSCHALEN: S.OPGESCHAALD,
    TriageActie.AFSLUITEN: S.AFGESLOTEN,
}

# The melder's answer to a question puts the signal back on the meldpunt's desk.
NA_ANTWOORD: dict[str, str] = {S.MEER_INFORMATIE: S.IN_BEHANDELING}


class TransitionError(ValueError):
    pass


def check_transition(van: str, naar: str) -> None:
    if naar not in ALLOWED_TRANSITIONS.get(van, frozenset()):
        raise TransitionError(f"Een signaal met status '{Status(van).label}' kan niet naar '{Status(naar).label}'.")


def allowed_actions(status: str) -> list[str]:
    return [actie for actie, naar in TRIAGE_NAAR_STATUS.items() if naar in ALLOWED_TRANSITIONS.get(status, ())]


def werkdagen_terug(moment: datetime, werkdagen: int) -> datetime:
    """`moment` minus a number of working days (Monday to Friday), keeping the time of day."""
    result = moment
    remaining = werkdagen
    while remaining > 0:
        result -= timedelta(days=1)
        if result.weekday() < 5:
            remaining -= 1
    return result


def termijn_grens(now: datetime) -> datetime:
    """Signals received before this moment have waited longer than the configured term."""
    return werkdagen_terug(now, settings.SIGNAAL_TERMIJN_WERKDAGEN)
