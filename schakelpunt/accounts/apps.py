"""Accounts: users, afdelingen, roles, two-factor, OIDC and API tokens."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "schakelpunt.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from schakelpunt.accounts import signals  # noqa: F401
