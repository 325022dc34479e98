"""In-app notices for a user; e-mail copies are sent by a background task."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notificatie(models.Model):
    ontvanger = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notificaties")
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    # Never personal data of betrokkenen: a notice says that something happened and links to it.
    tekst = models.TextField(_("tekst"), blank=True)
    url = models.CharField(max_length=300, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gelezen_op = models.DateTimeField(null=True, blank=True)
    gemaild_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notificatie")
        verbose_name_plural = _("notificaties")
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [models.Index(fields=["ontvanger", "gelezen_op"], name="notificatie_ongelezen_idx")]

    def __str__(self) -> str:
        return self.onderwerp
