"""The casus and everything that hangs on it: phases (as data), participants, signals, subjects,
decisions, the timeline, and the work of steps 2 to 5 (uitvraag, quickscan, plan, actions,
evaluation, monitoring)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from schakelpunt.casussen.constants import (
    ActieStatus,
    BesluitSoort,
    EvaluatieUitkomst,
    GebeurtenisSoort,
    MeldenUitkomst,
    Partner,
    PlanStatus,
    SubjectBron,
    UitvraagStatus,
)

USER = settings.AUTH_USER_MODEL

# --- Phases as data -------------------------------------------------------------------------


class Fase(models.Model):
    """One step of the CCV approach or an end state; seeded by a data migration, read by the code."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    stap = models.PositiveSmallIntegerField(
        _("stap"), null=True, blank=True, help_text=_("1 tot 5; leeg voor een eindtoestand")
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    norm_dagen = models.PositiveIntegerField(_("normtijd in dagen"), null=True, blank=True)
    # Step 1 is "nog niet een stap": leaving it is never blocked by its checklist.
    heeft_poort = models.BooleanField(_("verplichte punten blokkeren de volgende fase"), default=True)
    is_eindtoestand = models.BooleanField(_("eindtoestand"), default=False)
    is_open = models.BooleanField(_("casus is nog in behandeling"), default=True)

    class Meta:
        verbose_name = _("fase")
        verbose_name_plural = _("fasen")
        ordering = ["volgorde"]

    def __str__(self) -> str:
        return f"{self.stap}. {self.naam}" if self.stap else self.naam


class ChecklistItem(models.Model):
    fase = models.ForeignKey(Fase, on_delete=models.CASCADE, related_name="checklist")
    code = models.SlugField(max_length=60)
    tekst = models.CharField(_("tekst"), max_length=300)
    verplicht = models.BooleanField(_("verplicht"), default=False)
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("checklistpunt")
        verbose_name_plural = _("checklistpunten")
        ordering = ["fase__volgorde", "volgorde", "id"]
        constraints = [models.UniqueConstraint(fields=["fase", "code"], name="checklist_fase_code_uniek")]

    def __str__(self) -> str:
        return self.tekst


