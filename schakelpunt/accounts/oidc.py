"""OpenID Connect login (Entra ID, Keycloak): maps the provider's user onto an existing account."""

from django.conf import settings
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from schakelpunt.accounts.middleware import MFA_OK


class SchakelpuntOIDCBackend(OIDCAuthenticationBackend):
    # Accounts, roles and departments are managed in Schakelpunt; the provider only proves
    # who someone is. An unknown or disabled user is refused.
    def filter_users_by_claims(self, claims):
        username = claims.get(settings.OIDC_USERNAME_CLAIM)
        if not username:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(username__iexact=username, is_active=True)

    def authenticate(self, request, **kwargs):
        user = super().authenticate(request, **kwargs)
        if user is not None and request is not None and settings.OIDC_TRUST_PROVIDER_MFA:
            request.session[MFA_OK] = True
        return user
