"""Roepnamen and short forms of given names (Kees for Cornelis, Mo for Mohammed), as a table the beheerder can extend.

A short form is evidence that two records name one person, but weaker than the same name:
"Kees" is Cornelis for most, yet a few are just Kees. The comparison therefore gives a
short form its own level (score.NICKNAME), below a spelling variant. The table only
serves the comparison, never the blocking keys, so extending it needs no re-indexing:
records whose names are short forms of each other still meet through surname, date of
birth, address or phone.

Names are written as ``normalize.letters_only`` leaves them (lower case, no accents, no
spaces). Each entry maps a full name to its usual short forms; a short form may belong to
more than one full name (Jan to Johannes and Jannes), so a name can have several full forms.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping

from .normalize import _NAME_VARIANTS

# fmt: off
DEFAULT: dict[str, tuple[str, ...]] = {
    # Dutch baptismal names and their roepnamen.
    "cornelis": ("kees", "cees", "cor", "corne", "niels"),
    "cornelia": ("cor", "corrie", "nel", "nelly", "lia"),
    "jacobus": ("sjaak", "jaap", "koos", "co", "jacob", "jaco", "kobus"),
    "jacoba": ("coby", "co", "jacqueline", "jaqueline"),
    "johannes": ("jan", "hans", "johan", "joop", "joost", "hannes", "jo", "jos"),
    "johanna": ("anneke", "hanna", "hanneke", "jo", "joke", "jannie", "annie", "hannie"),
    "hendrikus": ("henk", "hendrik", "rik", "henny", "harrie"),
    "hendrik": ("henk", "rik", "henny", "harrie"),
    "hendrika": ("riek", "rika", "henny", "riky", "dika"),
    "gerardus": ("gerard", "gert", "gerrit", "ger", "sjra"),
    "wilhelmus": ("wim", "willem", "wil", "pim", "willy"),
    "wilhelmina": ("mien", "mina", "willy", "wil", "wilma", "ilse"),
    "petrus": ("piet", "pieter", "peter", "pier"),
    "adrianus": ("adrie", "arie", "janus", "aad", "ad", "adri"),
    "adriana": ("jeanne", "adrie", "ria", "jana", "sjaan"),
    "antonius": ("toon", "anton", "ton", "tonnie", "teun", "tony"),
    "theodorus": ("theo", "dirk", "door", "ted"),
    "franciscus": ("frans", "sjef", "cis", "frank"),
    "josephus": ("jos", "sjef", "joep", "joseph", "jozef"),
    "martinus": ("martin", "tinus", "mart", "maarten", "tijn"),
    "nicolaas": ("klaas", "niek", "nico", "claas", "nick"),
    "albertus": ("bert", "albert", "appie", "ab"),
    "lambertus": ("bert", "lambert", "bertus"),
    "everhardus": ("evert", "eef", "ep"),
    "engelbertus": ("engel", "bert"),
    "bernardus": ("ben", "bernard", "berend", "bennie", "nard"),
    "leonardus": ("leo", "leon", "leendert", "lenny", "nard"),
    "catharina": ("toos", "trijntje", "katrien", "rina", "tiny", "ina", "cato", "kitty"),
    "elisabeth": ("els", "elise", "lies", "liesbeth", "betty", "bep", "lisa", "ilse", "elsje"),
    "margaretha": ("greet", "grietje", "margriet", "marga", "margo", "gretha", "grete"),
    "maria": ("mies", "mieke", "marie", "mia", "marja", "ria", "maaike", "mary"),
    "geertruida": ("truus", "geertje", "trudy", "gerda"),
    "alida": ("aaltje", "lida", "alie", "aly"),
    "christiaan": ("chris", "stijn", "kris"),
    "christina": ("stien", "christine", "tineke", "tina", "chris"),
    "jozef": ("sjef", "jos", "joep"),
    "alexander": ("sander", "alex", "lex", "xander"),
    "alexandra": ("sandra", "alex", "sanne"),
    "susanna": ("sanne", "suus", "suzan", "susan"),
    "dorothea": ("dora", "doortje", "thea", "dorien"),
    "abraham": ("bram", "braam", "abe"),
    "benjamin": ("ben", "benji"),
    "samuel": ("sam", "sem", "sammy"),
    "matthijs": ("thijs", "mathijs", "mats"),
    "mattheus": ("thijs", "matthijs", "teus"),
    "bartholomeus": ("bart", "mees", "bartel"),
    "willemina": ("wil", "mina", "willy"),
    "gijsbertus": ("gijs", "bert", "gijsbert"),
    "huibertus": ("huib", "bert"),
    "hubertus": ("huub", "bert", "huib"),
    "ignatius": ("naat", "iggy"),
    "jacobs": ("jaap",),
    "robertus": ("rob", "robert", "bert", "robbie"),
    "frederik": ("freek", "frits", "fred", "rik", "erik"),
    "frederika": ("frieda", "rika", "freddie"),
    "gerrit": ("gert", "ger", "gerard"),
    "lodewijk": ("louis", "lode", "loek", "wiek"),
    "wouter": ("wout",),
    # International short forms seen in Dutch registers.
    "muhammad": ("mo", "mohi", "momo", "hamoudi", "hamid"),
    "abdelrahman": ("abdu", "abdo"),
    "abdullah": ("abdu", "abdo"),
    "mustafa": ("musti", "mus"),
    "ibrahim": ("ibo", "ibi", "brahim"),
    "yusuf": ("yos", "yussi"),
    "fatima": ("fatma", "faat", "tima"),
    "aleksandr": ("sasha", "sascha", "sanja", "alex"),
    "aleksandra": ("sasha", "sascha", "sanja", "ola", "alex"),
    "ekaterina": ("katya", "katja", "katerina", "katia"),
    "elizabeth": ("liz", "beth", "betty", "lisa", "eliza"),
    "william": ("bill", "will", "billy", "liam"),
    "robert": ("bob", "rob", "bobby", "robbie"),
    "richard": ("rick", "dick", "richie", "rich"),
    "margaret": ("maggie", "meg", "peggy", "greta"),
    "katherine": ("kate", "katie", "kathy", "kat"),
    "catherine": ("kate", "katie", "cathy", "cat"),
    "michael": ("mike", "mick", "mikey"),
    "anthony": ("tony",),
    "joseph": ("joe", "joey", "jos", "sjef"),
    "francesco": ("franco", "cesco"),
    "giuseppe": ("beppe", "peppe", "pino"),
    "francisco": ("paco", "pancho", "kiko"),
    "jose": ("pepe",),
    "jozsef": ("jozsi",),
    "krzysztof": ("krzys",),
    "malgorzata": ("gosia", "malgosia"),
    "wojciech": ("wojtek",),
    "stanislaw": ("stas", "stasiek"),
    "dmitri": ("dima", "mitya"),
    "dmitrij": ("dima", "mitya"),
    "vladimir": ("vova", "volodya", "vlad"),
    "mikhail": ("misha",),
    "anastasia": ("nastya", "asya", "stacy"),
    "natalia": ("natasha", "nata"),
    "ivan": ("vanya",),
}
# fmt: on

_table: dict[str, frozenset[str]] = {}
# Where the beheerder's additions come from: subjecten registers a reader of its Roepnaam table.
# It is read by refresh(), which the batch commands call before they start, and by
# refresh_if_older(), which the web lookup calls: at most once per given number of seconds per
# process, and again after mark_stale() (a change of the table in this process).
_source: list[Callable[[], Iterable[tuple[str, str]]]] = []


def set_source(source: Callable[[], Iterable[tuple[str, str]]] | None) -> None:
    """Where refresh() reads (full name, short form) pairs from; None: the default table only."""
    _source.clear()
    if source is not None:
        _source.append(source)
    mark_stale()


def refresh() -> None:
    """Use the default table plus what the registered source holds now."""
    global _read_at
    configure(list(_source[0]()) if _source else ())
    _read_at = time.monotonic()


# When refresh() last read the source (time.monotonic()), None: not since it was marked stale.
_read_at: float | None = None


def refresh_if_older(max_age: float) -> None:
    """refresh() if the source was last read more than ``max_age`` seconds ago, or never, or the
    table was marked stale since; otherwise nothing (no query).

    For a long-running process that looks records up one by one (the web lookup): the beheerder's
    additions count there too, at the cost of one read per ``max_age`` seconds per process.
    """
    if _source and (_read_at is None or time.monotonic() - _read_at > max_age):
        refresh()


def mark_stale() -> None:
    """The source changed: the next refresh_if_older() reads it again."""
    global _read_at
    _read_at = None


def _build(entries: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for full, shorts in entries.items():
        groups.setdefault(full, set()).add(full)
        for short in shorts:
            groups.setdefault(short, set()).add(full)
    return {name: frozenset(fulls) for name, fulls in groups.items()}


def configure(extra: Mapping[str, Iterable[str]] | Iterable[tuple[str, str]] = ()) -> None:
    """Use the default table plus ``extra`` (full name -> short forms, or (full, short) pairs).

    For the beheerder's additions (subjecten.Roepnaam); names are folded like letters_only.
    Prepared records made before the call keep the table they were made with.
    """
    from .normalize import letters_only

    merged: dict[str, set[str]] = {k: set(v) for k, v in DEFAULT.items()}
    items = extra.items() if isinstance(extra, Mapping) else ((full, (short,)) for full, short in extra)
    for full, shorts in items:
        key = letters_only(full)
        if key:
            merged.setdefault(key, set()).update(s for s in (letters_only(x) for x in shorts) if s and s != key)
    _table.clear()
    _table.update(_build(merged))
    from .model import _prepare_cached

    _prepare_cached.cache_clear()


def canonical(name: str) -> str:
    """The full names ``name`` may stand for, joined with "|", with a leading "*" when ``name`` is
    itself a full name ("" if the table does not know it); stored on a prepared record.

    Spelling variants count as their full name (Mohammed as Muhammad, normalize._NAME_VARIANTS).
    """
    if not name:
        return ""
    if not _table:
        _table.update(_build(DEFAULT))
    key = name if name in _table else _NAME_VARIANTS.get(name, name)
    fulls = _table.get(key)
    if not fulls:
        return ""
    return ("*" if key in fulls else "") + "|".join(sorted(fulls))


def related(a: str, a_canon: str, b: str, b_canon: str) -> bool:
    """Whether one given name is a short form of the other (Kees and Cornelis, Mo and Mohammed).

    Two short forms of one full name (Jan and Hans, both Johannes) do not count: parents do
    give such names to two children, twins included.
    """
    if a == b or not (a_canon and b_canon):
        return False
    if not (a_canon.startswith("*") or b_canon.startswith("*")):
        return False
    return not set(a_canon.lstrip("*").split("|")).isdisjoint(b_canon.lstrip("*").split("|"))
