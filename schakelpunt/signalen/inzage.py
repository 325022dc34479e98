"""Grants to read one signal: an escalation ("opschalen") lets the chosen colleagues read it.

Without the grant the colleague would get the notification and then a wall. Each grant is written
to the access log when it is given and when the aandachtsfunctionaris takes it back.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from schakelpunt.access.decorators import require
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.signalen.models import Betrokkene, Signaal, SignaalInzage, TriageStap


def signaal_inzage_verlenen(*, actor, signaal: Signaal, collega, triagestap: TriageStap | None = None) -> SignaalInzage:
    """Let `collega` read `signaal` (called by the triage step that escalates it).

    Under the triage decision: who may escalate may let the colleague read what they escalate.
    A colleague who can already read the signal, or already has a running grant, gets none.
    """
    decision = require(actor, "signaal.triage", signaal, object_type="signaal")
    with transaction.atomic():
        bestaand = SignaalInzage.objects.filter(signaal=signaal, user=collega, ingetrokken_op__isnull=True).first()
        if bestaand is not None:
            return bestaand
        inzage = SignaalInzage.objects.create(
            signaal=signaal,
            user=collega,
            triagestap=triagestap,
            reden="Opgeschaald door het meldpunt",
            verleend_door=actor,
        )
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.CREATE,
            object_type="signaal_inzage",
            object_id=inzage.pk,
            betrokkenen=Betrokkene.log_keys(signaal.pk),
            toelichting=f"inzage in signaal {signaal.pk} voor {collega.username} na opschalen",
        )
    return inzage


def signaal_inzage_intrekken(*, actor, inzage: SignaalInzage) -> SignaalInzage:
    """Take a grant back: the colleague can no longer read the signal (their past reads stay logged)."""
    decision = require(actor, "signaal.inzage.intrekken", object_type="signaal_inzage", object_id=str(inzage.pk))
    with transaction.atomic():
        locked = SignaalInzage.objects.select_for_update().get(pk=inzage.pk)
        if locked.ingetrokken_op is None:
            locked.ingetrokken_op = timezone.now()
            locked.ingetrokken_door = actor
            locked.save(update_fields=["ingetrokken_op", "ingetrokken_door"])
            log_access(
                actor=actor,
                decision=decision,
                actie=Action.UPDATE,
                object_type="signaal_inzage",
                object_id=locked.pk,
                betrokkenen=Betrokkene.log_keys(locked.signaal_id),
                toelichting=f"inzage in signaal {locked.signaal_id} voor {locked.user.username} ingetrokken",
            )
    inzage.refresh_from_db()
    return inzage
