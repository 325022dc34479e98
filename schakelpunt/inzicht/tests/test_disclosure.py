"""Disclosure control: small cells suppressed, and no suppressed value can be computed back."""

from hypothesis import given, settings
from hypothesis import strategies as st

from schakelpunt.inzicht.disclosure import determined, protect

tables = st.integers(1, 5).flatmap(
    lambda r: st.integers(1, 4).flatmap(
        lambda c: st.lists(
            st.lists(st.sampled_from([0, 0, 1, 2, 3, 4, 5, 6, 9, 12, 30]), min_size=c, max_size=c),
            min_size=r,
            max_size=r,
        )
    )
)


def _suppressed(tabel):
    nrows, ncols = len(tabel.rijen), len(tabel.kolommen)
    full = [row + [tot] for row, tot in zip(tabel.cellen, tabel.rijtotalen, strict=True)]
    full.append(tabel.kolomtotalen + [tabel.totaal])
    return {(r, c) for r in range(nrows + 1) for c in range(ncols + 1) if full[r][c] is None}, full


@settings(max_examples=150, deadline=None)
@given(tables)
def test_no_small_cell_is_published_and_none_can_be_computed_back(cellen):
    rijen = [f"r{i}" for i in range(len(cellen))]
    kolommen = [f"k{i}" for i in range(len(cellen[0]))]
    tabel = protect(rijen, kolommen, cellen, drempel=5)
    suppressed, full = _suppressed(tabel)
    true = [row + [sum(row)] for row in cellen]
    true.append([sum(r[c] for r in true) for c in range(len(kolommen) + 1)])
    for r, row in enumerate(full):
        for c, value in enumerate(row):
            if value is not None:
                assert value == true[r][c]
                assert value == 0 or value >= 5
    assert determined(suppressed, len(rijen), len(kolommen)) == set()


def test_a_single_small_cell_in_a_row_takes_a_partner_with_it():
    # Row "a": 3 + 20 = 23. Suppressing only the 3 would leave 23 - 20 = 3.
    tabel = protect(["a", "b"], ["jan", "feb"], [[3, 20], [10, 12]])
    assert tabel.cellen[0][0] is None
    suppressed, _ = _suppressed(tabel)
    assert len(suppressed) >= 4  # a rectangle at least: two rows, two columns
    assert determined(suppressed, 2, 2) == set()


def test_a_small_total_is_suppressed_too():
    tabel = protect(["a", "b"], ["jan"], [[2], [1]])
    assert tabel.totaal is None and tabel.kolomtotalen == [None]


def test_zeros_and_large_cells_are_published():
    tabel = protect(["a", "b"], ["jan", "feb"], [[0, 7], [8, 9]])
    assert tabel.cellen == [[0, 7], [8, 9]] and tabel.totaal == 24 and tabel.onderdrukt == 0


def test_the_differencing_attack_on_margins_fails():
    """The attacker knows every published value and that lines add up: they learn nothing exact."""
    cellen = [[1, 6, 7], [8, 9, 10], [11, 12, 13]]
    tabel = protect(["a", "b", "c"], ["jan", "feb", "mrt"], cellen)
    suppressed, _ = _suppressed(tabel)
    assert (0, 0) in suppressed
    assert not determined(suppressed, 3, 3)


def test_a_secondary_suppression_the_audit_does_not_need_is_given_back():
    """protect is protect_samen of one table: after the greedy step, unneeded secondary suppressions are
    published again. Here the greedy step hid every cell; the 12 of b in January is given back."""
    tabel = protect(["a", "b"], ["jan", "feb"], [[6, 1], [12, 12]])
    suppressed, _ = _suppressed(tabel)
    assert tabel.cellen[0][1] is None and tabel.cellen[1][0] == 12
    assert tabel.onderdrukt == 7
    assert determined(suppressed, 2, 2) == set()
