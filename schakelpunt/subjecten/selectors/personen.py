"""Personen: one person, the signals about them, their merge history and BSN."""

from __future__ import annotations

from django.db.models import Prefetch, Q

from schakelpunt.access.policy import decide, fetch, scope
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import Entry, log_access, write
from schakelpunt.signalen.models import Betrokkene, Signaal
from schakelpunt.subjecten.models import (
    Persoon,
    Samenvoeging,
)
from schakelpunt.subjecten.selectors._basis import _zichtbaar

# --- One person -----------------------------------------------------------------------------


def persoon_get(*, user, pk: int) -> Persoon:
    """One person for the meldpunt or a user with a grant; anyone else gets 404 (logged)."""
    persoon, decision = fetch(
        user,
        "subject.view",
        Persoon.objects.select_related("woonadres", "samengevoegd_in"),
        pk,
        object_type="persoon",
        message="Persoon niet gevonden",
    )
    log_access(actor=user, decision=decision, object_type="persoon", object_id=pk, betrokkenen=[persoon.log_key])
    return persoon


def persoon_signalen(*, user, persoon: Persoon) -> list[Signaal]:
    """The signals about `persoon` that the user may see, newest first.

    The meldpunt sees all of them; a user with only a grant on the person sees none (they get the
    hit instead, see samenloop_hit). Each signal carries ``rollen`` (the person's role(s) in it).
    """
    _zichtbaar(user, persoon)
    queryset, decision = scope(user, "signaal.view", Signaal.objects.filter(subject_koppelingen__persoon=persoon))
    if not decision:
        return []
    signalen = list(
        queryset.distinct()
        .select_related("afdeling")
        .prefetch_related("fenomenen", Prefetch("betrokkenen", queryset=Betrokkene.objects.only("id", "signaal_id")))
        .order_by("-ontvangen_op", "-id")
    )
    rollen: dict[int, list[str]] = {}
    for signaal_id, rol in Betrokkene.objects.filter(
        signaal__in=[s.pk for s in signalen], koppeling__persoon=persoon
    ).values_list("signaal_id", "rol"):
        rollen.setdefault(signaal_id, []).append(rol)
    entries = [Entry(Action.READ, "persoon", str(persoon.pk), persoon.log_key)]
    for signaal in signalen:
        signaal.rollen = rollen.get(signaal.pk, [])
        entries.extend(Entry(Action.READ, "signaal", str(signaal.pk), b.log_key) for b in signaal.betrokkenen.all())
    write(actor=user, role=decision.role, doel=decision.purpose, verwerking=decision.activity, entries=entries)
    return signalen


def persoon_samenvoegingen(*, user, persoon: Persoon) -> list[Samenvoeging]:
    """Merges and splits this person took part in, newest first (meldpunt only)."""
    decision = decide(user, "subject.samenvoegingen.view", persoon)
    if not decision:
        return []
    records = list(
        Samenvoeging.objects.filter(Q(bron=persoon) | Q(doel=persoon)).select_related(
            "bron", "doel", "door", "ongedaan_gemaakt_door"
        )
    )
    log_access(
        actor=user, decision=decision, object_type="persoon", object_id=persoon.pk, betrokkenen=[persoon.log_key]
    )
    return records


def persoon_bsn(*, user, persoon: Persoon) -> str:
    """The full BSN, shown only when asked for; logged as a read of its own."""
    decision = _zichtbaar(user, persoon)
    log_access(
        actor=user,
        decision=decision,
        object_type="persoon",
        object_id=persoon.pk,
        betrokkenen=[persoon.log_key],
        toelichting="BSN getoond",
    )
    return persoon.bsn
