"""What the subject services share: a required reason, and one audit entry for the persons an action
touched.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError

from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.subjecten.models import (
    Persoon,
)


def _check_reden(reden: str, veld: str = "reden") -> str:
    if not (reden or "").strip():
        raise ValidationError({veld: "Leg uit waarom; dit wordt bewaard."})
    return reden.strip()


def _log_personen(actor, decision, personen: Iterable[Persoon], toelichting: str, actie: str = Action.UPDATE) -> None:
    personen = list(personen)
    log_access(
        actor=actor,
        decision=decision,
        actie=actie,
        object_type="persoon",
        object_id=personen[0].pk if personen else "",
        betrokkenen=[p.log_key for p in personen],
        toelichting=toelichting,
    )
