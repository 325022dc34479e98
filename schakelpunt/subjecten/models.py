"""The subject register: who and what signals are about, how they relate, and how records were linked.

Stable names (other parts build on them; change them only together):

Subjects
    ``Persoon``          a natural person as the meldpunt knows them. ``samengevoegd_in`` points to
                         the surviving person after a merge (the merged record stays, inactive, so a
                         merge can be undone); ``woonadres`` is the last known residential address
                         (denormalised from the newest "woont op" relation, used for matching);
                         ``import_ref`` is the key of a person migrated by ``import_persons``.
    ``Adres``            an address; ``sleutel`` is its exact key (postcode + huisnummer + huisletter +
                         toevoeging for Dutch addresses), unique when set.
    ``Organisatie``      an organisation; ``kvk_nummer`` unique when set.
    ``Voertuig``         a vehicle by its ``kenteken`` (normalised, unique).
    ``Telefoonnummer``   a phone number reported on its own (normalised, unique).
    ``Relatie``          a stated relation between two subjects (``soort`` in ``RelatieSoort``), from a
                         ``van_*`` subject (persoon or organisatie) to a ``naar_*`` subject, with its
                         source (``bron``: signaal / import / gebruiker) and period (``geldig_van`` /
                         ``geldig_tot``). "ouder" reads: van_persoon is ouder van naar_persoon.

Linking and matching
    ``BetrokkeneKoppeling``  one per signalen.Betrokkene: the subject(s) it was resolved to, how
                             (``methode``) and, for probabilistic links, the engine's score and reasons.
    ``PersoonSleutel``       the matching engine's blocking keys of a person, one row per key,
                             indexed on ``sleutel``: candidate lookup is ``WHERE sleutel IN (...)``.
    ``MogelijkeMatch``       a grey-zone candidate (``persoon`` probably is ``kandidaat``) for the
                             aandachtsfunctionaris to confirm or reject, with score and explanation.
    ``Samenvoeging``         a merge (``samenvoegen``: ``bron`` into ``doel``) or a split
                             (``afsplitsen``), with who, why, when and exactly what moved
                             (``verplaatst``), so that it can be undone.

Samenloop and sight
    ``SamenloopAlert``   signals from several departments (or many signals) about one person, address
                         or family network within the configured period; open until handled.
    ``SubjectInzage``    an explicit grant that lets one user (e.g. a casus deelnemer) see one person.
    ``CombineerVerzoek`` a request from such a user to the meldpunt to combine what is known.

Nothing here scores a person: a score is only ever about whether two records describe the same one.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from schakelpunt.matching.keys import is_nederland


class Bron(models.TextChoices):
    SIGNAAL = "signaal", _("Signaal")
    IMPORT = "import", _("Import")
    GEBRUIKER = "gebruiker", _("Gebruiker")


class Geslacht(models.TextChoices):
    MAN = "m", _("Man")
    VROUW = "v", _("Vrouw")
    ANDERS = "x", _("Anders / onbekend")


class Adres(models.Model):
    straat = models.CharField(_("straat"), max_length=200, blank=True)
    huisnummer = models.PositiveIntegerField(_("huisnummer"), null=True, blank=True)
    huisletter = models.CharField(_("huisletter"), max_length=1, blank=True)
    toevoeging = models.CharField(_("toevoeging"), max_length=10, blank=True)
    postcode = models.CharField(_("postcode"), max_length=12, blank=True)
    woonplaats = models.CharField(_("woonplaats"), max_length=100, blank=True)
    # An ISO 3166 code ("NL", "BE") when known, otherwise the country as written.
    land = models.CharField(_("land"), max_length=60, default="NL")
    # The exact key, e.g. "NL|1234AB|12|A|BIS"; empty when the address is too vague to identify.
    sleutel = models.CharField(max_length=160, blank=True)
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices, default=Bron.SIGNAAL)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("adres")
        verbose_name_plural = _("adressen")
        constraints = [
            models.UniqueConstraint(fields=["sleutel"], condition=~Q(sleutel=""), name="adres_sleutel_uniek"),
        ]

    def __str__(self) -> str:
        return self.tekst or f"Adres {self.pk}"

    @property
    def log_key(self) -> str:
        return f"adres:{self.pk}"

    @property
    def tekst(self) -> str:
        nummer = f"{self.huisnummer or ''}{self.huisletter}{'-' + self.toevoeging if self.toevoeging else ''}"
        regel1 = " ".join(p for p in [self.straat, nummer] if p)
        regel2 = " ".join(p for p in [self.postcode, self.woonplaats] if p)
        land = "" if is_nederland(self.land) else self.land
        return ", ".join(p for p in [regel1, regel2, land] if p)


class Persoon(models.Model):
    voornamen = models.CharField(_("voornamen"), max_length=200, blank=True)
    voorvoegsel = models.CharField(_("voorvoegsel"), max_length=30, blank=True)
    geslachtsnaam = models.CharField(_("geslachtsnaam"), max_length=200, blank=True)
    # Other names this person is known by: a list of strings ("Mo Amrani", "Johnny").
    aliassen = models.JSONField(_("aliassen"), default=list, blank=True)
    geboortejaar = models.PositiveSmallIntegerField(_("geboortejaar"), null=True, blank=True)
    geboortemaand = models.PositiveSmallIntegerField(_("geboortemaand"), null=True, blank=True)
    geboortedag = models.PositiveSmallIntegerField(_("geboortedag"), null=True, blank=True)
    geboortedatum_geschat = models.BooleanField(_("geboortedatum geschat"), default=False)
    geslacht = models.CharField(_("geslacht"), max_length=1, choices=Geslacht.choices, blank=True)
    bsn = models.CharField(_("BSN"), max_length=9, blank=True, db_index=True)
    nationaliteit = models.CharField(_("nationaliteit"), max_length=60, blank=True)
    # Normalised numbers (e.g. "+31612345678"); the engine compares them.
    telefoonnummers = models.JSONField(_("telefoonnummers"), default=list, blank=True)
    woonadres = models.ForeignKey(
        Adres,
        verbose_name=_("laatst bekend woonadres"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The matching engine's prepared form of the fields above (engine.to_profile), written with the
    # blocking keys, so that a lookup need not normalise its candidates again; derived data only.
    matchprofiel = models.TextField(_("matchprofiel"), blank=True, default="", editable=False)
    import_ref = models.CharField(_("importreferentie"), max_length=100, blank=True, db_index=True)
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices, default=Bron.SIGNAAL)
    samengevoegd_in = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="samengevoegde_personen"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    bijgewerkt_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")

    def __str__(self) -> str:
        return self.naam or f"Persoon {self.pk}"

    @property
    def log_key(self) -> str:
        """The pseudonymous key under which the access log records this person."""
        return f"persoon:{self.pk}"

    @property
    def actief(self) -> bool:
        return self.samengevoegd_in_id is None

    @property
    def naam(self) -> str:
        return " ".join(p for p in [self.voornamen, self.voorvoegsel, self.geslachtsnaam] if p)

    @property
    def geboortedatum_tekst(self) -> str:
        if not self.geboortejaar:
            return ""
        text = f"{self.geboortejaar:04d}"
        if self.geboortemaand and not self.geboortedatum_geschat:
            text += f"-{self.geboortemaand:02d}"
            if self.geboortedag:
                text += f"-{self.geboortedag:02d}"
        return f"ca. {text}" if self.geboortedatum_geschat else text


class Organisatie(models.Model):
    naam = models.CharField(_("naam"), max_length=200, blank=True)
    kvk_nummer = models.CharField(_("KvK-nummer"), max_length=8, blank=True)
    # Lower case, without legal form and punctuation: the key for organisations without KvK-nummer.
    naam_sleutel = models.CharField(max_length=200, blank=True, db_index=True)
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices, default=Bron.SIGNAAL)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        constraints = [
            models.UniqueConstraint(fields=["kvk_nummer"], condition=~Q(kvk_nummer=""), name="organisatie_kvk_uniek"),
        ]

    def __str__(self) -> str:
        return self.naam or self.kvk_nummer or f"Organisatie {self.pk}"

    @property
    def log_key(self) -> str:
        return f"organisatie:{self.pk}"


class Voertuig(models.Model):
    kenteken = models.CharField(_("kenteken"), max_length=12, unique=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("voertuig")
        verbose_name_plural = _("voertuigen")

    def __str__(self) -> str:
        return self.kenteken

    @property
    def log_key(self) -> str:
        return f"voertuig:{self.pk}"


class Telefoonnummer(models.Model):
    nummer = models.CharField(_("telefoonnummer"), max_length=20, unique=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("telefoonnummer")
        verbose_name_plural = _("telefoonnummers")

    def __str__(self) -> str:
        return self.nummer

    @property
    def log_key(self) -> str:
        return f"telefoon:{self.pk}"


class RelatieSoort(models.TextChoices):
    OUDER = "ouder", _("ouder van")
    BROER_ZUS = "broer_zus", _("broer/zus van")
    PARTNER = "partner", _("partner van")
    FAMILIE = "familie", _("familie van")
    HUISGENOOT = "huisgenoot", _("huisgenoot van")
    WOONT_OP = "woont_op", _("woont op")
    WERKT_BIJ = "werkt_bij", _("werkt bij")
    EIGENAAR_VAN = "eigenaar_van", _("eigenaar van")
    VERHUURDER_VAN = "verhuurder_van", _("verhuurder van")
    BESTUURDER_VAN = "bestuurder_van", _("bestuurder van")
    GEVESTIGD_OP = "gevestigd_op", _("gevestigd op")
    GEBRUIKT = "gebruikt", _("gebruikt")
    OVERIG = "overig", _("overige relatie met")


# Relations that make a family network (samenloop "zelfde familienetwerk").
FAMILIE_SOORTEN = frozenset({RelatieSoort.OUDER, RelatieSoort.BROER_ZUS, RelatieSoort.PARTNER, RelatieSoort.FAMILIE})


class Relatie(models.Model):
    soort = models.CharField(_("soort"), max_length=20, choices=RelatieSoort.choices)
    van_persoon = models.ForeignKey(
        Persoon, null=True, blank=True, on_delete=models.CASCADE, related_name="relaties_van"
    )
    van_organisatie = models.ForeignKey(
        Organisatie, null=True, blank=True, on_delete=models.CASCADE, related_name="relaties_van"
    )
    naar_persoon = models.ForeignKey(
        Persoon, null=True, blank=True, on_delete=models.CASCADE, related_name="relaties_naar"
    )
    naar_adres = models.ForeignKey(Adres, null=True, blank=True, on_delete=models.CASCADE, related_name="relaties_naar")
    naar_organisatie = models.ForeignKey(
        Organisatie, null=True, blank=True, on_delete=models.CASCADE, related_name="relaties_naar"
    )
    naar_voertuig = models.ForeignKey(
        Voertuig, null=True, blank=True, on_delete=models.CASCADE, related_name="relaties_naar"
    )
    naar_telefoonnummer = models.ForeignKey(
        Telefoonnummer, null=True, blank=True, on_delete=models.CASCADE, related_name="relaties_naar"
    )
    geldig_van = models.DateField(_("van"), null=True, blank=True)
    geldig_tot = models.DateField(_("tot"), null=True, blank=True)
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices)
    bron_signaal = models.ForeignKey(
        "signalen.Signaal", null=True, blank=True, on_delete=models.SET_NULL, related_name="subject_relaties"
    )
    bron_import = models.CharField(_("importreferentie"), max_length=200, blank=True)
    bron_gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("relatie")
        verbose_name_plural = _("relaties")
        constraints = [
            models.CheckConstraint(
                condition=Q(van_persoon__isnull=False) ^ Q(van_organisatie__isnull=False), name="relatie_een_van"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.van} {self.get_soort_display()} {self.naar}"

    @property
    def van(self):
        return self.van_persoon or self.van_organisatie

    @property
    def naar(self):
        return (
            self.naar_persoon
            or self.naar_adres
            or self.naar_organisatie
            or self.naar_voertuig
            or self.naar_telefoonnummer
        )


class Methode(models.TextChoices):
    BSN = "bsn", _("zelfde BSN")
    SLEUTEL = "sleutel", _("zelfde sleutel")
    WAARSCHIJNLIJK = "waarschijnlijk", _("waarschijnlijk dezelfde persoon")
    NIEUW = "nieuw", _("nieuw subject")
    HANDMATIG = "handmatig", _("door een medewerker bepaald")


class BetrokkeneKoppeling(models.Model):
    """The subject(s) one betrokkene of a signal was resolved to. The betrokkene itself stays as reported."""

    betrokkene = models.OneToOneField("signalen.Betrokkene", on_delete=models.CASCADE, related_name="koppeling")
    signaal = models.ForeignKey("signalen.Signaal", on_delete=models.CASCADE, related_name="subject_koppelingen")
    persoon = models.ForeignKey(Persoon, null=True, blank=True, on_delete=models.PROTECT, related_name="koppelingen")
    adres = models.ForeignKey(Adres, null=True, blank=True, on_delete=models.PROTECT, related_name="koppelingen")
    organisatie = models.ForeignKey(
        Organisatie, null=True, blank=True, on_delete=models.PROTECT, related_name="koppelingen"
    )
    voertuig = models.ForeignKey(Voertuig, null=True, blank=True, on_delete=models.PROTECT, related_name="koppelingen")
    telefoonnummer = models.ForeignKey(
        Telefoonnummer, null=True, blank=True, on_delete=models.PROTECT, related_name="koppelingen"
    )
    methode = models.CharField(_("hoe gekoppeld"), max_length=20, choices=Methode.choices, default=Methode.NIEUW)
    score = models.FloatField(_("score"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("koppeling van een betrokkene")
        verbose_name_plural = _("koppelingen van betrokkenen")

    def __str__(self) -> str:
        return f"Koppeling van betrokkene {self.betrokkene_id}"


class PersoonSleutel(models.Model):
    """One blocking key of one person (engine.blocking_keys); the candidate index."""

    persoon = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="sleutels")
    sleutel = models.CharField(max_length=100)

    class Meta:
        verbose_name = _("zoeksleutel")
        verbose_name_plural = _("zoeksleutels")
        # (sleutel, persoon) covers the lookup: the candidate ids come from the index alone.
        indexes = [models.Index(fields=["sleutel", "persoon"], name="persoonsleutel_idx")]

    def __str__(self) -> str:
        return self.sleutel


class Beoordeling(models.TextChoices):
    OPEN = "open", _("Open")
    BEVESTIGD = "bevestigd", _("Bevestigd")
    AFGEWEZEN = "afgewezen", _("Afgewezen")


class Samenvoeging(models.Model):
    """A merge or split of persons: who, why, when, and exactly which rows moved (to undo it)."""

    class Soort(models.TextChoices):
        SAMENVOEGEN = "samenvoegen", _("Samengevoegd")
        AFSPLITSEN = "afsplitsen", _("Afgesplitst")

    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    # Merge: bron goes into doel. Split: koppelingen of bron move to doel.
    bron = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="+")
    doel = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="+")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reden = models.TextField(_("reden"))
    tijdstip = models.DateTimeField(auto_now_add=True)
    # {"koppelingen": [ids], "relaties_van": [ids], "relaties_naar": [ids], "inzagen": [ids], ...}
    verplaatst = models.JSONField(default=dict)
    # The later record that undid this one (a merge undone by a split, or a split undone by a merge).
    ongedaan_gemaakt_door = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="maakt_ongedaan"
    )

    class Meta:
        verbose_name = _("samenvoeging of splitsing")
        verbose_name_plural = _("samenvoegingen en splitsingen")
        ordering = ["-tijdstip", "-id"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.bron_id} → {self.doel_id}"


class MogelijkeMatch(models.Model):
    """The engine thinks `persoon` may be `kandidaat`; a person decides."""

    persoon = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="mogelijke_matches")
    kandidaat = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="als_kandidaat")
    score = models.FloatField(_("score"))
    toelichting = models.TextField(_("waarom"))
    status = models.CharField(_("status"), max_length=20, choices=Beoordeling.choices, default=Beoordeling.OPEN)
    bron_signaal = models.ForeignKey(
        "signalen.Signaal", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    beoordeeld_op = models.DateTimeField(null=True, blank=True)
    rationale = models.TextField(_("onderbouwing"), blank=True)
    samenvoeging = models.ForeignKey(Samenvoeging, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("mogelijke match")
        verbose_name_plural = _("mogelijke matches")
        ordering = ["-aangemaakt_op", "-id"]
        constraints = [models.UniqueConstraint(fields=["persoon", "kandidaat"], name="mogelijke_match_uniek")]
        indexes = [models.Index(fields=["status", "-aangemaakt_op"], name="mogelijke_match_status_idx")]

    def __str__(self) -> str:
        return f"Mogelijke match {self.persoon_id} ~ {self.kandidaat_id}"


class SamenloopAlert(models.Model):
    class Soort(models.TextChoices):
        PERSOON = "persoon", _("zelfde persoon")
        ADRES = "adres", _("zelfde adres")
        NETWERK = "netwerk", _("zelfde familienetwerk")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        AFGEHANDELD = "afgehandeld", _("Afgehandeld")

    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    persoon = models.ForeignKey(
        Persoon, null=True, blank=True, on_delete=models.CASCADE, related_name="samenloop_alerts"
    )
    adres = models.ForeignKey(Adres, null=True, blank=True, on_delete=models.CASCADE, related_name="samenloop_alerts")
    # For a network: every person in it (the anchor `persoon` included).
    leden = models.ManyToManyField(Persoon, blank=True, related_name="+")
    signalen = models.ManyToManyField("signalen.Signaal", blank=True, related_name="samenloop_alerts")
    afdelingen = models.ManyToManyField("accounts.Afdeling", blank=True, related_name="+")
    aantal_signalen = models.PositiveIntegerField(default=0)
    aantal_afdelingen = models.PositiveIntegerField(default=0)
    eerste_signaal_op = models.DateTimeField(null=True, blank=True)
    laatste_signaal_op = models.DateTimeField(null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    bijgewerkt_op = models.DateTimeField(auto_now=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    afgehandeld_op = models.DateTimeField(null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("samenloop")
        verbose_name_plural = _("samenloop")
        ordering = ["-bijgewerkt_op", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["soort", "persoon"],
                condition=Q(status="open", persoon__isnull=False),
                name="samenloop_open_persoon_uniek",
            ),
            models.UniqueConstraint(
                fields=["adres"], condition=Q(status="open", adres__isnull=False), name="samenloop_open_adres_uniek"
            ),
        ]
        indexes = [models.Index(fields=["status", "-bijgewerkt_op"], name="samenloop_status_idx")]

    def __str__(self) -> str:
        return f"Samenloop ({self.get_soort_display()}): {self.aantal_afdelingen} afdelingen"

    @property
    def subject(self):
        return self.persoon or self.adres


class SubjectInzage(models.Model):
    """An explicit grant: `user` may see `persoon` (not the signals about them), for `reden`."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subject_inzagen")
    persoon = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="inzagen")
    reden = models.TextField(_("reden"))
    verleend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verleend_op = models.DateTimeField(auto_now_add=True)
    geldig_tot = models.DateField(_("geldig tot"), null=True, blank=True)

    class Meta:
        verbose_name = _("inzage in een subject")
        verbose_name_plural = _("inzagen in subjecten")
        constraints = [models.UniqueConstraint(fields=["user", "persoon"], name="subject_inzage_uniek")]

    def __str__(self) -> str:
        return f"Inzage van {self.user_id} in persoon {self.persoon_id}"


