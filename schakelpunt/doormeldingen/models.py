"""Ketenpartners with their legal bases, referrals (doormeldingen), download links and the register of disclosures."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from schakelpunt.doormeldingen.constants import Kanaal, Markering, Status

USER = settings.AUTH_USER_MODEL


class Grondslag(models.Model):
    """A legal basis that may be named for a disclosure, with its article reference."""

    code = models.SlugField(unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    artikel = models.CharField(_("artikel"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("grondslag")
        verbose_name_plural = _("grondslagen")

    def __str__(self) -> str:
        return f"{self.naam} ({self.artikel})"


class Ketenpartner(models.Model):
    """A partner organisation: its contact details, the bases usable towards it, the highest marking allowed."""

    code = models.SlugField(_("code"), unique=True, help_text=_("Zoals in de besluiten van een casus, bv. politie."))
    naam = models.CharField(_("naam"), max_length=200)
    contact_naam = models.CharField(_("contactpersoon of functie"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mailadres voor de kennisgeving"), blank=True)
    contact_telefoon = models.CharField(_("telefoon (voor de eenmalige code)"), max_length=40, blank=True)
    grondslagen = models.ManyToManyField(Grondslag, verbose_name=_("toegestane grondslagen"), blank=True)
    max_markering = models.CharField(
        _("ruimste toegestane markering"), max_length=20, choices=Markering.choices, default=Markering.AMBER_STRICT
    )
    actief = models.BooleanField(_("actief"), default=True)
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("ketenpartner")
        verbose_name_plural = _("ketenpartners")

    def __str__(self) -> str:
        return self.naam


class Doormelding(models.Model):
    partner = models.ForeignKey(Ketenpartner, on_delete=models.PROTECT, related_name="doormeldingen")
    grondslag = models.ForeignKey(Grondslag, on_delete=models.PROTECT, related_name="+")
    verwerking = models.CharField(_("verwerkingsactiviteit"), max_length=200)
    reden = models.TextField(_("reden"), max_length=4000)
    casus = models.ForeignKey(
        "casussen.Casus", null=True, blank=True, on_delete=models.SET_NULL, related_name="doormeldingen"
    )
    signaal = models.ForeignKey(
        "signalen.Signaal", null=True, blank=True, on_delete=models.SET_NULL, related_name="doormeldingen"
    )
    markering = models.CharField(_("markering"), max_length=20, choices=Markering.choices)
    bron_niet_noemen = models.BooleanField(_("bron (melder en afdeling) niet noemen"), default=True)
    toegestaan_gebruik = models.TextField(_("wat de partner ermee mag doen"), max_length=2000)
    geldig_tot = models.DateField(_("markering geldt tot"))
    # Exactly what was selected: {"personen": {id: [fields]}, "signalen": {id: [fields]}, "bijlagen": [ids]}
    selectie = models.JSONField(default=dict)
    # The frozen document as the partner receives it (JSON), its hash, and the PDF's hash.
    document = models.JSONField(null=True, blank=True)
    document_hash = models.CharField(max_length=64, blank=True)
    pdf_hash = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONCEPT)
    kanaal = models.CharField(max_length=20, choices=Kanaal.choices, blank=True)
    aangemaakt_door = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    verstuurd_door = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    verstuurd_rol = models.CharField(max_length=40, blank=True)
    verstuurd_op = models.DateTimeField(null=True, blank=True)
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-aangemaakt_op", "-id"]
        verbose_name = _("doormelding")
        verbose_name_plural = _("doormeldingen")

    def __str__(self) -> str:
        return f"{self.nummer} aan {self.partner}"

    @property
    def nummer(self) -> str:
        return f"D-{self.pk:05d}" if self.pk else "D-nieuw"


class Opvolging(models.Model):
    """A status change with the partner's feedback; it reaches the casus timeline."""

    doormelding = models.ForeignKey(Doormelding, on_delete=models.CASCADE, related_name="opvolgingen")
    status = models.CharField(max_length=20, choices=Status.choices)
    terugkoppeling_partner = models.TextField(_("terugkoppeling van de partner"), max_length=4000, blank=True)
    # The sanitised message for the melder(s), sent only when the aandachtsfunctionaris approved it.
    bericht_melder = models.TextField(_("bericht aan de melder"), max_length=2000, blank=True)
    door = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    tijdstip = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["tijdstip", "id"]

    def __str__(self) -> str:
        return f"{self.doormelding_id}: {self.status}"


class Downloadlink(models.Model):
    """A time-limited link that also needs a one-time code given by another channel. Stored hashed."""

    doormelding = models.ForeignKey(Doormelding, on_delete=models.CASCADE, related_name="links")
    token_hash = models.CharField(max_length=64, unique=True)
    code_hash = models.CharField(max_length=64)
    verloopt_op = models.DateTimeField()
    gebruikt_op = models.DateTimeField(null=True, blank=True)
    mislukte_pogingen = models.PositiveSmallIntegerField(default=0)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"link {self.pk} ({self.doormelding_id})"


class Verstrekking(models.Model):
    """The register of disclosures: one entry per person concerned per referral (AVG art. 15 and 19)."""

    doormelding = models.ForeignKey(Doormelding, on_delete=models.PROTECT, related_name="verstrekkingen")
    persoon = models.ForeignKey("subjecten.Persoon", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    persoon_key = models.CharField(max_length=80, db_index=True)
    door = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    rol = models.CharField(max_length=40)
    partner = models.CharField(max_length=200)
    contact = models.CharField(max_length=300, blank=True)
    tijdstip = models.DateTimeField()
    velden = models.JSONField(default=list)
    document_hash = models.CharField(max_length=64)
    grondslag = models.CharField(max_length=400)
    verwerking = models.CharField(max_length=200)
    markering = models.CharField(max_length=20)
    kanaal = models.CharField(max_length=20)

    class Meta:
        ordering = ["-tijdstip", "-id"]
        verbose_name = _("verstrekking")
        verbose_name_plural = _("verstrekkingen")

    def __str__(self) -> str:
        return f"{self.persoon_key} aan {self.partner}"


class Herstelmelding(models.Model):
    """AVG art. 19: a task to tell a recipient that data they received was corrected or erased."""

    verstrekking = models.ForeignKey(Verstrekking, on_delete=models.PROTECT, related_name="herstelmeldingen")
    reden = models.CharField(_("wat er veranderde"), max_length=500)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    afgehandeld_door = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    afgehandeld_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["afgehandeld_op", "-aangemaakt_op"]

    def __str__(self) -> str:
        return f"herstelmelding {self.pk}"
