"""`manage.py betrokkenen_koppelen`: resolve betrokkenen that have no subject yet.

For signals saved while resolving failed, or reported before the register existed. Each signal is
resolved as its melder, exactly as at registration, and samenloop is checked.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from schakelpunt.signalen.hertellen import hertellen
from schakelpunt.signalen.models import Signaal
from schakelpunt.subjecten.services.koppelen import signaal_betrokkenen_koppelen


class Command(BaseCommand):
    help = "Koppel betrokkenen zonder subject alsnog aan personen, adressen, organisaties en voertuigen."

    def handle(self, *args, **options):
        signalen = Signaal.objects.filter(betrokkenen__koppeling__isnull=True).distinct().order_by("pk")
        aantal = 0
        for signaal in signalen.iterator(chunk_size=500):
            # inzicht's distinct persons per month follow the new links (signalen.hertellen).
            with transaction.atomic(), hertellen([signaal.pk]):
                aantal += len(signaal_betrokkenen_koppelen(signaal))
        self.stdout.write(self.style.SUCCESS(f"{aantal} betrokkene(n) gekoppeld."))
