"""Adviesvraag write operations: ask, answer, read the answer, turn into a signal.

No person is registered and no matching runs for a question: it has no betrokkenen. Only
when the melder turns it into a signal (and adds the betrokkenen there) does the register see it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from schakelpunt.access.decorators import require
from schakelpunt.adviesvragen.models import Adviesvraag
from schakelpunt.adviesvragen.validators import clean_zonder_namen
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.notificaties.services import notificatie_send
from schakelpunt.signalen import services as signalen_services
from schakelpunt.taxonomie.models import Fenomeen

S = Adviesvraag.Status


def _url(adviesvraag: Adviesvraag) -> str:
    return reverse("adviesvragen:detail", kwargs={"pk": adviesvraag.pk})


def adviesvraag_stellen(*, actor, situatie: str, vraag: str = "", fenomeen: Fenomeen | None = None) -> Adviesvraag:
    """A melder asks the meldpunt how to read a situation; the meldpunt is told at once."""
    decision = require(actor, "adviesvraag.stellen", object_type="adviesvraag")
    errors = {}
    if not (situatie or "").strip():
        errors["situatie"] = "Beschrijf wat je ziet, zonder namen."
    for veld, tekst in (("situatie", situatie), ("vraag", vraag)):
        if veld in errors:
            continue
        try:
            clean_zonder_namen(tekst, veld)
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if fenomeen is not None and not fenomeen.actief:
        errors["fenomeen"] = "Dit fenomeen is niet meer in gebruik."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        adviesvraag = Adviesvraag.objects.create(
            melder=actor,
            afdeling_id=actor.afdeling_id,
            situatie=situatie.strip(),
            vraag=(vraag or "").strip(),
            fenomeen=fenomeen,
        )
        log_access(
            actor=actor, decision=decision, actie=Action.CREATE, object_type="adviesvraag", object_id=adviesvraag.pk
        )
        notificatie_send(
            ontvangers=signalen_services.aandachtsfunctionarissen(),
            onderwerp=f"Adviesvraag {adviesvraag.nummer}",
            tekst="Een collega vraagt het meldpunt om advies over een situatie (zonder namen).",
            url=_url(adviesvraag),
        )
    return adviesvraag


def adviesvraag_beantwoorden(
    *, actor, adviesvraag: Adviesvraag, antwoord: str, wegwijzer: Fenomeen | None = None
) -> Adviesvraag:
    """The aandachtsfunctionaris answers; the answer arrives with the melder (notice and "mijn signalen")."""
    decision = require(actor, "adviesvraag.beantwoorden", adviesvraag, object_type="adviesvraag")
    if not (antwoord or "").strip():
        raise ValidationError({"antwoord": "Schrijf je antwoord aan de collega."})
    with transaction.atomic():
        locked = Adviesvraag.objects.select_for_update().get(pk=adviesvraag.pk)
        if locked.beantwoord_op is not None:
            naam = locked.beantwoord_door.display_name() if locked.beantwoord_door else "iemand anders"
            raise ValidationError(
                {"antwoord": f"Deze vraag is intussen beantwoord door {naam}. Je tekst staat hieronder nog."}
            )
        locked.antwoord = antwoord.strip()
        locked.wegwijzer = wegwijzer
        if locked.status == S.OPEN:
            locked.status = S.BEANTWOORD
        locked.beantwoord_door = actor
        locked.beantwoord_op = timezone.now()
        locked.save()
        log_access(actor=actor, decision=decision, actie=Action.UPDATE, object_type="adviesvraag", object_id=locked.pk)
        notificatie_send(
            ontvangers=[locked.melder],
            onderwerp=f"Antwoord op je adviesvraag {locked.nummer}",
            tekst="Het meldpunt heeft je vraag beantwoord. Je leest het antwoord bij Mijn signalen.",
            url=_url(locked),
        )
    adviesvraag.refresh_from_db()
    return adviesvraag


def adviesvraag_gelezen(*, actor, adviesvraag: Adviesvraag) -> None:
    """The melder opened the answer: it is no longer "nieuw" in their list."""
    if adviesvraag.melder_id == actor.pk and adviesvraag.ongelezen_antwoord:
        Adviesvraag.objects.filter(pk=adviesvraag.pk, gelezen_op__isnull=True).update(gelezen_op=timezone.now())


def adviesvraag_omzetten(*, actor, adviesvraag: Adviesvraag) -> None:
    """Start turning the question into a signal: the report form opens with the situation in it.

    The text goes into the melder's draft (a draft they already had keeps everything: the
    situation is put in front of what they wrote). The signal they send next is linked to
    this question by `adviesvraag_signaal_koppelen`.
    """
    decision = require(actor, "adviesvraag.omzetten", adviesvraag, object_type="adviesvraag")
    require(actor, "signaal.report")
    if adviesvraag.status == S.SIGNAAL:
        raise ValidationError({"status": "Van deze vraag is al een signaal gemaakt."})
    tekst = adviesvraag.situatie
    with transaction.atomic():
        concept = signalen_services.concept_get(actor=actor)
        data = dict(concept.data) if concept else {}
        eerder = "".join(data.get("omschrijving") or []).strip()
        if eerder and tekst not in eerder:
            tekst = f"{tekst}\n\n{eerder}"
        elif eerder:
            tekst = eerder
        data["omschrijving"] = [tekst]
        if adviesvraag.fenomeen_id and not data.get("fenomenen"):
            data["fenomenen"] = [str(adviesvraag.fenomeen_id)]
        signalen_services.concept_save(actor=actor, data=data)
        # One question at a time becomes the next signal.
        Adviesvraag.objects.filter(melder=actor, status=S.WORDT_SIGNAAL).exclude(pk=adviesvraag.pk).update(
            status=S.BEANTWOORD, omzetten_op=None
        )
        Adviesvraag.objects.filter(pk=adviesvraag.pk).update(status=S.WORDT_SIGNAAL, omzetten_op=timezone.now())
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.UPDATE,
            object_type="adviesvraag",
            object_id=adviesvraag.pk,
            toelichting="omzetten in een signaal gestart",
        )
    adviesvraag.refresh_from_db()


def adviesvraag_signaal_koppelen(signaal) -> Adviesvraag | None:
    """NA_REGISTRATIE hook: the melder's question that is becoming a signal now has one."""
    adviesvraag = (
        Adviesvraag.objects.select_for_update()
        .filter(melder_id=signaal.melder_id, status=S.WORDT_SIGNAAL)
        .order_by("-omzetten_op")
        .first()
    )
    if adviesvraag is None:
        return None
    adviesvraag.status = S.SIGNAAL
    adviesvraag.signaal = signaal
    adviesvraag.save(update_fields=["status", "signaal"])
    return adviesvraag
