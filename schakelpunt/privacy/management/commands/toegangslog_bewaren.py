"""The access log's own retention (cron, e.g. monthly): seal complete months, destroy expired periods; rerunnable."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from schakelpunt.accounts.models import User
from schakelpunt.privacy import toegangslog


class Command(BaseCommand):
    help = (
        "Verzegel het toegangslog per volledige maand en vernietig (met --vernietigen) perioden waarvan de "
        "bewaartermijn voorbij is; het zegel blijft bewaard. Een onderbroken vernietiging wordt afgemaakt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--door", required=True, help="gebruikersnaam van de privacyfunctionaris")
        parser.add_argument(
            "--tot", default=None, help="verzegel maanden die vóór deze datum eindigen (JJJJ-MM-DD; standaard vandaag)"
        )
        parser.add_argument("--vernietigen", action="store_true", help="vernietig ook verlopen perioden")

    def handle(self, *args, **options):
        actor = User.objects.filter(username=options["door"], is_active=True).first()
        if actor is None:
            raise CommandError(f"Gebruiker {options['door']!r} bestaat niet of is niet actief.")
        try:
            tot = datetime.date.fromisoformat(options["tot"]) if options["tot"] else timezone.now().date()
        except ValueError as exc:
            raise CommandError("Geef --tot als JJJJ-MM-DD.") from exc
        try:
            for periode in toegangslog.maanden_verzegelen(actor=actor, tot=tot):
                self.stdout.write(
                    f"Verzegeld: records {periode.eerste_id}-{periode.laatste_id} ({periode.aantal}), "
                    f"{periode.van:%Y-%m-%d} tot {periode.tot:%Y-%m-%d}."
                )
            if not options["vernietigen"]:
                return
            vernietigd, overgeslagen = toegangslog.verlopen_vernietigen(actor=actor)
        except PermissionDenied as exc:
            raise CommandError(f"{actor.username} mag het toegangslog niet verzegelen of vernietigen.") from exc
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        for periode in vernietigd:
            self.stdout.write(
                f"Vernietigd: records {periode.eerste_id}-{periode.laatste_id} ({periode.vernietigd_aantal}); "
                "zegel bewaard."
            )
        for stand in overgeslagen:
            p = stand.periode
            self.stdout.write(f"Bewaard: records {p.eerste_id}-{p.laatste_id}: {stand.blokkade}")
