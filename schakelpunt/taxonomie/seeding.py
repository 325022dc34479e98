"""Loads the seed taxonomy (codes are stable; existing entries are left as the beheerder made them)."""

from schakelpunt.taxonomie import seed_data


def seed_taxonomie(Fenomeen, Levensdomein, Indicator) -> None:
    """Takes the model classes so that migrations can pass their historical models."""
    by_code = {}
    for order, item in enumerate(seed_data.FENOMENEN):
        fenomeen, _ = Fenomeen.objects.get_or_create(
            code=item["code"],
            defaults={
                "naam": item["naam"],
                "toelichting": item["toelichting"],
                "vragen": item["vragen"],
                "meldroute": item.get("meldroute", ""),
                "volgorde": order,
                "parent": by_code.get(item.get("parent")),
            },
        )
        by_code[item["code"]] = fenomeen
    domeinen = {}
    for order, item in enumerate(seed_data.LEVENSDOMEINEN):
        domeinen[item["code"]], _ = Levensdomein.objects.get_or_create(
            code=item["code"], defaults={"naam": item["naam"], "volgorde": order}
        )
    for order, item in enumerate(seed_data.INDICATOREN):
        indicator, created = Indicator.objects.get_or_create(
            code=item["code"],
            defaults={
                "naam": item["naam"],
                "toelichting": item["toelichting"],
                "vragen": item["vragen"],
                "levensdomein": domeinen[item["levensdomein"]],
                "volgorde": order,
            },
        )
        if created:
            indicator.fenomenen.set([by_code[c] for c in item["fenomenen"]])
