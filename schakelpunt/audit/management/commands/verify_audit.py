"""Verifies the access log's keyed hash chain and the signed checkpoints; exits non-zero and names the first break."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from schakelpunt.audit import checkpoints
from schakelpunt.audit.verify import verify_chain


class Command(BaseCommand):
    help = "Controleer de hash-keten van het toegangslog en de checkpoints buiten de database."

    def add_arguments(self, parser):
        parser.add_argument(
            "--checkpoint-dir", default=None, help="map met checkpoints (standaard AUDIT_CHECKPOINT_DIR)"
        )

    def handle(self, *args, **options):
        target = Path(options["checkpoint_dir"]) if options["checkpoint_dir"] else checkpoints.directory()
        try:
            found = checkpoints.read_all(target) if target else []
        except checkpoints.CheckpointError as exc:
            raise CommandError(f"Toegangslog NIET te vertrouwen: checkpoint {exc}.") from exc
        result = verify_chain(checkpoints=found)
        if not result.ok:
            raise CommandError(
                f"Toegangslog NIET intact: eerste gebroken record {result.broken_id}: {result.reason} "
                f"({result.checked} records in orde daarvoor)."
            )
        self.stdout.write(
            f"Toegangslog intact: {result.checked} records gecontroleerd, "
            f"{result.checkpoints} van {len(found)} checkpoints bevestigd."
        )
        if target is None:
            self.stdout.write(
                "Let op: AUDIT_CHECKPOINT_DIR is niet ingesteld, dus er is niets buiten de database om mee te "
                "vergelijken. Wie de database én de sleutel heeft, kan de keten dan onopgemerkt herschrijven."
            )
        elif not found:
            self.stdout.write(f"Let op: nog geen checkpoints in {target}; draai manage.py audit_checkpoint periodiek.")
