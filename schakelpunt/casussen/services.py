"""Casus write operations: open from signals, add signals and subjects, participants, phase
changes with their gate, decisions, the casus' own fields.

Every function checks its permission with the access point, changes the data in one
transaction, writes a line on the casus' timeline and its audit entries itself (one per person
concerned). Steps 2 to 5 (uitvraag, quickscan, plan, actions, evaluation) are in `stappen.py`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from schakelpunt.access.decorators import require
from schakelpunt.access.policy import Decision, decide
from schakelpunt.accounts.roles import Rol
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.casussen.constants import (
    FASE_AFGESLOTEN,
    FASE_MONITORING,
    FASE_START,
    BesluitSoort,
    GebeurtenisSoort,
    MeldenUitkomst,
    SubjectBron,
)
from schakelpunt.casussen.models import (
    Besluit,
    Casus,
    CasusSignaal,
    CasusSubject,
    ChecklistAfvinking,
    ChecklistItem,
    Deelnemer,
    Fase,
    FaseOvergang,
    Gebeurtenis,
)
from schakelpunt.errors import ConflictError
from schakelpunt.notificaties.services import notificatie_send
from schakelpunt.signalen.constants import Soort, Status
from schakelpunt.signalen.hertellen import hertellen
from schakelpunt.signalen.models import Betrokkene, Signaal, Terugkoppeling

# What the melder is told when their signal joins a casus: that it is being worked on, never the casus.
TERUGKOPPELING_IN_CASUS = (
    "Je signaal wordt samen met collega's verder opgepakt. Om de betrokkenen en jou te beschermen kunnen we "
    "niet vertellen wat er precies gebeurt. Zie je nog iets, voeg het dan toe aan je signaal."
)
HEROPEN_MIN = 10


CONFLICT = (
    "Iemand anders heeft dit intussen gewijzigd. Je tekst staat hieronder nog; "
    "bekijk de nieuwe stand en sla opnieuw op."
)


# --- Helpers ------------------------------------------------------------------------------


def casus_log_keys(casus_id: int) -> list[str]:
    """The person keys of a casus for the access log: its subjects and the betrokkenen of its signals."""
    keys = [
        f"persoon:{p}" if p else f"betrokkene:{b}"
        for p, b in CasusSubject.objects.filter(casus_id=casus_id).values_list("persoon_id", "betrokkene_id")
    ]
    keys += [
        f"betrokkene:{pk}"
        for pk in Betrokkene.objects.filter(signaal__casus_koppelingen__casus_id=casus_id).values_list("pk", flat=True)
    ]
    return list(dict.fromkeys(keys))


def _log(actor, decision: Decision, casus: Casus, toelichting: str, actie: str = Action.UPDATE) -> None:
    log_access(
        actor=actor,
        decision=decision,
        actie=actie,
        object_type="casus",
        object_id=casus.pk,
        betrokkenen=casus_log_keys(casus.pk),
        toelichting=toelichting,
    )


def gebeurtenis(casus: Casus, soort: str, tekst: str, door=None) -> Gebeurtenis:
    return Gebeurtenis.objects.create(casus=casus, soort=soort, tekst=tekst[:500], door=door)


def _regie(actor, casus: Casus) -> Decision:
    return require(actor, "casus.regie", casus, object_type="casus")


def _lock(casus: Casus, versie: int | None) -> Casus:
    locked = Casus.objects.select_for_update().select_related("fase").get(pk=casus.pk)
    if versie is not None and locked.versie != versie:
        raise ConflictError(CONFLICT)
    return locked


def _bump(casus: Casus, *fields: str) -> None:
    casus.versie += 1
    casus.save(update_fields=["versie", "gewijzigd_op", *fields])


def _deadline(fase: Fase, sinds: datetime.datetime) -> datetime.datetime | None:
    return sinds + datetime.timedelta(days=fase.norm_dagen) if fase.norm_dagen else None


def casus_url(casus: Casus) -> str:
    return reverse("casussen:detail", kwargs={"pk": casus.pk})


def aandachtsfunctionarissen():
    return get_user_model().objects.filter(rollen__rol=Rol.AANDACHTSFUNCTIONARIS, is_active=True).distinct()


def regie_keuzes():
    """Who can lead a casus: a casusregisseur or an aandachtsfunctionaris."""
    return (
        get_user_model()
        .objects.filter(is_active=True, rollen__rol__in=[Rol.CASUSREGISSEUR, Rol.AANDACHTSFUNCTIONARIS])
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def deelnemer_keuzes():
    """Who can be invited: colleagues of any department and partner contacts with an account."""
    return (
        get_user_model()
        .objects.filter(is_active=True, rollen__rol__in=[Rol.DEELNEMER, Rol.CASUSREGISSEUR, Rol.AANDACHTSFUNCTIONARIS])
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def auto_afvinken(casus: Casus, code: str, actor) -> None:
    """Tick the checklist item `code` (of any phase) when the work it names has been done."""
    item = ChecklistItem.objects.filter(code=code).first()
    if item and not ChecklistAfvinking.objects.filter(casus=casus, item=item).exists():
        ChecklistAfvinking.objects.create(casus=casus, item=item, door=actor)


# --- Opening a casus and adding signals -----------------------------------------------------


def _subjecten_uit_signaal(casus: Casus, signaal: Signaal, actor) -> int:
    """The persons among a signal's betrokkenen become subjects of the casus (once per person)."""
    bekend = set(CasusSubject.objects.filter(casus=casus, persoon__isnull=False).values_list("persoon_id", flat=True))
    nieuw = []
    for b in Betrokkene.objects.filter(signaal=signaal, soort=Soort.PERSOON).select_related("koppeling__persoon"):
        koppeling = getattr(b, "koppeling", None)
        persoon = koppeling.persoon if koppeling else None
        persoon_id = (persoon.samengevoegd_in_id or persoon.pk) if persoon else None
        if persoon_id and persoon_id in bekend:
            continue
        if persoon_id:
            bekend.add(persoon_id)
        nieuw.append(CasusSubject(casus=casus, persoon_id=persoon_id, betrokkene=b, toegevoegd_door=actor))
    CasusSubject.objects.bulk_create(nieuw)
    return len(nieuw)


