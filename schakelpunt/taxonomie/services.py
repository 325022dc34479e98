"""Changing the taxonomy: only the beheerder may, and every change is written to the access log.

Nothing is ever deleted and a code never changes: old signals keep pointing at the code they
were reported with, also after the item is retired (actief=False).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from schakelpunt.access.decorators import refuse
from schakelpunt.access.policy import Decision, decide
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.taxonomie.models import Fenomeen, Indicator

Item = Fenomeen | Indicator

COMMON_FIELDS = ("naam", "toelichting", "vragen", "volgorde", "actief")
FIELDS = {
    Fenomeen: (*COMMON_FIELDS, "meldroute", "parent_id"),
    Indicator: (*COMMON_FIELDS, "levensdomein_id"),
}


def soort_of(item: Item) -> str:
    return "fenomeen" if isinstance(item, Fenomeen) else "indicator"


def _authorize(actor, item: Item) -> Decision:
    decision = decide(actor, "taxonomie.manage")
    if not decision:
        refuse(actor, decision, object_type=soort_of(item), object_id=item.code)
    return decision


def item_version(item: Item) -> str:
    """A fingerprint of the stored item: an edit form carries it so that a save on top of
    someone else's newer change is refused instead of silently overwriting it."""
    return _fingerprint(type(item).objects.get(pk=item.pk))


def _fingerprint(stored: Item) -> str:
    payload = {name: getattr(stored, name) for name in ("code", *FIELDS[type(stored)])}
    if isinstance(stored, Indicator):
        payload["fenomenen"] = sorted(stored.fenomenen.values_list("pk", flat=True))
    body = json.dumps(payload, sort_keys=True, default=str)
    return hashlib.sha256(body.encode()).hexdigest()[:16]


def _clean_vragen(vragen: Iterable[str]) -> list[str]:
    return [v.strip() for v in vragen if v and v.strip()]


def _check_parent(fenomeen: Fenomeen) -> None:
    parent = fenomeen.parent
    seen = set()
    while parent is not None and parent.pk not in seen:
        if fenomeen.pk is not None and parent.pk == fenomeen.pk:
            raise ValidationError({"parent": _("Een fenomeen kan niet onder zichzelf of een eigen onderdeel hangen.")})
        seen.add(parent.pk)
        parent = parent.parent


def _save(
    *, actor, item: Item, expected_version: str | None, extra_changes: list[str] | None = None, after_save=None
) -> Item:
    decision = _authorize(actor, item)
    if isinstance(item, Fenomeen):
        _check_parent(item)
    item.vragen = _clean_vragen(item.vragen or [])
    item.full_clean()
    with transaction.atomic():
        created = item.pk is None
        changes: list[str] = []
        if not created:
            stored = type(item).objects.select_for_update().get(pk=item.pk)
            if stored.code != item.code:
                raise ValidationError({"code": _("De code van een bestaand item kan niet worden gewijzigd.")})
            if expected_version is not None and expected_version != _fingerprint(stored):
                raise ValidationError(
                    _(
                        "Iemand anders heeft dit item intussen gewijzigd. Open het opnieuw "
                        "en breng je wijziging dan aan."
                    )
                )
            changes = [
                name.removesuffix("_id") for name in FIELDS[type(item)] if getattr(stored, name) != getattr(item, name)
            ]
        changes += extra_changes or []
        if not created and not changes:
            return item
        item.save()
        if after_save is not None:
            after_save(item)
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.CREATE if created else Action.UPDATE,
            object_type=soort_of(item),
            object_id=item.code,
            toelichting="aangemaakt" if created else "gewijzigd: " + ", ".join(changes),
        )
    return item


def fenomeen_save(*, actor, fenomeen: Fenomeen, expected_version: str | None = None) -> Fenomeen:
    """Create or update a fenomeen (its code is fixed once created)."""
    return _save(actor=actor, item=fenomeen, expected_version=expected_version)


def indicator_save(
    *, actor, indicator: Indicator, fenomenen: Iterable[Fenomeen] | None = None, expected_version: str | None = None
) -> Indicator:
    """Create or update an indicator; `fenomenen`, when given, replaces its linked fenomenen."""
    extra: list[str] = []
    wanted = None
    if fenomenen is not None:
        wanted = list(fenomenen)
        current = set(indicator.fenomenen.values_list("pk", flat=True)) if indicator.pk else set()
        if indicator.pk and current != {f.pk for f in wanted}:
            extra.append("fenomenen")

    def link(saved: Indicator) -> None:
        if wanted is not None:
            saved.fenomenen.set(wanted)

    return _save(actor=actor, item=indicator, expected_version=expected_version, extra_changes=extra, after_save=link)


def item_set_actief(*, actor, item: Item, actief: bool) -> Item:
    """Retire an item (no longer offered on new signals, still valid on old ones) or bring it back."""
    decision = _authorize(actor, item)
    if item.actief == actief:
        return item
    with transaction.atomic():
        type(item).objects.filter(pk=item.pk).update(actief=actief)
        item.actief = actief
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.UPDATE,
            object_type=soort_of(item),
            object_id=item.code,
            toelichting="weer actief gemaakt" if actief else "uitgezet",
        )
    return item


def item_retire(*, actor, item: Item) -> Item:
    return item_set_actief(actor=actor, item=item, actief=False)


def item_reactivate(*, actor, item: Item) -> Item:
    return item_set_actief(actor=actor, item=item, actief=True)
