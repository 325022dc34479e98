"""Casusoverleggen: each participant sees exactly their own agenda items, for a limited time.

Access opens with the invitation and ends OVERLEG_TOEGANG_UREN after the meeting; after the
meeting only those recorded as present keep it for that window. Someone who is a participant of
the casus anyway keeps seeing that casus's item through the casus. The aandachtsfunctionaris sees
every meeting; the chair and the minute-taker lead it; the full verslag is for the chair and the
aandachtsfunctionaris only.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from schakelpunt.access.policy import Permission, register
from schakelpunt.accounts.roles import Rol as R

if TYPE_CHECKING:
    from schakelpunt.accounts.models import User

DOEL = "Bespreken van casussen in een casusoverleg"
LEZERS = (R.AANDACHTSFUNCTIONARIS, R.CASUSREGISSEUR, R.DEELNEMER)


def _in_venster(user: User, **filters: Any) -> Exists:
    """An invitation of `user` that still gives access now (see the module docstring)."""
    from schakelpunt.overleggen.models import Genodigde

    nu = timezone.now()
    venster = datetime.timedelta(hours=settings.OVERLEG_TOEGANG_UREN)
    return Exists(
        Genodigde.objects.filter(user=user, verwijderd_op__isnull=True, **filters).filter(
            Q(overleg__einde__gt=nu) | Q(aanwezig=True, overleg__einde__gt=nu - venster)
        )
    )


def _overleg_scope(user: User, queryset: QuerySet[Any], role: str) -> QuerySet[Any]:
    if role == R.AANDACHTSFUNCTIONARIS:
        return queryset
    return queryset.filter(_in_venster(user, overleg=OuterRef("pk")))


def _agendapunt_scope(user: User, queryset: QuerySet[Any], role: str) -> QuerySet[Any]:
    if role == R.AANDACHTSFUNCTIONARIS:
        return queryset
    from schakelpunt.access.policy import scope
    from schakelpunt.casussen.models import Casus

    casussen, decision = scope(user, "casus.view", Casus.objects.all())
    eigen = _in_venster(user, overleg=OuterRef("overleg_id"), agendapunten=OuterRef("pk"))
    if not decision:
        return queryset.filter(eigen)
    return queryset.filter(Q(eigen) | Q(casus__in=casussen.values("pk")))


def _leiden_scope(user: User, queryset: QuerySet[Any], role: str) -> QuerySet[Any]:
    if role == R.AANDACHTSFUNCTIONARIS:
        return queryset
    return queryset.filter(Q(voorzitter=user) | Q(notulist=user))


def _voorzitter_scope(user: User, queryset: QuerySet[Any], role: str) -> QuerySet[Any]:
    if role == R.AANDACHTSFUNCTIONARIS:
        return queryset
    return queryset.filter(voorzitter=user)


register(
    Permission(
        "overleg.plannen",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose=DOEL,
        activity="overleggen.casusoverleg",
        description="Een overleg plannen of opschalen naar een ad-hoc overleg, de agenda en de genodigden per punt.",
    )
)
register(
    Permission(
        "overleg.view",
        LEZERS,
        purpose=DOEL,
        activity="overleggen.casusoverleg",
        scope=_overleg_scope,
        description="Een overleg zien: het meldpunt alle, genodigden binnen het toegangsvenster.",
    )
)
register(
    Permission(
        "agendapunt.view",
        LEZERS,
        purpose=DOEL,
        activity="overleggen.casusoverleg",
        scope=_agendapunt_scope,
        description="Een agendapunt zien: alleen wie op dat punt is uitgenodigd (of deelnemer van de casus is).",
    )
)
register(
    Permission(
        "overleg.leiden",
        LEZERS,
        purpose=DOEL,
        activity="overleggen.casusoverleg",
        scope=_leiden_scope,
        description="Aanwezigheid, notities, besluiten en sluiten: voorzitter en notulist (en het meldpunt).",
    )
)
register(
    Permission(
        "verslag.view",
        LEZERS,
        purpose=DOEL,
        activity="overleggen.casusoverleg",
        scope=_voorzitter_scope,
        description="Het volledige verslag: alleen de voorzitter en het meldpunt.",
    )
)
