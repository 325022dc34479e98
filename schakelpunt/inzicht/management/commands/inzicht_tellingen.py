"""Rebuild inzicht's pre-aggregated counts from the source tables (after a bulk load or a restore)."""

from django.core.management.base import BaseCommand

from schakelpunt.inzicht import tellingen


class Command(BaseCommand):
    help = "Bouw de voorgetelde cijfers van inzicht opnieuw op uit de signalen."

    def handle(self, *args, **options):
        aantal = tellingen.opbouwen()
        self.stdout.write(f"Inzicht: tellingen opnieuw opgebouwd uit {aantal} signalen.")
