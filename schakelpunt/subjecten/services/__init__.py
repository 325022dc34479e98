"""Subject write operations, one module per part of the register (find a rule by its Dutch noun).

=================  ==========================================================================
``sleutels``       the records the matching engine compares and the blocking keys per person
``kandidaten``     which known persons a record may be (``persoon_zoeken``, ``personen_kandidaten``)
``koppelen``       resolve the betrokkenen of a new signal to subjects (the NA_REGISTRATIE hook)
``samenvoegen``    merge and split persons, undo either, confirm or reject mogelijke matches
``relaties``       record a relation between two subjects
``inzage``         let a colleague see one person
``samenloop``      open, update and close samenloop alerts; a colleague's request to combine
=================  ==========================================================================

The normalisation of address and organisation keys is the matching engine's
(``schakelpunt.matching.keys``). Each function that acts for a user checks its permission with
the access point and writes its audit entries itself, one per subject concerned.

Everything is re-exported here, so ``from schakelpunt.subjecten import services`` keeps working;
new code may import from the module that holds the rule.
"""

from schakelpunt.matching import engine
from schakelpunt.matching.keys import adres_sleutel, land_code, organisatie_sleutel
from schakelpunt.matching.model import PartialDate, PersonRecord
from schakelpunt.subjecten.services.inzage import subject_inzage_verlenen
from schakelpunt.subjecten.services.kandidaten import (
    Kandidaat,
    Zoekresultaat,
    _kandidaat_ids,
    _kandidaten_laden,
    _sleutel_rijen,
    _zoekresultaat,
    personen_kandidaten,
    persoon_kandidaten,
    persoon_zoeken,
    populatie,
)
from schakelpunt.subjecten.services.koppelen import (
    NAAR_VELD,
    betrokkene_koppelen,
    signaal_betrokkenen_koppelen,
)
from schakelpunt.subjecten.services.relaties import PERSOONSRELATIES, relatie_create
from schakelpunt.subjecten.services.samenloop import (
    boven_drempel,
    familienetwerk,
    samenloop_afhandelen,
    samenloop_bijwerken,
    samenloop_combineren_vragen,
)
from schakelpunt.subjecten.services.samenvoegen import (
    VERPLAATSBAAR,
    actieve_persoon,
    mogelijke_match_afwijzen,
    mogelijke_match_bevestigen,
    personen_samenvoegen,
    persoon_afsplitsen,
    samenvoeging_ongedaan_maken,
)
from schakelpunt.subjecten.services.sleutels import (
    KANDIDAAT_KOLOMMEN,
    betrokkene_record,
    persoon_record,
    persoon_sleutels_bijwerken,
    record_uit_rij,
)

__all__ = [
    "PartialDate",
    "PersonRecord",
    "engine",
    "_zoekresultaat",
    "KANDIDAAT_KOLOMMEN",
    "NAAR_VELD",
    "PERSOONSRELATIES",
    "VERPLAATSBAAR",
    "Kandidaat",
    "Zoekresultaat",
    "actieve_persoon",
    "adres_sleutel",
    "betrokkene_koppelen",
    "betrokkene_record",
    "boven_drempel",
    "familienetwerk",
    "land_code",
    "mogelijke_match_afwijzen",
    "mogelijke_match_bevestigen",
    "organisatie_sleutel",
    "persoon_afsplitsen",
    "persoon_kandidaten",
    "persoon_record",
    "persoon_sleutels_bijwerken",
    "persoon_zoeken",
    "personen_kandidaten",
    "personen_samenvoegen",
    "populatie",
    "record_uit_rij",
    "relatie_create",
    "samenloop_afhandelen",
    "samenloop_bijwerken",
    "samenloop_combineren_vragen",
    "samenvoeging_ongedaan_maken",
    "signaal_betrokkenen_koppelen",
    "subject_inzage_verlenen",
    "_kandidaat_ids",
    "_kandidaten_laden",
    "_sleutel_rijen",
]
