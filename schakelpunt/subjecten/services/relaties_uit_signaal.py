"""The relations a melder stated between betrokkenen of a signal, received by the register.

Runs as a NA_REGISTRATIE hook right after `signaal_betrokkenen_koppelen` linked each betrokkene
to a subject, inside the signal's transaction: "Karel is ouder van Noor" becomes a relation
between the two persons, with the signal as its source, and a family relation lets samenloop
look at the family network.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction

from schakelpunt.access.policy import decide
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.signalen.constants import RelatieSoort
from schakelpunt.signalen.models import BetrokkeneRelatie, Signaal
from schakelpunt.subjecten.models import FAMILIE_SOORTEN, BetrokkeneKoppeling, Organisatie, Persoon
from schakelpunt.subjecten.services.koppelen import _relatie
from schakelpunt.subjecten.services.samenloop import samenloop_bijwerken

logger = logging.getLogger(__name__)

# The melder's words -> (the register's relation, whether it runs the other way round).
IN_HET_REGISTER: dict[str, tuple[str, bool]] = {
    RelatieSoort.OUDER: ("ouder", False),
    RelatieSoort.KIND: ("ouder", True),
    RelatieSoort.PARTNER: ("partner", False),
    RelatieSoort.BROER_ZUS: ("broer_zus", False),
    RelatieSoort.FAMILIE: ("familie", False),
    RelatieSoort.HUISGENOOT: ("huisgenoot", False),
    RelatieSoort.WERKGEVER: ("werkt_bij", True),
    RelatieSoort.WERKT_BIJ: ("werkt_bij", False),
    RelatieSoort.VERHUURDER: ("verhuurder_van", False),
}


def _subject(koppeling):
    if koppeling is None:
        return None
    return koppeling.persoon or koppeling.organisatie


def signaal_relaties_overnemen(signaal: Signaal) -> list:
    """Give the register a relation for every stated relation whose two betrokkenen it linked.

    In a savepoint: if this fails the signal is still saved (nothing reported is lost).
    """
    try:
        with transaction.atomic():
            return _naar_register(signaal)
    except Exception:
        if settings.TESTING:
            raise
        logger.exception("subjecten: relaties uit signaal %s niet in het register gezet", signaal.pk)
        return []


def _naar_register(signaal: Signaal) -> list:
    stated = list(BetrokkeneRelatie.objects.filter(signaal=signaal))
    if not stated:
        return []
    koppelingen = {
        k.betrokkene_id: k
        for k in BetrokkeneKoppeling.objects.filter(signaal=signaal).select_related("persoon", "organisatie")
    }
    relaties, keys, familie = [], [], []
    for r in stated:
        van, naar = _subject(koppelingen.get(r.van_id)), _subject(koppelingen.get(r.naar_id))
        soort, omgekeerd = IN_HET_REGISTER[r.soort]
        if omgekeerd:
            van, naar = naar, van
        if van is None or naar is None or not isinstance(van, Persoon | Organisatie) or van == naar:
            continue
        relaties.append(_relatie(soort, van=van, naar=naar, signaal=signaal))
        keys.extend([van.log_key, naar.log_key])
        if soort in FAMILIE_SOORTEN:
            familie.extend([van, naar])
    if relaties:
        log_access(
            actor=signaal.melder,
            decision=decide(signaal.melder, "subject.registreren"),
            actie=Action.CREATE,
            object_type="relatie",
            object_id=signaal.pk,
            betrokkenen=keys,
            toelichting=f"relaties uit signaal {signaal.pk} vastgelegd in het register",
        )
    if familie:
        samenloop_bijwerken(personen=familie)
    return relaties
