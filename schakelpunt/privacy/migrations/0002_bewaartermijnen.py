"""Default retention periods, each with the date it starts from and its source.

Written out in full here (not imported from live code) so this migration never changes. The
VNG Selectielijst gemeenten en intergemeentelijke organen 2020 has no class written for a
meldpunt like this one; the classes named are the closest fit and are marked as a proposal the
municipality's archivist confirms or changes (the beheerder edits the periods on screen).
"""

from django.db import migrations

VOORSTEL = "Voorstel, te bevestigen door de archivaris. "
DEFAULTS = [
    ("signaal_zonder_vervolg", 365, "de datum waarop het signaal is afgesloten",
     VOORSTEL + "Selectielijst gemeenten 2020: meldingen en signalen zonder vervolg (korte termijn); "
     "AVG art. 5(1)(e): niet langer dan nodig."),
    ("signaal_in_casus", 1826, "de datum waarop de casus is afgesloten (het signaal volgt de casus)",
     VOORSTEL + "Selectielijst gemeenten 2020: dossiers openbare orde en veiligheid / zorg en veiligheid, "
     "vernietigen na 5 jaar."),
    ("casus", 1826, "de datum waarop de casus is afgesloten, na de monitoring",
     VOORSTEL + "Selectielijst gemeenten 2020: dossiers openbare orde en veiligheid / zorg en veiligheid, "
     "vernietigen na 5 jaar."),
    ("doormelding", 1826, "de datum van verzending",
     VOORSTEL + "Zo lang als de verstrekte gegevens zelf, zodat art. 15 en 19 AVG beantwoord kunnen worden."),
    ("verslag", 1826, "de datum waarop het verslag is vastgesteld",
     VOORSTEL + "Selectielijst gemeenten 2020: verslagen van overleggen, vernietigen na 5 jaar."),
    ("concept", 30, "de laatste wijziging van het concept", VOORSTEL + "Een concept is geen signaal; kort bewaren."),
    ("inloggegevens", 183, "het einde van de sessie", VOORSTEL + "BIO: beveiligingslogging, ten minste 6 maanden."),
    ("toegangslog", 1826, "het tijdstip van de logregel",
     VOORSTEL + "NEN 7513-praktijk en Logboek Dataverwerkingen: zo lang als betrokkenen ernaar kunnen vragen."),
]


def create(apps, schema_editor):
    Bewaartermijn = apps.get_model("privacy", "Bewaartermijn")
    for soort, dagen, brondatum, bron in DEFAULTS:
        Bewaartermijn.objects.get_or_create(
            soort=soort, defaults={"termijn_dagen": dagen, "brondatum": brondatum, "bron": bron}
        )


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
