"""What waits on the privacyfunctionaris' desk from privacybeheer: destruction lists to review."""

from __future__ import annotations

from django.urls import reverse
from django.utils.formats import date_format

from schakelpunt.access.policy import decide
from schakelpunt.accounts.roles import Rol
from schakelpunt.privacy.models import Vernietigingslijst
from schakelpunt.ui.desk import Item, Taak


def taken(user, rol: str) -> list[Taak]:
    if rol != Rol.PRIVACYFUNCTIONARIS or not decide(user, "privacy.vernietiging.beoordelen"):
        return []
    lijsten = Vernietigingslijst.objects.filter(status=Vernietigingslijst.Status.TER_BEOORDELING).order_by("peildatum")
    return [
        Taak(
            "Vernietigingslijsten ter beoordeling",
            reverse("privacy:lijsten"),
            lijsten.count(),
            "Beoordeel wat vernietigd wordt; zonder jouw goedkeuring gebeurt er niets.",
            items=[
                Item(
                    f"Lijst {lijst.pk} (tot {date_format(lijst.peildatum, 'j F Y')})",
                    reverse("privacy:lijst", kwargs={"pk": lijst.pk}),
                )
                for lijst in lijsten[:5]
            ],
        )
    ]
