"""Template tags with which other apps' pages show casus information without importing casussen."""

from django import template

from schakelpunt.access.policy import decide
from schakelpunt.casussen import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def signaal_casussen(context, signaal) -> dict:
    """For the signal page: the casussen this signal is in, as far as the user may see them, and
    whether the user may open or extend one (the triage actions). Never shown to a melder."""
    user = context["request"].user
    if not decide(user, "casus.create"):
        return {"toon": False}
    return {
        "toon": True,
        "casussen": selectors.casussen_van_signaal(user=user, signaal_id=signaal.pk),
        "afgesloten": signaal.status == "afgesloten",
    }
