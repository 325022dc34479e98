"""The access log: one append-only, hash-chained record per person concerned per action.

Each record's hash is an HMAC-SHA256 (under the key named by ``key_id``, from the environment)
over its content and the previous record's hash; records written before the chain was keyed
have an empty ``key_id`` and a plain SHA-256 hash (see docs/adr/0009-keyed-audit-chain.md).
"""

import json
import uuid

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
    # The version of the processing activity (verwerkingsregister) in force when the record was
    # appended; empty for records from before the register, and for an activity that is not a key.
    verwerking_versie = models.ForeignKey(
        "verwerkingen.VerwerkingVersie",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        verbose_name=_("versie van de verwerking"),
    )

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
        if self.verwerking_versie_id is not None:
            # Only when set, so records from before the register keep their hash.
            payload["verwerking_versie"] = self.verwerking_versie_id
        body = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return keys.seal(self.key_id, self.prev_hash + body)


def new_register_token() -> str:
    return uuid.uuid4().hex


class AuditChainHead(models.Model):
    """The end of the chain: serialises writers and detects a truncated tail.

    ``register_token`` changes with every new version in the verwerkingsregister: the writer reads
    it under the chain lock anyway, so its cached "version in force per activity" is checked
    without an extra query (see verwerkingen/register.py).
    """

    last_id = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)
    register_token = models.CharField(max_length=32, default=new_register_token)

    def __str__(self) -> str:
        return f"keten tot {self.last_id}"


class AuditPeriodeQuerySet(models.QuerySet):
    def delete(self):
        raise TypeError("het zegel van een periode van het toegangslog blijft bewaard")


class AuditPeriode(models.Model):
    """A sealed stretch of the chain (records eerste_id..laatste_id) with the hash before it and its last hash.

    The seal (an HMAC under the audit key) outlives the records: when a period is destroyed after
    the access log's retention, ``verify_audit`` continues the chain from the sealed last hash and
    still proves that what remains is intact and that nothing between the periods is missing.
    The start of a destruction is sealed too, so that nobody without the key can mark a period as
    destroyed to hide records deleted from it. See docs/adr/0017-verwerkingsregister-and-access-log-retention.md.
    """

    eerste_id = models.BigIntegerField(unique=True)
    laatste_id = models.BigIntegerField(unique=True)
    aantal = models.BigIntegerField()
    vorige_hash = models.CharField(max_length=64)
    laatste_hash = models.CharField(max_length=64)
    # The last record's key id: after a destroyed period an unkeyed record is still a break.
    laatste_key_id = models.CharField(max_length=20, blank=True)
    van = models.DateTimeField(_("eerste tijdstip"))
    tot = models.DateTimeField(_("laatste tijdstip"))
    verzegeld_op = models.DateTimeField(_("verzegeld op"))
    verzegeld_door = models.CharField(_("verzegeld door"), max_length=150)
    key_id = models.CharField(max_length=20)
    zegel = models.CharField(max_length=64)
    vernietiging_gestart_op = models.DateTimeField(null=True, blank=True)
    vernietigd_door = models.CharField(max_length=150, blank=True)
    vernietig_zegel = models.CharField(max_length=64, blank=True)
    vernietigd_op = models.DateTimeField(_("vernietigd op"), null=True, blank=True)
    vernietigd_aantal = models.BigIntegerField(default=0)

    objects = AuditPeriodeQuerySet.as_manager()

    class Meta:
        ordering = ["eerste_id"]
        verbose_name = _("periode van het toegangslog")
        verbose_name_plural = _("perioden van het toegangslog")

    def __str__(self) -> str:
        return f"periode {self.eerste_id}-{self.laatste_id}"

    def delete(self, *args, **kwargs):
        raise TypeError("het zegel van een periode van het toegangslog blijft bewaard")

    def seal_body(self) -> str:
        data = {
            "aantal": self.aantal,
            "eerste_id": self.eerste_id,
            "key_id": self.key_id,
            "laatste_hash": self.laatste_hash,
            "laatste_id": self.laatste_id,
            "laatste_key_id": self.laatste_key_id,
            "tot": self.tot.isoformat(timespec="microseconds"),
            "van": self.van.isoformat(timespec="microseconds"),
            "verzegeld_door": self.verzegeld_door,
            "verzegeld_op": self.verzegeld_op.isoformat(timespec="microseconds"),
            "vorige_hash": self.vorige_hash,
        }
        return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    def compute_zegel(self) -> str:
        return keys.sign_period(self.key_id, self.seal_body())

    def destruction_body(self) -> str:
        assert self.vernietiging_gestart_op is not None
        started = self.vernietiging_gestart_op.isoformat(timespec="microseconds")
        return f"{self.zegel}|{started}|{self.vernietigd_door}"

    def compute_vernietig_zegel(self) -> str:
        return keys.sign_period(self.key_id, "vernietigen\x00" + self.destruction_body())

    @property
    def vernietigd(self) -> bool:
        return self.vernietigd_op is not None
