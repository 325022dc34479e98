"""API token authentication: `Authorization: Token <token>`, stored hashed, with a lifetime, revocable."""

from django.conf import settings
from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from schakelpunt.accounts.models import ApiToken


class TokenAuthentication(KnoxTokenAuthentication):
    """`Authorization: Token <token>`; tokens are stored hashed (knox), expire, and can be revoked.

    A token of a user who now holds a four-eyes role counts only if a second beheerder approved
    it: a role given after the token was issued does not ride along on the old token.
    """

    def authenticate_credentials(self, token):
        user, auth_token = super().authenticate_credentials(token)
        if not user.is_active:
            raise AuthenticationFailed("Account is niet actief.")
        record = ApiToken.objects.filter(token_id=auth_token.pk).only("goedgekeurd_door_id").first()
        if record is None:
            raise AuthenticationFailed("Dit token is niet geregistreerd; vraag een nieuw token aan.")
        if user.role_codes & set(settings.API_TOKEN_FOUR_EYES_ROLES) and record.goedgekeurd_door_id is None:
            raise AuthenticationFailed("Voor deze rol geldt alleen een token dat twee beheerders hebben uitgegeven.")
        return user, auth_token
