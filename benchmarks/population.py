"""Synthetic Dutch population with known truth, for benchmarking the person-matching engine (no real personal data).

``generate(n_persons, seed)`` builds households (families sharing a surname and an
address, twins, fathers and sons with the same full name, people of migrant origin whose
names are transliterated in several ways) and writes each person down one or more times
the way frontline staff do: tussenvoegsels apart, together or dropped, diacritics lost,
given and family name swapped, typos, initials only, partial or day/month-swapped dates
of birth, old addresses, missing fields. Which records belong to whom is kept in
``Population.truth``; the records themselves carry no hint of it.

Self-check: ``python benchmarks/population.py 10000`` prints counts, the precision, recall
and F1 of ``engine.find_duplicate_pairs`` against the truth, and the false-link rate of
``engine.match_one`` on queries that have no true match among the stored records.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate, combinations
from pathlib import Path

from faker import Faker
from unidecode import unidecode

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from schakelpunt.matching import engine  # noqa: E402
from schakelpunt.matching.blocking import InMemoryIndex, candidate_pairs  # noqa: E402
from schakelpunt.matching.model import PartialDate, PersonRecord, prepare  # noqa: E402
from schakelpunt.matching.normalize import phonetic_key  # noqa: E402
from schakelpunt.matching.score import compare  # noqa: E402

# ---------------------------------------------------------------------------
# Name material. Faker supplies the bulk; the lists below add what it lacks: the
# frequency of common Dutch surnames and the transliteration variants of names from
# abroad, which are the point of the benchmark. All are names, not persons.
# ---------------------------------------------------------------------------

# fmt: off
COMMON_NL_SURNAMES = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
    "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
    "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf",
    "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
    "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "de Bruin",
    "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven",
    "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom",
    "Huisman", "Peeters", "de Jonge", "Kuipers", "van Veen", "Post", "Kuiper", "Veenstra",
    "Kramer", "van den Brink", "Scholten", "van Wijk", "Postma", "Martens", "Vink",
    "de Ruiter", "Timmermans", "Groen", "Gerritsen", "Jonker", "van Loon", "Boer",
    "van der Velde", "Willemsen", "Smeets", "de Lange", "de Vos", "Bosch", "van Dongen",
    "Schipper", "de Koning", "van der Laan", "Koning", "van der Velden", "Driessen",
    "van Doorn", "Hermans", "Evers", "van den Bosch", "van der Meulen", "Hofman", "Bosman",
    "Wolters", "Sanders", "van der Horst", "Mol", "Kuijpers", "Molenaar", "van de Pol",
    "de Leeuw", "Verbeek", "ter Horst", "van 't Hof", "in 't Veld",
)
# fmt: on

# fmt: off
TRADITIONAL_NL_GIVEN_MALE = (
    "Johannes", "Cornelis", "Hendrik", "Jan", "Pieter", "Willem", "Jacobus", "Petrus",
    "Gerardus", "Antonius", "Adrianus", "Theodorus", "Franciscus", "Wilhelmus", "Albertus",
    "Gerrit", "Dirk", "Klaas", "Maarten", "Hubertus",
)
# fmt: on
# fmt: off
TRADITIONAL_NL_GIVEN_FEMALE = (
    "Maria", "Johanna", "Wilhelmina", "Catharina", "Elisabeth", "Hendrika", "Geertruida",
    "Anna", "Cornelia", "Petronella", "Adriana", "Jacoba", "Theodora", "Margaretha",
    "Helena", "Aaltje",
)
# fmt: on

# Each inner tuple: one name, its common spellings (the first is used in the BRP).
# fmt: off
MOROCCAN_GIVEN_MALE = (
    ("Mohammed", "Mohamed", "Muhammad", "Mohammad", "Mohamad"),
    ("Youssef", "Yusuf", "Joesoef", "Youssouf"), ("Ahmed", "Ahmad", "Achmed"),
    ("Hussein", "Hoessein", "Husayn", "Hussain"), ("Abdelkader", "Abdulkader", "Abdoelkader"),
    ("Khalid", "Chalid", "Khaled"), ("Rachid", "Rashid"),
    ("Mustafa", "Moestafa", "Mustapha", "Mostafa"), ("Omar", "Oemar", "Umar"),
    ("Hassan", "Hasan"), ("Karim", "Kariem", "Kareem"), ("Oussama", "Usama", "Osama"),
    ("Ibrahim", "Ebrahim"), ("Soufiane", "Sufyan", "Sofian"), ("Ayoub", "Ayub"), ("Bilal",),
    ("Hamza",), ("Mehdi", "Mahdi"), ("Ismail", "Ismael"), ("Yassine", "Yasin"),
    ("Nabil", "Nabiel"), ("Zakaria", "Zakariya"), ("Tarik", "Tariq", "Tarek"), ("Samir",),
    ("Adil", "Adel"), ("Walid", "Oualid"), ("Said", "Saïd"), ("Jamal", "Djamal"),
    ("Mahmoud", "Mahmud"), ("Anas",), ("Amin", "Amine"), ("Imad",),
    ("Redouan", "Redouane", "Ridouan"),
)
# fmt: on
# fmt: off
MOROCCAN_GIVEN_FEMALE = (
    ("Aicha", "Aisha", "Ayesha", "Aïcha"), ("Fatima", "Fatimah"),
    ("Khadija", "Chadija", "Khadidja"), ("Maryam", "Mariam", "Meryem"), ("Nour", "Noor", "Nur"),
    ("Djamila", "Jamila"), ("Naima", "Naïma"), ("Salma",), ("Samira",), ("Hanane", "Hanan"),
    ("Latifa",), ("Malika",), ("Nadia", "Nadja"), ("Imane", "Iman"), ("Yasmina", "Jasmina"),
    ("Zineb", "Zaynab", "Zeinab"), ("Houda", "Hoeda", "Huda"), ("Loubna", "Lubna"), ("Hafsa",),
    ("Ikram",), ("Soumaya", "Sumaya"), ("Rachida", "Rashida"),
)
# fmt: on
# fmt: off
MOROCCAN_SURNAMES = (
    ("El Amrani", "Elamrani", "Amrani"), ("Benali", "Ben Ali"), ("El Idrissi", "Idrissi"),
    ("Bouzid",), ("Ouali",), ("Ait Hammou",), ("El Khatib", "Elkhatib", "El Chatib"),
    ("Boukhari", "Bouchari"), ("Ziani",), ("Azzouzi", "Azouzi"),
    ("El Haddouchi", "Haddouchi"), ("Ouchan",), ("Belhaj", "Belhadj"), ("Chaoui", "Shaoui"),
    ("Tahiri",), ("El Yousfi", "El Youssfi", "Yousfi"), ("Boulahrouz",), ("Ahajjam",),
    ("Aboutaleb",), ("El Ouardi",), ("Bennani",), ("Mansouri", "Mansuri"), ("Hamdaoui",),
    ("Kaddouri", "Kadouri"), ("Bakkali", "Bakali"), ("Zaouali",), ("Amezian", "Amaziane"),
    ("Achahbar",), ("Marzouki", "Marzoeki"), ("El Fassi",), ("Ouazzani",), ("Bouali",),
    ("El Hamdaoui",), ("Essafi", "Es Safi"), ("Lamrani",), ("Chakir", "Shakir"),
)
# fmt: on
# fmt: off
EAST_GIVEN_MALE = (
    ("Sergej", "Sergei", "Sergey"), ("Aleksandr", "Alexander", "Aleksander"),
    ("Dmitri", "Dmitry", "Dmitrij"), ("Jevgeni", "Yevgeny", "Evgeni"), ("Joeri", "Yuri", "Juri"),
    ("Andrej", "Andrei", "Andrey"), ("Nikolaj", "Nikolai"), ("Michail", "Mikhail"),
    ("Viktor", "Victor"), ("Oleg",), ("Vladimir", "Wladimir"), ("Ivan", "Iwan"),
)
# fmt: on
# fmt: off
EAST_GIVEN_FEMALE = (
    ("Natalja", "Natalia", "Natalya"), ("Tatjana", "Tatiana", "Tatyana"),
    ("Jelena", "Yelena", "Elena"), ("Olga",), ("Svetlana", "Swetlana"), ("Irina",),
    ("Joelia", "Yulia", "Julia"), ("Ekaterina", "Jekaterina", "Yekaterina"), ("Anastasia", "Anastasija"),
)
# fmt: on
# fmt: off
EAST_SURNAMES = (
    ("Ivanov", "Ivanoff", "Iwanow"), ("Petrov", "Petroff", "Petrow"), ("Smirnov", "Smirnoff"),
    ("Popov", "Popoff"), ("Koeznetsov", "Kuznetsov", "Kusnezow"), ("Volkov", "Wolkow"),
    ("Sokolov", "Sokolow"), ("Dimitrov", "Dimitroff"), ("Georgiev", "Georgieff"),
    ("Kovalenko", "Kowalenko"), ("Sjevtsjenko", "Shevchenko", "Schewtschenko"),
    ("Tkatsjenko", "Tkachenko"), ("Morozov", "Morosow"), ("Pavlov", "Pawlow"),
)
# fmt: on

# Faker knows about a thousand Dutch surnames; the Netherlands has hundreds of thousands.
# Compounds of common name parts make the long tail, so that a million synthetic people
# do not share surnames far more often than real ones.
# fmt: off
NL_NAME_ROOTS = (
    "Berg", "Veen", "Bosch", "Brink", "Dijk", "Hout", "Kamp", "Meer", "Molen", "Wit", "Groen",
    "Zand", "Heuvel", "Hoek", "Linde", "Beek", "Kerk", "Hof", "Brug", "Horst", "Wal", "Laar",
    "Broek", "Velde", "Dam", "Haar", "Vliet", "Haven", "Wijk", "Kolk", "Weerd", "Steen", "Rijn",
    "Bloem", "Eik", "Es", "Hage", "Holt", "Klein", "Lange", "Noord", "Oost", "West", "Zuid",
    "Ooster", "Wester", "Stam", "Ter", "Wolf", "Vos", "Haan", "Kuip", "Smed", "Bak", "Boer",
    "Hen", "Jan", "Piet", "Ger", "Wil", "Gerrit", "Harm", "Tjeerd", "Sie", "Rie", "Wouter",
)
# fmt: on
# fmt: off
NL_NAME_SUFFIXES = (
    "", "man", "mans", "sma", "stra", "inga", "ink", "ing", "er", "ers", "s", "sen", "en",
    "kamp", "huis", "hof", "veld", "berg", "beek", "link", "ema", "ens", "horst", "meijer",
    "dijk", "ts", "tjes", "boom", "land", "hoven", "werf", "brink", "ma", "ga", "stee",
)
# fmt: on
# fmt: off
MOROCCAN_ROOTS = (
    "Amrani", "Idrissi", "Khatib", "Haddouchi", "Yousfi", "Fassi", "Ouardi", "Hamdaoui",
    "Alaoui", "Bakkali", "Tahiri", "Ziani", "Mansouri", "Bennani", "Chaoui", "Azzouzi",
    "Kaddouri", "Marzouki", "Tounsi", "Harrak", "Boussaid", "Ghazi", "Jebari", "Kharbouch",
    "Lahlou", "Moussaoui", "Najjar", "Ouahabi", "Rifi", "Saidi", "Tazi", "Wahbi", "Yacoubi",
    "Zerouali", "Belhaj", "Bouzid", "Chakir", "Daoudi", "Moussaoui", "Filali", "Hajji",
    "Jamali", "Kabbaj", "Lamrani", "Naciri", "Qadiri", "Raji", "Sebti", "Toumi", "Ouali",
    "Hammouchi", "Azougagh", "Boukhari", "Achahbar", "Aboutaleb", "Ouchan", "Ahajjam",
    "Boulahrouz", "Mernissi", "Bouazza", "Chentouf", "Dahmani", "Ennaji", "Fikri", "Guennoun",
    "Hilali", "Jaouhari", "Karroumi", "Louah", "Mokhtari", "Nouri", "Ouazzani", "Rachidi",
    "Serghini", "Talbi", "Yahyaoui", "Zaoui", "Abbassi", "Bahri", "Charkaoui", "Drissi",
)
# fmt: on


def _transliterate(name: str) -> str:
    """A plausible second spelling of a North-African name (ou/oe, ch/sh, kh/ch, doubled letters)."""
    for old, new in (("ou", "oe"), ("kh", "ch"), ("ch", "sh"), ("zz", "z"), ("dd", "d"), ("mm", "m")):
        if old in name.lower():
            return name.replace(old, new).replace(old.capitalize(), new.capitalize())
    return name


# Russian and Ukrainian names reach the Netherlands through Dutch, English and German
# transliteration of the Cyrillic (Sjevtsjenko, Shevchenko, Schewtschenko).
# fmt: off
_CYRILLIC: dict[str, tuple[str, str, str]] = {
    "а": ("a", "a", "a"), "б": ("b", "b", "b"), "в": ("v", "v", "w"), "г": ("g", "g", "g"),
    "д": ("d", "d", "d"), "е": ("e", "e", "e"), "ё": ("jo", "yo", "jo"), "ж": ("zj", "zh", "sch"),
    "з": ("z", "z", "s"), "и": ("i", "i", "i"), "й": ("j", "y", "j"), "к": ("k", "k", "k"),
    "л": ("l", "l", "l"), "м": ("m", "m", "m"), "н": ("n", "n", "n"), "о": ("o", "o", "o"),
    "п": ("p", "p", "p"), "р": ("r", "r", "r"), "с": ("s", "s", "s"), "т": ("t", "t", "t"),
    "у": ("oe", "u", "u"), "ф": ("f", "f", "f"), "х": ("ch", "kh", "ch"), "ц": ("ts", "ts", "z"),
    "ч": ("tsj", "ch", "tsch"), "ш": ("sj", "sh", "sch"), "щ": ("sjtsj", "shch", "schtsch"),
    "ъ": ("", "", ""), "ы": ("y", "y", "y"), "ь": ("", "", ""), "э": ("e", "e", "e"),
    "ю": ("joe", "yu", "ju"), "я": ("ja", "ya", "ja"),
}
# fmt: on


def transliterations(cyrillic: str) -> tuple[str, ...]:
    """Dutch, English and German spellings of a Cyrillic name, the Dutch one first."""
    spellings = []
    for scheme in range(3):
        latin = "".join(_CYRILLIC[ch][scheme] if ch in _CYRILLIC else ch for ch in cyrillic.lower())
        spellings.append(latin.capitalize())
    return tuple(dict.fromkeys(spellings))


def moroccan_surnames() -> list[tuple[str, ...]]:
    """Each root once, with an article or 'Ben', and the ways it gets written."""
    names: list[tuple[str, ...]] = list(MOROCCAN_SURNAMES)
    for i, root in enumerate(dict.fromkeys(MOROCCAN_ROOTS)):
        alt = _transliterate(root)
        if i % 3 == 0:
            variants = (f"El {root}", f"El{root.lower()}", root, f"El-{root}")
        elif i % 7 == 1:
            variants = (f"Ben {root}", f"Ben{root.lower()}")
        else:
            variants = (root,)
        if alt != root:
            variants = variants + (variants[0].replace(root, alt),)
        names.append(variants)
    return names


# Twins are often given names that sound alike: the hardest case for the engine.
TWIN_NAME_PAIRS_MALE = (
    ("Tim", "Tom"),
    ("Daan", "Dean"),
    ("Ruben", "Robin"),
    ("Sem", "Sam"),
    ("Jesse", "Jelle"),
    ("Lars", "Luuk"),
    ("Mees", "Mats"),
    ("Thijs", "Teun"),
    ("Hassan", "Hussein"),
    ("Mohamed", "Mahmoud"),
    ("Bram", "Stijn"),
)
TWIN_NAME_PAIRS_FEMALE = (
    ("Lotte", "Lotta"),
    ("Emma", "Emmy"),
    ("Anna", "Anne"),
    ("Fleur", "Floor"),
    ("Sanne", "Sara"),
    ("Noa", "Nora"),
    ("Lieke", "Lisa"),
    ("Fatima", "Khadija"),
    ("Eva", "Evi"),
    ("Julia", "Juul"),
)

ORIGINS = ("nl", "ma", "tr", "pl", "east")
ORIGIN_WEIGHTS = (0.72, 0.12, 0.08, 0.04, 0.04)
ORIGIN_CUM_WEIGHTS = tuple(accumulate(ORIGIN_WEIGHTS))


@dataclass(slots=True)
class Pools:
    nl_male: list[str]
    nl_female: list[str]
    nl_male_w: list[float]
    nl_female_w: list[float]
    nl_surnames: list[tuple[str, str]]  # (prefix, stem)
    nl_surname_w: list[float]
    ma_surnames: list[tuple[str, ...]]
    tr_male: list[str]
    tr_female: list[str]
    tr_surnames: list[str]
    pl_male: list[str]
    pl_female: list[str]
    pl_surnames: list[str]
    east_male: list[tuple[str, ...]]
    east_female: list[tuple[str, ...]]
    east_surnames_male: list[tuple[str, ...]]
    east_surnames_female: list[tuple[str, ...]]
    postcodes: list[str]


def _split_dutch_surname(name: str) -> tuple[str, str] | None:
    """'van der Berg' -> ('van der', 'Berg'); None for the medieval oddities in Faker's list."""
    name = name.strip()
    if "," in name:
        stem, _, prefix = name.partition(",")
        return prefix.strip().lower(), stem.strip()
    tokens = name.split()
    if len(tokens) == 1:
        return "", tokens[0]
    prefixes = {"van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "in", "op", "uit", "le", "la"}
    head = tokens[:-1]
    if all(t.lower() in prefixes for t in head):
        return " ".join(head).lower(), tokens[-1]
    return None


def _zipf(n: int, offset: float) -> list[float]:
    """Cumulative Zipf-like weights (for random.choices(cum_weights=...), which then bisects)."""
    return list(accumulate(1.0 / (i + offset) for i in range(n)))


def build_pools(seed: int, n_households: int) -> Pools:
    """Draw name and postcode pools from Faker once; records are then sampled with random."""
    rng = random.Random(seed)
    from faker.providers.person.nl_NL import Provider as NLPerson

    nl_male = sorted(set(NLPerson.first_names_male))
    nl_female = sorted(set(NLPerson.first_names_female))
    rng.shuffle(nl_male)
    rng.shuffle(nl_female)

    surnames: list[tuple[str, str]] = []
    seen: set[str] = set()
    compounds = [
        ("", root + (second.lower() if second != root else "") + suffix)
        for root in NL_NAME_ROOTS
        for second in ("",) + NL_NAME_ROOTS[:12]
        for suffix in NL_NAME_SUFFIXES
    ]
    rng.shuffle(compounds)
    # Some compounds carry a tussenvoegsel, as about a quarter of Dutch surnames do.
    compounds = [
        ((rng.choice(("van", "van de", "van der", "ter", "van den", "de")), stem) if rng.random() < 0.2 else ("", stem))
        for _, stem in compounds
    ]
    faker_names = [_split_dutch_surname(n) for n in sorted(set(NLPerson.last_names))]
    for parsed in [_split_dutch_surname(n) for n in COMMON_NL_SURNAMES] + faker_names + compounds:
        if parsed is None:
            continue
        key = f"{parsed[0]} {parsed[1]}".lower()
        if key in seen:
            continue
        seen.add(key)
        surnames.append(parsed)

    def draw(locale: str, method: str, count: int) -> list[str]:
        fake = Faker(locale)
        fake.seed_instance(seed)
        return sorted({getattr(fake, method)() for _ in range(count)})

    fake_nl = Faker("nl_NL")
    fake_nl.seed_instance(seed)
    postcodes: set[str] = set()
    target = max(200, n_households // 12)
    while len(postcodes) < target:
        pc = fake_nl.postcode().replace(" ", "")
        if pc[0] != "0" and pc[4:] not in ("SA", "SD", "SS"):
            postcodes.add(pc)

    return Pools(
        nl_male=nl_male,
        nl_female=nl_female,
        nl_male_w=_zipf(len(nl_male), 15),
        nl_female_w=_zipf(len(nl_female), 15),
        nl_surnames=surnames,
        nl_surname_w=_zipf(len(surnames), 60),
        ma_surnames=moroccan_surnames(),
        tr_male=draw("tr_TR", "first_name_male", 400),
        tr_female=draw("tr_TR", "first_name_female", 400),
        tr_surnames=draw("tr_TR", "last_name", 400),
        pl_male=draw("pl_PL", "first_name_male", 300),
        pl_female=draw("pl_PL", "first_name_female", 300),
        pl_surnames=draw("pl_PL", "last_name", 400),
        east_male=list(EAST_GIVEN_MALE) + [transliterations(n) for n in draw("ru_RU", "first_name_male", 150)],
        east_female=list(EAST_GIVEN_FEMALE) + [transliterations(n) for n in draw("ru_RU", "first_name_female", 150)],
        east_surnames_male=[transliterations(n) for n in draw("ru_RU", "last_name_male", 600)],
        east_surnames_female=[transliterations(n) for n in draw("ru_RU", "last_name_female", 600)],
        postcodes=sorted(postcodes),
    )


# ---------------------------------------------------------------------------
# Persons and households
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class Address:
    postcode: str
    number: int
    letter: str = ""
    addition: str = ""


@dataclass(slots=True)
class Person:
    """The truth about one synthetic person (never stored as a record itself)."""

    eid: int
    household: int
    role: str  # single, father, mother, child
    origin: str
    sex: str  # M or V
    given: list[tuple[str, ...]]  # each given name with its spelling variants
    surname: tuple[str, ...]  # Dutch: (prefix, stem); others: spelling variants
    dob: date
    bsn: str
    address: Address
    old_address: Address | None
    phone: str | None
    married_to_surname: tuple[str, ...] | None = None  # a wife may use her husband's name
    parent_phone: str | None = None
    tags: set[str] = field(default_factory=set)  # twin, namesake, ...


class _Generator:
    def __init__(self, n_persons: int, seed: int) -> None:
        self.n_persons = n_persons
        self.rng = random.Random(seed)
        self.pools = build_pools(seed, n_persons // 2)
        self.persons: list[Person] = []
        self.bsns: set[str] = set()
        self.addresses: set[tuple[str, int, str, str]] = set()
        self.household = 0

    # -- identifiers ----------------------------------------------------------------

    def new_bsn(self) -> str:
        rng = self.rng
        while True:
            head = f"{rng.randrange(10**8):08d}"
            check = sum(int(d) * w for d, w in zip(head, range(9, 1, -1), strict=True)) % 11
            if check == 10:
                continue
            bsn = head + str(check)
            if bsn != "000000000" and bsn not in self.bsns:
                self.bsns.add(bsn)
                return bsn

    def new_address(self) -> Address:
        rng = self.rng
        while True:
            pc = rng.choice(self.pools.postcodes)
            number = rng.randint(1, 180)
            letter = rng.choice("ABC") if rng.random() < 0.08 else ""
            addition = rng.choice(("1", "2", "3", "I", "II", "bis", "hs")) if rng.random() < 0.1 else ""
            key = (pc, number, letter, addition)
            if key not in self.addresses:
                self.addresses.add(key)
                return Address(pc, number, letter, addition)

    def new_phone(self) -> str:
        return f"06{self.rng.randrange(10**8):08d}"

    # -- names ----------------------------------------------------------------------

    def given_names(self, origin: str, sex: str, born: int) -> list[tuple[str, ...]]:
        rng = self.rng
        p = self.pools
        if origin == "nl":
            if born < 1975 and rng.random() < 0.5:
                first = rng.choice(TRADITIONAL_NL_GIVEN_MALE if sex == "M" else TRADITIONAL_NL_GIVEN_FEMALE)
            elif sex == "M":
                first = rng.choices(p.nl_male, cum_weights=p.nl_male_w)[0]
            else:
                first = rng.choices(p.nl_female, cum_weights=p.nl_female_w)[0]
            names = [(first,)]
            extra = TRADITIONAL_NL_GIVEN_MALE if sex == "M" else TRADITIONAL_NL_GIVEN_FEMALE
            for chance in (0.6, 0.25):
                if rng.random() < chance:
                    names.append((rng.choice(extra),))
            return names
        if origin == "ma":
            names = [rng.choice(MOROCCAN_GIVEN_MALE if sex == "M" else MOROCCAN_GIVEN_FEMALE)]
            if rng.random() < 0.15:
                names.append(rng.choice(MOROCCAN_GIVEN_MALE if sex == "M" else MOROCCAN_GIVEN_FEMALE))
            return names
        if origin == "east":
            return [rng.choice(p.east_male if sex == "M" else p.east_female)]
        pool = {
            ("tr", "M"): p.tr_male,
            ("tr", "V"): p.tr_female,
            ("pl", "M"): p.pl_male,
            ("pl", "V"): p.pl_female,
        }[(origin, sex)]
        names = [(rng.choice(pool),)]
        if rng.random() < 0.3:
            names.append((rng.choice(pool),))
        return [_with_ascii_variant(n[0]) for n in names]

    def surname(self, origin: str, sex: str = "M") -> tuple[str, ...]:
        rng = self.rng
        p = self.pools
        if origin == "nl":
            return rng.choices(p.nl_surnames, cum_weights=p.nl_surname_w)[0]
        if origin == "ma":
            return rng.choice(p.ma_surnames)
        if origin == "east":
            if rng.random() < 0.2:
                return rng.choice(EAST_SURNAMES)
            return rng.choice(p.east_surnames_male if sex == "M" else p.east_surnames_female)
        pool = p.tr_surnames if origin == "tr" else p.pl_surnames
        return _with_ascii_variant(rng.choice(pool))

    # -- households -----------------------------------------------------------------

    def person(
        self,
        role: str,
        origin: str,
        sex: str,
        dob: date,
        surname: tuple[str, ...],
        address: Address,
        given: list[tuple[str, ...]] | None = None,
    ) -> Person:
        rng = self.rng
        person = Person(
            eid=len(self.persons),
            household=self.household,
            role=role,
            origin=origin,
            sex=sex,
            given=given or self.given_names(origin, sex, dob.year),
            surname=surname,
            dob=dob,
            bsn=self.new_bsn(),
            address=address,
            old_address=self.new_address() if rng.random() < 0.3 else None,
            phone=self.new_phone() if dob.year < 2012 and rng.random() < 0.8 else None,
        )
        self.persons.append(person)
        return person

    def random_dob(self, first_year: int, last_year: int) -> date:
        start = date(first_year, 1, 1).toordinal()
        end = date(last_year, 12, 31).toordinal()
        return date.fromordinal(self.rng.randint(start, end))

    def household_of(self) -> None:
        rng = self.rng
        self.household += 1
        origin = rng.choices(ORIGINS, cum_weights=ORIGIN_CUM_WEIGHTS)[0]
        address = self.new_address()
        kind = rng.random()
        if kind < 0.30:
            sex = rng.choice("MV")
            self.person("single", origin, sex, self.random_dob(1940, 2004), self.surname(origin, sex), address)
            return
        father_dob = self.random_dob(1950, 1996)
        surname = self.surname(origin)
        father = self.person("father", origin, "M", father_dob, surname, address)
        mother_dob = father_dob + timedelta(days=rng.randint(-6 * 365, 3 * 365))
        mother_surname = self.surname(origin, "V")
        mother = self.person("mother", origin, "V", mother_dob, mother_surname, address)
        mother.married_to_surname = surname
        if kind < 0.45:
            return
        n_children = rng.choice((1, 2, 2, 2, 3, 3, 4))
        birth = mother_dob + timedelta(days=rng.randint(20 * 365, 30 * 365))
        namesake_done = False
        made = 0
        # Brothers and sisters do not share a first name, nor one name in two spellings
        # (Liz and Lizz); a namesake son is the exception below.
        used_names = {phonetic_key(father.given[0][0]), phonetic_key(mother.given[0][0])}
        while made < n_children and birth.year <= 2024:
            twins = rng.random() < 0.06
            sexes = [rng.choice("MV") for _ in range(2 if twins else 1)]
            givens: list[list[tuple[str, ...]]] = []
            if twins:
                givens = self.twin_names(origin, sexes)
            for k, sex in enumerate(sexes):
                given = givens[k] if givens else None
                while given is None or phonetic_key(given[0][0]) in used_names:
                    given = self.given_names(origin, sex, birth.year)
                # A son named after his father: the same full name, a generation apart.
                if not namesake_done and sex == "M" and not twins and rng.random() < 0.12:
                    given = list(father.given)
                    namesake_done = True
                    tag = "namesake"
                else:
                    tag = "twin" if twins else ""
                used_names.add(phonetic_key(given[0][0]))
                child = self.person("child", origin, sex, birth, surname, address, given)
                child.parent_phone = mother.phone or father.phone
                if tag:
                    child.tags.add(tag)
                    if tag == "namesake":
                        father.tags.add("namesake")
                made += 1
            birth = birth + timedelta(days=rng.randint(300, 5 * 365))

    def twin_names(self, origin: str, sexes: list[str]) -> list[list[tuple[str, ...]]]:
        rng = self.rng
        if sexes[0] == sexes[1] and rng.random() < 0.5:
            pairs = TWIN_NAME_PAIRS_MALE if sexes[0] == "M" else TWIN_NAME_PAIRS_FEMALE
            a, b = rng.choice(pairs)
            return [[(a,)], [(b,)]]
        while True:
            names = [self.given_names(origin, sex, 2000) for sex in sexes]
            if phonetic_key(names[0][0][0]) != phonetic_key(names[1][0][0]):
                if rng.random() < 0.3:
                    # Same initial: "J. de Vries" then fits both twins.
                    first = names[0][0][0][0]
                    if names[1][0][0][0] != first:
                        continue
                return names

    def run(self) -> list[Person]:
        while len(self.persons) < self.n_persons:
            self.household_of()
        del self.persons[self.n_persons :]
        return self.persons


def _with_ascii_variant(name: str) -> tuple[str, ...]:
    ascii_name = unidecode(name)
    return (name, ascii_name) if ascii_name != name else (name,)


# ---------------------------------------------------------------------------
# Writing a person down, with the errors people make
# ---------------------------------------------------------------------------

# fmt: off
_KEYBOARD_NEIGHBOURS = {
    "a": "sq", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh", "h": "gj",
    "i": "uo", "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm", "o": "ip", "p": "o",
    "q": "wa", "r": "et", "s": "ad", "t": "ry", "u": "yi", "v": "cb", "w": "qe", "x": "zc",
    "y": "tu", "z": "x",
}
# fmt: on


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 3:
        return word
    i = rng.randrange(1, len(word))
    kind = rng.random()
    if kind < 0.35:
        ch = word[i].lower()
        repl = rng.choice(_KEYBOARD_NEIGHBOURS.get(ch, "e"))
        return word[:i] + repl + word[i + 1 :]
    if kind < 0.6:
        return word[:i] + word[i + 1 :]
    if kind < 0.8 and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + word[i] + word[i:]


def _case(text: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.05:
        return text.upper()
    if r < 0.08:
        return text.lower()
    return text


def _pick(variants: tuple[str, ...], rng: random.Random, p_variant: float) -> str:
    if len(variants) > 1 and rng.random() < p_variant:
        return rng.choice(variants[1:])
    return variants[0]


def _initials(names: list[str], rng: random.Random) -> str:
    letters = [n[0].upper() for n in names if n]
    style = rng.random()
    if style < 0.6:
        return "".join(f"{c}." for c in letters)
    if style < 0.85:
        return " ".join(f"{c}." for c in letters)
    return "".join(letters) if len(letters) > 1 else letters[0] + "."


def _phone_format(phone: str, rng: random.Random) -> str:
    digits = phone[1:]  # without the leading 0
    style = rng.random()
    if style < 0.4:
        return f"06-{phone[2:]}"
    if style < 0.6:
        return f"+31 6 {phone[2:]}"
    if style < 0.75:
        return f"0031{digits}"
    if style < 0.9:
        return f"06 {phone[2:6]} {phone[6:]}"
    return f"+31 (0)6-{phone[2:]}"


def write_record(person: Person, ref: str, rng: random.Random, kinds: set[str] | None = None) -> PersonRecord:
    """One record of ``person`` as someone might have typed it; the errors made are added to ``kinds``."""
    r = rng.random
    kinds = set() if kinds is None else kinds

    # Given names.
    p_variant = 0.45 if person.origin in ("ma", "east") else 0.5
    spelled = [_pick(g, rng, p_variant) for g in person.given]
    if any(s != g[0] for s, g in zip(spelled, person.given, strict=True)):
        kinds.add("voornaam andere spelling")
    mode = r()
    if mode < 0.55:
        chosen = spelled
    elif mode < 0.82 or len(spelled) == 1:
        chosen = spelled[:1]
    else:
        chosen = []
    if chosen and r() < 0.04:
        chosen = [typo(chosen[0], rng)] + chosen[1:]
        kinds.add("tikfout voornaam")
    if not chosen:
        if mode < 0.95:
            voornamen = _initials(spelled, rng)
            kinds.add("alleen voorletters")
        else:
            voornamen = spelled[1] if len(spelled) > 1 else spelled[0]
            kinds.add("roepnaam is latere voornaam")
    elif r() < 0.08:
        voornamen = _initials(spelled, rng)
        kinds.add("alleen voorletters")
    elif r() < 0.03:
        voornamen = ""
        kinds.add("voornaam ontbreekt")
    else:
        voornamen = " ".join(chosen)

    # Surname.
    voorvoegsel = ""
    if person.origin == "nl":
        prefix, stem = person.surname
        if person.married_to_surname and r() < 0.3:
            h_prefix, h_stem = person.married_to_surname
            own = f"{prefix} {stem}".strip()
            husband = f"{h_prefix} {h_stem}".strip()
            geslachtsnaam = f"{husband}-{own}" if r() < 0.75 else husband
            kinds.add("dubbele naam" if "-" in geslachtsnaam else "naam van partner")
        else:
            if r() < 0.04:
                stem = typo(stem, rng)
                kinds.add("tikfout achternaam")
            geslachtsnaam, voorvoegsel = _write_dutch_surname(prefix, stem, rng)
            if prefix and (geslachtsnaam, voorvoegsel) not in ((stem, prefix), (f"{prefix} {stem}", "")):
                kinds.add("tussenvoegsel anders geschreven")
    else:
        geslachtsnaam = _pick(person.surname, rng, 0.45)
        if geslachtsnaam != person.surname[0]:
            kinds.add("achternaam andere spelling")
        if r() < 0.04:
            geslachtsnaam = typo(geslachtsnaam, rng)
            kinds.add("tikfout achternaam")
        if person.married_to_surname and r() < 0.1:
            geslachtsnaam = _pick(person.married_to_surname, rng, 0.3)
            kinds.add("naam van partner")

    if r() < 0.03:
        voornamen = _case(voornamen, rng)
    geslachtsnaam = _case(geslachtsnaam, rng)
    if r() < 0.5:
        voornamen, geslachtsnaam = unidecode(voornamen), unidecode(geslachtsnaam)

    # A swapped record: the surname in the given-name field and the other way round.
    if r() < 0.03 and chosen:
        voornamen, geslachtsnaam = f"{voorvoegsel} {geslachtsnaam}".strip(), chosen[0]
        voorvoegsel = ""
        kinds.add("voor- en achternaam verwisseld")
        if r() < 0.3:
            # ... and then a slip in one of them ("Lina Perrono" / "Perlrono Lina").
            if r() < 0.5:
                voornamen = typo(voornamen, rng)
            else:
                geslachtsnaam = typo(geslachtsnaam, rng)
            kinds.add("verwisseld en tikfout")

    # Date of birth.
    d = person.dob
    mode = r()
    dob: PartialDate | None
    if mode < 0.68:
        dob = PartialDate(d.year, d.month, d.day)
    elif mode < 0.80:
        dob = None
        kinds.add("geboortedatum ontbreekt")
    elif mode < 0.85:
        dob = PartialDate(d.year)
        kinds.add("geboortedatum deels")
    elif mode < 0.88:
        dob = PartialDate(d.year, d.month)
        kinds.add("geboortedatum deels")
    elif mode < 0.91 and d.day <= 12 and d.day != d.month:
        dob = PartialDate(d.year, d.day, d.month)
        kinds.add("dag en maand verwisseld")
    elif mode < 0.94:
        which = rng.randrange(4)
        y, m, dd = d.year, d.month, d.day
        if which == 0:
            y = y + rng.choice((-1, 1))
        elif which == 1:
            m = m % 12 + 1
        elif which == 2:
            dd = dd + 1 if dd < 28 else dd - 1
        else:
            # One digit of the day or the year typed wrong (14 -> 17, 1987 -> 1981).
            if rng.random() < 0.5:
                dd = int(str(dd).zfill(2)[0] + str(rng.choice([c for c in range(10) if c != dd % 10])))
                dd = dd if 1 <= dd <= 28 else d.day % 28 + 1
            else:
                y = y - y % 10 + rng.choice([c for c in range(10) if c != y % 10])
        dob = PartialDate(y, m, dd)
        kinds.add("geboortedatum één verschrijving")
    elif mode < 0.98:
        dob = PartialDate(d.year + rng.choice((-2, -1, 0, 0, 0, 1, 2)), estimated=True)
        kinds.add("leeftijd geschat")
    else:
        dob = PartialDate(d.year, d.month, d.day)

    # BSN: copied from a document, sometimes with a slip.
    bsn = None
    if r() < 0.35:
        bsn = person.bsn
        if r() < 0.02:
            i = rng.randrange(9)
            bsn = bsn[:i] + str((int(bsn[i]) + 1) % 10) + bsn[i + 1 :]

    # Address: current, a former one, or none.
    addr: Address | None = person.address
    mode = r()
    if person.old_address and mode < 0.25:
        addr = person.old_address
        kinds.add("oud adres")
    elif mode > 0.8:
        addr = None
        kinds.add("adres ontbreekt")
    postcode = huisnummer = None
    huisletter = toevoeging = ""
    if addr is not None:
        postcode = addr.postcode if r() < 0.6 else f"{addr.postcode[:4]} {addr.postcode[4:].lower()}"
        if addr.letter and r() < 0.5:
            huisnummer = f"{addr.number}{addr.letter.lower()}"
        else:
            huisnummer = str(addr.number)
            huisletter = addr.letter
        toevoeging = addr.addition

    telefoon: tuple[str, ...] = ()
    if r() < 0.4:
        phone = person.phone or person.parent_phone
        if person.parent_phone and r() < 0.2:
            phone = person.parent_phone
        if phone:
            telefoon = (_phone_format(phone, rng),)

    geslacht = None
    if r() < 0.7:
        geslacht = person.sex if r() < 0.7 else {"M": "man", "V": "vrouw"}[person.sex]

    return PersonRecord(
        ref=ref,
        voornamen=voornamen,
        voorvoegsel=voorvoegsel,
        geslachtsnaam=geslachtsnaam,
        geboortedatum=dob,
        bsn=bsn,
        geslacht=geslacht,
        postcode=postcode,
        huisnummer=huisnummer,
        huisletter=huisletter,
        toevoeging=toevoeging,
        telefoon=telefoon,
    )


def _write_dutch_surname(prefix: str, stem: str, rng: random.Random) -> tuple[str, str]:
    """(geslachtsnaam, voorvoegsel) with the tussenvoegsel written one of the usual ways."""
    if not prefix:
        return stem, ""
    r = rng.random()
    if r < 0.45:
        return stem, prefix  # apart, in its own field, as the BRP has it
    if r < 0.70:
        return f"{prefix} {stem}", ""
    if r < 0.78:
        return " ".join(w.capitalize() for w in prefix.split()) + f" {stem}", ""
    if r < 0.86:
        return (prefix.replace(" ", "").replace("'", "") + stem.lower()).capitalize(), ""
    if r < 0.94:
        return stem, ""  # dropped
    return f"{stem}, {prefix}", ""


# ---------------------------------------------------------------------------
# The population
# ---------------------------------------------------------------------------


@dataclass
class Population:
    persons: list[Person]
    records: list[PersonRecord]  # stored records, several per person
    queries: list[PersonRecord]  # new reports to look up
    truth: dict[str, int]  # ref of every record and query -> entity id
    stored_entities: set[int]
    kinds: dict[str, frozenset[str]] = field(default_factory=dict)  # ref -> the errors written into it

    def entity(self, ref: str) -> int:
        return self.truth[ref]

    def true_pairs(self) -> set[tuple[str, str]]:
        by_entity: dict[int, list[str]] = defaultdict(list)
        for rec in self.records:
            by_entity[self.truth[rec.ref]].append(rec.ref)
        pairs: set[tuple[str, str]] = set()
        for refs in by_entity.values():
            for a, b in combinations(sorted(refs), 2):
                pairs.add((a, b))
        return pairs

    def query_has_match(self, query: PersonRecord) -> bool:
        return self.truth[query.ref] in self.stored_entities


def generate(n_persons: int, seed: int = 42) -> Population:
    """A synthetic population of ``n_persons`` people, their stored records and query records.

    About 8% of the people (more among twins and namesakes, the hard cases) have no stored
    record and appear only as queries without a true match. Of the others, about 5% get a
    query with a true match. Deterministic for a given seed.
    """
    persons = _Generator(n_persons, seed).run()
    rng = random.Random(seed + 1)
    records: list[PersonRecord] = []
    queries: list[PersonRecord] = []
    truth: dict[str, int] = {}
    stored: set[int] = set()
    kinds: dict[str, frozenset[str]] = {}
    for person in persons:
        hard = bool(person.tags)
        held_out = rng.random() < (0.4 if hard else 0.07)
        if held_out:
            ref = f"q{len(queries)}"
            queries.append(_written(person, ref, rng, kinds))
            truth[ref] = person.eid
            continue
        stored.add(person.eid)
        count = 1
        while count < 6 and rng.random() < 0.4:
            count += 1
        for _ in range(count):
            ref = f"r{len(records)}"
            records.append(_written(person, ref, rng, kinds))
            truth[ref] = person.eid
        if rng.random() < 0.05:
            ref = f"q{len(queries)}"
            queries.append(_written(person, ref, rng, kinds))
            truth[ref] = person.eid
    return Population(persons, records, queries, truth, stored, kinds)


def _written(person: Person, ref: str, rng: random.Random, kinds: dict[str, frozenset[str]]) -> PersonRecord:
    these: set[str] = set()
    record = write_record(person, ref, rng, these)
    kinds[ref] = frozenset(these)
    return record


# ---------------------------------------------------------------------------
# Self-check
# ---------------------------------------------------------------------------


def _prf(found: set[tuple[str, str]], true: set[tuple[str, str]]) -> tuple[float, float, float]:
    hit = len(found & true)
    precision = hit / len(found) if found else 1.0
    recall = hit / len(true) if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _pair_kinds(pop, a: str, b: str) -> frozenset[str]:
    return (pop.kinds.get(a, frozenset()) | pop.kinds.get(b, frozenset())) or frozenset({"geen fout"})


def self_check(
    n_persons: int, seed: int = 42, blocking_recall: bool = True, generator=None, learn: bool = False
) -> dict:
    """Generate a population and score the engine on it in memory: blocking, batch pairs by error kind, queries.

    ``generator`` is a module with ``generate(n_persons, seed)`` (this one, or population_intl).
    Returns the figures as a dict (also printed).
    """
    gen = generator or sys.modules[__name__]
    t0 = time.perf_counter()
    pop = gen.generate(n_persons, seed)
    t_gen = time.perf_counter() - t0
    persons_by_id = {p.eid: p for p in pop.persons}
    tags = Counter(t for p in pop.persons for t in p.tags)
    n_with_match = sum(pop.query_has_match(q) for q in pop.queries)
    out: dict = {"generator": gen.__name__, "persons": len(pop.persons), "records": len(pop.records)}
    print(
        f"[{gen.__name__}] generated in {t_gen:.1f}s: {len(pop.persons)} persons, "
        f"{len({p.household for p in pop.persons})} households, "
        f"{tags['twin']} twins, {tags['namesake']} namesakes (fathers and sons)"
    )
    print(
        f"stored records: {len(pop.records)} of {len(pop.stored_entities)} persons; "
        f"queries: {len(pop.queries)} ({n_with_match} with a true match, "
        f"{len(pop.queries) - n_with_match} without)"
    )

    true_pairs = pop.true_pairs()
    out["true_pairs"] = len(true_pairs)
    t0 = time.perf_counter()
    prepared = [prepare(r, cache=False) for r in pop.records]
    t_prep = time.perf_counter() - t0

    blocked: set[tuple[str, str]] = set()
    if blocking_recall:
        t0 = time.perf_counter()
        cand = 0
        sample: list[tuple[int, int]] = []
        for i, j in candidate_pairs(prepared):
            cand += 1
            if len(sample) < 200_000:
                sample.append((i, j))
            a, b = prepared[i].ref, prepared[j].ref
            if pop.truth[a] == pop.truth[b]:
                blocked.add((a, b) if a < b else (b, a))
        t_block = time.perf_counter() - t0
        completeness = round(len(blocked) / max(1, len(true_pairs)), 4)
        out["blocking"] = {"candidate_pairs": cand, "pair_completeness": completeness}
        print(
            f"blocking: {cand} candidate pairs in {t_block:.1f}s, "
            f"pair completeness {len(blocked) / max(1, len(true_pairs)):.4f} "
            f"({len(blocked)} of {len(true_pairs)} true pairs)"
        )
        t0 = time.perf_counter()
        for i, j in sample:
            compare(prepared[i], prepared[j], population=len(prepared))
        per_pair = (time.perf_counter() - t0) / max(1, len(sample))
        print(
            f"compare: {per_pair * 1e6:.2f} µs per pair (prepared records, {len(sample)} pairs); "
            f"prepare: {t_prep / len(prepared) * 1e6:.1f} µs per record"
        )

    t0 = time.perf_counter()
    matched: set[tuple[str, str]] = set()
    possible: set[tuple[str, str]] = set()
    twin_listed: set[tuple[str, str]] = set()
    for found in engine.find_duplicate_pairs(prepared, **_twin_option(), **({"learn": True} if learn else {})):
        ref_a, ref_b, decision = found[0], found[1], found[3]
        pair = (ref_a, ref_b) if ref_a < ref_b else (ref_b, ref_a)
        if len(found) > 4 and found[4]:
            twin_listed.add(pair)
        else:
            (matched if decision == "match" else possible).add(pair)
    t_batch = time.perf_counter() - t0
    p, r, f = _prf(matched, true_pairs)
    print(f"find_duplicate_pairs in {t_batch:.1f}s")
    print(f"  decision 'match':            precision {p:.4f}  recall {r:.4f}  F1 {f:.4f}  ({len(matched)} pairs)")
    p2, r2, f2 = _prf(matched | possible, true_pairs)
    print(
        f"  'match' or 'possible':       precision {p2:.4f}  recall {r2:.4f}  F1 {f2:.4f}  "
        f"({len(matched | possible)} pairs)"
    )
    out["match"] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "pairs": len(matched)}
    out["match_or_possible"] = {"precision": round(p2, 4), "recall": round(r2, 4), "f1": round(f2, 4)}

    def kind_of_wrong(a: str, b: str) -> str:
        pa, pb = persons_by_id[pop.truth[a]], persons_by_id[pop.truth[b]]
        if pa.household != pb.household:
            return "other household"
        if pa.dob == pb.dob:
            return "twins"
        if pa.given == pb.given:
            return "namesakes"
        return "same household"

    false_links = [pair for pair in matched if pair not in true_pairs]
    kinds = Counter(kind_of_wrong(a, b) for a, b in false_links)
    out["wrong_match_by_kind"] = dict(kinds)
    if false_links:
        print(f"  false 'match' pairs by kind: {dict(kinds)}")
    wrong_possible = Counter(kind_of_wrong(a, b) for a, b in possible - true_pairs)
    out["wrong_possible_by_kind"] = dict(wrong_possible)
    print(f"  false 'possible' pairs by kind: {dict(wrong_possible)}")
    twin_true = len(twin_listed & true_pairs)
    twin_kinds = Counter(kind_of_wrong(a, b) for a, b in twin_listed - true_pairs)
    out["mogelijk_tweeling"] = {"listed": len(twin_listed), "true_pairs": twin_true, "other": dict(twin_kinds)}
    print(f"  listed as 'mogelijk tweeling': {len(twin_listed)} ({twin_true} one person; others {dict(twin_kinds)})")

    # Recall per error kind: a true pair counts under every error either of its records has.
    per_kind: dict[str, Counter] = {}
    for pair in true_pairs:
        for kind in _pair_kinds(pop, *pair):
            c = per_kind.setdefault(kind, Counter())
            c["pairs"] += 1
            c["blocked"] += pair in blocked
            c["match"] += pair in matched
            c["match_or_possible"] += pair in matched or pair in possible
    out["by_kind"] = {k: dict(v) for k, v in sorted(per_kind.items())}
    print("  recall by error kind (pairs: blocked / match / match or possible):")
    for kind, c in sorted(per_kind.items(), key=lambda kv: -kv[1]["pairs"]):
        n = c["pairs"]
        print(
            f"    {kind:34s} {n:7d}: {c['blocked'] / n:.3f} / {c['match'] / n:.3f} / {c['match_or_possible'] / n:.3f}"
        )

    index = InMemoryIndex(prepared)
    t0 = time.perf_counter()
    no_match = [q for q in pop.queries if not pop.query_has_match(q)]
    with_match = [q for q in pop.queries if pop.query_has_match(q)]
    false_link = shown = possible_no = 0
    hard_total = hard_false = 0
    for q in no_match:
        results = engine.match_one(q, index.candidates(q), population=len(index))
        person = persons_by_id[pop.truth[q.ref]]
        if person.tags:
            hard_total += 1
        if any(res.decision == "match" for res in results):
            false_link += 1
            if person.tags:
                hard_false += 1
        if results:
            shown += 1
        possible_no += sum(res.decision == "possible" for res in results)
    found = top_match = wrong_top = 0
    possible_shown = 0
    for q in with_match:
        results = engine.match_one(q, index.candidates(q), population=len(index))
        entity = pop.truth[q.ref]
        if any(pop.truth[res.ref_b] == entity for res in results):
            found += 1
        if results and results[0].decision == "match":
            if pop.truth[results[0].ref_b] == entity:
                top_match += 1
            else:
                wrong_top += 1
        possible_shown += sum(res.decision == "possible" for res in results)
    t_query = time.perf_counter() - t0
    nq = max(1, len(no_match))
    print(
        f"match_one on {len(no_match)} queries without a true match: false-link rate "
        f"{false_link / nq:.4f} ({false_link}; of which twins/namesakes {hard_false} of {hard_total}); "
        f"shown as 'possible' or better {shown / nq:.4f}"
    )
    mq = max(1, len(with_match))
    print(
        f"match_one on {len(with_match)} queries with a true match: linked automatically "
        f"{top_match / mq:.4f} (to a wrong person {wrong_top}), true record among results {found / mq:.4f} "
        f"({t_query / max(1, len(pop.queries)) * 1e3:.2f} ms per query)"
    )
    out["queries"] = {
        "false_link_rate": round(false_link / nq, 4),
        "linked_right": round(top_match / mq, 4),
        "linked_wrong": wrong_top,
        "among_results": round(found / mq, 4),
        "possible_per_100_queries": round(100 * (possible_shown + possible_no) / max(1, len(pop.queries)), 1),
    }
    print(f"  'possible' results per 100 queries: {out['queries']['possible_per_100_queries']}")
    return out


def _twin_option() -> dict:
    """find_duplicate_pairs lists possible twins only in engines that know about them."""
    import inspect

    return {"twins": True} if "twins" in inspect.signature(engine.find_duplicate_pairs).parameters else {}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n_persons", type=int, nargs="?", default=10_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--no-blocking-stats",
        action="store_true",
        help="skip the separate blocking pass (saves time for very large runs)",
    )
    parser.add_argument("--generator", choices=["nl", "intl"], default="nl", help="this generator, or population_intl")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--learn", action="store_true", help="find_duplicate_pairs learns m and u by EM first")
    args = parser.parse_args(argv)
    generator = None
    if args.generator == "intl":
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import population_intl as generator
    result = self_check(
        args.n_persons, args.seed, blocking_recall=not args.no_blocking_stats, generator=generator, learn=args.learn
    )
    if args.json:
        import json

        Path(args.json).write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
