"""Who looked at this person: every log key under which a person's data was read, resolved at search time.

A person's data is logged under several keys: ``persoon:N`` for the subject pages, and
``betrokkene:M`` for each signal's betrokkene that was linked to the person (a signal is
logged per betrokkene, before or without any link to a subject). Links change afterwards:
persons are merged (and the merge undone), betrokkenen are split off to a new person. So the
search does not trust one key: it asks the subject register which keys belong to the person
*now* and which other person's pages showed the person's data *for a while*.

Read-only; the only place outside subjecten that reads its models (for this one question).
"""

from __future__ import annotations

import re

from django.db.models import Q

PERSOON_KEY = re.compile(r"^persoon:(\d{1,18})$")


def identiteit(persoon_id: int) -> set[int]:
    """The person and every record that a (still standing) merge says is the same person."""
    from schakelpunt.subjecten.models import Persoon

    gevonden = {persoon_id}
    rand = {persoon_id}
    while rand:
        rijen = Persoon.objects.filter(Q(pk__in=rand) | Q(samengevoegd_in__in=rand)).values_list(
            "pk", "samengevoegd_in_id"
        )
        nieuw = set()
        for pk, samengevoegd_in in rijen:
            nieuw.update(x for x in (pk, samengevoegd_in) if x is not None)
        rand = nieuw - gevonden
        gevonden |= nieuw
    return gevonden


def log_filter(persoon_id: int) -> Q:
    """Every log record that touched the data of person `persoon_id`."""
    from schakelpunt.subjecten.models import BetrokkeneKoppeling, Samenvoeging

    personen = identiteit(persoon_id)
    koppelingen = BetrokkeneKoppeling.objects.filter(persoon__in=personen)
    betrokkenen = [f"betrokkene:{pk}" for pk in koppelingen.values_list("betrokkene_id", flat=True)]
    signalen = [str(pk) for pk in koppelingen.values_list("signaal_id", flat=True).distinct()]
    keys = [f"persoon:{pk}" for pk in sorted(personen)] + betrokkenen
    q = Q(betrokkene__in=keys)
    # Records without a person key (older refusals) are matched on the object they were about.
    q |= Q(betrokkene="", object_type="persoon", object_id__in=[str(pk) for pk in personen])
    q |= Q(betrokkene="", object_type="signaal", object_id__in=signalen)
    for record in Samenvoeging.objects.filter(Q(bron__in=personen) | Q(doel__in=personen)).select_related(
        "ongedaan_gemaakt_door"
    ):
        tot = record.ongedaan_gemaakt_door.tijdstip if record.ongedaan_gemaakt_door else None
        if record.soort == Samenvoeging.Soort.AFSPLITSEN and record.doel_id in personen and tot is None:
            # Split off from another person: until then that person's pages showed this one's data.
            q |= Q(betrokkene=f"persoon:{record.bron_id}", tijdstip__lt=record.tijdstip)
        elif record.soort == Samenvoeging.Soort.SAMENVOEGEN and tot is not None:
            # A merge that was undone: while it stood, the other person's pages showed this one's data.
            ander = record.doel_id if record.bron_id in personen else record.bron_id
            if ander not in personen:
                q |= Q(betrokkene=f"persoon:{ander}", tijdstip__gte=record.tijdstip, tijdstip__lt=tot)
    return q
