"""Casussen: need to know per casus. The aandachtsfunctionaris sees every casus; a casusregisseur
the casussen they lead or were invited to; a deelnemer only the casussen they were invited to and
not removed from; bestuur only the summaries shared with them, without personal data; a melder
nothing of a casus (their signal shows terugkoppeling only)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from schakelpunt.access.policy import Permission, register
from schakelpunt.accounts.roles import Rol as R

if TYPE_CHECKING:
    from schakelpunt.accounts.models import User

DOEL = "Behandelen van een casus"


def _deelname(user: User) -> Exists:
    from schakelpunt.casussen.models import Deelnemer

    return Exists(Deelnemer.objects.filter(casus=OuterRef("pk"), user=user, verwijderd_op__isnull=True))


def _casus_scope(user: User, queryset: QuerySet[Any], role: str) -> QuerySet[Any]:
    """Casus querysets: who may see a casus at all."""
    if role == R.AANDACHTSFUNCTIONARIS:
        return queryset
    if role == R.CASUSREGISSEUR:
        return queryset.filter(Q(regievoerder=user) | _deelname(user))
    return queryset.filter(_deelname(user))


def _regie_scope(user: User, queryset: QuerySet[Any], role: str) -> QuerySet[Any]:
    """Casus querysets: who may steer a casus (invite, decide, change phase, approve the plan)."""
    if role == R.AANDACHTSFUNCTIONARIS:
        return queryset
    return queryset.filter(regievoerder=user)


def _bestuur_scope(user: User, queryset: QuerySet[Any], role: str) -> QuerySet[Any]:
    if role == R.AANDACHTSFUNCTIONARIS:
        return queryset
    if role == R.CASUSREGISSEUR:
        return queryset.filter(regievoerder=user)
    return queryset.filter(bestuur_delen=True)


def _uitvraag_scope(user: User, queryset: QuerySet[Any], role: str) -> QuerySet[Any]:
    """Uitvraag querysets: the recipient (a named colleague, or anyone of the asked department)."""
    return queryset.filter(Q(ontvanger=user) | Q(ontvanger__isnull=True, afdeling_id=user.afdeling_id))


def _actie_scope(user: User, queryset: QuerySet[Any], role: str) -> QuerySet[Any]:
    """Actie querysets: its owner while still in the casus, or whoever steers the casus."""
    if role == R.AANDACHTSFUNCTIONARIS:
        return queryset
    from schakelpunt.casussen.models import Deelnemer

    deelname = Exists(Deelnemer.objects.filter(casus=OuterRef("casus_id"), user=user, verwijderd_op__isnull=True))
    return queryset.filter(Q(casus__regievoerder=user) | (Q(eigenaar=user) & deelname))


CASUS_LEZERS = (R.AANDACHTSFUNCTIONARIS, R.CASUSREGISSEUR, R.DEELNEMER)
REGIE = (R.AANDACHTSFUNCTIONARIS, R.CASUSREGISSEUR)

register(
    Permission(
        "casus.view",
        CASUS_LEZERS,
        purpose=DOEL,
        activity="casussen.regie",
        scope=_casus_scope,
        description="Een casus inzien: het meldpunt alle, anderen alleen als regievoerder of genodigde deelnemer.",
    )
)
register(
    Permission(
        "casus.create",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose=DOEL,
        activity="casussen.regie",
        description="Een casus openen uit signalen, of signalen aan een casus toevoegen.",
    )
)
register(
    Permission(
        "casus.regie",
        REGIE,
        purpose=DOEL,
        activity="casussen.regie",
        scope=_regie_scope,
        description="Deelnemers uitnodigen en verwijderen, besluiten, fase wijzigen, uitvragen, plan en acties.",
    )
)
register(
    Permission(
        "casus.fase.doorbreken",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose=DOEL,
        activity="casussen.regie",
        description="Naar de volgende fase terwijl een verplicht punt nog open staat, met een vastgelegde reden.",
    )
)
register(
    Permission(
        "casus.dossier",
        REGIE,
        purpose=DOEL,
        activity="casussen.regie",
        scope=_regie_scope,
        description="Het casusdossier als PDF; de identiteit van melders staat er nooit in.",
    )
)
register(
    Permission(
        "casus.bestuur.view",
        (R.BESTUUR, R.AANDACHTSFUNCTIONARIS, R.CASUSREGISSEUR),
        purpose="Informeren van bestuur",
        activity="inzicht.sturing",
        scope=_bestuur_scope,
        description="Fase, voortgang en de samenvatting die de regievoerder deelt; geen persoonsgegevens.",
    )
)
register(
    Permission(
        "casus.uitvraag.beantwoorden",
        (R.MELDER, R.AANDACHTSFUNCTIONARIS, R.CASUSREGISSEUR, R.DEELNEMER),
        purpose=DOEL,
        activity="casussen.regie",
        scope=_uitvraag_scope,
        description="De ontvanger ziet alleen de vraag en de personen die erin genoemd worden.",
    )
)
register(
    Permission(
        "casus.actie.bijwerken",
        CASUS_LEZERS,
        purpose=DOEL,
        activity="casussen.regie",
        scope=_actie_scope,
        description="Status en resultaat van een actie: de eigenaar (zolang deelnemer) of wie de regie voert.",
    )
)
