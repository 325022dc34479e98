"""The network picture draws every relation visibly (issue 10: "the network view hides a relation")."""

from __future__ import annotations

import itertools

import pytest

from schakelpunt.subjecten.netwerkbeeld import _obstakel, teken
from schakelpunt.subjecten.selectors import Knoop, Verbinding


def _persoon(pk: int, naam: str, start: bool = False) -> Knoop:
    return Knoop(f"persoon:{pk}", "persoon", pk, naam, start=start)


def _relatie(pk: int, van: Knoop, naar: Knoop, soort: str, label: str) -> Verbinding:
    return Verbinding(van.id, naar.id, soort, label, pk, "gebruiker")


def _binnen(punt, box) -> bool:
    x0, y0, x1, y1 = box
    return x0 <= punt[0] <= x1 and y0 <= punt[1] <= y1


def _zichtbaar(tekening, verbindingen):
    """Every relation has a line that runs under no other subject or label, with its own label clear."""
    knopen = {k.id: k for k in tekening.knopen}
    assert len(tekening.lijnen) == len({tuple(sorted((v.van, v.naar))) for v in verbindingen})
    for lijn, v in zip(
        tekening.lijnen, sorted(verbindingen, key=lambda v: tuple(sorted((v.van, v.naar)))), strict=True
    ):
        assert v.label in lijn.label
        anderen = [_obstakel(k) for i, k in knopen.items() if i not in (v.van, v.naar)]
        punten = lijn.punten()[2:-2]
        for box in anderen:
            assert not any(_binnen(p, box) for p in punten), (lijn.titel, box)
            assert not _binnen((lijn.lx, lijn.ly), box), lijn.titel


def test_three_persons_in_a_line_show_all_three_relations():
    """The child in the middle, a parent on either side: the parents' relation used to run under the child."""
    kind, moeder, vader = _persoon(1, "Kind", start=True), _persoon(2, "Moeder"), _persoon(3, "Vader")
    verbindingen = [
        _relatie(1, moeder, kind, "ouder", "ouder van"),
        _relatie(2, vader, kind, "ouder", "ouder van"),
        _relatie(3, moeder, vader, "partner", "partner van"),
    ]
    tekening = teken([kind, moeder, vader], verbindingen, {kind.id: 0, moeder.id: 1, vader.id: 1}, {})
    plek = {k.id: (k.x, k.y) for k in tekening.knopen}
    # The three really are in a line (the case that hid a relation) ...
    (ax, ay), (bx, by), (cx, cy) = plek[moeder.id], plek[kind.id], plek[vader.id]
    assert abs((bx - ax) * (cy - ay) - (by - ay) * (cx - ax)) < 1e-6
    # ... and still every relation is drawn where it can be seen: the partner line bends around the child.
    _zichtbaar(tekening, verbindingen)
    partner = next(lijn for lijn in tekening.lijnen if "partner" in lijn.label)
    assert partner.cx is not None and partner.pad.startswith("M") and " Q" in partner.pad


@pytest.mark.parametrize("n", [3, 4, 6])
def test_a_family_of_persons_all_related_shows_every_relation(n):
    personen = [_persoon(i + 1, f"Persoon {i + 1}", start=i == 0) for i in range(n)]
    verbindingen = [
        _relatie(i, a, b, "familie", "familie van") for i, (a, b) in enumerate(itertools.combinations(personen, 2))
    ]
    afstanden = {p.id: 0 if p.start else 1 for p in personen}
    _zichtbaar(teken(personen, verbindingen, afstanden, {}), verbindingen)


def test_a_straight_line_stays_straight():
    a, b = _persoon(1, "A", start=True), _persoon(2, "B")
    tekening = teken([a, b], [_relatie(1, a, b, "partner", "partner van")], {a.id: 0, b.id: 1}, {})
    (lijn,) = tekening.lijnen
    assert lijn.cx is None and " L" in lijn.pad