def _signaal_koppelen(casus: Casus, signaal: Signaal, actor, heropen_reden: str) -> CasusSignaal:
    locked = Signaal.objects.select_for_update().get(pk=signaal.pk)
    if CasusSignaal.objects.filter(casus=casus, signaal=locked).exists():
        raise ValidationError({"signalen": f"Signaal {locked.nummer} hoort al bij deze casus."})
    reden = (heropen_reden or "").strip()
    if locked.status == Status.AFGESLOTEN:
        if len(reden) < HEROPEN_MIN:
            raise ValidationError(
                {"heropen_reden": f"Signaal {locked.nummer} is afgesloten. Leg uit waarom je het heropent."}
            )
        locked.afgesloten_op = None
        locked.afsluitreden = ""
    else:
        reden = ""
    locked.status = Status.IN_BEHANDELING
    locked.is_open = True
    locked.prioriteit = locked.bereken_prioriteit()
    locked.versie += 1
    locked.save()
    link = CasusSignaal.objects.create(casus=casus, signaal=locked, toegevoegd_door=actor, heropend_reden=reden)
    _subjecten_uit_signaal(casus, locked, actor)
    with hertellen([locked.pk]):  # a first terugkoppeling changes inzicht's counts
        Terugkoppeling.objects.create(signaal=locked, tekst=TERUGKOPPELING_IN_CASUS, door=actor)
    notificatie_send(
        ontvangers=[locked.melder],
        onderwerp=f"Nieuws over je signaal {locked.nummer}",
        tekst="Het meldpunt heeft je een bericht gestuurd.",
        url=reverse("signalen:detail", kwargs={"pk": locked.pk}),
    )
    tekst = f"Signaal {locked.nummer} toegevoegd"
    gebeurtenis(casus, GebeurtenisSoort.SIGNAAL, tekst + (f" (heropend: {reden})" if reden else ""), actor)
    log_access(
        actor=actor,
        decision=decide(actor, "casus.create"),
        actie=Action.UPDATE,
        object_type="signaal",
        object_id=locked.pk,
        betrokkenen=Betrokkene.log_keys(locked.pk),
        toelichting=f"aan casus {casus.pk} toegevoegd" + (" (heropend)" if reden else ""),
    )
    return link


