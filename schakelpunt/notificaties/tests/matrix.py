"""Permission matrix rows for the notices: every logged-in user sees only their own."""

from schakelpunt.testing.matrix import ANY_USER, Row

MATRIX = {
    "notificaties:lijst": Row(allowed=ANY_USER),
    "notificaties:gelezen": Row(allowed=ANY_USER, ok=302, method="POST", kwargs=lambda persona: {"pk": 999999}),
}
