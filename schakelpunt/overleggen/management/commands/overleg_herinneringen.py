"""Remind participants of casusoverleggen in the next 24 hours; the chair gets what is still open (cron, hourly)."""

from django.core.management.base import BaseCommand

from schakelpunt.overleggen.services import herinneringen_versturen


class Command(BaseCommand):
    help = "Herinner genodigden aan casusoverleggen in de komende 24 uur."

    def handle(self, *args, **options):
        self.stdout.write(f"Herinneringen voor {herinneringen_versturen()} overleg(gen) verstuurd.")
