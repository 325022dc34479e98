"""Signal write operations: report, draft, add information, triage with terugkoppeling, reminders.

Every function checks its permission with the access point, changes the data in one
transaction, and writes its audit entries itself (one per betrokkene).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from schakelpunt.access.decorators import require
from schakelpunt.access.policy import decide
from schakelpunt.accounts.roles import Rol as GebruikersRol
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.errors import ConflictError, DomainError
from schakelpunt.notificaties.services import notificatie_send
from schakelpunt.signalen import validators
from schakelpunt.signalen.constants import (
    PERSOONSRELATIES,
    AfsluitReden,
    Onderbuikgevoel,
    RelatieSoort,
    Soort,
    Status,
    TriageActie,
)
from schakelpunt.signalen.hertellen import hertellen
from schakelpunt.signalen.inzage import signaal_inzage_verlenen
from schakelpunt.signalen.models import (
    Aanvulling,
    Betrokkene,
    BetrokkeneRelatie,
    Bijlage,
    Concept,
    IdempotencyKey,
    Signaal,
    Terugkoppeling,
    TriageStap,
)
from schakelpunt.signalen.workflow import NA_ANTWOORD, TRIAGE_NAAR_STATUS, check_transition, termijn_grens
from schakelpunt.taxonomie.models import Fenomeen, Indicator
from schakelpunt.taxonomie.seed_data import TERUGKOPPELING_SJABLONEN

# Called with each new signal inside its transaction. The subject register hooks in here to
# resolve every Betrokkene to a Persoon/Adres; the signal itself never depends on it.
NA_REGISTRATIE: list[Callable[[Signaal], Any]] = []

PERSOON_VELDEN = ("voornamen", "voorvoegsel", "geslachtsnaam", "geboortejaar", "geboortemaand", "geboortedag", "bsn")
ADRES_VELDEN = ("straat", "huisnummer", "huisletter", "toevoeging", "postcode", "woonplaats")
BETROKKENE_VELDEN = (
    "rol",
    "soort",
    *PERSOON_VELDEN,
    "geboortedatum_geschat",
    *ADRES_VELDEN,
    "land",
    "organisatienaam",
    "kvk_nummer",
    "kenteken",
    "telefoonnummer",
    "toelichting",
)


def aandachtsfunctionarissen():
    return get_user_model().objects.filter(rollen__rol=GebruikersRol.AANDACHTSFUNCTIONARIS, is_active=True)


def _detail_url(signaal: Signaal) -> str:
    return reverse("signalen:detail", kwargs={"pk": signaal.pk})


def sjabloon(actie: str, afsluitreden: str = "") -> str:
    """The default terugkoppeling for a triage action; the aandachtsfunctionaris may edit it."""
    if actie == TriageActie.AFSLUITEN:
        return TERUGKOPPELING_SJABLONEN.get(f"afgesloten_{afsluitreden}", "")
    key = {TriageActie.OPSCHALEN: "opgeschaald"}.get(actie, actie)
    return TERUGKOPPELING_SJABLONEN.get(key, "")


# --- Betrokkenen ---------------------------------------------------------------------------


def _blank(value) -> bool:
    return value is None or value == "" or value is False


def betrokkene_clean(data: dict) -> dict:
    """Normalise and check one betrokkene; raises ValidationError naming each wrong field."""
    data = {k: data.get(k) for k in BETROKKENE_VELDEN if k in data}
    for key, value in list(data.items()):
        if isinstance(value, str):
            data[key] = value.strip()
    errors: dict[str, list[str]] = {}

    def check(field: str, fn, *args):
        try:
            data[field] = fn(data.get(field) or "", *args)
        except ValidationError as exc:
            errors.setdefault(field, []).extend(exc.messages)

    check("bsn", validators.clean_bsn)
    check("postcode", validators.clean_postcode, data.get("land") or "")
    check("kvk_nummer", validators.clean_kvk)
    check("kenteken", validators.clean_kenteken)
    check("telefoonnummer", validators.clean_telefoon)
    try:
        validators.clean_geboortedatum(data.get("geboortejaar"), data.get("geboortemaand"), data.get("geboortedag"))
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if validators.is_nederland(data.get("land")) and data.get("postcode") and not data.get("huisnummer"):
        errors.setdefault("huisnummer", []).append("Vul bij een postcode ook het huisnummer in.")
    huisletter = data.get("huisletter") or ""
    if huisletter and not (len(huisletter) == 1 and huisletter.isalpha()):
        errors.setdefault("huisletter", []).append("Een huisletter is één letter.")
    else:
        data["huisletter"] = huisletter.upper()
    if errors:
        raise ValidationError(errors)
    if not data.get("soort"):
        data["soort"] = _soort(data)
    data["land"] = data.get("land") or "Nederland"
    return data


def _soort(data: dict) -> str:
    if any(not _blank(data.get(f)) for f in PERSOON_VELDEN):
        return Soort.PERSOON
    if data.get("organisatienaam") or data.get("kvk_nummer"):
        return Soort.ORGANISATIE
    if data.get("kenteken"):
        return Soort.VOERTUIG
    if data.get("telefoonnummer") and not any(data.get(f) for f in ADRES_VELDEN):
        return Soort.TELEFOON
    return Soort.ADRES


def betrokkene_is_leeg(data: dict) -> bool:
    return all(_blank(data.get(f)) for f in BETROKKENE_VELDEN if f not in ("rol", "soort", "land"))


def relaties_clean(relaties: Iterable[tuple[int, str, int]], betrokkenen: list[dict]) -> list[tuple[int, str, int]]:
    """Check the relations the melder stated: (van, soort, naar) as positions in `betrokkenen`."""
    cleaned = []
    for van, soort, naar in relaties:
        if soort not in RelatieSoort.values:
            raise ValidationError({"relaties": "Kies een bestaande soort relatie."})
        if not (0 <= van < len(betrokkenen) and 0 <= naar < len(betrokkenen)) or van == naar:
            raise ValidationError(
                {"relaties": "Een relatie loopt tussen twee verschillende betrokkenen die je invulde."}
            )
        soorten = {betrokkenen[van].get("soort"), betrokkenen[naar].get("soort")}
        if soort in PERSOONSRELATIES and soorten != {Soort.PERSOON}:
            label = RelatieSoort(soort).label
            raise ValidationError({"relaties": f"'{label}' kan alleen tussen twee personen."})
        if (van, soort, naar) not in cleaned:
            cleaned.append((van, soort, naar))
    return cleaned


# --- Report ---------------------------------------------------------------------------------


def _check_tekst(field: str, tekst: str) -> None:
    if len(tekst or "") > settings.SIGNAAL_OMSCHRIJVING_MAX:
        raise ValidationError({field: f"Hoogstens {settings.SIGNAAL_OMSCHRIJVING_MAX} tekens."})


def _check_bijlagen_aantal(bijlagen: list) -> None:
    if len(bijlagen) > settings.SIGNAAL_BIJLAGEN_MAX:
        raise ValidationError({"bijlagen": f"Voeg hoogstens {settings.SIGNAAL_BIJLAGEN_MAX} bijlagen toe."})


def _check_taxonomie(indicatoren: Iterable[Indicator], fenomenen: Iterable[Fenomeen]) -> None:
    inactive = [i.naam for i in [*indicatoren, *fenomenen] if not i.actief]
    if inactive:
        raise ValidationError({"indicatoren": f"Niet meer in gebruik: {', '.join(inactive)}."})


def signaal_create(
    *,
    actor,
    omschrijving: str,
    indicatoren: Iterable[Indicator] = (),
    fenomenen: Iterable[Fenomeen] = (),
    waargenomen_op: datetime.date | None = None,
    locatie: str = "",
    onderbuikgevoel: int = Onderbuikgevoel.DUIDELIJK,
    acuut_gevaar: bool = False,
    minderjarigen_betrokken: bool = False,
    bron: str = "eigen_waarneming",
    identiteit_delen: bool = False,
    betrokkenen: Iterable[dict] = (),
    bijlagen: Iterable = (),
    relaties: Iterable[tuple[int, str, int]] = (),
) -> Signaal:
    """Register a new signal from `actor`; an acute one alerts every aandachtsfunctionaris at once.

    `relaties` are (van, soort, naar) with van and naar positions in `betrokkenen`, e.g.
    (1, "ouder", 0): the second betrokkene is a parent of the first.
    """
    decision = require(actor, "signaal.report")
    indicatoren, fenomenen = list(indicatoren), list(fenomenen)
    if not (omschrijving or "").strip():
        raise ValidationError({"omschrijving": "Beschrijf wat je hebt gezien."})
    _check_tekst("omschrijving", omschrijving)
    betrokkenen = list(betrokkenen)  # positions matter: relations refer to them
    aantal = sum(1 for b in betrokkenen if not betrokkene_is_leeg(b))
    if aantal > settings.SIGNAAL_BETROKKENEN_MAX:
        limit = settings.SIGNAAL_BETROKKENEN_MAX
        raise ValidationError({"betrokkenen": f"Hoogstens {limit} betrokkenen per signaal; je gaf er {aantal}."})
    bijlagen = list(bijlagen)
    _check_bijlagen_aantal(bijlagen)
    _check_taxonomie(indicatoren, fenomenen)
    if waargenomen_op and waargenomen_op > timezone.localdate():
        raise ValidationError({"waargenomen_op": "Deze datum ligt in de toekomst."})
    betrokkenen, relaties = list(betrokkenen), list(relaties)
    positie = {}  # position in `betrokkenen` -> position among the non-empty ones
    for i, b in enumerate(betrokkenen):
        if not betrokkene_is_leeg(b):
            positie[i] = len(positie)
    cleaned = [betrokkene_clean(b) for b in betrokkenen if not betrokkene_is_leeg(b)]
    if any(van not in positie or naar not in positie for van, _soort, naar in relaties):
        raise ValidationError({"relaties": "Een relatie verwijst naar een betrokkene die leeg is."})
    relaties = relaties_clean([(positie[van], soort, positie[naar]) for van, soort, naar in relaties], cleaned)
    files = [(f, validators.clean_bijlage(f)) for f in bijlagen]
    with transaction.atomic():
        signaal = Signaal(
            melder=actor,
            afdeling_id=actor.afdeling_id,
            omschrijving=omschrijving.strip(),
            waargenomen_op=waargenomen_op,
            locatie=locatie,
            onderbuikgevoel=onderbuikgevoel,
            acuut_gevaar=acuut_gevaar,
            minderjarigen_betrokken=minderjarigen_betrokken,
            bron=bron,
            identiteit_delen=identiteit_delen,
        )
        signaal.prioriteit = signaal.bereken_prioriteit()
        signaal.save()
        if indicatoren:
            signaal.indicatoren.set(indicatoren)
        if fenomenen:
            signaal.fenomenen.set(fenomenen)
        rows = Betrokkene.objects.bulk_create([Betrokkene(signaal=signaal, **data) for data in cleaned])
        BetrokkeneRelatie.objects.bulk_create(
            [
                BetrokkeneRelatie(signaal=signaal, van=rows[van], soort=soort, naar=rows[naar])
                for van, soort, naar in relaties
            ]
        )
        for uploaded, content_type in files:
            _bijlage_save(signaal=signaal, actor=actor, uploaded=uploaded, content_type=content_type)
        Terugkoppeling.objects.create(signaal=signaal, tekst=TERUGKOPPELING_SJABLONEN["ontvangen"])
        concept_delete(actor=actor)
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.CREATE,
            object_type="signaal",
            object_id=signaal.pk,
            betrokkenen=[b.log_key for b in rows],
        )
        for hook in NA_REGISTRATIE:
            hook(signaal)
        if acuut_gevaar:
            notificatie_send(
                ontvangers=aandachtsfunctionarissen(),
                onderwerp=f"Acuut signaal {signaal.nummer}",
                tekst="Er is een signaal met acuut gevaar gemeld. Bekijk het direct in de inbox van het meldpunt.",
                url=_detail_url(signaal),
            )
    return signaal


class IdempotencyKeyReused(DomainError):
    """The same Idempotency-Key came with another request body than the first time.

    422, as the IETF draft "The Idempotency-Key HTTP Header Field" asks: the request is well
    formed, but the key promises a repeat of a request it is not. The client must use a new key.
    """

    status = 422
    title = "Idempotency-Key al gebruikt"
    problem_type = "urn:schakelpunt:problem:idempotency-key-reused"

    def __init__(self) -> None:
        super().__init__(
            "Deze Idempotency-Key is al gebruikt voor een verzoek met een andere inhoud. "
            "Gebruik een nieuwe sleutel voor een nieuw signaal."
        )


def signaal_create_idempotent(*, actor, key: str, request_hash: str, **kwargs) -> tuple[Signaal, bool]:
    """`signaal_create`, but a repeated `key` from the same user returns the first signal.

    Returns the signal and whether it was created now. Reusing a key for a different request
    raises `IdempotencyKeyReused`.
    """
    existing = IdempotencyKey.objects.select_related("signaal").filter(user=actor, key=key).first()
    if existing is None:
        try:
            with transaction.atomic():
                signaal = signaal_create(actor=actor, **kwargs)
                IdempotencyKey.objects.create(user=actor, key=key, request_hash=request_hash, signaal=signaal)
            return signaal, True
        except IntegrityError:
            # A concurrent retry won the race; fall through and return its signal.
            existing = IdempotencyKey.objects.select_related("signaal").get(user=actor, key=key)
    if existing.request_hash != request_hash:
        raise IdempotencyKeyReused()
    return existing.signaal, False


def _bijlage_save(*, signaal: Signaal, actor, uploaded, content_type: str) -> Bijlage:
    bijlage = Bijlage(
        signaal=signaal,
        oorspronkelijke_naam=uploaded.name[:200],
        content_type=content_type,
        grootte=uploaded.size,
        toegevoegd_door=actor,
    )
    bijlage.bestand.save(uploaded.name, uploaded, save=False)
    bijlage.save()
    return bijlage


# --- Draft ----------------------------------------------------------------------------------


def concept_save(*, actor, data: dict) -> Concept:
    """Keep what the melder typed so far. Not audit-logged: it is the author's own unfinished text."""
    require(actor, "signaal.report")
    concept, _created = Concept.objects.update_or_create(user=actor, defaults={"data": data})
    return concept


