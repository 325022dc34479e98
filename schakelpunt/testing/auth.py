"""Logging a test client in as a persona, with the second factor already passed."""

import time

from schakelpunt.accounts.middleware import LAST_ACTIVITY, LOGIN_AT, MFA_OK


def login(client, user, *, mfa: bool = True):
    client.force_login(user)
    session = client.session
    now = time.time()
    session[LOGIN_AT] = now
    session[LAST_ACTIVITY] = now
    session[MFA_OK] = mfa
    session.save()
    return client


def api_token_for(user) -> str:
    """An API token for `user`; for a four-eyes role, requested and approved by two beheerders."""
    from schakelpunt.accounts import services
    from schakelpunt.testing.factories import UserFactory

    if not services.needs_four_eyes(user):
        return services.api_token_create(user=user)
    eerste, tweede = (UserFactory(roles=["beheerder"], username=f"tokenbeheerder-{user.pk}-{i}") for i in (1, 2))
    record, _ = services.api_token_issue(actor=eerste, user=user, doel="test")
    return services.api_token_approve(actor=tweede, record=record)
