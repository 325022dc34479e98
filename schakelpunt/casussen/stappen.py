"""The work of steps 2 to 5: uitvraag and quickscan, the plan van aanpak (versioned, approved),
actions, evaluation and monitoring, and applying a template per fenomeen.

Same shape as `services.py`: permission, one transaction, a timeline line, the audit entry.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from schakelpunt.access.policy import verify
from schakelpunt.accounts.models import Afdeling
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.casussen.constants import (
    FASE_MONITORING,
    ActieStatus,
    EvaluatieUitkomst,
    GebeurtenisSoort,
    PlanStatus,
    UitvraagStatus,
)
from schakelpunt.casussen.models import (
    Actie,
    Casus,
    CasusSjabloon,
    CasusSubject,
    Evaluatie,
    Fase,
    Monitoring,
    PlanVanAanpak,
    Quickscan,
    Uitvraag,
    UitvraagAntwoord,
)
from schakelpunt.casussen.services import (
    CONFLICT,
    ConflictError,
    _bump,
    _lock,
    _log,
    _regie,
    auto_afvinken,
    casus_fase_wijzigen,
    casus_url,
    gebeurtenis,
)
from schakelpunt.notificaties.services import notificatie_send


def _tekst(value: str | None) -> str:
    return (value or "").strip()


# --- Uitvraag -------------------------------------------------------------------------------


def uitvraag_stellen(
    *,
    actor,
    casus: Casus,
    vraag: str,
    subjecten: Iterable[CasusSubject],
    deadline: datetime.date,
    afdeling: Afdeling | None = None,
    ontvanger=None,
) -> Uitvraag:
    """Ask a department or a named colleague about named subjects of the casus, with a deadline."""
    decision = _regie(actor, casus)
    subjecten = list(subjecten)
    errors = {}
    if not _tekst(vraag):
        errors["vraag"] = "Schrijf de vraag."
    if not subjecten:
        errors["subjecten"] = "Kies over wie je het vraagt."
    elif any(s.casus_id != casus.pk for s in subjecten):
        errors["subjecten"] = "Vraag alleen naar personen uit deze casus."
    if not afdeling and not ontvanger:
        errors["afdeling"] = "Kies een afdeling of een collega."
    if not deadline or deadline < timezone.localdate():
        errors["deadline"] = "Kies een deadline vanaf vandaag."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _lock(casus, None)
        uitvraag = Uitvraag.objects.create(
            casus=locked,
            vraag=_tekst(vraag),
            afdeling=afdeling,
            ontvanger=ontvanger,
            deadline=deadline,
            gesteld_door=actor,
        )
        uitvraag.subjecten.set(subjecten)
        auto_afvinken(locked, "uitvraag", actor)
        wie = ontvanger.display_name() if ontvanger else afdeling.naam
        gebeurtenis(locked, GebeurtenisSoort.UITVRAAG, f"Uitvraag aan {wie} (deadline {deadline:%d-%m-%Y})", actor)
        _bump(locked)
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.CREATE,
            object_type="uitvraag",
            object_id=uitvraag.pk,
            betrokkenen=[s.log_key for s in subjecten],
            toelichting=f"casus {locked.pk}",
        )
        ontvangers = [ontvanger] if ontvanger else list(afdeling.medewerkers.filter(is_active=True))
        notificatie_send(
            ontvangers=ontvangers,
            onderwerp="Er is een vraag voor je (uitvraag)",
            tekst=f"Het meldpunt vraagt je om informatie, graag voor {deadline:%d-%m-%Y}.",
            url=reverse("casussen:uitvraag", kwargs={"pk": uitvraag.pk}),
        )
    return uitvraag


def uitvraag_beantwoorden(
    *, actor, uitvraag: Uitvraag, tekst: str = "", niets_bekend: bool = False
) -> UitvraagAntwoord:
    """The recipient answers in the application, or says "niets bekend"."""
    decision = verify(actor, "casus.uitvraag.beantwoorden", uitvraag, object_type="uitvraag")
    if not niets_bekend and not _tekst(tekst):
        raise ValidationError({"tekst": "Schrijf je antwoord, of kies 'niets bekend'."})
    with transaction.atomic():
        locked = Uitvraag.objects.select_for_update().get(pk=uitvraag.pk)
        antwoord = UitvraagAntwoord.objects.create(
            uitvraag=locked, tekst=_tekst(tekst), niets_bekend=niets_bekend, door=actor
        )
        locked.status = UitvraagStatus.BEANTWOORD
        locked.save(update_fields=["status"])
        gebeurtenis(
            locked.casus,
            GebeurtenisSoort.ANTWOORD,
            f"Antwoord op uitvraag van {actor.display_name()}" + (": niets bekend" if niets_bekend else ""),
            actor,
        )
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.UPDATE,
            object_type="uitvraag",
            object_id=locked.pk,
            betrokkenen=[s.log_key for s in locked.subjecten.select_related("persoon")],
            toelichting="antwoord",
        )
        notificatie_send(
            ontvangers=[locked.gesteld_door],
            onderwerp="Antwoord op je uitvraag",
            tekst="Er is een antwoord op een uitvraag binnengekomen.",
            url=casus_url(locked.casus),
        )
    return antwoord


def uitvraag_status(
    *, actor, uitvraag: Uitvraag, status: str, reden: str, deadline: datetime.date | None = None
) -> Uitvraag:
    """Pause or extend a request, always with a reason."""
    casus = uitvraag.casus
    decision = _regie(actor, casus)
    if not _tekst(reden):
        raise ValidationError({"reden": "Geef een reden."})
    if status not in (UitvraagStatus.OPEN, UitvraagStatus.GEPAUZEERD):
        raise ValidationError({"status": "Kies pauzeren of verlengen."})
    with transaction.atomic():
        uitvraag.status = status
        uitvraag.toelichting_status = _tekst(reden)[:300]
        if deadline:
            uitvraag.deadline = deadline
        uitvraag.save(update_fields=["status", "toelichting_status", "deadline"])
        gebeurtenis(
            casus, GebeurtenisSoort.UITVRAAG, f"Uitvraag {uitvraag.get_status_display().lower()}: {reden}", actor
        )
        _log(actor, decision, casus, f"uitvraag {uitvraag.pk} {status}")
    return uitvraag


# --- Quickscan ------------------------------------------------------------------------------


def quickscan_opslaan(
    *,
    actor,
    casus: Casus,
    versie: int | None,
    probleemdefinitie: str,
    probleemeigenaar: str,
    partners: str = "",
    veiligheid: str = "",
    verbreden: bool = False,
    verbreden_toelichting: str = "",
) -> Quickscan:
    """The shared problem definition and owner; `versie` is the quickscan's version the form saw (0: new)."""
    decision = _regie(actor, casus)
    errors = {}
    if not _tekst(probleemdefinitie):
        errors["probleemdefinitie"] = "Beschrijf het gezamenlijke probleem."
    if not _tekst(probleemeigenaar):
        errors["probleemeigenaar"] = "Wie is probleemeigenaar?"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _lock(casus, None)
        qs = Quickscan.objects.select_for_update().filter(casus=locked).first()
        if (qs.versie if qs else 0) != (versie or 0) and versie is not None:
            raise ConflictError(CONFLICT)
        qs = qs or Quickscan(casus=locked, versie=0)
        qs.probleemdefinitie = _tekst(probleemdefinitie)
        qs.probleemeigenaar = _tekst(probleemeigenaar)
        qs.partners = _tekst(partners)
        qs.veiligheid = _tekst(veiligheid)
        qs.verbreden = verbreden
        qs.verbreden_toelichting = _tekst(verbreden_toelichting)
        qs.door = actor
        qs.versie += 1
        qs.save()
        auto_afvinken(locked, "quickscan", actor)
        gebeurtenis(locked, GebeurtenisSoort.QUICKSCAN, f"Quickscan vastgelegd (versie {qs.versie})", actor)
        _bump(locked)
        _log(actor, decision, locked, "quickscan")
    return qs


