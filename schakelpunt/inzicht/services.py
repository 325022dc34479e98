"""Writes of inzicht: trend notes, the digest subscription, leerlijn answers and module edits."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from schakelpunt.access.decorators import require
from schakelpunt.accounts.models import User
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.errors import ConflictError
from schakelpunt.inzicht.models import Module, Trendnotitie, TrendVolger, Voortgang
from schakelpunt.notificaties.services import notificatie_send


def _check_trend(titel: str, tekst: str, actueel_tot: datetime.date | None) -> dict:
    errors = {}
    if not (titel or "").strip():
        errors["titel"] = "Geef de notitie een titel."
    if not (tekst or "").strip():
        errors["tekst"] = "Schrijf wat er speelt en waar professionals op letten."
    if actueel_tot is None:
        errors["actueel_tot"] = "Tot wanneer is dit actueel?"
    elif actueel_tot < timezone.localdate():
        errors["actueel_tot"] = "Kies een datum vandaag of later."
    return errors


@transaction.atomic
def trendnotitie_create(
    *,
    actor: User,
    titel: str,
    tekst: str,
    actueel_tot: datetime.date | None,
    fenomenen: Iterable = (),
    indicatoren: Iterable = (),
    bron: str = "",
) -> Trendnotitie:
    decision = require(actor, "trendnotitie.beheren")
    errors = _check_trend(titel, tekst, actueel_tot)
    if errors:
        raise ValidationError(errors)
    notitie = Trendnotitie.objects.create(
        titel=titel.strip(), tekst=tekst.strip(), actueel_tot=actueel_tot, bron=bron.strip(), auteur=actor
    )
    notitie.fenomenen.set(fenomenen)
    notitie.indicatoren.set(indicatoren)
    log_access(actor=actor, decision=decision, actie=Action.CREATE, object_type="trendnotitie", object_id=notitie.pk)
    return notitie


@transaction.atomic
def trendnotitie_update(
    *,
    actor: User,
    notitie: Trendnotitie,
    versie: int,
    titel: str,
    tekst: str,
    actueel_tot: datetime.date | None,
    fenomenen: Iterable = (),
    indicatoren: Iterable = (),
    bron: str = "",
) -> Trendnotitie:
    decision = require(actor, "trendnotitie.beheren")
    errors = _check_trend(titel, tekst, actueel_tot)
    if errors:
        raise ValidationError(errors)
    updated = Trendnotitie.objects.filter(pk=notitie.pk, versie=versie).update(
        titel=titel.strip(), tekst=tekst.strip(), actueel_tot=actueel_tot, bron=bron.strip(), versie=versie + 1
    )
    if not updated:
        raise ConflictError
    notitie.refresh_from_db()
    notitie.fenomenen.set(fenomenen)
    notitie.indicatoren.set(indicatoren)
    log_access(actor=actor, decision=decision, actie=Action.UPDATE, object_type="trendnotitie", object_id=notitie.pk)
    return notitie


def trends_gezien(*, actor: User) -> datetime.datetime | None:
    """Mark the notes as seen now; returns when the user looked before (None: never)."""
    volger, _ = TrendVolger.objects.get_or_create(user=actor)
    vorige = volger.laatst_gezien
    volger.laatst_gezien = timezone.now()
    volger.save(update_fields=["laatst_gezien"])
    return vorige


def trend_digest_zetten(*, actor: User, aan: bool) -> None:
    require(actor, "trendnotitie.view")
    TrendVolger.objects.update_or_create(user=actor, defaults={"digest": aan})


def trend_digest_versturen(*, nu: datetime.datetime | None = None) -> int:
    """Send each subscriber one notice with the notes published since their last digest; returns how many."""
    nu = nu or timezone.now()
    verstuurd = 0
    for volger in TrendVolger.objects.filter(digest=True, user__is_active=True).select_related("user"):
        sinds = volger.digest_verstuurd_op or (nu - datetime.timedelta(days=31))
        nieuw = list(Trendnotitie.objects.filter(gepubliceerd_op__gt=sinds, gepubliceerd_op__lte=nu))
        if not nieuw:
            continue
        tekst = "\n".join(f"- {n.titel}" for n in nieuw)
        notificatie_send(
            ontvangers=[volger.user],
            onderwerp=f"Wat speelt er: {len(nieuw)} nieuwe trendnotitie{'s' if len(nieuw) != 1 else ''}",
            tekst=tekst,
            url=reverse("inzicht:trends"),
        )
        volger.digest_verstuurd_op = nu
        volger.save(update_fields=["digest_verstuurd_op"])
        verstuurd += 1
    return verstuurd


@transaction.atomic
def module_antwoorden(*, actor: User, module: Module, antwoorden: dict[int, int | None]) -> dict[int, bool]:
    """Check the self-check answers (vraag id -> chosen option); the module is done when all are right."""
    require(actor, "leerlijn.volgen")
    uitslag = {v.pk: antwoorden.get(v.pk) == v.juist for v in module.vragen.all()}
    voortgang, _ = Voortgang.objects.select_for_update().get_or_create(user=actor, module=module)
    voortgang.pogingen += 1
    if uitslag and all(uitslag.values()) and voortgang.afgerond_op is None:
        voortgang.afgerond_op = timezone.now()
    voortgang.save()
    return uitslag


@transaction.atomic
def module_update(
    *,
    actor: User,
    module: Module,
    versie: int,
    titel: str,
    samenvatting: str,
    inhoud: str,
    oefencasus: str,
    actief: bool,
) -> Module:
    decision = require(actor, "leerlijn.beheren")
    errors = {}
    for veld, waarde in (("titel", titel), ("samenvatting", samenvatting), ("inhoud", inhoud)):
        if not (waarde or "").strip():
            errors[veld] = "Dit veld is nodig."
    if errors:
        raise ValidationError(errors)
    updated = Module.objects.filter(pk=module.pk, versie=versie).update(
        titel=titel.strip(),
        samenvatting=samenvatting.strip(),
        inhoud=inhoud.strip(),
        oefencasus=oefencasus.strip(),
        actief=actief,
        versie=versie + 1,
    )
    if not updated:
        raise ConflictError
    log_access(actor=actor, decision=decision, actie=Action.UPDATE, object_type="module", object_id=module.pk)
    module.refresh_from_db()
    return module
