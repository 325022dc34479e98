"""Pairwise comparison of person records: Fellegi–Sunter weights, the domain's hard rules, an explanation in Dutch.

How a pair is scored
--------------------
Each attribute (BSN, surname, given names, date of birth, address, phone, sex) is put in
one comparison *level* (exact, strong, weak, different, missing, ...). Each level has an
m-probability (how often two records of the *same* person land in that level) and a
u-probability (how often two records of *different* persons do). The level contributes
log2(m/u) bits of evidence; a missing attribute contributes nothing. The sum plus a prior
is mapped to a probability with the logistic function.

The prior is the chance that a given pair is the same person before looking: about one
in the number of records searched (``population``). The same evidence therefore counts
for less in a larger file, which is right: "Jan de Vries, no date of birth" is telling
among a thousand records and says little among a million. Evidence that only a household
shares (the same address, a phone) is the exception: its u holds for about 100 000 records,
and above that size it gets back what the larger prior took (``local_weight``, ADR 0010
decision 11).

The m and u values below are set by hand, from what is known about Dutch registrations
and about how frontline staff write names down; they are not fitted to labelled data
(there is none we may use). Each is commented with its reasoning.

Hard rules
----------
Fellegi–Sunter assumes attributes are independent given the match status; inside a family
they are not (parents and children share surname and address, twins share a birth date,
a father and son sometimes the full name). So on top of the weights:

* two different valid BSNs: two people (nonmatch);
* a clearly different given name, or birth years a generation apart: two people, unless
  the BSN is the same, in which case a person must look (possible at most);
* an automatic link ("match") needs evidence that separates family members: the same BSN,
  or a similar surname *and* a similar given name *and* an agreeing date of birth (a year
  alone only together with the same address or phone) *and* no different sex. Without it
  the pair is at most "possible". Wrongly merging two children of one family is worse
  than missing a link.

Nothing here scores a *person*; it scores whether two records describe the same one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from math import log2

from rapidfuzz.distance import OSA, JaroWinkler

from . import nicknames
from .model import MATCH, NONMATCH, POSSIBLE, Decision, MatchResult, PersonRecord, PreparedRecord, prepare
from .normalize import initial_class, phonetic_key

# ---------------------------------------------------------------------------
# Thresholds
# ---------------------------------------------------------------------------

# An automatic link goes unseen by a person, so it must be right at least 49 times in 50
# even at the margin; the hard rules keep family members below it regardless.
MATCH_THRESHOLD = 0.98
# Below even odds a candidate is not shown: showing a stranger's record in a samenloop is
# itself a disclosure of personal data, so the grey zone starts where "same person" is at
# least as likely as not.
POSSIBLE_THRESHOLD = 0.5

# When the caller does not say how many records are searched: a meldpunt of a large
# municipality holds some tens of thousands of person records; 100 000 errs on the strict side.
DEFAULT_POPULATION = 100_000

# Birth years this far apart are a generation: father and son, not a typo.
GENERATION_GAP_YEARS = 15
GENERATION_GAP_ESTIMATED = 20  # a guessed age ("ongeveer 40") is itself often 5 years off

VETO_WEIGHT = -30.0  # a hard rule outweighs any agreement short of the same BSN


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Where a score becomes a decision: at least ``match`` links, at least ``possible`` asks a person."""

    match: float = MATCH_THRESHOLD
    possible: float = POSSIBLE_THRESHOLD

    def __post_init__(self) -> None:
        if not 0.0 < self.possible <= self.match < 1.0:
            raise ValueError("thresholds must satisfy 0 < possible <= match < 1")

    def decide(self, score: float) -> Decision:
        if score >= self.match:
            return MATCH
        if score >= self.possible:
            return POSSIBLE
        return NONMATCH


DEFAULT_THRESHOLDS = Thresholds()

# ---------------------------------------------------------------------------
# Levels and their m/u probabilities
# ---------------------------------------------------------------------------

EXACT = "exact"
FIRST_EXACT = "first_exact"
FIRST_ONLY = "first_only"
STRONG = "strong"
TYPO = "typo"
PARTIAL = "partial"
INITIALS = "initials"
INITIALS_ALL = "initials_all"
NICKNAME = "nickname"
WEAK = "weak"
DIFFERENT = "different"
MISSING = "missing"
SWAPPED_DM = "swapped_dm"
ONE_OFF = "one_off"
SAME_YM = "same_ym"
SAME_Y = "same_y"
YEAR_NEAR = "year_near"
NEAR = "near"
FAR = "far"
BUILDING = "building"
POSTCODE = "postcode"

