"""Pre-aggregated signal counts for inzicht: per month x afdeling x triage band x terugkoppeling band,
and per month x main fenomeen. Kept in the transaction of each write that changes them, so the
figures of any quarter read a few hundred rows instead of one row per signal (ADR 0017).

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

from schakelpunt.inzicht.models import FenomeenTelling, SignaalTelling
from schakelpunt.signalen.models import Signaal, Terugkoppeling, TriageStap
from schakelpunt.signalen.workflow import termijn_grens

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

    Keys: ("s", maand, afdeling_pk, triage, terugkoppeling) and ("f", maand, fenomeen_pk)."""
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
    return telling


def _rij(key: tuple) -> tuple[type[SignaalTelling] | type[FenomeenTelling], dict]:
    if key[0] == "s":
        _s, maand, afdeling, triage, terug = key
        return SignaalTelling, {"maand": maand, "afdeling_pk": afdeling, "triage": triage, "terugkoppeling": terug}
    _f, maand, fenomeen = key
    return FenomeenTelling, {"maand": maand, "fenomeen_pk": fenomeen}


def toepassen(delta: Counter) -> None:
    """Add `delta` to the stored counts (inside the caller's transaction; keys in a fixed order, so two
    writers never wait on each other's rows crosswise)."""
    for key in sorted(k for k, n in delta.items() if n):
        model, velden = _rij(key)
        if model.objects.filter(**velden).update(aantal=F("aantal") + delta[key]):
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


def opbouwen() -> int:
    """Rebuild every count from the source in one transaction; returns the number of signals counted."""
    with transaction.atomic():
        SignaalTelling.objects.all().delete()
        FenomeenTelling.objects.all().delete()
        telling = bijdragen(Signaal.objects.all())
        rows = [_rij(key) + (n,) for key, n in sorted(telling.items())]
        SignaalTelling.objects.bulk_create(
            [SignaalTelling(**velden, aantal=n) for model, velden, n in rows if model is SignaalTelling], 2000
        )
        FenomeenTelling.objects.bulk_create(
            [FenomeenTelling(**velden, aantal=n) for model, velden, n in rows if model is FenomeenTelling], 2000
        )
    return sum(n for key, n in telling.items() if key[0] == "s")
