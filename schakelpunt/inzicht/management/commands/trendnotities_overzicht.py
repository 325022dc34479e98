"""Monthly e-mail digest of new trend notes to everyone who asked for it (cron, e.g. on the 1st)."""

from django.core.management.base import BaseCommand

from schakelpunt.inzicht.services import trend_digest_versturen


class Command(BaseCommand):
    help = "Stuur het overzicht van nieuwe trendnotities naar wie dat wil ontvangen."

    def handle(self, *args, **options):
        aantal = trend_digest_versturen()
        self.stdout.write(f"Overzicht verstuurd aan {aantal} ontvanger(s).")
