"""Inzage reads: grants given on a person, the colleagues a grant can go to, and a colleague's own grants."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from schakelpunt.access.policy import decide, scope
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import Entry, write
from schakelpunt.subjecten.models import (
    Persoon,
    SubjectInzage,
)


def persoon_inzagen(*, user, persoon: Persoon) -> list[SubjectInzage]:
    """Who was granted sight of this person (for the meldpunt, who grants it)."""
    if not decide(user, "subject.inzage.verlenen", persoon):
        return []
    return list(
        SubjectInzage.objects.filter(persoon=persoon)
        .select_related("user__afdeling", "verleend_door")
        .order_by("-verleend_op", "-id")
    )


def inzage_collegas(*, user):
    """The colleagues the meldpunt can grant sight of a person to: casusregisseurs and deelnemers."""
    from django.contrib.auth import get_user_model

    from schakelpunt.accounts.roles import Rol

    if not decide(user, "subject.inzage.verlenen"):
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(is_active=True, rollen__rol__in=[Rol.CASUSREGISSEUR, Rol.DEELNEMER])
        .exclude(rollen__rol=Rol.AANDACHTSFUNCTIONARIS)
        .select_related("afdeling")
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def mijn_personen(*, user) -> list[SubjectInzage]:
    """The grants a colleague holds (not expired), each with its person: how they find the persons
    they were given sight of. Empty for anyone who holds no grant. The persons listed are logged."""
    personen, decision = scope(user, "subject.inzage.mijn", Persoon.objects.all())
    if not decision:
        return []
    inzagen = list(
        SubjectInzage.objects.filter(user=user, persoon__in=personen.values("pk"))
        .filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=timezone.localdate()))
        .select_related("persoon", "verleend_door")
        .order_by("-verleend_op", "-id")
    )
    if inzagen:
        write(
            actor=user,
            role=decision.role,
            doel=decision.purpose,
            verwerking=decision.activity,
            entries=[Entry(Action.READ, "persoon", str(i.persoon_id), i.persoon.log_key) for i in inzagen],
        )
    return inzagen
