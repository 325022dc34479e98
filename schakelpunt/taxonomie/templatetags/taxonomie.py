"""Template helpers for the guidance partial: where to report, and heading levels."""

from django import template

from schakelpunt.taxonomie import selectors

register = template.Library()


@register.simple_tag
def meldroutes(item):
    return selectors.meldroutes(item)


@register.simple_tag
def koppen(heading_level=None, zonder_titel=False):
    """Heading levels for the partial, so that it fits under whatever heading includes it."""
    level = min(max(int(heading_level or 3), 1), 5)
    return {"titel": level, "sectie": level if zonder_titel else level + 1}
