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
