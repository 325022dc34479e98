"""Relaties: relations between subjects that someone stated (a signal, a document, a colleague)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from schakelpunt.access.decorators import require
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.signalen.models import Signaal
from schakelpunt.subjecten.models import (
    FAMILIE_SOORTEN,
    Adres,
    Bron,
    Organisatie,
    Persoon,
    Relatie,
    RelatieSoort,
)
from schakelpunt.subjecten.services.koppelen import NAAR_VELD
from schakelpunt.subjecten.services.samenloop import samenloop_bijwerken

# --- Relations and grants -------------------------------------------------------------------

PERSOONSRELATIES = FAMILIE_SOORTEN | {RelatieSoort.HUISGENOOT}


def relatie_create(
    *,
    actor,
    soort: str,
    van: Persoon | Organisatie,
    naar,
    geldig_van: datetime.date | None = None,
    geldig_tot: datetime.date | None = None,
    toelichting: str = "",
    bron_signaal: Signaal | None = None,
) -> Relatie:
    """Record a relation that was stated (by a signal, a document or a colleague); family relations
    make the family network that samenloop looks at."""
    decision = require(
        actor, "subject.relatie.beheren", van if isinstance(van, Persoon) else None, object_type="persoon"
    )
    errors = {}
    if soort not in RelatieSoort.values:
        errors["soort"] = "Kies een soort relatie."
    if not isinstance(van, Persoon | Organisatie) or type(naar) not in NAAR_VELD:
        errors["naar"] = "Een relatie loopt van een persoon of organisatie naar een subject."
    elif type(van) is type(naar) and van.pk == naar.pk:
        errors["naar"] = "Een relatie met zichzelf kan niet."
    elif soort in PERSOONSRELATIES and not (isinstance(van, Persoon) and isinstance(naar, Persoon)):
        errors["naar"] = "Deze relatie bestaat alleen tussen personen."
    elif soort in (RelatieSoort.WOONT_OP, RelatieSoort.GEVESTIGD_OP) and not isinstance(naar, Adres):
        errors["naar"] = "Woont op en gevestigd op verwijzen naar een adres."
    # A merged person is only a record of the merge: relations go to the person it went into.
    for veld, subject in (("van", van), ("naar", naar)):
        if isinstance(subject, Persoon) and not subject.actief and veld not in errors:
            errors[veld] = f"Deze persoon is samengevoegd met persoon {subject.samengevoegd_in_id}. Kies die persoon."
    if geldig_van and geldig_tot and geldig_tot < geldig_van:
        errors["geldig_tot"] = "De einddatum ligt voor de begindatum."
    if errors:
        raise ValidationError(errors)
    van_veld = "van_persoon" if isinstance(van, Persoon) else "van_organisatie"
    with transaction.atomic():
        relatie = Relatie.objects.create(
            soort=soort,
            **{van_veld: van, NAAR_VELD[type(naar)]: naar},
            geldig_van=geldig_van,
            geldig_tot=geldig_tot,
            toelichting=toelichting,
            bron=Bron.SIGNAAL if bron_signaal else Bron.GEBRUIKER,
            bron_signaal=bron_signaal,
            bron_gebruiker=actor,
        )
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.CREATE,
            object_type="relatie",
            object_id=relatie.pk,
            betrokkenen=[van.log_key, naar.log_key],
        )
        if soort in FAMILIE_SOORTEN:
            samenloop_bijwerken(personen=[van, naar])
    return relatie
