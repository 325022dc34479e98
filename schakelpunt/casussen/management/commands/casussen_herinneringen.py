"""Reminders of the casus work (cron, e.g. daily): overdue actions and uitvragen, ended monitoring."""

from django.core.management.base import BaseCommand

from schakelpunt.casussen.stappen import acties_herinneringen, monitoring_herinneringen


class Command(BaseCommand):
    help = "Herinner aan acties en uitvragen over de deadline en aan afgelopen monitoring."

    def handle(self, *args, **options):
        acties = acties_herinneringen()
        monitoring = monitoring_herinneringen()
        self.stdout.write(f"Herinneringen: {acties} acties/uitvragen, {monitoring} monitoringperiodes.")
