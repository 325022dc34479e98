"""The register of processing activities: one row per activity (its stable key), its content in versions.

A version is never edited: a change is a new version with the next number. The access log refers
to the version in force when a record was written (``AuditRecord.verwerking_versie``), so an old
record still says under which purpose and legal basis it was made.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

KEY_PATTERN = r"^[a-z][a-z_]*(\.[a-z][a-z_]*)+$"


class Vertrouwelijkheid(models.TextChoices):
    """BIO classification of the data the activity processes."""

    INTERN = "intern", _("Intern")
    VERTROUWELIJK = "vertrouwelijk", _("Vertrouwelijk")
    GEHEIM = "geheim", _("Geheim")


class Verwerking(models.Model):
    key = models.CharField(
        _("sleutel"),
        max_length=60,
        unique=True,
        validators=[RegexValidator(KEY_PATTERN, _("Kleine letters en punten, bijvoorbeeld meldpunt.intake."))],
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("verwerking")
        verbose_name_plural = _("verwerkingen")

    def __str__(self) -> str:
        return self.key


class VerwerkingVersieQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("een versie van een verwerking wordt niet gewijzigd: maak een nieuwe versie")


class VerwerkingVersie(models.Model):
    verwerking = models.ForeignKey(Verwerking, on_delete=models.PROTECT, related_name="versies")
    nummer = models.PositiveIntegerField(_("versie"))
    naam = models.CharField(_("naam"), max_length=200)
    doel = models.TextField(_("doel"), max_length=2000)
    grondslag = models.TextField(_("rechtsgrond"), max_length=2000)
    categorieen_gegevens = models.TextField(_("categorieën persoonsgegevens"), max_length=2000)
    categorieen_betrokkenen = models.TextField(_("categorieën betrokkenen"), max_length=2000)
    bewaartermijn = models.CharField(_("bewaartermijn"), max_length=500)
    vertrouwelijkheid = models.CharField(
        _("vertrouwelijkheid"),
        max_length=20,
        choices=Vertrouwelijkheid.choices,
        default=Vertrouwelijkheid.VERTROUWELIJK,
    )
    reden = models.CharField(_("reden van de wijziging"), max_length=1000, blank=True)
    geldig_vanaf = models.DateTimeField(_("geldig vanaf"))
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = VerwerkingVersieQuerySet.as_manager()

    class Meta:
        ordering = ["verwerking", "-nummer"]
        constraints = [models.UniqueConstraint(fields=["verwerking", "nummer"], name="verwerking_versie_uniek")]
        verbose_name = _("versie van een verwerking")
        verbose_name_plural = _("versies van verwerkingen")

    def __str__(self) -> str:
        return f"{self.naam} (versie {self.nummer})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("een versie van een verwerking wordt niet gewijzigd: maak een nieuwe versie")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("een versie van een verwerking wordt niet verwijderd")
