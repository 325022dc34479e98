"""What waits on the desk from beheer: role proposals that another beheerder proposed (four eyes)."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse

from schakelpunt.access.policy import decide
from schakelpunt.accounts.roles import Rol
from schakelpunt.beheer.models import RolVoorstel
from schakelpunt.ui.desk import Taak


def taken(user, rol: str) -> list[Taak]:
    if rol != Rol.BEHEERDER or not decide(user, "beheer.rollen.goedkeuren"):
        return []
    aantal = (
        RolVoorstel.objects.filter(status=RolVoorstel.Status.OPEN)
        .exclude(Q(voorgesteld_door=user) | Q(user=user))
        .count()
    )
    return [
        Taak(
            "Rollen die op jouw goedkeuring wachten",
            reverse("ui:beheer"),
            aantal,
            "Een collega-beheerder stelde een rol voor die veel ziet; jij bent het tweede paar ogen.",
            dringend=True,
        )
    ]
