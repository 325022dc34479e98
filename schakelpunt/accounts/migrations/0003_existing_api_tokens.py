"""Tokens issued before purposes and lifetimes existed: recorded, and expiring 30 days after this migration.

Tokens of users in a four-eyes role get no approval here, so they stop working at once
(TokenAuthentication refuses them); a beheerder issues new ones (docs/configuration.md).
"""

from datetime import timedelta

from django.db import migrations
from django.utils import timezone


def record_existing(apps, schema_editor):
    AuthToken = apps.get_model("knox", "AuthToken")
    ApiToken = apps.get_model("accounts", "ApiToken")
    uiterlijk = timezone.now() + timedelta(days=30)
    for token in AuthToken.objects.all():
        verloopt = min(token.expiry, uiterlijk) if token.expiry else uiterlijk
        AuthToken.objects.filter(pk=token.pk).update(expiry=verloopt)
        ApiToken.objects.create(
            user_id=token.user_id,
            doel="uitgegeven vóór de doelbinding; geef opnieuw uit met een doel",
            token_id=token.pk,
            token_key=token.token_key,
            geldig_dagen=30,
            uitgegeven_op=token.created,
            verloopt_op=verloopt,
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_api_token_purpose"), ("knox", "0009_extend_authtoken_field")]
    operations = [migrations.RunPython(record_existing, migrations.RunPython.noop)]