def casus_open(
    *,
    actor,
    titel: str,
    signalen: Iterable[Signaal],
    regievoerder=None,
    fenomeen=None,
    samenvatting: str = "",
    heropen_reden: str = "",
) -> Casus:
    """The aandachtsfunctionaris opens a casus from one or more signals (the triage action "casus openen")."""
    decision = require(actor, "casus.create", object_type="casus")
    signalen = list(signalen)
    errors = {}
    if not (titel or "").strip():
        errors["titel"] = "Geef de casus een titel (zonder namen)."
    if not signalen:
        errors["signalen"] = "Kies minstens één signaal."
    regievoerder = regievoerder or actor
    if not regie_keuzes().filter(pk=regievoerder.pk).exists():
        errors["regievoerder"] = "De regievoerder is een casusregisseur of een aandachtsfunctionaris."
    if errors:
        raise ValidationError(errors)
    start = Fase.objects.get(code=FASE_START)
    now = timezone.now()
    with transaction.atomic():
        casus = Casus.objects.create(
            titel=titel.strip(),
            samenvatting=(samenvatting or "").strip(),
            regievoerder=regievoerder,
            fase=start,
            fase_sinds=now,
            fase_deadline=_deadline(start, now),
            fenomeen=fenomeen,
            aangemaakt_door=actor,
        )
        gebeurtenis(casus, GebeurtenisSoort.GEOPEND, f"Casus geopend door {actor.display_name()}", actor)
        for signaal in signalen:
            _signaal_koppelen(casus, signaal, actor, heropen_reden)
        if regievoerder.pk != actor.pk:
            notificatie_send(
                ontvangers=[regievoerder],
                onderwerp=f"Je hebt de regie over casus {casus.nummer}",
                tekst="Het meldpunt heeft een casus geopend en jou de regie gegeven.",
                url=casus_url(casus),
            )
        _log(actor, decision, casus, "casus geopend", Action.CREATE)
    return casus


def casus_signaal_toevoegen(*, actor, casus: Casus, signaal: Signaal, heropen_reden: str = "") -> CasusSignaal:
    """The triage action "toevoegen aan casus"; a closed signal is reopened with a reason."""
    decision = require(actor, "casus.create", object_type="casus", object_id=str(casus.pk))
    with transaction.atomic():
        locked = _lock(casus, None)
        link = _signaal_koppelen(locked, signaal, actor, heropen_reden)
        _bump(locked)
        _log(actor, decision, locked, f"signaal {signaal.pk} toegevoegd")
    return link


def casus_subject_toevoegen(*, actor, casus: Casus, persoon) -> CasusSubject:
    """Add a person from the register to the casus (the one who steers it, with access to the register)."""
    decision = _regie(actor, casus)
    require(actor, "subject.view", persoon, object_type="persoon")
    with transaction.atomic():
        locked = _lock(casus, None)
        persoon_id = persoon.samengevoegd_in_id or persoon.pk
        if CasusSubject.objects.filter(casus=locked, persoon_id=persoon_id).exists():
            raise ValidationError({"persoon": "Deze persoon hoort al bij de casus."})
        subject = CasusSubject.objects.create(
            casus=locked, persoon_id=persoon_id, bron=SubjectBron.REGISTER, toegevoegd_door=actor
        )
        gebeurtenis(locked, GebeurtenisSoort.SUBJECT, "Persoon uit het register toegevoegd", actor)
        _bump(locked)
        _log(actor, decision, locked, f"persoon {persoon_id} toegevoegd")
    return subject


