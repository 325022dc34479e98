"""The one door from signalen to the subject register: the inbox asks, the register answers.

The dependency runs one way: subjecten knows signalen (the register listens to new signals
through ``services.NA_REGISTRATIE`` and reads their betrokkenen), signalen never imports
subjecten. What a signal screen needs from the register it asks here; the subjecten app
connects its answers when Django is ready (``SubjectenConfig.ready``). Without the register
installed the answers are empty: no subjects, no samenloop badges. A test guards the direction
(``signalen/tests/test_afhankelijkheden.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch


@dataclass(frozen=True)
class Register:
    """The register's answers to the signal screens."""

    # (user, signaal) -> {betrokkene id: the subject it was resolved to, ...}, None for who may not see it
    betrokkene_subjecten: Callable[..., dict[int, dict] | None]
    # For lists of signals: the open samenloop of each signal as ``signaal.open_samenloop``.
    samenloop_prefetch: Callable[[], Prefetch]
    # The Dutch label of how a betrokkene was linked ("nieuw", "bsn", ...).
    methode_label: Callable[[str], str]


_register: Register | None = None


def aansluiten(register: Register) -> None:
    """Called once by the subjecten app: from now on the signal screens ask this register."""
    global _register
    _register = register


def betrokkene_subjecten(*, user: Any, signaal: Any) -> dict[int, dict] | None:
    """Per betrokkene the subject it is, or None when the user may not see subjects (a melder: always)."""
    return _register.betrokkene_subjecten(user=user, signaal=signaal) if _register else None


def samenloop_prefetch() -> tuple[Prefetch, ...]:
    """Prefetches for a list of signals (empty without the register); each signal then has ``open_samenloop``."""
    return (_register.samenloop_prefetch(),) if _register else ()


def methode_label(methode: str) -> str:
    return _register.methode_label(methode) if _register else methode
