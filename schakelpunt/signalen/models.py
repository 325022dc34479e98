"""Signalen and what hangs on them: betrokkenen, bijlagen, triage steps, terugkoppeling, aanvullingen, drafts."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from schakelpunt.matching.keys import is_nederland
from schakelpunt.signalen.constants import (
    AfsluitReden,
    Bron,
    Onderbuikgevoel,
    Rol,
    Soort,
    Status,
    TriageActie,
)


class Signaal(models.Model):
    melder = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("melder"), on_delete=models.PROTECT, related_name="signalen"
    )
    # The melder's department at the time of reporting: people move, the signal's origin does not.
    afdeling = models.ForeignKey(
        "accounts.Afdeling",
        verbose_name=_("afdeling"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signalen",
    )
    omschrijving = models.TextField(_("wat heb je gezien"))
    waargenomen_op = models.DateField(_("wanneer"), null=True, blank=True)
    locatie = models.CharField(_("waar"), max_length=300, blank=True)
    indicatoren = models.ManyToManyField(
        "taxonomie.Indicator", verbose_name=_("indicatoren"), blank=True, related_name="signalen"
    )
    fenomenen = models.ManyToManyField(
        "taxonomie.Fenomeen", verbose_name=_("fenomenen"), blank=True, related_name="signalen"
    )
    onderbuikgevoel = models.PositiveSmallIntegerField(
        _("onderbuikgevoel"), choices=Onderbuikgevoel.choices, default=Onderbuikgevoel.DUIDELIJK
    )
    acuut_gevaar = models.BooleanField(_("acuut gevaar"), default=False)
    minderjarigen_betrokken = models.BooleanField(_("minderjarigen betrokken"), default=False)
    bron = models.CharField(_("bron"), max_length=30, choices=Bron.choices, default=Bron.EIGEN_WAARNEMING)
    identiteit_delen = models.BooleanField(_("identiteit mag gedeeld worden met partners"), default=False)

    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.NIEUW)
    # Denormalised for the inbox index: open = not yet handled; prioriteit = urgent*4 + acuut*2 + minderjarig.
    is_open = models.BooleanField(default=True)
    urgent = models.BooleanField(_("opgeschaald"), default=False)
    prioriteit = models.PositiveSmallIntegerField(default=0)
    ontvangen_op = models.DateTimeField(_("ontvangen op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    afgesloten_op = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    afsluitreden = models.CharField(_("afsluitreden"), max_length=40, choices=AfsluitReden.choices, blank=True)
    herinnerd_op = models.DateTimeField(_("herinnering verstuurd op"), null=True, blank=True)
    # Optimistic locking: a triage step names the version it saw, so two people never overwrite each other.
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["-ontvangen_op"]
        indexes = [
            models.Index(fields=["is_open", "-prioriteit", "ontvangen_op", "id"], name="signaal_inbox_idx"),
            models.Index(fields=["afdeling", "is_open", "-prioriteit", "ontvangen_op"], name="signaal_afd_idx"),
            models.Index(fields=["status", "-prioriteit", "ontvangen_op"], name="signaal_status_idx"),
            models.Index(fields=["melder", "-ontvangen_op", "id"], name="signaal_melder_idx"),
        ]

    def __str__(self) -> str:
        return f"Signaal {self.nummer}"

    @property
    def nummer(self) -> str:
        return f"S-{self.pk:06d}" if self.pk else "S-nieuw"

    def bereken_prioriteit(self) -> int:
        return int(self.urgent) * 4 + int(self.acuut_gevaar) * 2 + int(self.minderjarigen_betrokken)


class Betrokkene(models.Model):
    """A person, address, organisation, vehicle or phone number as the melder described it.

    Self-contained on purpose: the subject register resolves it later, this record stays as reported.
    """

    signaal = models.ForeignKey(Signaal, on_delete=models.CASCADE, related_name="betrokkenen")
    rol = models.CharField(_("rol"), max_length=30, choices=Rol.choices, default=Rol.BETROKKENE)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, default=Soort.PERSOON)
    # Persoon
    voornamen = models.CharField(_("voornamen"), max_length=200, blank=True)
    voorvoegsel = models.CharField(_("voorvoegsel"), max_length=30, blank=True)
    geslachtsnaam = models.CharField(_("achternaam"), max_length=200, blank=True)
    geboortejaar = models.PositiveSmallIntegerField(_("geboortejaar"), null=True, blank=True)
    geboortemaand = models.PositiveSmallIntegerField(_("geboortemaand"), null=True, blank=True)
    geboortedag = models.PositiveSmallIntegerField(_("geboortedag"), null=True, blank=True)
    geboortedatum_geschat = models.BooleanField(_("geboortedatum geschat"), default=False)
    bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    # Adres
    straat = models.CharField(_("straat"), max_length=200, blank=True)
    huisnummer = models.PositiveIntegerField(_("huisnummer"), null=True, blank=True)
    huisletter = models.CharField(_("huisletter"), max_length=1, blank=True)
    toevoeging = models.CharField(_("toevoeging"), max_length=10, blank=True)
    postcode = models.CharField(_("postcode"), max_length=12, blank=True)
    woonplaats = models.CharField(_("woonplaats"), max_length=100, blank=True)
    land = models.CharField(_("land"), max_length=60, blank=True, default="Nederland")
    # Organisatie, voertuig, telefoon
    organisatienaam = models.CharField(_("naam organisatie"), max_length=200, blank=True)
    kvk_nummer = models.CharField(_("KvK-nummer"), max_length=8, blank=True)
    kenteken = models.CharField(_("kenteken"), max_length=12, blank=True)
    telefoonnummer = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("betrokkene")
        verbose_name_plural = _("betrokkenen")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.naam or self.organisatienaam or self.kenteken or self.adres_tekst or self.telefoonnummer or "?"

    @property
    def log_key(self) -> str:
        """The pseudonymous key under which the access log records this person concerned."""
        return f"betrokkene:{self.pk}"

    @classmethod
    def log_keys(cls, signaal_id: int) -> list[str]:
        """The log keys of a signal's betrokkenen, without loading the rows."""
        return [cls(pk=pk).log_key for pk in cls.objects.filter(signaal_id=signaal_id).values_list("pk", flat=True)]

    @property
    def naam(self) -> str:
        parts = [self.voornamen, self.voorvoegsel, self.geslachtsnaam]
        return " ".join(p for p in parts if p)

    @property
    def geboortedatum_tekst(self) -> str:
        if not self.geboortejaar:
            return ""
        parts = [str(self.geboortejaar)]
        if self.geboortemaand:
            parts.append(f"{self.geboortemaand:02d}")
            if self.geboortedag:
                parts.append(f"{self.geboortedag:02d}")
        text = "-".join(parts)
        return f"{text} (geschat)" if self.geboortedatum_geschat else text

    @property
    def adres_tekst(self) -> str:
        nummer = f"{self.huisnummer or ''}{self.huisletter}{'-' + self.toevoeging if self.toevoeging else ''}"
        regel1 = " ".join(p for p in [self.straat, nummer] if p)
        regel2 = " ".join(p for p in [self.postcode, self.woonplaats] if p)
        land = "" if is_nederland(self.land) else self.land
        return ", ".join(p for p in [regel1, regel2, land] if p)