# --- Plan van aanpak ------------------------------------------------------------------------

PLAN_VELDEN = ("doelen", "strategie_zorg", "strategie_straf", "partners_afspraken", "programma")


def plan_opslaan(
    *, actor, casus: Casus, versie: int | None, revisie: int | None = None, **velden: str
) -> PlanVanAanpak:
    """Edit the concept plan, or start a new concept version after an approved one.

    `versie`/`revisie` name the plan the form was based on (0: no plan yet); if meanwhile someone
    else saved or approved, that is a conflict and nothing is overwritten.
    """
    decision = _regie(actor, casus)
    data = {k: _tekst(velden.get(k)) for k in PLAN_VELDEN}
    if not data["doelen"]:
        raise ValidationError({"doelen": "Schrijf de doelen van de aanpak op."})
    with transaction.atomic():
        locked = _lock(casus, None)
        laatste = PlanVanAanpak.objects.select_for_update().filter(casus=locked).order_by("-versie").first()
        basis = laatste.versie if laatste else 0
        if versie is not None and (versie != basis or (laatste and revisie is not None and revisie != laatste.revisie)):
            raise ConflictError(CONFLICT)
        if laatste and laatste.status == PlanStatus.CONCEPT:
            plan = laatste
            for k, v in data.items():
                setattr(plan, k, v)
            plan.opgesteld_door = actor
            plan.revisie += 1
            plan.save()
        else:
            plan = PlanVanAanpak.objects.create(casus=locked, versie=basis + 1, opgesteld_door=actor, **data)
        gebeurtenis(locked, GebeurtenisSoort.PLAN, f"Plan van aanpak versie {plan.versie} (concept) opgeslagen", actor)
        _bump(locked)
        _log(actor, decision, locked, f"plan v{plan.versie}")
    return plan


