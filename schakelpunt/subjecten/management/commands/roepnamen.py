"""`manage.py roepnamen`: the beheerder's additions to the matching engine's table of roepnamen (Kees for Cornelis)."""

from django.core.management.base import BaseCommand, CommandError

from schakelpunt.matching import nicknames
from schakelpunt.matching.normalize import letters_only
from schakelpunt.subjecten.models import Roepnaam


class Command(BaseCommand):
    help = "Toon, voeg toe of verwijder roepnamen die bij een volledige voornaam horen (bijv. Kees bij Cornelis)."

    def add_arguments(self, parser):
        parser.add_argument("--toevoegen", nargs=2, metavar=("NAAM", "ROEPNAAM"), help="bijv. Cornelis Kees")
        parser.add_argument("--verwijderen", nargs=2, metavar=("NAAM", "ROEPNAAM"))

    def handle(self, *args, toevoegen, verwijderen, **options):
        if toevoegen:
            naam, roepnaam = (letters_only(x) for x in toevoegen)
            if not naam or not roepnaam or naam == roepnaam:
                raise CommandError("Geef een volledige voornaam en een andere roepnaam, in letters.")
            Roepnaam.objects.get_or_create(naam=naam, roepnaam=roepnaam)
            self.stdout.write(f"Toegevoegd: {roepnaam} voor {naam}.")
        if verwijderen:
            naam, roepnaam = (letters_only(x) for x in verwijderen)
            if not Roepnaam.objects.filter(naam=naam, roepnaam=roepnaam).delete()[0]:
                raise CommandError(f"'{roepnaam}' voor '{naam}' staat niet in de tabel.")
            self.stdout.write(f"Verwijderd: {roepnaam} voor {naam}.")
        for r in Roepnaam.objects.all():
            self.stdout.write(f"{r.roepnaam} -> {r.naam}")
        standaard = sum(len(v) for v in nicknames.DEFAULT.values())
        self.stdout.write(f"{Roepnaam.objects.count()} eigen roepnamen, naast {standaard} in de standaardtabel.")
