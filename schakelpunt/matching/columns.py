"""The batch's records as columns, and which candidate pairs are worth comparing one by one.

``find_duplicates`` has tens of millions of candidate pairs at a million records; comparing one
in Python (``score.compare_batch``) costs a few microseconds, and most pairs are plainly two
people: two BSNs, a clearly different given name, or too little in common to reach "possible".
``Columns`` holds every prepared record's fields as integer codes and numbers, and
``worth_comparing`` tells, for whole arrays of pairs at once, which pairs ``compare_batch``
would certainly *not* report. Only the rest are compared one by one, so every score and every
explanation is still that of ``score._compare``; this module never decides that a pair is
reported.

It is conservative by construction. Each attribute's comparison level is worked out as far as
equality, arithmetic and RapidFuzz's ``cpdist`` (Jaro-Winkler and OSA on the distinct pairs of
spellings) tell it; where the exact level depends on a rule that is not worth copying (a
Lotte/Lotta ending, one street letter off, initials that partly fit), the best level the rule
could give is taken. A pair is dropped only when

* both BSNs are known and differ, or the birth years are a generation apart (hard rules), or
* the given names certainly differ (a hard rule), no swap of given name and surname can fit,
  and the pair cannot be a possible twin, or
* even the best weight its levels allow stays below the "possible" threshold,

and never when the BSN is the same. A property test compares it with ``compare_batch`` on every
pair of generated populations (tests/test_columns.py). The weights are read when called, so
learned parameters (``score.use_parameters``) are respected.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from math import log2
from operator import attrgetter
from typing import TYPE_CHECKING

from rapidfuzz import process
from rapidfuzz.distance import OSA, JaroWinkler

from . import nicknames
from .score import (
    _GIVEN_WEAK_JW,
    _MIN_TYPO_LENGTH,
    _SURNAME_STRONG_JW,
    _SURNAME_WEAK_JW,
    BUILDING,
    DIFFERENT,
    EXACT,
    FIRST_EXACT,
    FIRST_ONLY,
    GENERATION_GAP_ESTIMATED,
    GENERATION_GAP_YEARS,
    INITIALS,
    INITIALS_ALL,
    M_U,
    NEAR,
    NICKNAME,
    ONE_OFF,
    PARTIAL,
    POSTCODE,
    SAME_Y,
    SAME_YM,
    STRONG,
    SWAP_PENALTY,
    SWAPPED_DM,
    TYPO,
    WEAK,
    YEAR_NEAR,
    Thresholds,
    W,
    local_weight,
)

if TYPE_CHECKING:
    import numpy as np

    from .model import PreparedRecord

# Given names and surname parts beyond this many are not held as columns; a record with more
# is treated as if any of them could agree.
_NAMES = 3
_PHONES = 2
_EPSILON = 1e-6  # the bound is compared with this much to spare against rounding
# cpdist gives Jaro-Winkler as float32, compare() as float64: a score this close to a threshold
# may fall on either side of it, so both levels are possible there.
_SLACK = 1e-5


# Fields of PreparedRecord compared by spelling, and the column each is held in.
_NAME_FIELDS = {
    "sn_full": "sn_full",
    "sn_stem": "sn_stem",
    "sn_phon": "sn_phon",
    "gn_first": "gn_first",
    "gn_first_phon": "gn_phon",
    "gn_canon": "gn_canon",
}


class Columns:
    """Every field compare_batch looks at, one array per field, one row per prepared record.

    Names become codes in one vocabulary (0 is empty) with the word of each code, so a given name
    can be compared with a surname for a swap and spellings can be scored; strings compared only
    for equality are held as their 64-bit hashes (0 for empty); numbers stay numbers (0 where
    unknown). Two different strings with one hash would count as equal, which for every use here
    can only keep a pair, never drop one; a non-empty string with the hash 0 would count as empty.
    Both are as unlikely (about 2**-64 per string) as a collision of the blocking keys' hashes.
    """

    bsn: np.ndarray
    sn_full: np.ndarray
    sn_stem: np.ndarray
    sn_phon: np.ndarray
    sn_prefix: np.ndarray
    gn_first: np.ndarray
    gn_phon: np.ndarray
    gn_all: np.ndarray
    gn_canon: np.ndarray
    gn_initials: np.ndarray
    sex: np.ndarray
    addr_nr: np.ndarray
    addr_full: np.ndarray
    postcode: np.ndarray
    street: np.ndarray
    street_nr: np.ndarray

    def __init__(self, prepared: Sequence[PreparedRecord], surname_u: Mapping[str, float] | None = None) -> None:
        import numpy as np

        self._np = np
        n = len(prepared)

        def field(name: str) -> list:
            return list(map(attrgetter(name), prepared))

        def nth(lists: list, k: int) -> list[str]:
            return [x[k] if len(x) > k else "" for x in lists]

        def hashed(values: Iterable[str]) -> np.ndarray:
            # A string's hash is computed once and kept in it; "" hashes to 0, which is "empty" here.
            return np.fromiter(map(hash, values), dtype=np.int64, count=n)

        # Compared for equality only: the 64-bit hashes of the strings are their codes.
        for name in ("bsn", "sex", "postcode"):
            setattr(self, name, hashed(v or "" for v in field(name)))
        for name in ("sn_prefix", "gn_initials", "addr_nr", "addr_full"):
            setattr(self, name, hashed(field(name)))
        streets = field("street")
        self.street = hashed(streets)
        self.street_nr = hashed(s.partition("|")[2] for s in streets)
        sn_parts, gn_names, phones = field("sn_parts"), field("gn_names"), field("phones")
        self.gn_all = hashed(map("\x1f".join, gn_names))
        self.sn_parts = [hashed(nth(sn_parts, k)) for k in range(_NAMES)]
        self.gn_names = [hashed(nth(gn_names, k)) for k in range(_NAMES)]
        firsts = [sorted(ph)[:_PHONES] if ph else () for ph in phones]
        self.phones = [hashed(nth(firsts, k)) for k in range(_PHONES)]
        self.sn_count = np.fromiter(map(len, sn_parts), dtype=np.int16, count=n)
        self.gn_count = np.fromiter(map(len, gn_names), dtype=np.int16, count=n)
        self.phone_count = np.fromiter(map(len, phones), dtype=np.int16, count=n)
        self.year = np.fromiter((y or 0 for y in field("year")), dtype=np.int16, count=n)
        self.month = np.fromiter((m or 0 for m in field("month")), dtype=np.int8, count=n)
        self.day = np.fromiter((d or 0 for d in field("day")), dtype=np.int8, count=n)
        self.estimated = np.fromiter(field("estimated"), dtype=np.bool_, count=n)

        # Names are also compared by spelling (Jaro-Winkler, OSA) and with each other (a swap):
        # small codes in one vocabulary (0 is empty), and the word of each code.
        texts = {name: field(name) for name in _NAME_FIELDS}
        hashes = {name: hashed(values) for name, values in texts.items()}
        together = np.concatenate(list(hashes.values()))
        distinct, codes = np.unique(together, return_inverse=True)
        codes = (codes + 1).astype(np.int32)
        codes[together == 0] = 0
        for k, name in enumerate(_NAME_FIELDS):
            setattr(self, _NAME_FIELDS[name], codes[k * n : (k + 1) * n])
        spelling: dict[int, str] = {}
        for name, values in texts.items():
            spelling.update(zip(hashes[name].tolist(), values, strict=True))
        words = np.empty(len(distinct) + 1, dtype=object)
        words[0] = ""
        words[1:] = [spelling[h] for h in distinct.tolist()]
        self.words = words
        self.length = np.fromiter(map(len, words), dtype=np.int16, count=len(words))
        self.surname_u = None
        if surname_u:
            get = surname_u.get
            self.surname_u = np.fromiter((get(s, 0.0) for s in texts["sn_stem"]), dtype=np.float64, count=n)
        self._related: dict[tuple[int, int], bool] = {}

    def __getstate__(self) -> dict:
        # Sent back from the process that built it (engine._meanwhile): the arrays, not the module.
        return {k: v for k, v in self.__dict__.items() if k != "_np"}

    def __setstate__(self, state: dict) -> None:
        import numpy as np

        self.__dict__.update(state, _np=np)

    # -- pairs of codes -------------------------------------------------------------------

    def _distinct(self, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The distinct pairs of codes (a[k], b[k]) as two arrays, and where each pair is among them."""
        np = self._np
        distinct, inverse = np.unique((a.astype(np.int64) << 32) | b.astype(np.int64), return_inverse=True)
        return distinct >> 32, distinct & 0xFFFFFFFF, inverse

    def _scores(self, a: np.ndarray, b: np.ndarray, scorer, **kwargs) -> np.ndarray:
        """scorer(word a, word b) per pair, computed once per distinct pair of words."""
        if not len(a):
            return self._np.zeros(0)
        first, second, inverse = self._distinct(a, b)
        return process.cpdist(self.words[first], self.words[second], scorer=scorer, **kwargs)[inverse]

    def _similar(self, x, xp, y, yp) -> np.ndarray:
        """Where _given_name_level(x, xp, y, yp) may be other than DIFFERENT (a superset)."""
        np = self._np
        close = (x == y) | (xp == yp)
        rest = np.flatnonzero(~close)
        x, xp, y, yp = x[rest], xp[rest], y[rest], yp[rest]
        jw = np.maximum(
            self._scores(x, y, JaroWinkler.normalized_similarity),
            self._scores(xp, yp, JaroWinkler.normalized_similarity),
        )
        near = jw >= _GIVEN_WEAK_JW - _SLACK
        # One edit apart only matters in names long enough for a typo.
        k = np.flatnonzero(~near & (np.minimum(self.length[x], self.length[y]) >= _MIN_TYPO_LENGTH))
        near[k] = self._one_edit(x[k], y[k], xp[k], yp[k])
        close[rest] = near
        return close

    def _one_edit(self, x, y, xp, yp) -> np.ndarray:
        """One edit apart in the names or in their sound keys (TYPO's slip and its a/e swap)."""
        return (self._scores(x, y, OSA.distance, score_cutoff=1) <= 1) | (
            self._scores(xp, yp, OSA.distance, score_cutoff=1) <= 1
        )

    def _nickname(self, ca: np.ndarray, cb: np.ndarray) -> np.ndarray:
        """nicknames.related for each pair of canonical forms, asked once per distinct pair."""
        np = self._np
        out = np.zeros(len(ca), dtype=bool)
        both = np.flatnonzero((ca != 0) & (cb != 0))
        if not len(both):
            return out
        first, second, inverse = self._distinct(ca[both], cb[both])
        words, cache = self.words, self._related
        hits = np.zeros(len(first), dtype=bool)
        for k, key in enumerate(zip(first.tolist(), second.tolist(), strict=True)):
            hit = cache.get(key)
            if hit is None:
                # related() only needs the two given names to differ, which they do where it is asked.
                hit = cache[key] = nicknames.related("a", words[key[0]], "b", words[key[1]])
            hits[k] = hit
        out[both] = hits[inverse]
        return out

    def _shared(self, columns: list, i, j) -> np.ndarray:
        """Whether record i's values in ``columns`` (names, parts or phones) and record j's share one."""
        out = self._np.zeros(len(i), dtype=bool)
        right = [c[j] for c in columns]
        for x in (c[i] for c in columns):
            for y in right:
                out |= (x == y) & (x != 0)
        return out

    # -- the decision ---------------------------------------------------------------------

    def worth_comparing(
        self, i: np.ndarray, j: np.ndarray, thresholds: Thresholds, prior: float, *, twins: bool
    ) -> np.ndarray:
        """A mask over the pairs (i[k], j[k]): False where compare_batch(..., twins=twins) would
        certainly return None or a pair find_duplicates does not report (not guarded, below
        ``thresholds.possible`` and not a possible twin)."""
        np = self._np
        keep = np.zeros(len(i), dtype=bool)
        bsn_a, bsn_b = self.bsn[i], self.bsn[j]
        known = (bsn_a != 0) & (bsn_b != 0)
        keep[known & (bsn_a == bsn_b)] = True  # the same BSN: always to a person or a link
        rest = np.flatnonzero(~known)
        if not len(rest):
            return keep
        i, j = i[rest], j[rest]

        dob, dob_exact, far = self._dob(i, j)
        address, address_twin, address_exact = self._address(i, j)
        phone, phone_shared = self._phone(i, j)
        other = dob + address + phone + self._sex(i, j) + local_weight(prior) * (address_exact | phone_shared)
        # The lowest weight of "possible": probability(weight, prior) >= possible.
        p = thresholds.possible
        needed = log2(p / (1 - p)) - prior - _EPSILON
        swapped_best = other + self._swap_best() - SWAP_PENALTY
        twin = dob_exact & address_twin if twins else np.zeros(len(i), dtype=bool)
        # First without the names, at the best they could be: most pairs end here.
        # (Either name may be missing, which weighs 0.)
        surname_best = np.maximum(self._surname_exact(i, j), max(0.0, *W["surname"].values()))
        names_best = surname_best + max(0.0, *W["given"].values())
        # (A swap's best is never above names_best: its levels are among those counted there.)
        open_ = np.flatnonzero(~far & ((other + names_best >= needed) | twin))
        alive = np.zeros(len(i), dtype=bool)
        i, j, other, swapped_best, twin = i[open_], j[open_], other[open_], swapped_best[open_], twin[open_]
        surname, sn_twin, sn_swap = self._surname(i, j)
        given, gn_different, gn_swap = self._given(i, j)
        # A possible twin (a different given name, the same surname, date of birth and address) is
        # listed whatever its weight; any other pair needs the weight of "possible", and a given
        # name that certainly differs is a hard rule.
        twin &= sn_twin
        names = twin | (~gn_different & (other + surname + given >= needed))
        # A swap of given name and surname could do better than either level: where it could
        # fit and would reach "possible", the pair is compared (and where the different given
        # name made it a hard rule, so is a pair a swap could save).
        k = np.flatnonzero(sn_swap & gn_swap & (swapped_best >= needed) & ~names)
        if len(k):
            names[k[self._swap_fits(i[k], j[k]) | self._swap_fits(j[k], i[k])]] = True
        alive[open_] = names
        keep[rest] = alive
        return keep

    # -- attributes -----------------------------------------------------------------------

    def _dob(self, i, j):
        """The date of birth's weight (exact where the level is known), "exact" and "a generation apart"."""
        np = self._np
        w = W["dob"]
        ya, yb = self.year[i].astype(np.int32), self.year[j].astype(np.int32)
        ma, mb = self.month[i].astype(np.int32), self.month[j].astype(np.int32)
        da, db = self.day[i].astype(np.int32), self.day[j].astype(np.int32)
        missing = (ya == 0) | (yb == 0)
        estimated = self.estimated[i] | self.estimated[j]
        gap = np.abs(ya - yb)
        far = ~missing & (gap >= np.where(estimated, GENERATION_GAP_ESTIMATED, GENERATION_GAP_YEARS))
        full = (da > 0) & (db > 0) & ~estimated
        same_y, same_m, same_d = ya == yb, ma == mb, da == db
        exact = full & same_y & same_m & same_d
        swapped = full & ~exact & same_y & (ma == db) & (da == mb)
        two = same_y.astype(np.int8) + same_m + same_d == 2
        # One part differs by a slip (looked at only where two of the three agree).
        one_off = full & ~exact & ~swapped & two
        k = np.flatnonzero(one_off)
        one_off[k] = (
            (~same_y[k] & _slip(np, ya[k], yb[k], 4))
            | (~same_m[k] & _slip(np, ma[k], mb[k], 2))
            | (~same_d[k] & _slip(np, da[k], db[k], 2))
        )
        partial = ~missing & ~estimated & ~full
        conditions = [
            missing | far,
            estimated & (gap <= 2),
            estimated,
            exact,
            swapped,
            one_off,
            full,
            partial & ~same_y & (gap == 1),
            partial & ~same_y,
            partial & (ma > 0) & (mb > 0) & ~same_m,
            partial & (ma > 0) & (mb > 0),
        ]
        values = [0.0, w[YEAR_NEAR], w[DIFFERENT], w[EXACT], w[SWAPPED_DM], w[ONE_OFF], w[DIFFERENT]]
        values += [w[NEAR], w[DIFFERENT], w[DIFFERENT], w[SAME_YM]]
        return np.select(conditions, values, w[SAME_Y]), exact, far

    def _address(self, i, j):
        """The best weight of the address level, whether it can be EXACT or BUILDING, and whether it can be EXACT."""
        np = self._np
        w = W["address"]
        nr_a, nr_b = self.addr_nr[i], self.addr_nr[j]
        st_a, st_b = self.street[i], self.street[j]
        pc_a, pc_b = self.postcode[i], self.postcode[j]
        both_nr = (nr_a != 0) & (nr_b != 0)
        both_st = (st_a != 0) & (st_b != 0)
        both_pc = (pc_a != 0) & (pc_b != 0)
        same_street = both_st & (st_a == st_b)
        # _same_street also accepts one slip in a long street name with the same number: where the
        # numbers agree and the streets do not, the level is worked out both ways and the better kept.
        maybe_street = both_st & ~same_street & (self.street_nr[i] == self.street_nr[j])

        def level(street):
            conditions = [
                both_nr & (self.addr_full[i] == self.addr_full[j]),
                both_nr & (nr_a == nr_b),
                both_nr & street,
                both_nr & (pc_a == pc_b),
                both_nr,
                both_st & street,
                both_st,
                both_pc & (pc_a == pc_b),
                both_pc,
            ]
            values = [w[EXACT], w[BUILDING], w[EXACT], w[POSTCODE], w[DIFFERENT], w[EXACT], w[DIFFERENT]]
            values += [w[POSTCODE], w[DIFFERENT]]
            twin = np.select(conditions[:3] + conditions[5:6], [True] * 4, False)
            exact = np.select(conditions[:3] + conditions[5:6], [True, False, True, True], False)
            return np.select(conditions, values, 0.0), twin, exact

        best, twin, exact = level(same_street)
        if maybe_street.any():
            other, other_twin, other_exact = level(same_street | maybe_street)
            best = np.where(maybe_street, np.maximum(best, other), best)
            twin |= maybe_street & other_twin
            exact |= maybe_street & other_exact
        return best, twin, exact

    def _phone(self, i, j):
        """The best weight of the phone level, and whether a phone may be shared."""
        np = self._np
        w = W["phone"]
        ca, cb = self.phone_count[i], self.phone_count[j]
        shared = self._shared(self.phones, i, j)
        # More phones than the columns hold: the level may be either.
        unsure = (ca > _PHONES) | (cb > _PHONES)
        level = np.where(unsure, max(w[EXACT], w[DIFFERENT]), np.where(shared, w[EXACT], w[DIFFERENT]))
        both = (ca > 0) & (cb > 0)
        return np.where(both, level, 0.0), both & (shared | unsure)

    def _sex(self, i, j):
        np = self._np
        w = W["sex"]
        a, b = self.sex[i], self.sex[j]
        return np.where((a != 0) & (b != 0), np.where(a == b, w[EXACT], w[DIFFERENT]), 0.0)

    def _surname(self, i, j):
        """The best weight of the surname level; whether it can be EXACT or STRONG (a twin);
        whether it can be WEAK or DIFFERENT (a swap is tried)."""
        np = self._np
        w = W["surname"]
        stem_a, stem_b = self.sn_stem[i], self.sn_stem[j]
        present = (stem_a != 0) & (stem_b != 0)
        full = self.sn_full[i] == self.sn_full[j]
        same_stem = stem_a == stem_b
        pre_a, pre_b = self.sn_prefix[i], self.sn_prefix[j]
        exact = present & (full | (same_stem & ~((pre_a != 0) & (pre_b != 0) & (pre_a != pre_b))))
        strong = present & ~exact & (same_stem | (self.sn_phon[i] == self.sn_phon[j]))
        best = np.where(exact, self._surname_exact(i, j), np.where(strong, w[STRONG], 0.0))
        open_ = np.flatnonzero(present & ~exact & ~strong)
        sa, sb = stem_a[open_], stem_b[open_]
        jw = self._scores(sa, sb, JaroWinkler.normalized_similarity)
        typo = (np.minimum(self.length[sa], self.length[sb]) >= _MIN_TYPO_LENGTH) & (jw >= _SURNAME_STRONG_JW - _SLACK)
        # One edit apart, where Jaro-Winkler has not settled it and the names are long enough.
        k = np.flatnonzero(~typo & (np.minimum(self.length[sa], self.length[sb]) >= _MIN_TYPO_LENGTH))
        typo[k] = self._scores(sa[k], sb[k], OSA.distance, score_cutoff=1) <= 1
        io, jo = i[open_], j[open_]
        multi = (self.sn_count[io] > 1) | (self.sn_count[jo] > 1)
        # Any part beyond the columns counts as shared.
        beyond = (self.sn_count[io] > _NAMES) | (self.sn_count[jo] > _NAMES)
        partial = multi & (beyond | self._shared(self.sn_parts, io, jo))
        # The sound keys' score only where the spelling's does not already reach WEAK for certain.
        weak = jw.copy()
        k = np.flatnonzero(jw < _SURNAME_WEAK_JW + _SLACK)
        weak[k] = np.maximum(
            jw[k], self._scores(self.sn_phon[io[k]], self.sn_phon[jo[k]], JaroWinkler.normalized_similarity)
        )
        rest = _either(np, weak, _SURNAME_WEAK_JW, w[WEAK], w[DIFFERENT])
        rest = np.where(partial, np.maximum(w[PARTIAL], rest), rest)
        best[open_] = np.where(typo, np.maximum(w[STRONG], rest), rest)
        twin = exact | strong
        twin[open_] = typo
        # May be WEAK or DIFFERENT (a swap is tried): anything not settled by equality.
        return best, twin, present & ~exact & ~strong

    def _surname_exact(self, i, j):
        """The weight of "same surname": by how common the surname is, where that is known."""
        np = self._np
        hand = W["surname"][EXACT]
        if self.surname_u is None:
            return hand
        u = np.maximum(self.surname_u[i], self.surname_u[j])
        m = M_U["surname"][EXACT][0]
        with np.errstate(divide="ignore"):
            return np.where(u > 0, np.log2(m / np.where(u > 0, u, 1.0)), hand)

    def _given(self, i, j):
        """The best weight of the given-name level; whether it is certainly DIFFERENT (a hard rule);
        whether it can be a level that makes a swap worth trying."""
        np = self._np
        w = W["given"]
        n = len(i)
        fa, fb = self.gn_first[i], self.gn_first[j]
        both = (fa != 0) & (fb != 0)
        best = np.zeros(n)
        different = np.zeros(n, dtype=bool)
        swap = np.zeros(n, dtype=bool)

        # Initials only on one side: INITIALS_ALL, INITIALS, PARTIAL or DIFFERENT, at best.
        initials = ~both & (self.gn_initials[i] != 0) & (self.gn_initials[j] != 0)
        best[initials] = max(w[INITIALS_ALL], w[INITIALS], w[PARTIAL], w[DIFFERENT])
        swap[initials] = True

        k = np.flatnonzero(both)
        ik, jk = i[k], j[k]
        fa, fb = fa[k], fb[k]
        pa, pb = self.gn_phon[ik], self.gn_phon[jk]
        all_same = self.gn_all[ik] == self.gn_all[jk]
        first_same = ~all_same & (fa == fb)
        strong = ~all_same & ~first_same & (pa == pb)
        # The same first name: FIRST_ONLY where both give a second name that may differ.
        second = (
            first_same
            & (self.gn_count[ik] > 1)
            & (self.gn_count[jk] > 1)
            & (self.gn_names[1][ik] != self.gn_names[1][jk])
        )
        level = np.where(all_same, w[EXACT], np.where(strong, w[STRONG], 0.0))
        level = np.where(first_same, np.where(second, max(w[FIRST_EXACT], w[FIRST_ONLY]), w[FIRST_EXACT]), level)
        open_ = np.flatnonzero(~all_same & ~first_same & ~strong)
        xo, yo, xp, yp = fa[open_], fb[open_], pa[open_], pb[open_]
        io, jo = ik[open_], jk[open_]
        jw = self._scores(xo, yo, JaroWinkler.normalized_similarity)
        m = np.flatnonzero(jw < _GIVEN_WEAK_JW + _SLACK)  # the sound keys only where it can matter
        jw[m] = np.maximum(jw[m], self._scores(xp[m], yp[m], JaroWinkler.normalized_similarity))
        typo = np.minimum(self.length[xo], self.length[yo]) >= _MIN_TYPO_LENGTH
        m = np.flatnonzero(typo)
        typo[m] = self._one_edit(xo[m], yo[m], xp[m], yp[m])
        weak = jw >= _GIVEN_WEAK_JW - _SLACK
        nickname = self._nickname(self.gn_canon[io], self.gn_canon[jo])
        multi = (self.gn_count[io] > 1) | (self.gn_count[jo] > 1)
        beyond = (self.gn_count[io] > _NAMES) | (self.gn_count[jo] > _NAMES)
        partial = multi & (beyond | self._shared(self.gn_names, io, jo))
        rest = _either(np, jw, _GIVEN_WEAK_JW, w[WEAK], w[DIFFERENT])
        rest = np.where(typo, np.maximum(w[TYPO], rest), rest)
        rest = np.where(nickname, np.maximum(w[NICKNAME], rest), rest)
        rest = np.where(partial, np.maximum(w[PARTIAL], rest), rest)
        level[open_] = rest
        best[k] = level
        certain = np.zeros(len(k), dtype=bool)
        certain[open_] = ~(weak | typo | nickname | partial)
        different[k] = certain
        # A swap is tried where the level may be WEAK, DIFFERENT or PARTIAL (or initials, above):
        # anything not settled by equality.
        worth = np.zeros(len(k), dtype=bool)
        worth[open_] = True
        swap[k] = worth
        return best, different, swap

    # -- a swap of given name and surname ----------------------------------------------------

    def _swap_best(self) -> float:
        """The best a swapped pair of levels can weigh (before the penalty)."""
        s, g = W["surname"], W["given"]
        return max(s[EXACT], s[STRONG], s[PARTIAL], s[WEAK]) + max(
            g[FIRST_EXACT], g[STRONG], g[TYPO], g[PARTIAL], g[WEAK], g[INITIALS]
        )

    def _swap_fits(self, i, j) -> np.ndarray:
        """Where score._swapped_levels(record i, record j) may give levels (a superset)."""
        np = self._np
        stem_a, first_b = self.sn_stem[i], self.gn_first[j]
        first_a = self.gn_first[i]
        fits = (first_b != 0) & (stem_a != 0) & (self.sn_stem[j] != 0) & ((first_a != 0) | (self.gn_initials[i] != 0))
        # b's given names read as one surname, or as one part of a's double name.
        k = np.flatnonzero(fits & ~((self.gn_count[j] > 1) | (self.sn_count[i] > 1) | (first_b == self.sn_full[i])))
        fits[k] = self._similar(stem_a[k], self.sn_phon[i[k]], first_b[k], self.gn_phon[j[k]])
        k = np.flatnonzero(fits & (first_a != 0))
        fits[k] = self._similar(first_a[k], self.gn_phon[i[k]], self.sn_stem[j[k]], self.sn_phon[j[k]])
        return fits


def _either(np, score, threshold: float, above: float, below: float):
    """The weight of the level a Jaro-Winkler ``score`` gives, or the larger of the two where it is too close
    to tell."""
    return np.where(
        score >= threshold + _SLACK,
        above,
        np.where(score >= threshold - _SLACK, max(above, below), below),
    )


def _slip(np, x, y, width: int):
    """score._slip for arrays of numbers of ``width`` digits: off by one, one digit, or two neighbours swapped."""
    out = np.abs(x - y) == 1
    digits_x = [(x // 10**k) % 10 for k in range(width)]
    digits_y = [(y // 10**k) % 10 for k in range(width)]
    differ = [dx != dy for dx, dy in zip(digits_x, digits_y, strict=True)]
    count = sum(d.astype(np.int8) for d in differ)
    out |= count == 1
    for k in range(width - 1):
        out |= (
            (count == 2)
            & differ[k]
            & differ[k + 1]
            & (digits_x[k] == digits_y[k + 1])
            & (digits_x[k + 1] == digits_y[k])
        )
    return out