def plan_goedkeuren(*, actor, casus: Casus, plan: PlanVanAanpak) -> PlanVanAanpak:
    """Approval by the regievoerder or aandachtsfunctionaris; the previous approved version is kept."""
    decision = _regie(actor, casus)
    with transaction.atomic():
        locked = _lock(casus, None)
        row = PlanVanAanpak.objects.select_for_update().get(pk=plan.pk, casus=locked)
        if row.status != PlanStatus.CONCEPT:
            raise ValidationError({"plan": "Alleen een concept kan worden goedgekeurd."})
        PlanVanAanpak.objects.filter(casus=locked, status=PlanStatus.GOEDGEKEURD).update(status=PlanStatus.VERVANGEN)
        row.status = PlanStatus.GOEDGEKEURD
        row.goedgekeurd_door = actor
        row.goedgekeurd_op = timezone.now()
        row.save(update_fields=["status", "goedgekeurd_door", "goedgekeurd_op"])
        auto_afvinken(locked, "plan_goedgekeurd", actor)
        gebeurtenis(locked, GebeurtenisSoort.PLAN, f"Plan van aanpak versie {row.versie} goedgekeurd", actor)
        _bump(locked)
        _log(actor, decision, locked, f"plan v{row.versie} goedgekeurd")
    return row


# --- Actions --------------------------------------------------------------------------------


def actie_toevoegen(
    *,
    actor,
    casus: Casus,
    titel: str,
    eigenaar,
    deadline: datetime.date,
    doel: str = "",
    partner: str = "",
) -> Actie:
    decision = _regie(actor, casus)
    errors = {}
    if not _tekst(titel):
        errors["titel"] = "Beschrijf de actie."
    if eigenaar is None:
        errors["eigenaar"] = "Kies wie de actie uitvoert of ervoor instaat."
    elif (
        eigenaar.pk != casus.regievoerder_id
        and not casus.deelnemers.filter(user=eigenaar, verwijderd_op__isnull=True).exists()
    ):
        errors["eigenaar"] = "De eigenaar is de regievoerder of een deelnemer van de casus."
    if not deadline:
        errors["deadline"] = "Kies een deadline."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _lock(casus, None)
        actie = Actie.objects.create(
            casus=locked, titel=_tekst(titel), doel=_tekst(doel), eigenaar=eigenaar, partner=partner, deadline=deadline
        )
        auto_afvinken(locked, "acties_belegd", actor)
        gebeurtenis(locked, GebeurtenisSoort.ACTIE, f"Actie '{actie.titel}' voor {eigenaar.display_name()}", actor)
        _bump(locked)
        _log(actor, decision, locked, f"actie {actie.pk}")
        if eigenaar.pk != actor.pk:
            notificatie_send(
                ontvangers=[eigenaar],
                onderwerp=f"Nieuwe actie voor je in casus {locked.nummer}",
                tekst=f"Je bent eigenaar van een actie, deadline {deadline:%d-%m-%Y}.",
                url=casus_url(locked),
            )
    return actie


