"""Inzicht's own data: trend notes ("wat speelt er") and the leerlijn. No personal data of subjects."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Trendnotitie(models.Model):
    """A short note by the aandachtsfunctionaris on what is going on in the city and what to watch."""

    titel = models.CharField(_("titel"), max_length=200)
    tekst = models.TextField(_("tekst"), max_length=4000)
    fenomenen = models.ManyToManyField("taxonomie.Fenomeen", blank=True, verbose_name=_("fenomenen"))
    indicatoren = models.ManyToManyField("taxonomie.Indicator", blank=True, verbose_name=_("indicatoren"))
    bron = models.CharField(_("bron"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: casusoverleg van maart."))
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), auto_now_add=True, db_index=True)
    actueel_tot = models.DateField(_("actueel tot"))
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-gepubliceerd_op", "-id"]
        verbose_name = _("trendnotitie")
        verbose_name_plural = _("trendnotities")

    def __str__(self) -> str:
        return self.titel


class TrendVolger(models.Model):
    """Per user: when they last looked at the trend notes, and whether they get the digest by e-mail."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trendvolger")
    laatst_gezien = models.DateTimeField(null=True, blank=True)
    digest = models.BooleanField(_("maandelijks overzicht per e-mail"), default=False)
    digest_verstuurd_op = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"trendvolger {self.user_id}"


class Module(models.Model):
    """One module of the leerlijn: content the beheerder edits, not code."""

    slug = models.SlugField(unique=True)
    titel = models.CharField(_("titel"), max_length=200)
    samenvatting = models.CharField(_("samenvatting"), max_length=300)
    inhoud = models.TextField(_("inhoud"), max_length=10000, help_text=_("Alinea's gescheiden door een witregel."))
    oefencasus = models.TextField(_("oefencasus (fictief)"), max_length=4000, blank=True)
    indicatoren = models.ManyToManyField(
        "taxonomie.Indicator", blank=True, verbose_name=_("indicatoren in de wegwijzer")
    )
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    actief = models.BooleanField(_("actief"), default=True)
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["volgorde", "id"]
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def __str__(self) -> str:
        return self.titel


class Vraag(models.Model):
    """A self-check question of a module: one right answer among the options, with an explanation."""

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="vragen")
    tekst = models.CharField(_("vraag"), max_length=500)
    opties = models.JSONField(_("antwoorden"), default=list)
    juist = models.PositiveSmallIntegerField(_("juiste antwoord (nummer, vanaf 0)"))
    uitleg = models.TextField(_("uitleg"), max_length=2000)
    volgorde = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["volgorde", "id"]

    def __str__(self) -> str:
        return self.tekst


class Voortgang(models.Model):
    """A professional's own progress: a module counts as done when every self-check was answered right."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="leerlijn_voortgang")
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="voortgang")
    afgerond_op = models.DateTimeField(null=True, blank=True)
    pogingen = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "module"], name="voortgang_uniek")]

    def __str__(self) -> str:
        return f"voortgang {self.user_id} {self.module_id}"


# --- Pre-aggregated counts (tellingen.py, ADR 0018) -------------------------------------------------
# Keys, not relations: a count outlives nothing and protects nothing. Kept in the transaction of
# every write that changes them; `manage.py inzicht_tellingen` rebuilds them from the source.


class SignaalTelling(models.Model):
    """Signals received in a month, per afdeling and per band of first triage and first terugkoppeling."""

    maand = models.DateField()  # the first day of the month, local time
    afdeling_pk = models.IntegerField()  # 0: geen afdeling
    triage = models.PositiveSmallIntegerField()  # 0 within the term, 1 after it, 2 not yet
    terugkoppeling = models.PositiveSmallIntegerField()  # the same bands
    aantal = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["maand", "afdeling_pk", "triage", "terugkoppeling"], name="signaaltelling_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.maand:%Y-%m} afdeling {self.afdeling_pk}: {self.aantal}"


class FenomeenTelling(models.Model):
    """Signal-fenomeen links per month, under the main fenomeen (a sub-fenomeen counts under its parent)."""

    maand = models.DateField()
    fenomeen_pk = models.IntegerField()
    aantal = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["maand", "fenomeen_pk"], name="fenomeentelling_uniek")]

    def __str__(self) -> str:
        return f"{self.maand:%Y-%m} fenomeen {self.fenomeen_pk}: {self.aantal}"


class PersoonTelling(models.Model):
    """Links of a person to signals received in a month: one row per month and person, removed at zero,
    so the rows of a month are the distinct persons of that month."""

    maand = models.DateField()
    persoon_pk = models.IntegerField()
    aantal = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["maand", "persoon_pk"], name="persoontelling_uniek")]

    def __str__(self) -> str:
        return f"{self.maand:%Y-%m} persoon {self.persoon_pk}: {self.aantal}"
