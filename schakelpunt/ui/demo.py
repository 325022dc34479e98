"""The demo story: a few dozen synthetic signals from several departments over the past months.

Runs in seed_demo after the accounts (app order) and before the other apps' demo modules, so
they can build on it. Everything is synthetic and the same on every run; dates are relative
to the day the demo is loaded. What a newcomer sees within a minute:

- the CCV's story of a child kept from school by relatives (familie Lindeboom): the teacher's
  worry via Leerplicht, the mother's benefit (Werk en Inkomen), the crowded house (Wonen),
  children begging at the station (Handhaving), the social team, a housing-benefit request
  (Burgerzaken): samenloop on the child, on the address and on the family network, and a
  mogelijke match (the child spelled differently, an estimated birth year);
- labour exploitation reported twice about the same man (samenloop on a person);
- signals in every status with triage history and terugkoppeling, one waiting for the
  melder, one the melder just answered, two past the term, and an acute one waiting.

Later parts build on it: ``verhaal_signaal("ccv_school")`` returns the signal of a story key
(e.g. a casus app's demo opens its casus on the Lindeboom signals). Keys are in VERHAAL.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from schakelpunt.accounts.models import User
from schakelpunt.signalen import services as signalen_services
from schakelpunt.signalen.models import Aanvulling, Signaal, Terugkoppeling, TriageStap
from schakelpunt.subjecten import services as subjecten_services
from schakelpunt.subjecten.models import Adres, BetrokkeneKoppeling, Persoon, RelatieSoort
from schakelpunt.taxonomie.models import Fenomeen, Indicator

AF = "aandachtsfunctionaris"

# The Lindeboom family's house, and the address of the labour-exploitation story.
KASTANJELAAN = {"straat": "Kastanjelaan", "huisnummer": 12, "postcode": "1011 ZX", "woonplaats": "Voorbeeldstad"}
HAVENWEG = {
    "straat": "Havenweg",
    "huisnummer": 3,
    "huisletter": "B",
    "postcode": "1013 ZZ",
    "woonplaats": "Voorbeeldstad",
}

MILAN = {"voornamen": "Milan", "geslachtsnaam": "Lindeboom", "geboortejaar": 2015, "geboortemaand": 4, "geboortedag": 9}
SANDRA = {"voornamen": "Sandra", "geslachtsnaam": "Lindeboom", "geboortejaar": 1988, "bsn": "999990019"}
RICARDO = {
    "voornamen": "Ricardo",
    "geslachtsnaam": "Lindeboom",
    "geboortejaar": 1979,
    "geboortemaand": 11,
    "geboortedag": 23,
}
DENNIS = {"voornamen": "Dennis", "geslachtsnaam": "Lindeboom", "geboortejaar": 2006}
PIOTR = {"voornamen": "Piotr", "geslachtsnaam": "Nowaczyk", "geboortejaar": 1991, "bsn": "999990032"}


@dataclass
class Stap:
    """One step after the report: triage by the meldpunt, or the melder's answer ("antwoord")."""

    dagen: float
    actie: str
    rationale: str = ""
    vraag: str = ""
    afsluitreden: str = ""
    tekst: str = ""  # the melder's answer, for actie "antwoord"
    collegas: tuple[str, ...] = ()


@dataclass
class Verhaal:
    key: str
    dagen_geleden: int
    melder: str
    omschrijving: str
    fenomenen: tuple[str, ...] = ()
    indicatoren: tuple[str, ...] = ()
    betrokkenen: list[dict] = field(default_factory=list)
    acuut: bool = False
    minderjarigen: bool = False
    onderbuikgevoel: int = 2
    locatie: str = ""
    stappen: list[Stap] = field(default_factory=list)


def _p(rol: str, persoon: dict, adres: dict | None = None, **extra) -> dict:
    return {"rol": rol, **persoon, **(adres or {}), **extra}


S, D, B = "mogelijk_slachtoffer", "mogelijke_dader", "betrokkene"

