"""Remind the meldpunt of signals waiting longer than the term; run it from cron, e.g. every hour on working days."""

from django.core.management.base import BaseCommand

from schakelpunt.signalen.services import herinneringen_versturen


class Command(BaseCommand):
    help = "Stuur herinneringen voor signalen die langer dan de termijn wachten (SIGNAAL_TERMIJN_WERKDAGEN)."

    def handle(self, *args, **options):
        count = herinneringen_versturen()
        self.stdout.write(
            f"Herinnering verstuurd voor {count} signaal/signalen." if count else "Geen signalen over de termijn."
        )
