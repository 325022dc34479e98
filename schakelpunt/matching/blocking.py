"""Blocking: a handful of short keys per person record, so that records of one person share at least one key.

Comparing every record with every other is quadratic; blocking keeps only pairs that
agree on something cheap. The keys are plain strings meant for an indexed database
column (one row per key), so finding candidates for a new record is a few index hits:

    b:<bsn>                              same BSN
    ny:<surname sound>:<year>            surname (phonetic) and birth year; a double name
                                         ("Jansen-de Vries") under its first and its last part
    ni:<surname sound>:<initial>         surname and first initial: for a missing or wrong date
    nn:<sound>:<sound>                   surname and first given name in either order: swaps
    nq:<first 3 letters>:<init>:<year>   the surname's first letters, initial and year: a typo
                                         later in the surname
    nr:<last 3 letters>:<init>:<year>    ... and its last letters: a typo early in the surname
    a:<postcode+huisnummer>              the building (or street and number where there is no
                                         postcode): a misspelled or missing name, initials
    di:<yyyymmdd>:<initial>              date of birth and the initial of the given name, and
                                         again with the initial of the surname: misspelled
                                         names, and swapped names with a typo in one of them
    dp:<yyyymmdd>:<area>                 date of birth alone within a postcode area (its four
                                         digits) or street: typos in both names
    t:<phone>                            phone number (at most two)

At most MAX_KEYS keys per record. A key that is shared by very many records ("ni:jnsn:j",
every J. Jansen) is still correct, but says little: the lookup skips it when a record has a
more selective key (InMemoryIndex.candidates, subjecten.services), and candidate_pairs
scans such a block with a sliding window.

Stored keys are those of the engine version that computed them: after a change of the
keys, ``manage.py sleutels_herberekenen`` recomputes them.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from .model import PersonRecord, PreparedRecord, prepare
from .score import GENERATION_GAP_ESTIMATED, GENERATION_GAP_YEARS, generation_apart

if TYPE_CHECKING:
    import numpy as np

MAX_KEYS = 14
MAX_PHONE_KEYS = 2
# A block larger than this is not compared all-against-all (n² pairs) but with a sliding
# window over its members sorted by given name and birth year.
MAX_BLOCK = 100
WINDOW = 20


def blocking_keys(record: PersonRecord | PreparedRecord) -> list[str]:
    """The blocking keys of one record: short strings, unique, at most MAX_KEYS."""
    p = prepare(record)
    keys: list[str] = []
    if p.bsn:
        keys.append(f"b:{p.bsn}")
    initial = p.initial
    year = p.year
    if p.sn_skel:
        if year is not None:
            keys.append(f"ny:{p.sn_skel}:{year}")
            if p.sn_skel_last:
                keys.append(f"ny:{p.sn_skel_last}:{year}")
        if initial:
            keys.append(f"ni:{p.sn_skel}:{initial}")
        if p.gn_skel:
            first, second = sorted((p.sn_skel, p.gn_skel))
            keys.append(f"nn:{first}:{second}")
        stem = p.sn_stem
        if initial and year is not None and len(stem) >= 4:
            keys.append(f"nq:{stem[:3]}:{initial}:{year}")
            keys.append(f"nr:{stem[-3:]}:{initial}:{year}")
    if p.addr_block:
        keys.append(f"a:{p.addr_block}")
    if p.day is not None and not p.estimated:
        dob = f"{year:04d}{p.month:02d}{p.day:02d}"
        if initial:
            keys.append(f"di:{dob}:{initial}")
        if p.sn_initial and p.gn_first:
            # A swapped record's given-name initial is this one's surname initial.
            keys.append(f"di:{dob}:{p.sn_initial}")
        if p.area:
            keys.append(f"dp:{dob}:{p.area}")
    for phone in sorted(p.phones)[:MAX_PHONE_KEYS]:
        keys.append(f"t:{phone}")
    # dict.fromkeys keeps order and drops a repeat (sn_skel == gn_skel is harmless but possible).
    return list(dict.fromkeys(keys))[:MAX_KEYS]


class InMemoryIndex:
    """Blocking keys to records, in memory: the database index, for tests, benchmarks and scripts."""

    def __init__(self, records: Iterable[PersonRecord | PreparedRecord] = (), max_per_key: int = 100) -> None:
        self.records: list[PreparedRecord] = []
        self._by_key: dict[str, list[int]] = defaultdict(list)
        self.max_per_key = max_per_key
        for record in records:
            self.add(record)

    def add(self, record: PersonRecord | PreparedRecord) -> None:
        p = prepare(record, cache=False)
        idx = len(self.records)
        self.records.append(p)
        for key in blocking_keys(p):
            self._by_key[key].append(idx)

    def __len__(self) -> int:
        return len(self.records)

    def candidates(self, record: PersonRecord | PreparedRecord) -> list[PreparedRecord]:
        """Stored records sharing at least one key with ``record``, each once.

        The rule of the database lookup (subjecten.services._sleutel_rijen): a key shared by
        more than ``max_per_key`` records says little and is skipped when the record has a
        more selective key; only a record whose keys are all that large looks them up, each
        capped to the newest ``max_per_key`` records.
        """
        keys = blocking_keys(record)
        selective = [k for k in keys if len(self._by_key.get(k, ())) <= self.max_per_key]
        seen: dict[int, None] = {}
        for key in selective or keys:
            for idx in self._by_key.get(key, ())[-self.max_per_key :]:
                seen[idx] = None
        return [self.records[i] for i in seen]


# For years in sorted order: from _GAP_ALWAYS years on two records are a generation apart whether
# or not a year is a guess, from _GAP_SOMETIMES on it depends (generation_apart).
_GAP_ALWAYS = max(GENERATION_GAP_YEARS, GENERATION_GAP_ESTIMATED)
_GAP_SOMETIMES = min(GENERATION_GAP_YEARS, GENERATION_GAP_ESTIMATED)
# pair_codes builds at most about this many pairs at once (a few hundred MB of temporary arrays).
_PAIRS_PER_STEP = 4_000_000

_OWNER_BITS = 32
_OWNER_MASK = (1 << _OWNER_BITS) - 1


def _window_order(p: PreparedRecord) -> tuple[str, int, str]:
    return (p.gn_first_phon or p.gn_initials, p.year or 0, p.sn_phon)


class BlockPlan:
    """The blocks of a batch of prepared records, and their candidate pairs.

    Built for a million records in a few GB: keys are kept as 64-bit hashes in flat arrays and
    the blocks come from one NumPy sort. A pair is a candidate once, however many keys the two
    records share. Blocks larger than ``max_block`` are scanned with a sliding window of
    ``window`` over their members sorted by given name and birth year; there a pair is emitted
    only from the first key (in the record's own key order, small blocks first) that both share.

    ``pair_codes()`` gives all candidate pairs at once as sorted NumPy codes (what
    find_duplicates scores); ``pairs(first, last)`` yields those of blocks ``first`` up to
    ``last`` one at a time, in block order: the reference that pair_codes is tested against,
    and candidate_pairs. Nothing is written after construction, so forked processes can share
    one plan.

    Two records whose birth years are a generation apart (score.generation_apart) are never
    paired outside a BSN block: the comparison would call them two people without looking
    further (a father and son, or two strangers who share a surname and an initial), unless
    their BSN agrees, and then the BSN block pairs them. Members of a block are taken in order
    of birth year, so such pairs are not even visited; at a million records this leaves out
    about two in five of the pairs that share a key.
    """

    def __init__(self, prepared: Sequence[PreparedRecord], max_block: int = MAX_BLOCK, window: int = WINDOW) -> None:
        import numpy as np  # here, not at the top: the web lookup imports this module but never plans a batch

        n = len(prepared)
        if n >= 1 << (_OWNER_BITS - 1):
            raise ValueError("too many records for one batch")
        self.prepared = prepared
        self.max_block = max_block
        self.window = window
        key_hashes = array("q")
        offsets = array("q", [0])
        # Birth year per record (-1: unknown) and whether it is a guess, for generation_apart.
        self.years = array("h")
        self.estimated = bytearray()
        bsn_keys: set[int] = set()
        for p in prepared:
            self.years.append(p.year if p.year is not None else -1)
            self.estimated.append(1 if p.estimated else 0)
            keys = blocking_keys(p)
            key_hashes.extend(map(hash, keys))
            if p.bsn:  # the BSN key comes first
                bsn_keys.add(hash(keys[0]))
            offsets.append(len(key_hashes))
        self.bsn_keys = bsn_keys
        self.key_hashes = key_hashes
        self.offsets = offsets

        # Every (key, record) sorted by key and then record, and the blocks of two or more in
        # that order; blocks larger than max_block (never a BSN block: the same BSN overrules
        # everything) are scanned with a window.
        keys_np = np.frombuffer(key_hashes, dtype=np.int64) if key_hashes else np.zeros(0, np.int64)
        owners = np.repeat(np.arange(n, dtype=np.int64), np.diff(np.frombuffer(offsets, dtype=np.int64)))
        order = np.lexsort((owners, keys_np))
        self.sorted_keys = keys_np[order]
        self.sorted_owners = owners[order]
        starts, sizes = _runs(self.sorted_keys)
        several = sizes > 1
        self.starts: list[int] = starts[several].tolist()
        self.ends: list[int] = (starts + sizes)[several].tolist()
        large = self.sorted_keys[starts[sizes > max_block]].tolist()
        self.big = {key for key in large if key not in bsn_keys}

    def __len__(self) -> int:
        return len(self.starts)

    def _first_shared(self, i: int, j: int) -> int | None:
        key_hashes, offsets, big = self.key_hashes, self.offsets, self.big
        keys_i = key_hashes[offsets[i] : offsets[i + 1]]
        keys_j = key_hashes[offsets[j] : offsets[j + 1]]
        first_big = None
        for k in keys_i:
            if k in keys_j:
                if k not in big:
                    return k
                if first_big is None:
                    first_big = k
        return first_big

    def pairs(self, first: int = 0, last: int | None = None) -> Iterator[tuple[int, int]]:
        sorted_keys, sorted_owners, prepared, window = self.sorted_keys, self.sorted_owners, self.prepared, self.window
        years, estimated = self.years, self.estimated
        first_shared = self._first_shared
        for block in range(first, len(self) if last is None else last):
            start, end = self.starts[block], self.ends[block]
            key = int(sorted_keys[start])
            members = sorted_owners[start:end].tolist()
            if key in self.big:  # never a BSN block
                members.sort(key=lambda m: _window_order(prepared[m]))
                for x, i in enumerate(members):
                    yi = years[i]
                    for j in members[x + 1 : x + 1 + window]:
                        yj = years[j]
                        if yi >= 0 and yj >= 0 and generation_apart(abs(yi - yj), bool(estimated[i] or estimated[j])):
                            continue
                        if first_shared(i, j) == key:
                            yield (i, j) if i < j else (j, i)
            elif key in self.bsn_keys:
                for x, i in enumerate(members):
                    for j in members[x + 1 :]:
                        if first_shared(i, j) == key:
                            yield (i, j) if i < j else (j, i)
            else:
                # Unknown years first (they pair with everyone), then by year: a member pairs
                # with the later ones until a generation lies between them.
                members.sort(key=lambda m: years[m])
                for x, i in enumerate(members):
                    yi = years[i]
                    for j in members[x + 1 :]:
                        if yi >= 0:
                            gap = years[j] - yi
                            if gap >= _GAP_ALWAYS:
                                break
                            if gap >= _GAP_SOMETIMES and generation_apart(gap, bool(estimated[i] or estimated[j])):
                                continue
                        if first_shared(i, j) == key:
                            yield (i, j) if i < j else (j, i)

    def pair_codes(self) -> np.ndarray:
        """All pairs of pairs(), as sorted unique int64 codes ``(i << 32) | j`` with i < j (decode_pairs).

        The same set as pairs(), computed column-wise with NumPy instead of one pair at a time:
        a pair that shares a block of at most ``max_block`` members is found in every such block
        (all-against-all, birth years a generation apart left out except in a BSN block), and
        it is kept once, which is what "the first shared key" does in pairs(). Only the
        few large blocks, scanned with a sliding window, go through pairs() itself, because there
        the first shared key decides whether a pair is emitted at all.
        """
        import numpy as np

        years = np.frombuffer(self.years, dtype=np.int16).astype(np.int64)
        estimated = np.frombuffer(bytes(self.estimated), dtype=np.uint8).astype(bool)
        # Within each key by birth year (unknown, -1, first), as pairs() visits the members.
        keys, owners = self.sorted_keys, self.sorted_owners
        order = np.lexsort((years[owners], keys))
        keys, owners = keys[order], owners[order]
        starts, sizes = _runs(keys)
        is_bsn = np.isin(keys[starts], np.fromiter(self.bsn_keys, dtype=np.int64, count=len(self.bsn_keys)))
        chunks = []
        for size in np.unique(sizes[(sizes > 1) & (sizes <= self.max_block)]).tolist():
            for bsn in (False, True):
                chosen = starts[(sizes == size) & (is_bsn == bsn)]
                rows, cols = np.triu_indices(size, 1)
                step = max(1, _PAIRS_PER_STEP // len(rows))
                for at in range(0, len(chosen), step):
                    members = owners[chosen[at : at + step, None] + np.arange(size)]
                    first, second = members[:, rows].ravel(), members[:, cols].ravel()
                    if not bsn:
                        keep = _not_a_generation_apart(first, second, years, estimated)
                        first, second = first[keep], second[keep]
                    low, high = np.minimum(first, second), np.maximum(first, second)
                    chunks.append((low << _OWNER_BITS) | high)
        # Blocks larger than max_block: windowed (below), or for a BSN all-against-all by pairs().
        large = starts[sizes > self.max_block]
        if len(large):
            # Both sorts put the keys in the same order, so a block starts at the same place.
            windowed, bsn_blocks = [], []
            for start in large.tolist():
                block = bisect_left(self.starts, start)
                (windowed if int(self.sorted_keys[start]) in self.big else bsn_blocks).append(block)
            chunks.append(self._windowed_codes(windowed, years, estimated))
            found = array("q")
            for block in bsn_blocks:
                for i, j in self.pairs(block, block + 1):
                    found.append((i << _OWNER_BITS) | j)
            chunks.append(np.frombuffer(found, dtype=np.int64))
        if not chunks:
            return np.zeros(0, np.int64)
        return _sorted_unique(np.concatenate(chunks))

    def _windowed_codes(self, blocks: list[int], years: np.ndarray, estimated: np.ndarray) -> np.ndarray:
        """What pairs() yields for these windowed large blocks, as pair codes (unsorted).

        Each block's members in window order, one block after another; every member paired with
        the next ``window`` of its block at once per distance. pairs() emits such a pair only
        from the first key both share; here it is emitted unless the earlier member has a large
        block's key *before* this one that the other shares too (then that block's window
        decides). A pair that also shares a small block is found there as well, and pair_codes
        keeps each pair once, so the set is the same.
        """
        import numpy as np

        if not blocks:
            return np.zeros(0, np.int64)
        prepared, big, key_hashes, offsets = self.prepared, self.big, self.key_hashes, self.offsets
        big_keys = np.fromiter(big, dtype=np.int64, count=len(big))
        # Members with more than one large block's key: only they can have one before this one.
        several = np.bincount(self.sorted_owners[np.isin(self.sorted_keys, big_keys)], minlength=len(prepared)) > 1
        ordered: list[int] = []
        ends: list[int] = []
        earlier: dict[int, tuple[int, ...]] = {}  # position in `ordered`: large keys before this block's
        for block in blocks:
            start, end = self.starts[block], self.ends[block]
            key = int(self.sorted_keys[start])
            members = self.sorted_owners[start:end].tolist()
            members.sort(key=lambda m: _window_order(prepared[m]))
            for at, m in enumerate(members, start=len(ordered)):
                if several[m]:
                    keys = key_hashes[offsets[m] : offsets[m + 1]].tolist()
                    before = tuple(k for k in keys[: keys.index(key)] if k in big)
                    if before:
                        earlier[at] = before
            ordered.extend(members)
            ends.extend([len(ordered)] * len(members))
        members_np = np.array(ordered, dtype=np.int64)
        ends_np = np.array(ends, dtype=np.int64)
        positions = np.arange(len(members_np))
        checked = np.zeros(len(members_np), dtype=bool)
        checked[list(earlier)] = True
        chunks = []
        for distance in range(1, self.window + 1):
            at = positions[positions + distance < ends_np]
            first, second = members_np[at], members_np[at + distance]
            keep = _not_a_generation_apart(first, second, years, estimated)
            for k in np.flatnonzero(keep & checked[at]).tolist():
                j = int(second[k])
                shared = set(key_hashes[offsets[j] : offsets[j + 1]])
                if not shared.isdisjoint(earlier[int(at[k])]):
                    keep[k] = False
            first, second = first[keep], second[keep]
            chunks.append((np.minimum(first, second) << _OWNER_BITS) | np.maximum(first, second))
        return np.concatenate(chunks)


def _not_a_generation_apart(first: np.ndarray, second: np.ndarray, years: np.ndarray, estimated: np.ndarray):
    """score.generation_apart for arrays of pairs, negated: True where a year is unknown (-1) or
    the years are closer than a generation."""
    import numpy as np

    y1, y2 = years[first], years[second]
    limit = np.where(estimated[first] | estimated[second], GENERATION_GAP_ESTIMATED, GENERATION_GAP_YEARS)
    return (y1 < 0) | (y2 < 0) | (np.abs(y1 - y2) < limit)


def _runs(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each run of equal neighbours in ``values`` starts, and its length."""
    import numpy as np

    if len(values) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    new = np.empty(len(values), dtype=bool)
    new[0] = True
    np.not_equal(values[1:], values[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    return starts, np.diff(np.append(starts, len(values)))


def _sorted_unique(codes: np.ndarray) -> np.ndarray:
    # A sort and the first of each run: np.unique hashes int64 values, several times slower here.
    codes.sort()
    return codes[_runs(codes)[0]]


def decode_pairs(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The indexes (i, j) of BlockPlan.pair_codes as two arrays."""
    return codes >> _OWNER_BITS, codes & _OWNER_MASK


def candidate_pairs(
    records: Sequence[PersonRecord | PreparedRecord],
    max_block: int = MAX_BLOCK,
    window: int = WINDOW,
) -> Iterator[tuple[int, int]]:
    """Pairs of indexes (i < j) into ``records`` that share a blocking key, each pair once (see BlockPlan)."""
    prepared = [prepare(r, cache=False) for r in records]
    yield from BlockPlan(prepared, max_block, window).pairs()
