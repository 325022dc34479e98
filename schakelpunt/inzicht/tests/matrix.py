"""Permission matrix rows for inzicht: figures for bestuur and the aandachtsfunctionaris, trend notes and
the leerlijn for every professional, writing notes for the meldpunt, the leerlijn's beheer for the beheerder."""

from schakelpunt.testing.matrix import EVERY_ROLE, api, page


def _notitie(persona):
    import datetime

    from schakelpunt.inzicht.models import Trendnotitie

    n = Trendnotitie.objects.create(
        titel="Ronselen via sociale media",
        tekst="Let op.",
        actueel_tot=datetime.date(2099, 1, 1),
        auteur=persona("aandachtsfunctionaris"),
    )
    return {"pk": n.pk}


def _module(persona):
    return {"slug": "waar-let-je-op"}


ROLES = tuple(EVERY_ROLE)

MATRIX = {
    "inzicht:dashboard": page("bestuur", "aandachtsfunctionaris"),
    "api-inzicht-signalen": api("bestuur", "aandachtsfunctionaris"),
    "inzicht:trends": page(*ROLES),
    "inzicht:trend_digest": page(*ROLES, method="POST", data={"digest": "aan"}, ok=302),
    "inzicht:trend_nieuw": page("aandachtsfunctionaris"),
    "inzicht:trend_bewerken": page("aandachtsfunctionaris", kwargs=_notitie),
    "inzicht:leerlijn": page(*ROLES),
    "inzicht:module": page(*ROLES, kwargs=_module),
    "inzicht:leerlijn_beheer": page("beheerder"),
    "inzicht:module_bewerken": page("beheerder", kwargs=_module),
}
