"""Tests of blocking: the keys a record is filed under, the in-memory index and batch candidate pairs."""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st

from ..blocking import MAX_KEYS, BlockPlan, InMemoryIndex, blocking_keys, candidate_pairs, decode_pairs
from ..model import PartialDate, prepare
from ..score import DEFAULT_THRESHOLDS, compare_batch, generation_apart, prior_log2_odds
from .helpers import PROPERTY, person, records, slots

D = PartialDate


def base(**overrides: object):
    fields: dict[str, object] = {
        "voornamen": "Youssef",
        "voorvoegsel": "el",
        "geslachtsnaam": "Amrani",
        "geboortedatum": D(1990, 3, 4),
        "bsn": "111222333",
        "postcode": "1234AB",
        "huisnummer": 5,
        "telefoon": ["06-12345678", "020-1234567", "+31 6 87654321"],
    }
    fields.update(overrides)
    return person(**fields)


def test_keys_are_few_short_and_unique() -> None:
    keys = blocking_keys(base())
    assert 0 < len(keys) <= MAX_KEYS
    assert len(keys) == len(set(keys))
    assert all(len(k) <= 32 for k in keys)
    assert "b:111222333" in keys
    assert "di:19900304:j" in keys
    assert "a:1234AB5" in keys
    assert "dp:19900304:1234" in keys
    # At most two phone keys, however many numbers a record lists.
    assert sum(k.startswith("t:") for k in keys) == 2


@PROPERTY
@given(records())
def test_any_record_has_a_bounded_list_of_unique_keys(record) -> None:
    keys = blocking_keys(record)
    assert len(keys) <= MAX_KEYS
    assert len(keys) == len(set(keys))
    assert all(isinstance(k, str) and k for k in keys)


def test_an_empty_record_has_no_keys() -> None:
    assert blocking_keys(person()) == []


def _share(a, b) -> bool:
    return bool(set(blocking_keys(a)) & set(blocking_keys(b)))


def test_spelling_of_the_name_does_not_change_the_name_keys() -> None:
    a = base(bsn=None, telefoon=[])
    for b in (
        base(voornamen="Yusuf", voorvoegsel="", geslachtsnaam="El-Amrani"),
        base(voornamen="JOESOEF", voorvoegsel="", geslachtsnaam="el amrani"),
        base(voornamen="Youssef", voorvoegsel="", geslachtsnaam="Amrani"),
    ):
        keys_b = set(blocking_keys(b))
        assert {k for k in blocking_keys(a) if k.startswith(("ny:", "ni:", "nn:"))} <= keys_b


@PROPERTY
@given(
    st.sampled_from(
        ["surname typo", "swapped names", "no date", "glued tussenvoegsel", "initials", "moved", "dm swapped"]
    ),
    st.sampled_from(["Bakker", "de Vries", "van den Berg", "Jansen", "El Amrani", "Ivanov"]),
    st.sampled_from(["Jan", "Mohamed", "Anna", "Sergej", "Aicha"]),
)
def test_a_duplicate_with_one_error_shares_a_key(error: str, surname: str, given_name: str) -> None:
    prefix, _, stem = surname.rpartition(" ")
    a = person(
        voornamen=given_name,
        voorvoegsel=prefix,
        geslachtsnaam=stem,
        geboortedatum=D(1985, 7, 9),
        postcode="1234AB",
        huisnummer=3,
    )
    changes: dict[str, object] = {
        "surname typo": {"geslachtsnaam": "X" + stem[1:]},
        "swapped names": {"voornamen": surname, "voorvoegsel": "", "geslachtsnaam": given_name},
        "no date": {"geboortedatum": None},
        "glued tussenvoegsel": {
            "voorvoegsel": "",
            "geslachtsnaam": prefix.replace(" ", "").capitalize() + stem.lower(),
        },
        "initials": {"voornamen": given_name[0] + "."},
        "moved": {"postcode": "9876ZX", "huisnummer": 1},
        "dm swapped": {"geboortedatum": D(1985, 9, 7)},
    }[error]  # type: ignore[assignment]
    fields = {
        "voornamen": given_name,
        "voorvoegsel": prefix,
        "geslachtsnaam": stem,
        "geboortedatum": D(1985, 7, 9),
        "postcode": "1234AB",
        "huisnummer": 3,
    }
    fields.update(changes)  # type: ignore[arg-type]
    b = person(**fields)
    assert _share(a, b), (blocking_keys(a), blocking_keys(b))