class CombineerVerzoek(models.Model):
    """Someone who sees a person but not the signals asks the meldpunt to combine the information."""

    persoon = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="combineerverzoeken")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    toelichting = models.TextField(_("toelichting"), blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    afgehandeld_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("verzoek om te combineren")
        verbose_name_plural = _("verzoeken om te combineren")
        ordering = ["-aangemaakt_op", "-id"]

    def __str__(self) -> str:
        return f"Verzoek over persoon {self.persoon_id}"


class Roepnaam(models.Model):
    """A beheerder's addition to the engine's table of roepnamen (matching/nicknames.py): "Kees" for "Cornelis".

    Not personal data: a pair of first names. The default table lives in the engine; this one is
    read through the source registered in apps.py when a batch command starts (nicknames.refresh).
    """

    naam = models.CharField(_("volledige voornaam"), max_length=50)
    roepnaam = models.CharField(_("roepnaam of korte vorm"), max_length=50)

    class Meta:
        verbose_name = _("roepnaam")
        verbose_name_plural = _("roepnamen")
        ordering = ["naam", "roepnaam"]
        constraints = [models.UniqueConstraint(fields=["naam", "roepnaam"], name="roepnaam_uniek")]

    def __str__(self) -> str:
        return f"{self.roepnaam} voor {self.naam}"
