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
