"""Koppelen: resolve the betrokkenen of a new signal to subjects (persoon, adres, organisatie,
voertuig, telefoonnummer).

The register listens to signals: ``signaal_betrokkenen_koppelen`` is the hook in
signalen.services.NA_REGISTRATIE (registered in apps.ready); it runs as the melder, who never sees
the outcome.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import IntegrityError, transaction

from schakelpunt.access.policy import decide
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.matching.keys import adres_sleutel, is_nederland, land_code, organisatie_sleutel
from schakelpunt.signalen.constants import Soort
from schakelpunt.signalen.models import Betrokkene, Signaal
from schakelpunt.subjecten.models import (
    Adres,
    BetrokkeneKoppeling,
    Bron,
    Methode,
    MogelijkeMatch,
    Organisatie,
    Persoon,
    Relatie,
    RelatieSoort,
    Telefoonnummer,
    Voertuig,
)
from schakelpunt.subjecten.services.kandidaten import Kandidaat, _zoekresultaat, personen_kandidaten
from schakelpunt.subjecten.services.samenloop import samenloop_bijwerken
from schakelpunt.subjecten.services.sleutels import betrokkene_record, persoon_sleutels_bijwerken
from schakelpunt.subjecten.soorten import SubjectSoort

logger = logging.getLogger(__name__)


# --- Resolving betrokkenen ------------------------------------------------------------------


def _adres_uit(data, *, bron: str = Bron.SIGNAAL) -> Adres | None:
    land = land_code(getattr(data, "land", ""))
    velden = {
        "postcode": (data.postcode or "").strip().upper().replace(" ", "")
        if is_nederland(land)
        else (data.postcode or ""),
        "huisnummer": data.huisnummer,
        "huisletter": (data.huisletter or "").upper(),
        "toevoeging": data.toevoeging or "",
        "straat": data.straat or "",
        "woonplaats": data.woonplaats or "",
        "land": land,
    }
    sleutel = adres_sleutel(**velden)
    if not sleutel:
        return None
    adres = Adres.objects.filter(sleutel=sleutel).first()
    if adres is not None:
        changed = [f for f in ("straat", "woonplaats") if velden[f] and not getattr(adres, f)]
        for f in changed:
            setattr(adres, f, velden[f])
        if changed:
            adres.save(update_fields=changed)
            # Street and place are part of each resident's keys (abroad) and stored prepared form.
            for bewoner in Persoon.objects.filter(woonadres=adres).select_related("woonadres"):
                persoon_sleutels_bijwerken(bewoner)
        return adres
    try:
        with transaction.atomic():
            return Adres.objects.create(sleutel=sleutel, bron=bron, **velden)
    except IntegrityError:  # created by a concurrent request
        return Adres.objects.get(sleutel=sleutel)


def _uniek(model, lookup: dict, defaults: dict | None = None):
    obj = model.objects.filter(**lookup).first()
    if obj is not None:
        return obj
    try:
        with transaction.atomic():
            return model.objects.create(**lookup, **(defaults or {}))
    except IntegrityError:
        return model.objects.get(**lookup)


def _organisatie_uit(b: Betrokkene) -> Organisatie | None:
    kvk = (b.kvk_nummer or "").strip()
    naam_sleutel = organisatie_sleutel(b.organisatienaam)
    if kvk:
        organisatie = _uniek(
            Organisatie, {"kvk_nummer": kvk}, {"naam": b.organisatienaam, "naam_sleutel": naam_sleutel}
        )
        if b.organisatienaam and not organisatie.naam:
            organisatie.naam, organisatie.naam_sleutel = b.organisatienaam, naam_sleutel
            organisatie.save(update_fields=["naam", "naam_sleutel"])
        return organisatie
    if not naam_sleutel:
        return None
    # Without a KvK-nummer the name as written is the key (an organisation, not a natural person).
    bestaand = Organisatie.objects.filter(naam_sleutel=naam_sleutel).order_by("pk").first()
    return bestaand or Organisatie.objects.create(naam=b.organisatienaam, naam_sleutel=naam_sleutel)


# The Relatie field that points at each kind of subject.
NAAR_VELD = {s.model(): s.naar_veld for s in SubjectSoort}


def _relatie(soort: str, *, van, naar, signaal: Signaal | None, bron: str = Bron.SIGNAAL, **extra) -> Relatie:
    """A relation once per (soort, van, naar): the first source that stated it is kept."""
    van_veld = "van_persoon" if isinstance(van, Persoon) else "van_organisatie"
    naar_veld = NAAR_VELD[type(naar)]
    bestaand = Relatie.objects.filter(soort=soort, **{van_veld: van, naar_veld: naar}).first()
    if bestaand is not None:
        return bestaand
    return Relatie.objects.create(
        soort=soort, bron=bron, bron_signaal=signaal, **{van_veld: van, naar_veld: naar}, **extra
    )


def _nieuwe_persoon(b: Betrokkene, adres: Adres | None) -> Persoon:
    persoon = Persoon.objects.create(
        voornamen=b.voornamen,
        voorvoegsel=b.voorvoegsel,
        geslachtsnaam=b.geslachtsnaam,
        geboortejaar=b.geboortejaar,
        geboortemaand=b.geboortemaand,
        geboortedag=b.geboortedag,
        geboortedatum_geschat=b.geboortedatum_geschat,
        bsn=b.bsn,
        telefoonnummers=[b.telefoonnummer] if b.telefoonnummer else [],
        woonadres=adres,
        bron=Bron.SIGNAAL,
    )
    persoon_sleutels_bijwerken(persoon)
    return persoon


def _persoon_aanvullen(persoon: Persoon, b: Betrokkene, adres: Adres | None) -> None:
    """What a new signal adds to a known person: the newest address and phone numbers.

    Names, date of birth and BSN are not overwritten or filled from a probable link: a wrong
    link must not make the next wrong link easier.
    """
    changed = []
    if adres is not None and persoon.woonadres_id != adres.pk:
        persoon.woonadres = adres
        changed.append("woonadres")
    if b.telefoonnummer and b.telefoonnummer not in (persoon.telefoonnummers or []):
        persoon.telefoonnummers = [*(persoon.telefoonnummers or []), b.telefoonnummer]
        changed.append("telefoonnummers")
    if changed:
        persoon.save(update_fields=[*changed, "bijgewerkt_op"])
        persoon_sleutels_bijwerken(persoon)


def _persoon_koppelen(
    b: Betrokkene,
    koppeling: BetrokkeneKoppeling,
    adres: Adres | None,
    al_gekoppeld: set[int],
    kandidaten: list[Kandidaat] | None = None,
):
    """Resolve a person betrokkene: link, or create a new person (with candidates in the grey zone).

    `kandidaten` are the betrokkene's candidates when the signal looked them up for all its
    betrokkenen at once (personen_kandidaten); otherwise they are looked up here.
    """
    if kandidaten is None:
        kandidaten = personen_kandidaten([betrokkene_record(b)])[0]
    # Persons already resolved from this same signal are never the same person as another
    # betrokkene of it: a melder lists twins or a father and son separately on purpose.
    zoek = _zoekresultaat(kandidaten, al_gekoppeld)
    if zoek.persoon is not None:
        persoon = zoek.persoon
        koppeling.methode = Methode.BSN if zoek.kandidaat.zelfde_bsn else Methode.WAARSCHIJNLIJK
        koppeling.score = zoek.kandidaat.score
        koppeling.toelichting = zoek.kandidaat.toelichting
        _persoon_aanvullen(persoon, b, adres)
        mogelijk = []
    else:
        persoon = _nieuwe_persoon(b, adres)
        koppeling.methode = Methode.NIEUW
        mogelijk = zoek.mogelijk
    # The person is new, so it has no possible matches yet: one insert for all of them.
    MogelijkeMatch.objects.bulk_create(
        [
            MogelijkeMatch(
                persoon=persoon,
                kandidaat_id=kandidaat.persoon_id,
                score=kandidaat.score,
                toelichting=kandidaat.toelichting,
                bron_signaal_id=b.signaal_id,
            )
            for kandidaat in mogelijk
            if kandidaat.persoon_id != persoon.pk
        ],
        ignore_conflicts=True,
    )
    koppeling.persoon = persoon
    return persoon


def betrokkene_koppelen(
    *, betrokkene: Betrokkene, al_gekoppeld: set[int] | None = None, kandidaten: list[Kandidaat] | None = None
) -> tuple[BetrokkeneKoppeling, list[str]]:
    """Resolve one betrokkene to its subject(s); returns the link and the log keys concerned.

    A person with an address also yields the Adres and a "woont op" relation; a phone number a
    Telefoonnummer and a "gebruikt" relation; an organisation with an address "gevestigd op".
    Nothing else is assumed (two persons at one address are not made huisgenoten).
    """
    al_gekoppeld = al_gekoppeld if al_gekoppeld is not None else set()
    b = betrokkene
    koppeling = BetrokkeneKoppeling(betrokkene=b, signaal_id=b.signaal_id, methode=Methode.SLEUTEL)
    signaal = b.signaal
    adres = _adres_uit(b)
    telefoon = _uniek(Telefoonnummer, {"nummer": b.telefoonnummer}) if b.telefoonnummer else None
    koppeling.adres, koppeling.telefoonnummer = adres, telefoon
    keys = []
    if b.soort == Soort.PERSOON:
        persoon = _persoon_koppelen(b, koppeling, adres, al_gekoppeld, kandidaten)
        al_gekoppeld.add(persoon.pk)
        keys.append(persoon.log_key)
        if adres is not None:
            _relatie(RelatieSoort.WOONT_OP, van=persoon, naar=adres, signaal=signaal)
        if telefoon is not None:
            _relatie(RelatieSoort.GEBRUIKT, van=persoon, naar=telefoon, signaal=signaal)
    elif b.soort == Soort.ORGANISATIE:
        organisatie = _organisatie_uit(b)
        koppeling.organisatie = organisatie
        if organisatie is not None:
            keys.append(organisatie.log_key)
            if adres is not None:
                _relatie(RelatieSoort.GEVESTIGD_OP, van=organisatie, naar=adres, signaal=signaal)
            if telefoon is not None:
                _relatie(RelatieSoort.GEBRUIKT, van=organisatie, naar=telefoon, signaal=signaal)
    elif b.soort == Soort.VOERTUIG and b.kenteken:
        koppeling.voertuig = _uniek(Voertuig, {"kenteken": b.kenteken})
        keys.append(koppeling.voertuig.log_key)
    if adres is not None:
        keys.append(adres.log_key)
    if telefoon is not None:
        keys.append(telefoon.log_key)
    koppeling.save()
    return koppeling, keys


def signaal_betrokkenen_koppelen(signaal: Signaal) -> list[BetrokkeneKoppeling]:
    """NA_REGISTRATIE hook: resolve the betrokkenen of a new signal, then check samenloop.

    Runs in the signal's transaction, in a savepoint: if resolving fails the signal is still
    saved (nothing reported is lost) and `manage.py betrokkenen_koppelen` can resolve it later.
    """
    try:
        with transaction.atomic():
            return _signaal_koppelen(signaal)
    except Exception:
        if settings.TESTING:
            raise
        logger.exception("subjecten: betrokkenen van signaal %s niet gekoppeld", signaal.pk)
        return []


def _signaal_koppelen(signaal: Signaal) -> list[BetrokkeneKoppeling]:
    actor = signaal.melder
    decision = decide(actor, "subject.registreren")
    betrokkenen = list(Betrokkene.objects.filter(signaal=signaal, koppeling__isnull=True).order_by("pk"))
    if not betrokkenen:
        return []
    al_gekoppeld = set(
        BetrokkeneKoppeling.objects.filter(signaal=signaal, persoon__isnull=False).values_list("persoon_id", flat=True)
    )
    # One candidate lookup for all person betrokkenen. Looking up before any of them is resolved
    # gives the same outcome as one by one: a person linked or created for an earlier
    # betrokkene is excluded (al_gekoppeld) for the later ones anyway.
    personen = [b for b in betrokkenen if b.soort == Soort.PERSOON]
    gevonden = dict(
        zip((b.pk for b in personen), personen_kandidaten([betrokkene_record(b) for b in personen]), strict=True)
    )
    koppelingen, keys = [], []
    for b in betrokkenen:
        b.signaal = signaal
        koppeling, kk = betrokkene_koppelen(betrokkene=b, al_gekoppeld=al_gekoppeld, kandidaten=gevonden.get(b.pk))
        koppelingen.append(koppeling)
        keys.extend(kk)
    log_access(
        actor=actor,
        decision=decision,
        actie=Action.CREATE,
        object_type="subject_koppeling",
        object_id=signaal.pk,
        betrokkenen=keys,
        toelichting=f"betrokkenen van signaal {signaal.pk} gekoppeld aan subjecten",
    )
    samenloop_bijwerken(
        personen=[k.persoon for k in koppelingen if k.persoon_id],
        adressen=[k.adres for k in koppelingen if k.adres_id],
    )
    return koppelingen
