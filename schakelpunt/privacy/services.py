"""Writes of privacybeheer: retention periods, legal holds, destruction lists (propose, review, execute)."""

from __future__ import annotations

import datetime
from collections import Counter

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from schakelpunt.access.decorators import require
from schakelpunt.access.policy import decide
from schakelpunt.accounts.models import User
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access, log_event
from schakelpunt.errors import ConflictError
from schakelpunt.privacy import retention
from schakelpunt.privacy.models import (
    Bewaarblokkade,
    Bewaartermijn,
    LijstItem,
    Vernietigingslijst,
    Vernietigingsverslag,
)


@transaction.atomic
def bewaartermijn_update(
    *, actor: User, termijn: Bewaartermijn, versie: int, termijn_dagen: int, toelichting: str
) -> None:
    decision = require(actor, "privacy.bewaartermijn.beheren")
    if not 1 <= termijn_dagen <= 36500:
        raise ValidationError({"termijn_dagen": "Kies een termijn tussen 1 dag en 100 jaar."})
    if not Bewaartermijn.objects.filter(pk=termijn.pk, versie=versie).update(
        termijn_dagen=termijn_dagen, toelichting=toelichting.strip(), versie=versie + 1
    ):
        raise ConflictError
    log_access(
        actor=actor,
        decision=decision,
        actie=Action.UPDATE,
        object_type="bewaartermijn",
        object_id=termijn.soort,
        toelichting=f"{termijn_dagen} dagen",
    )


@transaction.atomic
def blokkade_create(
    *, actor: User, reden: str, beoordelen_op: datetime.date | None, persoon=None, signaal=None
) -> Bewaarblokkade:
    decision = require(actor, "privacy.blokkade.beheren")
    errors = {}
    if not (reden or "").strip():
        errors["reden"] = "Leg uit waarom niets vernietigd mag worden (bijvoorbeeld een lopend onderzoek)."
    if beoordelen_op is None or beoordelen_op <= timezone.localdate():
        errors["beoordelen_op"] = "Kies een datum in de toekomst waarop je de blokkade opnieuw beoordeelt."
    if persoon is None and signaal is None:
        errors["__all__"] = "Kies een persoon of een signaal."
    if errors:
        raise ValidationError(errors)
    blokkade = Bewaarblokkade.objects.create(
        reden=reden.strip(), beoordelen_op=beoordelen_op, persoon=persoon, signaal=signaal, door=actor
    )
    keys = [persoon.log_key] if persoon is not None else retention.persoon_keys("signaal", signaal.pk)
    log_access(
        actor=actor,
        decision=decision,
        actie=Action.CREATE,
        object_type="bewaarblokkade",
        object_id=blokkade.pk,
        betrokkenen=keys,
    )
    return blokkade


@transaction.atomic
def blokkade_opheffen(*, actor: User, blokkade: Bewaarblokkade) -> None:
    decision = require(actor, "privacy.blokkade.beheren")
    Bewaarblokkade.objects.filter(pk=blokkade.pk).update(actief=False, opgeheven_op=timezone.now())
    log_access(actor=actor, decision=decision, actie=Action.UPDATE, object_type="bewaarblokkade", object_id=blokkade.pk)


@transaction.atomic
def lijst_voorstellen(*, peildatum: datetime.date | None = None) -> Vernietigingslijst | None:
    """The scheduled job: a list of what expires in the coming month, for review. None when nothing expires.

    A record already on a list that was not yet executed is not proposed twice.
    """
    peildatum = peildatum or timezone.localdate() + datetime.timedelta(days=31)
    open_items = set(
        LijstItem.objects.filter(vernietigd_op__isnull=True, uitgezonderd=False)
        .exclude(lijst__status=Vernietigingslijst.Status.UITGEVOERD)
        .values_list("object_type", "object_id")
    )
    kandidaten = [k for k in retention.kandidaten(peildatum) if (k.object_type, k.object_id) not in open_items]
    if not kandidaten:
        return None
    lijst = Vernietigingslijst.objects.create(peildatum=peildatum)
    LijstItem.objects.bulk_create(
        LijstItem(
            lijst=lijst,
            soort=k.soort,
            object_type=k.object_type,
            object_id=k.object_id,
            label=k.label,
            vervaldatum=k.vervaldatum,
        )
        for k in kandidaten
    )
    log_event(
        actor=None,
        actie=Action.CREATE,
        doel="Vernietigen na afloop van de bewaartermijn",
        verwerking="privacy.vernietiging",
        object_type="vernietigingslijst",
        object_id=str(lijst.pk),
        toelichting=f"{len(kandidaten)} items",
    )
    return lijst


