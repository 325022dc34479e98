"""Reads of doormeldingen: the list, one referral (fetched and checked, read logged), the register."""

from __future__ import annotations

from django.db.models import QuerySet

from schakelpunt.access.policy import decide, fetch, scope
from schakelpunt.accounts.models import User
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.doormeldingen.models import Doormelding, Ketenpartner, Verstrekking


def _keys(d: Doormelding) -> list[str]:
    return [f"persoon:{pk}" for pk in (d.selectie or {}).get("personen", {})]


def doormelding_list(*, user: User) -> list[Doormelding]:
    """Referrals, newest first; the list shows partner and status only, no personal data."""
    queryset, decision = scope(user, "doormelding.view", Doormelding.objects.select_related("partner"))
    return list(queryset[:200]) if decision else []


def doormelding_get(*, user: User, pk) -> Doormelding:
    d, decision = fetch(
        user,
        "doormelding.view",
        Doormelding.objects.select_related("partner", "grondslag", "casus", "signaal", "verstuurd_door"),
        pk,
        object_type="doormelding",
        message="Doormelding niet gevonden",
        betrokkenen=_keys,
    )
    log_access(actor=user, decision=decision, object_type="doormelding", object_id=d.pk, betrokkenen=_keys(d))
    return d


def document_export_log(*, user: User, doormelding: Doormelding, formaat: str) -> None:
    log_access(
        actor=user,
        decision=decide(user, "doormelding.view", doormelding),
        actie=Action.EXPORT,
        object_type="doormelding",
        object_id=doormelding.pk,
        betrokkenen=_keys(doormelding),
        toelichting=f"document ({formaat})",
    )


def mag_opstellen(user: User) -> bool:
    return bool(decide(user, "doormelding.opstellen"))


def partner_uit_besluit(casus) -> Ketenpartner | None:
    """The partner the casus's latest "gaan we melden?" decision named, if it said yes."""
    besluit = casus.besluiten.filter(soort="melden", melden="ja").exclude(melden_partner="").first()
    if besluit is None:
        return None
    return Ketenpartner.objects.filter(code=besluit.melden_partner, actief=True).first()


def verstrekking_list(*, user: User, persoon: str = "") -> QuerySet | list:
    """The register of disclosures, optionally for one person (by number); every entry shown is logged."""
    queryset, decision = scope(user, "verstrekking.view", Verstrekking.objects.select_related("doormelding"))
    if not decision:
        return []
    if persoon:
        if not persoon.isdigit():
            return []
        queryset = queryset.filter(persoon_key=f"persoon:{int(persoon)}")
    rows = list(queryset[:500])
    if rows:
        log_access(
            actor=user,
            decision=decision,
            actie=Action.SEARCH if persoon else Action.READ,
            object_type="verstrekking",
            object_id=persoon,
            betrokkenen=[r.persoon_key for r in rows],
        )
    return rows
