"""Normalisation of Dutch person data: names, tussenvoegsels, sound keys, phone, postcode, kenteken, KvK and BSN.

Everything here is a pure function of its input, so it can be run once per record
(see ``model.prepare``) and its results can be stored in a database column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

# ---------------------------------------------------------------------------
# Generic text cleaning
# ---------------------------------------------------------------------------

_NOT_NAME_CHAR = re.compile(r"[^a-z' \-]+")
_SPACES = re.compile(r"\s+")
_HYPHEN = re.compile(r"(?:\s*-\s*)+")
# "d'Ancona", "l'Ecluse": the elided article is a tussenvoegsel of its own.
_ELIDED = re.compile(r"\b([dl])'(?=[a-z])")
# "in't Veld", "van't Hof": glue-written 't.
_GLUED_T = re.compile(r"(?<=[a-z])'t\b")
_LONE_APOSTROPHE = re.compile(r"(?<![a-z])'(?![a-z])|(?<=[a-z])'(?=[a-z])")


def clean_text(text: str | None) -> str:
    """Fold to lower-case ASCII and keep only letters, single spaces, hyphens and apostrophes.

    Idempotent: ``clean_text(clean_text(x)) == clean_text(x)``.
    """
    if not text:
        return ""
    s = unidecode(text).lower()
    s = _NOT_NAME_CHAR.sub(" ", s)
    s = _ELIDED.sub(r"\1' ", s)
    s = _GLUED_T.sub(" 't", s)
    # An apostrophe inside a word (O'Neill) is spelling noise; a free-standing one is debris.
    s = _LONE_APOSTROPHE.sub("", s)
    s = _HYPHEN.sub("-", s)
    s = _SPACES.sub(" ", s)
    return s.strip(" -")


def letters_only(text: str | None) -> str:
    """Lower-case ASCII letters only: the form in which spacing and punctuation no longer matter."""
    return re.sub(r"[^a-z]", "", clean_text(text))


# ---------------------------------------------------------------------------
# Tussenvoegsels (voorvoegsels) and surnames
# ---------------------------------------------------------------------------

# Dutch, Flemish, French, German, Spanish/Portuguese and Arabic name particles as they
# occur in the BRP and in what frontline staff type. Order does not matter: the parser
# tries the longest sequence first.
# fmt: off
TUSSENVOEGSELS: tuple[str, ...] = (
    "van", "van de", "van der", "van den", "van het", "van 't", "van t", "van ter",
    "van ten", "de", "den", "der", "des", "het", "'t", "t", "te", "ten", "ter",
    "in", "in de", "in den", "in der", "in het", "in 't", "in t", "op", "op de", "op den",
    "op der", "op het", "op 't", "op ten", "uit", "uit de", "uit den", "uit het", "uit 't",
    "uijt de", "uijt den", "aan", "aan de", "aan den", "aan het", "aan 't", "bij", "bij de",
    "bij den", "bij het", "onder", "onder de", "onder den", "over", "over de", "over het",
    "voor", "voor de", "voor den", "voor in 't", "vanden", "vander", "'s", "s", "la", "le",
    "les", "du", "des", "da", "das", "di", "do", "dos", "del", "della", "dela", "de la",
    "de las", "de los", "d'", "l'", "von", "von der", "von dem", "vom", "zu", "zum", "zur",
    "el", "al", "bin", "ben", "ibn", "ter", "ould",
)
# fmt: on

# Tussenvoegsel sequences by their first word, longest first: "van" -> ("van", "der"), ..., ("van",).
_PREFIX_SEQUENCES: dict[str, tuple[tuple[str, ...], ...]] = {}
for _seq in sorted({tuple(p.split()) for p in TUSSENVOEGSELS}, key=len, reverse=True):
    _PREFIX_SEQUENCES[_seq[0]] = _PREFIX_SEQUENCES.get(_seq[0], ()) + (_seq,)
del _seq

# Prefixes that people glue to the name ("Vanderberg", "Terhorst"). Only particles that
# are almost never the start of an ordinary surname are stripped when glued: "de" is not
# (Dekker, Derksen), except before a handful of very common stems where the glued
# spelling is a known variant ("Deboer" for "de Boer").
_GLUED_PREFIXES: tuple[str, ...] = ("vander", "vanden", "vande", "vant", "van", "ter", "ten")
# fmt: off
_GLUED_DE_STEMS: frozenset[str] = frozenset(
    {
        "boer", "bruin", "bruijn", "graaf", "groot", "haan", "jong", "jonge", "jager",
        "koning", "lange", "leeuw", "man", "meijer", "ridder", "roos", "ruiter", "vos",
        "vries", "wit", "witt", "wolf", "zwart", "goede", "beer", "bock", "bont", "klerk",
        "kok", "waal", "weerd", "wilde", "winter", "haas", "heer",
    }
)
# fmt: on
_MIN_GLUED_STEM = 3


@dataclass(frozen=True, slots=True)
class Surname:
    """A surname split into the particles and the parts that carry the name."""

    prefix: str  # "van der"
    parts: tuple[str, ...]  # ("berg",); ("jansen", "vries") for "Jansen-de Vries"
    full: str  # every letter including particles: "vanderberg"

    @property
    def stem(self) -> str:
        """The surname without particles, as one word: what is compared."""
        return "".join(self.parts)


# "'s-Gravesande", "'s Gravesande" and "Sgravesande": the genitive 's glued on. Only before the
# stems it is known from, since an s starts many names (Smit, Schouten).
_GLUED_S_STEMS: tuple[str, ...] = ("graven", "grave", "gravez", "hertog", "heeren", "jacob", "gravel")


def _strip_glued(token: str) -> str:
    if token.startswith("s") and token[1:].startswith(_GLUED_S_STEMS):
        return token[1:]
    for glued in _GLUED_PREFIXES:
        if token.startswith(glued) and len(token) - len(glued) >= _MIN_GLUED_STEM:
            return token[len(glued) :]
    if token.startswith("de") and token[2:] in _GLUED_DE_STEMS:
        return token[2:]
    return token


def _match_prefix(tokens: list[str], start: int) -> int:
    """Length of the longest tussenvoegsel sequence at ``tokens[start:]`` (0 if none)."""
    for seq in _PREFIX_SEQUENCES.get(tokens[start], ()) if start < len(tokens) else ():
        n = len(seq)
        if tuple(tokens[start : start + n]) == seq:
            return n
    return 0


@lru_cache(maxsize=100_000)  # surnames repeat: a batch of a million has far fewer distinct ones
def parse_surname(geslachtsnaam: str | None, voorvoegsel: str | None = None) -> Surname:
    """Split a surname into particles and name parts, however the particles were written.

    "van der Berg", "Van Der Berg", "Berg, van der", "Vanderberg" and plain "Berg" all give
    the stem "berg"; "Jansen-de Vries" gives the parts ("jansen", "vries").
    """
    name = geslachtsnaam or ""
    # BRP-style inverted notation: "Berg, van der".
    if "," in name:
        head, _, tail = name.partition(",")
        name = f"{tail} {head}"
    text = clean_text(f"{voorvoegsel or ''} {name}")
    if not text:
        return Surname("", (), "")

    # A chunk that is only a particle ("El-Amrani", "'s-Gravesande") belongs to what follows.
    chunks: list[list[str]] = []
    pending: list[str] = []
    for chunk in text.split("-"):
        tokens = pending + chunk.split()
        pending = []
        if tokens and _match_prefix(tokens, 0) == len(tokens):
            pending = tokens
            continue
        if tokens:
            chunks.append(tokens)
    if pending:
        chunks.append(pending)

    prefix_tokens: list[str] = []
    parts: list[str] = []
    for tokens in chunks:
        i = 0
        explicit_prefix = False
        while i < len(tokens):
            n = _match_prefix(tokens, i)
            # Never strip the last token: "Van" and "De" are surnames too.
            if n and i + n < len(tokens):
                prefix_tokens.extend(tokens[i : i + n])
                i += n
                explicit_prefix = True
                continue
            token = tokens[i].replace("'", "")
            if not explicit_prefix and not parts and i == 0:
                stripped = _strip_glued(token)
                if stripped != token:
                    prefix_tokens.append(token[: len(token) - len(stripped)])
                    token = stripped
            if token:
                parts.append(token)
            i += 1
    full = re.sub(r"[^a-z]", "", text)
    return Surname(" ".join(prefix_tokens), tuple(parts), full)


# ---------------------------------------------------------------------------
# Given names and initials
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GivenNames:
    """Given names as written: full names where known, and the initial of every name."""

    names: tuple[str, ...]  # full names only, lower-case letters: ("jan", "pieter")
    initials: str  # initial class of every given name, in order: "jp"
    first_is_full: bool  # False for "J.P." or "J. Pieter"

    @property
    def first(self) -> str:
        return self.names[0] if self.first_is_full else ""


_VOWELS = "aeiou"


def initial_class(name: str) -> str:
    """The initial of a name, folded so that common spelling variants share it.

    Youssef/Joesoef (y, j), Khalid/Chalid (k, c), Ibrahim/Ebrahim (i, e), Omar/Umar
    (o, u), Zakaria/Sakaria (z, s), Philip/Filip (ph, f). Vowels are not all folded
    together: "A." must not be taken for Emma.
    """
    s = letters_only(name)
    if not s:
        return ""
    if s.startswith("ph"):
        return "f"
    c = s[0]
    return _INITIAL_FOLD.get(c, c)


_INITIAL_FOLD = {"y": "j", "c": "k", "q": "k", "z": "s", "w": "v", "e": "i", "u": "o"}

# "JP", "UA", "JPM": capitals run together. Three capitals with a vowel are more likely a
# name in capitals (EVA, BOB) than initials.
_ALL_CAPS_INITIALS = re.compile(r"^(?:[A-Z]{2}|[B-DF-HJ-NP-TV-Z]{3})$")


@lru_cache(maxsize=100_000)
def parse_given_names(voornamen: str | None) -> GivenNames:
    """Split given names into full names and initials.

    "Jan Pieter" -> names ("jan", "pieter"), initials "jp"; "J.P." -> no names, initials
    "jp"; "Anne-Marie" stays one name "annemarie" so that it equals "Annemarie".
    """
    if not voornamen:
        return GivenNames((), "", False)
    text = unidecode(voornamen)
    names: list[str] = []
    initials: list[str] = []
    first_is_full: bool | None = None
    for token in text.split():
        if "." in token:
            # "J.P." or an abbreviation such as "Joh.": only the initials are reliable.
            pieces = [p for p in token.split(".") if letters_only(p)]
            for i, piece in enumerate(pieces):
                # A final piece without a dot after it ("J.Pieter") is a full name.
                is_last_without_dot = i == len(pieces) - 1 and not token.rstrip().endswith(".")
                if is_last_without_dot and len(letters_only(piece)) > 1:
                    names.append(letters_only(piece))
                    initials.append(initial_class(piece))
                    first_is_full = True if first_is_full is None else first_is_full
                else:
                    initials.append(initial_class(piece))
                    first_is_full = False if first_is_full is None else first_is_full
            continue
        if _ALL_CAPS_INITIALS.match(token):
            initials.extend(initial_class(ch) for ch in token)
            first_is_full = False if first_is_full is None else first_is_full
            continue
        word = letters_only(token)
        if not word:
            continue
        if len(word) == 1:
            initials.append(initial_class(word))
            first_is_full = False if first_is_full is None else first_is_full
        else:
            names.append(word)
            initials.append(initial_class(word))
            first_is_full = True if first_is_full is None else first_is_full
    return GivenNames(tuple(names), "".join(initials), bool(first_is_full))


# ---------------------------------------------------------------------------
# Phonetic key
# ---------------------------------------------------------------------------
#
# Why a home-made key and not Soundex, Metaphone or Daitch–Mokotoff: those are tuned for
# English or Eastern-European Jewish names and get Dutch wrong (ij = ei = y, final
# devoicing d/t, v/f, "sch" at the end is "s", oe = u). Names from abroad reach a Dutch
# municipality through French (Youssef, Aicha, Oussama), English (Yusuf, Aisha, Usama) and
# Dutch (Joesoef, Aïsja, Oesama) transliteration, which differ mainly in how they write
# vowels, "kh"/"ch"/"sh" and "dj". The key therefore maps consonant spellings of one sound
# to one letter and vowel spellings to a few classes, and keeps the vowel classes so that
# Hassan and Hussein, or Mohamed and Mahmoud, stay apart. Uppercase X and Y are internal
# codes (a ch-like sound, an ei/ij-like diphthong); the result is lower-cased.

_PHONETIC_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^abd(?:oe|ou|u|e|a|o|i)?l", "abdel"),  # Abdul/Abdel/Abdoel: the Arabic article
        (r"^y(?=[aeiou])", "j"),  # Youssef = Joesoef = Jusuf
        (r"x", "ks"),
        (r"sch$", "s"),  # Bosch = Bos
        (r"tsch|tsj|tch", "X"),
        (r"ch(?=[rl])", "k"),  # Christiaan, Chloé: Greek ch is k
        (r"sch", "sX"),
        (r"ch|kh|sh|sj", "X"),  # Chalid = Khalid, Aicha = Aisha = Aïsja
        (r"ph", "f"),
        (r"th", "t"),
        (r"dzj|dj", "j"),  # Djamila = Jamila
        (r"ck", "k"),
        (r"qu", "kv"),
        (r"c(?=[eiy])", "s"),
        (r"[cq]", "k"),
        (r"ij|y", "Y"),  # Dijkstra = Dykstra, Meijer = Meyer
        (r"z", "s"),
        (r"w", "v"),  # Iwanow = Ivanov
        (r"dt$", "t"),
        (r"(?<=[aeiouY])h$", ""),  # Fatimah = Fatima
        (r"h", "X"),  # Ahmed = Achmed, Hussein = Choessein
        # Dutch final devoicing: Ahmed = Ahmet, Ivanov = Ivanoff, Rob = Rop.
        (r"d$", "t"),
        (r"v$", "f"),
        (r"b$", "p"),
    )
)

# Vowel spellings, longest first, and the class each stands for (doubled letters are
# already single here). Dutch "oe" and French "ou" are the u of Joesoef and Youssef. The
# vowels that make different Dutch names stay apart: e/a (Sem, Sam), o/oe (Milo, Milou),
# o/eu (Floor, Fleur); "w" stands for eu, as no w is left after the consonant rules. The
# Arabic a/e and o/u variation (Ahmad/Ahmed, Omar/Umar) is covered by _NAME_VARIANTS
# and by the comparison, which treats one a/e swap in a longer name as a slip.
# fmt: off
_VOWEL_UNITS: tuple[tuple[str, str], ...] = (
    ("aai", "Y"), ("ooi", "Y"), ("oei", "Y"), ("ai", "Y"), ("ei", "Y"), ("ui", "Y"),
    ("eu", "w"), ("oe", "u"), ("ou", "u"), ("au", "u"),
    ("ie", "i"), ("ae", "e"),
    ("a", "a"), ("e", "e"), ("i", "i"), ("o", "o"), ("u", "u"), ("Y", "Y"),
)
# fmt: on
_VOWEL_RUN = re.compile(r"[aeiouY]+")
_REPEATS = re.compile(r"(.)\1+")
_CONSONANT_REPEATS = re.compile(r"([^aeiouY])\1+")
_DIPHTHONGS = ("Y", "ai", "ei", "ui")


def _vowel_class(run: str) -> str:
    # Meier, Meijer and Meyer: a run with an ei/ij-like glide is one sound, whatever else is in it.
    if any(d in run for d in _DIPHTHONGS):
        return "Y"
    out: list[str] = []
    i = 0
    while i < len(run):
        for unit, cls in _VOWEL_UNITS:
            if run.startswith(unit, i):
                out.append(cls)
                i += len(unit)
                break
        else:  # pragma: no cover - every vowel is a unit
            i += 1
    return "".join(out)


# Spellings that no sound rule can join without also joining different names: French
# transliteration writes "e" for any short Arabic vowel (Youssef for Yusuf, Khaled for
# Khalid), which is exactly the difference between Ruben and Robin. The known variants of
# frequent names are therefore listed; the rules then make the rest of their spellings meet.
_NAME_VARIANTS: dict[str, str] = {
    variant: canonical
    for canonical, variants in {
        "muhammad": "mohammed mohamed mohammad mohamad muhammed mohamet mouhamed mohammet",
        "ahmad": "ahmed achmed achmad ahmet",
        "yusuf": "youssef yousef youssouf yussuf yousouf joesef jusef yosef yossef",
        "khalid": "khaled chaled chalid khalied",
        "karim": "kareem karem",
        "rashid": "rachid rasheed rashed rachied",
        "hamid": "hamed hamied",
        "said": "saeed saied sayid sayed",
        "sufyan": "soufiane sofiane soufian sofian sufian soufyan",
        "maryam": "mariam meryem myriam mariame",
        "yasin": "yassine yassin yacine jassin jasin",
        "ayub": "ayoub ayoeb eyub eyup",
        "ismail": "ismael esmail smail",
        "ilyas": "ilias iliass elyas",
        "zakaria": "zakariya zakariyya zacharia zakarya",
        "mahdi": "mehdi",
        "bilal": "belal",
        "hussein": "hossein hosein husein",
        "hassan": "hasan hassane",
        "nadia": "nadya nadja",
        "samir": "sameer",
        "tariq": "tarik tarek tareq",
        "walid": "waleed oualid",
        "nabil": "nabiel nabeel",
        "jamal": "djamal",
        "adil": "adel",
        "umar": "omar oemar",
        "usama": "oussama osama oesama ousama",
        "mustafa": "moestafa mostafa mustapha moustafa mostapha",
        "nur": "nour noor",
        "yunus": "younes younis joenoes yunes",
        "musa": "moussa mousa moesa",
    }.items()
    for variant in [canonical, *variants.split()]
}


@lru_cache(maxsize=200_000)
def phonetic_key(name: str) -> str:
    """A Dutch-aware sound key of one name: spelling variants of one name get one key.

    Mohammed/Mohamed/Muhammad/Mohammad -> "muxamat"; Youssef/Joesoef -> "jusuf";
    Aisha/Aicha/Ayesha -> "yxa"; Meijer/Meyer/Meier -> "myr"; Bosch/Bos -> "bos".
    Not reversible and not meant for display.
    """
    s = letters_only(name)
    if not s:
        return ""
    s = _NAME_VARIANTS.get(s, s)
    for pattern, replacement in _PHONETIC_RULES:
        s = pattern.sub(replacement, s)
    s = _REPEATS.sub(r"\1", s)
    s = _VOWEL_RUN.sub(lambda m: _vowel_class(m.group(0)), s)
    # Only consonants are merged again: two vowel classes in a row are two syllables
    # (Dean is not Daan).
    s = _CONSONANT_REPEATS.sub(r"\1", s)
    return s.lower()


_KEY_VOWELS = "aeiouyw"  # the vowel classes in a phonetic key ("w" is eu)


def phonetic_skeleton(key: str, length: int = 6) -> str:
    """Consonant skeleton of a phonetic key, for blocking: vowels are where spellings differ most.

    A leading vowel becomes "a" so that Ibrahim/Ebrahim and Oussama/Usama share a block.
    """
    if not key:
        return ""
    head = "a" if key[0] in _KEY_VOWELS else key[0]
    tail = re.sub(f"[{_KEY_VOWELS}]", "", key[1:])
    return _REPEATS.sub(r"\1", head + tail)[:length]


# ---------------------------------------------------------------------------
# Identifiers: BSN, phone, postcode, house number, kenteken, KvK, sex
# ---------------------------------------------------------------------------

_DIGITS = re.compile(r"\D")


def is_valid_bsn(value: str | None) -> bool:
    """Elfproef for a burgerservicenummer: 9 digits (or 8 with the leading zero dropped).

    9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be divisible by 11; 000000000 is not a BSN.
    """
    if value is None:
        return False
    s = value.strip()
    if not s.isascii() or not s.isdigit() or len(s) not in (8, 9):
        return False
    s = s.zfill(9)
    if s == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(s, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return total % 11 == 0


def normalize_bsn(value: str | int | None) -> str | None:
    """A valid BSN as 9 digits ("1112.22.333" -> "111222333"), or None."""
    if value is None:
        return None
    s = _DIGITS.sub("", str(value))
    if len(s) == 8:
        s = "0" + s
    return s if is_valid_bsn(s) else None


def normalize_phone(value: str | None) -> str | None:
    """A phone number as "+<country><number>" ("06-12345678" -> "+31612345678"), or None.

    Dutch national numbers (10 digits with a leading 0), "+31", "0031", "+31 (0)6" and
    foreign numbers written with "+" or "00" are understood; anything else is not a number.
    """
    if not value:
        return None
    s = value.strip()
    # "+31 (0)6 ...": the (0) is the trunk prefix that must be dropped after a country code.
    s = s.replace("(0)", "")
    international = s.startswith("+")
    digits = _DIGITS.sub("", s)
    if not digits:
        return None
    if not international and digits.startswith("00"):
        international = True
        digits = digits[2:]
    if international:
        if digits.startswith("31"):
            national = digits[2:].lstrip("0")
            return "+31" + national if len(national) == 9 else None
        return "+" + digits if 8 <= len(digits) <= 15 else None
    if digits.startswith("0") and len(digits) == 10:
        return "+31" + digits[1:]
    if len(digits) == 9 and digits[0] in "1234567":
        # A mobile or landline typed without its leading 0.
        return "+31" + digits
    return None


_POSTCODE = re.compile(r"^([1-9][0-9]{3})\s*([A-Z]{2})$")


def normalize_postcode(value: str | None) -> str | None:
    """A Dutch postcode as "1234AB" ("1234 ab" -> "1234AB"), or None when it is no postcode."""
    if not value:
        return None
    m = _POSTCODE.match(value.strip().upper())
    if not m or m.group(2) in ("SA", "SD", "SS"):
        return None
    return m.group(1) + m.group(2)


def normalize_foreign_postcode(value: str | None) -> str | None:
    """A postcode that is not Dutch ("75011", "SW1A 1AA", "D-10115") as "X" + its letters and digits, or None.

    The "X" keeps it apart from Dutch postcodes; what is left is compared as written.
    """
    if not value:
        return None
    s = re.sub(r"[^0-9A-Z]", "", unidecode(value).upper())
    return f"X{s}" if 3 <= len(s) <= 10 and any(c.isdigit() for c in s) else None


_HUISNUMMER = re.compile(r"^\s*(\d{1,5})\s*(?:-?\s*([A-Za-z])(?![A-Za-z]))?\s*[-/ ]?\s*(.*?)\s*$")


def split_huisnummer(value: str | int | None) -> tuple[int | None, str, str]:
    """Split "12a-2" into (12, "A", "2"): number, huisletter and toevoeging as in the BAG."""
    if value is None:
        return None, "", ""
    m = _HUISNUMMER.match(str(value))
    if not m:
        return None, "", ""
    return int(m.group(1)), (m.group(2) or "").upper(), normalize_toevoeging(m.group(3))


def normalize_toevoeging(value: str | None) -> str:
    """Huisnummertoevoeging without spacing or case ("2-hoog" -> "2HOOG")."""
    if not value:
        return ""
    return re.sub(r"[^0-9A-Z]", "", unidecode(value).upper())


def normalize_kenteken(value: str | None) -> str | None:
    """A Dutch licence plate without dashes or spaces, in capitals ("xx-99-xx" -> "XX99XX")."""
    if not value:
        return None
    s = re.sub(r"[^0-9A-Z]", "", unidecode(value).upper())
    return s or None


def normalize_kvk(value: str | int | None) -> str | None:
    """A KvK number as 8 digits, or None. Shorter numbers from old registers get leading zeros."""
    if value is None:
        return None
    s = _DIGITS.sub("", str(value))
    if not s or len(s) > 8:
        return None
    return s.zfill(8)


# fmt: off
_SEX = {
    "m": "M", "man": "M", "male": "M", "mannelijk": "M", "jongen": "M",
    "v": "V", "vrouw": "V", "f": "V", "female": "V", "vrouwelijk": "V", "meisje": "V",
}
# fmt: on


def normalize_geslacht(value: str | None) -> str | None:
    """ "M" or "V", or None when unknown or not binary (X, O, onbekend): then it is no evidence."""
    if not value:
        return None
    return _SEX.get(value.strip().lower())
