"""`{% mijn_adviesvragen %}`: the melder's questions and answers, shown on "mijn signalen"."""

from django import template

from schakelpunt.access.policy import decide
from schakelpunt.adviesvragen import selectors

register = template.Library()


@register.inclusion_tag("adviesvragen/_mijn.html", takes_context=True)
def mijn_adviesvragen(context):
    user = context["request"].user
    if not decide(user, "adviesvraag.stellen"):
        return {"adviesvragen": [], "verborgen": True}
    return {"adviesvragen": selectors.adviesvraag_list(user=user, alleen_eigen=True, limit=20)}