def test_swapped_names_share_the_name_pair_key() -> None:
    a = person(voornamen="Jan", geslachtsnaam="Bakker")
    b = person(voornamen="Bakker", geslachtsnaam="Jan")
    nn = [k for k in blocking_keys(a) if k.startswith("nn:")]
    assert nn and nn[0] in blocking_keys(b)


def test_in_memory_index_finds_candidates_once() -> None:
    stored = [
        base(ref="r1"),
        base(ref="r2", voornamen="Yusuf"),
        person(ref="r3", voornamen="Piet", geslachtsnaam="Puk"),
    ]
    index = InMemoryIndex(stored)
    assert len(index) == 3
    found = [p.ref for p in index.candidates(base(ref="q"))]
    assert found == ["r1", "r2"]


def test_in_memory_index_skips_a_common_key_like_the_database_lookup() -> None:
    # Five J. Jansens without a date share only "ni:jnsn:j"; one of them also has a phone.
    stored = [person(ref=f"j{i}", voornamen=f"J{'a' * i}n", geslachtsnaam="Jansen") for i in range(5)]
    stored.append(person(ref="tel", voornamen="Jop", geslachtsnaam="Jansen", telefoon=["06-12345678"]))
    index = InMemoryIndex(stored, max_per_key=3)
    # A more selective key (the phone) is there: the common key is skipped.
    with_phone = person(voornamen="Jeroen", geslachtsnaam="Jansen", telefoon=["06-12345678"])
    assert [p.ref for p in index.candidates(with_phone)] == ["tel"]
    # Only the common key: it is looked up, capped to the newest max_per_key records.
    only_name = person(voornamen="J.", geslachtsnaam="Jansen")
    assert [p.ref for p in index.candidates(only_name)] == ["j3", "j4", "tel"]


def _generation_apart(a, b) -> bool:
    """Birth years a generation apart and not the same BSN: candidate_pairs leaves the pair out."""
    pa, pb = prepare(a, cache=False), prepare(b, cache=False)
    if pa.year is None or pb.year is None or (pa.bsn and pa.bsn == pb.bsn):
        return False
    return generation_apart(abs(pa.year - pb.year), pa.estimated or pb.estimated)


def _brute_force_pairs(recs) -> set[tuple[int, int]]:
    keys = [set(blocking_keys(r)) for r in recs]
    return {
        (i, j)
        for i, j in combinations(range(len(recs)), 2)
        if keys[i] & keys[j] and not _generation_apart(recs[i], recs[j])
    }


@PROPERTY
@given(st.lists(records(), max_size=25))
def test_candidate_pairs_are_exactly_the_pairs_that_share_a_key(recs) -> None:
    pairs = list(candidate_pairs(recs))
    assert len(pairs) == len(set(pairs))
    assert all(i < j for i, j in pairs)
    assert set(pairs) == _brute_force_pairs(recs)


@PROPERTY
@given(st.lists(records(), max_size=40), st.integers(2, 6), st.integers(1, 4))
def test_capped_blocks_still_give_each_pair_at_most_once(recs, max_block: int, window: int) -> None:
    pairs = list(candidate_pairs(recs, max_block=max_block, window=window))
    assert len(pairs) == len(set(pairs))
    assert set(pairs) <= _brute_force_pairs(recs)


def _column_pairs(recs, **kwargs) -> list[tuple[int, int]]:
    plan = BlockPlan([prepare(r, cache=False) for r in recs], **kwargs)
    return list(zip(*(a.tolist() for a in decode_pairs(plan.pair_codes())), strict=True))


@PROPERTY
@given(st.lists(records(), max_size=40), st.integers(2, 6), st.integers(1, 4))
def test_pair_codes_are_exactly_the_pairs_of_the_plan(recs, max_block: int, window: int) -> None:
    # The column-wise enumeration that find_duplicates uses and the pair-at-a-time reference,
    # windowed large blocks included: the same pairs, each once, in order.
    pairs = _column_pairs(recs, max_block=max_block, window=window)
    assert pairs == sorted(set(pairs))
    assert set(pairs) == set(candidate_pairs(recs, max_block=max_block, window=window))


