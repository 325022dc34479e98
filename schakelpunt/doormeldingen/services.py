"""Writes of doormeldingen: compose, send (freeze, hash, register, link), fetch by link, follow up, art. 19 tasks."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from schakelpunt.access.decorators import require
from schakelpunt.accounts.models import User
from schakelpunt.audit.models import Action, Outcome
from schakelpunt.audit.services import log_access, log_event
from schakelpunt.doormeldingen import document
from schakelpunt.doormeldingen.constants import (
    PERSOON_VELDEN,
    STRENGHEID,
    VOLGENDE_STATUS,
    Kanaal,
    Markering,
    Status,
)
from schakelpunt.doormeldingen.models import (
    Doormelding,
    Downloadlink,
    Grondslag,
    Herstelmelding,
    Ketenpartner,
    Opvolging,
    Verstrekking,
)
from schakelpunt.errors import ConflictError
from schakelpunt.notificaties.services import mail_extern, notificatie_send

MAX_POGINGEN = 5


class LinkOngeldig(Exception):
    """The download link is unknown, expired, used, or blocked after too many wrong codes."""

    def __init__(self, reden: str):
        super().__init__(reden)
        self.reden = reden


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def _valideer_selectie(selectie: dict, *, casus, signaal) -> dict:
    """Only candidates of the source, only known fields, the melder only with consent; returns a clean copy."""
    personen, signalen = document.kandidaten(casus=casus, signaal=signaal)
    persoon_ids = {p.pk for p in personen}
    signaal_by_id = {s.pk: s for s in signalen}
    schoon: dict = {"personen": {}, "signalen": {}, "bijlagen": []}
    errors = []
    for key, velden in (selectie.get("personen") or {}).items():
        try:
            pk = int(key)
        except (TypeError, ValueError):
            errors.append("Onbekende persoon in de selectie.")
            continue
        if pk not in persoon_ids:
            errors.append("Een gekozen persoon hoort niet bij deze casus of dit signaal.")
            continue
        velden = [v for v in dict.fromkeys(velden or []) if v in PERSOON_VELDEN]
        if velden:
            schoon["personen"][str(pk)] = velden
    for key, velden in (selectie.get("signalen") or {}).items():
        try:
            pk = int(key)
        except (TypeError, ValueError):
            errors.append("Onbekend signaal in de selectie.")
            continue
        if pk not in signaal_by_id:
            errors.append("Een gekozen signaal hoort niet bij deze casus.")
            continue
        toegestaan = document.signaal_velden(signaal_by_id[pk])
        if document.MELDER_VELD in (velden or []) and document.MELDER_VELD not in toegestaan:
            errors.append("De identiteit van de melder gaat nooit mee zonder diens toestemming.")
        velden = [v for v in dict.fromkeys(velden or []) if v in toegestaan]
        if velden:
            schoon["signalen"][str(pk)] = velden
    bijlagen = {b.pk: s for s in signalen for b in s.bijlagen.all()}
    for b in selectie.get("bijlagen") or []:
        try:
            pk = int(b)
        except (TypeError, ValueError):
            continue
        if pk not in bijlagen or str(bijlagen[pk].pk) not in schoon["signalen"]:
            errors.append("Een bijlage kan alleen mee met het signaal waar zij bij hoort.")
            continue
        schoon["bijlagen"].append(pk)
    if errors:
        raise ValidationError({"selectie": list(dict.fromkeys(errors))})
    if not schoon["personen"] and not schoon["signalen"]:
        raise ValidationError({"selectie": "Kies wat de partner ontvangt: ten minste één persoon of signaal."})
    return schoon


@transaction.atomic
def doormelding_opstellen(
    *,
    actor: User,
    partner: Ketenpartner,
    grondslag: Grondslag | None,
    verwerking: str,
    reden: str,
    markering: str,
    toegestaan_gebruik: str,
    geldig_tot: datetime.date | None,
    selectie: dict,
    casus=None,
    signaal=None,
) -> Doormelding:
    """A concept referral: nothing leaves before it is previewed and sent."""
    decision = require(actor, "doormelding.opstellen")
    errors: dict[str, str] = {}
    if not partner.actief:
        errors["partner"] = "Deze ketenpartner is uitgezet."
    if grondslag is None or not partner.grondslagen.filter(pk=grondslag.pk).exists():
        errors["grondslag"] = f"Kies een grondslag die naar {partner.naam} gebruikt mag worden."
    if markering not in Markering.values:
        errors["markering"] = "Kies een markering."
    elif STRENGHEID[markering] > STRENGHEID[partner.max_markering]:
        errors["markering"] = f"{partner.naam} mag ten hoogste {partner.max_markering} ontvangen."
    if not (reden or "").strip():
        errors["reden"] = "Leg uit waarom deze gegevens naar de partner gaan."
    if not (verwerking or "").strip():
        errors["verwerking"] = "Noem de verwerkingsactiviteit."
    if not (toegestaan_gebruik or "").strip():
        errors["toegestaan_gebruik"] = "Zeg wat de partner met de gegevens mag doen."
    if geldig_tot is None or geldig_tot < timezone.localdate():
        errors["geldig_tot"] = "Kies tot wanneer de markering geldt (vandaag of later)."
    if (casus is None) == (signaal is None):
        errors["__all__"] = "Een doormelding komt uit één casus of één signaal."
    try:
        schoon = _valideer_selectie(selectie, casus=casus, signaal=signaal)
    except ValidationError as exc:
        errors.update({k: " ".join(v) for k, v in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    doormelding = Doormelding.objects.create(
        partner=partner,
        grondslag=grondslag,
        verwerking=verwerking.strip(),
        reden=reden.strip(),
        markering=markering,
        toegestaan_gebruik=toegestaan_gebruik.strip(),
        geldig_tot=geldig_tot,
        selectie=schoon,
        casus=casus,
        signaal=signaal,
        aangemaakt_door=actor,
    )
    log_access(
        actor=actor,
        decision=decision,
        actie=Action.CREATE,
        object_type="doormelding",
        object_id=doormelding.pk,
        betrokkenen=[f"persoon:{pk}" for pk in schoon["personen"]],
        toelichting=f"concept aan {partner.naam}",
    )
    return doormelding


def _casus_gebeurtenis(doormelding: Doormelding, tekst: str, door) -> None:
    if doormelding.casus_id:
        from schakelpunt.casussen.services import gebeurtenis

        gebeurtenis(doormelding.casus, "doormelding", tekst, door=door)


@transaction.atomic
def doormelding_versturen(
    *, actor: User, doormelding: Doormelding, kanaal: str, versie: int
) -> tuple[Doormelding, str, str]:
    """Freeze the document, hash it, register one disclosure per person, and open the channel.

    Returns ``(doormelding, token, code)``; token and code are shown once to the sender (the code
    goes to the partner by phone or SMS, never in the same e-mail), empty for the secure-mail channel.
    The caller must have re-authenticated (the view checks it).
    """
    decision = require(actor, "doormelding.opstellen")
    locked = Doormelding.objects.select_for_update().select_related("partner", "grondslag").get(pk=doormelding.pk)
    if locked.versie != versie:
        raise ConflictError
    if locked.status != Status.CONCEPT:
        raise ValidationError("Deze doormelding is al verstuurd.")
    if kanaal not in Kanaal.values:
        raise ValidationError({"kanaal": "Kies hoe de partner de doormelding ontvangt."})
    if kanaal == Kanaal.DOWNLOADLINK and not locked.partner.contact_email:
        raise ValidationError(
            {"kanaal": f"Van {locked.partner.naam} is geen e-mailadres bekend; kies de beveiligde mail."}
        )
    nu = timezone.now()
    inhoud = document.opstellen(locked)
    inhoud["verstuurd_op"] = nu.isoformat()
    locked.document = inhoud
    locked.document_hash = document.document_hash(inhoud)
    locked.pdf_hash = hashlib.sha256(document.pdf(inhoud)).hexdigest()
    locked.status = Status.VERSTUURD
    locked.kanaal = kanaal
    locked.verstuurd_door = actor
    locked.verstuurd_rol = decision.role or ""
    locked.verstuurd_op = nu
    locked.versie += 1
    locked.save()
    grondslag = str(locked.grondslag)
    contact = ", ".join(p for p in [locked.partner.contact_naam, locked.partner.contact_email] if p)
    personen = {int(k): v for k, v in locked.selectie.get("personen", {}).items()}
    from schakelpunt.subjecten.models import Persoon

    for persoon in Persoon.objects.filter(pk__in=personen):
        Verstrekking.objects.create(
            doormelding=locked,
            persoon=persoon,
            persoon_key=persoon.log_key,
            door=actor,
            rol=decision.role or "",
            partner=locked.partner.naam,
            contact=contact,
            tijdstip=nu,
            velden=personen[persoon.pk],
            document_hash=locked.document_hash,
            grondslag=grondslag,
            verwerking=locked.verwerking,
            markering=locked.markering,
            kanaal=kanaal,
        )
    token = code = ""
    if kanaal == Kanaal.DOWNLOADLINK:
        token = secrets.token_urlsafe(32)
        code = f"{secrets.randbelow(10**6):06d}"
        Downloadlink.objects.create(
            doormelding=locked,
            token_hash=_hash(token),
            code_hash=_hash(code),
            verloopt_op=nu + datetime.timedelta(hours=settings.DOORMELDING_LINK_UREN),
        )
        url = settings.SITE_URL.rstrip("/") + reverse("doormeldingen:ophalen", args=[token])
        transaction.on_commit(
            lambda: mail_extern(
                to=locked.partner.contact_email,
                onderwerp=f"Doormelding {locked.nummer} van het meldpunt van de gemeente",
                tekst=(
                    "Het meldpunt van de gemeente heeft een doormelding voor u klaargezet.\n\n"
                    f"Ophalen: {url}\n\nU heeft ook een eenmalige code nodig; die krijgt u apart, telefonisch "
                    f"of per sms. De link verloopt na {settings.DOORMELDING_LINK_UREN} uur en werkt één keer.\n"
                    "Deze e-mail bevat geen persoonsgegevens."
                ),
            )
        )
    log_access(
        actor=actor,
        decision=decision,
        actie=Action.EXPORT,
        object_type="doormelding",
        object_id=locked.pk,
        betrokkenen=[f"persoon:{pk}" for pk in personen] or [""],
        toelichting=f"verstrekt aan {locked.partner.naam} ({locked.markering}, {kanaal})",
    )
    _casus_gebeurtenis(locked, f"Doormelding {locked.nummer} verstuurd aan {locked.partner.naam}", actor)
    return locked, token, code


def document_ophalen(*, token: str, code: str) -> Doormelding:
    """The partner fetches the document once with the link and the one-time code; every attempt is logged.

    A refused attempt is committed (the count of wrong codes and its log record) before it is raised.
    """
    with transaction.atomic():
        link = (
            Downloadlink.objects.select_for_update()
            .select_related("doormelding__partner")
            .filter(token_hash=_hash(token or ""))
            .first()
        )
        reden = _link_weigering(link, code)
        log_event(
            actor=None,
            actie=Action.EXPORT,
            uitkomst=Outcome.REFUSED if reden else Outcome.SUCCESS,
            doel="Doormelden aan een ketenpartner",
            verwerking="doormeldingen.verstrekking",
            object_type="doormelding",
            object_id=str(link.doormelding_id) if link else "",
            toelichting=_WEIGERINGEN.get(reden, "") if reden else f"opgehaald door {link.doormelding.partner.naam}",
        )
        if not reden:
            link.gebruikt_op = timezone.now()
            link.save(update_fields=["gebruikt_op"])
            Doormelding.objects.filter(pk=link.doormelding_id, status=Status.VERSTUURD).update(status=Status.ONTVANGEN)
    if reden:
        raise LinkOngeldig(reden)
    return link.doormelding


_WEIGERINGEN = {
    "onbekend": "onbekende link",
    "gebruikt": "link al gebruikt",
    "verlopen": "link verlopen",
    "geblokkeerd": "link geblokkeerd na te veel foute codes",
    "code": "verkeerde code",
}


def _link_weigering(link: Downloadlink | None, code: str) -> str:
    """Why this attempt is refused ("" when it may fetch); a wrong code is counted."""
    if link is None:
        return "onbekend"
    if link.gebruikt_op is not None:
        return "gebruikt"
    if link.verloopt_op <= timezone.now():
        return "verlopen"
    if link.mislukte_pogingen >= MAX_POGINGEN:
        return "geblokkeerd"
    if not secrets.compare_digest(link.code_hash, _hash((code or "").strip())):
        link.mislukte_pogingen += 1
        link.save(update_fields=["mislukte_pogingen"])
        return "code"
    return ""


@transaction.atomic
def doormelding_opvolgen(
    *, actor: User, doormelding: Doormelding, status: str, terugkoppeling_partner: str = "", bericht_melder: str = ""
) -> Opvolging:
    """Record the partner's status and feedback; a sanitised message to the melder(s) only as approved here."""
    decision = require(actor, "doormelding.opstellen")
    locked = Doormelding.objects.select_for_update().get(pk=doormelding.pk)
    if status not in VOLGENDE_STATUS.get(locked.status, set()):
        raise ValidationError({"status": f"Van '{locked.get_status_display()}' kan dat niet."})
    locked.status = status
    locked.versie += 1
    locked.save(update_fields=["status", "versie"])
    opvolging = Opvolging.objects.create(
        doormelding=locked,
        status=status,
        terugkoppeling_partner=terugkoppeling_partner.strip(),
        bericht_melder=bericht_melder.strip(),
        door=actor,
    )
    if bericht_melder.strip():
        melders = _melders(locked)
        notificatie_send(
            ontvangers=melders,
            onderwerp="Terugkoppeling op je signaal",
            tekst=bericht_melder.strip(),
            url=reverse("signalen:mijn"),
        )
    log_access(
        actor=actor,
        decision=decision,
        actie=Action.UPDATE,
        object_type="doormelding",
        object_id=locked.pk,
        toelichting=f"status {status}",
    )
    _casus_gebeurtenis(
        locked,
        f"Doormelding {locked.nummer}: {locked.get_status_display().lower()}"
        + (f" — {terugkoppeling_partner.strip()[:300]}" if terugkoppeling_partner.strip() else ""),
        actor,
    )
    return opvolging


