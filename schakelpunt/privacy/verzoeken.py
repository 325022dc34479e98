"""Writes for data-subject requests (AVG art. 15, 16, 18): register, extend, withhold items, handle.

The request is tracked against its legal deadline (see models.Verzoek). A rectification is
recorded here after the correction was made in the register, and creates one AVG art. 19 task
per recipient through the doormeldingen service. Every write is logged under the person's key.
"""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from schakelpunt.access.decorators import require
from schakelpunt.accounts.models import User
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.errors import ConflictError
from schakelpunt.privacy.models import Inhouding, Verzoek

BEHEREN = "privacy.verzoek.beheren"
# What an inhouding can name: one item of the inzage report (see inzage.py).
ITEM = re.compile(r"^(persoon|signaal|casus|verstrekking|log):\d{1,18}$")


def persoon_keys(verzoek: Verzoek) -> list[str]:
    """The log keys of every record that is the same person (merges), the request's own key first."""
    from schakelpunt.audit.personen import identiteit

    if verzoek.persoon_id is None:
        return [verzoek.persoon_key]
    return list(
        dict.fromkeys([verzoek.persoon_key] + [f"persoon:{pk}" for pk in sorted(identiteit(verzoek.persoon_id))])
    )


def _log(actor: User, decision, verzoek: Verzoek, actie: str, toelichting: str = "") -> None:
    log_access(
        actor=actor,
        decision=decision,
        actie=actie,
        object_type="verzoek",
        object_id=verzoek.pk,
        betrokkenen=[verzoek.persoon_key],
        toelichting=toelichting,
    )


def _bijwerken(verzoek: Verzoek, versie: int, **velden) -> None:
    if not Verzoek.objects.filter(pk=verzoek.pk, versie=versie).update(versie=versie + 1, **velden):
        raise ConflictError
    verzoek.refresh_from_db()


@transaction.atomic
def verzoek_create(
    *, actor: User, soort: str, persoon, ontvangen_op: datetime.date | None, omschrijving: str
) -> Verzoek:
    decision = require(actor, BEHEREN)
    errors = {}
    if soort not in Verzoek.Soort.values:
        errors["soort"] = "Kies de soort verzoek."
    if persoon is None:
        errors["persoonsnummer"] = "Kies de persoon om wie het verzoek gaat."
    if ontvangen_op is None or ontvangen_op > timezone.localdate():
        errors["ontvangen_op"] = "Vul de datum van ontvangst in; die ligt niet in de toekomst."
    if not (omschrijving or "").strip():
        errors["omschrijving"] = "Beschrijf het verzoek."
    if errors or ontvangen_op is None:
        raise ValidationError(errors)
    verzoek = Verzoek.objects.create(
        soort=soort,
        persoon=persoon,
        persoon_key=persoon.log_key,
        ontvangen_op=ontvangen_op,
        omschrijving=omschrijving.strip(),
        door=actor,
    )
    _log(actor, decision, verzoek, Action.CREATE, verzoek.get_soort_display())
    return verzoek


@transaction.atomic
def verzoek_verlengen(*, actor: User, verzoek: Verzoek, versie: int, reden: str) -> Verzoek:
    """Extend the deadline by two months (AVG art. 12(3)): once, with a reason told to the person."""
    decision = require(actor, BEHEREN)
    if verzoek.verlengd:
        raise ValidationError({"reden": "Dit verzoek is al verlengd; verder verlengen mag niet."})
    if verzoek.status != Verzoek.Status.OPEN:
        raise ValidationError({"reden": "Dit verzoek is al afgehandeld."})
    if not (reden or "").strip():
        raise ValidationError({"reden": "Geef de reden van de verlenging (die krijgt de betrokkene ook)."})
    _bijwerken(verzoek, versie, verlengd=True, reden_verlenging=reden.strip())
    _log(actor, decision, verzoek, Action.UPDATE, "termijn verlengd met twee maanden")
    return verzoek


