"""Deployment checks of the access log: a production installation anchors its chain outside the database."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def checkpoint_dir(app_configs, **kwargs):
    if settings.PRODUCTION and not settings.AUDIT_CHECKPOINT_DIR:
        return [
            Warning(
                "AUDIT_CHECKPOINT_DIR is not set: the access log has no signed checkpoints outside the database, "
                "so someone with the database and the key could rewrite it unnoticed.",
                hint="Point it at storage the database administrator cannot write and run "
                "`manage.py audit_checkpoint` periodically (docs/adr/0009-keyed-audit-chain.md).",
                id="audit.W001",
            )
        ]
    return []
