"""Inzage reads: grants given on a person, and the colleagues a grant can go to."""

from __future__ import annotations

from schakelpunt.access.policy import decide
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
