"""Samenloop reads: alerts for the meldpunt, and the "hit" for someone with a grant."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils import timezone

from schakelpunt.access.decorators import require
from schakelpunt.access.policy import decide, verify
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import Entry, log_access, write
from schakelpunt.pagination import Page, paginate
from schakelpunt.signalen.models import Signaal
from schakelpunt.subjecten.models import (
    Persoon,
    SamenloopAlert,
)


def persoon_samenloop(*, user, persoon: Persoon) -> list[SamenloopAlert]:
    """Samenloop alerts about this person, their family network or their address, newest first (meldpunt only)."""
    decision = decide(user, "samenloop.view")
    if not decision:
        return []
    q = Q(persoon=persoon) | Q(leden=persoon)
    if persoon.woonadres_id:
        q |= Q(adres_id=persoon.woonadres_id)
    alerts = list(
        SamenloopAlert.objects.filter(pk__in=SamenloopAlert.objects.filter(q).values("pk"))
        .select_related("adres")
        .prefetch_related("afdelingen")
        .order_by("-bijgewerkt_op", "-id")
    )
    log_access(
        actor=user,
        decision=decision,
        object_type="persoon",
        object_id=persoon.pk,
        betrokkenen=[persoon.log_key],
        toelichting="samenloop van de persoon",
    )
    return alerts


# --- Samenloop ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SamenloopHit:
    """That a person is known elsewhere, never what was reported there."""

    aantal_afdelingen: int
    sinds: datetime.date | None

    @property
    def tekst(self) -> str:
        """The sentence a page shows (worded in the presenter)."""
        from schakelpunt.subjecten.presenter import hit_tekst

        return hit_tekst(self.aantal_afdelingen, self.sinds)


def samenloop_hit(*, user, persoon: Persoon) -> SamenloopHit:
    """For someone who may see the person but not the signals: at how many other departments
    (other than the user's own) the person is known, and since when. Nothing about the content."""
    decision = verify(user, "subject.hit", persoon, object_type="persoon", message="Persoon niet gevonden")
    rijen = Signaal.objects.filter(subject_koppelingen__persoon=persoon, afdeling__isnull=False)
    if getattr(user, "afdeling_id", None):
        rijen = rijen.exclude(afdeling_id=user.afdeling_id)
    rijen = list(rijen.values_list("afdeling_id", "ontvangen_op"))
    afdelingen = {a for a, _t in rijen}
    sinds = timezone.localdate(min(t for _a, t in rijen)) if rijen else None
    log_access(
        actor=user,
        decision=decision,
        object_type="persoon",
        object_id=persoon.pk,
        betrokkenen=[persoon.log_key],
        toelichting="samenloop: hit",
    )
    return SamenloopHit(len(afdelingen), sinds)


SAMENLOOP_PAGE_SIZE = 50


def samenloop_list(*, user, status: str = SamenloopAlert.Status.OPEN) -> list[SamenloopAlert]:
    """Samenloop alerts for the meldpunt, most recently changed first (at most 500)."""
    return samenloop_page(user=user, status=status, page=1, page_size=500).items


def samenloop_page(
    *, user, status: str = SamenloopAlert.Status.OPEN, page: int = 1, page_size: int | None = None
) -> Page:
    """One page of samenloop_list; only the alerts on the page are logged as read."""
    decision = require(user, "samenloop.view", object_type="samenloop")
    result = paginate(
        SamenloopAlert.objects.filter(status=status)
        .select_related("persoon", "adres")
        .prefetch_related("afdelingen", "leden")
        .order_by("-bijgewerkt_op", "-id"),
        page,
        page_size or SAMENLOOP_PAGE_SIZE,
    )
    entries = []
    for alert in result.items:
        keys = [s.log_key for s in (alert.persoon, alert.adres) if s is not None] or [""]
        entries.extend(Entry(Action.READ, "samenloop", str(alert.pk), key) for key in keys)
    write(actor=user, role=decision.role, doel=decision.purpose, verwerking=decision.activity, entries=entries)
    return result


def samenloop_prefetch() -> Prefetch:
    """For lists of signals: the open samenloop alerts of each signal as ``signaal.open_samenloop``."""
    return Prefetch(
        "samenloop_alerts",
        queryset=SamenloopAlert.objects.filter(status=SamenloopAlert.Status.OPEN)
        .only("id", "soort", "aantal_afdelingen", "aantal_signalen")
        .order_by("-aantal_afdelingen", "-aantal_signalen"),
        to_attr="open_samenloop",
    )
