"""OpenID Connect: the provider's user is mapped onto an existing, active account only."""

import pytest
from django.test import override_settings

OIDC = {
    "OIDC_RP_CLIENT_ID": "schakelpunt",
    "OIDC_RP_CLIENT_SECRET": "geheim",
    "OIDC_RP_SIGN_ALGO": "RS256",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://idp.example/auth",
    "OIDC_OP_TOKEN_ENDPOINT": "https://idp.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://idp.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://idp.example/jwks",
    "OIDC_USERNAME_CLAIM": "preferred_username",
    "OIDC_CREATE_USER": False,
    "OIDC_TRUST_PROVIDER_MFA": True,
}


@pytest.fixture
def backend():
    with override_settings(**OIDC):
        from schakelpunt.accounts.oidc import SchakelpuntOIDCBackend

        yield SchakelpuntOIDCBackend()


def test_known_user_is_found_case_insensitively(backend, persona):
    user = persona("melder")
    found = backend.filter_users_by_claims({"preferred_username": user.username.upper()})
    assert list(found) == [user]


def test_unknown_or_disabled_user_is_refused(backend, persona):
    assert not backend.filter_users_by_claims({"preferred_username": "onbekend"}).exists()
    assert not backend.filter_users_by_claims({}).exists()
    user = persona("melder")
    user.is_active = False
    user.save()
    assert not backend.filter_users_by_claims({"preferred_username": user.username}).exists()


def test_accounts_are_never_created_from_the_provider(backend):
    with override_settings(**OIDC):
        assert backend.get_settings("OIDC_CREATE_USER", True) is False
