"""Propose a destruction list of what expires in the coming month (cron, e.g. monthly)."""

from django.core.management.base import BaseCommand

from schakelpunt.privacy.services import lijst_voorstellen


class Command(BaseCommand):
    help = "Stel een vernietigingslijst op van wat de komende maand verloopt, ter beoordeling."

    def handle(self, *args, **options):
        lijst = lijst_voorstellen()
        self.stdout.write(f"Lijst {lijst.pk} met {lijst.items.count()} items." if lijst else "Niets te vernietigen.")
