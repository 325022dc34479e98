"""Pre-aggregated signal counts for inzicht: per month x afdeling x triage band x terugkoppeling band,
per month x main fenomeen, and per month x person (the distinct persons of a month). Kept in the
transaction of each write that changes them, so the figures of a quarter never read one row per
signal (ADR 0018).

A write wraps its change in ``signalen.hertellen.hertellen(ids)``: the signals' contribution is
read from the source before and after, and the difference is added. New signals arrive through
``signalen.services.NA_REGISTRATIE``. ``opbouwen()`` rebuilds everything from the source (after a
bulk load, a restore, or writes that bypass the services, as test factories do).
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import IntegrityError, transaction
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.utils import timezone

from schakelpunt.inzicht.models import FenomeenTelling, PersoonTelling, SignaalTelling
from schakelpunt.signalen.models import Signaal, Terugkoppeling, TriageStap
from schakelpunt.signalen.workflow import termijn_grens
from schakelpunt.subjecten.models import BetrokkeneKoppeling

BINNEN, NA, NOG_NIET = 0, 1, 2


def maand_van(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date().replace(day=1)


def band(ontvangen: datetime.datetime, moment: datetime.datetime | None) -> int:
    """The meldpunt's rule for reminders: received before the term's border at `moment` is late."""
    if moment is None:
        return NOG_NIET
    return NA if ontvangen < termijn_grens(moment) else BINNEN


def bijdragen(signalen: QuerySet) -> Counter:
    """What these signals add to the counts, read from the source tables.

    Keys: ("s", maand, afdeling_pk, triage, terugkoppeling), ("f", maand, fenomeen_pk), ("p", maand, persoon_pk)."""
    eerste_triage = TriageStap.objects.filter(signaal=OuterRef("pk")).order_by("tijdstip").values("tijdstip")[:1]
    eerste_terug = (
        Terugkoppeling.objects.filter(signaal=OuterRef("pk")).order_by("verzonden_op").values("verzonden_op")[:1]
    )
    telling: Counter = Counter()
    rows = (
        signalen.annotate(eerste_triage=Subquery(eerste_triage), eerste_terug=Subquery(eerste_terug))
        .values_list("afdeling_id", "ontvangen_op", "eerste_triage", "eerste_terug")
        .order_by()
    )
    for afdeling_id, ontvangen, triage, terug in rows.iterator(chunk_size=5000):
        telling[("s", maand_van(ontvangen), afdeling_id or 0, band(ontvangen, triage), band(ontvangen, terug))] += 1
    links = (
        Signaal.fenomenen.through.objects.filter(signaal__in=signalen.values("pk"))
        .values_list("signaal__ontvangen_op", "fenomeen__parent_id", "fenomeen_id")
        .order_by()
    )
    for ontvangen, parent, fenomeen in links.iterator(chunk_size=5000):
        telling[("f", maand_van(ontvangen), parent or fenomeen)] += 1
    personen = (
        BetrokkeneKoppeling.objects.filter(signaal__in=signalen.values("pk"), persoon__isnull=False)
        .values_list("signaal__ontvangen_op", "persoon_id")
        .order_by()
    )
    for ontvangen, persoon in personen.iterator(chunk_size=5000):
        telling[("p", maand_van(ontvangen), persoon)] += 1
    return telling


MODELLEN: dict[str, type[SignaalTelling] | type[FenomeenTelling] | type[PersoonTelling]] = {
    "s": SignaalTelling,
    "f": FenomeenTelling,
    "p": PersoonTelling,
}


def _velden(key: tuple) -> dict:
    if key[0] == "s":
        _s, maand, afdeling, triage, terug = key
        return {"maand": maand, "afdeling_pk": afdeling, "triage": triage, "terugkoppeling": terug}
    if key[0] == "f":
        return {"maand": key[1], "fenomeen_pk": key[2]}
    return {"maand": key[1], "persoon_pk": key[2]}


def toepassen(delta: Counter) -> None:
    """Add `delta` to the stored counts (inside the caller's transaction; keys in a fixed order, so two
    writers never wait on each other's rows crosswise)."""
    for key in sorted(k for k, n in delta.items() if n):
        model, velden = MODELLEN[key[0]], _velden(key)
        if model.objects.filter(**velden).update(aantal=F("aantal") + delta[key]):
            if delta[key] < 0:  # a row at zero goes: a month's person rows are its distinct persons
                model.objects.filter(**velden, aantal=0).delete()
            continue
        try:
            with transaction.atomic():
                model.objects.create(**velden, aantal=delta[key])
        except IntegrityError:  # another writer created the row in between
            model.objects.filter(**velden).update(aantal=F("aantal") + delta[key])


@contextmanager
def hertellen(signaal_ids: Iterable[int]) -> Iterator[None]:
    """The HERTELLEN hook: the signals' contribution before and after the change, the difference stored."""
    ids = list(signaal_ids)
    voor = bijdragen(Signaal.objects.filter(pk__in=ids))
    yield
    delta = bijdragen(Signaal.objects.filter(pk__in=ids))
    delta.subtract(voor)
    toepassen(delta)


def signaal_geteld(signaal: Signaal) -> None:
    """The NA_REGISTRATIE hook: a new signal, with its fenomenen and first terugkoppeling, is counted."""
    toepassen(bijdragen(Signaal.objects.filter(pk=signaal.pk)))


def opbouwen_na_migreren(*, using: str = "default", **kwargs) -> None:
    """After `migrate`: build the counts once for a database with signals but no counts yet (the first
    deploy with ADR 0018). Here and not in a migration: a migration must do the same thing forever,
    and the rule that derives the counts is this module's, as it is now."""
    if SignaalTelling.objects.using(using).exists() or not Signaal.objects.using(using).exists():
        return
    if using == "default":
        opbouwen()


def opbouwen() -> int:
    """Rebuild every count from the source in one transaction; returns the number of signals counted."""
    with transaction.atomic():
        for model in MODELLEN.values():
            model.objects.all().delete()
        telling = bijdragen(Signaal.objects.all())
        for soort, model in MODELLEN.items():
            rows = [model(**_velden(key), aantal=n) for key, n in sorted(telling.items()) if key[0] == soort and n]
            model._default_manager.bulk_create(rows, batch_size=2000)  # type: ignore[arg-type]
    return sum(n for key, n in telling.items() if key[0] == "s")
