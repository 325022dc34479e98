"""Permission matrix rows for the verwerkingsregister: the privacyfunctionaris only."""

from schakelpunt.testing.matrix import page

PF = "privacyfunctionaris"


def _verwerking(persona):
    from django.utils import timezone

    from schakelpunt.verwerkingen.models import Verwerking, VerwerkingVersie

    verwerking, created = Verwerking.objects.get_or_create(key="matrix.proef")
    if created:
        VerwerkingVersie.objects.create(
            verwerking=verwerking,
            nummer=1,
            naam="Proef",
            doel="Proef",
            grondslag="AVG art. 6 lid 1 sub e",
            categorieen_gegevens="Naam",
            categorieen_betrokkenen="Betrokkenen",
            bewaartermijn="1 jaar",
            geldig_vanaf=timezone.now(),
        )
    return {"pk": verwerking.pk}


MATRIX = {
    "verwerkingen:lijst": page(PF),
    "verwerkingen:nieuw": page(PF),
    "verwerkingen:detail": page(PF, kwargs=_verwerking),
    "verwerkingen:wijzigen": page(PF, kwargs=_verwerking),
}
