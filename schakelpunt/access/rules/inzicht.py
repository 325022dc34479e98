"""Figures for bestuur and beleid: numbers only, never a person or what a signal says."""

from __future__ import annotations

from schakelpunt.access.policy import Permission, register
from schakelpunt.accounts.roles import Rol as R

register(
    Permission(
        "inzicht.cijfers",
        (R.BESTUUR, R.AANDACHTSFUNCTIONARIS),
        purpose="Bewustwording en beleid",
        activity="Cijfers zonder persoonsgegevens",
        description="Aantallen signalen, samenloop en adviesvragen per periode.",
    )
)
