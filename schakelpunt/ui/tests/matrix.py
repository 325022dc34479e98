"""Permission matrix rows for the shared interface and the API foundation."""

from schakelpunt.testing.matrix import ANY_USER, Row, page, public

MATRIX = {
    "ui:home": Row(allowed=ANY_USER),
    "ui:beheer": page("beheerder"),
    "ui:user_toggle_active": page(
        "beheerder",
        ok=302,
        method="POST",
        kwargs=lambda persona: {"user_id": persona("melder").pk},
    ),
    "healthz": public(),
    "api-schema": public(),
    "api-docs": public(),
}
