"""Koppelingen and mogelijke matches: which subject each betrokkene is, and the grey zone to judge."""

from __future__ import annotations

from schakelpunt.access.decorators import require
from schakelpunt.access.policy import decide
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import Entry, log_access, write
from schakelpunt.signalen.models import Signaal
from schakelpunt.subjecten.models import (
    Beoordeling,
    BetrokkeneKoppeling,
    MogelijkeMatch,
)

# --- Mogelijke matches and links ------------------------------------------------------------


def mogelijke_match_list(*, user, status: str = Beoordeling.OPEN, limit: int = 200) -> list[MogelijkeMatch]:
    """Grey-zone candidates for the aandachtsfunctionaris to confirm or reject, oldest first."""
    decision = require(user, "subject.match.beoordelen", object_type="mogelijke_match")
    matches = list(
        MogelijkeMatch.objects.filter(status=status)
        .select_related("persoon__woonadres", "kandidaat__woonadres", "bron_signaal")
        .order_by("aangemaakt_op", "id")[:limit]
    )
    entries = []
    for m in matches:
        entries.extend(Entry(Action.READ, "mogelijke_match", str(m.pk), p.log_key) for p in (m.persoon, m.kandidaat))
    write(actor=user, role=decision.role, doel=decision.purpose, verwerking=decision.activity, entries=entries)
    return matches


def betrokkene_subjecten(*, user, signaal: Signaal) -> dict[int, dict] | None:
    """Per betrokkene of the signal: the subject it was resolved to and its open candidates.

    None for anyone who may not see subjects: a melder learns nothing here, not even "known".
    """
    decision = decide(user, "subject.koppeling.view")
    if not decision:
        return None
    koppelingen = {k.betrokkene_id: k for k in BetrokkeneKoppeling.objects.filter(signaal=signaal)}
    persoon_ids = [k.persoon_id for k in koppelingen.values() if k.persoon_id]
    kandidaten: dict[int, list[dict]] = {}
    for m in MogelijkeMatch.objects.filter(persoon_id__in=persoon_ids, status=Beoordeling.OPEN).order_by("-score"):
        kandidaten.setdefault(m.persoon_id, []).append(
            {
                "mogelijke_match_id": m.pk,
                "persoon_id": m.kandidaat_id,
                "score": round(m.score, 4),
                "toelichting": m.toelichting,
            }
        )
    result = {}
    keys = []
    for betrokkene_id, k in koppelingen.items():
        result[betrokkene_id] = {
            "persoon_id": k.persoon_id,
            "adres_id": k.adres_id,
            "organisatie_id": k.organisatie_id,
            "voertuig_id": k.voertuig_id,
            "telefoonnummer_id": k.telefoonnummer_id,
            "methode": k.methode,
            "score": round(k.score, 4) if k.score is not None else None,
            "toelichting": k.toelichting,
            "mogelijke_matches": kandidaten.get(k.persoon_id, []) if k.persoon_id else [],
        }
        keys.extend(f"persoon:{pk}" for pk in [k.persoon_id] if pk)
        keys.extend(
            c["persoon_id"] and f"persoon:{c['persoon_id']}" for c in result[betrokkene_id]["mogelijke_matches"]
        )
    log_access(
        actor=user,
        decision=decision,
        object_type="signaal",
        object_id=signaal.pk,
        betrokkenen=keys,
        toelichting="koppelingen van betrokkenen",
    )
    return result
