"""Choices of casusoverleggen (module level, so the OpenAPI document can name them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OverlegSoort(models.TextChoices):
    REGULIER = "regulier", _("Regulier overleg")
    ADHOC = "adhoc", _("Ad-hoc overleg (opschalen)")


class OverlegStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    GESLOTEN = "gesloten", _("Gesloten")
    GEANNULEERD = "geannuleerd", _("Geannuleerd")
