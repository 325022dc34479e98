"""`manage.py sleutels_herberekenen`: recompute every person's blocking keys and stored prepared form
(matchprofiel) after the matching engine changed them."""

import time

from django.core.management.base import BaseCommand

from schakelpunt.subjecten.bulk import sleutels_herberekenen


class Command(BaseCommand):
    help = (
        "Bereken de zoeksleutels en het matchprofiel van alle personen opnieuw "
        "(nodig na een wijziging van de sleutels of de normalisatie)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=5000, help="personen per transactie (standaard 5000)")

    def handle(self, *args, batch_size, **options):
        start = time.monotonic()

        def voortgang(aantal):
            self.stdout.write(f"{aantal:,} personen bijgewerkt ({time.monotonic() - start:.1f} s)".replace(",", "."))

        aantal = sleutels_herberekenen(batch_size=max(1, batch_size), voortgang=voortgang)
        self.stdout.write(self.style.SUCCESS(f"Klaar: sleutels van {aantal} personen herberekend."))
