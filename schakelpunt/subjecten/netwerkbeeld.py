"""Server-side layout of the network view: plain Python, deterministic (no randomness, no physics).

The person of the page sits in the middle. Every subject one relation away lies on the first ring,
two relations away on the second, and so on. On a ring the subjects are ordered by the angle of
the subject that brought them in (so a family stays together), then by kind and name. A ring with
more subjects than fit is spread over a few staggered tracks. The same network always gives the
same picture, so a user who comes back finds every subject where it was.

The template draws the result as inline SVG; nothing here knows about HTML or Django.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from schakelpunt.subjecten.soorten import SubjectSoort

# Derived from SubjectSoort, keyed by code (kept for the layout and the templates that use them).
SOORT_VOLGORDE = {s.value: s.volgorde for s in SubjectSoort}
SOORT_NAAM = {s.value: s.label for s in SubjectSoort}
# Relations without a direction: drawn without an arrow head.
SYMMETRISCH = frozenset({"broer_zus", "partner", "familie", "huisgenoot"})

KNOOP_R = 20
START_R = 27
RING = 150  # distance between the outer track of one ring and the next ring
BAAN = 62  # distance between the staggered tracks of one ring
BOOG = 150  # room along a track for one subject and its label
MIN_BOOG = 64  # room between neighbours on different tracks
MAX_BANEN = 4
LABEL_TEKENS = 24
MIN_BREEDTE = 560
RAND = 24
MAX_LIJNLABELS = 40


@dataclass(frozen=True)
class TekenKnoop:
    id: str
    soort: str
    pk: int
    x: float
    y: float
    r: float
    vorm: str  # "circle" or "polygon" / "rect"
    punten: str  # polygon points, or "" for a circle
    rx: float  # rect corner radius
    regels: tuple[str, ...]  # the visible label, one or two lines
    aria_label: str
    titel: str
    afstand: int
    start: bool
    letter: str

    @property
    def label_boven(self) -> bool:
        """In the upper half the relations come from below: the label goes above the subject."""
        return self.y < -self.r

    @property
    def label_y(self) -> float:
        if self.label_boven:
            return round(self.y - self.r - 10 - 16 * (len(self.regels) - 1), 1)
        return round(self.y + self.r + 16, 1)

    @property
    def label_boven_y(self) -> float:
        """The top of the label (or of the shape when the label is below)."""
        return self.label_y - 14 if self.label_boven else self.y - self.r * 1.2

    @property
    def label_onder_y(self) -> float:
        return self.y + self.r * 1.2 if self.label_boven else self.label_y + 16 * len(self.regels)

    @property
    def letter_y(self) -> float:
        return round(self.y + 5, 1)

    @property
    def focus_r(self) -> float:
        return round(self.r + 7, 1)

    @property
    def rect_x(self) -> float:
        return round(self.x - self.r * 1.3, 1)

    @property
    def rect_y(self) -> float:
        return round(self.y - self.r * 0.75, 1)

    @property
    def rect_w(self) -> float:
        return round(self.r * 2.6, 1)

    @property
    def rect_h(self) -> float:
        return round(self.r * 1.5, 1)


@dataclass(frozen=True)
class TekenLijn:
    x1: float
    y1: float
    x2: float
    y2: float
    titel: str
    label: str
    lx: float
    ly: float
    gericht: bool
    toon_label: bool
    cx: float | None = None  # the control point of a bent relation (None: a straight line)
    cy: float | None = None

    @property
    def pad(self) -> str:
        """The SVG path: straight, or bent around a subject that lies in the way."""
        if self.cx is None:
            return f"M{self.x1},{self.y1} L{self.x2},{self.y2}"
        return f"M{self.x1},{self.y1} Q{self.cx},{self.cy} {self.x2},{self.y2}"

    def punten(self, n: int = 32) -> list[tuple[float, float]]:
        """Points along the drawn relation (for tests and for the bounds)."""
        cx = (self.x1 + self.x2) / 2 if self.cx is None else self.cx
        cy = (self.y1 + self.y2) / 2 if self.cy is None else self.cy
        return [_bezier((self.x1, self.y1), (cx, cy), (self.x2, self.y2), i / n) for i in range(n + 1)]


@dataclass
class Tekening:
    knopen: list[TekenKnoop] = field(default_factory=list)
    lijnen: list[TekenLijn] = field(default_factory=list)
    min_x: float = 0
    min_y: float = 0
    breedte: float = MIN_BREEDTE
    hoogte: float = 200

    @property
    def viewbox(self) -> str:
        return f"{self.min_x:.0f} {self.min_y:.0f} {self.breedte:.0f} {self.hoogte:.0f}"

    @property
    def grootte(self) -> str:
        """A size class: a big network may not shrink below a readable scale (it scrolls instead)."""
        if self.breedte <= 900:
            return "m"
        if self.breedte <= 1500:
            return "l"
        return "xl"


def _kort(tekst: str, n: int = LABEL_TEKENS) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= n else tekst[: n - 1].rstrip() + "…"


def omschrijving(soort: str, obj, label: str) -> tuple[tuple[str, ...], str]:
    """The visible label lines and the accessible name of one subject."""
    if soort == "persoon":
        naam = obj.naam or "naam onbekend"
        geboren = obj.geboortedatum_tekst if obj.geboortejaar else ""
        regels = (_kort(naam), f"geboren {geboren}") if geboren else (_kort(naam),)
        return regels, f"Persoon: {naam}" + (f", geboren {geboren}" if geboren else "")
    if soort == "adres":
        regel1 = " ".join(
            p
            for p in [
                obj.straat,
                f"{obj.huisnummer or ''}{obj.huisletter}{'-' + obj.toevoeging if obj.toevoeging else ''}",
            ]
            if p
        )
        regel2 = " ".join(p for p in [obj.postcode, obj.woonplaats] if p)
        regels = tuple(_kort(r) for r in (regel1, regel2) if r) or (_kort(label),)
        return regels, f"Adres: {label}"
    if soort == "organisatie":
        kvk = f" (KvK {obj.kvk_nummer})" if obj.kvk_nummer else ""
        return (_kort(label),), f"Organisatie: {label}{kvk}"
    if soort == "voertuig":
        return (_kort(label),), f"Voertuig: kenteken {label}"
    return (_kort(label),), f"Telefoonnummer: {label}"


def _vorm(soort: str, x: float, y: float, r: float) -> tuple[str, str, float]:
    def pts(points):
        return " ".join(f"{x + dx * r:.1f},{y + dy * r:.1f}" for dx, dy in points)

    if soort == "persoon":
        return "circle", "", 0
    if soort == "adres":  # a house
        return "polygon", pts([(-1, -0.15), (0, -1.05), (1, -0.15), (1, 0.9), (-1, 0.9)]), 0
    if soort == "organisatie":  # a hexagon
        return (
            "polygon",
            pts([(math.cos(math.pi / 3 * i) * 1.1, math.sin(math.pi / 3 * i) * 1.1) for i in range(6)]),
            0,
        )
    if soort == "voertuig":  # a wide rounded rectangle
        return "rect", "", round(r * 0.45, 1)
    return "polygon", pts([(0, -1.15), (1.05, 0), (0, 1.15), (-1.05, 0)]), 0  # a diamond


def _periode(v) -> str:
    if v.geldig_van and v.geldig_tot:
        return f" (van {v.geldig_van:%d-%m-%Y} tot {v.geldig_tot:%d-%m-%Y})"
    if v.geldig_van:
        return f" (vanaf {v.geldig_van:%d-%m-%Y})"
    if v.geldig_tot:
        return f" (tot {v.geldig_tot:%d-%m-%Y})"
    return ""


def periode(v) -> str:
    return _periode(v).strip(" ()")


def teken(knopen, verbindingen, afstanden: dict[str, int], objecten: dict[str, object]) -> Tekening:
    """Place every subject (Knoop) and draw every relation (Verbinding) between the ones placed."""
    if not knopen:
        return Tekening()
    buren: dict[str, set[str]] = defaultdict(set)
    for v in verbindingen:
        buren[v.van].add(v.naar)
        buren[v.naar].add(v.van)

    def afstand_van(k) -> int:
        return 0 if k.start else max(1, afstanden.get(k.id, 1))

    def sorteer(k):
        return (SOORT_VOLGORDE.get(k.soort, 9), k.label.lower(), k.pk)

    # A tree over the rings: every subject hangs under one neighbour a step closer to the person
    # (the first by kind and name); a subject without one hangs under the person.
    per_id = {k.id: k for k in knopen}
    wortel = next((k for k in knopen if k.start), min(knopen, key=lambda k: (afstand_van(k), sorteer(k))))
    kinderen: dict[str, list] = defaultdict(list)
    for k in sorted(knopen, key=sorteer):
        if k is wortel:
            continue
        ouders = [per_id[b] for b in buren.get(k.id, ()) if b in per_id and afstand_van(per_id[b]) < afstand_van(k)]
        ouder = min(ouders, key=lambda o: (-afstand_van(o), sorteer(o))) if ouders else wortel
        kinderen[ouder.id].append(k)

    # Each subject gets a wedge of the circle in proportion to the subjects at the end of its branch,
    # and sits in the middle of it: a family stays together, branches do not cross.
    gewicht: dict[str, int] = {}

    def weeg(k) -> int:
        gewicht[k.id] = max(1, sum(weeg(c) for c in kinderen.get(k.id, ())))
        return gewicht[k.id]

    weeg(wortel)
    positie: dict[str, float] = {wortel.id: 0.0}  # fraction of the circle, the middle of the wedge

    def verdeel(k, begin: float, breedte: float) -> None:
        totaal = sum(gewicht[c.id] for c in kinderen.get(k.id, ())) or 1
        for c in kinderen.get(k.id, ()):
            deel = breedte * gewicht[c.id] / totaal
            positie[c.id] = begin + deel / 2
            verdeel(c, begin, deel)
            begin += deel

    verdeel(wortel, 0.0, 1.0)
    eerste = kinderen.get(wortel.id)
    draai = positie[eerste[0].id] if eerste else 0.0  # the first subject on the left, then clockwise

    per_afstand: dict[int, list] = defaultdict(list)
    for k in knopen:
        if k is not wortel:
            per_afstand[afstand_van(k)].append(k)
    plek: dict[str, tuple[float, float, int]] = {wortel.id: (0.0, 0.0, 0)}
    vorige_straal = 0.0
    for afstand in sorted(per_afstand):
        groep = sorted(per_afstand[afstand], key=lambda k: (positie[k.id], k.id))
        n = len(groep)
        # The room between neighbours on this ring decides its radius; a crowded ring is staggered over tracks.
        if n > 1:
            gaten = [(positie[groep[(i + 1) % n].id] - positie[groep[i].id]) % 1.0 for i in range(n)]
            kleinste = max(min(gaten), 1e-6)
        else:
            kleinste = 1.0
        nodig = BOOG / (2 * math.pi * kleinste)
        straal = vorige_straal + RING
        banen = 1 if nodig <= straal else min(MAX_BANEN, math.ceil(nodig / straal))
        straal = max(straal, nodig / banen)
        for i, k in enumerate(groep):
            hoek = math.pi + 2 * math.pi * (positie[k.id] - draai)  # y points down: clockwise
            r = straal + (i % banen) * BAAN
            plek[k.id] = (round(r * math.cos(hoek), 1), round(r * math.sin(hoek), 1), afstand)
        vorige_straal = straal + (banen - 1) * BAAN

    tekening = Tekening()
    for k in sorted(knopen, key=lambda k: (plek[k.id][2], (positie[k.id] - draai) % 1.0, k.id)):  # tab order
        x, y, afstand = plek[k.id]
        r = START_R if k.start else KNOOP_R
        vorm, punten, rx = _vorm(k.soort, x, y, r)
        regels, aria = omschrijving(k.soort, objecten[k.id], k.label) if k.id in objecten else ((k.label,), k.label)
        titel = aria
        if k.start:
            aria += " (deze pagina)"
        elif afstand:
            aria += f", {afstand} {'stap' if afstand == 1 else 'stappen'} verwijderd"
        tekening.knopen.append(
            TekenKnoop(
                id=k.id,
                soort=k.soort,
                pk=k.pk,
                x=x,
                y=y,
                r=r,
                vorm=vorm,
                punten=punten,
                rx=rx,
                regels=regels,
                aria_label=aria,
                titel=titel,
                afstand=afstand,
                start=k.start,
                letter=SOORT_NAAM[k.soort][0],
            )
        )

    _lijnen_tekenen(tekening, knopen, verbindingen, plek)

    # Bounds: every subject with its label (about 7.5 units per character, two lines below).
    xs, ys = [], []
    for k in tekening.knopen:
        half = max(k.r * 1.4, max(len(r) for r in k.regels) * 3.8)
        xs += [k.x - half, k.x + half]
        ys += [k.label_boven_y, k.label_onder_y]
    for lijn in tekening.lijnen:
        if lijn.cx is not None:
            xs += [lijn.lx - 40, lijn.lx + 40]
            ys += [lijn.ly - 14, lijn.ly + 6]
    min_x, max_x = min(xs) - RAND, max(xs) + RAND
    min_y, max_y = min(ys) - RAND, max(ys) + RAND
    breedte = max_x - min_x
    if breedte < MIN_BREEDTE:
        min_x -= (MIN_BREEDTE - breedte) / 2
        breedte = MIN_BREEDTE
    tekening.min_x, tekening.min_y = math.floor(min_x), math.floor(min_y)
    tekening.breedte, tekening.hoogte = math.ceil(breedte), math.ceil(max_y - min_y)
    return tekening


# --- Relations ------------------------------------------------------------------------------

BOCHT_STAP = 30  # how much further a bent relation swings out on each try
MAX_BOCHT = 12  # tries per side before the least bad bend is taken


def _bezier(p0, c, p2, s: float) -> tuple[float, float]:
    u = 1 - s
    return (u * u * p0[0] + 2 * u * s * c[0] + s * s * p2[0], u * u * p0[1] + 2 * u * s * c[1] + s * s * p2[1])


def _obstakel(k: TekenKnoop) -> tuple[float, float, float, float]:
    """The box a subject and its label take (the same estimate as the bounds of the picture)."""
    half = max(k.r * 1.4, max(len(r) for r in k.regels) * 3.8)
    return (k.x - half, min(k.label_boven_y, k.y - k.r - 4), k.x + half, max(k.label_onder_y, k.y + k.r + 4))


def _raakt(punten, boxes) -> int:
    """How many of the points fall inside one of the boxes."""
    return sum(1 for x, y in punten for x0, y0, x1, y1 in boxes if x0 <= x <= x1 and y0 <= y <= y1)


def _route(p1, p2, boxes) -> tuple[float, float] | None:
    """None when the straight line between two subjects is clear; else the control point of the
    smallest bend (alternately to either side) that passes every other subject and its label."""
    n = 32
    recht = [_bezier(p1, ((p1[0] + p2[0]) / 2, (p1[1] + p2[1]) / 2), p2, i / n) for i in range(2, n - 1)]
    if not boxes or not _raakt(recht, boxes):
        return None
    lengte = math.hypot(p2[0] - p1[0], p2[1] - p1[1]) or 1.0
    nx, ny = -(p2[1] - p1[1]) / lengte, (p2[0] - p1[0]) / lengte
    mx, my = (p1[0] + p2[0]) / 2, (p1[1] + p2[1]) / 2
    beste = None
    for stap in range(1, MAX_BOCHT + 1):
        for kant in (1, -1):
            # The top of the bend lies `h` from the middle of the line; the control point twice as far.
            h = kant * stap * BOCHT_STAP
            c = (mx + nx * 2 * h, my + ny * 2 * h)
            punten = [_bezier(p1, c, p2, i / n) for i in range(2, n - 1)]
            raak = _raakt(punten, boxes) + _raakt([_bezier(p1, c, p2, 0.5)], boxes) * n
            if raak == 0:
                return c
            if beste is None or raak < beste[0]:
                beste = (raak, c)
    return beste[1] if beste else None


def _lijnen_tekenen(tekening: Tekening, knopen, verbindingen, plek) -> None:
    """One line per pair of related subjects; a line that would run under another subject or its
    label bends around it, so that every relation in the table is visible in the picture."""
    labels = {k.id: k.label for k in knopen}
    getekend = {k.id: k for k in tekening.knopen}
    paren: dict[tuple[str, str], list] = defaultdict(list)
    for v in verbindingen:
        if v.van in plek and v.naar in plek:
            paren[tuple(sorted((v.van, v.naar)))].append(v)
    toon_labels = len(paren) <= MAX_LIJNLABELS
    straal_van = {k.id: (START_R if k.start else KNOOP_R) for k in knopen}
    for _paar, groep in sorted(paren.items()):
        eerste = groep[0]
        van, naar = eerste.van, eerste.naar
        x1, y1, _ = plek[van]
        x2, y2, _ = plek[naar]
        boxes = [_obstakel(k) for i, k in getekend.items() if i not in (van, naar)]
        controle = _route((x1, y1), (x2, y2), boxes)
        # Start and end a little off the shapes, along the direction the line leaves and arrives in.
        richting_uit = controle or (x2, y2)
        richting_in = controle or (x1, y1)
        l1 = math.hypot(richting_uit[0] - x1, richting_uit[1] - y1) or 1.0
        l2 = math.hypot(x2 - richting_in[0], y2 - richting_in[1]) or 1.0
        gericht = len(groep) == 1 and eerste.soort not in SYMMETRISCH
        kop = straal_van[van] + 4
        staart = straal_van[naar] + (9 if gericht else 4)
        titel = "; ".join(f"{labels[v.van]} {v.label} {labels[v.naar]}{_periode(v)}" for v in groep)
        label = eerste.label + (f" (+{len(groep) - 1})" if len(groep) > 1 else "")
        if controle is None:
            lx, ly = (x1 + x2) / 2, (y1 + y2) / 2 - 4
        else:
            lx, ly = _bezier((x1, y1), controle, (x2, y2), 0.5)
            ly += 4
        tekening.lijnen.append(
            TekenLijn(
                x1=round(x1 + (richting_uit[0] - x1) / l1 * kop, 1),
                y1=round(y1 + (richting_uit[1] - y1) / l1 * kop, 1),
                x2=round(x2 - (x2 - richting_in[0]) / l2 * staart, 1),
                y2=round(y2 - (y2 - richting_in[1]) / l2 * staart, 1),
                titel=titel,
                label=label,
                lx=round(lx, 1),
                ly=round(ly, 1),
                gericht=gericht,
                toon_label=toon_labels,
                cx=None if controle is None else round(controle[0], 1),
                cy=None if controle is None else round(controle[1], 1),
            )
        )
