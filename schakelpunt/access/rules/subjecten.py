"""Subjecten: the register of persons, addresses, ... and what of it each user sees."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from schakelpunt.access.policy import Permission, register
from schakelpunt.accounts.roles import Rol as R

if TYPE_CHECKING:
    from schakelpunt.accounts.models import User

# The register of persons, addresses, ... is the meldpunt's: the aandachtsfunctionaris sees it all.
# Anyone else sees a person only through an explicit grant (SubjectInzage), and then the person and
# the fact that others know them ("hit"), never what was reported. A melder sees nothing of it.


def _inzage_scope(user: User, queryset: QuerySet[Any]) -> QuerySet[Any]:
    """The persons with a grant (SubjectInzage) to `user` that has not expired."""
    from django.db.models import Q
    from django.utils import timezone

    return queryset.filter(
        Q(inzagen__geldig_tot__isnull=True) | Q(inzagen__geldig_tot__gte=timezone.localdate()),
        inzagen__user=user,
    )


def _meldpunt_of_inzage_scope(user: User, queryset: QuerySet[Any], role: str) -> QuerySet[Any]:
    if role == R.AANDACHTSFUNCTIONARIS:
        return queryset
    return _inzage_scope(user, queryset)


def _alleen_inzage_scope(user: User, queryset: QuerySet[Any], role: str) -> QuerySet[Any]:
    return _inzage_scope(user, queryset)


register(
    Permission(
        "subject.registreren",
        (R.MELDER, R.AANDACHTSFUNCTIONARIS),
        purpose="Melden van een signaal",
        activity="meldpunt.intake",
        description="De betrokkenen van een nieuw signaal herkennen in het register; de melder ziet hier niets van.",
    )
)
register(
    Permission(
        "subject.view",
        (R.AANDACHTSFUNCTIONARIS, R.CASUSREGISSEUR, R.DEELNEMER),
        purpose="Behandelen van signalen",
        activity="subjecten.register",
        scope=_meldpunt_of_inzage_scope,
        description="Een persoon inzien: de aandachtsfunctionaris alle, anderen alleen met een verleende inzage.",
    )
)
register(
    Permission(
        "subject.netwerk.view",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="subjecten.register",
        description="Relaties, adressen en het familienetwerk van een persoon.",
    )
)
register(
    Permission(
        "subject.volledig.view",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="subjecten.register",
        description=(
            "Alles wat het meldpunt van een persoon weet: de signalen, de tijdlijn, relaties en adressen. "
            "Wie alleen een verleende inzage heeft, ziet de persoon en de hit, niet wat er gemeld is."
        ),
    )
)
register(
    Permission(
        "subject.samenvoegingen.view",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="subjecten.register",
        description="De geschiedenis van samenvoegingen en splitsingen van een persoon.",
    )
)
register(
    Permission(
        "subject.hit",
        (R.AANDACHTSFUNCTIONARIS, R.CASUSREGISSEUR, R.DEELNEMER),
        purpose="Samenloop signaleren",
        activity="subjecten.samenloop",
        scope=_meldpunt_of_inzage_scope,
        description="Alleen dát een persoon bij andere afdelingen bekend is, nooit wat er gemeld is.",
    )
)
register(
    Permission(
        "subject.inzage.mijn",
        (R.CASUSREGISSEUR, R.DEELNEMER),
        purpose="Behandelen van signalen",
        activity="subjecten.register",
        scope=_alleen_inzage_scope,
        description="De personen waarin iemand inzage kreeg: een lijst om ze terug te vinden (Mijn personen).",
    )
)
register(
    Permission(
        "subject.combineren.vragen",
        (R.CASUSREGISSEUR, R.DEELNEMER),
        purpose="Samenloop signaleren",
        activity="subjecten.samenloop",
        scope=_alleen_inzage_scope,
    )
)
register(
    Permission(
        "subject.koppeling.view",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="subjecten.register",
        description="Welk subject een betrokkene is, of welke kandidaten er zijn.",
    )
)
register(
    Permission(
        "subject.match.beoordelen",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="subjecten.register",
        description="Mogelijke matches bevestigen of afwijzen; samenvoegingen en splitsingen (en ongedaan maken).",
    )
)
register(
    Permission(
        "subject.relatie.beheren",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="subjecten.register",
    )
)
register(
    Permission(
        "subject.inzage.verlenen",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="subjecten.register",
    )
)
register(
    Permission(
        "samenloop.view",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Samenloop signaleren",
        activity="subjecten.samenloop",
    )
)
register(
    Permission(
        "samenloop.afhandelen",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Samenloop signaleren",
        activity="subjecten.samenloop",
    )
)
