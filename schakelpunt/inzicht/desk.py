"""What the desk shows from inzicht: new trend notes for everyone, the figures for bestuur and beleid.

No counts of signals here: figures go through inzicht's disclosure control on its own page.
"""

from __future__ import annotations

from django.urls import reverse

from schakelpunt.access.policy import decide
from schakelpunt.accounts.roles import Rol
from schakelpunt.inzicht.selectors import trendnotities_nieuw
from schakelpunt.ui.desk import Taak

# One role per user shows the trend notes, so a user with two roles sees them once.
VOLGORDE = [Rol.MELDER, Rol.AANDACHTSFUNCTIONARIS, Rol.CASUSREGISSEUR, Rol.DEELNEMER, Rol.BESTUUR]


def taken(user, rol: str) -> list[Taak]:
    result = []
    eerste = next((r for r in VOLGORDE if user.has_role(r)), None)
    if rol == eerste and decide(user, "trendnotitie.view"):
        result.append(
            Taak(
                "Nieuw in Wat speelt er",
                reverse("inzicht:trends"),
                trendnotities_nieuw(user=user),
                "Korte notities over wat het meldpunt ziet: trends, zonder namen.",
            )
        )
    if rol == Rol.BESTUUR and decide(user, "inzicht.view"):
        result.append(
            Taak(
                "Cijfers per kwartaal",
                reverse("inzicht:dashboard"),
                None,
                "Signalen per fenomeen en afdeling, zonder persoonsgegevens; kleine aantallen afgeschermd.",
                leeg_tekst="Bekijk de cijfers van dit kwartaal.",
            )
        )
    return result
