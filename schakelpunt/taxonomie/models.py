"""Fenomenen (kinds of crime), levensdomeinen and indicatoren (concrete signs to look for).

Codes are stable: a retired entry (actief=False) is no longer offered on new signals but
stays valid on old ones, so nothing is ever deleted.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TaxonomieItem(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    toelichting = models.TextField(_("waar let je op"), blank=True)
    vragen = models.JSONField(_("vragen die je kunt stellen"), default=list, blank=True)
    actief = models.BooleanField(
        _("actief"), default=True, help_text=_("Uitgezette items blijven geldig op oude signalen.")
    )
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        abstract = True
        ordering = ["volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam


class Fenomeen(TaxonomieItem):
    meldroute = models.TextField(_("meldroute"), blank=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("hoort bij"), null=True, blank=True, on_delete=models.PROTECT, related_name="kinderen"
    )

    class Meta(TaxonomieItem.Meta):
        verbose_name = _("fenomeen")
        verbose_name_plural = _("fenomenen")


class Levensdomein(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["volgorde", "naam"]
        verbose_name = _("levensdomein")
        verbose_name_plural = _("levensdomeinen")

    def __str__(self) -> str:
        return self.naam


class Indicator(TaxonomieItem):
    levensdomein = models.ForeignKey(
        Levensdomein, verbose_name=_("levensdomein"), on_delete=models.PROTECT, related_name="indicatoren"
    )
    fenomenen = models.ManyToManyField(
        Fenomeen, verbose_name=_("hangt samen met"), blank=True, related_name="indicatoren"
    )

    class Meta(TaxonomieItem.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
