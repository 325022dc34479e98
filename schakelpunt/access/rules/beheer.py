"""Beheer: users and departments; the roles that see most need a second beheerder (four eyes)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from schakelpunt.access.policy import Permission, register
from schakelpunt.accounts.roles import Rol as R

if TYPE_CHECKING:
    from schakelpunt.accounts.models import User


def _vier_ogen_scope(user: User, queryset: QuerySet[Any], role: str) -> QuerySet[Any]:
    # Never the proposer, never the person the role is for.
    return queryset.exclude(voorgesteld_door=user).exclude(user=user)


register(
    Permission(
        "beheer.rollen.goedkeuren",
        (R.BEHEERDER,),
        purpose="Functioneel beheer",
        activity="beheer.functioneel",
        scope=_vier_ogen_scope,
        description="Een tweede beheerder keurt een voorgestelde rol goed; nooit de voorsteller of de ontvanger zelf.",
    )
)
register(
    Permission(
        "beheer.afdelingen.manage",
        (R.BEHEERDER,),
        purpose="Functioneel beheer",
        activity="beheer.functioneel",
    )
)