def _bijlage_pad(instance, filename: str) -> str:
    # The stored name is random: the original name is data, never a path.
    return f"signalen/{uuid.uuid4().hex}{PurePosixPath(filename).suffix.lower()[:8]}"


class Bijlage(models.Model):
    signaal = models.ForeignKey(Signaal, on_delete=models.CASCADE, related_name="bijlagen")
    bestand = models.FileField(upload_to=_bijlage_pad, max_length=200)
    oorspronkelijke_naam = models.CharField(_("bestandsnaam"), max_length=200)
    content_type = models.CharField(max_length=100)
    grootte = models.PositiveIntegerField()
    toegevoegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    toegevoegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.oorspronkelijke_naam


class TriageStap(models.Model):
    """One decision of the aandachtsfunctionaris with its rationale, kept for good."""

    signaal = models.ForeignKey(Signaal, on_delete=models.CASCADE, related_name="triagestappen")
    actie = models.CharField(_("actie"), max_length=30, choices=TriageActie.choices)
    rationale = models.TextField(_("onderbouwing"))
    van_status = models.CharField(max_length=30, choices=Status.choices)
    naar_status = models.CharField(max_length=30, choices=Status.choices)
    vraag = models.TextField(_("vraag aan de melder"), blank=True)
    afsluitreden = models.CharField(_("afsluitreden"), max_length=40, choices=AfsluitReden.choices, blank=True)
    genotificeerd = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    tijdstip = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("triagestap")
        verbose_name_plural = _("triagestappen")
        ordering = ["tijdstip", "id"]

    def __str__(self) -> str:
        return f"{self.get_actie_display()} ({self.signaal_id})"


class Terugkoppeling(models.Model):
    signaal = models.ForeignKey(Signaal, on_delete=models.CASCADE, related_name="terugkoppelingen")
    triagestap = models.OneToOneField(
        TriageStap, null=True, blank=True, on_delete=models.SET_NULL, related_name="terugkoppeling"
    )
    tekst = models.TextField(_("bericht aan de melder"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verzonden_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("terugkoppeling")
        verbose_name_plural = _("terugkoppelingen")
        ordering = ["verzonden_op", "id"]

    def __str__(self) -> str:
        return f"Terugkoppeling op signaal {self.signaal_id}"


class Aanvulling(models.Model):
    """Information the melder (or the meldpunt) added later, e.g. the answer to a question."""

    signaal = models.ForeignKey(Signaal, on_delete=models.CASCADE, related_name="aanvullingen")
    tekst = models.TextField(_("aanvulling"))
    is_antwoord = models.BooleanField(default=False)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    tijdstip = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("aanvulling")
        verbose_name_plural = _("aanvullingen")
        ordering = ["tijdstip", "id"]

    def __str__(self) -> str:
        return f"Aanvulling op signaal {self.signaal_id}"


class Concept(models.Model):
    """The server-side draft of the report form: one per user, kept across sessions."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signaal_concept")
    data = models.JSONField(default=dict)
    bijgewerkt_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("concept")
        verbose_name_plural = _("concepten")

    def __str__(self) -> str:
        return f"Concept van {self.user_id}"


class IdempotencyKey(models.Model):
    """A retried API call with the same key returns the first result instead of a second signal."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)
    request_hash = models.CharField(max_length=64)
    signaal = models.ForeignKey(Signaal, on_delete=models.CASCADE, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="unique_idempotency_key")]

    def __str__(self) -> str:
        return self.key
