"""The access log: one append-only, hash-chained record per person concerned per action.

Each record's hash is an HMAC-SHA256 (under the key named by ``key_id``, from the environment)
over its content and the previous record's hash; records written before the chain was keyed
have an empty ``key_id`` and a plain SHA-256 hash (see docs/adr/0009-keyed-audit-chain.md).
"""

import json

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakelpunt.audit import keys


class Outcome(models.TextChoices):
    SUCCESS = "geslaagd", _("Geslaagd")
    REFUSED = "geweigerd", _("Geweigerd")
    FAILED = "mislukt", _("Mislukt")


class Action(models.TextChoices):
    READ = "lezen", _("Lezen")
    CREATE = "aanmaken", _("Aanmaken")
    UPDATE = "wijzigen", _("Wijzigen")
    DELETE = "verwijderen", _("Verwijderen")
    EXPORT = "exporteren", _("Exporteren")
    LOGIN = "inloggen", _("Inloggen")
    LOGOUT = "uitloggen", _("Uitloggen")
    SEARCH = "zoeken", _("Zoeken")


GENESIS_HASH = "0" * 64


class AuditRecordQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("audit records are append-only")

    def delete(self):
        raise TypeError("audit records are append-only")


class AuditRecord(models.Model):
    # Ids are assigned by the writer under the chain lock, so each hash can cover its own id.
    id = models.BigIntegerField(primary_key=True)
    tijdstip = models.DateTimeField(_("tijdstip (UTC)"), db_index=True)
    actor_id = models.BigIntegerField(_("gebruiker-id"), null=True, db_index=True)
    actor_username = models.CharField(_("gebruiker"), max_length=150, blank=True, db_index=True)
    rol = models.CharField(_("rol"), max_length=40, blank=True)
    actie = models.CharField(_("actie"), max_length=20, choices=Action.choices)
    object_type = models.CharField(_("objecttype"), max_length=60, blank=True)
    object_id = models.CharField(_("object"), max_length=64, blank=True)
    betrokkene = models.CharField(_("betrokkene (pseudoniem)"), max_length=80, blank=True, db_index=True)
    doel = models.CharField(_("doel van gebruik"), max_length=200, blank=True)
    verwerking = models.CharField(_("verwerkingsactiviteit"), max_length=200, blank=True)
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices)
    herkomst = models.CharField(_("herkomst (adres)"), max_length=64, blank=True)
    request_id = models.CharField(max_length=40, blank=True)
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    # The HMAC key the hash was made with; "" for records of the old unkeyed scheme.
    key_id = models.CharField(max_length=20, blank=True, default="")

    objects = AuditRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]
        verbose_name = _("logregel")
        verbose_name_plural = _("logregels")

    def __str__(self) -> str:
        return f"logregel {self.pk}"

    HASHED_FIELDS = (
        "tijdstip",
        "actor_id",
        "actor_username",
        "rol",
        "actie",
        "object_type",
        "object_id",
        "betrokkene",
        "doel",
        "verwerking",
        "uitkomst",
        "herkomst",
        "request_id",
        "toelichting",
    )

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("audit records are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("audit records are append-only")

    def compute_hash(self) -> str:
        payload = {name: getattr(self, name) for name in self.HASHED_FIELDS}
        payload["tijdstip"] = self.tijdstip.isoformat(timespec="microseconds")
        payload["id"] = self.pk
        if self.key_id:
            # The key id is covered too, so a record cannot be re-labelled to another key.
            payload["key_id"] = self.key_id
        body = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return keys.seal(self.key_id, self.prev_hash + body)


class AuditChainHead(models.Model):
    """The end of the chain: serialises writers and detects a truncated tail."""

    last_id = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)

    def __str__(self) -> str:
        return f"keten tot {self.last_id}"
