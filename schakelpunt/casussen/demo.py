"""Synthetic demo casussen (demo mode only): the CCV's own fictitious story.

A teacher's signals about a child who is absent for weeks and looks exhausted, a benefit signal
and a youth-team signal about the family; a casus in step 4 with a quickscan, an approved plan,
actions and the two decisions; and an older casus scaled down to monitoring. The signals are
this module's own (marked "[demo-casus]"), so the signal demo can change without breaking this.
All names and numbers are invented; the BSNs only pass the elfproef.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from schakelpunt.casussen import services, stappen
from schakelpunt.casussen.constants import BesluitSoort, EvaluatieUitkomst, MeldenUitkomst, Partner
from schakelpunt.casussen.models import Casus, CasusSjabloon, Fase
from schakelpunt.signalen.services import signaal_create
from schakelpunt.taxonomie.models import Fenomeen

MARKER = "[demo-casus]"
NOAH = {
    "rol": "mogelijk_slachtoffer",
    "voornamen": "Noah",
    "geslachtsnaam": "Lindhout",
    "geboortejaar": 2014,
    "bsn": "725763863",
}
SANDRA = {
    "rol": "betrokkene",
    "voornamen": "Sandra",
    "geslachtsnaam": "Lindhout",
    "geboortejaar": 1986,
    "bsn": "162275869",
}
RICK = {
    "rol": "mogelijke_dader",
    "voornamen": "Rick",
    "geslachtsnaam": "Lindhout",
    "geboortejaar": 1979,
    "bsn": "192285142",
}
LISA = {
    "rol": "mogelijk_slachtoffer",
    "voornamen": "Lisa",
    "geslachtsnaam": "Roelofs",
    "geboortejaar": 2009,
    "bsn": "691682483",
}

SJABLOON = {
    "naam": "Criminele uitbuiting van minderjarigen",
    "uitvraag_vragen": [
        "Is het kind bij jullie bekend, en sinds wanneer?",
        "Zijn er zorgen over schoolverzuim, vermoeidheid of nieuwe spullen?",
        "Wie uit de familie of omgeving is bij jullie in beeld?",
    ],
    "acties": [
        {
            "titel": "Veiligheid van het kind nu beoordelen (Veilig Thuis consulteren)",
            "doel": "Kind veilig",
            "dagen": 3,
        },
        {"titel": "Gesprek met school en leerplicht over verzuim", "doel": "Kind weer naar school", "dagen": 14},
        {"titel": "Familienetwerk in kaart brengen", "doel": "Zicht op uitbuiters", "dagen": 21},
    ],
}


def _meld(melder, tekst, betrokkenen, fenomeen):
    return signaal_create(
        actor=melder,
        omschrijving=f"{tekst} {MARKER}",
        minderjarigen_betrokken=True,
        fenomenen=[fenomeen] if fenomeen else [],
        betrokkenen=betrokkenen,
    )


def seed(stdout) -> None:
    if Casus.objects.exists():
        return
    users = get_user_model().objects.in_bulk(
        ["melder", "melder2", "aandachtsfunctionaris", "casusregisseur", "deelnemer"], field_name="username"
    )
    if len(users) < 5:
        return
    af, regie, jeugd = users["aandachtsfunctionaris"], users["casusregisseur"], users["deelnemer"]
    fenomeen = Fenomeen.objects.filter(code="mensenhandel-crimineel", actief=True).first()
    if fenomeen:
        CasusSjabloon.objects.get_or_create(fenomeen=fenomeen, naam=SJABLOON["naam"], defaults=SJABLOON)
    vandaag = timezone.localdate()

    # The older casus, scaled down to monitoring: seeded first so the new signals about Noah stay quiet.
    oud_signaal = _meld(
        users["melder2"],
        "Leerling van 16 werd door oudere jongens meegenomen om te stelen; na interventies weer op school.",
        [LISA],
        fenomeen,
    )
    oud = services.casus_open(
        actor=af,
        titel="Meisje onder druk van oudere jongens",
        signalen=[oud_signaal],
        regievoerder=regie,
        fenomeen=fenomeen,
    )
    _door_naar_uitvoering(
        oud, regie, jeugd, vandaag, plan="Lisa gaat weer elke dag naar school; contact met de jongens stopt."
    )
    services.casus_fase_wijzigen(actor=regie, casus=oud, naar=Fase.objects.get(code="evaluatie"), versie=None)
    stappen.evaluatie_vastleggen(
        actor=regie,
        casus=oud,
        per_doel="Schoolgang: weer 95%. Contact met de groep: gestopt volgens jeugdteam en wijkagent.",
        commitment="School, jeugdteam en wijkagent blijven aangesloten bij het zorg- en veiligheidsoverleg.",
        aanbevelingen="Training signaleren criminele uitbuiting voor mentoren van het voortgezet onderwijs.",
        uitkomst=EvaluatieUitkomst.MONITORING,
        monitoring_door=jeugd,
        monitoring_tot=vandaag + datetime.timedelta(days=120),
        opschalen_als="Nieuw verzuim, nieuwe dure spullen of contact met de groep.",
    )
    Casus.objects.filter(pk=oud.pk).update(aangemaakt_op=timezone.now() - datetime.timedelta(days=240))

    # The CCV story: the teacher, the benefit department, the youth team; a casus in step 4.
    s1 = _meld(
        users["melder2"],
        "Leerling uit groep 7 is regelmatig niet op school, soms weken achter elkaar. Contact met de ouders lukt niet. "
        "Als hij er is, oogt hij erg vermoeid.",
        [NOAH, SANDRA],
        fenomeen,
    )
    s2 = _meld(
        users["melder"],
        "Uitkeringsgerechtigde moeder: leefstijl past niet bij het inkomen, wisselende verhalen over wie er op "
        "het adres woont. Een zwager lijkt alles te regelen.",
        [SANDRA, RICK],
        None,
    )
    s3 = _meld(
        users["melder"],
        "Via het jeugdteam: de oom haalt de jongen 's avonds laat op; buren zien hem met tassen terugkomen.",
        [NOAH, RICK],
        fenomeen,
    )
    casus = services.casus_open(
        actor=af,
        titel="Zorgen om een leerling en zijn familie",
        signalen=[s1, s2, s3],
        regievoerder=regie,
        fenomeen=fenomeen,
        samenvatting="Signalen van school, Werk en Inkomen en het jeugdteam over één gezin: mogelijk criminele "
        "uitbuiting door familieleden.",
    )
    _door_naar_uitvoering(
        casus,
        regie,
        jeugd,
        vandaag,
        plan="Basisveiligheid van het kind: school, wonen en opvoeding.",
        uitvraag_aan=users["melder"],
    )
    stappen.plan_opslaan(
        actor=regie,
        casus=casus,
        versie=1,
        doelen="Basisveiligheid van het kind: school, wonen en opvoeding.\nFamilienetwerk in kaart; aansluiten bij "
        "de projectgroep 'weerbare wijk'.",
        strategie_zorg="Jeugdteam en school rond het kind; gezinscoach voor de moeder.",
        strategie_straf="Politie en RIEC onderzoeken de rol van de oom.",
        partners_afspraken="Convenant Zorg- en Veiligheidshuis; wekelijks kort overleg.",
        programma="Weerbare wijken",
    )
    plan = casus.plannen.order_by("-versie").first()
    stappen.plan_goedkeuren(actor=af, casus=casus, plan=plan)
    verleden = vandaag - datetime.timedelta(days=3)
    acties = (
        stappen.sjabloon_toepassen(actor=regie, casus=casus, sjabloon=CasusSjabloon.objects.first()) if fenomeen else []
    )
    if acties:
        eerste = acties[0]
        stappen.actie_bijwerken(
            actor=regie,
            actie=eerste,
            versie=eerste.versie,
            status="gereed",
            resultaat="Veilig Thuis geconsulteerd: kind nu veilig.",
        )
        type(acties[1]).objects.filter(pk=acties[1].pk).update(deadline=verleden, eigenaar=jeugd)
    services.casus_bijwerken(
        actor=regie,
        casus=casus,
        versie=Casus.objects.get(pk=casus.pk).versie,
        titel=casus.titel,
        samenvatting=casus.samenvatting,
        bestuur_delen=True,
        bestuur_samenvatting="Integrale aanpak van vermoedelijke criminele uitbuiting van een minderjarige, gekoppeld "
        "aan het programma weerbare wijken. Uitvoering loopt; één actie is over de deadline.",
    )
    stdout.write("Casussen: een casus in uitvoering (stap 4) en een casus in monitoring aangemaakt.")


def _door_naar_uitvoering(casus, regie, jeugd, vandaag, *, plan: str, uitvraag_aan=None) -> None:
    """Steps 1 to 4 as the CCV describes them, each through the services (so the timeline tells it)."""
    services.deelnemer_toevoegen(actor=regie, casus=casus, user=jeugd, partner=Partner.JEUGDTEAM)
    services.casus_fase_wijzigen(
        actor=regie, casus=casus, naar=Fase.objects.get(code="uitvraag_quickscan"), versie=None
    )
    if uitvraag_aan is not None:
        uitvraag = stappen.uitvraag_stellen(
            actor=regie,
            casus=casus,
            vraag="Is dit gezin bij jullie bekend, en zijn er zorgen over wie er op het adres woont?",
            subjecten=list(casus.subjecten.all()[:2]),
            deadline=vandaag + datetime.timedelta(days=7),
            ontvanger=uitvraag_aan,
        )
        stappen.uitvraag_beantwoorden(
            actor=uitvraag_aan, uitvraag=uitvraag, tekst="Moeder ontvangt bijstand; een zwager meldde zich als 'tolk'."
        )
    stappen.quickscan_opslaan(
        actor=regie,
        casus=casus,
        versie=0,
        probleemdefinitie="Het kind wordt mogelijk crimineel uitgebuit door familieleden; school, zorg en veiligheid "
        "werken nog los van elkaar.",
        probleemeigenaar="Zorg- en Veiligheidshuis (procesregie)",
        partners="School, leerplicht, jeugdteam, Werk en Inkomen, politie",
        veiligheid="Kind is overdag veilig op school; 's avonds onduidelijk.",
        verbreden=True,
        verbreden_toelichting="Meer kinderen in de wijk mogelijk in dezelfde situatie.",
    )
    services.besluit_vastleggen(
        actor=regie,
        casus=casus,
        soort=BesluitSoort.REGIE,
        opties="Jeugdteam; Zorg- en Veiligheidshuis; meldpunt",
        overwegingen="Het Zorg- en Veiligheidshuis kan zorg en straf verbinden; de casusregisseur voert de regie.",
        besluit="",
        regie_user=regie,
    )
    services.besluit_vastleggen(
        actor=regie,
        casus=casus,
        soort=BesluitSoort.MELDEN,
        opties="Nu melden bij politie; eerst Veilig Thuis; nog niet",
        overwegingen="Signalen van uitbuiting door een volwassene: melden bij de politie, via het RIEC gecoördineerd.",
        besluit="",
        melden=MeldenUitkomst.JA,
        melden_partner=Partner.POLITIE,
    )
    services.casus_fase_wijzigen(actor=regie, casus=casus, naar=Fase.objects.get(code="plan_van_aanpak"), versie=None)
    concept = stappen.plan_opslaan(actor=regie, casus=casus, versie=0, doelen=plan)
    stappen.plan_goedkeuren(actor=regie, casus=casus, plan=concept)
    services.casus_fase_wijzigen(actor=regie, casus=casus, naar=Fase.objects.get(code="uitvoering"), versie=None)
    stappen.actie_toevoegen(
        actor=regie, casus=casus, titel="Huisbezoek met jeugdteam", eigenaar=jeugd, partner=Partner.JEUGDTEAM,
        deadline=vandaag + datetime.timedelta(days=10), doel="Zicht op de thuissituatie",
    )  # fmt: skip
