"""Permission matrix rows for the accounts URLs."""

from schakelpunt.testing.matrix import ANY_USER, Row, api, public

# Account pages are for every logged-in user; the login and reset pages for everyone.
MATRIX = {
    "accounts:login": Row(allowed=ANY_USER, ok=302, anon=200),  # logged in: sent home
    "accounts:logout": Row(allowed=ANY_USER, ok=302, anon=302, method="POST"),
    "accounts:keepalive": Row(allowed=ANY_USER, ok=204, method="POST"),
    "accounts:two_factor": Row(allowed=ANY_USER),
    "accounts:security": Row(allowed=ANY_USER),
    "accounts:reauthenticate": Row(allowed=ANY_USER),
    "accounts:two_factor_reset": Row(allowed=ANY_USER, ok=302),  # first: re-authenticate
    "accounts:password_change": Row(allowed=ANY_USER),
    "accounts:password_change_done": Row(allowed=ANY_USER),
    "accounts:password_reset": public(),
    "accounts:password_reset_done": public(),
    "accounts:password_reset_confirm": public(kwargs=lambda persona: {"uidb64": "MQ", "token": "x-y"}),
    "accounts:password_reset_complete": public(),
    "api-me": api(*ANY_USER),
}
