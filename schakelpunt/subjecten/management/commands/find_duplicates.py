"""`manage.py find_duplicates --output pairs.csv`: pairs of imported persons that may be one person.

Writes `ref_a,ref_b,score,toelichting` (score 0..1: how likely the two records describe the same person,
never anything about the person) for every pair the engine judges a match or a possible match, and
last the possible twins (toelichting "mogelijk tweeling": same surname, date of birth and address,
another given name; never linked, for a person to judge). The beheerder's roepnamen are read first.
"""

import os
import time

from django.core.management.base import BaseCommand, CommandError

from schakelpunt.subjecten.bulk import duplicaten_vinden


class Command(BaseCommand):
    help = "Schrijf alle paren geïmporteerde personen die waarschijnlijk of mogelijk dezelfde persoon zijn."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="pad van het CSV-bestand met paren")
        parser.add_argument(
            "--processen",
            type=int,
            default=min(2, os.cpu_count() or 1),
            help="processen die paren beoordelen (standaard 2, of 1 op een machine met één kern)",
        )

    def handle(self, *args, output, processen, **options):
        start = time.monotonic()

        def voortgang(fase, aantal):
            label = "personen gelezen" if fase == "gelezen" else "paren geschreven"
            getal = f"{aantal:,}".replace(",", ".")
            self.stdout.write(f"{getal} {label} ({time.monotonic() - start:.1f} s)")

        try:
            with open(output, "w", newline="", encoding="utf-8") as uitvoer:
                paren = duplicaten_vinden(uitvoer, voortgang=voortgang, processen=max(1, processen))
        except OSError as exc:
            raise CommandError(f"Kan {output} niet schrijven: {exc}") from None
        self.stdout.write(self.style.SUCCESS(f"Klaar in {time.monotonic() - start:.1f} s: {paren} paren in {output}."))