def casus_bijwerken(
    *,
    actor,
    casus: Casus,
    versie: int,
    titel: str,
    samenvatting: str = "",
    regievoerder=None,
    bestuur_delen: bool = False,
    bestuur_samenvatting: str = "",
) -> Casus:
    """Title, summary, regievoerder and the summary for bestuur; a stale `versie` is a conflict."""
    decision = _regie(actor, casus)
    errors = {}
    if not (titel or "").strip():
        errors["titel"] = "Geef de casus een titel."
    if regievoerder is not None and not regie_keuzes().filter(pk=regievoerder.pk).exists():
        errors["regievoerder"] = "De regievoerder is een casusregisseur of een aandachtsfunctionaris."
    if bestuur_delen and not (bestuur_samenvatting or "").strip():
        errors["bestuur_samenvatting"] = "Schrijf een samenvatting zonder persoonsgegevens om met bestuur te delen."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _lock(casus, versie)
        oud_regie = locked.regievoerder_id
        locked.titel = titel.strip()
        locked.samenvatting = (samenvatting or "").strip()
        locked.bestuur_delen = bestuur_delen
        locked.bestuur_samenvatting = (bestuur_samenvatting or "").strip()
        if regievoerder is not None:
            locked.regievoerder = regievoerder
        _bump(locked, "titel", "samenvatting", "regievoerder", "bestuur_delen", "bestuur_samenvatting")
        tekst = "Casus gewijzigd"
        if regievoerder is not None and regievoerder.pk != oud_regie:
            tekst = f"Regie overgedragen aan {regievoerder.display_name()}"
            notificatie_send(
                ontvangers=[regievoerder],
                onderwerp=f"Je hebt de regie over casus {locked.nummer}",
                tekst="De regie over een casus is aan jou overgedragen.",
                url=casus_url(locked),
            )
        gebeurtenis(locked, GebeurtenisSoort.GEWIJZIGD, tekst, actor)
        _log(actor, decision, locked, "casus gewijzigd")
    casus.refresh_from_db()
    return locked


# --- Participants ---------------------------------------------------------------------------


def deelnemer_toevoegen(*, actor, casus: Casus, user, partner: str = "") -> Deelnemer:
    """Invite a colleague or partner contact; they see this casus only."""
    decision = _regie(actor, casus)
    if not deelnemer_keuzes().filter(pk=user.pk).exists():
        raise ValidationError({"user": "Nodig een collega of partner uit met de rol deelnemer of casusregisseur."})
    with transaction.atomic():
        locked = _lock(casus, None)
        if Deelnemer.objects.filter(casus=locked, user=user, verwijderd_op__isnull=True).exists():
            raise ValidationError({"user": f"{user.display_name()} neemt al deel aan deze casus."})
        deelnemer = Deelnemer.objects.create(casus=locked, user=user, partner=partner, toegevoegd_door=actor)
        gebeurtenis(locked, GebeurtenisSoort.DEELNEMER_IN, f"{user.display_name()} uitgenodigd", actor)
        _bump(locked)
        _log(actor, decision, locked, f"deelnemer {user.pk} toegevoegd")
        notificatie_send(
            ontvangers=[user],
            onderwerp=f"Je bent uitgenodigd voor casus {locked.nummer}",
            tekst=f"{actor.display_name()} heeft je uitgenodigd om deel te nemen aan een casus.",
            url=casus_url(locked),
        )
    return deelnemer


def deelnemer_verwijderen(*, actor, casus: Casus, deelnemer: Deelnemer, reden: str = "") -> Deelnemer:
    """Take a participant out: their access ends at once (every check reads the active participation)."""
    decision = _regie(actor, casus)
    with transaction.atomic():
        locked = _lock(casus, None)
        row = Deelnemer.objects.select_for_update().select_related("user").get(pk=deelnemer.pk, casus=locked)
        if row.verwijderd_op is not None:
            raise ValidationError({"deelnemer": "Deze deelnemer is al verwijderd."})
        row.verwijderd_op = timezone.now()
        row.verwijderd_door = actor
        row.reden_verwijderd = (reden or "").strip()[:300]
        row.save(update_fields=["verwijderd_op", "verwijderd_door", "reden_verwijderd"])
        gebeurtenis(locked, GebeurtenisSoort.DEELNEMER_UIT, f"{row.user.display_name()} verwijderd", actor)
        _bump(locked)
        _log(actor, decision, locked, f"deelnemer {row.user_id} verwijderd")
    return row


# --- Phase and checklist --------------------------------------------------------------------


def open_verplichte_punten(casus: Casus) -> list[ChecklistItem]:
    gedaan = ChecklistAfvinking.objects.filter(casus=casus).values("item_id")
    return list(ChecklistItem.objects.filter(fase_id=casus.fase_id, verplicht=True).exclude(pk__in=gedaan))


def toegestane_fasen(fase: Fase) -> list[Fase]:
    return [o.naar for o in FaseOvergang.objects.filter(van=fase).select_related("naar").order_by("naar__volgorde")]


def _is_verder(van: Fase, naar: Fase) -> bool:
    """A move on (the gate applies) rather than back, or closing the casus (always allowed)."""
    return naar.volgorde > van.volgorde and naar.code != FASE_AFGESLOTEN