class FaseOvergang(models.Model):
    """The one table of allowed phase changes (Signalen's ALLOWED_STATUS_CHANGES, as data)."""

    van = models.ForeignKey(Fase, on_delete=models.CASCADE, related_name="overgangen")
    naar = models.ForeignKey(Fase, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("toegestane faseovergang")
        verbose_name_plural = _("toegestane faseovergangen")
        constraints = [models.UniqueConstraint(fields=["van", "naar"], name="faseovergang_uniek")]

    def __str__(self) -> str:
        return f"{self.van} → {self.naar}"


# --- The casus ------------------------------------------------------------------------------


class Casus(models.Model):
    titel = models.CharField(_("titel"), max_length=200)
    samenvatting = models.TextField(_("samenvatting"), blank=True)
    regievoerder = models.ForeignKey(USER, verbose_name=_("regievoerder"), on_delete=models.PROTECT, related_name="+")
    fase = models.ForeignKey(Fase, verbose_name=_("fase"), on_delete=models.PROTECT, related_name="casussen")
    fase_sinds = models.DateTimeField(_("in deze fase sinds"))
    # Denormalised from the phase's norm time so the list can flag overdue casussen in the query.
    fase_deadline = models.DateTimeField(_("normtijd verloopt op"), null=True, blank=True)
    fenomeen = models.ForeignKey(
        "taxonomie.Fenomeen",
        verbose_name=_("fenomeen"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    aangemaakt_door = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(_("geopend op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    afgesloten_op = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    # The read-only summary for bestuur: written by the regievoerder, without personal data.
    bestuur_delen = models.BooleanField(_("samenvatting delen met bestuur"), default=False)
    bestuur_samenvatting = models.TextField(_("samenvatting voor bestuur (zonder persoonsgegevens)"), blank=True)
    # Optimistic locking: every form names the version it saw; a stale save is a conflict.
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")
        ordering = ["-aangemaakt_op"]
        indexes = [
            models.Index(fields=["-aangemaakt_op", "id"], name="casus_lijst_idx"),
            models.Index(fields=["regievoerder", "-aangemaakt_op"], name="casus_regie_idx"),
            models.Index(fields=["fase", "fase_deadline"], name="casus_fase_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.nummer} {self.titel}"

    @property
    def nummer(self) -> str:
        return f"C-{self.pk:05d}" if self.pk else "C-nieuw"


class ChecklistAfvinking(models.Model):
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="afvinkingen")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="+")
    door = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    tijdstip = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["casus", "item"], name="afvinking_uniek")]

    def __str__(self) -> str:
        return f"{self.item} ({self.casus_id})"


class Deelnemer(models.Model):
    """An invited participant. Removal sets `verwijderd_op`: access ends at once, history stays."""

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="deelnemers")
    user = models.ForeignKey(
        USER, verbose_name=_("deelnemer"), on_delete=models.PROTECT, related_name="casus_deelnames"
    )
    # Where a partner organisation takes part, the partner is named and this user answers for it.
    partner = models.CharField(_("namens partner"), max_length=30, choices=Partner.choices, blank=True)
    toegevoegd_door = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    toegevoegd_op = models.DateTimeField(auto_now_add=True)
    verwijderd_door = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    verwijderd_op = models.DateTimeField(null=True, blank=True)
    reden_verwijderd = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        ordering = ["toegevoegd_op", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["casus", "user"], condition=Q(verwijderd_op__isnull=True), name="deelnemer_actief_uniek"
            )
        ]
        indexes = [
            models.Index(fields=["user", "casus"], name="deelnemer_user_idx", condition=Q(verwijderd_op__isnull=True))
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.casus_id}"

    @property
    def actief(self) -> bool:
        return self.verwijderd_op is None


class CasusSignaal(models.Model):
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="casus_signalen")
    signaal = models.ForeignKey("signalen.Signaal", on_delete=models.PROTECT, related_name="casus_koppelingen")
    toegevoegd_door = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    toegevoegd_op = models.DateTimeField(auto_now_add=True)
    heropend_reden = models.CharField(_("reden van heropenen"), max_length=500, blank=True)

    class Meta:
        ordering = ["toegevoegd_op", "id"]
        constraints = [models.UniqueConstraint(fields=["casus", "signaal"], name="casussignaal_uniek")]

    def __str__(self) -> str:
        return f"{self.signaal_id} in {self.casus_id}"


