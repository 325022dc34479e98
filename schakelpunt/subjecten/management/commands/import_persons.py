"""`manage.py import_persons FILE.csv`: migrate the meldpunt's own person records into the register.

The CSV is UTF-8 with the header ref,voornamen,voorvoegsel,geslachtsnaam,geboortedatum,bsn,straat,
huisnummer,postcode,woonplaats,land,telefoon, optionally also geslacht (m, v or x) and
geboortedatum_geschat (ja/nee: a guessed age, of which only the year is kept). A bad row is reported
with its line number and skipped;
a BSN that fails the elfproef or an impossible date of birth only empties that field (a warning
with the line number), the rest of the row is imported.
Nothing is merged: run find_duplicates afterwards.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from schakelpunt.subjecten.bulk import ImportFout, importeren_uit_bestand


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


class Command(BaseCommand):
    help = "Importeer personen uit een CSV-bestand (UTF-8) in het register, zonder samen te voegen."

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="pad naar het CSV-bestand")
        parser.add_argument("--batch-size", type=int, default=5000, help="rijen per transactie (standaard 5000)")

    def handle(self, *args, bestand, batch_size, **options):
        start = time.monotonic()

        def voortgang(r):
            tempo = r.gelezen / max(time.monotonic() - start, 1e-6)
            self.stdout.write(
                f"{_n(r.gelezen)} rijen gelezen, {_n(r.geimporteerd)} geïmporteerd, {_n(len(r.fouten))} fout(en) "
                f"({_n(round(tempo))} rijen/s)"
            )

        def fout(regel, tekst):
            self.stderr.write(f"regel {regel}: {tekst}")

        try:
            resultaat = importeren_uit_bestand(
                bestand, batch_size=max(1, batch_size), voortgang=voortgang, fout=fout, waarschuwing=fout
            )
        except FileNotFoundError:
            raise CommandError(f"Bestand niet gevonden: {bestand}") from None
        except UnicodeDecodeError as exc:
            raise CommandError(f"Het bestand is geen geldige UTF-8: {exc}") from None
        except ImportFout as exc:
            raise CommandError(str(exc)) from None
        duur = time.monotonic() - start
        self.stdout.write(
            self.style.SUCCESS(
                f"Klaar in {duur:.1f} s: {resultaat.geimporteerd} personen geïmporteerd, "
                f"{len(resultaat.fouten)} rij(en) overgeslagen, "
                f"{len(resultaat.waarschuwingen)} waarschuwing(en) (veld leeggelaten)."
            )
        )
