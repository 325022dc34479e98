"""Inzicht: figures without personal data, for bestuur, beleid and the aandachtsfunctionaris."""

from __future__ import annotations

from schakelpunt.access.policy import Permission, register
from schakelpunt.accounts.roles import Rol as R

register(
    Permission(
        "inzicht.view",
        (R.BESTUUR, R.AANDACHTSFUNCTIONARIS),
        purpose="Sturing en bewustwording",
        activity="inzicht.sturing",
        description="Aantallen op een vast raster (kwartalen en hun maanden), kleine aantallen afgeschermd.",
    )
)
register(
    Permission(
        "trendnotitie.view",
        tuple(R.values),
        purpose="Signaleren van criminaliteit",
        activity="inzicht.sturing",
        description="Wat speelt er: korte notities over trends, voor iedere professional.",
    )
)
register(
    Permission(
        "trendnotitie.beheren",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Sturing en bewustwording",
        activity="inzicht.sturing",
    )
)
register(
    Permission(
        "leerlijn.volgen",
        tuple(R.values),
        purpose="Signaleren van criminaliteit",
        activity="kennis.wegwijzer",
        description="Modules lezen, oefenen en de eigen voortgang zien.",
    )
)
register(
    Permission(
        "leerlijn.beheren",
        (R.BEHEERDER,),
        purpose="Functioneel beheer",
        activity="beheer.functioneel",
        description="Modules bewerken en de deelname per afdeling zien (nooit per persoon).",
    )
)