class CasusSubject(models.Model):
    """A person the casus holds: from a betrokkene of one of its signals, or added from the register."""

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="subjecten")
    persoon = models.ForeignKey("subjecten.Persoon", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    betrokkene = models.ForeignKey(
        "signalen.Betrokkene", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    bron = models.CharField(max_length=20, choices=SubjectBron.choices, default=SubjectBron.SIGNAAL)
    toegevoegd_door = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    toegevoegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(persoon__isnull=False) | Q(betrokkene__isnull=False), name="casussubject_iets"
            ),
            models.UniqueConstraint(
                fields=["casus", "persoon"], condition=Q(persoon__isnull=False), name="casussubject_persoon_uniek"
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def naam(self) -> str:
        target = self.persoon or self.betrokkene
        return str(target) if target else "?"

    @property
    def log_key(self) -> str:
        return self.persoon.log_key if self.persoon_id else f"betrokkene:{self.betrokkene_id}"


# --- Decisions and the timeline -------------------------------------------------------------


class Besluit(models.Model):
    """A decision with its rationale. The two A&O decisions are kinds with their own fields."""

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="besluiten")
    soort = models.CharField(_("soort"), max_length=20, choices=BesluitSoort.choices)
    vraag = models.CharField(_("vraag"), max_length=300)
    opties = models.TextField(_("afgewogen opties"), blank=True)
    overwegingen = models.TextField(_("overwegingen"))
    besluit = models.TextField(_("besluit"))
    # "Gaan we melden?"
    melden = models.CharField(_("melden"), max_length=20, choices=MeldenUitkomst.choices, blank=True)
    melden_partner = models.CharField(_("aan partner"), max_length=30, choices=Partner.choices, blank=True)
    # "Wie heeft de regie?": a person or a partner organisation.
    regie_user = models.ForeignKey(
        USER, verbose_name=_("regie bij"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    regie_partner = models.CharField(_("regie bij partner"), max_length=30, choices=Partner.choices, blank=True)
    geldig_van = models.DateField(_("geldig van"))
    geldig_tot = models.DateField(_("geldig tot"), null=True, blank=True)
    genomen_door = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    genomen_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        ordering = ["-genomen_op", "-id"]
        indexes = [models.Index(fields=["casus", "soort", "-genomen_op"], name="besluit_casus_idx")]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.besluit[:60]}"


class Gebeurtenis(models.Model):
    """One line of the casus timeline. Written by the service that made the change, never by a receiver."""

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="gebeurtenissen")
    soort = models.CharField(max_length=30, choices=GebeurtenisSoort.choices)
    tekst = models.CharField(max_length=500)
    door = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    tijdstip = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        ordering = ["-tijdstip", "-id"]
        indexes = [models.Index(fields=["casus", "-tijdstip", "-id"], name="gebeurtenis_casus_idx")]

    def __str__(self) -> str:
        return self.tekst


# --- Step 2: uitvraag and quickscan ---------------------------------------------------------


class Uitvraag(models.Model):
    """A question to a department or a named colleague about named subjects of the casus."""

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="uitvragen")
    vraag = models.TextField(_("vraag"))
    subjecten = models.ManyToManyField(CasusSubject, verbose_name=_("over"), related_name="uitvragen")
    afdeling = models.ForeignKey("accounts.Afdeling", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    ontvanger = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="uitvragen")
    deadline = models.DateField(_("deadline"))
    status = models.CharField(max_length=20, choices=UitvraagStatus.choices, default=UitvraagStatus.OPEN)
    toelichting_status = models.CharField(_("reden pauze of verlenging"), max_length=300, blank=True)
    gesteld_door = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    gesteld_op = models.DateTimeField(auto_now_add=True)
    herinnerd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("uitvraag")
        verbose_name_plural = _("uitvragen")
        ordering = ["deadline", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(afdeling__isnull=False) | Q(ontvanger__isnull=False), name="uitvraag_ontvanger"
            )
        ]

    def __str__(self) -> str:
        return self.vraag[:60]


class UitvraagAntwoord(models.Model):
    uitvraag = models.ForeignKey(Uitvraag, on_delete=models.CASCADE, related_name="antwoorden")
    tekst = models.TextField(_("antwoord"), blank=True)
    niets_bekend = models.BooleanField(_("niets bekend"), default=False)
    door = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    tijdstip = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["tijdstip", "id"]

    def __str__(self) -> str:
        return "niets bekend" if self.niets_bekend else self.tekst[:60]


class Quickscan(models.Model):
    casus = models.OneToOneField(Casus, on_delete=models.CASCADE, related_name="quickscan")
    probleemdefinitie = models.TextField(_("gezamenlijke probleemdefinitie"))
    probleemeigenaar = models.CharField(_("probleemeigenaar"), max_length=200)
    partners = models.TextField(_("betrokken partners"), blank=True)
    veiligheid = models.TextField(_("veiligheidsvragen (is een kind nu veilig?)"), blank=True)
    verbreden = models.BooleanField(_("verbreden naar een projectaanpak"), default=False)
    verbreden_toelichting = models.TextField(_("toelichting op verbreden"), blank=True)
    door = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    bijgewerkt_op = models.DateTimeField(auto_now=True)
    versie = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"Quickscan {self.casus_id}"