# (m, u) per level: m is the chance that two records of one person land in the level, u the
# chance that two records of different people, drawn at random from the file, do. Where a
# u is rounded, it is rounded towards caution (towards more agreement among strangers).
M_U: dict[str, dict[str, tuple[float, float]]] = {
    "bsn": {
        # A BSN is copied from a document; a wrong digit fails the elfproef and is dropped
        # in normalisation, so a valid equal BSN is near-certain.
        EXACT: (0.98, 1e-9),
        DIFFERENT: (0.02, 0.999),
    },
    "surname": {
        # About 1 in 300 random Dutch pairs share a surname (de Jong, Jansen, de Vries ...).
        EXACT: (0.88, 0.003),
        # Same sound or one typo: Janssen/Jansen, Bakker/Backer, el Amrani/Amrani.
        STRONG: (0.07, 0.001),
        # One part of a double name: "Jansen-de Vries" reported as "de Vries".
        PARTIAL: (0.03, 0.002),
        WEAK: (0.01, 0.02),
        # Marriage names and plain errors: 1 in 100 duplicates has a different surname.
        DIFFERENT: (0.01, 0.97),
    },
    "given": {
        # All given names equal: rarer among strangers than the surname alone, since
        # Dutch people carry two or three given names.
        EXACT: (0.80, 0.003),
        # Same first name, other names missing on one side ("Jan" and "Jan Pieter").
        FIRST_EXACT: (0.12, 0.004),
        # Same first name but a clearly different second name, both written in full.
        FIRST_ONLY: (0.01, 0.003),
        # The same sound: Mohamed/Mohammed, Youssef/Joesoef, Aiden/Ayden.
        STRONG: (0.06, 0.001),
        # One letter off in a longer name: a slip (Pieter/Peiter), or a twin (Elisa/Elias,
        # Jasper/Jesper). Good evidence, but it never links on its own (see hard rules).
        TYPO: (0.03, 0.002),
        # The roepnaam is a later given name: "Pieter" for "Jan Pieter".
        PARTIAL: (0.01, 0.002),
        # Kees and Cornelis, Mo and Mohammed: a roepnaam and its full name (nicknames.py).
        NICKNAME: (0.02, 0.0005),
        # Only initials on one side, at least two, and all of them fit the other side's
        # names: "J.P." and "Jan Pieter" (1 in ~150 strangers). m and u given that one side
        # has initials only.
        INITIALS_ALL: (0.55, 0.007),
        # Only initials on one side and they fit: 1 in 12 strangers share a first initial.
        INITIALS: (0.40, 0.08),
        # Close but possibly another name (Emma/Emmy, Daan/Dean): weak evidence either way.
        WEAK: (0.02, 0.03),
        # Clearly another name; also a hard rule.
        DIFFERENT: (0.01, 0.95),
    },
    "dob": {
        # 1 in ~29 000 strangers share a birth date; twins, and birth years bunched in a
        # file, make it commoner: 1e-4.
        EXACT: (0.90, 1e-4),
        SWAPPED_DM: (0.01, 3e-5),  # 05-12 written as 12-05
        ONE_OFF: (0.04, 2e-3),  # day, month or year off by one or by one digit
        SAME_YM: (0.90, 1e-3),  # one side knows only year and month
        SAME_Y: (0.90, 0.0125),  # one side knows only the year: 1 in 80 strangers agree
        YEAR_NEAR: (0.60, 0.06),  # a guessed age within two years
        NEAR: (0.02, 0.025),  # one side knows only the year, and it is one off
        # Slips and swaps have levels of their own, so what is left is rarely one person.
        DIFFERENT: (0.01, 0.95),
    },
    "address": {
        # People move, so a different address is weak evidence of anything; the same
        # address among strangers is rare but common within a family (see hard rules).
        EXACT: (0.55, 0.002),
        BUILDING: (0.05, 0.004),  # same number, other huisletter/toevoeging
        POSTCODE: (0.03, 0.01),  # same street stretch, other number
        DIFFERENT: (0.37, 0.984),
    },
    "phone": {
        # A phone is shared within a household (a parent's mobile on a child's file).
        EXACT: (0.50, 0.005),
        DIFFERENT: (0.50, 0.995),
    },
    "sex": {
        EXACT: (0.97, 0.5),
        DIFFERENT: (0.03, 0.5),
    },
}

W: dict[str, dict[str, float]] = {
    attr: {level: log2(m / u) for level, (m, u) in levels.items()} for attr, levels in M_U.items()
}

