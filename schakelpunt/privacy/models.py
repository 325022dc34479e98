"""Retention periods per kind of data and outcome, destruction lists, their reports, and legal holds."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Soort(models.TextChoices):
    """Kinds of data with their own retention, each with the date the period starts from."""

    SIGNAAL_ZONDER_VERVOLG = "signaal_zonder_vervolg", _("Signaal afgesloten zonder vervolg")
    SIGNAAL_IN_CASUS = "signaal_in_casus", _("Signaal dat in een casus is gegaan")
    CASUS = "casus", _("Casus afgesloten na monitoring")
    DOORMELDING = "doormelding", _("Doormelding en haar verstrekkingen")
    VERSLAG = "verslag", _("Verslag van een casusoverleg")
    CONCEPT = "concept", _("Concept van een signaal")
    INLOGGEGEVENS = "inloggegevens", _("Inloggegevens en sessies")
    TOEGANGSLOG = "toegangslog", _("Toegangslog")


class Bewaartermijn(models.Model):
    soort = models.CharField(_("soort gegevens"), max_length=40, choices=Soort.choices, unique=True)
    termijn_dagen = models.PositiveIntegerField(_("bewaartermijn in dagen"))
    brondatum = models.CharField(_("termijn begint op"), max_length=200)
    bron = models.CharField(_("bron van de standaard"), max_length=300)
    toelichting = models.TextField(_("toelichting"), blank=True)
    versie = models.PositiveIntegerField(default=1)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["soort"]
        verbose_name = _("bewaartermijn")
        verbose_name_plural = _("bewaartermijnen")

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.termijn_dagen} dagen"


class Bewaarblokkade(models.Model):
    """A legal hold: nothing it covers is destroyed while it is active (UAVG, an investigation, a request)."""

    reden = models.TextField(_("reden"))
    beoordelen_op = models.DateField(_("opnieuw beoordelen op"))
    persoon = models.ForeignKey("subjecten.Persoon", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    signaal = models.ForeignKey("signalen.Signaal", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    actief = models.BooleanField(default=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    opgeheven_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op"]

    def __str__(self) -> str:
        return f"blokkade {self.pk}"


class Vernietigingslijst(models.Model):
    class Status(models.TextChoices):
        TER_BEOORDELING = "ter_beoordeling", _("Ter beoordeling")
        GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")
        UITGEVOERD = "uitgevoerd", _("Uitgevoerd")

    peildatum = models.DateField(_("vernietigen wat uiterlijk dan verloopt"))
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.TER_BEOORDELING)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    goedgekeurd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    goedgekeurd_op = models.DateTimeField(null=True, blank=True)
    tweede_beoordelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    uitgevoerd_op = models.DateTimeField(null=True, blank=True)
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-aangemaakt_op"]

    def __str__(self) -> str:
        return f"Vernietigingslijst {self.pk} ({self.peildatum:%d-%m-%Y})"


class LijstItem(models.Model):
    """One record on a destruction list: a reference and a label without content."""

    lijst = models.ForeignKey(Vernietigingslijst, on_delete=models.CASCADE, related_name="items")
    soort = models.CharField(max_length=40, choices=Soort.choices)
    object_type = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    label = models.CharField(max_length=100)
    vervaldatum = models.DateField()
    uitgezonderd = models.BooleanField(default=False)
    reden_uitzondering = models.CharField(max_length=500, blank=True)
    vernietigd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["vervaldatum", "id"]
        constraints = [
            models.UniqueConstraint(fields=["lijst", "object_type", "object_id"], name="lijstitem_uniek"),
        ]

    def __str__(self) -> str:
        return self.label


class Vernietigingsverslag(models.Model):
    """What was destroyed, without content: how many of what, which list, who approved, when."""

    lijst = models.OneToOneField(Vernietigingslijst, on_delete=models.PROTECT, related_name="verslag")
    aantallen = models.JSONField(default=dict)
    uitgezonderd = models.PositiveIntegerField(default=0)
    goedgekeurd_door = models.CharField(max_length=300)
    goedgekeurd_op = models.DateTimeField()
    uitgevoerd_op = models.DateTimeField()

    def __str__(self) -> str:
        return f"Verslag van lijst {self.lijst_id}"