@transaction.atomic
def item_uitzonderen(*, actor: User, item: LijstItem, reden: str) -> None:
    decision = require(actor, "privacy.vernietiging.beoordelen")
    if item.lijst.status != Vernietigingslijst.Status.TER_BEOORDELING:
        raise ValidationError("Deze lijst is al goedgekeurd; uitzonderen kan alleen tijdens de beoordeling.")
    if not (reden or "").strip():
        raise ValidationError({"reden": "Leg uit waarom dit niet vernietigd wordt."})
    LijstItem.objects.filter(pk=item.pk).update(uitgezonderd=True, reden_uitzondering=reden.strip()[:500])
    log_access(
        actor=actor,
        decision=decision,
        actie=Action.UPDATE,
        object_type="vernietigingslijst",
        object_id=item.lijst_id,
        toelichting=f"uitgezonderd: {item.label}",
    )


@transaction.atomic
def lijst_goedkeuren(*, actor: User, lijst: Vernietigingslijst, versie: int) -> Vernietigingslijst:
    """Approve a list. With VERNIETIGING_TWEE_BEOORDELAARS a second, different reviewer must approve too."""
    decision = require(actor, "privacy.vernietiging.beoordelen")
    lijst = Vernietigingslijst.objects.select_for_update().get(pk=lijst.pk)
    if lijst.versie != versie:
        raise ConflictError
    if lijst.status != Vernietigingslijst.Status.TER_BEOORDELING:
        raise ValidationError("Deze lijst is al goedgekeurd.")
    twee = getattr(settings, "VERNIETIGING_TWEE_BEOORDELAARS", False)
    if lijst.goedgekeurd_door_id is None:
        lijst.goedgekeurd_door = actor
        lijst.goedgekeurd_op = timezone.now()
        if not twee:
            lijst.status = Vernietigingslijst.Status.GOEDGEKEURD
    elif lijst.goedgekeurd_door_id == actor.pk:
        raise ValidationError("Een tweede beoordelaar moet iemand anders zijn dan de eerste.")
    else:
        lijst.tweede_beoordelaar = actor
        lijst.status = Vernietigingslijst.Status.GOEDGEKEURD
    lijst.versie += 1
    lijst.save()
    log_access(
        actor=actor,
        decision=decision,
        actie=Action.UPDATE,
        object_type="vernietigingslijst",
        object_id=lijst.pk,
        toelichting="goedgekeurd",
    )
    return lijst


def lijst_uitvoeren(*, lijst: Vernietigingslijst) -> Vernietigingsverslag | None:
    """Destroy every approved item, each in its own transaction; a rerun after an interruption finishes it.

    A legal hold placed after approval still stops an item (it is then excepted with that reason).
    The report, without content, is written once every item is done.
    """
    lijst.refresh_from_db()
    if lijst.status == Vernietigingslijst.Status.TER_BEOORDELING:
        raise ValidationError("Deze lijst is nog niet goedgekeurd.")
    goedkeurder = lijst.goedgekeurd_door
    decision = decide(goedkeurder, "privacy.vernietiging.beoordelen")
    geblokkeerd = retention.geblokkeerde_signalen()
    for item in lijst.items.filter(uitgezonderd=False, vernietigd_op__isnull=True):
        with transaction.atomic():
            if item.object_type == "signaal" and item.object_id in geblokkeerd:
                LijstItem.objects.filter(pk=item.pk).update(uitgezonderd=True, reden_uitzondering="bewaarblokkade")
                continue
            keys = retention.persoon_keys(item.object_type, item.object_id)
            retention.vernietig(item.object_type, item.object_id)
            LijstItem.objects.filter(pk=item.pk).update(vernietigd_op=timezone.now())
            log_access(
                actor=goedkeurder,
                decision=decision,
                actie=Action.DELETE,
                object_type=item.object_type,
                object_id=item.object_id,
                betrokkenen=keys,
                toelichting=f"vernietigd volgens lijst {lijst.pk}",
            )
    with transaction.atomic():
        lijst = Vernietigingslijst.objects.select_for_update().get(pk=lijst.pk)
        if lijst.items.filter(uitgezonderd=False, vernietigd_op__isnull=True).exists():
            return None
        items = lijst.items.all()
        aantallen = Counter(i.soort for i in items if i.vernietigd_op is not None)
        goedkeurders = [u.display_name() for u in (lijst.goedgekeurd_door, lijst.tweede_beoordelaar) if u]
        verslag, _ = Vernietigingsverslag.objects.get_or_create(
            lijst=lijst,
            defaults={
                "aantallen": dict(aantallen),
                "uitgezonderd": sum(1 for i in items if i.uitgezonderd),
                "goedgekeurd_door": ", ".join(goedkeurders),
                "goedgekeurd_op": lijst.goedgekeurd_op,
                "uitgevoerd_op": timezone.now(),
            },
        )
        if lijst.status != Vernietigingslijst.Status.UITGEVOERD:
            lijst.status = Vernietigingslijst.Status.UITGEVOERD
            lijst.uitgevoerd_op = verslag.uitgevoerd_op
            lijst.save(update_fields=["status", "uitgevoerd_op"])
    return verslag