def concept_get(*, actor) -> Concept | None:
    return Concept.objects.filter(user=actor).first()


def concept_delete(*, actor) -> None:
    Concept.objects.filter(user=actor).delete()


# --- Adding information ---------------------------------------------------------------------


def signaal_aanvullen(*, actor, signaal: Signaal, tekst: str, bijlagen: Iterable = ()) -> Aanvulling:
    """The melder adds information later; an answer to a question puts the signal back with the meldpunt."""
    decision = require(actor, "signaal.aanvullen", signaal, object_type="signaal")
    if not (tekst or "").strip():
        raise ValidationError({"tekst": "Vul in wat je wilt toevoegen."})
    _check_tekst("tekst", tekst)
    bijlagen = list(bijlagen)
    _check_bijlagen_aantal(bijlagen)
    files = [(f, validators.clean_bijlage(f)) for f in bijlagen]
    with transaction.atomic():
        locked = Signaal.objects.select_for_update().get(pk=signaal.pk)
        is_antwoord = locked.status == Status.MEER_INFORMATIE and locked.melder_id == actor.pk
        aanvulling = Aanvulling.objects.create(signaal=locked, tekst=tekst.strip(), door=actor, is_antwoord=is_antwoord)
        for uploaded, content_type in files:
            _bijlage_save(signaal=locked, actor=actor, uploaded=uploaded, content_type=content_type)
        naar = NA_ANTWOORD.get(locked.status) if is_antwoord else None
        if naar:
            check_transition(locked.status, naar)
            locked.status = naar
            locked.versie += 1
            locked.save(update_fields=["status", "versie", "gewijzigd_op"])
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.UPDATE,
            object_type="signaal",
            object_id=locked.pk,
            betrokkenen=Betrokkene.log_keys(locked.pk),
            toelichting="aanvulling",
        )
        if locked.melder_id == actor.pk:
            asker = (
                locked.triagestappen.filter(actie=TriageActie.MEER_INFORMATIE)
                .select_related("door")
                .order_by("-tijdstip")
                .first()
            )
            recipients = [asker.door] if asker else list(aandachtsfunctionarissen())
            notificatie_send(
                ontvangers=recipients,
                onderwerp=f"{'Antwoord' if is_antwoord else 'Aanvulling'} op signaal {locked.nummer}",
                tekst="De melder heeft informatie toegevoegd.",
                url=_detail_url(locked),
                mail=is_antwoord,
            )
    signaal.refresh_from_db()
    return aanvulling


