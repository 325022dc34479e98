"""Samenvoegen: merge and split persons (always undoable) and judge mogelijke matches."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from schakelpunt.access.decorators import require
from schakelpunt.signalen.hertellen import hertellen
from schakelpunt.subjecten.models import (
    Beoordeling,
    BetrokkeneKoppeling,
    Methode,
    MogelijkeMatch,
    Persoon,
    Relatie,
    SamenloopAlert,
    Samenvoeging,
    SubjectInzage,
)
from schakelpunt.subjecten.services._basis import _check_reden, _log_personen
from schakelpunt.subjecten.services.koppelen import _nieuwe_persoon
from schakelpunt.subjecten.services.samenloop import samenloop_bijwerken

# --- Merge and split ------------------------------------------------------------------------

# What hangs on a person and moves with a merge: (name in Samenvoeging.verplaatst, model, field).
VERPLAATSBAAR = (
    ("koppelingen", BetrokkeneKoppeling, "persoon"),
    ("relaties_van", Relatie, "van_persoon"),
    ("relaties_naar", Relatie, "naar_persoon"),
    ("inzagen", SubjectInzage, "persoon"),
    ("matches_persoon", MogelijkeMatch, "persoon"),
    ("matches_kandidaat", MogelijkeMatch, "kandidaat"),
)


def _verhuizen(bron: Persoon, doel: Persoon) -> dict[str, list[int]]:
    """Move everything that hangs on `bron` to `doel`; returns the ids that moved, per kind."""
    selecties = {
        "koppelingen": BetrokkeneKoppeling.objects.filter(persoon=bron),
        # A relation between the two themselves (say "broer/zus") contradicts the merge: it stays on bron.
        "relaties_van": Relatie.objects.filter(van_persoon=bron).exclude(naar_persoon=doel),
        "relaties_naar": Relatie.objects.filter(naar_persoon=bron).exclude(van_persoon=doel),
        # Someone with sight of both keeps the grant they had on doel.
        "inzagen": SubjectInzage.objects.filter(persoon=bron).exclude(
            user_id__in=SubjectInzage.objects.filter(persoon=doel).values("user_id")
        ),
        "matches_persoon": MogelijkeMatch.objects.filter(persoon=bron, status=Beoordeling.OPEN)
        .exclude(kandidaat=doel)
        .exclude(kandidaat_id__in=MogelijkeMatch.objects.filter(persoon=doel).values("kandidaat_id")),
        "matches_kandidaat": MogelijkeMatch.objects.filter(kandidaat=bron, status=Beoordeling.OPEN)
        .exclude(persoon=doel)
        .exclude(persoon_id__in=MogelijkeMatch.objects.filter(kandidaat=doel).values("persoon_id")),
    }
    moved: dict[str, list[int]] = {}
    # Counts derived from signals (inzicht's distinct persons per month) follow the moved links.
    with hertellen(selecties["koppelingen"].values_list("signaal_id", flat=True)):
        for naam, model, veld in VERPLAATSBAAR:
            moved[naam] = list(selecties[naam].values_list("pk", flat=True))
            if moved[naam]:
                model.objects.filter(pk__in=moved[naam]).update(**{veld: doel})
    return moved


def _terugzetten(verplaatst: dict, *, van: Persoon, naar: Persoon) -> dict[str, list[int]]:
    """Move exactly the recorded rows back, as far as they are still on `van`."""
    moved: dict[str, list[int]] = {}
    koppelingen = BetrokkeneKoppeling.objects.filter(pk__in=verplaatst.get("koppelingen", []))
    with hertellen(koppelingen.values_list("signaal_id", flat=True)):
        for naam, model, veld in VERPLAATSBAAR:
            ids = list(
                model.objects.filter(pk__in=verplaatst.get(naam, []), **{veld: van}).values_list("pk", flat=True)
            )
            if ids:
                model.objects.filter(pk__in=ids).update(**{veld: naar})
            moved[naam] = ids
    return moved


def _vergrendel(*personen: Persoon) -> list[Persoon]:
    locked = {p.pk: p for p in Persoon.objects.select_for_update().filter(pk__in=[p.pk for p in personen])}
    return [locked[p.pk] for p in personen]


def _samenloop_vervallen(persoon: Persoon, toelichting: str) -> None:
    SamenloopAlert.objects.filter(persoon=persoon, status=SamenloopAlert.Status.OPEN).update(
        status=SamenloopAlert.Status.AFGEHANDELD, afgehandeld_op=timezone.now(), toelichting=toelichting
    )


def personen_samenvoegen(*, actor, bron: Persoon, doel: Persoon, reden: str) -> Samenvoeging:
    """`bron` and `doel` are the same person: everything of bron moves to doel; undoable.

    bron is kept (inactive, ``samengevoegd_in=doel``) together with a record of exactly which
    links, relations and grants moved, so that samenvoeging_ongedaan_maken can put them back.
    """
    decision = require(actor, "subject.match.beoordelen", doel, object_type="persoon")
    reden = _check_reden(reden)
    with transaction.atomic():
        bron, doel = _vergrendel(bron, doel)
        if bron.pk == doel.pk:
            raise ValidationError({"doel": "Een persoon kan niet met zichzelf worden samengevoegd."})
        if not bron.actief or not doel.actief:
            raise ValidationError({"doel": "Een van beide personen is al samengevoegd met een ander."})
        moved = _verhuizen(bron, doel)
        bron.samengevoegd_in = doel
        bron.save(update_fields=["samengevoegd_in", "bijgewerkt_op"])
        record = Samenvoeging.objects.create(
            soort=Samenvoeging.Soort.SAMENVOEGEN, bron=bron, doel=doel, door=actor, reden=reden, verplaatst=moved
        )
        MogelijkeMatch.objects.filter(
            Q(persoon=bron, kandidaat=doel) | Q(persoon=doel, kandidaat=bron), status=Beoordeling.OPEN
        ).update(
            status=Beoordeling.BEVESTIGD,
            beoordeeld_door=actor,
            beoordeeld_op=timezone.now(),
            rationale=reden,
            samenvoeging=record,
        )
        _samenloop_vervallen(bron, f"Persoon samengevoegd met persoon {doel.pk}.")
        _log_personen(actor, decision, [bron, doel], f"samengevoegd: persoon {bron.pk} in {doel.pk}")
        samenloop_bijwerken(personen=[doel])
    return record


def persoon_afsplitsen(
    *, actor, persoon: Persoon, koppelingen: Iterable[BetrokkeneKoppeling], reden: str
) -> Samenvoeging:
    """Some betrokkenen linked to `persoon` are someone else: they move to a new person; undoable.

    The new person is made from the first moved betrokkene as it was reported; the relations
    stated in the moved signals go with it.
    """
    decision = require(actor, "subject.match.beoordelen", persoon, object_type="persoon")
    reden = _check_reden(reden)
    with transaction.atomic():
        (persoon,) = _vergrendel(persoon)
        if not persoon.actief:
            raise ValidationError({"persoon": "Deze persoon is samengevoegd; splits de persoon waarin hij opging."})
        ids = [k.pk for k in koppelingen]
        gekozen = list(
            BetrokkeneKoppeling.objects.select_related("betrokkene", "adres")
            .filter(pk__in=ids, persoon=persoon)
            .order_by("pk")
        )
        if not gekozen or len(gekozen) != len(set(ids)):
            raise ValidationError(
                {"koppelingen": "Kies een of meer betrokkenen die nu aan deze persoon gekoppeld zijn."}
            )
        eerste = gekozen[0]
        nieuw = _nieuwe_persoon(eerste.betrokkene, eerste.adres)
        signaal_ids = {k.signaal_id for k in gekozen}
        blijvend = set(
            BetrokkeneKoppeling.objects.filter(persoon=persoon).exclude(pk__in=ids).values_list("signaal_id", flat=True)
        )
        moved = {
            "koppelingen": [k.pk for k in gekozen],
            # Relations stated only in the moved signals go with the person they were about.
            "relaties_van": list(
                Relatie.objects.filter(van_persoon=persoon, bron_signaal_id__in=signaal_ids - blijvend).values_list(
                    "pk", flat=True
                )
            ),
            "relaties_naar": list(
                Relatie.objects.filter(naar_persoon=persoon, bron_signaal_id__in=signaal_ids - blijvend).values_list(
                    "pk", flat=True
                )
            ),
        }
        with hertellen(signaal_ids):
            BetrokkeneKoppeling.objects.filter(pk__in=moved["koppelingen"]).update(
                persoon=nieuw, methode=Methode.HANDMATIG, score=None, toelichting=f"afgesplitst: {reden}"[:1000]
            )
        Relatie.objects.filter(pk__in=moved["relaties_van"]).update(van_persoon=nieuw)
        Relatie.objects.filter(pk__in=moved["relaties_naar"]).update(naar_persoon=nieuw)
        record = Samenvoeging.objects.create(
            soort=Samenvoeging.Soort.AFSPLITSEN, bron=persoon, doel=nieuw, door=actor, reden=reden, verplaatst=moved
        )
        _log_personen(actor, decision, [persoon, nieuw], f"afgesplitst: persoon {nieuw.pk} van {persoon.pk}")
        samenloop_bijwerken(personen=[persoon, nieuw])
    return record


def samenvoeging_ongedaan_maken(*, actor, samenvoeging: Samenvoeging, reden: str) -> Samenvoeging:
    """Undo a merge (the merged person comes back with exactly what moved) or a split (merge back).

    Returns the new record, which names the one it undid (``maakt_ongedaan``).
    """
    decision = require(actor, "subject.match.beoordelen", samenvoeging.doel, object_type="persoon")
    reden = _check_reden(reden)
    with transaction.atomic():
        record = Samenvoeging.objects.select_for_update().get(pk=samenvoeging.pk)
        if record.ongedaan_gemaakt_door_id:
            raise ValidationError({"samenvoeging": "Dit is al ongedaan gemaakt."})
        bron, doel = _vergrendel(record.bron, record.doel)
        if record.soort == Samenvoeging.Soort.SAMENVOEGEN:
            if bron.samengevoegd_in_id != doel.pk or not doel.actief:
                raise ValidationError(
                    {"samenvoeging": "Persoon is sindsdien opnieuw samengevoegd; maak dat eerst ongedaan."}
                )
            moved = _terugzetten(record.verplaatst, van=doel, naar=bron)
            bron.samengevoegd_in = None
            bron.save(update_fields=["samengevoegd_in", "bijgewerkt_op"])
            # A confirmed candidate that led to this merge now stands rejected, for the same reason.
            MogelijkeMatch.objects.filter(samenvoeging=record).update(
                status=Beoordeling.AFGEWEZEN, beoordeeld_door=actor, beoordeeld_op=timezone.now(), rationale=reden
            )
            nieuw = Samenvoeging.objects.create(
                soort=Samenvoeging.Soort.AFSPLITSEN, bron=doel, doel=bron, door=actor, reden=reden, verplaatst=moved
            )
        else:
            if not bron.actief or not doel.actief:
                raise ValidationError({"samenvoeging": "Persoon is sindsdien samengevoegd; maak dat eerst ongedaan."})
            # Everything of the split-off person goes back, also what was linked to it since.
            moved = _verhuizen(doel, bron)
            doel.samengevoegd_in = bron
            doel.save(update_fields=["samengevoegd_in", "bijgewerkt_op"])
            _samenloop_vervallen(doel, f"Persoon weer samengevoegd met persoon {bron.pk}.")
            nieuw = Samenvoeging.objects.create(
                soort=Samenvoeging.Soort.SAMENVOEGEN, bron=doel, doel=bron, door=actor, reden=reden, verplaatst=moved
            )
        record.ongedaan_gemaakt_door = nieuw
        record.save(update_fields=["ongedaan_gemaakt_door"])
        _log_personen(actor, decision, [bron, doel], f"ongedaan gemaakt: {record.get_soort_display().lower()}")
        samenloop_bijwerken(personen=[p for p in (bron, doel) if p.actief])
    return nieuw


# --- Mogelijke matches ----------------------------------------------------------------------


def actieve_persoon(persoon: Persoon) -> Persoon:
    seen = set()
    while persoon.samengevoegd_in_id and persoon.pk not in seen:
        seen.add(persoon.pk)
        persoon = Persoon.objects.get(pk=persoon.samengevoegd_in_id)
    return persoon


def _open_match(match: MogelijkeMatch) -> MogelijkeMatch:
    locked = MogelijkeMatch.objects.select_for_update().get(pk=match.pk)
    if locked.status != Beoordeling.OPEN:
        raise ValidationError({"status": "Deze mogelijke match is al beoordeeld."})
    return locked


def mogelijke_match_bevestigen(*, actor, match: MogelijkeMatch, rationale: str) -> MogelijkeMatch:
    """The aandachtsfunctionaris confirms: the two are one person and are merged (undoable).

    Returns the judged match (not the merge): its ``samenvoeging`` is the merge record, or None when
    the two had already become one person through another merge (then nothing is merged again).
    """
    require(actor, "subject.match.beoordelen", match.kandidaat, object_type="persoon")
    rationale = _check_reden(rationale, "rationale")
    with transaction.atomic():
        locked = _open_match(match)
        bron, doel = actieve_persoon(locked.persoon), actieve_persoon(locked.kandidaat)
        samenvoeging = None
        if bron.pk != doel.pk:
            samenvoeging = personen_samenvoegen(actor=actor, bron=bron, doel=doel, reden=rationale)
        MogelijkeMatch.objects.filter(pk=locked.pk).update(
            status=Beoordeling.BEVESTIGD,
            beoordeeld_door=actor,
            beoordeeld_op=timezone.now(),
            rationale=rationale,
            samenvoeging=samenvoeging,
        )
    match.refresh_from_db()
    return match


def mogelijke_match_afwijzen(*, actor, match: MogelijkeMatch, rationale: str) -> MogelijkeMatch:
    """The aandachtsfunctionaris rejects: two different persons; the pair is not offered again."""
    decision = require(actor, "subject.match.beoordelen", match.kandidaat, object_type="persoon")
    rationale = _check_reden(rationale, "rationale")
    with transaction.atomic():
        locked = _open_match(match)
        locked.status = Beoordeling.AFGEWEZEN
        locked.beoordeeld_door = actor
        locked.beoordeeld_op = timezone.now()
        locked.rationale = rationale
        locked.save()
        _log_personen(actor, decision, [locked.persoon, locked.kandidaat], "mogelijke match afgewezen")
    match.refresh_from_db()
    return match
