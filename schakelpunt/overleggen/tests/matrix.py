"""Permission matrix rows for casusoverleggen: the persona aandachtsfunctionaris plans and chairs; the
casusregisseur and deelnemer personas are not invited, so the meeting is hidden from them (404)."""

from schakelpunt.testing.matrix import api, page

AF = "aandachtsfunctionaris"
LEZERS = (AF, "casusregisseur", "deelnemer")
NIET_GENODIGD = frozenset({"casusregisseur", "deelnemer"})


def _overleg(persona):
    import datetime

    from django.utils import timezone

    from schakelpunt.overleggen.models import Overleg

    af = persona(AF)
    o = Overleg.objects.create(
        titel="Casusoverleg",
        begin=timezone.now() + datetime.timedelta(days=1),
        einde=timezone.now() + datetime.timedelta(days=1, hours=2),
        voorzitter=af,
        notulist=af,
        aangemaakt_door=af,
    )
    o.genodigden.create(user=af)
    return {"pk": o.pk}


MATRIX = {
    "overleggen:lijst": page(*LEZERS),
    "overleggen:plannen": page(AF),
    "overleggen:detail": page(AF, kwargs=_overleg, hidden=NIET_GENODIGD),
    "overleggen:actie": page(
        AF, method="POST", data={"actie": "onbekend"}, ok=400, kwargs=_overleg, hidden=NIET_GENODIGD
    ),
    "overleggen:ics": page(AF, kwargs=_overleg, hidden=NIET_GENODIGD),
    "overleggen:verslag": page(AF, kwargs=_overleg, hidden=NIET_GENODIGD),
    # No approved verslag yet: "niet gevonden" for the meldpunt too (without a refusal).
    "overleggen:verslag_pdf": page(AF, kwargs=_overleg, ok=404, hidden=NIET_GENODIGD),
    "api-overleggen": api(*LEZERS),
    "api-overleg-detail": api(AF, kwargs=_overleg, denied=404),
    "api-overleg-ics": api(AF, kwargs=_overleg, denied=404),
}