def _melders(doormelding: Doormelding) -> list:
    from schakelpunt.signalen.models import Signaal

    ids = [int(k) for k in (doormelding.selectie or {}).get("signalen", {})]
    if doormelding.signaal_id:
        ids.append(doormelding.signaal_id)
    return list({s.melder for s in Signaal.objects.filter(pk__in=ids).select_related("melder")})


@transaction.atomic
def herstelmeldingen_aanmaken(*, actor: User, persoon_key: str, reden: str) -> list[Herstelmelding]:
    """AVG art. 19: after a correction or erasure, one task per recipient the person's data went to."""
    decision = require(actor, "herstelmelding.afhandelen")
    if not (reden or "").strip():
        raise ValidationError({"reden": "Zeg wat er gecorrigeerd of gewist is."})
    taken = [
        Herstelmelding.objects.create(verstrekking=v, reden=reden.strip()[:500])
        for v in Verstrekking.objects.filter(persoon_key=persoon_key)
    ]
    log_access(
        actor=actor,
        decision=decision,
        actie=Action.CREATE,
        object_type="herstelmelding",
        object_id="",
        betrokkenen=[persoon_key],
        toelichting=f"{len(taken)} ontvanger(s) te informeren",
    )
    return taken


@transaction.atomic
def herstelmelding_afhandelen(*, actor: User, taak: Herstelmelding) -> None:
    decision = require(actor, "herstelmelding.afhandelen")
    Herstelmelding.objects.filter(pk=taak.pk, afgehandeld_op__isnull=True).update(
        afgehandeld_door=actor, afgehandeld_op=timezone.now()
    )
    log_access(
        actor=actor,
        decision=decision,
        actie=Action.UPDATE,
        object_type="herstelmelding",
        object_id=taak.pk,
        betrokkenen=[taak.verstrekking.persoon_key],
    )


