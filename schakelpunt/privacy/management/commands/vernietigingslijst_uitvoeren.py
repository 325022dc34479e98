"""Destroy what approved lists hold (cron, e.g. nightly); safe to rerun after an interruption."""

from django.core.management.base import BaseCommand

from schakelpunt.privacy.models import Vernietigingslijst
from schakelpunt.privacy.services import lijst_uitvoeren


class Command(BaseCommand):
    help = "Voer goedgekeurde vernietigingslijsten uit; een onderbroken uitvoering wordt afgemaakt."

    def handle(self, *args, **options):
        for lijst in Vernietigingslijst.objects.filter(status=Vernietigingslijst.Status.GOEDGEKEURD):
            verslag = lijst_uitvoeren(lijst=lijst)
            self.stdout.write(f"Lijst {lijst.pk}: {'uitgevoerd' if verslag else 'nog niet klaar'}.")