def actie_bijwerken(*, actor, actie: Actie, versie: int, status: str, resultaat: str = "") -> Actie:
    """The owner (while a participant) or whoever steers the casus updates status and result."""
    decision = verify(actor, "casus.actie.bijwerken", actie, object_type="actie")
    if status not in ActieStatus.values:
        raise ValidationError({"status": "Kies een status."})
    if status == ActieStatus.GEREED and not _tekst(resultaat):
        raise ValidationError({"resultaat": "Schrijf op wat het resultaat is."})
    with transaction.atomic():
        row = Actie.objects.select_for_update().select_related("casus").get(pk=actie.pk)
        if row.versie != versie:
            raise ConflictError(CONFLICT)
        row.status = status
        row.resultaat = _tekst(resultaat)
        row.versie += 1
        row.save(update_fields=["status", "resultaat", "versie"])
        gebeurtenis(
            row.casus, GebeurtenisSoort.ACTIE, f"Actie '{row.titel}': {row.get_status_display().lower()}", actor
        )
        _log(actor, decision, row.casus, f"actie {row.pk} {status}")
    return row


# --- Evaluation and monitoring --------------------------------------------------------------


def evaluatie_vastleggen(
    *,
    actor,
    casus: Casus,
    per_doel: str,
    uitkomst: str,
    commitment: str = "",
    aanbevelingen: str = "",
    monitoring_door=None,
    monitoring_tot: datetime.date | None = None,
    opschalen_als: str = "",
) -> Evaluatie:
    """Record the evaluation; "monitoring" scales the casus down (by whom, until when, what scales it up)."""
    decision = _regie(actor, casus)
    errors = {}
    if not _tekst(per_doel):
        errors["per_doel"] = "Beschrijf per doel of de interventies hebben gewerkt."
    if uitkomst not in EvaluatieUitkomst.values:
        errors["uitkomst"] = "Kies afsluiten, voortzetten of monitoring."
    if uitkomst == EvaluatieUitkomst.MONITORING:
        if monitoring_door is None:
            errors["monitoring_door"] = "Wie monitort?"
        if not monitoring_tot or monitoring_tot <= timezone.localdate():
            errors["monitoring_tot"] = "Tot wanneer (na vandaag)?"
        if not _tekst(opschalen_als):
            errors["opschalen_als"] = "Wat maakt dat we weer opschalen?"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _lock(casus, None)
        evaluatie = Evaluatie.objects.create(
            casus=locked,
            per_doel=_tekst(per_doel),
            commitment=_tekst(commitment),
            aanbevelingen=_tekst(aanbevelingen),
            uitkomst=uitkomst,
            door=actor,
        )
        auto_afvinken(locked, "evaluatie", actor)
        if _tekst(aanbevelingen):
            auto_afvinken(locked, "aanbevelingen", actor)
        gebeurtenis(locked, GebeurtenisSoort.EVALUATIE, f"Evaluatie: {evaluatie.get_uitkomst_display()}", actor)
        _bump(locked)
        _log(actor, decision, locked, f"evaluatie {uitkomst}")
        if uitkomst == EvaluatieUitkomst.MONITORING:
            Monitoring.objects.create(
                casus=locked, door=monitoring_door, tot=monitoring_tot, opschalen_als=_tekst(opschalen_als)
            )
            gebeurtenis(
                locked,
                GebeurtenisSoort.MONITORING,
                f"Afgeschaald naar monitoring door {monitoring_door.display_name()} tot {monitoring_tot:%d-%m-%Y}",
                actor,
            )
            casus_fase_wijzigen(actor=actor, casus=locked, naar=Fase.objects.get(code=FASE_MONITORING), versie=None)
    casus.refresh_from_db()
    return evaluatie


