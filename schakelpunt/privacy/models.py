"""Retention periods per kind of data and outcome, destruction lists, their reports, and legal holds."""

import calendar
import datetime

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


def plus_maanden(datum: datetime.date, maanden: int) -> datetime.date:
    """The same day `maanden` months later; the month's last day where it has no such day (31 Jan + 1 = 28/29 Feb)."""
    jaar, maand = divmod(datum.month - 1 + maanden, 12)
    jaar, maand = datum.year + jaar, maand + 1
    return datetime.date(jaar, maand, min(datum.day, calendar.monthrange(jaar, maand)[1]))


class Verzoek(models.Model):
    """A data-subject request (AVG art. 15, 16, 18) about a person, tracked against its legal deadline.

    The deadline is one month from receipt (art. 12(3)), extendable once by two months with a
    reason. While a request is open, nothing about the person is destroyed (see retention.py).
    """

    class Soort(models.TextChoices):
        INZAGE = "inzage", _("Inzage (AVG art. 15)")
        RECTIFICATIE = "rectificatie", _("Rectificatie (AVG art. 16)")
        BEPERKING = "beperking", _("Beperking van de verwerking (AVG art. 18)")

    class Status(models.TextChoices):
        OPEN = "open", _("In behandeling")
        AFGEHANDELD = "afgehandeld", _("Afgehandeld")

    soort = models.CharField(_("soort verzoek"), max_length=20, choices=Soort.choices)
    persoon = models.ForeignKey("subjecten.Persoon", null=True, on_delete=models.SET_NULL, related_name="+")
    # Kept when the person is destroyed later, so the request's history still names whom it was about.
    persoon_key = models.CharField(max_length=80, db_index=True)
    ontvangen_op = models.DateField(_("ontvangen op"))
    omschrijving = models.TextField(_("omschrijving van het verzoek"), max_length=4000)
    verlengd = models.BooleanField(default=False)
    reden_verlenging = models.CharField(_("reden van verlenging"), max_length=1000, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    # Inzage: names of staff appear in the report only where the privacyfunctionaris decides it is essential.
    namen_tonen = models.BooleanField(_("namen van medewerkers tonen"), default=False)
    reden_namen = models.CharField(_("waarom de namen essentieel zijn"), max_length=1000, blank=True)
    # Beperking (art. 18): granted, the person's data is kept (not destroyed) until the restriction is lifted.
    beperking_actief = models.BooleanField(default=False)
    uitkomst = models.TextField(_("uitkomst"), max_length=4000, blank=True)
    afgehandeld_op = models.DateTimeField(null=True, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["status", "ontvangen_op", "id"]
        verbose_name = _("verzoek van een betrokkene")
        verbose_name_plural = _("verzoeken van betrokkenen")

    def __str__(self) -> str:
        return f"Verzoek {self.pk} ({self.get_soort_display()})"

    @property
    def nummer(self) -> str:
        return f"V-{self.pk:05d}"

    @property
    def uiterste_datum(self):
        """One month from receipt; three months when extended (AVG art. 12(3))."""
        return plus_maanden(self.ontvangen_op, 3 if self.verlengd else 1)

    def te_laat(self, vandaag: datetime.date) -> bool:
        return self.status == self.Status.OPEN and vandaag > self.uiterste_datum


class Inhouding(models.Model):
    """One item of an inzage report withheld under UAVG art. 41, with the reason and a review date."""

    verzoek = models.ForeignKey(Verzoek, on_delete=models.CASCADE, related_name="inhoudingen")
    item = models.CharField(max_length=80)  # e.g. "signaal:12", "verstrekking:3", "log:981"
    reden = models.CharField(_("reden (UAVG art. 41)"), max_length=1000)
    beoordelen_op = models.DateField(_("opnieuw beoordelen op"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["beoordelen_op", "id"]
        constraints = [models.UniqueConstraint(fields=["verzoek", "item"], name="inhouding_uniek")]

    def __str__(self) -> str:
        return f"inhouding {self.item}"
