# ruff: noqa: E501  (the name and street tables read best one origin per line)
"""A second, independent synthetic population for the matching benchmark: other names, other addresses, other errors.

``population.py`` was written together with the engine and knows its habits. This generator was
written apart from it, after the error models of the record-linkage literature (FEBRL's
``dsgen``, GeCo): each record gets a number of independent corruptions drawn from one table,
with their own rates, on people of many origins (British, German, French, Italian, Spanish,
Polish, Turkish, Moroccan, Syrian, Chinese, Indian, Ukrainian) of whom a third live abroad
(street, house number, a foreign postcode and a city, no Dutch postcode).

Corruptions (each record: 0 to 3, Poisson-like):

- keyboard, OCR and phonetic slips in a name (rn/m, ph/f, ck/k, a doubled or dropped letter);
- given name and family name exchanged, sometimes with a slip in one of them;
- a nickname for the given name (Robert/Bob, Aleksandr/Sasha, Giuseppe/Beppe);
- only the initial, or no given name at all; a middle name added or dropped;
- a double family name cut to one part, or written with or without its hyphen;
- a particle written glued, spaced or with an apostrophe (d'Angelo/Dangelo, van der/Vander);
- date of birth: day and month swapped (American order), one digit wrong, year off by one,
  two digits transposed, missing, or year only;
- street with spaces lost or added, a slip in the street or city, a slip in a foreign
  postcode; a former address; no address;
- a changed family name (marriage) for some women.

Hard cases, tagged on the person: twins (one birthday and address, different names) and a
father and son with one full name ("junior"). The records are PersonRecords with ``straat`` and
``woonplaats``; ``land`` (ISO code per record, for the import CSV) is kept beside them.

    .venv/bin/python benchmarks/population.py 70000 --generator intl
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from population import Population  # the same container, so both feed one benchmark

from schakelpunt.matching.model import PartialDate, PersonRecord

# fmt: off
ORIGINS: dict[str, dict] = {
    "gb": {
        "m": "James John Robert Michael William David Richard Thomas Charles Daniel Matthew Anthony Mark Paul Steven Andrew Joshua Kevin Brian George Edward Oliver Harry Jack",
        "v": "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Margaret Emily Charlotte Amelia Olivia Sophie Grace Hannah Katherine Lucy",
        "s": "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White Roberts Green Hall Wood Jackson Clarke Fitzgerald O'Brien McDonald Harrison-Wood",
        "streets": "High Street|Station Road|Church Lane|Victoria Road|Park Avenue|Green Lane|Manor Road|Kings Road",
        "cities": "London Manchester Birmingham Leeds Liverpool Bristol Sheffield Newcastle",
        "land": "GB", "pc": "gb",
    },
    "de": {
        "m": "Lukas Leon Maximilian Felix Jonas Paul Niklas Tobias Jürgen Klaus Wolfgang Stefan Matthias Andreas Thorsten Uwe",
        "v": "Anna Lea Lena Hannah Sophie Laura Julia Katharina Sabine Petra Monika Ursula Brigitte Claudia Anke Heike",
        "s": "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz von Bergen zu Hohenlohe",
        "streets": "Hauptstraße|Bahnhofstraße|Schulstraße|Gartenstraße|Dorfstraße|Lindenallee|Am Markt|Kirchweg",
        "cities": "Berlin Hamburg München Köln Frankfurt Düsseldorf Dortmund Essen Aachen Kleve",
        "land": "DE", "pc": "de",
    },
    "fr": {
        "m": "Jean Pierre Michel Philippe Alain Nicolas Julien Antoine Mathieu Guillaume Thierry Olivier Jean-Luc Jean-Claude",
        "v": "Marie Nathalie Isabelle Sylvie Catherine Françoise Camille Chloé Manon Léa Élodie Aurélie Marie-Claire Anne-Sophie",
        "s": "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia d'Angelo de la Fontaine Le Gall",
        "streets": "Rue de la Paix|Avenue Victor Hugo|Rue du Moulin|Boulevard Saint-Michel|Rue des Lilas|Place de la République",
        "cities": "Paris Lyon Marseille Lille Toulouse Bordeaux Nantes Strasbourg",
        "land": "FR", "pc": "fr",
    },
    "it": {
        "m": "Giuseppe Giovanni Antonio Mario Luigi Francesco Alessandro Andrea Marco Matteo Lorenzo Salvatore",
        "v": "Giulia Francesca Sofia Chiara Alessia Martina Federica Valentina Giovanna Rosa Anna Maria",
        "s": "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti De Luca Di Stefano D'Amico",
        "streets": "Via Roma|Via Garibaldi|Corso Italia|Via Dante|Piazza del Duomo|Via Mazzini",
        "cities": "Roma Milano Napoli Torino Palermo Bologna Firenze Genova",
        "land": "IT", "pc": "it",
    },
    "es": {
        "m": "José Antonio Manuel Francisco Juan David Javier Carlos Jesús Alejandro Miguel Rafael",
        "v": "María Carmen Ana Isabel Laura Cristina Marta Lucía Pilar Elena Rosa Dolores",
        "s": "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Martín García López Pérez Sanz Ruiz Díaz Moreno Muñoz de la Cruz",
        "streets": "Calle Mayor|Calle Real|Avenida de la Constitución|Plaza España|Calle del Sol",
        "cities": "Madrid Barcelona Valencia Sevilla Zaragoza Málaga Bilbao",
        "land": "ES", "pc": "es",
    },
    "pl": {
        "m": "Piotr Krzysztof Andrzej Tomasz Paweł Michał Marcin Jakub Łukasz Wojciech Stanisław Grzegorz",
        "v": "Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Magdalena Joanna Zofia Aleksandra",
        "s": "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski",
        "streets": "ulica Długa|ulica Polna|ulica Lipowa|ulica Leśna|Aleje Jerozolimskie",
        "cities": "Warszawa Kraków Wrocław Poznań Gdańsk Łódź",
        "land": "PL", "pc": "pl",
    },
    "tr": {
        "m": "Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Yusuf Murat Emre Burak",
        "v": "Fatma Ayşe Emine Hatice Zeynep Elif Meryem Şerife Sultan Büşra Esra",
        "s": "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç",
        "streets": None, "cities": None, "land": "NL", "pc": "nl",
    },
    "ma": {
        "m": "Mohammed Ahmed Youssef Abdelkader Rachid Karim Hamza Bilal Omar Said Abdellah Ayoub",
        "v": "Fatima Khadija Aicha Naima Samira Malika Latifa Houria Salma Imane Nadia Meryem",
        "s": "El Amrani Benali Bakkali El Idrissi Ait Taleb Ouahbi Azzouzi Bouzid El Khattabi Ben Haddou",
        "streets": None, "cities": None, "land": "NL", "pc": "nl",
    },
    "sy": {
        "m": "Mohammad Ahmad Khaled Omar Hussein Ali Mahmoud Abdulrahman Yahya Tarek Walid",
        "v": "Fatima Maryam Rania Huda Lina Nour Hiba Rasha Yasmin Dima Reem",
        "s": "Al-Hassan Al Khatib Haddad Al-Masri Darwish Hamdan Al-Ahmad Kassem Sabbagh Shami",
        "streets": None, "cities": None, "land": "NL", "pc": "nl",
    },
    "cn": {
        "m": "Wei Jun Hao Lei Jie Tao Ming Chen Yong Qiang",
        "v": "Li Na Fang Jing Ying Hui Yan Xiu Mei Lan",
        "s": "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu",
        "streets": None, "cities": None, "land": "NL", "pc": "nl",
    },
    "in": {
        "m": "Rahul Amit Arjun Vikram Sanjay Rajesh Suresh Anil Ravi Deepak Karan",
        "v": "Priya Anjali Sunita Pooja Neha Kavita Lakshmi Deepa Shreya Ananya",
        "s": "Sharma Patel Singh Kumar Gupta Reddy Iyer Nair Mehta Joshi Rao Chopra",
        "streets": None, "cities": None, "land": "NL", "pc": "nl",
    },
    "ua": {
        "m": "Oleksandr Andriy Dmytro Serhiy Volodymyr Mykola Ivan Yuriy Taras Bohdan",
        "v": "Olena Iryna Natalia Tetiana Oksana Svitlana Yulia Kateryna Anastasia Mariia",
        "s": "Melnyk Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Oliynyk Shevchuk Polishchuk Lysenko",
        "streets": None, "cities": None, "land": "NL", "pc": "nl",
    },
}
ORIGIN_WEIGHTS = {"gb": 9, "de": 10, "fr": 8, "it": 7, "es": 7, "pl": 12, "tr": 10, "ma": 10, "sy": 7, "cn": 6, "in": 6, "ua": 8}
NL_STREETS = ["Lange Voorhout", "Oude Gracht", "Van Speijkstraat", "Burgemeester de Withstraat", "Sint Jansstraat", "Prins Hendrikkade", "Koningin Julianaweg", "Noordeinde", "De Ruyterstraat", "Ter Haarstraat"]
NL_CITIES = ["Den Haag", "Utrecht", "Rotterdam", "Amsterdam", "Eindhoven", "Tilburg", "Almere", "Zoetermeer"]
NICKNAMES = {
    "Robert": "Bob", "William": "Bill", "Richard": "Dick", "Elizabeth": "Liz", "Margaret": "Maggie",
    "Katherine": "Kate", "Michael": "Mike", "Anthony": "Tony", "Giuseppe": "Beppe", "Francisco": "Paco",
    "José": "Pepe", "Oleksandr": "Sasha", "Mohammed": "Mo", "Mohammad": "Mo", "Ibrahim": "Ibo",
    "Mustafa": "Musti", "Wojciech": "Wojtek", "Stanisław": "Staszek", "Małgorzata": "Gosia",
    "Anastasia": "Nastya", "Natalia": "Natasha", "Kateryna": "Katya", "Dmytro": "Dima", "Thomas": "Tom",
    "Matthew": "Matt", "Daniel": "Dan", "Andrew": "Andy", "Jennifer": "Jenny", "Patricia": "Pat",
    "Maximilian": "Max", "Katharina": "Kathi", "Nicolas": "Nico", "Alessandro": "Sandro", "Francesco": "Franco",
    "Alejandro": "Alex", "Jakub": "Kuba", "Volodymyr": "Volodya",
}
# fmt: on


def _split(value: str) -> list[str]:
    return value.split()


def _surnames(origin: str) -> list[str]:
    # Multi-word surnames are written with a "|" nowhere; rebuild the few with particles.
    words = ORIGINS[origin]["s"].split()
    out, i = [], 0
    particles = {"von", "zu", "de", "la", "le", "d'angelo", "di", "el", "ait", "ben", "al"}
    while i < len(words):
        w = words[i]
        if w.lower() in particles and i + 1 < len(words):
            j = i + 1
            while j < len(words) - 1 and words[j].lower() in particles:
                j += 1
            out.append(" ".join(words[i : j + 1]))
            i = j + 1
        else:
            out.append(w)
            i += 1
    return out


@dataclass(slots=True)
class Where:
    land: str
    street: str
    number: int
    postcode: str
    city: str


@dataclass(slots=True)
class Person:
    eid: int
    household: int
    sex: str
    given: list[str]  # given names, first is the roepnaam
    surname: str
    dob: date
    bsn: str | None
    address: Where
    old_address: Where | None
    phone: str | None
    married_surname: str | None = None
    tags: set[str] = field(default_factory=set)


def _postcode(kind: str, rng: random.Random) -> str:
    if kind == "nl":
        return f"{rng.randint(1000, 9999)}{rng.choice('ABCDEFGHJKLMNPRTVWXZ')}{rng.choice('ABCDEFGHJKLMNPRTVWXZ')}"
    if kind == "gb":
        return f"{rng.choice(['SW', 'NW', 'E', 'M', 'B', 'LS'])}{rng.randint(1, 20)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    if kind == "pl":
        return f"{rng.randint(10, 99)}-{rng.randint(100, 999)}"
    return f"{rng.randint(10000, 99999)}"


def _where(origin: str, rng: random.Random) -> Where:
    spec = ORIGINS[origin]
    abroad = spec["streets"] is not None and rng.random() < 0.6
    if abroad:
        return Where(
            spec["land"],
            rng.choice(spec["streets"].split("|")),
            rng.randint(1, 250),
            _postcode(spec["pc"], rng),
            rng.choice(spec["cities"].split()),
        )
    return Where("NL", rng.choice(NL_STREETS), rng.randint(1, 300), _postcode("nl", rng), rng.choice(NL_CITIES))


def _bsn(rng: random.Random) -> str:
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = total % 11
        if last < 10 and digits[0] != 0:
            return "".join(map(str, digits)) + str(last)


class _People:
    def __init__(self, n: int, seed: int) -> None:
        self.n = n
        self.rng = random.Random(seed * 7919 + 13)
        self.persons: list[Person] = []
        origins = list(ORIGIN_WEIGHTS)
        self.origins = origins
        self.weights = [ORIGIN_WEIGHTS[o] for o in origins]

    def _given(self, origin: str, sex: str, avoid: set[str] = frozenset()) -> list[str]:
        pool = [g for g in _split(ORIGINS[origin][sex.lower()]) if g not in avoid]
        names = [self.rng.choice(pool)]
        if self.rng.random() < 0.45:
            extra = self.rng.choice(_split(ORIGINS[origin][sex.lower()]))
            if extra != names[0]:
                names.append(extra)
        return names

    def _person(self, household: int, origin: str, sex: str, given: list[str], surname: str, dob: date, home: Where):
        rng = self.rng
        p = Person(
            eid=len(self.persons),
            household=household,
            sex=sex,
            given=given,
            surname=surname,
            dob=dob,
            bsn=_bsn(rng) if home.land == "NL" and rng.random() < 0.8 else None,
            address=home,
            old_address=_where(origin, rng) if rng.random() < 0.25 else None,
            phone=f"06{rng.randint(10000000, 99999999)}" if rng.random() < 0.6 else None,
        )
        self.persons.append(p)
        return p

    def run(self) -> list[Person]:
        rng = self.rng
        household = 0
        while len(self.persons) < self.n:
            household += 1
            origin = rng.choices(self.origins, self.weights)[0]
            surnames = _surnames(origin)
            family = rng.choice(surnames)
            home = _where(origin, rng)
            year = rng.randint(1940, 2005)
            if rng.random() < 0.45:  # a single person
                sex = rng.choice("MV")
                dob = date(year, 1, 1) + timedelta(days=rng.randrange(365))
                self._person(household, origin, sex, self._given(origin, sex), family, dob, home)
                continue
            father_dob = date(year, 1, 1) + timedelta(days=rng.randrange(365))
            mother_dob = father_dob + timedelta(days=rng.randint(-2000, 2000))
            father = self._person(household, origin, "M", self._given(origin, "M"), family, father_dob, home)
            mother = self._person(
                household, origin, "V", self._given(origin, "V"), rng.choice(surnames), mother_dob, home
            )
            if rng.random() < 0.3:
                mother.married_surname = family
            n_children = rng.choice((0, 1, 2, 2, 3))
            born = father_dob.year + rng.randint(22, 35)
            used: set[str] = set()
            junior_done = False
            for _ in range(n_children):
                if len(self.persons) >= self.n:
                    break
                dob = date(min(born, 2020), 1, 1) + timedelta(days=rng.randrange(365))
                born += rng.randint(1, 4)
                if rng.random() < 0.07:  # twins
                    for sex in (rng.choice("MV"), rng.choice("MV")):
                        given = self._given(origin, sex, used)
                        used.add(given[0])
                        self._person(household, origin, sex, given, family, dob, home).tags.add("twin")
                    continue
                sex = rng.choice("MV")
                if sex == "M" and not junior_done and rng.random() < 0.1:
                    junior_done = True
                    son = self._person(household, origin, "M", list(father.given), family, dob, home)
                    son.tags.add("namesake")
                    father.tags.add("namesake")
                    continue
                given = self._given(origin, sex, used)
                used.add(given[0])
                self._person(household, origin, sex, given, family, dob, home)
        del self.persons[self.n :]
        return self.persons


# --- Corruptions ---------------------------------------------------------------------------

_OCR = (("rn", "m"), ("m", "rn"), ("cl", "d"), ("ph", "f"), ("f", "ph"), ("ck", "k"), ("c", "k"), ("y", "i"),
        ("ei", "ie"), ("ie", "ei"), ("ou", "u"), ("w", "v"), ("z", "s"), ("ll", "l"), ("ss", "s"), ("tt", "t"))  # fmt: skip
_KEYS = "qwertyuiopasdfghjklzxcvbnm"


def _slip(word: str, rng: random.Random) -> str:
    if len(word) < 3:
        return word
    kind = rng.random()
    if kind < 0.3:
        for a, b in rng.sample(_OCR, len(_OCR)):
            if a in word:
                i = word.index(a)
                return word[:i] + b + word[i + len(a) :]
    i = rng.randrange(1, len(word))
    if kind < 0.55:
        return word[:i] + rng.choice(_KEYS) + word[i + 1 :]
    if kind < 0.75:
        return word[:i] + word[i + 1 :]
    if kind < 0.9 and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + word[i - 1] + word[i:]


def _street(name: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4 and " " in name:
        return name.replace(" ", "", 1)  # "Lange Voorhout" -> "LangeVoorhout"
    if r < 0.6:
        # A space added where a compound is written as one word: "Hauptstraße" -> "Haupt straße".
        for suffix in ("straße", "straat", "strasse", "weg", "laan", "kade", "gracht"):
            if name.endswith(suffix) and not name.endswith(" " + suffix):
                return name[: -len(suffix)] + " " + suffix
    if r < 0.85:
        return _slip(name, rng)
    return name.upper()


def write(person: Person, ref: str, rng: random.Random, kinds: set[str]) -> tuple[PersonRecord, str, tuple[str, str]]:
    """One record of ``person`` with 0-3 corruptions; returns it, its country code, and its street and city."""
    given = list(person.given)
    surname = person.surname
    if person.married_surname and rng.random() < 0.35:
        surname = person.married_surname if rng.random() < 0.6 else f"{person.married_surname}-{surname}"
        kinds.add("naam van partner")
    dob: PartialDate | None = PartialDate(person.dob.year, person.dob.month, person.dob.day)
    home = person.address
    if person.old_address and rng.random() < 0.3:
        home = person.old_address
        kinds.add("oud adres")
    street, number, postcode, city = home.street, str(home.number), home.postcode, home.city
    voornamen_override = None
    n_errors = min(3, sum(rng.random() < p for p in (0.55, 0.3, 0.12)))
    for _ in range(n_errors):
        e = rng.random()
        if e < 0.14:
            which = rng.random() < 0.5
            if which:
                given[0] = _slip(given[0], rng)
                kinds.add("tikfout voornaam")
            else:
                surname = _slip(surname, rng)
                kinds.add("tikfout achternaam")
        elif e < 0.2:
            given[0] = _slip(given[0], rng)
            surname = _slip(surname, rng)
            kinds.add("tikfout in beide namen")
        elif e < 0.27:
            if given[0] in NICKNAMES:
                given[0] = NICKNAMES[given[0]]
                kinds.add("roepnaam/bijnaam")
        elif e < 0.34:
            voornamen_override = " ".join(f"{g[0]}." for g in given) if rng.random() < 0.7 else ""
            kinds.add("alleen voorletters" if voornamen_override else "voornaam ontbreekt")
        elif e < 0.38:
            if len(given) > 1:
                given = given[:1]
                kinds.add("tweede voornaam weggelaten")
        elif e < 0.44:
            if "-" in surname or " " in surname:
                parts = surname.replace("-", " ").split()
                r = rng.random()
                surname = parts[-1] if r < 0.35 else surname.replace("-", " ") if r < 0.65 else surname.replace(" ", "")
                kinds.add("dubbele naam of tussenvoegsel anders")
        elif e < 0.47:
            if "'" in surname:
                surname = surname.replace("'", rng.choice(["", " "]))
                kinds.add("dubbele naam of tussenvoegsel anders")
        elif e < 0.55:
            d = person.dob
            r = rng.random()
            if r < 0.25 and d.day <= 12 and d.day != d.month:
                dob = PartialDate(d.year, d.day, d.month)
                kinds.add("dag en maand verwisseld")
            elif r < 0.5:
                dob = PartialDate(d.year + rng.choice((-1, 1)), d.month, d.day)
                kinds.add("geboortedatum één verschrijving")
            elif r < 0.75:
                digits = f"{d.day:02d}"
                day = int(digits[::-1]) if digits[::-1] != digits and 1 <= int(digits[::-1]) <= 28 else d.day % 28 + 1
                dob = PartialDate(d.year, d.month, day)
                kinds.add("geboortedatum één verschrijving")
            else:
                y = str(d.year)
                y = y[:3] + str((int(y[3]) + rng.randint(1, 9)) % 10)
                dob = PartialDate(int(y), d.month, d.day)
                kinds.add("geboortedatum één verschrijving")
        elif e < 0.63:
            if rng.random() < 0.6:
                dob = None
                kinds.add("geboortedatum ontbreekt")
            else:
                dob = PartialDate(person.dob.year)
                kinds.add("geboortedatum deels")
        elif e < 0.72:
            street = _street(street, rng)
            kinds.add("straat anders geschreven")
        elif e < 0.77:
            city = _slip(city, rng)
            kinds.add("woonplaats tikfout")
        elif e < 0.82:
            if home.land != "NL":
                postcode = _slip(postcode, rng) if rng.random() < 0.5 else postcode.replace(" ", "").replace("-", "")
                kinds.add("buitenlandse postcode anders")
        elif e < 0.9:
            street = number = postcode = city = ""
            kinds.add("adres ontbreekt")
        else:
            if given and rng.random() < 0.5 and len(surname) > 2:
                kinds.add("voor- en achternaam verwisseld")
                first = given[0]
                given = [surname]
                surname = first
                if rng.random() < 0.3:
                    surname = _slip(surname, rng)
                    kinds.add("verwisseld en tikfout")
    voornamen = " ".join(given) if voornamen_override is None else voornamen_override
    bsn = person.bsn if person.bsn and rng.random() < 0.3 else None
    phone = (person.phone,) if person.phone and rng.random() < 0.35 else ()
    land = home.land if postcode or street else ""
    nl = land == "NL"
    extra = {"straat": street if (not nl or rng.random() < 0.7) else "", "woonplaats": city}
    written = (extra["straat"], city)
    if "straat" not in PersonRecord.__dataclass_fields__:  # an engine from before streets (for "before" runs)
        extra = {}
    record = PersonRecord(
        ref=ref,
        voornamen=voornamen,
        geslachtsnaam=surname,
        geboortedatum=dob,
        bsn=bsn,
        geslacht=person.sex if rng.random() < 0.5 else None,
        postcode=(postcode if nl or rng.random() < 0.9 else "") or None,
        huisnummer=number or None,
        telefoon=phone,
        **extra,
    )
    return record, land or "NL", written


def generate(n_persons: int, seed: int = 42) -> Population:
    """The population: persons, their stored records (1-5 each), and queries, as population.generate."""
    persons = _People(n_persons, seed).run()
    rng = random.Random(seed * 31 + 7)
    records: list[PersonRecord] = []
    queries: list[PersonRecord] = []
    truth: dict[str, int] = {}
    stored: set[int] = set()
    kinds: dict[str, frozenset[str]] = {}
    land: dict[str, str] = {}
    streets: dict[str, tuple[str, str]] = {}

    def one(person: Person, ref: str) -> PersonRecord:
        these: set[str] = set()
        record, country, streets[ref] = write(person, ref, rng, these)
        kinds[ref] = frozenset(these)
        land[ref] = country
        truth[ref] = person.eid
        return record

    for person in persons:
        if rng.random() < (0.35 if person.tags else 0.08):
            queries.append(one(person, f"iq{len(queries)}"))
            continue
        stored.add(person.eid)
        count = 1 + sum(rng.random() < p for p in (0.45, 0.25, 0.1, 0.05))
        for _ in range(count):
            records.append(one(person, f"ir{len(records)}"))
        if rng.random() < 0.05:
            queries.append(one(person, f"iq{len(queries)}"))
    pop = Population(persons, records, queries, truth, stored, kinds)  # type: ignore[arg-type]
    pop.land = land  # type: ignore[attr-defined]
    pop.streets = streets  # type: ignore[attr-defined]
    return pop
