"""Signalen: a melder sees only the signals they reported; the aandachtsfunctionaris all of them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from schakelpunt.access.policy import Permission, register
from schakelpunt.accounts.roles import Rol as R

if TYPE_CHECKING:
    from schakelpunt.accounts.models import User

# Need to know: a melder sees only the signals they reported; the aandachtsfunctionaris all of them.


def _eigen_of_meldpunt_scope(user: User, queryset: QuerySet[Any], role: str) -> QuerySet[Any]:
    if role == R.AANDACHTSFUNCTIONARIS:
        return queryset
    return queryset.filter(melder=user)


register(
    Permission(
        "signaal.view",
        (R.AANDACHTSFUNCTIONARIS, R.MELDER),
        purpose="Behandelen van signalen",
        activity="Inzien van signalen",
        scope=_eigen_of_meldpunt_scope,
        description="Een signaal inzien: de melder alleen de eigen signalen, de aandachtsfunctionaris alle.",
    )
)
register(
    Permission(
        "signaal.aanvullen",
        (R.AANDACHTSFUNCTIONARIS, R.MELDER),
        purpose="Melden van een signaal",
        activity="Aanvullen van signalen",
        scope=_eigen_of_meldpunt_scope,
        description="Informatie toevoegen aan een signaal, bijvoorbeeld een antwoord op een vraag.",
    )
)
register(
    Permission(
        "signaal.bijlage.view",
        (R.AANDACHTSFUNCTIONARIS, R.MELDER),
        purpose="Behandelen van signalen",
        activity="Inzien van bijlagen bij signalen",
        scope=_eigen_of_meldpunt_scope,
    )
)
register(
    Permission(
        "signaal.triage",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="Triage van signalen",
        description="Meer informatie vragen, opschalen, afsluiten; terugkoppeling sturen.",
    )
)
register(
    Permission(
        "signaal.melder.view",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="Inzien identiteit melder",
        description="De identiteit van de melder is alleen zichtbaar voor de aandachtsfunctionaris.",
    )
)
