"""Permission matrix rows for the casus screens and API.

Casus URLs get a casus led by persona("casusregisseur"); the aandachtsfunctionaris sees every
casus. Everyone else gets 404 for it alike (missing and hidden look the same), also a deelnemer
who was not invited. Pages for a role (list, openen, bestuur) answer 403 to other roles.
Participants, removed participants and the melder are tested in test_toegang.py.
"""

from schakelpunt.testing.matrix import ANY_USER, api, page

AF = "aandachtsfunctionaris"
REGIE = "casusregisseur"
LEZERS = (AF, REGIE, "deelnemer")


def _casus(persona, **extra):
    from schakelpunt.casussen.tests.factories import casus_bare

    return casus_bare(regievoerder=persona(REGIE), **extra)


def casus(persona):
    return {"pk": _casus(persona).pk}


def casus_in_uitvoering(persona):
    return {"pk": _casus(persona, fase_code="uitvoering").pk}


def met_plan(persona):
    from schakelpunt.casussen.models import PlanVanAanpak

    c = _casus(persona)
    plan = PlanVanAanpak.objects.create(casus=c, versie=1, doelen="Doel", opgesteld_door=persona(REGIE))
    return {"pk": c.pk, "plan": plan.pk}


def met_deelnemer(persona):
    from schakelpunt.casussen.models import Deelnemer

    c = _casus(persona)
    d = Deelnemer.objects.create(casus=c, user=persona(AF), toegevoegd_door=persona(REGIE))
    return {"pk": c.pk, "deelnemer": d.pk}


def met_uitvraag(persona):
    from schakelpunt.casussen.models import Uitvraag

    c = _casus(persona)
    u = Uitvraag.objects.create(
        casus=c, vraag="Bekend?", ontvanger=persona(REGIE), deadline="2099-01-01", gesteld_door=persona(REGIE)
    )
    return {"pk": c.pk, "uitvraag": u.pk}


def uitvraag_aan_regisseur(persona):
    return {"pk": met_uitvraag(persona)["uitvraag"]}


def actie(persona):
    from schakelpunt.casussen.models import Actie

    c = _casus(persona)
    a = Actie.objects.create(casus=c, titel="Huisbezoek", eigenaar=persona(REGIE), deadline="2099-01-01")
    return {"pk": a.pk}


def signaal(persona):
    from schakelpunt.signalen.tests.factories import SignaalFactory

    return {"pk": SignaalFactory(melder=persona("melder")).pk}


def sjabloon(persona):
    return casus(persona)


def post(*roles, **kw):
    kw.setdefault("ok", 302)
    kw.setdefault("denied", 404)
    return page(*roles, method="POST", **kw)


MATRIX = {
    "casussen:lijst": page(*LEZERS),
    "casussen:openen": page(AF),
    "casussen:bestuur": page("bestuur", AF, REGIE),
    "casussen:uitvragen": page(*(r for r in ANY_USER)),
    "casussen:uitvraag": page(REGIE, denied=404, kwargs=uitvraag_aan_regisseur),
    # The meldpunt adds a signal to a casus; an unknown casus number is a 404 (nothing refused).
    "casussen:signaal_koppelen": page(AF, method="POST", ok=404, data={"casus": 999999}, kwargs=signaal),
    "casussen:actie_bijwerken": post(AF, REGIE, data={"versie": 1, "status": "bezig", "resultaat": ""}, kwargs=actie),
    "casussen:detail": page(AF, REGIE, denied=404, kwargs=casus),
    "casussen:tijdlijn": page(AF, REGIE, denied=404, kwargs=casus),
    "casussen:plan_vergelijken": page(AF, REGIE, denied=404, kwargs=casus),
    "casussen:dossier": page(AF, REGIE, denied=404, kwargs=casus),
    "casussen:bewerken": post(AF, REGIE, data={"versie": 1, "titel": "Nieuwe titel", "regievoerder": ""}, kwargs=casus),
    "casussen:fase": post(AF, REGIE, data={"versie": 1, "naar": "uitvraag_quickscan"}, kwargs=casus),
    "casussen:checklist": post(AF, REGIE, data={"item": 0}, kwargs=casus),
    "casussen:deelnemer_toevoegen": post(AF, REGIE, data={"user": 0}, ok=400, kwargs=casus),
    "casussen:deelnemer_verwijderen": post(AF, REGIE, data={"reden": "klaar"}, kwargs=met_deelnemer),
    "casussen:besluit": post(
        AF, REGIE, data={"soort": "overig", "vraag": "Huisbezoek?", "overwegingen": "x", "besluit": "Ja"}, kwargs=casus
    ),
    "casussen:subject_toevoegen": post(AF, REGIE, data={"persoon": ""}, ok=400, kwargs=casus),
    "casussen:uitvraag_stellen": post(AF, REGIE, data={"vraag": ""}, ok=400, kwargs=casus),
    "casussen:uitvraag_status": post(
        AF, REGIE, data={"status": "gepauzeerd", "reden": "Vakantie"}, kwargs=met_uitvraag
    ),
    "casussen:quickscan": post(
        AF, REGIE, data={"versie": 0, "probleemdefinitie": "p", "probleemeigenaar": "ZVH"}, kwargs=casus
    ),
    "casussen:plan": post(AF, REGIE, data={"versie": 0, "doelen": "Kind veilig"}, kwargs=casus),
    "casussen:plan_goedkeuren": post(AF, REGIE, kwargs=met_plan),
    "casussen:actie_toevoegen": post(AF, REGIE, data={"titel": ""}, ok=400, kwargs=casus_in_uitvoering),
    "casussen:evaluatie": post(AF, REGIE, data={"per_doel": ""}, ok=400, kwargs=casus),
    "casussen:sjabloon": post(AF, REGIE, data={"sjabloon": 0}, kwargs=sjabloon),
    "api-casussen": api(*LEZERS),
    "api-casus-detail": api(AF, REGIE, denied=404, kwargs=casus),
    "api-casus-fase": api(
        AF, REGIE, method="POST", denied=404, data={"naar": "uitvraag_quickscan", "versie": 1}, kwargs=casus
    ),
    "api-casus-besluiten": api(AF, REGIE, denied=404, kwargs=casus),
}
