"""Inzage: the meldpunt lets a colleague see one person (its data and that others know it, never the signals)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from schakelpunt.access.decorators import require
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.notificaties.services import notificatie_send
from schakelpunt.subjecten.models import (
    Persoon,
    SubjectInzage,
)
from schakelpunt.subjecten.services._basis import _check_reden


def subject_inzage_verlenen(
    *, actor, user, persoon: Persoon, reden: str, geldig_tot: datetime.date | None = None
) -> SubjectInzage:
    """Let `user` (e.g. a casus deelnemer) see one person: its data and that others know it, not the signals.

    The colleague gets a notice with a link to the person (no name in it: the notice is also mailed),
    and finds every person they may see under "Mijn personen" (``selectors.mijn_personen``).
    """
    decision = require(actor, "subject.inzage.verlenen", persoon, object_type="persoon")
    reden = _check_reden(reden)
    if not persoon.actief:
        raise ValidationError(
            {"persoon": f"Deze persoon is samengevoegd met persoon {persoon.samengevoegd_in_id}; geef daar inzage."}
        )
    with transaction.atomic():
        inzage, _created = SubjectInzage.objects.update_or_create(
            user=user, persoon=persoon, defaults={"reden": reden, "verleend_door": actor, "geldig_tot": geldig_tot}
        )
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.CREATE,
            object_type="subject_inzage",
            object_id=inzage.pk,
            betrokkenen=[persoon.log_key],
            toelichting=f"inzage verleend aan gebruiker {user.pk}",
        )
        tot = f" tot en met {geldig_tot:%d-%m-%Y}" if geldig_tot else ""
        notificatie_send(
            ontvangers=[user],
            onderwerp="Je mag een persoon inzien",
            tekst=f"{actor.display_name()} heeft je inzage gegeven in een persoon{tot}: de gegevens en dat andere "
            "afdelingen de persoon kennen, niet de signalen. Je vindt de persoon ook onder Mijn personen.",
            url=reverse("subjecten:persoon", kwargs={"pk": persoon.pk}),
        )
    return inzage
