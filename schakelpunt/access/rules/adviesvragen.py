"""Advies vragen: a question without names. The melder sees their own, the meldpunt all; figures only count."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from schakelpunt.access.policy import Permission, register
from schakelpunt.accounts.roles import Rol as R

if TYPE_CHECKING:
    from schakelpunt.accounts.models import User


def _eigen_of_meldpunt_scope(user: User, queryset: QuerySet[Any], role: str) -> QuerySet[Any]:
    if role == R.AANDACHTSFUNCTIONARIS:
        return queryset
    return queryset.filter(melder=user)


def _eigen_scope(user: User, queryset: QuerySet[Any], role: str) -> QuerySet[Any]:
    return queryset.filter(melder=user)


register(
    Permission(
        "adviesvraag.stellen",
        (R.MELDER,),
        purpose="Advies vragen over een situatie",
        activity="meldpunt.advies",
        description="Een situatie zonder namen voorleggen aan het meldpunt.",
    )
)
register(
    Permission(
        "adviesvraag.view",
        (R.AANDACHTSFUNCTIONARIS, R.MELDER),
        purpose="Advies vragen over een situatie",
        activity="meldpunt.advies",
        scope=_eigen_of_meldpunt_scope,
        description="De melder de eigen adviesvragen, de aandachtsfunctionaris alle.",
    )
)
register(
    Permission(
        "adviesvraag.beantwoorden",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Advies geven aan melders",
        activity="meldpunt.advies",
    )
)
register(
    Permission(
        "adviesvraag.omzetten",
        (R.MELDER,),
        purpose="Melden van een signaal",
        activity="meldpunt.intake",
        scope=_eigen_scope,
        description="Alleen wie de vraag stelde maakt er een signaal van.",
    )
)
register(
    Permission(
        "adviesvraag.telling",
        (R.AANDACHTSFUNCTIONARIS, R.BESTUUR),
        purpose="Bewustwording en beleid",
        activity="inzicht.sturing",
        description="Hoe vaak er advies gevraagd is, per maand, en hoe vaak dat een signaal werd; nooit wat.",
    )
)