def casus_fase_wijzigen(
    *, actor, casus: Casus, naar: Fase, versie: int | None, reden: str = "", doorbreken: bool = False
) -> Casus:
    """Move the casus to another phase along the table of transitions.

    Leaving a phase with a gate, a mandatory checklist item not done blocks the move, unless
    the aandachtsfunctionaris overrides it (`doorbreken`) with a recorded reason.
    """
    decision = _regie(actor, casus)
    reden = (reden or "").strip()
    with transaction.atomic():
        locked = _lock(casus, versie)
        van = locked.fase
        if not FaseOvergang.objects.filter(van=van, naar=naar).exists():
            raise ValidationError({"naar": f"Van '{van.naam}' kan een casus niet naar '{naar.naam}'."})
        open_punten = open_verplichte_punten(locked) if van.heeft_poort and _is_verder(van, naar) else []
        if open_punten:
            if not doorbreken:
                raise ValidationError({"naar": "Eerst nog verplicht: " + "; ".join(p.tekst for p in open_punten) + "."})
            require(actor, "casus.fase.doorbreken", object_type="casus", object_id=str(locked.pk))
            if len(reden) < 10:
                raise ValidationError({"reden": "Leg uit waarom je verder gaat terwijl verplichte punten open staan."})
        now = timezone.now()
        locked.fase = naar
        locked.fase_sinds = now
        locked.fase_deadline = _deadline(naar, now)
        locked.afgesloten_op = now if naar.code == FASE_AFGESLOTEN else None
        _bump(locked, "fase", "fase_sinds", "fase_deadline", "afgesloten_op")
        tekst = f"Fase: {van.naam} → {naar.naam}"
        if open_punten:
            tekst += f" (poort doorbroken: {reden})"
        elif reden:
            tekst += f" ({reden})"
        gebeurtenis(locked, GebeurtenisSoort.FASE, tekst, actor)
        _log(actor, decision, locked, f"fase {van.code} -> {naar.code}" + (" (doorbroken)" if open_punten else ""))
    casus.refresh_from_db()
    return locked


def checklist_afvinken(*, actor, casus: Casus, item: ChecklistItem, gedaan: bool = True) -> None:
    decision = _regie(actor, casus)
    with transaction.atomic():
        locked = _lock(casus, None)
        if gedaan:
            _, created = ChecklistAfvinking.objects.get_or_create(casus=locked, item=item, defaults={"door": actor})
        else:
            created = bool(ChecklistAfvinking.objects.filter(casus=locked, item=item).delete()[0])
        if created:
            gebeurtenis(
                locked, GebeurtenisSoort.CHECKLIST, f"{'Afgevinkt' if gedaan else 'Weer open'}: {item.tekst}", actor
            )
            _bump(locked)
            _log(actor, decision, locked, f"checklist {item.code}")


# --- Decisions ------------------------------------------------------------------------------

STANDAARD_VRAAG = {BesluitSoort.MELDEN: "Gaan we melden?", BesluitSoort.REGIE: "Wie heeft de regie?"}


