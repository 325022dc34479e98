"""Seeds fenomenen, levensdomeinen and indicatoren from seed_data (codes are stable)."""

from django.db import migrations


def seed(apps, schema_editor):
    from schakelpunt.taxonomie import seed_data

    Fenomeen = apps.get_model("taxonomie", "Fenomeen")
    Levensdomein = apps.get_model("taxonomie", "Levensdomein")
    Indicator = apps.get_model("taxonomie", "Indicator")
    by_code = {}
    for order, item in enumerate(seed_data.FENOMENEN):
        fenomeen, _ = Fenomeen.objects.get_or_create(code=item["code"], defaults={
            "naam": item["naam"], "toelichting": item["toelichting"], "vragen": item["vragen"],
            "meldroute": item.get("meldroute", ""), "volgorde": order,
            "parent": by_code.get(item.get("parent")),
        })
        by_code[item["code"]] = fenomeen
    domeinen = {}
    for order, item in enumerate(seed_data.LEVENSDOMEINEN):
        domeinen[item["code"]], _ = Levensdomein.objects.get_or_create(
            code=item["code"], defaults={"naam": item["naam"], "volgorde": order})
    for order, item in enumerate(seed_data.INDICATOREN):
        indicator, created = Indicator.objects.get_or_create(code=item["code"], defaults={
            "naam": item["naam"], "toelichting": item["toelichting"], "vragen": item["vragen"],
            "levensdomein": domeinen[item["levensdomein"]], "volgorde": order,
        })
        if created:
            indicator.fenomenen.set([by_code[c] for c in item["fenomenen"]])


class Migration(migrations.Migration):
    dependencies = [("taxonomie", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
