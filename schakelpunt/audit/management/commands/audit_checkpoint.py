"""Writes a signed checkpoint of the access log's chain head to AUDIT_CHECKPOINT_DIR; run it periodically."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from schakelpunt.audit import checkpoints
from schakelpunt.audit.verify import verify_chain


class Command(BaseCommand):
    help = "Schrijf een ondertekend checkpoint van het einde van het toegangslog (buiten de database)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--checkpoint-dir", default=None, help="map voor checkpoints (standaard AUDIT_CHECKPOINT_DIR)"
        )

    def handle(self, *args, **options):
        target = Path(options["checkpoint_dir"]) if options["checkpoint_dir"] else checkpoints.directory()
        if target is None:
            raise CommandError("AUDIT_CHECKPOINT_DIR is niet ingesteld.")
        try:
            earlier = checkpoints.read_all(target)
        except checkpoints.CheckpointError as exc:
            raise CommandError(f"Geen checkpoint geschreven: checkpoint {exc}.") from exc
        # Only what is verified gets signed: from the last checkpoint on (the whole chain the first time).
        result = verify_chain(checkpoints=earlier, start=earlier[-1] if earlier else None)
        if not result.ok:
            raise CommandError(
                f"Geen checkpoint geschreven: toegangslog NIET intact bij record {result.broken_id}: {result.reason}."
            )
        path = checkpoints.write(target, result.last_id, result.last_hash)
        self.stdout.write(f"Checkpoint geschreven: record {result.last_id} ({path}).")