# The Dutch phrases of the explanation, per attribute and level.
PHRASES: dict[str, dict[str, str]] = {
    "bsn": {EXACT: "zelfde BSN", DIFFERENT: "ander BSN"},
    "surname": {
        EXACT: "zelfde achternaam",
        STRONG: "achternaam lijkt sterk",
        PARTIAL: "deel van dubbele achternaam gelijk",
        WEAK: "achternaam lijkt enigszins",
        DIFFERENT: "andere achternaam",
    },
    "given": {
        EXACT: "zelfde voornamen",
        FIRST_EXACT: "zelfde eerste voornaam",
        FIRST_ONLY: "zelfde eerste voornaam, andere tweede voornaam",
        STRONG: "voornaam lijkt sterk",
        TYPO: "voornaam op één letter na gelijk",
        PARTIAL: "een van de voornamen gelijk",
        INITIALS: "voorletters passen bij voornaam",
        INITIALS_ALL: "alle voorletters passen bij de voornamen",
        NICKNAME: "roepnaam past bij voornaam",
        WEAK: "voornaam lijkt enigszins",
        DIFFERENT: "voornaam duidelijk anders",
    },
    "dob": {
        EXACT: "zelfde geboortedatum",
        SWAPPED_DM: "dag en maand van geboortedatum verwisseld",
        ONE_OFF: "geboortedatum op één verschrijving na gelijk",
        SAME_YM: "zelfde geboortejaar en -maand",
        SAME_Y: "zelfde geboortejaar",
        YEAR_NEAR: "geboortejaar ligt dicht bij elkaar (geschat)",
        DIFFERENT: "andere geboortedatum",
        FAR: "geboortejaar ligt ver uiteen",
        NEAR: "geboortejaar één jaar verschil (één kant alleen jaar bekend)",
    },
    "address": {
        EXACT: "zelfde adres",
        BUILDING: "zelfde huisnummer, andere toevoeging",
        POSTCODE: "zelfde postcode, ander huisnummer",
        DIFFERENT: "ander adres",
    },
    "phone": {EXACT: "zelfde telefoonnummer", DIFFERENT: "ander telefoonnummer"},
    "sex": {DIFFERENT: "ander geslacht"},
}
PHRASE_SWAPPED = "voor- en achternaam verwisseld"
PHRASE_NO_DOB = "geboortedatum niet bij beide bekend"
PHRASE_NOT_ENOUGH = "te weinig onderscheidende gegevens voor automatisch koppelen"
PHRASE_BSN_OVERRULES = "zelfde BSN maar gegevens spreken elkaar tegen: laten beoordelen"
PHRASE_TWIN = "mogelijk tweeling"
SWAP_PENALTY = 1.0  # a swap is a common slip, but also a second explanation tried: one bit

_SWAP_WORTH_TRYING = frozenset({WEAK, DIFFERENT, PARTIAL, INITIALS, INITIALS_ALL})
# What a name compared with the other record's other name may be for a swap to fit (see _swapped_levels).
_SWAP_FITS = frozenset({EXACT, STRONG, TYPO, PARTIAL, WEAK})

# Levels that tell two members of one family apart (for the automatic-link rule).
_SEPARATING_SURNAME = frozenset({EXACT, STRONG, PARTIAL})
_SEPARATING_GIVEN = frozenset({EXACT, FIRST_EXACT, STRONG, NICKNAME})
_SEPARATING_DOB = frozenset({EXACT, SWAPPED_DM, ONE_OFF, SAME_YM})
# A birth year known on both sides (or a guessed age near it) tells a father from his
# namesake son; the given name, which must then agree, tells siblings apart.
_YEAR_ONLY_DOB = frozenset({SAME_Y, YEAR_NEAR})
# Initials alone never tell twins apart by the first name, so "J.P." and "Jan Pieter" need a
# full date of birth and two or more initials that all fit.
_SEPARATING_INITIALS_DOB = frozenset({EXACT, SWAPPED_DM, ONE_OFF})
_GUARDED_GIVEN = frozenset({INITIALS, INITIALS_ALL, MISSING})
PHRASE_NO_LOOKALIKE = "geen familielid in het register dat er ook op lijkt"

# ---------------------------------------------------------------------------
# Attribute comparisons
# ---------------------------------------------------------------------------

_jw = JaroWinkler.normalized_similarity
_osa = OSA.distance

_SURNAME_STRONG_JW = 0.92
_SURNAME_WEAK_JW = 0.80
_GIVEN_WEAK_JW = 0.82  # Tim/Tom (0.80) and Jan/Johannes (0.81) are different names
_MIN_TYPO_LENGTH = 5  # one edit in a shorter name may well be another name (Daan/Dean)


