"""The status table and the working-day term."""

import datetime

import pytest

from schakelpunt.signalen.constants import Status, TriageActie
from schakelpunt.signalen.workflow import (
    ALLOWED_TRANSITIONS,
    TransitionError,
    allowed_actions,
    check_transition,
    werkdagen_terug,
)


def test_every_status_has_a_row():
    assert set(ALLOWED_TRANSITIONS) == set(Status.values)


def test_closed_is_final():
    with pytest.raises(TransitionError):
        check_transition(Status.AFGESLOTEN, Status.IN_BEHANDELING)
    assert allowed_actions(Status.AFGESLOTEN) == []


def test_new_signal_allows_every_triage_action():
    assert set(allowed_actions(Status.NIEUW)) == set(TriageActie.values)


def test_werkdagen_terug_skips_the_weekend():
    tuesday = datetime.datetime(2026, 3, 10, 10, 0)
    assert werkdagen_terug(tuesday, 2) == datetime.datetime(2026, 3, 6, 10, 0)  # Friday
    wednesday = datetime.datetime(2026, 3, 11, 10, 0)
    assert werkdagen_terug(wednesday, 2) == datetime.datetime(2026, 3, 9, 10, 0)  # Monday
