"""Verifies the access log's hash chain; exits non-zero and names the first broken record."""

from django.core.management.base import BaseCommand, CommandError

from schakelpunt.audit.verify import verify_chain


class Command(BaseCommand):
    help = "Controleer de hash-keten van het toegangslog."

    def handle(self, *args, **options):
        result = verify_chain()
        if not result.ok:
            raise CommandError(
                f"Toegangslog NIET intact: eerste gebroken record {result.broken_id}: {result.reason} "
                f"({result.checked} records in orde daarvoor)."
            )
        self.stdout.write(f"Toegangslog intact: {result.checked} records gecontroleerd.")
