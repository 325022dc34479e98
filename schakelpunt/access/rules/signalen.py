"""Signalen: a melder sees only the signals they reported; the aandachtsfunctionaris all of them;
a colleague a signal that was escalated to them, while that grant (SignaalInzage) lasts."""

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


def _opgeschaald_scope(user: User, queryset: QuerySet[Any]) -> QuerySet[Any]:
    """The signals escalated to `user` whose grant has not been taken back."""
    return queryset.filter(inzagen__user=user, inzagen__ingetrokken_op__isnull=True)


def _eigen_meldpunt_of_opgeschaald_scope(user: User, queryset: QuerySet[Any], role: str) -> QuerySet[Any]:
    if role == R.CASUSREGISSEUR:
        return _opgeschaald_scope(user, queryset)
    return _eigen_of_meldpunt_scope(user, queryset, role)


register(
    Permission(
        "signaal.view",
        (R.AANDACHTSFUNCTIONARIS, R.MELDER, R.CASUSREGISSEUR),
        purpose="Behandelen van signalen",
        activity="meldpunt.behandeling",
        scope=_eigen_meldpunt_of_opgeschaald_scope,
        description=(
            "Een signaal inzien: de melder alleen de eigen signalen, de aandachtsfunctionaris alle, "
            "een casusregisseur alleen een signaal dat naar hem of haar is opgeschaald (zolang die inzage loopt)."
        ),
    )
)
register(
    Permission(
        "signaal.inzage.intrekken",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="meldpunt.behandeling",
        description="De inzage die een opschaling gaf weer intrekken.",
    )
)
register(
    Permission(
        "signaal.aanvullen",
        (R.AANDACHTSFUNCTIONARIS, R.MELDER),
        purpose="Melden van een signaal",
        activity="meldpunt.intake",
        scope=_eigen_of_meldpunt_scope,
        description="Informatie toevoegen aan een signaal, bijvoorbeeld een antwoord op een vraag.",
    )
)
register(
    Permission(
        "signaal.bijlage.view",
        (R.AANDACHTSFUNCTIONARIS, R.MELDER, R.CASUSREGISSEUR),
        purpose="Behandelen van signalen",
        activity="meldpunt.behandeling",
        scope=_eigen_meldpunt_of_opgeschaald_scope,
    )
)
register(
    Permission(
        "signaal.triage",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="meldpunt.behandeling",
        description="Meer informatie vragen, opschalen, afsluiten; terugkoppeling sturen.",
    )
)
register(
    Permission(
        "signaal.melder.view",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="meldpunt.behandeling",
        description="De identiteit van de melder is alleen zichtbaar voor de aandachtsfunctionaris.",
    )
)
