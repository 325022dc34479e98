"""The access log's own retention: which sealed periods may be destroyed, and destroying them (with a report).

A period of the chain (audit.AuditPeriode) is destroyed as a whole, never record by record: the
chain can only step over a whole sealed stretch. So a period that holds even one record about a
person under a legal hold, a pending data-subject request or a granted restriction is not
destroyed at all; it stays until the hold is lifted, and the screen says why (see
docs/adr/0017). A destruction, once started (that start is signed and logged), is finished by a
rerun after an interruption, and its report (the seal: which records, how many, who, when) is
the same whether it ran once or twice.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from schakelpunt.access.decorators import require
from schakelpunt.accounts.models import User
from schakelpunt.audit import perioden
from schakelpunt.audit.models import Action, AuditPeriode, AuditRecord
from schakelpunt.audit.services import log_access
from schakelpunt.privacy.models import Bewaartermijn, Soort, Verzoek
from schakelpunt.privacy.retention import geblokkeerde_personen

PERMISSION = "audit.perioden.beheren"


@dataclass(frozen=True)
class Stand:
    """One period as the screen and the command show it."""

    periode: AuditPeriode
    verloopt_op: datetime.date | None
    blokkade: str  # why it may not be destroyed now ("" when it may)

    @property
    def vernietigbaar(self) -> bool:
        return not self.blokkade and not self.periode.vernietigd


def termijn() -> datetime.timedelta | None:
    t = Bewaartermijn.objects.filter(soort=Soort.TOEGANGSLOG).first()
    return datetime.timedelta(days=t.termijn_dagen) if t else None


def _blokkade_filter() -> Q | None:
    """Log records about a person under a hold, a pending request or a restriction (every key of that person)."""
    from schakelpunt.audit.personen import log_filter

    q = None
    for pk in sorted(geblokkeerde_personen()):
        q = log_filter(pk) if q is None else q | log_filter(pk)
    # A request may name a person only by the key the log used (the person itself may be gone).
    keys = list(
        Verzoek.objects.filter(Q(status=Verzoek.Status.OPEN) | Q(beperking_actief=True))
        .exclude(persoon_key="")
        .values_list("persoon_key", flat=True)
    )
    if keys:
        q = Q(betrokkene__in=keys) if q is None else q | Q(betrokkene__in=keys)
    return q


def stand(periode: AuditPeriode, *, nu: datetime.datetime | None = None, blokkade_q: Q | None = None) -> Stand:
    nu = nu or timezone.now()
    t = termijn()
    verloopt_op = (periode.tot + t).date() if t is not None else None
    if periode.vernietigd:
        return Stand(periode, verloopt_op, "")
    if periode.vernietiging_gestart_op is not None:
        return Stand(periode, verloopt_op, "")  # started: a rerun finishes it
    if t is None:
        return Stand(periode, None, "Er is geen bewaartermijn voor het toegangslog ingesteld.")
    if periode.tot + t > nu:
        return Stand(periode, verloopt_op, f"De bewaartermijn loopt tot {verloopt_op:%d-%m-%Y}.")
    if (
        blokkade_q is not None
        and AuditRecord.objects.filter(blokkade_q, id__gte=periode.eerste_id, id__lte=periode.laatste_id).exists()
    ):
        return Stand(
            periode,
            verloopt_op,
            "Bevat regels over een persoon met een bewaarblokkade, een lopend verzoek of een beperking; "
            "de hele periode blijft bewaard tot die is opgeheven.",
        )
    return Stand(periode, verloopt_op, "")


def perioden_stand() -> list[Stand]:
    q = _blokkade_filter()
    nu = timezone.now()
    return [stand(p, nu=nu, blokkade_q=q) for p in AuditPeriode.objects.order_by("-eerste_id")]


def periode_verzegelen(*, actor: User, tot: datetime.datetime) -> AuditPeriode | None:
    """Seal what was logged before `tot` and is not sealed yet (one period). None when there is nothing."""
    decision = require(actor, PERMISSION)
    if tot > timezone.now():
        raise ValidationError({"tot": "Verzegel alleen wat al geschreven is: kies een moment in het verleden."})
    with transaction.atomic():
        try:
            periode = perioden.seal(tot=tot, door=actor.username)
        except perioden.SealError as exc:
            raise ValidationError(f"Het toegangslog is niet intact; er is niets verzegeld ({exc}).") from exc
        if periode is not None:
            log_access(
                actor=actor,
                decision=decision,
                actie=Action.CREATE,
                object_type="toegangslogperiode",
                object_id=periode.pk,
                toelichting=f"verzegeld: records {periode.eerste_id}-{periode.laatste_id} ({periode.aantal})",
            )
    return periode


def maanden_verzegelen(*, actor: User, tot: datetime.date) -> list[AuditPeriode]:
    """Seal every complete calendar month (UTC) before `tot` that is not sealed yet, one period per month."""
    require(actor, PERMISSION)
    grens = datetime.datetime.combine(tot, datetime.time.min, tzinfo=datetime.UTC)
    vorige = AuditPeriode.objects.order_by("-laatste_id").first()
    eerste = AuditRecord.objects.filter(id__gt=vorige.laatste_id if vorige else 0).order_by("id").first()
    result: list[AuditPeriode] = []
    if eerste is None:
        return result
    maand = eerste.tijdstip.astimezone(datetime.UTC).date().replace(day=1)
    while True:
        volgende = (maand + datetime.timedelta(days=32)).replace(day=1)
        einde = datetime.datetime.combine(volgende, datetime.time.min, tzinfo=datetime.UTC)
        if einde > grens:
            break
        periode = periode_verzegelen(actor=actor, tot=einde)
        if periode is not None:
            result.append(periode)
        maand = volgende
    return result


def periode_vernietigen(*, actor: User, periode: AuditPeriode, chunk: int = 1000) -> AuditPeriode:
    """Destroy the records of one sealed period whose retention has passed; keep its seal. Rerunnable."""
    decision = require(actor, PERMISSION)
    with transaction.atomic():
        locked = AuditPeriode.objects.select_for_update().get(pk=periode.pk)
        if locked.vernietigd:
            return locked
        if locked.vernietiging_gestart_op is None:
            huidig = stand(locked, blokkade_q=_blokkade_filter())
            if huidig.blokkade:
                raise ValidationError(huidig.blokkade)
            try:
                perioden.start_destruction(locked, door=actor.username)
            except perioden.SealError as exc:
                raise ValidationError(str(exc)) from exc
            log_access(
                actor=actor,
                decision=decision,
                actie=Action.DELETE,
                object_type="toegangslogperiode",
                object_id=locked.pk,
                toelichting=f"vernietiging gestart: records {locked.eerste_id}-{locked.laatste_id} ({locked.aantal})",
            )
    while perioden.purge_chunk(locked, size=chunk):
        pass
    with transaction.atomic():
        locked = AuditPeriode.objects.select_for_update().get(pk=periode.pk)
        if locked.vernietigd:
            return locked
        if perioden.remaining(locked):
            raise ValidationError("Niet alle records van de periode zijn vernietigd; probeer opnieuw.")
        perioden.finish_destruction(locked)
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.DELETE,
            object_type="toegangslogperiode",
            object_id=locked.pk,
            toelichting=f"vernietigd: {locked.aantal} records ({locked.eerste_id}-{locked.laatste_id}); zegel bewaard",
        )
    return locked


def verlopen_vernietigen(*, actor: User) -> tuple[list[AuditPeriode], list[Stand]]:
    """Destroy every period whose retention has passed (and finish any that was interrupted); the rest with why."""
    require(actor, PERMISSION)
    vernietigd, overgeslagen = [], []
    for s in sorted(perioden_stand(), key=lambda s: s.periode.eerste_id):
        if s.periode.vernietigd:
            continue
        if s.blokkade:
            overgeslagen.append(s)
            continue
        vernietigd.append(periode_vernietigen(actor=actor, periode=s.periode))
    return vernietigd, overgeslagen
