"""What waits on the desk from the register: samenloop, mogelijke matches, requests, and granted persons."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from schakelpunt.access.policy import decide, scope
from schakelpunt.accounts.roles import Rol
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import Entry, write
from schakelpunt.subjecten.models import Beoordeling, CombineerVerzoek, MogelijkeMatch, Persoon, SamenloopAlert
from schakelpunt.ui.desk import Item, Taak

MAX_ITEMS = 5


def _meldpunt(user) -> list[Taak]:
    result = []
    if decide(user, "samenloop.view"):
        result.append(
            Taak(
                "Open samenloop",
                reverse("subjecten:samenloop"),
                SamenloopAlert.objects.filter(status=SamenloopAlert.Status.OPEN).count(),
                "Signalen van verschillende afdelingen over dezelfde persoon, hetzelfde adres of familienetwerk.",
            )
        )
    if decide(user, "subject.match.beoordelen"):
        result.append(
            Taak(
                "Mogelijke matches",
                reverse("subjecten:mogelijke_matches"),
                MogelijkeMatch.objects.filter(status=Beoordeling.OPEN).count(),
                "Is dit dezelfde persoon? Jij beslist.",
            )
        )
    if decide(user, "subject.view"):
        verzoeken = CombineerVerzoek.objects.filter(afgehandeld_op__isnull=True).select_related("door__afdeling")
        result.append(
            Taak(
                "Verzoeken om te combineren",
                reverse("subjecten:samenloop"),
                verzoeken.count(),
                "Collega's vragen het meldpunt informatie over een persoon te combineren.",
                items=[
                    Item(
                        f"Van {v.door.display_name()}" + (f" ({v.door.afdeling})" if v.door.afdeling_id else ""),
                        reverse("subjecten:persoon", kwargs={"pk": v.persoon_id}),
                    )
                    for v in verzoeken.order_by("aangemaakt_op")[:MAX_ITEMS]
                ],
            )
        )
    return result


def _inzagen(user) -> list[Taak]:
    """Persons a colleague was given sight of: without this they could only type the URL."""
    queryset, decision = scope(
        user,
        "subject.view",
        Persoon.objects.filter(
            Q(inzagen__geldig_tot__isnull=True) | Q(inzagen__geldig_tot__gte=timezone.localdate()),
            inzagen__user=user,
        ),
    )
    personen = list(queryset.order_by("-inzagen__verleend_op")[:MAX_ITEMS]) if decision else []
    if personen:
        write(
            actor=user,
            role=decision.role,
            doel=decision.purpose,
            verwerking=decision.activity,
            entries=[Entry(Action.READ, "persoon", str(p.pk), p.log_key) for p in personen],
        )
    return [
        Taak(
            "Personen waarin je inzage hebt",
            reverse("subjecten:mijn_personen"),
            None,
            "Het meldpunt heeft je inzage gegeven in deze personen.",
            leeg_tekst="Nog geen personen.",
            items=[
                Item(p.naam or f"Persoon {p.pk}", reverse("subjecten:persoon", kwargs={"pk": p.pk})) for p in personen
            ],
        )
    ]


def taken(user, rol: str) -> list[Taak]:
    if rol == Rol.AANDACHTSFUNCTIONARIS:
        return _meldpunt(user)
    if rol in (Rol.CASUSREGISSEUR, Rol.DEELNEMER):
        return _inzagen(user)
    return []
