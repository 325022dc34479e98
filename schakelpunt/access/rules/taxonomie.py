"""Taxonomie: the wegwijzer, reference material without personal data."""

from __future__ import annotations

from schakelpunt.access.policy import Permission, register
from schakelpunt.accounts.roles import Rol as R

# Reference material without personal data. Users without any role may read the wegwijzer
# too; its views only ask for a login, this permission names the purpose for everyone else.
register(
    Permission(
        "taxonomie.view",
        tuple(R.values),
        purpose="Signaleren van criminaliteit",
        activity="kennis.wegwijzer",
        description="Fenomenen en indicatoren bekijken: waar let je op, wat vraag je, waar meld je.",
    )
)
register(
    Permission(
        "taxonomie.manage",
        (R.BEHEERDER,),
        purpose="Functioneel beheer",
        activity="beheer.functioneel",
        description="Fenomenen en indicatoren toevoegen, wijzigen, uitzetten en weer actief maken.",
    )
)