def besluit_vastleggen(
    *,
    actor,
    casus: Casus,
    soort: str,
    besluit: str,
    overwegingen: str,
    vraag: str = "",
    opties: str = "",
    melden: str = "",
    melden_partner: str = "",
    regie_user=None,
    regie_partner: str = "",
    geldig_van: datetime.date | None = None,
    geldig_tot: datetime.date | None = None,
) -> Besluit:
    """Record a decision with its question, options, considerations, who and when.

    "Gaan we melden?": ja (to which partner), nee (the considerations say why), nog niet (until
    when: `geldig_tot`). "Wie heeft de regie?": a person or a partner organisation.
    """
    decision = _regie(actor, casus)
    errors: dict[str, str] = {}
    vraag = (vraag or "").strip() or STANDAARD_VRAAG.get(soort, "")
    geldig_van = geldig_van or timezone.localdate()
    if soort not in BesluitSoort.values:
        errors["soort"] = "Kies welk besluit je vastlegt."
    if not vraag:
        errors["vraag"] = "Welke vraag beantwoordt dit besluit?"
    if not (overwegingen or "").strip():
        errors["overwegingen"] = "Schrijf op waarom: de overwegingen worden bewaard."
    if soort == BesluitSoort.MELDEN:
        if melden not in MeldenUitkomst.values:
            errors["melden"] = "Kies ja, nee of nog niet."
        elif melden == MeldenUitkomst.JA and not melden_partner:
            errors["melden_partner"] = "Kies aan welke partner we melden."
        elif melden == MeldenUitkomst.NOG_NIET and not geldig_tot:
            errors["geldig_tot"] = "Tot wanneer wachten we met melden?"
    else:
        melden, melden_partner = "", ""
    if soort == BesluitSoort.REGIE:
        if bool(regie_user) == bool(regie_partner):
            errors["regie_user"] = "Kies een persoon óf een partnerorganisatie die de regie heeft."
    else:
        regie_user, regie_partner = None, ""
    if geldig_tot and geldig_tot < geldig_van:
        errors["geldig_tot"] = "Deze datum ligt voor 'geldig van'."
    if not (besluit or "").strip():
        besluit = _besluit_tekst(soort, melden, melden_partner, regie_user, regie_partner)
        if not besluit:
            errors["besluit"] = "Schrijf het besluit op."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _lock(casus, None)
        row = Besluit.objects.create(
            casus=locked,
            soort=soort,
            vraag=vraag[:300],
            opties=(opties or "").strip(),
            overwegingen=overwegingen.strip(),
            besluit=besluit.strip(),
            melden=melden,
            melden_partner=melden_partner if melden == MeldenUitkomst.JA else "",
            regie_user=regie_user,
            regie_partner=regie_partner,
            geldig_van=geldig_van,
            geldig_tot=geldig_tot,
            genomen_door=actor,
        )
        if soort in (BesluitSoort.MELDEN, BesluitSoort.REGIE):
            auto_afvinken(locked, f"besluit_{soort}", actor)
        gebeurtenis(locked, GebeurtenisSoort.BESLUIT, f"{vraag} {row.besluit}"[:500], actor)
        _bump(locked)
        _log(actor, decision, locked, f"besluit {soort}")
    return row


def _besluit_tekst(soort, melden, partner, regie_user, regie_partner) -> str:
    from schakelpunt.casussen.constants import Partner

    if soort == BesluitSoort.MELDEN and melden:
        tekst = MeldenUitkomst(melden).label
        return f"{tekst}: aan {Partner(partner).label}" if partner else tekst
    if soort == BesluitSoort.REGIE and (regie_user or regie_partner):
        return f"Regie bij {regie_user.display_name() if regie_user else Partner(regie_partner).label}"
    return ""


# --- Alert on a new signal about a monitored or recently closed casus ------------------------

RECENT_AFGESLOTEN_DAGEN = 180


def signaal_monitoring_check(signaal: Signaal) -> int:
    """Hooked into signalen.NA_REGISTRATIE after the register links betrokkenen to persons.

    A new signal about a subject of a casus in monitoring (or closed in the last half year)
    alerts the regievoerder and the aandachtsfunctionaris at once. The casus' timeline records it.
    """
    from schakelpunt.subjecten.models import BetrokkeneKoppeling

    persoon_ids = list(
        BetrokkeneKoppeling.objects.filter(signaal=signaal, persoon__isnull=False).values_list("persoon_id", flat=True)
    )
    if not persoon_ids:
        return 0
    grens = timezone.now() - datetime.timedelta(days=RECENT_AFGESLOTEN_DAGEN)
    casussen = (
        Casus.objects.filter(subjecten__persoon_id__in=persoon_ids)
        .filter(Q(fase__code=FASE_MONITORING) | Q(fase__code=FASE_AFGESLOTEN, afgesloten_op__gte=grens))
        .select_related("regievoerder", "fase")
        .distinct()
    )
    count = 0
    for casus in casussen:
        gebeurtenis(casus, GebeurtenisSoort.SIGNAAL_NA_AFSCHALEN, f"Nieuw signaal {signaal.nummer} over een subject")
        notificatie_send(
            ontvangers=[casus.regievoerder, *aandachtsfunctionarissen()],
            onderwerp=f"Nieuw signaal over een persoon uit casus {casus.nummer} ({casus.fase.naam.lower()})",
            tekst="Er is een nieuw signaal over een persoon uit een afgeschaalde of afgesloten casus. Beoordeel of "
            "de casus weer moet opschalen.",
            url=casus_url(casus),
        )
        count += 1
    return count
