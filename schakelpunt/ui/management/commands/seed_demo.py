"""Loads synthetic demo data (demo mode only): every app's `demo.seed()` in app order.

Order matters and is INSTALLED_APPS order: accounts (the demo users) first, then ui's demo
story (ui/demo.py: the signals, triage history, samenloop, relations), then the apps after it
(adviesvragen, beheer, and later e.g. casussen), which build on the story through
`schakelpunt.ui.demo.verhaal_signaal(key)`. A new app adds its own `<app>/demo.py`; nothing
here changes. Each seed() does nothing when its data is already there (a second run is a no-op).
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings


class Command(BaseCommand):
    help = "Laad synthetische demogegevens (alleen in demo-modus)."

    def handle(self, *args, **options):
        if not settings.DEMO:
            raise CommandError("seed_demo draait alleen met SCHAKELPUNT_MODE=demo.")
        # Demo seeding sends notifications; keep them out of the console so the accounts stay visible.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            self._seed_all()
        from schakelpunt.accounts.demo import print_accounts

        print_accounts(self.stdout)

    def _seed_all(self):
        for config in apps.get_app_configs():
            if not config.name.startswith("schakelpunt."):
                continue
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name == f"{config.name}.demo":
                    continue
                raise
            module.seed(self.stdout)