# --- Step 3: plan van aanpak ----------------------------------------------------------------


class PlanVanAanpak(models.Model):
    """One version of the plan; an approved version is never edited, a new version is written."""

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="plannen")
    versie = models.PositiveIntegerField(_("versie"))
    doelen = models.TextField(_("doelen"))
    strategie_zorg = models.TextField(_("strategie: zorg"), blank=True)
    strategie_straf = models.TextField(_("strategie: straf"), blank=True)
    partners_afspraken = models.TextField(_("partners en afspraken"), blank=True)
    programma = models.CharField(_("aansluiting bij lokaal programma"), max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=PlanStatus.choices, default=PlanStatus.CONCEPT)
    opgesteld_door = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    opgesteld_op = models.DateTimeField(auto_now_add=True)
    goedgekeurd_door = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    goedgekeurd_op = models.DateTimeField(null=True, blank=True)
    # Optimistic locking while the concept is edited in place (the version number stays).
    revisie = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("plan van aanpak")
        verbose_name_plural = _("plannen van aanpak")
        ordering = ["casus", "-versie"]
        constraints = [models.UniqueConstraint(fields=["casus", "versie"], name="plan_versie_uniek")]

    def __str__(self) -> str:
        return f"Plan van aanpak v{self.versie}"


# --- Step 4: actions ------------------------------------------------------------------------


class Actie(models.Model):
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="acties")
    titel = models.CharField(_("actie of interventie"), max_length=200)
    doel = models.CharField(_("doel dat het dient"), max_length=300, blank=True)
    eigenaar = models.ForeignKey(
        USER, verbose_name=_("eigenaar"), on_delete=models.PROTECT, related_name="casus_acties"
    )
    partner = models.CharField(_("uitgevoerd door partner"), max_length=30, choices=Partner.choices, blank=True)
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=20, choices=ActieStatus.choices, default=ActieStatus.OPEN)
    resultaat = models.TextField(_("resultaat"), blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    herinnerd_op = models.DateTimeField(null=True, blank=True)
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["deadline", "id"]

    def __str__(self) -> str:
        return self.titel


# --- Step 5: evaluation, monitoring ---------------------------------------------------------


class Evaluatie(models.Model):
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="evaluaties")
    per_doel = models.TextField(_("per doel: hebben de interventies gewerkt?"))
    commitment = models.TextField(_("is het commitment er nog?"), blank=True)
    aanbevelingen = models.TextField(_("aanbevelingen voor beleid"), blank=True)
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=EvaluatieUitkomst.choices)
    door = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    tijdstip = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tijdstip", "-id"]

    def __str__(self) -> str:
        return f"Evaluatie {self.casus_id}"


class Monitoring(models.Model):
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="monitoringen")
    door = models.ForeignKey(USER, verbose_name=_("gemonitord door"), on_delete=models.PROTECT, related_name="+")
    tot = models.DateField(_("tot"))
    opschalen_als = models.TextField(_("wat maakt dat we weer opschalen"))
    herinnerd_op = models.DateTimeField(null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tot", "-id"]

    def __str__(self) -> str:
        return f"Monitoring {self.casus_id} tot {self.tot}"


class CasusSjabloon(models.Model):
    """A standard uitvraag list and set of actions per fenomeen, applied and then adapted."""

    fenomeen = models.ForeignKey("taxonomie.Fenomeen", on_delete=models.CASCADE, related_name="casus_sjablonen")
    naam = models.CharField(max_length=200)
    uitvraag_vragen = models.JSONField(default=list)  # [str]
    acties = models.JSONField(default=list)  # [{"titel": str, "doel": str, "dagen": int}]

    class Meta:
        verbose_name = _("casussjabloon")
        verbose_name_plural = _("casussjablonen")

    def __str__(self) -> str:
        return self.naam
