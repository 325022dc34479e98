"""The roles of Schakelpunt (see DOMAIN.md, "Who uses it")."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    MELDER = "melder", _("Melder")
    AANDACHTSFUNCTIONARIS = "aandachtsfunctionaris", _("Aandachtsfunctionaris")
    CASUSREGISSEUR = "casusregisseur", _("Casusregisseur")
    DEELNEMER = "deelnemer", _("Deelnemer casusoverleg")
    BESTUUR = "bestuur", _("Bestuur / beleid")
    BEHEERDER = "beheerder", _("Functioneel beheerder")
    PRIVACYFUNCTIONARIS = "privacyfunctionaris", _("Privacyfunctionaris")


ALL_ROLES = [code for code, _label in Rol.choices]
