"""Users, afdelingen (departments), role assignments and the sessions a user has open."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from schakelpunt.accounts.roles import Rol


class Afdeling(models.Model):
    naam = models.CharField(_("naam"), max_length=200, unique=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("afdeling")
        verbose_name_plural = _("afdelingen")

    def __str__(self) -> str:
        return self.naam


class User(AbstractUser):
    afdeling = models.ForeignKey(
        Afdeling,
        verbose_name=_("afdeling"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="medewerkers",
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    @property
    def role_codes(self) -> frozenset[str]:
        # Cached per instance: a request asks for it many times.
        cached = getattr(self, "_role_codes", None)
        if cached is None:
            cached = frozenset(self.rollen.values_list("rol", flat=True))
            self._role_codes = cached
        return cached

    def has_role(self, role: str) -> bool:
        return role in self.role_codes

    @property
    def needs_two_factor(self) -> bool:
        return bool(self.role_codes & set(settings.TWO_FACTOR_ROLES))

    def display_name(self) -> str:
        return self.get_full_name() or self.username


class Roltoewijzing(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="rollen")
    rol = models.CharField(_("rol"), max_length=40, choices=Rol.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "rol"], name="unique_user_rol")]
        verbose_name = _("roltoewijzing")
        verbose_name_plural = _("roltoewijzingen")

    def __str__(self) -> str:
        return f"{self.user} – {self.rol}"


class UserSession(models.Model):
    """Links a session to its user so that disabling an account can end all its sessions."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sessies")
    session_key = models.CharField(max_length=40, unique=True)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"sessie van {self.user_id}"


class ApiToken(models.Model):
    """One API token's purpose, lifetime and who issued and approved it; knox keeps the token itself, hashed.

    The record outlives the token (revoked or expired) so that the beheerder can see what existed.
    A user in a high-privilege role (settings.API_TOKEN_FOUR_EYES_ROLES) gets a token only when one
    beheerder requested it and a second one approved it; until then ``token`` is empty.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    doel = models.CharField(_("doel"), max_length=200)
    token = models.OneToOneField(
        "knox.AuthToken", null=True, blank=True, on_delete=models.SET_NULL, related_name="schakelpunt"
    )
    token_key = models.CharField(_("begin van het token"), max_length=25, blank=True)
    geldig_dagen = models.PositiveSmallIntegerField(_("geldig (dagen)"))
    aangevraagd_op = models.DateTimeField(auto_now_add=True)
    aangevraagd_door = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("aangevraagd door")
    )
    goedgekeurd_door = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("goedgekeurd door")
    )
    uitgegeven_op = models.DateTimeField(null=True, blank=True)
    verloopt_op = models.DateTimeField(null=True, blank=True)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)
    ingetrokken_door = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-aangevraagd_op", "-id"]
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")

    def __str__(self) -> str:
        return f"API-token {self.pk} van {self.user_id} ({self.doel})"

    @property
    def status(self) -> str:
        from django.utils import timezone

        if self.ingetrokken_op:
            return "ingetrokken"
        if self.uitgegeven_op is None:
            return "wacht op goedkeuring"
        if self.token_id is None or (self.verloopt_op and self.verloopt_op <= timezone.now()):
            return "verlopen"  # knox deletes an expired token when it is next presented
        return "actief"


class CacheEntry(models.Model):
    """The table of Django's database cache (settings.CACHES), made by a migration instead of createcachetable.

    Only Django's cache backend reads and writes it (API rate limits).
    """

    cache_key = models.CharField(max_length=255, primary_key=True)
    value = models.TextField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "schakelpunt_cache"
        verbose_name = _("cache-regel")
        verbose_name_plural = _("cache-regels")

    def __str__(self) -> str:
        return self.cache_key
