"""What waits on the desk from advies vragen: questions to answer, answers to read."""

from __future__ import annotations

from django.urls import reverse

from schakelpunt.access.policy import decide
from schakelpunt.accounts.roles import Rol
from schakelpunt.adviesvragen.models import Adviesvraag
from schakelpunt.ui.desk import Item, Taak


def taken(user, rol: str) -> list[Taak]:
    if rol == Rol.AANDACHTSFUNCTIONARIS and decide(user, "adviesvraag.beantwoorden"):
        return [
            Taak(
                "Adviesvragen",
                reverse("adviesvragen:lijst"),
                Adviesvraag.objects.filter(beantwoord_op__isnull=True).count(),
                "Collega's twijfelen en vragen je advies, zonder namen.",
            )
        ]
    if rol == Rol.MELDER and decide(user, "adviesvraag.stellen"):
        nieuw = Adviesvraag.objects.filter(
            melder=user, status=Adviesvraag.Status.BEANTWOORD, gelezen_op__isnull=True
        ).order_by("beantwoord_op")
        return [
            Taak(
                "Antwoorden op je adviesvragen",
                reverse("signalen:mijn"),
                nieuw.count(),
                "Het meldpunt heeft je vraag beantwoord.",
                items=[Item(a.nummer, reverse("adviesvragen:detail", kwargs={"pk": a.pk})) for a in nieuw[:5]],
            )
        ]
    return []