VERHAAL: list[Verhaal] = [
    # --- The CCV story: familie Lindeboom ------------------------------------------------------
    Verhaal(
        "ccv_school",
        118,
        "melder2",
        "De leerkracht van groep 7 meldt dat een leerling regelmatig niet op school verschijnt, soms weken "
        "achter elkaar. Het lukt school niet om contact te krijgen met de moeder. Als de jongen er is, is hij "
        "erg moe en valt hij in slaap in de klas. Hij zegt dat hij 's avonds 'met zijn oom mee moet'.",
        ("mensenhandel-crimineel",),
        ("schoolverzuim", "vermoeidheid", "zorgen-thuissituatie"),
        [_p(S, MILAN, KASTANJELAAN), _p(B, SANDRA, KASTANJELAAN, toelichting="moeder")],
        minderjarigen=True,
        onderbuikgevoel=1,
        locatie="Basisschool De Regenboog",
        stappen=[
            Stap(
                1,
                "meer_informatie",
                "Eerst beter beeld van het verzuim.",
                vraag="Sinds wanneer verzuimt hij, en weet school wie hem ophaalt?",
            ),
            Stap(
                3,
                "antwoord",
                tekst="Sinds de herfstvakantie, ongeveer 40 dagen. Hij wordt opgehaald door een jongeman in een "
                "grijze auto; de moeder komt nooit.",
            ),
            Stap(
                40,
                "opschalen",
                "Samenloop met de uitkering en de woning: de casusregisseur direct erbij.",
                collegas=("casusregisseur",),
            ),
        ],
    ),
    Verhaal(
        "ccv_uitkering",
        96,
        "melder",
        "Klant ontvangt bijstand als alleenstaande. Bij elk gesprek voert haar broer het woord en hij bewaart haar "
        "bankpas. Ze heeft nieuwe dure spullen en betaalt contant; ze lijkt bang om zelf iets te zeggen.",
        ("uitkeringsfraude", "mensenhandel-crimineel"),
        ("iemand-anders-voert-woord", "geen-toegang-paspoort-bank", "leefstijl-past-niet-bij-inkomen"),
        [_p(B, SANDRA, KASTANJELAAN), _p(D, RICARDO, toelichting="broer, voert het woord")],
        stappen=[Stap(2, "in_behandeling", "Past bij het schoolsignaal over dezelfde moeder.")],
    ),
    Verhaal(
        "ccv_woning",
        81,
        "wonen",
        "Bij een controle op woonfraude bleken er in een eengezinswoning minstens negen mensen te verblijven, "
        "onder wie vier kinderen. De huur wordt contant betaald aan een familielid van de hoofdbewoner.",
        ("malafide-verhuur",),
        ("veel-personen-op-adres", "inschrijving-klopt-niet", "contant-geld-transacties"),
        [{"rol": B, **KASTANJELAAN}, _p(D, RICARDO, toelichting="int de huur")],
        minderjarigen=True,
        stappen=[Stap(1, "in_behandeling", "Zelfde adres als het schoolsignaal en de uitkering.")],
    ),
    Verhaal(
        "ccv_station",
        60,
        "handhaving",
        "Onder schooltijd bedelen en stelen twee kinderen van een jaar of tien bij het station. Een jongeman "
        "houdt ze vanuit een auto in de gaten en haalt ze op. Een van de kinderen noemde zich Milan.",
        ("mensenhandel-crimineel",),
        ("kinderen-bedelen-stelen", "gehaald-en-gebracht", "schoolverzuim"),
        [
            _p(
                S,
                {"voornamen": "Milan", "geslachtsnaam": "Lindeboom", "geboortejaar": 2014},
                geboortedatum_geschat=True,
            ),
            _p(D, DENNIS, toelichting="haalt de kinderen op"),
            {"rol": B, "kenteken": "XX-123-Z"},
        ],
        minderjarigen=True,
        onderbuikgevoel=3,
        locatie="Stationsplein",
        stappen=[
            Stap(
                0.2,
                "opschalen",
                "Kinderen worden ingezet om te stellen: niet wachten op het overleg.",
                collegas=("casusregisseur",),
            )
        ],
    ),
    Verhaal(
        "ccv_sociaal_team",
        38,
        "sociaalteam",
        "Bij een huisbezoek durfde moeder niet te praten toen haar broer binnenkwam. De kinderen zijn 's avonds "
        "laat op straat. De oom regelt 'alles' voor het gezin, ook de post.",
        ("mensenhandel-crimineel",),
        ("kind-laat-op-straat", "angst-voor-autoriteiten", "zorgwekkende-relaties"),
        [_p(B, SANDRA, KASTANJELAAN), _p(D, RICARDO)],
        minderjarigen=True,
        stappen=[Stap(1, "in_behandeling", "Derde afdeling over hetzelfde gezin.")],
    ),
    Verhaal(
        "ccv_huurtoeslag",
        3,
        "burgerzaken",
        "Een man vraagt huurtoeslag en een verhuizing aan voor een adres waar volgens de gegevens al negen mensen "
        "staan ingeschreven. Hij kon geen huurcontract laten zien.",
        ("toeslagenfraude",),
        ("inschrijving-klopt-niet", "ontbrekende-valse-documenten"),
        [_p(D, RICARDO, KASTANJELAAN)],
    ),
    # --- Labour exploitation: the same man reported by two departments --------------------------
    Verhaal(
        "arbeid_uitkering",
        70,
        "melder",
        "Klant werkt volgens eigen zeggen 'af en toe' in een distributiecentrum, maar is er zes dagen per week. "
        "Zijn loon gaat naar een uitzendbureau dat ook zijn huur inhoudt; hij heeft een schuld bij zijn werkgever.",
        ("mensenhandel-arbeid",),
        ("schulden-bij-werkgever", "woning-via-werkgever", "zorgen-werk"),
        [_p(S, PIOTR, HAVENWEG), {"rol": D, "organisatienaam": "Snel Flex Uitzendbureau BV"}],
        stappen=[
            Stap(2, "in_behandeling", "Signalen van arbeidsuitbuiting."),
        ],
    ),
    Verhaal(
        "arbeid_woning",
        22,
        "wonen",
        "In een bedrijfspand aan de Havenweg wonen twaalf arbeidsmigranten op stapelbedden. De huur wordt "
        "ingehouden op hun loon door het uitzendbureau.",
        ("mensenhandel-arbeid", "malafide-verhuur"),
        ("veel-personen-op-adres", "woning-via-werkgever"),
        [_p(S, PIOTR, HAVENWEG), {"rol": B, **HAVENWEG}],
    ),
    # --- The same woman, written differently by two departments: a mogelijke match to judge -----
    Verhaal(
        "match_uitkering",
        48,
        "melder",
        "Klant moet van haar 'werkgever' haar uitkering contant afdragen; ze werkt zonder contract in een "
        "schoonmaakbedrijf en slaapt op het bedrijf.",
        ("mensenhandel-arbeid",),
        ("zorgen-werk", "woning-via-werkgever"),
        [
            _p(
                S,
                {"voornamen": "Fatma", "geslachtsnaam": "Yilmaz", "geboortejaar": 1975, "geboortemaand": 3},
                {"straat": "Lindelaan", "huisnummer": 4, "postcode": "1015 ZX", "woonplaats": "Voorbeeldstad"},
            )
        ],
        stappen=[Stap(3, "in_behandeling", "Mogelijke arbeidsuitbuiting; eerst samenhang zoeken.")],
    ),
    Verhaal(
        "match_wmo",
        15,
        "sociaalteam",
        "Een vrouw vraagt huishoudelijke hulp aan, maar vertelt dat ze nachten werkt voor een schoonmaakbedrijf "
        "dat haar loon inhoudt voor 'kost en inwoning'.",
        ("mensenhandel-arbeid",),
        ("schulden-bij-werkgever",),
        [_p(S, {"voornamen": "Fatma", "geslachtsnaam": "Yılmaz", "geboortejaar": 1976}, geboortedatum_geschat=True)],
    ),
    # --- An acute signal, waiting --------------------------------------------------------------
    Verhaal(
        "acuut",
        0,
        "handhaving",
        "Bij een controle van een massagesalon zegt een jonge vrouw dat ze niet weg mag en dat haar paspoort is "
        "ingenomen. Ze lijkt minderjarig en is erg bang. Politie is gebeld.",
        ("mensenhandel-seksueel",),
        ("geen-toegang-paspoort-bank", "angst-voor-autoriteiten", "non-verbale-signalen"),
        [_p(S, {"voornamen": "Ana", "geboortejaar": 2008}, geboortedatum_geschat=True)],
        acuut=True,
        minderjarigen=True,
        onderbuikgevoel=3,
        locatie="Industrieweg",
    ),
]

