"""`{% load inzicht %}{% trends_actueel %}`: the current trend notes for the start page and the wegwijzer."""

from django import template

from schakelpunt.inzicht import selectors

register = template.Library()


@register.inclusion_tag("inzicht/_trends_actueel.html", takes_context=True)
def trends_actueel(context, limit: int = 3):
    """The newest current notes, each marked "nieuw" when published after the user's last visit to the
    trend page (looking here does not count as a visit). Nothing for users who may not read notes."""
    user = context["request"].user
    notities = selectors.trendnotities_actueel(user=user, limit=limit)
    gezien = selectors.trends_laatst_gezien(user=user)
    return {
        "trend_notities": [(n, gezien is None or n.gepubliceerd_op > gezien) for n in notities],
        "trend_nieuw": selectors.trendnotities_nieuw(user=user),
    }