def test_pair_codes_of_large_blocks_and_a_large_bsn_block() -> None:
    jansens = [person(voornamen=f"J{'a' * (i % 7)}n{i}", geslachtsnaam="Jansen") for i in range(40)]
    # One BSN on eight records with names and years far apart: a BSN block is always compared
    # all-against-all, also when it is larger than max_block, and years do not count there.
    bsn = [
        person(voornamen=f"Naam{i}", geslachtsnaam=f"Anders{i}", bsn="111222333", geboortedatum=D(1940 + 9 * i))
        for i in range(8)
    ]
    recs = jansens + bsn
    pairs = _column_pairs(recs, max_block=10, window=3)
    assert set(pairs) == set(candidate_pairs(recs, max_block=10, window=3))
    assert {(i, j) for i, j in combinations(range(40, 48), 2)} <= set(pairs)
    assert 0 < sum(1 for i, j in pairs if j < 40) <= 40 * 3
    assert _column_pairs([]) == []


def test_a_huge_block_is_scanned_with_a_window() -> None:
    # Forty J. Jansens without a date share only "ni:jnsn:j": all-against-all would be 780 pairs.
    recs = [person(voornamen=f"J{'a' * (i % 7)}n{i}", geslachtsnaam="Jansen") for i in range(40)]
    pairs = list(candidate_pairs(recs, max_block=10, window=3))
    assert 0 < len(pairs) <= 40 * 3


@PROPERTY
@given(st.lists(records(), max_size=25))
def test_a_pair_blocking_leaves_out_is_a_certain_nonmatch(recs) -> None:
    # Pairs that share a key but are not candidates (birth years a generation apart) would be
    # scored as two people without a second look, possible twins included: leaving them out
    # changes no result of find_duplicates.
    keys = [set(blocking_keys(r)) for r in recs]
    candidates = set(candidate_pairs(recs))
    prior = prior_log2_odds(max(2, len(recs)))
    for i, j in combinations(range(len(recs)), 2):
        if keys[i] & keys[j] and (i, j) not in candidates:
            a, b = prepare(recs[i], cache=False), prepare(recs[j], cache=False)
            assert compare_batch(a, b, DEFAULT_THRESHOLDS, prior, twins=True) is None


def test_father_and_son_with_one_name_are_not_compared_unless_the_bsn_agrees() -> None:
    father = person(
        ref="f",
        voornamen="Jan",
        geslachtsnaam="Vries",
        voorvoegsel="de",
        geboortedatum=D(1960, 1, 2),
        postcode="1234AB",
        huisnummer=5,
    )
    son = person(
        ref="s",
        voornamen="Jan",
        geslachtsnaam="Vries",
        voorvoegsel="de",
        geboortedatum=D(1990, 5, 6),
        postcode="1234AB",
        huisnummer=5,
    )
    assert list(candidate_pairs([father, son])) == []
    # The same BSN overrules the years (a typo in a year, or identity fraud): a person looks.
    bsn = "111222333"
    assert list(candidate_pairs([replace(father, bsn=bsn), replace(son, bsn=bsn)])) == [(0, 1)]
    # A guessed age ("ongeveer 45") is itself often years off: 17 years apart is still compared.
    guessed = replace(son, geboortedatum=D(1977, estimated=True))
    assert list(candidate_pairs([father, guessed])) == [(0, 1)]
    # Without a year on one side nothing is known about the generation.
    no_year = replace(son, geboortedatum=None)
    assert list(candidate_pairs([father, no_year])) == [(0, 1)]


@PROPERTY
@given(records())
def test_any_record_survives_its_stored_profile(record) -> None:
    from ..model import from_profile, to_profile

    p = prepare(record, cache=False)
    q = from_profile(to_profile(p), p.ref)
    assert q is not None
    assert slots(q) == slots(p)
    assert blocking_keys(q) == blocking_keys(p)


def test_the_engine_loads_numpy_only_for_a_batch() -> None:
    # The web lookup imports the engine in every worker; only find_duplicates plans a batch.
    import subprocess
    import sys

    code = (
        "import sys; import schakelpunt.matching.engine as e; assert 'numpy' not in sys.modules; "
        "e.BlockPlan([]).pair_codes(); assert 'numpy' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
