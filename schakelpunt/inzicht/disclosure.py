"""Statistical disclosure control for published count tables — the one place every figure passes.

A table is published with its margins (row totals, column totals, grand total). Cells with a
count from 1 to ``threshold - 1`` are suppressed (primary suppression). Then, so that no
suppressed value can be computed back from the published cells, more cells are suppressed
(secondary suppression) until **no suppressed cell is determined by the table's additivity
equations**: for every suppressed cell we check, by exact linear algebra over the rationals,
that its unit vector is not in the row space of the equations restricted to the suppressed
cells. That is the audit a differencing attacker would run on a single table (rows, columns,
margins and totals). Zeros are published: a zero says nothing about a person.

What it does not protect against: bounds from non-negativity (a suppressed pair in a row that
sums to 6 is known to lie in 1..5 each — which is what suppression promises, nothing more), and
tables the application does not publish. The application publishes only on a fixed grid
(whole months inside a quarter, predefined areas), so two published tables never overlap in
part; see ``grid.py``.

Plain Python, no Django: tested with hypothesis in ``tests/test_disclosure.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Tabel:
    """A published table: cells[r][c] is an int or None (suppressed); margins likewise."""

    rijen: list[str]
    kolommen: list[str]
    cellen: list[list[int | None]]
    rijtotalen: list[int | None]
    kolomtotalen: list[int | None]
    totaal: int | None
    drempel: int

    @property
    def rijen_met_totalen(self) -> list[tuple[str, list[int | None], int | None]]:
        return list(zip(self.rijen, self.cellen, self.rijtotalen, strict=True))

    @property
    def onderdrukt(self) -> int:
        cells = [v for row in self.cellen for v in row] + self.rijtotalen + self.kolomtotalen + [self.totaal]
        return sum(1 for v in cells if v is None)


def _equations(nrows: int, ncols: int) -> list[dict[tuple[int, int], int]]:
    """Additivity of the full (nrows+1) x (ncols+1) table: each line sums to its margin."""
    eqs = []
    for r in range(nrows + 1):
        eq = {(r, c): 1 for c in range(ncols)}
        eq[(r, ncols)] = -1
        eqs.append(eq)
    for c in range(ncols + 1):
        eq = {(r, c): 1 for r in range(nrows)}
        eq[(nrows, c)] = -1
        eqs.append(eq)
    return eqs


def _rank(rows: list[list[Fraction]]) -> int:
    matrix = [list(r) for r in rows if any(r)]
    rank = 0
    ncols = len(matrix[0]) if matrix else 0
    for col in range(ncols):
        pivot = next((i for i in range(rank, len(matrix)) if matrix[i][col] != 0), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        p = matrix[rank][col]
        for i in range(len(matrix)):
            if i != rank and matrix[i][col] != 0:
                f = matrix[i][col] / p
                matrix[i] = [a - f * b for a, b in zip(matrix[i], matrix[rank], strict=True)]
        rank += 1
        if rank == len(matrix):
            break
    return rank


def determined(suppressed: set[tuple[int, int]], nrows: int, ncols: int) -> set[tuple[int, int]]:
    """The suppressed cells whose value follows exactly from the published cells and additivity."""
    if not suppressed:
        return set()
    order = sorted(suppressed)
    index = {cell: i for i, cell in enumerate(order)}
    rows = []
    for eq in _equations(nrows, ncols):
        row = [Fraction(0)] * len(order)
        for cell, coef in eq.items():
            if cell in index:
                row[index[cell]] = Fraction(coef)
        rows.append(row)
    base = _rank(rows)
    found = set()
    for cell, i in index.items():
        unit = [Fraction(0)] * len(order)
        unit[i] = Fraction(1)
        if _rank([*rows, unit]) == base:
            found.add(cell)
    return found


def protect(rijen: list[str], kolommen: list[str], cellen: list[list[int]], *, drempel: int = 5) -> Tabel:
    """Publish `cellen` (rows x columns of counts) with margins, small cells and what betrays them suppressed.

    One table is the simplest case of linked tables: the same audit and the same suppression loop."""
    return protect_samen([(rijen, cellen)], kolommen, drempel=drempel)[0]


# --- Tables that share their margins --------------------------------------------------------------
#
# Two tables that split the same population per month (signals by department, signals by
# triage band) publish the same column totals. Audited one by one, each table can be safe and
# the pair not: the second table's published column total closes an equation of the first.
# So linked tables are protected *together*: one system of equations over every cell of every
# table, with the shared column totals as one variable, audited exactly as above. Tables whose
# cells are identical (a terugkoppeling is written at the triage step, so the two tables can
# coincide) are additionally tied cell by cell: an attacker who guesses that learns nothing more.


def _reduced(rows: list[list[Fraction]]) -> list[list[Fraction]]:
    """Reduced row echelon form (Gauss-Jordan over the rationals), zero rows dropped."""
    matrix = [list(r) for r in rows if any(r)]
    rank = 0
    ncols = len(matrix[0]) if matrix else 0
    for col in range(ncols):
        pivot = next((i for i in range(rank, len(matrix)) if matrix[i][col] != 0), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        p = matrix[rank][col]
        for i in range(len(matrix)):
            if i != rank and matrix[i][col] != 0:
                f = matrix[i][col] / p
                matrix[i] = [a - f * b for a, b in zip(matrix[i], matrix[rank], strict=True)]
        rank += 1
        if rank == len(matrix):
            break
    return matrix[:rank]


def _bepaald(suppressed: set, equations: list[dict]) -> set:
    """Like `determined`, for any variables and any linear equations over them.

    A unit vector lies in the row space exactly when a row of the reduced echelon form is that
    unit vector (its other entries are zero at every pivot), so one elimination answers for all."""
    if not suppressed:
        return set()
    order = sorted(suppressed)
    index = {v: i for i, v in enumerate(order)}
    rows = []
    for eq in equations:
        row = [Fraction(0)] * len(order)
        hit = False
        for var, coef in eq.items():
            if var in index:
                row[index[var]] += Fraction(coef)
                hit = True
        if hit:
            rows.append(row)
    found = set()
    for row in _reduced(rows):
        nonzero = [i for i, v in enumerate(row) if v != 0]
        if len(nonzero) == 1:
            found.add(order[nonzero[0]])
    return found


def _samen_stelsel(tabellen: list[list[list[int]]], ncols: int, gelijk: bool | None = None) -> tuple[dict, list[dict]]:
    """Values and additivity equations of linked tables. Variables: ("c", t, r, c) a cell,
    ("r", t, r) a row total, ("k", c) a shared column total (c == ncols: the grand total)."""
    values: dict = {}
    equations: list[dict] = []
    for t, cellen in enumerate(tabellen):
        for r, row in enumerate(cellen):
            for c, v in enumerate(row):
                values[("c", t, r, c)] = v
            values[("r", t, r)] = sum(row)
            eq = {("c", t, r, c): 1 for c in range(ncols)}
            eq[("r", t, r)] = -1
            equations.append(eq)
        for c in range(ncols):
            eq = {("c", t, r, c): 1 for r in range(len(cellen))}
            eq[("k", c)] = -1
            equations.append(eq)
        eq = {("r", t, r): 1 for r in range(len(cellen))}
        eq[("k", ncols)] = -1
        equations.append(eq)
    kolom = [sum(row[c] for row in tabellen[0]) for c in range(ncols)]
    for c in range(ncols):
        values[("k", c)] = kolom[c]
    values[("k", ncols)] = sum(kolom)
    eq = {("k", c): 1 for c in range(ncols)}
    eq[("k", ncols)] = -1
    equations.append(eq)
    for a in range(len(tabellen)):
        for b in range(a + 1, len(tabellen)):
            if gelijk if gelijk is not None else tabellen[a] == tabellen[b]:
                for r in range(len(tabellen[a])):
                    for c in range(ncols):
                        equations.append({("c", a, r, c): 1, ("c", b, r, c): -1})
                    equations.append({("r", a, r): 1, ("r", b, r): -1})
    return values, equations


def protect_samen(
    tabellen: list[tuple[list[str], list[list[int]]]], kolommen: list[str], *, drempel: int = 5
) -> list[Tabel]:
    """Publish tables (rows, cells) that split the same population over the same columns, audited together."""
    ncols = len(kolommen)
    for rijen, cellen in tabellen:
        if len(cellen) != len(rijen) or any(len(r) != ncols for r in cellen):
            raise ValueError("cellen past niet bij rijen en kolommen")
    matrices = [cellen for _rijen, cellen in tabellen]
    totalen = {tuple(sum(row[c] for row in m) for c in range(ncols)) for m in matrices}
    if len(totalen) > 1:
        raise ValueError("gekoppelde tabellen moeten dezelfde kolomtotalen hebben")
    values, equations = _samen_stelsel(matrices, ncols)
    suppressed = {v for v, n in values.items() if 0 < n < drempel}
    while True:
        open_vars = _bepaald(suppressed, equations)
        if not open_vars:
            break
        target = min(open_vars)
        lines = [eq for eq in equations if target in eq]
        candidates = {v for eq in lines for v in eq if v not in suppressed and values[v] > 0}
        if not candidates:
            candidates = {v for v in values if v not in suppressed}
        if not candidates:
            break
        suppressed.add(min(candidates, key=lambda v: (v[0] != "c", values[v], v)))
    # The greedy step can take more than needed: give back every secondary suppression that the
    # audit does not need, largest first (they carry the most information).
    primary = {v for v, n in values.items() if 0 < n < drempel}

    def twins(var) -> set:
        """The same cell in every table identical to var's (they are published or hidden together)."""
        if var[0] == "k":
            return {var}
        return {(var[0], u, *var[2:]) for u, m in enumerate(matrices) if m == matrices[var[1]]}

    for var in sorted(suppressed - primary, key=lambda v: (-values[v], v)):
        if var in suppressed and not _bepaald(suppressed - twins(var), equations):
            suppressed -= twins(var)

    def value(var) -> int | None:
        return None if var in suppressed else values[var]

    return [
        Tabel(
            rijen=list(rijen),
            kolommen=list(kolommen),
            cellen=[[value(("c", t, r, c)) for c in range(ncols)] for r in range(len(rijen))],
            rijtotalen=[value(("r", t, r)) for r in range(len(rijen))],
            kolomtotalen=[value(("k", c)) for c in range(ncols)],
            totaal=value(("k", ncols)),
            drempel=drempel,
        )
        for t, (rijen, _cellen) in enumerate(tabellen)
    ]


def audit_samen(tabellen: list[Tabel], *, gelijk: bool = False) -> set:
    """What an attacker can compute back from published linked tables (empty when they hold).

    ``gelijk``: the attacker also assumes the tables are equal cell by cell."""
    ncols = len(tabellen[0].kolommen)
    zeros = [[[0] * ncols for _ in t.rijen] for t in tabellen]
    _values, equations = _samen_stelsel(zeros, ncols, gelijk)
    suppressed = set()
    for t, tabel in enumerate(tabellen):
        for r, row in enumerate(tabel.cellen):
            suppressed |= {("c", t, r, c) for c, v in enumerate(row) if v is None}
            if tabel.rijtotalen[r] is None:
                suppressed.add(("r", t, r))
        suppressed |= {("k", c) for c, v in enumerate(tabel.kolomtotalen) if v is None}
        if tabel.totaal is None:
            suppressed.add(("k", ncols))
    return _bepaald(suppressed, equations)
