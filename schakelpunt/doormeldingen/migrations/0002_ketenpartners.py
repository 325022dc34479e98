"""The ketenpartners of the meldroute and the legal bases usable towards each (written out, no live imports).

The article references are a starting point for the municipality's FG to confirm; the beheerder
changes partners and bases on screen.
"""

from django.db import migrations

GRONDSLAGEN = [
    ("avg-6-1-c", "Wettelijke verplichting", "AVG art. 6 lid 1 sub c"),
    ("avg-6-1-e", "Taak van algemeen belang of openbaar gezag", "AVG art. 6 lid 1 sub e"),
    ("avg-10", "Strafrechtelijke gegevens, met passende waarborgen", "AVG art. 10 jo. Uitvoeringswet AVG"),
    ("wgs", "Gegevensverwerking in een samenwerkingsverband (RIEC, Zorg- en Veiligheidshuis)",
     "Wet gegevensverwerking door samenwerkingsverbanden"),
    ("wmo-5-2-6", "Melding aan Veilig Thuis", "Wmo 2015 art. 5.2.6"),
]
PARTNERS = [
    ("riec", "RIEC", "TLP:AMBER", ["wgs", "avg-6-1-e", "avg-10"]),
    ("politie", "Politie", "TLP:AMBER", ["avg-6-1-e", "avg-10"]),
    ("nla", "Nederlandse Arbeidsinspectie", "TLP:AMBER+STRICT", ["avg-6-1-c", "avg-6-1-e"]),
    ("belastingdienst", "Belastingdienst", "TLP:AMBER+STRICT", ["avg-6-1-c"]),
    ("veilig_thuis", "Veilig Thuis", "TLP:AMBER+STRICT", ["wmo-5-2-6", "avg-6-1-e"]),
    ("zvh", "Zorg- en Veiligheidshuis", "TLP:AMBER+STRICT", ["wgs", "avg-6-1-e"]),
    ("comensha", "CoMensha", "TLP:AMBER+STRICT", ["avg-6-1-e"]),
]


def create(apps, schema_editor):
    Grondslag = apps.get_model("doormeldingen", "Grondslag")
    Ketenpartner = apps.get_model("doormeldingen", "Ketenpartner")
    for code, naam, artikel in GRONDSLAGEN:
        Grondslag.objects.get_or_create(code=code, defaults={"naam": naam, "artikel": artikel})
    for code, naam, markering, bases in PARTNERS:
        partner, created = Ketenpartner.objects.get_or_create(code=code, defaults={"naam": naam, "max_markering": markering})
        if created:
            partner.grondslagen.set(Grondslag.objects.filter(code__in=bases))


class Migration(migrations.Migration):
    dependencies = [("doormeldingen", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
