"""Doormeldingen: the aandachtsfunctionaris composes and sends referrals; the privacyfunctionaris searches
the register of disclosures; the beheerder configures ketenpartners. Partners themselves have no account:
they fetch a document through a time-limited link with a one-time code (no permission, logged per attempt)."""

from __future__ import annotations

from schakelpunt.access.policy import Permission, register
from schakelpunt.accounts.roles import Rol as R

DOEL = "Doormelden aan een ketenpartner"

register(
    Permission(
        "doormelding.view",
        (R.AANDACHTSFUNCTIONARIS, R.PRIVACYFUNCTIONARIS),
        purpose=DOEL,
        activity="doormeldingen.verstrekking",
        description="Doormeldingen en wat erin staat: het meldpunt, en de privacyfunctionaris voor toezicht.",
    )
)
register(
    Permission(
        "doormelding.opstellen",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose=DOEL,
        activity="doormeldingen.verstrekking",
        description="Een doormelding samenstellen, bekijken zoals de partner haar krijgt, versturen en opvolgen.",
    )
)
register(
    Permission(
        "verstrekking.view",
        (R.AANDACHTSFUNCTIONARIS, R.PRIVACYFUNCTIONARIS),
        purpose="Verantwoording van verstrekkingen (AVG art. 15 en 19)",
        activity="doormeldingen.verstrekking",
    )
)
register(
    Permission(
        "herstelmelding.afhandelen",
        (R.AANDACHTSFUNCTIONARIS, R.PRIVACYFUNCTIONARIS),
        purpose="Verantwoording van verstrekkingen (AVG art. 15 en 19)",
        activity="doormeldingen.verstrekking",
    )
)
register(
    Permission(
        "ketenpartner.beheren",
        (R.BEHEERDER,),
        purpose="Functioneel beheer",
        activity="beheer.functioneel",
    )
)
