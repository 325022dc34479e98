"""`{% beheer_voorstellen %}`: the links and the open four-eyes proposals on the beheer overview."""

from django import template

from schakelpunt.beheer.models import RolVoorstel

register = template.Library()


@register.inclusion_tag("beheer/_voorstellen.html", takes_context=True)
def beheer_voorstellen(context):
    user = context["request"].user
    voorstellen = list(
        RolVoorstel.objects.filter(status=RolVoorstel.Status.OPEN).select_related("user", "voorgesteld_door")
    )
    for v in voorstellen:
        v.zelf = user.pk in (v.voorgesteld_door_id, v.user_id)
    return {"voorstellen": voorstellen, "user": user}
