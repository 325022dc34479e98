"""Writes of casusoverleggen: plan, agenda, invitations (iCalendar), attendance, notes, decisions, close, verslag."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from schakelpunt.access.decorators import require
from schakelpunt.access.policy import Decision, verify
from schakelpunt.accounts.models import User
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.errors import ConflictError
from schakelpunt.notificaties.services import mail_agenda, notificatie_send
from schakelpunt.overleggen import ical
from schakelpunt.overleggen.models import Agendapunt, Genodigde, Overleg, Verslag


def _leiden(actor: User, overleg: Overleg) -> Decision:
    return verify(actor, "overleg.leiden", overleg, object_type="overleg", message="Overleg niet gevonden")


def _log(actor: User, decision: Decision, overleg: Overleg, toelichting: str, actie: str = Action.UPDATE) -> None:
    log_access(
        actor=actor,
        decision=decision,
        actie=actie,
        object_type="overleg",
        object_id=overleg.pk,
        toelichting=toelichting,
    )


def _uitnodigen(overleg: Overleg, users: Iterable[User], method: str = "REQUEST") -> None:
    data = ical.ics(overleg, method=method)
    wanneer = timezone.localtime(overleg.begin).strftime("%d-%m-%Y %H:%M")
    for user in users:
        if method == "CANCEL":
            onderwerp, tekst = "Afgezegd: casusoverleg", f"Het casusoverleg van {wanneer} gaat voor jou niet door."
        else:
            onderwerp = "Uitnodiging: casusoverleg"
            tekst = f"Je bent uitgenodigd voor een casusoverleg op {wanneer}. De agenda staat in Schakelpunt."
        mail_agenda(user=user, onderwerp=onderwerp, tekst=tekst, ics=data, method=method)


def _check_tijden(begin, einde) -> dict:
    errors = {}
    if begin is None:
        errors["begin"] = "Vul in wanneer het overleg begint."
    if einde is None:
        errors["einde"] = "Vul in wanneer het overleg eindigt."
    if begin and einde and einde <= begin:
        errors["einde"] = "Het einde moet na het begin liggen."
    return errors


@transaction.atomic
def overleg_plannen(
    *,
    actor: User,
    titel: str,
    begin,
    einde,
    voorzitter: User,
    notulist: User,
    locatie: str = "",
    soort: str = Overleg.Soort.REGULIER,
    reeks: str = "",
) -> Overleg:
    """Plan a meeting (or an ad-hoc one within hours: same screens). The chair and minute-taker are invited."""
    decision = require(actor, "overleg.plannen")
    errors = _check_tijden(begin, einde)
    if not (titel or "").strip():
        errors["titel"] = "Geef het overleg een neutrale titel, zonder namen."
    if soort not in Overleg.Soort.values:
        errors["soort"] = "Kies regulier of ad hoc."
    if errors:
        raise ValidationError(errors)
    overleg = Overleg.objects.create(
        titel=titel.strip(),
        begin=begin,
        einde=einde,
        locatie=locatie.strip(),
        voorzitter=voorzitter,
        notulist=notulist,
        soort=soort,
        reeks=reeks.strip(),
        aangemaakt_door=actor,
    )
    nieuw = []
    for user in {voorzitter.pk: voorzitter, notulist.pk: notulist}.values():
        Genodigde.objects.create(overleg=overleg, user=user)
        nieuw.append(user)
    _uitnodigen(overleg, nieuw)
    _log(actor, decision, overleg, f"gepland ({soort})", Action.CREATE)
    return overleg


@transaction.atomic
def agendapunt_toevoegen(*, actor: User, overleg: Overleg, casus, deelnemers: Iterable[User]) -> Agendapunt:
    """Put a casus on the agenda with its own participants; each sees only the items they are on."""
    from schakelpunt.casussen.services import casus_log_keys, gebeurtenis

    decision = require(actor, "overleg.plannen")
    if overleg.status != Overleg.Status.GEPLAND:
        raise ValidationError("Aan een gesloten of geannuleerd overleg kun je niets toevoegen.")
    if Agendapunt.objects.filter(overleg=overleg, casus=casus).exists():
        raise ValidationError({"casus": "Deze casus staat al op de agenda."})
    punt = Agendapunt.objects.create(overleg=overleg, casus=casus, volgorde=overleg.agendapunten.count() + 1)
    nieuw = []
    mensen = {u.pk: u for u in [overleg.voorzitter, overleg.notulist, *deelnemers]}
    for user in mensen.values():
        genodigde, created = Genodigde.objects.get_or_create(overleg=overleg, user=user)
        if genodigde.verwijderd_op is not None:
            genodigde.verwijderd_op = None
            genodigde.save(update_fields=["verwijderd_op"])
            created = True
        genodigde.agendapunten.add(punt)
        if created:
            nieuw.append(user)
    _uitnodigen(overleg, nieuw)
    wanneer = timezone.localtime(overleg.begin).strftime("%d-%m-%Y")
    gebeurtenis(casus, "besluit", f"Geagendeerd voor het casusoverleg van {wanneer}", door=actor)
    log_access(
        actor=actor,
        decision=decision,
        actie=Action.UPDATE,
        object_type="overleg",
        object_id=overleg.pk,
        betrokkenen=casus_log_keys(casus.pk),
        toelichting=f"agendapunt casus {casus.pk}",
    )
    return punt


@transaction.atomic
def genodigde_verwijderen(*, actor: User, overleg: Overleg, user: User) -> None:
    """Take someone off the meeting: access ends at once and their calendar gets a CANCEL."""
    decision = require(actor, "overleg.plannen")
    updated = Genodigde.objects.filter(overleg=overleg, user=user, verwijderd_op__isnull=True).update(
        verwijderd_op=timezone.now()
    )
    if updated:
        _uitnodigen(overleg, [user], method="CANCEL")
        _log(actor, decision, overleg, f"genodigde {user.pk} verwijderd")


@transaction.atomic
def overleg_wijzigen(*, actor: User, overleg: Overleg, versie: int, begin, einde, locatie: str) -> Overleg:
    """Change time or place: SEQUENCE rises and every participant gets the updated entry."""
    decision = require(actor, "overleg.plannen")
    errors = _check_tijden(begin, einde)
    if errors:
        raise ValidationError(errors)
    locked = Overleg.objects.select_for_update().get(pk=overleg.pk)
    if locked.versie != versie:
        raise ConflictError
    veranderd = (locked.begin, locked.einde, locked.locatie) != (begin, einde, locatie.strip())
    locked.begin, locked.einde, locked.locatie = begin, einde, locatie.strip()
    locked.versie += 1
    if veranderd:
        locked.sequence += 1
    locked.save()
    if veranderd:
        _uitnodigen(
            locked, [g.user for g in locked.genodigden.filter(verwijderd_op__isnull=True).select_related("user")]
        )
    _log(actor, decision, locked, "tijd of plaats gewijzigd" if veranderd else "gewijzigd")
    return locked


@transaction.atomic
def overleg_annuleren(*, actor: User, overleg: Overleg) -> None:
    decision = require(actor, "overleg.plannen")
    locked = Overleg.objects.select_for_update().get(pk=overleg.pk)
    locked.status = Overleg.Status.GEANNULEERD
    locked.sequence += 1
    locked.versie += 1
    locked.save()
    _uitnodigen(locked, [g.user for g in locked.genodigden.filter(verwijderd_op__isnull=True)], method="CANCEL")
    _log(actor, decision, locked, "geannuleerd")


@transaction.atomic
def aanwezigheid_vastleggen(*, actor: User, overleg: Overleg, aanwezig: set[int]) -> None:
    """Who was present; after the meeting only they keep access for the window."""
    decision = _leiden(actor, overleg)
    for genodigde in overleg.genodigden.filter(verwijderd_op__isnull=True):
        genodigde.aanwezig = genodigde.user_id in aanwezig
        genodigde.save(update_fields=["aanwezig"])
    _log(actor, decision, overleg, f"aanwezigheid: {len(aanwezig)} aanwezig")


def _punt_open(punt: Agendapunt) -> None:
    if punt.vergrendeld:
        raise ValidationError("Dit agendapunt is besloten en vergrendeld.")
    if punt.overleg.status != Overleg.Status.GEPLAND:
        raise ValidationError("Het overleg is gesloten; heropen het eerst met een reden.")


@transaction.atomic
def agendapunt_notuleren(*, actor: User, punt: Agendapunt, versie: int, notities: str) -> Agendapunt:
    decision = _leiden(actor, punt.overleg)
    locked = Agendapunt.objects.select_for_update().select_related("overleg").get(pk=punt.pk)
    _punt_open(locked)
    if locked.versie != versie:
        raise ConflictError
    locked.notities = notities.strip()
    locked.versie += 1
    locked.save(update_fields=["notities", "versie"])
    _log(actor, decision, locked.overleg, f"notities agendapunt {locked.pk}")
    return locked


@transaction.atomic
def agendapunt_besluit(*, actor: User, punt: Agendapunt, soort: str, **besluit) -> Agendapunt:
    """Record one of the two decisions on the casus itself; the item locks when both are taken."""
    from schakelpunt.casussen.services import besluit_vastleggen

    _leiden(actor, punt.overleg)
    locked = Agendapunt.objects.select_for_update().select_related("overleg", "casus").get(pk=punt.pk)
    _punt_open(locked)
    if soort not in ("melden", "regie"):
        raise ValidationError({"soort": "Kies welk besluit je vastlegt."})
    tekst = besluit.pop("besluit", "")
    vastgelegd = besluit_vastleggen(actor=actor, casus=locked.casus, soort=soort, besluit=tekst, **besluit)
    if soort == "melden":
        locked.besluit_melden = vastgelegd
    else:
        locked.besluit_regie = vastgelegd
    locked.vergrendeld = locked.besloten
    locked.versie += 1
    locked.save()
    return locked


@transaction.atomic
def wat_speelt_er_vastleggen(*, actor: User, overleg: Overleg, tekst: str) -> None:
    """Dilemmas and trends of the meeting that are not about one casus (chair and minute-taker)."""
    decision = _leiden(actor, overleg)
    if len(tekst) > 8000:
        raise ValidationError("'Wat speelt er' mag hoogstens 8000 tekens zijn.")
    Overleg.objects.filter(pk=overleg.pk).update(wat_speelt_er=tekst.strip())
    _log(actor, decision, overleg, "wat speelt er")


@transaction.atomic
def overleg_sluiten(*, actor: User, overleg: Overleg) -> Verslag:
    """Close: every casus item needs both decisions. Excerpts land on the casussen, the verslag is drafted,
    and each participant gets a summary of their own items with the actions they own."""
    from schakelpunt.casussen.models import Actie
    from schakelpunt.casussen.services import gebeurtenis

    decision = _leiden(actor, overleg)
    locked = Overleg.objects.select_for_update().get(pk=overleg.pk)
    if locked.status != Overleg.Status.GEPLAND:
        raise ValidationError("Dit overleg is al gesloten of geannuleerd.")
    punten = list(locked.agendapunten.select_related("casus", "besluit_melden", "besluit_regie"))
    open_punten = [p for p in punten if not p.besloten]
    if open_punten:
        nummers = ", ".join(p.casus.nummer for p in open_punten)
        raise ValidationError(
            f"Nog niet besloten over {nummers}: leg bij elk punt vast of er gemeld wordt en wie de regie heeft "
            "(ook 'nog niet, omdat ... tot ...' is een besluit)."
        )
    genodigden = list(
        locked.genodigden.filter(verwijderd_op__isnull=True).select_related("user").prefetch_related("agendapunten")
    )
    aanwezig = [g.user.display_name() for g in genodigden if g.aanwezig]
    wanneer = timezone.localtime(locked.begin).strftime("%d-%m-%Y")
    regels = [
        f"Verslag casusoverleg {wanneer} — {locked.titel}",
        f"Aanwezig: {', '.join(aanwezig) or 'niet vastgelegd'}",
        "",
    ]
    for p in punten:
        uittreksel = (
            f"Casusoverleg {wanneer}: melden — {p.besluit_melden.besluit}; regie — {p.besluit_regie.besluit}. "
            f"Aanwezig: {', '.join(aanwezig) or 'niet vastgelegd'}."
        )
        gebeurtenis(p.casus, "besluit", uittreksel[:500], door=actor)
        regels += [
            f"{p.casus.nummer}",
            f"Notities: {p.notities or '-'}",
            f"Melden: {p.besluit_melden.besluit}",
            f"Regie: {p.besluit_regie.besluit}",
            "",
        ]
    if locked.wat_speelt_er:
        regels += ["Wat speelt er", locked.wat_speelt_er]
    locked.status = Overleg.Status.GESLOTEN
    locked.gesloten_op = timezone.now()
    locked.versie += 1
    locked.save()
    verslag, _ = Verslag.objects.update_or_create(
        overleg=locked, defaults={"tekst": "\n".join(regels), "status": Verslag.Status.CONCEPT}
    )
    for g in genodigden:
        eigen_ids = {a.pk for a in g.agendapunten.all()}
        eigen = [p for p in punten if p.pk in eigen_ids]
        if not eigen:
            continue
        acties = Actie.objects.filter(casus__in=[p.casus_id for p in eigen], eigenaar=g.user).exclude(status="gereed")
        tekst = "\n".join(
            [f"{p.casus.nummer}: melden — {p.besluit_melden.besluit}; regie — {p.besluit_regie.besluit}" for p in eigen]
            + [f"Jouw actie: {a.titel} (deadline {a.deadline:%d-%m-%Y})" for a in acties]
        )
        notificatie_send(
            ontvangers=[g.user],
            onderwerp=f"Samenvatting casusoverleg {wanneer}",
            tekst=tekst,
            url=reverse("overleggen:detail", args=[locked.pk]),
        )
    _log(actor, decision, locked, "gesloten")
    return verslag


@transaction.atomic
def overleg_heropenen(*, actor: User, overleg: Overleg, reden: str) -> None:
    decision = _leiden(actor, overleg)
    if not (reden or "").strip():
        raise ValidationError({"reden": "Geef een reden om het overleg te heropenen."})
    locked = Overleg.objects.select_for_update().get(pk=overleg.pk)
    if locked.status != Overleg.Status.GESLOTEN:
        raise ValidationError("Alleen een gesloten overleg kan heropend worden.")
    if hasattr(locked, "verslag") and locked.verslag.status == Verslag.Status.VASTGESTELD:
        raise ValidationError("Het verslag is vastgesteld; het overleg kan niet meer heropend worden.")
    locked.status = Overleg.Status.GEPLAND
    locked.heropend_reden = reden.strip()[:500]
    locked.versie += 1
    locked.save()
    _log(actor, decision, locked, f"heropend: {reden.strip()[:200]}")


@transaction.atomic
def verslag_vaststellen(*, actor: User, verslag: Verslag, versie: int, tekst: str) -> Verslag:
    """The chair approves the verslag (draft -> vastgesteld); it is read-only afterwards."""
    decision = verify(actor, "verslag.view", verslag.overleg, object_type="overleg", message="Overleg niet gevonden")
    locked = Verslag.objects.select_for_update().get(pk=verslag.pk)
    if locked.status == Verslag.Status.VASTGESTELD:
        raise ValidationError("Het verslag is al vastgesteld en kan niet meer gewijzigd worden.")
    if locked.versie != versie:
        raise ConflictError
    if not (tekst or "").strip():
        raise ValidationError({"tekst": "Het verslag mag niet leeg zijn."})
    locked.tekst = tekst.strip()
    locked.status = Verslag.Status.VASTGESTELD
    locked.vastgesteld_door = actor
    locked.vastgesteld_op = timezone.now()
    locked.versie += 1
    locked.save()
    _log(actor, decision, locked.overleg, "verslag vastgesteld")
    return locked


def herinneringen_versturen(*, nu: datetime.datetime | None = None) -> int:
    """Remind every participant of meetings in the next 24 hours, once; the chair also gets what is still open."""
    from schakelpunt.overleggen.selectors import open_per_punt

    nu = nu or timezone.now()
    aantal = 0
    for overleg in Overleg.objects.filter(
        status=Overleg.Status.GEPLAND,
        begin__gt=nu,
        begin__lte=nu + datetime.timedelta(hours=24),
        herinnerd_op__isnull=True,
    ):
        wanneer = timezone.localtime(overleg.begin).strftime("%d-%m-%Y %H:%M")
        users = [g.user for g in overleg.genodigden.filter(verwijderd_op__isnull=True).select_related("user")]
        notificatie_send(
            ontvangers=users,
            onderwerp=f"Herinnering: casusoverleg {wanneer}",
            url=reverse("overleggen:detail", args=[overleg.pk]),
        )
        open_tekst = "\n".join(f"{nummer}: {', '.join(items)}" for nummer, items in open_per_punt(overleg) if items)
        if open_tekst:
            notificatie_send(
                ontvangers=[overleg.voorzitter],
                onderwerp=f"Nog open voor het overleg van {wanneer}",
                tekst=open_tekst,
                url=reverse("overleggen:detail", args=[overleg.pk]),
            )
        Overleg.objects.filter(pk=overleg.pk).update(herinnerd_op=nu)
        aantal += 1
    return aantal