# Everyday signals that fill the inbox: (key, days ago, melder, text, fenomeen, indicators, steps).
GEWOON = [
    (
        "pgb_zorg",
        150,
        "sociaalteam",
        "PGB-zorgverlener declareert 40 uur per week, maar de cliënt zegt hem nauwelijks te zien.",
        "pgb-fraude",
        ("zorg-niet-geleverd-pgb",),
        [Stap(3, "afsluiten", "Doorgezet naar de PGB-controle van de zorgverzekeraar.", afsluitreden="doorgezet")],
    ),
    (
        "drugs_zolder",
        140,
        "wonen",
        "Buren ruiken een sterke geur en horen dag en nacht ventilatoren op een zolder.",
        "drugs",
        ("signalen-drugsproductie",),
        [Stap(1, "afsluiten", "Doorgezet naar de politie (wijkagent).", afsluitreden="doorgezet")],
    ),
    (
        "witwas_winkel",
        132,
        "burgerzaken",
        "Een winkel die nooit klanten lijkt te hebben, vraagt de derde vergunning aan voor een nieuwe vestiging.",
        "witwassen",
        ("bedrijf-zonder-activiteit",),
        [Stap(4, "afsluiten", "Informatie gedeeld met het RIEC via de reguliere route.", afsluitreden="elders_belegd")],
    ),
    (
        "uitkering_auto",
        125,
        "melder",
        "Klant met bijstand rijdt in steeds andere dure auto's.",
        "uitkeringsfraude",
        ("leefstijl-past-niet-bij-inkomen",),
        [
            Stap(
                2,
                "afsluiten",
                "Past binnen het reguliere handhavingsonderzoek van Werk en Inkomen.",
                afsluitreden="elders_belegd",
            )
        ],
    ),
    (
        "verzuim_zomer",
        110,
        "melder2",
        "Leerling kwam na de zomer niet terug; familie zegt dat hij in het buitenland is.",
        "",
        ("schoolverzuim",),
        [
            Stap(1, "meer_informatie", "Onduidelijk of het kind is uitgeschreven.", vraag="Is het kind uitgeschreven?"),
            Stap(4, "antwoord", tekst="Ja, inmiddels uitgeschreven; het gezin is verhuisd naar het buitenland."),
            Stap(6, "afsluiten", "Geen aanwijzingen voor uitbuiting.", afsluitreden="geen_vervolg"),
        ],
    ),
    (
        "nagelstudio",
        100,
        "handhaving",
        "In een nagelstudio werken jonge vrouwen tot laat in de avond; een man int het geld en spreekt voor hen.",
        "mensenhandel-arbeid",
        ("iemand-anders-voert-woord", "zorgen-werk"),
        [
            Stap(1, "in_behandeling", "Mogelijke arbeidsuitbuiting."),
            Stap(20, "afsluiten", "Doorgemeld aan de Nederlandse Arbeidsinspectie.", afsluitreden="doorgezet"),
        ],
    ),
    (
        "kamerverhuur",
        90,
        "wonen",
        "Een verhuurder verhuurt kamers per bed, contant, zonder contract.",
        "malafide-verhuur",
        ("contant-geld-transacties", "veel-personen-op-adres"),
        [Stap(2, "in_behandeling", "Samen met Wonen oppakken.")],
    ),
    (
        "toeslag_adres",
        85,
        "burgerzaken",
        "Op één adres zijn binnen een maand zes mensen ingeschreven die elkaar niet lijken te kennen.",
        "toeslagenfraude",
        ("inschrijving-klopt-niet",),
        [Stap(5, "afsluiten", "Adresonderzoek door Burgerzaken loopt al.", afsluitreden="elders_belegd")],
    ),
    (
        "jongere_geld",
        75,
        "sociaalteam",
        "Een jongere van 16 heeft ineens veel contant geld en twee telefoons.",
        "drugs",
        ("onverklaarbaar-bezit", "telefoon-controle"),
        [
            Stap(1, "opschalen", "Mogelijke werving als drugskoerier.", collegas=("casusregisseur",)),
            Stap(9, "in_behandeling", "Jeugdteam en wijkagent zijn betrokken."),
        ],
    ),
    (
        "pgb_familie",
        66,
        "sociaalteam",
        "De PGB-budgethouder en de zorgverlener blijken hetzelfde adres te hebben; de zorg wordt niet geleverd.",
        "pgb-fraude",
        ("zorg-niet-geleverd-pgb",),
        [Stap(3, "afsluiten", "Onvoldoende informatie om verder te gaan.", afsluitreden="onvoldoende_informatie")],
    ),
    (
        "massage_online",
        52,
        "melder",
        "Klant vertelt dat haar nichtje via social media werk kreeg en nu 'niet meer terug mag'.",
        "mensenhandel-seksueel",
        ("social-media", "zorgwekkende-relaties"),
        [Stap(1, "meer_informatie", "Meer nodig.", vraag="Weet je in welke stad het nichtje nu is?")],
    ),
    (
        "bedrijf_leeg",
        45,
        "burgerzaken",
        "Een BV wordt ingeschreven op een adres waar al veertig bedrijven staan; de bestuurder is 19.",
        "witwassen",
        ("bedrijf-zonder-activiteit",),
        [Stap(2, "in_behandeling", "Patroon van katvangers.")],
    ),
    (
        "uitkering_werk",
        30,
        "melder",
        "Klant zegt geen werk te hebben, maar heeft verf aan zijn handen en werkschoenen aan bij elk gesprek.",
        "uitkeringsfraude",
        ("tegenstrijdige-verhalen",),
        [
            Stap(
                2,
                "afsluiten",
                "Geen aanwijzingen voor uitbuiting; regulier handhavingstraject.",
                afsluitreden="geen_vervolg",
            )
        ],
    ),
    (
        "verzuim_broertjes",
        26,
        "melder2",
        "Twee broertjes verzuimen op maandagen; ze zeggen dat ze 'moeten helpen op de markt'.",
        "mensenhandel-arbeid",
        ("schoolverzuim", "zorgen-werk"),
        [
            Stap(1, "meer_informatie", "Wat voor werk?", vraag="Op welke markt, en met wie gaan ze mee?"),
            Stap(
                2, "antwoord", tekst="De zaterdag- en maandagmarkt in het centrum, met een buurman die een kraam heeft."
            ),
        ],
    ),
    (
        "drugs_garage",
        12,
        "handhaving",
        "Bij een garagebox komen 's nachts steeds korte bezoekjes.",
        "drugs",
        ("signalen-drugsproductie",),
        [],
    ),
    (
        "leefstijl_klant",
        10,
        "melder",
        "Klant toont foto's van dure reizen; zegt dat een 'vriend' alles betaalt in ruil voor klusjes.",
        "",
        ("leefstijl-past-niet-bij-inkomen", "zorgwekkende-relaties"),
        [],
    ),
    (
        "kamer_studenten",
        6,
        "wonen",
        "Studenten betalen huur aan iemand die geen eigenaar is en worden bedreigd als ze klagen.",
        "malafide-verhuur",
        ("angst-voor-autoriteiten",),
        [],
    ),
    (
        "wmo_oudere",
        2,
        "sociaalteam",
        "Een oudere man geeft zijn pinpas aan een 'kennis' die boodschappen doet; er verdwijnt geld.",
        "",
        ("geldzorgen", "zorgwekkende-relaties"),
        [],
    ),
    (
        "bedelen_tram",
        1,
        "handhaving",
        "Vrouw met baby bedelt elke dag op dezelfde plek; wordt 's avonds opgehaald door een busje.",
        "mensenhandel-crimineel",
        ("gehaald-en-gebracht",),
        [],
    ),
]


