"""A casusoverleg, its agenda items with their own participants, attendance, and the verslag."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from schakelpunt.overleggen.constants import OverlegSoort, OverlegStatus

USER = settings.AUTH_USER_MODEL


class Overleg(models.Model):
    Soort = OverlegSoort
    Status = OverlegStatus

    titel = models.CharField(_("titel"), max_length=120, help_text=_("Neutraal: geen namen of casustitels."))
    soort = models.CharField(max_length=20, choices=Soort.choices, default=Soort.REGULIER)
    reeks = models.CharField(_("reeks"), max_length=120, blank=True)
    begin = models.DateTimeField(_("begin"))
    einde = models.DateTimeField(_("einde"))
    locatie = models.CharField(_("plaats of videolink"), max_length=300, blank=True)
    voorzitter = models.ForeignKey(USER, verbose_name=_("voorzitter"), on_delete=models.PROTECT, related_name="+")
    notulist = models.ForeignKey(USER, verbose_name=_("notulist"), on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.GEPLAND)
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    wat_speelt_er = models.TextField(_("wat speelt er (dilemma's en trends)"), blank=True, max_length=8000)
    gesloten_op = models.DateTimeField(null=True, blank=True)
    heropend_reden = models.CharField(max_length=500, blank=True)
    herinnerd_op = models.DateTimeField(null=True, blank=True)
    aangemaakt_door = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-begin", "-id"]
        verbose_name = _("casusoverleg")
        verbose_name_plural = _("casusoverleggen")

    def __str__(self) -> str:
        return f"{self.titel} ({self.begin:%d-%m-%Y %H:%M})"


class Agendapunt(models.Model):
    overleg = models.ForeignKey(Overleg, on_delete=models.CASCADE, related_name="agendapunten")
    casus = models.ForeignKey("casussen.Casus", on_delete=models.PROTECT, related_name="agendapunten")
    volgorde = models.PositiveSmallIntegerField(default=0)
    notities = models.TextField(_("notities"), blank=True, max_length=8000)
    besluit_melden = models.ForeignKey(
        "casussen.Besluit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    besluit_regie = models.ForeignKey(
        "casussen.Besluit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    vergrendeld = models.BooleanField(default=False)
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["volgorde", "id"]
        constraints = [models.UniqueConstraint(fields=["overleg", "casus"], name="agendapunt_uniek")]

    def __str__(self) -> str:
        return f"agendapunt {self.pk}"

    @property
    def besloten(self) -> bool:
        return bool(self.besluit_melden_id and self.besluit_regie_id)


class Genodigde(models.Model):
    """An invited participant: sees only the agenda items they are on."""

    overleg = models.ForeignKey(Overleg, on_delete=models.CASCADE, related_name="genodigden")
    user = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="overleg_uitnodigingen")
    agendapunten = models.ManyToManyField(Agendapunt, blank=True, related_name="genodigden")
    aanwezig = models.BooleanField(null=True, blank=True)
    uitgenodigd_op = models.DateTimeField(auto_now_add=True)
    verwijderd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["overleg", "user"], name="genodigde_uniek")]

    def __str__(self) -> str:
        return f"genodigde {self.user_id} ({self.overleg_id})"


class Verslag(models.Model):
    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        VASTGESTELD = "vastgesteld", _("Vastgesteld")

    overleg = models.OneToOneField(Overleg, on_delete=models.CASCADE, related_name="verslag")
    tekst = models.TextField(max_length=40000)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONCEPT)
    vastgesteld_door = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    vastgesteld_op = models.DateTimeField(null=True, blank=True)
    versie = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"verslag {self.overleg_id}"
