"""The roepnamen table: the default, the beheerder's additions through a source, and what counts as a nickname."""

from __future__ import annotations

from .. import nicknames
from ..model import prepare
from ..score import NICKNAME, _given_level
from .helpers import person


def _level(a: str, b: str) -> str:
    return _given_level(prepare(person(voornamen=a), cache=False), prepare(person(voornamen=b), cache=False))


def test_the_default_table_knows_dutch_and_other_roepnamen() -> None:
    assert _level("Kees", "Cornelis") == NICKNAME
    assert _level("Sjaak", "Jacobus") == NICKNAME
    assert _level("Mo", "Mohammed") == NICKNAME  # Mohammed is filed as its spelling muhammad
    assert _level("Bob", "Robert") == NICKNAME


def test_an_addition_from_the_source_counts_after_refresh_and_goes_with_it() -> None:
    assert _level("Pim", "Wilhelmus") == NICKNAME  # default
    assert _level("Bertje", "Albertus") != NICKNAME
    nicknames.set_source(lambda: [("Albertus", "Bertje")])
    try:
        nicknames.refresh()
        assert _level("Bertje", "Albertus") == NICKNAME
    finally:
        nicknames.set_source(None)
        nicknames.refresh()
    assert _level("Bertje", "Albertus") != NICKNAME