def _melders() -> dict[str, User]:
    return {u.username: u for u in User.objects.filter(is_active=True)}


def verhaal_signaal(key: str) -> Signaal | None:
    """The demo signal of a story key (see VERHAAL and GEWOON), for other apps' demo modules."""
    tekst = next((v.omschrijving for v in VERHAAL if v.key == key), None)
    if tekst is None:
        tekst = next((g[3] for g in GEWOON if g[0] == key), None)
    return Signaal.objects.filter(omschrijving=tekst).order_by("pk").first() if tekst else None


def _moment(dagen_geleden: float, volgnummer: int) -> datetime.datetime:
    """A fixed time of day (9:00 plus a few minutes per signal), so every run looks the same."""
    basis = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    moment = basis - datetime.timedelta(days=dagen_geleden) + datetime.timedelta(minutes=7 * volgnummer)
    return min(moment, timezone.now() - datetime.timedelta(minutes=30 - volgnummer % 20))


def _maak(verhaal: Verhaal, volgnummer: int, users: dict[str, User]) -> Signaal | None:
    melder = users.get(verhaal.melder)
    af = users.get(AF)
    if melder is None or af is None:
        return None
    signaal = signalen_services.signaal_create(
        actor=melder,
        omschrijving=verhaal.omschrijving,
        fenomenen=Fenomeen.objects.filter(code__in=verhaal.fenomenen, actief=True),
        indicatoren=Indicator.objects.filter(code__in=verhaal.indicatoren, actief=True),
        acuut_gevaar=verhaal.acuut,
        minderjarigen_betrokken=verhaal.minderjarigen,
        onderbuikgevoel=verhaal.onderbuikgevoel,
        locatie=verhaal.locatie,
        betrokkenen=verhaal.betrokkenen,
    )
    ontvangen = _moment(verhaal.dagen_geleden, volgnummer)
    Signaal.objects.filter(pk=signaal.pk).update(ontvangen_op=ontvangen, gewijzigd_op=ontvangen)
    Terugkoppeling.objects.filter(signaal=signaal).update(verzonden_op=ontvangen)
    BetrokkeneKoppeling.objects.filter(signaal=signaal).update(aangemaakt_op=ontvangen)
    for stap in verhaal.stappen:
        moment = min(ontvangen + datetime.timedelta(days=stap.dagen), timezone.now())
        signaal.refresh_from_db()
        if stap.actie == "antwoord":
            aanvulling = signalen_services.signaal_aanvullen(actor=melder, signaal=signaal, tekst=stap.tekst)
            Aanvulling.objects.filter(pk=aanvulling.pk).update(tijdstip=moment)
            continue
        triage = signalen_services.signaal_triage(
            actor=af,
            signaal=signaal,
            actie=stap.actie,
            rationale=stap.rationale,
            terugkoppeling=signalen_services.sjabloon(stap.actie, stap.afsluitreden),
            vraag=stap.vraag,
            afsluitreden=stap.afsluitreden,
            collegas=[users[c] for c in stap.collegas if c in users],
        )
        TriageStap.objects.filter(pk=triage.pk).update(tijdstip=moment)
        Terugkoppeling.objects.filter(triagestap=triage).update(verzonden_op=moment)
        if stap.actie == "afsluiten":
            Signaal.objects.filter(pk=signaal.pk).update(afgesloten_op=moment)
        Signaal.objects.filter(pk=signaal.pk).update(gewijzigd_op=moment)
    return signaal


