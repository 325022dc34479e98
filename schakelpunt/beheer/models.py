"""A proposal to give a role that sees much: it takes effect only when a second beheerder approves."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from schakelpunt.accounts.roles import Rol

# The roles that see most: giving one needs a second beheerder (four-eyes rule).
VIER_OGEN_ROLLEN = frozenset({Rol.AANDACHTSFUNCTIONARIS, Rol.PRIVACYFUNCTIONARIS, Rol.BEHEERDER})


class RolVoorstel(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Wacht op goedkeuring")
        GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rolvoorstellen")
    rol = models.CharField(_("rol"), max_length=40, choices=Rol.choices)
    reden = models.TextField(_("reden"))
    voorgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    voorgesteld_op = models.DateTimeField(auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    beoordeeld_op = models.DateTimeField(null=True, blank=True)
    toelichting = models.TextField(_("toelichting bij het besluit"), blank=True)

    class Meta:
        verbose_name = _("voorstel voor een rol")
        verbose_name_plural = _("voorstellen voor een rol")
        ordering = ["voorgesteld_op", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "rol"], condition=Q(status="open"), name="rolvoorstel_open_uniek")
        ]

    def __str__(self) -> str:
        return f"Voorstel {self.get_rol_display()} voor {self.user}"
