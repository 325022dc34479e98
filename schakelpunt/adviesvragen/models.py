"""An adviesvraag: a situation described without names, the meldpunt's answer, and the signal it may become."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Adviesvraag(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Wacht op antwoord")
        BEANTWOORD = "beantwoord", _("Beantwoord")
        WORDT_SIGNAAL = "wordt_signaal", _("Wordt een signaal")
        SIGNAAL = "signaal", _("Signaal geworden")

    melder = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gesteld door"), on_delete=models.PROTECT, related_name="adviesvragen"
    )
    # The department at the time of asking: counted in the figures, like a signal's.
    afdeling = models.ForeignKey(
        "accounts.Afdeling", null=True, blank=True, on_delete=models.PROTECT, related_name="adviesvragen"
    )
    situatie = models.TextField(_("wat zie je"))
    vraag = models.TextField(_("wat wil je weten"), blank=True)
    fenomeen = models.ForeignKey(
        "taxonomie.Fenomeen",
        verbose_name=_("waar denk je aan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    gesteld_op = models.DateTimeField(_("gesteld op"), auto_now_add=True)
    antwoord = models.TextField(_("antwoord"), blank=True)
    # The answer may point to the wegwijzer: a phenomenon whose page says what to look for and where to report.
    wegwijzer = models.ForeignKey(
        "taxonomie.Fenomeen",
        verbose_name=_("verwijzing naar de wegwijzer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    beantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    gelezen_op = models.DateTimeField(_("antwoord gelezen op"), null=True, blank=True)
    omzetten_op = models.DateTimeField(null=True, blank=True)
    signaal = models.OneToOneField(
        "signalen.Signaal", null=True, blank=True, on_delete=models.SET_NULL, related_name="adviesvraag"
    )

    class Meta:
        verbose_name = _("adviesvraag")
        verbose_name_plural = _("adviesvragen")
        ordering = ["-gesteld_op", "-id"]
        indexes = [
            models.Index(fields=["status", "gesteld_op"], name="adviesvraag_status_idx"),
            models.Index(fields=["melder", "-gesteld_op"], name="adviesvraag_melder_idx"),
        ]

    def __str__(self) -> str:
        return f"Adviesvraag {self.nummer}"

    @property
    def nummer(self) -> str:
        return f"A-{self.pk:05d}" if self.pk else "A-nieuw"

    @property
    def ongelezen_antwoord(self) -> bool:
        return self.status == self.Status.BEANTWOORD and self.gelezen_op is None