@transaction.atomic
def verzoek_namen_tonen(*, actor: User, verzoek: Verzoek, versie: int, tonen: bool, reden: str) -> Verzoek:
    """Whether staff names appear in the inzage report (only where essential: Pankki S, C-579/21)."""
    decision = require(actor, BEHEREN)
    if tonen and not (reden or "").strip():
        raise ValidationError({"reden_namen": "Leg uit waarom de namen van medewerkers essentieel zijn."})
    _bijwerken(verzoek, versie, namen_tonen=tonen, reden_namen=reden.strip() if tonen else "")
    _log(actor, decision, verzoek, Action.UPDATE, "namen tonen" if tonen else "namen niet tonen")
    return verzoek


@transaction.atomic
def inhouding_create(
    *, actor: User, verzoek: Verzoek, item: str, reden: str, beoordelen_op: datetime.date | None
) -> Inhouding:
    """Withhold one item of the inzage report under UAVG art. 41."""
    decision = require(actor, BEHEREN)
    if not ITEM.match(item or ""):
        raise ValidationError({"reden": "Dit item staat niet in het rapport."})
    errors = {}
    if not (reden or "").strip():
        errors["reden"] = "Geef de grond uit UAVG art. 41 en waarom die hier geldt."
    if beoordelen_op is None or beoordelen_op <= timezone.localdate():
        errors["beoordelen_op"] = "Kies een datum in de toekomst waarop je de inhouding opnieuw beoordeelt."
    if errors or beoordelen_op is None:
        raise ValidationError(errors)
    inhouding, _created = Inhouding.objects.update_or_create(
        verzoek=verzoek, item=item, defaults={"reden": reden.strip(), "beoordelen_op": beoordelen_op, "door": actor}
    )
    _log(actor, decision, verzoek, Action.UPDATE, f"ingehouden: {item}")
    return inhouding


@transaction.atomic
def inhouding_opheffen(*, actor: User, inhouding: Inhouding) -> None:
    decision = require(actor, BEHEREN)
    verzoek = inhouding.verzoek
    Inhouding.objects.filter(pk=inhouding.pk).delete()
    _log(actor, decision, verzoek, Action.UPDATE, f"niet langer ingehouden: {inhouding.item}")


@transaction.atomic
def verzoek_afhandelen(*, actor: User, verzoek: Verzoek, versie: int, uitkomst: str, toekennen: bool = False) -> list:
    """Close the request with its outcome. Returns the AVG art. 19 tasks a rectification created.

    Rectificatie: the outcome says what was corrected; every recipient the person's data was
    disclosed to gets a task (doormeldingen.services.herstelmeldingen_aanmaken).
    Beperking: granted (`toekennen`), the person's data is kept and not destroyed until lifted.
    """
    decision = require(actor, BEHEREN)
    if verzoek.status != Verzoek.Status.OPEN:
        raise ValidationError({"uitkomst": "Dit verzoek is al afgehandeld."})
    if not (uitkomst or "").strip():
        raise ValidationError({"uitkomst": "Beschrijf de uitkomst (wat je hebt gedaan of waarom niet)."})
    taken: list = []
    if verzoek.soort == Verzoek.Soort.RECTIFICATIE:
        from schakelpunt.doormeldingen.services import herstelmeldingen_aanmaken

        for key in persoon_keys(verzoek):
            taken += herstelmeldingen_aanmaken(actor=actor, persoon_key=key, reden=f"Rectificatie: {uitkomst.strip()}")
    _bijwerken(
        verzoek,
        versie,
        status=Verzoek.Status.AFGEHANDELD,
        uitkomst=uitkomst.strip(),
        afgehandeld_op=timezone.now(),
        beperking_actief=verzoek.soort == Verzoek.Soort.BEPERKING and toekennen,
    )
    toelichting = "afgehandeld"
    if verzoek.soort == Verzoek.Soort.RECTIFICATIE:
        toelichting += f"; {len(taken)} ontvanger(s) te informeren (AVG art. 19)"
    if verzoek.beperking_actief:
        toelichting += "; verwerking beperkt"
    _log(actor, decision, verzoek, Action.UPDATE, toelichting)
    return taken


@transaction.atomic
def beperking_opheffen(*, actor: User, verzoek: Verzoek) -> None:
    decision = require(actor, BEHEREN)
    Verzoek.objects.filter(pk=verzoek.pk).update(beperking_actief=False, versie=verzoek.versie + 1)
    _log(actor, decision, verzoek, Action.UPDATE, "beperking opgeheven")
