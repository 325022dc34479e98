"""Subject reads, one module per part of the register: every read asks the access point what the
user may see and logs it per subject concerned.

=================  ==========================================================================
``personen``       ``persoon_get`` (404 for anyone who may not see the person), the signals about
                   a person, their merges and splits, the full BSN
``netwerk``        ``persoon_netwerk`` / ``persoon_netwerk_beeld``: related subjects step by step
``tijdlijn``       ``persoon_tijdlijn``: what happened around a person, oldest first
``samenloop``      alerts for the meldpunt, and the "hit" (known elsewhere, never what) for a grant
``inzage``         grants given on a person, and the colleagues a grant can go to
``relaties``       subjects to pick for a new relation, and the subject picked
``koppelingen``    which subject each betrokkene is, and the mogelijke matches to judge
=================  ==========================================================================

Wording (Dutch titles, month names, labels) is the presenter's (``subjecten.presenter``).
Everything is re-exported here, so ``from schakelpunt.subjecten import selectors`` keeps working.
"""

from schakelpunt.subjecten.selectors.inzage import inzage_collegas, mijn_personen, persoon_inzagen
from schakelpunt.subjecten.selectors.koppelingen import betrokkene_subjecten, mogelijke_match_list
from schakelpunt.subjecten.selectors.netwerk import (
    MAX_KNOPEN,
    Knoop,
    Netwerk,
    NetwerkBeeld,
    NetwerkInfo,
    Verbinding,
    persoon_netwerk,
    persoon_netwerk_beeld,
    volledige_inzage,
)
from schakelpunt.subjecten.selectors.personen import (
    persoon_bsn,
    persoon_get,
    persoon_samenvoegingen,
    persoon_signalen,
)
from schakelpunt.subjecten.selectors.relaties import relatie_kandidaten, relatie_subject
from schakelpunt.subjecten.selectors.samenloop import (
    SamenloopHit,
    persoon_samenloop,
    samenloop_hit,
    samenloop_list,
    samenloop_page,
    samenloop_prefetch,
)
from schakelpunt.subjecten.selectors.tijdlijn import Gebeurtenis, persoon_tijdlijn

__all__ = [
    "MAX_KNOPEN",
    "Gebeurtenis",
    "Knoop",
    "Netwerk",
    "NetwerkBeeld",
    "NetwerkInfo",
    "SamenloopHit",
    "Verbinding",
    "betrokkene_subjecten",
    "inzage_collegas",
    "mijn_personen",
    "mogelijke_match_list",
    "persoon_bsn",
    "persoon_get",
    "persoon_inzagen",
    "persoon_netwerk",
    "persoon_netwerk_beeld",
    "persoon_samenloop",
    "persoon_samenvoegingen",
    "persoon_signalen",
    "persoon_tijdlijn",
    "relatie_kandidaten",
    "relatie_subject",
    "samenloop_hit",
    "samenloop_list",
    "samenloop_page",
    "samenloop_prefetch",
    "volledige_inzage",
]
