"""Pages and functions without an object: the inbox, reporting, beheer, the access log, the API."""

from __future__ import annotations

from schakelpunt.access.policy import Permission, register
from schakelpunt.accounts.roles import Rol as R

register(
    Permission(
        "audit.view",
        (R.PRIVACYFUNCTIONARIS,),
        purpose="Toezicht op de verwerking van persoonsgegevens",
        activity="privacy.toezicht",
        description="Het toegangslog doorzoeken.",
    )
)
register(
    Permission(
        "beheer.view",
        (R.BEHEERDER,),
        purpose="Functioneel beheer",
        activity="beheer.functioneel",
    )
)
register(
    Permission(
        "beheer.users.manage",
        (R.BEHEERDER,),
        purpose="Functioneel beheer",
        activity="beheer.functioneel",
    )
)
register(
    Permission(
        "meldpunt.inbox",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="meldpunt.behandeling",
    )
)
register(
    Permission(
        "signaal.report",
        (R.MELDER, R.AANDACHTSFUNCTIONARIS),
        purpose="Melden van een signaal",
        activity="meldpunt.intake",
    )
)
register(
    Permission(
        "api.use",
        tuple(R.values),
        purpose="Gebruik van de API",
        activity="beveiliging.toegang",
    )
)
