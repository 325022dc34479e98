"""Seeds fenomenen, levensdomeinen and indicatoren from seed_data (codes are stable)."""

from django.db import migrations


def seed(apps, schema_editor):
    from schakelpunt.taxonomie.seeding import seed_taxonomie

    seed_taxonomie(apps.get_model("taxonomie", "Fenomeen"), apps.get_model("taxonomie", "Levensdomein"),
                   apps.get_model("taxonomie", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("taxonomie", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
