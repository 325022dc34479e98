"""Seeds the register with the processing activities Schakelpunt has today (version 1 of each).

The texts are a starting point for the privacyfunctionaris, who confirms or changes them on
screen (each change is a new version). The data is frozen here on purpose: a migration must not
change when the code does.
"""

from django.db import migrations
from django.utils import timezone

GEMEENTE = (
    "AVG art. 6 lid 1 sub e (taak van algemeen belang en openbaar gezag van de gemeente, Gemeentewet); "
    "strafrechtelijke gegevens: AVG art. 10 met UAVG art. 33 lid 2"
)
MELDPUNT_GEGEVENS = (
    "Naam, geboortedatum, BSN (als bekend), adres, relaties, omschrijving van de waarneming, indicatoren, "
    "mogelijk strafrechtelijke gegevens, gegevens over gezondheid en minderjarigheid"
)
MELDPUNT_PERSONEN = "Mogelijke slachtoffers, mogelijke daders, andere betrokkenen; melders (medewerkers van de gemeente)"
MEDEWERKERS = "Medewerkers van de gemeente die Schakelpunt gebruiken"

STANDAARD = [
    (
        "meldpunt.intake",
        "Registratie van signalen",
        "Signalen van criminaliteit die medewerkers bewust melden vastleggen, met de betrokkenen, "
        "zodat het meldpunt ze kan beoordelen.",
        GEMEENTE,
        MELDPUNT_GEGEVENS,
        MELDPUNT_PERSONEN,
        "Signaal zonder vervolg: 1 jaar na afsluiten; in een casus: als de casus (zie bewaartermijnen)",
        "vertrouwelijk",
    ),
    (
        "meldpunt.behandeling",
        "Behandelen van signalen",
        "Signalen beoordelen (triage), meer informatie vragen, opschalen, afsluiten en terugkoppelen aan de melder.",
        GEMEENTE,
        MELDPUNT_GEGEVENS + "; identiteit van de melder (alleen de aandachtsfunctionaris)",
        MELDPUNT_PERSONEN,
        "Als het signaal (zie bewaartermijnen)",
        "vertrouwelijk",
    ),
    (
        "meldpunt.advies",
        "Adviesvragen aan het meldpunt",
        "Medewerkers vragen het meldpunt om advies over een situatie, zonder namen van betrokkenen.",
        "AVG art. 6 lid 1 sub e (taak van algemeen belang)",
        "Omschrijving van een situatie zonder namen; naam en afdeling van de vrager",
        MEDEWERKERS,
        "1 jaar na beantwoording",
        "intern",
    ),
    (
        "subjecten.register",
        "Register van personen, adressen en organisaties",
        "Herkennen dat signalen over dezelfde persoon, hetzelfde adres of dezelfde organisatie gaan, "
        "en het netwerk van relaties vastleggen.",
        GEMEENTE,
        "Naam, geboortedatum, BSN, adres, KvK-nummer, kenteken, relaties tussen personen",
        MELDPUNT_PERSONEN,
        "Zolang een signaal of casus naar het subject verwijst",
        "vertrouwelijk",
    ),
    (
        "subjecten.samenloop",
        "Signaleren van samenloop",
        "Zien dat verschillende afdelingen over dezelfde persoon, hetzelfde huishouden of netwerk melden.",
        GEMEENTE,
        "Koppelingen tussen signalen en subjecten; afdeling van de melders",
        MELDPUNT_PERSONEN,
        "Als de onderliggende signalen",
        "vertrouwelijk",
    ),
    (
        "casussen.regie",
        "Casusregie",
        "Signalen en subjecten bundelen in een casus en die in vijf stappen aanpakken: uitvraag, plan van aanpak, "
        "acties en interventies, evaluatie en monitoring.",
        GEMEENTE,
        MELDPUNT_GEGEVENS + "; besluiten, acties en interventies",
        MELDPUNT_PERSONEN + "; deelnemers aan de casus",
        "5 jaar na afsluiten van de monitoring (Selectielijst gemeenten 2020, keuze van de archivaris)",
        "geheim",
    ),
    (
        "overleggen.casusoverleg",
        "Casusoverleg",
        "Multidisciplinaire overleggen over casussen plannen, voeren en verslaan.",
        GEMEENTE + "; WGS voor overleggen in RIEC- en Zorg- en Veiligheidshuisverband",
        "Agenda, verslag en besluiten over casussen; deelnemers",
        MELDPUNT_PERSONEN + "; deelnemers aan het overleg",
        "Verslag: als de casus",
        "geheim",
    ),
    (
        "doormeldingen.verstrekking",
        "Doormelden aan ketenpartners",
        "Precies de nodige gegevens verstrekken aan een ketenpartner (RIEC, politie, Arbeidsinspectie, "
        "Belastingdienst, Veilig Thuis, Zorg- en Veiligheidshuis) en de verstrekking registreren.",
        "Per doormelding de grondslag uit het register van ketenpartners (AVG art. 6 lid 1 sub c of e; "
        "WGS; Wet maatschappelijke ondersteuning art. 5.2.6 voor Veilig Thuis)",
        "De gegevens die in de doormelding zijn gekozen; nooit de identiteit van de melder",
        MELDPUNT_PERSONEN,
        "Doormelding en register van verstrekkingen: 5 jaar na verstrekking",
        "geheim",
    ),
    (
        "inzicht.sturing",
        "Cijfers en trends zonder persoonsgegevens",
        "Bestuur, beleid en medewerkers informeren over trends, voor bewustwording en sturing.",
        "AVG art. 6 lid 1 sub e; de cijfers zelf bevatten geen persoonsgegevens",
        "Geaggregeerde aantallen; trendnotities zonder namen",
        MEDEWERKERS,
        "Trendnotities: 5 jaar",
        "intern",
    ),
    (
        "kennis.wegwijzer",
        "Wegwijzer en leerlijn",
        "Medewerkers helpen signalen te herkennen: fenomenen, indicatoren en de leerlijn.",
        "AVG art. 6 lid 1 sub e (het gebruik door medewerkers wordt gelogd)",
        "Voortgang in de leerlijn; gebruik van de wegwijzer",
        MEDEWERKERS,
        "Voortgang: zolang de medewerker een account heeft",
        "intern",
    ),
    (
        "beheer.functioneel",
        "Functioneel beheer",
        "Gebruikers, rollen, afdelingen, ketenpartners, fenomenen, bewaartermijnen en teksten beheren.",
        "AVG art. 6 lid 1 sub e en art. 32 (beveiliging)",
        "Naam, e-mailadres, afdeling en rollen van medewerkers",
        MEDEWERKERS,
        "Zolang de medewerker een account heeft, daarna 1 jaar",
        "intern",
    ),
    (
        "beveiliging.toegang",
        "Toegangsbeveiliging",
        "Inloggen, tweestapsverificatie, API-sleutels en het afweren van misbruik.",
        "AVG art. 6 lid 1 sub e en art. 32 (beveiliging); BIO",
        "Gebruikersnaam, tijdstip, IP-adres, uitkomst van de poging",
        MEDEWERKERS + "; externe ontvangers die een doormelding ophalen",
        "Inloggegevens: 1 jaar (zie bewaartermijnen)",
        "vertrouwelijk",
    ),
    (
        "privacy.toezicht",
        "Toezicht op de verwerking van persoonsgegevens",
        "Het toegangslog doorzoeken, bewaartermijnen en bewaarblokkades bewaken en het verwerkingsregister "
        "bijhouden (verantwoording door de privacyfunctionaris).",
        "AVG art. 5 lid 2, art. 30, 32 en 39",
        "Toegangslog: wie wanneer met welk doel welke gegevens raadpleegde (betrokkenen gepseudonimiseerd)",
        MEDEWERKERS + "; betrokkenen (gepseudonimiseerd)",
        "Toegangslog: zie de bewaartermijn van het toegangslog",
        "vertrouwelijk",
    ),
    (
        "privacy.rechten",
        "Rechten van betrokkenen",
        "Verzoeken om inzage, rectificatie en beperking behandelen binnen de wettelijke termijn.",
        "AVG art. 12 tot en met 19; beperking: UAVG art. 41",
        "Het verzoek, de identiteit van de verzoeker en het inzagerapport",
        "Verzoekers; de personen over wie het verzoek gaat",
        "5 jaar na afhandeling van het verzoek",
        "vertrouwelijk",
    ),
    (
        "privacy.vernietiging",
        "Vernietigen na afloop van de bewaartermijn",
        "Vernietigingslijsten opstellen, beoordelen en uitvoeren; een verslag zonder inhoud bewaren.",
        "AVG art. 5 lid 1 sub e; Archiefwet 1995; Selectielijst gemeenten 2020",
        "Soort en aantal vernietigde gegevens; geen inhoud",
        MEDEWERKERS,
        "Vernietigingsverslag: blijvend",
        "intern",
    ),
]


def seed(apps, schema_editor):
    Verwerking = apps.get_model("verwerkingen", "Verwerking")
    VerwerkingVersie = apps.get_model("verwerkingen", "VerwerkingVersie")
    nu = timezone.now()
    for key, naam, doel, grondslag, gegevens, betrokkenen, termijn, vertrouwelijkheid in STANDAARD:
        verwerking, created = Verwerking.objects.get_or_create(key=key)
        if created:
            VerwerkingVersie.objects.create(
                verwerking=verwerking,
                nummer=1,
                naam=naam,
                doel=doel,
                grondslag=grondslag,
                categorieen_gegevens=gegevens,
                categorieen_betrokkenen=betrokkenen,
                bewaartermijn=termijn,
                vertrouwelijkheid=vertrouwelijkheid,
                reden="Eerste vastlegging (standaard van Schakelpunt, te bevestigen door de privacyfunctionaris)",
                geldig_vanaf=nu,
            )


class Migration(migrations.Migration):
    dependencies = [("verwerkingen", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