def selectie_uit_post(data, personen: Iterable, signalen: Iterable) -> dict:
    """Read the compose form's checkboxes (persoon-<id>-<veld>, signaal-<id>-<veld>, bijlage-<id>)."""
    selectie: dict = {"personen": {}, "signalen": {}, "bijlagen": []}
    for p in personen:
        velden = [v for v in PERSOON_VELDEN if data.get(f"persoon-{p.pk}-{v}")]
        if velden:
            selectie["personen"][str(p.pk)] = velden
    for s in signalen:
        velden = [v for v in document.signaal_velden(s) if data.get(f"signaal-{s.pk}-{v}")]
        if data.get(f"signaal-{s.pk}-{document.MELDER_VELD}") and document.MELDER_VELD not in velden:
            velden.append(document.MELDER_VELD)  # refused by the service with its message
        if velden:
            selectie["signalen"][str(s.pk)] = velden
        selectie["bijlagen"] += [b.pk for b in s.bijlagen.all() if data.get(f"bijlage-{b.pk}")]
    return selectie


def _ketenpartner_valideren(
    *,
    partner: Ketenpartner | None,
    code: str,
    naam: str,
    contact_email: str,
    grondslagen: list[Grondslag],
    max_markering: str,
    actief: bool,
) -> None:
    errors: dict[str, str] = {}
    if not (naam or "").strip():
        errors["naam"] = "Vul de naam van de ketenpartner in."
    if partner is None:
        if not code:
            errors["code"] = "Kies een korte code, bijvoorbeeld politie."
        elif Ketenpartner.objects.filter(code=code).exists():
            errors["code"] = f"Er is al een ketenpartner met de code {code}."
    if actief and not list(grondslagen):
        errors["grondslagen"] = "Kies minstens één grondslag: zonder grondslag kan niets naar deze partner."
    if actief and not (contact_email or "").strip():
        errors["contact_email"] = "Een actieve partner heeft een e-mailadres nodig voor de kennisgeving."
    if max_markering not in Markering.values:
        errors["max_markering"] = "Kies de ruimste markering die deze partner mag ontvangen."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def ketenpartner_create(
    *,
    actor: User,
    code: str,
    naam: str,
    contact_naam: str,
    contact_email: str,
    contact_telefoon: str,
    grondslagen: Iterable[Grondslag],
    max_markering: str,
    actief: bool,
) -> Ketenpartner:
    """A new partner organisation the meldpunt may refer to (the beheerder's choice of bases and marking)."""
    decision = require(actor, "ketenpartner.beheren")
    grondslagen = list(grondslagen)
    _ketenpartner_valideren(
        partner=None,
        code=code,
        naam=naam,
        contact_email=contact_email,
        grondslagen=grondslagen,
        max_markering=max_markering,
        actief=actief,
    )
    partner = Ketenpartner.objects.create(
        code=code,
        naam=naam.strip(),
        contact_naam=contact_naam.strip(),
        contact_email=contact_email.strip(),
        contact_telefoon=contact_telefoon.strip(),
        max_markering=max_markering,
        actief=actief,
    )
    partner.grondslagen.set(grondslagen)
    log_access(
        actor=actor,
        decision=decision,
        actie=Action.CREATE,
        object_type="ketenpartner",
        object_id=partner.code,
        toelichting=partner.naam,
    )
    return partner