def _surname_level(a: PreparedRecord, b: PreparedRecord) -> str:
    a_stem, b_stem = a.sn_stem, b.sn_stem
    if not a_stem or not b_stem:
        return MISSING
    if a.sn_full == b.sn_full:
        return EXACT
    if a_stem == b_stem:
        # "van der Horst" and "ter Horst" are two families; "Horst" may be either with the
        # tussenvoegsel dropped.
        if a.sn_prefix and b.sn_prefix and a.sn_prefix != b.sn_prefix:
            return STRONG
        return EXACT
    a_phon, b_phon = a.sn_phon, b.sn_phon
    if a_phon == b_phon:
        return STRONG
    # One letter makes another name in a short one (Vos/Vis, Noa/Nora in a swapped record).
    if min(len(a_stem), len(b_stem)) >= _MIN_TYPO_LENGTH and (
        _jw(a_stem, b_stem) >= _SURNAME_STRONG_JW or _osa(a_stem, b_stem, score_cutoff=1) <= 1
    ):
        return STRONG
    a_parts, b_parts = a.sn_parts, b.sn_parts
    if (len(a_parts) > 1 or len(b_parts) > 1) and not set(a_parts).isdisjoint(b_parts):
        return PARTIAL
    if max(_jw(a_stem, b_stem), _jw(a_phon, b_phon)) >= _SURNAME_WEAK_JW:
        return WEAK
    return DIFFERENT