def _persoon(voornamen: str, geslachtsnaam: str, geboortejaar: int) -> Persoon | None:
    return Persoon.objects.filter(
        voornamen=voornamen, geslachtsnaam=geslachtsnaam, geboortejaar=geboortejaar, samengevoegd_in=None
    ).first()


def _familie(af: User) -> None:
    """The relations the meldpunt recorded: they make the Lindeboom family network."""
    milan, sandra = _persoon("Milan", "Lindeboom", 2015), _persoon("Sandra", "Lindeboom", 1988)
    ricardo, dennis = _persoon("Ricardo", "Lindeboom", 1979), _persoon("Dennis", "Lindeboom", 2006)
    bron = verhaal_signaal("ccv_sociaal_team")
    for soort, van, naar, toelichting in (
        (RelatieSoort.OUDER, sandra, milan, "moeder, volgens school"),
        (RelatieSoort.BROER_ZUS, ricardo, sandra, "broer, volgens Werk en Inkomen en het sociaal team"),
        (RelatieSoort.OUDER, ricardo, dennis, "vader, volgens Handhaving"),
    ):
        if van and naar:
            subjecten_services.relatie_create(
                actor=af, soort=soort, van=van, naar=naar, toelichting=toelichting, bron_signaal=bron
            )
    for username, reden in (
        ("casusregisseur", "Regie op de persoonsgerichte aanpak van het kind (opgeschaald signaal)."),
        ("deelnemer", "Jeugdteam: deelnemer aan het casusoverleg over het kind."),
    ):
        user = User.objects.filter(username=username).first()
        if user and milan:
            subjecten_services.subject_inzage_verlenen(actor=af, user=user, persoon=milan, reden=reden)


def seed(stdout) -> None:
    if Signaal.objects.exists():
        return
    users = _melders()
    af = users.get(AF)
    if af is None:
        return
    with transaction.atomic():
        # Oldest first: the register grows in the order the signals came in.
        alles = [*VERHAAL, *(Verhaal(k, d, m, t, (f,) if f else (), i, stappen=s) for k, d, m, t, f, i, s in GEWOON)]
        for volgnummer, verhaal in enumerate(sorted(alles, key=lambda v: -v.dagen_geleden), start=1):
            _maak(verhaal, volgnummer, users)
        _familie(af)
        # The alerts were raised while the signals were "new"; recount them with the real dates.
        subjecten_services.samenloop_bijwerken(
            personen=list(Persoon.objects.filter(samengevoegd_in=None)), adressen=list(Adres.objects.all())
        )
    stdout.write(f"Demo: {Signaal.objects.count()} synthetische signalen van {len({v.melder for v in alles})} melders.")