@transaction.atomic
def ketenpartner_update(
    *,
    actor: User,
    partner: Ketenpartner,
    versie: int,
    naam: str,
    contact_naam: str,
    contact_email: str,
    contact_telefoon: str,
    grondslagen: Iterable[Grondslag],
    max_markering: str,
    actief: bool,
) -> Ketenpartner:
    """Change a partner; the code stays (casus decisions and the register name the partner by it).

    Raises ConflictError when someone else saved the partner since `versie` was read.
    """
    decision = require(actor, "ketenpartner.beheren")
    grondslagen = list(grondslagen)
    _ketenpartner_valideren(
        partner=partner,
        code=partner.code,
        naam=naam,
        contact_email=contact_email,
        grondslagen=grondslagen,
        max_markering=max_markering,
        actief=actief,
    )
    oud = {
        "grondslagen": sorted(partner.grondslagen.values_list("code", flat=True)),
        "max_markering": partner.max_markering,
        "actief": partner.actief,
    }
    if not Ketenpartner.objects.filter(pk=partner.pk, versie=versie).update(
        naam=naam.strip(),
        contact_naam=contact_naam.strip(),
        contact_email=contact_email.strip(),
        contact_telefoon=contact_telefoon.strip(),
        max_markering=max_markering,
        actief=actief,
        versie=versie + 1,
    ):
        raise ConflictError
    partner.refresh_from_db()
    partner.grondslagen.set(grondslagen)
    nieuw = {
        "grondslagen": sorted(g.code for g in grondslagen),
        "max_markering": max_markering,
        "actief": actief,
    }
    gewijzigd = [f"{k}: {oud[k]} → {nieuw[k]}" for k in oud if oud[k] != nieuw[k]]
    log_access(
        actor=actor,
        decision=decision,
        actie=Action.UPDATE,
        object_type="ketenpartner",
        object_id=partner.code,
        toelichting=("; ".join(gewijzigd) or "contactgegevens")[:300],
    )
    return partner