def _differs_only_at_end(a: str, b: str) -> bool:
    """Lotte/Lotta, Daniel/Daniela, Johan/Johanna: an ending that makes another name."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(long_) - len(short) > 2:
        return False
    return long_.startswith(short) or short[:-1] == long_[: len(short) - 1]


def _one_a_e_swap(a: str, b: str) -> bool:
    """Ahmad/Ahmed, Mahdi/Mehdi: the one vowel that transliterations of Arabic disagree on most."""
    if len(a) != len(b):
        return False
    diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diffs) == 1 and diffs[0] in (("a", "e"), ("e", "a"))


def _given_name_level(a: str, a_phon: str, b: str, b_phon: str) -> str:
    """Level of two single given names, both present.

    Twins are the hard case: they share surname, birth date and address, so their given
    names are all that separates them, and parents like names that differ by one letter
    or sound alike (Tim and Tom, Elisa and Elias, Jasper and Jesper, Lotte and Lotta).
    Only the same sound key counts as strong; one slip in a longer name is TYPO, which is
    evidence but never enough for an automatic link.
    """
    if a == b:
        return EXACT
    if a_phon == b_phon:
        return STRONG
    if min(len(a), len(b)) >= _MIN_TYPO_LENGTH and not _differs_only_at_end(a, b):
        if _osa(a, b, score_cutoff=1) <= 1:
            return TYPO
        if _one_a_e_swap(a_phon, b_phon) and not _differs_only_at_end(a_phon, b_phon):
            return TYPO
    if max(_jw(a, b), _jw(a_phon, b_phon)) >= _GIVEN_WEAK_JW:
        return WEAK
    return DIFFERENT


def _given_level(a: PreparedRecord, b: PreparedRecord) -> str:
    if a.gn_first and b.gn_first:
        if a.gn_names == b.gn_names:
            return EXACT
        level = _given_name_level(a.gn_first, a.gn_first_phon, b.gn_first, b.gn_first_phon)
        if level == EXACT:
            if len(a.gn_names) > 1 and len(b.gn_names) > 1 and a.gn_names[1] != b.gn_names[1]:
                # Both list a second name and they differ: Berend Antonius and Berend
                # Cornelis are cousins named after one grandfather, not one man.
                second = _given_name_level(
                    a.gn_names[1], phonetic_key(a.gn_names[1]), b.gn_names[1], phonetic_key(b.gn_names[1])
                )
                if second == DIFFERENT:
                    return FIRST_ONLY
            return FIRST_EXACT
        if level in (STRONG, TYPO):
            return level
        if nicknames.related(a.gn_first, a.gn_canon, b.gn_first, b.gn_canon):
            return NICKNAME
        if (len(a.gn_names) > 1 or len(b.gn_names) > 1) and not set(a.gn_names).isdisjoint(b.gn_names):
            return PARTIAL
        return level
    ia, ib = a.gn_initials, b.gn_initials
    if not ia or not ib:
        return MISSING
    if ia.startswith(ib) or ib.startswith(ia):
        # "J.P." and "Jan Pieter": every initial of the initials-only side is accounted for.
        if min(len(ia), len(ib)) >= 2 and (ia == ib or (a.gn_first and b.gn_first)):
            return INITIALS_ALL
        return INITIALS
    # "J.G." and "Gerrit": the roepnaam is often not the first given name.
    if (a.gn_first and ia[0] in ib[1:]) or (b.gn_first and ib[0] in ia[1:]):
        return PARTIAL
    # The initials disagree: J.P. and J.K. are two people.
    return DIFFERENT


def _slip(x: int, y: int) -> bool:
    """One slip of the pen: off by one (19/20, 1989/1990), one decimal digit (12/18, 1985/1995)
    or two neighbouring digits swapped (12/21, 1985/1958)."""
    if abs(x - y) == 1:
        return True
    sx, sy = str(x).zfill(2), str(y).zfill(2)
    if len(sx) != len(sy):
        return False
    diffs = [i for i, (c, d) in enumerate(zip(sx, sy, strict=True)) if c != d]
    if len(diffs) == 1:
        return True
    i, j = diffs if len(diffs) == 2 else (0, 0)
    return j == i + 1 and sx[i] == sy[j] and sx[j] == sy[i]


def generation_apart(gap: int, estimated: bool) -> bool:
    """Birth years ``gap`` years apart are a generation (father and son), not a slip: a hard rule
    (level FAR) that only the same BSN overrules. BlockPlan uses it too, to skip such pairs
    without scoring them."""
    return gap >= (GENERATION_GAP_ESTIMATED if estimated else GENERATION_GAP_YEARS)


def _dob_level(a: PreparedRecord, b: PreparedRecord) -> str:
    ya, yb = a.year, b.year
    if ya is None or yb is None:
        return MISSING
    gap = abs(ya - yb)
    estimated = a.estimated or b.estimated
    if generation_apart(gap, estimated):
        return FAR
    if estimated:
        return YEAR_NEAR if gap <= 2 else DIFFERENT
    ma, mb, da, db = a.month, b.month, a.day, b.day
    if da is not None and db is not None:
        # Both complete.
        if ya == yb and ma == mb and da == db:
            return EXACT
        if ya == yb and ma == db and da == mb:
            return SWAPPED_DM
        same = (ya == yb) + (ma == mb) + (da == db)
        if same == 2:
            if ya != yb and _slip(ya, yb):
                return ONE_OFF
            if ma != mb and _slip(ma, mb):  # type: ignore[arg-type]
                return ONE_OFF
            if da != db and _slip(da, db):
                return ONE_OFF
        return DIFFERENT
    # At least one side is partial: agree on what both know.
    if ya != yb:
        # "1985" on one side and 1986-03-04 on the other: weak evidence, not a contradiction.
        return NEAR if gap == 1 else DIFFERENT
    if ma is not None and mb is not None:
        if ma != mb:
            # 12-05 written as 05-12 cannot be seen without both days; a month is a month.
            return DIFFERENT
        return SAME_YM
    return SAME_Y


def _same_street(a: str, b: str) -> bool:
    """Street and number agree: "Lange Voorhout 5" and "Langevoorhout 5", or one slip in a long street name."""
    if a == b:
        return True
    name_a, _, nr_a = a.partition("|")
    name_b, _, nr_b = b.partition("|")
    return nr_a == nr_b and min(len(name_a), len(name_b)) >= 8 and _osa(name_a, name_b, score_cutoff=1) <= 1


def _address_level(a: PreparedRecord, b: PreparedRecord) -> str:
    if a.addr_nr and b.addr_nr:
        if a.addr_full == b.addr_full:
            return EXACT
        if a.addr_nr == b.addr_nr:
            return BUILDING
        if a.street and b.street and _same_street(a.street, b.street):
            return EXACT  # a foreign postcode typed two ways, the street the same
        if a.postcode == b.postcode:
            return POSTCODE
        return DIFFERENT
    if a.street and b.street:
        return EXACT if _same_street(a.street, b.street) else DIFFERENT
    if a.postcode and b.postcode:
        return POSTCODE if a.postcode == b.postcode else DIFFERENT
    return MISSING


# ---------------------------------------------------------------------------
# compare
# ---------------------------------------------------------------------------

_W_BSN = W["bsn"]
_W_SURNAME = W["surname"]
_W_GIVEN = W["given"]
_W_DOB = W["dob"]
_W_ADDRESS = W["address"]
_W_PHONE = W["phone"]
_W_SEX = W["sex"]
_P_SURNAME = PHRASES["surname"]
_P_GIVEN = PHRASES["given"]
_P_DOB = PHRASES["dob"]
_P_ADDRESS = PHRASES["address"]


def _swapped_levels(a: PreparedRecord, b: PreparedRecord) -> tuple[str, str] | None:
    """Levels when a's surname is b's given name and the other way round, if that fits better.

    ``a`` may have initials only ("W. Weerdberg" and "Weerdberg Wilhelmus").
    """
    if not (b.gn_first and a.sn_stem and b.sn_stem and (a.gn_first or a.gn_initials)):
        return None
    # "de Vries" typed as a given name is parsed as two names ("de", "vries").
    b_given_as_surname = "".join(b.gn_names)
    if b_given_as_surname in (a.sn_full, a.sn_stem):
        sn = EXACT
    elif len(a.sn_parts) > 1 and b_given_as_surname in a.sn_parts:
        # "A.P. Brink-Groen" written as "Brink Aya": one part of the double name in the given-name field.
        sn = PARTIAL
    else:
        sn = _given_name_level(a.sn_stem, a.sn_phon, b.gn_first, b.gn_first_phon)
    if sn not in _SWAP_FITS:
        return None
    sn = STRONG if sn == TYPO else sn
    if not a.gn_first:
        return (sn, INITIALS) if sn != WEAK and a.gn_initials[0] == initial_class(b.sn_stem) else None
    gn = _given_name_level(a.gn_first, a.gn_first_phon, b.sn_stem, b.sn_phon)
    if gn not in _SWAP_FITS:
        return None
    # A slip in a swapped name may leave it only "weak" ("Wojciech Kowalczyk" written "Kowalczyk
    # Wojcieh", or "Andreas Weber" as "Webek Anrreas"). WEAK is not separating and weighs little,
    # so such a pair is at most "possible", and only with more agreeing (the same date of birth
    # and address): a person decides, since a twin could be meant.
    return sn, (FIRST_EXACT if gn == EXACT else gn)


def prior_log2_odds(population: int) -> float:
    """Prior log2 odds that two records are one person: one true partner among ``population``."""
    return -log2(max(population, 2))


# Evidence that a household shares — the same address, the same phone — is shared by a
# handful of people however large the register is. The hand-set u of these levels hold for a
# register of about LOCAL_CALIBRATION_POPULATION records; in a larger one the prior (one in N)
# would count the whole register as competitors for what only the housemates share, and recall
# would fall as the register grows while precision rose (docs/benchmarks.md, eighth session).
# So a pair that agrees on the address or a phone gets back what the prior took beyond that
# size (at most once): its odds against the housemates stay what they were. A smaller register
# keeps the prior as it is.
LOCAL_CALIBRATION_POPULATION = DEFAULT_POPULATION


def local_weight(prior: float) -> float:
    """The bits a pair agreeing on the address or a phone gets back from ``prior`` (0 up to 100 000 records)."""
    return max(0.0, prior_log2_odds(LOCAL_CALIBRATION_POPULATION) - prior)


def probability(weight: float, prior: float) -> float:
    """The probability that a pair is one person, from its summed weight and the prior log2 odds."""
    x = weight + prior
    if x > 60:
        return 1.0
    if x < -60:
        return 0.0
    return 1.0 / (1.0 + 2.0 ** (-x))


def compare(
    a: PersonRecord | PreparedRecord,
    b: PersonRecord | PreparedRecord,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    *,
    population: int = DEFAULT_POPULATION,
) -> MatchResult:
    """Score whether two records describe the same person, and say why.

    ``population`` is the number of records the pair was drawn from (see the module
    docstring). Symmetric: compare(a, b) and compare(b, a) give the same result.
    """
    return _compare(prepare(a), prepare(b), thresholds, prior_log2_odds(population), twins=True)  # type: ignore[return-value]


def compare_batch(
    a: PreparedRecord,
    b: PreparedRecord,
    thresholds: Thresholds,
    prior: float,
    *,
    twins: bool = False,
    surname_u: Mapping[str, float] | None = None,
) -> MatchResult | None:
    """compare() for batch deduplication: prepared records and the prior computed once
    (``prior_log2_odds(population)``). Returns None, without finishing the comparison, as soon
    as the pair is certainly a nonmatch (a hard rule without the same BSN) and, with ``twins``,
    not a possible twin; otherwise exactly compare()'s result.

    ``surname_u`` (surname_frequencies) gives the same surname the weight of how common that
    surname is in the batch, instead of one weight for every surname."""
    return _compare(a, b, thresholds, prior, brief=True, twins=twins, surname_u=surname_u)


# A surname's own u is never taken below this (a name seen twice in a small batch says much,
# but not more than a BSN-free register can know) nor above the u of a weak agreement.
SURNAME_U_MIN = 1e-5
SURNAME_U_MAX = 0.02


def surname_frequencies(records: Iterable[PreparedRecord]) -> dict[str, float]:
    """The u of "same surname" per surname, from how often it occurs among ``records``: the share
    of records that carry it (term-frequency adjustment, as Splink does it), clamped to
    [SURNAME_U_MIN, SURNAME_U_MAX]. Keyed by the surname stem."""
    counts: dict[str, int] = {}
    n = 0
    for r in records:
        n += 1
        if r.sn_stem:
            counts[r.sn_stem] = counts.get(r.sn_stem, 0) + 1
    return {k: min(SURNAME_U_MAX, max(SURNAME_U_MIN, c / max(n, 1))) for k, c in counts.items()}


def _surname_u(surname_u: Mapping[str, float], a: PreparedRecord, b: PreparedRecord) -> float | None:
    """The u of "same surname" for a pair: of the more common of the two spellings ("Elazzouzi"
    and "el Azzouzi" agree but are counted apart), so that the weight does not depend on which
    record comes first."""
    return max(surname_u.get(a.sn_stem, 0.0), surname_u.get(b.sn_stem, 0.0)) or None


def _compare(
    a: PreparedRecord,
    b: PreparedRecord,
    thresholds: Thresholds,
    prior: float,
    *,
    brief: bool = False,
    twins: bool = False,
    surname_u: Mapping[str, float] | None = None,
) -> MatchResult | None:
    weight = 0.0
    why: list[str] = []
    veto = False  # a hard rule says: two people
    bsn_equal = False

    if a.bsn and b.bsn:
        if a.bsn == b.bsn:
            bsn_equal = True
            weight += _W_BSN[EXACT]
            why.append("zelfde BSN")
        else:
            if brief:
                # Two different BSNs: two people, and never a possible twin (see maybe_twin).
                return None
            weight += _W_BSN[DIFFERENT] + VETO_WEIGHT
            why.append("ander BSN")
            veto = True

    sn = _surname_level(a, b)
    gn = _given_level(a, b)
    swapped = False
    if sn in (WEAK, DIFFERENT) and gn in _SWAP_WORTH_TRYING:
        # Try both directions and keep the better, so that compare stays symmetric.
        options = [alt for alt in (_swapped_levels(a, b), _swapped_levels(b, a)) if alt]
        if options:
            best = max(options, key=lambda lv: (_W_SURNAME[lv[0]] + _W_GIVEN[lv[1]], lv))
            if _W_SURNAME[best[0]] + _W_GIVEN[best[1]] - SWAP_PENALTY > _W_SURNAME[sn] + _W_GIVEN.get(gn, 0.0):
                sn, gn = best
                swapped = True
                weight -= SWAP_PENALTY

    if swapped:
        why.append(PHRASE_SWAPPED)
    if sn != MISSING:
        u = _surname_u(surname_u, a, b) if surname_u and sn == EXACT and not swapped else None
        weight += log2(M_U["surname"][EXACT][0] / u) if u else _W_SURNAME[sn]
        why.append(_P_SURNAME[sn])
    if gn != MISSING:
        weight += _W_GIVEN[gn]
        why.append(_P_GIVEN[gn])
        if gn == DIFFERENT:
            veto = True
    # A hard rule without the same BSN: the score is capped at half the "possible" threshold,
    # whatever else agrees, so the pair is a nonmatch. Only a pair that may be twins (a
    # different given name, nothing else against it yet) is finished when twins are asked for.
    maybe_twin = twins and gn == DIFFERENT and sn in (EXACT, STRONG) and not (a.bsn and b.bsn and not bsn_equal)
    if brief and veto and not bsn_equal and not maybe_twin:
        return None

    dob = _dob_level(a, b)
    if dob == MISSING:
        why.append(PHRASE_NO_DOB)
    elif dob == FAR:
        veto = True
        maybe_twin = False
        if brief and not bsn_equal:
            return None
        why.append(_P_DOB[FAR])
    else:
        weight += _W_DOB[dob]
        why.append(_P_DOB[dob])

    addr = _address_level(a, b)
    if addr != MISSING:
        weight += _W_ADDRESS[addr]
        why.append(_P_ADDRESS[addr])
    # Same surname, date of birth and address, a clearly different given name: twins, or one
    # person written once by another of their given names. Never linked; find_duplicates lists
    # it for a person to judge.
    possible_twin = maybe_twin and veto and dob == EXACT and addr in (EXACT, BUILDING)
    if brief and veto and not bsn_equal and not possible_twin:
        return None

    phone_equal = False
    sex_differs = False
    if a.phones and b.phones:
        if a.phones.isdisjoint(b.phones):
            weight += _W_PHONE[DIFFERENT]
            why.append("ander telefoonnummer")
        else:
            phone_equal = True
            weight += _W_PHONE[EXACT]
            why.append("zelfde telefoonnummer")

    if addr == EXACT or phone_equal:
        weight += local_weight(prior)

    if a.sex and b.sex:
        if a.sex == b.sex:
            weight += _W_SEX[EXACT]
        else:
            sex_differs = True
            weight += _W_SEX[DIFFERENT]
            why.append("ander geslacht")

    bsn_differs = bool(a.bsn and b.bsn and not bsn_equal)
    guarded = False
    just_below_match = thresholds.match - 1e-3
    if veto and bsn_equal:
        # The BSN says one person, the names or dates say two: identity fraud looks like
        # this too. A person decides.
        score = min(probability(weight, prior), just_below_match)
        score = max(score, thresholds.possible)
        why.append(PHRASE_BSN_OVERRULES)
    elif veto:
        if not bsn_differs:
            weight += VETO_WEIGHT
        score = min(probability(weight, prior), thresholds.possible / 2)
        if possible_twin:
            why.append(PHRASE_TWIN)
    else:
        score = probability(weight, prior)
        # Boy-and-girl twins may carry one name in two spellings (Noah and Noa).
        separating = bsn_equal or (
            not sex_differs
            and sn in _SEPARATING_SURNAME
            and (
                (
                    gn in _SEPARATING_GIVEN
                    and (dob in _SEPARATING_DOB or (dob in _YEAR_ONLY_DOB and (addr == EXACT or phone_equal)))
                )
                or (gn == INITIALS_ALL and dob in _SEPARATING_INITIALS_DOB)
            )
        )
        if score >= thresholds.match and not separating:
            score = just_below_match
            # Evidence enough, except that a relative could look the same: a twin when the
            # given name is missing or only initials, a namesake father or son when the date of
            # birth is missing. The engine links it only when the register holds no such
            # relative (engine.resolve_guarded); otherwise a person decides.
            guarded = (
                not sex_differs
                and sn in _SEPARATING_SURNAME
                and (
                    (dob == MISSING and (gn in _SEPARATING_GIVEN or gn == INITIALS_ALL))
                    or (gn in _GUARDED_GIVEN and (dob in _SEPARATING_DOB or dob in _YEAR_ONLY_DOB))
                )
            )
            why.append(PHRASE_NOT_ENOUGH)

    return MatchResult(
        ref_a=a.ref,
        ref_b=b.ref,
        score=score,
        decision=thresholds.decide(score),
        explanation=why,
        weight=weight,
        possible_twin=possible_twin,
        guarded=guarded,
    )


# ---------------------------------------------------------------------------
# Levels of a pair, and learned parameters (see em.py)
# ---------------------------------------------------------------------------

ATTRIBUTES = ("bsn", "surname", "given", "dob", "address", "phone", "sex")
# The hand-set values above, kept so that learned parameters can be undone.
HAND_SET_M_U: dict[str, dict[str, tuple[float, float]]] = {a: dict(lv) for a, lv in M_U.items()}


def levels(a: PreparedRecord, b: PreparedRecord, *, swaps: bool = True) -> tuple[str, ...]:
    """The comparison level of each attribute (ATTRIBUTES order) as compare() sees it; MISSING where unknown.

    ``swaps=False`` skips trying swapped names: for random pairs, where a swap that fits is
    vanishingly rare and trying it is most of the cost.
    """
    bsn = MISSING if not (a.bsn and b.bsn) else EXACT if a.bsn == b.bsn else DIFFERENT
    sn, gn = _surname_level(a, b), _given_level(a, b)
    if swaps and sn in (WEAK, DIFFERENT) and gn in _SWAP_WORTH_TRYING:
        options = [alt for alt in (_swapped_levels(a, b), _swapped_levels(b, a)) if alt]
        if options:
            best = max(options, key=lambda lv: (_W_SURNAME[lv[0]] + _W_GIVEN[lv[1]], lv))
            if _W_SURNAME[best[0]] + _W_GIVEN[best[1]] - SWAP_PENALTY > _W_SURNAME[sn] + _W_GIVEN.get(gn, 0.0):
                sn, gn = best
    dob = _dob_level(a, b)
    if dob == FAR:
        dob = DIFFERENT
    phone = MISSING if not (a.phones and b.phones) else DIFFERENT if a.phones.isdisjoint(b.phones) else EXACT
    sex = MISSING if not (a.sex and b.sex) else EXACT if a.sex == b.sex else DIFFERENT
    return (bsn, sn, gn, dob, _address_level(a, b), phone, sex)


def use_parameters(m_u: dict[str, dict[str, tuple[float, float]]] | None) -> None:
    """Score with these m and u probabilities (per attribute and level) from now on; None: the hand-set ones.

    Levels not in ``m_u`` keep their hand-set values. Changes the weights in place, for this
    process and the processes it forks afterwards; the hard rules and the prior are not touched.
    """
    for attr, table in HAND_SET_M_U.items():
        for level, (m, u) in table.items():
            if m_u and level in m_u.get(attr, {}):
                m, u = m_u[attr][level]
            M_U[attr][level] = (m, u)
            W[attr][level] = log2(m / u)
