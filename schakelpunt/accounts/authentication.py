"""API token authentication: `Authorization: Token <token>`, stored hashed, revocable."""

from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from rest_framework.exceptions import AuthenticationFailed


class TokenAuthentication(KnoxTokenAuthentication):
    """`Authorization: Token <token>`; tokens are stored hashed (knox) and can be revoked."""

    def authenticate_credentials(self, token):
        user, auth_token = super().authenticate_credentials(token)
        if not user.is_active:
            raise AuthenticationFailed("Account is niet actief.")
        return user, auth_token
