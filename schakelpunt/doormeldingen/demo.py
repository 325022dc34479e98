"""Demo data: the CCV casus's "melden: ja" decision became a referral, sent and received (synthetic)."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from schakelpunt.doormeldingen import services
from schakelpunt.doormeldingen.document import kandidaten
from schakelpunt.doormeldingen.models import Doormelding, Grondslag, Ketenpartner


def seed(stdout) -> None:
    if Doormelding.objects.exists():
        return
    from schakelpunt.casussen.models import Besluit

    besluit = (
        Besluit.objects.filter(soort="melden", melden="ja").exclude(melden_partner="").select_related("casus").first()
    )
    af = get_user_model().objects.filter(username="aandachtsfunctionaris").first()
    if besluit is None or af is None:
        return
    partner = Ketenpartner.objects.filter(code=besluit.melden_partner).first()
    if partner is None:
        return
    partner.contact_naam = partner.contact_naam or "Intake (demo)"
    partner.contact_email = partner.contact_email or f"intake@{partner.code}.example"
    partner.save()
    personen, signalen = kandidaten(casus=besluit.casus)
    selectie = {
        "personen": {str(p.pk): ["naam", "geboortedatum"] for p in personen[:2]},
        "signalen": {str(s.pk): ["datum", "fenomenen", "indicatoren"] for s in signalen[:2]},
        "bijlagen": [],
    }
    d = services.doormelding_opstellen(
        actor=af,
        partner=partner,
        grondslag=partner.grondslagen.first() or Grondslag.objects.first(),
        verwerking="Doormelden aan een ketenpartner",
        reden="Uit het casusoverleg: signalen van school, jeugdteam en inkomen wijzen samen op criminele uitbuiting "
        "van een minderjarige binnen de familie. Besloten: melden.",
        markering=partner.max_markering,
        toegestaan_gebruik="Alleen voor de beoordeling of er aanleiding is voor onderzoek; niet verder verstrekken.",
        geldig_tot=timezone.localdate() + datetime.timedelta(days=365),
        selectie=selectie,
        casus=besluit.casus,
    )
    d, _token, _code = services.doormelding_versturen(
        actor=af, doormelding=d, kanaal="beveiligde_mail", versie=d.versie
    )
    services.doormelding_opvolgen(
        actor=af,
        doormelding=d,
        status="ontvangen",
        terugkoppeling_partner="Ontvangen; wordt beoordeeld in het weekoverleg.",
    )
    stdout.write(
        f"Doormeldingen: {d.nummer} aan {partner.naam} verstuurd, met {d.verstrekkingen.count()} verstrekking(en)."
    )
