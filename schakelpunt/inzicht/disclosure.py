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


def _full(cells: list[list[int]]) -> list[list[int]]:
    """The table with its margins: an extra column of row totals and an extra row of column totals."""
    rows = [list(r) + [sum(r)] for r in cells]
    ncols = len(cells[0]) if cells else 0
    totals = [sum(r[c] for r in rows) for c in range(ncols + 1)]
    return rows + [totals]


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
    """Publish `cellen` (rows x columns of counts) with margins, small cells and what betrays them suppressed."""
    nrows, ncols = len(rijen), len(kolommen)
    if any(len(r) != ncols for r in cellen) or len(cellen) != nrows:
        raise ValueError("cellen past niet bij rijen en kolommen")
    full = _full(cellen) if nrows and ncols else [[0]]
    suppressed = {(r, c) for r in range(nrows + 1) for c in range(ncols + 1) if 0 < full[r][c] < drempel}
    while True:
        open_cells = determined(suppressed, nrows, ncols)
        if not open_cells:
            break
        target = min(open_cells)
        r0, c0 = target
        # Suppress the smallest published non-zero cell on the same row or column as the cell
        # that could be computed back (interior cells before margins: they cost less information).
        candidates = [
            (r, c)
            for r in range(nrows + 1)
            for c in range(ncols + 1)
            if (r == r0 or c == c0) and (r, c) not in suppressed and full[r][c] > 0
        ]
        if not candidates:
            candidates = [(r, c) for r in range(nrows + 1) for c in range(ncols + 1) if (r, c) not in suppressed]
        if not candidates:
            break
        margin = lambda cell: cell[0] == nrows or cell[1] == ncols  # noqa: E731
        suppressed.add(min(candidates, key=lambda cell: (margin(cell), full[cell[0]][cell[1]], cell)))

    def value(r: int, c: int) -> int | None:
        return None if (r, c) in suppressed else full[r][c]

    return Tabel(
        rijen=list(rijen),
        kolommen=list(kolommen),
        cellen=[[value(r, c) for c in range(ncols)] for r in range(nrows)],
        rijtotalen=[value(r, ncols) for r in range(nrows)],
        kolomtotalen=[value(nrows, c) for c in range(ncols)],
        totaal=value(nrows, ncols),
        drempel=drempel,
    )
