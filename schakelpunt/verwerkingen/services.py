"""Writes of the verwerkingsregister: a change is always a new version (never an edit in place)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from schakelpunt.access.decorators import require
from schakelpunt.accounts.models import User
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.errors import ConflictError
from schakelpunt.verwerkingen import register
from schakelpunt.verwerkingen.models import KEY_PATTERN, Vertrouwelijkheid, Verwerking, VerwerkingVersie

# The content of a version, with the message shown when it is left empty.
VELDEN = {
    "naam": "Geef de verwerking een naam.",
    "doel": "Beschrijf het doel van de verwerking.",
    "grondslag": "Noem de rechtsgrond (bijvoorbeeld AVG art. 6 lid 1 sub e en de wet die de taak geeft).",
    "categorieen_gegevens": "Noem de categorieën persoonsgegevens.",
    "categorieen_betrokkenen": "Noem de categorieën betrokkenen.",
    "bewaartermijn": "Noem de bewaartermijn.",
}
MAXIMA = {"naam": 200, "bewaartermijn": 500}


def _clean(velden: dict[str, str], vertrouwelijkheid: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    result = {}
    for name, message in VELDEN.items():
        value = (velden.get(name) or "").strip()
        if not value:
            errors[name] = message
        elif len(value) > MAXIMA.get(name, 2000):
            errors[name] = f"Gebruik hooguit {MAXIMA.get(name, 2000)} tekens."
        result[name] = value
    if vertrouwelijkheid not in Vertrouwelijkheid.values:
        errors["vertrouwelijkheid"] = "Kies een vertrouwelijkheid."
    result["vertrouwelijkheid"] = vertrouwelijkheid
    if errors:
        raise ValidationError(errors)
    return result


def _log(actor: User, decision, versie: VerwerkingVersie) -> None:
    log_access(
        actor=actor,
        decision=decision,
        actie=Action.CREATE if versie.nummer == 1 else Action.UPDATE,
        object_type="verwerking",
        object_id=versie.verwerking.key,
        toelichting=f"versie {versie.nummer}",
    )


def verwerking_vastleggen(
    *, actor: User, key: str, vertrouwelijkheid: str, reden: str = "", **velden: str
) -> VerwerkingVersie:
    """A new activity in the register, with its first version."""
    # Outside the transaction, so that a refusal stays in the log.
    decision = require(actor, "verwerkingen.beheren")
    with transaction.atomic():
        return _vastleggen(actor, decision, key, vertrouwelijkheid, reden, velden)


def _vastleggen(actor: User, decision, key: str, vertrouwelijkheid: str, reden: str, velden: dict) -> VerwerkingVersie:
    key = (key or "").strip()
    errors = {}
    if not re.match(KEY_PATTERN, key) or len(key) > 60:
        errors["key"] = "Gebruik kleine letters, met een punt ertussen, bijvoorbeeld meldpunt.intake."
    elif Verwerking.objects.filter(key=key).exists():
        errors["key"] = "Deze sleutel bestaat al in het register."
    try:
        schoon = _clean(velden, vertrouwelijkheid)
    except ValidationError as exc:
        errors.update({k: v[0] for k, v in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    verwerking = Verwerking.objects.create(key=key)
    versie = VerwerkingVersie.objects.create(
        verwerking=verwerking,
        nummer=1,
        reden=(reden or "").strip()[:1000] or "Eerste vastlegging",
        geldig_vanaf=timezone.now(),
        vastgesteld_door=actor,
        **schoon,
    )
    register.changed()
    _log(actor, decision, versie)
    return versie


def verwerking_wijzigen(
    *, actor: User, verwerking: Verwerking, versie: int, reden: str, vertrouwelijkheid: str, **velden: str
) -> VerwerkingVersie:
    """Version n+1 of an activity; `versie` is the number the user saw (a newer one is a conflict)."""
    decision = require(actor, "verwerkingen.beheren")
    with transaction.atomic():
        return _wijzigen(actor, decision, verwerking, versie, reden, vertrouwelijkheid, velden)


def _wijzigen(
    actor: User, decision, verwerking: Verwerking, versie: int, reden: str, vertrouwelijkheid: str, velden: dict
) -> VerwerkingVersie:
    locked = Verwerking.objects.select_for_update().get(pk=verwerking.pk)
    huidig = locked.versies.order_by("-nummer").first()
    if huidig is None or huidig.nummer != versie:
        raise ConflictError
    errors = {}
    if not (reden or "").strip():
        errors["reden"] = "Leg uit waarom de verwerking verandert."
    elif len(reden.strip()) > 1000:
        errors["reden"] = "Gebruik hooguit 1000 tekens."
    try:
        schoon = _clean(velden, vertrouwelijkheid)
    except ValidationError as exc:
        errors.update({k: v[0] for k, v in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    if all(getattr(huidig, k) == v for k, v in schoon.items()):
        raise ValidationError("Er is niets veranderd; een nieuwe versie is dan niet nodig.")
    nieuw = VerwerkingVersie.objects.create(
        verwerking=locked,
        nummer=huidig.nummer + 1,
        reden=reden.strip(),
        geldig_vanaf=timezone.now(),
        vastgesteld_door=actor,
        **schoon,
    )
    register.changed()
    _log(actor, decision, nieuw)
    return nieuw
