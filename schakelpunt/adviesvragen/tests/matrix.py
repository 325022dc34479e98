"""Permission matrix rows for advies vragen."""

from schakelpunt.testing.matrix import page


def _vraag(persona):
    from schakelpunt.adviesvragen.models import Adviesvraag

    melder = persona("melder")
    vraag = Adviesvraag.objects.filter(melder=melder).first() or Adviesvraag.objects.create(
        melder=melder, situatie="Een leerling blijft vaak weg en oogt moe."
    )
    return {"pk": vraag.pk}


MATRIX = {
    "adviesvragen:nieuw": page("melder"),
    "adviesvragen:lijst": page("aandachtsfunctionaris"),
    "adviesvragen:detail": page("melder", "aandachtsfunctionaris", kwargs=_vraag),
    "adviesvragen:beantwoorden": page(
        "aandachtsfunctionaris", ok=302, method="POST", data={"antwoord": "Meld het maar."}, kwargs=_vraag
    ),
    "adviesvragen:omzetten": page("melder", ok=302, method="POST", kwargs=_vraag),
}
