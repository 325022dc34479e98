"""Seeds the phases of a casus, their checklists and the allowed transitions.

The data is written out here (a migration never imports live code). Codes are stable: the
code refers to FASE_START, FASE_MONITORING, FASE_AFGESLOTEN and to a few checklist codes that
services tick automatically (quickscan, plan_goedgekeurd, acties_belegd, evaluatie, besluit_*).
"""

from django.db import migrations

# code, naam, stap, norm_dagen, heeft_poort, is_eindtoestand, is_open, omschrijving, checklist
FASEN = [
    (
        "signalen_opvangen", "Signalen opvangen", 1, 14, False, False, True,
        "Nog niet echt een stap: signalen bundelen, collega's bevragen, zeggen wat je ziet en vragen hoe zij het zien.",
        [
            ("signalen_gebundeld", "Signalen over deze personen gebundeld", False),
            ("collegas_bevraagd", "Collega's bevraagd: wat zien zij, hoe interpreteren zij het?", False),
        ],
    ),
    (
        "uitvraag_quickscan", "Uitvraag en quickscan", 2, 28, True, False, True,
        "Verdere uitvraag: wat betekenen de signalen, is er samenhang? Een gezamenlijke probleemdefinitie en "
        "een gedragen probleemeigenaar.",
        [
            ("uitvraag", "Uitvraag gedaan bij afdelingen en partners", False),
            ("quickscan", "Quickscan vastgelegd: probleemdefinitie, eigenaar, partners, veiligheid", True),
            ("besluit_regie", "Besluit 'wie heeft de regie?' genomen", True),
            ("besluit_melden", "Besluit 'gaan we melden?' genomen", True),
        ],
    ),
    (
        "plan_van_aanpak", "Plan van aanpak", 3, 28, True, False, True,
        "Beleidsontwikkeling: doelen, strategie (zorg én straf), partners en afspraken, aansluiting bij lokale "
        "programma's.",
        [
            ("plan_goedgekeurd", "Plan van aanpak goedgekeurd", True),
            ("programma", "Aansluiting bij lokaal beleid of programma bekeken", False),
        ],
    ),
    (
        "uitvoering", "Uitvoering", 4, 90, True, False, True,
        "Acties en interventies met een eigenaar, een deadline en een resultaat; korte lijnen naar beleid en bestuur.",
        [
            ("acties_belegd", "Acties belegd met eigenaar en deadline", True),
            ("bestuur_geinformeerd", "Bestuur geïnformeerd (zonder persoonsgegevens)", False),
        ],
    ),
    (
        "evaluatie", "Evaluatie en bestendiging", 5, 28, True, False, True,
        "Werken de interventies, is er nog commitment, wat is er nodig om de werkwijze te bestendigen?",
        [
            ("evaluatie", "Evaluatie vastgelegd per doel", True),
            ("aanbevelingen", "Aanbevelingen voor beleid gedaan", False),
        ],
    ),
    (
        "monitoring", "Monitoring", None, 180, False, True, True,
        "Afgeschaald naar monitoring door de betrokken hulpverleners; een nieuw signaal schaalt weer op.",
        [],
    ),
    ("afgesloten", "Afgesloten", None, None, False, True, False, "De casus is afgesloten.", []),
]

OVERGANGEN = [
    ("signalen_opvangen", "uitvraag_quickscan"),
    ("signalen_opvangen", "afgesloten"),
    ("uitvraag_quickscan", "signalen_opvangen"),
    ("uitvraag_quickscan", "plan_van_aanpak"),
    ("uitvraag_quickscan", "afgesloten"),
    ("plan_van_aanpak", "uitvraag_quickscan"),
    ("plan_van_aanpak", "uitvoering"),
    ("plan_van_aanpak", "afgesloten"),
    ("uitvoering", "plan_van_aanpak"),
    ("uitvoering", "evaluatie"),
    ("uitvoering", "afgesloten"),
    ("evaluatie", "uitvoering"),
    ("evaluatie", "monitoring"),
    ("evaluatie", "afgesloten"),
    ("monitoring", "uitvraag_quickscan"),
    ("monitoring", "uitvoering"),
    ("monitoring", "afgesloten"),
]


def seed(apps, schema_editor):
    Fase = apps.get_model("casussen", "Fase")
    ChecklistItem = apps.get_model("casussen", "ChecklistItem")
    FaseOvergang = apps.get_model("casussen", "FaseOvergang")
    fasen = {}
    for volgorde, (code, naam, stap, norm, poort, eind, open_, omschrijving, items) in enumerate(FASEN, start=1):
        fase, _ = Fase.objects.update_or_create(
            code=code,
            defaults={
                "naam": naam,
                "stap": stap,
                "volgorde": volgorde * 10,
                "norm_dagen": norm,
                "heeft_poort": poort,
                "is_eindtoestand": eind,
                "is_open": open_,
                "omschrijving": omschrijving,
            },
        )
        fasen[code] = fase
        for i, (item_code, tekst, verplicht) in enumerate(items, start=1):
            ChecklistItem.objects.update_or_create(
                fase=fase, code=item_code, defaults={"tekst": tekst, "verplicht": verplicht, "volgorde": i}
            )
    for van, naar in OVERGANGEN:
        FaseOvergang.objects.get_or_create(van=fasen[van], naar=fasen[naar])


class Migration(migrations.Migration):
    dependencies = [("casussen", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