def monitoring_herinneringen(*, now: datetime.datetime | None = None) -> int:
    """A monitoring period that ended asks the regievoerder for a re-evaluation (once)."""
    now = now or timezone.now()
    due = Monitoring.objects.filter(
        casus__fase__code=FASE_MONITORING, tot__lte=timezone.localdate(now), herinnerd_op__isnull=True
    ).select_related("casus__regievoerder")
    count = 0
    for row in due:
        notificatie_send(
            ontvangers=[row.casus.regievoerder],
            onderwerp=f"Monitoring van casus {row.casus.nummer} is afgelopen",
            tekst="De monitoringperiode is voorbij. Evalueer opnieuw: afsluiten, doorgaan of weer opschalen.",
            url=casus_url(row.casus),
        )
        row.herinnerd_op = now
        row.save(update_fields=["herinnerd_op"])
        count += 1
    return count


def acties_herinneringen(*, now: datetime.datetime | None = None) -> int:
    """Remind owners of overdue actions and recipients of overdue requests (at most once a day each)."""
    now = now or timezone.now()
    vandaag = timezone.localdate(now)
    gisteren = now - datetime.timedelta(days=1)
    count = 0
    acties = (
        Actie.objects.filter(deadline__lt=vandaag, status__in=[ActieStatus.OPEN, ActieStatus.BEZIG])
        .exclude(herinnerd_op__gt=gisteren)
        .select_related("eigenaar", "casus")
    )
    for actie in acties:
        notificatie_send(
            ontvangers=[actie.eigenaar],
            onderwerp=f"Actie over de deadline in casus {actie.casus.nummer}",
            tekst=f"De actie '{actie.titel}' had klaar moeten zijn op {actie.deadline:%d-%m-%Y}.",
            url=casus_url(actie.casus),
        )
        Actie.objects.filter(pk=actie.pk).update(herinnerd_op=now)
        count += 1
    uitvragen = (
        Uitvraag.objects.filter(deadline__lt=vandaag, status=UitvraagStatus.OPEN)
        .exclude(herinnerd_op__gt=gisteren)
        .select_related("ontvanger", "afdeling")
    )
    for uitvraag in uitvragen:
        ontvangers = (
            [uitvraag.ontvanger] if uitvraag.ontvanger else list(uitvraag.afdeling.medewerkers.filter(is_active=True))
        )
        notificatie_send(
            ontvangers=ontvangers,
            onderwerp="Herinnering: er wacht een vraag op je antwoord (uitvraag)",
            tekst=f"De deadline was {uitvraag.deadline:%d-%m-%Y}.",
            url=reverse("casussen:uitvraag", kwargs={"pk": uitvraag.pk}),
        )
        Uitvraag.objects.filter(pk=uitvraag.pk).update(herinnerd_op=now)
        count += 1
    return count


# --- Templates per fenomeen ---------------------------------------------------------------


def sjabloon_toepassen(*, actor, casus: Casus, sjabloon: CasusSjabloon) -> list[Actie]:
    """Apply a template's standard actions (owner: the regievoerder, to hand on) for the regievoerder
    to adapt; its standard uitvraag questions are offered in the uitvraag form."""
    _regie(actor, casus)
    vandaag = timezone.localdate()
    acties = []
    with transaction.atomic():
        for item in sjabloon.acties:
            acties.append(
                actie_toevoegen(
                    actor=actor,
                    casus=casus,
                    titel=item["titel"],
                    doel=item.get("doel", ""),
                    eigenaar=casus.regievoerder,
                    deadline=vandaag + datetime.timedelta(days=int(item.get("dagen", 14))),
                )
            )
        gebeurtenis(casus, GebeurtenisSoort.ACTIE, f"Sjabloon '{sjabloon.naam}' toegepast", actor)
    return acties