# --- Triage ---------------------------------------------------------------------------------


def collega_keuzes():
    """Who can be alerted when a signal is escalated: the meldpunt and the case directors."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            rollen__rol__in=[GebruikersRol.AANDACHTSFUNCTIONARIS, GebruikersRol.CASUSREGISSEUR],
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def signaal_triage(
    *,
    actor,
    signaal: Signaal,
    actie: str,
    rationale: str,
    terugkoppeling: str,
    vraag: str = "",
    afsluitreden: str = "",
    collegas: Iterable = (),
    versie: int | None = None,
) -> TriageStap:
    """One triage step by the aandachtsfunctionaris, with its rationale and a message to the melder."""
    decision = require(actor, "signaal.triage", signaal, object_type="signaal")
    errors = {}
    if actie not in TRIAGE_NAAR_STATUS:
        errors["actie"] = "Kies wat je met het signaal doet."
    if not (rationale or "").strip():
        errors["rationale"] = "Leg kort uit waarom; dit wordt bewaard."
    if not (terugkoppeling or "").strip():
        errors["terugkoppeling"] = "Schrijf een bericht aan de melder."
    if actie == TriageActie.MEER_INFORMATIE and not (vraag or "").strip():
        errors["vraag"] = "Schrijf de vraag aan de melder."
    if actie == TriageActie.AFSLUITEN and afsluitreden not in AfsluitReden.values:
        errors["afsluitreden"] = "Kies een reden om af te sluiten."
    collegas = list(collegas) if actie == TriageActie.OPSCHALEN else []
    if collegas and not {c.pk for c in collegas} <= set(collega_keuzes().values_list("pk", flat=True)):
        errors["collegas"] = "Kies collega's van het meldpunt of casusregisseurs."
    if errors:
        raise ValidationError(errors)
    naar = TRIAGE_NAAR_STATUS[actie]
    with transaction.atomic():
        locked = Signaal.objects.select_for_update().get(pk=signaal.pk)
        if versie is not None and locked.versie != versie:
            raise ConflictError(
                "Iemand anders heeft dit signaal intussen gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw."
            )
        try:
            check_transition(locked.status, naar)
        except ValueError as exc:
            raise ValidationError({"actie": str(exc)}) from None
        # Counts derived from signals (inzicht) follow the first triage and terugkoppeling.
        with hertellen([locked.pk]):
            stap = TriageStap.objects.create(
                signaal=locked,
                actie=actie,
                rationale=rationale.strip(),
                van_status=locked.status,
                naar_status=naar,
                vraag=vraag.strip() if actie == TriageActie.MEER_INFORMATIE else "",
                afsluitreden=afsluitreden if actie == TriageActie.AFSLUITEN else "",
                door=actor,
            )
            if collegas:
                stap.genotificeerd.set(collegas)
                # Who is asked to act must be able to read what they act on: a grant, logged, revocable.
                for collega in collegas:
                    if not decide(collega, "signaal.view", locked):
                        signaal_inzage_verlenen(actor=actor, signaal=locked, collega=collega, triagestap=stap)
            locked.status = naar
            locked.is_open = naar != Status.AFGESLOTEN
            if actie == TriageActie.OPSCHALEN:
                locked.urgent = True
            if actie == TriageActie.AFSLUITEN:
                locked.afgesloten_op = timezone.now()
                locked.afsluitreden = afsluitreden
            locked.prioriteit = locked.bereken_prioriteit()
            locked.versie += 1
            locked.save()
            Terugkoppeling.objects.create(signaal=locked, triagestap=stap, tekst=terugkoppeling.strip(), door=actor)
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.UPDATE,
            object_type="signaal",
            object_id=locked.pk,
            betrokkenen=Betrokkene.log_keys(locked.pk),
            toelichting=f"triage: {actie}",
        )
        notificatie_send(
            ontvangers=[locked.melder],
            onderwerp=f"Nieuws over je signaal {locked.nummer}",
            tekst="Het meldpunt heeft je een bericht gestuurd."
            + (" Er is een vraag voor je." if actie == TriageActie.MEER_INFORMATIE else ""),
            url=_detail_url(locked),
        )
        if collegas:
            notificatie_send(
                ontvangers=collegas,
                onderwerp=f"Signaal {locked.nummer} is opgeschaald",
                tekst=f"{actor.display_name()} heeft een signaal opgeschaald en vraagt je direct om aandacht. "
                "Je kunt het signaal nu lezen; neem voor overleg contact op met het meldpunt.",
                url=_detail_url(locked),
            )
    signaal.refresh_from_db()
    return stap


# --- Reminders ------------------------------------------------------------------------------


def herinneringen_versturen(*, now: datetime.datetime | None = None) -> int:
    """Remind every aandachtsfunctionaris of signals waiting longer than the term (system action).

    Each signal is reminded at most once a day; returns how many signals were in the reminder.
    """
    now = now or timezone.now()
    wachtend = Signaal.objects.filter(status=Status.NIEUW, ontvangen_op__lt=termijn_grens(now)).exclude(
        herinnerd_op__gt=now - datetime.timedelta(days=1)
    )
    with transaction.atomic():
        rows = list(wachtend.select_for_update().order_by("ontvangen_op").only("pk"))
        if not rows:
            return 0
        ids = [s.pk for s in rows]
        Signaal.objects.filter(pk__in=ids).update(herinnerd_op=now)
        nummers = ", ".join(s.nummer for s in rows[:20]) + (" ..." if len(rows) > 20 else "")
        notificatie_send(
            ontvangers=aandachtsfunctionarissen(),
            onderwerp=f"{len(ids)} signaal/signalen wacht(en) langer dan de termijn",
            tekst=f"Deze signalen wachten langer dan de termijn op een eerste beoordeling: {nummers}.",
            url=reverse("signalen:inbox") + "?status=nieuw",
        )
    return len(ids)
